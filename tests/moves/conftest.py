"""Fixtures for the move tests: a demo session on the simulator and a journal file."""

from __future__ import annotations

import pytest

from compass_desk.store.journal import Journal

from .move_helpers import make_session


@pytest.fixture
def journal_path(tmp_path):
    return tmp_path / "state.sqlite3"


@pytest.fixture
def journal(journal_path):
    with Journal(journal_path) as opened:
        yield opened


@pytest.fixture
def session(simulator):
    made = make_session(simulator)
    yield made
    made.close()
