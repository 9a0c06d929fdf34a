"""One logger set-up for the app and the CLI: a rotating file, secrets redacted before writing."""

from __future__ import annotations

import contextlib
import io
import logging
import logging.handlers
import os
import re
from pathlib import Path

LOG_FILE_NAME = "compass-desk.log"

# Authorization headers, and any "password-like" key followed by a value, in text, JSON, XML,
# provisioning files or query strings. The value is replaced; the key stays so the log still says
# what happened.
_WORD = r"(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|credentials?)"
# The secret word alone or after a separator (user_pass, account.1.password, X-Api-Key) or in
# camelCase (userPassword), never inside an ordinary word (compass, bypass, passed). The match
# starts at the secret word (what comes before stays as it is) and its lengths are bounded, so a
# huge word in a message cannot make matching quadratic.
_KEY = (
    r"(?:(?:\b|(?<=[_.\-]))" + _WORD + r"|(?-i:(?<=[a-z0-9])(?:Pass(?:word|wd)?|Secret|Token|ApiKey|Key)))"
    r"(?:\d{1,4}|[_\-][\w\-]{0,24}|(?-i:[A-Z]\w{0,24}))?"
)
_SEP = r"[!&$]?[\"']?\s*[:=]\s*"  # Snom's permission suffix, a closing quote of a JSON key
_HEADER = r"\b(?:proxy-)?authorization"
REDACTED = "***"
_PATTERNS = [
    # quoted header value: {'Authorization': 'Basic …'}
    (re.compile(r"(?i)(" + _HEADER + r"[\"']?\s*[:=]\s*)([\"'])(.*?)\2"), r"\1\2" + REDACTED + r"\2"),
    # header line: the rest of the line (Hawk values hold several parts)
    (re.compile(r"(?i)(" + _HEADER + r"\s*[:=]\s*)(?![\"'])[^\r\n]+"), r"\1" + REDACTED),
    # quoted value: "password": "…", password='…'
    (re.compile(r"(?i)(" + _KEY + _SEP + r")([\"'])((?:\\.|(?!\2).)*)\2"), r"\1\2" + REDACTED + r"\2"),
    # bare value: password=…, account.1.password = …, user_pass1!: …
    (re.compile(r"(?i)(" + _KEY + _SEP + r")(?![\"'\s])[^\s\"'&,;}<]+"), r"\1" + REDACTED),
    # XML element: <user_pass idx="1" perm="R">…</user_pass>
    (
        re.compile(r"(?i)(<([\w.\-]{0,48}?" + _KEY + r")(?:\s[^>]*)?>)[^<]+(</\2\s*>)"),
        r"\1" + REDACTED + r"\3",
    ),
    # credentials in a URL: scheme://user:…@host (greedy: a raw @ in the password still ends at the host)
    (re.compile(r"(?i)(\b[a-z][a-z0-9+.\-]{0,20}://[^:/\s@]{1,256}:)[^/\s]+(@)"), r"\1" + REDACTED + r"\2"),
]


def redact(text: str) -> str:
    """Hide credentials in free text. Idempotent; keeps the key names visible."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Renders the record's message, redacts it, and freezes it so handlers see only the safe text."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info:
            formatted = logging.Formatter().formatException(record.exc_info)
            record.exc_text = redact(formatted)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file readable by its owner only (0600), also after each rotation."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with contextlib.suppress(OSError):
            os.chmod(self.baseFilename, 0o600)  # a file made by an older version
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


def setup_logging(log_dir: Path, level: int = logging.INFO, max_bytes: int = 1_000_000) -> Path:
    """Send the ``compass_desk`` loggers to a rotating file in *log_dir*; returns the file path."""
    log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = log_dir / LOG_FILE_NAME
    root = logging.getLogger("compass_desk")
    for handler in list(root.handlers):
        if getattr(handler, "_compass_desk", False):
            root.removeHandler(handler)
            handler.close()
    handler = PrivateRotatingFileHandler(path, maxBytes=max_bytes, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    handler._compass_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path
