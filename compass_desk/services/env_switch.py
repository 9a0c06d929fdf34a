"""Use a phone on another environment (production ↔ staging): add its MAC there if needed, Activate.

Nothing is removed: the same MAC may exist on both environments, and the one activated last wins
at the next factory reset (seed text, "Moving phones between two or more environments"). The two
environments' records of the phone are returned side by side.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from compass_desk.api.errors import ApiError, AuthenticationError, NotFoundError, UnsupportedOperationError
from compass_desk.domain import move_texts as T
from compass_desk.domain.models import Access, Company, Phone, PhoneStatus
from compass_desk.domain.move_plan import (
    ENVIRONMENT_SWITCH_NOTE,
    ITS_ORGANISATION,
    MoveRefused,
    check_environment_switch,
)
from compass_desk.domain.move_texts import phone_title, phone_words, said
from compass_desk.domain.text import Text, fill, same
from compass_desk.services.moves import Auditor
from compass_desk.services.session import Session
from compass_desk.store.audit import phone_target, record_message

log = logging.getLogger(__name__)
Progress = Callable[[int, int, Text], None]


@dataclass(slots=True)
class EnvSide:
    """One environment's record of the phone (``phone`` None: the MAC is not there)."""

    environment: str
    phone: Phone | None = None
    company: Company | None = None
    status: PhoneStatus | None = None
    problem: Text | None = None  # why it could not be read

    @property
    def error(self) -> str | None:
        return None if self.problem is None else self.problem.en

    @property
    def summary_text(self) -> Text:
        if self.problem is not None:
            return fill(T.SIDE_UNREADABLE, reason=self.problem)
        if self.phone is None:
            return T.SIDE_ABSENT
        where = self.company.name if self.company else self.phone.company_url
        online = "" if self.status is None else (", online" if self.status.online else ", offline")
        return fill(T.SIDE_PRESENT, company=where, state=self.phone.provisioning.value, online=online)

    @property
    def summary(self) -> str:
        return self.summary_text.en


@dataclass(slots=True)
class EnvSwitchResult:
    source: EnvSide
    target: EnvSide
    added: bool
    message_text: Text
    note_text: Text = ENVIRONMENT_SWITCH_NOTE
    step_texts: list[Text] = field(default_factory=list)

    @property
    def message(self) -> str:
        return self.message_text.en

    @property
    def note(self) -> str:
        return self.note_text.en

    @property
    def steps(self) -> list[str]:
        return [step.en for step in self.step_texts]


def _no_progress(done: int, total: int, label: Text) -> None:
    del done, total, label


def read_side(session: Session, mac: str) -> EnvSide:
    """Where *mac* is on the session's environment, with its live status when readable."""
    name = session.environment.name
    try:
        session.refresh()
        found = [p for p in session.phones if p.mac == mac]
        if not found:
            return EnvSide(name)
        phone = found[0]
        status = None
        try:
            status = session.status(phone)
        except AuthenticationError:
            raise
        except ApiError as exc:
            log.info("status on %s not read: %s", name, exc.message)
        return EnvSide(name, phone, session.company(phone.company_url), status)
    except ApiError as exc:
        return EnvSide(name, problem=said(exc))


def read_known(session: Session, phone: Phone) -> EnvSide:
    """The phone read back by its own URL (no full listing needed on the environment it is on)."""
    name = session.environment.name
    try:
        now = session.client.phone(phone.url)
    except NotFoundError:
        return read_side(session, phone.mac)  # gone from that URL: look for the MAC
    except ApiError as exc:
        return EnvSide(name, problem=said(exc))
    status = None
    try:
        status = session.status(now)
    except AuthenticationError:
        raise
    except ApiError as exc:
        log.info("status on %s not read: %s", name, exc.message)
    company = session.company(now.company_url)
    return EnvSide(name, now, company, status)


def compare(source: Session, phone: Phone, target: Session) -> tuple[EnvSide, EnvSide]:
    """Both environments' records of the phone, side by side (the target is searched by MAC)."""
    return read_known(source, phone), read_side(target, phone.mac)


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def default_target_company(source_company: Company | None, companies: list[Company]) -> Company | None:
    """The one writable organisation on the other environment with the same full name (case, spacing aside).

    A shared short name alone is not enough: short names are often a cut-off name ("administratiek"), so
    two different organisations can share one across environments.
    """
    if source_company is None:
        return None
    name = _normal(source_company.name)
    matches = [c for c in companies if c.access is Access.WRITE and _normal(c.name) == name]
    return matches[0] if len(matches) == 1 else None


def target_candidates(source_company: Company | None, companies: list[Company],
                      limit: int = 5) -> list[Company]:
    """Writable organisations that look like *source_company* (same short name or first word), to name."""
    if source_company is None:
        return []
    name, short = _normal(source_company.name), source_company.shortname.casefold()
    first = name.split(" ")[0] if name else ""

    def alike(c: Company) -> bool:
        other = _normal(c.name)
        return (bool(short) and c.shortname.casefold() == short) or other == name or (
            bool(first) and other.split(" ")[0] == first)

    return [c for c in companies if c.access is Access.WRITE and alike(c)][:limit]


