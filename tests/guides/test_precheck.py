"""Pre-check before a reset: active required, Activate offered, deadline shown, warning under a day."""

from __future__ import annotations

import pytest

from compass_desk.domain.models import ProvisioningState as S
from compass_desk.domain.precheck import precheck

from .helpers import at, make_phone

ACTIVATED = at("2026-11-22 10:00")  # Sunday; deadline Wednesday 25 November 00:00


def test_active_with_time_left_is_ready_without_warning():
    check = precheck(make_phone(S.ACTIVE, ACTIVATED), at("2026-11-23 10:00"))
    assert check.ready and not check.offer_activate and not check.deadline_soon and check.warning is None
    assert check.deadline == at("2026-11-25 00:00")
    assert "1 day 14 hours left" in check.message.en and "nog 1 dag 14 uur" in check.message.nl


def test_less_than_a_day_left_warns_but_allows_the_reset():
    check = precheck(make_phone(S.ACTIVE, ACTIVATED), at("2026-11-24 08:00"))
    assert check.ready and check.deadline_soon
    assert check.offer_activate  # the warning says to press Activate again when short of time
    no_rights = precheck(make_phone(S.ACTIVE, ACTIVATED), at("2026-11-24 08:00"), can_activate=False)
    assert not no_rights.offer_activate
    assert "Less than a day left" in check.warning.en and "Minder dan een dag" in check.warning.nl


def test_lapsed_activation_blocks_and_offers_activate():
    check = precheck(make_phone(S.ACTIVE, ACTIVATED), at("2026-11-25 00:00"))
    assert not check.ready and check.lapsed and check.offer_activate
    assert "lapsed" in check.message.en


@pytest.mark.parametrize("state", [S.DISABLED, S.PROVISION, S.DEPROVISION])
def test_not_active_blocks_and_explains(state):
    check = precheck(make_phone(state, ACTIVATED), at("2026-11-23 10:00"))
    assert not check.ready and check.offer_activate and check.state is state
    assert "Activate" in check.message.en and "Activeren" in check.message.nl


def test_without_write_access_activate_is_not_offered_and_the_message_says_why():
    check = precheck(make_phone(S.DISABLED), at("2026-11-23 10:00"), can_activate=False)
    assert not check.ready and not check.offer_activate
    assert "no write access" in check.message.en and "geen schrijfrechten" in check.message.nl


def test_unknown_activation_time_is_ready_with_a_warning():
    check = precheck(make_phone(S.ACTIVE, None), at("2026-11-23 10:00"))
    assert check.ready and check.deadline is None and check.offer_activate
    assert "deadline is unknown" in check.warning.en
