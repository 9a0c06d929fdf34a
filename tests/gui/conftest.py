"""Fixtures for the main-window tests: demo contexts on real simulators, windows that shut down cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import wait_loaded

GUI_DIR = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    # The offscreen platform warns that it cannot pass size hints to a window manager; harmless.
    for item in items:
        if GUI_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))


@pytest.fixture
def demo_servers():
    from compass_desk.gui.demo import DemoServers

    servers = DemoServers().start()
    yield servers
    servers.stop()


@pytest.fixture
def make_context(isolated_home, demo_servers):
    """Build a demo context (both simulators), signed in as *user*."""
    from compass_desk.gui.context import open_store
    from compass_desk.gui.demo import demo_context
    from compass_desk.paths import app_paths

    made = []

    def make(user="demo", refresh_interval_s=0):
        context = demo_context(app_paths(isolated_home), demo_servers, user=user)
        context.on_close.clear()  # the fixture stops the servers
        context.refresh_interval_s = refresh_interval_s
        open_store(context)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


@pytest.fixture
def make_window(qtbot):
    """Create, show and start a MainWindow; waits until its first refresh is over."""
    from compass_desk.gui.main_window import MainWindow

    windows = []

    def make(context, wait=True):
        window = MainWindow(context)
        qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
        windows.append(window)
        window.resize(1280, 800)
        window.show()
        window.start()
        if wait:
            wait_loaded(qtbot, window)
        return window

    yield make
    for window in windows:
        window.shutdown()




@pytest.fixture(scope="session")
def compiled_translations(tmp_path_factory):
    """The committed .ts compiled once per run to a temporary folder (the tree is never touched)."""
    from compass_desk.gui import i18n_build

    folder = tmp_path_factory.mktemp("qm")
    i18n_build.release(i18n_build.ts_path("nl"), folder / "compass_desk_nl.qm")
    return folder


@pytest.fixture
def dutch(qapp, compiled_translations):
    """The app's Dutch installed for one test (Qt's own strings too), English again afterwards."""
    from compass_desk.gui import i18n

    i18n.install("nl", directory=compiled_translations)
    yield
    i18n.uninstall()
