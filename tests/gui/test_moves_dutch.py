"""The move screens in Dutch on the simulator: the Move wizard (choice, method, confirmation, progress,
success, refusal, a failure half-way by the simulator's faults and its retry), the environment switch,
the unfinished-moves dialog and the bulk move results show no English. Screenshots go to
/tmp/nl-moves-*.png for a look."""

from __future__ import annotations

import dataclasses

import httpx
import pytest
from dutch_check import english_left, looks_english
from PySide6.QtWidgets import QApplication

from compass_desk.api.client import CompassClient
from compass_desk.api.transport import RetryPolicy
from compass_desk.domain.models import Access, Environment
from compass_desk.domain.move_plan import MoveMethod
from compass_desk.gui.bulk_move import BulkMoveDialog
from compass_desk.gui.move_env import EnvSwitchDialog
from compass_desk.gui.move_resume import ResumeMovesDialog
from compass_desk.gui.move_wizard import MoveWizard
from compass_desk.gui.worker import Worker
from compass_desk.services.moves import MoveService
from compass_desk.services.session import Session
from compass_desk.sim import SimConfig, Simulator
from compass_desk.store.journal import Journal

TIMEOUT = httpx.Timeout(connect=2.0, read=5.0, write=5.0, pool=5.0)
WAIT_MS = 15_000






@pytest.fixture
def worker(qapp):
    made = Worker()
    yield made
    made.shutdown()


@pytest.fixture
def sessions():
    """make(sim, user="demo", hooks=None) -> a Session (httpx event *hooks*); all closed afterwards."""
    made = []

    def make(sim, user="demo", hooks=None):
        env = Environment(sim.config.environment, sim.base_url, user)
        http = httpx.Client(timeout=TIMEOUT, event_hooks=hooks) if hooks else None
        client = CompassClient(env, "compass-demo", http_client=http, timeout=TIMEOUT,
                               retry=RetryPolicy(attempts=2, sleep=lambda s: None))
        session = Session(client, env)
        made.append((session, http))
        return session

    yield make
    for session, http in made:
        session.close()
        if http is not None:
            http.close()


@pytest.fixture
def journal(tmp_path):
    with Journal(tmp_path / "state.sqlite3") as opened:
        yield opened


def check(widget, name):
    """The screen saved as a PNG (laid out as the user sees it), and no English sentence left on it.

    Nothing is passed as *allowed*: a text holding an allowed name would be skipped whole, and the
    simulator's data (Dutch organisation and phone names) holds no English words anyway.
    """
    QApplication.processEvents()
    widget.grab().save(f"/tmp/nl-moves-{name}.png")
    assert english_left(widget) == []


def open_wizard(qtbot, session, journal, worker, phone, companies=None):
    wizard = MoveWizard(MoveService(session, journal), worker, phone, companies)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def to_confirmation(wizard, target, method):
    assert wizard.target_page.select(target.url)
    wizard.next()
    wizard.method_page.radios[method].setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.confirm_page


def test_wizard_api_move_in_dutch(qtbot, dutch, simulator, sessions, journal, worker):
    session = sessions(simulator)
    session.refresh()
    source = session.companies[2]
    phone = next(p for p in session.phones if p.company_url == source.url)
    # Some organisations read-only: they show greyed with the reason, in Dutch.
    companies = [dataclasses.replace(c, access=Access.READ) if i % 3 == 1 else c
                 for i, c in enumerate(session.companies)]
    target = companies[3]
    wizard = open_wizard(qtbot, session, journal, worker, phone, companies)
    page = wizard.target_page
    assert any("alleen leesrechten" in page.list.item(r).text() for r in range(page.list.count()))
    check(wizard, "wizard-1-target")
    assert page.select(target.url)
    wizard.next()
    assert "vrijwel meteen" in wizard.method_page.notes[MoveMethod.API].text().lower()
    check(wizard, "wizard-2-method")
    wizard.next()
    check(wizard, "wizard-3-confirm-api")
    wizard.next()
    run = wizard.run_page
    qtbot.waitUntil(lambda: run.done, timeout=WAIT_MS)
    assert "staat nu in" in run.result.text() and target.name in run.result.text()
    check(wizard, "wizard-4-api-moved")


