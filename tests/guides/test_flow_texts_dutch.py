"""Every sentence the reset flow, the pre-check, the diagnosis and the fixes produce has written Dutch
(not empty, not the English, with the same placeholders and numbers), over every provisioning state,
live status and time that matters."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from compass_desk.domain.diagnosis import Verdict, diagnose
from compass_desk.domain.fixes import FIX_TEXT, Fix, duration_text, when_text
from compass_desk.domain.flow_texts import FAILURES, MILESTONE_LABELS, SUCCESS, WAIT_HINT, failure, restarted
from compass_desk.domain.guides import Power, Text
from compass_desk.domain.models import Phone, PhoneStatus, ProvisioningState
from compass_desk.domain.precheck import precheck
from compass_desk.domain.reset_flow import Milestone

NOW = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)  # a Monday: the Wednesday cutoff is two days away
PHONE = Phone("https://x/phone/1", "1", "Receptie", "000413aabbcc", "snom-d785", "https://x/company/1",
              ProvisioningState.DISABLED)
_FIELD = re.compile(r"\{[^{}]*\}")
_NUMBER = re.compile(r"\d+")
# Words of English sentences that Dutch never uses.
_ENGLISH = re.compile(r"\b(the|and|with|you|your|this|not|from|press|before|after|phone|could|is not)\b")


def _check(where: str, text: Text) -> None:
    assert isinstance(text, Text), where
    assert text.nl.strip(), f"{where}: no Dutch"
    assert text.nl != text.en, f"{where}: the Dutch is the English ({text.en!r})"
    assert sorted(_FIELD.findall(text.en)) == sorted(_FIELD.findall(text.nl)), where
    assert sorted(_NUMBER.findall(text.en)) == sorted(_NUMBER.findall(text.nl)), where
    assert not _ENGLISH.search(text.nl), f"{where}: English left in {text.nl!r}"


def test_the_flow_texts():
    for milestone in Milestone:
        _check(f"milestone {milestone}", milestone.label)
    assert set(MILESTONE_LABELS) == {m.value for m in Milestone}
    _check("wait hint", WAIT_HINT)
    for times in (1, 2, 5):
        _check(f"restarted {times}", restarted(times))
    _check("success title", SUCCESS.title)
    _check("success meaning", SUCCESS.meaning)
    for code, (headline, title, meaning) in FAILURES.items():
        _check(f"{code} headline", headline)
        _check(f"{code} title", title)
        _check(f"{code} meaning", meaning)
        filled = failure(code, (), state="provision")
        _check(f"{code} filled title", filled.title)
        _check(f"{code} filled meaning", filled.meaning)


def test_the_fixes_and_times():
    assert set(FIX_TEXT) == set(Fix)
    for fix in Fix:
        _check(f"fix {fix}", fix.text)
    for days in range(7):
        _check(f"when +{days}", when_text(NOW + timedelta(days=days)))
    spans = (timedelta(seconds=20), timedelta(minutes=1), timedelta(hours=1, minutes=5), timedelta(days=2))
    for span in spans:
        _check(f"duration {span}", duration_text(span))


def test_the_power_labels():
    for power in Power:
        assert power.label("nl") and power.label("nl") != power.label("en"), power


_STATUSES = {
    "unread": None,
    "offline": PhoneStatus(online=False),
    "online": PhoneStatus(online=True, registered_at=NOW - timedelta(days=3)),
    "fresh": PhoneStatus(online=True, registered_at=NOW, last_provisioned_at=NOW),
}
_ACTIVATED = {"unknown": None, "just now": NOW - timedelta(minutes=5), "lapsed": NOW - timedelta(days=9),
              "soon": NOW + timedelta(days=2) - timedelta(hours=12) - timedelta(days=7)}


@pytest.mark.parametrize("state", list(ProvisioningState))
def test_the_precheck_and_the_diagnosis_in_every_state(state):
    for activated_name, activated in _ACTIVATED.items():
        phone = replace(PHONE, provisioning=state, activated_at=activated)
        for can in (True, False):
            check = precheck(phone, NOW, can_activate=can)
            _check(f"precheck {state} {activated_name} {can}: message", check.message)
            if check.warning is not None:
                _check(f"precheck {state} {activated_name}: warning", check.warning)
        for status_name, status in _STATUSES.items():
            where = f"diagnosis {state} {activated_name} {status_name}"
            diagnosis = diagnose(phone, status, NOW)
            verdict = diagnosis.verdict_text("nl")
            assert verdict and verdict != diagnosis.verdict_text("en"), where
            assert not _ENGLISH.search(verdict), where
            for finding in diagnosis.findings:
                _check(f"{where} {finding.code}: title", finding.title)
                _check(f"{where} {finding.code}: meaning", finding.meaning)


def test_every_verdict_is_reached_and_worded():
    seen = set()
    for state in ProvisioningState:
        for activated in _ACTIVATED.values():
            for status in _STATUSES.values():
                phone = replace(PHONE, provisioning=state, activated_at=activated)
                seen.add(diagnose(phone, status, NOW).verdict)
    assert seen >= {Verdict.WORKING, Verdict.AWAITING_RESET, Verdict.LAPSED, Verdict.NOT_PROVISIONED}
