"""The unfinished-moves dialog, the environment switch dialog and the bulk move dialog, on the simulator."""

from __future__ import annotations

import os

import httpx
import pytest
from PySide6.QtCore import Qt

from compass_desk.domain.move_plan import MoveMethod
from compass_desk.gui.bulk_move import BulkMoveDialog
from compass_desk.gui.move_env import EnvSwitchDialog
from compass_desk.gui.move_resume import ResumeMovesDialog, unfinished_moves
from compass_desk.gui.worker import Worker
from compass_desk.services.moves import MoveService
from compass_desk.sim import SimConfig, Simulator
from compass_desk.store.journal import Journal

from .move_helpers import HookTransport, count_everywhere, make_session, pick_phone

PNG_DIR = os.environ.get("COMPASS_MOVE_PNG")


def _grab(widget, name):
    if PNG_DIR:
        widget.grab().save(os.path.join(PNG_DIR, f"{name}.png"))


@pytest.fixture
def worker(qtbot):
    made = Worker()
    yield made
    made.shutdown()


class Crash(BaseException):
    pass


def test_unfinished_move_is_offered_at_next_start_and_finished(qtbot, simulator, journal_path, worker,
                                                               monkeypatch):
    session = make_session(simulator)
    journal = Journal(journal_path)
    try:
        phone, _source, target = pick_phone(session)
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
    # Next start: a fresh session, the same journal file.
    session = make_session(simulator)
    journal = Journal(journal_path)
    try:
        session.load_companies()
        assert [op.payload["mac"] for op in unfinished_moves(journal, session.environment)] == [phone.mac]
        dialog = ResumeMovesDialog(journal, worker, session)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.list.count() == 1
        assert "last step: adding it to the new organisation started" in dialog.list.item(0).text()
        assert dialog.finish_button.isEnabled() and dialog.undo_button.isEnabled()
        _grab(dialog, "5-resume")
        asked = []
        monkeypatch.setattr("compass_desk.gui.move_resume.confirm", lambda *a: asked.append(a[2]) and False)
        qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)  # "no": nothing happens
        assert not dialog.busy and dialog.list.count() == 1
        assert phone.mac[-4:].upper() in asked[0].replace(":", "").upper() and target.name in asked[0]
        assert session.environment.name in asked[0]
        monkeypatch.setattr("compass_desk.gui.move_resume.confirm", lambda *a: True)
        with qtbot.waitSignal(dialog.resolved, timeout=10_000) as resolved:
            qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
        assert resolved.args[0].phone.company_url == target.url
        assert dialog.list.count() == 0 and dialog.later_button.text() == "Close"
        assert unfinished_moves(journal) == []
        assert count_everywhere(simulator, phone.mac) == 1
    finally:
        journal.close()
        session.close()


def test_moves_of_another_environment_are_shown_but_not_actionable(qtbot, simulator, journal_path, worker):
    with Journal(journal_path) as journal:
        journal.begin("manual-move", {
            "environment": "elsewhere", "base_url": "https://rest.example.org", "mac": "000413aabbcc",
            "source": {"name": "A"}, "target": {"name": "B"},
        })
        session = make_session(simulator)
        try:
            dialog = ResumeMovesDialog(journal, worker, session)
            qtbot.addWidget(dialog)
            assert "Sign in to elsewhere" in dialog.list.item(0).text()
            assert not dialog.finish_button.isEnabled()
            assert unfinished_moves(journal, session.environment) == []
        finally:
            session.close()


