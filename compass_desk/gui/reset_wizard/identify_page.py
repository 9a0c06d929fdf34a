"""Page 1: which phone? From the selected phone, or a MAC typed or scanned; offers to add an unknown MAC."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from compass_desk.domain.mac import MacError, normalize_mac
from compass_desk.domain.models import strip_port
from compass_desk.domain.reset_flow import Stage
from compass_desk.gui.messages import user_message
from compass_desk.gui.reset_wizard import common
from compass_desk.gui.reset_wizard.add_phone import AddPhoneForm
from compass_desk.gui.reset_wizard.reading import Reading, find_phone, read_phone
from compass_desk.gui.reset_wizard.texts import t
from compass_desk.gui.style import badge_stylesheet, environment_look
from compass_desk.gui.worker import JobContext

if TYPE_CHECKING:
    from compass_desk.gui.reset_wizard.wizard import ResetWizard


class MacEdit(QLineEdit):
    """Enter (what a scanner sends) looks the MAC up instead of pressing the wizard's Next."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class IdentifyPage(QWizardPage):
    def __init__(self, owner: ResetWizard) -> None:
        super().__init__()
        self.owner = owner
        lang = owner.lang
        self.setTitle(t("identify.title", lang))
        self.setSubTitle(t("identify.sub", lang))
        self._started = False
        self.status_error: str | None = None  # why the live status could not be read
        layout = QVBoxLayout(self)
        layout.setSpacing(10)

        row = QHBoxLayout()
        mac_label = QLabel(t("mac", lang) + ":")
        self.mac_edit = MacEdit()
        self.mac_edit.setObjectName("macEdit")
        self.mac_edit.setPlaceholderText(t("mac.placeholder", lang))
        self.mac_edit.setAccessibleName(t("mac", lang))
        self.mac_edit.setClearButtonEnabled(True)
        mac_label.setBuddy(self.mac_edit)
        self.find_button = QPushButton(t("find", lang))
        self.find_button.setObjectName("findButton")
        self.find_button.clicked.connect(self.look_up)
        self.mac_edit.returnPressed.connect(self.look_up)
        row.addWidget(mac_label)
        row.addWidget(self.mac_edit, 1)
        row.addWidget(self.find_button)
        layout.addLayout(row)

        self.notice = common.notice_label("identifyNotice")
        layout.addWidget(self.notice)

        self.phone_box = QGroupBox(t("phone.box", lang))
        form = QFormLayout(self.phone_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        for key in ("name", "model", "organisation", "environment", "state", "live"):
            label = common.wrapped(name=f"{key}Value")
            self.fields[key] = label
            if key == "environment":  # a badge, as in the main window's toolbar
                label.setWordWrap(False)
                holder = QHBoxLayout()
                holder.addWidget(label)
                holder.addStretch(1)
                form.addRow(t(key, lang) + ":", holder)
            else:
                form.addRow(t(key, lang) + ":", label)
        layout.addWidget(self.phone_box)
        self.problem = common.notice_label("identifyProblem")
        layout.addWidget(self.problem)

        self.add_form = AddPhoneForm(owner, self)
        self.add_form.added.connect(self.show_reading)
        layout.addWidget(self.add_form)
        layout.addStretch(1)
        self.phone_box.setVisible(False)
        self.add_form.setVisible(False)

    # --- QWizardPage ----------------------------------------------------------------------------
    def initializePage(self) -> None:
        owner = self.owner
        if not self._started:
            self._started = True
            if owner.initial_phone is not None:
                self.mac_edit.setText(common.mac_text(owner.initial_phone.mac))
                initial = owner.initial_phone
                self._start(lambda _ctx: read_phone(owner, initial, rights=True))
            elif owner.initial_mac:
                self.mac_edit.setText(owner.initial_mac)
                self.look_up()
        self.refresh()
        self.mac_edit.setFocus()

    def isComplete(self) -> bool:
        return self.owner.flow.page_complete(Stage.IDENTIFY) and not self.owner.busy()

    def validatePage(self) -> bool:
        flow = self.owner.flow
        if flow.stage is Stage.IDENTIFY:
            if not flow.can_advance():
                return False
            flow.advance(self.owner.now())
        return True

    # --- actions --------------------------------------------------------------------------------
    def look_up(self) -> None:
        text = self.mac_edit.text()
        try:
            mac = normalize_mac(text)
        except MacError as exc:
            common.notice(self.notice, user_message(exc), common.PROBLEM)
            return
        owner = self.owner
        self._start(lambda _ctx: find_phone(owner, mac))

    def _start(self, fn: Callable[[JobContext], Reading]) -> None:
        common.notice(self.notice, t("looking", self.owner.lang), common.INFO)
        self.find_button.setEnabled(False)
        self.owner.run(fn, "identify phone", self.show_reading, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.find_button.setEnabled(True)
        common.notice(self.notice, user_message(error, "look up the phone"), common.PROBLEM)

    def show_reading(self, reading: Reading) -> None:
        owner, flow = self.owner, self.owner.flow
        self.find_button.setEnabled(True)
        owner.sync_clock(reading.sim_now)
        if flow.stage is not Stage.IDENTIFY:
            return  # the user moved on meanwhile (cannot happen while busy, but stay safe)
        if reading.phone is None:
            flow.mac_not_found(reading.mac or "")
            common.notice(self.notice, t("not.found", owner.lang, mac=common.mac_text(reading.mac or ""),
                                         env=owner.environment.name), common.WARNING)
            self.add_form.prepare(reading.mac or "")
        else:
            flow.identify(reading.phone, reading.status, owner.now(), can_activate=reading.can_activate)
            self.mac_edit.setText(common.mac_text(reading.phone.mac))
            self.notice.setVisible(False)
            self.status_error = reading.status_error
            owner.phone_read(reading.phone, reading.status)
        self.refresh()

    # --- display --------------------------------------------------------------------------------
    def refresh(self) -> None:
        owner, flow, lang = self.owner, self.owner.flow, self.owner.lang
        phone = flow.phone
        self.add_form.setVisible(phone is None and flow.unknown_mac is not None)
        self.phone_box.setVisible(phone is not None)
        if phone is None:
            self.problem.setVisible(False)
            return
        f = self.fields
        f["name"].setText(common.phone_label(phone))
        model = flow.entry.model.display_name if flow.entry else phone.model
        f["model"].setText(model)
        f["organisation"].setText(owner.company_name(phone.company_url))
        env = owner.environment.name
        f["environment"].setText(t("env.demo", lang, env=env) if owner.demo else env)
        f["environment"].setStyleSheet(badge_stylesheet(environment_look(env)))
        f["state"].setText(common.state_term(phone.provisioning, lang))
        status = flow.status
        if status is None:
            why = f" ({self.status_error.rstrip('.')})" if self.status_error else ""
            live = t("status.unread", lang) + why
        else:
            ip = strip_port(status.private_ip) or ""
            live = t("online" if status.online else "offline", lang)
            live += f", {ip}" if ip and status.online else ""
        f["live"].setText(live)
        if flow.problem is not None:
            common.notice(self.problem, flow.problem.get(lang), common.PROBLEM)
        else:
            self.problem.setVisible(False)
