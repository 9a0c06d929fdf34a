"""Clients and sessions on the simulator for the service tests."""

from __future__ import annotations

from typing import Any

import httpx

from compass_desk.api.client import CompassClient
from compass_desk.api.transport import RetryPolicy
from compass_desk.domain.models import Environment
from compass_desk.services.session import Session

FAST_TIMEOUT = httpx.Timeout(connect=2.0, read=5.0, write=5.0, pool=5.0)


def make_session(sim: Any, user: str = "demo", **kwargs: Any) -> Session:
    kwargs.setdefault("retry", RetryPolicy(attempts=3, sleep=lambda s: None))
    kwargs.setdefault("timeout", FAST_TIMEOUT)
    env = Environment("sim", sim.base_url, user)
    return Session(CompassClient(env, "compass-demo", **kwargs), env)


class CountingTransport(httpx.HTTPTransport):
    """Real HTTP, counting requests in flight; optionally failing chosen URLs with a status."""

    def __init__(self, fail: dict[str, int] | None = None) -> None:
        super().__init__()
        import threading

        self.fail = fail or {}
        self.lock = threading.Lock()
        self.in_flight = 0
        self.peak = 0
        self.count = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with self.lock:
            self.in_flight += 1
            self.count += 1
            self.peak = max(self.peak, self.in_flight)
        try:
            status = self.fail.get(str(request.url))
            if status:
                return httpx.Response(status, json={"message": "injected"})
            return super().handle_request(request)
        finally:
            with self.lock:
                self.in_flight -= 1
