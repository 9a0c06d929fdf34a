"""The audit log: who did what, where, when, and how it ended; with a filter and CSV export.

Every text field passes through :func:`compass_desk.logsetup.redact` before it is stored, so a
password that slips into a detail message never reaches the file.
"""

from __future__ import annotations

import csv
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from compass_desk.domain.mac import format_mac, is_mac, mac_search_key
from compass_desk.logsetup import redact
from compass_desk.store.db import Database, Schema, utc_now

SCHEMA = Schema(
    "audit",
    (
        """
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            environment TEXT NOT NULL,
            username TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            outcome TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX audit_log_at ON audit_log (at)
        """,
    ),
)

CSV_HEADER = ("time (UTC)", "environment", "user", "action", "target", "outcome", "detail")
# Spreadsheets run cells starting with these as formulas (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SEPARATOR = "\x1f"  # between fields in the filter's haystack: a term never spans two fields
_FIELDS_SQL = f"at || '{_SEPARATOR}' || " + f" || '{_SEPARATOR}' || ".join(
    ("environment", "username", "action", "target", "outcome", "detail")
)


# A MAC written in the log in any of its notations (colon, dash or bare digits), for the filter.
_LOGGED_MAC = re.compile(
    r"(?<![0-9a-f])(?:[0-9a-f]{2}([:-])(?:[0-9a-f]{2}\1){4}[0-9a-f]{2}|[0-9a-f]{12})(?![0-9a-f])", re.I
)
_MIN_MAC_TERM = 4  # hex digits: shorter words ("add", "bad") search as words only


def record_message(error: BaseException) -> str:
    """An error as the audit log records it: the English sentence, ending in a full stop, the same
    whatever language the window speaks (GUI, CLI and services alike)."""
    from compass_desk.domain.text import text_of

    text = text_of(error)
    message = " ".join((text.en if text is not None else str(error) or type(error).__name__).split())
    return message if not message or message[-1] in ".!?" else message + "."


def phone_target(name: str, mac: str, organisation: str = "") -> str:
    """How every audit entry names a phone, in the GUI and the CLI alike.

    ``Administratie 3 (34:97:D7:F8:8C:C7) · Autobedrijf van den Berg``: a name, the MAC in the
    app's display form and the organisation, with no words in any one language (the log is data
    and reads the same in every UI language). Parts that are not known are left out.
    """
    shown_mac = format_mac(mac) if is_mac(mac) else mac.strip()
    name = name.strip()
    phone = f"{name} ({shown_mac})" if name and shown_mac else name or shown_mac
    organisation = organisation.strip()
    return f"{phone} · {organisation}" if phone and organisation else phone or organisation


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime  # UTC
    environment: str
    user: str
    action: str
    target: str
    outcome: str
    detail: str = ""

    def row(self) -> tuple[str, ...]:
        """The entry as CSV cells (time to the second, in UTC)."""
        at = self.at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
        return (at, self.environment, self.user, self.action, self.target, self.outcome, self.detail)


def _contains(haystack: str | None, needle: str | None, mac_digits: str | None) -> bool:
    """*needle* in *haystack* (any case), or the hex digits *mac_digits* inside a MAC written there.

    The second test finds a MAC whatever notation it was typed and logged in: older entries hold
    ``34:97:D7:F8:8C:C7`` or ``3497d7f88cc7``; a technician may type ``34-97-d7-f8-8c-c7``.
    """
    if haystack is None or needle is None:
        return False
    # Python's casefold, not SQLite's ASCII-only LIKE: "Zürich" matches "zÜrich".
    if needle in haystack.casefold():
        return True
    if not mac_digits:
        return False
    return any(mac_digits in re.sub(r"[:-]", "", found.group(0)).lower()
               for found in _LOGGED_MAC.finditer(haystack))


