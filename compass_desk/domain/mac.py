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
from compass_desk.domain.text import Text, TextError


class MacError(TextError, ValueError):
    """A MAC address that cannot be used; the message (``str()`` in English, ``text`` in every
    language) says what is wrong."""

    def __init__(self, message: str | Text) -> None:
        super().__init__(message if isinstance(message, Text) else Text(message, message))


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
        raise MacError(Text("a MAC address must be text", "een MAC-adres moet tekst zijn"))
    raw = text.strip()
    if not raw:
        raise MacError(Text("no MAC address given", "geen MAC-adres opgegeven"))
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


def _quoted(raw: str) -> Text:
    """The input quoted for a message: escaped, and cut short (with its length) when long."""
    shown = _escaped(raw)
    if len(shown) > _MAX_QUOTED:
        cut = f"'{shown[: _MAX_QUOTED - 1]}…'"
        count = f"{len(raw):,}"
        return Text(f"{cut} ({count} characters)", f"{cut} ({count.replace(',', '.')} tekens)")
    return Text(f"'{shown}'", f"'{shown}'")


def _error(en: str, nl: str, raw: str, **parts: str) -> MacError:
    """A MacError about the input *raw* ({q} in *en* and *nl*); *parts* read the same in both."""
    quoted = _quoted(raw)
    return MacError(Text(en.format(q=quoted.en, **parts), nl.format(q=quoted.nl, **parts)))


def _explain(raw: str, body: str) -> None:
    if "\n" in raw or "\r" in raw:
        raise _error(
            "{q} holds more than one line; give one MAC address at a time",
            "{q} bestaat uit meer dan één regel; geef één MAC-adres tegelijk",
            raw,
        )
    stripped = re.sub(r"[\s:.\-]", "", body)
    bad = sorted({ch for ch in stripped if ch not in _HEX})
    if bad:
        shown = ", ".join(f"'{_escaped(ch)}'" for ch in bad[:5])
        if len(bad) == 1:
            raise _error(
                "{q} is not a MAC address: {shown} is not a hex digit",
                "{q} is geen MAC-adres: {shown} is geen hexadecimaal cijfer",
                raw,
                shown=shown,
            )
        raise _error(
            "{q} is not a MAC address: {shown} are not hex digits",
            "{q} is geen MAC-adres: {shown} zijn geen hexadecimale cijfers",
            raw,
            shown=shown,
        )
    if len(stripped) != 12:
        raise _error(
            "{q} has {count} hex digits; a MAC address has 12",
            "{q} heeft {count_nl} hexadecimale cijfers; een MAC-adres heeft er 12",
            raw,
            count=f"{len(stripped):,}",
            count_nl=f"{len(stripped):,}".replace(",", "."),
        )
    raise _error(
        "{q} is not a MAC address notation I know; use 00:04:13:AA:BB:CC, 00-04-13-AA-BB-CC, "
        "0004.13aa.bbcc or 000413AABBCC",
        "{q} is geen schrijfwijze van een MAC-adres die ik ken; gebruik 00:04:13:AA:BB:CC, "
        "00-04-13-AA-BB-CC, 0004.13aa.bbcc of 000413AABBCC",
        raw,
    )


def _check_usable(mac: str, raw: str) -> None:
    if mac == "000000000000":
        raise _error(
            "{q} is the all-zero address, not a phone's MAC address",
            "{q} is het adres met alleen nullen, niet het MAC-adres van een telefoon",
            raw,
        )
    if mac == "ffffffffffff":
        raise _error(
            "{q} is the broadcast address, not a phone's MAC address",
            "{q} is het broadcastadres, niet het MAC-adres van een telefoon",
            raw,
        )
    if int(mac[:2], 16) & 1:
        raise _error(
            "{q} is a multicast address, not a phone's MAC address",
            "{q} is een multicastadres, niet het MAC-adres van een telefoon",
            raw,
        )


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
