"""Fixtures for the reset wizard and troubleshooter: a real Session on the simulator, wizards that close."""

from __future__ import annotations

import httpx
import pytest

from compass_desk.api.client import CompassClient
from compass_desk.api.transport import RetryPolicy
from compass_desk.domain.models import Environment
from compass_desk.domain.reset_flow import FlowConfig
from compass_desk.services.session import Session
from compass_desk.sim import DEMO_PASSWORD


@pytest.fixture
def make_session(simulator):
    """A signed-in, refreshed Session on the simulator for one of the demo users."""
    made = []

    def make(user="demo"):
        env = Environment("production", simulator.base_url, user)
        timeout = httpx.Timeout(connect=2.0, read=10.0, write=10.0, pool=10.0)
        retry = RetryPolicy(attempts=2, sleep=lambda s: None)
        client = CompassClient(env, DEMO_PASSWORD, retry=retry, timeout=timeout)
        created = Session(client, env)
        made.append(created)
        created.refresh()
        return created

    yield make
    for created in made:
        created.close()


@pytest.fixture
def session(make_session):
    return make_session("demo")


@pytest.fixture
def audit(tmp_path):
    from compass_desk.store.audit import AuditLog

    log = AuditLog(tmp_path / "state.sqlite3")
    yield log
    log.close()


@pytest.fixture
def confirmations(monkeypatch):
    """Every confirmation is answered Yes; the questions asked are collected."""
    from compass_desk.gui.reset_wizard import common

    asked: list[str] = []

    def yes(parent, title, text, yes="Yes"):
        asked.append(text)
        return True

    monkeypatch.setattr(common, "confirm", yes)
    return asked


@pytest.fixture
def make_wizard(qtbot, session, audit):
    from compass_desk.gui.reset_wizard import ResetWizard

    made = []

    def make(**kw):
        kw.setdefault("config", FlowConfig(settle_s=0))
        kw.setdefault("poll_interval_ms", 40)
        kw.setdefault("audit", audit)
        wizard = ResetWizard(kw.pop("session", session), **kw)
        qtbot.addWidget(wizard, before_close_func=lambda w: w.shutdown())
        made.append(wizard)
        wizard.show()
        return wizard

    yield make
    for wizard in made:
        wizard.shutdown()
