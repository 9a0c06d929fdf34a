"""Every way a move by hand ends leaves an honest audit entry: ok only when read back in place."""

from __future__ import annotations

import dataclasses

import pytest

from compass_desk.api.errors import NetworkError
from compass_desk.domain.move_plan import MoveMethod
from compass_desk.services.moves import MoveError, MoveService

from .move_helpers import pick_phone


class Recorded:
    def __init__(self) -> None:
        self.entries: list[tuple[str, str, str]] = []

    def record(self, environment, user, action, target, outcome, detail=""):
        self.entries.append((action, outcome, detail))


def test_a_move_not_verified_by_the_read_back_is_audited_unknown(session, journal, monkeypatch):
    phone, _source, target = pick_phone(session)
    real = session.client.phone

    def read_back(url):  # the re-added phone reads back in another organisation
        found = real(url)
        return found if url == phone.url else dataclasses.replace(found, company_url=phone.company_url)

    monkeypatch.setattr(session.client, "phone", read_back)
    audit = Recorded()
    service = MoveService(session, journal, audit=audit)
    outcome = service.move_manual(service.plan(phone, target, MoveMethod.MANUAL))
    assert not outcome.verified and "check it in Compass" in outcome.message
    assert [(a, o) for a, o, _ in audit.entries] == [("manual-move", "unknown")]
    assert "not verified" in audit.entries[0][2]


def test_a_verified_move_is_audited_ok(session, journal):
    phone, _source, target = pick_phone(session)
    audit = Recorded()
    service = MoveService(session, journal, audit=audit)
    assert service.move_manual(service.plan(phone, target, MoveMethod.MANUAL)).verified
    assert [(a, o) for a, o, _ in audit.entries] == [("manual-move", "ok")]


def test_a_move_that_cannot_check_where_the_phone_is_leaves_an_audit_entry(session, journal, monkeypatch):
    phone, _source, target = pick_phone(session)
    audit = Recorded()
    service = MoveService(session, journal, audit=audit)
    real = service.locate
    calls = []

    def locate(record, *, everywhere=False):
        calls.append(everywhere)
        if len(calls) > 1:  # after the phone was removed, Compass cannot be reached any more
            raise NetworkError("Compass could not be reached.")
        return real(record, everywhere=everywhere)

    monkeypatch.setattr(service, "locate", locate)
    with pytest.raises(MoveError) as stopped:
        service.move_manual(service.plan(phone, target, MoveMethod.MANUAL))
    assert stopped.value.resumable
    assert [(a, o) for a, o, _ in audit.entries] == [("manual-move", "unknown")]
    assert "Could not check where" in audit.entries[0][2]
