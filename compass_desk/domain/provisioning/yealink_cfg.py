"""Yealink ``.cfg`` files: ``#!version:1.0.0.1`` on the first line, then ``key = value`` lines.

``%NULL%`` as a value unsets the setting. ``#`` starts a comment. Older firmware also reads
``[ section ]`` headers, which are kept as the setting's section.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from compass_desk.domain.provisioning.model import FileFormat, ParsedFile, Problem, Setting, split_lines

HEADER = "#!version:1.0.0.1"
UNSET = "%NULL%"
SETTING_LINE = re.compile(r"^[ \t]*(?P<key>[A-Za-z0-9_][A-Za-z0-9_.\-]*)[ \t]*=(?P<value>.*)$")
_SECTION_LINE = re.compile(r"^[ \t]*\[[ \t]*(?P<name>[^\]]*?)[ \t]*\][ \t]*$")


def is_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith(("#", ";"))


def has_header(text: str) -> bool:
    lines = split_lines(text.lstrip("\ufeff"))
    return bool(lines) and lines[0].strip() == HEADER


def parse_yealink_cfg(text: str) -> ParsedFile:
    """Parse a ``.cfg`` file; lines that are not settings become problems, never exceptions."""
    settings: list[Setting] = []
    problems: list[Problem] = []
    section = ""
    for number, line in enumerate(split_lines(text), start=1):
        stripped = line.strip()
        if not stripped or stripped[0] in "#;":  # a comment or an empty line (is_comment, inlined)
            continue
        header = _SECTION_LINE.match(line)
        if header is not None:
            section = header["name"]
            continue
        match = SETTING_LINE.match(line)
        if match is None:
            problems.append(Problem(number, f"line {number} is not a setting ('key = value') nor a comment"))
            continue
        settings.append(
            Setting(name=match["key"], value=match["value"].strip(" \t"), line=number, section=section)
        )
    return ParsedFile(
        format=FileFormat.YEALINK_CFG, text=text, settings=tuple(settings), problems=tuple(problems)
    )


def render_yealink_cfg(settings: Iterable[Setting]) -> str:
    lines = [HEADER]
    section = ""
    for setting in settings:
        if setting.section != section:
            section = setting.section
            lines.append(f"[ {section} ]")
        lines.append(f"{setting.name} = {setting.value}")
    return "\n".join(lines) + "\n"
