"""Firmware overview of one organisation: counts per model and version, phones behind the latest
certified version, pending or failed upgrades; exportable as CSV. Read through the worker."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from compass_desk.domain import firmware_plan as fp
from compass_desk.domain.models import Company
from compass_desk.domain.text import Text
from compass_desk.gui.i18n import localize
from compass_desk.gui.messages import user_message
from compass_desk.gui.phone_model import mac_label
from compass_desk.gui.worker import Job, JobContext, Worker
from compass_desk.services.firmware import FirmwareService

# Texts outside the dialog class: translated in the context "FirmwareOverview".
MODEL_COLUMNS = (
    QT_TRANSLATE_NOOP("FirmwareOverview", "Model"),
    QT_TRANSLATE_NOOP("FirmwareOverview", "Phones"),
    QT_TRANSLATE_NOOP("FirmwareOverview", "Installed versions"),
    QT_TRANSLATE_NOOP("FirmwareOverview", "Latest certified"),
    QT_TRANSLATE_NOOP("FirmwareOverview", "Behind"),
    QT_TRANSLATE_NOOP("FirmwareOverview", "Pending"),
    QT_TRANSLATE_NOOP("FirmwareOverview", "Unknown"),
)
PHONE_COLUMNS = (
    QT_TRANSLATE_NOOP("FirmwareOverview", "Phone"),
    QT_TRANSLATE_NOOP("FirmwareOverview", "MAC"),
    QT_TRANSLATE_NOOP("FirmwareOverview", "Model"),
    QT_TRANSLATE_NOOP("FirmwareOverview", "Installed"),
    QT_TRANSLATE_NOOP("FirmwareOverview", "Selected"),
    QT_TRANSLATE_NOOP("FirmwareOverview", "Latest certified"),
    QT_TRANSLATE_NOOP("FirmwareOverview", "Behind latest"),
    QT_TRANSLATE_NOOP("FirmwareOverview", "Pending or failed"),
    QT_TRANSLATE_NOOP("FirmwareOverview", "Online"),
)
SHOW = (
    (QT_TRANSLATE_NOOP("FirmwareOverview", "All phones"), None),
    (QT_TRANSLATE_NOOP("FirmwareOverview", "Behind the latest certified version"), "behind"),
    (QT_TRANSLATE_NOOP("FirmwareOverview", "Pending or failed upgrade"), "pending"),
    (QT_TRANSLATE_NOOP("FirmwareOverview", "Installed firmware not reported"), "unknown"),
)


def _tr(text: object) -> str:
    return QCoreApplication.translate("FirmwareOverview", str(text))


def choose_export_path(parent: QWidget, name: str) -> str:
    """Where to save the CSV (tests replace this function)."""
    path, _ = QFileDialog.getSaveFileName(parent, _tr(EXPORT_TITLE), str(Path.home() / name),
                                          QCoreApplication.translate("FirmwareOverview", "CSV files (*.csv)"))
    return path


def _yes_no(value: bool | None) -> str:
    if value is None:
        return "—"
    return QCoreApplication.translate("FirmwareOverview", "yes") if value else _tr(NO)


EXPORT_TITLE = QT_TRANSLATE_NOOP("FirmwareOverview", "Export firmware overview")
NO = QT_TRANSLATE_NOOP("FirmwareOverview", "no")
OVERVIEW_TITLE = QT_TRANSLATE_NOOP("FirmwareOverview", "Firmware overview")


class FirmwareOverviewDialog(QDialog):
    """``FirmwareOverviewDialog(service, worker, company, parent=None)``."""

    def __init__(self, service: FirmwareService, worker: Worker, company: Company,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.worker, self.company = service, worker, company
        self.overview: fp.FirmwareOverview | None = None
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Firmware overview — %1").replace("%1", company.name))
        self.resize(1000, 680)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        self.summary = QLabel(self.tr("Reading the phones of %1 and their installed firmware…")
                              .replace("%1", company.name))
        self.summary.setWordWrap(True)
        self.summary.setObjectName("overviewSummary")
        layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model_table = self._table(MODEL_COLUMNS)
        self.phone_table = self._table(PHONE_COLUMNS)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(self.tr("Show:")))
        self.show_only = QComboBox()
        self.show_only.setAccessibleName(self.tr("Show phones"))
        for text, key in SHOW:
            self.show_only.addItem(_tr(text), key)
        self.show_only.currentIndexChanged.connect(self._fill_phones)
        filter_row.addWidget(self.show_only)
        filter_row.addStretch(1)
        lower_layout.addLayout(filter_row)
        lower_layout.addWidget(self.phone_table)
        splitter.addWidget(self.model_table)
        splitter.addWidget(lower)
        splitter.setSizes([220, 420])
        layout.addWidget(splitter, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.load)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_csv)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.load()

    @staticmethod
    def _table(columns: tuple[object, ...]) -> QTableWidget:
        table = QTableWidget(0, len(columns))
        table.setHorizontalHeaderLabels([_tr(column) for column in columns])
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    def load(self) -> None:
        if self.job is not None:
            return
        service, company = self.service, self.company

        def work(ctx: JobContext) -> fp.FirmwareOverview:
            def progress(done: int, total: int, label: Text | str) -> None:
                ctx.progress(done, total, localize(label))  # the service words it; the worker carries text

            return service.overview(company, progress=progress, cancel=ctx.token)

        self.refresh_button.setEnabled(False)
        self.job = self.worker.submit(work, label="firmware overview", on_success=self._loaded,
                                      on_failure=self._failed, on_progress=self._progress)
        self.job.finished.connect(self._finished)

    def _progress(self, done: int, total: int, label: str) -> None:
        if total:
            self.status.setText(self.tr("Reading live status: %1 of %2 phones…").replace("%1", str(done))
                                .replace("%2", str(total)))
        elif label:
            self.status.setText(self.tr("%1…").replace("%1", label))

    def _finished(self) -> None:
        self.job = None
        self.refresh_button.setEnabled(True)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(user_message(error, "read the firmware overview"))

    def _loaded(self, overview: fp.FirmwareOverview) -> None:
        self.overview = overview
        unknown = sum(m.unknown for m in overview.models)
        text = (self.tr("%1: %2 phones, %3 behind the latest certified version, %4 with a pending or "
                        "failed upgrade (installed differs from selected); %5 has not reported the installed "
                        "firmware.")
                if unknown == 1 else
                self.tr("%1: %2 phones, %3 behind the latest certified version, %4 with a pending or "
                        "failed upgrade (installed differs from selected); %5 have not reported the "
                        "installed firmware."))
        for number, value in enumerate((overview.company.name, len(overview.rows), len(overview.behind),
                                        len(overview.pending), unknown), start=1):
            text = text.replace(f"%{number}", str(value))
        self.summary.setText(text)
        self.status.setText("")
        self.model_table.setRowCount(len(overview.models))
        for row, m in enumerate(overview.models):
            versions = ", ".join(f"{localize(fp.UNKNOWN_VERSION_TEXT) if v == fp.UNKNOWN_VERSION else v} ×{n}"
                                 for v, n in fp.by_version(m.by_installed))
            values = (m.model_name, str(m.phones), versions, m.latest or self.tr("none certified"),
                      str(m.behind), str(m.pending), str(m.unknown))
            for column, value in enumerate(values):
                self.model_table.setItem(row, column, QTableWidgetItem(value))
        self._fill_phones()
        self.export_button.setEnabled(bool(overview.rows))

    def shown_rows(self) -> list[fp.OverviewRow]:
        if self.overview is None:
            return []
        key = self.show_only.currentData()
        rows = self.overview.rows
        if key == "behind":
            rows = self.overview.behind
        elif key == "pending":
            rows = self.overview.pending
        elif key == "unknown":
            rows = [r for r in rows if r.installed is None]
        return sorted(rows, key=lambda r: (r.model_name, r.phone.name.casefold(), r.phone.mac))

    def _fill_phones(self, *_args: object) -> None:
        rows = self.shown_rows()
        self.phone_table.setSortingEnabled(False)
        self.phone_table.setRowCount(len(rows))
        use_installed = localize(fp.USE_INSTALLED)
        for row, r in enumerate(rows):
            values = (r.phone.name, mac_label(r.phone.mac), r.model_name,
                      r.installed or self.tr("not reported"), r.selected or use_installed,
                      r.latest or "—", _yes_no(r.behind),
                      _yes_no(r.pending), _yes_no(r.online))
            for column, value in enumerate(values):
                self.phone_table.setItem(row, column, QTableWidgetItem(value))

    def export_csv(self) -> None:
        if self.overview is None:
            return
        safe = "".join(ch if ch.isalnum() else "-" for ch in self.company.name).strip("-") or "organisation"
        path = choose_export_path(self, f"firmware-{safe}.csv")
        if not path:
            return
        rows = self.overview.csv_rows()
        try:
            # UTF-8 with BOM so that spreadsheet programs read accents right.
            with open(path, "w", encoding="utf-8-sig", newline="") as handle:
                csv.writer(handle).writerows(rows)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export firmware overview"),
                                self.tr("Could not write %1: %2.").replace("%2", str(exc.strerror or exc))
                                .replace("%1", path))
            return
        self.status.setText(self.tr("Exported %1 phones to %2.").replace("%1", str(len(rows) - 1))
                            .replace("%2", path))

    def closeEvent(self, event: Any) -> None:
        if self.job is not None:
            self.job.cancel()
        super().closeEvent(event)


def open_for_company(parent: QWidget, browser: Any, company: Company) -> FirmwareOverviewDialog | None:
    """Show the overview of *company* (non-modal); None when not signed in."""
    session = getattr(browser, "session", None)
    if session is None:
        QMessageBox.information(parent, _tr(OVERVIEW_TITLE),
                                QCoreApplication.translate("FirmwareOverview",
                                                           "Sign in to this environment to read firmware."))
        return None
    service = FirmwareService(session, audit=getattr(browser.context, "audit", None))
    dialog = FirmwareOverviewDialog(service, browser.worker, company, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
