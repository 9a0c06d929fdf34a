"""The offline cache: which provisioning files are kept, how old and how big; open one in the viewer
without a connection; clear one organisation or everything (confirmed first).

The small entry points the main window needs for offline reading (:func:`open_cached`,
:func:`provisioning_cache_for`, :func:`dropped_provisioning_files`) and the shared labels live in
gui.offline_copy and are importable from here too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from compass_desk.gui.ask import confirm
from compass_desk.gui.i18n import localize
from compass_desk.gui.messages import user_message
from compass_desk.gui.offline_copy import PROVISIONING_SUFFIXES as PROVISIONING_SUFFIXES
from compass_desk.gui.offline_copy import age_label as age_label
from compass_desk.gui.offline_copy import dropped_provisioning_files as dropped_provisioning_files
from compass_desk.gui.offline_copy import local_time as local_time
from compass_desk.gui.offline_copy import open_cached as open_cached
from compass_desk.gui.offline_copy import provisioning_cache_for as provisioning_cache_for
from compass_desk.gui.offline_copy import secrets_label as secrets_label
from compass_desk.gui.offline_copy import size_label as size_label
from compass_desk.gui.plurals import plural
from compass_desk.gui.worker import Worker
from compass_desk.services.offline import StoredOrganisation, organisations
from compass_desk.store.provisioning_cache import CachedFileInfo, ProvisioningCache

if TYPE_CHECKING:
    from compass_desk.store.audit import AuditLog
    from compass_desk.store.cache import Cache, SnapshotInfo

COLUMNS = (QT_TRANSLATE_NOOP("CacheView", "Organisation"), QT_TRANSLATE_NOOP("CacheView", "Phone"),
           QT_TRANSLATE_NOOP("CacheView", "MAC"), QT_TRANSLATE_NOOP("CacheView", "File"),
           QT_TRANSLATE_NOOP("CacheView", "Fetched"), QT_TRANSLATE_NOOP("CacheView", "Size"),
           QT_TRANSLATE_NOOP("CacheView", "Passwords"), QT_TRANSLATE_NOOP("CacheView", "Environment"))
_INFO_ROLE = Qt.ItemDataRole.UserRole + 1
_SORT_ROLE = Qt.ItemDataRole.UserRole + 2

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
