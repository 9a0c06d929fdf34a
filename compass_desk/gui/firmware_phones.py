"""The phones of the firmware dialog: installed and selected firmware, and each phone's result."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from compass_desk.domain import firmware_plan as fp
from compass_desk.domain.models import Phone
from compass_desk.gui.i18n import localize
from compass_desk.gui.phone_model import mac_label
from compass_desk.services.firmware import PhoneResult

COLUMNS = (QT_TRANSLATE_NOOP("FirmwarePhones", "Phone"), QT_TRANSLATE_NOOP("FirmwarePhones", "MAC"),
           QT_TRANSLATE_NOOP("FirmwarePhones", "Installed"), QT_TRANSLATE_NOOP("FirmwarePhones", "Selected"),
           QT_TRANSLATE_NOOP("FirmwarePhones", "Result"))
RESULT_COLUMN = 4


class FirmwarePhones(QTableWidget):
    """``FirmwarePhones(single, parent=None)``: one row per phone, filled with :meth:`show_phones`."""

    def __init__(self, single: bool, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels([QCoreApplication.translate("FirmwarePhones", str(column))
                                        for column in COLUMNS])
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * 2 + 8)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.setMaximumHeight(self.horizontalHeader().sizeHint().height() + 34 if single else 200)

    def show_phones(self, phones: Sequence[Phone], installed: Mapping[str, str | None],
                    results: Mapping[str, PhoneResult] | None = None) -> None:
        self.setRowCount(len(phones))
        use_installed = localize(fp.USE_INSTALLED)
        for row, phone in enumerate(phones):
            result = (results or {}).get(phone.url)
            values = (phone.name, mac_label(phone.mac), installed.get(phone.url) or "—",
                      phone.firmware or use_installed, "")
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == RESULT_COLUMN and result is not None:
                    said = localize(result.text)
                    item.setText(f"{localize(result.outcome.text)}: {said}")
                    item.setToolTip(said)
                self.setItem(row, column, item)
