"""Page 4: follow the phone (polling its state and live status) with a visible timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWizardPage

from compass_desk.api.errors import AuthenticationError
from compass_desk.domain.fixes import duration_text
from compass_desk.domain.reset_flow import Milestone, Stage
from compass_desk.gui.messages import user_message
from compass_desk.gui.reset_wizard import common
from compass_desk.gui.reset_wizard.reading import Reading, read_phone
from compass_desk.gui.reset_wizard.sim_control import simulate_reset
from compass_desk.gui.reset_wizard.texts import t
from compass_desk.gui.reset_wizard.timeline import Timeline

if TYPE_CHECKING:
    from compass_desk.gui.reset_wizard.wizard import ResetWizard


class WaitPage(QWizardPage):
    def __init__(self, owner: ResetWizard) -> None:
        super().__init__()
        self.owner = owner
        lang = owner.lang
        self.setTitle(t("wait.title", lang))
        self.setSubTitle(t("wait.sub", lang))
        self._active = False
        self._warning_shown = False  # a failed read is on show (cleared by the next good one)
        self._poll_timer = QTimer(self)
        self._poll_timer.setSingleShot(True)
        self._poll_timer.timeout.connect(self.poll)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.hint = common.notice_label("waitHint")
        layout.addWidget(self.hint)
        box = QGroupBox()
        box_layout = QVBoxLayout(box)
        self.timeline = Timeline(lang)
        box_layout.addWidget(self.timeline)
        layout.addWidget(box)
        self.settling = common.wrapped(t("settling", lang), name="settling", bold=True)
        self.elapsed = common.wrapped(name="elapsed")
        self.last_read = common.wrapped(name="lastRead")
        for widget in (self.settling, self.elapsed, self.last_read):
            layout.addWidget(widget)
        buttons = QHBoxLayout()
        self.simulate_button = QPushButton(t("simulate", lang))
        self.simulate_button.setObjectName("simulateButton")
        self.simulate_button.setToolTip(t("simulate.tip", lang))
        self.simulate_button.clicked.connect(self.simulate)
        self.simulate_button.setVisible(owner.demo)
        self.give_up_button = QPushButton(t("give.up", lang))
        self.give_up_button.setObjectName("giveUpButton")
        self.give_up_button.clicked.connect(self.give_up)
        buttons.addWidget(self.simulate_button)
        buttons.addStretch(1)
        buttons.addWidget(self.give_up_button)
        layout.addLayout(buttons)
        self.notice = common.notice_label("waitNotice")
        layout.addWidget(self.notice)
        layout.addStretch(1)

    # --- QWizardPage ----------------------------------------------------------------------------
    def initializePage(self) -> None:
        self.notice.setVisible(False)
        self.last_read.setText("")
        self._active = True
        self.refresh()
        self._poll_timer.start(0)

    def cleanupPage(self) -> None:
        self.stop_polling()

    def isComplete(self) -> bool:
        return self.owner.flow.result is not None

    def validatePage(self) -> bool:
        if self.owner.flow.result is None:
            return False
        self.stop_polling()
        return True

    def stop_polling(self) -> None:
        self._active = False
        self._poll_timer.stop()

    # --- polling --------------------------------------------------------------------------------
    def poll(self) -> None:
        owner, phone = self.owner, self.owner.flow.phone
        if not self._active or phone is None or owner.flow.stage is not Stage.WAIT:
            return
        if owner.busy():  # e.g. the simulated reset is still being sent
            self._poll_timer.start(max(owner.poll_interval_ms // 4, 50))
            return
        owner.run(lambda _ctx: read_phone(owner, phone), "follow phone", self._read, self._read_failed)

    def _read(self, reading: Reading) -> None:
        owner, flow = self.owner, self.owner.flow
        owner.sync_clock(reading.sim_now)
        if flow.stage is Stage.WAIT and reading.phone is not None:
            # A status that could not be read is not "offline": keep the last one known.
            status = reading.status if reading.status_error is None else flow.status
            flow.observe(reading.phone, status, owner.now())
            owner.phone_read(reading.phone, status)
            online = t("online" if status is not None and status.online else "offline", owner.lang)
            at = owner.now().astimezone().strftime("%H:%M:%S")
            state = common.state_term(reading.phone.provisioning, owner.lang)
            self.last_read.setText(t("last.read", owner.lang, at=at, state=state, online=online))
            if reading.status_error is not None:
                self._warn(t("read.failed", owner.lang, why=reading.status_error.rstrip(".")))
            elif self._warning_shown:
                self.notice.setVisible(False)
                self._warning_shown = False
            self.refresh()
        self._next_or_again()

    def _read_failed(self, error: BaseException) -> None:
        if isinstance(error, AuthenticationError):
            self.stop_polling()
            common.notice(self.notice, user_message(error), common.PROBLEM)
            return
        self._warn(t("read.failed", self.owner.lang, why=user_message(error, "read the phone").rstrip(".")))
        self._next_or_again()

    def _warn(self, text: str) -> None:
        common.notice(self.notice, text, common.WARNING)
        self._warning_shown = True

    def _next_or_again(self) -> None:
        owner = self.owner
        if owner.flow.stage is Stage.RESULT:
            self.stop_polling()
            if owner.currentPage() is self:
                owner.next()
        elif self._active:
            self._poll_timer.start(owner.poll_interval_ms)

    # --- buttons --------------------------------------------------------------------------------
    def simulate(self) -> None:
        owner, phone = self.owner, self.owner.flow.phone
        if phone is None or not owner.demo:
            return
        base_url = owner.environment.base_url
        owner.run(lambda _ctx: simulate_reset(base_url, phone.mac), "simulate the phone", self._simulated,
                  lambda error: common.notice(self.notice, str(error), common.PROBLEM))

    def _simulated(self, _result: object) -> None:
        common.notice(self.notice, t("simulated", self.owner.lang), common.INFO)

    def give_up(self) -> None:
        owner = self.owner
        if owner.flow.stage is Stage.WAIT:
            self.stop_polling()
            owner.flow.give_up(owner.now())
            owner.next()

    # --- display --------------------------------------------------------------------------------
    def refresh(self) -> None:
        owner, flow, lang = self.owner, self.owner.flow, self.owner.lang
        waiting = flow.stage is Stage.WAIT
        common.notice(self.hint, flow.wait_hint.get(lang), common.WARNING)
        entries = flow.timeline()
        self.timeline.set_entries(entries, active=waiting)
        reached = {e.milestone for e in entries if e.reached_at is not None}
        self.settling.setVisible(waiting and Milestone.REGISTERED in reached)
        if flow.reset_at is not None:
            span = owner.now() - flow.reset_at
            seconds = int(span.total_seconds())
            text = duration_text(span).get(lang) if seconds >= 60 else f"{max(seconds, 0)} s"
            self.elapsed.setText(t("waiting.for", lang, t=text))
        self.simulate_button.setEnabled(waiting and not owner.busy())
        self.give_up_button.setEnabled(waiting)
