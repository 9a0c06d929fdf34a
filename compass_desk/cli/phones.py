"""``phones list|find|show`` (reads), ``activate|reboot|preview|move`` (see ``_phone_actions``) and
``firmware`` (see ``firmware_cmds``).

A PHONE is named by its id, its ``self`` URL or its MAC in any notation; a COMPANY by its id,
``self`` URL or exact name.

``--json`` shapes (fields may be added, never renamed): ``list``/``find``: ``[PHONE]``; ``show``:
``{"phone": PHONE, "model_name", "status": STATUS|null, "status_error": str|null, "state":
{"value", "label", "meaning", "suboptimal", "advice", "verdict", "next"}, "deadline": {"at", "time_left",
"lapsed"}|null,
"firmware": {"selected", "installed", "installed_description"}}`` where PHONE is ``{"id", "url",
"name", "mac", "mac_display", "model", "company": {"url", "id", "name"}, "state", "activated_at",
"firmware", "vlan_id", "encryption", "expansion_pads", "codec_profile", "logged_in_user"}`` and
STATUS ``{"online", "private_ip", "public_ip", "user_agent", "firmware_version", "registered_at",
"last_provisioned_at"}``. ``suboptimal`` (needs attention), ``advice`` (the verdict in a sentence),
``verdict`` and ``next`` (the first step of the fix, or "") come from domain.diagnosis, like ``phones
diagnose``, the details panel and the "Suboptimal" filter.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from compass_desk.cli import _phone_actions, firmware_cmds
from compass_desk.cli.common import FAILED, NOT_FOUND, OK, CliError, GlobalOptions, print_json
from compass_desk.cli.diagnose import add_diagnose_parser

if TYPE_CHECKING:
    from datetime import datetime, time

    from compass_desk.services.session import Session

ORDER = 30
STATES = ("active", "disabled", "provision", "deprovision")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    phones = sub.add_parser("phones", help="list, find, inspect and act on phones")
    phones_sub = phones.add_subparsers(dest="phones_command", metavar="SUBCOMMAND")
    listing = phones_sub.add_parser("list", help="list phones of all (or one) organisations")
    listing.add_argument(
        "--company", metavar="COMPANY", help="only this organisation (id, URL or exact name)"
    )
    listing.add_argument("--state", choices=STATES, help="only phones in this provisioning state")
    listing.set_defaults(handler=_list)
    find = phones_sub.add_parser("find", help="find a phone by MAC address across organisations")
    find.add_argument("mac", metavar="MAC", help="in any notation, e.g. 00:04:13:AA:BB:CC or 000413aabbcc")
    find.set_defaults(handler=_find)
    show = phones_sub.add_parser("show", help="properties, live status, firmware and provisioning state")
    show.add_argument("phone", metavar="PHONE", help="id, URL or MAC address")
    show.set_defaults(handler=_show)
    _phone_actions.register(phones_sub)
    firmware_cmds.add_phone_parser(phones_sub)
    add_diagnose_parser(phones_sub)


def _list(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.cli._connect import connected, refresh_progress
    from compass_desk.cli._render import phone_json, print_phones
    from compass_desk.services.lookup import find_company

    failures: list[str] = []
    with connected(options) as session:
        if args.company:
            company = find_company(session, args.company)
            phones = session.refresh_company(company)
            warnings = list(getattr(phones, "skipped", ()))
        else:
            result = session.refresh(progress=refresh_progress)
            phones = result.phones
            failures = [f"{f.company.name}: {f.message}" for f in result.failures]
            warnings = result.warnings
        companies = {c.url: c for c in session.companies}
    if args.state:
        phones = [p for p in phones if p.provisioning.value == args.state]
    if options.json:
        print_json([phone_json(p, companies.get(p.company_url)) for p in phones])
    else:
        print_phones(phones, companies)
    for warning in warnings:
        print(f"compass-desk: warning: {warning}", file=sys.stderr)
    for failure in failures:
        print(f"compass-desk: could not read the phones of {failure}", file=sys.stderr)
    return FAILED if failures else OK


def _find(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.cli._connect import cli_errors, connected
    from compass_desk.cli._render import phone_json, print_phones
    from compass_desk.domain.mac import normalize_mac

    with cli_errors():
        normalize_mac(args.mac)  # bad input is refused before signing in
    with connected(options) as session:
        phones = session.find_by_mac(args.mac)
        companies = {c.url: c for c in session.companies}
    if options.json:
        print_json([phone_json(p, companies.get(p.company_url)) for p in phones])
    elif phones:
        print_phones(phones, companies)
    if not phones:
        raise CliError(f"no phone with MAC address {args.mac} in the organisations you can see", NOT_FOUND)
    return OK


def _show(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.cli._connect import connected
    from compass_desk.cli._prefs import deadline_cutoff

    with connected(options) as session:
        details = phone_details(session, args.phone, deadline_cutoff(options))
    if options.json:
        print_json(details)
    else:
        _print_details(details)
    return OK


def phone_details(session: Session, text: str, cutoff: time | None = None,
                  now: datetime | None = None) -> dict[str, Any]:
    """Everything ``show`` prints, as the stable JSON object (the deadline with *cutoff*, default 00:00)."""
    from datetime import UTC, datetime

    from compass_desk.api.errors import ApiError, AuthenticationError
    from compass_desk.cli._render import phone_json, status_json, when
    from compass_desk.domain import deadline, states
    from compass_desk.domain.diagnosis import diagnose
    from compass_desk.domain.models import ProvisioningState
    from compass_desk.services.lookup import find_phone

    phone = find_phone(session, text)
    company = session.company(phone.company_url)
    if company is None:
        try:
            company = session.client.company(phone.company_url)
        except AuthenticationError:
            raise
        except ApiError:
            company = None  # the phone is still worth showing without its organisation's name
    status, status_error = None, None
    try:
        status = session.status(phone)
    except AuthenticationError:
        raise
    except ApiError as exc:
        status_error = exc.message
    info = states.STATES[phone.provisioning]
    now = now or datetime.now(UTC)
    # One verdict everywhere: the troubleshooter's (it sees activation time, deadline and live status).
    verdict = diagnose(phone, status, now, cutoff or deadline.DEFAULT_CUTOFF)
    due = None
    if phone.provisioning is ProvisioningState.ACTIVE and phone.activated_at:
        at = deadline.deadline_for(phone.activated_at, cutoff or deadline.DEFAULT_CUTOFF)
        due = {
            "at": when(at),
            "time_left": deadline.time_left_text(at, now),
            "lapsed": deadline.is_lapsed(at, now),
        }
    installed = status.firmware_version if status else None
    return {
        "phone": phone_json(phone, company),
        "model_name": _model_name(phone.model),
        "status": status_json(status) if status else None,
        "status_error": status_error,
        "state": {
            "value": phone.provisioning.value,
            "label": info.label,
            "meaning": info.meaning,
            "suboptimal": verdict.needs_attention,
            "advice": verdict.verdict_text(),
            "verdict": verdict.verdict.value,
            "next": verdict.next_step(),
        },
        "deadline": due,
        "firmware": {
            "selected": phone.firmware,
            "installed": installed,
            "installed_description": _describe_firmware(installed, status.user_agent if status else None),
        },
    }


def _model_name(model_id: str) -> str | None:
    from compass_desk.domain.catalog import Catalog
    from compass_desk.resources import load_toml

    try:
        entry = Catalog.from_toml(load_toml("models.toml")).get(model_id)
    except (OSError, ValueError, KeyError):
        return None
    return entry.model.display_name if entry else None


def _describe_firmware(version: str | None, user_agent: str | None) -> str | None:
    from compass_desk.domain.firmware import FirmwareError, YealinkFamilies, parse_firmware
    from compass_desk.domain.useragent import decode
    from compass_desk.resources import load_toml

    try:
        families = YealinkFamilies.from_toml(load_toml("yealink_families.toml"))
    except (OSError, ValueError, KeyError):
        families = None
    if user_agent:
        try:
            return decode(user_agent, families=families).version.describe()
        except FirmwareError:
            pass
    if version:
        try:
            return parse_firmware(version, families=families).describe()
        except FirmwareError:
            pass
    return None


def _print_details(d: dict[str, Any]) -> None:
    from datetime import datetime

    from compass_desk.cli._render import amsterdam_time, local_time
    from compass_desk.cli.common import print_fields

    p, s, state = d["phone"], d["status"], d["state"]

    def moment(value: str | None) -> str:
        return local_time(datetime.fromisoformat(value)) if value else ""

    pairs: list[tuple[str, Any]] = [
        ("Name", p["name"]),
        ("MAC address", p["mac_display"]),
        ("Model", d["model_name"] or p["model"]),
        ("Organisation", p["company"]["name"] or p["company"]["url"]),
        ("Provisioning", f"{state['value']}: {state['meaning']}"),
    ]
    pairs.append(("Verdict", state["advice"]))
    if state["next"]:
        pairs.append(("Next", state["next"]))
    if p["activated_at"]:
        pairs.append(("Activated", moment(p["activated_at"])))
    if d["deadline"]:
        due = d["deadline"]
        left = "lapsed" if due["lapsed"] else f"{due['time_left']} left"
        # Amsterdam time, as the deadline is defined there (and as the app and 'deadline' show it).
        at = amsterdam_time(datetime.fromisoformat(due["at"]))
        pairs.append(("Deadline", f"{at} ({left}; reset the phone before then)"))
    pairs += [
        ("Firmware chosen", p["firmware"] or "use installed firmware"),
        ("VLAN", p["vlan_id"] if p["vlan_id"] is not None else "none"),
        ("Encryption", p["encryption"]),
        ("Expansion modules", p["expansion_pads"]),
        ("Logged-in user", p["logged_in_user"] or "nobody"),
    ]
    if s:
        pairs += [
            ("Online", "yes" if s["online"] else "no"),
            ("Private IP", s["private_ip"]),
            ("Public IP", s["public_ip"]),
            ("User agent", s["user_agent"]),
            ("Installed firmware", d["firmware"]["installed"]),
        ]
        if d["firmware"]["installed_description"]:
            pairs.append(("", d["firmware"]["installed_description"]))
        pairs += [
            ("Registered", moment(s["registered_at"])),
            ("Last provisioned", moment(s["last_provisioned_at"])),
        ]
    else:
        pairs.append(("Live status", f"not available: {d['status_error']}"))
    pairs += [("ID", p["id"]), ("URL", p["url"])]
    print_fields(pairs)
