"""The documented Compass conventions (compass-api.md, "Documented"), over real HTTP."""

from __future__ import annotations

import re
from datetime import datetime

import httpx
import pytest

from compass_desk.sim import DEMO_PASSWORD, DEMO_USERS

from .helpers import V2, V3, all_phones, companies, make_client, me


def test_no_credentials_is_401_with_a_challenge(simulator):
    response = httpx.get(f"{simulator.base_url}/user", headers={"Accept": V3})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Basic")


@pytest.mark.parametrize("user, password", [("demo", "wrong"), ("nobody", DEMO_PASSWORD), ("", "")])
def test_wrong_credentials_are_401(simulator, user, password):
    response = httpx.get(f"{simulator.base_url}/company", auth=(user, password), headers={"Accept": V3})
    assert response.status_code == 401
    assert "WWW-Authenticate" in response.headers
    assert response.json()["message"]


def test_garbage_authorization_header_is_401(simulator):
    response = httpx.get(f"{simulator.base_url}/user", headers={"Accept": V3, "Authorization": "Basic !!!"})
    assert response.status_code == 401


@pytest.mark.parametrize("user", DEMO_USERS)
def test_every_demo_user_logs_in_with_the_shared_password(simulator, user):
    with make_client(simulator, user) as client:
        assert me(client)["username"] == user


@pytest.mark.parametrize(
    "accept, served",
    [
        (V3, V3),
        (V2, V2),
        (f"{V3}; q=1.0, {V2}; q=0.9", V3),
        (f"{V3}; q=0.5, {V2}; q=0.9", V2),
        (f"{V2}, {V3}", V3),  # equal q: the newest version
        (f"{V3};q=0, {V2}", V2),  # q=0 means "not acceptable"
        ("application/vnd.iperity.compass.v1+json, */*;q=0.1", V3),
        ("*/*", V3),
    ],
)
def test_accept_negotiation_names_the_served_version(simulator, accept, served):
    with make_client(simulator, accept=accept) as client:
        response = client.get("/user", headers={"X-No-Redirect": "true"})
    assert response.status_code == 200
    assert response.headers["Content-Type"] == served


@pytest.mark.parametrize(
    "accept",
    ["application/vnd.iperity.compass.v1+json", "text/html", "application/json", f"{V3};q=0, {V2};q=0"],
)
def test_no_acceptable_version_is_406(simulator, accept):
    with make_client(simulator, accept=accept) as client:
        response = client.get("/user")
    assert response.status_code == 406
    assert V3 in response.json()["message"]


def test_bootstrap_redirects_with_303_and_location(simulator, demo):
    user = demo.get("/user")
    assert user.status_code == 303
    assert user.headers["Location"].startswith(simulator.base_url + "/user/")
    assert demo.get(user.headers["Location"]).json()["username"] == "demo"
    company = demo.get("/company")
    assert company.status_code == 303
    assert demo.get(company.headers["Location"]).json()["theType"] == "company"


def test_no_redirect_header_answers_the_object_itself(demo):
    user = demo.get("/user", headers={"X-No-Redirect": "true"})
    assert user.status_code == 200
    assert user.json()["theType"] == "user"
    assert user.json()["self"] == demo.get("/user").headers["Location"]
    company = demo.get("/company", headers={"X-No-Redirect": "true"})
    assert company.status_code == 200
    assert company.json()["self"] == demo.get("/company").headers["Location"]
    assert company.json()["name"] and company.json()["shortname"]


def test_following_redirects_reaches_the_user(simulator):
    with make_client(simulator, follow_redirects=True) as client:
        assert client.get("/user").json()["username"] == "demo"


def test_objects_have_absolute_self_type_and_opaque_ids(simulator, demo):
    user = me(demo)
    company = companies(demo)[0]
    phone = all_phones(demo)[0]
    reseller = demo.get(demo.get(f"/user/{user['entityId']}/rights").json()[0]["target"]).json()
    for obj, kind, id_field in [
        (user, "user", "entityId"),
        (company, "company", "entityId"),
        (phone, "phone", "resourceId"),
        (reseller, "reseller", "entityId"),
    ]:
        assert obj["theType"] == kind
        assert obj["self"] == f"{simulator.base_url}/{kind}/{obj[id_field]}"
        assert not obj[id_field].isdigit()  # opaque: clients must not treat them as numbers
        assert demo.get(obj["self"]).json()["self"] == obj["self"]


def test_ids_are_not_small_sequential_integers(demo):
    ids = [p["resourceId"] for p in all_phones(demo)]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[0-9a-f]{8}", i) for i in ids)


