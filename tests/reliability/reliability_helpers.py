"""Shared pieces of the reliability tests: counting transports, simulator taps, sentence checks."""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

# ~22 % of requests meet a fault, mixed: 5xx, an HTML page with status 200, a connection reset
# after the request was handled, cut-off JSON, and a body that stalls for a moment.
MIXED_FAULTS: dict[str, Any] = {
    "fault_rate": 0.08,
    "html_rate": 0.04,
    "reset_rate": 0.04,
    "malformed_rate": 0.04,
    "stall_rate": 0.02,
    "stall_s": 0.05,
}


class CountingTransport(httpx.HTTPTransport):
    """Real HTTP that counts the requests it sends."""

    def __init__(self) -> None:
        super().__init__()
        self.lock = threading.Lock()
        self.count = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with self.lock:
            self.count += 1
        return super().handle_request(request)


class ActionTap:
    """Counts, through the simulator's own state, how often each phone was activated or rebooted."""

    def __init__(self, sim: Any) -> None:
        state = sim.engine.state
        self.activations: Counter[str] = Counter()
        self.reboots: Counter[str] = Counter()
        register, reboot = state.register_at_vendor, state.reboot

        def counted_register(phone: Any) -> None:
            self.activations[phone.resource_id] += 1
            register(phone)

        def counted_reboot(phone: Any) -> None:
            self.reboots[phone.resource_id] += 1
            reboot(phone)

        state.register_at_vendor = counted_register
        state.reboot = counted_reboot
        self._state = state

    def remove(self) -> None:
        """Stop counting: the simulator's own methods (on its class) apply again."""
        del self._state.register_at_vendor, self._state.reboot


class FaultTap:
    """Counts the faults the simulator injected, by kind ("error", "html", "reset", ...)."""

    def __init__(self, sim: Any) -> None:
        faults = sim.engine.faults
        self.kinds: Counter[str] = Counter()
        decide = faults.decide

        def counted(config: Any) -> Any:
            decision = decide(config)
            if decision.kind is not None:
                self.kinds[decision.kind] += 1
            return decision

        faults.decide = counted

    @property
    def total(self) -> int:
        return sum(self.kinds.values())


def sim_phone_view(sim: Any) -> dict[str, tuple[Any, ...]]:
    """The simulator's phones as (company id, name, mac, model, state, activated at (s), ...) by id."""
    state = sim.engine.state
    with state.lock:
        return {
            p.resource_id: (
                p.company_id,
                p.name,
                p.mac,
                p.model,
                p.provisioning,
                p.activated_at.replace(microsecond=0) if p.activated_at else None,
                p.firmware,
                p.vlan_id,
                p.encryption,
                p.expansion_pads,
            )
            for p in state.data.phones.values()
        }


def app_phone_view(phones: Any) -> dict[str, tuple[Any, ...]]:
    """The same view of the phones the app holds (domain Phone objects)."""
    return {
        p.resource_id: (
            p.company_url.rstrip("/").rsplit("/", 1)[-1],
            p.name,
            p.mac,
            p.model,
            str(p.provisioning),
            p.activated_at,
            p.firmware,
            p.vlan_id,
            str(p.encryption),
            p.expansion_pads,
        )
        for p in phones
    }


def assert_sentence(message: str, *, forbidden: tuple[str, ...] = ()) -> None:
    """A message a person can read: one non-empty line, no traceback, no Python internals."""
    assert message and message.strip() == message, repr(message)
    assert "\n" not in message, repr(message)
    assert "Traceback" not in message and "File \"" not in message, message
    assert not any(word in message for word in ("Error:", "Exception", "<class")), message
    for secret in forbidden:
        assert secret not in message, message


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc; 0 elsewhere, where the check is skipped)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0
