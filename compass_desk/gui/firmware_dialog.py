"""Firmware for one phone or all phones of one model in an organisation.

Shows the certified versions marked newer / older / same than what is installed, and "Use installed
firmware", and explains what a choice does (:mod:`compass_desk.gui.firmware_choices`); asks once,
and a second time with the reason for a risky choice; applies in the background (paced) with a
result per phone (:mod:`compass_desk.gui.firmware_phones`) and a retry for the failures.
All network work runs through :mod:`compass_desk.gui.worker`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from compass_desk.domain import firmware_plan as fp
from compass_desk.domain.models import Phone, PhoneModel
from compass_desk.domain.text import Text
from compass_desk.gui.ask import confirm  # tests replace compass_desk.gui.firmware_dialog.confirm
from compass_desk.gui.firmware_choices import FirmwareChoices
from compass_desk.gui.firmware_phones import FirmwarePhones
from compass_desk.gui.i18n import current_language, localize
from compass_desk.gui.messages import user_message
from compass_desk.gui.phone_model import mac_label
from compass_desk.gui.qtfix import emit
from compass_desk.gui.worker import Busy, Job, JobContext, Worker
from compass_desk.services.cancel import CancelToken
from compass_desk.services.firmware import EitherToken, FirmwareRun, FirmwareService, Progress


def confirm_risk(parent: QWidget | None, title: str, reasons: Sequence[str]) -> bool:
    """The second, explicit confirmation naming the reasons (tests replace this function)."""
    text = QCoreApplication.translate("FirmwareDialog", "This change needs a second confirmation:\n\n%1")
    text = text.replace("%1", "\n\n".join(f"• {r}" for r in reasons))
    return confirm(parent, title, text, QCoreApplication.translate("FirmwareDialog", "Change anyway"),
                   warning=True)


class FirmwareDialog(QDialog):
    """``FirmwareDialog(service, worker, phones, company_name="", siblings=(), parent=None)``.

    *phones*: one phone, or all phones of one model in one organisation. *siblings*: the other
    phones of that model there, offered as "All N … phones" from a one-phone dialog.
    """

    phones_changed = Signal(list)  # the phones Compass now has a new choice for (list[Phone])

    def __init__(self, service: FirmwareService, worker: Worker, phones: Sequence[Phone], *,
                 company_name: str = "", siblings: Sequence[Phone] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.worker = service, worker
        self.phones = list(phones)
        self.company_name = company_name
        self.siblings = [p for p in siblings if p.url not in {q.url for q in self.phones}]
        self.model: PhoneModel | None = None
        self.installed: dict[str, str | None] = {}
        self.read_only_reason = ""
        self.run: FirmwareRun | None = None
        self.job: Job | None = None
        self._applying = False
        self._stop = CancelToken()
        single = len(self.phones) == 1
        if single:
            title = self.tr("Firmware for %1 in %2") if company_name else self.tr("Firmware for %1")
            title = title.replace("%1", self.phone_text(self.phones[0]))
        else:
            title = (self.tr("Firmware for all %1 phones of this model in %2") if company_name
                     else self.tr("Firmware for all %1 phones of this model"))
            title = title.replace("%1", str(len(self.phones)))
        first = self.phones[0].name or mac_label(self.phones[0].mac)
        self.setWindowTitle(self.tr("Firmware — %1").replace("%1", first) if single
                            else self.tr("Firmware for a model"))
        self.resize(760, 600)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        self.title = QLabel(title.replace("%2", company_name))
        self.title.setObjectName("firmwareTitle")
        self.title.setWordWrap(True)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.installed_label = QLabel(self.tr("Reading the certified versions and the installed firmware…"))
        self.installed_label.setWordWrap(True)
        self.installed_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.installed_label)
        self.table = FirmwarePhones(single)
        layout.addWidget(self.table)
        self.panel = FirmwareChoices(service.families, single)
        self.panel.changed.connect(self._choice_changed)
        # The panel's parts, by the names the rest of the dialog (and its tests) use.
        self.choices, self.explanation = self.panel.list, self.panel.explanation
        self.warning = self.panel.warning
        layout.addWidget(self.panel)
        self.progress = QProgressBar()
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("firmwareStatus")
        layout.addWidget(self.status)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.model_button = QPushButton(
            self.tr("All %1 phones of this model…").replace("%1", str(len(self.siblings) + 1)))
        self.model_button.setVisible(single and bool(self.siblings))
        self.model_button.clicked.connect(self.open_model_dialog)
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        self.retry_button = QPushButton(self.tr("Retry failures"))
        self.retry_button.hide()
        self.retry_button.clicked.connect(self.retry)
        self.cancel_button = QPushButton(self.tr("Stop"))
        self.cancel_button.setToolTip(
            self.tr("Start no further phones; those in progress finish and are reported."))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.stop)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        buttons.addWidget(self.model_button)
        buttons.addStretch(1)
        for button in (self.cancel_button, self.retry_button, self.apply_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.table.show_phones(self.phones, self.installed)
        self.load()

    @property
    def plan(self) -> fp.FirmwarePlan | None:
        return self.panel.plan

    # -- loading ---------------------------------------------------------------------------------
    def load(self) -> None:
        service, phones = self.service, self.phones

        def work(ctx: JobContext) -> tuple[PhoneModel, dict[str, str | None], fp.FirmwareRefused | None]:
            ctx.progress(0, 0, QCoreApplication.translate("FirmwareDialog", "Reading certified firmware"))
            reason: fp.FirmwareRefused | None = None
            try:
                service.check_writable(phones)
            except fp.FirmwareRefused as exc:
                reason = exc
            model = service.model_for(phones[0], strict=False)
            return model, service.installed(phones, cancel=ctx.token), reason

        self.job = self.worker.submit(work, label="firmware choices", on_success=self._loaded,
                                      on_failure=self._load_failed)
        self.job.finished.connect(self._job_finished)

    def _loaded(self, answer: tuple[PhoneModel, dict[str, str | None], fp.FirmwareRefused | None]) -> None:
        self.model, self.installed, refused = answer
        self.read_only_reason = "" if refused is None else user_message(refused)
        self.table.show_phones(self.phones, self.installed)
        if len(self.phones) == 1:
            version = self.installed.get(self.phones[0].url)
            decoded = fp.decode_version(version, self.model.vendor, self.service.families)
            shown = (decoded.describe(current_language()) if decoded
                     else version or self.tr("not reported by the phone yet"))
            self.installed_label.setText(self.tr("Installed: %1").replace("%1", shown))
        else:
            reported = sum(1 for v in self.installed.values() if v)
            title = (self.tr("Firmware for all %1 %2 phones in %3") if self.company_name
                     else self.tr("Firmware for all %1 %2 phones"))
            count, name = str(len(self.phones)), self.model.display_name
            self.title.setText(title.replace("%1", count).replace("%2", name)
                               .replace("%3", self.company_name))
            text = self.tr("%1: %2 phones, %3 reported their installed firmware.")
            self.installed_label.setText(text.replace("%1", name).replace("%2", count)
                                         .replace("%3", str(reported)))
        if not self.model.firmwares:
            self.installed_label.setText(
                self.tr("%1 Compass lists no certified firmware for this model, so only the installed "
                        "firmware can be kept.").replace("%1", self.installed_label.text()))
        if self.read_only_reason:
            self.status.setText(self.read_only_reason)
        self.panel.show_phones(self.model, self.phones, self.installed)

    def phone_text(self, phone: Phone) -> str:
        """``phone “Reception” (00:04:13:AA:BB:CC)`` in the app's language (domain.phone_words)."""
        return localize(fp.phone_words(phone))

    def _load_failed(self, error: BaseException) -> None:
        self.installed_label.setText(user_message(error, "read the firmware choices"))

    # -- choosing --------------------------------------------------------------------------------
    def chosen(self) -> tuple[bool, str | None]:
        """(something chosen, the version or None for "Use installed firmware")."""
        return self.panel.chosen()

    def _choice_changed(self) -> None:
        plan = self.plan
        needed = bool(plan and plan.needed)
        busy = self.job is not None
        self.apply_button.setEnabled(needed and not self.read_only_reason and not busy)
        self.apply_button.setToolTip(self.read_only_reason)

    # -- applying --------------------------------------------------------------------------------
    def apply(self) -> None:
        plan = self.plan
        if plan is None or not plan.needed or self.read_only_reason:
            return
        count = len(plan.needed)
        where = (self.phone_text(plan.needed[0].phone) if count == 1
                 else self.tr("%1 phones").replace("%1", str(count)))
        question = (self.tr("Set the firmware of %1 to %2?\n\n%3").replace("%2", plan.target) if plan.target
                    else self.tr("Keep the installed firmware of %1?\n\n%3"))
        question = question.replace("%3", localize(plan.explanation())).replace("%1", where)
        if not confirm(self, self.tr("Change firmware"), question):
            return
        if plan.needs_second_confirmation and not confirm_risk(self, self.tr("Risky firmware change"),
                                                               self.panel.reasons()):
            self.status.setText(self.tr("Not changed."))
            return
        service = self.service
        self._start(lambda ctx, stop: service.apply(plan, confirmed=True, progress=_shown(ctx), cancel=stop),
                    count, "firmware change")

    def retry(self) -> None:
        run = self.run
        if run is None or not run.failures:
            return
        service = self.service
        self._start(lambda ctx, stop: service.retry(run, progress=_shown(ctx), cancel=stop),
                    len(run.failures), "firmware retry")

    def _start(self, run: Callable[[JobContext, CancelToken], FirmwareRun], total: int, label: str) -> None:
        # Stop uses a token of its own (the partial run must reach the user; the worker delivers a
        # normal return after a cancel too). The job's token (app shutdown) still stops the run.
        stop = self._stop = CancelToken()
        key = self.phones[0].url if len(self.phones) == 1 else None

        def work(ctx: JobContext) -> FirmwareRun:
            return run(ctx, EitherToken(stop, ctx.token))

        try:
            self.job = self.worker.submit(work, label=label, key=key, on_success=self._finished_run,
                                          on_failure=self._run_failed, on_progress=self._progress)
        except Busy as exc:  # worded (and translated) by the worker
            self.status.setText(str(exc))
            return
        self.job.finished.connect(self._job_finished)
        self._applying = True
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Working…"))
        for button in (self.apply_button, self.retry_button, self.close_button, self.model_button):
            button.setEnabled(False)
        self.choices.setEnabled(False)
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)

    def _progress(self, done: int, total: int, label: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        if label:
            self.status.setText(label)

    def stop(self) -> None:
        if self.job is not None:
            self._stop.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Stopping: phones already sent are finished and reported…"))

    def _finished_run(self, run: FirmwareRun) -> None:
        self.run = run
        fresh = {r.change.phone.url: r.phone for r in run.results}
        self.phones = [fresh.get(p.url, p) for p in self.phones]
        self.table.show_phones(self.phones, self.installed, {r.change.phone.url: r for r in run.results})
        changed = run.changed
        text = localize(run.summary)
        if changed and run.failures:
            names = ", ".join(p.name or mac_label(p.mac) for p in changed)
            text = self.tr("%1 Changed: %2.").replace("%2", names).replace("%1", text)
        self.status.setText(text)
        self.retry_button.setVisible(bool(run.failures))
        if changed:
            emit(self.phones_changed, changed)

    def _run_failed(self, error: BaseException) -> None:
        # Raised before any phone was sent (rights, confirmation, sign-in): nothing changed.
        why = user_message(error, "change firmware")
        self.status.setText(self.tr("%1 Nothing was changed.").replace("%1", why))

    def _job_finished(self) -> None:
        self.job = None
        self.progress.setVisible(False)
        self.cancel_button.hide()
        self.choices.setEnabled(True)
        self.close_button.setEnabled(True)
        self.model_button.setEnabled(True)
        self.retry_button.setEnabled(bool(self.run and self.run.failures))
        self._applying = False
        if self.model is not None:
            self.panel.show_phones(self.model, self.phones, self.installed, after_run=self.run is not None)
        else:
            self._choice_changed()

    # -- other -----------------------------------------------------------------------------------
    def open_model_dialog(self) -> FirmwareDialog:
        phones = sorted([*self.phones, *self.siblings], key=lambda p: (p.name.casefold(), p.mac))
        dialog = FirmwareDialog(self.service, self.worker, phones, company_name=self.company_name,
                                parent=self.parentWidget())
        dialog.phones_changed.connect(self.phones_changed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    @property
    def applying(self) -> bool:
        return self._applying

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._applying:
            # Closing mid-run would hide which phones changed: stop, report, and stay open.
            self.stop()
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        """Escape and Close: like closing the window."""
        if self._applying:
            self.stop()
            return
        if self.job is not None:
            self.job.cancel()  # only the initial read is running: nothing to report
        super().reject()


def _shown(ctx: JobContext) -> Progress:
    """The job's progress with the service's words in the installed language (the worker carries text)."""
    def progress(done: int, total: int, label: Text | str) -> None:
        ctx.progress(done, total, localize(label))

    return progress


def _service_for(browser: Any) -> FirmwareService | None:
    session = getattr(browser, "session", None)
    if session is None:
        return None
    return FirmwareService(session, audit=getattr(browser.context, "audit", None))


def open_for_phone(parent: QWidget, browser: Any, phone: Phone) -> FirmwareDialog | None:
    """The Firmware button: one phone, with the other phones of its model in its organisation."""
    service = _service_for(browser)
    if service is None:
        QMessageBox.information(parent, QCoreApplication.translate("FirmwareDialog", "Firmware"),
                                QCoreApplication.translate("FirmwareDialog",
                                                           "Sign in to this environment to choose firmware."))
        return None
    company = service.session.company(phone.company_url)
    siblings = [p for p in service.session.phones
                if p.company_url == phone.company_url and p.model == phone.model and p.url != phone.url]
    dialog = FirmwareDialog(service, browser.worker, [phone], company_name=company.name if company else "",
                            siblings=siblings, parent=parent)
    if hasattr(browser, "phone_updated"):
        dialog.phones_changed.connect(lambda phones: [browser.phone_updated(p) for p in phones])
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
