"""The offline cache: which provisioning files are kept, how old and how big; open one in the viewer
without a connection; clear one organisation or everything (confirmed first).

Also the small entry points the main window needs for offline reading: :func:`open_cached` (a
stored copy in the provisioning viewer), :func:`provisioning_cache_for` (one cache per app
context) and :func:`dropped_provisioning_files` (drag and drop of ``.xml`` / ``.cfg`` files).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QLocale, QMimeData, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from compass_desk.gui.ask import confirm
from compass_desk.gui.i18n import localize
from compass_desk.gui.messages import user_message
from compass_desk.gui.plurals import plural
from compass_desk.gui.worker import Worker
from compass_desk.services.offline import (
    SECRETS_TEXT,
    StoredOrganisation,
    organisations,
)
from compass_desk.store.provisioning_cache import CachedFileInfo, ProvisioningCache

if TYPE_CHECKING:
    from compass_desk.gui.provisioning_view import ProvisioningViewDialog
    from compass_desk.store.audit import AuditLog
    from compass_desk.store.cache import Cache, SnapshotInfo

log = logging.getLogger(__name__)

COLUMNS = (QT_TRANSLATE_NOOP("CacheView", "Organisation"), QT_TRANSLATE_NOOP("CacheView", "Phone"),
           QT_TRANSLATE_NOOP("CacheView", "MAC"), QT_TRANSLATE_NOOP("CacheView", "File"),
           QT_TRANSLATE_NOOP("CacheView", "Fetched"), QT_TRANSLATE_NOOP("CacheView", "Size"),
           QT_TRANSLATE_NOOP("CacheView", "Passwords"), QT_TRANSLATE_NOOP("CacheView", "Environment"))
PROVISIONING_SUFFIXES = (".xml", ".cfg", ".txt", ".conf")
_INFO_ROLE = Qt.ItemDataRole.UserRole + 1
_SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_OPENING = threading.Lock()


_SECRETS = {
    "none": QT_TRANSLATE_NOOP("CacheView", "none in the file"),
    "encrypted": QT_TRANSLATE_NOOP("CacheView", "encrypted"),
    "dropped": QT_TRANSLATE_NOOP("CacheView", "not kept"),
}


def secrets_label(kind: str) -> str:
    """How the passwords of a stored file are kept (services.offline.SECRETS_TEXT), translated."""
    text = _SECRETS.get(kind)
    return QCoreApplication.translate("CacheView", str(text)) if text else SECRETS_TEXT.get(kind, kind)


def age_label(fetched_at: datetime, now: datetime | None = None) -> str:
    """services.offline.age_text in the user's language: "just now", "5 min ago", "3 h ago", "2 days ago"."""
    seconds = max(0, int(((now or datetime.now(UTC)) - fetched_at).total_seconds()))
    if seconds < 60:
        return QCoreApplication.translate("CacheView", "just now")
    if seconds < 3600:
        text, value = QCoreApplication.translate("CacheView", "%1 min ago"), seconds // 60
    elif seconds < 2 * 86400:
        text, value = QCoreApplication.translate("CacheView", "%1 h ago"), seconds // 3600
    else:
        text, value = QCoreApplication.translate("CacheView", "%1 days ago"), seconds // 86400
    return text.replace("%1", str(value))


def size_label(size: int) -> str:
    """services.offline.size_text with the decimal sign of the app's language (4,2 kB in Dutch)."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{QLocale().toString(size / 1024, 'f', 1)} kB"
    return f"{QLocale().toString(size / 1024 / 1024, 'f', 1)} MB"


def local_time(moment: datetime, layout: str) -> str:
    """*moment* in local time, with day and month names in the app's language (not the C locale's)."""
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())), layout)


# --- entry points for the main window -----------------------------------------------------------
def provisioning_cache_for(context: Any) -> ProvisioningCache | None:
    """The app context's provisioning cache, opened on first use and closed with the context.

    Uses ``context.provisioning_cache`` when the context already has one; None (logged) when the
    cache cannot be opened: the app then works without offline copies. Safe from worker threads.
    """
    from compass_desk.services.offline import open_provisioning_cache

    with _OPENING:  # callable from worker threads: two fetches at once must share one cache
        existing = getattr(context, "provisioning_cache", None)
        if existing is not None:
            return existing  # type: ignore[no-any-return]
        try:
            cache = open_provisioning_cache(context.paths)
        except Exception as exc:  # a broken cache file must not stop the viewer
            log.warning("offline cache unavailable: %s", exc)
            return None
        context.provisioning_cache = cache
        # Not a nested def: lupdate loses the class context of the tr() calls further down after one.
        context.on_close.append(lambda: _close_cache(context, cache))
        return cache


def _close_cache(context: Any, cache: ProvisioningCache) -> None:
    context.provisioning_cache = None
    cache.close()


def dropped_provisioning_files(mime: QMimeData) -> list[Path]:
    """The local files in a drag that look like provisioning files (by name)."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in PROVISIONING_SUFFIXES]


