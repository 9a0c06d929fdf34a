"""The SQLite helper: private files, WAL, migrations, threads, damaged files."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
import threading

import pytest

from compass_desk.paths import app_paths
from compass_desk.store.db import Database, Schema, StoreError, cache_db_path, state_db_path

ITEMS_V1 = Schema("items", ("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",))
ITEMS_V2 = Schema(
    "items",
    (
        *ITEMS_V1.migrations,
        "ALTER TABLE items ADD COLUMN colour TEXT NOT NULL DEFAULT 'blue';"
        " CREATE INDEX items_name ON items (name)",
    ),
)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def test_default_paths_are_under_the_data_dir(isolated_home):
    data = app_paths().data
    assert cache_db_path(data).parent == data
    assert state_db_path(data).parent == data
    assert cache_db_path(data) != state_db_path(data)


@posix_only
def test_files_are_private_to_the_owner(tmp_path):
    path = tmp_path / "new" / "store.sqlite3"
    with Database(path, [ITEMS_V1]) as db:
        db.execute("INSERT INTO items (name) VALUES ('a')")
        files = [p for p in path.parent.iterdir() if p.name.startswith("store.sqlite3")]
        assert {p.name for p in files} >= {"store.sqlite3", "store.sqlite3-wal"}
        for file in files:
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


@posix_only
def test_an_existing_file_is_made_private(tmp_path):
    path = tmp_path / "store.sqlite3"
    path.touch(mode=0o644)
    os.chmod(path, 0o644)
    with Database(path, [ITEMS_V1]):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_uses_write_ahead_logging(tmp_path):
    with Database(tmp_path / "s.db", [ITEMS_V1]) as db, db.read() as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrations_run_once_and_in_order(tmp_path):
    path = tmp_path / "s.db"
    with Database(path, [ITEMS_V1]) as db:
        db.execute("INSERT INTO items (name) VALUES ('kept')")
    with Database(path, [ITEMS_V2]) as db, db.read() as conn:
        assert conn.execute("SELECT name, colour FROM items").fetchall() == [("kept", "blue")]
        assert conn.execute("SELECT version FROM schema_version WHERE name = 'items'").fetchone() == (2,)
    with Database(path, [ITEMS_V2]) as db, db.read() as conn:  # nothing runs twice
        assert conn.execute("SELECT COUNT(*) FROM items").fetchone() == (1,)


def test_components_migrate_independently_in_one_file(tmp_path):
    other = Schema("other", ("CREATE TABLE other (x INTEGER)",))
    path = tmp_path / "s.db"
    with Database(path, [ITEMS_V1]):
        pass
    with Database(path, [other]) as db, db.read() as conn:
        versions = dict(conn.execute("SELECT name, version FROM schema_version"))
    assert versions == {"items": 1, "other": 1}


def test_a_failing_migration_changes_nothing(tmp_path):
    path = tmp_path / "s.db"
    with Database(path, [ITEMS_V1]) as db:
        db.execute("INSERT INTO items (name) VALUES ('a')")
    broken = Schema(
        "items", (*ITEMS_V1.migrations, "ALTER TABLE items ADD COLUMN x TEXT; SELECT * FROM nowhere")
    )
    with pytest.raises(StoreError):
        Database(path, [broken])
    with Database(path, [ITEMS_V1]) as db, db.read() as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(items)")]
        assert columns == ["id", "name"]
        assert conn.execute("SELECT version FROM schema_version").fetchone() == (1,)


def test_a_file_from_a_newer_version_is_refused_with_a_sentence(tmp_path):
    path = tmp_path / "s.db"
    Database(path, [ITEMS_V2]).close()
    with pytest.raises(StoreError, match="newer version of Compass Desk"):
        Database(path, [ITEMS_V1])


def test_write_rolls_back_on_error_and_commits_otherwise(tmp_path):
    with Database(tmp_path / "s.db", [ITEMS_V1]) as db:
        with pytest.raises(RuntimeError), db.write() as conn:
            conn.execute("INSERT INTO items (name) VALUES ('lost')")
            raise RuntimeError("boom")
        with db.write() as conn:
            conn.execute("INSERT INTO items (name) VALUES ('kept')")
            with db.write() as inner:  # nested on the same thread: one transaction, no deadlock
                assert inner is conn
                inner.execute("INSERT INTO items (name) VALUES ('inner')")
        with db.read() as conn:
            assert [r[0] for r in conn.execute("SELECT name FROM items ORDER BY id")] == ["kept", "inner"]


def test_threads_write_concurrently_without_losing_rows(tmp_path):
    path = tmp_path / "s.db"
    errors: list[BaseException] = []
    with Database(path, [ITEMS_V1]) as db:

        def writer(n: int) -> None:
            try:
                for i in range(40):
                    with db.write() as conn:
                        conn.execute("INSERT INTO items (name) VALUES (?)", (f"{n}-{i}",))
                    with db.read() as conn:
                        conn.execute("SELECT COUNT(*) FROM items").fetchone()
            except BaseException as error:  # reported below; a thread's exception is otherwise lost
                errors.append(error)

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        with db.read() as conn:
            names = {row[0] for row in conn.execute("SELECT name FROM items")}
    assert names == {f"{n}-{i}" for n in range(8) for i in range(40)}


def test_two_database_objects_on_one_file_see_each_others_writes(tmp_path):
    path = tmp_path / "s.db"
    with Database(path, [ITEMS_V1]) as first, Database(path, [ITEMS_V1]) as second:
        first.execute("INSERT INTO items (name) VALUES ('from first')")
        assert second.execute("SELECT name FROM items") == [("from first",)]


def test_a_closed_database_says_so(tmp_path):
    db = Database(tmp_path / "s.db", [ITEMS_V1])
    db.close()
    assert db.closed
    with pytest.raises(StoreError, match="closed"), db.read():
        pass


def test_a_damaged_file_is_refused_by_default(tmp_path):
    path = tmp_path / "s.db"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="cannot be opened"):
        Database(path, [ITEMS_V1])
    assert path.read_bytes().startswith(b"this is not")  # left alone for a person to look at


def test_a_damaged_file_is_moved_aside_when_recovery_is_allowed(tmp_path):
    path = tmp_path / "s.db"
    path.write_bytes(b"garbage" * 1000)
    with Database(path, [ITEMS_V1], recover_corrupt=True) as db:
        assert db.recovered
        db.execute("INSERT INTO items (name) VALUES ('fresh')")
    moved = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(moved) == 1 and moved[0].read_bytes().startswith(b"garbage")
    with Database(path, [ITEMS_V1], recover_corrupt=True) as db:
        assert not db.recovered


def test_connections_are_closed_with_the_database(tmp_path):
    db = Database(tmp_path / "s.db", [ITEMS_V1])
    with db.read() as conn:
        pass
    db.close()
    with pytest.raises(sqlite3.ProgrammingError):
        conn.execute("SELECT 1")


def test_an_unusable_folder_is_a_sentence_not_a_traceback(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(StoreError, match="cannot be created"):
        Database(blocker / "s.db", [ITEMS_V1])
