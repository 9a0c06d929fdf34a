"""The firmware dialog and overview in Dutch on the simulator: every state a user sees (a choice, a
risky choice with its second confirmation, a refusal, progress, results, the overview) shows no
English. Screenshots go to /tmp/nl-firmware-*.png for a look."""

from __future__ import annotations

import httpx
import pytest
from dutch_check import english_left
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from test_firmware_dialog import TIMEOUT, FailingTransport, choose, model_phones, open_dialog, record

from compass_desk.api.client import CompassClient
from compass_desk.api.transport import RetryPolicy
from compass_desk.domain.models import Environment
from compass_desk.gui.firmware_overview import FirmwareOverviewDialog
from compass_desk.gui.worker import Worker
from compass_desk.services.firmware import FirmwareService
from compass_desk.services.session import Session


@pytest.fixture
def worker(qapp):
    worker = Worker()
    yield worker
    worker.shutdown()


@pytest.fixture
def make_service(simulator):
    """make(user="demo", transport=None, rate_per_s=1000) -> a FirmwareService on the simulator."""
    made = []

    def make(user="demo", transport=None, rate_per_s=1000.0):
        env = Environment("sim", simulator.base_url, user)
        http = httpx.Client(transport=transport, timeout=TIMEOUT) if transport else None
        client = CompassClient(env, "compass-demo", http_client=http, timeout=TIMEOUT,
                               retry=RetryPolicy(attempts=2, sleep=lambda s: None))
        session = Session(client, env)
        made.append((session, http))
        session.refresh()
        return FirmwareService(session, rate_per_s=rate_per_s)

    yield make
    for session, http in made:
        session.close()
        if http is not None:
            http.close()






@pytest.fixture
def boxes(monkeypatch):
    """The confirmation boxes the dialog opens as (English left, text), each answered "yes"."""
    seen = []

    def answer(box):
        box.show()
        seen.append((shown(box, f"box-{len(seen) + 1}"), box.text()))
        for button in box.buttons():
            if box.buttonRole(button) == QMessageBox.ButtonRole.DestructiveRole \
                    or box.standardButton(button) == QMessageBox.StandardButton.Yes:  # "Change anyway", "Ja"
                button.click()
                return 0
        raise AssertionError("the box offers no yes button")

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return seen


def shown(widget, name):
    """English left on *widget* (after its layout settled); saves /tmp/nl-firmware-<name>.png."""
    QApplication.processEvents()
    QApplication.processEvents()
    assert widget.grab().save(f"/tmp/nl-firmware-{name}.png")
    return english_left(widget)


def test_a_choice_a_downgrade_its_confirmations_and_the_result(dutch, boxes, qtbot, simulator,
                                                                make_service, worker):
    service = make_service()
    phone = model_phones(simulator, service, "snom-d3", 1, installed_index=1)[0]
    versions = simulator.engine.catalog.get(phone.model).demo_firmwares
    dialog = open_dialog(qtbot, service, worker, [phone])
    assert dialog.choices.item(0).text() == "Geïnstalleerde firmware gebruiken — nu gekozen"
    assert dialog.choices.item(1).text() == f"{versions[0]}: ouder dan geïnstalleerd"
    assert dialog.installed_label.text().startswith("Geïnstalleerd: Snom V10-firmware voor bureautoestellen")
    assert shown(dialog, "loaded") == []

    choose(dialog, versions[2])  # an upgrade: one confirmation
    assert dialog.explanation.text().startswith(f"Compass zet de URL van firmware {versions[2]}")
    assert dialog.warning.isHidden()
    assert shown(dialog, "upgrade") == []

    choose(dialog, versions[0])  # a downgrade: a warning and a second confirmation
    assert dialog.warning.isVisible()
    assert f"{versions[0]} is ouder dan de geïnstalleerde {versions[1]}" in dialog.warning.text()
    assert "Downgraden via provisioning lukt niet altijd" in dialog.explanation.text()
    assert shown(dialog, "downgrade") == []

    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None and dialog.run is not None, timeout=10_000)
    assert [english for english, _ in boxes] == [[], []]  # "Set the firmware …?" and the second one
    assert boxes[0][1].startswith(f"De firmware van telefoon “{phone.name}” (")
    assert boxes[1][1].startswith("Deze wijziging vraagt een tweede bevestiging:")
    assert record(simulator, phone).firmware == versions[0]
    assert dialog.status.text() == "1 van 1 telefoon gewijzigd."
    assert dialog.table.item(0, 4).text() == (
        f"gewijzigd: Ingesteld op {versions[0]}: de telefoon installeert die bij de volgende provisioning.")
    assert shown(dialog, "applied") == []

    choose(dialog, None)  # back to the installed firmware: Compass sends no instruction
    assert dialog.explanation.text().startswith("Compass stuurt geen firmware-instructie naar telefoon “")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None and record(simulator, phone).firmware is None, timeout=10_000)
    assert boxes[2][0] == [] and boxes[2][1].startswith("De geïnstalleerde firmware van telefoon “")
    result = dialog.table.item(0, 4).text()
    assert result.startswith("gewijzigd: Ingesteld op ‘geïnstalleerde firmware gebruiken’")
    assert shown(dialog, "installed") == []


