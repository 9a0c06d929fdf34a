"""One logger set-up for the app and the CLI: a rotating file, secrets redacted before writing."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

LOG_FILE_NAME = "compass-desk.log"

# Authorization headers, and any "password-like" key followed by a value, in text, JSON, XML or
# query strings. The value is replaced; the key stays so the log still says what happened.
_SECRET_KEY = r"(?:pass(?:word|wd)?|pwd|secret|token|api[_-]?key|auth(?:orization)?|credential)"
_PATTERNS = [
    re.compile(r"(?i)(authorization[\"']?\s*[:=]\s*[\"']?)(basic|bearer|hawk)?\s*[^\s\"',;}]+"),
    re.compile(r"(?i)(\b[\w.\-]*" + _SECRET_KEY + r"[\w.\-]*[\"']?\s*[:=]\s*[\"']?)([^\s\"'&,;}<]+)"),
    re.compile(r"(?i)(<([\w.\-]*" + _SECRET_KEY + r"[\w.\-]*)\b[^>]*>)([^<]+)(</\2>)"),
    re.compile(r"(?i)(https?://[^:/\s]+:)([^@/\s]+)(@)"),
]
REDACTED = "***"


def redact(text: str) -> str:
    """Hide credentials in free text. Idempotent; keeps the key names visible."""
    text = _PATTERNS[0].sub(lambda m: m.group(1) + REDACTED, text)
    text = _PATTERNS[1].sub(lambda m: m.group(1) + REDACTED, text)
    text = _PATTERNS[2].sub(lambda m: m.group(1) + REDACTED + m.group(4), text)
    return _PATTERNS[3].sub(lambda m: m.group(1) + REDACTED + m.group(3), text)


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
        return True


def setup_logging(log_dir: Path, level: int = logging.INFO, max_bytes: int = 1_000_000) -> Path:
    """Send the ``compass_desk`` loggers to a rotating file in *log_dir*; returns the file path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE_NAME
    root = logging.getLogger("compass_desk")
    for handler in list(root.handlers):
        if getattr(handler, "_compass_desk", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=max_bytes, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    handler._compass_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path
