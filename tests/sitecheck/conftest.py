"""Fixtures of the site check tests; the servers themselves are in sitecheck_servers.py."""

from __future__ import annotations

from sitecheck_servers import site

__all__ = ["site"]
