"""Which settings are secrets, and hiding their values in both the raw text and the settings.

A secret is any setting whose name looks like a password, a PIN, a hash of credentials or a token
(SIP passwords, web-portal and admin passwords, provisioning credentials…), or a cryptographic key
(Yealink's provisioning ``aes_key`` / ``aes_key_16.com``, private keys, SRTP and pre-shared keys —
never function keys such as ``linekey.*``, ``fkey`` or ``expansion_module.*.key.*``); also passwords inside
URLs (``https://user:pass@host``) and secret-looking query parameters, whatever the setting.
Masking keeps the line structure, so line numbers stay right in the masked view.
An unset value (empty, ``%NULL%``, a single space) is not hidden: it reveals nothing.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterable
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
# A cryptographic key: a key word right after a crypto qualifier (``aes_key_16``, ``private_key``,
# ``srtp_key``, ``wpa_key``). Function keys (``linekey``, ``fkey``, ``memorykey``, ``expansion_module.1.key``)
# have no qualifier. What follows the key word may make it a setting *about* the key (``aes_key_in_file``,
# ``private_key_url``), which is not secret.
_CRYPTO_QUALIFIERS = (
    "aes", "private", "priv", "srtp", "crypto", "encryption", "encrypt", "ssh", "tls", "ssl", "rsa", "dsa",
    "ecdsa", "shared", "preshared", "pre_shared", "session", "master", "wpa", "wep", "hmac", "api", "psk",
)
_CRYPTO_KEY = re.compile(
    r"(?<![a-z])(?:" + "|".join(sorted(_CRYPTO_QUALIFIERS, key=len, reverse=True)) + r")[_.\-]?keys?"
    r"(?![a-z])(?P<rest>.*)$"
)
_ABOUT_THE_KEY = frozenset({
    "in", "file", "enable", "enabled", "mode", "type", "length", "size", "url", "path", "name", "format",
    "id", "index", "status", "algorithm", "bits", "uri", "location", "server",
})
_UNSET_VALUES = frozenset({"", "%NULL%"})
_SEARCH_BUDGET = 50_000_000  # characters scanned for leftover secrets (some 10 ms)

# Passwords in URLs and secret-looking query parameters, wherever they appear.
_URL_USERINFO = re.compile(r"(?P<head>://[^\s:/@<>\"'?#]*:)(?P<secret>[^\s@/<>\"'?#]+)(?=@)")
_QUERY_SECRET = re.compile(
    r"(?P<head>[?&;](?:[A-Za-z_]*(?:pass|pwd|secret|token|key|auth|sig)[A-Za-z_]*)=)(?P<secret>[^&\s<>\"'#]+)",
    re.I,
)
# A cheap look-ahead so the element and attribute patterns only stop at names that may be secret.
_MAYBE_SECRET = (r"(?=[\w.\-]*?(?i:pass|pw|pin|secret|token|hash|credential|apikey|psk|privatekey"
                  r"|aes|priv|srtp|crypt|ssh|tls|ssl|rsa|dsa|shared|session|master|wpa|wep|hmac|api))")
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
# Setting lines (also commented-out ones), matched on the lines that may hold a secret name.
_SNOM_TEXT_LINE = re.compile(
    r"(?P<head>[ \t]*(?:[#<][ \t]*)?(?P<name>[A-Za-z0-9_.\-]+)[ \t]*[!&$]?[ \t]*: ?)(?P<body>.*)(?P<tail>)$",
    re.S,
)
_YEALINK_LINE = re.compile(
    r"(?P<head>[ \t]*(?:[#;][ \t]*)?(?P<name>[A-Za-z0-9_][A-Za-z0-9_.\-]*)[ \t]*=[ \t]*)"
    r"(?P<body>.*?)(?P<tail>[ \t]*)$",
    re.S,
)
# Every secret name contains one of these (lower case); lines without any are skipped quickly.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ESCAPED = re.compile(r'[&<>"]')
_HINTS = ("pass", "pw", "pin", "secret", "token", "hash", "credential", "apikey", "psk", "privatekey",
          # the crypto-key qualifiers (every one contains one of these)
          "aes", "priv", "srtp", "crypt", "ssh", "tls", "ssl", "rsa", "dsa", "shared", "session", "master",
          "wpa", "wep", "hmac", "api")


@functools.lru_cache(maxsize=4096)
def is_secret_name(name: str) -> bool:
    low = name.lower()
    return _SECRET_NAME.search(low) is not None or _is_crypto_key(low)


def _is_crypto_key(low: str) -> bool:
    if "key" not in low:
        return False
    for match in _CRYPTO_KEY.finditer(low):
        if not _ABOUT_THE_KEY.intersection(re.split(r"[_.\-]+", match["rest"])):
            return True
    return False


def secret_names(names: Iterable[str]) -> set[str]:
    """The names in *names* for which :func:`is_secret_name` holds, decided in bulk.

    Every secret name contains a hint in lower case, so one scan of all names for the hints picks
    the few candidates; only those go through the full pattern (a Yealink file has ~20,000
    distinct names, one per account and key, too many to test one by one before first paint).
    """
    distinct = names if isinstance(names, (set, frozenset)) else set(names)
    joined = "\n".join(distinct)
    low = joined.lower()
    if len(low) != len(joined) or joined.count("\n") != len(distinct) - 1:
        return {name for name in distinct if is_secret_name(name)}  # rare: offsets would not line up
    found_names: set[str] = set()
    for hint in _HINTS:
        found = low.find(hint)
        while found >= 0:
            first = low.rfind("\n", 0, found) + 1
            end = low.find("\n", found)
            name = joined[first:end] if end >= 0 else joined[first:]
            if is_secret_name(name):
                found_names.add(name)
            if end < 0:
                break
            found = low.find(hint, end)  # one hit per name is enough
    return found_names


def _hides_something(value: str) -> bool:
    return value.strip() not in _UNSET_VALUES


def is_secret(setting: Setting) -> bool:
    """True when the setting's whole value is a secret (whether or not it is set)."""
    return is_secret_name(setting.name)


