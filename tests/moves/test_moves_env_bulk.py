"""Between environments (production ↔ staging) and bulk moves, on two simulators."""

from __future__ import annotations

import httpx
import pytest

from compass_desk.domain.models import ProvisioningState
from compass_desk.domain.move_plan import MoveRefused
from compass_desk.services.bulk_move import bulk_move, retry
from compass_desk.services.env_switch import switch_environment
from compass_desk.services.moves import MoveService
from compass_desk.sim import SimConfig, Simulator
from compass_desk.store.audit import phone_target

from .move_helpers import HookTransport, count_everywhere, make_session


@pytest.fixture
def staging():
    with Simulator(SimConfig(environment="staging", seed=1)) as sim:
        yield sim


def test_switch_adds_the_mac_on_staging_activates_it_and_shows_both(simulator, staging):
    prod, stage = make_session(simulator), make_session(staging)
    try:
        prod.refresh()
        stage.refresh()
        staged = {p.mac for p in stage.phones}
        phone = next(p for p in prod.phones if p.mac not in staged)
        company = next(c for c in stage.companies if c.access and c.access.value == "write")
        recorded = []

        class Audit:
            def record(self, environment, user, action, target, outcome, detail=""):
                recorded.append((action, target, outcome))

        result = switch_environment(prod, phone, stage, target_company=company, audit=Audit())
        assert result.added
        # Both entries name the phone where it is on staging, the same way as every other entry.
        expected = phone_target(phone.name, phone.mac, company.name)
        assert recorded == [("add", expected, "ok"), ("activate", expected, "ok")]
        assert result.target.phone is not None and result.target.phone.mac == phone.mac
        assert result.target.phone.provisioning is ProvisioningState.ACTIVE
        assert result.target.phone.model == phone.model and result.target.phone.vlan_id == phone.vlan_id
        assert result.source.phone is not None and result.source.phone.url == phone.url  # not removed
        assert count_everywhere(simulator, phone.mac) == 1 and count_everywhere(staging, phone.mac) == 1
        assert "activated last" in result.note
        assert "not have to be removed" in result.note
        # The phone is reset: it joins staging (activated last) and turns `disabled` there.
        staging.reset_phone(phone.mac)
        staging.advance_clock(60)
        assert stage.client.phone(result.target.phone.url).provisioning is ProvisioningState.DISABLED
    finally:
        prod.close()
        stage.close()


def test_switch_with_the_mac_already_there_only_activates(simulator, staging):
    prod, stage = make_session(simulator), make_session(staging)
    try:
        prod.refresh()
        stage.refresh()
        produced = {p.mac: p for p in prod.phones}
        existing = next(p for p in stage.phones if p.mac in produced)
        before = len(stage.phones)
        result = switch_environment(prod, produced[existing.mac], stage)
        assert not result.added
        assert result.target.phone.url == existing.url
        assert result.target.phone.provisioning is ProvisioningState.ACTIVE
        stage.refresh()
        assert len(stage.phones) == before
    finally:
        prod.close()
        stage.close()


def test_switch_refused_for_a_read_only_user_before_anything_changes(simulator, staging):
    transport = HookTransport()
    prod, stage = make_session(simulator), make_session(staging, user="helpdesk", transport=transport)
    try:
        prod.refresh()
        stage.refresh()
        produced = {p.mac: p for p in prod.phones}
        existing = next(p for p in stage.phones if p.mac in produced)
        with pytest.raises(MoveRefused) as caught:
            switch_environment(prod, produced[existing.mac], stage)
        assert caught.value.read_only
        new = next(p for p in prod.phones if p.mac not in {s.mac for s in stage.phones})
        with pytest.raises(MoveRefused) as caught:
            switch_environment(prod, new, stage, target_company=stage.companies[0])
        assert caught.value.read_only
    finally:
        prod.close()
        stage.close()
    assert [m for m, _u in transport.sent if m != "GET"] == []


def test_switch_to_the_same_environment_is_refused(simulator):
    prod = make_session(simulator)
    other = make_session(simulator, name="production again")
    try:
        prod.refresh()
        with pytest.raises(MoveRefused, match="one the phone is on"):
            switch_environment(prod, prod.phones[0], other)
    finally:
        prod.close()
        other.close()


def test_bulk_move_with_one_failure_then_retry(simulator, journal):
    transport = HookTransport()
    session = make_session(simulator, transport=transport)
    try:
        result = session.refresh()
        source, target = result.companies[4], result.companies[5]
        phones = [p for p in result.phones if p.company_url == source.url][:3]
        assert len(phones) == 3
        failing = phones[1]
        attempts = []

        def unavailable_once(request):
            attempts.append(1)
            if len(attempts) == 1:
                return httpx.Response(503, json={"message": "try later"})
            return None

        transport.before[("POST", failing.url.removeprefix(simulator.base_url) + "/migrateToCompany")] = \
            unavailable_once
        service = MoveService(session, journal)
        slept = []
        run = bulk_move(service, phones, target, rate_per_s=1000, sleep=slept.append)
        assert [r.ok for r in run.results] == [True, False, True]
        assert "internal problem" in run.results[1].message
        assert run.failed == [failing]
        assert "2 of 3" in run.summary and "1 failed" in run.summary
        assert session.client.phone(failing.url).company_url == source.url  # failed: still where it was
        again = retry(service, run, rate_per_s=1000)
        assert all(r.ok for r in again.results)
        for phone in phones:
            assert session.client.phone(phone.url).company_url == target.url
            assert count_everywhere(simulator, phone.mac) == 1
    finally:
        session.close()


def test_bulk_move_keeps_to_the_rate(session, journal):
    import time

    result = session.refresh()
    source, target = result.companies[6], result.companies[7]
    phones = [p for p in result.phones if p.company_url == source.url][:3]
    started = time.monotonic()
    run = bulk_move(MoveService(session, journal), phones, target, rate_per_s=10)
    assert all(r.ok for r in run.results)
    assert time.monotonic() - started >= 0.2  # three moves, two gaps of 0.1 s at least


def test_bulk_move_read_only_phones_fail_without_a_request(simulator, journal):
    admin = make_session(simulator)
    try:
        result = admin.refresh()
    finally:
        admin.close()
    transport = HookTransport()
    installer = make_session(simulator, user="installer", transport=transport)
    try:
        companies = installer.load_companies()
        own = next(c for c in companies if c.access and c.access.value == "write")
        others = [p for p in result.phones if p.company_url != own.url][:2]
        run = bulk_move(MoveService(installer, journal), others, own, rate_per_s=1000)
        assert not any(r.ok for r in run.results)
        assert all("read-only" in r.message or "no rights" in r.message for r in run.results)
    finally:
        installer.close()
    assert [m for m, _u in transport.sent if m != "GET"] == []
