"""Firmware overview of one organisation: counts per model and version, phones behind the latest
certified version, pending or failed upgrades; exportable as CSV. Read through the worker."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
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
from compass_desk.gui.messages import user_message
from compass_desk.gui.phone_model import mac_label
from compass_desk.gui.worker import Job, JobContext, Worker
from compass_desk.services.firmware import FirmwareService

MODEL_COLUMNS = ("Model", "Phones", "Installed versions", "Latest certified", "Behind", "Pending", "Unknown")
PHONE_COLUMNS = ("Phone", "MAC", "Model", "Installed", "Selected", "Latest certified", "Behind latest",
                 "Pending or failed", "Online")
SHOW = (("All phones", None), ("Behind the latest certified version", "behind"),
        ("Pending or failed upgrade", "pending"), ("Installed firmware not reported", "unknown"))


def choose_export_path(parent: QWidget, name: str) -> str:
    """Where to save the CSV (tests replace this function)."""
    path, _ = QFileDialog.getSaveFileName(parent, "Export firmware overview", str(Path.home() / name),
                                          "CSV files (*.csv)")
    return path


def _yes_no(value: bool | None) -> str:
    return "—" if value is None else ("yes" if value else "no")


class FirmwareOverviewDialog(QDialog):
    """``FirmwareOverviewDialog(service, worker, company, parent=None)``."""

    def __init__(self, service: FirmwareService, worker: Worker, company: Company,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.worker, self.company = service, worker, company
        self.overview: fp.FirmwareOverview | None = None
        self.job: Job | None = None
        self.setWindowTitle(f"Firmware overview — {company.name}")
        self.resize(1000, 680)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        self.summary = QLabel(f"Reading the phones of {company.name} and their installed firmware…")
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
        filter_row.addWidget(QLabel("Show:"))
        self.show_only = QComboBox()
        self.show_only.setAccessibleName("Show phones")
        for text, key in SHOW:
            self.show_only.addItem(text, key)
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
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.clicked.connect(self.load)
        self.export_button = QPushButton("Export CSV…")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_csv)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.load()

    @staticmethod
    def _table(columns: tuple[str, ...]) -> QTableWidget:
        table = QTableWidget(0, len(columns))
        table.setHorizontalHeaderLabels(columns)
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
            return service.overview(company, progress=ctx.progress, cancel=ctx.token)

        self.refresh_button.setEnabled(False)
        self.job = self.worker.submit(work, label="firmware overview", on_success=self._loaded,
                                      on_failure=self._failed, on_progress=self._progress)
        self.job.finished.connect(self._finished)

    def _progress(self, done: int, total: int, label: str) -> None:
        if total:
            self.status.setText(f"Reading live status: {done} of {total} phones…")
        elif label:
            self.status.setText(f"{label}…")

    def _finished(self) -> None:
        self.job = None
        self.refresh_button.setEnabled(True)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(user_message(error, "read the firmware overview"))

    def _loaded(self, overview: fp.FirmwareOverview) -> None:
        self.overview = overview
        unknown = sum(m.unknown for m in overview.models)
        have = "has" if unknown == 1 else "have"
        self.summary.setText(
            f"{overview.company.name}: {len(overview.rows)} phones, {len(overview.behind)} behind the latest "
            f"certified version, {len(overview.pending)} with a pending or failed upgrade (installed differs "
            f"from selected); {unknown} {have} not reported the installed firmware.")
        self.status.setText("")
        self.model_table.setRowCount(len(overview.models))
        for row, m in enumerate(overview.models):
            versions = ", ".join(f"{v} ×{n}" for v, n in fp.by_version(m.by_installed))
            values = (m.model_name, str(m.phones), versions, m.latest or "none certified", str(m.behind),
                      str(m.pending), str(m.unknown))
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
        for row, r in enumerate(rows):
            values = (r.phone.name, mac_label(r.phone.mac), r.model_name, r.installed or "not reported",
                      r.selected or fp.USE_INSTALLED_LABEL, r.latest or "—", _yes_no(r.behind),
                      "yes" if r.pending else "no", _yes_no(r.online))
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
            QMessageBox.warning(self, "Export firmware overview",
                                f"Could not write {path}: {exc.strerror or exc}.")
            return
        self.status.setText(f"Exported {len(rows) - 1} phones to {path}.")

    def closeEvent(self, event: Any) -> None:
        if self.job is not None:
            self.job.cancel()
        super().closeEvent(event)


def open_for_company(parent: QWidget, browser: Any, company: Company) -> FirmwareOverviewDialog | None:
    """Show the overview of *company* (non-modal); None when not signed in."""
    session = getattr(browser, "session", None)
    if session is None:
        QMessageBox.information(parent, "Firmware overview", "Sign in to this environment to read firmware.")
        return None
    service = FirmwareService(session, audit=getattr(browser.context, "audit", None))
    dialog = FirmwareOverviewDialog(service, browser.worker, company, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
