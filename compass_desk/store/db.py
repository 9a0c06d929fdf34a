"""SQLite helper shared by the store: private files, WAL, schema migrations, a thread-safe pool.

Every store object (cache, audit log, journal, provisioning cache) owns one :class:`Database`.
Connections come from a small pool, so any thread may use the store (the GUI calls it from
worker threads) and readers do not wait for each other (WAL). Writes use ``BEGIN IMMEDIATE`` so
two writers queue on SQLite's lock instead of failing on a lock upgrade.

Schema versions are kept per component in a ``schema_version`` table, so several components can
share one file and each migrates on its own.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from compass_desk.domain.os_words import os_reason
from compass_desk.domain.text import Text, TextError

log = logging.getLogger(__name__)

# Default file names under the data dir (compass_desk.paths.app_paths().data). The cache can be
# rebuilt from the server; the state (journal, audit log) cannot, so it lives in its own file with
# full durability and is never reset silently.
CACHE_DB_NAME = "cache.sqlite3"
STATE_DB_NAME = "state.sqlite3"

BUSY_TIMEOUT_MS = 10_000
_MAX_IDLE_CONNECTIONS = 4

Migration = str | Callable[[sqlite3.Connection], None]


class StoreError(TextError):
    """A local-store failure, worded for a person (``str(error)`` is one sentence in English, ``text``
    the sentence in every language)."""

    def __init__(self, message: str | Text) -> None:
        super().__init__(message if isinstance(message, Text) else Text(message, message))


def cache_db_path(data_dir: Path) -> Path:
    return Path(data_dir) / CACHE_DB_NAME


def state_db_path(data_dir: Path) -> Path:
    return Path(data_dir) / STATE_DB_NAME


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Schema:
    """The migrations of one component, oldest first; the schema version is their count.

    A migration is SQL (statements separated by ``;``, run one by one inside the migration's
    transaction) or a function given the connection. Never edit or remove a released migration;
    append a new one.
    """

    name: str
    migrations: tuple[Migration, ...]

    @property
    def version(self) -> int:
        return len(self.migrations)


def create_private_file(path: Path) -> None:
    """Create *path* (and its folder) readable by the owner only; tighten it if it exists."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    with contextlib.suppress(OSError):  # e.g. a file owned by someone else: SQLite will say so
        os.chmod(path, 0o600)