def test_environment_switch_dialog_shows_both_sides(qtbot, simulator, worker, monkeypatch):
    with Simulator(SimConfig(environment="staging", seed=1)) as staging:
        prod, stage = make_session(simulator), make_session(staging)
        try:
            prod.refresh()
            stage.load_companies()
            on_stage = {p.mac for p in make_session_phones(staging)}
            phone = next(p for p in prod.phones if p.mac not in on_stage)
            dialog = EnvSwitchDialog(prod, stage, worker, phone)
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
            assert dialog.target_panel.values["Organisation"].text() == "not on this environment"
            assert dialog.source_panel.values["Name"].text() == phone.name
            assert dialog.companies.isVisible() and dialog.companies.count() > 0
            # No organisation on staging has the same name: nothing is preselected, the user picks one.
            assert dialog.companies.currentIndex() == -1 and not dialog.use_button.isEnabled()
            assert "exactly the same name" in dialog.message.text()
            dialog.companies.setCurrentIndex(0)
            chosen = dialog.companies.currentData()
            assert dialog.use_button.isEnabled()
            assert dialog.use_button.text() == f"Use in “{chosen.name}” on staging"
            _grab(dialog, "6-environment-before")
            asked = []
            monkeypatch.setattr("compass_desk.gui.move_env.confirm", lambda *a: asked.append(a[2]) or True)
            with qtbot.waitSignal(dialog.switched, timeout=10_000):
                qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
            assert chosen.name in asked[0] and "staging" in asked[0] and phone.name in asked[0]
            state = dialog.target_panel.values["Provisioning by manufacturer"].text()
            assert state == "Active: awaiting reset"
            assert dialog.source_panel.values["Organisation"].text() != "not on this environment"
            assert "next factory reset" in dialog.message.text() and dialog.guide_button.isVisible()
            _grab(dialog, "7-environment-after")
            assert count_everywhere(staging, phone.mac) == 1 and count_everywhere(simulator, phone.mac) == 1
        finally:
            prod.close()
            stage.close()


def make_session_phones(sim):
    session = make_session(sim)
    try:
        return session.refresh().phones
    finally:
        session.close()


def test_bulk_dialog_one_failure_then_retry(qtbot, simulator, journal, worker, monkeypatch):
    transport = HookTransport()
    session = make_session(simulator, transport=transport)
    try:
        result = session.refresh()
        source, target = result.companies[4], result.companies[5]
        phones = [p for p in result.phones if p.company_url == source.url][:3]
        calls = []

        def busy_once(request):
            calls.append(1)
            return httpx.Response(503, json={"message": "busy"}) if len(calls) == 1 else None

        transport.before[("POST", phones[2].url.removeprefix(simulator.base_url) + "/migrateToCompany")] = \
            busy_once
        dialog = BulkMoveDialog(MoveService(session, journal), worker, phones, rate_per_s=1000)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.choose(target.url) and not dialog.choose(source.url + "-unknown")
        asked = []
        monkeypatch.setattr("compass_desk.gui.bulk_move.confirm", lambda *a: asked.append(a[2]) and False)
        qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)  # "no": nothing is sent
        assert dialog.job is None and dialog.run_result is None
        assert all(session.client.phone(p.url).company_url == source.url for p in phones)
        assert "Move 3 phones" in asked[0] and target.name in asked[0] and source.name in asked[0]
        assert session.environment.name in asked[0] and all(p.name in asked[0] for p in phones)
        monkeypatch.setattr("compass_desk.gui.bulk_move.confirm", lambda *a: asked.append(a[2]) or True)
        with qtbot.waitSignal(dialog.finished_run, timeout=10_000) as first:
            qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
        assert [r.ok for r in first.args[0].results] == [True, True, False]
        assert dialog.retry_button.isVisible() and "1 failed" in dialog.summary.text()
        assert "internal problem" in dialog.table.item(2, 3).text()
        _grab(dialog, "8-bulk-one-failed")
        with qtbot.waitSignal(dialog.finished_run, timeout=10_000) as second:
            qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
        assert "Move 1 phone to" in asked[-1] and phones[2].name in asked[-1]  # the retry is confirmed too
        assert all(r.ok for r in second.args[0].results)
        assert not dialog.retry_button.isVisible()
        for phone in phones:
            assert session.client.phone(phone.url).company_url == target.url
    finally:
        session.close()


def test_bulk_dialog_for_a_read_only_user_moves_nothing(qtbot, simulator, journal, worker):
    session = make_session(simulator, user="helpdesk")
    try:
        result = session.refresh()
        dialog = BulkMoveDialog(MoveService(session, journal), worker, result.phones[:2])
        qtbot.addWidget(dialog)
        assert dialog.chosen() is None and not dialog.move_button.isEnabled()
        assert "read-only" in dialog.summary.text()
    finally:
        session.close()
