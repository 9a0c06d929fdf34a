"""The main window against the embedded demo simulators: what a technician sees and does."""

from __future__ import annotations

import pytest
from gui_helpers import select_phone, shown_rows, wait_loaded
from PySide6.QtCore import Qt

from compass_desk.domain.mac import format_mac
from compass_desk.domain.models import ProvisioningState
from compass_desk.gui.phone_filter import StateFilter


def test_demo_start_shows_environment_badge_and_phones(make_context, make_window):
    window = make_window(make_context())
    assert "Demo production" in window.windowTitle()
    assert "[DEMO]" in window.windowTitle()
    assert window.demo_badge.isVisibleTo(window)
    assert window.env_badge.text() == "DEMO PRODUCTION"
    assert window.model.rowCount() >= 250
    assert window.count_label.text() == f"{window.model.rowCount()} phones"
    first = window.organisation_list.model().index(0, 0).data()
    assert first == f"All organisations ({window.model.rowCount()})"
    # Live status was read during the first refresh.
    assert any(row.status is not None and row.status.online for row in window.model.rows())


def test_search_by_mac_in_three_notations(qtbot, make_context, make_window):
    window = make_window(make_context())
    target = window.model.rows()[17].phone
    display = format_mac(target.mac)  # 00:04:13:AA:BB:CC
    cisco = f"{target.mac[0:4]}.{target.mac[4:8]}.{target.mac[8:12]}"
    dashes = display.replace(":", "-").lower()
    for text in (display, cisco, dashes, target.mac.upper()):
        window.search.clear()
        qtbot.keyClicks(window.search, text)
        rows = shown_rows(window)
        assert [r.phone.url for r in rows] == [target.url], text
    # A partial MAC narrows the list too.
    window.search.setText(display[:11])
    assert all(r.phone.mac.startswith(target.mac[:8]) for r in shown_rows(window))


def test_search_by_name_does_not_match_macs_by_accident(make_context, make_window):
    window = make_window(make_context())
    window.search.setText("Receptie")
    rows = shown_rows(window)
    assert rows and all("receptie" in r.search for r in rows)


def test_scanner_input_jumps_to_phone_in_another_organisation(qtbot, make_context, make_window):
    window = make_window(make_context())
    target = window.model.rows()[5]
    # The user is looking at another organisation.
    other = next(i for i in range(1, window.organisations.rowCount())
                 if window.organisations.company(i).url != target.phone.company_url)
    window.organisation_list.setCurrentIndex(window.organisation_filter.index(other, 0))
    assert target.url not in {r.url for r in shown_rows(window)}
    window.search.setFocus()
    qtbot.keyClicks(window.search, "MAC: " + target.phone.mac.upper())
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.details.row is not None and window.details.row.url == target.url)
    assert window.details.title.text() == target.phone.name
    assert window.organisation_list.currentIndex().row() == 0  # back to all organisations


def test_state_filter_suboptimal_and_offline(qtbot, make_context, make_window):
    window = make_window(make_context())
    window.state_filter.setCurrentIndex(window.state_filter.findData(StateFilter.SUBOPTIMAL.value))
    rows = shown_rows(window)
    assert rows
    # provision/deprovision always need attention; active/disabled only in some situations (diagnosis).
    failed = {ProvisioningState.PROVISION, ProvisioningState.DEPROVISION}
    assert failed <= {r.phone.provisioning for r in rows}
    assert all(r.phone.provisioning in failed or r.status is not None or r.phone.activated_at is not None
               for r in rows)
    expected = len(rows)
    assert expected < window.model.rowCount()
    assert window.count_label.text() == f"{expected} of {window.model.rowCount()} phones shown"
    window.state_filter.setCurrentIndex(window.state_filter.findData(StateFilter.OFFLINE.value))
    offline = shown_rows(window)
    assert offline and all(r.status is not None and not r.status.online for r in offline)


def test_selecting_a_phone_shows_its_details(qtbot, make_context, make_window):
    window = make_window(make_context())
    row = next(r for r in window.model.rows() if r.phone.provisioning == ProvisioningState.ACTIVE
               and r.phone.activated_at is not None)
    window.search.setText(row.phone.mac)
    select_phone(qtbot, window, row)
    details = window.details
    assert details.title.text() == row.phone.name
    assert details.static["MAC"].text() == format_mac(row.phone.mac)
    assert details.static["Organisation"].text() == row.company_name
    assert "Active" in details.state_text.text()
    assert "manufacturer" in details.state_explained.text()
    assert details.deadline.isVisibleTo(window)
    assert "Reset before" in details.deadline.text()
    assert details.live["Online"].text() in {"online", "offline"}
    assert details.buttons["activate"].isEnabled()


