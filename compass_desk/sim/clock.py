"""The simulator clock: real time plus an offset that tests and the demo can move."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta


class SimClock:
    def __init__(self, start: datetime | None = None) -> None:
        self._lock = threading.Lock()
        self._offset = timedelta(0)
        if start is not None:
            self.set(start)

    def now(self) -> datetime:
        with self._lock:
            offset = self._offset
        return datetime.now(UTC) + offset

    def advance(self, seconds: float) -> datetime:
        if seconds < 0:
            raise ValueError("the clock only moves forward; use a positive number of seconds")
        with self._lock:
            self._offset += timedelta(seconds=seconds)
        return self.now()

    def set(self, moment: datetime) -> datetime:
        if moment.utcoffset() is None:
            raise ValueError("the clock needs a time with a time zone, e.g. 2026-11-25T10:00:00+01:00")
        with self._lock:
            self._offset = moment - datetime.now(UTC)
        return self.now()
