"""Firmware services on the simulator (closed after each test)."""

from __future__ import annotations

import httpx
import pytest
from fw_helpers import FAST_TIMEOUT

from compass_desk.api.client import CompassClient
from compass_desk.api.transport import RetryPolicy
from compass_desk.domain.models import Environment
from compass_desk.services.firmware import FirmwareService
from compass_desk.services.session import Session


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
