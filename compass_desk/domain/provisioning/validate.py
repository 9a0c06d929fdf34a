"""Findings about a provisioning file, each with a line and a severity.

Errors are what a phone would reject or misread (a broken file, a VLAN or port out of range, a
boolean it cannot read, an unencrypted provisioning or firmware URL); warnings are what works but
looks wrong (a key set twice, plain-http URLs elsewhere); info says what the file will do
(firmware change or not, custom settings overriding defaults).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from compass_desk.domain.provisioning import validate_texts as says
from compass_desk.domain.provisioning.detect import parse_bytes, parse_text
from compass_desk.domain.provisioning.explain import PERMISSIONS
from compass_desk.domain.provisioning.known import EXAMPLES, has_known_setting
from compass_desk.domain.provisioning.model import (
    FileFormat,
    Finding,
    ParsedFile,
    ParseError,
    Setting,
    Severity,
)
from compass_desk.domain.provisioning.secrets import is_secret_name, mask_inline
from compass_desk.domain.provisioning.validate_texts import (
    EMPTY,
    FIRMWARE_NONE,
    FIRMWARE_URL,
    HEADER_MISSING,
    NO_SETTINGS,
    NONE_KNOWN,
    ONLY_NOT_KNOWN,
)
from compass_desk.domain.provisioning.yealink_cfg import HEADER, UNSET
from compass_desk.domain.text import Text

_WORD = re.compile(r"[._]")
_URL = re.compile(r"\bhttps?://[^\s<>\"']+", re.I)
_LOOPBACK = re.compile(r"^(localhost|127(?:\.\d{1,3}){3}|\[?::1\]?)$", re.I)
_SNOM_BOOLEANS = frozenset({"user_active", "user_srtp", "dhcp", "user_symmetrical_rtp", "keyboard_lock"})
_SNOM_TRUE_FALSE = frozenset({"on", "off", "true", "false"})
_SNOM_BOOLEAN_ENDINGS = ("_enable", "_enabled", "_active")
_HTTPS_EXPECTED = ("setting_server", "firmware", "auto_provision", "provisioning", "update_server")
_FIRMWARE_NAMES = frozenset({"firmware_status", "firmware", "static.firmware.url", "firmware.url"})


@dataclass(frozen=True, slots=True)
class CheckResult:
    parsed: ParsedFile | None  # None when the file could not be parsed at all
    findings: list[Finding]

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)


def check(data: bytes | str, filename: str | None = None) -> CheckResult:
    """Parse and validate; a file that cannot be parsed is one error finding, not an exception."""
    try:
        parsed = parse_bytes(data, filename) if isinstance(data, bytes) else parse_text(data, filename)
    except ParseError as exc:
        return CheckResult(None, [Finding(Severity.ERROR, exc.text, exc.line, code="unreadable")])
    return CheckResult(parsed, validate(parsed))


def validate(parsed: ParsedFile) -> list[Finding]:
    findings = [Finding(Severity.WARNING, note, None, code="encoding") for note in parsed.note_texts]
    findings += [Finding(p.severity, p.text, p.line, code="syntax") for p in parsed.problems]
    if parsed.format is FileFormat.YEALINK_CFG:
        findings += _check_header(parsed)
    findings += _check_duplicates(parsed)
    for setting in parsed.settings:
        findings += _check_setting(setting, parsed.format)
    findings += _check_content(parsed)
    findings.append(_firmware_finding(parsed))
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    return sorted(findings, key=lambda f: (f.line or 0, order[f.severity]))


def _check_content(parsed: ParsedFile) -> list[Finding]:
    """An empty file is an error; a file without one well-known setting is probably not provisioning."""
    if not parsed.text.strip():
        return [Finding(Severity.ERROR, EMPTY, None, code="empty")]
    if not parsed.settings:
        if parsed.problems:
            return []  # the syntax findings say why nothing was read
        return [Finding(Severity.ERROR, NO_SETTINGS, None, code="empty")]
    if has_known_setting(parsed.settings, parsed.format):
        return []
    count = len(parsed.settings)
    examples = EXAMPLES[parsed.format]
    template = ONLY_NOT_KNOWN if count == 1 else NONE_KNOWN
    message = template.format(count=count, examples=examples)
    return [Finding(Severity.WARNING, message, None, code="unknown-content")]


def _check_header(parsed: ParsedFile) -> list[Finding]:
    lines = parsed.lines
    if lines and lines[0].strip() == HEADER:
        return []
    return [Finding(Severity.ERROR, HEADER_MISSING.format(header=HEADER), 1, code="header")]


def _at(setting: Setting, severity: Severity, code: str, message: Text) -> Finding:
    return Finding(severity, message, setting.line, setting.display_name, code)


def _check_duplicates(parsed: ParsedFile) -> list[Finding]:
    findings: list[Finding] = []
    first: dict[tuple[str, str, str], Setting] = {}
    for setting in parsed.settings:
        earlier = first.get(setting.key)
        if earlier is None:
            first[setting.key] = setting
            continue
        name = setting.display_name
        if setting.from_custom and not earlier.from_custom:
            message = says.custom_override(name, earlier.line)
            findings.append(_at(setting, Severity.INFO, "custom-override", message))
        elif setting.value == earlier.value:
            message = says.repeated(name, earlier.line)
            findings.append(_at(setting, Severity.WARNING, "duplicate", message))
        else:
            message = says.set_again(name, earlier.line)
            findings.append(_at(setting, Severity.WARNING, "duplicate", message))
    return findings


def _is_unset(value: str) -> bool:
    return value.strip() in {"", UNSET}


def _integer(value: str) -> int | None:
    text = value.strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 12 else None


def _check_setting(setting: Setting, file_format: FileFormat) -> list[Finding]:
    findings: list[Finding] = []
    name, value, lowered = setting.display_name, setting.value, setting.name.lower()
    if not _is_unset(value):
        last = lowered.rsplit(".", 1)[-1].rsplit("_", 1)[-1]
        if "vlan" in lowered and (last in {"id", "vid"} or lowered.endswith("vid")):
            number = _integer(value)
            if number is None or number > 4094:
                message = says.vlan_range(name, repr(value.strip()))
                findings.append(_at(setting, Severity.ERROR, "vlan-range", message))
        elif last == "port":
            number = _integer(value)
            if number is None or not 1 <= number <= 65535:
                message = says.port_range(name, repr(value.strip()))
                findings.append(_at(setting, Severity.ERROR, "port-range", message))
        if file_format is FileFormat.YEALINK_CFG or lowered.endswith(_SNOM_BOOLEAN_ENDINGS) or (
            lowered in _SNOM_BOOLEANS
        ):
            findings += _check_boolean(setting, file_format, lowered)
    if "://" in value or setting.attributes:
        findings += _check_urls(setting)
    if file_format is not FileFormat.YEALINK_CFG and setting.permission is not None:
        if setting.permission not in PERMISSIONS and setting.permission.upper() not in PERMISSIONS:
            message = says.unknown_flag(name, repr(setting.permission))
            findings.append(_at(setting, Severity.WARNING, "permission", message))
        elif setting.permission == "!" and is_secret_name(setting.name):
            message = says.credential_flag(name)
            findings.append(_at(setting, Severity.WARNING, "permission", message))
    return findings


def _check_boolean(setting: Setting, file_format: FileFormat, lowered: str) -> list[Finding]:
    name, value = setting.display_name, setting.value.strip()
    if file_format is FileFormat.YEALINK_CFG:
        if lowered.endswith("enable") and value not in {"0", "1"}:
            return [_at(setting, Severity.ERROR, "boolean", says.boolean_01(name, repr(value)))]
        return []
    if value.lower() in _SNOM_TRUE_FALSE:
        return []
    if lowered in _SNOM_BOOLEANS:
        return [_at(setting, Severity.ERROR, "boolean", says.boolean_on_off(name, repr(value)))]
    if lowered.endswith(_SNOM_BOOLEAN_ENDINGS):
        message = says.boolean_neither(name, repr(value))
        return [_at(setting, Severity.WARNING, "boolean", message)]
    return []


def _https_expected(setting: Setting) -> bool:
    lowered = setting.name.lower()
    return setting.section in {"firmware-settings", "setting-files"} or any(
        word in lowered for word in _HTTPS_EXPECTED
    )


def _check_urls(setting: Setting) -> list[Finding]:
    findings: list[Finding] = []
    name = setting.display_name
    texts = [setting.value, *(value for _, value in setting.attributes)]
    for text in texts:
        for url in _URL.findall(text):
            if not url.lower().startswith("http://") or _is_loopback(url):
                continue
            shown = mask_inline(url)
            if _https_expected(setting):
                message = says.http_forbidden(name, shown)
                findings.append(_at(setting, Severity.ERROR, "insecure-url", message))
            else:
                message = says.http_safer(name, shown)
                findings.append(_at(setting, Severity.WARNING, "insecure-url", message))
    return findings


def _is_loopback(url: str) -> bool:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return False
    return bool(_LOOPBACK.match(host))


def firmware_url(parsed: ParsedFile) -> Setting | None:
    """The setting that asks the phone to change firmware, if it is there and set."""
    found = None
    for setting in parsed.settings:
        lowered = setting.name.lower()
        is_firmware = lowered in _FIRMWARE_NAMES or lowered.startswith("over_the_air.url")
        if is_firmware and not _is_unset(setting.value):
            found = setting
    return found


def _firmware_finding(parsed: ParsedFile) -> Finding:
    setting = firmware_url(parsed)
    if setting is None:
        return Finding(Severity.INFO, FIRMWARE_NONE, None, code="firmware")
    return Finding(Severity.INFO, FIRMWARE_URL.format(url=mask_inline(setting.value.strip())), setting.line,
                   setting.display_name, "firmware")
