"""The older Snom plain-text settings form: ``name: value`` lines.

A suffix on the name sets the permission: ``!`` the user may change it (and provisioning keeps the
user's value), ``&`` read-only, ``$`` read-write (overwritten by the next provisioning). Lines
starting with ``#`` or ``<`` are comments, which is why such a file may be wrapped in
``<html><pre>`` for a web server. A value of a single space unsets the setting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from compass_desk.domain.provisioning.model import FileFormat, ParsedFile, Problem, Setting, split_lines
from compass_desk.domain.text import Text

FLAGS = "!&$"
SETTING_LINE = re.compile(r"^(?P<name>[A-Za-z0-9_.\-]+)[ \t]*(?P<flag>[!&$]?)[ \t]*:(?P<value>.*)$")
_COMMENT_START = ("#", "<")


def is_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith(_COMMENT_START)


def split_value(raw: str) -> str:
    """The value after the colon: one separating space is layout, anything more is the value."""
    return raw[1:] if raw.startswith(" ") else raw


def not_a_setting(number: int) -> Text:
    return Text(f"line {number} is not a setting ('name: value') nor a comment",
                f"regel {number} is geen instelling ('naam: waarde') en geen commentaar")


def parse_snom_text(text: str) -> ParsedFile:
    """Parse the plain-text form; lines that are not settings become problems, never exceptions."""
    settings: list[Setting] = []
    problems: list[Problem] = []
    for number, line in enumerate(split_lines(text), start=1):
        stripped = line.strip()
        if not stripped or stripped[0] in "#<":  # a comment or an empty line (is_comment, inlined)
            continue
        match = SETTING_LINE.match(line.lstrip(" \t"))
        if match is None:
            problems.append(Problem(number, not_a_setting(number)))
            continue
        settings.append(
            Setting(
                name=match["name"],
                value=split_value(match["value"]),
                line=number,
                permission=match["flag"] or None,
            )
        )
    return ParsedFile(
        format=FileFormat.SNOM_TEXT, text=text, settings=tuple(settings), problems=tuple(problems)
    )


def render_snom_text(settings: Iterable[Setting], *, html: bool = False) -> str:
    lines = [f"{s.name}{s.permission or ''}: {s.value}" for s in settings]
    if html:
        lines = ["<html><pre>", *lines, "</pre></html>"]
    return "\n".join(lines) + "\n"
