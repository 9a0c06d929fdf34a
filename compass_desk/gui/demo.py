"""``--demo``: two embedded simulators (production and staging datasets) on loopback.

They start in a background thread so the window paints at once (from the cache when there is one);
the first connection waits for them.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from typing import TYPE_CHECKING, Any

from compass_desk.domain.models import Environment
from compass_desk.domain.text import Text, TextError
from compass_desk.paths import AppPaths, app_paths

if TYPE_CHECKING:
    from compass_desk.gui.context import AppContext
    from compass_desk.services.session import Session

log = logging.getLogger(__name__)

DEMO_USER = "demo"
DATASETS = (("Demo production", "production"), ("Demo staging", "staging"))

NOT_IN_TIME = Text("The demo servers did not start in time; close Compass Desk and start the demo again.",
                   "De demoservers zijn niet op tijd gestart; sluit Compass Desk en start de demo opnieuw.")
NOT_STARTED = Text("The demo servers could not start ({why}); the details are in the log file.",
                   "De demoservers konden niet starten ({why}); de details staan in het logbestand.")


class DemoError(TextError, RuntimeError):
    """The embedded simulators are not there to connect to."""


class DemoTimeout(TextError, TimeoutError):
    """They did not start within the time asked."""


class DemoServers:
    def __init__(self, seed: int = 1, sim_options: dict[str, Any] | None = None) -> None:
        self._seed = seed
        self._options = dict(sim_options or {})
        self._sims: dict[str, Any] = {}
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._lock = threading.Lock()
        self._stopped = False
        self._thread = threading.Thread(target=self._start_all, name="demo-simulators", daemon=True)

    def start(self) -> DemoServers:
        self._thread.start()
        return self

    def _start_all(self) -> None:
        from compass_desk.sim import SimConfig, Simulator

        try:
            for name, dataset in DATASETS:
                sim = Simulator(SimConfig(environment=dataset, seed=self._seed, **self._options))
                with self._lock:
                    if self._stopped:
                        return
                    self._sims[name] = sim
                sim.start()
        except BaseException as exc:  # reported to whoever waits for the servers
            log.error("the demo servers did not start", exc_info=exc)
            self._error = exc
        finally:
            self._ready.set()

    def simulator(self, name: str, timeout: float = 30.0) -> Any:
        if not self._ready.wait(timeout):
            raise DemoTimeout(NOT_IN_TIME)
        if self._error is not None:
            why = type(self._error).__name__
            raise DemoError(NOT_STARTED.format(why=why)) from self._error
        return self._sims[name]

    def base_url(self, name: str) -> str:
        return str(self.simulator(name).base_url)

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
        self._thread.join(timeout=30)
        for sim in self._sims.values():
            try:
                sim.stop()
            except Exception:  # stop the others anyway
                log.exception("stopping a demo simulator failed")
        self._sims.clear()


def demo_environments() -> list[Environment]:
    # The real base URL is known only once the simulator listens; connect() fills it in.
    return [Environment(name, "http://127.0.0.1", DEMO_USER) for name, _ in DATASETS]


def demo_context(paths: AppPaths | None = None, servers: DemoServers | None = None,
                 user: str = DEMO_USER) -> AppContext:
    from compass_desk.gui.context import AppContext, Passwords, connect_session
    from compass_desk.sim import DEMO_PASSWORD

    base = paths or app_paths()
    # The demo keeps its cache apart from real environments.
    demo_paths = dataclasses.replace(base, data=base.data / "demo")
    servers = servers or DemoServers().start()
    environments = [dataclasses.replace(env, username=user) for env in demo_environments()]

    def connect(environment: Environment, password: str) -> Session:
        real = dataclasses.replace(environment, base_url=servers.base_url(environment.name))
        return connect_session(real, password)

    context = AppContext(
        environments=environments,
        passwords=Passwords({env.name: DEMO_PASSWORD for env in environments}, use_keyring=False),
        paths=demo_paths,
        connect=connect,
        demo=True,
        refresh_interval_s=30,
        demo_servers=servers,
    )
    context.on_close.append(servers.stop)
    return context
