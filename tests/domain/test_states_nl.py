"""The provisioning-state advice in Dutch: complete, the same steps as in English, and really Dutch."""

from __future__ import annotations

import itertools

import pytest

from compass_desk.domain.models import ProvisioningState
from compass_desk.domain.states import STATES, Situation, advise, label, meaning

PAIRS = list(itertools.product(ProvisioningState, Situation))


@pytest.mark.parametrize("state", list(ProvisioningState))
def test_every_state_has_a_dutch_meaning_and_keeps_compass_name(state):
    assert meaning(state, "nl") != meaning(state) and meaning(state, "nl").endswith(".")
    assert label(state, "nl") == label(state) == STATES[state].label  # the name Compass shows


@pytest.mark.parametrize(("state", "situation"), PAIRS)
def test_dutch_advice_matches_the_english_one(state, situation):
    english, dutch = advise(state, situation), advise(state, situation, "nl")
    assert (dutch.state, dutch.situation, dutch.suboptimal) == (english.state, english.situation,
                                                                english.suboptimal)
    assert [s.action for s in dutch.steps] == [s.action for s in english.steps]
    assert dutch.summary != english.summary and dutch.summary.endswith(".")
    for nl, en in zip(dutch.steps, english.steps, strict=True):
        assert nl.text != en.text and nl.text.endswith(".")
    assert bool(dutch.alternative) == bool(english.alternative)
    assert dutch.alternative != english.alternative or not english.alternative


def test_english_stays_the_default():
    assert advise(ProvisioningState.ACTIVE, Situation.NORMAL_USE).summary.startswith("Suboptimal")
    assert advise(ProvisioningState.ACTIVE, Situation.NORMAL_USE, "nl").summary.startswith("Suboptimaal")
    assert advise(ProvisioningState.ACTIVE, Situation.NORMAL_USE, "de").summary.startswith("Suboptimal")


@pytest.mark.parametrize("version", ["66.86.188.6", "66.86.0.6", "66.86.55.6", "10.1.159.12", "05.20.0001"])
def test_firmware_descriptions_in_dutch(version):
    from compass_desk.domain.firmware import parse_firmware

    decoded = parse_firmware(version)
    english, dutch = decoded.describe(), decoded.describe("nl")
    assert dutch != english and dutch.endswith(".")
    assert "firmware for" not in dutch and "custom number" not in dutch and "certifies" not in dutch


@pytest.mark.parametrize("state", list(ProvisioningState))
def test_the_term_for_a_sentence_is_the_platform_name_without_normal(state):
    from compass_desk.domain.states import term

    words = term(state)
    assert words.en.split()[0] == words.nl.split()[0] == state.value  # "staat op disabled"
    assert "normal" not in words.en and "normaal" not in words.nl
    if state in (ProvisioningState.PROVISION, ProvisioningState.DEPROVISION):
        assert (words.en, words.nl) == (f"{state.value} (failed)", f"{state.value} (mislukt)")
