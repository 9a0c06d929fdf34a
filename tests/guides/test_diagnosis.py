"""The troubleshooter's verdict for every state x online x ever-provisioned x deadline-lapsed."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest

from compass_desk.domain.diagnosis import Verdict, diagnose
from compass_desk.domain.fixes import Fix, Severity, duration_text, when_text
from compass_desk.domain.models import ProvisioningState as S
from compass_desk.domain.states import Action

from .helpers import at, make_phone, make_status

NOW = at("2026-11-23 10:00")  # a Monday
LAPSED_ACTIVATION = at("2026-11-16 10:00")  # deadline Wed 18 Nov 00:00, passed
OPEN_ACTIVATION = at("2026-11-22 10:00")  # deadline Wed 25 Nov 00:00, 1 day 14 hours left
EARLIER = at("2026-10-01 09:00")


JUST_NOW = at("2026-11-23 09:59")  # activated a minute ago, deadline Wed 25 Nov 00:00
# (activation, now) for each (lapsed, just activated)
MOMENTS = {
    (True, False): (LAPSED_ACTIVATION, NOW),
    (True, True): (at("2026-11-24 23:50"), at("2026-11-25 00:10")),
    (False, False): (OPEN_ACTIVATION, NOW),
    (False, True): (JUST_NOW, NOW),
}


def expected(state, online, ever, lapsed, just=False):
    """(verdict, first finding, first fix) as the Compass provisioning page describes it."""
    if state is S.ACTIVE:
        if lapsed:
            return Verdict.LAPSED, "activation-lapsed", Fix.ACTIVATE
        if ever and online and not just:  # in use, activated a while ago and not reset
            return Verdict.SUBOPTIMAL, "active-on-phone-in-use", Fix.FACTORY_RESET
        return Verdict.AWAITING_RESET, "awaiting-reset", Fix.FACTORY_RESET
    if state is S.DISABLED:
        if not ever:
            return Verdict.NOT_PROVISIONED, "disabled-never-provisioned", Fix.REMOVE_AND_READD
        if online:
            return Verdict.WORKING, "working", None
        return Verdict.OFFLINE, "offline", Fix.CHECK_POWER_AND_NETWORK
    first = "registration-failed" if state is S.PROVISION else "deregistration-failed"
    return Verdict.SUBOPTIMAL, first, Fix.REMOVE_AND_READD


COMBOS = list(itertools.product(list(S), [True, False], [True, False], [True, False], [True, False]))


@pytest.mark.parametrize(("state", "online", "ever", "lapsed", "just"), COMBOS)
def test_verdict_for_each_combination(state, online, ever, lapsed, just):
    activation, now = MOMENTS[(lapsed, just)]
    phone = make_phone(state, activation)
    status = make_status(online, EARLIER if ever else None, EARLIER if ever else None)
    result = diagnose(phone, status, now)
    verdict, first, fix = expected(state, online, ever, lapsed, just)
    assert result.verdict is verdict
    assert result.findings[0].code == first
    assert result.next_fix is fix
    # a phone in use that is online keeps working on its earlier settings: say so, and whether to fix it
    if state is not S.DISABLED and ever:
        waiting = result.verdict is Verdict.AWAITING_RESET
        assert ("online-with-earlier-settings" in result.codes()) is (online and not waiting)
        assert ("online-until-reset" in result.codes()) is (online and waiting)
        assert ("offline" in result.codes()) is not online
    assert result.headline.en and result.headline.nl
    for finding in result.findings:
        assert finding.title.en and finding.title.nl and finding.meaning.nl != finding.meaning.en


def test_fix_sequence_follows_the_compass_page():
    phone = make_phone(S.PROVISION, OPEN_ACTIVATION)
    result = diagnose(phone, make_status(False, EARLIER, EARLIER), NOW)
    assert result.fix == (Fix.REMOVE_AND_READD, Fix.FACTORY_RESET, Fix.WAIT_UNTIL_IDLE, Fix.CONFIRM_DISABLED)
    assert result.offer_activate
    assert "another account" in result.findings[0].meaning.en


def test_working_phone_needs_nothing():
    result = diagnose(make_phone(S.DISABLED, LAPSED_ACTIVATION), make_status(True, EARLIER, EARLIER), NOW)
    assert result.fix == () and not result.offer_activate and result.deadline is None
    assert [f.severity for f in result.findings] == [Severity.OK]


def test_awaiting_reset_shows_the_deadline_and_warns_when_less_than_a_day_is_left():
    relaxed = diagnose(make_phone(S.ACTIVE, OPEN_ACTIVATION), make_status(), NOW)
    assert relaxed.deadline == at("2026-11-25 00:00")
    assert relaxed.codes() == ["awaiting-reset", "deadline"]
    assert "Wednesday 25 November 00:00" in relaxed.findings[1].title.en
    assert "woensdag 25 november 00:00" in relaxed.findings[1].title.nl
    assert "1 day 14 hours" in relaxed.findings[1].title.en

    tense = diagnose(make_phone(S.ACTIVE, OPEN_ACTIVATION), make_status(), at("2026-11-24 20:30"))
    assert tense.codes() == ["awaiting-reset", "deadline-soon"]
    assert tense.findings[1].severity is Severity.WARNING
    assert "nog 3 uur 30 minuten" in tense.findings[1].title.nl


def test_unknown_activation_time_asks_for_a_fresh_activate():
    result = diagnose(make_phone(S.ACTIVE, None), make_status(), NOW)
    assert result.codes() == ["awaiting-reset", "deadline-unknown"]
    assert result.findings[1].fix == (Fix.ACTIVATE,)


def test_without_a_live_status_the_advice_says_what_it_rests_on():
    assert diagnose(make_phone(S.DISABLED), None, NOW).verdict is Verdict.UNKNOWN
    active = diagnose(make_phone(S.ACTIVE, OPEN_ACTIVATION), None, NOW)
    assert active.verdict is Verdict.AWAITING_RESET and "status-unknown" in active.codes()


def test_cutoff_preference_moves_the_deadline():
    late = at("2026-11-25 01:00")  # after the 00:00 cutoff, before 03:00
    phone = make_phone(S.ACTIVE, OPEN_ACTIVATION)
    assert diagnose(phone, make_status(), late).verdict is Verdict.LAPSED
    from datetime import time

    assert diagnose(phone, make_status(), late, time(3, 0)).verdict is Verdict.AWAITING_RESET


def test_fix_codes_share_values_with_the_state_advice():
    for action in Action:
        assert Fix(action.value).text.en
    for fix in Fix:
        assert fix.text.en and fix.text.nl and fix.text.en != fix.text.nl


@pytest.mark.parametrize(
    ("span", "en", "nl"),
    [
        (timedelta(days=2, hours=4, minutes=5), "2 days 4 hours", "2 dagen 4 uur"),
        (timedelta(days=1, minutes=5), "1 day", "1 dag"),
        (timedelta(hours=1, minutes=1), "1 hour 1 minute", "1 uur 1 minuut"),
        (timedelta(minutes=45), "45 minutes", "45 minuten"),
        (timedelta(seconds=20), "less than a minute", "minder dan een minuut"),
        (timedelta(seconds=-5), "less than a minute", "minder dan een minuut"),
    ],
)
def test_durations_in_both_languages(span, en, nl):
    assert (duration_text(span).en, duration_text(span).nl) == (en, nl)


def test_moments_in_amsterdam_time():
    from datetime import UTC, datetime

    text = when_text(datetime(2026, 7, 7, 22, 0, tzinfo=UTC))  # summer time: 00:00 on Wednesday 8 July
    assert (text.en, text.nl) == ("Wednesday 8 July 00:00 (the night from Tuesday to Wednesday)",
                                  "woensdag 8 juli 00:00 (de nacht van dinsdag op woensdag)")
    # The admin manual's cutoff (a preference) is named as it is, in the same night.
    late = when_text(datetime(2026, 12, 2, 2, 0, tzinfo=UTC))
    assert late.en == "Wednesday 2 December 03:00 (the night from Tuesday to Wednesday)"
    assert late.nl == "woensdag 2 december 03:00 (de nacht van dinsdag op woensdag)"
    monday = when_text(datetime(2026, 11, 30, 0, 30, tzinfo=UTC))  # 01:30 on a Monday: Sunday's night
    assert monday.en.endswith("(the night from Sunday to Monday)")
    assert when_text(datetime(2026, 12, 2, 14, 0, tzinfo=UTC)).en == "Wednesday 2 December 15:00"
