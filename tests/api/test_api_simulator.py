"""The client against the simulator over real HTTP on loopback: every contract row and rights."""

from __future__ import annotations

import pytest
from sim_connect import sim_client

from compass_desk.api import errors
from compass_desk.domain.models import Access, ProvisioningState


@pytest.fixture
def demo(simulator):
    with sim_client(simulator) as client:
        yield client


@pytest.mark.parametrize("no_redirect", [True, False])
def test_bootstrap_with_and_without_redirect(simulator, no_redirect):
    with sim_client(simulator, bootstrap_no_redirect=no_redirect) as client:
        user = client.whoami()
        assert user.username == "demo" and user.name
        assert user.url.startswith(simulator.base_url + "/")
        assert client.own_company().name
        assert client.api_version == 3


def test_wrong_password(simulator):
    with (
        sim_client(simulator, password="wrong") as client,
        pytest.raises(errors.AuthenticationError) as caught,
    ):
        client.whoami()
    assert "wrong" not in caught.value.message


def test_companies_and_rights_of_the_three_users(simulator):
    with (
        sim_client(simulator, "demo") as demo,
        sim_client(simulator, "helpdesk") as helpdesk,
        sim_client(simulator, "installer") as installer,
    ):
        everything = demo.companies()
        assert len(everything) == 12
        assert {c.access for c in everything} == {Access.WRITE}
        read_only = helpdesk.companies()
        assert [c.url for c in read_only] == [c.url for c in everything]
        assert {c.access for c in read_only} == {Access.READ}
        own = installer.companies()
        assert len(own) == 1 and own[0].access is Access.WRITE


def test_phones_status_file_models_and_settings(demo):
    companies = demo.companies()
    phones = [p for c in companies for p in demo.phones(c)]
    assert len(phones) == 250
    assert {p.provisioning for p in phones} == set(ProvisioningState)
    assert all(len(p.mac) == 12 for p in phones)
    phone = phones[0]
    assert demo.phone(phone.url) == phone
    status = demo.phone_status(phone)
    assert isinstance(status.online, bool)
    file = demo.provisioning_file(phone)
    assert file.content and file.content_type in ("application/xml", "text/plain")
    models = demo.phone_models(companies[0])
    assert any(m.id == phone.model for m in models)
    assert isinstance(demo.custom_settings(phone), list)
    caps = demo.capabilities()
    assert caps.known and not caps.missing


def test_activate_reboot_firmware_and_reset_flow(simulator, demo):
    company = demo.companies()[0]
    phone = next(p for p in demo.phones(company) if p.provisioning is ProvisioningState.DISABLED)
    active = demo.activate(phone)
    assert active.provisioning is ProvisioningState.ACTIVE and active.activated_at is not None
    demo.reboot(active)
    simulator.reset_phone(phone.mac)
    simulator.advance_clock(60)
    assert demo.phone(phone.url).provisioning is ProvisioningState.DISABLED
    model = next(m for m in demo.phone_models(company) if m.id == phone.model)
    if model.firmwares:
        assert demo.set_firmware(phone, model.firmwares[0]).firmware == model.firmwares[0]
    assert demo.set_firmware(phone, None).firmware is None


def test_add_conflict_bad_input_and_remove(demo):
    company = demo.companies()[0]
    existing = demo.phones(company)[0]
    with pytest.raises(errors.ConflictError) as conflict:
        demo.add_phone(company, name="Twin", model=existing.model, mac=existing.mac)
    assert conflict.value.reason
    with pytest.raises(errors.InvalidRequestError) as bad:
        demo.add_phone(company, name="Odd", model="no-such-model", mac="00:04:13:12:34:56")
    assert bad.value.reason
    added = demo.add_phone(
        company, name="New desk", model=existing.model, mac="00:04:13:12:34:56", vlan_id=20
    )
    assert added.mac == "000413123456" and added.vlan_id == 20 and added.company_url == company.url
    demo.remove_phone(added)
    with pytest.raises(errors.NotFoundError):
        demo.phone(added.url)


def test_migrate_between_organisations(demo):
    source, target = demo.companies()[:2]
    phone = demo.phones(source)[0]
    moved = demo.migrate(phone, target)
    assert moved.company_url == target.url and moved.mac == phone.mac
    assert phone.url in {p.url for p in demo.phones(target)} or moved.url in {
        p.url for p in demo.phones(target)
    }


def test_read_only_user_cannot_write_and_nothing_changes(simulator, demo):
    with sim_client(simulator, "helpdesk") as helpdesk:
        company = helpdesk.companies()[0]
        phone = next(p for p in helpdesk.phones(company) if p.provisioning is ProvisioningState.DISABLED)
        with pytest.raises(errors.PermissionDeniedError) as caught:
            helpdesk.activate(phone)
        assert caught.value.message.startswith("You are not allowed to activate")
        with pytest.raises(errors.PermissionDeniedError):
            helpdesk.reboot(phone)
        with pytest.raises(errors.PermissionDeniedError):
            helpdesk.migrate(phone, helpdesk.companies()[1])
    assert demo.phone(phone.url) == phone


def test_installer_cannot_see_other_organisations(simulator, demo):
    other = demo.companies()
    with sim_client(simulator, "installer") as installer:
        own = installer.companies()[0]
        foreign = next(c for c in other if c.url != own.url)
        with pytest.raises((errors.PermissionDeniedError, errors.NotFoundError)):
            installer.phones(foreign)


def test_disabled_operation_is_reported_as_unsupported():
    from compass_desk.sim import SimConfig, Simulator

    with Simulator(SimConfig(disabled_operations=frozenset({"reboot"}))) as sim, sim_client(sim) as client:
        assert not client.capabilities().supports("reboot")
        phone = client.phones(client.companies()[0])[0]
        with pytest.raises(errors.UnsupportedOperationError, match="does not support"):
            client.reboot(phone)
