"""Dialogs never larger than the screen (gui/screen_fit.py): the fitting rule on rectangles, real dialogs
on the test screen, and the app's large dialogs on a small virtual laptop screen (a subprocess with
the offscreen platform configured to 1024x600, window frames included)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

from compass_desk.gui import screen_fit
from compass_desk.gui.provisioning_view import ProvisioningViewDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
SAMPLE = "#!version:1.0.0.1\naccount.1.label = Balie\n"


@pytest.mark.parametrize(("frame", "available", "expected"), [
    ((100, 100, 400, 300), (0, 0, 1366, 728), (100, 100, 400, 300)),  # fits: unchanged
    ((83, 4, 1200, 760), (0, 0, 1366, 728), (83, 0, 1200, 728)),  # too tall: shrunk, moved up
    ((-50, -20, 1000, 720), (0, 0, 1366, 728), (0, 0, 1000, 720)),  # off the top-left: moved in
    ((900, 500, 940, 700), (0, 0, 1366, 728), (426, 28, 940, 700)),  # off the bottom-right: moved in
    ((0, 0, 1600, 900), (1920, 40, 1366, 728), (1920, 40, 1366, 728)),  # second screen with a top panel
    ((10, 10, 300, 200), (0, 0, 200, 100), (0, 0, 200, 100)),
])
def test_fitted_keeps_the_window_inside_the_available_area(frame, available, expected):
    result = screen_fit.fitted(QRect(*frame), QRect(*available))
    assert (result.x(), result.y(), result.width(), result.height()) == expected
    assert QRect(*available).contains(result)


@pytest.fixture
def fitting(qapp):
    fit = screen_fit.install(qapp)
    yield fit
    screen_fit.uninstall(qapp)


def test_install_once_and_uninstall(qapp):
    try:
        first = screen_fit.install(qapp)
        assert screen_fit.install(qapp) is first and screen_fit.installed(qapp) is first
    finally:
        screen_fit.uninstall(qapp)
    assert screen_fit.installed(qapp) is None


def test_a_large_dialog_is_shrunk_to_the_screen_and_a_main_window_is_left_alone(qtbot, fitting):
    available = QApplication.primaryScreen().availableGeometry()
    viewer = ProvisioningViewDialog(SAMPLE, filename="a.cfg")
    qtbot.addWidget(viewer)
    viewer.resize(available.width() + 400, available.height() + 300)
    viewer.move(available.right() - 100, available.bottom() - 100)
    viewer.show()  # fitted when it becomes the active window
    qtbot.waitUntil(lambda: available.contains(viewer.frameGeometry()), timeout=3000)
    small = QDialog()
    qtbot.addWidget(small)
    small.resize(300, 200)
    small.move(available.left() + 40, available.top() + 30)
    small.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is small, timeout=3000)
    assert (small.width(), small.height(), small.x(), small.y()) == (300, 200, available.left() + 40,
                                                                      available.top() + 30)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(available.width() + 200, 300)
    window.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    assert window.width() == available.width() + 200


def test_without_the_filter_nothing_is_fitted(qtbot, qapp):
    assert screen_fit.installed(qapp) is None
    dialog = QDialog()
    qtbot.addWidget(dialog)
    wide = QApplication.primaryScreen().availableGeometry().width() + 300
    dialog.resize(wide, 200)
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    assert dialog.width() == wide


SMALL_SCREEN = {"windowFrameMargins": True, "screens": [
    {"name": "laptop", "x": 0, "y": 0, "width": 1024, "height": 600, "logicalDpi": 96, "logicalBaseDpi": 96,
     "dpr": 1}]}

CHILD = textwrap.dedent("""
    import json
    from PySide6.QtWidgets import QApplication, QPushButton
    from compass_desk.domain.provisioning import parse_text
    from compass_desk.gui import screen_fit
    from compass_desk.gui.provisioning_compare import ProvisioningCompareDialog
    from compass_desk.gui.provisioning_view import ProvisioningViewDialog

    app = QApplication([])
    screen_fit.install(app)
    text = "#!version:1.0.0.1\\n" + "".join(f"account.{i}.label = Balie {i}\\n" for i in range(80))
    dialogs = {"viewer": ProvisioningViewDialog(text, filename="a.cfg"),
               "compare": ProvisioningCompareDialog(parse_text(text, "a.cfg"),
                                                    parse_text(text.replace("Balie 3", "Receptie"), "b.cfg"))}
    found = {}
    for name, dialog in dialogs.items():
        dialog.show()
        app.processEvents()
        frame = dialog.frameGeometry()
        close = [b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == "Close"][0]
        corner = close.mapToGlobal(close.rect().bottomRight())
        found[name] = {"frame": [frame.x(), frame.y(), frame.width(), frame.height()],
                       "close": [corner.x(), corner.y()], "shown": close.isVisible()}
    print(json.dumps(found))
""")


def test_the_big_dialogs_fit_a_1024x600_laptop_screen_with_their_buttons_on_it(tmp_path):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(SMALL_SCREEN))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    for name, seen in found.items():
        x, y, width, height = seen["frame"]
        assert x >= 0 and y >= 0 and x + width <= 1024 and y + height <= 600, (name, seen)
        corner_x, corner_y = seen["close"]
        assert seen["shown"] and corner_x < 1024 and corner_y < 600, (name, seen)
