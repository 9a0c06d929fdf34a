"""Commands that need no account: ``mac check``, ``firmware decode|compare``, ``deadline``.

Exit 0 on success, 2 (USAGE) on bad input with the reason on stderr. With ``--json`` each command
prints one JSON object; these shapes are stable (fields may be added, never renamed or removed):

``mac check MAC``::

    {"input": str, "mac": "000413aabbcc", "display": "00:04:13:AA:BB:CC",
     "vendor": "snom" | "yealink" | "unknown", "vendor_label": "Snom" | "Yealink" | "Unknown"}

``firmware decode VERSION_OR_USER_AGENT [--vendor snom|yealink]``::

    {"input": str, "source": "version" | "user_agent",
     "user_agent": null | {"vendor": str, "model": "D785", "mac": "000413aabbcc" | null},
     "firmware": FIRMWARE}

    FIRMWARE = {"vendor": "snom" | "yealink", "scheme": "snom" | "snom-dect" | "yealink",
                "version": "66.86.188.6", "parts": [int, ...], "major": 86, "major_label": "V86",
                "family": "yealink-66", "family_label": str, "yealink_prefix": int | null,
                "models": [str, ...], "custom": int | null,
                "custom_build": "lydis" | "international" | "other" | null,
                "custom_meaning": str | null, "description": str}

``firmware compare CURRENT TARGET``::

    {"current": FIRMWARE, "target": FIRMWARE,
     "ordering": "newer" | "older" | "same" | null,   # the target relative to the current; null
                                                      # when they belong to different families
     "risks": [{"kind": "downgrade" | "major_downgrade" | "custom_switch" | "snom_recovery"
                        | "different_family", "message": str}, ...]}

``deadline [--activated ISO8601] [--cutoff HH:MM] [--now ISO8601]``::

    {"activated_at": ISO, "now": ISO, "cutoff": "00:00", "timezone": "Europe/Amsterdam",
     "deadline": ISO, "lapsed": bool, "seconds_left": int, "time_left": "2 days 4 hours" | "lapsed",
     "platform_may_run_until": ISO | null}

Times without an offset are read as Europe/Amsterdam time. ``platform_may_run_until`` is the 03:00
deadline of the Compass admin manual, given when the (earlier, default) 00:00 cutoff is used.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from compass_desk.cli.common import OK, USAGE, CliError, GlobalOptions, print_fields, print_json
from compass_desk.cli.firmware_cmds import add_report_parser

if TYPE_CHECKING:  # the domain modules are imported inside the handlers, to keep --help fast
    from compass_desk.domain.firmware import FirmwareVersion, YealinkFamilies
    from compass_desk.domain.useragent import Decoded

ORDER = 80


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    mac = sub.add_parser("mac", help="check a MAC address (no account needed)")
    mac_sub = mac.add_subparsers(dest="mac_command", metavar="SUBCOMMAND")
    check = mac_sub.add_parser("check", help="normalise a MAC address and name its vendor")
    check.add_argument("mac", metavar="MAC",
                       help="in any notation, e.g. 00:04:13:AA:BB:CC or 'MAC: 000413aabbcc'")
    check.set_defaults(handler=_mac_check)

    firmware = sub.add_parser("firmware", help="decode and compare firmware versions (no account needed)")
    fw_sub = firmware.add_subparsers(dest="firmware_command", metavar="SUBCOMMAND")
    decode = fw_sub.add_parser("decode", help="explain a firmware version or a phone's user agent")
    decode.add_argument("text", metavar="VERSION_OR_USER_AGENT",
                        help="e.g. 10.1.159.12, 66.86.188.6 or 'Yealink SIP-T54W 96.86.0.70'")
    decode.add_argument("--vendor", choices=["snom", "yealink"], help="when a bare version is ambiguous")
    decode.set_defaults(handler=_firmware_decode)
    compare = fw_sub.add_parser("compare", help="is TARGET newer or older than CURRENT, and what it risks")
    compare.add_argument("current", metavar="CURRENT", help="the installed version (or a user agent)")
    compare.add_argument("target", metavar="TARGET", help="the version the phone would get")
    compare.add_argument("--vendor", choices=["snom", "yealink"], help="when a bare version is ambiguous")
    compare.set_defaults(handler=_firmware_compare)
    add_report_parser(fw_sub)  # ``firmware report --company ID`` (needs an account): cli/firmware_cmds.py

    deadline = sub.add_parser("deadline", help="when provisioning by manufacturer lapses (weekly cutoff)")
    deadline.add_argument("--activated", metavar="ISO8601",
                          help="when Activate was pressed or the phone added (default: now); "
                          "without an offset read as Amsterdam time")
    deadline.add_argument("--cutoff", metavar="HH:MM", default="00:00",
                          help="Wednesday cutoff in Amsterdam time (default 00:00; the admin manual "
                          "says 03:00)")
    deadline.add_argument("--now", metavar="ISO8601",
                          help="count the time left from this moment (default: now)")
    deadline.set_defaults(handler=_deadline)


# --- mac ------------------------------------------------------------------------------------------


def _mac_check(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.domain.mac import MacError, OuiTable, format_mac, normalize_mac
    from compass_desk.resources import load_toml

    try:
        mac = normalize_mac(args.mac)
    except MacError as exc:
        raise CliError(str(exc), USAGE) from None
    vendor = OuiTable.from_toml(load_toml("oui.toml")).vendor_for(mac)
    result = {"input": args.mac, "mac": mac, "display": format_mac(mac), "vendor": vendor.value,
              "vendor_label": vendor.label}  # fmt: skip
    if options.json:
        print_json(result)
    else:
        print_fields([("MAC", result["display"]), ("Digits", mac), ("Vendor", vendor.label)])
    return OK


# --- firmware -------------------------------------------------------------------------------------


def _families() -> YealinkFamilies:
    from compass_desk.domain.firmware import YealinkFamilies
    from compass_desk.resources import load_toml

    return YealinkFamilies.from_toml(load_toml("yealink_families.toml"))


def _decode(text: str, vendor: str | None) -> Decoded:
    from compass_desk.domain.firmware import FirmwareError, parse_firmware
    from compass_desk.domain.useragent import Decoded, decode

    try:
        if vendor and not _is_user_agent(text):
            return Decoded(parse_firmware(text, vendor, families=_families()))
        return decode(text, families=_families())
    except FirmwareError as exc:
        raise CliError(str(exc), USAGE) from None


def _is_user_agent(text: str) -> bool:
    from compass_desk.domain.useragent import looks_like_user_agent

    return looks_like_user_agent(text)


def firmware_dict(version: FirmwareVersion) -> dict[str, Any]:
    """The FIRMWARE object of the JSON shapes above (also used by other commands)."""
    return {
        "vendor": version.vendor.value,
        "scheme": version.scheme.value,
        "version": version.text,
        "parts": list(version.parts),
        "major": version.major,
        "major_label": version.major_label,
        "family": version.family,
        "family_label": version.family_label,
        "yealink_prefix": version.yealink_prefix,
        "models": list(version.models),
        "custom": version.custom,
        "custom_build": None if version.custom_build is None else version.custom_build.value,
        "custom_meaning": version.custom_meaning,
        "description": version.describe(),
    }


def _firmware_decode(args: argparse.Namespace, options: GlobalOptions) -> int:
    decoded = _decode(args.text, args.vendor)
    agent = decoded.user_agent
    result = {
        "input": args.text,
        "source": "user_agent" if agent else "version",
        "user_agent": None
        if agent is None
        else {"vendor": agent.vendor.value, "model": agent.model, "mac": agent.mac},
        "firmware": firmware_dict(decoded.version),
    }
    if options.json:
        print_json(result)
        return OK
    version = decoded.version
    pairs: list[tuple[str, Any]] = []
    if agent:
        pairs += [("Vendor", agent.vendor.label), ("Model", agent.model)]
        if agent.mac:
            from compass_desk.domain.mac import format_mac

            pairs.append(("MAC", format_mac(agent.mac)))
    else:
        pairs.append(("Vendor", version.vendor.label))
    pairs += [("Version", version.text), ("Major", version.major_label), ("Family", version.family_label)]
    if version.custom is not None:
        pairs.append(("Custom", f"{version.custom} ({version.custom_meaning})"))
    print_fields(pairs)
    print(version.describe())
    return OK


def _firmware_compare(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.domain.firmware import change_risks, compare, same_family

    current = _decode(args.current, args.vendor).version
    target = _decode(args.target, args.vendor).version
    ordering = compare(target, current).value if same_family(current, target) else None
    risks = change_risks(current, target)
    if options.json:
        print_json({"current": firmware_dict(current), "target": firmware_dict(target), "ordering": ordering,
                    "risks": [{"kind": r.kind.value, "message": r.message} for r in risks]})  # fmt: skip
        return OK
    if ordering is not None:
        relation = "the same as" if ordering == "same" else f"{ordering} than"
        print(f"{target.text} is {relation} {current.text}.")
    for risk in risks:
        print(f"Risk: {risk.message}")
    if not risks:
        print("No known risk in this change.")
    return OK


# --- deadline -------------------------------------------------------------------------------------


def _parse_moment(text: str, what: str) -> datetime:
    from compass_desk.domain.deadline import AMSTERDAM

    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CliError(
            f"{what} '{text}' is not a date and time; use ISO 8601, e.g. 2026-11-25T10:00 or "
            "2026-11-25T10:00+01:00",
            USAGE,
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=AMSTERDAM)
    return moment


def _deadline(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.domain import deadline as dl

    now = _parse_moment(args.now, "--now") if args.now else datetime.now(UTC)
    activated = _parse_moment(args.activated, "--activated") if args.activated else now
    if activated.astimezone(UTC) - now.astimezone(UTC) > timedelta(minutes=5):
        raise CliError("the activation time lies in the future; give the moment Activate was pressed", USAGE)
    try:
        cutoff = dl.parse_cutoff(args.cutoff)
    except dl.DeadlineError as exc:
        raise CliError(str(exc), USAGE) from None
    deadline = dl.deadline_for(activated, cutoff)
    later = dl.platform_latest(deadline) if cutoff < dl.LATE_CUTOFF else None
    left = dl.time_left(deadline, now)
    result = {
        "activated_at": activated.isoformat(),
        "now": now.isoformat(),
        "cutoff": cutoff.strftime("%H:%M"),
        "timezone": str(dl.AMSTERDAM.key),
        "deadline": deadline.isoformat(),
        "lapsed": dl.is_lapsed(deadline, now),
        "seconds_left": int(left.total_seconds()),
        "time_left": dl.time_left_text(deadline, now),
        "platform_may_run_until": None if later is None else later.isoformat(),
    }
    if options.json:
        print_json(result)
        return OK
    pairs: list[tuple[str, Any]] = [
        ("Activated", _show(activated)),
        ("Deadline", _show(deadline)),
        ("Time left", result["time_left"]),
    ]
    if later is not None and later != deadline:
        pairs.append(("Platform may run until", f"{_show(later)} (Compass admin manual)"))
    print_fields(pairs)
    if result["lapsed"]:
        print("The registration has lapsed: press Activate again before resetting the phone.")
    return OK


def _show(moment: datetime) -> str:
    from compass_desk.domain.deadline import AMSTERDAM

    return moment.astimezone(AMSTERDAM).strftime("%a %Y-%m-%d %H:%M %Z")
