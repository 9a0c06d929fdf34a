"""The settings of a provisioning file as a table: setting, value, permission, line, notes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from compass_desk.domain.provisioning import ParsedFile
from compass_desk.domain.provisioning.explain import explain_texts, permission_text
from compass_desk.domain.provisioning.secrets import mask_setting
from compass_desk.gui.i18n import localize
from compass_desk.gui.style import is_dark

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (QT_TRANSLATE_NOOP("SettingsModel", "Setting"), QT_TRANSLATE_NOOP("SettingsModel", "Value"),
           QT_TRANSLATE_NOOP("SettingsModel", "Permission"), QT_TRANSLATE_NOOP("SettingsModel", "Line"),
           QT_TRANSLATE_NOOP("SettingsModel", "Notes"))


class SettingsModel(QAbstractTableModel):
    """One row per setting; values come masked unless *revealed*."""

    def __init__(self, parsed: ParsedFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parsed = parsed
        self.revealed = False
        self._custom = QColor("#3d3514" if is_dark() else "#fff6d6")

    def set_revealed(self, revealed: bool) -> None:
        self.revealed = revealed
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 1), self.index(self.rowCount() - 1, 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.parsed.settings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(str(COLUMNS[section]))
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        setting = self.parsed.settings[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return setting.display_name
            if column == 1:
                return (setting if self.revealed else mask_setting(setting)).value
            if column == 2:
                return setting.permission if setting.permission is not None else ""
            if column == 3:
                return setting.line
            return "; ".join(localize(note) for note in explain_texts(setting, self.parsed.format,
                                                                      permission=False))
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            meaning = permission_text(setting.permission, self.parsed.format)
            return None if meaning is None else localize(meaning)
        if role == Qt.ItemDataRole.BackgroundRole and setting.from_custom:
            return self._custom
        return None
