"""Firmware for one phone or all phones of one model in an organisation.

Shows the certified versions marked newer / older / same than what is installed, and "Use installed
firmware"; explains what a choice does; asks once, and a second time with the reason for a risky
choice; applies in the background (paced) with a result per phone and a retry for the failures.
All network work runs through :mod:`compass_desk.gui.worker`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from compass_desk.api.client import describe
from compass_desk.domain import firmware_plan as fp
from compass_desk.domain.models import Phone, PhoneModel
from compass_desk.gui.i18n import current_language
from compass_desk.gui.messages import user_message
from compass_desk.gui.phone_model import mac_label
from compass_desk.gui.qtfix import emit
from compass_desk.gui.worker import Busy, Job, JobContext, Worker
from compass_desk.services.cancel import CancelToken
from compass_desk.services.firmware import EitherToken, FirmwareRun, FirmwareService

COLUMNS = (QT_TRANSLATE_NOOP("FirmwareDialog", "Phone"), QT_TRANSLATE_NOOP("FirmwareDialog", "MAC"),
           QT_TRANSLATE_NOOP("FirmwareDialog", "Installed"), QT_TRANSLATE_NOOP("FirmwareDialog", "Selected"),
           QT_TRANSLATE_NOOP("FirmwareDialog", "Result"))
# domain.firmware_plan.USE_INSTALLED_LABEL, listed for lupdate (test_i18n_domain_texts checks the wording).
USE_INSTALLED = str(QT_TRANSLATE_NOOP("FirmwareDialog", "Use installed firmware"))
WARNING_STYLE = "QLabel { background: #fff4e5; color: #5c3300; border: 1px solid #f0a030; padding: 6px; }"


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """The first confirmation (tests replace this function)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


