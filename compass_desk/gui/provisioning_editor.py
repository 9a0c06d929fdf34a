"""The read-only text view of a provisioning file: line numbers, finding markers, lazy colours,
and the find bar (Ctrl+F) shared by the viewer and the compare dialog."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QToolButton, QWidget

from compass_desk.domain.provisioning import Severity
from compass_desk.gui.highlighter import ProvisioningHighlighter

MARKER_COLOURS = {Severity.ERROR: "#d32f2f", Severity.WARNING: "#f9a825", Severity.INFO: "#1976d2"}
_MARGIN_LINES = 40  # lines coloured beyond the visible ones, so scrolling a little shows no flicker


class _LineNumbers(QWidget):
    def __init__(self, view: CodeView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self) -> QSize:
        return QSize(self._view.number_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._view.paint_numbers(self, event)


class CodeView(QPlainTextEdit):
    """Read-only, monospaced, no wrapping; ``line_labels`` replaces the numbers (compare view)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)  # read-only: an undo history of a big file is only memory
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.highlighter: ProvisioningHighlighter | None = None
        self.line_labels: Sequence[str] | None = None
        self.markers: dict[int, Severity] = {}  # line (1-based) -> worst finding on it
        self._numbers = _LineNumbers(self)
        self._rest: str | None = None  # text still to append after the first paint (set_content)
        self._line_total = 0  # lines once the rest is in, so the number margin does not change width
        self.blockCountChanged.connect(self._update_margin)
        self.updateRequest.connect(self._on_update_request)
        self._update_margin()

    # -- content --------------------------------------------------------------------------------
    def set_content(self, text: str, highlighter_factory: type[ProvisioningHighlighter] | None = None, *,
                    first_lines: int | None = None, **highlighter_options: object) -> None:
        """Show *text*. With *first_lines*, only that many lines go in now (enough to fill the
        screen) and the rest is appended on the next turn of the event loop: laying out 20,000
        lines takes Qt some 30 ms, which need not come before the first paint. Anything that
        needs the whole text (find, go to line) appends the rest first."""
        if self.highlighter is not None:
            self.highlighter.deleteLater()
            self.highlighter = None
        self._rest = None
        self._line_total = 0
        split = _line_end(text, first_lines) if first_lines is not None and "\r" not in text else -1
        if split >= 0:
            self._line_total = text.count("\n") + 1  # the blocks the whole text will have
            self._rest = text[split + 1:]
            self.setPlainText(text[:split])
            QTimer.singleShot(0, self, self.complete_content)  # bound to self: no call after close
        else:
            self.setPlainText(text)
        self._update_margin()
        if highlighter_factory is not None:
            self.highlighter = highlighter_factory(self.document(), text=text,
                                                   **highlighter_options)  # type: ignore[arg-type]
        self.colour_visible()

    @property
    def content_complete(self) -> bool:
        return self._rest is None

    def complete_content(self) -> None:
        """Append the part of the text held back by ``set_content(..., first_lines=...)``."""
        rest, self._rest = self._rest, None
        if rest is None:
            return
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText("\n" + rest)  # not appendPlainText, which may scroll to the end
        self._line_total = 0
        self.colour_visible()

    def go_to_line(self, line: int) -> None:
        self.complete_content()
        block = self.document().findBlockByNumber(max(line - 1, 0))
        cursor = self.textCursor()
        cursor.setPosition(block.position())
        self.setTextCursor(cursor)
        self.centerCursor()
        self.colour_visible()

    def visible_block_range(self) -> tuple[int, int]:
        first = self.firstVisibleBlock().blockNumber()
        height = max(self.fontMetrics().height(), 1)
        return first, first + self.viewport().height() // height + 1

    def colour_visible(self) -> None:
        if self.highlighter is not None:
            first, last = self.visible_block_range()
            self.highlighter.highlight_lines(first - _MARGIN_LINES, last + _MARGIN_LINES)

    # -- line numbers ---------------------------------------------------------------------------
    def number_width(self) -> int:
        labels = self.line_labels
        lines = max(self.blockCount(), self._line_total)
        widest = max((len(label) for label in labels), default=1) if labels else len(str(lines))
        return 14 + self.fontMetrics().horizontalAdvance("9") * max(widest, 3)

    def _update_margin(self, _count: int = 0) -> None:
        self.setViewportMargins(self.number_width(), 0, 0, 0)

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self._numbers.scroll(0, dy)
        else:
            self._numbers.update(0, rect.y(), self._numbers.width(), rect.height())
        self.colour_visible()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        area = self.contentsRect()
        self._numbers.setGeometry(QRect(area.left(), area.top(), self.number_width(), area.height()))
        self.colour_visible()

    def paint_numbers(self, widget: QWidget, event: QPaintEvent) -> None:
        painter = QPainter(widget)
        painter.fillRect(event.rect(), self.palette().alternateBase())
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        width = widget.width()
        painter.setPen(self.palette().placeholderText().color())
        while block.isValid() and top <= event.rect().bottom():
            number = block.blockNumber()
            if block.isVisible() and top + height >= event.rect().top():
                marker = self.markers.get(number + 1)
                if marker is not None:
                    painter.fillRect(0, top, 4, height, QColor(MARKER_COLOURS[marker]))
                labels = self.line_labels
                label = labels[number] if labels is not None and number < len(labels) else str(number + 1)
                painter.drawText(0, top, width - 6, height, Qt.AlignmentFlag.AlignRight, label)
            block = block.next()
            top += round(self.blockBoundingRect(block).height()) if block.isValid() else height
        painter.end()


