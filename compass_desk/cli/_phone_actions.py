"""``phones activate|reboot|preview|move``: the commands that change or reveal something.

Changes are confirmed on a terminal unless ``--yes``; without a terminal they need ``--yes``.
``--json`` shapes: ``activate``: ``PHONE`` plus ``"deadline"``; ``move``: ``PHONE`` plus
``method, from, to, verified, operation_id, needs_reset, notes, message`` (see ``cli/moves.py``);
``reboot``: ``{"phone": PHONE, "rebooted": true}``; ``preview``: ``{"phone_url", "filename",
"content_type", "generated_at", "masked", "content"}`` (``"written"`` instead of ``"content"``
with ``--out``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from compass_desk.cli._files import write_text
from compass_desk.cli.common import FAILED, OK, GlobalOptions, print_json


def register(phones_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    activate = phones_sub.add_parser(
        "activate", help="activate provisioning by manufacturer (before a reset)"
    )
    activate.add_argument("phone", metavar="PHONE", help="id, URL or MAC address")
    activate.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    activate.set_defaults(handler=_activate)
    reboot = phones_sub.add_parser("reboot", help="restart a phone")
    reboot.add_argument("phone", metavar="PHONE", help="id, URL or MAC address")
    reboot.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    reboot.set_defaults(handler=_reboot)
    preview = phones_sub.add_parser("preview", help="the provisioning file Compass sends to the phone")
    preview.add_argument("phone", metavar="PHONE", help="id, URL or MAC address")
    preview.add_argument("--reveal-secrets", action="store_true", help="show passwords in plain text")
    preview.add_argument("--out", metavar="FILE", help="write the file here instead of printing it")
    preview.add_argument(
        "--cached", action="store_true", help="the copy kept for offline reading (no account or network)"
    )
    preview.set_defaults(handler=_preview)
    from compass_desk.cli import moves as move_cli

    move = phones_sub.add_parser(
        "move", help="move a phone to another organisation (API or by hand) or use it on another environment"
    )
    move_cli.add_move_arguments(move)
    move.set_defaults(handler=move_cli.handle_move)


def _label(phone: Any) -> str:
    from compass_desk.api.client import describe

    return describe(phone)


def _target(session: Any, phone: Any) -> str:
    """The phone as the audit log names it (the same as the app writes it)."""
    from compass_desk.store.audit import phone_target

    company = session.company(phone.company_url)
    return phone_target(phone.name, phone.mac, company.name if company is not None else "")


def _activate(args: argparse.Namespace, options: GlobalOptions) -> int:
    from datetime import UTC, datetime

    from compass_desk.cli._connect import audited, confirm, connected
    from compass_desk.cli._prefs import deadline_cutoff
    from compass_desk.cli._render import amsterdam_time, phone_json, when
    from compass_desk.domain import deadline
    from compass_desk.domain.models import ProvisioningState
    from compass_desk.services.lookup import find_phone

    with connected(options) as session:
        phone = find_phone(session, args.phone)
        confirm(f"Activate provisioning by manufacturer for {_label(phone)}?", args.yes)
        with audited(options, session.environment, "activate", _target(session, phone)) as note:
            result = session.activate(phone)
            note.detail = f"→ {result.provisioning.value}"  # the same in the GUI and CLI log
        company = session.company(result.company_url)
    cutoff = deadline_cutoff(options)  # the same Wednesday cutoff as the app
    due = deadline.deadline_for(result.activated_at, cutoff) if result.activated_at else None
    if options.json:
        data = phone_json(result, company)
        data["deadline"] = when(due) if result.provisioning is ProvisioningState.ACTIVE else None
        print_json(data)
    if result.provisioning is ProvisioningState.PROVISION:
        print(
            f"compass-desk: Compass could not register {_label(result)} at the vendor (state 'provision'); "
            "try Activate again later, or remove and re-add the phone.",
            file=sys.stderr,
        )
        return FAILED
    if not options.json:
        left = deadline.time_left_text(due, datetime.now(UTC)) if due else ""
        tail = f"; reset it before {amsterdam_time(due)} ({left} left)" if due else ""
        print(f"Activated {_label(result)}: state {result.provisioning.value}{tail}.")
    return OK


def _reboot(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.cli._connect import audited, confirm, connected
    from compass_desk.cli._render import phone_json
    from compass_desk.services.lookup import find_phone

    with connected(options) as session:
        phone = find_phone(session, args.phone)
        confirm(f"Reboot {_label(phone)}? Calls on it will be cut off.", args.yes)
        with audited(options, session.environment, "reboot", _target(session, phone)):
            session.reboot(phone)
    if options.json:
        print_json({"phone": phone_json(phone), "rebooted": True})
    else:
        print(f"Reboot of {_label(phone)} requested.")
    return OK


def _preview(args: argparse.Namespace, options: GlobalOptions) -> int:
    if args.cached:
        from compass_desk.cli.offline_cache import preview_cached

        return preview_cached(args, options)
    from compass_desk.cli._connect import connected
    from compass_desk.cli._render import when
    from compass_desk.cli.offline_cache import fetch_provisioning_file
    from compass_desk.services.lookup import find_phone
    from compass_desk.services.preview import preview

    with connected(options) as session:
        phone = find_phone(session, args.phone)
        # Every file fetched is also kept (secrets encrypted) for offline reading.
        fetched = fetch_provisioning_file(session, phone, options)
        shown = preview(fetched, reveal_secrets=args.reveal_secrets)
    meta: dict[str, Any] = {
        "phone_url": phone.url,
        "filename": shown.file.filename,
        "content_type": shown.file.content_type,
        "generated_at": when(shown.file.generated_at),
        "masked": shown.masked,
    }
    if args.out:
        write_text(Path(args.out), shown.text, secret=not shown.masked)
        meta["written"] = str(Path(args.out).resolve())
        if options.json:
            print_json(meta)
        else:
            state = "secrets masked" if shown.masked else "secrets in plain text"
            print(f"Wrote the provisioning file of {_label(phone)} to {args.out} ({state}).")
        return OK
    if options.json:
        print_json({**meta, "content": shown.text})
    else:
        sys.stdout.write(shown.text if shown.text.endswith("\n") else shown.text + "\n")
    return OK

