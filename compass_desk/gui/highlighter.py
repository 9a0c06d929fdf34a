"""Syntax colours for provisioning files: keys, values, comments, permission flags, masked
secrets, unset markers (``%NULL%``), plain-http URLs, and a tint over the custom-settings part.

Colour is never the only signal: masked secrets read ``********``, and the custom part also has a
label and a table column in the viewer.

Highlighting is lazy: only the lines on screen (and a margin) are coloured, as the view scrolls,
so a 20,000-line file opens at once. That is why multi-line XML comments are found up front
instead of through block states (which need every earlier line highlighted first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextDocument, QTextLayout

from compass_desk.domain.provisioning import FileFormat
from compass_desk.domain.provisioning.secrets import MASK

_COMMENT_SPAN = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_YEALINK = re.compile(r"^(?P<lead>[ \t]*)(?P<key>[A-Za-z0-9_][A-Za-z0-9_.\-]*)(?P<eq>[ \t]*=[ \t]*)"
                      r"(?P<value>.*)$")
_SNOM_TEXT = re.compile(r"^(?P<lead>[ \t]*)(?P<key>[A-Za-z0-9_.\-]+)(?P<flag>[ \t]*[!&$]?)(?P<colon>[ \t]*:)"
                        r"(?P<value>.*)$")
_XML_TOKEN = re.compile(
    r"(?P<comment><!--)|(?P<decl><\?.*?\?>)|(?P<tag></?[A-Za-z_][\w.\-]*)|(?P<attr>[A-Za-z_][\w.\-]*)(?==)"
    r"|(?P<string>\"[^\"]*\"|'[^']*')|(?P<close>/?>)"
)
_URL_HTTP = re.compile(r"\bhttp://[^\s<>\"']+", re.I)
_UNSET = re.compile(r"%NULL%")


@dataclass(frozen=True)
class Palette:
    key: str
    comment: str
    tag: str
    attribute: str
    string: str
    flag: str
    secret: str
    secret_background: str
    unset: str
    insecure: str
    custom_background: str


LIGHT = Palette("#0b4f9c", "#6a737d", "#22863a", "#6f42c1", "#a04900", "#b3261e", "#b3261e",
                "#fde7e9", "#8a2be2", "#c25e00", "#fff6d6")
DARK = Palette("#8cc4ff", "#9aa4ae", "#7bd88f", "#c5a3ff", "#ffb86c", "#ff8a80", "#ff8a80",
               "#4a1f22", "#d7a8ff", "#ffb74d", "#3d3514")


def _format(colour: str, *, bold: bool = False, italic: bool = False, background: str | None = None,
            underline: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(colour))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if background:
        fmt.setBackground(QColor(background))
    if underline:
        fmt.setFontUnderline(True)
    return fmt


class _Formats:
    def __init__(self, palette: Palette, background: str | None) -> None:
        bg = background
        self.plain = QTextCharFormat()
        if bg:
            self.plain.setBackground(QColor(bg))
        self.key = _format(palette.key, background=bg)
        self.comment = _format(palette.comment, italic=True, background=bg)
        self.tag = _format(palette.tag, background=bg)
        self.attribute = _format(palette.attribute, background=bg)
        self.string = _format(palette.string, background=bg)
        self.flag = _format(palette.flag, bold=True, background=bg)
        self.secret = _format(palette.secret, bold=True, background=palette.secret_background)
        self.unset = _format(palette.unset, bold=True, italic=True, background=bg)
        self.insecure = _format(palette.insecure, underline=True, background=bg)


def multiline_comments(text: str) -> dict[int, bool]:
    """Lines (1-based) inside an XML comment that began on an earlier line: True when the
    comment goes on past the line, False when it ends on it."""
    lines: dict[int, bool] = {}
    for match in _COMMENT_SPAN.finditer(text):
        body = match.group(0)
        if "\n" not in body:
            continue
        first = text.count("\n", 0, match.start()) + 1
        last = first + body.count("\n")
        for line in range(first + 1, last):
            lines[line] = True
        lines[last] = not body.endswith("-->")
    return lines


class ProvisioningHighlighter(QObject):
    """Colours lines on demand (:meth:`highlight_lines`, for the range in view).

    Not a QSyntaxHighlighter: that runs its Python callback over every line of the document as
    soon as it is attached (some 35 ms for 20,000 lines). This one sets the same per-line
    formats (``QTextLayout.setFormats``, as QSyntaxHighlighter does inside) only for lines shown.
    """

    def __init__(self, document: QTextDocument, file_format: FileFormat, *, dark: bool = False,
                 custom_lines: tuple[int, int] | None = None, text: str | None = None) -> None:
        """*text* is the document's whole text when only its start is in the document yet."""
        super().__init__(document)
        palette = DARK if dark else LIGHT
        self._document = document
        self.file_format = file_format
        self.custom_lines = custom_lines  # first and last line (1-based) of the custom part
        self._normal = _Formats(palette, None)
        self._custom = _Formats(palette, palette.custom_background)
        self._comments = (
            multiline_comments(document.toPlainText() if text is None else text)
            if file_format is FileFormat.SNOM_XML else {}
        )
        self._done: set[int] = set()  # block numbers already coloured
        self._ranges: list[QTextLayout.FormatRange] = []

    def highlight_lines(self, first: int, last: int) -> None:
        """Colour blocks *first*..*last* (0-based, inclusive) that are not coloured yet."""
        document = self._document
        first, last = max(first, 0), min(last, document.blockCount() - 1)
        if first > last:
            return
        block = document.findBlockByNumber(first)
        start = block.position()
        end = start
        for number in range(first, last + 1):
            if not block.isValid():
                break
            if number not in self._done:
                self._done.add(number)
                self._ranges = []
                self.highlight_block(block.text(), number + 1)
                block.layout().setFormats(self._ranges)
                end = block.position() + block.length()
            block = block.next()
        if end > start:
            document.markContentsDirty(start, end - start)

    @property
    def coloured_lines(self) -> int:
        return len(self._done)

    def setFormat(self, start: int, length: int, fmt: QTextCharFormat) -> None:
        # Same name and meaning as QSyntaxHighlighter.setFormat; later ranges win where they overlap.
        if length > 0:
            item = QTextLayout.FormatRange()
            item.start, item.length, item.format = start, length, fmt
            self._ranges.append(item)

    def highlight_block(self, text: str, line: int) -> None:
        custom = self.custom_lines is not None and self.custom_lines[0] <= line <= self.custom_lines[1]
        fmt = self._custom if custom else self._normal
        if custom:
            self.setFormat(0, len(text), fmt.plain)
        if self.file_format is FileFormat.SNOM_XML:
            self._xml(text, fmt, self._comments.get(line))
        else:
            self._line(text, fmt)
        self._markers(text, fmt)

    def _line(self, text: str, fmt: _Formats) -> None:
        stripped = text.lstrip()
        comment_marks = ("#", ";") if self.file_format is FileFormat.YEALINK_CFG else ("#", "<")
        if stripped.startswith(comment_marks):
            self.setFormat(0, len(text), fmt.comment)
            return
        pattern = _YEALINK if self.file_format is FileFormat.YEALINK_CFG else _SNOM_TEXT
        match = pattern.match(text)
        if match is None:
            return
        self.setFormat(match.start("key"), len(match["key"]), fmt.key)
        if "flag" in match.groupdict() and match["flag"].strip():
            self.setFormat(match.start("flag"), len(match["flag"]), fmt.flag)
        # Values keep the default text colour (fewer format ranges, and right in dark mode too).

    def _xml(self, text: str, fmt: _Formats, in_comment: bool | None) -> None:
        position = 0
        if in_comment is True:
            self.setFormat(0, len(text), fmt.comment)
            return
        if in_comment is False:
            end = text.find("-->")
            self.setFormat(0, end + 3, fmt.comment)
            position = end + 3
        in_tag = False
        while position < len(text):
            match = _XML_TOKEN.search(text, position)
            if match is None:
                break
            kind = match.lastgroup
            if kind == "comment":
                end = text.find("-->", match.end())
                if end < 0:
                    self.setFormat(match.start(), len(text) - match.start(), fmt.comment)
                    return
                self.setFormat(match.start(), end + 3 - match.start(), fmt.comment)
                position = end + 3
                continue
            if kind in {"decl", "tag", "close"}:
                self.setFormat(match.start(), match.end() - match.start(), fmt.tag)
                in_tag = kind == "tag"
            elif in_tag and kind == "attr":
                self.setFormat(match.start(), match.end() - match.start(), fmt.attribute)
            elif in_tag and kind == "string":
                self.setFormat(match.start(), match.end() - match.start(), fmt.string)
            position = match.end()

    def _markers(self, text: str, fmt: _Formats) -> None:
        for match in _URL_HTTP.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), fmt.insecure)
        for match in _UNSET.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), fmt.unset)
        start = text.find(MASK)
        while start >= 0:
            self.setFormat(start, len(MASK), fmt.secret)
            start = text.find(MASK, start + len(MASK))
