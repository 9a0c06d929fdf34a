"""Shutting the main window down during a refresh leaves no socket open once the abandoned requests end.

The refresh's worker threads ("compass-refresh") are abandoned by the cancel, and the window closes
its sessions at once. Their connects are held open here (as a far server's TLS handshake is) until
after that close: every socket the app opened must end up closed, none freed unclosed.
"""

from __future__ import annotations

import gc
import socket
import threading
import warnings
from typing import Any

import httpcore
import pytest

pytestmark = [pytest.mark.timeout(60), pytest.mark.qt_log_ignore("propagateSizeHints")]

_REAL_CONNECT = httpcore.SyncBackend.connect_tcp
_ABANDONED = ("compass-refresh", "compass-status")


class Gate:
    """Holds the connects of the refresh's worker threads until released; records every socket."""

    def __init__(self) -> None:
        self.connecting = threading.Event()
        self.release = threading.Event()
        self.sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def connect_tcp(self, backend: Any, *args: Any, **kwargs: Any) -> Any:
        stream = _REAL_CONNECT(backend, *args, **kwargs)
        with self._lock:
            self.sockets.append(stream.get_extra_info("socket"))
        if threading.current_thread().name.startswith(_ABANDONED):
            self.connecting.set()
            self.release.wait(10)
        return stream

    def open_sockets(self) -> list[socket.socket]:
        with self._lock:
            return [s for s in self.sockets if s.fileno() != -1]


@pytest.fixture
def gate(monkeypatch):
    held = Gate()
    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp",
                        lambda backend, *a, **k: held.connect_tcp(backend, *a, **k))
    yield held
    held.release.set()
    for sock in held.open_sockets():  # a failed run must not leave a warning for the next test
        sock.close()


@pytest.mark.parametrize("run", range(2))
def test_window_shutdown_mid_refresh_closes_every_socket(qtbot, isolated_home, gate, run):
    from compass_desk.gui.context import open_store
    from compass_desk.gui.demo import DemoServers, demo_context
    from compass_desk.gui.main_window import MainWindow
    from compass_desk.paths import app_paths

    servers = DemoServers(seed=5, sim_options={"companies": 8, "phones": 120}).start()
    context = demo_context(app_paths(isolated_home), servers)
    context.on_close.clear()
    context.refresh_interval_s = 0
    open_store(context)
    window = MainWindow(context)
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    try:
        window.show()
        window.start()
        qtbot.waitUntil(gate.connecting.is_set, timeout=20_000)
        window.shutdown()  # cancels, waits for the worker's own jobs, closes the sessions
        gate.release.set()
        for thread in threading.enumerate():
            if thread.name.startswith(_ABANDONED):
                thread.join(10)
        assert len(gate.sockets) >= 2  # the sign-in's connection and at least one abandoned one
        assert gate.open_sockets() == []
        with warnings.catch_warnings():
            warnings.simplefilter("error", ResourceWarning)
            gc.collect()
    finally:
        gate.release.set()
        window.shutdown()
        context.close()
        servers.stop()
