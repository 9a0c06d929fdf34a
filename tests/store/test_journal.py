"""The operations journal: durable steps, and what a crash leaves behind."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from datetime import UTC, datetime, timedelta

import pytest

from compass_desk.domain.models import CustomSetting, PhoneSnapshot
from compass_desk.store import codec
from compass_desk.store.journal import Journal, UnknownOperationError

from .conftest import phone, status


@pytest.fixture
def path(tmp_path):
    return tmp_path / "state.sqlite3"


def snapshot_payload() -> dict:
    snapshot = PhoneSnapshot(phone(7), [CustomSetting("user_pname1", "4711")], status(7))
    return {"snapshot": codec.encode(snapshot), "target": "https://rest.example.com/company/2"}


def test_an_operation_with_its_steps_and_payload(path):
    with Journal(path) as journal:
        op = journal.begin("manual-move", snapshot_payload())
        journal.step(op, "remove", "started")
        journal.step(op, "remove", "done", {"removed_at": datetime(2026, 11, 28, tzinfo=UTC)})
        journal.step(op, "re-add", "started")
        stored = journal.get(op)
    assert stored.kind == "manual-move" and not stored.finished
    assert [(s.name, s.state) for s in stored.steps] == [
        ("remove", "started"),
        ("remove", "done"),
        ("re-add", "started"),
    ]
    assert stored.state_of("remove") == "done"
    assert stored.state_of("re-add") == "started"
    assert stored.state_of("reset") is None
    assert stored.data_of("remove") == {"removed_at": "2026-11-28T00:00:00+00:00"}
    assert stored.last_step.name == "re-add"
    assert codec.decode(PhoneSnapshot, stored.payload["snapshot"]) == PhoneSnapshot(
        phone(7), [CustomSetting("user_pname1", "4711")], status(7)
    )


def test_finished_operations_leave_the_unfinished_list(path):
    with Journal(path) as journal:
        first = journal.begin("manual-move", {"n": 1})
        second = journal.begin("env-switch", {"n": 2})
        third = journal.begin("manual-move", {"n": 3})
        journal.finish(second, "done")
        assert [op.id for op in journal.unfinished()] == [first, third]  # oldest first
        assert [op.id for op in journal.unfinished("manual-move")] == [first, third]
        assert journal.unfinished("env-switch") == []
        done = journal.get(second)
        assert done.finished and done.outcome == "done" and done.finished_at >= done.started_at
        assert [op.id for op in journal.operations()] == [third, second, first]


def test_mistakes_are_refused_with_sentences(path):
    with Journal(path) as journal:
        op = journal.begin("manual-move", {})
        with pytest.raises(ValueError, match="step state must be one of started, done, failed"):
            journal.step(op, "remove", "finished")
        with pytest.raises(UnknownOperationError, match="no journalled operation with id 999"):
            journal.step(999, "remove", "started")
        with pytest.raises(ValueError, match="JSON data"):
            journal.begin("manual-move", {"thing": object()})
        with pytest.raises(ValueError, match="needs a kind"):
            journal.begin("", {})
        journal.finish(op, "undone")
        with pytest.raises(ValueError, match="already finished"):
            journal.step(op, "re-add", "started")
        with pytest.raises(ValueError, match="already finished"):
            journal.finish(op, "done")
        assert journal.get(12345) is None
        assert journal.get(op).steps == ()


def test_a_reopened_journal_has_every_step(path):
    journal = Journal(path)
    op = journal.begin("manual-move", snapshot_payload())
    journal.step(op, "remove", "started")
    journal.step(op, "remove", "done")
    # No close(): the next start must not depend on a clean shutdown.
    with Journal(path) as again:
        [pending] = again.unfinished()
        assert pending.id == op and pending.state_of("remove") == "done"
        assert pending.payload == snapshot_payload()
    journal.close()


CRASH_SCRIPT = textwrap.dedent(
    """
    import os, sys
    from compass_desk.store.journal import Journal
    journal = Journal(sys.argv[1])
    op = journal.begin("manual-move", {"mac": "000413aabb07", "from": "c1", "to": "c2"})
    journal.step(op, "snapshot", "done", {"settings": 3})
    journal.step(op, "remove", "started")
    journal.step(op, "remove", "done")
    journal.step(op, "re-add", "started")
    print(op, flush=True)
    os._exit(9)  # the process dies between two steps: no close, no commit hooks, no atexit
    """
)


def test_a_crash_between_steps_leaves_a_resumable_operation(path):
    result = subprocess.run(
        [sys.executable, "-c", CRASH_SCRIPT, str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 9, result.stderr
    op_id = int(result.stdout)
    with Journal(path) as journal:
        [pending] = journal.unfinished()
        assert pending.id == op_id
        assert pending.payload == {"mac": "000413aabb07", "from": "c1", "to": "c2"}
        assert pending.state_of("remove") == "done"
        assert pending.state_of("re-add") == "started"  # outcome unknown: read the platform back
        journal.step(op_id, "re-add", "done")
        journal.finish(op_id, "done")
        assert journal.unfinished() == []


def test_threads_journal_their_own_operations(path):
    with Journal(path) as journal:
        errors: list[BaseException] = []
        ids: list[int] = []

        def worker(n: int) -> None:
            try:
                op = journal.begin("bulk-move", {"phone": n})
                ids.append(op)
                for name in ("migrate", "verify"):
                    journal.step(op, name, "started")
                    journal.step(op, name, "done", {"n": n})
                if n % 2:
                    journal.finish(op, "done")
            except BaseException as error:
                errors.append(error)

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        pending = journal.unfinished()
        assert sorted(op.payload["phone"] for op in pending) == [0, 2, 4, 6]
        for op in pending:
            assert [s.name for s in op.steps] == ["migrate", "migrate", "verify", "verify"]
            assert all(s.data in ({}, {"n": op.payload["phone"]}) for s in op.steps)


def test_prune_keeps_unfinished_operations(path):
    with Journal(path) as journal:
        old = journal.begin("manual-move", {})
        journal.step(old, "remove", "done")
        journal.finish(old, "done")
        open_op = journal.begin("manual-move", {})
        later = datetime.now(UTC) + timedelta(days=1)
        assert journal.prune(later) == 1
        assert journal.get(old) is None
        assert [op.id for op in journal.unfinished()] == [open_op]


def test_journal_writes_wait_for_the_disk(path):
    with Journal(path) as journal, journal.database.read() as conn:
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL: survives a power cut


def test_finish_can_replace_the_payload_and_leaves_no_trace_of_the_old_one(tmp_path):
    path = tmp_path / "state.sqlite3"
    with Journal(path) as journal:
        op = journal.begin("manual-move", {"keep": 1, "secret": "Zq8-unique-Pa55word"})
        journal.finish(op, "done", payload={"keep": 1})
        assert journal.get(op).payload == {"keep": 1} and journal.get(op).outcome == "done"
        on_disk = b"".join(p.read_bytes() for p in tmp_path.glob("state.sqlite3*"))
        assert b"Zq8-unique-Pa55word" not in on_disk
        other = journal.begin("manual-move", {"a": 1})
        journal.finish(other, "done")
        assert journal.get(other).payload == {"a": 1}
