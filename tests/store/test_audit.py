"""The audit log: recording, filtering, CSV export, no secrets."""

from __future__ import annotations

import csv
import io
import threading
from datetime import UTC, datetime, timedelta, timezone

import pytest

from compass_desk.store.audit import CSV_HEADER, AuditLog, csv_safe


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 28, 10, 0, tzinfo=timezone(timedelta(hours=1)))

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def log(tmp_path):
    with AuditLog(tmp_path / "state.sqlite3", clock=Clock()) as log:
        log.record("production", "demo", "activate", "Balie 1 (00:04:13:AA:BB:01)", "ok")
        log.record("staging", "helpdesk", "reboot", "Kantine (00:04:13:AA:BB:02)", "failed", "HTTP 500")
        log.record("production", "installer", "move", "Zürich desk", "ok", "from Bakkerij to Slagerij")
        yield log


def test_entries_are_newest_first_with_utc_times(log):
    entries = log.entries()
    assert [e.action for e in entries] == ["move", "reboot", "activate"]
    assert entries[0].at == datetime(2026, 11, 28, 9, 3, tzinfo=UTC)
    assert entries[0].at.utcoffset() == timedelta(0)
    assert entries[0].user == "installer" and entries[0].detail == "from Bakkerij to Slagerij"


def test_record_returns_what_was_stored(log):
    entry = log.record("production", "demo", "reveal secrets", "Balie 1", "ok")
    assert log.entries(limit=1) == [entry]


def test_limit(log):
    assert [e.action for e in log.entries(limit=2)] == ["move", "reboot"]
    assert log.entries(limit=0) == []


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        ("staging", ["reboot"]),  # environment
        ("HELPDESK", ["reboot"]),  # user, any case
        ("aa:bb:01", ["activate"]),  # target
        ("failed", ["reboot"]),  # outcome
        ("slagerij", ["move"]),  # detail
        ("zÜRICH", ["move"]),  # non-ASCII case folding
        ("2026-11-28T09:02", ["reboot"]),  # time
        ("production ok", ["move", "activate"]),  # every word must match somewhere
        ("production failed", []),
        ("   ", ["move", "reboot", "activate"]),
        ("100%", []),  # LIKE wildcards are plain text here
    ],
)
def test_text_filter_matches_any_field(log, text, actions):
    assert [e.action for e in log.entries(text)] == actions


def test_environment_filter(log):
    assert [e.action for e in log.entries(environment="production")] == ["move", "activate"]


def test_secrets_never_reach_the_log(tmp_path):
    path = tmp_path / "audit.sqlite3"
    with AuditLog(path) as log:
        entry = log.record(
            "production", "demo", "update", "https://demo:hunter2pass@rest.example.com/phone/1", "ok",
            'sent {"password": "Sup3rS3cret!", "vlan": 20} with Authorization: Basic ZGVtbzpzZWNyZXQ=',
        )  # fmt: skip
        assert "Sup3rS3cret!" not in entry.detail and "ZGVtbzpzZWNyZXQ=" not in entry.detail
        assert "hunter2pass" not in entry.target
        assert "vlan" in entry.detail  # the rest stays readable
        log.export_csv(tmp_path / "out.csv")
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    for secret in (b"Sup3rS3cret!", b"ZGVtbzpzZWNyZXQ=", b"hunter2pass"):
        assert secret not in raw


def test_csv_export_has_a_header_and_every_entry(log, tmp_path):
    path = tmp_path / "audit.csv"
    assert log.export_csv(path) == 3
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read "Zürich" right
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0]) == CSV_HEADER
    assert rows[1] == ["2026-11-28 09:03:00", "production", "installer", "move", "Zürich desk", "ok",
                       "from Bakkerij to Slagerij"]  # fmt: skip
    assert len(rows) == 4
    assert not (tmp_path / "audit.csv.part").exists()


def test_csv_export_of_a_filtered_view_to_a_stream(log):
    stream = io.StringIO()
    assert log.export_csv(stream, "staging") == 1
    rows = list(csv.reader(io.StringIO(stream.getvalue())))
    assert [row[3] for row in rows[1:]] == ["reboot"]


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://evil")', "+1+1", "-2", "@SUM(A1)", "\t=1", "\r=1"])
def test_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path, cell):
    with AuditLog(tmp_path / "a.db") as log:
        log.record("production", "demo", "rename", cell, "ok", cell)
        stream = io.StringIO()
        log.export_csv(stream)
    row = list(csv.reader(io.StringIO(stream.getvalue())))[1]
    assert row[4] == "'" + cell and row[6] == "'" + cell


def test_csv_safe_leaves_ordinary_text_alone():
    assert csv_safe("Balie 1") == "Balie 1"
    assert csv_safe("") == ""
    assert csv_safe("a=b") == "a=b"


def test_prune_removes_only_older_entries(log):
    assert log.prune(datetime(2026, 11, 28, 9, 2, 30, tzinfo=UTC)) == 2
    assert [e.action for e in log.entries()] == ["move"]


def test_threads_record_concurrently(tmp_path):
    with AuditLog(tmp_path / "a.db") as log:
        errors: list[BaseException] = []

        def worker(n: int) -> None:
            try:
                for i in range(25):
                    log.record("production", f"user{n}", "activate", f"phone {n}-{i}", "ok")
            except BaseException as error:
                errors.append(error)

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        entries = log.entries()
    assert len(entries) == 150
    assert len({e.id for e in entries}) == 150
    assert [e.id for e in entries] == sorted((e.id for e in entries), reverse=True)
