"""Cooperative cancellation for long work (refresh, statuses) run on a worker thread."""

from __future__ import annotations

import threading


class Cancelled(Exception):
    """The work was cancelled by the user; not a failure."""

    def __init__(self, message: str = "Cancelled.") -> None:
        super().__init__(message)
        self.message = message


class CancelToken:
    """Set once by whoever wants the work to stop; checked by the work between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def wait(self, seconds: float) -> bool:
        """Sleep up to *seconds*, waking early on cancel; True when cancelled."""
        return self._event.wait(seconds)
