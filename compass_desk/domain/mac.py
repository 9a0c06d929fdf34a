"""MAC addresses: parse any notation a technician types or a scanner sends, normalise, show.

Canonical form: 12 lower-case hex digits (the API's ``macAddress``). Display form:
``00:04:13:AA:BB:CC``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from compass_desk.domain.models import Vendor


class MacError(ValueError):
    """A MAC address that cannot be used; the message says what is wrong."""


# A scanner may send a label prefix ("MAC:", "MAC ADDRESS ", "HW: ") before the digits.
_PREFIX = re.compile(r"^\s*(?:mac(?:[\s_-]*addr(?:ess)?)?|hw(?:addr)?|ethernet|eth|lan)\s*[:=#\-]?\s*", re.I)
# One separator throughout; groups of one digit are what macOS ``arp`` prints (0:4:13:aa:bb:cc).
_GROUPED = re.compile(r"^[0-9A-Fa-f]{1,2}([:\- ])(?:[0-9A-Fa-f]{1,2}\1){4}[0-9A-Fa-f]{1,2}$")
_CISCO = re.compile(r"^[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}$")
_BARE = re.compile(r"^[0-9A-Fa-f]{12}$")
_HEX = set("0123456789abcdefABCDEF")
_MAX_QUOTED = 40  # a 10,000-character paste is not repeated in full in the error


def normalize_mac(text: str) -> str:
    """Return the 12 lower-case hex digits of *text*, or raise :class:`MacError` saying why not."""
    if not isinstance(text, str):
        raise MacError("a MAC address must be text")
    raw = text.strip()
    if not raw:
        raise MacError("no MAC address given")
    body = _PREFIX.sub("", raw, count=1).strip() if _PREFIX.match(raw) else raw
    if _BARE.match(body):
        digits = body
    elif grouped := _GROUPED.match(body):
        digits = "".join(group.zfill(2) for group in body.split(grouped.group(1)))
    elif _CISCO.match(body):
        digits = body.replace(".", "")
    else:
        _explain(raw, body)
    mac = digits.lower()
    _check_usable(mac, raw)
    return mac


def _escaped(text: str) -> str:
    """Control and other invisible characters as escapes (``\\n``, ``\\x00``): one visible line."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def _quoted(raw: str) -> str:
    """The input quoted for a message: escaped, and cut short (with its length) when long."""
    shown = _escaped(raw)
    if len(shown) > _MAX_QUOTED:
        return f"'{shown[: _MAX_QUOTED - 1]}…' ({len(raw):,} characters)"
    return f"'{shown}'"


def _explain(raw: str, body: str) -> None:
    if "\n" in raw or "\r" in raw:
        raise MacError(f"{_quoted(raw)} holds more than one line; give one MAC address at a time")
    stripped = re.sub(r"[\s:.\-]", "", body)
    bad = sorted({ch for ch in stripped if ch not in _HEX})
    if bad:
        shown = ", ".join(f"'{_escaped(ch)}'" for ch in bad[:5])
        verb = "is not a hex digit" if len(bad) == 1 else "are not hex digits"
        raise MacError(f"{_quoted(raw)} is not a MAC address: {shown} {verb}")
    if len(stripped) != 12:
        raise MacError(f"{_quoted(raw)} has {len(stripped):,} hex digits; a MAC address has 12")
    raise MacError(
        f"{_quoted(raw)} is not a MAC address notation I know; use 00:04:13:AA:BB:CC, 00-04-13-AA-BB-CC, "
        "0004.13aa.bbcc or 000413AABBCC"
    )


def _check_usable(mac: str, raw: str) -> None:
    if mac == "000000000000":
        raise MacError(f"{_quoted(raw)} is the all-zero address, not a phone's MAC address")
    if mac == "ffffffffffff":
        raise MacError(f"{_quoted(raw)} is the broadcast address, not a phone's MAC address")
    if int(mac[:2], 16) & 1:
        raise MacError(f"{_quoted(raw)} is a multicast address, not a phone's MAC address")


def is_mac(text: str) -> bool:
    try:
        normalize_mac(text)
    except MacError:
        return False
    return True


def format_mac(mac: str) -> str:
    """Display form ``00:04:13:AA:BB:CC`` of a MAC in any accepted notation."""
    digits = normalize_mac(mac)
    return ":".join(digits[i : i + 2] for i in range(0, 12, 2)).upper()


def mac_search_key(text: str) -> str:
    """Hex digits of a partial MAC typed in a search box (separators dropped, lower case).

    Returns "" when *text* contains anything that cannot be part of a MAC, so that a search for a
    name does not also match MACs by accident.
    """
    body = _PREFIX.sub("", text.strip(), count=1) if _PREFIX.match(text) else text.strip()
    cleaned = re.sub(r"[\s:.\-]", "", body)
    if not cleaned or any(ch not in _HEX for ch in cleaned):
        return ""
    return cleaned.lower()


@dataclass(frozen=True, slots=True)
class OuiTable:
    """Vendor by the first three octets of a MAC."""

    prefixes: Mapping[str, Vendor]

    @classmethod
    def from_records(cls, records: Iterable[Mapping[str, Any]]) -> OuiTable:
        table: dict[str, Vendor] = {}
        for record in records:
            prefix = str(record["prefix"]).lower().replace(":", "").replace("-", "")
            if len(prefix) != 6 or any(ch not in _HEX for ch in prefix):
                raise ValueError(f"bad OUI prefix {record['prefix']!r}")
            table[prefix] = Vendor(str(record["vendor"]))
        return cls(table)

    @classmethod
    def from_toml(cls, data: Mapping[str, Any]) -> OuiTable:
        """From the parsed ``resources/oui.toml`` (``[[oui]]`` tables with prefix and vendor)."""
        return cls.from_records(data.get("oui", []))

    def vendor_for(self, mac: str) -> Vendor:
        return self.prefixes.get(normalize_mac(mac)[:6], Vendor.UNKNOWN)
