"""Yealink ``.cfg`` files: ``#!version:1.0.0.1`` on the first line, then ``key = value`` lines.

``%NULL%`` as a value unsets the setting. ``#`` starts a comment. Older firmware also reads
``[ section ]`` headers, which are kept as the setting's section.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from compass_desk.domain.provisioning.model import FileFormat, ParsedFile, Problem, Setting, split_lines
from compass_desk.domain.text import Text

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


def not_a_setting(number: int) -> Text:
    return Text(f"line {number} is not a setting ('key = value') nor a comment",
                f"regel {number} is geen instelling ('sleutel = waarde') en geen commentaar")


def parse_yealink_cfg(text: str) -> ParsedFile:
    """Parse a ``.cfg`` file; lines that are not settings become problems, never exceptions."""
    settings: list[Setting] = []
    problems: list[Problem] = []
    section = ""
    setting_line, section_line = SETTING_LINE.match, _SECTION_LINE.match  # bound once: a call per line
    for number, line in enumerate(split_lines(text), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        first = stripped[0]
        if first in "#;":  # a comment (is_comment, inlined)
            continue
        if first == "[":  # only such a line can be a section header
            header = section_line(line)
            if header is not None:
                section = header["name"]
                continue
        match = setting_line(line)
        if match is None:
            problems.append(Problem(number, not_a_setting(number)))
            continue
        key, value = match.group("key", "value")
        # Positional (name, value, line, index, permission, section): faster for 20,000 lines.
        settings.append(Setting(key, value.strip(" \t"), number, None, None, section))
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
