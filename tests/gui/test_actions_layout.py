"""Reboot and failed actions in the audit log; shortcuts; the window remembers its layout."""

from __future__ import annotations

from gui_helpers import select_phone
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from compass_desk.api.errors import PermissionDeniedError


def _select_first(qtbot, window, online=None):
    row = next(r for r in window.model.rows() if online is None or r.online is online)
    window.search.setText(row.phone.mac)
    select_phone(qtbot, window, row)
    return row


def test_reboot_is_confirmed_and_audited(qtbot, make_context, make_window, monkeypatch):
    context = make_context()
    window = make_window(context)
    asked = []
    monkeypatch.setattr("compass_desk.gui.actions.confirm",
                        lambda parent, title, text: asked.append(text) or True)
    row = _select_first(qtbot, window, online=True)  # an offline phone is warned about instead
    qtbot.mouseClick(window.details.buttons["reboot"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.status.message.text().startswith("Reboot")
                    and "done" in window.status.message.text())
    assert "Calls on this phone will be cut off" in asked[0]
    entry = context.audit.entries()[0]
    assert (entry.action, entry.outcome, entry.user) == ("reboot", "ok", "demo")
    assert row.company_name in entry.target


def test_a_refused_action_is_explained_and_audited(qtbot, make_context, make_window, monkeypatch):
    context = make_context()
    window = make_window(context)
    monkeypatch.setattr("compass_desk.gui.actions.confirm", lambda *args: True)

    def refuse(phone):
        raise PermissionDeniedError("You are not allowed to activate phone Balie 1 (Compass said: read-only)")

    window.browser.session.activate = refuse
    row = _select_first(qtbot, window)
    before = row.phone.provisioning
    qtbot.mouseClick(window.details.buttons["activate"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "failed" in window.status.message.text())
    assert "not allowed" in window.status.message.text()
    assert "Traceback" not in window.status.message.text()
    assert window.model.rows()[window.model.row_for_url(row.url)].phone.provisioning == before
    entry = context.audit.entries()[0]
    assert (entry.action, entry.outcome) == ("activate", "failed")
    assert "not allowed" in entry.detail


def test_keyboard_shortcuts(make_context, make_window):
    window = make_window(make_context())
    assert window.refresh_action.shortcut() == QKeySequence(Qt.Key.Key_F5)
    assert window.search_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert [a.shortcut().toString() for a in window.env_actions.values()] == ["Ctrl+1", "Ctrl+2"]
    window.search_action.trigger()
    assert window.search.hasFocus() or window.focusWidget() is window.search


def test_window_remembers_geometry_and_columns(qtbot, make_context, make_window):
    context = make_context()
    window = make_window(context)
    header = window.table.horizontalHeader()
    header.resizeSection(0, 333)
    header.moveSection(1, 4)
    mac_at = header.visualIndex(1)
    window.resize(800, 555)  # within the (small) offscreen screen, which clamps restored geometry
    window.save_layout()
    from compass_desk.gui.main_window import MainWindow

    again = MainWindow(context)  # not started: only the restored layout matters here
    qtbot.addWidget(again, before_close_func=lambda w: w.shutdown())
    assert again.table.horizontalHeader().sectionSize(0) == 333
    assert again.table.horizontalHeader().visualIndex(1) == mac_at
    assert again.size().height() == 555


def test_operation_the_environment_lacks_is_disabled_with_a_reason(qtbot, isolated_home, make_window):
    from compass_desk.gui.context import open_store
    from compass_desk.gui.demo import DemoServers, demo_context
    from compass_desk.paths import app_paths

    servers = DemoServers(sim_options={"disabled_operations": frozenset({"reboot"})}).start()
    context = demo_context(app_paths(isolated_home), servers)
    context.refresh_interval_s = 0
    open_store(context)
    try:
        window = make_window(context)
        _select_first(qtbot, window)
        reboot = window.details.buttons["reboot"]
        assert not reboot.isEnabled()
        assert reboot.toolTip() == "Demo production does not support Reboot."
        assert window.details.buttons["activate"].isEnabled()
        window.shutdown()
    finally:
        context.close()  # also stops the demo servers
