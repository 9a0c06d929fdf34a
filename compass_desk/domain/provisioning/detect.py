"""Turn bytes from anywhere into text, find out which vendor format it is, and parse it.

Nothing here trusts the input: files over :data:`MAX_BYTES` and binary data are refused with a
sentence saying so; text that is not UTF-8 is still shown, with a note saying how it was read.
"""

from __future__ import annotations

import codecs
import dataclasses
import re

from compass_desk.domain.provisioning.explain import mark_custom
from compass_desk.domain.provisioning.model import DecodedText, FileFormat, ParsedFile, ParseError
from compass_desk.domain.provisioning.snom_text import parse_snom_text
from compass_desk.domain.provisioning.snom_xml import KNOWN_ROOTS, parse_snom_xml
from compass_desk.domain.provisioning.yealink_cfg import SETTING_LINE as YEALINK_LINE
from compass_desk.domain.provisioning.yealink_cfg import parse_yealink_cfg
from compass_desk.domain.text import Text

MAX_BYTES = 5 * 1024 * 1024
_MAX_CONTROL_SHARE = 0.02  # more control characters than this and it is not a text file
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_FIRST_TAG = re.compile(r"<\s*([A-Za-z_][\w.\-]*)")
_SNOM_TEXT_LINE = re.compile(r"^[A-Za-z0-9_.\-]+[ \t]*[!&$]?[ \t]*:", re.M)
_YEALINK_LINE = re.compile(YEALINK_LINE.pattern, re.M)

# What the user reads when a file is refused or read in another way than UTF-8.
BAD_BOM = Text("the file starts with a {name} byte-order mark but is not valid {name} text",
               "het bestand begint met een {name}-bytevolgordemarkering, maar is geen geldige {name}-tekst")
CONVERTED = Text("The file is {name} text; it was converted for display.",
                 "Het bestand is {name}-tekst; het is omgezet om het te kunnen tonen.")
NOT_UTF8 = Text("The file is not valid UTF-8 (first at line {line}); it was read as {encoding}, "
                "so some accented letters may look wrong.",
                "Het bestand is geen geldige UTF-8 (voor het eerst op regel {line}); het is gelezen als "
                "{encoding}, dus sommige letters met accenten kunnen er verkeerd uitzien.")
NUL_BYTES = Text("the file contains binary data (NUL bytes); it is not a text provisioning file",
                 "het bestand bevat binaire gegevens (NUL-bytes); het is geen provisioningbestand met tekst")
NUL_CHARACTERS = Text("the file contains binary data (NUL characters); it is not a text provisioning file",
                      "het bestand bevat binaire gegevens (NUL-tekens); het is geen provisioningbestand "
                      "met tekst")
BINARY = Text("the file contains binary data; it is not a text provisioning file",
              "het bestand bevat binaire gegevens; het is geen provisioningbestand met tekst")
NOT_PROVISIONING = Text("the file is not a Snom or Yealink provisioning file: it has no settings in it",
                        "het bestand is geen provisioningbestand van Snom of Yealink: er staan geen "
                        "instellingen in")
TOO_LARGE = Text("the file is larger than {limit} MB, so it is not opened",
                 "het bestand is groter dan {limit} MB, dus het wordt niet geopend")


def _megabytes(size: float) -> Text:
    english = f"{size:.1f}"
    return Text(english, english.replace(".", ","))


