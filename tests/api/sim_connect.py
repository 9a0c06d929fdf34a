"""Clients on the simulator for the integration tests: instant retries, short timeouts."""

from __future__ import annotations

from typing import Any

import httpx

from compass_desk.api.client import CompassClient
from compass_desk.api.transport import RetryPolicy
from compass_desk.domain.models import Environment

FAST_TIMEOUT = httpx.Timeout(connect=2.0, read=5.0, write=5.0, pool=5.0)


def sim_client(sim: Any, user: str = "demo", password: str = "compass-demo", **kwargs: Any) -> CompassClient:
    kwargs.setdefault("retry", RetryPolicy(attempts=3, sleep=lambda s: None))
    kwargs.setdefault("timeout", FAST_TIMEOUT)
    return CompassClient(Environment("sim", sim.base_url, user), password, **kwargs)
