"""Dialogs never larger than the screen: when a dialog is shown, it is shrunk to the screen's available
area (without the taskbar or dock) and moved inside it, so its buttons stay reachable on a small laptop.

One watcher does it for every dialog (:func:`install`, called once where the QApplication is set
up): it listens to ``focusWindowChanged``, so a dialog is fitted when it first becomes the active
window. Not an application-wide event filter: that would call into Python for every event of the
app and costs ~2-3 ms per keystroke in the phone search (benchmarks/gui.py). Main windows are left
alone: they restore their own size and position.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QDialog, QWidget

_NAME = "compassDeskScreenFit"
_FITTED = "compassDeskScreenFitted"  # a dialog is fitted once: later the user may place it anywhere


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
    """Fits each dialog the first time it becomes the active window."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        app.focusWindowChanged.connect(self.window_activated)

    def window_activated(self, window: QWindow | None) -> None:
        if window is None:
            return
        for widget in QApplication.topLevelWidgets():
            if widget.windowHandle() is window:
                if isinstance(widget, QDialog) and not widget.property(_FITTED):
                    widget.setProperty(_FITTED, True)
                    fit_to_screen(widget)
                return


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
    return fit


def uninstall(app: QApplication) -> None:
    """Remove the filter again (tests)."""
    existing = installed(app)
    if existing is not None:
        app.focusWindowChanged.disconnect(existing.window_activated)
        existing.setObjectName("")
        existing.deleteLater()
