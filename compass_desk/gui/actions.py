"""Activate and Reboot: availability (with the reason), confirmation, the call, the audit log."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from compass_desk.domain.models import Phone
from compass_desk.gui.ask import confirm  # tests replace compass_desk.gui.actions.confirm
from compass_desk.gui.browser import Browser, Mode, as_of_text
from compass_desk.gui.messages import record_message, user_message
from compass_desk.gui.phone_model import PhoneRow, mac_label
from compass_desk.gui.qtfix import emit
from compass_desk.gui.worker import Busy, JobContext, Worker
from compass_desk.store.audit import phone_target

log = logging.getLogger(__name__)

# Texts in English, listed for lupdate (QT_TRANSLATE_NOOP) and shown through _tr().
LABELS = {"activate": QT_TRANSLATE_NOOP("PhoneActions", "Activate"),
          "reboot": QT_TRANSLATE_NOOP("PhoneActions", "Reboot"),
          "provisioning": QT_TRANSLATE_NOOP("PhoneActions", "View provisioning"),
          "migrate": QT_TRANSLATE_NOOP("PhoneActions", "Move"),
          "update": QT_TRANSLATE_NOOP("PhoneActions", "Firmware")}
READ_ONLY_OPERATIONS = {"provisioning"}  # reading needs no write rights


@dataclass(frozen=True)
class Availability:
    enabled: bool
    reason: str  # the tooltip: why not, or what it does


WHAT_IT_DOES = {
    "activate": QT_TRANSLATE_NOOP("PhoneActions", "Register the phone at the manufacturer's provisioning "
                                  "service, so that a phone reset to factory defaults finds Compass (before "
                                  "the weekly deadline)."),
    "reboot": QT_TRANSLATE_NOOP("PhoneActions",
                                "Restart the phone; it fetches its settings from Compass again."),
    "provisioning": QT_TRANSLATE_NOOP("PhoneActions",
                                      "Show the settings file Compass sends to this phone (secrets hidden)."),
    "migrate": QT_TRANSLATE_NOOP("PhoneActions", "Move the phone to another organisation or environment."),
    "update": QT_TRANSLATE_NOOP("PhoneActions",
                                "See the installed firmware and choose which one the phone should run."),
}


def _tr(text: object) -> str:
    return QCoreApplication.translate("PhoneActions", str(text))


class PhoneActions(QObject):
    finished = Signal(str)  # one sentence for the status bar
    failed = Signal(str)

    def __init__(self, browser: Browser, worker: Worker, parent_widget: QWidget | None = None) -> None:
        super().__init__(parent_widget)
        self.browser = browser
        self.worker = worker
        self._parent_widget = parent_widget

    def availability(self, row: PhoneRow | None, operation: str) -> Availability:
        browser = self.browser
        if row is None:
            return Availability(False, self.tr("Select a phone first."))
        if browser.mode != Mode.ONLINE or browser.session is None:
            return Availability(False,
                                self.tr("Offline: actions are available again once Compass Desk is "
                                        "connected."))
        session = browser.session
        if not _safe(lambda: session.supports(operation), True):
            env = browser.environment.name if browser.environment else self.tr("This environment")
            text = self.tr("%1 does not support %2.")
            return Availability(False, text.replace("%2", _tr(LABELS[operation])).replace("%1", env))
        writes = operation not in READ_ONLY_OPERATIONS
        if writes and not _safe(lambda: session.can_write(row.phone.company_url), False):
            if not row.company_name:
                return Availability(False, self.tr("You have read-only rights on this organisation."))
            text = self.tr("You have read-only rights on %1.")
            return Availability(False, text.replace("%1", row.company_name))
        if self.worker.is_busy(row.url):
            return Availability(False, self.tr("Another action on this phone is still running."))
        return Availability(True, _tr(WHAT_IT_DOES[operation]))

    def _offline_warning(self) -> str:
        """Why a reboot may not arrive: the phone is shown offline (as of the last status read)."""
        when = _safe(lambda: self.browser.shown_data_time(), None)
        if when is None:
            return self.tr("The phone is offline; it may not receive the reboot.")
        return self.tr("The phone is offline (status of %1); it may not receive the reboot.").replace(
            "%1", as_of_text(when))

    def run(self, operation: str, row: PhoneRow) -> None:
        available = self.availability(row, operation)
        if not available.enabled:
            emit(self.failed, available.reason)
            return
        environment = self.browser.environment
        session = self.browser.session
        assert environment is not None and session is not None
        phone = row.phone
        name = phone.name or mac_label(phone.mac)
        label = _tr(LABELS[operation])
        offline = operation == "reboot" and row.online is False
        if operation == "reboot":
            title = self.tr("Reboot phone")
            question = self.tr("Reboot phone “%1” (%2)\nin organisation “%3”\non environment “%4”?\n\n")
            calls = self.tr("Calls on this phone will be cut off.")
            question += self._offline_warning() if offline else calls
        else:
            title = self.tr("Activate phone")
            question = self.tr("Activate phone “%1” (%2)\nin organisation “%3”\non environment “%4”?")
        for number, value in enumerate((name, mac_label(phone.mac), row.company_name, environment.name), 1):
            question = question.replace(f"%{number}", value)
        if not confirm(self._parent_widget, title, question):
            return
        audit = self.browser.context.audit
        target = phone_target(phone.name, phone.mac, row.company_name)

        def work(ctx: JobContext) -> Phone | None:
            ctx.progress(0, 0, f"{label}: {name}…")
            try:
                result: Phone | None = getattr(session, operation)(phone)
            except Exception as exc:
                from compass_desk.api.errors import OutcomeUnknownError

                outcome = "unknown" if isinstance(exc, OutcomeUnknownError) else "failed"
                _audit(audit, environment, operation, target, outcome, record_message(exc))
                raise
            detail = f"→ {result.provisioning.value}" if isinstance(result, Phone) else ""
            _audit(audit, environment, operation, target, "ok", detail)
            return result

        def done(result: Phone | None) -> None:
            if isinstance(result, Phone) and self.browser.environment == environment:
                self.browser.phone_updated(result)
            if not shiboken6.isValid(self):  # its window (e.g. the troubleshooter) closed meanwhile
                return
            if isinstance(result, Phone):
                text = self.tr("%1 %2: done. State is now %3.").replace("%3", result.provisioning.value)
            elif offline:
                # Compass took the request; an offline phone may never get it, so claim no restart.
                text = self.tr("%1 %2: request sent. The phone was offline, so it may not restart.")
            else:
                text = self.tr("%1 %2: done.")
            emit(self.finished, text.replace("%2", name).replace("%1", label))

        def failed(error: BaseException) -> None:
            if not shiboken6.isValid(self):  # its window closed meanwhile; the audit log has the outcome
                return
            why = user_message(error, operation.lower())
            emit(self.failed, self.tr("%1 %2 failed: %3").replace("%3", why).replace("%2", name)
                 .replace("%1", label))

        try:
            self.worker.submit(work, label=operation, key=phone.url, on_success=done, on_failure=failed)
        except Busy as exc:
            emit(self.failed, str(exc))


def _audit(audit: Any, environment: Any, operation: str, target: str, outcome: str, detail: str) -> None:
    """Write the audit entry; a failed write must not make a done action look failed (and retried)."""
    if audit is None:
        return
    try:
        audit.record(environment.name, environment.username, operation, target, outcome, detail)
    except Exception as exc:
        log.warning("audit entry for %s %s (%s) not written: %s", operation, target, outcome, exc)


def _safe(fn: Callable[[], Any], default: Any) -> Any:
    try:
        return fn()
    except Exception:  # a capability check must never break the panel
        log.exception("capability check failed")
        return default
