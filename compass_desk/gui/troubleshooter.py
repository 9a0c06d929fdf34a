""""Why is this phone not working?": the troubleshooter's findings in order, with the fix sequence.

Shows what is known at once (the phone and status from the table), then reads both again in the
background when a session is given. The verdict comes from :func:`compass_desk.domain.diagnosis.diagnose`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from compass_desk.domain.deadline import DEFAULT_CUTOFF
from compass_desk.domain.diagnosis import Diagnosis, Verdict, diagnose
from compass_desk.domain.fixes import Fix
from compass_desk.domain.models import Phone, PhoneStatus
from compass_desk.gui.messages import user_message
from compass_desk.gui.qtfix import emit
from compass_desk.gui.reset_wizard import common
from compass_desk.gui.reset_wizard.findings_view import FindingsView, scrolling
from compass_desk.gui.reset_wizard.texts import t
from compass_desk.gui.worker import Job, JobContext, Worker

if TYPE_CHECKING:
    from compass_desk.services.session import Session

log = logging.getLogger(__name__)

_KIND = {
    Verdict.WORKING: common.SUCCESS,
    Verdict.AWAITING_RESET: common.INFO,
    Verdict.UNKNOWN: common.WARNING,
}


class TroubleshooterDialog(QDialog):
    provision_requested = Signal(object)  # the Phone: open the "Provision this phone" wizard for it
    phone_read = Signal(object, object)  # (Phone, PhoneStatus | None) read fresh: for the main window

    def __init__(
        self,
        phone: Phone,
        *,
        status: PhoneStatus | None = None,
        session: Session | None = None,
        worker: Worker | None = None,
        company_name: str = "",
        lang: str = "en",
        cutoff: time = DEFAULT_CUTOFF,
        clock: Callable[[], datetime] | None = None,
        actions: Any = None,
        row_for: Callable[[], Any] | None = None,
        saved_at: datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """*actions* (a :class:`~compass_desk.gui.actions.PhoneActions`) and *row_for* (the phone's
        current table row) give the Activate button the main window's confirmation and audit;
        *saved_at*: the app is offline and shows the data saved at that time."""
        super().__init__(parent)
        self.phone, self.status = phone, status
        self.session = session
        self.worker = worker if worker is not None or session is None else Worker(self)
        self._own_worker = worker is None and session is not None
        self.company_name = company_name
        self.lang = lang if lang in ("en", "nl") else "en"
        self.cutoff = cutoff
        self._clock = clock or (lambda: datetime.now(UTC))
        self.phone_actions, self._row_for, self.saved_at = actions, row_for, saved_at
        self.diagnosis: Diagnosis | None = None
        self.read_at: datetime | None = None
        self._job: Job | None = None
        self._closed = False
        self.setObjectName("troubleshooter")
        self.setWindowTitle(t("why.title", self.lang))
        self.resize(680, 560)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        self.phone_line = common.wrapped(name="phoneLine", bold=True, scale=1.1)
        self.saved = common.notice_label("savedData")
        self.state_line = common.wrapped(name="stateLine")
        self.headline = common.notice_label("verdict")
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.headline.setFont(font)
        self.notice = common.notice_label("troubleNotice")
        self.findings = FindingsView(t("findings", self.lang), t("fix", self.lang))
        scroll = scrolling(self.findings)
        self.as_of = common.wrapped(name="asOf")
        for widget in (self.phone_line, self.saved, self.state_line, self.headline, self.notice):
            layout.addWidget(widget)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.as_of)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(t("close", self.lang))
        self.reread_button = QPushButton(t("reread", self.lang))
        self.reread_button.setObjectName("rereadButton")
        self.reread_button.clicked.connect(self.reread)
        self.provision_button = QPushButton(t("provision.this", self.lang))
        self.provision_button.setObjectName("provisionButton")
        self.provision_button.clicked.connect(lambda: emit(self.provision_requested, self.phone))
        buttons.addButton(self.reread_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.provision_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.reread_button.setVisible(session is not None)  # after addButton, which shows it
        self.activate_button = QPushButton(t("activate", self.lang))
        self.activate_button.setObjectName("activateButton")
        self.activate_button.clicked.connect(self.activate)
        self.findings.add_fix_button(self.activate_button)
        if actions is not None:
            self.use_actions(actions)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.show_diagnosis()
        if session is not None:
            self.reread()

    # --- reading --------------------------------------------------------------------------------
    def reread(self) -> None:
        session, worker = self.session, self.worker
        if session is None or worker is None or (self._job is not None and self._job.running):
            return
        phone = self.phone

        def work(ctx: JobContext) -> tuple[Phone, PhoneStatus | None, str | None]:
            from compass_desk.gui.reset_wizard.reading import read_status

            ctx.progress(0, 0, "read phone")
            fresh = session.client.phone(phone.url)
            status, error = read_status(session, fresh)
            return fresh, status, error

        common.notice(self.notice, t("reading", self.lang), common.INFO)
        self.reread_button.setEnabled(False)
        self._job = worker.submit(work, label="troubleshoot", on_success=self._read, on_failure=self._failed)

    def _read(self, answer: tuple[Phone, PhoneStatus | None, str | None]) -> None:
        if self._closed:
            return
        self.phone, self.status, error = answer
        self.read_at = self._clock()
        emit(self.phone_read, self.phone, self.status)
        self.reread_button.setEnabled(True)
        if error is not None:
            common.notice(self.notice, error, common.WARNING)
        else:
            self.notice.setVisible(False)
        self.show_diagnosis()

    def _failed(self, error: BaseException) -> None:
        if self._closed:
            return
        self.reread_button.setEnabled(True)
        common.notice(self.notice, user_message(error, "read the phone"), common.PROBLEM)

    # --- Activate, as in the main window (same confirmation, audit entry and table update) --------
    def use_actions(self, actions: Any) -> None:
        """The main window's phone actions (made with this dialog as the parent of its questions)."""
        self.phone_actions = actions
        actions.finished.connect(self._activated)
        actions.failed.connect(self._activate_failed)
        if self.diagnosis is not None:
            self._show_activate(tuple(self.diagnosis.fix))

    def _activate_failed(self, why: str) -> None:
        if not self._closed:
            common.notice(self.notice, why, common.PROBLEM)

    def activate(self) -> None:
        row = self._row_for() if self._row_for is not None else None
        if self.phone_actions is None or row is None or self._closed:
            return
        self.phone_actions.run("activate", row)

    def _activated(self, said: str) -> None:
        if self._closed:
            return
        common.notice(self.notice, said, common.SUCCESS)
        self.reread()

    def _show_activate(self, fix: tuple[Fix, ...]) -> None:
        wanted = self.phone_actions is not None and (Fix.ACTIVATE in fix or Fix.REMOVE_AND_READD in fix)
        self.activate_button.setVisible(wanted)
        if wanted:
            row = self._row_for() if self._row_for is not None else None
            available = self.phone_actions.availability(row, "activate")
            self.activate_button.setEnabled(available.enabled)
            self.activate_button.setToolTip(available.reason)

    # --- display --------------------------------------------------------------------------------
    def show_diagnosis(self) -> None:
        phone, lang = self.phone, self.lang
        entry = common.guidebook().catalog.get(phone.model)
        model = entry.model.display_name if entry else phone.model
        where = f" · {self.company_name}" if self.company_name else ""
        self.phone_line.setText(f"{common.phone_label(phone)} · {model}{where}")
        status = self.status
        live = t("status.unread" if status is None else "online" if status.online else "offline", lang)
        state = f"{t('state', lang)}: {common.state_term(phone.provisioning, lang)}"
        saved = self.saved_at is not None and self.read_at is None  # offline: nothing read since
        where = t("saved.status" if saved else "live", lang)
        self.state_line.setText(f"{state}  ·  {where}: {live}")
        if saved and self.saved_at is not None:
            at = common.clock_text(self.saved_at)
            common.notice(self.saved, t("saved.data", lang, at=at), common.WARNING)
        else:
            self.saved.setVisible(False)
        diagnosis = diagnose(phone, status, self._clock(), self.cutoff)
        self.diagnosis = diagnosis
        kind = _KIND.get(diagnosis.verdict, common.PROBLEM)
        common.notice(self.headline, diagnosis.verdict_text(lang), kind)
        self.findings.set_findings(diagnosis.findings, diagnosis.fix, lang)
        self.provision_button.setVisible(Fix.FACTORY_RESET in diagnosis.fix)
        self.provision_button.setEnabled(not saved)  # the wizard needs a connection
        self.provision_button.setToolTip(self.saved.text() if saved else "")
        self._show_activate(tuple(diagnosis.fix))
        if self.read_at is not None:
            self.as_of.setText(t("as.of", lang, at=self.read_at.astimezone().strftime("%H:%M:%S")))
        self.as_of.setVisible(self.read_at is not None)

    def done(self, result: int) -> None:
        self._closed = True
        if self._job is not None:
            self._job.cancel()
        if self._own_worker and self.worker is not None:
            self.worker.shutdown(5000)
        super().done(result)