def test_wizard_manual_move_failing_half_way_then_retried_in_dutch(qtbot, dutch, simulator, sessions,
                                                                   journal, worker):
    def faults_after_remove(response):  # the phone is removed; then Compass fails every request
        if response.request.method == "DELETE":
            simulator.set_faults(fault_rate=1.0)

    session = sessions(simulator, hooks={"response": [faults_after_remove]})
    session.refresh()
    source, target = session.companies[4], session.companies[5]
    phone = next(p for p in session.phones if p.company_url == source.url)
    wizard = open_wizard(qtbot, session, journal, worker, phone)
    to_confirmation(wizard, target, MoveMethod.MANUAL)
    losses = wizard.confirm_page.losses.text()
    assert "gaan niet mee" in losses and "fabrieksinstellingen" in losses
    check(wizard, "wizard-5-confirm-manual")
    run = wizard.run_page
    try:
        wizard.next()
        qtbot.waitUntil(lambda: run.done, timeout=WAIT_MS)
    finally:
        simulator.set_faults(fault_rate=0.0)
    assert run.retry_button.isVisible() and run.undo_button.isVisible()
    assert "niet af" in run.status.text() and "maak haar ongedaan" in run.result.text()
    check(wizard, "wizard-6-failed-half-way")
    run.retry_button.click()
    qtbot.waitUntil(lambda: run.done and run.guide_button.isVisible(), timeout=WAIT_MS)
    assert "staat nu in" in run.result.text() and "fabrieksinstellingen" in run.result.text()
    check(wizard, "wizard-7-manual-moved")


def test_wizard_progress_labels_are_dutch(qtbot, dutch, simulator, sessions, journal, worker):
    session = sessions(simulator)
    session.refresh()
    source, target = session.companies[6], session.companies[7]
    phone = next(p for p in session.phones if p.company_url == source.url)
    wizard = open_wizard(qtbot, session, journal, worker, phone)
    to_confirmation(wizard, target, MoveMethod.MANUAL)
    labels = []
    wizard.run_page.status.setText = lambda text, _set=wizard.run_page.status.setText: (  # type: ignore
        labels.append(text), _set(text))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.done, timeout=WAIT_MS)
    steps = labels[:-1]  # the last one is the verdict
    assert len(steps) >= 4, labels
    for label in steps:
        assert not looks_english(label.replace(phone.name, "").replace(target.name, "")
                                 .replace(source.name, "")), label


def test_wizard_refusal_for_a_read_only_user_in_dutch(qtbot, dutch, simulator, sessions, journal, worker):
    session = sessions(simulator, user="helpdesk")
    session.refresh()
    phone = session.phones[0]
    wizard = open_wizard(qtbot, session, journal, worker, phone)
    assert wizard.target_page.refusal.isVisible()
    check(wizard, "wizard-8-refused")


@pytest.fixture
def staging():
    with Simulator(SimConfig(environment="staging", seed=1)) as sim:
        yield sim


def test_environment_switch_in_dutch(qtbot, dutch, simulator, staging, sessions, worker, monkeypatch):
    prod, stage = sessions(simulator), sessions(staging)
    prod.refresh()
    stage.refresh()
    on_stage = {p.mac for p in stage.phones}
    phone = next(p for p in prod.phones if p.mac not in on_stage)
    dialog = EnvSwitchDialog(prod, stage, worker, phone)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=WAIT_MS)
    check(dialog, "env-1-before")
    dialog.companies.setCurrentIndex(0)
    asked = []
    monkeypatch.setattr("compass_desk.gui.move_env.confirm", lambda *a: asked.append(a[2]) or True)
    with qtbot.waitSignal(dialog.switched, timeout=WAIT_MS):
        dialog.use_button.click()
    assert not looks_english(asked[0].replace(phone.name, "")), asked[0]
    text = dialog.message.text()
    assert "toegevoegd op staging" in text and "geactiveerd op staging" in text and "fabrieksreset" in text
    check(dialog, "env-2-switched")


