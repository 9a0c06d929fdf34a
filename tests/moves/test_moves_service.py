"""API move and move by hand against the simulator: verified, journalled, never losing the phone."""

from __future__ import annotations

import json

import httpx
import pytest

from compass_desk.domain.move_plan import MoveMethod, MoveRefused
from compass_desk.services.moves import KIND, MoveError, MoveService, Where

from .move_helpers import SECRET, HookTransport, count_everywhere, macs_in, make_session, pick_phone


def test_api_move_sends_the_absolute_self_url_and_reads_back(simulator, journal):
    transport = HookTransport()
    session = make_session(simulator, transport=transport)
    try:
        phone, _source, target = pick_phone(session)
        service = MoveService(session, journal)
        outcome = service.move_api(service.plan(phone, target, MoveMethod.API))
    finally:
        session.close()
    migrate = [(m, u) for m, u in transport.sent if u.endswith("/migrateToCompany")]
    assert migrate == [("POST", phone.url + "/migrateToCompany")]
    assert outcome.verified and outcome.phone.company_url == target.url
    assert outcome.phone.url == phone.url  # same phone, settings kept
    assert "display almost at once" in outcome.message
    # read back after the move: a GET of the phone's own URL follows the POST
    index = transport.sent.index(("POST", phone.url + "/migrateToCompany"))
    assert ("GET", phone.url) in transport.sent[index + 1:]
    assert count_everywhere(simulator, phone.mac) == 1
    assert journal.unfinished() == []  # an API move is one step: nothing left open


def test_api_move_body_is_the_target_self_url(simulator, journal):
    bodies = []
    transport = HookTransport()
    transport.before[("POST", "/migrateToCompany")] = lambda r: bodies.append(json.loads(r.content))
    session = make_session(simulator, transport=transport)
    try:
        phone, _source, target = pick_phone(session)
        service = MoveService(session, journal)
        service.move_api(service.plan(phone, target, MoveMethod.API))
    finally:
        session.close()
    assert bodies == [{"newCompany": target.url}]
    assert target.url.startswith(simulator.base_url + "/company/")


def test_manual_move_journals_an_encrypted_snapshot_and_lands_in_the_target(session, journal, journal_path):
    phone, source, target = pick_phone(session)
    service = MoveService(session, journal)
    outcome = service.move_manual(service.plan(phone, target, MoveMethod.MANUAL))
    assert outcome.verified and outcome.needs_reset
    assert outcome.phone.company_url == target.url and outcome.phone.url != phone.url
    assert phone.mac in macs_in(session, target) and phone.mac not in macs_in(session, source)
    assert count_everywhere(session_sim(session), phone.mac) == 1
    op = journal.get(outcome.operation_id)
    assert op.finished and op.outcome == "done"
    names = [(s.name, s.state) for s in op.steps]
    assert names[:4] == [("remove", "started"), ("remove", "done"), ("add", "started"), ("add", "done")]
    assert op.payload["custom_settings"] == {}  # kept (encrypted) only while the move was open
    assert SECRET not in journal_path.read_bytes().decode("latin-1")
    assert op.payload["snapshot"]["phone"]["firmware"] == phone.firmware


def session_sim(session):
    return _SIMS[session.client.base_url]


_SIMS: dict[str, object] = {}


@pytest.fixture(autouse=True)
def _register(simulator):
    _SIMS[simulator.base_url] = simulator
    yield
    _SIMS.pop(simulator.base_url, None)


def test_readd_failing_with_a_server_fault_then_put_back_with_settings(simulator, journal):
    transport = HookTransport()
    transport.after[("DELETE", "")] = lambda r: simulator.set_faults(fault_rate=1.0)
    session = make_session(simulator, transport=transport)
    try:
        phone, source, target = pick_phone(session)
        settings_before = session.client.custom_settings(phone)
        service = MoveService(session, journal)
        with pytest.raises(MoveError) as caught:
            service.move_manual(service.plan(phone, target, MoveMethod.MANUAL))
        error = caught.value
        # Every request fails now, so where the phone is cannot be read: it stops, changing nothing more.
        assert error.resumable and "nothing more was changed" in error.message
        assert count_everywhere(simulator, phone.mac) == 0  # removed; its snapshot is in the journal
        assert [op.id for op in service.unfinished()] == [error.operation_id]
        simulator.set_faults(fault_rate=0.0)
        outcome = service.undo(error.operation_id)
        assert outcome.phone.company_url == source.url
        assert session.client.custom_settings(outcome.phone) == settings_before
        assert any(s.value == SECRET for s in settings_before)
        assert outcome.phone.firmware == phone.firmware
        assert count_everywhere(simulator, phone.mac) == 1
        assert journal.get(error.operation_id).outcome == "undone"
    finally:
        simulator.set_faults(fault_rate=0.0)
        session.close()


def test_readd_refused_with_409_then_retry_finishes_the_move(simulator, journal):
    transport = HookTransport()
    refusals = []

    def conflict_once(request):
        if not refusals:
            refusals.append(request.url)
            return httpx.Response(409, json={"message": "MAC address already exists"})
        return None

    session = make_session(simulator, transport=transport)
    try:
        phone, _source, target = pick_phone(session)
        transport.before[("POST", target.url.removeprefix(simulator.base_url) + "/phones")] = conflict_once
        service = MoveService(session, journal)
        with pytest.raises(MoveError) as caught:
            service.move_manual(service.plan(phone, target, MoveMethod.MANUAL))
        assert caught.value.resumable and "conflicts" in caught.value.message
        assert caught.value.where is Where.NOWHERE and "put it back" in caught.value.message
        assert count_everywhere(simulator, phone.mac) == 0  # removed, snapshot in the journal
        outcome = service.resume(caught.value.operation_id)
        assert outcome.phone.company_url == target.url
        assert count_everywhere(simulator, phone.mac) == 1
    finally:
        session.close()


