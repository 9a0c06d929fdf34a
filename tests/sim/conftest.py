"""Helpers for the simulator tests: clients per demo user, a simulator factory, dataset lookups."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from compass_desk.sim import SimConfig, Simulator

from .helpers import make_client


@pytest.fixture
def make_sim() -> Iterator[Callable[..., Simulator]]:
    """Start simulators with a custom SimConfig; all are stopped at the end of the test."""
    started: list[Simulator] = []

    def start(**kwargs: Any) -> Simulator:
        sim = Simulator(SimConfig(**kwargs))
        sim.start()
        started.append(sim)
        return sim

    yield start
    for sim in started:
        sim.stop()


@pytest.fixture
def demo(simulator: Simulator) -> Iterator[httpx.Client]:
    with make_client(simulator) as client:
        yield client


@pytest.fixture
def clients(simulator: Simulator) -> Iterator[dict[str, httpx.Client]]:
    opened = {user: make_client(simulator, user) for user in ("demo", "helpdesk", "installer")}
    yield opened
    for client in opened.values():
        client.close()
