"""Every step's illustration renders in Qt's SVG renderer, with the highlight visible."""

from __future__ import annotations

from compass_desk.domain.guides import HIGHLIGHT_FILL, highlight_svg


def _render(svg_text):
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg_text.encode("utf-8")))
    assert renderer.isValid()
    size = renderer.defaultSize()
    image = QImage(size.width(), size.height(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def _highlight_pixels(image):
    from PySide6.QtGui import QColor

    target = QColor(HIGHLIGHT_FILL).rgb()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixel(x, y) == target
    )


def test_each_step_renders_and_shows_its_highlight(qapp, book, svgs):
    seen = set()
    for guide in book:
        for method in guide.methods:
            for step in method.steps:
                key = (guide.layout, step.keys)
                if key in seen:
                    continue
                seen.add(key)
                pixels = _highlight_pixels(_render(highlight_svg(svgs[guide.layout], step.keys)))
                assert (pixels > 20) is bool(step.keys), (guide.family, method.id, step.number, pixels)
    assert len(seen) > 20