def choose_target_company(source_company: Company | None, companies: list[Company],
                          environment: str) -> Company:
    """The organisation to add the phone to on *environment*, or MoveRefused asking for one (``--to``)."""
    company = default_target_company(source_company, companies)
    if company is not None:
        return company
    where = same(f"“{source_company.name}”") if source_company else ITS_ORGANISATION
    candidates = target_candidates(source_company, companies)
    hint = fill(T.CANDIDATES, names=", ".join(f"“{c.name}”" for c in candidates)) if candidates else same("")
    raise MoveRefused(fill(T.NO_SAME_NAME, environment=environment, where=where, hint=hint))


def target_company_for(source: Session, phone: Phone, target: Session,
                       target_company: Company | None = None) -> tuple[Company, bool]:
    """Where the phone will be on *target* (reads it): (organisation, True when the MAC is already there).

    For the confirmation question, before anything changes; MoveRefused when it cannot be chosen.
    """
    target.refresh()
    existing = next((p for p in target.phones if p.mac == phone.mac), None)
    if existing is not None:
        company = target.company(existing.company_url)
        if company is not None:
            return company, True
    if target_company is not None:
        return target_company, False
    return choose_target_company(source.company(phone.company_url), target.companies,
                                 target.environment.name), False


def switch_environment(source: Session, phone: Phone, target: Session, *,
                       target_company: Company | None = None, progress: Progress | None = None,
                       audit: Auditor | None = None) -> EnvSwitchResult:
    """Make *phone* ready to join *target*'s environment at its next factory reset.

    Every check (same environment, rights, model) happens before the first change; MoveRefused
    says why not.
    """
    report = progress or _no_progress
    src_env, dst_env = source.environment, target.environment
    if src_env.base_url == dst_env.base_url:
        check_environment_switch(src_env.name, src_env.name, None)
    check_environment_switch(src_env.name, dst_env.name, target_company)
    report(0, 4, fill(T.LOOKING, phone=phone_words(phone), environment=dst_env.name))
    target.refresh()
    existing = next((p for p in target.phones if p.mac == phone.mac), None)
    steps: list[Text] = []
    added = False
    if existing is not None:
        company = target.company(existing.company_url)
        if company is None or company.access is not Access.WRITE:
            where = same(f"“{company.name}”") if company else ITS_ORGANISATION
            raise MoveRefused(fill(T.THERE_READ_ONLY, environment=dst_env.name, where=where), read_only=True)
        steps.append(fill(T.ALREADY_ON, environment=dst_env.name, company=company.name))
        on_target = existing
    else:
        company = target_company or choose_target_company(
            source.company(phone.company_url), target.companies, dst_env.name
        )
        check_environment_switch(src_env.name, dst_env.name, company)
        _check_model(target, company, phone)
        report(1, 4, fill(T.ADDING_ON, company=company.name, environment=dst_env.name))
        on_target = _audited(audit, target, "add", phone, company.name, lambda: target.add_phone(
            company, name=phone.name, model=phone.model, mac=phone.mac, vlan_id=phone.vlan_id,
            encryption=phone.encryption, expansion_pads=phone.expansion_pads), f"to {company.name}")
        added = True
        steps.append(fill(T.ADDED_ON, environment=dst_env.name, company=company.name))
    report(2, 4, fill(T.ACTIVATING, environment=dst_env.name))
    activated = _audited(audit, target, "activate", on_target, company.name,
                         lambda: target.activate(on_target), f"environment switch from {src_env.name}")
    steps.append(fill(T.ACTIVATED, environment=dst_env.name, state=activated.provisioning.value))
    report(3, 4, T.READING_BOTH)
    source_side, target_side = compare(source, phone, target)
    report(4, 4, T.DONE)
    message = fill(T.WILL_JOIN, phone=phone_title(phone), environment=dst_env.name)
    return EnvSwitchResult(source_side, target_side, added, message, step_texts=steps)


def _check_model(target: Session, company: Company, phone: Phone) -> None:
    try:
        models = target.client.phone_models(company)
    except UnsupportedOperationError:
        return  # the add itself will refuse an unknown model
    if models and phone.model not in {m.id for m in models}:
        raise MoveRefused(fill(T.MODEL_NOT_OFFERED, environment=target.environment.name, model=phone.model))


def _audited(audit: Auditor | None, session: Session, action: str, phone: Phone, organisation: str,
             fn: Callable[[], Phone], detail: str) -> Phone:
    """Run *fn* (a change on *session*'s environment) and record it; *organisation* is where the phone
    is (or goes) there: the phone may still carry the other environment's organisation URL."""
    env = session.environment

    def record(outcome: str, text: str) -> None:
        if audit is not None:
            try:
                target = phone_target(phone.name, phone.mac, organisation)
                audit.record(env.name, env.username, action, target, outcome, text)
            except Exception as exc:  # the change matters more than its log line
                log.warning("audit log not written: %s", exc)

    try:
        result = fn()
    except ApiError as exc:
        record("unknown" if type(exc).__name__ == "OutcomeUnknownError" else "failed", record_message(exc))
        raise
    record("ok", detail)
    return result
