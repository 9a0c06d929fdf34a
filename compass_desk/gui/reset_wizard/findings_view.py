"""Findings in order (icon + title + meaning) and the numbered fix sequence; shared by the result
page of the wizard and the troubleshooter."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from compass_desk.domain.fixes import Finding, Fix, Severity
from compass_desk.gui.reset_wizard.common import wrapped
from compass_desk.gui.reset_wizard.texts import t

# Symbol and word together: colour is never the only cue.
_LOOK = {
    Severity.OK: ("✔", "#1e6b2c", "severity.ok"),
    Severity.INFO: ("ℹ", "#1559a3", "severity.info"),
    Severity.WARNING: ("⚠", "#8a5a00", "severity.warning"),
    Severity.PROBLEM: ("✖", "#b3261e", "severity.problem"),
}


def severity_symbol(severity: Severity) -> str:
    return _LOOK[severity][0]


class FindingsView(QWidget):
    def __init__(self, findings_title: str, fix_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.findings_heading = wrapped(findings_title, bold=True)
        self.findings_box = QWidget()
        self.findings_grid = QGridLayout(self.findings_box)
        self.findings_grid.setContentsMargins(0, 0, 0, 0)
        self.findings_grid.setHorizontalSpacing(10)
        self.findings_grid.setVerticalSpacing(8)
        self.findings_grid.setColumnStretch(1, 1)
        self.fix_heading = wrapped(fix_title, bold=True)
        self.fix_list = wrapped(name="fixList")
        self.fix_list.setTextFormat(Qt.TextFormat.RichText)
        self.fix_list.setAccessibleName(fix_title)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        # Buttons for the steps the app can do itself (Activate), right under the steps that name them.
        self.fix_actions = QWidget()
        self._fix_buttons = QHBoxLayout(self.fix_actions)
        self._fix_buttons.setContentsMargins(0, 0, 0, 0)
        self._fix_buttons.addStretch(1)
        for widget in (self.findings_heading, self.findings_box, rule, self.fix_heading, self.fix_list,
                       self.fix_actions):
            layout.addWidget(widget)
        self._rule = rule
        self.finding_labels: list[QLabel] = []  # title labels, in order (for tests and screen readers)

    def set_findings(self, findings: Sequence[Finding], fix: Sequence[Fix], lang: str) -> None:
        while self.findings_grid.count():
            item = self.findings_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.finding_labels = []
        for row, finding in enumerate(findings):
            symbol, colour, word = _LOOK[finding.severity]
            icon = QLabel(symbol)
            icon.setStyleSheet(f"QLabel {{ color: {colour}; font-size: 16pt; }}")
            icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
            icon.setAccessibleName(t(word, lang))
            icon.setFixedWidth(26)
            body = wrapped()
            body.setTextFormat(Qt.TextFormat.RichText)
            body.setText(f"<b>{_html(finding.title.get(lang))}</b><br>{_html(finding.meaning.get(lang))}")
            body.setObjectName(f"finding-{finding.code}")
            self.findings_grid.addWidget(icon, row, 0)
            self.findings_grid.addWidget(body, row, 1)
            self.finding_labels.append(body)
        self.findings_heading.setVisible(bool(findings))
        steps = "".join(f"<li style='margin-bottom:4px'>{_html(f.text.get(lang))}</li>" for f in fix)
        self.fix_list.setText(f"<ol style='margin-left:-20px'>{steps}</ol>" if fix else "")
        for widget in (self.fix_heading, self.fix_list, self._rule, self.fix_actions):
            widget.setVisible(bool(fix))

    def add_fix_button(self, button: QPushButton) -> None:
        """*button* goes under the fix steps (the caller shows or hides it with the steps it belongs to)."""
        self._fix_buttons.insertWidget(self._fix_buttons.count() - 1, button)

    def codes_in_order(self) -> list[str]:
        return [label.objectName().removeprefix("finding-") for label in self.finding_labels]


def scrolling(findings: FindingsView) -> QScrollArea:
    """*findings* at the top of a frameless scroll area (a long list scrolls, a short one stays up)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    holder = QWidget()
    holder_layout = QVBoxLayout(holder)
    holder_layout.setContentsMargins(0, 0, 6, 0)  # room for the scroll bar
    holder_layout.addWidget(findings)
    holder_layout.addStretch(1)
    scroll.setWidget(holder)
    return scroll


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
