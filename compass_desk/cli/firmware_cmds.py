"""``phones firmware PHONE [--set VERSION | --installed]`` and ``firmware report --company ID``.

Not a command group of its own (no ``register``): ``cli/phones.py`` calls :func:`add_phone_parser`
and ``cli/offline.py`` (which owns the ``firmware`` group) calls :func:`add_report_parser`.

A change is confirmed on a terminal unless ``--yes``; a risky one (downgrade, major downgrade,
custom <-> international Yealink build, unknown installed version) asks a second time with the
reason. Without a terminal both need ``--yes`` (exit 2 otherwise, nothing changed). Read-only
access exits 5 before anything is sent; a version that is not certified exits 2, naming the
certified ones.

``--json`` shapes (fields may be added, never renamed): ``phones firmware``: ``{"phone": PHONE,
"installed": str|null, "selected": str|null, "latest": str|null, "options": [{"version": str|null,
"label", "latest": bool, "relation": "newer"|"older"|"same"|null}], "change": null | {"target":
str|null, "outcome": "changed"|"unchanged"|"failed"|"unknown"|"not started", "message",
"selected": str|null}}``. ``firmware report``: ``{"company": COMPANY, "models": [{"model",
"model_name", "certified", "latest", "phones", "by_installed": {version: n}, "by_selected":
{version: n}, "behind", "pending", "unknown"}], "phones": [{"url", "id", "name", "mac", "model",
"installed", "selected", "latest", "behind": bool|null, "pending": bool, "online": bool|null}],
"behind": [url], "pending": [url]}`` (``unknown`` in ``by_installed`` = not reported).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from compass_desk.cli.common import FAILED, OK, PERMISSION, USAGE, CliError, GlobalOptions, print_json

if TYPE_CHECKING:
    from compass_desk.domain.firmware_plan import FirmwareOverview
    from compass_desk.domain.models import Phone
    from compass_desk.services.firmware import FirmwareService


def add_phone_parser(phones_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    firmware = phones_sub.add_parser(
        "firmware", help="show the certified firmware of a phone, or choose what Compass sends it"
    )
    firmware.add_argument("phone", metavar="PHONE", help="id, URL or MAC address")
    choice = firmware.add_mutually_exclusive_group()
    choice.add_argument("--set", metavar="VERSION", help="a version certified for the phone's model")
    choice.add_argument("--installed", action="store_true",
                        help="use installed firmware: Compass sends no firmware instruction")
    firmware.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    firmware.set_defaults(handler=_phone_firmware)


def add_report_parser(firmware_subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = firmware_subparsers.add_parser(
        "report", help="firmware per model and version in one organisation (needs an account)"
    )
    report.add_argument("--company", required=True, metavar="COMPANY", help="id, URL or exact name")
    report.set_defaults(handler=_report)


def _service(session: Any) -> FirmwareService:
    from compass_desk.services.firmware import FirmwareService

    return FirmwareService(session)


def _audit_log(options: GlobalOptions) -> Any:
    from compass_desk.paths import app_paths
    from compass_desk.store.audit import AuditLog
    from compass_desk.store.db import state_db_path

    try:
        return AuditLog(state_db_path(app_paths(options.data_dir).ensure().data))
    except Exception as exc:  # the change matters more than its log line; say so, go on
        print(f"compass-desk: the audit log cannot be opened ({exc}); this change is not logged",
              file=sys.stderr)
        return None


def _refused(error: Exception) -> CliError:
    from compass_desk.services.firmware import ReadOnly

    message = getattr(error, "message", str(error)).rstrip(".")
    return CliError(message, PERMISSION if isinstance(error, ReadOnly) else USAGE)


def _phone_firmware(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.api.client import describe
    from compass_desk.cli._connect import confirm, connected
    from compass_desk.domain import firmware_plan as fp
    from compass_desk.services.lookup import find_phone

    changing = bool(args.set) or args.installed
    with connected(options) as session:
        phone = find_phone(session, args.phone)
        service = _service(session)
        try:
            installed = service.installed([phone])
            data = _phone_data(service, phone, installed[phone.url])
            if not changing:
                if options.json:
                    print_json(data)
                else:
                    _print_phone(data, phone)
                return OK
            plan = service.plan([phone], None if args.installed else args.set, installed=installed)
        except fp.FirmwareRefused as exc:
            raise _refused(exc) from None
        choice = plan.target or fp.USE_INSTALLED_LABEL.lower()
        if not plan.needed:
            data["change"] = {"target": plan.target, "outcome": "unchanged",
                              "message": f"Already set to {choice}.", "selected": phone.firmware}
            if options.json:
                print_json(data)
            else:
                print(f"{_upper(describe(phone))} is already set to {choice}; nothing changed.")
            return OK
        if sys.stdin.isatty() and not args.yes and not options.json:
            print(plan.explanation())
        questions = [f"Set the firmware of {describe(phone)} to {choice}?"]
        if plan.needs_second_confirmation:
            questions.append(f"{' '.join(map(str, plan.reasons()))} Set {choice} anyway?")
        if not sys.stdin.isatty():
            questions.reverse()  # a script is told the risk, not just that --yes is missing
        for question in questions:
            confirm(question, args.yes)
        service.audit = _audit_log(options)
        try:
            run = service.apply(plan, confirmed=True)
        except fp.FirmwareRefused as exc:
            raise _refused(exc) from None
        finally:
            if service.audit is not None:
                service.audit.close()
    result = run.results[0]
    data["change"] = {"target": plan.target, "outcome": result.outcome.value, "message": result.message,
                      "selected": result.phone.firmware}
    if options.json:
        print_json(data)
    elif result.ok:
        print(f"{_upper(describe(phone))}: {result.message}")
    if not result.ok:
        if options.json:
            return FAILED
        raise CliError(result.message.rstrip("."), FAILED)
    return OK


def _phone_data(service: FirmwareService, phone: Phone, installed: str | None) -> dict[str, Any]:
    from compass_desk.cli._render import phone_json
    from compass_desk.domain import firmware_plan as fp

    model = service.model_for(phone, strict=False)
    options = fp.options(model, [(phone, installed)])
    return {
        "phone": phone_json(phone, service.session.company(phone.company_url)),
        "installed": installed,
        "selected": phone.firmware,
        "latest": fp.latest(model.firmwares, model.vendor),
        "options": [{"version": o.version, "label": o.label, "latest": o.latest,
                     "relation": _only_relation(o.relations)} for o in options],
        "change": None,
    }


def _only_relation(relations: Any) -> str | None:
    known = [name for name, n in relations.items() if n and name != "unknown"]
    return known[0] if len(known) == 1 else None


def _print_phone(data: dict[str, Any], phone: Phone) -> None:
    from compass_desk.api.client import describe
    from compass_desk.cli.common import print_fields
    from compass_desk.domain import firmware_plan as fp

    print_fields([("Phone", describe(phone)), ("Installed", data["installed"] or "not reported"),
                  ("Selected", data["selected"] or fp.USE_INSTALLED_LABEL)])
    print("Choices:")
    for option in data["options"]:
        mark = "*" if fp.same_version(option["version"], data["selected"]) else " "
        print(f" {mark} {option['label']}")


# --- firmware report ------------------------------------------------------------------------------

def _report(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.cli._connect import connected
    from compass_desk.services.lookup import find_company

    with connected(options) as session:
        company = find_company(session, args.company)
        view = _service(session).overview(company)
    if options.json:
        print_json(report_json(view))
    else:
        _print_report(view)
    return OK


def report_json(view: FirmwareOverview) -> dict[str, Any]:
    from compass_desk.cli._render import company_json

    return {
        "company": company_json(view.company),
        "models": [{"model": m.model_id, "model_name": m.model_name, "certified": list(m.certified),
                    "latest": m.latest, "phones": m.phones, "by_installed": m.by_installed,
                    "by_selected": m.by_selected, "behind": m.behind, "pending": m.pending,
                    "unknown": m.unknown} for m in view.models],
        "phones": [{"url": r.phone.url, "id": r.phone.resource_id, "name": r.phone.name, "mac": r.phone.mac,
                    "model": r.phone.model, "installed": r.installed, "selected": r.selected,
                    "latest": r.latest, "behind": r.behind, "pending": r.pending, "online": r.online}
                   for r in view.rows],
        "behind": [r.phone.url for r in view.behind],
        "pending": [r.phone.url for r in view.pending],
    }


def _print_report(view: FirmwareOverview) -> None:
    from compass_desk.cli._render import mac_display
    from compass_desk.cli.common import print_table
    from compass_desk.domain import firmware_plan as fp

    print(f"Firmware in {view.company.name}: {len(view.rows)} phones, {len(view.behind)} behind the latest "
          f"certified version, {len(view.pending)} with a pending or failed upgrade.\n")
    rows = [[m.model_name, m.phones, ", ".join(f"{v} ×{n}" for v, n in fp.by_version(m.by_installed)),
             m.latest or "none certified", m.behind, m.pending] for m in view.models]
    print_table(["MODEL", "PHONES", "INSTALLED", "LATEST", "BEHIND", "PENDING"], rows)
    for title, chosen in (("Behind the latest certified version", view.behind),
                          ("Installed differs from selected (pending or failed upgrade)", view.pending)):
        if chosen:
            print(f"\n{title}:")
            print_table(["MAC", "NAME", "MODEL", "INSTALLED", "SELECTED", "LATEST"],
                        [[mac_display(r.phone.mac), r.phone.name, r.model_name, r.installed,
                          r.selected or "use installed", r.latest] for r in chosen])


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]
