"""The firmware dialog and overview with qtbot, on the simulator: choose, confirm twice, bulk, retry."""

from __future__ import annotations

import csv
from collections import Counter

import httpx
import pytest
from PySide6.QtCore import Qt

from compass_desk.api.client import CompassClient
from compass_desk.api.transport import RetryPolicy
from compass_desk.domain.models import Environment
from compass_desk.gui import firmware_dialog, firmware_overview
from compass_desk.gui.firmware_dialog import FirmwareDialog
from compass_desk.gui.firmware_overview import FirmwareOverviewDialog
from compass_desk.gui.worker import Worker
from compass_desk.services.firmware import FirmwareService
from compass_desk.services.session import Session

TIMEOUT = httpx.Timeout(connect=2.0, read=5.0, write=5.0, pool=5.0)


class FailingTransport(httpx.HTTPTransport):
    def __init__(self) -> None:
        super().__init__()
        self.fail: set[str] = set()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "PATCH" and str(request.url) in self.fail:
            return httpx.Response(403, json={"message": "injected failure"})
        return super().handle_request(request)


@pytest.fixture
def worker(qapp):
    worker = Worker()
    yield worker
    worker.shutdown()


@pytest.fixture
def make_service(simulator):
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


def record(simulator, phone):
    return simulator.engine.state.data.phones[phone.resource_id]


def model_phones(simulator, service, prefix, count, installed_index=0):
    """*count* phones of one model (same organisation), installed on one version, nothing selected."""
    phones = service.session.phones
    groups = Counter((p.company_url, p.model) for p in phones if p.model.startswith(prefix))
    company_url, model_id = next(key for key, n in sorted(groups.items()) if n >= count)
    chosen = sorted((p for p in phones if p.company_url == company_url and p.model == model_id),
                    key=lambda p: p.url)
    version = simulator.engine.catalog.get(model_id).demo_firmwares[installed_index]
    with simulator.engine.state.lock:
        for p in chosen:
            record(simulator, p).installed_firmware = version
            record(simulator, p).firmware = None
    service.session.refresh_company(service.session.company(company_url))
    fresh = {p.url: p for p in service.session.phones}
    return [fresh[p.url] for p in chosen]


def open_dialog(qtbot, service, worker, phones, **kwargs):
    dialog = FirmwareDialog(service, worker, phones, company_name="Test", **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.choices.count() > 0 and dialog.job is None, timeout=10_000)
    return dialog


