"""Vendor, model, firmware and MAC from the User-Agent a phone sends (SIP or HTTP).

Forms seen on real phones (phones.md §5, wazo-provd-plugins, the Compass API's ``userAgent``):

- Snom SIP ``snomD785/10.1.159.12``, ``snom370/8.7.5.35``
- Snom HTTP ``Mozilla/4.0 (compatible; snomD785-SIP 10.1.169.16 2010.12-00001-gd311851f1 … 00041396D9B4 …)``
- Snom DECT HTTP ``Mozilla/4.0 (compatible; Snom M900 05.20.0001 000413b60680)``
- Yealink ``Yealink SIP-T54W 96.86.0.70``, ``Yealink W60B 77.85.0.20``,
  ``Yealink SIP VP-T49G 51.80.0.10 00:15:65:9b:5a:44``, ``Yealink-T46G 28.71.0.81 28.1.0.128.0.0.0``
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from compass_desk.domain.firmware import FirmwareError, FirmwareVersion, YealinkFamilies, parse_firmware
from compass_desk.domain.mac import MacError, normalize_mac
from compass_desk.domain.models import Vendor


@dataclass(frozen=True, slots=True)
class UserAgent:
    raw: str
    vendor: Vendor
    model: str  # as the phone names itself, upper case: "D785", "M900", "T54W", "W60B"
    version: FirmwareVersion
    mac: str | None = None  # 12 lower-case hex digits, when the agent carries one


_SNOM = re.compile(
    r"\bsnom[\s_-]?(?P<model>[a-z]{0,3}\d{2,4}[a-z0-9]*|pa1)(?:-sip)?\s*[/\s]\s*(?P<version>\d+(?:\.\d+)+)",
    re.I,
)
_YEALINK = re.compile(
    r"\byealink[\s-]+(?:sip[\s-]+)?(?:vp-)?(?P<model>[a-z]{1,3}\d{1,3}[a-z0-9_]*)\s+"
    r"(?P<version>\d+(?:\.\d+){3})(?![\d.])",
    re.I,
)
_MAC_TOKEN = re.compile(r"(?<![0-9a-f:])(?:[0-9a-f]{12}|[0-9a-f]{2}(?::[0-9a-f]{2}){5})(?![0-9a-f:])", re.I)
_UA_EXAMPLES = "e.g. snomD785/10.1.159.12 or Yealink SIP-T54W 96.86.0.70"


def looks_like_user_agent(text: str) -> bool:
    return bool(re.search(r"snom|yealink", text, re.I))


def parse_user_agent(text: str, *, families: YealinkFamilies | None = None) -> UserAgent:
    """Decode a Snom or Yealink User-Agent; :class:`FirmwareError` when it is neither."""
    if not isinstance(text, str):
        raise FirmwareError("a user agent must be text")
    raw = " ".join(text.split())
    if not raw:
        raise FirmwareError("no user agent given")
    for vendor, pattern in ((Vendor.SNOM, _SNOM), (Vendor.YEALINK, _YEALINK)):
        match = pattern.search(raw)
        if match is None:
            continue
        try:
            version = parse_firmware(match["version"], vendor, families=families)
        except FirmwareError as exc:
            raise FirmwareError(f"the user agent '{raw}' carries a bad version: {exc}") from None
        return UserAgent(raw, vendor, match["model"].upper(), version, _mac_after(raw, match.end()))
    if looks_like_user_agent(raw):
        raise FirmwareError(f"'{raw}' names a vendor but no model and version I can read; {_UA_EXAMPLES}")
    raise FirmwareError(f"'{raw}' is not a Snom or Yealink user agent; {_UA_EXAMPLES}")


def _mac_after(raw: str, start: int) -> str | None:
    for match in _MAC_TOKEN.finditer(raw, start):
        try:
            return normalize_mac(match.group())
        except MacError:
            continue
    return None


@dataclass(frozen=True, slots=True)
class Decoded:
    """What ``firmware decode`` shows: a version, and the user agent it came from if any."""

    version: FirmwareVersion
    user_agent: UserAgent | None = None


def decode(text: str, *, families: YealinkFamilies | None = None) -> Decoded:
    """A bare version (``66.86.188.6``) or a whole User-Agent; the vendor is worked out."""
    if isinstance(text, str) and looks_like_user_agent(text):
        agent = parse_user_agent(text, families=families)
        return Decoded(agent.version, agent)
    try:
        return Decoded(parse_firmware(text, families=families))
    except FirmwareError:
        if isinstance(text, str) and re.search(r"[a-z]{2,}|/", text, re.I):
            raise FirmwareError(
                f"'{text.strip()}' is neither a firmware version nor a Snom or Yealink user agent; "
                f"use e.g. 10.1.159.12, 66.86.188.6 or {_UA_EXAMPLES[5:]}"
            ) from None
        raise
