"""Injected faults: each kind, its rate, determinism, and setting them at start and at run time."""

from __future__ import annotations

import time

import httpx
import pytest

from .helpers import all_phones, companies, make_client, me


def statuses(client, n=60):
    return [client.get("/company", headers={"X-No-Redirect": "true"}).status_code for _ in range(n)]


def test_error_rate_one_fails_every_request_with_a_5xx(make_sim):
    sim = make_sim(fault_rate=1.0)
    with make_client(sim) as client:
        codes = statuses(client, 30)
    assert set(codes) <= {500, 502, 503}
    assert len(set(codes)) > 1


def test_error_rate_is_a_fraction_and_deterministic_from_the_seed(make_sim):
    first = make_sim(fault_rate=0.3, seed=7)
    second = make_sim(fault_rate=0.3, seed=7)
    with make_client(first) as a, make_client(second) as b:
        codes_a, codes_b = statuses(a, 100), statuses(b, 100)
    assert codes_a == codes_b
    failures = sum(code != 200 for code in codes_a)
    assert 15 <= failures <= 45


def test_a_failed_request_changes_nothing(make_sim):
    sim = make_sim()
    with make_client(sim) as client:
        phone = all_phones(client)[0]
        sim.set_faults(fault_rate=1.0)
        assert client.patch(phone["self"], json={"name": "Nooit"}).status_code in (500, 502, 503)
        sim.set_faults(fault_rate=0.0)
        assert client.get(phone["self"]).json()["name"] == phone["name"]


def test_connection_reset_happens_after_the_request_was_handled(make_sim):
    sim = make_sim()
    with make_client(sim) as client:
        phone = all_phones(client)[0]
        sim.set_faults(reset_rate=1.0)
        with pytest.raises(httpx.TransportError):
            client.patch(phone["self"], json={"name": "Toch gewijzigd"})
        sim.set_faults(reset_rate=0.0)
        assert client.get(phone["self"]).json()["name"] == "Toch gewijzigd"  # the write took effect


def test_malformed_json_is_cut_off(make_sim):
    sim = make_sim(malformed_rate=1.0)
    with make_client(sim) as client:
        response = client.get("/company", headers={"X-No-Redirect": "true"})
    assert response.status_code == 200
    with pytest.raises(ValueError):
        response.json()


def test_html_error_page_with_status_200(make_sim):
    sim = make_sim(html_rate=1.0)
    with make_client(sim) as client:
        response = client.get("/company", headers={"X-No-Redirect": "true"})
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")
    assert "<html>" in response.text


def test_stalled_body_times_out_a_client_and_stop_ends_the_stall(make_sim):
    sim = make_sim(stall_rate=1.0, stall_s=30)
    with make_client(sim, timeout=httpx.Timeout(5, read=0.3)) as client:
        started = time.monotonic()
        with pytest.raises(httpx.ReadTimeout):
            client.get("/company", headers={"X-No-Redirect": "true"})
    assert time.monotonic() - started < 5


def test_stalled_body_arrives_whole_when_the_client_waits(make_sim):
    sim = make_sim(stall_rate=1.0, stall_s=0.2)
    with make_client(sim) as client:
        response = client.get("/company", headers={"X-No-Redirect": "true"})
    assert response.json()["theType"] == "company"


def test_credentials_expire_after_n_requests(make_sim):
    sim = make_sim(credentials_expire_after=3)
    with make_client(sim) as client:
        codes = statuses(client, 5)
        assert codes == [200, 200, 200, 401, 401]
        response = client.get("/user")
        assert "expired" in response.json()["message"]
        assert "WWW-Authenticate" in response.headers
        sim.set_faults(credentials_expire_after=None)
        assert statuses(client, 2) == [200, 200]


def test_latency_and_jitter_delay_answers(make_sim):
    sim = make_sim(latency_ms=100, jitter_ms=50)
    with make_client(sim) as client:
        started = time.monotonic()
        client.get("/user")
        elapsed = time.monotonic() - started
    assert 0.1 <= elapsed < 5.0  # never sooner than the latency; the upper bound only catches a hang


def test_vendor_failure_set_over_http(make_sim):
    sim = make_sim()
    with make_client(sim) as client:
        answer = client.post("/_sim/faults", json={"vendor_failure": True})
        assert answer.status_code == 200 and answer.json()["vendor_failure"] is True
        company = companies(client)[0]
        added = client.post(
            f"{company['self']}/phones",
            json={"name": "X", "model": "yealink-t31p", "macAddress": "001565abcdef"},
        )
        assert added.json()["provisioningByManufacturer"] == "provision"


def test_faults_over_http_are_validated_and_readable(make_sim):
    sim = make_sim()
    with make_client(sim) as client:
        assert client.post("/_sim/faults", json={"fault_rate": 2}).status_code == 400
        assert client.post("/_sim/faults", json={"explode": True}).json()["field"] == "explode"
        assert client.post("/_sim/faults", json={"latency_ms": 5, "html_rate": 0.25}).status_code == 200
        current = client.get("/_sim/faults").json()
    assert current["latency_ms"] == 5 and current["html_rate"] == 0.25


def test_set_faults_rejects_unknown_or_bad_values(simulator):
    with pytest.raises(ValueError):
        simulator.set_faults(nonsense=1)
    with pytest.raises(ValueError):
        simulator.set_faults(reset_rate=-0.1)


def test_control_endpoints_are_never_faulty(make_sim):
    sim = make_sim(fault_rate=1.0, credentials_expire_after=0)
    with httpx.Client(base_url=sim.base_url) as client:
        assert client.get("/_sim/clock").status_code == 200
        assert (
            client.post(
                "/_sim/faults", json={"fault_rate": 0.0, "credentials_expire_after": None}
            ).status_code
            == 200
        )
    with make_client(sim) as client:
        assert me(client)["username"] == "demo"
