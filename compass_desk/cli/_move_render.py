"""Stable ``--json`` shapes and text for moves and the operations journal (fields added, never renamed).

``phones move`` (organisation) and ``journal --resume/--undo``: PHONE (as before, so scripts keep
working) plus ``"method": "api"|"manual", "from": COMPANY|null, "to": COMPANY, "verified": bool,
"operation_id": int|null, "needs_reset": bool, "notes": [str], "message": str``.
``phones move --to-env``: ``{"added": bool, "source": SIDE, "target": SIDE, "steps": [str],
"note": str, "message": str}`` with SIDE ``{"environment", "phone": PHONE|null,
"status": STATUS|null, "error": str|null}``. ``journal``: ``[OPERATION]`` with OPERATION ``{"id",
"kind", "environment", "started_at", "phone": {"name", "mac", "mac_display", "url", "model"},
"from": {"name", "url"}, "to": {"name", "url"}, "settings_encrypted": bool, "last_step": {"name",
"state", "at"}|null, "steps": [{"name", "state", "at"}]}``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from compass_desk.cli._render import company_json, mac_display, phone_json, status_json, when
from compass_desk.cli.common import print_fields, print_table

if TYPE_CHECKING:
    from compass_desk.services.env_switch import EnvSide, EnvSwitchResult
    from compass_desk.services.moves import MoveOutcome
    from compass_desk.store.journal import Operation


def outcome_json(outcome: MoveOutcome, source: Any) -> dict[str, Any]:
    return {
        **phone_json(outcome.phone, outcome.company),
        "method": outcome.method.value,
        "from": company_json(source) if source else None,
        "to": company_json(outcome.company),
        "verified": outcome.verified,
        "operation_id": outcome.operation_id,
        "needs_reset": outcome.needs_reset,
        "notes": list(outcome.notes),
        "message": outcome.message,
    }


def side_json(side: EnvSide) -> dict[str, Any]:
    return {
        "environment": side.environment,
        "phone": phone_json(side.phone, side.company) if side.phone else None,
        "status": status_json(side.status) if side.status else None,
        "error": side.error,
    }


def switch_json(result: EnvSwitchResult) -> dict[str, Any]:
    return {
        "added": result.added,
        "source": side_json(result.source),
        "target": side_json(result.target),
        "steps": list(result.steps),
        "note": result.note,
        "message": result.message,
    }


def print_switch(result: EnvSwitchResult) -> None:
    for step in result.steps:
        print(f"- {step}")
    print()
    print_table(
        ["", result.source.environment.upper(), result.target.environment.upper()],
        [
            ["phone", _where(result.source), _where(result.target)],
            ["state", _state(result.source), _state(result.target)],
            ["online", _online(result.source), _online(result.target)],
        ],
    )
    print()
    print(result.message)
    print(result.note)


def _where(side: EnvSide) -> str:
    if side.error:
        return "could not be read"
    if side.phone is None:
        return "not there"
    return side.company.name if side.company else side.phone.company_url


def _state(side: EnvSide) -> str:
    return side.phone.provisioning.value if side.phone else "-"


def _online(side: EnvSide) -> str:
    if side.status is None:
        return "-"
    return "yes" if side.status.online else "no"


def operation_json(op: Operation) -> dict[str, Any]:
    payload = op.payload
    phone = (payload.get("snapshot") or {}).get("phone") or {}
    mac = str(payload.get("mac", ""))
    last = op.last_step

    def company(key: str) -> dict[str, Any]:
        data = payload.get(key) or {}
        return {"name": data.get("name"), "url": data.get("url")}

    return {
        "id": op.id,
        "kind": op.kind,
        "environment": payload.get("environment"),
        "started_at": when(op.started_at),
        "phone": {
            "name": phone.get("name"),
            "mac": mac,
            "mac_display": mac_display(mac) if mac else "",
            "url": payload.get("original_url"),
            "model": phone.get("model"),
        },
        "from": company("source"),
        "to": company("target"),
        "settings_encrypted": "sealed" in (payload.get("custom_settings") or {}),
        "last_step": {"name": last.name, "state": last.state, "at": when(last.at)} if last else None,
        "steps": [{"name": s.name, "state": s.state, "at": when(s.at)} for s in op.steps],
    }


def print_operations(ops: list[Operation]) -> None:
    rows = []
    for op in ops:
        data = operation_json(op)
        last = data["last_step"]
        rows.append([
            op.id,
            op.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            data["environment"],
            f"{data['phone']['name']} ({data['phone']['mac_display']})",
            f"{data['from']['name']} -> {data['to']['name']}",
            f"{last['name']} {last['state']}" if last else "snapshot saved",
        ])
    print_table(["ID", "STARTED", "ENVIRONMENT", "PHONE", "MOVE", "LAST STEP"], rows)


def print_outcome(outcome: MoveOutcome, headline: str = "") -> None:
    if headline:
        print(headline)
    pairs: list[tuple[str, Any]] = [("Result", outcome.message)]
    if outcome.operation_id is not None:
        pairs.append(("Journal", f"move {outcome.operation_id}"))
    for note in outcome.notes:
        pairs.append(("Note", note))
    if outcome.needs_reset:
        guide = f"compass-desk guide {outcome.phone.model}"
        pairs.append(("Next", f"reset the phone to factory defaults; '{guide}' shows how"))
    print_fields(pairs)
