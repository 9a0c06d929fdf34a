"""Preferences the command line honours the same way the app does."""

from __future__ import annotations

from datetime import time

from compass_desk.cli.common import GlobalOptions


def deadline_cutoff(options: GlobalOptions) -> time:
    """The Wednesday deadline cutoff from the preferences (00:00 unless the user chose 03:00)."""
    from compass_desk.domain.deadline import DEFAULT_CUTOFF, DeadlineError, parse_cutoff
    from compass_desk.paths import app_paths
    from compass_desk.store.preferences import Preferences

    try:
        return parse_cutoff(str(Preferences(app_paths(options.data_dir).config).get("deadline_cutoff")))
    except (OSError, ValueError, DeadlineError):  # unreadable preferences: the earlier, safe cutoff
        return DEFAULT_CUTOFF
