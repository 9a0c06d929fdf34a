"""Every row of the contract table (compass-api.md, "Contract"), over real HTTP."""

from __future__ import annotations

from datetime import datetime

import pytest

from compass_desk.domain.catalog import Catalog
from compass_desk.resources import load_toml

from .helpers import all_phones, companies, find_phone, me

PHONE_FIELDS = {
    "theType",
    "resourceId",
    "self",
    "name",
    "macAddress",
    "model",
    "company",
    "provisioningByManufacturer",
    "provisioningActivatedAt",
    "firmware",
    "vlanId",
    "encryption",
    "expansionPads",
    "codecProfile",
    "loggedInUser",
}
STATUS_FIELDS = {
    "online",
    "privateIP",
    "publicIP",
    "userAgent",
    "firmwareVersion",
    "registeredAt",
    "lastProvisionedAt",
}


def new_phone(**overrides):
    body = {"name": "Nieuwe telefoon", "model": "yealink-t54w", "macAddress": "805ec0a1b2c3"}
    body.update(overrides)
    return body


def test_rights_of_the_user(simulator, demo):
    rights = demo.get(f"/user/{me(demo)['entityId']}/rights").json()
    assert rights == [{"theType": "right", "access": "write", "target": rights[0]["target"]}]
    assert rights[0]["target"].startswith(f"{simulator.base_url}/reseller/")


def test_companies_of_a_reseller(demo):
    found = companies(demo)
    assert len(found) >= 12
    for company in found:
        assert company["theType"] == "company" and company["name"] and company["shortname"]
    assert len({c["shortname"] for c in found}) == len(found)


def test_unsupported_entity_filter_is_400(demo):
    reseller = demo.get(f"/user/{me(demo)['entityId']}/rights").json()[0]["target"]
    response = demo.get(f"{reseller}/entitiesFiltered", params={"filter": "queue"})
    assert response.status_code == 400
    assert response.json()["field"] == "filter"


def test_phones_of_a_company_are_full_objects(demo):
    company = companies(demo)[1]
    phones = demo.get(f"{company['self']}/phones").json()
    assert phones
    for phone in phones:
        assert set(phone) == PHONE_FIELDS
        assert phone["company"] == company["self"]
        assert len(phone["macAddress"]) == 12 and phone["macAddress"] == phone["macAddress"].lower()


def test_resources_filtered_lists_base_phone_information(demo):
    company = companies(demo)[1]
    base = demo.get(f"{company['self']}/resourcesFiltered", params={"filter": "phone"}).json()
    full = demo.get(f"{company['self']}/phones").json()
    assert [b["self"] for b in base] == [f["self"] for f in full]
    assert set(base[0]) == {"theType", "resourceId", "self", "name"}


def test_one_phone(demo):
    phone = all_phones(demo)[5]
    assert demo.get(phone["self"]).json() == phone


def test_live_status(demo):
    phone = find_phone(demo, provisioningByManufacturer="disabled", loggedInUser=None)
    status = demo.get(f"{phone['self']}/phoneStatus").json()
    assert set(status) >= STATUS_FIELDS
    online = [demo.get(f"{p['self']}/phoneStatus").json() for p in all_phones(demo)[:60]]
    up = [s for s in online if s["online"]]
    assert up and all(s["userAgent"] and s["privateIP"] and s["registeredAt"] for s in up)
    assert any(":" in s["publicIP"] for s in up)  # IPs may carry :port


def test_activate_provisioning(simulator, demo):
    phone = find_phone(demo, provisioningByManufacturer="disabled")
    response = demo.post(f"{phone['self']}/activateProvisioning")
    assert response.status_code == 200
    body = response.json()
    assert body["provisioningByManufacturer"] == "active"
    assert (
        abs((datetime.fromisoformat(body["provisioningActivatedAt"]) - simulator.now()).total_seconds()) < 5
    )


def test_provisioning_file(demo):
    snom = find_phone(demo, model="snom-d785")
    answer = demo.get(f"{snom['self']}/provisioning").json()
    assert answer["filename"] == f"{snom['macAddress']}.xml"
    assert answer["contentType"] == "application/xml"
    assert answer["content"].startswith('<?xml version="1.0" encoding="utf-8"?>')
    assert datetime.fromisoformat(answer["generatedAt"]).utcoffset() is not None
    yealink = find_phone(demo, model="yealink-t46u")
    answer = demo.get(f"{yealink['self']}/provisioning").json()
    assert answer["filename"] == f"{yealink['macAddress']}.cfg"
    assert answer["contentType"] == "text/plain"
    assert answer["content"].startswith("#!version:1.0.0.1\n")


