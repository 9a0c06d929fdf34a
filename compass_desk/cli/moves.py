"""``journal`` (unfinished moves: list, resume, undo) and the handler of ``phones move``.

``phones move PHONE --to COMPANY [--manual]`` moves between organisations (the API by default);
``phones move PHONE --to-env ENV [--to COMPANY]`` makes the phone ready for another environment.
The ``phones`` group (cli/phones.py) wires :func:`add_move_arguments` and :func:`handle_move`.
JSON shapes: see ``cli._move_render``. A read-only user gets exit code 5 before anything changes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from compass_desk.cli.common import (
    FAILED,
    NOT_FOUND,
    OK,
    PERMISSION,
    USAGE,
    CliError,
    GlobalOptions,
    print_json,
)

if TYPE_CHECKING:
    from compass_desk.services.moves import MoveError, MoveService
    from compass_desk.store.journal import Journal

ORDER = 35


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    journal = sub.add_parser(
        "journal", help="unfinished moves by hand: list them, finish (--resume) or undo (--undo) one",
        description="Lists the moves by hand that did not finish (for example after a crash), with their "
        "ids. --resume ID finishes one (the phone ends up in the target organisation); --undo ID puts the "
        "phone back where it was, with its custom settings and firmware choice.",
    )
    which = journal.add_mutually_exclusive_group()
    which.add_argument("--resume", type=int, metavar="ID", help="finish this move")
    which.add_argument("--undo", type=int, metavar="ID", help="put the phone back where it was")
    journal.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    journal.set_defaults(handler=handle_journal)


def add_move_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("phone", metavar="PHONE", help="id, URL or MAC address")
    parser.add_argument("--to", metavar="COMPANY",
                        help="target organisation (id, URL or exact name); with --to-env: the organisation "
                        "on that environment when the phone is not there yet")
    parser.add_argument("--manual", action="store_true",
                        help="move by hand (remove, re-add, factory reset) instead of with the API")
    parser.add_argument("--to-env", metavar="ENV",
                        help="use the phone on this environment (saved profile) instead; nothing is removed")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")


# --- plumbing ------------------------------------------------------------------------------------
@contextmanager
def open_journal(options: GlobalOptions) -> Iterator[Journal]:
    from compass_desk.paths import app_paths
    from compass_desk.store.db import StoreError, state_db_path
    from compass_desk.store.journal import Journal

    try:
        journal = Journal(state_db_path(app_paths(options.data_dir).ensure().data))
    except StoreError as exc:
        raise CliError(
            f"the operations journal cannot be opened ({exc}); nothing was changed", FAILED
        ) from None
    except OSError as exc:  # the data folder itself cannot be made or used
        where = exc.filename or app_paths(options.data_dir).data
        raise CliError(
            f"the operations journal cannot be opened: {where}: {exc.strerror or exc}; nothing was changed",
            FAILED,
        ) from None
    try:
        yield journal
    finally:
        journal.close()


@contextmanager
def _audit(options: GlobalOptions) -> Iterator[Any]:
    """The audit log for the duration of one command (closed afterwards), or None if it cannot open."""
    from compass_desk.paths import app_paths
    from compass_desk.store.audit import AuditLog
    from compass_desk.store.db import state_db_path

    try:
        audit = AuditLog(state_db_path(app_paths(options.data_dir).ensure().data))
    except Exception as exc:  # the move itself matters more than its log line; say so, go on
        print(f"compass-desk: the audit log cannot be opened ({exc}); this move is not logged",
              file=sys.stderr)
        yield None
        return
    try:
        yield audit
    finally:
        audit.close()


@contextmanager
def move_errors() -> Iterator[None]:
    """Refusals and stopped moves as one sentence with an exit code (read-only: 5)."""
    from compass_desk.api.errors import ApiError
    from compass_desk.cli._connect import exit_code_for
    from compass_desk.domain.move_plan import MoveRefused
    from compass_desk.services.moves import MoveError
    from compass_desk.store.journal import UnknownOperationError

    try:
        yield
    except MoveRefused as exc:
        raise CliError(exc.reason, PERMISSION if exc.read_only else USAGE) from None
    except MoveError as exc:
        code = exit_code_for(exc.cause) if isinstance(exc.cause, ApiError) else FAILED
        raise CliError(_with_journal_hint(exc), code) from None
    except UnknownOperationError as exc:
        raise CliError(str(exc), NOT_FOUND) from None


def _with_journal_hint(exc: MoveError) -> str:
    if not exc.resumable or exc.operation_id is None:
        return exc.message
    op = exc.operation_id
    return (f"{exc.message.rstrip('.')} (to finish: 'compass-desk journal --resume {op}'; to put it back: "
            f"'compass-desk journal --undo {op}')")


# --- phones move ---------------------------------------------------------------------------------
def handle_move(args: argparse.Namespace, options: GlobalOptions) -> int:
    if not args.to and not args.to_env:
        raise CliError("say where to: --to COMPANY, or --to-env ENV", USAGE)
    if args.to_env and args.manual:
        raise CliError("--manual applies to moves between organisations, not to --to-env", USAGE)
    if args.to_env:
        return _switch(args, options)
    return _move(args, options)


def _move(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.api.client import describe
    from compass_desk.cli._connect import confirm, connected
    from compass_desk.cli._move_render import outcome_json, print_outcome
    from compass_desk.domain.move_plan import METHOD_LABELS, MoveMethod
    from compass_desk.services.lookup import find_company, find_phone
    from compass_desk.services.moves import MoveError, MoveService

    method = MoveMethod.MANUAL if args.manual else MoveMethod.API
    with open_journal(options) as journal, connected(options) as session, _audit(options) as audit, \
            move_errors():
        phone = find_phone(session, args.phone)
        target = find_company(session, args.to)
        service = MoveService(session, journal, audit=audit)
        plan = service.plan(phone, target, method)  # rights first: read-only is refused here
        question = (f"{METHOD_LABELS[method]}: {describe(phone)} from {plan.source_name} to {target.name} "
                    f"on {session.environment.name}?")
        if plan.losses:
            question += " " + " ".join(map(str, plan.losses))
        confirm(question, args.yes)
        _warn_unfinished(service)
        if method is MoveMethod.API:
            outcome = service.move_api(plan)
        else:
            try:
                outcome = service.move_manual(plan)
            except MoveError as exc:
                outcome = _after_failure(service, exc, args.yes)
    if options.json:
        print_json(outcome_json(outcome, plan.source))
    else:
        print_outcome(outcome, f"Moved {describe(outcome.phone)} from {plan.source_name} to {target.name}.")
    return OK


def _warn_unfinished(service: MoveService) -> None:
    waiting = service.unfinished()
    if waiting:
        ids = ", ".join(str(op.id) for op in waiting)
        print(f"compass-desk: unfinished moves in the journal: {ids} (see 'compass-desk journal')",
              file=sys.stderr)


def _after_failure(service: MoveService, error: MoveError, yes: bool) -> Any:
    """Offer retry or put back on a terminal; otherwise leave the move in the journal and say how."""
    if not error.resumable or error.operation_id is None or yes or not sys.stdin.isatty():
        raise error
    from compass_desk.services.moves import MoveError

    current = error
    while True:
        print(f"compass-desk: {current.message}", file=sys.stderr)
        try:
            answer = input("[r]etry, [p]ut it back, or [l]eave it in the journal for later? ").strip().lower()
        except EOFError:
            answer = "l"
        try:
            if answer.startswith("r"):
                return service.resume(error.operation_id)
            if answer.startswith("p"):
                return service.undo(error.operation_id)
        except MoveError as again:
            if not again.resumable:
                raise
            current = again
            continue
        if answer.startswith("l"):
            raise current


def _switch(args: argparse.Namespace, options: GlobalOptions) -> int:
    import dataclasses

    from compass_desk.api.client import describe
    from compass_desk.cli._connect import confirm, connected
    from compass_desk.cli._move_render import print_switch, switch_json
    from compass_desk.domain.move_plan import ENVIRONMENT_SWITCH_NOTE
    from compass_desk.services.env_switch import switch_environment, target_company_for
    from compass_desk.services.lookup import find_company, find_phone

    target_options = dataclasses.replace(options, env=args.to_env, url=None, user=None)
    with connected(options) as source, connected(target_options) as target, _audit(options) as audit, \
            move_errors():
        phone = find_phone(source, args.phone)
        company = find_company(target, args.to) if args.to else None
        # The question names the organisation and environment, so a wrong guess is caught before any change.
        where, there = target_company_for(source, phone, target, company)
        env_name = target.environment.name
        activate = "activate provisioning by manufacturer"
        label = describe(phone)
        step = (f"{activate} for {label} on {env_name}, where it already is in “{where.name}”" if there
                else f"add {label} on {env_name} to “{where.name}” and {activate}")
        confirm(f"{step[0].upper()}{step[1:]}? {ENVIRONMENT_SWITCH_NOTE}", args.yes)
        company = company or (None if there else where)
        result = switch_environment(source, phone, target, target_company=company, audit=audit)
    if options.json:
        print_json(switch_json(result))
    else:
        print_switch(result)
        print(f"Next: reset the phone to factory defaults; 'compass-desk guide {phone.model}' shows how.")
    return OK


# --- journal -------------------------------------------------------------------------------------
def handle_journal(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.cli._move_render import operation_json, print_operations
    from compass_desk.services.moves import KIND

    with open_journal(options) as journal:
        if args.resume is None and args.undo is None:
            ops = journal.unfinished(KIND)
            if options.json:
                print_json([operation_json(op) for op in ops])
            elif ops:
                print_operations(ops)
                print("\nFinish one with 'compass-desk journal --resume ID', or put the phone back with "
                      "'compass-desk journal --undo ID'.")
            else:
                print("No unfinished moves.")
            return OK
        return _resume_or_undo(args, options, journal)


def _resume_or_undo(args: argparse.Namespace, options: GlobalOptions, journal: Journal) -> int:
    import dataclasses

    from compass_desk.cli._connect import confirm, connected
    from compass_desk.cli._move_render import operation_json, outcome_json, print_outcome
    from compass_desk.domain.models import Company
    from compass_desk.services.moves import KIND, MoveService
    from compass_desk.store import codec
    from compass_desk.store.journal import UnknownOperationError

    op_id = args.resume if args.resume is not None else args.undo
    op = journal.get(op_id)
    if op is None or op.kind != KIND:
        with move_errors():
            raise UnknownOperationError(f"There is no journalled move with id {op_id}.")
    assert op is not None
    if op.finished:
        raise CliError(f"move {op_id} is already finished ({op.outcome})", USAGE)
    data = operation_json(op)
    if not (options.env or options.url):
        options = dataclasses.replace(options, env=data["environment"])  # the move's own environment
    phone = f"{data['phone']['name']} ({data['phone']['mac_display']})"
    if args.resume is not None:
        question = f"Finish move {op_id}: {phone} into {data['to']['name']}?"
    else:
        question = f"Undo move {op_id}: put {phone} back in {data['from']['name']}?"
    with connected(options) as session, _audit(options) as audit, move_errors():
        service = MoveService(session, journal, audit=audit)
        source = codec.decode(Company, op.payload["source"])
        confirm(question, args.yes)
        outcome = service.resume(op_id) if args.resume is not None else service.undo(op_id)
    if options.json:
        print_json(outcome_json(outcome, source))
    else:
        print_outcome(outcome)
    return OK
