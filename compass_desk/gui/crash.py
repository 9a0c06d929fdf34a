"""Uncaught exceptions (GUI thread or any other): the traceback to the log, one sentence to the user."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from compass_desk.gui.messages import user_message
from compass_desk.gui.qtfix import emit

log = logging.getLogger(__name__)


class _Reporter(QObject):
    # Emitted from any thread; the queued connection shows the sentence in the GUI thread.
    report = Signal(str)


def install_excepthooks(window: Any, interactive: bool = True) -> Callable[[], None]:
    """Route uncaught exceptions to the log and *window*; returns a function that undoes it."""
    reporter = _Reporter()
    shown: list[str] = []

    def show(sentence: str) -> None:
        status = getattr(window, "status", None)
        if status is not None:
            status.say(sentence)
        if interactive and sentence not in shown:  # one box per kind of problem, not a cascade
            from PySide6.QtWidgets import QMessageBox

            shown.append(sentence)
            box = QMessageBox(QMessageBox.Icon.Warning, window.windowTitle() or "Compass Desk", sentence,
                              QMessageBox.StandardButton.Ok, window)
            box.open()  # not exec(): a nested event loop inside an exception hook invites more trouble

    reporter.report.connect(show, Qt.ConnectionType.QueuedConnection)

    def handle(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous_hook(kind, error, tb)
            return
        log.error("uncaught exception", exc_info=(kind, error, tb))
        try:
            emit(reporter.report, user_message(error))
        except Exception:  # the hook itself must never raise
            log.exception("could not report an uncaught exception")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            handle(args.exc_type, args.exc_value, args.exc_traceback)

    previous_hook, previous_thread_hook = sys.excepthook, threading.excepthook
    sys.excepthook = handle
    threading.excepthook = thread_hook

    def restore() -> None:
        sys.excepthook, threading.excepthook = previous_hook, previous_thread_hook
        reporter.deleteLater()

    window._crash_reporter = reporter  # lives as long as the window
    return restore
