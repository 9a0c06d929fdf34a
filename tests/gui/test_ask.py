"""The question box before a change: Cancel is the default, only the yes button says yes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from compass_desk.gui.ask import confirm


def answer_with(qtbot, pick):
    """Press a button of the box once it is open; returns what the box offered."""
    seen = {}

    def press():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        seen["default"] = box.defaultButton().text()
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        seen["icon"] = box.icon()
        pick(box)

    QTimer.singleShot(0, press)
    return seen


@pytest.mark.parametrize("yes, warning", [(None, False), ("Reboot", False), ("Change anyway", True)])
def test_enter_cancels_and_yes_confirms(qapp, qtbot, yes, warning):
    seen = answer_with(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return))
    assert confirm(None, "Title", "Sure?", yes, warning=warning) is False
    assert seen["default"] == "Cancel"
    assert seen["icon"] == (QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question)

    def press_yes(box):
        button = next(b for b in box.buttons() if b.text().replace("&", "") == (yes or "Yes"))
        button.click()

    answer_with(qtbot, press_yes)
    assert confirm(None, "Title", "Sure?", yes, warning=warning) is True