def decode(data: bytes) -> DecodedText:
    """Decode *data*; raise :class:`ParseError` for oversized or binary data."""
    if len(data) > MAX_BYTES:
        size = _megabytes(len(data) / 1024 / 1024)
        limit = MAX_BYTES // 1024 // 1024
        raise ParseError(Text(
            f"the file is {size.en} MB, more than the {limit} MB a provisioning file can be, "
            "so it is not opened",
            f"het bestand is {size.nl} MB, meer dan de {limit} MB die een provisioningbestand mag zijn, "
            "dus het wordt niet geopend",
        ))
    notes: list[Text] = []
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                      (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(name)
            except UnicodeDecodeError:
                raise ParseError(BAD_BOM.format(name=name.upper())) from None
            if name != "utf-8":
                notes.append(CONVERTED.format(name=name.upper()))
            _refuse_binary(text)
            return DecodedText(text, name, tuple(notes))
    if b"\x00" in data:
        raise ParseError(NUL_BYTES)
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        try:
            text, encoding = data.decode("cp1252"), "windows-1252"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), "latin-1"
        notes.append(NOT_UTF8.format(line=line, encoding=encoding.title()))
    _refuse_binary(text)
    return DecodedText(text, encoding, tuple(notes))


def _refuse_binary(text: str) -> None:
    if "\x00" in text:
        raise ParseError(NUL_CHARACTERS)
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise ParseError(BINARY)


def detect_format(text: str, filename: str | None = None) -> FileFormat:
    """Which format *text* is in: by its content first, then by the file name, then by its lines."""
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("#!version"):
        return FileFormat.YEALINK_CFG
    if head.startswith("<"):
        tag = _first_element(head)
        if tag is not None and tag.lower() in {"html", "pre", "body"}:
            return FileFormat.SNOM_TEXT
        if head.startswith("<?xml") or (tag is not None and tag in KNOWN_ROOTS):
            return FileFormat.SNOM_XML
    suffix = (filename or "").lower().rsplit(".", 1)[-1] if filename and "." in filename else ""
    by_suffix = {"cfg": FileFormat.YEALINK_CFG, "xml": FileFormat.SNOM_XML, "htm": FileFormat.SNOM_TEXT,
                 "html": FileFormat.SNOM_TEXT, "txt": FileFormat.SNOM_TEXT}
    if suffix in by_suffix:
        return by_suffix[suffix]
    if head.startswith("<") and _first_element(head) is not None:
        return FileFormat.SNOM_XML
    sample = text[:65536]
    yealink = len(_YEALINK_LINE.findall(sample))
    snom = len(_SNOM_TEXT_LINE.findall(sample))
    if yealink == 0 and snom == 0:
        raise ParseError(NOT_PROVISIONING)
    return FileFormat.YEALINK_CFG if yealink >= snom else FileFormat.SNOM_TEXT


def _first_element(head: str) -> str | None:
    """The name of the first element, past the XML declaration, comments and a DOCTYPE."""
    position = 0
    while True:
        while position < len(head) and head[position] in " \t\r\n":
            position += 1
        for opener, closer in (("<?", "?>"), ("<!--", "-->"), ("<!", ">")):
            if head.startswith(opener, position):
                end = head.find(closer, position + len(opener))
                if end < 0:
                    return None
                position = end + len(closer)
                break
        else:
            match = _FIRST_TAG.match(head, position)
            return match.group(1) if match else None


_PARSERS = {
    FileFormat.SNOM_XML: parse_snom_xml,
    FileFormat.SNOM_TEXT: parse_snom_text,
    FileFormat.YEALINK_CFG: parse_yealink_cfg,
}


def parse_text(text: str, filename: str | None = None, file_format: FileFormat | None = None) -> ParsedFile:
    """Parse already-decoded text (e.g. a file from the API); the custom-settings part is marked."""
    if len(text) > MAX_BYTES:
        raise ParseError(TOO_LARGE.format(limit=MAX_BYTES // 1024 // 1024))
    _refuse_binary(text)
    chosen = file_format or detect_format(text, filename)
    return mark_custom(_PARSERS[chosen](text.removeprefix("\ufeff")))


def parse_bytes(
    data: bytes, filename: str | None = None, file_format: FileFormat | None = None
) -> ParsedFile:
    """Decode and parse *data* (e.g. a file from disk); decoding notes travel with the result."""
    decoded = decode(data)
    parsed = parse_text(decoded.text, filename, file_format)
    return dataclasses.replace(parsed, note_texts=decoded.note_texts + parsed.note_texts,
                               encoding=decoded.encoding)
