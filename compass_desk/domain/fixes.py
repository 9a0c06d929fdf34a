"""Findings and fixes shared by the troubleshooter and the reset flow, in English and Dutch.

:class:`Fix` values that also exist in :class:`compass_desk.domain.states.Action` use the same
strings, so both vocabularies can be mapped onto the same buttons.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from compass_desk.domain.deadline import AMSTERDAM
from compass_desk.domain.guides import Text


class Severity(StrEnum):
    OK = "ok"
    INFO = "info"
    WARNING = "warning"
    PROBLEM = "problem"


class Fix(StrEnum):
    """One step of a fix; the values shared with :class:`compass_desk.domain.states.Action` match it."""

    REMOVE_AND_READD = "remove_and_readd"
    ACTIVATE = "activate"
    FACTORY_RESET = "factory_reset"
    WAIT_UNTIL_IDLE = "wait_until_idle"
    CONFIRM_DISABLED = "confirm_disabled"
    CHECK_POWER_AND_NETWORK = "check_power_and_network"
    REBOOT = "reboot"
    READ_STATUS = "read_status"

    @property
    def text(self) -> Text:
        return FIX_TEXT[self]


FIX_TEXT: dict[Fix, Text] = {
    Fix.REMOVE_AND_READD: Text(
        "Remove the phone from Compass and add it again, if possible; if not, press Activate.",
        "Verwijder de telefoon uit Compass en voeg hem opnieuw toe, als dat kan; anders druk je op "
        "Activeren.",
    ),
    Fix.ACTIVATE: Text(
        "Press Activate (provisioning by manufacturer).",
        "Druk op Activeren (provisioning door de fabrikant).",
    ),
    Fix.FACTORY_RESET: Text(
        "Reset the phone to factory defaults, before the weekly deadline.",
        "Zet de telefoon terug naar de fabrieksinstellingen, vóór de wekelijkse deadline.",
    ),
    Fix.WAIT_UNTIL_IDLE: Text(
        "Let the phone start up fully; it may restart several times. Do not touch it until the display has "
        "been idle for about 30 seconds.",
        "Laat de telefoon helemaal opstarten; hij kan een paar keer herstarten. Raak hem niet aan tot het "
        "display ongeveer 30 seconden rustig is.",
    ),
    Fix.CONFIRM_DISABLED: Text(
        "Check that provisioning by manufacturer now reads disabled: the only correct state for a phone in "
        "use.",
        "Controleer dat provisioning door de fabrikant nu op disabled staat: de enige juiste toestand voor "
        "een telefoon die in gebruik is.",
    ),
    Fix.CHECK_POWER_AND_NETWORK: Text(
        "Check that the phone is on and connected, and that the network lets it reach the internet (HTTPS).",
        "Controleer of de telefoon aan staat en is aangesloten, en of het netwerk hem het internet op laat "
        "(HTTPS).",
    ),
    Fix.REBOOT: Text(
        "Restart the phone and wait until it has started fully.",
        "Herstart de telefoon en wacht tot hij helemaal is opgestart.",
    ),
    Fix.READ_STATUS: Text("Refresh the phone's status.", "Vernieuw de status van de telefoon."),
}

FULL_FIX = (Fix.REMOVE_AND_READD, Fix.FACTORY_RESET, Fix.WAIT_UNTIL_IDLE, Fix.CONFIRM_DISABLED)
ACTIVATE_FIX = (Fix.ACTIVATE, Fix.FACTORY_RESET, Fix.WAIT_UNTIL_IDLE, Fix.CONFIRM_DISABLED)
RESET_FIX = (Fix.FACTORY_RESET, Fix.WAIT_UNTIL_IDLE, Fix.CONFIRM_DISABLED)


@dataclass(frozen=True, slots=True)
class Finding:
    code: str  # stable, for tests and the GUI's icons
    severity: Severity
    title: Text
    meaning: Text
    fix: tuple[Fix, ...] = ()


# --- bilingual times ----------------------------------------------------------------------------

_DAYS = (
    Text("Monday", "maandag"),
    Text("Tuesday", "dinsdag"),
    Text("Wednesday", "woensdag"),
    Text("Thursday", "donderdag"),
    Text("Friday", "vrijdag"),
    Text("Saturday", "zaterdag"),
    Text("Sunday", "zondag"),
)
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def when_text(moment: datetime) -> Text:
    """``Wednesday 2 December 00:00 (the night from Tuesday to Wednesday)`` (Amsterdam time, as the
    deadline is defined there). A time in the small hours names its night: "Wednesday night" or
    "Wednesday 00:00" alone is read as the end of Wednesday by some."""
    local = moment.astimezone(AMSTERDAM)
    day = _DAYS[local.weekday()]
    clock = local.strftime("%H:%M")
    when = Text(
        f"{day.en} {local.day} {_MONTHS_EN[local.month - 1]} {clock}",
        f"{day.nl} {local.day} {_MONTHS[local.month - 1]} {clock}",
    )
    if local.hour >= 6:
        return when
    before = _DAYS[local.weekday() - 1]
    return Text(
        f"{when.en} (the night from {before.en} to {day.en})",
        f"{when.nl} (de nacht van {before.nl} op {day.nl})",
    )


def duration_text(span: timedelta) -> Text:
    """``2 days 4 hours`` / ``2 dagen 4 uur``; ``less than a minute`` for tiny spans."""
    minutes = max(int(span.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    units = [
        (days, ("day", "days"), ("dag", "dagen")),
        (hours, ("hour", "hours"), ("uur", "uur")),
        (mins, ("minute", "minutes"), ("minuut", "minuten")),
    ]
    first = next((i for i, unit in enumerate(units) if unit[0]), None)
    if first is None:
        return Text("less than a minute", "minder dan een minuut")
    shown = [
        unit for unit in units[first : first + 2] if unit[0]
    ]  # "2 days 4 hours", never "2 days 4 minutes"
    return Text(
        " ".join(f"{n} {en[n != 1]}" for n, en, _ in shown),
        " ".join(f"{n} {nl[n != 1]}" for n, _, nl in shown),
    )
