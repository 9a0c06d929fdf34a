"""Everything the main window needs from outside, in one object (tests build their own).

No Qt here: this is plain wiring of profiles, secrets, the local store and the session factory.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import time
from typing import TYPE_CHECKING, Any

from compass_desk.domain.deadline import DEFAULT_CUTOFF
from compass_desk.domain.models import Environment
from compass_desk.domain.text import Text
from compass_desk.paths import AppPaths, app_paths
from compass_desk.store.secrets import SessionSecrets, account_key

if TYPE_CHECKING:
    from compass_desk.services.session import Session
    from compass_desk.store.audit import AuditLog
    from compass_desk.store.cache import Cache

log = logging.getLogger(__name__)

DEFAULT_REFRESH_INTERVAL_S = 60
PASSWORD_ENV = "COMPASS_PASSWORD"  # the same variable as the CLI's


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
    """Passwords by account (user@server), never by profile name: a renamed or re-pointed profile
    must not send one server's password to another.

    Order: typed this session, then *explicit* (``COMPASS_PASSWORD``, like the CLI), then the keyring.
    An account whose password the server refused gets nothing but a newly typed password (lock-out).
    *session_only* presets passwords by profile name (demo and tests), bound to that profile's account
    the first time it is asked for.
    """

    def __init__(self, session_only: dict[str, str] | None = None, use_keyring: bool = True,
                 explicit: str | None = None) -> None:
        self._preset: dict[str, str] = dict(session_only or {})
        self._memory = SessionSecrets()
        self._use_keyring = use_keyring
        self._explicit = explicit or None
        self._refused: set[str] = set()

    def get(self, environment: Environment) -> str | None:
        if environment.name in self._preset:
            self._memory.set_password(environment, self._preset.pop(environment.name))
        password = self._memory.get_password(environment)
        if password is not None:
            return password
        if account_key(environment) in self._refused:
            return None
        if self._explicit is not None:
            return self._explicit
        if not self._use_keyring:
            return None
        try:
            from compass_desk.store.secrets import SecretStore

            return SecretStore().get_password(environment)
        except Exception as exc:  # a broken keyring must not stop the app; ask instead
            log.warning("keyring unavailable: %s", type(exc).__name__)
            return None

    def remember_for_session(self, environment: Environment, password: str) -> None:
        self._preset.pop(environment.name, None)
        self._memory.set_password(environment, password)
        self._refused.discard(account_key(environment))

    def forget(self, environment: Environment) -> None:
        self._preset.pop(environment.name, None)
        self._memory.delete_password(environment)

    def refuse(self, environment: Environment) -> None:
        """The server refused the password: send none of the remembered ones again until one is typed."""
        self.forget(environment)
        self._refused.add(account_key(environment))

    def refused(self, environment: Environment) -> bool:
        return account_key(environment) in self._refused


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
    interactive: bool = True  # False for --screenshot: never open a dialog (nobody could answer it)
    password_missing: Environment | None = None  # set when a password was needed but could not be asked
    warnings: list[str | Text] = field(default_factory=list)  # sentences the window shows once at start

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
    try:
        context.audit = AuditLog(state_db_path(context.paths.data))
    except Exception as exc:  # a damaged or newer state file must not stop the app; it is never reset
        log.warning("audit log unavailable: %s", exc, exc_info=exc)
        context.warnings.append(Text(
            "The audit log could not be opened ({exc}); actions work, but are not recorded this time. "
            "The file is {path}.",
            "Het auditlog kon niet worden geopend ({exc}); acties werken, maar worden deze keer niet "
            "vastgelegd. Het bestand is {path}.").format(exc=exc, path=state_db_path(context.paths.data)))


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
    # COMPASS_PASSWORD wins over the keyring, as in the CLI.
    passwords = Passwords(explicit=os.environ.get(PASSWORD_ENV) or None)
    context = AppContext(list(profiles.list()), passwords, paths, profiles=profiles)
    load_preferences(context)
    return context
