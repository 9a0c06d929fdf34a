"""The firmware dialog after Apply: the result line alone, not "Already chosen: nothing to change."
above "1 of 1 phone changed."; the confirmation quotes the phone's name with “ ” (English and Dutch).
Screenshots go to /tmp/firmware-result-*.png."""

from __future__ import annotations

import pytest
from dutch_check import english_left
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_firmware_dialog import choose, make_service, model_phones, open_dialog, worker  # noqa: F401

from compass_desk.gui import firmware_dialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def asked(monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(firmware_dialog, "confirm", lambda parent, title, text: said.append(text) or True)
    return said


def applied(qtbot, simulator, make_service, worker, done_word):  # noqa: F811
    service = make_service()
    phone = model_phones(simulator, service, "snom-d7", 1, installed_index=1)[0]
    newest = simulator.engine.catalog.get(phone.model).demo_firmwares[2]
    dialog = open_dialog(qtbot, service, worker, [phone])
    choose(dialog, newest)
    assert dialog.explanation.text()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None and done_word in dialog.status.text(), timeout=10_000)
    QApplication.processEvents()
    return dialog, phone, newest


def test_after_apply_only_the_result_is_said(qtbot, simulator, make_service, worker, asked):  # noqa: F811
    dialog, phone, newest = applied(qtbot, simulator, make_service, worker, "changed")
    assert dialog.status.text() == "1 of 1 phone changed."
    assert dialog.explanation.text() == "" and "Already chosen" not in dialog.explanation.text()
    assert not dialog.apply_button.isEnabled()
    dialog.grab().save("/tmp/firmware-result-en.png")
    [question] = asked
    assert f"phone “{phone.name}” (" in question and "'" not in question, question
    # Choosing again explains the choice in full, "already chosen" included.
    choose(dialog, None)
    choose(dialog, newest)
    assert dialog.explanation.text() == "Already chosen: nothing to change."


def test_after_apply_in_dutch(qtbot, dutch, simulator, make_service, worker, asked):  # noqa: F811
    dialog, phone, _newest = applied(qtbot, simulator, make_service, worker, "gewijzigd")
    assert "Al gekozen" not in dialog.explanation.text() and dialog.explanation.text() == ""
    [question] = asked
    assert f"telefoon “{phone.name}” (" in question and "'" not in question, question
    dialog.grab().save("/tmp/firmware-result-nl.png")
    assert english_left(dialog, allowed=[phone.name]) == []
