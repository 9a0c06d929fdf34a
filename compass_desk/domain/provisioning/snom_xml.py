"""Snom XML settings: ``<settings>`` with ``<phone-settings>``, ``<functionKeys>`` and friends.

The text is untrusted (it may come from disk, or from a platform we do not control), so it goes
through defusedxml with DTDs, entities and external references refused: an XML bomb or an
external-entity trick becomes a :class:`ParseError`, never an expansion or a network fetch.
Settings are the leaf elements; their parent element is the section (``phone-settings``,
``functionKeys``, ``firmware-settings``…), so other sections are kept, not dropped.
"""

from __future__ import annotations

import xml.sax
import xml.sax.handler
from collections.abc import Iterable
from dataclasses import dataclass, field
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

KNOWN_ROOTS = frozenset({"settings", "phone-settings", "functionKeys", "firmware-settings", "setting-files"})
_SECTIONS = KNOWN_ROOTS - {"settings"}
_INDEX_ATTR = "idx"
_PERM_ATTR = "perm"


@dataclass(slots=True)
class _Open:
    tag: str
    attrs: dict[str, str]
    line: int
    has_children: bool = False
    text: list[str] = field(default_factory=list)


class _Handler(xml.sax.handler.ContentHandler):
    def __init__(self, parser: DefusedExpatParser) -> None:
        super().__init__()
        self._parser = parser
        self._stack: list[_Open] = []
        self.settings: list[Setting] = []
        self.root: str | None = None

    def startElement(self, name: str, attrs: xml.sax.xmlreader.AttributesImpl) -> None:
        if self._stack:
            self._stack[-1].has_children = True
        elif self.root is None:
            self.root = name
        line = int(self._parser.getLineNumber() or 0)
        self._stack.append(_Open(name, {str(k): str(v) for k, v in attrs.items()}, line))

    def characters(self, content: str) -> None:
        if self._stack:
            self._stack[-1].text.append(content)

    def endElement(self, name: str) -> None:  # noqa: ARG002
        element = self._stack.pop()
        if element.has_children or not self._stack or element.tag in _SECTIONS:
            return  # a section (or the root), even an empty one: its own text is layout whitespace
        attrs = dict(element.attrs)
        index = attrs.pop(_INDEX_ATTR, None)
        permission = attrs.pop(_PERM_ATTR, None)
        self.settings.append(
            Setting(
                name=element.tag,
                value="".join(element.text),
                line=element.line,
                index=index,
                permission=permission,
                section=self._stack[-1].tag,
                attributes=tuple(attrs.items()),
            )
        )


def parse_snom_xml(text: str) -> ParsedFile:
    """Parse Snom XML *text*; raise :class:`ParseError` if it is not well-formed or not safe."""
    parser = DefusedExpatParser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    handler = _Handler(parser)
    parser.setContentHandler(handler)
    try:
        parser.feed(text)
        parser.close()
    except DefusedXmlException as exc:
        raise ParseError(
            "the XML declares a document type or entities, which are refused for safety "
            f"(a provisioning file never needs them): {type(exc).__name__}",
            _line_of(parser),
        ) from None
    except xml.sax.SAXParseException as exc:
        line = exc.getLineNumber()
        raise ParseError(f"the XML is not well-formed at line {line}: {exc.getMessage()}", line) from None
    except (xml.sax.SAXException, UnicodeError, ValueError) as exc:
        raise ParseError(f"the XML cannot be read: {exc}", _line_of(parser)) from None
    problems: list[Problem] = []
    if handler.root is not None and handler.root not in KNOWN_ROOTS:
        problems.append(
            Problem(1, f"the root element <{handler.root}> is not one a Snom phone reads", Severity.WARNING)
        )
    return ParsedFile(
        format=FileFormat.SNOM_XML,
        text=text,
        settings=tuple(handler.settings),
        problems=tuple(problems),
    )


def _line_of(parser: DefusedExpatParser) -> int | None:
    try:
        line = parser.getLineNumber()
    except (AttributeError, xml.sax.SAXException):
        return None
    return int(line) if isinstance(line, int) else None


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
