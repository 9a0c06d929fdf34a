"""The Move wizard: choose the organisation, the method, confirm, then run and verify.

All work runs through the one worker bridge (gui/worker.py); the rules (rights, methods, what a
move by hand loses) come from ``domain.move_plan`` and the moves service, so a read-only user is
refused on the first page, before anything changes.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from compass_desk.domain.deadline import DEFAULT_CUTOFF, deadline_for
from compass_desk.domain.fixes import when_text
from compass_desk.domain.mac import format_mac
from compass_desk.domain.models import Access, Company, Phone, ProvisioningState
from compass_desk.domain.move_plan import (
    METHOD_LABELS,
    METHOD_TRADE_OFFS,
    REQUIRED_OPERATIONS,
    MoveMethod,
    MovePlan,
    MoveRefused,
    check_move,
    default_method,
    target_choices,
)
from compass_desk.gui.i18n import localize
from compass_desk.gui.messages import user_message
from compass_desk.gui.qtfix import emit
from compass_desk.gui.worker import Busy, JobContext, Worker
from compass_desk.services.moves import MoveError, MoveOutcome, MoveService

log = logging.getLogger(__name__)
COMPANY_ROLE = Qt.ItemDataRole.UserRole + 1


def _wrap(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def shown_progress(ctx: JobContext) -> Callable[[int, int, object], None]:
    """The job's progress callback for a service that words its steps as Text: shown in the app's language."""
    return lambda done, total, label: ctx.progress(done, total, localize(label))


def phone_label(phone: Phone) -> str:
    return f"“{phone.name}” ({format_mac(phone.mac)})" if phone.name else format_mac(phone.mac)


class TargetPage(QWizardPage):
    def __init__(self, wizard: MoveWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Choose the target organisation"))
        self.setSubTitle(self.tr("Where should phone %1 go?").replace("%1", phone_label(wizard.phone)))
        layout = QVBoxLayout(self)
        self.refusal = _wrap()
        self.refusal.setObjectName("refusal")
        self.refusal.setStyleSheet("color: #a40000; font-weight: bold;")
        self.refusal.hide()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search organisations…"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        layout.addWidget(self.refusal)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(_wrap(self.tr("Organisations where you only have read rights are shown greyed; you "
                                       "need write rights on both organisations to move a phone.")))
        for choice in target_choices(wizard.companies, wizard.phone):
            text = choice.company.name if choice.selectable else (
                self.tr("%1 — %2").replace("%2", localize(choice.reason)).replace("%1", choice.company.name))
            item = QListWidgetItem(text)
            item.setData(COMPANY_ROLE, choice.company)
            if choice.selectable:
                item.setToolTip(choice.company.shortname or choice.company.name)
            else:
                item.setFlags(Qt.ItemFlag.NoItemFlags)  # shown greyed, cannot be chosen
                item.setToolTip(localize(choice.reason))
            self.list.addItem(item)
        self.search.textChanged.connect(self._filter)
        self.list.currentItemChanged.connect(lambda *_: emit(self.completeChanged))
        refusal = wizard.refusal()
        if refusal:
            self.refusal.setText(refusal)
            self.refusal.show()
            self.list.setEnabled(False)
            self.search.setEnabled(False)

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            company: Company = item.data(COMPANY_ROLE)
            haystack = f"{company.name} {company.shortname}".casefold()
            item.setHidden(not all(w in haystack for w in words))

    def select(self, company_url: str) -> bool:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(COMPANY_ROLE).url == company_url and item.flags() & Qt.ItemFlag.ItemIsSelectable:
                self.list.setCurrentItem(item)
                return True
        return False

    def target(self) -> Company | None:
        item = self.list.currentItem()
        if item is None or item.isHidden() or not item.flags() & Qt.ItemFlag.ItemIsSelectable:
            return None
        company: Company = item.data(COMPANY_ROLE)
        return company

    def isComplete(self) -> bool:
        return self._wizard.refusal() == "" and self.target() is not None


class MethodPage(QWizardPage):
    def __init__(self, wizard: MoveWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("How should the phone move?"))
        self.setSubTitle(self.tr("Both ways keep the phone safe; they differ in what it keeps."))
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.radios: dict[MoveMethod, QRadioButton] = {}
        self.notes: dict[MoveMethod, QLabel] = {}
        for method in MoveMethod:
            label = localize(METHOD_LABELS[method])
            if method is MoveMethod.API:
                label = self.tr("%1 (recommended)").replace("%1", label)
            radio = QRadioButton(label)
            note = _wrap(localize(METHOD_TRADE_OFFS[method]))
            note.setContentsMargins(24, 0, 0, 8)
            if not all(wizard.supports(op) for op in REQUIRED_OPERATIONS[method]):
                radio.setEnabled(False)
                note.setText(self.tr("%1 This environment does not offer it.").replace("%1", note.text()))
            self.group.addButton(radio)
            self.radios[method] = radio
            self.notes[method] = note
            layout.addWidget(radio)
            layout.addWidget(note)
        layout.addStretch(1)
        self.radios[default_method(wizard.supports)].setChecked(True)
        self.group.buttonToggled.connect(lambda *_: emit(self.completeChanged))
        self.error = _wrap()
        self.error.setStyleSheet("color: #a40000;")
        layout.addWidget(self.error)

    def method(self) -> MoveMethod | None:
        for method, radio in self.radios.items():
            if radio.isChecked() and radio.isEnabled():
                return method
        return None

    def isComplete(self) -> bool:
        return self.method() is not None

    def validatePage(self) -> bool:
        method, target = self.method(), self._wizard.target_page.target()
        if method is None or target is None:
            return False
        wizard = self._wizard
        source = next((c for c in wizard.companies if c.url == wizard.phone.company_url), None)
        try:
            # Pure check on the data already shown: nothing waits on the network in the UI thread.
            wizard.plan = check_move(wizard.phone, source, target, method,
                                     wizard.service.session.environment.name, wizard.supports)
        except MoveRefused as exc:
            self.error.setText(localize(exc))
            return False
        self.error.clear()
        return True


class ConfirmPage(QWizardPage):
    def __init__(self, wizard: MoveWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Confirm the move"))
        self.setSubTitle(self.tr("Nothing has been changed yet."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Move"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        labels = {"Phone": self.tr("Phone:"), "From": self.tr("From:"), "To": self.tr("To:"),
                  "Environment": self.tr("Environment:"), "Method": self.tr("Method:")}
        for key, label in labels.items():
            self.fields[key] = _wrap()
            form.addRow(label, self.fields[key])
        layout.addLayout(form)
        self.losses = _wrap()
        layout.addWidget(self.losses)
        layout.addStretch(1)

    def initializePage(self) -> None:
        plan = self._wizard.plan
        if plan is None:
            return
        self.fields["Phone"].setText(phone_label(plan.phone))
        self.fields["From"].setText(localize(plan.source_text))
        self.fields["To"].setText(plan.target.name)
        self.fields["Environment"].setText(plan.environment)
        self.fields["Method"].setText(localize(METHOD_LABELS[plan.method]))
        if plan.losses:
            items = "".join(f"<li>{html.escape(localize(loss))}</li>" for loss in plan.losses)
            self.losses.setText(self.tr("<b>What moving by hand means for this phone:</b><ul>%1</ul>"
                                        "Everything is saved in the local journal first, so the phone can be "
                                        "put back.")
                                .replace("%1", items))
        else:
            self.losses.setText(self.tr("The phone keeps all its settings and needs no reset; the new "
                                        "organisation's name should appear on its display almost at once."))


class RunPage(QWizardPage):
    def __init__(self, wizard: MoveWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Moving the phone"))
        self.setSubTitle(self.tr("Each step is checked by reading the phone back from Compass."))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Close"))
        layout = QVBoxLayout(self)
        self.progress = QProgressBar()
        self.status = _wrap()
        self.result = _wrap()
        self.result.setObjectName("result")
        self.notes = _wrap()
        buttons = QHBoxLayout()
        self.retry_button = QPushButton(self.tr("Try again"))
        self.undo_button = QPushButton(self.tr("Put it back where it was"))
        self.guide_button = QPushButton(self.tr("Open the factory-reset guide"))
        for button in (self.retry_button, self.undo_button, self.guide_button):
            button.hide()
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.result)
        layout.addWidget(self.notes)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.done = False
        self.running = False
        self.operation_id: int | None = None
        self.retry_button.clicked.connect(lambda: self._run("resume"))
        self.undo_button.clicked.connect(lambda: self._run("undo"))
        self.guide_button.clicked.connect(lambda: emit(wizard.reset_guide_requested, wizard.outcome_phone()))

    def initializePage(self) -> None:
        self._run("move")

    def isComplete(self) -> bool:
        return self.done

    def _run(self, action: str) -> None:
        wizard, plan = self._wizard, self._wizard.plan
        assert plan is not None
        service, op = wizard.service, self.operation_id

        def work(ctx: JobContext) -> MoveOutcome:
            report = shown_progress(ctx)
            if action == "resume" and op is not None:
                return service.resume(op, report)
            if action == "undo" and op is not None:
                return service.undo(op, report)
            if plan.method is MoveMethod.API:
                return service.move_api(plan, report)
            return service.move_manual(plan, report)

        self.done = False
        self.running = True
        for button in (self.retry_button, self.undo_button):
            button.hide()
        self.result.clear()
        self.notes.clear()
        self.progress.show()
        self.progress.setRange(0, 0)
        wizard.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        emit(self.completeChanged)
        try:
            wizard.worker.submit(work, label="move", key=plan.phone.url, on_success=self._succeeded,
                                 on_failure=self._failed, on_progress=self._progress)
        except Busy as exc:
            self._finish(str(exc))

    def _progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)
        self.status.setText(label)

    def _succeeded(self, outcome: MoveOutcome) -> None:
        self._wizard.outcome = outcome
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        check = (self.tr("Verified: Compass now lists the phone in %1.").replace("%1", outcome.company.name)
                 if outcome.verified
                 else self.tr("Compass did not confirm the new organisation yet; check the phone in a "
                              "moment."))
        self.status.setText(check)
        self.result.setText(localize(outcome.text))
        notes = [localize(note) for note in outcome.note_texts]
        reminder = self.reset_reminder(outcome)
        self.notes.setText("\n".join([*notes, reminder] if reminder else notes))
        self.guide_button.setVisible(outcome.needs_reset)
        emit(self._wizard.moved, outcome)
        self._finish()

    def reset_reminder(self, outcome: MoveOutcome) -> str:
        """Re-adding the phone activated it at the vendor: the reset must come before that deadline."""
        phone = outcome.phone
        if not outcome.needs_reset or phone.provisioning is not ProvisioningState.ACTIVE \
                or phone.activated_at is None:
            return ""
        context = getattr(self._wizard.parent(), "context", None)
        due = deadline_for(phone.activated_at, getattr(context, "cutoff", DEFAULT_CUTOFF))
        text = self.tr("Reset the phone before the deadline (Amsterdam time): %1. After that it no longer "
                       "finds Compass until you press Activate again.")
        return text.replace("%1", localize(when_text(due)))

    def _failed(self, error: BaseException) -> None:
        self.progress.hide()
        if isinstance(error, MoveError):
            self.operation_id = error.operation_id if error.operation_id is not None else self.operation_id
            self.result.setText(localize(error))
            if error.resumable:
                self.status.setText(self.tr("<b>The move is not finished.</b> It is saved in the journal, so "
                                            "nothing is lost."))
                self.notes.setText(self.tr("If you close this now, the unfinished move is offered again at "
                                           "the next start (and listed by 'compass-desk journal')."))
                self.retry_button.show()
                self.undo_button.show()
            else:
                self.status.setText(self.tr("The move stopped."))
        else:
            self.status.setText(self.tr("The move stopped."))
            self.result.setText(user_message(error, "move the phone"))
        self._finish()

    def _finish(self, text: str | None = None) -> None:
        if text:
            self.result.setText(text)
        self.done = True
        self.running = False
        # The result page ends with Close alone: Cancel would suggest the move can still be called off.
        self._wizard.setOption(QWizard.WizardOption.NoCancelButton, True)
        emit(self.completeChanged)


class MoveWizard(QWizard):
    moved = Signal(object)  # MoveOutcome
    reset_guide_requested = Signal(object)  # Phone: a move by hand needs a factory reset

    def __init__(self, service: MoveService, worker: Worker, phone: Phone,
                 companies: list[Company] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Move phone"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.resize(640, 520)
        self.service = service
        self.worker = worker
        self.phone = phone
        self.companies = companies if companies is not None else service.session.companies
        self.plan: MovePlan | None = None
        self.outcome: MoveOutcome | None = None
        self.target_page = TargetPage(self)
        self.method_page = MethodPage(self)
        self.confirm_page = ConfirmPage(self)
        self.run_page = RunPage(self)
        for page in (self.target_page, self.method_page, self.confirm_page, self.run_page):
            self.addPage(page)

    def supports(self, operation: str) -> bool:
        try:
            return self.service.session.supports(operation)
        except Exception:  # cannot tell now (offline): the request itself will say
            return True

    def refusal(self) -> str:
        """Why this user cannot move the phone at all (read-only on its organisation), or ""."""
        source = next((c for c in self.companies if c.url == self.phone.company_url), None)
        if source is None:
            return self.tr("You have read-only rights on the phone's organisation, so this phone cannot be "
                           "moved. Nothing was changed.")
        if source.access is not Access.WRITE:
            return self.tr("You have read-only rights on “%1”, so this phone cannot be moved. Nothing was "
                           "changed.").replace("%1", source.name)
        if not any(c.selectable for c in target_choices(self.companies, self.phone)):
            return self.tr("There is no other organisation where you have write rights.")
        return ""

    def reject(self) -> None:
        # Closing mid-move would cut the journal away from a running move: wait for its result.
        if self.run_page.running:
            return
        super().reject()

    def outcome_phone(self) -> Phone:
        return self.outcome.phone if self.outcome else self.phone


def open_for_phone(parent: QWidget, browser: object, phone: Phone) -> MoveWizard | None:
    """The details panel's Move button (gui/features.py)."""
    from compass_desk.gui.move_launch import open_move_wizard

    return open_move_wizard(parent, browser, phone)
