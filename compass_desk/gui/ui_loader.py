"""Load the Qt Designer files under ``ui/`` at run time (kept editable in Designer)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from compass_desk.resources import ui_dir

W = TypeVar("W", bound=QWidget)


def load_ui(name: str, parent: QWidget | None = None) -> QWidget:
    path = ui_dir() / name
    handle = QFile(str(path))
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"the screen layout {name} is missing; reinstall Compass Desk")
    try:
        widget = QUiLoader().load(handle, parent)
    finally:
        handle.close()
    if widget is None:
        raise RuntimeError(f"the screen layout {name} could not be read; reinstall Compass Desk")
    return widget


def child(root: QWidget, kind: type[W], name: str) -> W:
    """A named widget from a loaded form, with its type checked."""
    found = root.findChild(kind, name)
    if found is None:
        raise LookupError(f"{name} ({kind.__name__}) missing from the screen layout")
    return found
