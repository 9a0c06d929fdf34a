"""The wait page's timeline: reset → contacted the manufacturer → fetched settings → registered."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from compass_desk.domain.reset_flow import TimelineEntry
from compass_desk.gui.reset_wizard.common import wrapped
from compass_desk.gui.reset_wizard.texts import t

_DONE, _NOW, _LATER = ("✔", "#1e6b2c"), ("➜", "#8a5a00"), ("○", "#8a8a8a")


class Timeline(QWidget):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setObjectName("timeline")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(4, 4, 4, 4)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(10)
        self.grid.setColumnStretch(1, 1)
        self.rows: list[tuple[QLabel, QLabel, QLabel]] = []

    def set_entries(self, entries: Sequence[TimelineEntry], active: bool = True) -> None:
        """*active*: the wait goes on, so the first milestone not reached is the one being waited for."""
        while len(self.rows) < len(entries):
            row = len(self.rows)
            mark, label, when = QLabel(), wrapped(), QLabel()
            mark.setFixedWidth(24)
            for column, widget in enumerate((mark, label, when)):
                self.grid.addWidget(widget, row, column)
            self.rows.append((mark, label, when))
        first_open = next((i for i, e in enumerate(entries) if e.reached_at is None), None)
        for i, entry in enumerate(entries):
            mark, label, when = self.rows[i]
            if entry.reached_at is not None:
                (symbol, colour), state = _DONE, "milestone.done"
                when.setText(entry.reached_at.astimezone().strftime("%H:%M:%S"))
            elif active and i == first_open:
                (symbol, colour), state = _NOW, "milestone.waiting"
                when.setText(t("pending", self.lang) + "…")
            else:
                (symbol, colour), state = _LATER, "milestone.later"
                when.setText("")
            mark.setText(symbol)
            mark.setStyleSheet(f"QLabel {{ color: {colour}; font-size: 15pt; font-weight: bold; }}")
            label.setText(entry.milestone.label.get(self.lang))
            font = label.font()
            font.setBold(state == "milestone.waiting")
            label.setFont(font)
            label.setAccessibleName(t(state, self.lang, milestone=entry.milestone.label.get(self.lang)))

    def states(self) -> list[bool]:
        """Reached or not, per milestone (for tests)."""
        return [bool(when.text()) and not when.text().endswith("…") for _mark, _label, when in self.rows]
