"""Reading a phone and its live status for the wizard (runs in a worker thread, no widgets)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from compass_desk.api.errors import ApiError, AuthenticationError
from compass_desk.domain.models import Phone, PhoneStatus

if TYPE_CHECKING:
    from compass_desk.gui.reset_wizard.wizard import ResetWizard
    from compass_desk.services.session import Session

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Reading:
    phone: Phone | None  # None: the MAC was looked up and is not in this environment
    status: PhoneStatus | None = None
    status_error: str | None = None  # why the live status could not be read (a sentence for people)
    can_activate: bool = True
    sim_now: datetime | None = None
    mac: str | None = None


def read_status(session: Session, phone: Phone) -> tuple[PhoneStatus | None, str | None]:
    try:
        return session.status(phone), None
    except AuthenticationError:
        raise
    except ApiError as exc:  # the phone itself was read: show what is known
        from compass_desk.gui.messages import user_message

        return None, user_message(exc)  # in the installed language (the API words it in each)


def may_activate(session: Session, phone: Phone) -> bool:
    if not session.companies:
        session.load_companies()
    try:
        supported = session.supports("activate")
    except ApiError as exc:
        log.info("capabilities not read: %s", exc.message)
        supported = True  # the API answers 403 if not; the user then gets that sentence
    return supported and session.can_write(phone.company_url)


def read_phone(wizard: ResetWizard, phone: Phone, *, rights: bool = False) -> Reading:
    """The phone as Compass has it now, with its live status (and the simulator's clock in demo)."""
    session = wizard.session
    fresh = session.client.phone(phone.url)
    status, error = read_status(session, fresh)
    can = may_activate(session, fresh) if rights else wizard.flow.can_activate
    return Reading(fresh, status, error, can, wizard.read_sim_clock())


def find_phone(wizard: ResetWizard, mac: str) -> Reading:
    session = wizard.session
    if not session.companies:
        session.load_companies()
    matches = session.find_by_mac(mac)
    if not matches:
        return Reading(None, sim_now=wizard.read_sim_clock(), mac=mac)
    return read_phone(wizard, matches[0], rights=True)
