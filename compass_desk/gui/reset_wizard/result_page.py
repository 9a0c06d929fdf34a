"""Page 5: provisioned, or what went wrong with the next step (the flow's diagnosis)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWizardPage

from compass_desk.domain.reset_flow import Stage
from compass_desk.gui.reset_wizard import common
from compass_desk.gui.reset_wizard.findings_view import FindingsView, scrolling
from compass_desk.gui.reset_wizard.texts import t

if TYPE_CHECKING:
    from compass_desk.gui.reset_wizard.wizard import ResetWizard


class ResultPage(QWizardPage):
    def __init__(self, owner: ResetWizard) -> None:
        super().__init__()
        self.owner = owner
        lang = owner.lang
        self.setTitle(t("result.title", lang))
        self.setFinalPage(True)
        self.setSubTitle(t("result.sub.ok", lang))  # replaced once the result is known
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.headline = common.notice_label("resultHeadline")
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.headline.setFont(font)
        self.summary = common.wrapped(name="resultSummary")
        layout.addWidget(self.headline)
        layout.addWidget(self.summary)
        self.findings = FindingsView(t("findings", lang), t("fix", lang))
        scroll = scrolling(self.findings)
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.retry_button = QPushButton(t("retry", lang))
        self.retry_button.setObjectName("retryButton")
        self.retry_button.setToolTip(t("retry.tip", lang))
        self.retry_button.clicked.connect(self.retry)
        self.keep_waiting_button = QPushButton(t("keep.waiting", lang))
        self.keep_waiting_button.setObjectName("keepWaitingButton")
        self.keep_waiting_button.clicked.connect(self.keep_waiting)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.keep_waiting_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def initializePage(self) -> None:
        self.refresh()

    def isComplete(self) -> bool:
        return True

    def refresh(self) -> None:
        owner, flow, lang = self.owner, self.owner.flow, self.owner.lang
        result, phone = flow.result, flow.phone
        if result is None or phone is None:
            return
        self.setSubTitle(t("result.sub.ok" if result.success else "result.sub.fail", lang))
        mark = "✔ " if result.success else "⚠ "
        common.notice(self.headline, mark + result.headline.get(lang),
                      common.SUCCESS if result.success else common.PROBLEM)
        state = f"{t('state', lang)}: {common.state_term(phone.provisioning, lang)}"
        self.summary.setText(f"{common.phone_label(phone)} · {owner.company_name(phone.company_url)} · "
                             f"{owner.environment.name} · {state}")
        self.findings.set_findings(result.findings, result.fix, lang)
        self.retry_button.setVisible(not result.success)
        self.keep_waiting_button.setVisible(result.code == "wait-timeout")

    def retry(self) -> None:
        owner = self.owner
        result = owner.flow.result
        if owner.flow.stage is Stage.RESULT and result is not None and not result.success:
            owner.flow.retry(owner.now())
            owner.precheck_page.stale = True  # read the phone again: it may have changed meanwhile
            owner.go_to_flow_stage()

    def keep_waiting(self) -> None:
        owner = self.owner
        result = owner.flow.result
        if owner.flow.stage is Stage.RESULT and result is not None and result.code == "wait-timeout":
            owner.flow.keep_waiting(owner.now())
            owner.go_to_flow_stage()
