"""A phone in a provisioning state this version does not know is left out, named; its neighbours stay."""

from __future__ import annotations

import pytest
from api_fakes import BASE, phone_json

from compass_desk.api import errors, schema
from compass_desk.domain.models import Company, Environment
from compass_desk.services.session import Session

ANSWER = [
    phone_json(f"{BASE}/things/p-1", name="Reception"),
    phone_json(f"{BASE}/things/p-2", name="Hall", provisioningByManufacturer="quarantined"),
    phone_json(f"{BASE}/things/p-3", name="Office", provisioningByManufacturer="ACTIVE"),
]


def _answer():
    return schema.parse_phones(ANSWER)


def test_one_unknown_state_does_not_fail_the_list(caplog):
    phones = _answer()
    assert [p.name for p in phones] == ["Reception", "Office"]
    assert len(phones.skipped) == 1 and "Hall" in phones.skipped[0] and "quarantined" in phones.skipped[0]
    assert "Hall" in caplog.text


def test_a_single_phone_in_an_unknown_state_is_still_refused():
    with pytest.raises(errors.UnexpectedResponseError, match="does not know"):
        schema.parse_phone(ANSWER[1])


class _Client:
    def __init__(self) -> None:
        self.company = Company(f"{BASE}/orgs/c-1", "c-1", "Bakery")

    def companies(self):
        return [self.company]

    def phones(self, company):
        return _answer()


def test_refresh_keeps_the_others_and_carries_the_warning():
    session = Session(_Client(), Environment("x", BASE, "demo"))
    result = session.refresh(concurrency=1)
    assert [p.name for p in result.phones] == ["Reception", "Office"] and result.failures == []
    assert len(result.warnings) == 1 and "Hall" in result.warnings[0]
