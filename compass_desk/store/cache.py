"""The last good data per environment (companies, phones, statuses), for an offline start.

One snapshot per environment name, replaced as a whole in one transaction after a refresh, and
patched row by row after an action (``update_phone`` / ``update_status`` / ``remove_phone``).
Rows are JSON made by :mod:`compass_desk.store.codec`; a snapshot that no longer fits the model
(written by another version) reads as "nothing stored" rather than failing the start.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from compass_desk.domain.models import Company, Phone, PhoneStatus
from compass_desk.store import codec
from compass_desk.store.db import Database, Schema, utc_now

log = logging.getLogger(__name__)

SCHEMA = Schema(
    "cache",
    (
        """
        CREATE TABLE cache_snapshots (
            environment TEXT PRIMARY KEY,
            fetched_at TEXT NOT NULL,
            saved_at TEXT NOT NULL
        );
        CREATE TABLE cache_companies (
            environment TEXT NOT NULL,
            position INTEGER NOT NULL,
            url TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (environment, url)
        );
        CREATE TABLE cache_phones (
            environment TEXT NOT NULL,
            position INTEGER NOT NULL,
            url TEXT NOT NULL,
            company_url TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (environment, url)
        );
        CREATE TABLE cache_statuses (
            environment TEXT NOT NULL,
            phone_url TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (environment, phone_url)
        )
        """,
    ),
)


@dataclass
class Snapshot:
    """What was known about one environment at ``fetched_at`` (plus later single-row updates)."""

    companies: list[Company]
    phones: list[Phone]
    statuses: dict[str, PhoneStatus] = field(default_factory=dict)  # key: phone URL
    fetched_at: datetime = field(default_factory=utc_now)


@dataclass(frozen=True)
class SnapshotInfo:
    environment: str
    fetched_at: datetime
    companies: int
    phones: int


class Cache:
    """``Cache(path)``: the snapshot store in the SQLite file *path* (see ``db.cache_db_path``)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        # The cache can be fetched again: a damaged file is moved aside, not a reason to stop.
        self._db = Database(path, [SCHEMA], recover_corrupt=True)

    @property
    def database(self) -> Database:
        return self._db

    def save_snapshot(
        self,
        environment_name: str,
        companies: Iterable[Company],
        phones: Iterable[Phone],
        statuses: Mapping[str, PhoneStatus],
        fetched_at: datetime,
    ) -> None:
        """Replace everything stored for *environment_name*, all or nothing."""
        company_rows = [(environment_name, i, c.url, codec.dumps(c)) for i, c in enumerate(companies)]
        phone_rows = [
            (environment_name, i, p.url, p.company_url, codec.dumps(p)) for i, p in enumerate(phones)
        ]
        status_rows = [(environment_name, url, codec.dumps(s)) for url, s in statuses.items()]
        with self._db.write() as conn:
            self._delete(conn, environment_name)
            conn.execute(
                "INSERT INTO cache_snapshots (environment, fetched_at, saved_at) VALUES (?, ?, ?)",
                (environment_name, fetched_at.isoformat(), utc_now().isoformat()),
            )
            # OR REPLACE: a URL listed twice keeps its last copy instead of failing the save.
            conn.executemany(
                "INSERT OR REPLACE INTO cache_companies (environment, position, url, data)"
                " VALUES (?, ?, ?, ?)",
                company_rows,
            )
            conn.executemany(
                "INSERT OR REPLACE INTO cache_phones (environment, position, url, company_url, data) "
                "VALUES (?, ?, ?, ?, ?)",
                phone_rows,
            )
            conn.executemany(
                "INSERT OR REPLACE INTO cache_statuses (environment, phone_url, data) VALUES (?, ?, ?)",
                status_rows,
            )

    def load_snapshot(self, environment_name: str) -> Snapshot | None:
        """The stored snapshot, or None when nothing (usable) is stored for that environment."""
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT fetched_at FROM cache_snapshots WHERE environment = ?", (environment_name,)
            ).fetchone()
            if row is None:
                return None
            companies = conn.execute(
                "SELECT data FROM cache_companies WHERE environment = ? ORDER BY position",
                (environment_name,),
            ).fetchall()
            phones = conn.execute(
                "SELECT data FROM cache_phones WHERE environment = ? ORDER BY position", (environment_name,)
            ).fetchall()
            statuses = conn.execute(
                "SELECT phone_url, data FROM cache_statuses WHERE environment = ?", (environment_name,)
            ).fetchall()
        try:
            return Snapshot(
                companies=[codec.loads(Company, data) for (data,) in companies],
                phones=[codec.loads(Phone, data) for (data,) in phones],
                statuses={url: codec.loads(PhoneStatus, data) for url, data in statuses},
                fetched_at=datetime.fromisoformat(row[0]),
            )
        except (codec.CodecError, ValueError) as error:
            log.warning("cached data of %s is unusable and ignored: %s", environment_name, error)
            return None

    def environments(self) -> list[SnapshotInfo]:
        """What is stored, per environment name (sorted by name)."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT s.environment, s.fetched_at,"
                " (SELECT COUNT(*) FROM cache_companies c WHERE c.environment = s.environment),"
                " (SELECT COUNT(*) FROM cache_phones p WHERE p.environment = s.environment)"
                " FROM cache_snapshots s ORDER BY s.environment"
            ).fetchall()
        return [SnapshotInfo(name, datetime.fromisoformat(at), c, p) for name, at, c, p in rows]

    def update_phone(self, environment_name: str, phone: Phone) -> bool:
        """Store a phone read back after an action (new rows go last); False when no snapshot."""
        data = codec.dumps(phone)
        with self._db.write() as conn:
            if not self._has_snapshot(conn, environment_name):
                return False
            updated = conn.execute(
                "UPDATE cache_phones SET company_url = ?, data = ? WHERE environment = ? AND url = ?",
                (phone.company_url, data, environment_name, phone.url),
            ).rowcount
            if not updated:
                conn.execute(
                    "INSERT INTO cache_phones (environment, position, url, company_url, data) "
                    "SELECT ?, COALESCE(MAX(position), -1) + 1, ?, ?, ?"
                    " FROM cache_phones WHERE environment = ?",
                    (environment_name, phone.url, phone.company_url, data, environment_name),
                )
        return True

    def update_status(self, environment_name: str, phone_url: str, status: PhoneStatus) -> bool:
        """Store a freshly read live status; False when no snapshot exists for the environment."""
        with self._db.write() as conn:
            if not self._has_snapshot(conn, environment_name):
                return False
            conn.execute(
                "INSERT OR REPLACE INTO cache_statuses (environment, phone_url, data) VALUES (?, ?, ?)",
                (environment_name, phone_url, codec.dumps(status)),
            )
        return True

    def remove_phone(self, environment_name: str, phone_url: str) -> bool:
        """Forget a phone removed from the platform; True when it was stored."""
        with self._db.write() as conn:
            removed = conn.execute(
                "DELETE FROM cache_phones WHERE environment = ? AND url = ?", (environment_name, phone_url)
            ).rowcount
            conn.execute(
                "DELETE FROM cache_statuses WHERE environment = ? AND phone_url = ?",
                (environment_name, phone_url),
            )
        return bool(removed)

    def clear(self, environment_name: str | None = None) -> None:
        """Forget one environment's snapshot, or all of them."""
        with self._db.write() as conn:
            if environment_name is None:
                for table in ("cache_snapshots", "cache_companies", "cache_phones", "cache_statuses"):
                    conn.execute(f"DELETE FROM {table}")
            else:
                self._delete(conn, environment_name)
        self._db.vacuum()

    @staticmethod
    def _has_snapshot(conn: sqlite3.Connection, environment_name: str) -> bool:
        row = conn.execute(
            "SELECT 1 FROM cache_snapshots WHERE environment = ?", (environment_name,)
        ).fetchone()
        return row is not None

    @staticmethod
    def _delete(conn: sqlite3.Connection, environment_name: str) -> None:
        conn.execute("DELETE FROM cache_snapshots WHERE environment = ?", (environment_name,))
        conn.execute("DELETE FROM cache_companies WHERE environment = ?", (environment_name,))
        conn.execute("DELETE FROM cache_phones WHERE environment = ?", (environment_name,))
        conn.execute("DELETE FROM cache_statuses WHERE environment = ?", (environment_name,))

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
