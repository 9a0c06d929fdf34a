"""Everything the main window needs from outside, in one object (tests build their own).

No Qt here: this is plain wiring of profiles, secrets, the local store and the session factory.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import time
from typing import TYPE_CHECKING, Any

from compass_desk.domain.deadline import DEFAULT_CUTOFF
from compass_desk.domain.models import Environment
from compass_desk.paths import AppPaths, app_paths

if TYPE_CHECKING:
    from compass_desk.services.session import Session
    from compass_desk.store.audit import AuditLog
    from compass_desk.store.cache import Cache

log = logging.getLogger(__name__)

DEFAULT_REFRESH_INTERVAL_S = 60


def connect_session(environment: Environment, password: str) -> Session:
    """Build a client and a session and check the credentials (blocking: run in a worker)."""
    from compass_desk.api.client import CompassClient
    from compass_desk.services.session import Session

    client = CompassClient(environment, password)
    try:
        client.whoami()
    except BaseException:
        client.close()
        raise
    return Session(client, environment)


class Passwords:
    """Passwords by environment name: the keyring when it is secure, else memory for this session."""

    def __init__(self, session_only: dict[str, str] | None = None, use_keyring: bool = True) -> None:
        self._memory: dict[str, str] = dict(session_only or {})
        self._use_keyring = use_keyring

    def get(self, environment: Environment) -> str | None:
        if environment.name in self._memory:
            return self._memory[environment.name]
        if not self._use_keyring:
            return None
        try:
            from compass_desk.store.secrets import SecretStore

            return SecretStore().get_password(environment)
        except Exception as exc:  # a broken keyring must not stop the app; ask instead
            log.warning("keyring unavailable: %s", type(exc).__name__)
            return None

    def remember_for_session(self, environment: Environment, password: str) -> None:
        self._memory[environment.name] = password

    def forget(self, environment: Environment) -> None:
        self._memory.pop(environment.name, None)


@dataclass
class AppContext:
    environments: list[Environment]
    passwords: Passwords
    paths: AppPaths
    connect: Callable[[Environment, str], Session] = connect_session
    demo: bool = False
    refresh_interval_s: int = DEFAULT_REFRESH_INTERVAL_S
    cutoff: time = DEFAULT_CUTOFF
    default_environment: str | None = None
    cache: Cache | None = None
    audit: AuditLog | None = None
    on_close: list[Callable[[], None]] = field(default_factory=list)
    profiles: Any = None  # ProfileStore when profiles are editable (not in the demo)
    demo_servers: Any = None  # gui.demo.DemoServers in the demo
    provisioning_cache: Any = None  # opened on first use by gui.cache_view.provisioning_cache_for

    def close(self) -> None:
        for callback in reversed(self.on_close):
            try:
                callback()
            except Exception:  # closing must go on for the rest
                log.exception("error while closing")
        self.on_close.clear()
        for store in (self.cache, self.audit):
            if store is not None:
                store.close()
        self.cache = self.audit = None


def open_store(context: AppContext) -> None:
    """Open the cache and the audit log under the data folder (cheap: SQLite files)."""
    from compass_desk.store.audit import AuditLog
    from compass_desk.store.cache import Cache
    from compass_desk.store.db import cache_db_path, state_db_path

    context.paths.ensure()
    try:
        context.cache = Cache(cache_db_path(context.paths.data))
    except Exception as exc:  # without a cache the app still works, just without offline data
        log.warning("cache unavailable: %s", exc)
    context.audit = AuditLog(state_db_path(context.paths.data))


def load_preferences(context: AppContext) -> None:
    """Refresh interval, deadline cutoff and default environment from the preferences."""
    from compass_desk.domain.deadline import parse_cutoff
    from compass_desk.store.preferences import Preferences

    try:
        prefs = Preferences(context.paths.config)
        context.refresh_interval_s = int(prefs.get("refresh_interval_s"))
        context.cutoff = parse_cutoff(str(prefs.get("deadline_cutoff")))
        context.default_environment = str(prefs.get("default_environment")) or None
    except Exception as exc:  # bad preferences fall back to defaults, the app still starts
        log.warning("preferences not used: %s", exc)


def profile_context(paths: AppPaths | None = None) -> AppContext:
    """The normal start: saved environment profiles, keyring passwords."""
    from compass_desk.store.profiles import ProfileStore

    paths = paths or app_paths()
    paths.ensure()
    profiles = ProfileStore(paths.config)
    context = AppContext(list(profiles.list()), Passwords(), paths, profiles=profiles)
    load_preferences(context)
    return context
