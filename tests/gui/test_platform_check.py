"""Without a display (or libxcb-cursor0 for X11) the app says one sentence and exits 2, before Qt aborts;
in the user's language, as the crash box does once the window is up."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from compass_desk.gui.platform_check import NO_DISPLAY, NO_XCB_CURSOR, display_problem


def problem(env, has=True, platform="linux"):
    return display_problem(env, platform, lambda: has)


def test_no_display_at_all():
    assert problem({}) == NO_DISPLAY
    assert problem({}, has=False) == NO_DISPLAY  # the first thing to fix
    assert problem({}, platform="win32") is None and problem({}, platform="darwin") is None


def test_x11_without_libxcb_cursor_says_to_install_it():
    assert problem({"DISPLAY": ":0"}, has=False) == NO_XCB_CURSOR
    assert "libxcb-cursor0" in NO_XCB_CURSOR.en and "libxcb-cursor0" in NO_XCB_CURSOR.nl
    assert problem({"DISPLAY": ":0"}) is None
    assert problem({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, has=False) is None  # Wayland, not xcb


def test_a_chosen_platform_is_respected():
    assert problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert problem({"QT_QPA_PLATFORM": "wayland"}, has=False) is None
    assert problem({"QT_QPA_PLATFORM": "xcb"}, has=False) == NO_XCB_CURSOR
    assert problem({"QT_QPA_PLATFORM": "xcb:foo", "DISPLAY": ":0"}) is None


def test_the_sentences_have_dutch():
    for text in (NO_DISPLAY, NO_XCB_CURSOR):
        assert text.nl.strip() and text.nl != text.en
        assert text.nl.endswith("compass-desk --help")


_LOCALE_VARS = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is for Linux")
@pytest.mark.parametrize(("locale", "language"), [("C.UTF-8", "en"), ("nl_NL.UTF-8", "nl")])
def test_the_app_without_a_display_exits_2_with_one_sentence(tmp_path, locale, language):
    env = {k: v for k, v in os.environ.items() if k not in _LOCALE_VARS}
    env["HOME"] = str(tmp_path)
    env["LC_ALL"] = env["LANG"] = locale  # the language preference is "system"
    done = subprocess.run([sys.executable, "-m", "compass_desk", "--data-dir", str(tmp_path)], env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr == f"compass-desk: {NO_DISPLAY.get(language)}\n"


def test_the_crash_box_is_dutch_in_dutch(qtbot, qapp, tmp_path, caplog):
    """After start-up, an uncaught error shows one sentence in a box: in Dutch, title and text."""
    from dutch_check import english_left
    from PySide6.QtWidgets import QMainWindow, QMessageBox

    from compass_desk.gui import i18n, i18n_build
    from compass_desk.gui.crash import install_excepthooks

    i18n_build.release(i18n_build.ts_path("nl"), tmp_path / "compass_desk_nl.qm")
    i18n.install("nl", directory=tmp_path)
    window = QMainWindow()
    qtbot.addWidget(window)
    restore = install_excepthooks(window)
    try:
        try:
            raise ValueError("boom in a slot")
        except ValueError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)))
        box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
        assert box.windowTitle() == "Compass Desk"  # the name, when the window has no title yet
        assert box.text().startswith("Compass Desk liep tegen een onverwacht probleem aan;")
        assert english_left(box) == []
        box.grab().save("/tmp/nl-wizard-crash-box.png")
        box.close()
    finally:
        restore()
        i18n.uninstall()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is for Linux")
def test_without_a_display_the_language_preference_of_the_data_dir_counts(tmp_path):
    """An English system, Dutch chosen in the preferences of --data-dir: the sentence is Dutch."""
    from compass_desk.paths import app_paths
    from compass_desk.store.preferences import Preferences

    Preferences(app_paths(tmp_path).ensure().config).set("language", "nl")
    env = {k: v for k, v in os.environ.items() if k not in _LOCALE_VARS}
    env["HOME"] = str(tmp_path / "home")
    env["LC_ALL"] = env["LANG"] = "C.UTF-8"
    env.pop("COMPASS_DESK_HOME", None)
    done = subprocess.run([sys.executable, "-m", "compass_desk", "--data-dir", str(tmp_path)], env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr == f"compass-desk: {NO_DISPLAY.get('nl')}\n"
