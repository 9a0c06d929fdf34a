"""Injected faults, decided per request from the seed and the request's sequence number.

Faults that stand in for a broken proxy or server (500/502/503, an HTML page with status 200)
replace the answer before the request is handled, so nothing changes. Faults that lose or damage
the answer on its way back (a connection reset, cut-off JSON, a stalled body) happen after the
request was handled: a write then took effect although the client cannot tell.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass

from compass_desk.sim.config import SimConfig

BEFORE = ("error", "html")
AFTER = ("reset", "malformed", "stall")
ERROR_STATUSES = (500, 502, 503)

HTML_PAGE = (
    "<!DOCTYPE html>\n<html><head><title>Service unavailable</title></head>\n"
    "<body><h1>We'll be back soon</h1><p>The service is undergoing maintenance.</p></body></html>\n"
)


@dataclass(frozen=True, slots=True)
class Decision:
    delay_s: float = 0.0
    kind: str | None = None  # one of BEFORE or AFTER, or None
    status: int = 500  # for kind == "error"


class Faults:
    def __init__(self, seed: int) -> None:
        self._seed = seed
        self._lock = threading.Lock()
        self._sequence = 0
        self._authenticated = 0

    def restart_expiry(self) -> None:
        with self._lock:
            self._authenticated = 0

    def credentials_expired(self, config: SimConfig) -> bool:
        """Count one authenticated request; True once more than N have been made."""
        limit = config.credentials_expire_after
        with self._lock:
            self._authenticated += 1
            return limit is not None and self._authenticated > limit

    def decide(self, config: SimConfig) -> Decision:
        with self._lock:
            self._sequence += 1
            sequence = self._sequence
        rng = random.Random(f"{self._seed}/faults/{sequence}")
        delay = config.latency_ms / 1000
        if config.jitter_ms:
            delay += rng.uniform(0, config.jitter_ms) / 1000
        draws = {name: rng.random() for name in ("error", "html", "reset", "malformed", "stall")}
        status = rng.choice(ERROR_STATUSES)
        rates = {
            "error": config.fault_rate,
            "html": config.html_rate,
            "reset": config.reset_rate,
            "malformed": config.malformed_rate,
            "stall": config.stall_rate,
        }
        for kind in (*BEFORE, *AFTER):
            if draws[kind] < rates[kind]:
                return Decision(delay, kind, status)
        return Decision(delay)