def confirm_risk(parent: QWidget | None, title: str, reasons: Sequence[str]) -> bool:
    """The second, explicit confirmation naming the reasons (tests replace this function)."""
    text = QCoreApplication.translate("FirmwareDialog", "This change needs a second confirmation:\n\n%1")
    text = text.replace("%1", "\n\n".join(f"• {r}" for r in reasons))
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Cancel, parent)
    anyway = box.addButton(QCoreApplication.translate("FirmwareDialog", "Change anyway"),
                           QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is anyway


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
        self.plan: fp.FirmwarePlan | None = None
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
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(str(column)) for column in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() * 2 + 8)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setMaximumHeight(self.table.horizontalHeader().sizeHint().height() + 34 if single else 200)
        layout.addWidget(self.table)
        layout.addWidget(QLabel(self.tr("Firmware Compass sends to the phone:") if single
                                else self.tr("Firmware Compass sends to the phones:")))
        self.choices = QListWidget()
        self.choices.setAccessibleName(self.tr("Firmware choices"))
        self.choices.currentItemChanged.connect(self._choice_changed)
        layout.addWidget(self.choices)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setObjectName("firmwareExplanation")
        layout.addWidget(self.explanation)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setObjectName("firmwareWarning")
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()
        layout.addWidget(self.warning)
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
        self._fill_table()
        self.load()

    # -- loading ---------------------------------------------------------------------------------
    def load(self) -> None:
        service, phones = self.service, self.phones

        def work(ctx: JobContext) -> tuple[PhoneModel, dict[str, str | None], str]:
            ctx.progress(0, 0, QCoreApplication.translate("FirmwareDialog", "Reading certified firmware"))
            reason = ""
            try:
                service.check_writable(phones)
            except fp.FirmwareRefused as exc:
                reason = exc.message
            model = service.model_for(phones[0], strict=False)
            return model, service.installed(phones, cancel=ctx.token), reason

        self.job = self.worker.submit(work, label="firmware choices", on_success=self._loaded,
                                      on_failure=self._load_failed)
        self.job.finished.connect(self._job_finished)

    def _loaded(self, answer: tuple[PhoneModel, dict[str, str | None], str]) -> None:
        self.model, self.installed, self.read_only_reason = answer
        self._fill_table()
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
        self._fill_choices()
        if not self.model.firmwares:
            self.installed_label.setText(
                self.tr("%1 Compass lists no certified firmware for this model, so only the installed "
                        "firmware can be kept.").replace("%1", self.installed_label.text()))
        if self.read_only_reason:
            self.status.setText(self.read_only_reason)
        self._choice_changed()

    def _fill_choices(self) -> None:
        """The options, marked against what the phones run and have selected now; keeps the choice."""
        assert self.model is not None
        picked, current = self.chosen()
        pairs = [(p, self.installed.get(p.url)) for p in self.phones]
        self.choices.blockSignals(True)
        self.choices.clear()
        for option in fp.options(self.model, pairs):
            text = self.option_text(option, len(pairs))
            if option.selected_now:
                many = len(self.phones) > 1
                text = (self.tr("%1 — selected for %2").replace("%2", str(option.selected_now)) if many
                        else self.tr("%1 — selected now")).replace("%1", text)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, option.version)
            if option.latest:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.choices.addItem(item)
            if picked and option.version == current:
                self.choices.setCurrentItem(item)
        self.choices.blockSignals(False)
        # As tall as its lines: the explanation below must never be squeezed.
        rows = self.choices.count()
        self.choices.setFixedHeight(self.choices.sizeHintForRow(0) * rows + 2 * self.choices.frameWidth() + 6)

    def phone_text(self, phone: Phone) -> str:
        """``phone “Reception” (00:04:13:AA:BB:CC)``, as api.client.describe words it, translated."""
        if phone.name:
            return self.tr("phone “%1” (%2)").replace("%2", mac_label(phone.mac)).replace("%1", phone.name)
        return self.tr("phone %1").replace("%1", mac_label(phone.mac))

    def option_text(self, option: fp.FirmwareOption, total: int) -> str:
        """domain.firmware_plan's option label, built from its parts in the installed language."""
        if option.version is None:
            return self.tr(USE_INSTALLED)
        relations = option.relations
        if total == 1 and len(relations) == 1:
            marks = {"newer": self.tr("newer than installed"), "older": self.tr("older than installed"),
                     "same": self.tr("same as installed"), "unknown": self.tr("installed version unknown")}
            shown = marks.get(next(iter(relations)))
        else:
            each = {"newer": self.tr("newer for %1"), "same": self.tr("same for %1"),
                    "older": self.tr("older for %1"), "unknown": self.tr("unknown for %1")}
            parts = [each[name].replace("%1", str(relations[name])) for name in each if relations.get(name)]
            shown = ", ".join(parts) if len(parts) == len([n for n in relations if relations[n]]) else None
        if shown is None:  # a marker this screen does not know: the domain's own words
            return option.label
        text = self.tr("%1 (latest certified): %2") if option.latest else self.tr("%1: %2")
        return text.replace("%2", shown).replace("%1", option.version)

    def _load_failed(self, error: BaseException) -> None:
        self.installed_label.setText(_sentence(error, "read the firmware choices"))

    def _fill_table(self, results: dict[str, Any] | None = None) -> None:
        self.table.setRowCount(len(self.phones))
        for row, phone in enumerate(self.phones):
            result = (results or {}).get(phone.url)
            values = (phone.name, mac_label(phone.mac), self.installed.get(phone.url) or "—",
                      phone.firmware or self.tr(USE_INSTALLED), result.message if result else "")
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 4 and result is not None:
                    item.setText(f"{result.outcome.value}: {result.message}")
                    item.setToolTip(result.message)
                self.table.setItem(row, column, item)

    # -- choosing --------------------------------------------------------------------------------
    def chosen(self) -> tuple[bool, str | None]:
        """(something chosen, the version or None for "Use installed firmware")."""
        item = self.choices.currentItem()
        return (False, None) if item is None else (True, item.data(Qt.ItemDataRole.UserRole))

    def _choice_changed(self, *_args: object) -> None:
        picked, version = self.chosen()
        self.plan = None
        self.warning.hide()
        if not picked or self.model is None:
            self.explanation.setText(self.tr("Choose a certified version, or keep the installed firmware."))
            self.apply_button.setEnabled(False)
            return
        label = describe(self.phones[0]) if len(self.phones) == 1 else \
            self.tr("these %1 %2 phones").replace("%1", str(len(self.phones))).replace("%2",
                                                                                        self.model.display_name)
        try:
            self.plan = fp.plan(self.model, [(p, self.installed.get(p.url)) for p in self.phones], version,
                                target_label=label, families=self.service.families)
        except fp.FirmwareRefused as exc:
            self.explanation.setText(exc.message)
            self.apply_button.setEnabled(False)
            return
        needed = len(self.plan.needed)
        text = self.plan.explanation()
        if not needed:
            text = self.tr("Already chosen: nothing to change.")
        elif len(self.phones) > 1:
            text = (self.tr("%1 %2 of %3 phones would change.").replace("%2", str(needed))
                    .replace("%3", str(len(self.phones))).replace("%1", text))
        self.explanation.setText(text)
        reasons = self.plan.reasons()
        if reasons and needed:
            self.warning.setText(self.tr("Needs a second confirmation:\n%1").replace(
                "%1", "\n".join(f"• {r}" for r in reasons)))
            self.warning.show()
        busy = self.job is not None
        self.apply_button.setEnabled(bool(needed) and not self.read_only_reason and not busy)
        self.apply_button.setToolTip(self.read_only_reason)

    # -- applying --------------------------------------------------------------------------------
    def apply(self) -> None:
        plan = self.plan
        if plan is None or not plan.needed or self.read_only_reason:
            return
        choice = plan.target or self.tr(USE_INSTALLED).lower()
        count = len(plan.needed)
        where = (self.phone_text(plan.needed[0].phone) if count == 1
                 else self.tr("%1 phones").replace("%1", str(count)))
        question = (self.tr("Set the firmware of %1 to %2?\n\n%3").replace("%3", plan.explanation())
                    .replace("%2", choice).replace("%1", where))
        if not confirm(self, self.tr("Change firmware"), question):
            return
        if plan.needs_second_confirmation and not confirm_risk(self, self.tr("Risky firmware change"),
                                                               plan.reasons()):
            self.status.setText(self.tr("Not changed."))
            return
        service = self.service
        self._start(lambda ctx, stop: service.apply(plan, confirmed=True, progress=ctx.progress, cancel=stop),
                    count, "firmware change")

    def retry(self) -> None:
        run = self.run
        if run is None or not run.failures:
            return
        service = self.service
        self._start(lambda ctx, stop: service.retry(run, progress=ctx.progress, cancel=stop),
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
        except Busy as exc:
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
        self._fill_table({r.change.phone.url: r for r in run.results})
        changed = run.changed
        text = run.summary
        if changed and run.failures:
            names = ", ".join(p.name or mac_label(p.mac) for p in changed)
            text = self.tr("%1 Changed: %2.").replace("%2", names).replace("%1", text)
        self.status.setText(text)
        self.retry_button.setVisible(bool(run.failures))
        if changed:
            emit(self.phones_changed, changed)

    def _run_failed(self, error: BaseException) -> None:
        # Raised before any phone was sent (rights, confirmation, sign-in): nothing changed.
        why = _sentence(error, "change firmware")
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
            self._fill_choices()
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


def _sentence(error: BaseException, doing: str) -> str:
    return error.message if isinstance(error, fp.FirmwareRefused) else user_message(error, doing)


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
