"""Dialogs never larger than the screen: when a dialog is shown, it is shrunk to the screen's available
area (without the taskbar or dock) and moved inside it, so its buttons stay reachable on a small laptop.

One application-wide event filter does it for every dialog (:func:`install`, called once where the
QApplication is set up). Main windows are left alone: they restore their own size and position.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QWidget

_SHOW = QEvent.Type.Show
_NAME = "compassDeskScreenFit"


def fitted(frame: QRect, available: QRect) -> QRect:
    """*frame* (a window with its title bar and borders) made no larger than *available* and moved
    inside it; the top-left corner wins when it cannot fit (the title bar must stay reachable)."""
    width = min(frame.width(), available.width())
    height = min(frame.height(), available.height())
    x = max(available.left(), min(frame.left(), available.left() + available.width() - width))
    y = max(available.top(), min(frame.top(), available.top() + available.height() - height))
    return QRect(x, y, width, height)


def fit_to_screen(window: QWidget) -> bool:
    """Shrink and move *window* into the available area of its screen; True when it changed."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return False
    available = screen.availableGeometry()
    frame, inner = window.frameGeometry(), window.geometry()
    # The frame (title bar, borders) is known once the window manager has framed the window.
    extra_width, extra_height = frame.width() - inner.width(), frame.height() - inner.height()
    target = fitted(frame, available)
    if target == frame:
        return False
    if target.size() != frame.size():
        window.resize(max(target.width() - extra_width, 1), max(target.height() - extra_height, 1))
    # Position by the frame's corner; a resize that hit the minimum size may leave it larger.
    shrunk = window.frameGeometry()
    window.move(fitted(QRect(target.topLeft(), shrunk.size()), available).topLeft())
    return True


class ScreenFit(QObject):
    """The event filter: fits each dialog as it is shown (every time: the screen may have changed)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == _SHOW and isinstance(watched, QDialog) and watched.isWindow():
            fit_to_screen(watched)
        return False


def installed(app: QApplication) -> ScreenFit | None:
    found = app.findChild(QObject, _NAME)
    return found if isinstance(found, ScreenFit) else None


def install(app: QApplication) -> ScreenFit:
    """Fit every dialog of *app* to its screen from now on; installing twice keeps one filter."""
    existing = installed(app)
    if existing is not None:
        return existing
    fit = ScreenFit(app)  # owned by the application: lives as long as it does
    fit.setObjectName(_NAME)
    app.installEventFilter(fit)
    return fit


def uninstall(app: QApplication) -> None:
    """Remove the filter again (tests)."""
    existing = installed(app)
    if existing is not None:
        app.removeEventFilter(existing)
        existing.setObjectName("")
        existing.deleteLater()