def open_cached(parent: QWidget | None, cache: ProvisioningCache, environment: str, phone_url: str, *,
                audit: AuditLog | None = None, user: str = "") -> ProvisioningViewDialog | None:
    """Show the stored copy of a phone's file in the provisioning viewer (no connection needed).

    Secrets can be revealed (audit-logged) only when the copy kept them and the keyring key still
    opens them; otherwise the viewer shows the masked copy and says why.
    """
    from compass_desk.domain.provisioning.secrets import MASK
    from compass_desk.domain.text import TextError
    from compass_desk.gui.provisioning_view import NO_AUDIT_LOG, ProvisioningViewDialog

    try:
        cached = cache.get(environment, phone_url)
    except Exception as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("CacheView", "Offline copy"),
                            user_message(exc, "read the offline copy"))
        return None
    if cached is None:
        QMessageBox.information(parent, QCoreApplication.translate("CacheView", "Offline copy"),
                                QCoreApplication.translate(
                                    "CacheView", "No offline copy of this phone's provisioning file is "
                                    "stored; it is kept the next time the file is viewed online."))
        return None
    info = cached.info
    from compass_desk.store.audit import phone_target

    target = phone_target(info.phone_name, info.mac, info.company_name)

    def reveal() -> None:
        if audit is None:
            raise TextError(NO_AUDIT_LOG)
        audit.record(environment, user, "reveal provisioning secrets", target, "ok", "offline copy")

    fetched = local_time(info.fetched_at, "d MMM yyyy HH:mm")
    note = (QCoreApplication.translate("CacheView", "Offline copy, fetched %1 (%2).")
            .replace("%1", fetched).replace("%2", age_label(info.fetched_at)))
    if cached.complete:
        text = cached.content()
    else:
        text = cached.masked_text(MASK)
        note = (QCoreApplication.translate("CacheView", "%1 Its passwords cannot be shown: the key to "
                                           "decrypt them is no longer in the keyring.")
                if cached.secrets_locked else
                QCoreApplication.translate("CacheView", "%1 Its passwords were not kept, because no secure "
                                           "keyring was available.")).replace("%1", note)
    dialog = ProvisioningViewDialog(text, filename=info.filename,
                                    on_reveal=reveal if cached.complete else None,
                                    title=QCoreApplication.translate(
                                        "CacheView", "Offline copy of the provisioning file of %1").replace(
                                        "%1", phone_target(info.phone_name, info.mac)), parent=parent)
    banner = QLabel(note, dialog)
    banner.setObjectName("offlineBanner")
    banner.setWordWrap(True)
    banner.setStyleSheet("QLabel#offlineBanner { background: #fff4ce; color: #4a3b00; padding: 4px 8px;"
                         " border-radius: 3px; }")
    layout = dialog.layout()
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(0, banner)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


# --- the dialog ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Contents:
    entries: list[CachedFileInfo]
    lists: list[SnapshotInfo]
    note: object  # the cache's secrets note, str or Text (looked up off the UI thread: keyring may be slow)


