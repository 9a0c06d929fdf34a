"""The Move wizard on the simulator: target choice with greyed organisations, method, confirm, run, verify."""

from __future__ import annotations

import dataclasses
import os

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from compass_desk.api.client import CompassClient
from compass_desk.api.transport import RetryPolicy
from compass_desk.domain.models import Access, Environment
from compass_desk.domain.move_plan import MoveMethod
from compass_desk.gui.move_wizard import MoveWizard
from compass_desk.gui.worker import Worker
from compass_desk.services.moves import MoveService
from compass_desk.services.session import Session
from compass_desk.store.journal import Journal

PNG_DIR = os.environ.get("COMPASS_MOVE_PNG")  # set to a folder to keep screenshots of each page


def _session(sim, user="demo"):
    env = Environment("production", sim.base_url, user)
    timeout = httpx.Timeout(connect=2.0, read=5.0, write=5.0, pool=5.0)
    client = CompassClient(env, "compass-demo", retry=RetryPolicy(attempts=2, sleep=lambda s: None),
                           timeout=timeout)
    return Session(client, env)


@pytest.fixture
def bed(simulator, tmp_path, qtbot):
    made = []

    def make(user="demo"):
        session = _session(simulator, user)
        session.refresh()
        journal = Journal(tmp_path / "state.sqlite3")
        worker = Worker()
        made.append((session, journal, worker))
        return session, journal, worker

    yield make
    for session, journal, worker in made:
        worker.shutdown()
        journal.close()
        session.close()


def _grab(wizard, name):
    if PNG_DIR:
        wizard.grab().save(os.path.join(PNG_DIR, f"{name}.png"))


def _phone_and_target(session, index=2):
    source = session.companies[index]
    phone = next(p for p in session.phones if p.company_url == source.url)
    return phone, source, session.companies[index + 1]


def _open(qtbot, session, journal, worker, phone, companies=None):
    wizard = MoveWizard(MoveService(session, journal), worker, phone, companies)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_api_move_through_the_wizard(qtbot, bed, simulator):
    session, journal, worker = bed()
    phone, source, target = _phone_and_target(session)
    # Make some organisations read-only in the list the wizard gets: they must show greyed, with the reason.
    companies = [dataclasses.replace(c, access=Access.READ) if i % 3 == 1 else c
                 for i, c in enumerate(session.companies)]
    wizard = _open(qtbot, session, journal, worker, phone, companies)
    page = wizard.target_page
    greyed = [page.list.item(r) for r in range(page.list.count())
              if not page.list.item(r).flags() & Qt.ItemFlag.ItemIsSelectable]
    assert any("read-only" in item.text() for item in greyed)
    assert any("already here" in item.toolTip() for item in greyed)
    assert not page.isComplete()
    page.search.setText(target.name.split()[0])
    assert not page.list.item(session.companies.index(target)).isHidden()
    assert page.select(target.url) and page.isComplete()
    assert not page.select(companies[1].url)  # read-only: cannot be chosen
    assert page.select(target.url)
    _grab(wizard, "1-target")
    wizard.next()
    assert wizard.method_page.method().value == "api"
    assert "no reset" in wizard.method_page.notes[wizard.method_page.method()].text()
    _grab(wizard, "2-method")
    wizard.next()
    fields = {k: v.text() for k, v in wizard.confirm_page.fields.items()}
    assert fields["To"] == target.name and fields["From"] == source.name
    assert fields["Environment"] == "production"
    assert "Move with the API" in fields["Method"]
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Move"
    _grab(wizard, "3-confirm")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.done, timeout=10_000)
    assert "display almost at once" in wizard.run_page.result.text()
    assert "Verified" in wizard.run_page.status.text()
    _grab(wizard, "4-done")
    assert session.client.phone(phone.url).company_url == target.url


def test_read_only_user_is_refused_on_the_first_page(qtbot, bed):
    session, journal, worker = bed(user="helpdesk")
    phone, _source, _target = _phone_and_target(session)
    wizard = _open(qtbot, session, journal, worker, phone)
    page = wizard.target_page
    assert page.refusal.isVisible() and "read-only" in page.refusal.text()
    assert not page.isComplete() and not page.list.isEnabled()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    _grab(wizard, "0-read-only")
    assert journal.operations() == []


def test_manual_move_readd_fails_then_put_back(qtbot, bed, simulator, monkeypatch):
    session, journal, worker = bed()
    phone, source, target = _phone_and_target(session, 4)
    wizard = _open(qtbot, session, journal, worker, phone)
    wizard.target_page.select(target.url)
    wizard.next()
    wizard.method_page.radios[wizard.method_page.method().__class__("manual")].setChecked(True)
    wizard.next()
    assert "not carried over" in wizard.confirm_page.losses.text()
    _grab(wizard, "3-confirm-manual")
    original_add = Session.add_phone

    def failing_add(self, company, **kwargs):
        if company.url == target.url:
            from compass_desk.api.errors import PermissionDeniedError

            raise PermissionDeniedError("You are not allowed to add the phone there.", status=403)
        return original_add(self, company, **kwargs)

    monkeypatch.setattr(Session, "add_phone", failing_add)
    wizard.next()
    run = wizard.run_page
    qtbot.waitUntil(lambda: run.done, timeout=10_000)
    assert run.retry_button.isVisible() and run.undo_button.isVisible()
    assert "not allowed" in run.result.text()
    _grab(wizard, "4-readd-failed")
    qtbot.mouseClick(run.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: run.done and "back in" in run.result.text(), timeout=10_000)
    assert [p.mac for p in session.client.phones(source)].count(phone.mac) == 1
    assert journal.unfinished() == []


