"""Window geometry, splitter and column layout, remembered in the config folder (QSettings).

The panes and the phone table's column widths follow the window's size until the user drags them;
only then are their sizes kept (a layout saved in a wide window would not fit a narrow one).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

if TYPE_CHECKING:
    from compass_desk.gui.phone_table import ColumnLayout

FILE_NAME = "window.ini"
DEFAULT_SIZE = (1360, 800)
# New keys: layouts saved before the panes and columns followed the window size start fresh once.
COLUMNS_KEY, CUSTOM_KEY, PANES_KEY = "phoneTable/columns", "phoneTable/customWidths", "panes"


def _settings(config_dir: Path) -> QSettings:
    config_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(config_dir / FILE_NAME), QSettings.Format.IniFormat)


def _bytes(value: object) -> QByteArray | None:
    return QByteArray(value) if isinstance(value, QByteArray | bytes) else None


def restore(config_dir: Path, window: QMainWindow, splitter: PaneSizer, columns: ColumnLayout) -> None:
    settings = _settings(config_dir)
    keys = settings.allKeys()
    for key, apply in (("geometry", window.restoreGeometry), ("state", window.restoreState)):
        value = _bytes(settings.value(key)) if key in keys else None
        if value is not None:
            apply(value)
    if "geometry" not in keys:
        window.resize(*DEFAULT_SIZE)
    value = _bytes(settings.value(PANES_KEY)) if PANES_KEY in keys else None
    if value is not None and splitter.splitter.restoreState(value):
        splitter.custom = True
    value = _bytes(settings.value(COLUMNS_KEY)) if COLUMNS_KEY in keys else None
    if value is not None:
        columns.restore_state(value, str(settings.value(CUSTOM_KEY, "false")).lower() == "true")


def save(config_dir: Path, window: QMainWindow, splitter: PaneSizer, columns: ColumnLayout) -> None:
    settings = _settings(config_dir)
    settings.setValue("geometry", window.saveGeometry())
    settings.setValue("state", window.saveState())
    if splitter.custom:
        settings.setValue(PANES_KEY, splitter.splitter.saveState())
    else:
        settings.remove(PANES_KEY)
    state, custom = columns.save_state()
    settings.setValue(COLUMNS_KEY, state)
    settings.setValue(CUSTOM_KEY, custom)
    settings.sync()


def pane_sizes(total: int) -> list[int]:
    """Organisations, phones, details for a splitter *total* pixels wide: the table gets the most."""
    organisations = max(140, min(240, total * 14 // 100))
    details = max(240, min(400, total * 25 // 100))
    return [organisations, max(0, total - organisations - details), details]


class PaneSizer(QObject):
    """Keeps the three panes in proportion to the window until the user drags a splitter handle."""

    def __init__(self, splitter: QSplitter) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        self.custom = False
        splitter.splitterMoved.connect(self._moved)
        splitter.installEventFilter(self)

    def _moved(self, *_args: object) -> None:
        self.custom = True

    def fit(self) -> None:
        if self.custom or self.splitter.count() != 3:
            return
        handles = sum(self.splitter.handle(i).width() for i in range(1, self.splitter.count()))
        self.splitter.setSizes(pane_sizes(self.splitter.width() - handles))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.splitter:
            self.fit()
        return False
