"""What a support ticket needs, as plain text: versions, system, environment, keyring, recent problems.

No Qt here: the GUI passes its Qt facts in and copies the text to the clipboard. Nothing secret
goes in: no password, and every log line passes through ``logsetup.redact`` again (the log file
may be older than today's redaction rules, or written by another program). The report itself is
in English on purpose: it is read by support, whatever language the app is shown in.
"""

from __future__ import annotations

import logging
import platform
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from compass_desk import APP_NAME, __version__
from compass_desk.domain.models import Environment
from compass_desk.logsetup import LOG_FILE_NAME, redact

log = logging.getLogger(__name__)

LOG_LINES = 60  # the last lines of the log file in the report
PROBLEMS = 15  # the last warnings/errors (with their tracebacks) in the report
_TAIL_BYTES = 256 * 1024  # read no more than this from the end of each log file
_RECORD_START = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} (\w+) ")
_PROBLEM_LEVELS = {"WARNING", "ERROR", "CRITICAL"}
_URL_CREDENTIALS = re.compile(r"(?i)^([a-z][a-z0-9+.\-]*://)[^/@\s]*@")


@dataclass(frozen=True)
class Library:
    """A library shipped with the app: the distribution to read the version of, and its licence."""

    name: str
    distribution: str
    licence: str


# The libraries Compass Desk depends on directly, with the licence under which they are shipped.
BUNDLED_LIBRARIES: tuple[Library, ...] = (
    Library("Qt / Qt for Python (PySide6)", "PySide6-Essentials", "LGPL-3.0"),
    Library("Shiboken6", "shiboken6", "LGPL-3.0"),
    Library("httpx", "httpx", "BSD-3-Clause"),
    Library("keyring", "keyring", "MIT"),
    Library("platformdirs", "platformdirs", "MIT"),
    Library("truststore", "truststore", "MIT"),
    Library("defusedxml", "defusedxml", "PSF-2.0"),
    Library("cryptography", "cryptography", "Apache-2.0 OR BSD-3-Clause"),
    Library("certifi", "certifi", "MPL-2.0"),
    Library("tzdata", "tzdata", "Apache-2.0"),
)


def library_version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def metadata_licence(distribution: str) -> str:
    """The licence a distribution declares (SPDX expression, licence field or classifier)."""
    try:
        meta = metadata.metadata(distribution)
    except metadata.PackageNotFoundError:
        return ""
    expression = str((meta.get_all("License-Expression") or [""])[0]).strip()
    if expression:
        return expression
    declared = str((meta.get_all("License") or [""])[0]).strip()
    if declared and "\n" not in declared and len(declared) <= 40:
        return declared
    for classifier in meta.get_all("Classifier") or []:
        if str(classifier).startswith("License :: OSI Approved :: "):
            return str(classifier).rsplit(" :: ", 1)[1]
    return ""


def indirect_libraries(root: str = "compass-desk") -> list[Library]:
    """The other installed libraries the direct ones pull in (httpcore, idna, cffi…), by name."""
    direct = {lib.distribution.lower().replace("_", "-") for lib in BUNDLED_LIBRARIES}
    seen = {root.lower()} | direct
    found: list[Library] = []
    queue = [root, *(lib.distribution for lib in BUNDLED_LIBRARIES)]
    while queue:
        try:
            requirements = metadata.requires(queue.pop(0)) or []
        except metadata.PackageNotFoundError:
            continue
        for requirement in requirements:
            if "extra ==" in requirement:
                continue  # optional extras (tests, other back ends) are not shipped
            name = re.split(r"[\s;<>=!\[~(]", requirement, maxsplit=1)[0]
            key = name.lower().replace("_", "-")
            if key in seen or library_version(name) is None:
                continue  # absent on this platform (pywin32-ctypes on Linux…)
            seen.add(key)
            queue.append(name)
            found.append(Library(name, name, metadata_licence(name) or "see the package"))
    return sorted(found, key=lambda lib: lib.name.lower())


@dataclass
class DiagnosticsInput:
    """Facts the caller knows; everything else is read here."""

    qt_version: str = ""
    pyside_version: str = ""
    qt_platform: str = ""  # QGuiApplication.platformName()
    language: str = ""
    environment: Environment | None = None
    connection: str = ""  # "online", "offline: …"
    demo: bool = False
    log_dir: Path | None = None
    data_dir: Path | None = None
    keyring_backend: str | None = None  # None: read it here
    keyring_secure: bool | None = None
    extra: Mapping[str, str] = field(default_factory=dict)


