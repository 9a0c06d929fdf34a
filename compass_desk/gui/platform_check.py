"""Before Qt starts on Linux: is there a display to open, and can Qt's X11 plugin load?

Without a display (or without libxcb-cursor0 for X11) Qt aborts with a raw message and exit 134;
we say one sentence instead and exit 2 (USAGE), in the language of the app's preference (Dutch or
English; Qt's translators are not loaded yet, so the sentences carry both).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from compass_desk.domain.text import Text

NO_DISPLAY = Text(
    "no graphical display found; run it from a desktop session, or use the command line: compass-desk --help",
    "geen grafisch scherm gevonden; start het vanuit een bureaubladsessie, of gebruik de opdrachtregel: "
    "compass-desk --help",
)
NO_XCB_CURSOR = Text(
    "the desktop window needs the system library libxcb-cursor0 on X11, which is not installed; install it "
    "(for example 'sudo apt install libxcb-cursor0'), or use the command line: compass-desk --help",
    "het venster heeft op X11 de systeembibliotheek libxcb-cursor0 nodig, en die is niet geïnstalleerd; "
    "installeer hem (bijvoorbeeld met 'sudo apt install libxcb-cursor0'), of gebruik de opdrachtregel: "
    "compass-desk --help",
)


def _has_xcb_cursor() -> bool:
    if ctypes.util.find_library("xcb-cursor") is not None:
        return True
    try:  # find_library needs ldconfig or a compiler; loading it settles the question
        ctypes.CDLL("libxcb-cursor.so.0")
    except OSError:
        return False
    return True


def display_problem(environ: Mapping[str, str] | None = None, platform: str | None = None,
                    has_xcb_cursor: Callable[[], bool] = _has_xcb_cursor) -> Text | None:
    """One sentence when the window cannot be shown here, else None."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if chosen:  # the user (or --screenshot: offscreen) picked a platform plugin
        return NO_XCB_CURSOR if chosen == "xcb" and not has_xcb_cursor() else None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return NO_DISPLAY
    if not env.get("WAYLAND_DISPLAY") and not has_xcb_cursor():  # Qt would use xcb (X11)
        return NO_XCB_CURSOR
    return None


def _language(config_dir: Path | None) -> str:
    """The app's language ("system" follows the locale); English when it cannot be told."""
    try:
        from compass_desk.gui.i18n import preferred_language
        from compass_desk.paths import app_paths

        return preferred_language(config_dir or app_paths().config)
    except Exception:  # the sentence matters more than its language
        return "en"


def check_display(config_dir: Path | None = None) -> None:
    """Raise CliError (exit 2) with one sentence when Qt could not open a window here."""
    from compass_desk.cli.common import USAGE, CliError

    problem = display_problem()
    if problem is not None:
        raise CliError(problem.get(_language(config_dir)), USAGE)
