"""Provisioning-by-manufacturer states: meanings, suboptimal states, the fix sequence."""

from __future__ import annotations

import pytest

from compass_desk.domain.models import ProvisioningState
from compass_desk.domain.states import (
    EXPECTED,
    STATES,
    Action,
    Situation,
    advise,
    is_suboptimal,
    meaning,
)

ACTIVE, DISABLED = ProvisioningState.ACTIVE, ProvisioningState.DISABLED
PROVISION, DEPROVISION = ProvisioningState.PROVISION, ProvisioningState.DEPROVISION
NORMAL, RESET = Situation.NORMAL_USE, Situation.ABOUT_TO_RESET


def test_every_state_has_a_meaning():
    assert set(STATES) == set(ProvisioningState)
    assert "not visited" in meaning(ACTIVE)
    assert "from Compass" in meaning(DISABLED)
    assert "register" in meaning(PROVISION) and "failed" in meaning(PROVISION)
    assert "remove" in meaning(DEPROVISION) and "failed" in meaning(DEPROVISION)
    for info in STATES.values():
        assert info.label and info.meaning.endswith(".")


def test_expected_states():
    assert EXPECTED == {NORMAL: DISABLED, RESET: ACTIVE}


@pytest.mark.parametrize(
    ("state", "situation", "suboptimal"),
    [
        (DISABLED, NORMAL, False),
        (ACTIVE, NORMAL, True),
        (PROVISION, NORMAL, True),
        (DEPROVISION, NORMAL, True),
        (ACTIVE, RESET, False),
        (DISABLED, RESET, True),
        (PROVISION, RESET, True),
        (DEPROVISION, RESET, True),
    ],
)
def test_suboptimal(state, situation, suboptimal):
    assert is_suboptimal(state, situation) is suboptimal
    assert advise(state, situation).suboptimal is suboptimal


def _actions(state: ProvisioningState, situation: Situation) -> list[Action]:
    return [step.action for step in advise(state, situation).steps]


FULL_FIX = [Action.REMOVE_AND_READD, Action.FACTORY_RESET, Action.WAIT_UNTIL_IDLE, Action.CONFIRM_DISABLED]


def test_normal_use_and_disabled_needs_nothing():
    advice = advise(DISABLED, NORMAL)
    assert advice.steps == () and advice.next_action is None
    assert "Nothing to do" in advice.summary


@pytest.mark.parametrize("state", [ACTIVE, PROVISION, DEPROVISION])
def test_suboptimal_in_normal_use_gets_the_full_fix_sequence(state):
    advice = advise(state, NORMAL)
    assert _actions(state, NORMAL) == FULL_FIX
    assert advice.next_action is Action.REMOVE_AND_READD
    assert "Activate" in advice.alternative
    assert advice.summary.startswith("Suboptimal")


def test_about_to_reset_and_active_goes_straight_to_the_reset():
    advice = advise(ACTIVE, RESET)
    assert _actions(ACTIVE, RESET) == [Action.FACTORY_RESET, Action.WAIT_UNTIL_IDLE, Action.CONFIRM_DISABLED]
    assert "deadline" in advice.summary


def test_about_to_reset_a_disabled_phone_activates_first():
    advice = advise(DISABLED, RESET)
    assert advice.next_action is Action.ACTIVATE
    assert _actions(DISABLED, RESET)[1:] == FULL_FIX[1:]
    assert "Activate first" in advice.summary


@pytest.mark.parametrize("state", [PROVISION, DEPROVISION])
def test_about_to_reset_after_a_failed_registration_re_adds(state):
    assert _actions(state, RESET) == FULL_FIX
    assert advise(state, RESET).summary.startswith("Not ready")


def test_failed_registration_mentions_the_other_account():
    assert "another account" in advise(PROVISION, NORMAL).summary


def test_step_texts_follow_the_compass_page():
    texts = {step.action: step.text for step in advise(ACTIVE, NORMAL).steps}
    assert "add it again" in texts[Action.REMOVE_AND_READD]
    assert "factory defaults" in texts[Action.FACTORY_RESET]
    wait = texts[Action.WAIT_UNTIL_IDLE]
    assert "30 seconds" in wait and "reboot several times" in wait
    assert "disabled" in texts[Action.CONFIRM_DISABLED]


def test_state_given_as_text_is_accepted():
    assert advise("active", RESET).state is ACTIVE  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        advise("broken", RESET)  # type: ignore[arg-type]