def snapshot(dialog, path):
    """Render the dialog as a person would see it (after pending layout work) for a visual check."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    assert dialog.grab().save(path)


def choose(dialog, version):
    for row in range(dialog.choices.count()):
        if dialog.choices.item(row).data(Qt.ItemDataRole.UserRole) == version:
            dialog.choices.setCurrentRow(row)
            return dialog.choices.item(row).text()
    raise AssertionError(f"{version} not offered")


def apply_and_wait(qtbot, dialog):
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None and "changed" in dialog.status.text(), timeout=10_000)


def test_one_phone_upgrade_and_back_to_installed(qtbot, simulator, make_service, worker, monkeypatch):
    service = make_service()
    phone = model_phones(simulator, service, "snom-d7", 1, installed_index=1)[0]
    versions = simulator.engine.catalog.get(phone.model).demo_firmwares
    asked = []
    monkeypatch.setattr(firmware_dialog, "confirm", lambda parent, title, text: asked.append(text) or True)
    monkeypatch.setattr(firmware_dialog, "confirm_risk", lambda *a: pytest.fail("no second confirmation"))
    dialog = open_dialog(qtbot, service, worker, [phone])
    texts = [dialog.choices.item(r).text() for r in range(dialog.choices.count())]
    assert texts == ["Use installed firmware — selected now", f"{versions[0]}: older than installed",
                     f"{versions[1]}: same as installed",
                     f"{versions[2]} (latest certified): newer than installed"]
    assert dialog.installed_label.text() == f"Installed: Snom V10 firmware for desk phones ({versions[1]})."
    assert not dialog.apply_button.isEnabled()
    choose(dialog, versions[2])
    assert "Compass web server" in dialog.explanation.text() and dialog.warning.isHidden()
    snapshot(dialog, "/tmp/firmware_dialog_phone.png")
    with qtbot.waitSignal(dialog.phones_changed) as changed:
        apply_and_wait(qtbot, dialog)
    assert [p.firmware for p in changed.args[0]] == [versions[2]]
    assert record(simulator, phone).firmware == versions[2] and "Set the firmware" in asked[0]
    assert dialog.table.item(0, 4).text().startswith("changed: Set to")
    choose(dialog, None)
    assert "Compass sends no firmware instruction" in dialog.explanation.text()
    apply_and_wait(qtbot, dialog)
    assert record(simulator, phone).firmware is None


def test_downgrade_needs_the_second_confirmation(qtbot, simulator, make_service, worker, monkeypatch):
    service = make_service()
    phone = model_phones(simulator, service, "snom-d3", 1, installed_index=2)[0]
    versions = simulator.engine.catalog.get(phone.model).demo_firmwares
    reasons = []
    answer = {"risk": False}
    monkeypatch.setattr(firmware_dialog, "confirm", lambda *a: True)
    monkeypatch.setattr(firmware_dialog, "confirm_risk",
                        lambda parent, title, found: reasons.append(found) or answer["risk"])
    dialog = open_dialog(qtbot, service, worker, [phone])
    choose(dialog, versions[0])
    assert dialog.warning.isVisible() and "older than the installed" in dialog.warning.text()
    assert "vendor or the installed firmware may block it" in dialog.explanation.text()
    snapshot(dialog, "/tmp/firmware_dialog_downgrade.png")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert reasons and "older than the installed" in reasons[0][0]
    assert dialog.status.text() == "Not changed." and dialog.job is None
    assert record(simulator, phone).firmware is None
    answer["risk"] = True
    apply_and_wait(qtbot, dialog)
    assert record(simulator, phone).firmware == versions[0]


def test_model_bulk_with_one_failure_and_retry(qtbot, simulator, make_service, worker, monkeypatch):
    transport = FailingTransport()
    service = make_service(transport=transport)
    phones = model_phones(simulator, service, "yealink", 3)
    versions = simulator.engine.catalog.get(phones[0].model).demo_firmwares
    monkeypatch.setattr(firmware_dialog, "confirm", lambda *a: True)
    transport.fail.add(phones[1].url)
    dialog = open_dialog(qtbot, service, worker, phones)
    assert dialog.table.rowCount() == len(phones)
    choose(dialog, versions[-1])
    assert f"{len(phones)} of {len(phones)} phones would change" in dialog.explanation.text()
    apply_and_wait(qtbot, dialog)
    assert dialog.retry_button.isVisible() and dialog.retry_button.isEnabled()
    assert f"{len(phones) - 1} of {len(phones)} phones changed, 1 failed" in dialog.status.text()
    assert phones[0].name in dialog.status.text()  # the changed phones are named
    assert dialog.table.item(1, 4).text().startswith("failed:")
    assert f"selected for {len(phones) - 1}" in dialog.choices.item(dialog.choices.count() - 1).text()
    snapshot(dialog, "/tmp/firmware_dialog_bulk.png")
    assert record(simulator, phones[1]).firmware is None
    transport.fail.clear()
    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None and "1 failed" not in dialog.status.text(), timeout=10_000)
    assert dialog.status.text().startswith(f"{len(phones)} of {len(phones)} phones changed")
    assert not dialog.retry_button.isVisible()
    assert {record(simulator, p).firmware for p in phones} == {versions[-1]}


def test_closing_mid_run_stops_and_reports_instead(qtbot, simulator, make_service, worker, monkeypatch):
    service = make_service(rate_per_s=4.0)
    phones = model_phones(simulator, service, "yealink", 3)
    versions = simulator.engine.catalog.get(phones[0].model).demo_firmwares
    monkeypatch.setattr(firmware_dialog, "confirm", lambda *a: True)
    dialog = open_dialog(qtbot, service, worker, phones)
    choose(dialog, versions[-1])
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=10_000)
    dialog.close()
    assert dialog.isVisible() and dialog.applying  # kept open until it can say what changed
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
    text = dialog.status.text()
    assert "not started" in text and "(cancelled)" in text
    shown = {dialog.table.item(r, 0).text(): dialog.table.item(r, 4).text() for r in range(len(phones))}
    for phone in phones:
        changed = record(simulator, phone).firmware == versions[-1]
        assert shown[phone.name].startswith("changed:") == changed
        assert (phone.name in text) == changed or len(dialog.run.failures) == 0
    dialog.close()
    assert not dialog.isVisible()


def test_one_phone_dialog_offers_the_whole_model(qtbot, simulator, make_service, worker):
    service = make_service()
    phones = model_phones(simulator, service, "yealink", 3)
    dialog = open_dialog(qtbot, service, worker, phones[:1], siblings=phones)
    assert dialog.model_button.isVisible()
    assert dialog.model_button.text() == f"All {len(phones)} phones of this model…"
    other = dialog.open_model_dialog()
    qtbot.addWidget(other)
    qtbot.waitUntil(lambda: other.choices.count() > 0 and other.job is None, timeout=10_000)
    assert other.table.rowCount() == len(phones)


def test_read_only_user_cannot_apply(qtbot, simulator, make_service, worker):
    service = make_service(user="helpdesk")
    phone = service.session.phones[0]
    dialog = open_dialog(qtbot, service, worker, [phone])
    choose(dialog, None)
    dialog.choices.setCurrentRow(dialog.choices.count() - 1)
    assert not dialog.apply_button.isEnabled()
    assert "read-only access" in dialog.status.text() and "read-only" in dialog.apply_button.toolTip()


def test_overview_counts_and_csv_export(qtbot, simulator, make_service, worker, monkeypatch, tmp_path):
    service = make_service()
    company = service.session.companies[1]
    dialog = FirmwareOverviewDialog(service, worker, company)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.overview is not None and dialog.job is None, timeout=10_000)
    records = [r for r in simulator.engine.state.data.phones.values() if r.company_id == company.entity_id]
    assert dialog.phone_table.rowCount() == len(records)
    assert dialog.model_table.rowCount() == len({r.model for r in records})
    pending = sum(1 for r in records
                  if r.firmware and r.installed_firmware and r.firmware != r.installed_firmware)
    assert f"{pending} with a pending or failed upgrade" in dialog.summary.text()
    dialog.show_only.setCurrentIndex(2)  # pending or failed
    assert dialog.phone_table.rowCount() == pending
    snapshot(dialog, "/tmp/firmware_overview.png")
    target = tmp_path / "firmware.csv"
    monkeypatch.setattr(firmware_overview, "choose_export_path", lambda parent, name: str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "Organisation" and len(rows) == len(records) + 1
    assert f"Exported {len(records)} phones" in dialog.status.text()
