"""Which settings are secrets, and hiding their values in both the raw text and the settings.

A secret is any setting whose name looks like a password, a PIN, a hash of credentials or a token
(SIP passwords, web-portal and admin passwords, provisioning credentials…); also passwords inside
URLs (``https://user:pass@host``) and secret-looking query parameters, whatever the setting.
Masking keeps the line structure, so line numbers stay right in the masked view.
An unset value (empty, ``%NULL%``, a single space) is not hidden: it reveals nothing.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable
from xml.sax.saxutils import escape

from compass_desk.domain.provisioning.model import FileFormat, ParsedFile, Setting, split_lines

MASK = "********"
_SECRET_PARTS = frozenset({
    "pass", "password", "passwd", "passphrase", "passcode", "pwd", "pw", "pin", "secret", "token",
    "hash", "credential", "credentials", "apikey", "psk", "privatekey",
})
_SECRET_SUBSTRINGS = ("password", "passwd", "passphrase", "secret", "token", "credential")
# A secret word standing alone between non-letters (``user_pass1``), or a long one anywhere.
_SECRET_NAME = re.compile(
    r"(?<![a-z])(?:" + "|".join(sorted(_SECRET_PARTS, key=len, reverse=True)) + r")(?![a-z])|"
    + "|".join(_SECRET_SUBSTRINGS)
)
_UNSET_VALUES = frozenset({"", "%NULL%"})
_SEARCH_BUDGET = 100_000_000  # characters scanned for leftover secrets (some 20 ms)

# Passwords in URLs and secret-looking query parameters, wherever they appear.
_URL_USERINFO = re.compile(r"(?P<head>://[^\s:/@<>\"'?#]*:)(?P<secret>[^\s@/<>\"'?#]+)(?=@)")
_QUERY_SECRET = re.compile(
    r"(?P<head>[?&;](?:[A-Za-z_]*(?:pass|pwd|secret|token|key|auth|sig)[A-Za-z_]*)=)(?P<secret>[^&\s<>\"'#]+)",
    re.I,
)
# A cheap look-ahead so the element and attribute patterns only stop at names that may be secret.
_MAYBE_SECRET = r"(?=[\w.\-]*?(?i:pass|pw|pin|secret|token|hash|credential|apikey|psk|privatekey))"
_XML_ELEMENT = re.compile(
    r"(?P<open><" + _MAYBE_SECRET + r"(?P<name>[A-Za-z_][\w.\-]*)(?:\s[^<>]*)?(?<!/)>)"
    r"(?P<body>(?:[^<]|<!\[CDATA\[.*?\]\]>)*)"
    r"(?P<close></(?P=name)\s*>)",
    re.S,
)
_XML_ATTRIBUTE = re.compile(
    r"(?P<head>\s" + _MAYBE_SECRET + r"(?P<name>[A-Za-z_][\w.\-]*)\s*=\s*(?P<q>[\"']))(?P<body>.*?)(?P=q)",
    re.S,
)
_SNOM_TEXT_LINE = re.compile(
    r"^(?P<head>[ \t]*(?:[#<][ \t]*)?(?P<name>[A-Za-z0-9_.\-]+)[ \t]*[!&$]?[ \t]*: ?)(?P<body>.*)$"
)
_YEALINK_LINE = re.compile(
    r"^(?P<head>[ \t]*(?:[#;][ \t]*)?(?P<name>[A-Za-z0-9_][A-Za-z0-9_.\-]*)[ \t]*=[ \t]*)"
    r"(?P<body>.*?)(?P<tail>[ \t]*)$"
)


@functools.lru_cache(maxsize=4096)
def is_secret_name(name: str) -> bool:
    return _SECRET_NAME.search(name.lower()) is not None


def _hides_something(value: str) -> bool:
    return value.strip() not in _UNSET_VALUES


def is_secret(setting: Setting) -> bool:
    """True when the setting's whole value is a secret (whether or not it is set)."""
    return is_secret_name(setting.name)


