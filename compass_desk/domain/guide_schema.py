"""The schema of a reset-guide file, as code: parse one parsed TOML table into a :class:`Guide`.

Every fault is collected with its place (``method[2].step[3].hold_s``) and raised together as one
:class:`GuideError`, so whoever edits a guide sees all mistakes at once. Unknown keys are faults
too: a typo (``hold_sec``) must not silently drop a countdown. ``resources/guides/README.md``
describes the same format for people.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from compass_desk.domain.guides import (
    LANGUAGES,
    FirmwareRange,
    Guide,
    GuideError,
    ManualRef,
    Method,
    Power,
    Step,
    Text,
)

SCHEMA_VERSION = 1
VENDORS = ("snom", "yealink")
MAX_HOLD_S = 120
_IDENT = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

_GUIDE_KEYS = {"schema", "family", "vendor", "layout", "models", "title", "before", "manual", "method"}
_METHOD_KEYS = {
    "id",
    "title",
    "verified",
    "source",
    "models",
    "note",
    "firmware",
    "alternative",
    "fallback",
    "step",
}
_STEP_KEYS = {"text", "keys", "power", "hold", "hold_s", "display", "trouble"}


class _Reader:
    """Reads typed values out of nested tables, remembering every problem with its path."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[str] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(f"{self.source}: {path}: {message}" if path else f"{self.source}: {message}")

    def unknown(self, table: Mapping[str, Any], allowed: set[str], path: str) -> None:
        for key in sorted(set(table) - allowed):
            self.fail(f"{path}.{key}" if path else key, "unknown field (check the spelling)")

    def string(self, table: Mapping[str, Any], key: str, path: str, *, required: bool = True) -> str | None:
        value = table.get(key)
        where = f"{path}.{key}" if path else key
        if value is None:
            if required:
                self.fail(where, "is missing")
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(where, "must be non-empty text")
            return None
        return value.strip()

    def ident(self, table: Mapping[str, Any], key: str, path: str) -> str | None:
        value = self.string(table, key, path)
        if value is not None and not _IDENT.match(value):
            self.fail(f"{path}.{key}" if path else key, f"'{value}' must be lower-case words joined by '-'")
            return None
        return value

    def text(self, table: Mapping[str, Any], key: str, path: str, *, required: bool = True) -> Text | None:
        value = table.get(key)
        where = f"{path}.{key}" if path else key
        if value is None:
            if required:
                self.fail(where, "is missing (needs en and nl)")
            return None
        if not isinstance(value, Mapping):
            self.fail(where, "must be a table with en and nl text")
            return None
        self.unknown(value, set(LANGUAGES), where)
        parts = [self.string(value, lang, where) for lang in LANGUAGES]
        en, nl = parts
        return Text(en, nl) if en and nl else None

    def flag(self, table: Mapping[str, Any], key: str, path: str, default: bool | None = None) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            self.fail(f"{path}.{key}" if path else key, "must be true or false")
            return False
        return value

    def integer(self, table: Mapping[str, Any], key: str, path: str, low: int, high: int) -> int | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(f"{path}.{key}", f"must be a whole number from {low} to {high}")
            return None
        return value

    def strings(self, table: Mapping[str, Any], key: str, path: str, *, required: bool) -> tuple[str, ...]:
        value = table.get(key)
        where = f"{path}.{key}" if path else key
        if value is None:
            if required:
                self.fail(where, "is missing")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail(where, "must be a list of names")
            return ()
        if len(set(value)) != len(value):
            self.fail(where, "lists a name twice")
        return tuple(value)

    def tables(self, table: Mapping[str, Any], key: str, path: str) -> list[Mapping[str, Any]]:
        value = table.get(key)
        where = f"{path}.{key}" if path else key
        if not isinstance(value, list) or not value or not all(isinstance(v, Mapping) for v in value):
            self.fail(where, "needs at least one entry ([[" + where.split(".")[-1] + "]])")
            return []
        return value


def parse_guide(data: Mapping[str, Any], source: str, *, family: str | None = None) -> Guide:
    """Validate one guide file's table; *family* (the file name) must match its ``family``."""
    r = _Reader(source)
    r.unknown(data, _GUIDE_KEYS, "")
    if data.get("schema") != SCHEMA_VERSION:
        r.fail("schema", f"must be {SCHEMA_VERSION}")
    guide_family = r.ident(data, "family", "")
    if family is not None and guide_family is not None and guide_family != family:
        r.fail("family", f"'{guide_family}' does not match the file name '{family}'")
    vendor = r.string(data, "vendor", "")
    if vendor is not None and vendor not in VENDORS:
        r.fail("vendor", f"must be one of {', '.join(VENDORS)}")
    layout = r.ident(data, "layout", "")
    models = r.strings(data, "models", "", required=True)
    if "models" in data and not models:
        r.fail("models", "must name at least one model")
    title = r.text(data, "title", "")
    before = r.text(data, "before", "")
    manual = _manual(r, data.get("manual"))
    methods = [
        _method(r, table, f"method[{i}]", models) for i, table in enumerate(r.tables(data, "method", ""), 1)
    ]
    _cross_check(r, [m for m in methods if m is not None], models)
    if r.problems:
        raise GuideError(r.problems)
    assert guide_family and vendor and layout and title and before and manual  # guaranteed by no problems
    return Guide(guide_family, vendor, layout, models, title, before, tuple(m for m in methods if m), manual)


