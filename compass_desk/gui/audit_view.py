"""The audit log: who did what, where and when, with a filter and CSV export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from compass_desk.gui.messages import user_message
from compass_desk.gui.ui_loader import child, load_ui

COLUMNS = (QT_TRANSLATE_NOOP("AuditView", "Time"), QT_TRANSLATE_NOOP("AuditView", "Environment"),
           QT_TRANSLATE_NOOP("AuditView", "User"), QT_TRANSLATE_NOOP("AuditView", "Action"),
           QT_TRANSLATE_NOOP("AuditView", "Phone"), QT_TRANSLATE_NOOP("AuditView", "Outcome"),
           QT_TRANSLATE_NOOP("AuditView", "Detail"))
MAX_COLUMN_WIDTH = 520  # px: one very long phone or organisation name must not push Detail away
LIMIT = 5000  # newest first; the CSV export has everything that matches

# The log stores these words as written by every layer (and the CLI); shown in the UI's language.
# Unknown words (from a newer version) show as stored; the detail column is the record itself.
ACTIONS = {
    "activate": QT_TRANSLATE_NOOP("AuditView", "activate"),
    "reboot": QT_TRANSLATE_NOOP("AuditView", "reboot"),
    "add": QT_TRANSLATE_NOOP("AuditView", "add phone"),
    "firmware": QT_TRANSLATE_NOOP("AuditView", "firmware"),
    "migrate": QT_TRANSLATE_NOOP("AuditView", "move (settings kept)"),
    "manual-move": QT_TRANSLATE_NOOP("AuditView", "move by hand"),
    "manual-move-undo": QT_TRANSLATE_NOOP("AuditView", "undo move by hand"),
    "reveal provisioning secrets": QT_TRANSLATE_NOOP("AuditView", "reveal provisioning secrets"),
}
# Details stored as words (after "→ "); the rest of a detail is data (a version, a state) or a message.
DETAILS = {
    "use installed firmware": QT_TRANSLATE_NOOP("AuditView", "use installed firmware"),
    "offline copy": QT_TRANSLATE_NOOP("AuditView", "offline copy"),
}
OUTCOMES = {
    "ok": QT_TRANSLATE_NOOP("AuditView", "ok"),
    "failed": QT_TRANSLATE_NOOP("AuditView", "failed"),
    "unknown": QT_TRANSLATE_NOOP("AuditView", "unknown"),
}


def choose_export_path(parent: QWidget) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("AuditView", "Export audit log"),
                                          str(Path.home() / "audit-log.csv"),
                                          QCoreApplication.translate("AuditView", "CSV files (*.csv)"))
    return path


class AuditView(QDialog):
    def __init__(self, audit: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit log"))
        self.audit = audit
        form = load_ui("audit_view.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(form)
        self.filter = child(form, QLineEdit, "filterEdit")
        self.table = child(form, QTableWidget, "entryTable")
        self.count = child(form, QLabel, "countLabel")
        self.export_button = child(form, QPushButton, "exportButton")
        child(form, QDialogButtonBox, "buttonBox").rejected.connect(self.reject)
        self.table.setColumnCount(len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(str(column)) for column in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((140, 130, 90, 150, 240, 80)):
            header.resizeSection(column, width)
        self._fitted = False  # the Phone column fits its widest entry once rows are there
        # Filter as you type, but query the database once the typing pauses.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.reload)
        self.filter.textChanged.connect(self._debounce.start)
        self.export_button.clicked.connect(self.export)
        # Wide enough for the fitted columns and some Detail, but never beyond the screen.
        width, height = 1280, 560
        if self.screen() is not None:
            area = self.screen().availableGeometry()
            width, height = min(width, area.width() - 40), min(height, area.height() - 60)
        self.resize(width, height)
        self.reload()

    def reload(self) -> None:
        entries = self.audit.entries(self.filter.text() or None, limit=LIMIT)
        self.table.setRowCount(len(entries))
        for r, entry in enumerate(entries):
            local = entry.at.astimezone()
            action = self.tr(str(ACTIONS[entry.action])) if entry.action in ACTIONS else entry.action
            outcome = self.tr(str(OUTCOMES[entry.outcome])) if entry.outcome in OUTCOMES else entry.outcome
            cells = (f"{local:%Y-%m-%d %H:%M:%S}", entry.environment, entry.user, action, entry.target,
                     outcome, self._detail(entry.detail))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        if entries and not self._fitted:
            self._fit_columns()
        shown = len(entries)
        if shown >= LIMIT:
            text = self.tr("%1 entries (newest %2 shown)").replace("%2", str(LIMIT))
        else:
            text = self.tr("1 entry") if shown == 1 else self.tr("%1 entries")
        self.count.setText(text.replace("%1", str(shown)))

    def _detail(self, detail: str) -> str:
        arrow = "→ " if detail.startswith("→ ") else ""
        head, colon, tail = detail[len(arrow):].partition(":")
        if head in DETAILS:
            return arrow + self.tr(str(DETAILS[head])) + colon + tail
        return detail

    def _fit_columns(self) -> None:
        """Every column but Detail as wide as its content (the Phone column within reason);
        Detail, last, takes the rest."""
        self._fitted = True
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS) - 1):
            self.table.resizeColumnToContents(column)
            header.resizeSection(column, min(header.sectionSize(column), MAX_COLUMN_WIDTH))

    def export(self) -> None:
        path = choose_export_path(self)
        if not path:
            return
        try:
            count = self.audit.export_csv(path, self.filter.text() or None)
        except OSError as exc:
            why = user_message(exc, "export the audit log")
            self.count.setText(self.tr("Export failed: %1").replace("%1", why))
            return
        text = self.tr("Exported 1 entry to %2.") if count == 1 else self.tr("Exported %1 entries to %2.")
        self.count.setText(text.replace("%1", str(count)).replace("%2", path))
