"""Moving a phone: the pure checks made before anything changes, and the words that explain them.

Two ways to move a phone between organisations of one environment (seed text, "Moving phones"):
the API move (``migrateToCompany``: nearly instant, settings kept, no reset) and the move by hand
(remove, re-add the MAC in the target organisation, factory reset: settings are lost on the
platform). Between environments the phone is not moved at all: its MAC is added on the other
environment too and activated there; the environment activated last wins at the next reset.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from compass_desk.domain.models import Access, Company, Phone
from compass_desk.domain.text import Text, TextError, fill, same


class MoveMethod(StrEnum):
    API = "api"
    MANUAL = "manual"


METHOD_LABELS = {
    MoveMethod.API: Text("Move with the API", "Verplaatsen via de API"),
    MoveMethod.MANUAL: Text("Move by hand", "Met de hand verplaatsen"),
}

METHOD_TRADE_OFFS = {
    MoveMethod.API: Text(
        "Nearly instant. The phone keeps its settings and needs no reset; the new organisation's "
        "name appears on its display almost at once.",
        "Vrijwel meteen. De telefoon houdt zijn instellingen en hoeft niet gereset te worden; de naam van "
        "de nieuwe organisatie verschijnt vrijwel meteen op het display.",
    ),
    MoveMethod.MANUAL: Text(
        "The phone is removed and its MAC address added again in the target organisation, then it "
        "must be reset to factory defaults. Its custom settings, firmware choice and logged-in user "
        "are not carried over: a clean start. Use it when the API move is not possible.",
        "De telefoon wordt verwijderd en zijn MAC-adres opnieuw toegevoegd in de doelorganisatie; daarna "
        "moet hij terug naar de fabrieksinstellingen. Zijn eigen instellingen, firmwarekeuze en "
        "aangemelde gebruiker gaan niet mee: een schone start. Gebruik dit als verplaatsen via de API niet "
        "kan.",
    ),
}

ENVIRONMENT_SWITCH_NOTE = Text(
    "The phone does not have to be removed from the other environment: the same MAC address may "
    "exist on both. The environment on which provisioning by manufacturer was activated last is the "
    "one the phone joins at its next factory reset.",
    "De telefoon hoeft niet uit de andere omgeving te worden verwijderd: hetzelfde MAC-adres mag op "
    "beide bestaan. De omgeving waarop provisioning door de fabrikant het laatst is geactiveerd, is de "
    "omgeving waar de telefoon bij zijn volgende fabrieksreset naartoe gaat.",
)

# Operations each method needs (names as in Session.supports()).
REQUIRED_OPERATIONS = {
    MoveMethod.API: ("migrate",),
    MoveMethod.MANUAL: ("remove", "add"),
}


NO_REASON = Text("", "")


class MoveRefused(TextError, ValueError):
    """The move cannot start; ``text`` is one sentence, ``read_only`` marks a rights problem."""

    def __init__(self, text: Text, *, read_only: bool = False) -> None:
        super().__init__(text)
        self.read_only = read_only

    @property
    def reason(self) -> str:
        return self.text.en


@dataclass(frozen=True, slots=True)
class TargetChoice:
    """One organisation in the target list: may it be chosen, and if not, why not."""

    company: Company
    selectable: bool
    reason: Text = NO_REASON


@dataclass(frozen=True, slots=True)
class MovePlan:
    phone: Phone
    source: Company | None
    target: Company
    method: MoveMethod
    environment: str
    losses: tuple[Text, ...] = ()

    @property
    def needs_reset(self) -> bool:
        return self.method is MoveMethod.MANUAL

    @property
    def source_text(self) -> Text:
        return same(self.source.name) if self.source else ITS_ORGANISATION

    @property
    def source_name(self) -> str:
        return str(self.source_text)


ITS_ORGANISATION = Text("its organisation", "zijn organisatie")
ALREADY_HERE = Text("The phone is already here.", "De telefoon staat hier al.")
READ_ONLY_HERE = Text("You have read-only rights here.", "Je hebt hier alleen leesrechten.")


def _name(company: Company | None) -> Text:
    if company and company.name:
        return same(f"“{company.name}”")
    return Text("this organisation", "deze organisatie")


def target_choices(companies: list[Company], phone: Phone) -> list[TargetChoice]:
    """Every visible organisation, in the given order; only writable others are selectable."""
    choices = []
    for company in companies:
        if company.url == phone.company_url:
            choices.append(TargetChoice(company, False, ALREADY_HERE))
        elif company.access is not Access.WRITE:
            choices.append(TargetChoice(company, False, READ_ONLY_HERE))
        else:
            choices.append(TargetChoice(company, True))
    return choices


def manual_losses(custom_settings: int | None = None, firmware: str | None = None,
                  logged_in: bool = False) -> tuple[Text, ...]:
    """What a move by hand leaves behind on the platform, one plain sentence each."""
    kept = Text(" not carried over (kept in the local journal, only to put the phone back).",
                " niet mee (ze blijven in het lokale logboek, alleen om de telefoon terug te zetten).")
    if custom_settings is None:
        settings = Text("Its custom settings are", "Zijn eigen instellingen gaan")
    elif custom_settings == 1:
        settings = Text("Its 1 custom setting is", "Zijn ene eigen instelling gaat")
        kept = Text(" not carried over (kept in the local journal, only to put the phone back).",
                    " niet mee (die blijft in het lokale logboek, alleen om de telefoon terug te zetten).")
    else:
        settings = fill(Text("Its {n} custom settings are", "Zijn {n} eigen instellingen gaan"),
                         n=str(custom_settings))
    losses = [Text(settings.en + kept.en, settings.nl + kept.nl)]
    if firmware:
        losses.append(fill(Text("Its firmware choice ({firmware}) is not carried over.",
                                 "Zijn firmwarekeuze ({firmware}) gaat niet mee."), firmware=firmware))
    else:
        losses.append(Text("Its firmware choice is not carried over.", "Zijn firmwarekeuze gaat niet mee."))
    if logged_in:
        losses.append(Text("The user logged in on it is logged out.",
                           "De gebruiker die erop is aangemeld, wordt afgemeld."))
    losses.append(Text("Function keys and other settings of the phone in Compass are lost.",
                       "Functietoetsen en andere instellingen van de telefoon in Compass gaan verloren."))
    losses.append(Text("The phone must be reset to factory defaults to pick up the new organisation.",
                       "De telefoon moet terug naar de fabrieksinstellingen om de nieuwe organisatie op te "
                       "pikken."))
    return tuple(losses)


def _lower(text: Text) -> Text:
    """A method's label inside a sentence (the English all lower case, as it always read)."""
    return Text(text.en.lower(), text.nl[:1].lower() + text.nl[1:])


