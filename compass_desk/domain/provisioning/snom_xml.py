"""Snom XML settings: ``<settings>`` with ``<phone-settings>``, ``<functionKeys>`` and friends.

The text is untrusted (it may come from disk, or from a platform we do not control), so it goes
through defusedxml with DTDs, entities and external references refused: an XML bomb or an
external-entity trick becomes a :class:`ParseError`, never an expansion or a network fetch.
Settings are the leaf elements; their parent element is the section (``phone-settings``,
``functionKeys``, ``firmware-settings``…), so other sections are kept, not dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from xml.parsers.expat import ErrorString, ExpatError
from xml.sax.saxutils import escape, quoteattr

from defusedxml import DefusedXmlException
from defusedxml.expatreader import DefusedExpatParser

from compass_desk.domain.provisioning.model import (
    FileFormat,
    ParsedFile,
    ParseError,
    Problem,
    Setting,
    Severity,
)
from compass_desk.domain.text import Text

KNOWN_ROOTS = frozenset({"settings", "phone-settings", "functionKeys", "firmware-settings", "setting-files"})
_SECTIONS = KNOWN_ROOTS - {"settings"}
_INDEX_ATTR = "idx"
_PERM_ATTR = "perm"

REFUSED = Text("the file declares a DTD or entities, which are refused for safety "
               "(a provisioning file never needs them)",
               "het bestand declareert een DTD of entiteiten; die worden voor de veiligheid geweigerd "
               "(een provisioningbestand heeft ze nooit nodig)")
NOT_WELL_FORMED = Text("the XML is not well-formed at line {line}: {reason}",
                       "de XML is niet goed gevormd op regel {line}: {reason}")
UNREADABLE = Text("the XML cannot be read: {reason}", "de XML kan niet worden gelezen: {reason}")
UNKNOWN_ROOT = Text("the root element <{root}> is not one a Snom phone reads",
                    "een Snom-telefoon leest geen hoofdelement <{root}>")
# Expat's reasons (its ErrorString) in Dutch; one not listed stays as expat words it.
EXPAT_REASONS_NL = {
    "syntax error": "syntaxfout",
    "no element found": "geen element gevonden",
    "not well-formed (invalid token)": "niet goed gevormd (ongeldig teken)",
    "unclosed token": "niet afgesloten teken",
    "partial character": "onvolledig teken",
    "mismatched tag": "eindtag past niet bij de begintag",
    "duplicate attribute": "dubbel attribuut",
    "junk after document element": "extra inhoud na het hoofdelement",
    "undefined entity": "onbekende entiteit",
    "unclosed CDATA section": "niet afgesloten CDATA-sectie",
    "reference to invalid character number": "verwijzing naar een ongeldig tekennummer",
    "XML or text declaration not at start of entity": "XML-declaratie niet aan het begin van het bestand",
    "unbound prefix": "onbekend voorvoegsel",
    "illegal character(s) in public id": "ongeldige teken(s) in de public id",
    "unknown encoding": "onbekende codering",
    "encoding specified in XML declaration is incorrect": "de codering in de XML-declaratie klopt niet",
    "XML declaration not well-formed": "XML-declaratie niet goed gevormd",
    "text declaration not well-formed": "tekstdeclaratie niet goed gevormd",
    "out of memory": "onvoldoende geheugen",
    "recursive entity reference": "entiteit die naar zichzelf verwijst",
    "document is not standalone": "document staat niet op zichzelf",
}


def expat_reason(reason: str) -> Text:
    return Text(reason, EXPAT_REASONS_NL.get(reason, reason))


class _Handler:
    """Expat callbacks: leaf elements become settings, their parent element is the section.

    Called once per element and text run of a file of tens of thousands of lines, so the open
    elements are plain lists ``[tag, attrs, line, has_children, text parts]``, not objects.
    """

    def __init__(self, expat: Any) -> None:
        self._expat = expat
        self._stack: list[list[Any]] = []
        self.settings: list[Setting] = []
        self.root: str | None = None

    def start(self, name: str, attrs: dict[str, str]) -> None:
        stack = self._stack
        if stack:
            stack[-1][3] = True
        elif self.root is None:
            self.root = name
        stack.append([name, attrs, self._expat.CurrentLineNumber, False, []])

    def data(self, content: str) -> None:
        if self._stack:
            top = self._stack[-1]
            if not top[3]:  # the text of an element with children is never used
                top[4].append(content)

    def end(self, _name: str) -> None:
        stack = self._stack
        tag, attrs, line, has_children, text = stack.pop()
        if has_children or not stack or tag in _SECTIONS:
            return  # a section (or the root), even an empty one: its own text is layout whitespace
        index = attrs.pop(_INDEX_ATTR, None)
        permission = attrs.pop(_PERM_ATTR, None)
        self.settings.append(
            # Positional (name, value, line, index, permission, section, from_custom, attributes): faster.
            Setting(tag, "".join(text), line, index, permission, stack[-1][0], False, tuple(attrs.items()))
        )


def parse_snom_xml(text: str) -> ParsedFile:
    """Parse Snom XML *text*; raise :class:`ParseError` if it is not well-formed or not safe."""
    reader = DefusedExpatParser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    reader.reset()  # creates the expat parser with defusedxml's refusing handlers installed
    # Our element handlers go straight on that expat parser (``_parser``, as defusedxml uses it):
    # the SAX layer around it would double the time on a large file. The refusals stay in place.
    expat = reader._parser
    expat.buffer_text = True
    handler = _Handler(expat)
    expat.StartElementHandler = handler.start
    expat.EndElementHandler = handler.end
    expat.CharacterDataHandler = handler.data
    try:
        expat.Parse(text, True)
    except DefusedXmlException:
        raise ParseError(REFUSED, expat.CurrentLineNumber) from None
    except ExpatError as exc:
        reason = expat_reason(ErrorString(exc.code) if exc.code else str(exc))
        message = NOT_WELL_FORMED.format(line=exc.lineno, reason=reason)
        raise ParseError(message, exc.lineno) from None
    except (UnicodeError, ValueError) as exc:
        raise ParseError(UNREADABLE.format(reason=exc), expat.CurrentLineNumber) from None
    problems: list[Problem] = []
    if handler.root is not None and handler.root not in KNOWN_ROOTS:
        problems.append(Problem(1, UNKNOWN_ROOT.format(root=handler.root), Severity.WARNING))
    return ParsedFile(
        format=FileFormat.SNOM_XML,
        text=text,
        settings=tuple(handler.settings),
        problems=tuple(problems),
    )


def _content(value: str) -> str:
    # Carriage returns would be normalised away by any XML parser; keep them as references.
    return escape(value).replace("\r", "&#13;")


def render_snom_xml(settings: Iterable[Setting]) -> str:
    """Write *settings* as a Snom XML file, grouped by section in first-seen order."""
    sections: dict[str, list[Setting]] = {}
    for setting in settings:
        sections.setdefault(setting.section or "phone-settings", []).append(setting)
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<settings>"]
    for section, members in sections.items():
        out.append(f"  <{section}>")
        for setting in members:
            attrs = []
            if setting.index is not None:
                attrs.append(f"{_INDEX_ATTR}={quoteattr(setting.index)}")
            if setting.permission is not None:
                attrs.append(f"{_PERM_ATTR}={quoteattr(setting.permission)}")
            attrs.extend(f"{key}={quoteattr(value)}" for key, value in setting.attributes)
            head = " ".join([setting.name, *attrs])
            out.append(f"    <{head}>{_content(setting.value)}</{setting.name}>")
        out.append(f"  </{section}>")
    out.append("</settings>")
    return "\n".join(out) + "\n"
