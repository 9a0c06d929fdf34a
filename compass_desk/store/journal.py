"""The operations journal: multi-step changes (a manual move) written down step by step.

Each call is committed with full durability before it returns, so after a crash the next start
finds every unfinished operation with its payload (e.g. the phone snapshot taken before removing
it) and the last state of each step, and can offer to finish or undo it.

Typical use::

    op = journal.begin("manual-move", {"snapshot": codec.encode(snapshot), "target": url})
    journal.step(op, "remove", "started")
    client.remove_phone(phone)
    journal.step(op, "remove", "done")
    ...
    journal.finish(op, "done")

Payload and step data are JSON objects; dataclasses, enums and datetimes in them are converted
with :func:`compass_desk.store.codec.encode` (read them back with ``codec.decode``).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from compass_desk.domain.text import Text, TextError, same
from compass_desk.store import codec
from compass_desk.store.db import Database, Schema, utc_now

StepState = Literal["started", "done", "failed"]
STEP_STATES: tuple[str, ...] = ("started", "done", "failed")

SCHEMA = Schema(
    "journal",
    (
        """
        CREATE TABLE journal_operations (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            outcome TEXT
        );
        CREATE INDEX journal_operations_open ON journal_operations (finished_at);
        CREATE TABLE journal_steps (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            operation_id INTEGER NOT NULL REFERENCES journal_operations (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            state TEXT NOT NULL,
            data TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX journal_steps_operation ON journal_steps (operation_id, id)
        """,
    ),
)


@dataclass(frozen=True)
class JournalStep:
    name: str
    state: str  # one of STEP_STATES
    data: dict[str, Any]
    at: datetime


@dataclass(frozen=True)
class Operation:
    id: int
    kind: str
    payload: dict[str, Any]
    started_at: datetime
    finished_at: datetime | None = None
    outcome: str | None = None
    steps: tuple[JournalStep, ...] = field(default=())  # in the order they were written

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    def state_of(self, name: str) -> str | None:
        """The latest state written for step *name*, or None when it never started."""
        for step in reversed(self.steps):
            if step.name == name:
                return step.state
        return None

    def data_of(self, name: str) -> dict[str, Any]:
        """The data of the latest entry for step *name* (empty when none)."""
        for step in reversed(self.steps):
            if step.name == name:
                return step.data
        return {}

    @property
    def last_step(self) -> JournalStep | None:
        return self.steps[-1] if self.steps else None


class UnknownOperationError(TextError, LookupError):
    """No operation with that id in the journal (worded in every language; a plain string reads the same)."""

    def __init__(self, text: Text | str) -> None:
        super().__init__(text if isinstance(text, Text) else same(text))


def _to_json(value: Mapping[str, Any] | None, what: str) -> str:
    try:
        return json.dumps(codec.encode(dict(value or {})), ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError) as error:
        raise ValueError(f"The journal {what} must be JSON data: {error}.") from error


class Journal:
    """``Journal(path)``: the operations journal in the SQLite file *path* (``db.state_db_path``)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._db = Database(path, [SCHEMA], durable=True)

    def begin(self, kind: str, payload: Mapping[str, Any]) -> int:
        """Write down a new operation with everything needed to finish or undo it; returns its id."""
        if not kind:
            raise ValueError("An operation needs a kind, such as 'manual-move'.")
        text = _to_json(payload, "payload")
        with self._db.write() as conn:
            cursor = conn.execute(
                "INSERT INTO journal_operations (kind, payload, started_at) VALUES (?, ?, ?)",
                (kind, text, utc_now().isoformat()),
            )
            operation_id = cursor.lastrowid
        assert operation_id is not None
        return operation_id

    def step(
        self, operation_id: int, name: str, state: StepState | str, data: Mapping[str, Any] | None = None
    ) -> None:
        """Record that step *name* started, is done, or failed (call before and after it runs)."""
        if state not in STEP_STATES:
            raise ValueError(f"A step state must be one of {', '.join(STEP_STATES)}, not {state!r}.")
        if not name:
            raise ValueError("A journal step needs a name.")
        text = _to_json(data, "step data")
        with self._db.write() as conn:
            self._require_open(conn, operation_id)
            conn.execute(
                "INSERT INTO journal_steps (operation_id, name, state, data, at) VALUES (?, ?, ?, ?, ?)",
                (operation_id, name, state, text, utc_now().isoformat()),
            )

    def finish(self, operation_id: int, outcome: str, *, payload: Mapping[str, Any] | None = None) -> None:
        """Close the operation with its outcome (e.g. "done", "undone", "abandoned").

        *payload*, when given, replaces the stored one (e.g. without secrets no longer needed);
        the old text is overwritten in the file, not only unlinked.
        """
        if not outcome:
            raise ValueError("Finishing an operation needs an outcome, such as 'done' or 'undone'.")
        text = None if payload is None else _to_json(payload, "payload")
        with self._db.write() as conn:
            self._require_open(conn, operation_id)
            if text is not None:
                conn.execute("PRAGMA secure_delete=ON")  # zero the freed space that held the old text
                conn.execute("UPDATE journal_operations SET payload = ? WHERE id = ?", (text, operation_id))
            conn.execute(
                "UPDATE journal_operations SET finished_at = ?, outcome = ? WHERE id = ?",
                (utc_now().isoformat(), outcome, operation_id),
            )
        if text is not None:
            self._db.vacuum()  # also empties the write-ahead log, which still held the old page

    def get(self, operation_id: int) -> Operation | None:
        with self._db.read() as conn:
            rows = self._load(conn, "WHERE id = ?", (operation_id,))
        return rows[0] if rows else None

    def unfinished(self, kind: str | None = None) -> list[Operation]:
        """Operations begun but not finished (oldest first): what a crash left behind."""
        where, params = "WHERE finished_at IS NULL", tuple[str, ...]()
        if kind is not None:
            where, params = where + " AND kind = ?", (kind,)
        with self._db.read() as conn:
            return self._load(conn, where + " ORDER BY id", params)

    def operations(self, limit: int = 50) -> list[Operation]:
        """The most recent operations, finished or not, newest first."""
        with self._db.read() as conn:
            return self._load(conn, "ORDER BY id DESC LIMIT ?", (max(0, int(limit)),))

    def prune(self, before: datetime) -> int:
        """Delete finished operations that ended before *before*; unfinished ones always stay."""
        with self._db.write() as conn:
            ids = [
                row[0]
                for row in conn.execute(
                    "SELECT id FROM journal_operations WHERE finished_at IS NOT NULL AND finished_at < ?",
                    (before.isoformat(),),
                )
            ]
            conn.executemany("DELETE FROM journal_steps WHERE operation_id = ?", [(i,) for i in ids])
            conn.executemany("DELETE FROM journal_operations WHERE id = ?", [(i,) for i in ids])
        return len(ids)

    @staticmethod
    def _require_open(conn: sqlite3.Connection, operation_id: int) -> None:
        row = conn.execute(
            "SELECT finished_at FROM journal_operations WHERE id = ?", (operation_id,)
        ).fetchone()
        if row is None:
            raise UnknownOperationError(Text(
                f"There is no journalled operation with id {operation_id}.",
                f"Er is geen bewerking met nummer {operation_id} in het logboek."))
        if row[0] is not None:
            raise ValueError(f"Operation {operation_id} is already finished.")

    @staticmethod
    def _load(conn: sqlite3.Connection, clause: str, params: tuple[Any, ...]) -> list[Operation]:
        rows = conn.execute(
            f"SELECT id, kind, payload, started_at, finished_at, outcome FROM journal_operations {clause}",
            params,
        ).fetchall()
        operations = []
        for op_id, kind, payload, started, finished, outcome in rows:
            steps = tuple(
                JournalStep(name, state, json.loads(data), datetime.fromisoformat(at))
                for name, state, data, at in conn.execute(
                    "SELECT name, state, data, at FROM journal_steps WHERE operation_id = ? ORDER BY id",
                    (op_id,),
                )
            )
            operations.append(
                Operation(
                    op_id,
                    kind,
                    json.loads(payload),
                    datetime.fromisoformat(started),
                    datetime.fromisoformat(finished) if finished else None,
                    outcome,
                    steps,
                )
            )
        return operations

    @property
    def database(self) -> Database:
        return self._db

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