def test_many_phones_unknown_installed_and_a_failure(dutch, boxes, qtbot, simulator, make_service, worker):
    transport = FailingTransport()
    service = make_service(transport=transport)
    phones = model_phones(simulator, service, "yealink", 3)
    versions = simulator.engine.catalog.get(phones[0].model).demo_firmwares
    with simulator.engine.state.lock:
        record(simulator, phones[2]).installed_firmware = None
    transport.fail.add(phones[1].url)
    dialog = open_dialog(qtbot, service, worker, phones)
    choose(dialog, versions[-1])
    assert "onbekend voor 1" in dialog.choices.currentItem().text()
    assert "De geïnstalleerde firmware van sommige van deze telefoons is niet bekend" in dialog.warning.text()
    assert shown(dialog, "unknown-installed") == []

    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None and dialog.run is not None, timeout=10_000)
    assert [english for english, _ in boxes] == [[], []]
    assert dialog.status.text().startswith("2 van de 3 telefoons gewijzigd, 1 mislukt. Gewijzigd: ")
    assert dialog.table.item(1, 4).text().startswith("mislukt: ")
    assert dialog.retry_button.text() == "Mislukte opnieuw proberen"
    assert shown(dialog, "failure") == []


def test_progress_and_a_stopped_run(dutch, boxes, qtbot, simulator, make_service, worker):
    service = make_service(rate_per_s=4.0)
    phones = model_phones(simulator, service, "yealink", 3)
    versions = simulator.engine.catalog.get(phones[0].model).demo_firmwares
    dialog = open_dialog(qtbot, service, worker, phones)
    choose(dialog, versions[-1])
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=10_000)
    assert dialog.status.text().endswith(": gewijzigd") and dialog.status.text().startswith("Telefoon “")
    assert shown(dialog, "progress") == []
    dialog.close()  # stops: the phones already sent finish and are reported
    assert dialog.status.text().startswith("Stoppen: ")
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
    assert "niet gestart" in dialog.status.text() and "(gestopt)" in dialog.status.text()
    assert shown(dialog, "stopped") == []


def test_a_read_only_organisation_is_refused(dutch, qtbot, make_service, worker):
    service = make_service(user="helpdesk")
    dialog = open_dialog(qtbot, service, worker, [service.session.phones[0]])
    dialog.choices.setCurrentRow(dialog.choices.count() - 1)
    assert not dialog.apply_button.isEnabled()
    assert dialog.status.text().startswith("Je hebt alleen leesrechten voor ")
    assert dialog.apply_button.toolTip() == dialog.status.text()
    assert shown(dialog, "read-only") == []


def test_the_overview(dutch, qtbot, simulator, make_service, worker):
    service = make_service()
    company = service.session.companies[1]
    dialog = FirmwareOverviewDialog(service, worker, company)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.overview is not None and dialog.job is None, timeout=10_000)
    assert dialog.summary.text().startswith(f"{company.name}: ")
    cells = [dialog.phone_table.item(r, 4).text() for r in range(dialog.phone_table.rowCount())]
    assert "Geïnstalleerde firmware gebruiken" in cells
    assert shown(dialog, "overview") == []
