"""Page 2: provisioning by manufacturer must be active before the reset; Activate, and the deadline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWizardPage

from compass_desk.domain.models import Phone, ProvisioningState
from compass_desk.domain.reset_flow import Stage
from compass_desk.gui.messages import record_message, user_message
from compass_desk.gui.reset_wizard import common
from compass_desk.gui.reset_wizard.reading import Reading, read_phone
from compass_desk.gui.reset_wizard.texts import t
from compass_desk.gui.style import STATE_LOOKS
from compass_desk.gui.worker import JobContext
from compass_desk.store.audit import phone_target

if TYPE_CHECKING:
    from datetime import datetime

    from compass_desk.gui.reset_wizard.wizard import ResetWizard


class PrecheckPage(QWizardPage):
    def __init__(self, owner: ResetWizard) -> None:
        super().__init__()
        self.owner = owner
        lang = owner.lang
        self.stale = False  # read the phone again when the page is shown (after "Try again")
        self.setTitle(t("precheck.title", lang))
        self.setSubTitle(t("precheck.sub", lang))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.summary = common.wrapped(name="precheckSummary")
        self.state = common.wrapped(name="precheckState", bold=True, scale=1.15)
        self.message = common.notice_label("precheckMessage")
        self.warning = common.notice_label("precheckWarning")
        for widget in (self.summary, self.state, self.message, self.warning):
            layout.addWidget(widget)

        buttons = QHBoxLayout()
        self.activate_button = QPushButton(t("activate", lang))
        self.activate_button.setObjectName("activateButton")
        self.activate_button.clicked.connect(self.activate)
        self.reread_button = QPushButton(t("reread", lang))
        self.reread_button.setObjectName("rereadButton")
        self.reread_button.clicked.connect(self.reread)
        self.already_button = QPushButton(t("already.reset", lang))
        self.already_button.setObjectName("alreadyResetButton")
        self.already_button.setToolTip(t("already.reset.tip", lang))
        self.already_button.clicked.connect(self.already_reset)
        buttons.addWidget(self.activate_button)
        buttons.addWidget(self.reread_button)
        buttons.addStretch(1)
        buttons.addWidget(self.already_button)
        layout.addLayout(buttons)
        self.notice = common.notice_label("precheckNotice")
        layout.addWidget(self.notice)
        self.hint = common.wrapped(t("next.hint", lang), name="precheckHint")
        layout.addWidget(self.hint)
        layout.addStretch(1)

    # --- QWizardPage ----------------------------------------------------------------------------
    def initializePage(self) -> None:
        self.notice.setVisible(False)
        self.refresh()
        if self.stale:
            self.stale = False
            self.reread()

    def cleanupPage(self) -> None:  # Back
        flow = self.owner.flow
        if not self.owner.restarting and flow.stage is Stage.PRECHECK:
            flow.back(self.owner.now())

    def isComplete(self) -> bool:
        return self.owner.flow.page_complete(Stage.PRECHECK) and not self.owner.busy()

    def validatePage(self) -> bool:
        flow = self.owner.flow
        if flow.stage is Stage.PRECHECK:
            if not flow.can_advance():
                return False
            flow.advance(self.owner.now())
        return True

    # --- actions --------------------------------------------------------------------------------
    def activate(self) -> None:
        owner, flow, lang = self.owner, self.owner.flow, self.owner.lang
        phone = flow.phone
        if phone is None or owner.busy():
            return
        org = owner.company_name(phone.company_url)
        question = t("activate.confirm", lang, phone=common.phone_label(phone), org=org,
                     env=owner.environment.name)
        if not common.confirm(self, t("activate.confirm.title", lang), question,
                              t("activate", lang).replace("&", "")):
            return
        session = owner.session
        target = phone_target(phone.name, phone.mac, org)

        def work(ctx: JobContext) -> tuple[Phone, datetime | None]:
            ctx.progress(0, 0, t("activating", lang))
            try:
                result = session.activate(phone)
            except Exception as exc:
                outcome = "unknown" if type(exc).__name__ == "OutcomeUnknownError" else "failed"
                owner.record("activate", target, outcome, record_message(exc))
                raise
            owner.record("activate", target, "ok", f"→ {result.provisioning.value}")
            return result, owner.read_sim_clock()

        common.notice(self.notice, t("activating", lang), common.INFO)
        owner.run(work, "activate", self._activated, self._failed, key=phone.url)
        self.refresh()

    def _activated(self, answer: tuple[Phone, datetime | None]) -> None:
        phone, sim_now = answer
        owner = self.owner
        owner.sync_clock(sim_now)
        if owner.flow.stage in (Stage.PRECHECK, Stage.RESET):
            owner.flow.activated(phone, owner.now())
        owner.phone_read(phone, owner.flow.status)
        said = t("activated", owner.lang, state=common.state_term(phone.provisioning, owner.lang))
        common.notice(self.notice, said, common.SUCCESS)
        self.refresh()

    def reread(self) -> None:
        owner, phone = self.owner, self.owner.flow.phone
        if phone is None or owner.busy():
            return
        common.notice(self.notice, t("reading", owner.lang), common.INFO)
        owner.run(lambda _ctx: read_phone(owner, phone, rights=True), "read phone", self._read, self._failed)
        self.refresh()

    def _read(self, reading: Reading) -> None:
        owner = self.owner
        owner.sync_clock(reading.sim_now)
        if reading.phone is not None and owner.flow.stage is Stage.PRECHECK:
            owner.flow.can_activate = reading.can_activate
            owner.flow.observe(reading.phone, reading.status, owner.now())
            owner.phone_read(reading.phone, reading.status)
        self.notice.setVisible(False)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        common.notice(self.notice, user_message(error, "read or activate the phone"), common.PROBLEM)
        self.refresh()

    def already_reset(self) -> None:
        """Skip the steps: the installer says the phone was reset already (the flow judges it)."""
        owner = self.owner
        if owner.flow.stage is Stage.PRECHECK and not owner.busy():
            owner.flow.report_reset(owner.now())
            owner.next()

    # --- display --------------------------------------------------------------------------------
    def refresh(self) -> None:
        owner, flow, lang = self.owner, self.owner.flow, self.owner.lang
        phone, check = flow.phone, flow.precheck
        if phone is None or check is None:
            return
        model = flow.entry.model.display_name if flow.entry else phone.model
        org = owner.company_name(phone.company_url)
        self.summary.setText(f"{common.phone_label(phone)} · {model} · {org} · {owner.environment.name}")
        # Coloured by what it means here: only "active" may be reset.
        self.state.setText(f"{t('state', lang)}: {common.state_term(phone.provisioning, lang)}")
        colour = STATE_LOOKS[ProvisioningState.DISABLED if check.ready else ProvisioningState.PROVISION].light
        self.state.setStyleSheet(f"QLabel {{ color: {colour}; }}")
        kind = common.SUCCESS if check.ready else common.PROBLEM
        common.notice(self.message, check.message.get(lang), kind)
        if check.warning is not None:
            common.notice(self.warning, check.warning.get(lang), common.WARNING)
        else:
            self.warning.setVisible(False)
        busy = owner.busy()
        self.activate_button.setVisible(check.offer_activate or not check.ready)
        self.activate_button.setEnabled(check.offer_activate and flow.can_activate and not busy)
        self.reread_button.setEnabled(not busy)
        self.already_button.setEnabled(not busy and flow.stage is Stage.PRECHECK)
        self.hint.setVisible(check.ready)