def mask_inline(text: str) -> str:
    """Hide passwords inside URLs and secret query parameters in any text."""
    text = _URL_USERINFO.sub(lambda m: m["head"] + MASK, text)
    return _QUERY_SECRET.sub(lambda m: m["head"] + MASK, text)


def mask_value(setting: Setting) -> str:
    if is_secret(setting) and _hides_something(setting.value):
        return MASK
    return mask_inline(setting.value)


def mask_setting(setting: Setting) -> Setting:
    attributes = tuple((key, _mask_attribute(key, value)) for key, value in setting.attributes)
    value = mask_value(setting)
    if value == setting.value and attributes == setting.attributes:
        return setting
    return dataclasses.replace(setting, value=value, attributes=attributes)


def _mask_attribute(name: str, value: str) -> str:
    return MASK if is_secret_name(name) and _hides_something(value) else mask_inline(value)


def mask_settings(settings: Iterable[Setting]) -> tuple[Setting, ...]:
    return tuple(mask_setting(s) for s in settings)


def secret_settings(parsed: ParsedFile) -> list[Setting]:
    """The settings whose values are hidden when masked (the set ones only)."""
    return [s for s in parsed.settings if mask_setting(s) != s]


def mask_text(parsed: ParsedFile) -> str:
    """The raw text with every secret value replaced by :data:`MASK`, line for line."""
    text = parsed.text
    if parsed.format is FileFormat.SNOM_XML:
        text = _XML_ELEMENT.sub(_mask_xml_element, text)
        text = _XML_ATTRIBUTE.sub(_mask_xml_attribute, text)
    else:
        pattern = _YEALINK_LINE if parsed.format is FileFormat.YEALINK_CFG else _SNOM_TEXT_LINE
        text = _mask_lines(text, pattern)
    text = mask_inline(text)
    return _mask_leftovers(text, parsed)


def _mask_xml_element(match: re.Match[str]) -> str:
    body = match["body"]
    if not is_secret_name(match["name"]) or not _hides_something(body) or body == " ":
        return match.group(0)
    return match["open"] + MASK + "\n" * body.count("\n") + match["close"]


def _mask_xml_attribute(match: re.Match[str]) -> str:
    body = match["body"]
    if not is_secret_name(match["name"]) or not _hides_something(body):
        return match.group(0)
    return match["head"] + MASK + "\n" * body.count("\n") + match["q"]


def _mask_lines(text: str, pattern: re.Pattern[str]) -> str:
    # Keep each line's own ending, so the masked text has the same lines as the original.
    parts = re.split(r"(\r\n|\r|\n)", text)
    for i in range(0, len(parts), 2):
        match = pattern.match(parts[i])
        if match is None or not is_secret_name(match["name"]):
            continue
        body = match["body"]
        if body == " " or not _hides_something(body):
            continue
        parts[i] = match["head"] + MASK + (match.groupdict().get("tail") or "")
    return "".join(parts)


def _mask_leftovers(text: str, parsed: ParsedFile) -> str:
    # Belt and braces: a secret written in a way the patterns above missed (a free-text comment,
    # another setting's value) is hidden wherever it appears. Very short values are left alone, as
    # replacing them everywhere would garble the text. The search is bounded (each value is one
    # scan of the text); past the budget, a pathological file relies on the patterns above.
    values = {
        s.value.strip() for s in parsed.settings if is_secret(s) and _hides_something(s.value)
    }
    forms = {form for v in values if len(v) >= 4 and v not in MASK
             for form in (v, escape(v), escape(v, {'"': "&quot;"}))}
    budget = _SEARCH_BUDGET // max(len(text), 1)
    for form in sorted(forms, key=len, reverse=True)[:budget]:
        if form in text:
            text = text.replace(form, MASK + "\n" * form.count("\n"))
    return text


def masked_lines(parsed: ParsedFile) -> list[str]:
    return split_lines(mask_text(parsed))
