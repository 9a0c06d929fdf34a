"""Load the Qt Designer files under ``ui/`` at run time (kept editable in Designer)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from compass_desk.domain.text import Text, TextError
from compass_desk.resources import ui_dir

W = TypeVar("W", bound=QWidget)

MISSING = Text("The screen layout {name} is missing; reinstall Compass Desk.",
               "De schermindeling {name} ontbreekt; installeer Compass Desk opnieuw.")
UNREADABLE = Text("The screen layout {name} could not be read; reinstall Compass Desk.",
                  "De schermindeling {name} kon niet worden gelezen; installeer Compass Desk opnieuw.")
INCOMPLETE = Text("The screen layout has no {name} ({kind}); reinstall Compass Desk.",
                  "De schermindeling mist {name} ({kind}); installeer Compass Desk opnieuw.")


class LayoutError(TextError, RuntimeError):
    """A Designer file that is missing or broken: an installation problem, worded for people."""


def load_ui(name: str, parent: QWidget | None = None) -> QWidget:
    path = ui_dir() / name
    handle = QFile(str(path))
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly):
        raise LayoutError(MISSING.format(name=name))
    try:
        widget = QUiLoader().load(handle, parent)
    finally:
        handle.close()
    if widget is None:
        raise LayoutError(UNREADABLE.format(name=name))
    return widget


def child(root: QWidget, kind: type[W], name: str) -> W:
    """A named widget from a loaded form, with its type checked."""
    found = root.findChild(kind, name)
    if found is None:
        raise LayoutError(INCOMPLETE.format(name=name, kind=kind.__name__))
    return found
