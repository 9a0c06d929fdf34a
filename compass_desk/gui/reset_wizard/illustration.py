"""The keypad illustration of a reset step: the vendor's SVG with the step's keys highlighted."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QByteArray, QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from compass_desk.domain.guides import GuideError, highlight_svg

log = logging.getLogger(__name__)


class Illustration(QWidget):
    """Paints an SVG scaled to fit, keeping its proportions (Qt's SVG Tiny renderer)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("illustration")
        self.renderer = QSvgRenderer(self)
        self.highlighted: tuple[str, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(180, 300)

    def show_keys(self, svg_text: str, keys: Iterable[str]) -> None:
        wanted = tuple(keys)
        try:
            text = highlight_svg(svg_text, wanted)
            self.highlighted = wanted
        except GuideError as exc:  # validated at load; still, a plain picture beats none
            log.warning("illustration highlight failed: %s", exc)
            text, self.highlighted = svg_text, ()
        self.renderer.load(QByteArray(text.encode("utf-8")))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(250, 420)

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        if not self.renderer.isValid():
            return
        view = self.renderer.viewBoxF()
        if view.width() <= 0 or view.height() <= 0:
            return
        scale = min(self.width() / view.width(), self.height() / view.height())
        width, height = view.width() * scale, view.height() * scale
        target = QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.renderer.render(painter, target)
        painter.end()