def _line_end(text: str, lines: int) -> int:
    """Offset of the line break that ends line *lines* (1-based), or -1 if the text is not longer."""
    position = -1
    for _ in range(lines):
        position = text.find("\n", position + 1)
        if position < 0:
            return -1
    return position if position + 1 < len(text) else -1


class FindBar(QWidget):
    """Find in a CodeView (Enter: next, Shift+Enter: previous, Esc: close); ``text_changed`` lets a
    table filter on the same words."""

    text_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: CodeView | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Find:")))
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("text to find"))
        self.field.setClearButtonEnabled(True)
        layout.addWidget(self.field, 1)
        self.previous_button = QToolButton(self)
        self.previous_button.setText(self.tr("Previous"))
        self.next_button = QToolButton(self)
        self.next_button.setText(self.tr("Next"))
        self.status = QLabel("", self)
        close = QToolButton(self)
        close.setText(self.tr("Close"))
        for widget in (self.previous_button, self.next_button, self.status, close):
            layout.addWidget(widget)
        self.field.returnPressed.connect(self.find_next)
        self.field.textChanged.connect(self._changed)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        close.clicked.connect(self.close_bar)
        QShortcut(QKeySequence("Shift+Return"), self.field, self.find_previous)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.field.clear()
        if self.view is not None:
            self.view.setFocus()

    def _changed(self, text: str) -> None:
        self.text_changed.emit(text)
        if self.view is not None and text:
            # Search again from where the current match starts, so typing extends the match.
            cursor = self.view.textCursor()
            cursor.setPosition(cursor.selectionStart())
            self.view.setTextCursor(cursor)
            self.find_next()
        else:
            self.status.setText("")

    def find_next(self) -> bool:
        return self._find(QTextDocument.FindFlag(0))

    def find_previous(self) -> bool:
        return self._find(QTextDocument.FindFlag.FindBackward)

    def _find(self, flags: QTextDocument.FindFlag) -> bool:
        text = self.field.text()
        view = self.view
        if view is None or not text:
            return False
        view.complete_content()
        found = view.find(text, flags)
        if not found:  # wrap around once
            cursor = view.textCursor()
            backward = bool(flags & QTextDocument.FindFlag.FindBackward)
            cursor.movePosition(cursor.MoveOperation.End if backward else cursor.MoveOperation.Start)
            view.setTextCursor(cursor)
            found = view.find(text, flags)
        self.status.setText("" if found else self.tr("Not found"))
        if found:
            view.colour_visible()
        return found
