"""The "Provision this phone" wizard: a QWizard over :class:`compass_desk.domain.reset_flow.ResetFlow`.

One page per stage. The flow decides; the pages show it: ``isComplete()`` is
``flow.page_complete(stage)``, Next calls ``flow.advance(now)`` and ``nextId()`` follows
``flow.stage`` (a reset while not active jumps straight to the result). Every network call runs in
the shared :class:`~compass_desk.gui.worker.Worker`. Time comes from :meth:`ResetWizard.now`: the
computer's clock, or in demo mode the simulator's clock (which tests and demos may advance).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QWidget, QWizard

from compass_desk.domain.deadline import DEFAULT_CUTOFF
from compass_desk.domain.guides import GuideBook
from compass_desk.domain.models import Phone, PhoneStatus
from compass_desk.domain.reset_flow import FlowConfig, ResetFlow, Stage
from compass_desk.gui.qtfix import emit
from compass_desk.gui.reset_wizard import common
from compass_desk.gui.reset_wizard.sim_control import SimulatorError, is_simulator_url, simulator_now
from compass_desk.gui.reset_wizard.texts import t
from compass_desk.gui.worker import Busy, Job, JobContext, Worker

if TYPE_CHECKING:
    from compass_desk.services.session import Session
    from compass_desk.store.audit import AuditLog

log = logging.getLogger(__name__)


class PageId(IntEnum):
    IDENTIFY = 0
    PRECHECK = 1
    RESET = 2
    WAIT = 3
    RESULT = 4


PAGE_OF = {
    Stage.IDENTIFY: PageId.IDENTIFY,
    Stage.PRECHECK: PageId.PRECHECK,
    Stage.RESET: PageId.RESET,
    Stage.WAIT: PageId.WAIT,
    Stage.RESULT: PageId.RESULT,
}


class ResetWizard(QWizard):
    """Open with a phone (from the table) or a MAC (typed or scanned), or neither (type it on page 1)."""

    phone_changed = Signal(object)  # a Phone the wizard changed or read fresh: for the main window's table
    status_read = Signal(object, object)  # (Phone, PhoneStatus) read fresh: the table's live status follows

    def __init__(
        self,
        session: Session,
        *,
        worker: Worker | None = None,
        phone: Phone | None = None,
        mac: str | None = None,
        audit: AuditLog | None = None,
        lang: str = "en",
        cutoff: time = DEFAULT_CUTOFF,
        demo: bool | None = None,
        guides: GuideBook | None = None,
        config: FlowConfig | None = None,
        clock: Callable[[], datetime] | None = None,
        poll_interval_ms: int = 3000,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.environment = session.environment
        self.worker = worker or Worker(self)
        self._own_worker = worker is None
        self.audit = audit
        self.lang = lang if lang in ("en", "nl") else "en"
        self.demo = is_simulator_url(self.environment.base_url) if demo is None else demo
        self.flow = ResetFlow(guides or common.guidebook(), config or FlowConfig(cutoff=cutoff))
        self.initial_phone, self.initial_mac = phone, mac
        self.poll_interval_ms = poll_interval_ms
        self._clock = clock
        self._offset = timedelta(0)  # simulator clock minus ours, in demo mode
        self._jobs: set[Job] = set()
        self._closed = False
        self._restarting = False
        self._last_told: Phone | None = phone
        self._last_status: PhoneStatus | None = None

        self.setObjectName("resetWizard")
        self.setWindowTitle(t("window", self.lang))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        for button, key in ((QWizard.WizardButton.NextButton, "next"),
                            (QWizard.WizardButton.FinishButton, "finish"),
                            (QWizard.WizardButton.CancelButton, "cancel"),
                            (QWizard.WizardButton.CustomButton1, "back")):
            self.setButtonText(button, t(key, self.lang))
        # Our own Back button: the flow decides when going back is allowed (never once reset).
        self.setButtonLayout([QWizard.WizardButton.Stretch, QWizard.WizardButton.CustomButton1,
                              QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton,
                              QWizard.WizardButton.CancelButton])
        self.customButtonClicked.connect(self._custom_button)
        self.currentIdChanged.connect(lambda _id: self.update_back())

        from compass_desk.gui.reset_wizard.identify_page import IdentifyPage
        from compass_desk.gui.reset_wizard.precheck_page import PrecheckPage
        from compass_desk.gui.reset_wizard.reset_page import ResetPage
        from compass_desk.gui.reset_wizard.result_page import ResultPage
        from compass_desk.gui.reset_wizard.wait_page import WaitPage

        self.identify_page = IdentifyPage(self)
        self.precheck_page = PrecheckPage(self)
        self.reset_page = ResetPage(self)
        self.wait_page = WaitPage(self)
        self.result_page = ResultPage(self)
        for page_id, page in ((PageId.IDENTIFY, self.identify_page), (PageId.PRECHECK, self.precheck_page),
                              (PageId.RESET, self.reset_page), (PageId.WAIT, self.wait_page),
                              (PageId.RESULT, self.result_page)):
            self.setPage(page_id, page)
        self.setStartId(PageId.IDENTIFY)
        self.resize(940, 700)

        # Deadlines, settling and countdowns move with time even when nothing is read.
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.tick)
        self._ticker.start()

    # --- time -----------------------------------------------------------------------------------
    def now(self) -> datetime:
        if self._clock is not None:
            return self._clock()
        return datetime.now(UTC) + self._offset

    def read_sim_clock(self) -> datetime | None:
        """In a job: the simulator's time in demo mode (None otherwise or when it cannot be read)."""
        if not self.demo or self._clock is not None:
            return None
        try:
            return simulator_now(self.environment.base_url)
        except SimulatorError as exc:
            log.info("simulator clock not read: %s", exc)
            return None

    def sync_clock(self, sim_now: datetime | None) -> None:
        if sim_now is not None:
            self._offset = sim_now - datetime.now(UTC)

    # --- navigation -----------------------------------------------------------------------------
    def nextId(self) -> int:
        current = self.currentId()
        wanted = PAGE_OF[self.flow.stage]
        if wanted != current:
            return int(wanted)
        return current + 1 if current < PageId.RESULT else -1

    def go_to_flow_stage(self) -> None:
        """Show the page of the flow's stage after a retry or "keep waiting" (pages already visited)."""
        self._restarting = True
        try:
            self.restart()  # back to page 1 without undoing the flow
        finally:
            self._restarting = False
        if self.flow.stage is not Stage.IDENTIFY:
            self.next()

    @property
    def restarting(self) -> bool:
        return self._restarting

    def _custom_button(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value and self.can_go_back():
            self.back()  # the page's cleanupPage() moves the flow back

    def can_go_back(self) -> bool:
        current = self.currentId()
        return (
            current in (PageId.PRECHECK, PageId.RESET)
            and PAGE_OF[self.flow.stage] == current
            and not self.busy()
            and len(self.visitedIds()) > 1
        )

    def update_back(self) -> None:
        button = self.button(QWizard.WizardButton.CustomButton1)
        allowed = self.can_go_back()
        button.setVisible(self.currentId() in (PageId.PRECHECK, PageId.RESET))
        button.setEnabled(allowed)

    def tick(self) -> None:
        if self._closed or self.flow.phone is None or self.flow.stage is Stage.RESULT:
            return
        was = self.flow.stage
        self.flow.tick(self.now())
        page = self.currentPage()
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()
        if was is Stage.WAIT and self.flow.result is not None and self.currentId() == PageId.WAIT:
            self.next()

    # --- background work ------------------------------------------------------------------------
    def run(self, fn: Callable[[JobContext], Any], label: str, on_success: Callable[[Any], None],
            on_failure: Callable[[BaseException], None], key: str | None = None) -> bool:
        """Submit *fn* to the worker; the callbacks are dropped once the wizard has closed."""
        if self._closed:
            return False

        def success(result: Any) -> None:
            if not self._closed:
                on_success(result)
                self._changed()

        def failure(error: BaseException) -> None:
            if not self._closed:
                on_failure(error)
                self._changed()

        try:
            job = self.worker.submit(fn, label=label, key=key, on_success=success, on_failure=failure)
        except Busy as exc:
            on_failure(exc)
            return False
        self._jobs.add(job)
        job.finished.connect(lambda: self._forget(job))
        self._changed()
        return True

    def _forget(self, job: Job) -> None:
        self._jobs.discard(job)
        if not self._closed:
            self._changed()

    def busy(self) -> bool:
        return any(job.running for job in self._jobs)

    def _changed(self) -> None:
        page = self.currentPage()
        if page is not None:
            refresh = getattr(page, "refresh", None)
            if callable(refresh):
                refresh()
            emit(page.completeChanged)
        self.update_back()

    def record(self, action: str, phone_text: str, outcome: str, detail: str = "") -> None:
        """Write a change to the audit log (called from a job thread; AuditLog is thread-safe)."""
        if self.audit is None:
            return
        try:
            self.audit.record(self.environment.name, self.environment.username, action, phone_text, outcome,
                              detail)
        except Exception as exc:  # the change matters more than its log line
            log.warning("audit log not written: %s", exc)

    def company_name(self, company_url: str) -> str:
        company = self.session.company(company_url)
        return company.name if company is not None else company_url

    def phone_read(self, phone: Phone, status: PhoneStatus | None) -> None:
        """A fresh read: tell the main window when the phone or its status differs from what it was told."""
        if phone != self._last_told:
            self._last_told = phone
            emit(self.phone_changed, phone)
        if status is not None and status != self._last_status:
            self._last_status = status
            emit(self.status_read, phone, status)

    # --- closing --------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        self.shutdown()
        super().done(result)

    def shutdown(self) -> None:
        """Stop timers and the wizard's jobs; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._ticker.stop()
        self.wait_page.stop_polling()
        self.reset_page.countdown.stop()
        for job in list(self._jobs):
            job.cancel()
        if self._own_worker:
            self.worker.shutdown(5000)
