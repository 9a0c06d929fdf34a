"""The "Provisioning by manufacturer" states: what each means, when it is wrong, what to do next.

Texts follow the Compass provisioning page (seed-provisioning.txt) and DESIGN.md "The provisioning
process". A phone in normal use must be ``disabled``; a phone about to be reset (or booting for
the first time) must be ``active``. Anything else is a *suboptimal state*, fixed by: remove and
re-add the phone (or Activate), factory reset, let it start fully and leave it alone until the
display has been idle for about 30 seconds, then confirm that the state reads ``disabled``.

English and Dutch (``lang="nl"``), in the words of the reset guides; the English texts are the
fields of :data:`STATES` and :class:`Advice`, the Dutch ones come from :func:`meaning`, :func:`label`
and :func:`advise` with ``lang="nl"``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from compass_desk.domain.models import ProvisioningState
from compass_desk.domain.text import Text, same


class Situation(StrEnum):
    """What the phone is supposed to be doing."""

    NORMAL_USE = "normal_use"  # provisioned, used to make calls
    ABOUT_TO_RESET = "about_to_reset"  # about to be reset, or booting for the first time


@dataclass(frozen=True, slots=True)
class StateInfo:
    state: ProvisioningState
    label: str
    meaning: str


STATES: dict[ProvisioningState, StateInfo] = {
    ProvisioningState.ACTIVE: StateInfo(
        ProvisioningState.ACTIVE,
        "Active",
        "Registered at the manufacturer's provisioning service; the phone has not visited it yet.",
    ),
    ProvisioningState.DISABLED: StateInfo(
        ProvisioningState.DISABLED,
        "Disabled",
        "The phone gets its settings from Compass; the manufacturer's service is no longer asked.",
    ),
    ProvisioningState.PROVISION: StateInfo(
        ProvisioningState.PROVISION,
        "Provision",
        "Compass tried to register the phone at the manufacturer's provisioning service, but this failed.",
    ),
    ProvisioningState.DEPROVISION: StateInfo(
        ProvisioningState.DEPROVISION,
        "Deprovision",
        "Compass tried to remove the phone's registration at the manufacturer's provisioning service, "
        "but this failed.",
    ),
}

EXPECTED: dict[Situation, ProvisioningState] = {
    Situation.NORMAL_USE: ProvisioningState.DISABLED,
    Situation.ABOUT_TO_RESET: ProvisioningState.ACTIVE,
}


class Action(StrEnum):
    """One step of the fix sequence, in order; the GUI offers a button for the first ones."""

    REMOVE_AND_READD = "remove_and_readd"
    ACTIVATE = "activate"
    FACTORY_RESET = "factory_reset"
    WAIT_UNTIL_IDLE = "wait_until_idle"
    CONFIRM_DISABLED = "confirm_disabled"


STEP_TEXT: dict[Action, str] = {
    Action.REMOVE_AND_READD: "Remove the phone from Compass and add it again (this also activates "
    "provisioning by manufacturer).",
    Action.ACTIVATE: "Press Activate for provisioning by manufacturer.",
    Action.FACTORY_RESET: "Reset the phone to factory defaults, before the weekly deadline.",
    Action.WAIT_UNTIL_IDLE: "Let the phone start up fully; it may reboot several times. Do not touch it "
    "until the display has been idle for about 30 seconds.",
    Action.CONFIRM_DISABLED: "Check that provisioning by manufacturer now reads disabled; this is the only "
    "correct state for a phone in normal use.",
}


@dataclass(frozen=True, slots=True)
class Step:
    action: Action
    text: str


def _steps(*actions: Action) -> tuple[Step, ...]:
    return tuple(Step(action, STEP_TEXT[action]) for action in actions)


# The seed's sequence; "re-add" is preferred, Activate when removing the phone is not feasible.
FIX_SEQUENCE = _steps(Action.REMOVE_AND_READD, Action.FACTORY_RESET, Action.WAIT_UNTIL_IDLE,
                      Action.CONFIRM_DISABLED)  # fmt: skip
ACTIVATE_SEQUENCE = _steps(Action.ACTIVATE, Action.FACTORY_RESET, Action.WAIT_UNTIL_IDLE,
                           Action.CONFIRM_DISABLED)  # fmt: skip
RESET_SEQUENCE = _steps(Action.FACTORY_RESET, Action.WAIT_UNTIL_IDLE, Action.CONFIRM_DISABLED)


@dataclass(frozen=True, slots=True)
class Advice:
    state: ProvisioningState
    situation: Situation
    suboptimal: bool
    summary: str  # one or two sentences: is this right, and why (not)
    steps: tuple[Step, ...]  # what to do, in order; empty when nothing is needed
    alternative: str = ""  # another way to the same end, when there is one

    @property
    def next_action(self) -> Action | None:
        return self.steps[0].action if self.steps else None


_LABELS_NL: dict[ProvisioningState, str] = {
    ProvisioningState.ACTIVE: "Active",
    ProvisioningState.DISABLED: "Disabled",
    ProvisioningState.PROVISION: "Provision",
    ProvisioningState.DEPROVISION: "Deprovision",
}  # the names Compass shows, in every language

_MEANINGS_NL: dict[ProvisioningState, str] = {
    ProvisioningState.ACTIVE: "Geregistreerd bij de provisioningdienst van de fabrikant; de telefoon is "
    "daar nog niet langs geweest.",
    ProvisioningState.DISABLED: "De telefoon krijgt zijn instellingen van Compass; de dienst van de "
    "fabrikant wordt niet meer gevraagd.",
    ProvisioningState.PROVISION: "Compass probeerde de telefoon te registreren bij de provisioningdienst "
    "van de fabrikant, maar dat is mislukt.",
    ProvisioningState.DEPROVISION: "Compass probeerde de registratie van de telefoon bij de "
    "provisioningdienst van de fabrikant te verwijderen, maar dat is mislukt.",
}


def meaning(state: ProvisioningState, lang: str = "en") -> str:
    return _MEANINGS_NL[state] if lang == "nl" else STATES[state].meaning


def label(state: ProvisioningState, lang: str = "en") -> str:
    return _LABELS_NL[state] if lang == "nl" else STATES[state].label


# The state as Compass names it, lower case as in a sentence ("staat op disabled"), without the main
# table's "(normal)": the wizard and troubleshooter show it where the state may be the problem.
_TERMS: dict[ProvisioningState, Text] = {
    ProvisioningState.ACTIVE: same("active"),
    ProvisioningState.DISABLED: same("disabled"),
    ProvisioningState.PROVISION: Text("provision (failed)", "provision (mislukt)"),
    ProvisioningState.DEPROVISION: Text("deprovision (failed)", "deprovision (mislukt)"),
}


def term(state: ProvisioningState) -> Text:
    """The platform's name of *state* for a headline or sentence, in English and Dutch."""
    return _TERMS[ProvisioningState(state)]


