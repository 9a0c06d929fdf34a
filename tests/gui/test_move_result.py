"""The Move wizard's result page: Close only (no Cancel once the move is over), and after a move by
hand a reminder to reset the phone before the deadline its re-adding started, in English and Dutch.
Screenshots go to /tmp/move-result-*.png."""

from __future__ import annotations

import httpx
import pytest
from dutch_check import english_left
from PySide6.QtWidgets import QApplication, QWizard

from compass_desk.api.client import CompassClient
from compass_desk.api.transport import RetryPolicy
from compass_desk.domain.models import Environment, ProvisioningState
from compass_desk.domain.move_plan import MoveMethod
from compass_desk.gui.move_wizard import MoveWizard
from compass_desk.gui.worker import Worker
from compass_desk.services.moves import MoveService
from compass_desk.services.session import Session
from compass_desk.store.journal import Journal

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
TIMEOUT = httpx.Timeout(connect=2.0, read=5.0, write=5.0, pool=5.0)


@pytest.fixture
def bed(simulator, tmp_path, qapp):
    env = Environment(simulator.config.environment, simulator.base_url, "demo")
    retry = RetryPolicy(attempts=2, sleep=lambda s: None)
    client = CompassClient(env, "compass-demo", timeout=TIMEOUT, retry=retry)
    session = Session(client, env)
    session.refresh()
    worker = Worker()
    with Journal(tmp_path / "state.sqlite3") as journal:
        yield session, journal, worker
        worker.shutdown()
    session.close()


def moved(qtbot, bed, method, index=2):
    session, journal, worker = bed
    source, target = session.companies[index], session.companies[index + 1]
    phone = next(p for p in session.phones if p.company_url == source.url)
    wizard = MoveWizard(MoveService(session, journal), worker, phone)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.target_page.select(target.url)
    wizard.next()
    wizard.method_page.radios[method].setChecked(True)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.done, timeout=15_000)
    QApplication.processEvents()
    return wizard


def buttons(wizard):
    shown = [wizard.button(b) for b in (QWizard.WizardButton.CancelButton, QWizard.WizardButton.FinishButton,
                                        QWizard.WizardButton.BackButton)]
    return [b.text().replace("&", "") for b in shown if b.isVisible()]


def test_a_move_by_hand_ends_with_close_only_and_the_reset_deadline(qtbot, bed):
    wizard = moved(qtbot, bed, MoveMethod.MANUAL)
    run = wizard.run_page
    assert wizard.outcome is not None and wizard.outcome.phone.provisioning is ProvisioningState.ACTIVE
    assert buttons(wizard) == ["Close"]
    notes = run.notes.text()
    assert "Reset the phone before the deadline (Amsterdam time): Wednesday " in notes, notes
    assert "00:00 (the night from Tuesday to Wednesday)." in notes
    assert "until you press Activate again" in notes
    assert run.guide_button.isVisible()
    wizard.grab().save("/tmp/move-result-manual-en.png")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.isVisible()


def test_a_move_by_api_ends_with_close_only_and_no_reset_reminder(qtbot, bed):
    wizard = moved(qtbot, bed, MoveMethod.API)
    assert buttons(wizard) == ["Close"]
    assert "Reset the phone" not in wizard.run_page.notes.text()


def test_the_result_page_in_dutch(qtbot, dutch, bed):
    wizard = moved(qtbot, bed, MoveMethod.MANUAL)
    assert buttons(wizard) == ["Sluiten"]
    notes = wizard.run_page.notes.text()
    assert "Reset de telefoon vóór de deadline (Amsterdamse tijd): woensdag " in notes, notes
    assert "00:00 (de nacht van dinsdag op woensdag)." in notes
    wizard.grab().save("/tmp/move-result-manual-nl.png")
    assert english_left(wizard) == []