def _mac_digits(term: str) -> str:
    """The hex digits of *term* when it can be (part of) a MAC address; "" for ordinary words."""
    key = mac_search_key(term)
    return key if len(key) >= _MIN_MAC_TERM else ""


def _register_functions(conn: sqlite3.Connection) -> None:
    conn.create_function("cd_contains", 3, _contains, deterministic=True)


def csv_safe(cell: str) -> str:
    """Neutralise a cell a spreadsheet would run as a formula by prefixing a single quote."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


class AuditLog:
    """``AuditLog(path)``: the audit log in the SQLite file *path* (see ``db.state_db_path``)."""

    def __init__(self, path: str | os.PathLike[str], *, clock: Callable[[], datetime] = utc_now) -> None:
        self._db = Database(path, [SCHEMA], durable=True, on_connect=_register_functions)
        self._clock = clock

    def record(
        self, environment: str, user: str, action: str, target: str, outcome: str, detail: str = ""
    ) -> AuditEntry:
        """Append one entry stamped with the current UTC time; returns it as stored."""
        at = self._clock().astimezone(UTC)
        fields = tuple(redact(str(value)) for value in (environment, user, action, target, outcome, detail))
        with self._db.write() as conn:
            cursor = conn.execute(
                "INSERT INTO audit_log (at, environment, username, action, target, outcome, detail) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (at.isoformat(timespec="microseconds"), *fields),
            )
            entry_id = cursor.lastrowid
        assert entry_id is not None
        return AuditEntry(entry_id, at, *fields)

    def entries(
        self, text_filter: str | None = None, limit: int | None = None, *, environment: str | None = None
    ) -> list[AuditEntry]:
        """Newest first. Every word of *text_filter* must appear in some field (any case); a word
        that is (part of) a MAC address also finds that MAC in any notation."""
        where: list[str] = []
        params: list[object] = []
        for term in (text_filter or "").split():
            where.append(f"cd_contains({_FIELDS_SQL}, ?, ?)")
            params.extend((term.casefold(), _mac_digits(term)))
        if environment is not None:
            where.append("environment = ?")
            params.append(environment)
        sql = "SELECT id, at, environment, username, action, target, outcome, detail FROM audit_log"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(0, int(limit)))
        with self._db.read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [AuditEntry(row[0], datetime.fromisoformat(row[1]), *row[2:]) for row in rows]

    def export_csv(
        self,
        target: str | os.PathLike[str] | TextIO,
        text_filter: str | None = None,
        *,
        entries: list[AuditEntry] | None = None,
    ) -> int:
        """Write the (filtered) log as CSV with a header row, newest first; returns the entry count.

        A path is written as UTF-8 with a byte-order mark, so spreadsheet programs read accents
        right; a stream is written as is.
        """
        rows = self.entries(text_filter) if entries is None else entries
        with _open_target(target) as stream:
            writer = csv.writer(stream)
            writer.writerow(CSV_HEADER)
            for entry in rows:
                writer.writerow([csv_safe(cell) for cell in entry.row()])
        return len(rows)

    def prune(self, before: datetime) -> int:
        """Delete the entries older than *before*; returns how many went."""
        with self._db.write() as conn:
            cursor = conn.execute(
                "DELETE FROM audit_log WHERE at < ?",
                (before.astimezone(UTC).isoformat(timespec="microseconds"),),
            )
            return cursor.rowcount

    @property
    def database(self) -> Database:
        return self._db

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> AuditLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextmanager
def _open_target(target: str | os.PathLike[str] | TextIO) -> Iterator[TextIO]:
    if isinstance(target, str | os.PathLike):
        path = Path(target)
        # Write beside the target and rename, so a failed export never leaves half a file.
        temp = path.with_name(path.name + ".part")
        try:
            with open(temp, "w", encoding="utf-8-sig", newline="") as stream:
                yield stream
            os.replace(temp, path)
        finally:
            if temp.exists():
                temp.unlink()
    else:
        yield target
