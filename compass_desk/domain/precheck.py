"""Before a factory reset: is provisioning by manufacturer active, and how long is left?

The Compass provisioning page: "Make sure you have activated provisioning by manufacturer in
Compass first before taking these steps, otherwise the phone will end up in a suboptimal state."
The activation lapses at the weekly cutoff (:mod:`compass_desk.domain.deadline`); less than a day
left earns a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from compass_desk.domain.deadline import DEFAULT_CUTOFF, is_lapsed, time_left
from compass_desk.domain.diagnosis import SOON, activation_deadline
from compass_desk.domain.fixes import duration_text, when_text
from compass_desk.domain.guides import Text
from compass_desk.domain.models import Phone, ProvisioningState


@dataclass(frozen=True, slots=True)
class PreCheck:
    ready: bool  # the reset may start
    state: ProvisioningState
    deadline: datetime | None
    lapsed: bool
    deadline_soon: bool  # less than a day left
    offer_activate: bool  # show the Activate button
    message: Text
    warning: Text | None = None


_NOT_ACTIVE = {
    ProvisioningState.DISABLED: Text(
        "Provisioning by manufacturer is disabled. A phone reset now will not be sent to Compass and ends "
        "up in a suboptimal state. Press Activate first.",
        "Provisioning door de fabrikant staat op disabled. Een telefoon die je nu reset, wordt niet naar "
        "Compass gestuurd en komt in een suboptimale toestand. Druk eerst op Activeren.",
    ),
    ProvisioningState.PROVISION: Text(
        "Registering the phone at the manufacturer failed (provision), so a reset phone will not find "
        "Compass. Press Activate to try again; if it fails again, remove the phone and add it again (the "
        "MAC address may still belong to another account at the manufacturer).",
        "Het registreren van de telefoon bij de fabrikant is mislukt (provision), dus een gereset toestel "
        "vindt Compass niet. Druk op Activeren om het opnieuw te proberen; mislukt het weer, verwijder de "
        "telefoon dan en voeg hem opnieuw toe (het MAC-adres hoort misschien nog bij een ander account bij "
        "de fabrikant).",
    ),
    ProvisioningState.DEPROVISION: Text(
        "Removing an earlier registration at the manufacturer failed (deprovision), so a reset phone may be "
        "sent to the wrong place. Press Activate, or remove the phone and add it again.",
        "Het verwijderen van een eerdere registratie bij de fabrikant is mislukt (deprovision), dus een "
        "gereset toestel kan naar de verkeerde plek worden gestuurd. Druk op Activeren, of verwijder de "
        "telefoon en voeg hem opnieuw toe.",
    ),
}
_NO_WRITE = Text(
    "You cannot activate this phone yourself (no write access to its organisation): ask someone who can.",
    "Je kunt deze telefoon niet zelf activeren (geen schrijfrechten op de organisatie): vraag het iemand "
    "die dat wel kan.",
)


def precheck(
    phone: Phone, now: datetime, cutoff: time = DEFAULT_CUTOFF, *, can_activate: bool = True
) -> PreCheck:
    """May *phone* be reset now? With the deadline, a warning when it is near, and the fix when not."""
    state = phone.provisioning
    deadline = activation_deadline(phone, cutoff)
    if state is not ProvisioningState.ACTIVE:
        return _blocked(state, deadline, False, _NOT_ACTIVE[state], can_activate)
    if deadline is None:
        return PreCheck(
            True,
            state,
            None,
            False,
            False,
            can_activate,
            Text("Provisioning by manufacturer is active.", "Provisioning door de fabrikant is actief."),
            Text(
                "Compass did not say when it was activated, so the deadline is unknown. To be sure of a "
                "full window, press Activate again before the reset.",
                "Compass gaf niet door wanneer er is geactiveerd, dus de deadline is onbekend. Druk voor de "
                "zekerheid van een volledige periode opnieuw op Activeren voordat je reset.",
            ),
        )
    when = when_text(deadline)
    if is_lapsed(deadline, now):
        message = Text(
            f"The activation lapsed on {when.en}: a phone reset now will not be sent to Compass. Press "
            f"Activate to open a new window.",
            f"De activering is verlopen op {when.nl}: een telefoon die je nu reset, wordt niet naar Compass "
            f"gestuurd. Druk op Activeren voor een nieuwe periode.",
        )
        return _blocked(state, deadline, True, message, can_activate)
    left = duration_text(time_left(deadline, now))
    message = Text(
        f"Provisioning by manufacturer is active until {when.en}; {left.en} left.",
        f"Provisioning door de fabrikant is actief tot {when.nl}; nog {left.nl}.",
    )
    soon = time_left(deadline, now) < SOON
    warning = (
        Text(
            f"Less than a day left: reset the phone now. If it cannot be done before {when.en}, press "
            f"Activate again first. (The platform may run a few hours later, but do not count on it.)",
            f"Minder dan een dag over: reset de telefoon nu. Lukt dat niet vóór {when.nl}, druk dan eerst "
            f"opnieuw op Activeren. (Het platform kan een paar uur later draaien, maar reken daar niet op.)",
        )
        if soon
        else None
    )
    # Near the deadline the warning says "press Activate again first": so offer the button.
    return PreCheck(True, state, deadline, False, soon, soon and can_activate, message, warning)


def _blocked(
    state: ProvisioningState, deadline: datetime | None, lapsed: bool, message: Text, can_activate: bool
) -> PreCheck:
    if not can_activate:
        message = Text(f"{message.en} {_NO_WRITE.en}", f"{message.nl} {_NO_WRITE.nl}")
    return PreCheck(False, state, deadline, lapsed, False, can_activate, message)
