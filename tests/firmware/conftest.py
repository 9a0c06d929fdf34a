"""Sessions and firmware services on the simulator, and helpers to shape its phones."""

from __future__ import annotations

import httpx
import pytest

from compass_desk.api.client import CompassClient
from compass_desk.api.transport import RetryPolicy
from compass_desk.domain.models import Environment
from compass_desk.services.firmware import FirmwareService
from compass_desk.services.session import Session

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


@pytest.fixture
def make_service(simulator):
    """make(user="demo", rate_per_s=1000, transport=None, audit=None) -> FirmwareService (closed after)."""
    made = []

    def make(user="demo", rate_per_s=1000.0, transport=None, audit=None, concurrency=2):
        env = Environment("sim", simulator.base_url, user)
        http = httpx.Client(transport=transport, timeout=FAST_TIMEOUT) if transport else None
        client = CompassClient(env, "compass-demo", http_client=http, timeout=FAST_TIMEOUT,
                               retry=RetryPolicy(attempts=2, sleep=lambda s: None))
        session = Session(client, env)
        made.append((session, http))
        session.load_companies()
        return FirmwareService(session, audit=audit, rate_per_s=rate_per_s, concurrency=concurrency)

    yield make
    for session, http in made:
        session.close()
        if http is not None:
            http.close()


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
