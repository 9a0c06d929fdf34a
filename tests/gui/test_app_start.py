"""The real entry point: ``compass-desk --demo --screenshot FILE``; big lists read status lazily."""

from __future__ import annotations

import subprocess
import sys

from gui_helpers import wait_loaded


def test_demo_screenshot_from_the_command_line(tmp_path):
    target = tmp_path / "main.png"
    result = subprocess.run(
        [sys.executable, "-m", "compass_desk", "--demo", "--data-dir", str(tmp_path / "home"),
         "--screenshot", str(target)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    image = QImage(str(target))
    assert image.width() >= 1200 and image.height() >= 700


def test_big_lists_read_status_of_visible_phones_then_on_scroll(qtbot, make_context, make_window,
                                                              monkeypatch):
    monkeypatch.setattr("compass_desk.gui.browser.STATUS_ALL_LIMIT", 20)
    window = make_window(make_context())
    session = window.browser.session
    asked = []
    real = session.statuses
    session.statuses = lambda phones, **kw: asked.append(list(phones)) or real(phones, **kw)
    with qtbot.waitSignal(window.browser.refresh_finished, timeout=20_000):
        window.refresh_action.trigger()
    wait_loaded(qtbot, window)
    visible = {p.url for p in window.visible_phones()}
    assert asked and {p.url for p in asked[0]} <= visible
    # Phones further down whose status was never read get it once scrolling stops.
    for row in window.model.rows()[-30:]:
        row.status = None
        row.reindex()
    asked.clear()
    window.table.scrollToBottom()
    qtbot.waitUntil(lambda: bool(asked), timeout=5_000)
    qtbot.waitUntil(lambda: not window.worker.jobs())
    bottom = {p.url for p in window.visible_phones()}
    assert {p.url for p in asked[0]} <= bottom


def test_first_start_without_environments_says_what_to_do(qtbot, isolated_home, make_window):
    from compass_desk.gui.context import AppContext, Passwords
    from compass_desk.paths import app_paths
    from compass_desk.store.profiles import ProfileStore

    paths = app_paths(isolated_home)
    context = AppContext([], Passwords(use_keyring=False), paths, profiles=ProfileStore(paths.config))
    window = make_window(context, wait=False)
    assert "No Compass environment is set up yet" in window.banner.text()
    assert window.environments_action.isVisible()
    assert window.env_badge.text() == "No environment"
    assert window.windowTitle() == "Compass Desk"
    # The welcome page replaces the empty window; a file can still be opened from it or the File menu.
    assert window.pages.currentWidget() is window.first_run and window.first_run.isVisible()
    assert window.menus.actions["open_file"].isEnabled()
    assert not window.menus.actions["provision"].isEnabled()