def _manual(r: _Reader, value: Any) -> ManualRef | None:
    if not isinstance(value, Mapping):
        r.fail("manual", "is missing (a table with title and url of the vendor's documentation)")
        return None
    r.unknown(value, {"title", "url"}, "manual")
    title = r.text(value, "title", "manual")
    url = r.string(value, "url", "manual")
    if url is not None and not url.startswith("https://"):
        r.fail("manual.url", "must be an https:// address")
        return None
    return ManualRef(title, url) if title and url else None


def _method(r: _Reader, table: Mapping[str, Any], path: str, guide_models: tuple[str, ...]) -> Method | None:
    before = len(r.problems)
    r.unknown(table, _METHOD_KEYS, path)
    method_id = r.ident(table, "id", path)
    title = r.text(table, "title", path)
    verified = r.flag(table, "verified", path)
    source = r.string(table, "source", path)
    note = r.text(table, "note", path, required=False)
    if "verified" in table and verified is False and note is None:
        r.fail(f"{path}.note", "is required when verified = false: say plainly what is not confirmed")
    models = r.strings(table, "models", path, required=False)
    for model in models:
        if model not in guide_models:
            r.fail(f"{path}.models", f"'{model}' is not one of the guide's models")
    firmware = _firmware(r, table.get("firmware"), f"{path}.firmware")
    alternative = r.ident(table, "alternative", path) if "alternative" in table else None
    fallback = r.text(table, "fallback", path)
    steps = [
        _step(r, step, f"{path}.step[{i}]", i) for i, step in enumerate(r.tables(table, "step", path), 1)
    ]
    if len(r.problems) > before:
        return None
    assert method_id and title and source and fallback
    return Method(
        method_id,
        title,
        verified,
        tuple(s for s in steps if s),
        fallback,
        source,
        models,
        note,
        firmware,
        alternative,
    )


def _firmware(r: _Reader, value: Any, path: str) -> FirmwareRange | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        r.fail(path, "must be a table with text, min_major and/or max_major")
        return None
    r.unknown(value, {"text", "min_major", "max_major"}, path)
    text = r.text(value, "text", path)
    low = r.integer(value, "min_major", path, 0, 999)
    high = r.integer(value, "max_major", path, 0, 999)
    if low is not None and high is not None and low > high:
        r.fail(path, "min_major is above max_major")
    return FirmwareRange(text, low, high) if text else None


def _step(r: _Reader, table: Mapping[str, Any], path: str, number: int) -> Step | None:
    before = len(r.problems)
    r.unknown(table, _STEP_KEYS, path)
    text = r.text(table, "text", path)
    keys = r.strings(table, "keys", path, required=False)
    power_name = r.string(table, "power", path)
    power = None
    if power_name is not None:
        try:
            power = Power(power_name)
        except ValueError:
            r.fail(f"{path}.power", f"'{power_name}' must be one of {', '.join(p.value for p in Power)}")
    hold_s = r.integer(table, "hold_s", path, 1, MAX_HOLD_S)
    hold = r.flag(table, "hold", path, default=hold_s is not None)
    if hold_s is not None and not hold:
        r.fail(f"{path}.hold", "cannot be false when hold_s is given")
    if hold and not keys:
        r.fail(f"{path}.keys", "a step that holds a key must name it")
    display = r.text(table, "display", path, required=False)
    trouble = r.text(table, "trouble", path, required=False)
    if len(r.problems) > before:
        return None
    assert text and power
    return Step(number, text, keys, power, hold, hold_s, display, trouble)


def _cross_check(r: _Reader, methods: list[Method], models: tuple[str, ...]) -> None:
    ids = [m.id for m in methods]
    for method_id in sorted({i for i in ids if ids.count(i) > 1}):
        r.fail("method", f"id '{method_id}' is used twice")
    for method in methods:
        if method.alternative is not None and (
            method.alternative not in ids or method.alternative == method.id
        ):
            r.fail(f"method '{method.id}'.alternative", f"'{method.alternative}' is not another method here")
    for model in models:
        if methods and not any(m.applies_to(model) for m in methods):
            r.fail("models", f"no method applies to '{model}'")