def is_suboptimal(state: ProvisioningState, situation: Situation) -> bool:
    """True when *state* is wrong for a phone in *situation*."""
    return state is not EXPECTED[situation]


_ALT_ACTIVATE = "If removing the phone is not feasible, press Activate instead of re-adding it."
_ALT_ACTIVATE_NL = ("Kun je de telefoon niet verwijderen, druk dan op Activeren in plaats van hem opnieuw "
                    "toe te voegen.")

STEP_TEXT_NL: dict[Action, str] = {
    Action.REMOVE_AND_READD: "Verwijder de telefoon uit Compass en voeg hem opnieuw toe (daarmee wordt "
    "provisioning door de fabrikant ook geactiveerd).",
    Action.ACTIVATE: "Druk op Activeren voor provisioning door de fabrikant.",
    Action.FACTORY_RESET: "Zet de telefoon terug naar de fabrieksinstellingen, vóór de wekelijkse deadline.",
    Action.WAIT_UNTIL_IDLE: "Laat de telefoon helemaal opstarten; hij kan een paar keer herstarten. Raak "
    "hem niet aan tot het display ongeveer 30 seconden rustig is.",
    Action.CONFIRM_DISABLED: "Controleer dat provisioning door de fabrikant nu op disabled staat; dat is "
    "de enige juiste toestand voor een telefoon die in gebruik is.",
}

