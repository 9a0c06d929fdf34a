"""Show the frozen build's figures (build time, size, start time) in the terminal summary."""

from __future__ import annotations

from pkg_helpers import MEASUREMENTS


def pytest_terminal_summary(terminalreporter):
    if MEASUREMENTS:
        terminalreporter.section("frozen build (packaging/build)")
        for line in MEASUREMENTS:
            terminalreporter.write_line(line)
