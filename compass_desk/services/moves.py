"""Moving a phone between organisations of one environment, without ever losing it.

The API move is one call (``migrateToCompany``) verified by reading the phone back. The move by
hand removes the phone and adds its MAC again in the target organisation; it is written to the
operations journal (snapshot first, each step before and after it runs) and driven by where the
MAC is *now*: after any failure the organisations are read back before anything else is done, so
no write is repeated blindly. An unfinished move can be resumed (towards the target) or undone
(the phone put back where it was, with its custom settings and firmware) by a later run, even
after a crash, with a fresh session and the same journal file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from typing import Any, Protocol

from compass_desk.api.errors import ApiError, AuthenticationError, ConflictError, OutcomeUnknownError
from compass_desk.domain import move_texts as T
from compass_desk.domain.mac import format_mac
from compass_desk.domain.models import Company, Phone
from compass_desk.domain.move_plan import MoveMethod, MovePlan, check_move
from compass_desk.domain.move_texts import bare, phone_title, phone_words, said
from compass_desk.domain.text import Text, TextError, fill, same
from compass_desk.services.move_snapshot import MoveRecord, seal, take_snapshot
from compass_desk.services.session import Session
from compass_desk.store.audit import phone_target, record_message
from compass_desk.store.journal import Journal, Operation, UnknownOperationError
from compass_desk.store.vault import Vault

log = logging.getLogger(__name__)

KIND = "manual-move"
Progress = Callable[[int, int, Text], None]  # the label in every language: the GUI shows its own


class Auditor(Protocol):
    def record(self, environment: str, user: str, action: str, target: str, outcome: str,
               detail: str = "") -> Any: ...


class Where(StrEnum):
    SOURCE = "source"
    TARGET = "target"
    ELSEWHERE = "elsewhere"
    NOWHERE = "nowhere"


@dataclass(frozen=True, slots=True)
class Location:
    where: Where
    phone: Phone | None = None


@dataclass(slots=True)
class MoveOutcome:
    phone: Phone  # as read back at the end
    company: Company
    method: MoveMethod
    verified: bool
    text: Text
    operation_id: int | None = None
    needs_reset: bool = False
    note_texts: list[Text] = field(default_factory=list)

    @property
    def message(self) -> str:
        return self.text.en

    @property
    def notes(self) -> list[str]:
        return [note.en for note in self.note_texts]


class MoveError(TextError):
    """A move stopped. ``resumable``: the journal operation is still open (resume or undo it)."""

    def __init__(self, text: Text, *, operation_id: int | None = None, resumable: bool = False,
                 cause: BaseException | None = None, where: Where | None = None) -> None:
        super().__init__(text)
        self.operation_id = operation_id
        self.resumable = resumable
        self.cause = cause
        self.where = where
        self.audited = False  # set once the stop is in the audit log

    @property
    def message(self) -> str:
        return self.text.en


def _no_progress(done: int, total: int, label: Text) -> None:
    del done, total, label


class MoveService:
    """Moves for one signed-in environment; *journal* keeps moves by hand across crashes."""

    def __init__(self, session: Session, journal: Journal, *, vault: Vault | None = None,
                 audit: Auditor | None = None) -> None:
        self.session = session
        self.journal = journal
        self.vault = vault if vault is not None else Vault()
        self.audit = audit

    # --- planning -------------------------------------------------------------------------
    def plan(self, phone: Phone, target: Company, method: MoveMethod) -> MovePlan:
        """Rights and capabilities checked before anything changes (MoveRefused when not allowed)."""
        session = self.session
        if not session.companies:
            session.load_companies()
        source = session.company(phone.company_url)
        known_target = session.company(target.url) or target
        return check_move(phone, source, known_target, method, session.environment.name, self._supports)

    def _supports(self, operation: str) -> bool:
        try:
            return self.session.supports(operation)
        except ApiError:
            return True  # cannot tell now; the request itself will say

    def _record(self, action: str, phone: Phone, outcome: str, detail: str) -> None:
        if self.audit is None:
            return
        env = self.session.environment
        try:
            company = self.session.company(phone.company_url)
            target = phone_target(phone.name, phone.mac, company.name if company else "")
            self.audit.record(env.name, env.username, action, target, outcome, detail)
        except Exception as exc:  # the move matters more than its log line
            log.warning("audit log not written: %s", exc)

    # --- the API move ---------------------------------------------------------------------
    def move_api(self, plan: MovePlan, progress: Progress | None = None) -> MoveOutcome:
        report = progress or _no_progress
        phone, target = plan.phone, plan.target
        report(0, 2, fill(T.MOVING_API, phone=phone_words(phone), target=target.name))
        detail = f"from {plan.source_name} to {target.name}"
        try:
            self.session.migrate(phone, target)
        except ApiError as exc:
            self._record("migrate", phone, "unknown" if isinstance(exc, OutcomeUnknownError) else "failed",
                         record_message(exc))
            raise
        report(1, 2, T.READING_BACK)
        now = self.session.client.phone(phone.url)
        verified = now.company_url == target.url
        self._record("migrate", phone, "ok" if verified else "unknown", detail)
        if not verified:
            raise MoveError(fill(T.NOT_VERIFIED_API, phone=phone_words(phone)), where=Where.SOURCE)
        report(2, 2, T.DONE)
        return MoveOutcome(now, target, MoveMethod.API, True,
                           fill(T.MOVED_API, phone=phone_title(now), target=target.name))

    # --- the move by hand -----------------------------------------------------------------
    def move_manual(self, plan: MovePlan, progress: Progress | None = None) -> MoveOutcome:
        """Snapshot into the journal, remove, re-add in the target; MoveError leaves it resumable."""
        report = progress or _no_progress
        phone = plan.phone
        report(0, 4, fill(T.SAVING, phone=phone_words(phone)))
        current, settings, snapshot = take_snapshot(self.session, phone)
        if current.company_url != phone.company_url:
            raise MoveError(fill(T.MOVED_MEANWHILE, phone=phone_title(phone)))
        sealed, plain, note = seal(settings, self.vault)
        env = self.session.environment
        assert plan.source is not None  # check_move refuses a move without rights on the source
        record = MoveRecord(env.name, env.base_url, current.mac, current.url, plan.source, plan.target,
                            snapshot, sealed, plain, [note] if note else [])
        op = self.journal.begin(KIND, record.to_payload())
        return self._drive_audited(op, record, Where.TARGET, report)

    # --- unfinished moves -----------------------------------------------------------------
    def unfinished(self) -> list[Operation]:
        return [op for op in self.journal.unfinished(KIND) if self._mine(op)]

    def _mine(self, op: Operation) -> bool:
        env = self.session.environment
        return op.payload.get("base_url") == env.base_url or op.payload.get("environment") == env.name

    def _open(self, operation_id: int) -> MoveRecord:
        op = self.journal.get(operation_id)
        if op is None or op.kind != KIND:
            raise UnknownOperationError(fill(T.NO_SUCH_MOVE, op=operation_id))
        if op.finished:
            outcome = T.OUTCOMES.get(op.outcome or "") or same(str(op.outcome))
            raise MoveError(fill(T.ALREADY_FINISHED, op=operation_id, outcome=outcome))
        if not self._mine(op):
            raise MoveError(fill(T.OTHER_ENVIRONMENT, op=operation_id,
                                 environment=str(op.payload.get("environment"))))
        return MoveRecord.from_payload(op.payload)

    def resume(self, operation_id: int, progress: Progress | None = None) -> MoveOutcome:
        """Finish an unfinished move: the phone ends up in the target organisation."""
        return self._drive_audited(operation_id, self._open(operation_id), Where.TARGET,
                                   progress or _no_progress)

    def undo(self, operation_id: int, progress: Progress | None = None) -> MoveOutcome:
        """Put the phone back in its original organisation from the snapshot."""
        return self._drive_audited(operation_id, self._open(operation_id), Where.SOURCE,
                                   progress or _no_progress)

    # --- the engine -----------------------------------------------------------------------
    def locate(self, record: MoveRecord, *, everywhere: bool = False) -> Location:
        """Where the MAC is now: read back from both organisations (and, if asked, all of them)."""
        client = self.session.client
        for company, where in ((record.target, Where.TARGET), (record.source, Where.SOURCE)):
            found = [p for p in client.phones(company) if p.mac == record.mac]
            if found:
                return Location(where, found[0])
        if everywhere:
            result = self.session.refresh()
            found = [p for p in result.phones if p.mac == record.mac]
            if found:
                return Location(Where.ELSEWHERE, found[0])
            if result.failures:
                names = ", ".join(f.company.name for f in result.failures[:3])
                raise MoveError(fill(T.NOT_EVERY_ORGANISATION, names=names))
        return Location(Where.NOWHERE)

    def _locate_or_stop(self, op: int, record: MoveRecord, everywhere: bool = False) -> Location:
        try:
            return self.locate(record, everywhere=everywhere)
        except AuthenticationError:
            raise
        except (ApiError, MoveError) as exc:
            raise MoveError(fill(T.CANNOT_CHECK, mac=format_mac(record.mac), reason=bare(said(exc)), op=op),
                            operation_id=op, resumable=True, cause=exc) from exc

    def _drive_audited(self, op: int, record: MoveRecord, goal: Where, report: Progress) -> MoveOutcome:
        """:meth:`_drive`, and every way it stops leaves an audit entry (once)."""
        try:
            return self._drive(op, record, goal, report)
        except MoveError as exc:
            if not exc.audited:
                action = "manual-move" if goal is Where.TARGET else "manual-move-undo"
                # Open in the journal: where the phone ends up is not settled yet.
                outcome = "unknown" if exc.resumable else "failed"
                self._record(action, record.phone, outcome, record_message(exc))
                exc.audited = True
            raise

    def _drive(self, op: int, record: MoveRecord, goal: Where, report: Progress) -> MoveOutcome:
        other = Where.SOURCE if goal is Where.TARGET else Where.TARGET
        goal_company = record.target if goal is Where.TARGET else record.source
        checking = T.CHECKING_MOVE if goal is Where.TARGET else T.CHECKING_UNDO
        report(1, 4, fill(checking, mac=format_mac(record.mac)))
        everywhere = False
        for _attempt in range(4):
            location = self._locate_or_stop(op, record, everywhere)
            if location.where is goal and location.phone is not None:
                return self._arrived(op, record, goal, location.phone, report)
            if location.where is Where.ELSEWHERE and location.phone is not None:
                found_in = location.phone.company_url
                self.journal.step(op, "locate", "done", {"found_in": found_in})
                self._finish(op, "elsewhere")
                known = self.session.company(found_in)
                raise MoveError(fill(T.MOVED_ELSEWHERE, mac=format_mac(record.mac),
                                     company=known.name if known else found_in),
                                operation_id=op, where=Where.ELSEWHERE)
            if location.where is other and location.phone is not None:
                name = "remove" if goal is Where.TARGET else "undo-remove"
                from_company = record.source if other is Where.SOURCE else record.target
                report(2, 4, fill(T.REMOVING, company=from_company.name))
                here = location.phone
                error = self._step(op, name, partial(self.session.remove_phone, here), {"url": here.url})
            else:
                name = "add" if goal is Where.TARGET else "restore"
                report(3, 4, fill(T.ADDING, company=goal_company.name))
                error = self._step(op, name, lambda: self._add(record, goal_company), {})
            if error is None:
                continue
            # Never repeat a write blindly: read back, and stop when the step did not happen.
            everywhere = isinstance(error, ConflictError)
            after = self._locate_or_stop(op, record, everywhere)
            if after.where is location.where and (after.phone is None) == (location.phone is None):
                self._stop(op, record, goal, after, error)
        raise MoveError(fill(T.NOT_SETTLED, op=op), operation_id=op, resumable=True)

    def _finish(self, op: int, outcome: str) -> None:
        """Close the operation; its saved custom settings (passwords, perhaps) are no longer kept."""
        operation = self.journal.get(op)
        payload = dict(operation.payload) if operation is not None else None
        if payload is not None and payload.get("custom_settings"):
            payload["custom_settings"] = {}  # a finished move is never resumed or undone
        else:
            payload = None
        self.journal.finish(op, outcome, payload=payload)

    def _add(self, record: MoveRecord, company: Company) -> Phone:
        phone = record.phone
        return self.session.add_phone(
            company, name=phone.name, model=phone.model, mac=record.mac, vlan_id=phone.vlan_id,
            encryption=phone.encryption, expansion_pads=phone.expansion_pads,
        )

    def _step(
        self, op: int, name: str, action: Callable[[], object], data: dict[str, Any]
    ) -> ApiError | None:
        self.journal.step(op, name, "started", data)
        try:
            result = action()
        except AuthenticationError as exc:
            self.journal.step(op, name, "failed", {"message": exc.message})
            raise MoveError(fill(T.SIGN_IN_AGAIN, reason=said(exc), op=op), operation_id=op, resumable=True,
                            cause=exc) from exc
        except ApiError as exc:
            self.journal.step(op, name, "failed", {"message": exc.message})
            return exc
        done = {"url": result.url} if isinstance(result, Phone) else {}
        self.journal.step(op, name, "done", done)
        return None

    def _stop(self, op: int, record: MoveRecord, goal: Where, location: Location, error: ApiError) -> None:
        untouched = location.where is Where.SOURCE and location.phone is not None \
            and location.phone.url == record.original_url
        if untouched and goal is Where.TARGET:
            self._finish(op, "failed")
            self._record("manual-move", record.phone, "failed", record_message(error))
            stopped = MoveError(fill(T.NOTHING_CHANGED, reason=bare(said(error))), operation_id=op,
                                cause=error, where=Where.SOURCE)
            stopped.audited = True
            raise stopped
        where = {
            Where.SOURCE: fill(T.IS_IN, company=record.source.name),
            Where.TARGET: fill(T.IS_IN, company=record.target.name),
            Where.NOWHERE: T.IN_NEITHER,
        }.get(location.where, same(""))
        action = "manual-move" if goal is Where.TARGET else "manual-move-undo"
        self._record(action, record.phone, "failed", record_message(error))
        stopped = MoveError(
            fill(T.STOPPED_MIDWAY, reason=bare(said(error)), where=where, source=record.source.name, op=op),
            operation_id=op, resumable=True, cause=error, where=location.where,
        )
        stopped.audited = True
        raise stopped

    def _arrived(
        self, op: int, record: MoveRecord, goal: Where, phone: Phone, report: Progress
    ) -> MoveOutcome:
        notes = list(record.notes)
        if goal is Where.SOURCE and phone.url != record.original_url:
            notes += self._restore_settings(op, record, phone)
        report(4, 4, T.READING_BACK)
        try:
            now = self.session.client.phone(phone.url)
        except ApiError as exc:
            raise MoveError(fill(T.NOT_READ_BACK, reason=bare(said(exc)), op=op), operation_id=op,
                            resumable=True, cause=exc) from exc
        company = record.target if goal is Where.TARGET else record.source
        verified = now.company_url == company.url
        outcome = "done" if goal is Where.TARGET else "undone"
        self.journal.step(op, "verify", "done", {"url": now.url, "company": now.company_url})
        self._finish(op, outcome)
        if goal is Where.TARGET:
            message = fill(T.MOVED_MANUAL, phone=phone_title(now), company=company.name)
            action = "manual-move"
        else:
            message = fill(T.PUT_BACK, phone=phone_title(now), company=company.name)
            action = "manual-move-undo"
        detail = f"from {record.source.name} to {company.name}"
        if not verified:
            note = fill(T.READ_BACK_ELSEWHERE, company=company.name)
            notes.append(note)
            message = message + note
            detail = f"{detail}; not verified: read back in {now.company_url}"
        self._record(action, now, "ok" if verified else "unknown", detail)
        return MoveOutcome(now, company, MoveMethod.MANUAL, verified, message, op,
                           needs_reset=goal is Where.TARGET, note_texts=notes)

    def _restore_settings(self, op: int, record: MoveRecord, phone: Phone) -> list[Text]:
        """Custom settings, firmware choice and codec profile of the snapshot, on the re-added phone."""
        operation = self.journal.get(op)
        if operation is not None and operation.state_of("restore-settings") == "done" \
                and operation.data_of("restore-settings").get("url") == phone.url:
            return []
        notes: list[Text] = []
        settings = record.custom_settings(self.vault)
        old = record.phone

        def restore() -> Phone:
            if settings is None:
                notes.append(T.LOST_KEY_NOTE)
            elif settings:
                self.session.client.set_custom_settings(phone, settings)
            changes = {k: v for k, v in (("firmware", old.firmware), ("codec_profile", old.codec_profile))
                       if v is not None}
            return self.session.update_phone(phone, **changes) if changes else phone

        error = self._step(op, "restore-settings", restore, {"url": phone.url})
        if error is not None:
            raise MoveError(fill(T.SETTINGS_NOT_RESTORED, company=record.source.name,
                                 reason=bare(said(error)), op=op),
                            operation_id=op, resumable=True, cause=error, where=Where.SOURCE)
        if old.logged_in_user:
            notes.append(T.LOG_IN_AGAIN)
        return notes
