"""``phones diagnose PHONE [--lang en|nl]``: "Why is this phone not working?" from a terminal.

Wired into the ``phones`` group by ``cli/phones.py`` (``add_diagnose_parser(phones_sub)``); this
module has no ``register`` of its own. PHONE is an id, ``self`` URL or MAC in any notation. Exit
code 0 whenever a diagnosis was made (the verdict is in the output), else the usual codes.

``--json`` (fields may be added, never renamed): ``{"phone": PHONE, "model_name": str|null,
"status": STATUS|null, "status_error": str|null, "verdict": str, "headline": str, "suboptimal": bool,
"findings":
[{"code", "severity", "title", "meaning", "fix": [str]}], "fix": [{"code", "text"}], "deadline":
{"at", "time_left", "lapsed"}|null, "lang"}`` with PHONE and STATUS as in ``phones show``; texts in
the chosen language.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from compass_desk.cli.common import OK, GlobalOptions, print_json

if TYPE_CHECKING:
    from datetime import datetime, time

    from compass_desk.services.session import Session

_SEVERITY_WORDS = {
    "en": {"ok": "OK", "info": "Info", "warning": "Warning", "problem": "Problem"},
    "nl": {"ok": "OK", "info": "Info", "warning": "Let op", "problem": "Probleem"},
}
_WORDS = {
    "en": {"verdict": "Verdict", "fix": "What to do next", "status": "Live status not read"},
    "nl": {"verdict": "Oordeel", "fix": "Wat nu te doen", "status": "Live status niet gelezen"},
}


def add_diagnose_parser(phones_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    diagnose = phones_sub.add_parser(
        "diagnose", help="why is this phone not working? its state explained, with the fix in order"
    )
    diagnose.add_argument("phone", metavar="PHONE", help="id, URL or MAC address")
    diagnose.add_argument("--lang", choices=("en", "nl"), default="en", help="language (default en)")
    diagnose.set_defaults(handler=handle_diagnose)


def handle_diagnose(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.cli._connect import connected

    lang = getattr(args, "lang", "en") or "en"
    cutoff = _cutoff(options)
    with connected(options) as session:
        report = diagnosis_report(session, args.phone, lang, cutoff)
    if options.json:
        print_json(report)
    else:
        _print_report(report)
    return OK


def _cutoff(options: GlobalOptions) -> time:
    """The deadline cutoff from the preferences (00:00 unless the user chose 03:00)."""
    from compass_desk.domain.deadline import DEFAULT_CUTOFF, DeadlineError, parse_cutoff
    from compass_desk.paths import app_paths
    from compass_desk.store.preferences import Preferences

    try:
        return parse_cutoff(str(Preferences(app_paths(options.data_dir).config).get("deadline_cutoff")))
    except (OSError, ValueError, DeadlineError):
        return DEFAULT_CUTOFF


def diagnosis_report(session: Session, text: str, lang: str, cutoff: time,
                     now: datetime | None = None) -> dict[str, Any]:
    """Read the phone and its live status and diagnose it: the stable JSON object."""
    from datetime import UTC, datetime

    from compass_desk.api.errors import ApiError, AuthenticationError
    from compass_desk.cli._render import phone_json, status_json, when
    from compass_desk.domain import deadline
    from compass_desk.domain.diagnosis import diagnose
    from compass_desk.services.lookup import find_phone

    phone = find_phone(session, text)
    company = session.company(phone.company_url)
    status, status_error = None, None
    try:
        status = session.status(phone)
    except AuthenticationError:
        raise
    except ApiError as exc:  # diagnose on the state alone, and say so
        status_error = exc.message
    now = now or datetime.now(UTC)
    result = diagnose(phone, status, now, cutoff)
    due = None
    if result.deadline is not None:
        due = {
            "at": when(result.deadline),
            "time_left": deadline.time_left_text(result.deadline, now),
            "lapsed": deadline.is_lapsed(result.deadline, now),
        }
    return {
        "phone": phone_json(phone, company),
        "model_name": _model_name(phone.model),
        "status": status_json(status) if status else None,
        "status_error": status_error,
        "verdict": result.verdict.value,
        "headline": result.verdict_text(lang),  # with the deadline when ready for the reset
        "suboptimal": result.needs_attention,
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.value,
                "title": f.title.get(lang),
                "meaning": f.meaning.get(lang),
                "fix": [step.value for step in f.fix],
            }
            for f in result.findings
        ],
        "fix": [{"code": step.value, "text": step.text.get(lang)} for step in result.fix],
        "deadline": due,
        "lang": lang,
    }


def _model_name(model_id: str) -> str | None:
    from compass_desk.domain.catalog import Catalog
    from compass_desk.resources import load_toml

    try:
        entry = Catalog.from_toml(load_toml("models.toml")).get(model_id)
    except (OSError, ValueError, KeyError):
        return None
    return entry.model.display_name if entry else None


def _print_report(report: dict[str, Any]) -> None:
    lang = report["lang"]
    words, severities = _WORDS[lang], _SEVERITY_WORDS[lang]
    phone = report["phone"]
    out = sys.stdout
    where = f" · {phone['company']['name']}" if phone["company"]["name"] else ""
    name = f"{phone['name']} ({phone['mac_display']})" if phone["name"] else phone["mac_display"]
    out.write(f"{name} · {report['model_name'] or phone['model']}{where}\n")
    out.write(f"{words['verdict']}: {report['headline']}\n")
    if report["status_error"]:
        out.write(f"{words['status']}: {report['status_error']}\n")
    for finding in report["findings"]:
        out.write(f"\n[{severities[finding['severity']]}] {finding['title']}\n  {finding['meaning']}\n")
    if report["fix"]:
        out.write(f"\n{words['fix']}:\n")
        for number, step in enumerate(report["fix"], 1):
            out.write(f"  {number}. {step['text']}\n")
