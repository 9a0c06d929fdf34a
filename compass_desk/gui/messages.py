"""The one place where a failure becomes a sentence for the user (no tracebacks in dialogs)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

log = logging.getLogger(__name__)


def user_message(error: BaseException, doing: str = "") -> str:
    """One clear sentence saying what happened and, where possible, what to do.

    *doing* is a short phrase for the generic case ("refresh the phone list").
    """
    from compass_desk.api import errors
    from compass_desk.domain.mac import MacError
    from compass_desk.services.cancel import Cancelled

    if isinstance(error, Cancelled):
        return translate("Messages", "Cancelled.")
    if isinstance(error, errors.ApiError):
        return _sentence(error.message)
    if isinstance(error, MacError):
        return _sentence(str(error)[:1].upper() + str(error)[1:])
    if type(error).__name__ in {"SecretStoreError", "StoreError", "ProfileError"}:
        # Store errors are worded for people already.
        return _sentence(str(error)[:1].upper() + str(error)[1:])
    if isinstance(error, TimeoutError):
        return translate("Messages",
                         "The server did not answer in time; check the connection and try again.")
    if isinstance(error, ConnectionError | OSError):
        return translate("Messages",
                         "Could not reach the server; check the network connection and try again.")
    # Anything else is a bug in Compass Desk: say so plainly, keep the details in the log file.
    log.error("unexpected error while trying to %s", doing or "do that", exc_info=error)
    # What was being done stays in the log: a translated sentence cannot take an English phrase.
    return translate("Messages",
                     "Compass Desk ran into an unexpected problem; the details are in the log file.")


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if text and text[-1] not in ".!?":
        text += "."
    return text
