""""Why is this phone not working?": the verdict for every state combination, fresh reads, the wizard link."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from compass_desk.domain.diagnosis import HEADLINES, Verdict, diagnose
from compass_desk.domain.fixes import FIX_TEXT
from compass_desk.domain.models import Phone, PhoneStatus, ProvisioningState
from compass_desk.gui.troubleshooter import TroubleshooterDialog

from .wizard_helpers import phones_where, shot, working_phone

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday


def _phone(state, activated_at):
    return Phone("https://rest.example/phone/1", "1", "Reception", "000413aabbcc", "snom-d785",
                 "https://rest.example/company/1", state, activated_at=activated_at)


def _status(online, ever):
    moment = NOW - timedelta(days=3) if ever else None
    return PhoneStatus(online=online, registered_at=moment if online else None, last_provisioned_at=moment)


def _open(qtbot, phone, status, **kw):
    dialog = TroubleshooterDialog(phone, status=status, clock=lambda: NOW, **kw)
    qtbot.addWidget(dialog)
    return dialog


BOTH = (True, False)


@pytest.mark.parametrize(("state", "online", "ever", "lapsed"),
                         list(itertools.product(ProvisioningState, BOTH, BOTH, BOTH)))
def test_verdict_for_each_state_combination(qtbot, state, online, ever, lapsed):
    activated = NOW - timedelta(days=8) if lapsed else NOW - timedelta(hours=20)
    phone, status = _phone(state, activated), _status(online, ever)
    dialog = _open(qtbot, phone, status, company_name="Acme")
    expected = diagnose(phone, status, NOW)
    assert dialog.diagnosis == expected
    assert expected.verdict_text("en") in dialog.headline.text()
    assert dialog.findings.codes_in_order() == expected.codes()
    fix_text = dialog.findings.fix_list.text()
    positions = [fix_text.index(FIX_TEXT[step].en) for step in expected.fix]
    assert positions == sorted(positions)  # the fix sequence, in order
    assert dialog.findings.fix_list.isVisibleTo(dialog) is bool(expected.fix)
    assert dialog.provision_button.isVisibleTo(dialog) is ("factory_reset" in {f.value for f in expected.fix})
    assert not dialog.reread_button.isVisibleTo(dialog)  # no session: what the table knew


def test_status_unknown_without_a_session(qtbot):
    dialog = _open(qtbot, _phone(ProvisioningState.DISABLED, None), None, lang="nl")
    assert dialog.diagnosis.verdict is Verdict.UNKNOWN
    assert HEADLINES[Verdict.UNKNOWN].nl in dialog.headline.text()
    assert dialog.windowTitle() == "Waarom werkt deze telefoon niet?"


def test_suboptimal_phone_read_fresh_from_the_simulator(qtbot, session):
    phone = phones_where(session, ProvisioningState.PROVISION)[0]
    stale = PhoneStatus(online=True)  # what the table showed; the dialog reads again
    dialog = TroubleshooterDialog(phone, status=stale, session=session, company_name="x")
    qtbot.addWidget(dialog, before_close_func=lambda d: d.reject())
    dialog.show()
    qtbot.waitUntil(lambda: dialog.read_at is not None, timeout=10_000)
    fresh = session.client.phone_status(phone)
    assert dialog.status == fresh
    expected = diagnose(phone, fresh, datetime.now(UTC))
    assert dialog.diagnosis.verdict is Verdict.SUBOPTIMAL is expected.verdict
    assert dialog.findings.codes_in_order()[0] == "registration-failed"
    assert "suboptimal state" in dialog.headline.text()
    shot(dialog, "troubleshooter-suboptimal")
    with qtbot.waitSignal(dialog.provision_requested) as asked:
        dialog.provision_button.click()
    assert asked.args == [phone]
    dialog.reject()


def test_working_phone(qtbot, session):
    phone = working_phone(session)
    dialog = TroubleshooterDialog(phone, session=session)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.reject())
    qtbot.waitUntil(lambda: dialog.read_at is not None, timeout=10_000)
    assert dialog.diagnosis.verdict is Verdict.WORKING
    assert "working normally" in dialog.headline.text()
    assert not dialog.provision_button.isVisibleTo(dialog)
    assert not dialog.findings.fix_list.isVisibleTo(dialog)
    dialog.reject()