def test_ambiguous_readd_is_read_back_not_repeated(simulator, journal):
    transport = HookTransport()
    session = make_session(simulator, transport=transport)
    try:
        phone, _source, target = pick_phone(session)
        # The add is handled, then its connection (and every read-back after it) is reset.
        transport.before[("POST", target.url.removeprefix(simulator.base_url) + "/phones")] = \
            lambda r: simulator.set_faults(reset_rate=1.0)
        service = MoveService(session, journal)
        with pytest.raises(MoveError) as caught:
            service.move_manual(service.plan(phone, target, MoveMethod.MANUAL))
        assert caught.value.resumable
        simulator.set_faults(reset_rate=0.0)
        assert count_everywhere(simulator, phone.mac) == 1  # the add happened, its answer was lost
        outcome = service.resume(caught.value.operation_id)
        assert outcome.phone.company_url == target.url
        adds = [u for m, u in transport.sent if m == "POST" and u == target.url + "/phones"]
        assert len(adds) == 1  # read back instead of sending the add again
        assert count_everywhere(simulator, phone.mac) == 1
    finally:
        simulator.set_faults(reset_rate=0.0)
        session.close()


def test_remove_refused_changes_nothing_and_closes_the_operation(simulator, journal):
    transport = HookTransport()
    transport.before[("DELETE", "")] = lambda r: httpx.Response(500, json={"message": "boom"})
    session = make_session(simulator, transport=transport)
    try:
        phone, source, target = pick_phone(session)
        service = MoveService(session, journal)
        with pytest.raises(MoveError) as caught:
            service.move_manual(service.plan(phone, target, MoveMethod.MANUAL))
        assert not caught.value.resumable and "nothing was changed" in caught.value.message
        assert phone.mac in macs_in(session, source)
        assert journal.get(caught.value.operation_id).outcome == "failed"
    finally:
        session.close()


def test_read_only_user_is_refused_before_anything_changes(simulator, journal):
    transport = HookTransport()
    admin = make_session(simulator)
    try:
        phone, _source, target = pick_phone(admin)
    finally:
        admin.close()
    session = make_session(simulator, user="helpdesk", transport=transport)
    try:
        service = MoveService(session, journal)
        for method in MoveMethod:
            with pytest.raises(MoveRefused) as caught:
                service.plan(phone, target, method)
            assert caught.value.read_only and "read-only" in caught.value.reason
    finally:
        session.close()
    assert [m for m, _u in transport.sent if m != "GET"] == []
    assert journal.operations() == []


def test_without_a_secure_keyring_the_snapshot_is_plain_only_while_the_move_is_open(
    simulator, journal, journal_path, monkeypatch
):
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    while_open = []
    transport = HookTransport()
    transport.after[("DELETE", "")] = lambda request: while_open.extend(journal.unfinished())
    session = make_session(simulator, transport=transport)
    try:
        phone, _source, target = pick_phone(session)
        service = MoveService(session, journal)
        outcome = service.move_manual(service.plan(phone, target, MoveMethod.MANUAL))
    finally:
        session.close()
    assert any(s["value"] == SECRET for s in while_open[0].payload["custom_settings"]["plain"])
    op = journal.get(outcome.operation_id)
    assert op.finished and not op.payload["custom_settings"] and SECRET not in json.dumps(op.payload)
    on_disk = b"".join(p.read_bytes() for p in journal_path.parent.glob(journal_path.name + "*"))
    assert SECRET.encode() not in on_disk
    assert any("unencrypted" in note and "removed" in note for note in outcome.notes)
    assert outcome.phone.company_url == target.url


def test_a_failed_move_drops_its_plain_custom_settings_too(session, journal):
    service = MoveService(session, journal)
    op_id = journal.begin(KIND, {"environment": "x", "custom_settings": {"plain": [{"value": SECRET}]}})
    service._finish(op_id, "failed")
    assert SECRET not in json.dumps(journal.get(op_id).payload)
    assert journal.get(op_id).outcome == "failed"


def test_same_organisation_is_refused(session, journal):
    phone, source, _target = pick_phone(session)
    with pytest.raises(MoveRefused, match="already in"):
        MoveService(session, journal).plan(phone, source, MoveMethod.API)


def test_journal_kind_is_manual_move(session, journal):
    phone, _source, target = pick_phone(session)
    service = MoveService(session, journal)
    outcome = service.move_manual(service.plan(phone, target, MoveMethod.MANUAL))
    assert journal.get(outcome.operation_id).kind == KIND


def test_someone_else_takes_the_mac_meanwhile_the_move_stops_and_says_where(simulator, journal):
    transport = HookTransport()
    session = make_session(simulator, transport=transport)
    try:
        phone, _source, target = pick_phone(session)
        third = session.companies[6]

        def grab(request):
            # Another admin adds the freed MAC to a third organisation between our remove and re-add.
            other = make_session(simulator)
            try:
                other.client.add_phone(third, name="Taken", model=phone.model, mac=phone.mac)
            finally:
                other.close()

        transport.after[("DELETE", "")] = grab
        service = MoveService(session, journal)
        with pytest.raises(MoveError) as caught:
            service.move_manual(service.plan(phone, target, MoveMethod.MANUAL))
        assert caught.value.where is Where.ELSEWHERE and third.name in caught.value.message
        assert not caught.value.resumable and journal.get(caught.value.operation_id).outcome == "elsewhere"
        assert count_everywhere(simulator, phone.mac) == 1  # not lost: it is in the third organisation
    finally:
        session.close()