def check_move(
    phone: Phone,
    source: Company | None,
    target: Company,
    method: MoveMethod,
    environment: str,
    supports: Callable[[str], bool] = lambda _operation: True,
    custom_settings: int | None = None,
) -> MovePlan:
    """The plan for moving *phone* to *target*, or :class:`MoveRefused` before anything changes.

    Rights come from the companies' ``access`` (write needed on both sides: the phone is taken out
    of one organisation and put into the other).
    """
    if phone.company_url == target.url:
        raise MoveRefused(fill(Text("The phone is already in {name}.", "De telefoon staat al in {name}."),
                                name=_name(target)))
    if source is None or source.access is None:
        raise MoveRefused(Text(
            "You have no rights on the phone's current organisation, so it cannot be moved.",
            "Je hebt geen rechten op de huidige organisatie van de telefoon, dus hij kan niet worden "
            "verplaatst."), read_only=True)
    if source.access is not Access.WRITE:
        raise MoveRefused(fill(Text(
            "You have read-only rights on {name}, so the phone cannot be moved out of it.",
            "Je hebt alleen leesrechten op {name}, dus de telefoon kan daar niet uit worden verplaatst."),
            name=_name(source)), read_only=True)
    if target.access is not Access.WRITE:
        raise MoveRefused(fill(Text(
            "You have read-only rights on {name}, so the phone cannot be moved into it.",
            "Je hebt alleen leesrechten op {name}, dus de telefoon kan daar niet naartoe worden verplaatst."),
            name=_name(target)), read_only=True)
    missing = [op for op in REQUIRED_OPERATIONS[method] if not supports(op)]
    if missing:
        other = MoveMethod.MANUAL if method is MoveMethod.API else MoveMethod.API
        raise MoveRefused(fill(Text("This environment does not offer {method}; try {other}.",
                                     "Deze omgeving biedt {method} niet aan; probeer {other}."),
                                method=_lower(METHOD_LABELS[method]), other=_lower(METHOD_LABELS[other])))
    losses = (
        manual_losses(custom_settings, phone.firmware, phone.logged_in_user is not None)
        if method is MoveMethod.MANUAL
        else ()
    )
    return MovePlan(phone, source, target, method, environment, losses)


def check_environment_switch(source_environment: str, target_environment: str,
                             target_company: Company | None) -> None:
    """Refuse a switch to the same environment or into an organisation without write rights."""
    if source_environment == target_environment:
        raise MoveRefused(Text(
            "The target environment is the one the phone is on; to move it between organisations "
            "choose an organisation instead.",
            "De doelomgeving is de omgeving waar de telefoon al op staat; kies een organisatie om hem tussen "
            "organisaties te verplaatsen."))
    if target_company is not None and target_company.access is not Access.WRITE:
        raise MoveRefused(fill(Text(
            "You have read-only rights on {name} on {environment}, so the phone cannot be added or "
            "activated there.",
            "Je hebt alleen leesrechten op {name} op {environment}, dus de telefoon kan daar niet worden "
            "toegevoegd of geactiveerd."), name=_name(target_company), environment=target_environment),
            read_only=True)


def default_method(supports: Callable[[str], bool]) -> MoveMethod:
    """The API move when the environment offers it, else the move by hand."""
    api_possible = all(supports(op) for op in REQUIRED_OPERATIONS[MoveMethod.API])
    return MoveMethod.API if api_possible else MoveMethod.MANUAL
