"""The simulator's life cycle and its Python controls (interfaces.md, "Simulator")."""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any

from compass_desk.sim.config import SimConfig
from compass_desk.sim.engine import Engine
from compass_desk.sim.http import SimServer


class Simulator:
    def __init__(self, config: SimConfig | None = None) -> None:
        self.config = config or SimConfig()
        self._engine = Engine(self.config)
        self._server: SimServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def base_url(self) -> str:
        if not self._engine.base_url:
            raise RuntimeError("the simulator is not running; call start() first")
        return self._engine.base_url

    def start(self) -> None:
        if self._server is not None:
            raise RuntimeError("the simulator is already running")
        server = SimServer((self.config.host, self.config.port), self._engine)
        host, port = str(server.server_address[0]), int(server.server_address[1])
        shown = f"[{host}]" if ":" in host else host
        self._engine.base_url = f"http://{shown}:{port}"
        self._engine.stop_event.clear()
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="compass-sim", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None:
            return
        self._engine.stop_event.set()  # wakes injected latency and stalls
        server.shutdown()
        if thread is not None:
            thread.join(5)
        server.close_connections()
        server.server_close()
        self._server = self._thread = None

    def __enter__(self) -> Simulator:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def reset_phone(self, mac: str) -> None:
        """A factory reset of the phone with this MAC (any notation).

        Raises MacError for text that is no MAC address, LookupError when no phone has it.
        """
        self._engine.reset_phone(mac)

    def advance_clock(self, seconds: float) -> datetime:
        return self._engine.advance_clock(seconds)

    def set_clock(self, moment: datetime) -> datetime:
        return self._engine.set_clock(moment)

    def now(self) -> datetime:
        return self._engine.now()

    def set_faults(self, **changes: Any) -> dict[str, Any]:
        return self._engine.set_faults(**changes)

    def reset_data(self) -> None:
        self._engine.reset_data()