_SUMMARIES: dict[tuple[Situation, ProvisioningState], str] = {
    (Situation.NORMAL_USE, ProvisioningState.DISABLED): "Correct: the phone gets its settings from "
    "Compass. Nothing to do.",
    (Situation.NORMAL_USE, ProvisioningState.ACTIVE): "Suboptimal: the phone is registered at the "
    "manufacturer's service but never visited it, so it was not reset after Activate (or not before "
    "the weekly deadline).",
    (Situation.NORMAL_USE, ProvisioningState.PROVISION): "Suboptimal: registering the phone at the "
    "manufacturer's service failed, so a reset phone will not find Compass. The MAC address may still "
    "belong to another account at the manufacturer.",
    (Situation.NORMAL_USE, ProvisioningState.DEPROVISION): "Suboptimal: removing the phone's "
    "registration at the manufacturer's service failed.",
    (Situation.ABOUT_TO_RESET, ProvisioningState.ACTIVE): "Ready: the phone is registered at the "
    "manufacturer's service. Reset it before the weekly deadline.",
    (Situation.ABOUT_TO_RESET, ProvisioningState.DISABLED): "Not ready: provisioning by manufacturer is "
    "not active, so a phone reset now will not find Compass. Press Activate first.",
    (Situation.ABOUT_TO_RESET, ProvisioningState.PROVISION): "Not ready: registering the phone at the "
    "manufacturer's service failed, so a phone reset now will not find Compass. The MAC address may "
    "still belong to another account at the manufacturer.",
    (Situation.ABOUT_TO_RESET, ProvisioningState.DEPROVISION): "Not ready: removing an earlier "
    "registration at the manufacturer's service failed, so the phone may be sent elsewhere.",
}


_SUMMARIES_NL: dict[tuple[Situation, ProvisioningState], str] = {
    (Situation.NORMAL_USE, ProvisioningState.DISABLED): "Juist: de telefoon krijgt zijn instellingen van "
    "Compass. Er hoeft niets te gebeuren.",
    (Situation.NORMAL_USE, ProvisioningState.ACTIVE): "Suboptimaal: de telefoon is geregistreerd bij de "
    "dienst van de fabrikant maar is daar nooit langs geweest, dus hij is na Activeren niet gereset (of "
    "niet vóór de wekelijkse deadline).",
    (Situation.NORMAL_USE, ProvisioningState.PROVISION): "Suboptimaal: het registreren van de telefoon bij "
    "de dienst van de fabrikant is mislukt, dus een gereset toestel vindt Compass niet. Het MAC-adres "
    "hoort misschien nog bij een ander account bij de fabrikant.",
    (Situation.NORMAL_USE, ProvisioningState.DEPROVISION): "Suboptimaal: het verwijderen van de "
    "registratie van de telefoon bij de dienst van de fabrikant is mislukt.",
    (Situation.ABOUT_TO_RESET, ProvisioningState.ACTIVE): "Klaar: de telefoon is geregistreerd bij de "
    "dienst van de fabrikant. Reset hem vóór de wekelijkse deadline.",
    (Situation.ABOUT_TO_RESET, ProvisioningState.DISABLED): "Niet klaar: provisioning door de fabrikant is "
    "niet actief, dus een telefoon die je nu reset, vindt Compass niet. Druk eerst op Activeren.",
    (Situation.ABOUT_TO_RESET, ProvisioningState.PROVISION): "Niet klaar: het registreren van de telefoon "
    "bij de dienst van de fabrikant is mislukt, dus een telefoon die je nu reset, vindt Compass niet. Het "
    "MAC-adres hoort misschien nog bij een ander account bij de fabrikant.",
    (Situation.ABOUT_TO_RESET, ProvisioningState.DEPROVISION): "Niet klaar: het verwijderen van een "
    "eerdere registratie bij de dienst van de fabrikant is mislukt, dus de telefoon wordt misschien ergens "
    "anders heen gestuurd.",
}


def advise(state: ProvisioningState, situation: Situation, lang: str = "en") -> Advice:
    """Whether *state* is right for a phone in *situation*, and the recommended steps (in *lang*).

    The state alone, for a situation given by the caller: the app's verdict on a real phone (details
    panel, ``phones show``, the troubleshooter, the "Suboptimal" filter) comes from
    :func:`compass_desk.domain.diagnosis.diagnose`, which also sees the clock and the live status.
    """
    state = ProvisioningState(state)
    advice = _advise(state, situation)
    if lang != "nl":
        return advice
    steps = tuple(Step(step.action, STEP_TEXT_NL[step.action]) for step in advice.steps)
    return Advice(state, situation, advice.suboptimal, _SUMMARIES_NL[(situation, state)], steps,
                  _ALT_ACTIVATE_NL if advice.alternative else "")


def _advise(state: ProvisioningState, situation: Situation) -> Advice:
    summary = _SUMMARIES[(situation, state)]
    if not is_suboptimal(state, situation):
        steps = () if situation is Situation.NORMAL_USE else RESET_SEQUENCE
        return Advice(state, situation, False, summary, steps)
    if state is ProvisioningState.DISABLED:
        # About to reset a phone that works from Compass: only the registration is missing.
        return Advice(state, situation, True, summary, ACTIVATE_SEQUENCE)
    return Advice(state, situation, True, summary, FIX_SEQUENCE, _ALT_ACTIVATE)
