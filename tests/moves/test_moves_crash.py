"""A crash between remove and re-add: the next start finds the move in the journal, finishes or undoes it."""

from __future__ import annotations

import pytest

from compass_desk.domain.move_plan import MoveMethod
from compass_desk.services.moves import MoveService
from compass_desk.store.journal import Journal

from .move_helpers import SECRET, count_everywhere, macs_in, make_session, pick_phone


class Crash(BaseException):
    """The process dies (power cut, kill): nothing below the service may catch this."""


def _crash_between_remove_and_readd(simulator, journal_path):
    session = make_session(simulator)
    journal = Journal(journal_path)
    try:
        phone, source, target = pick_phone(session)
        service = MoveService(session, journal)
        plan = service.plan(phone, target, MoveMethod.MANUAL)

        def die(*args, **kwargs):
            raise Crash()

        session.add_phone = die  # type: ignore[method-assign]
        with pytest.raises(Crash):
            service.move_manual(plan)
    finally:
        journal.close()
        session.close()
    assert count_everywhere(simulator, phone.mac) == 0  # the moment a crash is dangerous
    return phone, source, target


@pytest.mark.parametrize("action", ["resume", "undo"])
def test_crash_then_next_start_finishes_or_undoes(simulator, journal_path, action):
    phone, source, target = _crash_between_remove_and_readd(simulator, journal_path)
    # "Next start": a fresh session and the same journal file.
    session = make_session(simulator)
    try:
        with Journal(journal_path) as journal:
            service = MoveService(session, journal)
            open_moves = service.unfinished()
            assert len(open_moves) == 1
            op = open_moves[0]
            assert op.state_of("remove") == "done" and op.state_of("add") == "started"
            outcome = getattr(service, action)(op.id)
            assert service.unfinished() == []
            assert journal.get(op.id).outcome == ("done" if action == "resume" else "undone")
        home = target if action == "resume" else source
        assert outcome.phone.company_url == home.url
        assert phone.mac in macs_in(session, home)
        assert count_everywhere(simulator, phone.mac) == 1
        if action == "undo":
            restored = session.client.custom_settings(outcome.phone)
            assert any(s.value == SECRET for s in restored)
            assert outcome.phone.firmware == phone.firmware
    finally:
        session.close()


def test_a_move_of_another_environment_is_listed_only_there(simulator, journal_path):
    _crash_between_remove_and_readd(simulator, journal_path)
    from compass_desk.sim import SimConfig, Simulator

    with Simulator(SimConfig(environment="staging", seed=1)) as staging:
        other = make_session(staging)
        try:
            with Journal(journal_path) as journal:
                assert MoveService(other, journal).unfinished() == []
                assert len(journal.unfinished()) == 1
        finally:
            other.close()


@pytest.mark.parametrize("action", ["resume", "undo"])
@pytest.mark.parametrize("crash_at", range(1, 7))
def test_a_crash_at_any_journal_write_never_loses_the_phone(simulator, journal_path, crash_at, action):
    """Die just before the n-th journal write (so the step before it ran but was not recorded)."""
    session = make_session(simulator)
    journal = Journal(journal_path)
    writes = 0
    try:
        phone, source, target = pick_phone(session)
        service = MoveService(session, journal)
        plan = service.plan(phone, target, MoveMethod.MANUAL)
        real_step, real_finish = journal.step, journal.finish

        def counted(real):
            def write(*args, **kwargs):
                nonlocal writes
                writes += 1
                if writes == crash_at:
                    raise Crash()
                return real(*args, **kwargs)
            return write

        journal.step = counted(real_step)  # type: ignore[method-assign]
        journal.finish = counted(real_finish)  # type: ignore[method-assign]
        with pytest.raises(Crash):
            service.move_manual(plan)
    finally:
        journal.close()
        session.close()
    assert count_everywhere(simulator, phone.mac) <= 1
    session = make_session(simulator)
    try:
        with Journal(journal_path) as journal:
            service = MoveService(session, journal)
            [op] = service.unfinished()
            outcome = getattr(service, action)(op.id)
            assert service.unfinished() == []
        home = target if action == "resume" else source
        assert outcome.phone.company_url == home.url
        assert count_everywhere(simulator, phone.mac) == 1
    finally:
        session.close()
