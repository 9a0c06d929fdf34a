"""Writes are never resent blindly: an unknown outcome is read back and reported truthfully."""

from __future__ import annotations

import httpx
import pytest
from api_fakes import BASE, ok, phone_json

from compass_desk.api import errors
from compass_desk.api.schema import parse_phone
from compass_desk.domain.models import Company, ProvisioningState

PHONE_URL = f"{BASE}/things/p-1"
ACTIVATE = PHONE_URL + "/activateProvisioning"
ACME = Company(f"{BASE}/orgs/c-1", "c-1", "Acme")
OTHER = Company(f"{BASE}/orgs/c-2", "c-2", "Other")
ACTIVE = phone_json(provisioningByManufacturer="active", provisioningActivatedAt="2026-11-25T10:00:00+01:00")


def phone():
    return parse_phone(phone_json())


def test_activate_returns_the_new_phone(fake, client):
    fake.on("POST", ACTIVATE, ok(ACTIVE))
    result = client.activate(phone())
    assert result.provisioning is ProvisioningState.ACTIVE
    assert fake.count("POST", ACTIVATE) == 1


def test_post_is_not_retried_on_503(fake, client):
    fake.on("POST", ACTIVATE, ok({"message": "busy"}, 503))
    with pytest.raises(errors.ServerError, match="busy"):
        client.activate(phone())
    assert fake.count("POST", ACTIVATE) == 1
    assert fake.count("GET", PHONE_URL) == 0


def test_post_that_never_left_is_sent_again(fake, client):
    fake.on("POST", ACTIVATE, httpx.ConnectError("refused"), ok(ACTIVE))
    assert client.activate(phone()).provisioning is ProvisioningState.ACTIVE
    assert fake.count("POST", ACTIVATE) == 2


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ReadTimeout("slow"),
        httpx.RemoteProtocolError("reset"),
        ok(None, 504),
        httpx.Response(200, text="{trunc"),
    ],
)
def test_ambiguous_activate_read_back_shows_it_happened(fake, client, failure):
    fake.on("POST", ACTIVATE, failure)
    fake.on("GET", PHONE_URL, ok(ACTIVE))
    result = client.activate(phone())
    assert result.provisioning is ProvisioningState.ACTIVE
    assert fake.count("POST", ACTIVATE) == 1


def test_ambiguous_activate_read_back_shows_nothing_changed(fake, client):
    fake.on("POST", ACTIVATE, httpx.ReadTimeout("slow"))
    fake.on("GET", PHONE_URL, ok(phone_json()))
    with pytest.raises(errors.ChangeNotAppliedError, match="safe to try again"):
        client.activate(phone())
    assert fake.count("POST", ACTIVATE) == 1


STAMP = "2026-11-25T10:00:00+01:00"


def test_ambiguous_activate_with_the_same_stamp_as_before_is_unknown(fake, client):
    # Stamps have one-second resolution: a second Activate in the same second leaves the same stamp.
    fake.on("POST", ACTIVATE, httpx.ReadError("reset"))
    fake.on("GET", PHONE_URL, ok(ACTIVE))
    with pytest.raises(errors.OutcomeUnknownError, match="check in Compass before trying again"):
        client.activate(parse_phone(ACTIVE))
    assert fake.count("POST", ACTIVATE) == 1


@pytest.mark.parametrize("state", ["disabled", "deprovision"])
def test_ambiguous_activate_same_stamp_but_not_active_was_not_applied(fake, client, state):
    fake.on("POST", ACTIVATE, httpx.ReadError("reset"))
    fake.on("GET", PHONE_URL, ok(phone_json(provisioningByManufacturer=state, provisioningActivatedAt=STAMP)))
    before = parse_phone(phone_json(provisioningByManufacturer=state, provisioningActivatedAt=STAMP))
    with pytest.raises(errors.ChangeNotAppliedError, match="safe to try again"):
        client.activate(before)


@pytest.mark.parametrize(
    "after",
    [
        phone_json(provisioningByManufacturer="active", provisioningActivatedAt="2026-11-25T09:59:59+01:00"),
        phone_json(provisioningByManufacturer="disabled", provisioningActivatedAt=None),
    ],
    ids=["older stamp", "stamp gone"],
)
def test_ambiguous_activate_with_a_stamp_that_went_back_is_unknown(fake, client, after):
    fake.on("POST", ACTIVATE, httpx.ReadError("reset"))
    fake.on("GET", PHONE_URL, ok(after))
    with pytest.raises(errors.OutcomeUnknownError):
        client.activate(parse_phone(ACTIVE))


def test_ambiguous_activate_newer_stamp_is_applied_even_if_the_phone_already_used_it(fake, client):
    # The phone may fetch its settings (state back to disabled) before the read-back arrives.
    fake.on("POST", ACTIVATE, httpx.ReadError("reset"))
    fake.on("GET", PHONE_URL, ok(phone_json(provisioningActivatedAt="2026-11-25T10:00:01+01:00")))
    result = client.activate(parse_phone(ACTIVE))
    assert result.activated_at is not None and result.activated_at > parse_phone(ACTIVE).activated_at


