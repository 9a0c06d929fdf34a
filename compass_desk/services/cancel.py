"""Cooperative cancellation for long work (refresh, statuses) run on a worker thread."""

from __future__ import annotations

import threading
import time


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
        if self.cancelled:  # the property: a subclass may be cancelled by other tokens
            raise Cancelled()

    def wait(self, seconds: float) -> bool:
        """Sleep up to *seconds*, waking early on cancel; True when cancelled."""
        return self._event.wait(seconds)


class EitherToken(CancelToken):
    """Cancelled when either of two tokens is (a dialog's Stop, or the worker job's own token)."""

    def __init__(self, first: CancelToken, second: CancelToken) -> None:
        super().__init__()
        self._tokens = (first, second)

    def cancel(self) -> None:
        self._tokens[0].cancel()

    @property
    def cancelled(self) -> bool:
        return any(t.cancelled for t in self._tokens)

    def wait(self, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while not self.cancelled:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            self._tokens[0].wait(min(left, 0.05))
        return True
