"""Demo mode: talk to the simulator's ``/_sim/`` control endpoints (loopback only).

Kept to plain httpx on purpose: the GUI never imports ``compass_desk.sim``. Blocking calls: run
them in the worker.
"""

from __future__ import annotations

import ipaddress
from datetime import datetime
from urllib.parse import urlsplit

import httpx
from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

_TIMEOUT = httpx.Timeout(5.0)


class SimulatorError(RuntimeError):
    """The simulator did not do what was asked; the message is one sentence for the user."""


def is_simulator_url(base_url: str) -> bool:
    """True for a plain-http loopback address: the embedded simulator (demo mode)."""
    parts = urlsplit(base_url)
    host = parts.hostname or ""
    if parts.scheme != "http":
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _post(base_url: str, path: str, body: dict[str, object]) -> httpx.Response:
    with httpx.Client(timeout=_TIMEOUT) as client:
        try:
            return client.post(f"{base_url.rstrip('/')}/_sim/{path}", json=body)
        except httpx.HTTPError as exc:
            why = type(exc).__name__
            text = translate("SimControl", "The demo server did not answer (%1).")
            raise SimulatorError(text.replace("%1", why)) from None


def simulate_reset(base_url: str, mac: str) -> None:
    """Factory-reset the simulated phone with this MAC, as if an installer had done it."""
    if not is_simulator_url(base_url):
        raise SimulatorError(translate("SimControl", "Simulating a phone is only possible in demo mode."))
    answer = _post(base_url, "reset-phone", {"mac": mac})
    if answer.status_code != 200:
        raise SimulatorError(translate("SimControl", "The demo server refused to reset the phone (HTTP %1).")
                             .replace("%1", str(answer.status_code)))


def simulator_now(base_url: str) -> datetime:
    """The simulator's clock (it may run ahead of real time in tests and demos)."""
    with httpx.Client(timeout=_TIMEOUT) as client:
        try:
            answer = client.get(f"{base_url.rstrip('/')}/_sim/clock")
            answer.raise_for_status()
            return datetime.fromisoformat(str(answer.json()["now"]))
        except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
            why = type(exc).__name__
            raise SimulatorError(f"The demo server's clock could not be read ({why}).") from None
