"""Window geometry, splitter and column layout, remembered in the config folder (QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

FILE_NAME = "window.ini"
DEFAULT_SIZE = (1360, 800)


def _settings(config_dir: Path) -> QSettings:
    config_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(config_dir / FILE_NAME), QSettings.Format.IniFormat)


def restore(config_dir: Path, window: QMainWindow, splitter: QSplitter, header: QHeaderView) -> None:
    settings = _settings(config_dir)
    keys = settings.allKeys()
    for key, apply in (("geometry", window.restoreGeometry), ("state", window.restoreState),
                       ("splitter", splitter.restoreState), ("columns", header.restoreState)):
        if key in keys:
            value = settings.value(key)
            if isinstance(value, QByteArray | bytes):
                apply(QByteArray(value))
    if "geometry" not in keys:
        window.resize(*DEFAULT_SIZE)


def save(config_dir: Path, window: QMainWindow, splitter: QSplitter, header: QHeaderView) -> None:
    settings = _settings(config_dir)
    settings.setValue("geometry", window.saveGeometry())
    settings.setValue("state", window.saveState())
    settings.setValue("splitter", splitter.saveState())
    settings.setValue("columns", header.saveState())
    settings.sync()