def test_activate_with_confirmation_updates_the_row(qtbot, make_context, make_window, monkeypatch):
    context = make_context()
    window = make_window(context)
    asked = []
    monkeypatch.setattr("compass_desk.gui.actions.confirm",
                        lambda parent, title, text: asked.append(text) or True)
    row = next(r for r in window.model.rows() if r.phone.provisioning == ProvisioningState.DISABLED)
    window.search.setText(row.phone.mac)
    select_phone(qtbot, window, row)
    qtbot.mouseClick(window.details.buttons["activate"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.rows()[window.model.row_for_url(row.url)].phone.provisioning
                    == ProvisioningState.ACTIVE)
    assert len(asked) == 1
    assert row.phone.name in asked[0] and row.company_name in asked[0] and "Demo production" in asked[0]
    # The table and the details show the new state at once.
    index = window.proxy.index(0, 5)
    assert index.data() == "Active: awaiting reset"
    qtbot.waitUntil(lambda: "Active" in window.details.state_text.text())
    assert "done" in window.status.message.text()
    entries = context.audit.entries()
    assert entries[0].action == "activate" and entries[0].outcome == "ok"
    assert row.phone.name in entries[0].target and entries[0].environment == "Demo production"


def test_cancelled_confirmation_changes_nothing(qtbot, make_context, make_window, monkeypatch):
    context = make_context()
    window = make_window(context)
    monkeypatch.setattr("compass_desk.gui.actions.confirm", lambda *args: False)
    row = next(r for r in window.model.rows() if r.phone.provisioning == ProvisioningState.DISABLED)
    window.search.setText(row.phone.mac)
    select_phone(qtbot, window, row)
    qtbot.mouseClick(window.details.buttons["activate"], Qt.MouseButton.LeftButton)
    assert not window.worker.jobs()
    assert context.audit.entries() == []


def test_read_only_user_sees_disabled_actions_with_reason(qtbot, make_context, make_window):
    window = make_window(make_context(user="helpdesk"))
    row = window.model.rows()[0]
    window.search.setText(row.phone.mac)
    select_phone(qtbot, window, row)
    for key in ("activate", "reboot"):
        button = window.details.buttons[key]
        assert not button.isEnabled()
        assert "read-only" in button.toolTip()


def test_switching_environments_with_toolbar_and_shortcut(qtbot, make_context, make_window):
    window = make_window(make_context())
    production_urls = {r.url for r in window.model.rows()}
    window.env_actions["Demo staging"].trigger()
    qtbot.waitUntil(lambda: "Demo staging" in window.windowTitle())
    wait_loaded(qtbot, window)
    assert window.env_badge.text() == "DEMO STAGING"
    assert {r.url for r in window.model.rows()}.isdisjoint(production_urls)
    assert window.env_actions["Demo staging"].isChecked()
    # Ctrl+1 goes back.
    window.env_actions["Demo production"].activate(window.env_actions["Demo production"].ActionEvent.Trigger)
    qtbot.waitUntil(lambda: "Demo production" in window.windowTitle())
    wait_loaded(qtbot, window)
    assert {r.url for r in window.model.rows()} == production_urls
    assert window.env_actions["Demo production"].shortcut().toString() == "Ctrl+1"


def test_selection_survives_a_refresh(qtbot, make_context, make_window):
    window = make_window(make_context())
    row = window.model.rows()[3]
    select_phone(qtbot, window, row)
    with qtbot.waitSignal(window.browser.refresh_finished, timeout=20_000):
        window.refresh_action.trigger()
    assert window.selected_row() is not None and window.selected_row().url == row.url


def test_view_provisioning_opens_the_file_of_the_selected_phone(qtbot, make_context, make_window):
    from PySide6.QtWidgets import QApplication

    provisioning_view = pytest.importorskip("compass_desk.gui.provisioning_view")
    window = make_window(make_context(user="helpdesk"))  # reading needs no write rights
    row = window.model.rows()[2]
    window.search.setText(row.phone.mac)
    select_phone(qtbot, window, row)
    button = window.details.buttons["provisioning"]
    assert button.isVisibleTo(window) and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def dialogs():
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, provisioning_view.ProvisioningViewDialog) and w.isVisible()]

    qtbot.waitUntil(lambda: bool(dialogs()), timeout=10_000)
    dialog = dialogs()[0]
    assert row.phone.name in dialog.windowTitle()
    dialog.close()


def test_mac_scanned_before_the_list_arrives_is_selected_when_it_does(qtbot, make_context, make_window):
    context = make_context()
    window = make_window(context)
    target = window.model.rows()[7]
    window.env_actions["Demo staging"].trigger()
    window.env_actions["Demo production"].trigger()  # reconnect: the list is empty for a moment
    assert window.model.rowCount() == 0
    window.search.setText(target.phone.mac)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.details.row is not None and window.details.row.url == target.url,
                    timeout=20_000)
