"""The reset flow driven by real reads from the simulator over HTTP (its phone behaviour and clock)."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from compass_desk.api.client import CompassClient
from compass_desk.api.transport import RetryPolicy
from compass_desk.domain.diagnosis import Verdict, diagnose
from compass_desk.domain.models import Access, Environment
from compass_desk.domain.models import ProvisioningState as S
from compass_desk.domain.reset_flow import FlowConfig, Milestone, ResetFlow, Stage
from compass_desk.sim import DEMO_PASSWORD, SimConfig, Simulator

from .helpers import at

MONDAY = at("2026-11-23 10:00")


@pytest.fixture
def sim_factory():
    started = []

    def start(**config):
        sim = Simulator(SimConfig(environment="production", seed=1, start=MONDAY, **config))
        sim.start()
        started.append(sim)
        return sim

    yield start
    for sim in started:
        sim.stop()


def connect(sim):
    env = Environment("sim", sim.base_url, "demo")
    timeout = httpx.Timeout(connect=2.0, read=5.0, write=5.0, pool=5.0)
    return CompassClient(
        env, DEMO_PASSWORD, retry=RetryPolicy(attempts=2, sleep=lambda s: None), timeout=timeout
    )


def working_phone(client):
    """A disabled, online phone with a guide, in an organisation the demo user may change."""
    for company in client.companies():
        if company.access is not Access.WRITE:
            continue
        for phone in client.phones(company):
            if phone.provisioning is S.DISABLED and client.phone_status(phone).online:
                return phone
    raise AssertionError("the demo data has no working phone with write access")


def poll(flow, client, sim, phone, step_s=10, rounds=60):
    for _ in range(rounds):
        if flow.stage is Stage.RESULT:
            return
        sim.advance_clock(step_s)
        current = client.phone(phone.url)
        flow.observe(current, client.phone_status(current), sim.now())


def test_activate_simulated_reset_wait_success(book, sim_factory):
    sim = sim_factory()
    with connect(sim) as client:
        phone = working_phone(client)
        flow = ResetFlow(book, FlowConfig(settle_s=30))
        flow.identify(phone, client.phone_status(phone), sim.now())
        flow.advance(sim.now())
        assert not flow.can_advance() and flow.precheck.offer_activate

        activated = client.activate(phone)
        flow.activated(activated, sim.now())
        assert flow.can_advance() and flow.precheck.deadline == at("2026-11-25 00:00")
        flow.advance(sim.now())
        while not flow.can_advance():
            flow.next_step()

        sim.reset_phone(phone.mac)  # "Simulate the phone"
        flow.advance(sim.now())
        assert flow.stage is Stage.WAIT
        poll(flow, client, sim, phone)

        assert flow.stage is Stage.RESULT and flow.result.success, flow.result
        assert [e.milestone for e in flow.timeline() if e.reached_at] == list(Milestone)
        final = client.phone(phone.url)
        assert final.provisioning is S.DISABLED
        assert diagnose(final, client.phone_status(final), sim.now()).verdict is Verdict.WORKING


def test_deadline_passing_during_the_wait(book, sim_factory):
    sim = sim_factory(reset_delay_s=3600)  # this phone takes an hour to reach the vendor
    with connect(sim) as client:
        phone = working_phone(client)
        flow = ResetFlow(book)
        flow.identify(phone, client.phone_status(phone), sim.now())
        flow.advance(sim.now())
        flow.activated(client.activate(phone), sim.now())
        flow.advance(sim.now())
        sim.set_clock(at("2026-11-24 23:50"))
        sim.reset_phone(phone.mac)
        flow.report_reset(sim.now())
        poll(flow, client, sim, phone, step_s=60, rounds=30)

        assert flow.result.code == "deadline-passed-during-wait"
        assert flow.result.fix[0].value == "activate"
        # the platform deregistered the phone at the cutoff; it never fetched its settings
        assert client.phone(phone.url).provisioning is not S.ACTIVE
        assert flow.result.findings[0].title.en == "Deadline passed while waiting."


def test_reset_while_not_active_ends_in_a_diagnosis(book, sim_factory):
    sim = sim_factory()
    with connect(sim) as client:
        phone = working_phone(client)
        flow = ResetFlow(book)
        flow.identify(phone, client.phone_status(phone), sim.now())
        flow.advance(sim.now())
        sim.reset_phone(phone.mac)  # reset without Activate
        sim.advance_clock(60)
        current = client.phone(phone.url)
        flow.observe(current, client.phone_status(current), sim.now())
        flow.report_reset(sim.now())
        assert flow.stage is Stage.RESULT and flow.result.code == "reset-while-not-active"
        assert not flow.result.success and flow.result.diagnosis.verdict is Verdict.OFFLINE
        sim.advance_clock(timedelta(minutes=30).total_seconds())
        assert not client.phone_status(current).online  # and it stays that way: nothing redirects it
