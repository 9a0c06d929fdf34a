"""Provisioning files of Snom (XML and plain text) and Yealink (.cfg): parse, mask, check, compare.

Pure functions over text or bytes; reading files is the caller's job.
"""

from compass_desk.domain.provisioning.detect import MAX_BYTES, decode, detect_format, parse_bytes, parse_text
from compass_desk.domain.provisioning.model import (
    FileFormat,
    Finding,
    ParsedFile,
    ParseError,
    Problem,
    Setting,
    Severity,
)

__all__ = [
    "MAX_BYTES",
    "FileFormat",
    "Finding",
    "ParseError",
    "ParsedFile",
    "Problem",
    "Setting",
    "Severity",
    "decode",
    "detect_format",
    "parse_bytes",
    "parse_text",
]
