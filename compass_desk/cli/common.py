"""Shared pieces of the command line: exit codes, errors, output formatting."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any, TextIO

# Exit codes (stable; scripts rely on them).
OK = 0
FAILED = 1
USAGE = 2
AUTH = 3
NOT_FOUND = 4
PERMISSION = 5
NETWORK = 6


class CliError(Exception):
    """A failure to report as one sentence on stderr with an exit code; never a traceback."""

    def __init__(self, message: str, code: int = FAILED) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass
class GlobalOptions:
    """Options accepted anywhere on the command line, before or after the subcommand."""

    env: str | None = None
    url: str | None = None
    user: str | None = None
    json: bool = False
    data_dir: str | None = None


def environment_name_for(url: str) -> str:
    """The name an environment given only by its URL goes by: its host (never raises)."""
    from urllib.parse import urlsplit

    try:
        return urlsplit(url).hostname or url
    except ValueError:  # e.g. an unclosed IPv6 bracket; the URL check says what is wrong
        return url


Handler = Callable[[argparse.Namespace, GlobalOptions], int]

_VALUE_OPTIONS = {"--env": "env", "--url": "url", "--user": "user", "--data-dir": "data_dir"}
_FLAG_OPTIONS = {"--json": "json"}


def extract_global_options(argv: Sequence[str]) -> tuple[GlobalOptions, list[str]]:
    """Pull the global options out of *argv* wherever they stand; the rest goes to argparse."""
    options = GlobalOptions()
    rest: list[str] = []
    items = list(argv)
    i = 0
    while i < len(items):
        item = items[i]
        if item == "--":
            rest.extend(items[i:])
            break
        name, eq, inline = item.partition("=")
        if name in _VALUE_OPTIONS:
            if eq:
                value = inline
            elif i + 1 < len(items):
                i += 1
                value = items[i]
            else:
                raise CliError(f"option {name} needs a value", USAGE)
            setattr(options, _VALUE_OPTIONS[name], value)
        elif item in _FLAG_OPTIONS:
            setattr(options, _FLAG_OPTIONS[item], True)
        else:
            rest.append(item)
        i += 1
    return options, rest


def to_jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {name: to_jsonable(getattr(value, name)) for name in value.__dataclass_fields__}
    return value


def print_json(value: Any, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    json.dump(to_jsonable(value), stream, indent=2, ensure_ascii=False, sort_keys=False)
    stream.write("\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    cells = [[("" if c is None else str(c)) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    line = "  ".join(h.ljust(widths[i]) for i, h in enumerate(headers)).rstrip()
    stream.write(line + "\n")
    for row in cells:
        stream.write("  ".join(c.ljust(widths[i]) for i, c in enumerate(row)).rstrip() + "\n")


def print_fields(pairs: Sequence[tuple[str, Any]], stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    width = max((len(k) for k, _ in pairs), default=0)
    for key, value in pairs:
        stream.write(f"{key.ljust(width)}  {'' if value is None else value}\n")


def counted(count: int, one: str, many: str | None = None) -> str:
    """``1 error``, ``2 errors``: the count with the word in singular or plural (never "(s)")."""
    return f"{count} {one if count == 1 else many or one + 's'}"
