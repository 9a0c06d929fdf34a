"""The one place signals are emitted through (``emit``), kept for adapting to binding bugs.

The reference-count workaround for PySide6 6.12.0 (``None``/``True``/``False`` losing references
on every void call) is gone: that release is excluded in pyproject.toml (``<6.12``).
"""

from __future__ import annotations

from typing import Any


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``; kept as the one place to adapt emits should another binding bug appear."""
    signal.emit(*args)