class Database:
    """One SQLite file with a pool of connections; use :meth:`read` and :meth:`write`."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        schemas: Sequence[Schema],
        *,
        durable: bool = False,
        recover_corrupt: bool = False,
        on_connect: Callable[[sqlite3.Connection], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self._durable = durable
        self._on_connect = on_connect
        self._lock = threading.Lock()
        self._idle: list[sqlite3.Connection] = []
        self._local = threading.local()
        self._closed = False
        #: True when a damaged file was moved aside and a fresh one created (``recover_corrupt``).
        self.recovered = False
        try:
            self._open_or_recover(schemas, recover_corrupt)
        except BaseException:
            self._close_idle()
            raise

    # -- opening -------------------------------------------------------------------------------

    def _open_or_recover(self, schemas: Sequence[Schema], recover_corrupt: bool) -> None:
        try:
            try:
                self._open(schemas)
                return
            except sqlite3.DatabaseError as error:
                self._close_idle()
                busy = isinstance(error, sqlite3.OperationalError) and _is_busy(error)
                if not recover_corrupt or busy:
                    raise StoreError(
                        Text(
                            f"The local database {self.path} cannot be opened ({error}); "
                            "move it aside or restore it from a backup.",
                            f"De lokale database {self.path} kan niet worden geopend ({error}); "
                            "zet hem opzij of zet hem terug uit een back-up.",
                        )
                    ) from error
                moved = self._move_aside()
                log.warning("the local database %s was damaged (%s); moved to %s", self.path, error, moved)
            self.recovered = True
            try:
                self._open(schemas)
            except sqlite3.DatabaseError as again:
                raise StoreError(self._cannot_create(again)) from again
        except OSError as error:  # the folder is not writable, the disk is full…
            raise StoreError(self._cannot_create(os_reason(error))) from error

    def _cannot_create(self, why: object) -> Text:
        return Text(
            "The local database {path} cannot be created ({why}).",
            "De lokale database {path} kan niet worden gemaakt ({why}).",
        ).format(path=self.path, why=why)

    def _open(self, schemas: Sequence[Schema]) -> None:
        create_private_file(self.path)
        conn = self._acquire()
        try:
            # auto_vacuum only takes effect before the first table exists: a new file gets it,
            # so clearing the cache can give space back (see vacuum()).
            conn.execute("PRAGMA auto_vacuum=INCREMENTAL")
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.info("SQLite WAL is not available for %s (journal mode %s)", self.path, mode)
            self._migrate(conn, schemas)
        finally:
            self._release(conn)

    def _migrate(self, conn: sqlite3.Connection, schemas: Sequence[Schema]) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (name TEXT PRIMARY KEY, version INTEGER NOT NULL)"
            )
            for schema in schemas:
                row = conn.execute(
                    "SELECT version FROM schema_version WHERE name = ?", (schema.name,)
                ).fetchone()
                current = int(row[0]) if row else 0
                if current > schema.version:
                    raise StoreError(
                        Text(
                            f"The local database {self.path} was written by a newer version of Compass "
                            f"Desk ({schema.name} version {current}); update the application.",
                            f"De lokale database {self.path} is geschreven door een nieuwere versie van "
                            f"Compass Desk ({schema.name} versie {current}); werk de app bij.",
                        )
                    )
                for migration in schema.migrations[current:]:
                    if callable(migration):
                        migration(conn)
                    else:
                        for statement in _split_sql(migration):
                            conn.execute(statement)
                if current != schema.version:
                    conn.execute(
                        "INSERT INTO schema_version (name, version) VALUES (?, ?) "
                        "ON CONFLICT (name) DO UPDATE SET version = excluded.version",
                        (schema.name, schema.version),
                    )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _move_aside(self) -> Path:
        stamp = utc_now().strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            source = Path(str(self.path) + suffix)
            if source.exists():
                os.replace(source, Path(str(target) + suffix))
        return target

    # -- connections ---------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        # check_same_thread=False: a pooled connection serves one thread at a time, but not
        # always the same one. isolation_level=None: we issue BEGIN/COMMIT ourselves.
        conn = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
        try:
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            conn.execute(f"PRAGMA synchronous={'FULL' if self._durable else 'NORMAL'}")
            conn.execute("PRAGMA foreign_keys=ON")
            if self._on_connect is not None:
                self._on_connect(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _acquire(self) -> sqlite3.Connection:
        with self._lock:
            if self._closed:
                raise StoreError(
                    Text(
                        f"The local database {self.path} is closed.",
                        f"De lokale database {self.path} is gesloten.",
                    )
                )
            if self._idle:
                return self._idle.pop()
        return self._connect()

    def _release(self, conn: sqlite3.Connection) -> None:
        if conn.in_transaction:  # never hand a half-done transaction to the next user
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                conn.close()
                return
        with self._lock:
            if not self._closed and len(self._idle) < _MAX_IDLE_CONNECTIONS:
                self._idle.append(conn)
                return
        conn.close()

    @contextlib.contextmanager
    def _use(self, begin: str) -> Iterator[sqlite3.Connection]:
        current: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if current is not None:  # nested on the same thread: join the outer transaction
            yield current
            return
        reading = begin == "BEGIN"
        try:
            conn = self._acquire()
        except sqlite3.Error as error:
            raise StoreError(self._not_used(reading, error)) from error
        self._local.conn = conn
        try:
            conn.execute(begin)
            try:
                yield conn
            except BaseException:
                if conn.in_transaction:  # SQLite may have rolled back already (disk full, I/O error)
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.Error as error:
            # One sentence for the user (disk full, locked by another program, damaged file…).
            raise StoreError(self._not_used(reading, error)) from error
        finally:
            self._local.conn = None
            self._release(conn)

    def _not_used(self, reading: bool, error: object) -> Text:
        if reading:
            return Text(
                f"The local database {self.path} could not be read ({error}).",
                f"De lokale database {self.path} kon niet worden gelezen ({error}).",
            )
        return Text(
            f"The local database {self.path} could not be written ({error}).",
            f"De lokale database {self.path} kon niet worden geschreven ({error}).",
        )

    def write(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """A write transaction: committed (durably for ``durable=True``) when the block ends."""
        return self._use("BEGIN IMMEDIATE")

    def read(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """A read transaction: every query in the block sees the same consistent state."""
        return self._use("BEGIN")

    def vacuum(self) -> None:
        """Give the pages freed by deletions back to the file system (cheap, incremental)."""
        conn = self._acquire()
        try:
            # executescript steps the pragma to the end; execute() would free a single page.
            conn.executescript("PRAGMA incremental_vacuum;")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except sqlite3.Error as error:  # only space is at stake; the data is already right
            log.info("could not shrink %s: %s", self.path, error)
        finally:
            self._release(conn)

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> list[Any]:
        """Run one statement in its own write transaction; returns all rows."""
        with self.write() as conn:
            return conn.execute(sql, parameters).fetchall()

    # -- closing -------------------------------------------------------------------------------

    def _close_idle(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()

    def close(self) -> None:
        """Close the pooled connections; connections in use close when their block ends."""
        with self._lock:
            self._closed = True
        self._close_idle()

    @property
    def closed(self) -> bool:
        return self._closed

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _is_busy(error: sqlite3.OperationalError) -> bool:
    return "locked" in str(error) or "busy" in str(error)


def _split_sql(script: str) -> list[str]:
    # Migrations are plain DDL/DML without semicolons inside literals; triggers are not used.
    return [part.strip() for part in script.split(";") if part.strip()]
