"""Over the simulator: every audit entry names the phone alike, the filter finds any MAC notation,
a reboot of an offline phone says so (English and Dutch), and a second scan opens no second box."""

from __future__ import annotations

import dataclasses

import pytest
from dutch_check import english_left
from gui_helpers import select_phone
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from compass_desk.domain.mac import format_mac
from compass_desk.gui import launchers
from compass_desk.gui.audit_view import AuditView
from compass_desk.store.audit import phone_target

PHONE_COLUMN, DETAIL_COLUMN = 4, 6


def _select(qtbot, window, row):
    window.search.setText(row.phone.mac)
    select_phone(qtbot, window, row)


def _audited_phone(qtbot, context, window, monkeypatch):
    """Activate, reboot, set the firmware of and reveal the secrets of one phone; returns its row."""
    from compass_desk.gui.provisioning_view import ProvisioningViewDialog, open_for_phone
    from compass_desk.services.firmware import FirmwareService

    monkeypatch.setattr("compass_desk.gui.actions.confirm", lambda *args: True)
    row = next(r for r in window.model.rows() if r.phone.provisioning.value == "disabled" and r.online)
    _select(qtbot, window, row)
    for operation in ("activate", "reboot"):
        qtbot.mouseClick(window.details.buttons[operation], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda op=operation: len([e for e in context.audit.entries() if e.action == op]) == 1)
        qtbot.waitUntil(lambda: not window.worker.jobs())
    session = window.browser.session
    service = FirmwareService(session, audit=context.audit, rate_per_s=100)
    phone = session.client.phone(row.phone.url)
    version = service.model_for(phone).firmwares[-1]
    assert service.apply(service.plan([phone], version), confirmed=True).changed
    open_for_phone(window, window.browser, row.phone)
    viewer = []
    qtbot.waitUntil(lambda: bool(viewer.extend(w for w in QApplication.topLevelWidgets()
                                               if isinstance(w, ProvisioningViewDialog) and w.isVisible())
                                 or viewer))
    title = viewer[0].windowTitle()
    assert format_mac(row.phone.mac) in title and row.phone.mac not in title
    qtbot.mouseClick(viewer[0].reveal_button, Qt.MouseButton.LeftButton)
    viewer[0].close()
    return row, version


def test_every_entry_names_the_phone_alike_and_any_mac_notation_finds_them(qtbot, make_context, make_window,
                                                                           monkeypatch):
    context = make_context()
    window = make_window(context)
    row, version = _audited_phone(qtbot, context, window, monkeypatch)
    view = AuditView(context.audit)
    qtbot.addWidget(view)
    assert view.table.rowCount() == 4
    actions = [view.table.item(r, 3).text() for r in range(4)]
    assert actions == ["reveal provisioning secrets", "firmware", "reboot", "activate"]
    expected = phone_target(row.phone.name, row.phone.mac, row.company_name)
    assert f"({format_mac(row.phone.mac)}) · {row.company_name}" in expected
    assert {view.table.item(r, PHONE_COLUMN).text() for r in range(4)} == {expected}
    assert view.table.item(1, DETAIL_COLUMN).text() == f"→ {version}"
    # The Phone column fits the name, MAC and organisation; Detail comes last and takes the rest.
    metrics = view.table.fontMetrics()
    assert view.table.columnWidth(PHONE_COLUMN) >= metrics.horizontalAdvance(expected)
    mac = row.phone.mac
    dashed = "-".join(mac[i:i + 2] for i in range(0, 12, 2))
    for typed in (mac, dashed, format_mac(mac)):
        view.filter.setText(typed)
        view.reload()
        assert view.table.rowCount() == 4, typed
    view.filter.setText("reboot")
    view.reload()
    assert view.table.rowCount() == 1  # words still search as words


def _offline_row(window):
    row = next(r for r in window.model.rows()
               if r.status is not None and r.phone.provisioning.value != "active")
    if row.online is not False:
        row.status = dataclasses.replace(row.status, online=False)
        row.reindex()
    return row


def _reboot_offline(qtbot, window, monkeypatch, answer):
    asked = []
    monkeypatch.setattr("compass_desk.gui.actions.confirm",
                        lambda parent, title, text: asked.append(text) or answer)
    row = _offline_row(window)
    _select(qtbot, window, row)
    window.actions_.run("reboot", row)
    return row, asked


