"""One verdict everywhere: details panel, `phones show`, `phones diagnose`, the troubleshooter and the
"Suboptimal" filter agree for every state x online x ever provisioned x lapsed x just activated."""

from __future__ import annotations

import itertools
from datetime import datetime
from types import SimpleNamespace

import pytest

import compass_desk.services.lookup as lookup
from compass_desk.api.errors import ServerError
from compass_desk.cli.diagnose import diagnosis_report
from compass_desk.cli.phones import phone_details
from compass_desk.domain.deadline import AMSTERDAM, DEFAULT_CUTOFF
from compass_desk.domain.diagnosis import Verdict, diagnose
from compass_desk.domain.models import Company, Phone, PhoneStatus
from compass_desk.domain.models import ProvisioningState as S
from compass_desk.gui.details_panel import DetailsPanel
from compass_desk.gui.phone_filter import StateFilter, matches_state
from compass_desk.gui.phone_model import PhoneRow
from compass_desk.gui.troubleshooter import TroubleshooterDialog


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=AMSTERDAM)


NOW = at("2026-11-23 10:00")  # a Monday
EARLIER = at("2026-10-01 09:00")
MOMENTS = {  # (lapsed, just activated) -> (activated at, now)
    (True, False): (at("2026-11-16 10:00"), NOW),
    (True, True): (at("2026-11-24 23:50"), at("2026-11-25 00:10")),
    (False, False): (at("2026-11-22 10:00"), NOW),
    (False, True): (at("2026-11-23 09:59"), NOW),
}
COMBOS = list(itertools.product(list(S), [True, False], [True, False], [True, False], [True, False]))
COMPANY = Company("https://rest.example/company/1", "1", "Bakkerij Jansen", "bakkerij", None)


def build(state, online, ever, lapsed, just):
    activated, now = MOMENTS[(lapsed, just)]
    phone = Phone(url="https://rest.example/phone/1", resource_id="1", name="Reception", mac="000413aabbcc",
                  model="snom-d785", company_url=COMPANY.url, provisioning=state, activated_at=activated)
    status = PhoneStatus(online=online, registered_at=EARLIER if ever else None,
                         last_provisioned_at=EARLIER if ever else None)
    return phone, status, now


def expected_attention(state, online, ever, lapsed, just):
    """The rule from the tester's report, written out independently of domain.diagnosis."""
    if state in (S.PROVISION, S.DEPROVISION):
        return True
    if state is S.ACTIVE:
        return lapsed or (online and ever and not just)
    return not (online and ever)  # disabled: never provisioned, or offline


class FakeSession:
    def __init__(self, status):
        self._status = status
        self.client = SimpleNamespace(company=lambda url: COMPANY)

    def company(self, url):
        return COMPANY

    def status(self, phone):
        if self._status is None:
            raise ServerError("status not read")
        return self._status


@pytest.fixture
def panel(qtbot):
    widget = DetailsPanel()
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize(("state", "online", "ever", "lapsed", "just"), COMBOS)
def test_every_view_gives_the_same_verdict(qtbot, panel, monkeypatch, state, online, ever, lapsed, just):
    phone, status, now = build(state, online, ever, lapsed, just)
    monkeypatch.setattr(lookup, "find_phone", lambda session, text: phone)
    truth = diagnose(phone, status, now, DEFAULT_CUTOFF)
    attention = expected_attention(state, online, ever, lapsed, just)
    assert truth.needs_attention is attention
    if state is S.ACTIVE and not lapsed and not attention:
        assert truth.verdict is Verdict.AWAITING_RESET
        assert truth.verdict_text().startswith("Ready for the factory reset, before ")

    # "Suboptimal" table filter
    row = PhoneRow(phone, COMPANY.name, status)
    assert matches_state(row, StateFilter.SUBOPTIMAL, now, DEFAULT_CUTOFF) is attention

    # details panel
    panel.show_row(row, now)
    assert truth.verdict_text() in panel.state_explained.text()
    step = truth.next_step()
    assert (step in panel.next_step.text()) if step else panel.next_step.text() == ""
    assert ("Suboptimal" in panel.state_explained.text()) is False  # the old per-state judgement is gone

    # `phones show` and `phones diagnose`
    details = phone_details(FakeSession(status), phone.mac, DEFAULT_CUTOFF, now)
    report = diagnosis_report(FakeSession(status), phone.mac, "en", DEFAULT_CUTOFF, now)
    assert details["state"]["suboptimal"] is attention and report["suboptimal"] is attention
    assert details["state"]["verdict"] == report["verdict"] == truth.verdict.value
    assert details["state"]["advice"] == report["headline"] == truth.verdict_text()
    assert details["state"]["next"] == step

    # the troubleshooter
    dialog = TroubleshooterDialog(phone, status=status, clock=lambda: now)
    qtbot.addWidget(dialog)
    dialog.show_diagnosis()
    assert dialog.diagnosis is not None and dialog.diagnosis.verdict is truth.verdict
    assert truth.verdict_text() in dialog.headline.text()


def test_dutch_texts_follow_the_same_verdict(qtbot, panel, monkeypatch):
    phone, status, now = build(S.ACTIVE, True, True, False, True)
    monkeypatch.setattr("compass_desk.gui.details_panel.current_language", lambda: "nl")
    panel.show_row(PhoneRow(phone, COMPANY.name, status), now)
    text = panel.state_explained.text()
    assert "Geregistreerd bij de provisioningdienst" in text and "Klaar voor de fabrieksreset, vóór" in text
    assert "fabrieksinstellingen" in panel.next_step.text()