def test_without_migrate_the_wizard_defaults_to_the_move_by_hand(qtbot, tmp_path):
    from compass_desk.sim import SimConfig, Simulator

    with Simulator(SimConfig(disabled_operations=frozenset({"migrate"}))) as sim:
        session = _session(sim)
        journal = Journal(tmp_path / "journal.sqlite3")
        worker = Worker()
        try:
            session.refresh()
            phone, _source, target = _phone_and_target(session)
            wizard = _open(qtbot, session, journal, worker, phone)
            wizard.target_page.select(target.url)
            wizard.next()
            page = wizard.method_page
            assert page.method().value == "manual"
            assert not page.radios[page.method().__class__("api")].isEnabled()
            assert "does not offer it" in page.notes[page.method().__class__("api")].text()
        finally:
            worker.shutdown()
            journal.close()
            session.close()


# --- from the main window (demo simulators) ----------------------------------------------------

def test_move_button_of_the_main_window_opens_the_wizard_and_the_table_follows(qtbot, make_context,
                                                                               make_window):
    from gui_helpers import select_phone

    from compass_desk.gui.move_wizard import MoveWizard

    window = make_window(make_context())
    row = window.model.rows()[3]
    select_phone(qtbot, window, row)
    button = window.details.buttons["move"]
    qtbot.waitUntil(lambda: button.isVisible() and button.isEnabled(), timeout=5_000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wizard = next(w for w in window.findChildren(MoveWizard))
    target = next(c for c in window.browser.session.companies if c.url != row.phone.company_url)
    assert wizard.target_page.select(target.url)
    wizard.next()
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.done, timeout=10_000)
    assert "almost at once" in wizard.run_page.result.text()
    qtbot.waitUntil(lambda: window.model.row_at(window.model.row_for_url(row.url)).phone.company_url
                    == target.url, timeout=10_000)
    wizard.accept()


def test_unfinished_moves_are_offered_by_the_main_window_at_start(qtbot, make_context, make_window,
                                                                  monkeypatch):
    from compass_desk.gui.move_launch import offer_unfinished_moves
    from compass_desk.gui.move_resume import open_journal

    context = make_context()
    window = make_window(context)
    assert offer_unfinished_moves(window, window.browser) is None  # nothing to offer
    session = window.browser.session
    phone = window.model.rows()[8].phone
    target = next(c for c in session.companies if c.url != phone.company_url)
    journal = open_journal(context.paths)
    try:
        service = MoveService(session, journal)
        plan = service.plan(phone, target, MoveMethod.MANUAL)
        original = session.add_phone

        class Crash(BaseException):
            pass

        def die(*args, **kwargs):
            raise Crash()

        session.add_phone = die
        try:
            with pytest.raises(Crash):
                service.move_manual(plan)
        finally:
            session.add_phone = original
    finally:
        journal.close()
    dialog = offer_unfinished_moves(window, window.browser)
    assert dialog is not None and dialog.list.count() == 1
    monkeypatch.setattr("compass_desk.gui.move_resume.confirm", lambda *a: True)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.list.count() == 0, timeout=10_000)
    assert "back in" in dialog.message.text()
    dialog.reject()


def test_bulk_and_environment_switch_from_the_main_window(qtbot, make_context, make_window, monkeypatch):
    from compass_desk.gui.bulk_move import BulkMoveDialog
    from compass_desk.gui.move_env import EnvSwitchDialog
    from compass_desk.gui.move_launch import open_bulk_move, open_environment_switch

    context = make_context()
    window = make_window(context)
    source = window.browser.session.companies[2]
    phones = [r.phone for r in window.model.rows() if r.phone.company_url == source.url][:2]
    dialog = open_bulk_move(window, window.browser, phones)
    assert isinstance(dialog, BulkMoveDialog) and dialog.move_button.isEnabled()
    dialog.rate = 1000
    monkeypatch.setattr("compass_desk.gui.bulk_move.confirm", lambda *a: True)
    with qtbot.waitSignal(dialog.finished_run, timeout=10_000) as run:
        qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
    assert all(r.ok for r in run.args[0].results)
    dialog.reject()
    staging = next(e for e in context.environments if "staging" in e.name)
    open_environment_switch(window, window.browser, phones[0], staging)
    qtbot.waitUntil(lambda: bool(window.findChildren(EnvSwitchDialog)), timeout=10_000)
    switch = window.findChildren(EnvSwitchDialog)[0]
    qtbot.waitUntil(lambda: switch.loaded, timeout=10_000)
    assert switch.source_panel.values["Name"].text() == phones[0].name
    switch.reject()
