"""Prepare site visit: pick an organisation, fetch and keep every phone's provisioning file and status
in the background (progress, Cancel), and see per phone what was stored and what failed.

The work runs on the shared :class:`Worker`; each phone's result reaches the dialog through a
queued signal, so the list fills in while the run is still going.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
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

from compass_desk.domain.models import Company
from compass_desk.gui.cache_view import secrets_label
from compass_desk.gui.i18n import localize
from compass_desk.gui.messages import user_message
from compass_desk.gui.plurals import plural
from compass_desk.gui.qtfix import emit
from compass_desk.gui.worker import Job, JobContext, Worker
from compass_desk.services.cancel import Cancelled
from compass_desk.services.offline import PhoneResult, SiteVisitResult, prepare_site_visit

if TYPE_CHECKING:
    from compass_desk.services.session import Session
    from compass_desk.store.cache import Cache
    from compass_desk.store.provisioning_cache import ProvisioningCache

COLUMNS = (QT_TRANSLATE_NOOP("SiteVisitDialog", "Phone"), QT_TRANSLATE_NOOP("SiteVisitDialog", "MAC"),
           QT_TRANSLATE_NOOP("SiteVisitDialog", "File"), QT_TRANSLATE_NOOP("SiteVisitDialog", "Online"),
           QT_TRANSLATE_NOOP("SiteVisitDialog", "Passwords"), QT_TRANSLATE_NOOP("SiteVisitDialog", "Result"))
_OK, _FAILED = "#1b7f3b", "#b3261e"


class _Bridge(QObject):
    result = Signal(object)  # a PhoneResult, emitted from the pool thread


class SiteVisitDialog(QDialog):
    """``SiteVisitDialog(worker, session, cache, *, snapshots=None, company=None, parent=None)``.

    *session* is the signed-in :class:`Session` of the current environment, *cache* the
    provisioning cache, *snapshots* the phone-list cache (the organisation's phones and statuses
    go there too). ``start()`` runs for the organisation picked; ``prepared`` carries the result
    (also kept in ``outcome``).
    """

    prepared = Signal(object)  # SiteVisitResult, also when cancelled part-way

    def __init__(self, worker: Worker, session: Session, cache: ProvisioningCache, *,
                 snapshots: Cache | None = None, company: Company | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Prepare site visit"))
        self.resize(860, 560)
        self.worker = worker
        self.session = session
        self.cache = cache
        self.snapshots = snapshots
        self.job: Job | None = None
        self.outcome: SiteVisitResult | None = None
        self.partial: list[PhoneResult] = []  # results as they came in (kept when cancelled)
        self._wanted = company
        self._bridge = _Bridge(self)
        self._bridge.result.connect(self._add_result)

        intro = QLabel(self.tr("Fetches the provisioning file and status of every phone of one organisation "
                               "and keeps them on this computer, so you can read them on site without a "
                               "connection. Passwords in them are kept encrypted with a key in your keyring "
                               "(not at all when there is no secure keyring), never in plain text."))
        intro.setWordWrap(True)
        self.organisation = QComboBox()
        self.organisation.setAccessibleName(self.tr("Organisation"))
        self.organisation.setEditable(True)
        self.organisation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.organisation.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Type to search organisations"))
        completer = QCompleter(self.organisation.model(), self.organisation)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.organisation.setCompleter(completer)
        self.organisation.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.headline = QLabel("")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(str(column)) for column in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((170, 130, 140, 60, 110)):
            header.resizeSection(column, width)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)

        self.start_button = QPushButton(self.tr("Prepare"))
        self.start_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        close = QPushButton(self.tr("Close"))
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        close.clicked.connect(self.reject)
        close.setAutoDefault(False)
        self.cancel_button.setAutoDefault(False)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Organisation:")))
        pick.addWidget(self.organisation, 1)
        pick.addWidget(self.start_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(intro)
        layout.addLayout(pick)
        layout.addWidget(self.progress)
        layout.addWidget(self.headline)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._fill_organisations(session.companies)
        if not session.companies:
            self._load_organisations()
        self._update_buttons()

    # --- organisations ------------------------------------------------------------------------
    def _fill_organisations(self, companies: list[Company]) -> None:
        self.organisation.clear()
        for company in companies:
            self.organisation.addItem(company.name or company.entity_id, company)
        wanted = self._wanted
        index = next((i for i, c in enumerate(companies) if wanted is not None and c.url == wanted.url), -1)
        self.organisation.setCurrentIndex(index)
        if index < 0:
            self.organisation.setEditText("")

    def _load_organisations(self) -> None:
        self.headline.setText(self.tr("Reading the organisations…"))

        def done(companies: list[Company]) -> None:
            self.headline.setText("")
            self._fill_organisations(companies)
            self._update_buttons()

        def failed(error: BaseException) -> None:
            self.headline.setText(user_message(error, "read the organisations"))

        self.worker.submit(lambda _ctx: self.session.load_companies(), label=self.tr("Read organisations"),
                           on_success=done, on_failure=failed)

    def chosen_company(self) -> Company | None:
        index = self.organisation.findText(self.organisation.currentText(), Qt.MatchFlag.MatchFixedString)
        data = self.organisation.itemData(index) if index >= 0 else None
        return data if isinstance(data, Company) else None

    def choose(self, company: Company) -> None:
        index = next((i for i in range(self.organisation.count())
                      if isinstance(self.organisation.itemData(i), Company)
                      and self.organisation.itemData(i).url == company.url), -1)
        self.organisation.setCurrentIndex(index)

    # --- running ------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def _update_buttons(self) -> None:
        running = self.running
        self.start_button.setEnabled(not running and self.chosen_company() is not None)
        self.cancel_button.setEnabled(running)
        self.organisation.setEnabled(not running)

    def start(self) -> None:
        company = self.chosen_company()
        if company is None or self.running:
            if company is None:
                self.headline.setText(self.tr("Choose an organisation from the list first."))
            return
        self.outcome = None
        self.partial = []
        self.table.setRowCount(0)
        self.progress.setRange(0, 0)  # busy until the phone list is in
        self.headline.setText(self.tr("Reading the phone list of %1…").replace("%1", company.name))
        session, cache, snapshots, bridge = self.session, self.cache, self.snapshots, self._bridge

        def work(ctx: JobContext) -> SiteVisitResult:
            return prepare_site_visit(session, cache, company, snapshots=snapshots, progress=ctx.progress,
                                      cancel=ctx.token, on_result=lambda one: emit(bridge.result, one))

        label = self.tr("Prepare site visit for %1").replace("%1", company.name)
        self.job = self.worker.submit(work, label=label,
                                      on_success=self._done, on_failure=self._failed,
                                      on_progress=self._progressed)
        self._update_buttons()

    def cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            self.headline.setText(self.tr("Cancelling…"))

    def _progressed(self, done: int, total: int, _label: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.headline.setText(self.tr("Stored %1 of %2 phones…").replace("%1", str(done))
                              .replace("%2", str(total)))

    def _add_result(self, one: PhoneResult) -> None:
        self.partial.append(one)
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._set_row(row, one)

    def _set_row(self, row: int, one: PhoneResult) -> None:
        from compass_desk.domain.mac import format_mac, is_mac

        phone = one.phone
        online = "" if one.status is None else (self.tr("yes") if one.status.online else self.tr("no"))
        secrets = secrets_label(one.stored.secrets) if one.stored else ""
        problems = one.problem_texts  # the service words them in every language
        result = self.tr("Stored") if one.ok else " ".join(localize(problem) for problem in problems)
        cells = (phone.name, format_mac(phone.mac) if is_mac(phone.mac) else phone.mac,
                 one.stored.filename if one.stored else "", online, secrets, result)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column == len(cells) - 1:
                item.setForeground(QBrush(QColor(_OK if one.ok else _FAILED)))
                item.setToolTip(text)
            self.table.setItem(row, column, item)

    def _done(self, result: SiteVisitResult) -> None:
        self.outcome = result
        # The queued per-phone signals are all delivered before this one; still, show the final list.
        self.table.setRowCount(len(result.results))
        for row, one in enumerate(result.results):
            self._set_row(row, one)
        self.progress.setRange(0, max(len(result.phones), 1))
        self.progress.setValue(len(result.results) if result.phones else 1)
        self.headline.setText(localize(result.summary_text()))
        self._finish()
        emit(self.prepared, result)

    def _failed(self, error: BaseException) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(error, Cancelled):
            stored = sum(one.stored is not None for one in self.partial)
            self.headline.setText(plural(
                stored, self.tr("Cancelled: %1 provisioning file was stored before the cancel; "
                                "prepare again to store the rest."),
                self.tr("Cancelled: %1 provisioning files were stored before the cancel; "
                        "prepare again to store the rest.")))
        else:
            self.headline.setText(user_message(error, "prepare the site visit"))
        self._finish()

    def _finish(self) -> None:
        self._update_buttons()  # the job already reports running=False when its answer arrives

    def reject(self) -> None:
        self.cancel()  # requests in flight end on their own within the HTTP timeouts
        super().reject()