def test_reboot(demo):
    phone = all_phones(demo)[0]
    response = demo.post(f"{phone['self']}/reboot")
    assert response.status_code == 204
    assert response.content == b""


def test_add_phone(simulator, demo):
    company = companies(demo)[2]
    response = demo.post(
        f"{company['self']}/phones", json=new_phone(vlanId=20, encryption="mandatory", expansionPads=1)
    )
    assert response.status_code == 201
    phone = response.json()
    assert response.headers["Location"] == phone["self"]
    assert phone["company"] == company["self"]
    assert phone["macAddress"] == "805ec0a1b2c3"
    assert (phone["vlanId"], phone["encryption"], phone["expansionPads"]) == (20, "mandatory", 1)
    assert phone["provisioningByManufacturer"] == "active"
    assert phone["provisioningActivatedAt"]
    assert phone["firmware"] is None
    assert phone["self"] in [p["self"] for p in demo.get(f"{company['self']}/phones").json()]
    status = demo.get(f"{phone['self']}/phoneStatus").json()
    assert status["online"] is False


def test_add_phone_accepts_upper_case_hex_and_stores_lower_case(demo):
    company = companies(demo)[2]
    phone = demo.post(f"{company['self']}/phones", json=new_phone(macAddress="805EC0A1B2C4")).json()
    assert phone["macAddress"] == "805ec0a1b2c4"


def test_add_phone_with_an_existing_mac_is_409(demo):
    existing = all_phones(demo)[3]
    company = companies(demo)[4]
    response = demo.post(f"{company['self']}/phones", json=new_phone(macAddress=existing["macAddress"]))
    assert response.status_code == 409
    assert "already exists" in response.json()["message"]


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"macAddress": "00:04:13:aa:bb:cc"}, "macAddress"),
        ({"macAddress": "000413aabbc"}, "macAddress"),
        ({"macAddress": "0104130a0b0c"}, "macAddress"),  # multicast
        ({"macAddress": None}, "macAddress"),
        ({"model": "snom-d999"}, "model"),
        ({"model": None}, "model"),
        ({"vlanId": 4095}, "vlanId"),
        ({"vlanId": -1}, "vlanId"),
        ({"vlanId": "20"}, "vlanId"),
        ({"name": ""}, "name"),
        ({"encryption": "sometimes"}, "encryption"),
        ({"expansionPads": 9}, "expansionPads"),
    ],
)
def test_add_phone_with_a_bad_field_is_400_naming_it(demo, overrides, field):
    company = companies(demo)[2]
    response = demo.post(f"{company['self']}/phones", json=new_phone(**overrides))
    assert response.status_code == 400
    assert response.json()["field"] == field
    assert response.json()["message"]


def test_add_phone_with_vlan_zero_means_no_vlan(demo):
    company = companies(demo)[2]
    assert demo.post(f"{company['self']}/phones", json=new_phone(vlanId=0)).json()["vlanId"] is None


def test_remove_phone(demo):
    phone = all_phones(demo)[7]
    response = demo.delete(phone["self"])
    assert response.status_code == 204
    assert demo.get(phone["self"]).status_code == 404
    # the MAC is free again in this environment
    company = companies(demo)[0]
    again = demo.post(
        f"{company['self']}/phones", json=new_phone(macAddress=phone["macAddress"], model=phone["model"])
    )
    assert again.status_code == 201


def test_edit_phone(demo):
    phone = find_phone(demo, model="yealink-t46u")
    response = demo.patch(
        phone["self"],
        json={"name": "Balie", "firmware": "108.86.188.11", "vlanId": 100, "codecProfile": "hd-voice"},
    )
    assert response.status_code == 200
    edited = response.json()
    assert (edited["name"], edited["firmware"], edited["vlanId"], edited["codecProfile"]) == (
        "Balie",
        "108.86.188.11",
        100,
        "hd-voice",
    )
    assert demo.get(phone["self"]).json() == edited
    assert demo.patch(phone["self"], json={"firmware": None}).json()["firmware"] is None


@pytest.mark.parametrize(
    "body, field",
    [
        ({"firmware": "1.2.3.4"}, "firmware"),
        ({"vlanId": 5000}, "vlanId"),
        ({"macAddress": "001565000001"}, "macAddress"),
        ({"colour": "red"}, "colour"),
        ({"name": None}, "name"),
    ],
)
def test_edit_phone_with_a_bad_field_is_400(demo, body, field):
    phone = find_phone(demo, model="yealink-t46u")
    response = demo.patch(phone["self"], json=body)
    assert response.status_code == 400
    assert response.json()["field"] == field


