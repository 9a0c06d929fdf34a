"""The one question box before a change: Cancel is the default button, so Enter never changes
anything by accident. Modules import :func:`confirm` under their own name so tests can replace it."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str, yes: str | None = None, *,
            warning: bool = False) -> bool:
    """True when the user presses *yes* (Qt's translated "Yes" when None); a *warning* box marks
    *yes* as destructive."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Cancel, parent)
    if yes is None:
        accept = box.addButton(QMessageBox.StandardButton.Yes)
    else:
        role = QMessageBox.ButtonRole.DestructiveRole if warning else QMessageBox.ButtonRole.AcceptRole
        accept = box.addButton(yes, role)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is accept
