"""“Use this phone on another environment”: both environments side by side, then add + Activate there."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from compass_desk.domain.mac import format_mac
from compass_desk.domain.models import Access, Phone
from compass_desk.domain.move_plan import ENVIRONMENT_SWITCH_NOTE, MoveRefused
from compass_desk.gui.ask import confirm
from compass_desk.gui.i18n import localize
from compass_desk.gui.messages import user_message
from compass_desk.gui.move_wizard import phone_label, shown_progress
from compass_desk.gui.qtfix import emit
from compass_desk.gui.style import state_text
from compass_desk.gui.worker import Busy, JobContext, Worker
from compass_desk.services.env_switch import (
    EnvSide,
    EnvSwitchResult,
    compare,
    default_target_company,
    switch_environment,
)
from compass_desk.services.session import Session

log = logging.getLogger(__name__)
ROWS = (QT_TRANSLATE_NOOP("SidePanel", "Organisation"), QT_TRANSLATE_NOOP("SidePanel", "Name"),
        QT_TRANSLATE_NOOP("SidePanel", "Provisioning by manufacturer"),
        QT_TRANSLATE_NOOP("SidePanel", "Online"), QT_TRANSLATE_NOOP("SidePanel", "Activated"))


class SidePanel(QGroupBox):
    def __init__(self, title: str) -> None:
        super().__init__(title)
        form = QFormLayout(self)
        self.values: dict[str, QLabel] = {}
        for row in map(str, ROWS):
            label = QLabel("…")
            label.setWordWrap(True)
            self.values[row] = label
            form.addRow(f"{self.tr(row)}:", label)

    def show_side(self, side: EnvSide) -> None:
        phone = side.phone
        if side.problem is not None or phone is None:
            text = (self.tr("could not be read: %1").replace("%1", localize(side.problem)) if side.problem
                    else self.tr("not on this environment"))
            self.values["Organisation"].setText(text)
            for row in map(str, ROWS[1:]):
                self.values[row].setText("—")
            return
        self.values["Organisation"].setText(side.company.name if side.company else phone.company_url)
        self.values["Name"].setText(phone.name)
        self.values["Provisioning by manufacturer"].setText(state_text(phone.provisioning))
        online = "—" if side.status is None else (self.tr("yes") if side.status.online else self.tr("no"))
        self.values["Online"].setText(online)
        activated = phone.activated_at.astimezone().strftime("%d-%m-%Y %H:%M") if phone.activated_at else "—"
        self.values["Activated"].setText(activated)


class EnvSwitchDialog(QDialog):
    switched = Signal(object)  # EnvSwitchResult
    reset_guide_requested = Signal(object)  # Phone

    def __init__(self, source: Session, target: Session, worker: Worker, phone: Phone, *, audit: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Use this phone on %1").replace("%1", target.environment.name))
        self.resize(720, 420)
        self.source, self.target, self.worker, self.phone, self.audit = source, target, worker, phone, audit
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Phone %1. %2").replace("%2", localize(ENVIRONMENT_SWITCH_NOTE))
                       .replace("%1", phone_label(phone)))
        intro.setWordWrap(True)
        sides = QHBoxLayout()
        self.source_panel = SidePanel(self.tr("%1 (now)").replace("%1", source.environment.name))
        self.target_panel = SidePanel(target.environment.name)
        sides.addWidget(self.source_panel)
        sides.addWidget(self.target_panel)
        self.company_label = QLabel(self.tr("Add it on %1 to:").replace("%1", target.environment.name))
        self.companies = QComboBox()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.use_button = QPushButton(self.tr("Use on %1").replace("%1", target.environment.name))
        self.guide_button = QPushButton(self.tr("Open the factory-reset guide"))
        self.guide_button.hide()
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.company_label)
        buttons.addWidget(self.companies, 1)
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.guide_button)
        buttons.addWidget(close)
        layout.addWidget(intro)
        layout.addLayout(sides)
        layout.addWidget(self.message, 1)
        layout.addLayout(buttons)
        self.use_button.clicked.connect(self.use)
        self.companies.currentIndexChanged.connect(self._name_target)
        self.guide_button.clicked.connect(lambda: emit(self.reset_guide_requested, self.phone))
        close.clicked.connect(self.reject)
        self.result_value: EnvSwitchResult | None = None
        self.there_company: Any = None
        self.target_failed = False
        self.loaded = False
        self.busy = False
        self.use_button.setEnabled(False)
        self._submit(lambda _ctx: compare(source, phone, target), self._compared,
                     self.tr("Reading both environments…"))

    def reject(self) -> None:
        if not self.busy:  # the sessions must outlive the work that uses them
            super().reject()

    def _submit(self, fn: Any, on_success: Any, text: str) -> None:
        self.message.setText(text)
        self.use_button.setEnabled(False)
        try:
            self.worker.submit(fn, label="environment switch", key=f"env:{self.phone.mac}",
                               on_success=on_success, on_failure=self._failed)
        except Busy as exc:
            self.message.setText(str(exc))
            return
        self.busy = True

    def _compared(self, sides: tuple[EnvSide, EnvSide]) -> None:
        self.busy = False
        source_side, target_side = sides
        self.source_panel.show_side(source_side)
        self.target_panel.show_side(target_side)
        self.loaded = True
        there = target_side.phone is not None
        self.companies.clear()
        writable = [c for c in self.target.companies if c.access is Access.WRITE]
        for company in writable:
            self.companies.addItem(company.name, company)
        guess = default_target_company(source_side.company, writable)
        # Only an organisation with exactly the same name is preselected; otherwise the user picks one.
        self.companies.setCurrentIndex(writable.index(guess) if guess is not None else -1)
        self.there_company = target_side.company if there else None
        self.target_failed = bool(target_side.error)
        self.companies.setVisible(not there)
        self.company_label.setVisible(not there)
        name = self.target.environment.name
        if target_side.problem is not None:
            self.message.setText(self.tr("%1 could not be read: %2")
                                 .replace("%2", localize(target_side.problem)).replace("%1", name))
        elif there:
            self.message.setText(self.tr("The MAC address already exists on %1; it only needs to be "
                                         "activated there.").replace("%1", name))
        elif not writable:
            self.message.setText(self.tr("You have read-only rights on every organisation of %1, so the "
                                         "phone cannot be added there.").replace("%1", name))
        else:
            self.message.setText(self.tr("The phone is not on %1 yet; it will be added with the same model "
                                         "and properties, then activated.").replace("%1", name))
        self._name_target()
        if not there and writable and guess is None:
            hint = self.tr("No organisation on %1 has exactly the same name; choose the one to add it to.")
            self.message.setText(self.message.text() + " " + hint.replace("%1", name))
        self.use_button.setEnabled(not target_side.error and (there or guess is not None))

    def _name_target(self) -> None:
        """The button says where the phone goes: organisation and environment."""
        env = self.target.environment.name
        company = self.there_company or (None if self.companies.isHidden() else self.companies.currentData())
        if company is None:
            self.use_button.setText(self.tr("Use on %1").replace("%1", env))
            return
        self.use_button.setText(self.tr("Use in “%1” on %2").replace("%2", env).replace("%1", company.name))
        if self.loaded and not self.busy and self.result_value is None and not self.target_failed:
            self.use_button.setEnabled(True)

    def use(self) -> None:
        company = self.companies.currentData() if self.companies.isVisible() else None
        source, target, phone, audit = self.source, self.target, self.phone, self.audit
        where = company or self.there_company
        if where is not None:
            question = self.tr("Use phone “%1” (%2) in organisation “%3” on environment “%4”?\n\n"
                               "It is added there if needed and activated; it stays on %5 as it is.")
        else:
            question = self.tr("Use phone “%1” (%2) on environment “%4”?\n\n"
                               "It is activated there; it stays on %5 as it is.")
        values = (phone.name, format_mac(phone.mac), where.name if where else "", target.environment.name,
                  source.environment.name)
        for number, value in reversed(list(enumerate(values, start=1))):
            question = question.replace(f"%{number}", value)
        if not confirm(self, self.tr("Use on another environment"), question):
            return

        def work(ctx: JobContext) -> EnvSwitchResult:
            return switch_environment(source, phone, target, target_company=company,
                                      progress=shown_progress(ctx), audit=audit)

        self._submit(work, self._switched,
                     self.tr("Preparing the phone for %1…").replace("%1", target.environment.name))

    def _switched(self, result: EnvSwitchResult) -> None:
        self.busy = False
        self.result_value = result
        self.source_panel.show_side(result.source)
        self.target_panel.show_side(result.target)
        self.companies.hide()
        self.company_label.hide()
        steps = [localize(step) for step in result.step_texts]
        self.message.setText("\n".join([*steps, "", localize(result.message_text)]))
        self.guide_button.show()
        emit(self.switched, result)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        if isinstance(error, MoveRefused):
            self.message.setText(localize(error))
        else:
            self.message.setText(user_message(error, "use the phone on another environment"))
        self.use_button.setEnabled(self.loaded and not isinstance(error, MoveRefused))
