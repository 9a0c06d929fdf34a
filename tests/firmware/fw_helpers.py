"""Helpers for the firmware tests: an HTTP transport that fails chosen requests, simulator shaping."""

from __future__ import annotations

import httpx

FAST_TIMEOUT = httpx.Timeout(connect=2.0, read=5.0, write=5.0, pool=5.0)


class FailingTransport(httpx.HTTPTransport):
    """Real HTTP, except that chosen (method, URL) pairs get an injected status."""

    def __init__(self) -> None:
        super().__init__()
        self.fail: dict[tuple[str, str], int] = {}
        self.patches: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "PATCH":
            self.patches.append(str(request.url))
        status = self.fail.get((request.method, str(request.url)))
        if status:
            return httpx.Response(status, json={"message": "injected failure"})
        return super().handle_request(request)


def sim_phone(simulator, url):
    """The simulator's own record of the phone at *url*."""
    rid = url.rstrip("/").rsplit("/", 1)[-1]
    return simulator.engine.state.data.phones[rid]


def set_installed(simulator, url, version, online=True):
    """Make the simulated phone run *version* (as if it had installed it)."""
    with simulator.engine.state.lock:
        record = sim_phone(simulator, url)
        record.installed_firmware = version
        record.online = online
