"""Everything one simulated environment holds, shared by the HTTP layer and the Python API."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from compass_desk.domain.catalog import Catalog
from compass_desk.domain.mac import normalize_mac
from compass_desk.domain.models import Vendor
from compass_desk.resources import load_toml
from compass_desk.sim.clock import SimClock
from compass_desk.sim.config import SimConfig, check_faults
from compass_desk.sim.faults import Faults
from compass_desk.sim.records import Phone
from compass_desk.sim.state import SimState


def load_catalog() -> Catalog:
    return Catalog.from_toml(load_toml("models.toml"))


def load_ouis() -> dict[Vendor, list[str]]:
    table: dict[Vendor, list[str]] = {}
    for record in load_toml("oui.toml").get("oui", []):
        table.setdefault(Vendor(str(record["vendor"])), []).append(str(record["prefix"]).lower())
    return table


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names
    body: Any
    username: str
    version: str  # "v3" or "v2"


@dataclass
class Reply:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


class Engine:
    def __init__(self, config: SimConfig) -> None:
        self.clock = SimClock(config.start)
        self.catalog = load_catalog()
        self.state = SimState(config, self.catalog, load_ouis(), self.clock)
        self.faults = Faults(config.seed)
        self.base_url = ""
        self.stop_event = threading.Event()

    @property
    def config(self) -> SimConfig:
        return self.state.config

    def now(self) -> datetime:
        return self.state.catch_up()

    def reset_phone(self, mac: str) -> Phone:
        return self.state.reset_phone(normalize_mac(mac))

    def advance_clock(self, seconds: float) -> datetime:
        self.clock.advance(seconds)
        return self.state.catch_up()

    def set_clock(self, moment: datetime) -> datetime:
        if moment.utcoffset() is None:
            raise ValueError("the clock needs a time with a time zone, e.g. 2026-11-25T10:00:00+01:00")
        with self.state.lock:
            earlier = moment < self.clock.now()
            self.clock.set(moment)
            if earlier:
                self.state.rewind()
            return self.state.catch_up()

    def set_faults(self, **changes: Any) -> dict[str, Any]:
        check_faults(changes)
        with self.state.lock:
            self.state.config = self.state.config.with_faults(**changes)
            if "credentials_expire_after" in changes:
                self.faults.restart_expiry()
            return self.state.config.faults()

    def reset_data(self) -> None:
        self.state.reload()
        self.faults.restart_expiry()
