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


class MoveMethod(StrEnum):
    API = "api"
    MANUAL = "manual"


METHOD_LABELS = {MoveMethod.API: "Move with the API", MoveMethod.MANUAL: "Move by hand"}

METHOD_TRADE_OFFS = {
    MoveMethod.API: (
        "Nearly instant. The phone keeps its settings and needs no reset; the new organisation's "
        "name appears on its display almost at once."
    ),
    MoveMethod.MANUAL: (
        "The phone is removed and its MAC address added again in the target organisation, then it "
        "must be reset to factory defaults. Its custom settings, firmware choice and logged-in user "
        "are not carried over: a clean start. Use it when the API move is not possible."
    ),
}

ENVIRONMENT_SWITCH_NOTE = (
    "The phone does not have to be removed from the other environment: the same MAC address may "
    "exist on both. The environment on which provisioning by manufacturer was activated last is the "
    "one the phone joins at its next factory reset."
)

# Operations each method needs (names as in Session.supports()).
REQUIRED_OPERATIONS = {
    MoveMethod.API: ("migrate",),
    MoveMethod.MANUAL: ("remove", "add"),
}


class MoveRefused(ValueError):
    """The move cannot start; ``reason`` is one sentence, ``read_only`` marks a rights problem."""

    def __init__(self, reason: str, *, read_only: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.read_only = read_only


@dataclass(frozen=True, slots=True)
class TargetChoice:
    """One organisation in the target list: may it be chosen, and if not, why not."""

    company: Company
    selectable: bool
    reason: str = ""


@dataclass(frozen=True, slots=True)
class MovePlan:
    phone: Phone
    source: Company | None
    target: Company
    method: MoveMethod
    environment: str
    losses: tuple[str, ...] = ()

    @property
    def needs_reset(self) -> bool:
        return self.method is MoveMethod.MANUAL

    @property
    def source_name(self) -> str:
        return self.source.name if self.source else "its organisation"


def _name(company: Company | None) -> str:
    return f"“{company.name}”" if company and company.name else "this organisation"


def target_choices(companies: list[Company], phone: Phone) -> list[TargetChoice]:
    """Every visible organisation, in the given order; only writable others are selectable."""
    choices = []
    for company in companies:
        if company.url == phone.company_url:
            choices.append(TargetChoice(company, False, "The phone is already here."))
        elif company.access is not Access.WRITE:
            choices.append(TargetChoice(company, False, "You have read-only rights here."))
        else:
            choices.append(TargetChoice(company, True))
    return choices


def manual_losses(custom_settings: int | None = None, firmware: str | None = None,
                  logged_in: bool = False) -> tuple[str, ...]:
    """What a move by hand leaves behind on the platform, one plain sentence each."""
    if custom_settings is None:
        settings = "Its custom settings are"
    else:
        settings = f"Its {custom_settings} custom setting{'s are' if custom_settings != 1 else ' is'}"
    losses = [settings + " not carried over (kept in the local journal, only to put the phone back)."]
    choice = f"Its firmware choice ({firmware})" if firmware else "Its firmware choice"
    losses.append(choice + " is not carried over.")
    if logged_in:
        losses.append("The user logged in on it is logged out.")
    losses.append("Function keys and other settings of the phone in Compass are lost.")
    losses.append("The phone must be reset to factory defaults to pick up the new organisation.")
    return tuple(losses)


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
        raise MoveRefused(f"The phone is already in {_name(target)}.")
    if source is None or source.access is None:
        raise MoveRefused(
            "You have no rights on the phone's current organisation, so it cannot be moved.", read_only=True
        )
    if source.access is not Access.WRITE:
        raise MoveRefused(
            f"You have read-only rights on {_name(source)}, so the phone cannot be moved out of it.",
            read_only=True,
        )
    if target.access is not Access.WRITE:
        raise MoveRefused(
            f"You have read-only rights on {_name(target)}, so the phone cannot be moved into it.",
            read_only=True,
        )
    missing = [op for op in REQUIRED_OPERATIONS[method] if not supports(op)]
    if missing:
        other = MoveMethod.MANUAL if method is MoveMethod.API else MoveMethod.API
        raise MoveRefused(
            f"This environment does not offer {METHOD_LABELS[method].lower()}; "
            f"try {METHOD_LABELS[other].lower()}."
        )
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
        raise MoveRefused(
            "The target environment is the one the phone is on; to move it between organisations "
            "choose an organisation instead."
        )
    if target_company is not None and target_company.access is not Access.WRITE:
        raise MoveRefused(
            f"You have read-only rights on {_name(target_company)} on {target_environment}, so the phone "
            "cannot be added or activated there.",
            read_only=True,
        )


def default_method(supports: Callable[[str], bool]) -> MoveMethod:
    """The API move when the environment offers it, else the move by hand."""
    api_possible = all(supports(op) for op in REQUIRED_OPERATIONS[MoveMethod.API])
    return MoveMethod.API if api_possible else MoveMethod.MANUAL
