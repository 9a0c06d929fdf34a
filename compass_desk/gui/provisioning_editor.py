"""The read-only text view of a provisioning file: line numbers, finding markers, lazy colours,
and the find bar (Ctrl+F) shared by the viewer and the compare dialog."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
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
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.highlighter: ProvisioningHighlighter | None = None
        self.line_labels: Sequence[str] | None = None
        self.markers: dict[int, Severity] = {}  # line (1-based) -> worst finding on it
        self._numbers = _LineNumbers(self)
        self.blockCountChanged.connect(self._update_margin)
        self.updateRequest.connect(self._on_update_request)
        self._update_margin()

    # -- content --------------------------------------------------------------------------------
    def set_content(self, text: str, highlighter_factory: type[ProvisioningHighlighter] | None = None,
                    **highlighter_options: object) -> None:
        if self.highlighter is not None:
            self.highlighter.deleteLater()
            self.highlighter = None
        self.setPlainText(text)
        if highlighter_factory is not None:
            self.highlighter = highlighter_factory(self.document(), **highlighter_options)  # type: ignore[arg-type]
        self.colour_visible()

    def go_to_line(self, line: int) -> None:
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
        widest = max((len(label) for label in labels), default=1) if labels else len(str(self.blockCount()))
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


class FindBar(QWidget):
    """Find in a CodeView (Enter: next, Shift+Enter: previous, Esc: close); ``text_changed`` lets a
    table filter on the same words."""

    text_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: CodeView | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Find:"))
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("text to find")
        self.field.setClearButtonEnabled(True)
        layout.addWidget(self.field, 1)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("Previous")
        self.next_button = QToolButton(self)
        self.next_button.setText("Next")
        self.status = QLabel("", self)
        close = QToolButton(self)
        close.setText("Close")
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
        found = view.find(text, flags)
        if not found:  # wrap around once
            cursor = view.textCursor()
            backward = bool(flags & QTextDocument.FindFlag.FindBackward)
            cursor.movePosition(cursor.MoveOperation.End if backward else cursor.MoveOperation.Start)
            view.setTextCursor(cursor)
            found = view.find(text, flags)
        self.status.setText("" if found else "Not found")
        if found:
            view.colour_visible()
        return found
