"""The phone process on the simulator clock: weekly cutoff, factory reset, activate, reboot."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from compass_desk.domain.deadline import AMSTERDAM

from .helpers import all_phones, companies, find_phone, make_client

TUESDAY_NOON = datetime(2026, 11, 24, 12, 0, tzinfo=AMSTERDAM)
CUTOFF = datetime(2026, 11, 25, 0, 0, tzinfo=AMSTERDAM)  # the Wednesday after


def states(client):
    return {p["self"]: p["provisioningByManufacturer"] for p in all_phones(client)}


@pytest.fixture
def tuesday(make_sim):
    return make_sim(start=TUESDAY_NOON, reset_delay_s=5, reboot_delay_s=20)


def test_dataset_active_phones_were_activated_after_the_last_cutoff(tuesday):
    with make_client(tuesday) as client:
        active = [p for p in all_phones(client) if p["provisioningByManufacturer"] == "active"]
    assert active
    last_cutoff = CUTOFF - timedelta(days=7)
    assert all(datetime.fromisoformat(p["provisioningActivatedAt"]) > last_cutoff for p in active)


@pytest.mark.parametrize("vendor_failure, lapsed_state", [(False, "disabled"), (True, "deprovision")])
def test_weekly_cutoff_deregisters_active_phones_that_did_not_visit(tuesday, vendor_failure, lapsed_state):
    with make_client(tuesday) as client:
        before = states(client)
        active = {url for url, state in before.items() if state == "active"}
        tuesday.advance_clock((CUTOFF - tuesday.now()).total_seconds() - 60)
        assert states(client) == before  # a minute before the cutoff nothing has changed
        tuesday.set_faults(vendor_failure=vendor_failure)
        tuesday.advance_clock(120)
        after = states(client)
    assert active
    assert all(after[url] == lapsed_state for url in active)
    assert all(after[url] == state for url, state in before.items() if url not in active)


def test_a_phone_activated_just_after_a_cutoff_lasts_until_the_next_one(make_sim):
    sim = make_sim(start=CUTOFF + timedelta(minutes=30))
    with make_client(sim) as client:
        phone = find_phone(client, provisioningByManufacturer="disabled")
        client.post(f"{phone['self']}/activateProvisioning")
        sim.advance_clock(timedelta(days=6, hours=23).total_seconds())
        assert client.get(phone["self"]).json()["provisioningByManufacturer"] == "active"
        sim.advance_clock(timedelta(hours=1).total_seconds())
        assert client.get(phone["self"]).json()["provisioningByManufacturer"] == "disabled"


def test_reset_of_an_active_phone_fetches_settings_after_a_short_delay(tuesday):
    with make_client(tuesday) as client:
        phone = (
            find_phone(client, provisioningByManufacturer="active", model="yealink-t54w")
            if any(
                p["model"] == "yealink-t54w" and p["provisioningByManufacturer"] == "active"
                for p in all_phones(client)
            )
            else find_phone(client, provisioningByManufacturer="active")
        )
        entry_firmwares = next(
            m for m in client.get(f"{phone['company']}/phoneModels").json() if m["id"] == phone["model"]
        )["firmwares"]
        client.patch(phone["self"], json={"firmware": entry_firmwares[-1]})
        tuesday.reset_phone(phone["macAddress"])
        status = client.get(f"{phone['self']}/phoneStatus").json()
        assert status["online"] is False
        tuesday.advance_clock(3)
        assert client.get(phone["self"]).json()["provisioningByManufacturer"] == "active"
        tuesday.advance_clock(3)
        fetched = client.get(phone["self"]).json()
        status = client.get(f"{phone['self']}/phoneStatus").json()
    assert fetched["provisioningByManufacturer"] == "disabled"
    assert status["online"] is True
    assert status["firmwareVersion"] == entry_firmwares[-1]
    assert status["privateIP"] and status["userAgent"]
    provisioned = datetime.fromisoformat(status["lastProvisionedAt"])
    assert abs((provisioned - (tuesday.now() - timedelta(seconds=1))).total_seconds()) < 5


def test_reset_phone_without_selected_firmware_reports_its_installed_one(tuesday):
    with make_client(tuesday) as client:
        phone = next(
            p
            for p in all_phones(client)
            if p["provisioningByManufacturer"] == "active" and p["firmware"] is None
        )
        installed = client.get(f"{phone['self']}/phoneStatus").json()["firmwareVersion"]
        tuesday.reset_phone(phone["macAddress"])
        tuesday.advance_clock(10)
        status = client.get(f"{phone['self']}/phoneStatus").json()
    assert status["online"] is True
    assert status["firmwareVersion"] == installed


@pytest.mark.parametrize("state", ["disabled", "provision", "deprovision"])
def test_reset_of_a_phone_that_is_not_active_stays_offline_and_unprovisioned(tuesday, state):
    with make_client(tuesday) as client:
        phone = find_phone(client, provisioningByManufacturer=state)
        before = client.get(f"{phone['self']}/phoneStatus").json()
        tuesday.reset_phone(phone["macAddress"])
        tuesday.advance_clock(3600)
        after = client.get(f"{phone['self']}/phoneStatus").json()
        assert client.get(phone["self"]).json()["provisioningByManufacturer"] == state
    assert after["online"] is False
    assert after["privateIP"] is None and after["registeredAt"] is None
    assert after["lastProvisionedAt"] == before["lastProvisionedAt"]


def test_activate_then_reset_is_the_install_flow(tuesday):
    with make_client(tuesday) as client:
        phone = find_phone(client, provisioningByManufacturer="disabled")
        activated = client.post(f"{phone['self']}/activateProvisioning").json()
        assert activated["provisioningByManufacturer"] == "active"
        client.post("/_sim/reset-phone", json={"mac": phone["macAddress"].upper()})
        tuesday.advance_clock(6)
        assert client.get(phone["self"]).json()["provisioningByManufacturer"] == "disabled"
        assert client.get(f"{phone['self']}/phoneStatus").json()["online"] is True


def test_a_reset_that_misses_the_cutoff_stays_offline(tuesday):
    with make_client(tuesday) as client:
        phone = find_phone(client, provisioningByManufacturer="active")
        tuesday.advance_clock((CUTOFF - tuesday.now()).total_seconds() + 1)
        tuesday.reset_phone(phone["macAddress"])
        tuesday.advance_clock(60)
        assert client.get(phone["self"]).json()["provisioningByManufacturer"] == "disabled"
        assert client.get(f"{phone['self']}/phoneStatus").json()["online"] is False


def test_vendor_failure_leaves_added_and_activated_phones_in_provision(tuesday):
    tuesday.set_faults(vendor_failure=True)
    with make_client(tuesday) as client:
        company = companies(client)[1]
        added = client.post(
            f"{company['self']}/phones",
            json={"name": "Nieuw", "model": "snom-d717", "macAddress": "000413a60001"},
        ).json()
        assert added["provisioningByManufacturer"] == "provision"
        assert (
            client.post(f"{added['self']}/activateProvisioning").json()["provisioningByManufacturer"]
            == "provision"
        )
        tuesday.set_faults(vendor_failure=False)
        again = client.post(f"{added['self']}/activateProvisioning").json()
    assert again["provisioningByManufacturer"] == "active"


def test_reboot_takes_an_online_phone_offline_for_a_while(tuesday):
    with make_client(tuesday) as client:
        phone = next(p for p in all_phones(client) if client.get(f"{p['self']}/phoneStatus").json()["online"])
        assert client.post(f"{phone['self']}/reboot").status_code == 204
        assert client.get(f"{phone['self']}/phoneStatus").json()["online"] is False
        tuesday.advance_clock(21)
        status = client.get(f"{phone['self']}/phoneStatus").json()
    assert status["online"] is True
    assert abs((datetime.fromisoformat(status["lastProvisionedAt"]) - tuesday.now()).total_seconds()) < 5


def test_removed_phone_with_a_pending_reset_is_simply_gone(tuesday):
    with make_client(tuesday) as client:
        phone = find_phone(client, provisioningByManufacturer="active")
        tuesday.reset_phone(phone["macAddress"])
        client.delete(phone["self"])
        tuesday.advance_clock(10)
        assert client.get(phone["self"]).status_code == 404


def test_reset_of_an_unknown_mac(tuesday):
    with pytest.raises(LookupError):
        tuesday.reset_phone("00:04:13:00:00:01")
    with make_client(tuesday) as client:
        assert client.post("/_sim/reset-phone", json={"mac": "000413000001"}).status_code == 404
        assert client.post("/_sim/reset-phone", json={"mac": "not a mac"}).json()["field"] == "mac"


def test_clock_control_endpoints(tuesday):
    with make_client(tuesday) as client:
        now = datetime.fromisoformat(client.get("/_sim/clock").json()["now"])
        assert abs((now - TUESDAY_NOON).total_seconds()) < 5
        assert datetime.fromisoformat(client.get("/_sim/clock").json()["nextCutoff"]) == CUTOFF
        moved = datetime.fromisoformat(client.post("/_sim/clock", json={"advance": 3600}).json()["now"])
        assert 3590 < (moved - now).total_seconds() < 3700
        target = "2026-12-01T09:00:00+01:00"
        set_to = datetime.fromisoformat(client.post("/_sim/clock", json={"set": target}).json()["now"])
        assert abs((set_to - datetime.fromisoformat(target)).total_seconds()) < 5
        assert client.post("/_sim/clock", json={"advance": -5}).status_code == 400
        assert client.post("/_sim/clock", json={"set": "2026-12-01T09:00"}).status_code == 400
        assert client.post("/_sim/clock", json={}).status_code == 400
        assert client.delete("/_sim/clock").status_code == 405
        assert client.get("/_sim/nothing").status_code == 404


def _timeless(phones):
    # Generated times are placed relative to the clock at generation; everything else is seeded.
    return [{k: v for k, v in p.items() if k != "provisioningActivatedAt"} for p in phones]


def test_reset_data_restores_the_seeded_dataset(simulator, demo):
    before = all_phones(demo)
    demo.delete(before[0]["self"])
    demo.patch(before[1]["self"], json={"name": "Gewijzigd"})
    assert demo.post("/_sim/reset").status_code == 204
    assert _timeless(all_phones(demo)) == _timeless(before)
    demo.delete(before[0]["self"])
    simulator.reset_data()
    assert _timeless(all_phones(demo)) == _timeless(before)


def test_setting_the_clock_back_still_applies_the_next_cutoff(tuesday):
    with make_client(tuesday) as client:
        tuesday.set_clock(CUTOFF + timedelta(days=3))  # jumps past one cutoff: active phones lapse
        tuesday.set_clock(TUESDAY_NOON)
        phone = find_phone(client, provisioningByManufacturer="disabled")
        client.post(f"{phone['self']}/activateProvisioning")
        tuesday.advance_clock((CUTOFF - TUESDAY_NOON).total_seconds() + 60)
        assert client.get(phone["self"]).json()["provisioningByManufacturer"] == "disabled"
