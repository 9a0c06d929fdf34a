"""JSON <-> domain mapping: unknown fields ignored, optional ones may be missing, IDs opaque."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from api_fakes import BASE, ok, phone_json

from compass_desk.api import errors, schema
from compass_desk.api.capabilities import Capabilities
from compass_desk.domain.models import Access, Encryption, ProvisioningState, Vendor


def test_phone_with_unknown_fields_and_all_values():
    data = phone_json(
        provisioningByManufacturer="ACTIVE",
        provisioningActivatedAt="2026-11-25T10:00:00+01:00",
        firmware="10.1.159.12",
        vlanId=20,
        encryption="mandatory",
        expansionPads=2,
        futureField={"nested": [1, 2]},
        loggedInUser=f"{BASE}/people/u-1",
    )
    phone = schema.parse_phone(data)
    assert phone.provisioning is ProvisioningState.ACTIVE
    assert phone.activated_at == datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    assert phone.activated_at.utcoffset() == timedelta(hours=1)
    assert (phone.firmware, phone.vlan_id, phone.encryption, phone.expansion_pads) == (
        "10.1.159.12",
        20,
        Encryption.MANDATORY,
        2,
    )
    assert phone.logged_in_user == f"{BASE}/people/u-1"


def test_phone_with_only_the_required_fields():
    phone = schema.parse_phone({"self": f"{BASE}/x/1", "provisioningByManufacturer": "disabled"})
    assert phone.url == f"{BASE}/x/1"
    assert (phone.name, phone.mac, phone.resource_id, phone.firmware, phone.vlan_id) == (
        "",
        "",
        "",
        None,
        None,
    )
    assert phone.encryption is Encryption.OPTIONAL


@pytest.mark.parametrize(
    "data",
    [
        {"provisioningByManufacturer": "disabled"},
        {"self": f"{BASE}/x/1"},
        {"self": f"{BASE}/x/1", "provisioningByManufacturer": "exploded"},
        ["not", "an", "object"],
        None,
    ],
)
def test_phone_missing_required_fields(data):
    with pytest.raises(errors.UnexpectedResponseError):
        schema.parse_phone(data)


def test_ids_are_opaque_strings():
    phone = schema.parse_phone(phone_json(resourceId=12345))
    assert phone.resource_id == "12345"
    company = schema.parse_company({"self": f"{BASE}/o/1", "entityId": "c/9?x", "name": "Acme"})
    assert company.entity_id == "c/9?x"


def test_status_ips_times_and_missing_values():
    status = schema.parse_status(
        {
            "online": True,
            "privateIP": "10.0.0.5:5060",
            "publicIP": None,
            "userAgent": "snomD785/10.1.159.12",
            "registeredAt": "2026-11-25T10:00:00Z",
            "lastProvisionedAt": "not a time",
            "extra": 1,
        }
    )
    assert status.online and status.private_ip == "10.0.0.5:5060" and status.public_ip is None
    assert status.registered_at == datetime(2026, 11, 25, 10, tzinfo=UTC)
    assert status.last_provisioned_at is None
    assert schema.parse_status({}).online is False


def test_rights_unknown_kinds_are_skipped():
    rights = schema.parse_rights(
        [
            {"theType": "right", "access": "write", "target": f"{BASE}/r/1"},
            {"theType": "right", "access": "admin", "target": f"{BASE}/r/2"},
            {"theType": "right", "access": "read"},
        ]
    )
    assert [(r.target, r.access) for r in rights] == [(f"{BASE}/r/1", Access.WRITE)]


def test_models_files_and_settings():
    models = schema.parse_phone_models(
        [
            {
                "id": "yealink-t54w",
                "vendor": "yealink",
                "name": "T54W",
                "certified": True,
                "firmwares": ["96.86.0.70"],
            },
            {"id": "odd", "vendor": "acme"},
        ]
    )
    assert models[0].vendor is Vendor.YEALINK and models[0].firmwares == ("96.86.0.70",)
    assert models[1].vendor is Vendor.UNKNOWN and models[1].name == "odd"
    file = schema.parse_provisioning_file(
        {
            "filename": "000413aabbcc.xml",
            "contentType": "application/xml",
            "content": "<settings/>",
            "generatedAt": "2026-11-25T10:00:00+01:00",
        }
    )
    assert file.content == "<settings/>" and file.generated_at is not None
    with pytest.raises(errors.UnexpectedResponseError):
        schema.parse_provisioning_file({"filename": "x"})
    settings = schema.parse_custom_settings({"settings": [{"name": "a&", "value": 1}, {"value": "x"}]})
    assert [(s.name, s.value) for s in settings] == [("a&", "1")]


def test_served_version():
    assert schema.served_version("application/vnd.iperity.compass.v3+json; charset=utf-8") == 3
    assert schema.served_version("application/vnd.iperity.compass.v2+json") == 2
    assert schema.served_version("application/json") is None


def test_capabilities_from_openapi():
    document = {
        "paths": {
            "/phone/{phoneId}": {"get": {}, "patch": {}, "delete": {}},
            "/phone/{id}/activateProvisioning": {"post": {}},
            "/phone/{id}/phoneStatus/": {"get": {}},
            "/company/{companyId}/phones": {"get": {}},  # listing only: no POST, so "add" is missing
        }
    }
    caps = Capabilities.from_openapi(document)
    assert caps.known
    assert caps.supports("activate") and caps.supports("update") and caps.supports("remove")
    assert caps.supports("phoneStatus")
    assert not caps.supports("add") and not caps.supports("reboot") and not caps.supports("migrate")
    with pytest.raises(ValueError):
        caps.supports("fly")
    assert Capabilities.from_openapi({"openapi": "3.0.0"}).known is False
    based = Capabilities.from_openapi(
        {"servers": [{"url": "https://x/api"}], "paths": {"/phone/{i}/reboot": {"post": {}}}}
    )
    assert based.supports("reboot")


def test_client_capabilities_and_unsupported_operations(fake, client):
    fake.on("GET", f"{BASE}/schema/schemas/v3.json", ok({"paths": {"/phone/{id}": {"get": {}}}}))
    assert not client.capabilities().supports("reboot")
    phone = schema.parse_phone(phone_json())
    with pytest.raises(errors.UnsupportedOperationError, match="does not support"):
        client.reboot(phone)
    assert fake.count("POST", phone.url + "/reboot") == 0
    assert fake.count("GET", f"{BASE}/schema/schemas/v3.json") == 1  # cached


def test_no_schema_served_means_everything_is_assumed(fake, client):
    assert client.capabilities().known is False
    assert client.capabilities().supports("migrate")


def test_companies_follow_self_urls_and_merge_rights(fake, client):
    user = {"theType": "user", "self": f"{BASE}/people/u-9", "username": "jan"}
    reseller = {"theType": "reseller", "self": f"{BASE}/resellers/r-1", "entityId": "r-1", "name": "Lydis"}
    acme = {
        "theType": "company",
        "self": f"{BASE}/orgs/c-1",
        "entityId": "c-1",
        "name": "Acme",
        "shortname": "acme",
    }
    beta = {"theType": "company", "self": f"{BASE}/orgs/c-2", "entityId": "c-2", "name": "beta"}
    fake.on("GET", f"{BASE}/user", ok(user))
    fake.on(
        "GET",
        f"{BASE}/people/u-9/rights",
        ok(
            [
                {"theType": "right", "access": "read", "target": reseller["self"]},
                {"theType": "right", "access": "write", "target": acme["self"]},
                {"theType": "right", "access": "read", "target": f"{BASE}/queues/q-1"},
            ]
        ),
    )
    fake.on("GET", reseller["self"], ok(reseller))
    fake.on("GET", f"{BASE}/resellers/r-1/entitiesFiltered?filter=company", ok([acme, beta]))
    fake.on("GET", acme["self"], ok(acme))
    fake.on("GET", f"{BASE}/queues/q-1", ok({"theType": "queue", "self": f"{BASE}/queues/q-1"}))
    companies = client.companies()
    assert [(c.name, c.access) for c in companies] == [("Acme", Access.WRITE), ("beta", Access.READ)]
    assert companies[0].shortname == "acme"