def mask_inline(text: str) -> str:
    """Hide passwords inside URLs and secret query parameters in any text."""
    if "://" not in text and "=" not in text:
        return text  # the common case, decided without running the patterns
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
    settings = parsed.settings
    secret = secret_names({s.name for s in settings})
    # Only a secret name, an attribute or a URL / query string in the value can change a setting.
    return [s for s in settings
            if (s.name in secret or s.attributes or "://" in s.value or "=" in s.value)
            and mask_setting(s) is not s]


def mask_text(parsed: ParsedFile) -> str:
    """The raw text with every secret value replaced by :data:`MASK`, line for line."""
    text = parsed.text
    if parsed.format is FileFormat.SNOM_XML:
        text = _replace(text, _xml_line)
    else:
        pattern = _YEALINK_LINE if parsed.format is FileFormat.YEALINK_CFG else _SNOM_TEXT_LINE
        text = _replace(text, lambda t, start, end: _setting_line(pattern, t, start, end))
    text = mask_inline(text)
    return _mask_leftovers(text, parsed)


Replacement = tuple[int, int, str]  # text[start:end] becomes the string


def _hint_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines that contain a hint, in order; all lines if that cannot be told."""
    low = text.lower()
    if len(low) != len(text) or "\r" in text:
        # Rare: characters that change length in lower case, or old Mac / Windows line ends.
        # Take every line, split the way the parsers split.
        breaks = list(_LINE_BREAK.finditer(text))
        firsts, lasts = [0, *(b.end() for b in breaks)], [*(b.start() for b in breaks), len(text)]
        return list(zip(firsts, lasts, strict=True))
    starts: set[int] = set()
    for hint in _HINTS:
        found = low.find(hint)
        while found >= 0:
            line_start = text.rfind("\n", 0, found) + 1
            starts.add(line_start)
            next_break = text.find("\n", found)
            if next_break < 0:
                break
            found = low.find(hint, next_break)  # one hit per line is enough
    spans = []
    for start in sorted(starts):
        end = text.find("\n", start)
        spans.append((start, end if end >= 0 else len(text)))
    return spans


def _replace(text: str, find: Callable[[str, int, int], list[Replacement]]) -> str:
    pieces: list[str] = []
    done = 0
    for line_start, line_end in _hint_lines(text):
        if line_start < done:
            continue  # inside an element already masked
        for start, end, new in find(text, line_start, line_end):
            if start >= done:
                pieces += [text[done:start], new]
                done = end
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _setting_line(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[Replacement]:
    match = pattern.match(text, start, end)
    if match is None or not is_secret_name(match["name"]):
        return []
    body = match["body"]
    if body == " " or not _hides_something(body):
        return []
    return [(start, end, match["head"] + MASK + match["tail"])]


def _xml_line(text: str, start: int, end: int) -> list[Replacement]:
    """Secret elements starting on this line (their body may go on below) and secret attributes."""
    found: list[Replacement] = []
    position = text.find("<", start, end)
    while position >= 0:
        match = _XML_ELEMENT.match(text, position)
        if match is not None:
            body = match["body"]
            if is_secret_name(match["name"]) and _hides_something(body) and body != " ":
                head = _XML_ATTRIBUTE.sub(_mask_xml_attribute, match["open"])
                lines_kept = "\n" * body.count("\n")
                found.append((match.start(), match.end(), head + MASK + lines_kept + match["close"]))
                if match.end() >= end:
                    return found
                position = match.end() - 1  # the next search starts right after the element
        position = text.find("<", position + 1, end)
    taken = [(a, b) for a, b, _ in found]
    for match in _XML_ATTRIBUTE.finditer(text, start, end):
        if any(a <= match.start() < b for a, b in taken):
            continue
        masked = _mask_xml_attribute(match)
        if masked != match.group(0):
            found.append((match.start(), match.end(), masked))
    return sorted(found)


def _mask_xml_attribute(match: re.Match[str]) -> str:
    if is_secret_name(match["name"]) and _hides_something(match["body"]):
        return match["head"] + MASK + match["q"]
    return match.group(0)


def _mask_leftovers(text: str, parsed: ParsedFile) -> str:
    # Belt and braces: a secret written in a way the patterns above missed (a free-text comment,
    # another setting's value) is hidden wherever it appears. Very short values are left alone, as
    # replacing them everywhere would garble the text. The search is bounded (each value is one
    # scan of the text); past the budget, a pathological file relies on the patterns above.
    settings = parsed.settings
    secret = secret_names({s.name for s in settings})
    values = {v for v in (s.value.strip() for s in settings if s.name in secret) if v not in _UNSET_VALUES}
    forms: set[str] = set()
    for v in values:
        if len(v) >= 4 and v not in MASK:
            forms.add(v)
            if _ESCAPED.search(v):  # escaping changes nothing otherwise
                forms.update((escape(v), escape(v, {'"': "&quot;"})))
    budget = _SEARCH_BUDGET // max(len(text), 1)
    for form in sorted(forms, key=len, reverse=True)[:budget]:
        if form in text:
            text = text.replace(form, MASK + "\n" * form.count("\n"))
    return text


def masked_lines(parsed: ParsedFile) -> list[str]:
    return split_lines(mask_text(parsed))