def test_ambiguous_activate_and_read_back_fails_is_unknown(fake, client):
    fake.on("POST", ACTIVATE, httpx.ReadError("reset"))
    fake.on("GET", PHONE_URL, httpx.ConnectError("down"))
    with pytest.raises(errors.OutcomeUnknownError, match="check in Compass"):
        client.activate(phone())
    assert fake.count("POST", ACTIVATE) == 1


def test_ambiguous_reboot_cannot_be_read_back(fake, client):
    fake.on("POST", PHONE_URL + "/reboot", httpx.ReadTimeout("slow"))
    with pytest.raises(errors.OutcomeUnknownError):
        client.reboot(phone())
    assert fake.count("POST", PHONE_URL + "/reboot") == 1


def test_ambiguous_add_finds_the_phone_by_mac(fake, client):
    fake.on("POST", ACME.url + "/phones", httpx.ReadTimeout("slow"))
    fake.on("GET", ACME.url + "/phones", ok([phone_json()]))
    added = client.add_phone(ACME, name="Reception", model="snom-d785", mac="0004.13AA.BBCC")
    assert added.mac == "000413aabbcc"
    assert fake.count("POST", ACME.url + "/phones") == 1
    assert (
        fake.first("POST").read()
        == b'{"name": "Reception", "model": "snom-d785", "macAddress": "000413aabbcc"}'
    )


def test_ambiguous_remove_read_back_404_means_done(fake, client):
    fake.on("DELETE", PHONE_URL, httpx.RemoteProtocolError("reset"))
    fake.on("GET", PHONE_URL, ok({"message": "gone"}, 404))
    client.remove_phone(phone())
    fake.routes[("GET", PHONE_URL)] = [ok(phone_json())]
    with pytest.raises(errors.ChangeNotAppliedError):
        client.remove_phone(phone())


def test_ambiguous_migrate(fake, client):
    url = PHONE_URL + "/migrateToCompany"
    fake.on("POST", url, httpx.ReadTimeout("slow"))
    fake.on("GET", PHONE_URL, ok(phone_json(company=OTHER.url)))
    moved = client.migrate(phone(), OTHER)
    assert moved.company_url == OTHER.url
    assert fake.first("POST").read() == b'{"newCompany": "https://rest.compass.test/orgs/c-2"}'


def test_migrate_with_an_empty_200(fake, client):
    fake.on("POST", PHONE_URL + "/migrateToCompany", ok(None))
    fake.on("GET", PHONE_URL, ok(phone_json(company=OTHER.url)))
    assert client.migrate(phone(), OTHER).company_url == OTHER.url


def test_ambiguous_patch_partly_changed_is_unknown(fake, client):
    fake.on("PATCH", PHONE_URL, httpx.ReadTimeout("slow"))
    fake.on("GET", PHONE_URL, ok(phone_json(name="Someone else", firmware=None)))
    with pytest.raises(errors.OutcomeUnknownError, match="someone else may be editing"):
        client.update_phone(phone(), name="Hall", firmware="10.1.159.12")


def test_ambiguous_patch_read_back(fake, client):
    fake.on("PATCH", PHONE_URL, httpx.ReadTimeout("slow"))
    fake.on("GET", PHONE_URL, ok(phone_json(firmware="10.1.159.12")), ok(phone_json()))
    assert client.set_firmware(phone(), "10.1.159.12").firmware == "10.1.159.12"
    with pytest.raises(errors.ChangeNotAppliedError):
        client.set_firmware(phone(), "10.1.159.12")


def test_patch_sends_only_changed_fields_and_null_unsets(fake, client):
    fake.on("PATCH", PHONE_URL, ok(phone_json(firmware=None, vlanId=None)))
    client.update_phone(phone(), firmware=None, vlan_id=None)
    assert fake.first("PATCH").read() == b'{"firmware": null, "vlanId": null}'
    with pytest.raises(ValueError, match="cannot be empty"):
        client.update_phone(phone(), name="")
    with pytest.raises(ValueError, match="not a phone field"):
        client.update_phone(phone(), mac="x")


def test_method_override_for_patch(fake):
    fake.on("POST", PHONE_URL, ok(phone_json(firmware="10.1.159.12")))
    with fake.client(method_override=True) as client:
        assert client.set_firmware(phone(), "10.1.159.12").firmware == "10.1.159.12"
        client._http.close()
    assert fake.first("POST").headers["X-HTTP-Method-Override"] == "PATCH"


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, errors.InvalidRequestError),
        (403, errors.PermissionDeniedError),
        (404, errors.NotFoundError),
        (409, errors.ConflictError),
        (405, errors.UnsupportedOperationError),
        (500, errors.ServerError),
    ],
)
def test_write_errors_are_typed_and_carry_the_reason(fake, client, status, kind):
    fake.on("POST", ACME.url + "/phones", ok({"message": "MAC address already exists"}, status))
    with pytest.raises(kind) as caught:
        client.add_phone(ACME, name="R", model="snom-d785", mac="000413aabbcc")
    if status != 405:
        assert "MAC address already exists" in caught.value.message
    assert caught.value.message.endswith(".")
    assert fake.count("POST", ACME.url + "/phones") == 1


def test_a_server_reason_never_leaks_a_password(fake, client):
    fake.on("POST", ACTIVATE, ok({"error": "bad request password=hunter2 for jan"}, 400))
    with pytest.raises(errors.InvalidRequestError) as caught:
        client.activate(phone())
    assert "hunter2" not in caught.value.message
