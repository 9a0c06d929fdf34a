"""Start the desktop application: ``compass-desk`` (profiles), ``--demo``, ``--screenshot FILE``."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import time
from typing import Any

log = logging.getLogger(__name__)

SCREENSHOT_TIMEOUT_S = 60.0


def run(args: argparse.Namespace, options: Any) -> int:
    screenshot = getattr(args, "screenshot", None)
    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # render without a display
    from compass_desk.gui.platform_check import check_display
    from compass_desk.paths import app_paths

    paths = app_paths(getattr(options, "data_dir", None))  # names folders only; nothing is created yet
    # One sentence (in the preferred language) and exit 2 instead of Qt's abort when no window opens.
    check_display(paths.config)
    from PySide6.QtWidgets import QApplication

    from compass_desk import APP_NAME
    from compass_desk.cli.common import CliError
    from compass_desk.logsetup import setup_logging

    try:
        setup_logging(paths.ensure().logs)
    except OSError as exc:
        raise CliError(f"cannot write to the data folder {paths.logs}: {exc.strerror}") from None

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("compass-desk")  # Wayland matches the window to the desktop entry (and icon)
    from compass_desk.gui import i18n, screen_fit

    screen_fit.install(app)  # every dialog shrunk and moved into the screen's available area when shown
    i18n.setup_language(paths.config)  # before the first window is built
    context = build_context(bool(getattr(args, "demo", False)), paths)
    context.interactive = not screenshot
    from compass_desk.gui.style import icon

    app.setWindowIcon(icon("app"))
    window = create_window(context)
    from compass_desk.gui.crash import install_excepthooks

    restore_hooks = install_excepthooks(window, interactive=not screenshot)
    try:
        if screenshot:
            return take_screenshot(window, screenshot)
        interrupted = _close_on_ctrl_c(app)
        window.show()
        code = int(app.exec())
        return 130 if interrupted else code
    finally:
        window.shutdown()
        restore_hooks()
        context.close()
        dispose(window)


def dispose(window: Any) -> None:
    """Delete Qt objects while the QApplication still exists (avoids crashes at interpreter exit)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from compass_desk.gui.style import icon

    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    icon.cache_clear()


def _close_on_ctrl_c(app: Any) -> list[bool]:
    """Ctrl+C in the terminal closes the window cleanly (Qt alone would ignore it until an event).

    Returns a list that holds True once Ctrl+C was pressed.
    """
    import signal

    from PySide6.QtCore import QTimer

    hit: list[bool] = []

    def on_signal(*_args: object) -> None:
        hit.append(True)
        app.closeAllWindows()

    try:
        signal.signal(signal.SIGINT, on_signal)
    except ValueError:  # not the main thread (embedded use): leave signals alone
        return hit
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)  # lets Python run its signal handlers now and then
    wake.start(300)
    return hit


def build_context(demo: bool, paths: Any) -> Any:
    from compass_desk.gui.context import open_store

    if demo:
        from compass_desk.gui.demo import demo_context

        context = demo_context(paths)
    else:
        from compass_desk.gui.context import profile_context

        context = profile_context(paths)
    open_store(context)
    return context


def create_window(context: Any) -> Any:
    from PySide6.QtCore import QTimer

    # Worker threads hand the interpreter lock back to the GUI thread within 1 ms instead of 5 ms:
    # keeps painting and typing smooth while a refresh parses thousands of answers.
    sys.setswitchinterval(0.001)

    from compass_desk.gui.main_window import MainWindow

    window = MainWindow(context)
    gc.freeze()  # modules and widgets live as long as the app: no need to scan them again and again
    QTimer.singleShot(0, window.start)
    return window


def wait_until(predicate: Any, timeout_s: float) -> bool:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if predicate():
            return True
        time.sleep(0.01)
    return False


def select_showcase_phone(window: Any) -> None:
    """Pick a phone worth looking at: an active one with a deadline, else the first."""
    from compass_desk.domain.models import ProvisioningState

    rows = window.model.rows()
    best = next((r for r in rows if r.phone.provisioning == ProvisioningState.ACTIVE and r.status), None)
    best = best or next((r for r in rows if r.status is not None), rows[0] if rows else None)
    if best is not None:
        window.select_mac(best.phone.mac)


def take_screenshot(window: Any, path: str) -> int:
    from compass_desk.cli.common import CliError

    window.resize(1440, 860)
    window.show()
    browser = window.browser
    def settled() -> bool:
        if not window.context.environments or browser.mode.value == "offline":
            return not window.worker.jobs()  # nothing more will come
        return window.model.rowCount() > 0 and not browser.refreshing and browser.mode.value != "connecting"

    loaded = wait_until(settled, SCREENSHOT_TIMEOUT_S)
    if not loaded:
        log.warning("screenshot taken before the data finished loading")
    select_showcase_phone(window)
    wait_until(lambda: False, 0.2)  # let layouts settle
    if not window.grab().save(path):
        raise CliError(f"could not write the screenshot to {path}")
    print(f"screenshot saved to {path}")  # noqa: T201 - the CLI's answer
    missing = window.context.password_missing
    if missing is not None and window.browser.session is None:
        from compass_desk.cli.common import AUTH

        print(f"Not signed in to {missing.name}: no accepted password for {missing.username} "  # noqa: T201
              "(set COMPASS_PASSWORD or sign in once in the app).", file=sys.stderr)
        return AUTH
    return 0
