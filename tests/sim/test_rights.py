"""The three demo users: demo (write on the reseller), helpdesk (read on it), installer (one company)."""

from __future__ import annotations

import pytest

from .helpers import all_phones, companies, me

NEW = {"name": "Nieuw", "model": "snom-d385", "macAddress": "000413930001"}


def rights(client):
    return client.get(f"/user/{me(client)['entityId']}/rights").json()


def installer_company(clients):
    return clients["installer"].get("/company", headers={"X-No-Redirect": "true"}).json()


def test_rights_per_user(simulator, clients):
    assert [r["access"] for r in rights(clients["demo"])] == ["write"]
    assert [r["access"] for r in rights(clients["helpdesk"])] == ["read"]
    assert "/reseller/" in rights(clients["helpdesk"])[0]["target"]
    installer = rights(clients["installer"])
    assert installer == [
        {"theType": "right", "access": "write", "target": installer_company(clients)["self"]}
    ]


def test_demo_writes_everywhere(clients):
    demo = clients["demo"]
    for n, company in enumerate(companies(demo)[:3]):
        body = {**NEW, "macAddress": f"0004139300a{n}"}
        assert demo.post(f"{company['self']}/phones", json=body).status_code == 201
    phone = all_phones(demo)[-1]
    assert demo.post(f"{phone['self']}/activateProvisioning").status_code == 200


def test_helpdesk_reads_everything_and_writes_nothing(clients):
    helpdesk, demo = clients["helpdesk"], clients["demo"]
    phones = all_phones(demo)
    assert [p["self"] for p in all_phones(helpdesk)] == [p["self"] for p in phones]
    phone = phones[0]
    assert helpdesk.get(f"{phone['self']}/phoneStatus").status_code == 200
    assert helpdesk.get(f"{phone['self']}/provisioning").status_code == 200
    assert helpdesk.get(f"{phone['self']}/customSettings").status_code == 200
    target = companies(demo)[2]["self"]
    writes = [
        helpdesk.post(f"{phone['self']}/activateProvisioning"),
        helpdesk.post(f"{phone['self']}/reboot"),
        helpdesk.patch(phone["self"], json={"name": "x"}),
        helpdesk.delete(phone["self"]),
        helpdesk.patch(f"{phone['self']}/customSettings", json={"settings": []}),
        helpdesk.post(f"{phone['self']}/migrateToCompany", json={"newCompany": target}),
        helpdesk.post(f"{phone['company']}/phones", json=NEW),
    ]
    for response in writes:
        assert response.status_code == 403, response.request.url
        assert "read-only" in response.json()["message"]
    assert demo.get(phone["self"]).json() == phone


def test_installer_sees_and_changes_only_its_own_company(clients):
    installer, demo = clients["installer"], clients["demo"]
    own = installer_company(clients)
    reseller = rights(demo)[0]["target"]
    assert installer.get(reseller).status_code == 403
    assert installer.get(f"{reseller}/entitiesFiltered", params={"filter": "company"}).status_code == 403
    own_phones = installer.get(f"{own['self']}/phones").json()
    assert own_phones
    assert installer.patch(own_phones[0]["self"], json={"name": "Door installateur"}).status_code == 200
    assert installer.post(f"{own['self']}/phones", json=NEW).status_code == 201
    other = next(c for c in companies(demo) if c["self"] != own["self"])
    other_phone = demo.get(f"{other['self']}/phones").json()[0]
    for response in (
        installer.get(other["self"]),
        installer.get(f"{other['self']}/phones"),
        installer.get(other_phone["self"]),
        installer.get(f"{other_phone['self']}/phoneStatus"),
        installer.post(f"{other_phone['self']}/activateProvisioning"),
        installer.post(f"{other['self']}/phones", json={**NEW, "macAddress": "000413930002"}),
    ):
        assert response.status_code == 403, response.request.url
        assert "no access" in response.json()["message"]


def test_installer_cannot_move_a_phone_out_to_a_company_it_cannot_write(clients):
    installer = clients["installer"]
    own = installer_company(clients)
    phone = installer.get(f"{own['self']}/phones").json()[0]
    other = next(c for c in companies(clients["demo"]) if c["self"] != own["self"])
    response = installer.post(f"{phone['self']}/migrateToCompany", json={"newCompany": other["self"]})
    assert response.status_code == 403
    assert "target" in response.json()["message"]
    assert installer.get(phone["self"]).json()["company"] == own["self"]


@pytest.mark.parametrize("user", ["helpdesk", "installer"])
def test_another_users_object_needs_a_right_on_their_company(clients, user):
    demo_user = me(clients["demo"])
    response = clients[user].get(demo_user["self"])
    expected = 200 if user == "helpdesk" else 403  # the demo user belongs to the reseller's own company
    assert response.status_code == expected
