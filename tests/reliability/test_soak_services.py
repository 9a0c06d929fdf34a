"""Soak: refreshes, live status, Activate and Reboot through the services for ~5,000 requests while
about a fifth of all requests meet a fault. Afterwards the app's phones equal the simulator's, no
action took effect twice or against what the app reported, every failure was reported as a
sentence, and memory and threads did not grow."""

from __future__ import annotations

import gc
import random
import threading
import time
from collections import Counter

import httpx
import pytest
from reliability_helpers import (
    MIXED_FAULTS,
    ActionTap,
    CountingTransport,
    FaultTap,
    app_phone_view,
    assert_sentence,
    rss_mb,
    sim_phone_view,
)

from compass_desk.api import errors
from compass_desk.api.client import CompassClient
from compass_desk.api.transport import RetryPolicy
from compass_desk.domain.models import Environment
from compass_desk.services.session import Session
from compass_desk.sim import DEMO_PASSWORD, SimConfig, Simulator

REQUESTS = 5_000
TIME_LIMIT_S = 100  # the soak stops early (and fails) rather than run past this
TIMEOUT = httpx.Timeout(connect=2.0, read=5.0, write=5.0, pool=5.0)

pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def soak_sim():
    with Simulator(SimConfig(seed=11, companies=12, phones=400)) as sim:
        yield sim


def _company_id(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


class Ledger:
    """What the app was told about each action, to hold against what the simulator did."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()
        self.succeeded: Counter[str] = Counter()
        self.unknown: Counter[str] = Counter()
        self.failed: Counter[str] = Counter()
        self.messages: list[str] = []

    def run(self, key: str, action: object) -> None:
        self.calls[key] += 1
        try:
            action()  # type: ignore[operator]
        except errors.OutcomeUnknownError as exc:
            self.unknown[key] += 1
            self.messages.append(exc.message)
        except errors.ApiError as exc:
            self.failed[key] += 1
            self.messages.append(exc.message)
        else:
            self.succeeded[key] += 1

    def check_against(self, applied: Counter[str], what: str) -> list[str]:
        problems = []
        for key, calls in self.calls.items():
            done = applied[key]
            low = self.succeeded[key]
            high = self.succeeded[key] + self.unknown[key]
            if not low <= done <= high or done > calls:
                problems.append(
                    f"{what} of phone {key}: applied {done}x, reported ok {self.succeeded[key]}, "
                    f"unknown {self.unknown[key]}, failed {self.failed[key]}"
                )
        return problems


def test_services_soak_under_mixed_faults(soak_sim):
    sim = soak_sim
    tap = ActionTap(sim)
    faults = FaultTap(sim)
    sim.set_faults(**MIXED_FAULTS)
    transport = CountingTransport()
    env = Environment("soak", sim.base_url, "demo")
    rng = random.Random(7)
    threads_before = threading.active_count()
    refresh_failures = 0
    activations, reboots = Ledger(), Ledger()
    fresh = list(sim.engine.state.data.phones)  # each phone is activated at most once (see below)
    rng.shuffle(fresh)
    rss_after_warmup = 0.0
    started = time.monotonic()
    with (
        httpx.Client(transport=transport, timeout=TIMEOUT) as http,
        Session(CompassClient(env, DEMO_PASSWORD, http_client=http,
                              retry=RetryPolicy(attempts=3, sleep=lambda s: None)), env) as session,
    ):
        cycle = 0
        while transport.count < REQUESTS:
            assert time.monotonic() - started < TIME_LIMIT_S, f"soak too slow: {transport.count} requests"
            cycle += 1
            try:
                result = session.refresh(concurrency=4)
            except errors.ApiError as exc:  # listing the organisations failed three times: reported
                assert_sentence(exc.message, forbidden=(DEMO_PASSWORD,))
                refresh_failures += 1
                continue
            truth = sim_phone_view(sim)  # nothing else changes the simulator during a refresh
            fetched = {c.url for c in result.companies} - {f.company.url for f in result.failures}
            # Every organisation is accounted for: fetched, or reported as a failure with a sentence.
            assert not result.cancelled
            assert len({f.company.url for f in result.failures}) == len(result.failures)
            for failure in result.failures:
                assert_sentence(failure.message, forbidden=(DEMO_PASSWORD,))
            refresh_failures += len(result.failures)
            got = app_phone_view(result.phones)
            for url in fetched:
                cid = _company_id(url)
                want = {k: v for k, v in truth.items() if v[0] == cid}
                assert {k: v for k, v in got.items() if v[0] == cid} == want, f"organisation {cid} differs"
            phones = session.phones
            if not phones:
                continue
            sample = rng.sample(phones, min(30, len(phones)))
            statuses = session.statuses(sample, concurrency=4)
            assert set(statuses) <= {p.url for p in sample}
            by_id = {p.resource_id: p for p in phones}
            # Activate phones never activated in this soak: a second effect would then be a repeat.
            for _ in range(3):
                while fresh and fresh[-1] not in by_id:
                    fresh.pop()
                if fresh:
                    phone = by_id[fresh.pop()]
                    activations.run(phone.resource_id, lambda p=phone: session.activate(p))
            for phone in rng.sample(phones, 2):
                reboots.run(phone.resource_id, lambda p=phone: session.reboot(p))
            if cycle == 3:
                gc.collect()
                rss_after_warmup = rss_mb()

        # Afterwards, with the faults still on: refresh until every organisation answered once.
        pending = None
        for _ in range(30):
            try:
                result = session.refresh(concurrency=4, companies=pending)
            except errors.ApiError:
                continue
            pending = [f.company for f in result.failures]
            if not pending:
                break
        assert pending == [], "some organisation failed 30 refreshes in a row"
        held = app_phone_view(session.phones)
        requests = transport.count
    elapsed = time.monotonic() - started

    sim.set_faults(fault_rate=0.0, html_rate=0.0, reset_rate=0.0, malformed_rate=0.0, stall_rate=0.0)
    assert held == sim_phone_view(sim), "the phones the app holds differ from the simulator's"

    problems = activations.check_against(tap.activations, "activation")
    problems += reboots.check_against(tap.reboots, "reboot")
    assert not problems, "\n".join(problems)
    assert max(tap.activations.values(), default=0) <= 1, "a phone was activated twice"
    for message in activations.messages + reboots.messages:
        assert_sentence(message, forbidden=(DEMO_PASSWORD,))

    # The faults really happened, and were survived: some actions failed, most went through.
    total_actions = sum(activations.calls.values()) + sum(reboots.calls.values())
    failed_actions = len(activations.messages) + len(reboots.messages)
    assert requests >= REQUESTS
    assert refresh_failures + failed_actions > 0, "no fault reached the app: the soak tested nothing"
    assert set(faults.kinds) == {"error", "html", "reset", "malformed", "stall"}, faults.kinds
    assert faults.total > requests * 0.15
    assert sum(activations.succeeded.values()) > total_actions // 4

    gc.collect()
    if rss_after_warmup:
        growth = rss_mb() - rss_after_warmup
        assert growth < 60, f"memory grew by {growth:.0f} MB during the soak"
    time.sleep(0.1)  # worker threads of the last refresh finish exiting
    assert threading.active_count() <= threads_before + 2
    print(
        f"\nsoak: {requests} requests in {elapsed:.1f} s, {faults.total} faults injected "
        f"({', '.join(f'{k} {n}' for k, n in sorted(faults.kinds.items()))}), "
        f"{refresh_failures} organisation failures, "
        f"{failed_actions} of {total_actions} actions failed or unknown, all reported"
    )
