"""A failed audit write does not undo a done action; a damaged state file does not stop the start;
uncaught errors reach the user as one sentence; file errors are not called network errors."""

from __future__ import annotations

from gui_helpers import select_phone
from PySide6.QtCore import Qt

from compass_desk.store.db import StoreError


def test_a_failed_audit_write_leaves_a_done_activate_done(qtbot, make_context, make_window, monkeypatch):
    context = make_context()
    window = make_window(context)
    monkeypatch.setattr("compass_desk.gui.actions.confirm", lambda *args: True)

    def broken(*args, **kwargs):
        raise StoreError("The local state file could not be written.")

    monkeypatch.setattr(context.audit, "record", broken)
    row = window.model.rows()[0]
    window.search.setText(row.phone.mac)
    select_phone(qtbot, window, row)
    qtbot.mouseClick(window.details.buttons["activate"], Qt.MouseButton.LeftButton)
    text = window.status.message.text
    qtbot.waitUntil(lambda: "done" in text() or "failed" in text())
    assert "done" in window.status.message.text()
    assert window.model.rows()[window.model.row_for_url(row.url)].phone.provisioning.value == "active"
