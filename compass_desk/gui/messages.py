"""The one place where a failure becomes a sentence for the user (no tracebacks in dialogs)."""

from __future__ import annotations

import errno
import logging
import socket
import ssl

from PySide6.QtCore import QCoreApplication

from compass_desk.store.audit import record_message as record_message  # the GUI imports it here

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

log = logging.getLogger(__name__)


def user_message(error: BaseException, doing: str = "") -> str:
    """One clear sentence saying what happened and, where possible, what to do.

    *doing* is a short phrase for the generic case ("refresh the phone list").
    """
    from compass_desk.domain.text import text_of
    from compass_desk.gui.i18n import localize
    from compass_desk.services.cancel import Cancelled

    if isinstance(error, Cancelled):
        return translate("Messages", "Cancelled.")
    # API, MAC, store, profile, keyring and file errors are worded in every language by their layer.
    if text_of(error) is not None:
        return _sentence(_capitalised(localize(error)))
    if isinstance(error, TimeoutError):
        return translate("Messages",
                         "The server did not answer in time; check the connection and try again.")
    if isinstance(error, ConnectionError | socket.gaierror | socket.herror | ssl.SSLError) \
            or (isinstance(error, OSError) and error.errno in _NETWORK_ERRNOS):
        return translate("Messages",
                         "Could not reach the server; check the network connection and try again.")
    if isinstance(error, OSError):  # a file or folder on this computer, not the network
        return _file_message(error, doing)
    # Anything else is a bug in Compass Desk: say so plainly, keep the details in the log file.
    log.error("unexpected error while trying to %s", doing or "do that", exc_info=error)
    # What was being done stays in the log: a translated sentence cannot take an English phrase.
    return translate("Messages",
                     "Compass Desk ran into an unexpected problem; the details are in the log file.")


_NETWORK_ERRNOS = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN, errno.EHOSTDOWN,
                   errno.EADDRNOTAVAIL}
_WRITE_WORDS = ("save", "export", "write", "store", "copy")
_WRITE_ERRNOS = {errno.ENOSPC, errno.EROFS, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _file_message(error: OSError, doing: str) -> str:
    """"Could not write <path>: <reason>." — a disk, folder or permission problem, said as such."""
    path = error.filename if error.filename is not None else ""
    from compass_desk.domain.os_words import os_reason
    from compass_desk.gui.i18n import localize

    reason = localize(os_reason(error))
    writing = error.errno in _WRITE_ERRNOS or any(word in doing.lower() for word in _WRITE_WORDS)
    if not path:
        text = (translate("Messages", "Could not write the file: %1") if writing
                else translate("Messages", "Could not read the file: %1"))
        return _sentence(text.replace("%1", reason))
    text = (translate("Messages", "Could not write %1: %2") if writing
            else translate("Messages", "Could not read %1: %2"))
    return _sentence(text.replace("%2", reason).replace("%1", str(path)))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if text and text[-1] not in ".!?":
        text += "."
    return text
