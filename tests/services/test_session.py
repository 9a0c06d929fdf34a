"""Session: concurrent refresh with progress, partial failures, cancel; finding and actions."""

from __future__ import annotations

import threading

import httpx
import pytest
from svc_connect import CountingTransport, make_session

from compass_desk.api import errors
from compass_desk.domain.mac import MacError, format_mac
from compass_desk.domain.models import ProvisioningState
from compass_desk.services.cancel import Cancelled, CancelToken
from compass_desk.services.lookup import NoMatchError, find_company, find_phone
from compass_desk.services.parallel import run_bounded


@pytest.fixture
def sessions(simulator):
    """make(**kwargs) -> a session on the simulator; every client is closed afterwards."""
    made = []

    def make(**kwargs):
        made.append(make_session(simulator, **kwargs))
        return made[-1]

    yield make
    for s in made:
        s.client.close()


@pytest.fixture
def session(sessions):
    return sessions()


def test_full_refresh_with_progress(session):
    seen = []
    result = session.refresh(progress=lambda done, total, label: seen.append((done, total, label)))
    assert result.complete and not result.cancelled
    assert len(result.companies) == 12 and len(result.phones) == 250
    assert len(session.phones) == 250
    assert seen[0][:2] == (0, 0) and str(seen[0][2]) == "Listing organisations"
    assert seen[1] == (0, 12, "")
    assert [d for d, _, _ in seen[2:]] == list(range(1, 13))
    names = {c.name for c in result.companies}
    assert {label for _, _, label in seen[2:]} == names
    assert {row.company_name for row in session.rows()} <= names
    assert all(session.can_write(c.url) for c in result.companies)


def test_refresh_is_bounded_and_concurrent(simulator, sessions):
    simulator.set_faults(latency_ms=40)
    transport = CountingTransport()
    with httpx.Client(transport=transport) as http:
        result = sessions(http_client=http).refresh(concurrency=4)
    assert len(result.phones) == 250
    assert 2 <= transport.peak <= 4


def test_one_failing_organisation_does_not_lose_the_others(simulator, sessions):
    companies = sessions().client.companies()
    broken = companies[3]
    transport = CountingTransport(fail={broken.url + "/phones": 403})
    with httpx.Client(transport=transport) as http:
        result = sessions(http_client=http).refresh()
    assert [f.company.url for f in result.failures] == [broken.url]
    assert "not allowed" in result.failures[0].message
    assert len(result.companies) == 12 and not result.complete
    assert result.phones and all(p.company_url != broken.url for p in result.phones)


def test_failed_organisation_keeps_what_was_known(simulator, sessions):
    session = sessions()
    first = session.refresh()
    broken = first.companies[0]
    before = [p for p in session.phones if p.company_url == broken.url]
    transport = CountingTransport(fail={broken.url + "/phones": 500})
    with httpx.Client(transport=transport) as http:
        original = session.client
        session.client = sessions(http_client=http).client
        second = session.refresh()
        session.client = original
    assert second.failures and not [p for p in second.phones if p.company_url == broken.url]
    assert [p for p in session.phones if p.company_url == broken.url] == before  # stale, not lost


def test_cancelled_refresh_returns_quickly_with_what_it_has(simulator, sessions):
    simulator.set_faults(latency_ms=60)
    session = sessions()
    token = CancelToken()

    def progress(done, total, label):
        if done >= 3:
            token.cancel()

    result = session.refresh(progress=progress, cancel=token, concurrency=2)
    assert result.cancelled and not result.complete
    assert 3 <= len({p.company_url for p in result.phones}) < 12


def test_cancel_before_start_sends_nothing(simulator, sessions):
    transport = CountingTransport()
    token = CancelToken()
    token.cancel()
    with httpx.Client(transport=transport) as http:
        result = sessions(http_client=http).refresh(cancel=token)
    assert result.cancelled and transport.count == 0


def test_authentication_error_stops_the_refresh(simulator, sessions):
    simulator.set_faults(credentials_expire_after=6)
    session = sessions()
    with pytest.raises(errors.AuthenticationError):
        session.refresh(concurrency=2)


def test_statuses_of_many_phones(session):
    session.refresh()
    phones = session.phones[:20]
    statuses = session.statuses(phones, concurrency=8)
    assert set(statuses) == {p.url for p in phones}
    assert {row.phone.url for row in session.rows() if row.status is not None} == set(statuses)


def test_find_by_mac_in_any_notation(session):
    session.refresh()
    phone = session.phones[42]
    display = format_mac(phone.mac)
    for text in (
        display,
        display.lower().replace(":", "-"),
        phone.mac.upper(),
        f"MAC: {display}",
        f"{phone.mac[:4]}.{phone.mac[4:8]}.{phone.mac[8:]}",
    ):
        assert session.find_by_mac(text) == [phone]
    with pytest.raises(MacError):
        session.find_by_mac("00:04:13:zz:00:01")
    assert session.find_by_mac("00:04:13:00:00:01") == []


def test_find_phone_and_company(session):
    session.refresh()
    target = session.phones[7]
    assert find_phone(session, target.url) == target
    assert find_phone(session, target.resource_id) == target
    assert find_phone(session, format_mac(target.mac)) == target
    with pytest.raises(NoMatchError):
        find_phone(session, "no-such-id")
    with pytest.raises(NoMatchError, match="not an address on"):
        find_phone(session, "https://elsewhere.example/phone/1")
    company = session.companies[2]
    assert find_company(session, company.name) == company
    assert find_company(session, company.entity_id) == company
    assert find_company(session, company.url) == company
    assert find_company(session, company.name.upper()) == company
    with pytest.raises(NoMatchError):
        find_company(session, "Nobody Ltd")


def test_actions_update_the_cache(session):
    session.refresh()
    phone = next(p for p in session.phones if p.provisioning is ProvisioningState.DISABLED)
    active = session.activate(phone)
    assert active.provisioning is ProvisioningState.ACTIVE
    assert next(p for p in session.phones if p.url == phone.url) == active
    target = next(c for c in session.companies if c.url != phone.company_url)
    moved = session.migrate(active, target)
    assert next(p for p in session.phones if p.url == moved.url).company_url == target.url
    assert session.supports("migrate")


def test_actions_on_one_phone_run_one_at_a_time(session):
    session.refresh()
    phone = session.phones[0]
    inside = []
    peak = []
    original = session.client.reboot

    def slow_reboot(p):
        inside.append(1)
        peak.append(len(inside))
        threading.Event().wait(0.05)
        inside.pop()
        return original(p)

    session.client.reboot = slow_reboot
    threads = [threading.Thread(target=session.reboot, args=(phone,)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert max(peak) == 1


def test_run_bounded_validates_and_cancel_token():
    with pytest.raises(ValueError):
        run_bounded([1], lambda x: x, lambda i, f: None, concurrency=0)
    token = CancelToken()
    token.raise_if_cancelled()
    token.cancel()
    with pytest.raises(Cancelled):
        token.raise_if_cancelled()
    assert token.wait(0) is True
