"""``/_sim/`` control endpoints for tests and the demo; never part of the Compass paths."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from compass_desk.domain.mac import MacError
from compass_desk.sim import serialize
from compass_desk.sim.config import FAULT_FIELDS
from compass_desk.sim.engine import Engine, Reply
from compass_desk.sim.errors import HttpError, bad_request


def _clock(eng: Engine) -> dict[str, Any]:
    now = eng.now()
    return {"now": serialize.iso(now), "nextCutoff": serialize.iso(eng.state.next_cutoff())}


def handle(eng: Engine, method: str, path: str, body: Any) -> Reply:
    name = path.removeprefix("/_sim/").strip("/")
    allowed = {
        "clock": ("GET", "POST"),
        "faults": ("GET", "POST"),
        "reset-phone": ("POST",),
        "reset": ("POST",),
    }
    if name not in allowed:
        raise HttpError(404, f"no control endpoint /_sim/{name}")
    if method not in allowed[name]:
        raise HttpError(
            405,
            f"use {' or '.join(allowed[name])} on /_sim/{name}",
            headers={"Allow": ", ".join(allowed[name])},
        )
    if method == "GET":
        return Reply(200, _clock(eng) if name == "clock" else eng.config.faults())
    if name == "reset":
        eng.reset_data()
        return Reply(204)
    if not isinstance(body, dict):
        raise HttpError(400, "the request body must be a JSON object")
    if name == "reset-phone":
        mac = body.get("mac")
        try:
            phone = eng.reset_phone(str(mac) if mac is not None else "")
        except MacError as exc:
            raise bad_request("mac", str(exc)) from None
        return Reply(200, serialize.phone(eng.base_url, phone))
    if name == "clock":
        return _set_clock(eng, body)
    unknown = sorted(set(body) - set(FAULT_FIELDS))
    if unknown:
        raise bad_request(
            unknown[0], f"unknown fault setting {unknown[0]!r}; known: {', '.join(FAULT_FIELDS)}"
        )
    try:
        return Reply(200, eng.set_faults(**body))
    except ValueError as exc:
        raise HttpError(400, str(exc)) from None


def _set_clock(eng: Engine, body: dict[str, Any]) -> Reply:
    try:
        if "advance" in body:
            seconds = body["advance"]
            if isinstance(seconds, bool) or not isinstance(seconds, int | float):
                raise ValueError("advance must be a number of seconds")
            eng.advance_clock(float(seconds))
        elif "set" in body:
            eng.set_clock(datetime.fromisoformat(str(body["set"])))
        else:
            raise ValueError('give {"advance": seconds} or {"set": "<ISO-8601 time with offset>"}')
    except ValueError as exc:
        raise HttpError(400, str(exc)) from None
    return Reply(200, _clock(eng))