def test_environment_switch_refused_in_dutch(qtbot, dutch, simulator, staging, sessions, worker,
                                             monkeypatch):
    prod, stage = sessions(simulator), sessions(staging, user="helpdesk")
    prod.refresh()
    stage.refresh()
    produced = {p.mac: p for p in prod.phones}
    existing = next(p for p in stage.phones if p.mac in produced)
    dialog = EnvSwitchDialog(prod, stage, worker, produced[existing.mac])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=WAIT_MS)
    monkeypatch.setattr("compass_desk.gui.move_env.confirm", lambda *a: True)
    dialog.use_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and "alleen leesrechten" in dialog.message.text(),
                    timeout=WAIT_MS)
    check(dialog, "env-3-refused")


class Crash(BaseException):
    pass


def test_resume_dialog_for_an_interrupted_move_in_dutch(qtbot, dutch, simulator, sessions, journal, worker,
                                                        monkeypatch):
    session = sessions(simulator)
    session.refresh()
    source, target = session.companies[8], session.companies[9]
    phone = next(p for p in session.phones if p.company_url == source.url)
    service = MoveService(session, journal)
    plan = service.plan(phone, target, MoveMethod.MANUAL)
    add = session.add_phone

    def die(*args, **kwargs):
        raise Crash()

    session.add_phone = die  # type: ignore[method-assign]  # the app stopped during the re-add
    with pytest.raises(Crash):
        service.move_manual(plan)
    session.add_phone = add  # type: ignore[method-assign]
    # A second move, made on another environment: listed, but only finished there.
    journal.begin("manual-move", {**journal.unfinished()[0].payload, "environment": "staging",
                                  "base_url": "https://elsewhere.invalid"})
    dialog = ResumeMovesDialog(journal, worker, session)
    qtbot.addWidget(dialog)
    dialog.show()
    first = dialog.list.item(0).text()
    assert "laatste stap: toevoegen aan de nieuwe organisatie gestart" in first
    assert "Meld je aan bij staging" in dialog.list.item(1).text()
    check(dialog, "resume-1-offered")
    asked = []
    monkeypatch.setattr("compass_desk.gui.move_resume.confirm", lambda *a: asked.append(a[2]) or True)
    with qtbot.waitSignal(dialog.resolved, timeout=WAIT_MS):
        dialog.finish_button.click()
    assert not looks_english(asked[0].replace(phone.name, "")), asked[0]
    assert "staat nu in" in dialog.message.text()
    check(dialog, "resume-2-finished")


def test_bulk_move_results_in_dutch(qtbot, dutch, simulator, sessions, journal, worker, monkeypatch):
    migrations = []

    def fault_on(request):  # Compass fails the second move (only that request)
        if request.url.path.endswith("/migrateToCompany"):
            migrations.append(request)
            if len(migrations) == 2:
                simulator.set_faults(fault_rate=1.0)

    def fault_off(response):
        simulator.set_faults(fault_rate=0.0)

    session = sessions(simulator, hooks={"request": [fault_on], "response": [fault_off]})
    session.refresh()
    source, target = session.companies[10], session.companies[11]
    mine = [p for p in session.phones if p.company_url == source.url][:3]
    there = next(p for p in session.phones if p.company_url == target.url)
    # One phone whose organisation is read-only for this user: refused without a request.
    ro_company = session.companies[1]
    ro_phone = next(p for p in session.phones if p.company_url == ro_company.url)
    read_only = dataclasses.replace(ro_company, access=Access.READ)
    known = session.company
    monkeypatch.setattr(session, "company", lambda url: read_only if url == read_only.url else known(url))
    phones = [*mine, there, ro_phone]
    dialog = BulkMoveDialog(MoveService(session, journal), worker, phones, rate_per_s=1000)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.choose(target.url)
    check(dialog, "bulk-1-before")
    monkeypatch.setattr("compass_desk.gui.bulk_move.confirm", lambda *a: True)
    try:
        with qtbot.waitSignal(dialog.finished_run, timeout=WAIT_MS) as done:
            dialog.move_button.click()
    finally:
        simulator.set_faults(fault_rate=0.0)
    run = done.args[0]
    assert [r.ok for r in run.results] == [True, False, True, True, False], [r.message for r in run.results]
    summary = dialog.summary.text()
    assert "3 van 5 telefoons verplaatst naar" in summary and "2 mislukt" in summary, summary
    results = [dialog.table.item(row, 3).text() for row in range(len(phones))]
    assert results[0] == "Verplaatst en gecontroleerd." and results[3] == "Staat er al."
    assert "alleen leesrechten" in results[4]
    check(dialog, "bulk-2-results")