class _Item(QTableWidgetItem):
    """Sorts by the value in _SORT_ROLE when there is one (ages and sizes are not sorted as text)."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(_SORT_ROLE), other.data(_SORT_ROLE)
        if mine is not None and theirs is not None:
            return bool(mine < theirs)
        # Not super().__lt__: PySide dispatches that back to this override (endless recursion).
        return self.text().casefold() < other.text().casefold()


class CacheViewDialog(QDialog):
    """``CacheViewDialog(cache, *, snapshots=None, audit=None, worker=None, user="", parent=None)``.

    With *worker*, reading and clearing run off the UI thread; without, they run at once (tests).
    """

    def __init__(self, cache: ProvisioningCache, *, snapshots: Cache | None = None,
                 audit: AuditLog | None = None, worker: Worker | None = None, user: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Offline cache"))
        self.resize(980, 560)
        self.cache = cache
        self.snapshots = snapshots
        self.audit = audit
        self.worker = worker
        self.user = user
        self.entries: list[CachedFileInfo] = []
        self.groups: list[StoredOrganisation] = []
        self.lists: list[SnapshotInfo] = []

        intro = QLabel(self.tr("Provisioning files fetched earlier, kept on this computer so you can read "
                               "them without a connection. Passwords in them are stored encrypted, never in "
                               "plain text."))
        intro.setWordWrap(True)
        self.summary = QLabel(self.tr("Reading the offline cache…"))
        self.summary.setWordWrap(True)
        self.lists_label = QLabel("")
        self.lists_label.setWordWrap(True)
        self.organisation = QComboBox()
        self.organisation.setAccessibleName(self.tr("Organisation"))
        self.organisation.currentIndexChanged.connect(self._filter)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("CacheView", str(c))
                                              for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((230, 150, 135, 135, 85, 65, 110)):
            header.resizeSection(column, width)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Show the stored copy in the provisioning viewer"))
        self.clear_org_button = QPushButton(self.tr("Clear organisation…"))
        self.clear_all_button = QPushButton(self.tr("Clear all…"))
        close = QPushButton(self.tr("Close"))
        self.open_button.clicked.connect(self.open_selected)
        self.clear_org_button.clicked.connect(self.clear_organisation)
        self.clear_all_button.clicked.connect(self.clear_all)
        close.clicked.connect(self.reject)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Organisation:")))
        pick.addWidget(self.organisation, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        for button in (self.clear_org_button, self.clear_all_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        for widget in (intro, self.summary):
            layout.addWidget(widget)
        layout.addLayout(pick)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.lists_label)
        layout.addLayout(buttons)
        self._update_buttons()
        self.reload()

    # --- reading ------------------------------------------------------------------------------
    def _read(self) -> _Contents:
        lists = self.snapshots.environments() if self.snapshots is not None else []
        return _Contents(self.cache.entries(), lists, self.cache.secrets_note_text)

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None], doing: str) -> None:
        def failed(error: BaseException) -> None:
            self.summary.setText(user_message(error, doing))

        if self.worker is None:
            try:
                result = work()
            except Exception as exc:
                failed(exc)
                return
            done(result)
            return
        self.worker.submit(lambda _ctx: work(), label=doing[:1].upper() + doing[1:],
                           on_success=done, on_failure=failed)

    def reload(self) -> None:
        self._run(self._read, self._show, "read the offline cache")

    def _show(self, contents: _Contents) -> None:
        self.entries, self.lists = contents.entries, contents.lists
        self.groups = organisations(contents.entries)
        now = datetime.now(UTC)
        total = sum(e.size for e in self.entries)
        files = plural(len(self.entries), self.tr("1 provisioning file"), self.tr("%1 provisioning files"))
        text = (self.tr("%1 of %2, %3 of at most %4.")
                .replace("%3", size_label(total)).replace("%4", size_label(self.cache.limit_bytes))
                .replace("%2", self.organisations_text(len(self.groups))).replace("%1", files))
        if not self.entries:
            text = self.tr("Nothing is stored yet. Viewing a phone's provisioning file keeps a copy; "
                           "Prepare site visit keeps a whole organisation's.")
        note = localize(contents.note) if contents.note else ""
        if note.strip():
            text = self.tr("%1 Passwords are not kept: %2").replace("%2", note).replace("%1", text)
        self.summary.setText(text)
        self.lists_label.setText("\n".join(
            self.tr("Phone list of %1: %2, %3, fetched %4.")
            .replace("%2", self.organisations_text(s.companies))
            .replace("%3", plural(s.phones, self.tr("1 phone"), self.tr("%1 phones")))
            .replace("%4", age_label(s.fetched_at, now)).replace("%1", s.environment)
            for s in contents.lists))
        self.lists_label.setVisible(bool(contents.lists))
        chosen = self.organisation.currentData()
        self.organisation.blockSignals(True)
        self.organisation.clear()
        everything = self.tr("All organisations (%1)").replace("%1", self.files_text(len(self.entries)))
        self.organisation.addItem(everything, None)
        for group in self.groups:
            label = (self.tr("%1 · %2 (%3, newest %4)").replace("%3", self.files_text(group.files))
                     .replace("%4", age_label(group.newest, now)).replace("%2", group.environment)
                     .replace("%1", group.company_name or group.company_url))
            self.organisation.addItem(label, (group.environment, group.company_url))
        index = self.organisation.findData(chosen) if chosen is not None else 0
        self.organisation.setCurrentIndex(max(index, 0))
        self.organisation.blockSignals(False)
        self._filter()

    def _filter(self) -> None:
        chosen = self.organisation.currentData()
        shown = [e for e in self.entries if chosen is None or (e.environment, e.company_url) == tuple(chosen)]
        now = datetime.now(UTC)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(shown))
        for row, info in enumerate(shown):
            cells = (info.company_name or info.company_url, info.phone_name, _mac(info.mac), info.filename,
                     age_label(info.fetched_at, now), size_label(info.size),
                     secrets_label(info.secrets), info.environment)
            for column, value in enumerate(cells):
                item = _Item(value)
                if column == 0:
                    item.setData(_INFO_ROLE, info)
                elif column == 4:
                    item.setData(_SORT_ROLE, -info.fetched_at.timestamp())
                    item.setToolTip(local_time(info.fetched_at, "ddd d MMM yyyy HH:mm"))
                elif column == 5:
                    item.setData(_SORT_ROLE, info.size)
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)
        # The environment column only when there is more than one to tell apart.
        self.table.setColumnHidden(len(COLUMNS) - 1, len({e.environment for e in self.entries}) < 2)
        self._update_buttons()

    def selected_info(self) -> CachedFileInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        info = item.data(_INFO_ROLE) if item is not None else None
        return info if isinstance(info, CachedFileInfo) else None

    def chosen_organisation(self) -> StoredOrganisation | None:
        """The organisation picked above the table, else the one of the selected file."""
        chosen = self.organisation.currentData()
        if chosen is None:
            info = self.selected_info()
            chosen = (info.environment, info.company_url) if info is not None else None
        return next((g for g in self.groups if chosen is not None
                     and (g.environment, g.company_url) == tuple(chosen)), None)

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_info() is not None)
        self.clear_org_button.setEnabled(self.chosen_organisation() is not None)
        self.clear_all_button.setEnabled(bool(self.entries or self.lists))

    # --- actions ------------------------------------------------------------------------------
    def open_selected(self) -> QDialog | None:
        info = self.selected_info()
        if info is None:
            return None
        return open_cached(self, self.cache, info.environment, info.phone_url, audit=self.audit,
                           user=self.user)

    def organisations_text(self, count: int) -> str:
        return plural(count, self.tr("1 organisation"), self.tr("%1 organisations"))

    def files_text(self, count: int) -> str:
        return plural(count, self.tr("1 file"), self.tr("%1 files"))

    def confirm(self, title: str, question: str) -> bool:
        """Ask before removing anything (tests replace this)."""
        return confirm(self, title, question)

    def clear_organisation(self) -> None:
        group = self.chosen_organisation()
        if group is None:
            return
        name = group.company_name or group.company_url
        question = (plural(group.files,
                           self.tr("Remove the stored provisioning file of %2 (%3)? You need a connection "
                                   "to fetch it again."),
                           self.tr("Remove the %1 stored provisioning files of %2 (%3)? You need a "
                                   "connection to fetch them again."))
                    .replace("%3", group.environment).replace("%2", name))
        if not self.confirm(self.tr("Clear organisation"), question):
            return
        one, many = self.tr("Removed 1 file of %2."), self.tr("Removed %1 files of %2.")
        self._run(lambda: self.cache.clear(group.environment, group.company_url),
                  lambda count: self._cleared(plural(count, one, many).replace("%2", name)),
                  "clear the offline cache")

    def clear_all(self) -> None:
        question = plural(len(self.entries),
                          self.tr("Remove the stored provisioning file and the stored phone lists? You "
                                  "need a connection to fetch them again."),
                          self.tr("Remove all %1 stored provisioning files and the stored phone lists? You "
                                  "need a connection to fetch them again."))
        if not self.confirm(self.tr("Clear all"), question):
            return

        def work() -> int:
            count = self.cache.clear()
            if self.snapshots is not None:
                self.snapshots.clear()
            return count

        one = self.tr("Removed 1 file and the phone lists.")
        many = self.tr("Removed all %1 files and the phone lists.")
        self._run(work, lambda count: self._cleared(plural(count, one, many)),
                  "clear the offline cache")

    def _cleared(self, message: str) -> None:
        self.organisation.setCurrentIndex(0)
        def show(contents: _Contents) -> None:
            self._show(contents)
            self.summary.setText(f"{message} {self.summary.text()}")

        self._run(self._read, show, "read the offline cache")


def _mac(mac: str) -> str:
    from compass_desk.domain.mac import format_mac, is_mac

    return format_mac(mac) if is_mac(mac) else mac