def keyring_facts() -> tuple[str, bool | None]:
    """The keyring backend's name and whether it keeps passwords safe (never a password)."""
    try:
        import keyring

        from compass_desk.store.secrets import backend_is_secure

        backend = keyring.get_keyring()
        return f"{type(backend).__module__}.{type(backend).__name__}", backend_is_secure(backend)
    except Exception as exc:  # the report must come out even when the keyring is broken
        return f"unavailable ({type(exc).__name__})", None


def read_log_tail(log_dir: Path, max_lines: int) -> list[str]:
    """The last *max_lines* lines of the log, from the rotated files too, oldest first."""
    files = [log_dir / LOG_FILE_NAME] + [log_dir / f"{LOG_FILE_NAME}.{n}" for n in range(1, 6)]
    lines: list[str] = []
    for path in files:  # newest file first; stop once enough lines are collected
        try:
            with path.open("rb") as handle:
                size = handle.seek(0, 2)
                handle.seek(max(0, size - _TAIL_BYTES))
                chunk = handle.read().decode("utf-8", errors="replace")
        except OSError:
            continue
        part = chunk.splitlines()
        if size > _TAIL_BYTES and part:
            part = part[1:]  # the first line was cut in the middle
        lines = part + lines
        if len(lines) >= max_lines:
            break
    return lines[-max_lines:] if max_lines > 0 else []


def recent_problems(lines: Iterable[str], limit: int = PROBLEMS) -> list[list[str]]:
    """The last *limit* warning/error records, each with the lines that follow it (a traceback)."""
    records: list[list[str]] = []
    current: list[str] | None = None
    for line in lines:
        start = _RECORD_START.match(line)
        if start:
            current = [line] if start.group(1) in _PROBLEM_LEVELS else None
            if current is not None:
                records.append(current)
        elif current is not None:
            current.append(line)
    return records[-limit:] if limit > 0 else []


def safe_url(url: str) -> str:
    """A URL without any user:password@ part."""
    return _URL_CREDENTIALS.sub(r"\1", redact(url))


def _frozen() -> str:
    return "yes (packaged build)" if getattr(sys, "frozen", False) else "no (Python install)"


def build_report(facts: DiagnosticsInput, *, log_lines: int = LOG_LINES, problems: int = PROBLEMS,
                 now: datetime | None = None) -> str:
    """The diagnostics text, secrets redacted, ready to paste into a support ticket."""
    now = now or datetime.now(UTC)
    backend, secure = facts.keyring_backend, facts.keyring_secure
    if backend is None:
        backend, secure = keyring_facts()
    secure_text = {True: "yes", False: "NO (passwords are kept for the session only)",
                   None: "unknown"}[secure]
    rows: list[tuple[str, str]] = [
        ("Application", f"{APP_NAME} {__version__}"),
        ("Qt", facts.qt_version or "unknown"),
        ("PySide6", facts.pyside_version or library_version("PySide6-Essentials") or "unknown"),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("Packaged", _frozen()),
        ("Operating system", platform.platform()),
        ("Machine", platform.machine() or "unknown"),
    ]
    if facts.qt_platform:
        rows.append(("Qt platform", facts.qt_platform))
    if facts.language:
        rows.append(("Language", facts.language))
    rows.append(("Demo mode", "yes" if facts.demo else "no"))
    env = facts.environment
    if env is not None:
        rows += [("Environment", env.name), ("Base URL", safe_url(env.base_url)), ("User", env.username),
                 ("Own CA bundle", "yes" if env.ca_bundle else "no")]
    else:
        rows.append(("Environment", "none open"))
    if facts.connection:
        rows.append(("Connection", facts.connection))
    rows += [("Keyring backend", backend), ("Keyring secure", secure_text)]
    if facts.log_dir is not None:
        rows.append(("Log folder", str(facts.log_dir)))
    if facts.data_dir is not None:
        rows.append(("Data folder", str(facts.data_dir)))
    rows += [(key, value) for key, value in facts.extra.items()]
    rows.append(("Report made", now.strftime("%Y-%m-%d %H:%M:%S UTC")))

    width = max(len(key) for key, _ in rows) + 1
    out = [f"{APP_NAME} diagnostics", "=" * (len(APP_NAME) + 12)]
    out += [f"{key + ':':<{width}} {redact(value)}" for key, value in rows]

    lines = read_log_tail(facts.log_dir, max(log_lines, 2000)) if facts.log_dir else []
    lines = [redact(line) for line in lines]
    found = recent_problems(lines, problems)
    out += ["", f"Recent problems ({len(found)})", "-" * 20]
    out += [text for record in found for text in record] or ["none in the log"]
    tail = lines[-log_lines:] if log_lines > 0 else []
    out += ["", f"Last {len(tail)} log lines", "-" * 20]
    out += tail or ["the log is empty or missing"]
    return "\n".join(out) + "\n"
