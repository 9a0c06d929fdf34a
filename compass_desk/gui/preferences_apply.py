"""Preferences saved in the dialog take effect at once where they can (the language at the next start)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from compass_desk.gui.main_window import MainWindow

log = logging.getLogger(__name__)


def apply_preference(window: MainWindow, key: str, value: Any) -> None:
    context = window.context
    try:
        if key == "cache_size_mb":
            cache = getattr(context, "provisioning_cache", None)  # opened on first use: else read when opened
            if cache is not None:
                cache.set_limit(int(value) * 1024 * 1024)
        elif key == "refresh_interval_s":
            window.browser.set_refresh_interval(int(value))
        elif key == "deadline_cutoff":
            from compass_desk.domain.deadline import parse_cutoff

            cutoff = parse_cutoff(str(value))
            context.cutoff = window.model.cutoff = window.details.cutoff = cutoff
            for row in window.model.rows():
                row.reindex()
            window.model.refresh_deadlines()
            window.proxy.refilter()
            window.details.show_row(window.details.row)
            window.table.viewport().update()
        elif key == "default_environment":
            context.default_environment = str(value) or None
        elif key == "language":
            window.status.say(QCoreApplication.translate(
                "MainWindow", "The new language is used from the next start of Compass Desk."))
    except Exception as exc:  # the preference is saved; applying it now is a convenience
        log.warning("preference %s not applied at once: %s", key, exc)
