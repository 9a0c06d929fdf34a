"""Words for what a setting means beyond its value: unset markers, permission flags, custom part.

Compass appends the custom settings of a phone (and of its phone type) at the end of the file it
generates. When that part is introduced by a comment naming it ("Custom settings"), the settings
after it are marked, so the viewer can show which lines an administrator added by hand.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from compass_desk.domain.provisioning.model import FileFormat, ParsedFile, Setting, split_lines
from compass_desk.domain.text import Text

YEALINK_UNSET = "%NULL%"
SNOM_UNSET = " "
# The comment the simulator writes before the custom part (and what we look for in real files).
CUSTOM_MARKER = "Custom settings"
_CUSTOM_COMMENT = re.compile(r"^\s*(?:<!--|#|;)\s*.*\bcustom[\s_-]*settings?\b", re.I)
_CUSTOM_WORD = re.compile(r"custom", re.I)  # same flags: every match of the pattern above contains one

# Snom permission flags (XML ``perm`` value or plain-text suffix) and what they do on the phone.
USER_KEEPS = Text("the user may change it, and provisioning keeps the user's value (“read & remain”)",
                  "de gebruiker mag het wijzigen, en provisioning houdt de waarde van de gebruiker aan "
                  "(“read & remain”)")
READ_ONLY = Text("read-only: the user cannot change it on the phone",
                 "alleen-lezen: de gebruiker kan het op de telefoon niet wijzigen")
OVERWRITTEN = Text("the user may change it, but the next provisioning overwrites it",
                   "de gebruiker mag het wijzigen, maar de volgende provisioning overschrijft het")
VOLATILE = Text("volatile: not saved, so it goes back to the provisioned value after a reboot",
                "tijdelijk: niet opgeslagen, dus na een herstart geldt weer de geprovisionde waarde")
PERMISSIONS: dict[str, Text] = {
    "!": USER_KEEPS,
    "&": READ_ONLY,
    "R": READ_ONLY,
    " ": READ_ONLY,
    "$": OVERWRITTEN,
    "RW": OVERWRITTEN,
    "": OVERWRITTEN,
    "V": VOLATILE,
}
NO_FLAG = Text("no flag: {meaning} (the default of this file form)",
               "geen vlag: {meaning} (de standaard van deze bestandsvorm)")
UNKNOWN_FLAG = Text("unknown permission flag {flag}: the phone may ignore this setting",
                    "onbekende rechtvlag {flag}: de telefoon negeert deze instelling misschien")
YEALINK_NULL = Text("%NULL% unsets this setting: the phone goes back to its own default",
                    "%NULL% wist deze instelling: de telefoon gaat terug naar zijn eigen standaardwaarde")
SNOM_SPACE = Text("a single space unsets this setting: the phone goes back to its own default",
                  "één spatie wist deze instelling: de telefoon gaat terug naar zijn eigen standaardwaarde")
SNOM_REMOVE = Text("action=\"remove\" clears this setting (Snom firmware 10.1.57.0 and later)",
                   "action=\"remove\" wist deze instelling (Snom-firmware 10.1.57.0 en nieuwer)")
PERMISSION_NOTE = Text("permission {flag}: {meaning}", "recht {flag}: {meaning}")
CREDENTIAL_KEPT = Text("a credential with '!' cannot be changed by later provisioning once the user edits it",
                       "een inloggegeven met '!' kan latere provisioning niet meer wijzigen zodra de "
                       "gebruiker het aanpast")
FROM_CUSTOM = Text("from the custom settings Compass appends at the end; it overrides earlier lines",
                   "uit de eigen instellingen die Compass aan het eind toevoegt; gaat voor eerdere regels")


def _filled(template: Text, meaning: Text, **values: str) -> Text:
    return template.format(meaning=meaning, **values)


def permission_text(permission: str | None, file_format: FileFormat) -> Text | None:
    """What a Snom permission flag means; ``None`` for Yealink (no flags) or no flag in XML."""
    if file_format is FileFormat.YEALINK_CFG:
        return None
    if permission is None:
        if file_format is FileFormat.SNOM_TEXT:
            return _filled(NO_FLAG, READ_ONLY)
        return None
    meaning = PERMISSIONS.get(permission) or PERMISSIONS.get(permission.upper())
    if meaning is None:
        return UNKNOWN_FLAG.format(flag=repr(permission))
    return meaning


def permission_meaning(permission: str | None, file_format: FileFormat) -> str | None:
    """:func:`permission_text` in English (for the CLI)."""
    text = permission_text(permission, file_format)
    return None if text is None else text.en


def unset_text(setting: Setting, file_format: FileFormat) -> Text | None:
    """Say so when a value does not set something but clears it."""
    if file_format is FileFormat.YEALINK_CFG and setting.value.strip() == YEALINK_UNSET:
        return YEALINK_NULL
    if file_format is not FileFormat.YEALINK_CFG:
        if setting.value == SNOM_UNSET:
            return SNOM_SPACE
        if setting.attribute("action") == "remove":
            return SNOM_REMOVE
    return None


def unset_meaning(setting: Setting, file_format: FileFormat) -> str | None:
    text = unset_text(setting, file_format)
    return None if text is None else text.en


def explain_texts(setting: Setting, file_format: FileFormat, *, permission: bool = True) -> list[Text]:
    """Every remark worth showing next to *setting*, in reading order (*permission*: include what
    its permission flag means; a table with a permission column may leave that out)."""
    notes: list[Text] = []
    unset = unset_text(setting, file_format)
    if unset:
        notes.append(unset)
    meaning = permission_text(setting.permission, file_format) if permission else None
    if meaning and setting.permission is not None:
        notes.append(_filled(PERMISSION_NOTE, meaning, flag=repr(setting.permission)))
    if setting.permission == "!" and _looks_like_credential(setting.name):
        notes.append(CREDENTIAL_KEPT)
    if setting.from_custom:
        notes.append(FROM_CUSTOM)
    return notes


def explain(setting: Setting, file_format: FileFormat, *, permission: bool = True) -> list[str]:
    """:func:`explain_texts` in English (for the CLI)."""
    return [note.en for note in explain_texts(setting, file_format, permission=permission)]


def _looks_like_credential(name: str) -> bool:
    lowered = name.lower()
    return "pass" in lowered or "pwd" in lowered


def find_custom_marker(text: str) -> int | None:
    """Line number of the comment that opens the custom-settings part, if there is one."""
    found = _find_marker(text)
    return None if found is None else found[0]


def _find_marker(text: str) -> tuple[int, int | None] | None:
    """(line number, offset of that line in *text*) of the custom-settings comment; the offset is
    None for text with ``\r`` line ends (the parsers count those lines differently)."""
    if "\r" in text:
        for number, line in enumerate(split_lines(text), start=1):
            if _CUSTOM_COMMENT.match(line):
                return number, None
        return None
    # Only a line with "custom" in it can match: look at those lines alone, not all 20,000.
    for hit in _custom_words(text):
        start = text.rfind("\n", 0, hit) + 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if _CUSTOM_COMMENT.match(text[start:end]):
            return text.count("\n", 0, start) + 1, start
    return None


def _custom_words(text: str) -> Iterator[int]:
    """Where "custom" (any case) starts, at most once per line, in order."""
    if text.isascii():  # lower() keeps positions, and no other letter folds to these
        low = text.lower()
        found = low.find("custom")
        while found >= 0:
            yield found
            next_line = low.find("\n", found)
            found = -1 if next_line < 0 else low.find("custom", next_line)
        return
    line_end = -1
    for hit in _CUSTOM_WORD.finditer(text):
        if hit.start() > line_end:
            yield hit.start()
            line_end = text.find("\n", hit.start())
            if line_end < 0:
                return


def mark_custom(parsed: ParsedFile) -> ParsedFile:
    """A copy of *parsed* with the settings of the custom-settings part marked.

    In the text formats the part runs to the end of the file. In Snom XML it ends where the
    section holding it closes, because function keys and firmware settings may follow.
    """
    marker = _find_marker(parsed.text)
    if marker is None:
        return parsed
    start, offset = marker
    end = _custom_end(parsed, start, offset) if parsed.format is FileFormat.SNOM_XML else None
    settings = tuple(
        dataclasses.replace(s, from_custom=True) if start < s.line and (end is None or s.line <= end) else s
        for s in parsed.settings
    )
    return dataclasses.replace(parsed, settings=settings, custom_start_line=start)


def _custom_end(parsed: ParsedFile, start: int, offset: int | None) -> int | None:
    first = next((s for s in parsed.settings if s.line > start), None)
    if first is None:
        return None
    closing = f"</{first.section}"
    text = parsed.text
    if offset is None:
        lines = parsed.lines
        for number in range(first.line, len(lines) + 1):
            if closing in lines[number - 1]:
                return number
        return None
    # Walk from the marker line to the first custom setting (a few lines), then search the text.
    for _ in range(first.line - start):
        offset = text.find("\n", offset) + 1
        if offset == 0:
            return None
    found = text.find(closing, offset)  # the closing tag has no line break: it lies within a line
    return None if found < 0 else first.line + text.count("\n", offset, found)
