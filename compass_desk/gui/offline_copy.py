"""Offline copies for the main window, without the cache dialog: :func:`open_cached` (a stored copy
in the provisioning viewer), :func:`provisioning_cache_for` (one cache per app context),
:func:`dropped_provisioning_files` (drag and drop of ``.xml`` / ``.cfg`` files), and the labels the
offline screens share (age, size, local time, how passwords are kept).
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QLocale, QMimeData, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from compass_desk.gui.messages import user_message
from compass_desk.services.offline import SECRETS_TEXT
from compass_desk.store.provisioning_cache import ProvisioningCache

if TYPE_CHECKING:
    from compass_desk.gui.provisioning_view import ProvisioningViewDialog
    from compass_desk.store.audit import AuditLog

log = logging.getLogger(__name__)

PROVISIONING_SUFFIXES = (".xml", ".cfg", ".txt", ".conf")
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

