"""What a parsed provisioning file is made of, whatever the vendor format.

Every setting keeps the line it came from, so the viewer, the validator and the diff can point at
it; the decoded text is kept next to the settings so nothing is lost for the raw view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from compass_desk.domain.text import Text, TextError, same

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """Lines as an editor and an XML parser count them (``\\n``, ``\\r\\n``, ``\\r``; nothing else)."""
    if not text:
        return []
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()  # a final line break ends the last line; it does not start a new one
    return lines


def line_count(text: str) -> int:
    """``len(split_lines(text))`` without building the list (a big file has 20,000 lines)."""
    if "\r" in text:
        return len(split_lines(text))
    if not text:
        return 0
    return text.count("\n") + (0 if text.endswith("\n") else 1)


class FileFormat(StrEnum):
    SNOM_XML = "snom-xml"
    SNOM_TEXT = "snom-text"
    YEALINK_CFG = "yealink-cfg"

    @property
    def label(self) -> str:
        return self.label_text.en

    @property
    def label_text(self) -> Text:
        """The format's name for people (``label`` is its English)."""
        return FORMAT_TITLES[self.value]


FORMAT_TITLES = {
    "snom-xml": Text("Snom XML", "Snom-XML"),
    "snom-text": Text("Snom text", "Snom-tekst"),
    "yealink-cfg": same("Yealink .cfg"),  # a name: the same in every language
}


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class ParseError(TextError, ValueError):
    """A file that cannot be read as a provisioning file; the message says why, in one sentence.

    ``message`` (and ``str()``) is the English; ``text`` carries every language.
    """

    def __init__(self, text: Text, line: int | None = None) -> None:
        super().__init__(text)
        self.message = text.en
        self.line = line


@dataclass(frozen=True, slots=True)
class Problem:
    """Something the parser noticed but could read past (a line that is not a setting)."""

    line: int
    text: Text
    severity: Severity = Severity.ERROR

    @property
    def message(self) -> str:
        return self.text.en


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    value: str
    line: int  # 1-based line of the setting (of its start tag for XML)
    index: str | None = None  # Snom ``idx`` (account or key number)
    permission: str | None = None  # as written: XML ``perm`` or the text suffix ``!``, ``&``, ``$``
    section: str = ""  # Snom XML parent element, Yealink ``[ section ]``; empty for flat files
    from_custom: bool = False  # in the custom-settings part Compass appends at the end
    attributes: tuple[tuple[str, str], ...] = ()  # other XML attributes (fkey context, label…)

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity of the setting inside one file: the same key twice is a duplicate."""
        return (self.section, self.name, self.index or "")

    @property
    def display_name(self) -> str:
        return f"{self.name}[{self.index}]" if self.index is not None else self.name

    def attribute(self, name: str) -> str | None:
        for key, value in self.attributes:
            if key == name:
                return value
        return None


@dataclass(frozen=True, slots=True)
class ParsedFile:
    format: FileFormat
    text: str  # the decoded text, exactly as shown in the raw view
    settings: tuple[Setting, ...]
    problems: tuple[Problem, ...] = ()
    note_texts: tuple[Text, ...] = ()  # about decoding (fallback encoding, byte-order mark…)
    custom_start_line: int | None = None  # first line of the custom-settings part, if marked
    encoding: str = "utf-8"

    @property
    def notes(self) -> tuple[str, ...]:
        """The decoding notes in English (``note_texts`` has every language)."""
        return tuple(note.en for note in self.note_texts)

    @property
    def lines(self) -> list[str]:
        return split_lines(self.text)

    def setting_at(self, line: int) -> Setting | None:
        for setting in self.settings:
            if setting.line == line:
                return setting
        return None

    def get(self, name: str, index: str | None = None) -> Setting | None:
        """The last setting with *name* (and *index*): the one the phone ends up with."""
        found = None
        for setting in self.settings:
            if setting.name == name and (index is None or setting.index == index):
                found = setting
        return found


@dataclass(frozen=True, slots=True)
class Finding:
    severity: Severity
    text: Text
    line: int | None = None
    setting: str | None = None
    code: str = ""  # stable identifier for scripts (``duplicate``, ``vlan-range``…)

    @property
    def message(self) -> str:
        """The finding in English (for the CLI and logs); ``text`` has every language."""
        return self.text.en


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str
    note_texts: tuple[Text, ...] = field(default=())

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(note.en for note in self.note_texts)
