"""Fixtures of the site check tests; the servers themselves are in sitecheck_servers.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitecheck_servers import site

__all__ = ["site"]

HERE = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    # The offscreen platform warns that it cannot pass size hints to a window manager; harmless.
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))