def test_reboot_of_an_offline_phone_warns_and_reports_only_the_request(qtbot, make_context, make_window,
                                                                        monkeypatch):
    window = make_window(make_context())
    row, asked = _reboot_offline(qtbot, window, monkeypatch, answer=True)
    when = window.browser.shown_data_time()
    assert when is not None
    assert "is offline (status of " in asked[0] and "may not receive the reboot" in asked[0]
    assert "Calls on this phone will be cut off" not in asked[0]
    qtbot.waitUntil(lambda: "request sent" in window.status.message.text())
    text = window.status.message.text()
    assert text.startswith(f"Reboot {row.phone.name}: request sent.") and "may not restart" in text
    assert "done" not in text


def test_reboot_of_an_offline_phone_in_dutch(qtbot, dutch, make_context, make_window, monkeypatch):
    window = make_window(make_context())
    row, asked = _reboot_offline(qtbot, window, monkeypatch, answer=True)
    assert "De telefoon is offline (status van " in asked[0]
    assert "misschien krijgt hij de herstart niet door" in asked[0] and "herstarten?" in asked[0]
    box = QMessageBox(QMessageBox.Icon.Question, "Telefoon herstarten", asked[0])
    qtbot.addWidget(box)
    allowed = [row.phone.name, row.company_name, window.browser.environment.name]
    assert english_left(box, allowed=allowed) == []
    qtbot.waitUntil(lambda: "verzoek verstuurd" in window.status.message.text())
    assert "misschien herstart hij niet" in window.status.message.text()


def test_audit_view_in_dutch(qtbot, dutch, make_context, make_window, monkeypatch):
    context = make_context()
    window = make_window(context)
    row, _version = _audited_phone(qtbot, context, window, monkeypatch)
    context.audit.record("Demo production", "demo", "firmware",
                         phone_target(row.phone.name, row.phone.mac, row.company_name), "ok",
                         "→ use installed firmware")
    view = AuditView(context.audit)
    qtbot.addWidget(view)
    view.show()
    assert view.table.item(0, DETAIL_COLUMN).text() == "→ geïnstalleerde firmware gebruiken"
    assert view.table.item(1, 3).text() == "geheimen in provisioning tonen"
    target = phone_target(row.phone.name, row.phone.mac, row.company_name)
    allowed = [target, row.phone.name, row.company_name, "Demo production", "demo", "firmware"]
    assert english_left(view, allowed=allowed) == []
    view.resize(1280, 560)  # a laptop screen's width (the offscreen screen is 800 px)
    view.grab().save("/tmp/nl-audit.png")


@pytest.fixture
def scan_window(make_context, make_window):
    window = make_window(make_context())
    yield window
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.isVisible() and widget.parent() is window:
            widget.close()


def _not_found_boxes():
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible() and w.windowTitle() == "Phone not found"]


def test_scanning_an_unknown_mac_twice_opens_one_box_and_one_wizard(qtbot, scan_window):
    from compass_desk.gui.reset_wizard.wizard import ResetWizard

    window = scan_window
    mac = "000413fedcba"
    assert mac not in {r.phone.mac for r in window.model.rows()}
    seen = []

    def scan():
        window.search.setText("00:04:13:FE:DC:BA")
        window.search.returnPressed.emit()

    def while_the_box_is_open():
        seen.append(len(_not_found_boxes()))
        scan()  # the same MAC again: the first box comes to the front
        seen.append(len(_not_found_boxes()))
        box = _not_found_boxes()[0]
        provision = next(b for b in box.buttons() if "Provision" in b.text())
        provision.click()

    QTimer.singleShot(200, while_the_box_is_open)
    scan()  # returns once the box is answered
    assert seen == [1, 1]

    def wizards():
        return [w for w in window.findChildren(ResetWizard) if w.isVisible()]

    qtbot.waitUntil(lambda: len(wizards()) == 1)
    scan()  # while its wizard is open: no box, the wizard comes to the front
    assert _not_found_boxes() == [] and len(wizards()) == 1
    assert launchers.provision(window, mac=mac) is wizards()[0]
    assert len(wizards()) == 1