def test_lists_are_plain_json_arrays_and_times_carry_an_offset(demo):
    phones = all_phones(demo)
    assert isinstance(phones, list)
    stamped = [p for p in phones if p["provisioningActivatedAt"]]
    assert stamped
    for phone in stamped[:20]:
        assert datetime.fromisoformat(phone["provisioningActivatedAt"]).utcoffset() is not None
    status = demo.get(f"{stamped[0]['self']}/phoneStatus").json()
    for key in ("registeredAt", "lastProvisionedAt"):
        if status[key]:
            assert datetime.fromisoformat(status[key]).utcoffset() is not None


def test_unknown_resource_is_404_with_a_message(demo):
    for path in ("/phone/doesnotexist", "/company/nope/phones", "/no/such/path", "/user/zzzz"):
        response = demo.get(path)
        assert response.status_code == 404, path
        assert response.json()["message"]
        assert response.headers["Content-Type"] == V3


def test_wrong_method_is_405_with_allow(demo):
    phone = all_phones(demo)[0]
    response = demo.put(phone["self"], json={"name": "x"})
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == {"DELETE", "GET", "PATCH"}
    assert demo.get(f"{phone['self']}/reboot").status_code == 405
    assert demo.delete(companies(demo)[0]["self"]).status_code == 405


def test_method_override_turns_a_post_into_a_patch(demo):
    phone = all_phones(demo)[0]
    response = demo.post(
        phone["self"], json={"name": "Overridden"}, headers={"X-HTTP-Method-Override": "PATCH"}
    )
    assert response.status_code == 200
    assert demo.get(phone["self"]).json()["name"] == "Overridden"


def test_method_override_to_delete(demo):
    phone = all_phones(demo)[0]
    assert demo.post(phone["self"], headers={"X-HTTP-Method-Override": "DELETE"}).status_code == 204
    assert demo.get(phone["self"]).status_code == 404


def test_method_override_with_an_unknown_method_is_400(demo):
    phone = all_phones(demo)[0]
    response = demo.post(phone["self"], headers={"X-HTTP-Method-Override": "BREW"})
    assert response.status_code == 400


def test_patch_with_an_empty_string_is_400_and_null_unsets(demo):
    phone = next(p for p in all_phones(demo) if p["vlanId"])
    response = demo.patch(phone["self"], json={"vlanId": ""})
    assert response.status_code == 400
    assert response.json()["field"] == "vlanId"
    assert demo.patch(phone["self"], json={"vlanId": None}).json()["vlanId"] is None


def test_request_body_that_is_not_json_is_400(demo):
    phone = all_phones(demo)[0]
    response = demo.patch(phone["self"], content=b"{not json", headers={"Content-Type": V3})
    assert response.status_code == 400


def test_user_status_v2_names_the_phone_and_v3_does_not(simulator, demo):
    phone = next(p for p in all_phones(demo) if p["loggedInUser"])
    with make_client(simulator, accept=V2) as v2:
        status = v2.get(f"{phone['loggedInUser']}/status").json()
    assert status["phone"] == phone["self"]
    v3 = demo.get(f"{phone['loggedInUser']}/status").json()
    assert "phone" not in v3


def test_schema_lists_the_supported_operations(simulator, demo):
    response = demo.get("/schema/schemas/v3.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert document["servers"][0]["url"] == simulator.base_url
    paths = document["paths"]
    assert "post" in paths["/phone/{id}/migrateToCompany"]
    assert "patch" in paths["/phone/{id}/customSettings"]
    assert {"get", "patch", "delete"} <= set(paths["/phone/{id}"])
    assert not any(path.startswith("/_sim") for path in paths)
    assert demo.get("/schema").json()["schemas"] == [f"{simulator.base_url}/schema/schemas/v3.json"]


def test_disabled_operation_is_403_and_missing_from_the_schema(make_sim):
    sim = make_sim(disabled_operations=frozenset({"migrate"}))
    with make_client(sim) as client:
        phone = all_phones(client)[0]
        target = companies(client)[1]["self"]
        response = client.post(f"{phone['self']}/migrateToCompany", json={"newCompany": target})
        assert response.status_code == 403
        assert "not enabled" in response.json()["message"]
        assert "/phone/{id}/migrateToCompany" not in client.get("/schema/schemas/v3.json").json()["paths"]


def _outward_address():
    import socket

    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # no packet is sent; this only picks the outgoing interface
        return probe.getsockname()[0]
    except OSError:
        return None
    finally:
        probe.close()


def test_controls_answer_on_loopback_only(make_sim):
    address = _outward_address()
    if address is None or address.startswith("127."):
        pytest.skip("this machine has no non-loopback IPv4 address")
    sim = make_sim(host="0.0.0.0")
    port = sim.base_url.rsplit(":", 1)[1]
    response = httpx.get(f"http://{address}:{port}/_sim/clock")
    assert response.status_code == 403
    assert httpx.get(f"http://127.0.0.1:{port}/_sim/clock").status_code == 200
