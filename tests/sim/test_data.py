"""The seeded dataset and the generated provisioning files."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from compass_desk.domain.catalog import Catalog
from compass_desk.domain.mac import OuiTable
from compass_desk.domain.models import Vendor
from compass_desk.resources import load_toml

from .helpers import all_phones, companies, make_client

CATALOG = Catalog.from_toml(load_toml("models.toml"))
OUIS = OuiTable.from_records(load_toml("oui.toml")["oui"])


def test_default_dataset_size_and_coverage(demo):
    phones = all_phones(demo)
    assert len(companies(demo)) >= 12
    assert len(phones) >= 250
    assert {p["model"] for p in phones} == {m.id for m in CATALOG.models()}
    assert {p["provisioningByManufacturer"] for p in phones} == {
        "active",
        "disabled",
        "provision",
        "deprovision",
    }
    assert any(p["firmware"] for p in phones)
    assert any(p["loggedInUser"] for p in phones)
    assert any(p["vlanId"] for p in phones) and any(p["encryption"] == "mandatory" for p in phones)
    assert len({p["macAddress"] for p in phones}) == len(phones)


def test_selected_firmwares_are_certified_for_the_model(demo):
    for phone in all_phones(demo):
        if phone["firmware"]:
            assert phone["firmware"] in CATALOG.get(phone["model"]).demo_firmwares


def test_macs_carry_the_vendors_oui(demo):
    for phone in all_phones(demo):
        vendor = CATALOG.get(phone["model"]).model.vendor
        assert OUIS.vendor_for(phone["macAddress"]) is vendor
        if phone["model"] in ("snom-m300", "snom-m400", "snom-m900"):
            assert phone["macAddress"].startswith("00087b")


def test_some_phones_online_some_offline(demo):
    online = [demo.get(f"{p['self']}/phoneStatus").json()["online"] for p in all_phones(demo)[:80]]
    assert any(online) and not all(online)


def test_logged_in_users_have_several_identities_somewhere(demo):
    users = {p["loggedInUser"] for p in all_phones(demo) if p["loggedInUser"]}
    identities = [len(demo.get(u).json()["identities"]) for u in users]
    assert max(identities) >= 2 and min(identities) >= 1


def test_same_seed_same_data_other_seed_other_data(make_sim):
    a, b, c = make_sim(seed=3), make_sim(seed=3), make_sim(seed=4)
    with make_client(a) as ca, make_client(b) as cb, make_client(c) as cc:
        names_a = [(x["name"], x["entityId"]) for x in companies(ca)]
        macs_a = [p["macAddress"] for p in all_phones(ca)]
        assert names_a == [(x["name"], x["entityId"]) for x in companies(cb)]
        assert macs_a == [p["macAddress"] for p in all_phones(cb)]
        assert macs_a != [p["macAddress"] for p in all_phones(cc)]


def test_sizes_are_configurable(make_sim):
    sim = make_sim(companies=30, phones=1200)
    with make_client(sim) as client:
        assert len(companies(client)) == 30
        assert len(all_phones(client)) == 1200


def test_config_limits():
    from compass_desk.sim import SimConfig

    with pytest.raises(ValueError):
        SimConfig(phones=20_001)
    with pytest.raises(ValueError):
        SimConfig(companies=501)
    with pytest.raises(ValueError):
        SimConfig(environment="test")


def test_staging_shares_some_macs_with_production_of_the_same_seed(make_sim):
    production, staging = make_sim(seed=5), make_sim(seed=5, environment="staging")
    with make_client(production) as prod, make_client(staging) as stag:
        prod_phones = {p["macAddress"]: p for p in all_phones(prod)}
        stag_phones = {p["macAddress"]: p for p in all_phones(stag)}
        prod_names = {c["name"] for c in companies(prod)}
        stag_names = {c["name"] for c in companies(stag)}
    shared = set(prod_phones) & set(stag_phones)
    assert 10 <= len(shared) < len(stag_phones)
    assert all(prod_phones[m]["model"] == stag_phones[m]["model"] for m in shared)
    assert prod_names != stag_names
    # each environment still refuses its own duplicates, not the other's
    with make_client(staging) as stag:
        company = companies(stag)[0]
        only_prod = next(m for m in prod_phones if m not in stag_phones)
        body = {"name": "Uit productie", "model": prod_phones[only_prod]["model"], "macAddress": only_prod}
        assert stag.post(f"{company['self']}/phones", json=body).status_code == 201


def test_snom_provisioning_file_without_a_user(demo):
    phone = next(
        p
        for p in all_phones(demo)
        if p["model"].startswith("snom-d") and not p["loggedInUser"] and not p["firmware"]
    )
    content = demo.get(f"{phone['self']}/provisioning").json()["content"]
    root = ET.fromstring(content)
    assert root.tag == "settings"
    settings = root.find("phone-settings")
    names = {child.tag for child in settings}
    assert {
        "user_host",
        "user_outbound",
        "ntp_server",
        "timezone",
        "language",
        "codec_priority_list",
        "call_waiting",
        "vol_speaker",
        "display_method",
        "http_user",
        "http_pass",
    } <= names
    assert "user_pass" not in names and root.find("functionKeys") is None
    assert "firmware_status" not in names and root.find("firmware-settings") is None
    company = demo.get(phone["company"]).json()
    assert settings.find("display_idle_text").text == company["name"]
    assert all(child.get("perm") for child in settings)


def test_snom_provisioning_file_with_a_user_firmware_and_custom_settings(demo):
    phone = next(p for p in all_phones(demo) if p["model"].startswith("snom-d") and p["loggedInUser"])
    user = demo.get(phone["loggedInUser"]).json()
    firmware = CATALOG.get(phone["model"]).demo_firmwares[-1]
    demo.patch(phone["self"], json={"firmware": firmware})
    custom = [{"name": "dnd_mode!", "value": "off"}, {"name": "ntp_server&", "value": "ntp.klant.nl"}]
    demo.patch(f"{phone['self']}/customSettings", json={"settings": custom})
    root = ET.fromstring(demo.get(f"{phone['self']}/provisioning").json()["content"])
    settings = list(root.find("phone-settings"))
    accounts = [s for s in settings if s.tag == "user_pass"]
    assert len(accounts) == len(user["identities"]) and all(a.text for a in accounts)
    assert {s.get("idx") for s in settings if s.tag == "user_name"} == {
        str(i + 1) for i in range(len(accounts))
    }
    assert any(s.tag == "user_mailbox" for s in settings)
    assert any(s.tag == "alert_internal_ring_sound" for s in settings)
    assert root.find("functionKeys/fkey") is not None
    assert firmware in root.find("firmware-settings/firmware").text
    assert any(s.tag == "firmware_status" and firmware in s.text for s in settings)
    # custom settings come last, with the permission flag turned into the perm attribute
    assert [(s.tag, s.get("perm"), s.text) for s in settings[-2:]] == [
        ("dnd_mode", "!", "off"),
        ("ntp_server", "R", "ntp.klant.nl"),
    ]


def test_yealink_provisioning_file(demo):
    phone = next(p for p in all_phones(demo) if p["model"].startswith("yealink-t") and p["loggedInUser"])
    user = demo.get(phone["loggedInUser"]).json()
    firmware = CATALOG.get(phone["model"]).demo_firmwares[0]
    demo.patch(phone["self"], json={"firmware": firmware, "vlanId": 30})
    demo.patch(
        f"{phone['self']}/customSettings", json={"settings": [{"name": "lang.gui", "value": "English"}]}
    )
    content = demo.get(f"{phone['self']}/provisioning").json()["content"]
    lines = content.splitlines()
    assert lines[0] == "#!version:1.0.0.1"
    pairs = dict(line.split(" = ", 1) for line in lines if " = " in line and not line.startswith("#"))
    for key in (
        "account.1.sip_server.1.address",
        "local_time.ntp_server1",
        "local_time.time_zone",
        "lang.gui",
        "call_waiting.enable",
        "static.security.user_password",
        "account.1.codec.pcma.enable",
    ):
        assert key in pairs
    for n in range(1, len(user["identities"]) + 1):
        assert pairs[f"account.{n}.password"] and pairs[f"account.{n}.user_name"]
    assert pairs["static.firmware.url"].endswith(f"{firmware}.rom")
    assert pairs["static.network.vlan.internet_port_vid"] == "30"
    assert "linekey.1.type" in pairs and "voice_mail.number.1" in pairs
    assert lines[-2] == "## custom settings (Compass Studio)" and lines[-1] == "lang.gui = English"
    assert all(re.fullmatch(r"(#.*|[\w.]+ = .*)", line) for line in lines)


def test_provisioning_follows_the_phone_vendor_for_every_model(demo):
    seen = set()
    for phone in all_phones(demo):
        if phone["model"] in seen:
            continue
        seen.add(phone["model"])
        answer = demo.get(f"{phone['self']}/provisioning").json()
        vendor = CATALOG.get(phone["model"]).model.vendor
        assert answer["contentType"] == ("application/xml" if vendor is Vendor.SNOM else "text/plain")
    assert len(seen) == len(CATALOG)
