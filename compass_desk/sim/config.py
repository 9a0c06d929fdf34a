"""Settings of one simulator run: environment, dataset size, timing and faults."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

ENVIRONMENTS = ("production", "staging")
MAX_COMPANIES = 500
MAX_PHONES = 20_000

# Names accepted by Simulator.set_faults() and POST /_sim/faults.
FAULT_FIELDS = (
    "latency_ms",
    "jitter_ms",
    "fault_rate",
    "reset_rate",
    "malformed_rate",
    "html_rate",
    "stall_rate",
    "stall_s",
    "credentials_expire_after",
    "vendor_failure",
)


@dataclass(frozen=True, slots=True)
class SimConfig:
    environment: str = "production"
    seed: int = 1
    companies: int = 12
    phones: int = 250
    latency_ms: int = 0
    jitter_ms: int = 0
    fault_rate: float = 0.0  # fraction of Compass requests answered 500/502/503
    host: str = "127.0.0.1"
    port: int = 0
    reset_rate: float = 0.0  # fraction whose connection is reset after the request was handled
    malformed_rate: float = 0.0  # fraction whose JSON body is cut off
    html_rate: float = 0.0  # fraction answered with an HTML error page and status 200
    stall_rate: float = 0.0  # fraction whose body stops half-way for stall_s seconds
    stall_s: float = 5.0
    credentials_expire_after: int | None = None  # every request after the Nth gets 401
    vendor_failure: bool = False  # registering at / deregistering from the vendor fails
    reset_delay_s: float = 5.0  # sim-clock seconds from a factory reset to the settings fetch
    reboot_delay_s: float = 20.0  # sim-clock seconds a rebooting phone stays offline
    start: datetime | None = None  # initial simulator clock; None = real time
    disabled_operations: frozenset[str] = frozenset()  # answered 403 "not enabled", left out of the schema

    def __post_init__(self) -> None:
        if self.environment not in ENVIRONMENTS:
            raise ValueError(
                f"environment must be one of {', '.join(ENVIRONMENTS)}, not {self.environment!r}"
            )
        if not 1 <= self.companies <= MAX_COMPANIES:
            raise ValueError(f"companies must be between 1 and {MAX_COMPANIES}")
        if not 1 <= self.phones <= MAX_PHONES:
            raise ValueError(f"phones must be between 1 and {MAX_PHONES}")
        if self.start is not None and self.start.utcoffset() is None:
            raise ValueError("start needs a time zone")
        check_faults({name: getattr(self, name) for name in FAULT_FIELDS})

    def with_faults(self, **changes: Any) -> SimConfig:
        unknown = set(changes) - set(FAULT_FIELDS)
        if unknown:
            raise ValueError(f"unknown fault setting(s): {', '.join(sorted(unknown))}")
        return replace(self, **changes)

    def faults(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in FAULT_FIELDS}


def check_faults(values: dict[str, Any]) -> None:
    """Raise ValueError naming the first fault setting that is out of range."""
    for name, value in values.items():
        if name.endswith("_rate"):
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be a number between 0 and 1")
        elif name in ("latency_ms", "jitter_ms"):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"{name} must be a whole number of milliseconds, 0 or more")
        elif name == "stall_s":
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ValueError("stall_s must be a number of seconds, 0 or more")
        elif name == "credentials_expire_after":
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
                raise ValueError("credentials_expire_after must be a whole number, 0 or more, or null")
        elif name == "vendor_failure" and not isinstance(value, bool):
            raise ValueError("vendor_failure must be true or false")
