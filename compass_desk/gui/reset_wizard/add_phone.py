"""Add a MAC that is not in this environment: organisation, name, model, VLAN, encryption.

The model's vendor is checked against the MAC's manufacturer prefix (OUI) before anything is sent.
Nothing is chosen for the user: the organisation and the model start empty and both are required
(the OUI names a vendor, never a model, so it cannot decide the model; its models are listed first).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from compass_desk.domain.models import Company, Encryption, Phone, Vendor
from compass_desk.gui.messages import record_message, user_message
from compass_desk.gui.qtfix import emit
from compass_desk.gui.reset_wizard import common
from compass_desk.gui.reset_wizard.reading import Reading, may_activate, read_status
from compass_desk.gui.reset_wizard.texts import t
from compass_desk.gui.worker import JobContext
from compass_desk.store.audit import phone_target

if TYPE_CHECKING:
    from compass_desk.gui.reset_wizard.wizard import ResetWizard


class AddPhoneForm(QGroupBox):
    added = Signal(object)  # Reading of the new phone

    def __init__(self, owner: ResetWizard, parent: QWidget | None = None) -> None:
        super().__init__(t("add.box", owner.lang), parent)
        self.owner = owner
        self.mac = ""
        lang = owner.lang
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.organisation = QComboBox()
        self.organisation.setObjectName("addOrganisation")
        self.organisation.setPlaceholderText(t("organisation.choose", lang))
        self.name = QLineEdit()
        self.name.setObjectName("addName")
        self.model = QComboBox()
        self.model.setObjectName("addModel")
        self.model.setPlaceholderText(t("model.choose", lang))
        self.mac_label = QLabel()
        self.mac_label.setObjectName("addMac")
        self.oui = common.wrapped(name="ouiCheck")
        self.vlan = QSpinBox()
        self.vlan.setObjectName("addVlan")
        self.vlan.setRange(0, 4094)
        self.vlan.setSpecialValueText(t("vlan.none", lang))
        self.encryption = QComboBox()
        self.encryption.setObjectName("addEncryption")
        for value in Encryption:
            self.encryption.addItem(t(f"encryption.{value.value}", lang), value)
        for label, widget in (("organisation", self.organisation), ("name", self.name), ("model", self.model),
                              ("mac", self.mac_label), ("", self.oui), ("vlan", self.vlan),
                              ("encryption", self.encryption)):
            form.addRow(t(label, lang) + ":" if label else "", widget)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(t("add", lang))
        self.add_button.setObjectName("addButton")
        self.add_button.clicked.connect(self.add)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        form.addRow(buttons)
        self.error = common.notice_label("addError")
        form.addRow(self.error)
        self.model.currentIndexChanged.connect(self.check)
        self.name.textChanged.connect(self.check)
        self.organisation.currentIndexChanged.connect(self.check)

    def prepare(self, mac: str) -> None:
        """Fill the form for *mac*: writable organisations, models of the MAC's vendor first."""
        self.mac = mac
        self.mac_label.setText(common.mac_text(mac))
        self.organisation.clear()
        for company in self.owner.session.companies:
            if self.owner.session.can_write(company.url):
                self.organisation.addItem(company.name, company)
        self.organisation.setCurrentIndex(-1)
        vendor = common.oui_table().vendor_for(mac)
        models = [entry.model for entry in common.guidebook().models_with_guide()]
        self.model.clear()
        for model in sorted(models, key=lambda m: m.vendor is not vendor):  # stable: the MAC's vendor first
            self.model.addItem(model.display_name, model)
        self.model.setCurrentIndex(-1)
        self.error.setVisible(False)
        self.check()

    def problem(self) -> str | None:
        """Why the phone cannot be added as filled in (None: it can)."""
        lang = self.owner.lang
        if self.organisation.count() == 0:
            return t("no.writable", lang)
        if self.organisation.currentIndex() < 0:
            return t("organisation.missing", lang)
        if not self.name.text().strip():
            return t("name.missing", lang)
        model = self.model.currentData()
        if model is None:
            return t("model.missing", lang)
        mac_vendor = common.oui_table().vendor_for(self.mac)
        if model is not None and mac_vendor not in (Vendor.UNKNOWN, model.vendor):
            return t("oui.mismatch", lang, mac_vendor=mac_vendor.label, model_vendor=model.vendor.label)
        return None

    def check(self) -> None:
        lang = self.owner.lang
        mac_vendor = common.oui_table().vendor_for(self.mac) if self.mac else Vendor.UNKNOWN
        model = self.model.currentData()
        if self.organisation.count() == 0:
            common.notice(self.oui, t("no.writable", lang), common.PROBLEM)
        elif model is not None and mac_vendor not in (Vendor.UNKNOWN, model.vendor):
            common.notice(self.oui, t("oui.mismatch", lang, mac_vendor=mac_vendor.label,
                                      model_vendor=model.vendor.label), common.PROBLEM)
        elif mac_vendor is Vendor.UNKNOWN:
            common.notice(self.oui, t("oui.unknown", lang), common.WARNING)
        else:
            common.notice(self.oui, t("oui.ok", lang, vendor=mac_vendor.label), common.SUCCESS)
        problem = self.problem()
        self.add_button.setEnabled(problem is None and not self.owner.busy())
        self.add_button.setToolTip(problem or "")  # why it is greyed out

    def add(self) -> None:
        problem = self.problem()
        if problem is not None:
            common.notice(self.error, problem, common.PROBLEM)
            return
        owner, lang = self.owner, self.owner.lang
        company: Company = self.organisation.currentData()
        model = self.model.currentData()
        name = self.name.text().strip()
        vlan = self.vlan.value() or None
        encryption: Encryption = self.encryption.currentData()
        mac_text = common.mac_text(self.mac)
        question = t("add.confirm", lang, name=name, mac=mac_text, model=model.display_name, org=company.name,
                     env=owner.environment.name)
        if not common.confirm(self, t("add.confirm.title", lang), question, t("add", lang).replace("&", "")):
            return
        session, mac = owner.session, self.mac
        target = phone_target(name, self.mac, company.name)

        def work(ctx: JobContext) -> Reading:
            ctx.progress(0, 0, t("adding", lang))
            try:
                phone: Phone = session.add_phone(company, name=name, model=model.id, mac=mac, vlan_id=vlan,
                                                 encryption=encryption)
            except Exception as exc:
                outcome = "unknown" if type(exc).__name__ == "OutcomeUnknownError" else "failed"
                owner.record("add", target, outcome, record_message(exc))
                raise
            owner.record("add", target, "ok", f"{model.id} → {phone.provisioning.value}")
            status, error = read_status(session, phone)
            return Reading(phone, status, error, may_activate(session, phone), owner.read_sim_clock())

        common.notice(self.error, t("adding", lang), common.INFO)
        self.add_button.setEnabled(False)
        owner.run(work, "add phone", self._added, self._failed, key=f"add:{mac}")

    def _added(self, reading: Reading) -> None:
        common.notice(self.error, t("added", self.owner.lang), common.SUCCESS)
        emit(self.added, reading)

    def _failed(self, error: BaseException) -> None:
        common.notice(self.error, user_message(error, "add the phone"), common.PROBLEM)
        self.check()