def test_edit_phone_accepts_unchanged_read_only_fields(demo):
    phone = all_phones(demo)[0]
    response = demo.patch(phone["self"], json={"macAddress": phone["macAddress"], "name": "Zelfde"})
    assert response.status_code == 200


def test_certified_models_come_from_the_catalog(demo):
    catalog = Catalog.from_toml(load_toml("models.toml"))
    models = demo.get(f"{companies(demo)[0]['self']}/phoneModels").json()
    assert {m["id"] for m in models} == {m.id for m in catalog.models()}
    for model in models:
        entry = catalog.get(model["id"])
        assert model["vendor"] in ("snom", "yealink")
        assert model["name"] == entry.model.name and model["certified"] is True
        assert model["firmwares"] == list(entry.demo_firmwares)


def test_custom_settings_read_and_replace(demo):
    phone = find_phone(demo, model="snom-d785")
    assert set(demo.get(f"{phone['self']}/customSettings").json()) == {"settings"}
    settings = [{"name": "display_idle_text&", "value": "Welkom"}, {"name": "dnd_mode!", "value": " "}]
    response = demo.patch(f"{phone['self']}/customSettings", json={"settings": settings})
    assert response.status_code == 200
    assert response.json() == {"settings": settings}
    assert demo.get(f"{phone['self']}/customSettings").json() == {"settings": settings}


@pytest.mark.parametrize(
    "settings, field",
    [
        ([{"name": "bad name", "value": "1"}], "settings[0].name"),
        ([{"name": "a", "value": "1"}, {"name": "a", "value": "2"}], "settings[1].name"),
        ([{"name": "a", "value": ""}], "settings[0].value"),
        ([{"name": "a"}], "settings[0]"),
        ("nope", "settings"),
    ],
)
def test_bad_custom_settings_are_400(demo, settings, field):
    phone = find_phone(demo, model="snom-d785")
    response = demo.patch(f"{phone['self']}/customSettings", json={"settings": settings})
    assert response.status_code == 400
    assert response.json()["field"] == field


def test_yealink_setting_names_may_contain_dots(demo):
    phone = find_phone(demo, model="yealink-t46u")
    settings = [{"name": "features.dnd.enable", "value": "%NULL%"}]
    assert demo.patch(f"{phone['self']}/customSettings", json={"settings": settings}).status_code == 200


def test_migrate_to_company_keeps_settings(demo):
    phone = find_phone(demo, model="snom-d785")
    demo.patch(f"{phone['self']}/customSettings", json={"settings": [{"name": "vlan_qos", "value": "5"}]})
    target = next(c for c in companies(demo) if c["self"] != phone["company"])
    response = demo.post(f"{phone['self']}/migrateToCompany", json={"newCompany": target["self"]})
    assert response.status_code == 200
    moved = response.json()
    assert moved["company"] == target["self"]
    assert (moved["macAddress"], moved["resourceId"], moved["firmware"], moved["vlanId"]) == (
        phone["macAddress"],
        phone["resourceId"],
        phone["firmware"],
        phone["vlanId"],
    )
    assert moved["provisioningByManufacturer"] == phone["provisioningByManufacturer"]
    assert demo.get(f"{phone['self']}/customSettings").json()["settings"] == [
        {"name": "vlan_qos", "value": "5"}
    ]
    assert moved["self"] in [p["self"] for p in demo.get(f"{target['self']}/phones").json()]
    content = demo.get(f"{phone['self']}/provisioning").json()["content"]
    assert target["name"].replace("&", "&amp;") in content


@pytest.mark.parametrize("target", ["", "http://elsewhere.example/company/abc", "/company/abc", None])
def test_migrate_to_a_bad_reference_is_400(demo, target):
    phone = all_phones(demo)[0]
    response = demo.post(f"{phone['self']}/migrateToCompany", json={"newCompany": target})
    assert response.status_code == 400
    assert response.json()["field"] == "newCompany"


def test_migrate_to_an_unknown_company_of_this_environment_is_400(simulator, demo):
    phone = all_phones(demo)[0]
    response = demo.post(
        f"{phone['self']}/migrateToCompany", json={"newCompany": f"{simulator.base_url}/company/ffffffff"}
    )
    assert response.status_code == 400
