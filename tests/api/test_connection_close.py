"""Closing a client while other threads still have requests in flight leaves no socket open.

This is what a window shutdown, a cancelled refresh or a dropped session does: the abandoned
requests go on on their worker threads while the client is closed under them. httpcore's pool
forgets, on close, a connection that is still being made (TCP connect, TLS handshake); the request
then finished on it and its socket was released unclosed on the worker thread (a ResourceWarning
seen once in CI). The gate below holds connects open, as a far server's handshake does.
"""

from __future__ import annotations

import gc
import socket
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpcore
import httpx
import pytest
from sim_connect import sim_client

from compass_desk.api.transport import DrainingTransport, build_http_client
from compass_desk.services.cancel import CancelToken
from compass_desk.services.session import Session

_REAL_CONNECT = httpcore.SyncBackend.connect_tcp


@dataclass
class Gate:
    """Every new connection waits here once its socket is open, until ``release`` is set."""

    connecting: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    sockets: list[socket.socket] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def open_sockets(self) -> list[socket.socket]:
        with self.lock:
            return [s for s in self.sockets if s.fileno() != -1]


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    held = Gate()

    def connect_tcp(self: Any, *args: Any, **kwargs: Any) -> Any:
        stream = _REAL_CONNECT(self, *args, **kwargs)
        with held.lock:
            held.sockets.append(stream.get_extra_info("socket"))
        held.connecting.set()
        held.release.wait(10)
        return stream

    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", connect_tcp)
    yield held
    held.release.set()
    for sock in held.open_sockets():  # a failed test must not also fail the next one with a warning
        sock.close()


def _collect_without_resource_warnings() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", ResourceWarning)
        gc.collect()


def test_closing_the_client_during_a_connect_closes_that_socket(simulator, gate):
    client = sim_client(simulator)
    outcome: list[object] = []

    def sign_in() -> None:
        try:
            outcome.append(client.whoami())
        except Exception as exc:  # any answer will do: the socket is what is checked
            outcome.append(exc)

    thread = threading.Thread(target=sign_in)
    thread.start()
    assert gate.connecting.wait(5)
    client.close()  # while the request's connection is still being made
    gate.release.set()
    thread.join(10)
    assert not thread.is_alive() and outcome
    assert len(gate.sockets) == 1
    assert gate.open_sockets() == []
    _collect_without_resource_warnings()


def test_a_request_that_reaches_a_closed_transport_opens_no_connection(simulator, gate):
    # httpx checks "closed" before it hands a request to the transport; a request that passed that
    # check just before another thread closed the client must not open a connection either.
    gate.release.set()
    transport = DrainingTransport(httpx.HTTPTransport())
    transport.close()
    with pytest.raises(RuntimeError, match="closed"):
        transport.handle_request(httpx.Request("GET", f"{simulator.base_url}/user"))
    assert gate.sockets == []


def test_a_proxy_from_the_environment_drains_too(simulator, gate, monkeypatch):
    # The simulator stands in for the proxy: what it answers does not matter, only the socket.
    monkeypatch.setenv("HTTP_PROXY", simulator.base_url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    http = build_http_client()
    thread = threading.Thread(target=lambda: http.get("http://compass.invalid/user").close())
    thread.start()
    assert gate.connecting.wait(5)
    http.close()
    gate.release.set()
    thread.join(10)
    assert len(gate.sockets) == 1 and gate.open_sockets() == []


def test_a_closed_client_still_answers_the_requests_in_flight(simulator, gate):
    client = sim_client(simulator)
    answers: list[object] = []
    thread = threading.Thread(target=lambda: answers.append(client.whoami()))
    thread.start()
    assert gate.connecting.wait(5)
    client.close()
    gate.release.set()
    thread.join(10)
    assert [type(a).__name__ for a in answers] == ["User"]
    with pytest.raises(RuntimeError):  # and nothing new is sent
        client.whoami()


@pytest.mark.parametrize("run", range(3))
def test_cancel_and_close_during_a_status_read_leaves_no_socket_open(simulator, gate, run):
    """A window shut down during a refresh: cancel, close the session at once, the rest runs out."""
    session = Session(sim_client(simulator), simulator_environment(simulator))
    gate.release.set()
    phones = session.refresh().phones[:40]
    assert len(phones) == 40
    session.close()  # all idle connections closed; the next reads must connect anew

    session = Session(sim_client(simulator), simulator_environment(simulator))
    gate.release.clear()
    gate.connecting.clear()
    before = len(gate.sockets)
    token = CancelToken()
    reader = threading.Thread(target=lambda: session.statuses(phones, cancel=token, concurrency=8))
    reader.start()
    assert gate.connecting.wait(5)
    token.cancel()
    reader.join(5)
    assert not reader.is_alive()  # the cancel returned at once, the requests are abandoned
    session.close()
    gate.release.set()
    for thread in threading.enumerate():
        if thread.name.startswith("compass-status"):
            thread.join(10)
    assert len(gate.sockets) > before
    assert gate.open_sockets() == []
    _collect_without_resource_warnings()


def simulator_environment(simulator: Any) -> Any:
    from compass_desk.domain.models import Environment

    return Environment("sim", simulator.base_url, "demo")
