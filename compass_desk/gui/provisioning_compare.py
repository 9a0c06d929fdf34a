"""Two provisioning files side by side, changed lines marked, settings changes listed.

Both sides are always masked; a changed secret shows as a marked line and "secret changed" in the
list, never as values. Lines are aligned (blank filler where one file has lines the other lacks),
and the two sides scroll together.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextFormat
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollBar,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from compass_desk.domain.provisioning import ParsedFile
from compass_desk.domain.provisioning.diff import Change, FileDiff, diff_files
from compass_desk.gui.highlighter import ProvisioningHighlighter
from compass_desk.gui.i18n import localize
from compass_desk.gui.plurals import plural
from compass_desk.gui.provisioning_editor import CodeView, FindBar
from compass_desk.gui.style import is_dark

_CHANGE_COLOURS = {  # (light, dark) line backgrounds
    "replace": ("#fff3c4", "#4a4215"),
    "delete": ("#fde2e1", "#4d2323"),
    "insert": ("#dff5e1", "#1f4426"),
}


class ProvisioningCompareDialog(QDialog):
    def __init__(self, left: ParsedFile, right: ParsedFile, *, left_title: str = "A", right_title: str = "B",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare %1 with %2").replace("%2", right_title)
                            .replace("%1", left_title))
        self.resize(1200, 760)
        self.diff: FileDiff = diff_files(left, right)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary(), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        titles = QHBoxLayout()
        titles.addWidget(QLabel(f"<b>{_escape(left_title)}</b>", self), 1)
        titles.addWidget(QLabel(f"<b>{_escape(right_title)}</b>", self), 1)
        layout.addLayout(titles)
        sides = QSplitter(Qt.Orientation.Horizontal, self)
        self.left_view, self.right_view = CodeView(sides), CodeView(sides)
        self._fill(self.left_view, left, side=0)
        self._fill(self.right_view, right, side=1)
        sides.addWidget(self.left_view)
        sides.addWidget(self.right_view)
        self._link_scrolling()

        self.find_bar = FindBar(self)
        self.find_bar.view = self.left_view
        QShortcut(QKeySequence.StandardKey.Find, self, self.find_bar.open_bar)

        self.changes = QListWidget(self)
        self.changes.setAccessibleName(self.tr("Changed settings"))
        for change in self.diff.settings:
            self.changes.addItem(localize(change.describe_text()))
        if not self.diff.settings:
            same = self.diff.identical
            self.changes.addItem(self.tr("No setting differs.") if same
                                 else self.tr("Only comments or layout differ."))
        self.changes.currentRowChanged.connect(self._change_selected)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(splitter)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(sides, 1)
        top_layout.addWidget(self.find_bar)
        splitter.addWidget(top)
        splitter.addWidget(self.changes)
        splitter.setSizes([620, 120])
        layout.addWidget(splitter, 1)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        close.setAutoDefault(False)  # Enter belongs to the find field
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    def _summary(self) -> str:
        diff = self.diff
        if diff.identical:
            return self.tr("The files are the same.")
        lines = sum(row.tag != "equal" for row in diff.rows)
        secrets = sum(c.change is Change.SECRET_CHANGED for c in diff.settings)
        changed = len(diff.settings)
        settings = plural(changed, self.tr("1 setting changed"), self.tr("%1 settings changed"))
        if secrets:
            hidden = plural(secrets, self.tr("1 secret (value hidden)"),
                            self.tr("%1 secrets (values hidden)"))
            settings = self.tr("%1, of which %2").replace("%2", hidden).replace("%1", settings)
        text = self.tr("%1; %2. Secrets are masked on both sides.").replace("%2", settings)
        return text.replace("%1", plural(lines, self.tr("1 line differs"), self.tr("%1 lines differ")))

    def _fill(self, view: CodeView, parsed: ParsedFile, side: int) -> None:
        texts, labels = [], []
        for row in self.diff.rows:
            text, line = (row.left, row.left_line) if side == 0 else (row.right, row.right_line)
            texts.append(text if text is not None else "")
            labels.append(str(line) if line is not None else "")
        view.line_labels = labels
        view.set_content("\n".join(texts), ProvisioningHighlighter, file_format=parsed.format, dark=is_dark())
        dark = is_dark()
        selections = []
        for number, row in enumerate(self.diff.rows):
            if row.tag == "equal":
                continue
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(_CHANGE_COLOURS[row.tag][1 if dark else 0]))
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selection.format = fmt
            cursor = view.textCursor()
            cursor.setPosition(view.document().findBlockByNumber(number).position())
            selection.cursor = cursor
            selections.append(selection)
        view.setExtraSelections(selections)

    def _link_scrolling(self) -> None:
        left, right = self.left_view.verticalScrollBar(), self.right_view.verticalScrollBar()

        def follow(target: QScrollBar) -> Callable[[int], None]:
            def move(value: int) -> None:
                if target.value() != value:  # stops the two bars from echoing each other
                    target.setValue(value)

            return move

        left.valueChanged.connect(follow(right))
        right.valueChanged.connect(follow(left))

    def changed_rows(self) -> list[int]:
        """Row numbers (0-based, aligned) that differ between the files."""
        return [n for n, row in enumerate(self.diff.rows) if row.tag != "equal"]

    def _change_selected(self, index: int) -> None:
        if not 0 <= index < len(self.diff.settings):
            return
        change = self.diff.settings[index]
        for number, row in enumerate(self.diff.rows):
            if (change.right is not None and row.right_line == change.right.line) or (
                change.right is None and change.left is not None and row.left_line == change.left.line
            ):
                self.left_view.go_to_line(number + 1)
                self.right_view.go_to_line(number + 1)
                return


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
