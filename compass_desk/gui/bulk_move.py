"""Move several selected phones to one organisation (API move only), with a result per phone and a retry."""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from compass_desk.domain.mac import format_mac
from compass_desk.domain.models import Access, Company, Phone
from compass_desk.gui.ask import confirm
from compass_desk.gui.i18n import localize
from compass_desk.gui.messages import user_message
from compass_desk.gui.move_wizard import shown_progress
from compass_desk.gui.plurals import plural
from compass_desk.gui.qtfix import emit
from compass_desk.gui.worker import Busy, Job, JobContext, Worker
from compass_desk.services.bulk_move import DEFAULT_RATE_PER_S, BulkRun, bulk_move, retry
from compass_desk.services.cancel import Cancelled
from compass_desk.services.moves import MoveService

log = logging.getLogger(__name__)
COLUMNS = (QT_TRANSLATE_NOOP("BulkMoveDialog", "Phone"), QT_TRANSLATE_NOOP("BulkMoveDialog", "MAC address"),
           QT_TRANSLATE_NOOP("BulkMoveDialog", "From"), QT_TRANSLATE_NOOP("BulkMoveDialog", "Result"))


class BulkMoveDialog(QDialog):
    finished_run = Signal(object)  # BulkRun

    def __init__(self, service: MoveService, worker: Worker, phones: list[Phone],
                 companies: list[Company] | None = None, *, rate_per_s: float = DEFAULT_RATE_PER_S,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Move %1 phones").replace("%1", str(len(phones))))
        self.waiting = self.tr("waiting")
        self.resize(760, 460)
        self.service, self.worker, self.phones, self.rate = service, worker, list(phones), rate_per_s
        self.companies = companies if companies is not None else service.session.companies
        self.run_result: BulkRun | None = None
        self.job: Job | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The phones are moved with the API, one after another: they keep their "
                               "settings and need no reset. Organisations where you only have read rights "
                               "cannot be chosen."))
        intro.setWordWrap(True)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Move to:")))
        self.target = QComboBox()
        self.target.setEditable(True)
        self.target.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._fill_targets()
        completer = QCompleter(self.target.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.target.setCompleter(completer)
        pick.addWidget(self.target, 1)
        self.table = QTableWidget(len(self.phones), len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(str(column)) for column in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        names = {c.url: c.name for c in self.companies}
        for row, phone in enumerate(self.phones):
            cells = (phone.name, format_mac(phone.mac), names.get(phone.company_url, ""), self.waiting)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.progress = QProgressBar()
        self.progress.setRange(0, len(self.phones))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.move_button = QPushButton(self.tr("Move %1 phones").replace("%1", str(len(self.phones))))
        self.retry_button = QPushButton(self.tr("Retry the failed ones"))
        self.retry_button.hide()
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        for button in (self.move_button, self.retry_button, self.stop_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addWidget(intro)
        layout.addLayout(pick)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self.move_button.clicked.connect(lambda: self._start(retrying=False))
        self.retry_button.clicked.connect(lambda: self._start(retrying=True))
        self.stop_button.clicked.connect(self._stop)
        self.close_button.clicked.connect(self.reject)
        self.target.currentIndexChanged.connect(lambda *_: self._update())
        self._update()

    def _fill_targets(self) -> None:
        model = QStandardItemModel(self)
        for company in self.companies:
            writable = company.access is Access.WRITE
            item = QStandardItem(company.name if writable
                                 else self.tr("%1 — read-only").replace("%1", company.name))
            item.setData(company, Qt.ItemDataRole.UserRole)
            if not writable:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setToolTip(self.tr("You have read-only rights here."))
            model.appendRow(item)
        self.target.setModel(model)
        first = next((i for i, c in enumerate(self.companies) if c.access is Access.WRITE), -1)
        self.target.setCurrentIndex(first)
        if first < 0:
            self.target.setEditText("")

    def chosen(self) -> Company | None:
        company = self.target.currentData(Qt.ItemDataRole.UserRole)
        return company if isinstance(company, Company) and company.access is Access.WRITE else None

    def choose(self, company_url: str) -> bool:
        for index, company in enumerate(self.companies):
            if company.url == company_url and company.access is Access.WRITE:
                self.target.setCurrentIndex(index)
                return True
        return False

    def _update(self) -> None:
        running = self.job is not None
        target = self.chosen()
        self.move_button.setEnabled(not running and target is not None and self.run_result is None)
        self.retry_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        self.target.setEnabled(not running and self.run_result is None)
        if target is None and not any(c.access is Access.WRITE for c in self.companies):
            self.summary.setText(
                self.tr("You have read-only rights on every organisation, so no phone can be moved."))

    def _start(self, retrying: bool) -> None:
        service, rate, previous = self.service, self.rate, self.run_result
        target = previous.target if retrying and previous else self.chosen()
        if target is None:
            return
        phones = previous.to_retry if retrying and previous else self.phones
        if not confirm(self, self.tr("Move phones"), self._question(phones, target)):
            return

        def work(ctx: JobContext) -> BulkRun:
            if retrying and previous is not None:
                return retry(service, previous, rate_per_s=rate, progress=shown_progress(ctx),
                             cancel=ctx.token)
            return bulk_move(service, phones, target, rate_per_s=rate, progress=shown_progress(ctx),
                             cancel=ctx.token)

        for phone in phones:
            self._set_result(phone, self.waiting, None)
        self.progress.setRange(0, len(phones))
        self.progress.setValue(0)
        try:
            self.job = self.worker.submit(work, label="bulk move", on_success=self._done,
                                          on_failure=self._failed, on_progress=self._progress)
        except Busy as exc:
            self.summary.setText(str(exc))
            return
        self.summary.setText(self.tr("Moving to %1…").replace("%1", target.name))
        self._update()

    def _question(self, phones: list[Phone], target: Company) -> str:
        """One confirmation naming the phones, their organisations, the target and the environment."""
        names = {c.url: c.name for c in self.companies}
        shown = [f"“{p.name}” ({format_mac(p.mac)}) — {names.get(p.company_url, '?')}" for p in phones[:10]]
        if len(phones) > 10:
            shown.append(self.tr("… and %1 more").replace("%1", str(len(phones) - 10)))
        environment = self.service.session.environment.name
        question = plural(len(phones), self.tr("Move %1 phone to organisation “%2” on environment “%3”?"),
                          self.tr("Move %1 phones to organisation “%2” on environment “%3”?"))
        return question.replace("%3", environment).replace("%2", target.name) + "\n\n" + "\n".join(shown)

    def reject(self) -> None:
        if self.job is not None:  # closing while moving: stop after the current phone instead
            self._stop()
            return
        super().reject()

    def _stop(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _progress(self, done: int, _total: int, label: str) -> None:
        self.progress.setValue(done)
        self.summary.setText(label)

    def _set_result(self, phone: Phone, text: str, ok: bool | None) -> None:
        row = next(i for i, p in enumerate(self.phones) if p.url == phone.url)
        item = self.table.item(row, 3)
        if item is None:
            return
        item.setText(text)
        item.setToolTip(text)
        if ok is not None:
            item.setForeground(Qt.GlobalColor.darkGreen if ok else Qt.GlobalColor.darkRed)

    def _result_text(self, phone: Phone) -> str:
        row = next(i for i, p in enumerate(self.phones) if p.url == phone.url)
        item = self.table.item(row, 3)
        return item.text() if item is not None else ""

    def _done(self, run: BulkRun) -> None:
        self.job = None
        self.run_result = run
        reached = set()
        for result in run.results:
            reached.add(result.phone.url)
            if result.unknown:
                self._set_result(result.phone, self.tr("Unknown: %1").replace("%1", localize(result.text)),
                                 None)
            else:
                self._set_result(result.phone, localize(result.text), result.ok)
        if run.cancelled:  # stopped: the phones not reached yet were not touched
            for phone in self.phones:
                if phone.url not in reached and self._result_text(phone) == self.waiting:
                    self._set_result(phone, self.tr("Not moved (stopped)."), None)
        else:
            self.progress.setValue(self.progress.maximum())
        self.summary.setText(localize(run.summary_text))
        self.retry_button.setVisible(bool(run.to_retry))
        emit(self.finished_run, run)
        self._update()

    def _failed(self, error: BaseException) -> None:
        self.job = None
        if isinstance(error, Cancelled):
            self.summary.setText(self.tr("Stopped. The phones moved so far stay moved; refresh to see where "
                                         "each one is."))
        else:
            self.summary.setText(user_message(error, "move the phones"))
        self._update()
