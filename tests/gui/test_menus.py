"""The menu bar, context menus, drag and drop and the scanner: every feature reachable from the window."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from gui_helpers import select_phone, shown_rows, wait_loaded
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication

from compass_desk.domain.diagnosis import diagnose
from compass_desk.domain.models import ProvisioningState
from compass_desk.gui import launchers
from compass_desk.gui.phone_filter import NEEDS_ATTENTION, StateFilter

YEALINK_CFG = ("#!version:1.0.0.1\n"
               "account.1.enable = 1\n"
               "account.1.user_name = 1001\n"
               "account.1.password = s3cret-Passw0rd\n")


def opened(qtbot, cls, timeout=10_000):
    """The visible top-level window of class *cls* (waits for it)."""
    found = []

    def check():
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(check, timeout=timeout)
    return found[-1]


def close_all(window):
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.isVisible() and widget.parent() is window:
            widget.close()


@pytest.fixture
def cfg_file(tmp_path):
    path = tmp_path / "000413aabbcc.cfg"
    path.write_text(YEALINK_CFG, encoding="utf-8")
    return path


@pytest.fixture
def window(make_context, make_window):
    win = make_window(make_context())
    yield win
    close_all(win)


def pick(window, state=ProvisioningState.DISABLED):
    return next(r for r in window.model.rows() if r.phone.provisioning == state)


def test_menu_bar_lists_every_feature_with_shortcuts(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Phone", "&Tools", "&Help"]
    actions = window.menus.actions
    for key in ("open_file", "compare", "site_visit", "offline_cache", "quit", "activate", "reboot",
                "provisioning", "firmware", "move", "provision", "troubleshoot", "site_check", "audit",
                "environments", "preferences", "firmware_overview", "about", "diagnostics"):
        assert key in actions, key
    assert actions["open_file"].shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert "Ctrl+O" in actions["open_file"].toolTip()
    assert actions["quit"].shortcut().toString() == "Ctrl+Q"
    # One action per shortcut, or Qt fires none of them.
    shortcuts = [a.shortcut().toString() for a in window.findChildren(type(actions["quit"]))
                 if not a.shortcut().isEmpty()]
    assert len(shortcuts) == len(set(shortcuts)), shortcuts
    # Without a selection the phone actions say why they are off.
    assert not actions["activate"].isEnabled() and "Select a phone" in actions["activate"].toolTip()
    assert actions["provision"].isEnabled()  # with no phone: type or scan the MAC in the wizard
    assert "Use on another environment" in window.menus.environment_menu.title().replace("&", "")


def test_phone_actions_follow_the_selection(qtbot, window):
    row = pick(window)
    window.search.setText(row.phone.mac)
    select_phone(qtbot, window, row)
    actions = window.menus.actions
    for key in ("activate", "reboot", "provisioning", "firmware", "move", "troubleshoot"):
        assert actions[key].isEnabled(), key
    assert "Ctrl+Shift+A" in actions["activate"].toolTip()
    names = [a.text() for a in window.menus.environment_menu.actions()]
    assert names == ["Demo staging"]


def test_activate_from_the_menu_asks_first(qtbot, window, monkeypatch):
    asked = []
    monkeypatch.setattr("compass_desk.gui.actions.confirm", lambda parent, title, text: asked.append(text))
    row = pick(window)
    window.search.setText(row.phone.mac)
    select_phone(qtbot, window, row)
    window.menus.actions["activate"].trigger()
    assert len(asked) == 1 and row.phone.name in asked[0]


@pytest.mark.parametrize(("key", "cls_path"), [
    ("provision", "compass_desk.gui.reset_wizard.wizard.ResetWizard"),
    ("troubleshoot", "compass_desk.gui.troubleshooter.TroubleshooterDialog"),
    ("move", "compass_desk.gui.move_wizard.MoveWizard"),
    ("firmware", "compass_desk.gui.firmware_dialog.FirmwareDialog"),
    ("provisioning", "compass_desk.gui.provisioning_view.ProvisioningViewDialog"),
])
def test_each_phone_action_opens_its_screen(qtbot, window, key, cls_path):
    import importlib

    module, name = cls_path.rsplit(".", 1)
    cls = getattr(importlib.import_module(module), name)
    row = pick(window)
    window.search.setText(row.phone.mac)
    select_phone(qtbot, window, row)
    window.menus.actions[key].trigger()
    dialog = opened(qtbot, cls)
    if key == "troubleshoot":
        assert dialog.diagnosis.verdict is diagnose(row.phone, row.status, datetime.now(UTC)).verdict
    if key == "provision":
        assert dialog.initial_phone.url == row.url
    dialog.close()


def test_use_on_another_environment_signs_in_there_and_shows_both_sides(qtbot, window):
    from compass_desk.gui.move_env import EnvSwitchDialog

    row = pick(window)
    window.search.setText(row.phone.mac)
    select_phone(qtbot, window, row)
    entry = window.menus.environment_menu.actions()[0]
    assert entry.isEnabled() and "Demo staging" in entry.toolTip()
    entry.trigger()
    opened(qtbot, EnvSwitchDialog, timeout=20_000).close()


@pytest.mark.parametrize(("key", "cls_path"), [
    ("site_visit", "compass_desk.gui.site_visit_dialog.SiteVisitDialog"),
    ("offline_cache", "compass_desk.gui.cache_view.CacheViewDialog"),
    ("about", "compass_desk.gui.about_dialog.AboutDialog"),
    ("diagnostics", "compass_desk.gui.diagnostics.DiagnosticsDialog"),
    ("preferences", "compass_desk.gui.preferences_dialog.PreferencesDialog"),
])
def test_each_tool_opens_its_dialog(qtbot, window, key, cls_path):
    import importlib

    module, name = cls_path.rsplit(".", 1)
    window.menus.actions[key].trigger()
    dialog = opened(qtbot, getattr(importlib.import_module(module), name))
    if key == "diagnostics":
        assert "Demo production" in dialog.text.toPlainText()
    dialog.close()


def test_site_check_opens_and_starts(qtbot, window, monkeypatch):
    from compass_desk.gui.sitecheck_dialog import SiteCheckDialog

    started = []
    monkeypatch.setattr(SiteCheckDialog, "start", lambda self: started.append(self.environment))
    window.menus.actions["site_check"].trigger()
    dialog = opened(qtbot, SiteCheckDialog)
    assert started == [window.browser.environment]
    dialog.close()


def test_audit_log_from_the_tools_menu(qtbot, window, monkeypatch):
    from compass_desk.gui.audit_view import AuditView

    shown = []
    monkeypatch.setattr(AuditView, "exec", lambda self: shown.append(self) or 0)
    window.menus.actions["audit"].trigger()
    assert len(shown) == 1


def test_firmware_overview_from_the_organisation_context_menu(qtbot, window):
    from compass_desk.gui.firmware_overview import FirmwareOverviewDialog

    assert not window.menus.actions["firmware_overview"].isEnabled()  # "All organisations" is chosen
    view = window.organisation_list
    rect = view.visualRect(window.organisation_filter.index(1, 0))
    menu = window.menus.show_organisation_menu(rect.center())
    assert window.current_company() is not None
    action = next(a for a in menu.actions() if a.objectName() == "firmware_overviewAction")
    assert action.isEnabled() and window.current_company().name in action.toolTip()
    menu.close()
    action.trigger()
    dialog = opened(qtbot, FirmwareOverviewDialog)
    assert window.current_company().name in dialog.windowTitle()
    dialog.close()


def test_table_context_menu_has_the_phone_actions(qtbot, window):
    row = pick(window)
    window.search.setText(row.phone.mac)
    index = window.proxy.index(0, 0)
    menu = window.menus.show_table_menu(window.table.visualRect(index).center())
    assert window.selected_row().url == row.url
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names[:3] == ["activateAction", "rebootAction", "provisioningAction"]
    assert "troubleshootAction" in names
    menu.close()
    assert window.menus.show_table_menu(QPoint(5, 5000)) is None  # below the last row: no menu


def test_open_file_and_compare_from_the_file_menu(qtbot, window, monkeypatch, cfg_file, tmp_path):
    from compass_desk.gui.provisioning_compare import ProvisioningCompareDialog
    from compass_desk.gui.provisioning_view import ProvisioningViewDialog

    monkeypatch.setattr(launchers, "choose_files", lambda parent, title: [str(cfg_file)])
    window.menus.actions["open_file"].trigger()
    viewer = opened(qtbot, ProvisioningViewDialog)
    assert "s3cret" not in viewer.shown_text()  # secrets hidden
    viewer.close()
    other = tmp_path / "other.cfg"
    other.write_text(YEALINK_CFG.replace("1001", "1002"), encoding="utf-8")
    answers = iter([[str(cfg_file)], [str(other)]])  # one file, then the one to compare it with
    monkeypatch.setattr(launchers, "choose_files", lambda parent, title: next(answers))
    window.menus.actions["compare"].trigger()
    compare = opened(qtbot, ProvisioningCompareDialog)
    assert compare.diff.settings
    compare.close()


def test_dropping_a_cfg_file_opens_the_viewer(qtbot, window, cfg_file):
    from compass_desk.gui.provisioning_view import ProvisioningViewDialog

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(cfg_file))])
    point = QPointF(window.rect().center())
    enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    viewer = opened(qtbot, ProvisioningViewDialog)
    assert viewer.filename == cfg_file.name
    viewer.close()
    # Something else (an image) is refused.
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(cfg_file.with_suffix(".png")))])
    refused = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, refused)
    assert not refused.isAccepted()


def test_scanned_unknown_mac_offers_to_provision_it(qtbot, window, monkeypatch):
    from compass_desk.gui.reset_wizard.wizard import ResetWizard

    offered = []
    monkeypatch.setattr(launchers, "offer_provisioning",
                        lambda parent, mac, where: offered.append((mac, where)) or True)
    mac = "000413FEDCBA"
    assert mac.lower() not in {r.phone.mac for r in window.model.rows()}
    window.search.setFocus()
    qtbot.keyClicks(window.search, "00:04:13:FE:DC:BA")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert offered == [(mac.lower(), "Demo production")]
    wizard = opened(qtbot, ResetWizard)
    assert wizard.initial_mac == mac.lower() and wizard.initial_phone is None
    wizard.close()


def test_scanned_unknown_mac_declined_changes_nothing(qtbot, window, monkeypatch):
    monkeypatch.setattr(launchers, "offer_provisioning", lambda parent, mac, where: False)
    window.search.setText("000413FEDCBA")
    window.search.returnPressed.emit()
    assert "No phone with MAC 00:04:13:FE:DC:BA" in window.status.message.text()


def test_suboptimal_filter_agrees_with_the_troubleshooter(qtbot, window):
    window.state_filter.setCurrentIndex(window.state_filter.findData(StateFilter.SUBOPTIMAL.value))
    now = datetime.now(UTC)
    cutoff = window.model.cutoff
    expected = {r.url for r in window.model.rows()
                if diagnose(r.phone, r.status, now, cutoff).verdict in NEEDS_ATTENTION}
    shown = {r.url for r in shown_rows(window)}
    assert shown == expected
    states = {r.phone.provisioning for r in shown_rows(window)}
    assert {ProvisioningState.PROVISION, ProvisioningState.DEPROVISION} <= states
    assert "must be disabled" in window.state_filter.toolTip()


def test_several_rows_selected_move_together(qtbot, window):
    from compass_desk.gui.bulk_move import BulkMoveDialog

    rows = shown_rows(window)[:3]
    select_phone(qtbot, window, rows[0])
    for r in (1, 2):  # Ctrl+click adds a row, as a user does
        rect = window.table.visualRect(window.proxy.index(r, 0))
        qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.ControlModifier, rect.center())
    assert [r.url for r in window.selected_rows()] == [r.url for r in rows]
    assert window.details.row is None  # the details sum up the three instead of showing one
    assert window.details.title.text() == "3 phones selected"
    move = window.menus.actions["move"]
    assert move.isEnabled() and move.text() == "&Move 3 phones…"
    assert window.details.buttons["move"].text() == "Move 3 phones…"
    assert not window.menus.actions["activate"].isEnabled()  # one-phone actions wait for one phone
    move.trigger()
    dialog = opened(qtbot, BulkMoveDialog)
    dialog.close()


def test_view_provisioning_offline_opens_the_kept_copy(qtbot, window):
    from compass_desk.gui.browser import Mode
    from compass_desk.gui.provisioning_view import ProvisioningViewDialog

    row = pick(window)
    window.search.setText(row.phone.mac)
    select_phone(qtbot, window, row)
    window.menus.actions["provisioning"].trigger()
    opened(qtbot, ProvisioningViewDialog).close()
    qtbot.waitUntil(lambda: not window.worker.jobs())
    window.browser._set_mode(Mode.OFFLINE, "Offline: test.")
    action = window.menus.actions["provisioning"]
    qtbot.waitUntil(lambda: row.url in window.cached_urls and action.isEnabled())
    assert not window.menus.actions["activate"].isEnabled()
    assert not window.menus.actions["provision"].isEnabled()
    window.menus.actions["provisioning"].trigger()
    viewer = opened(qtbot, ProvisioningViewDialog)
    assert "Offline copy" in viewer.windowTitle()
    viewer.close()


def test_cache_size_preference_applies_at_once(qtbot, window):
    from compass_desk.gui.cache_view import provisioning_cache_for
    from compass_desk.gui.preferences_dialog import PreferencesDialog

    cache = provisioning_cache_for(window.context)
    window.menus.actions["preferences"].trigger()
    dialog = opened(qtbot, PreferencesDialog)
    dialog.editors["cache_size_mb"].setValue(42)
    dialog.accept()
    assert cache.limit_bytes == 42 * 1024 * 1024


def test_details_panel_buttons_open_the_troubleshooter_and_the_wizard(qtbot, window):
    from compass_desk.gui.reset_wizard.wizard import ResetWizard
    from compass_desk.gui.troubleshooter import TroubleshooterDialog

    row = pick(window)
    window.search.setText(row.phone.mac)
    select_phone(qtbot, window, row)
    why = window.details.buttons["troubleshoot"]
    assert why.isVisibleTo(window) and why.isEnabled()
    qtbot.mouseClick(why, Qt.MouseButton.LeftButton)
    opened(qtbot, TroubleshooterDialog).close()
    qtbot.mouseClick(window.details.buttons["provision"], Qt.MouseButton.LeftButton)
    opened(qtbot, ResetWizard).close()


def test_first_run_page_gives_way_once_an_environment_exists(qtbot, isolated_home, make_window, simulator,
                                                             monkeypatch):
    from compass_desk.domain.models import Environment
    from compass_desk.gui.context import AppContext, Passwords
    from compass_desk.paths import app_paths
    from compass_desk.store.profiles import ProfileStore

    paths = app_paths(isolated_home)
    profiles = ProfileStore(paths.config)
    from compass_desk.sim import DEMO_PASSWORD

    context = AppContext([], Passwords({"production": DEMO_PASSWORD}, use_keyring=False), paths,
                         profiles=profiles)
    window = make_window(context, wait=False)
    assert window.pages.currentWidget() is window.first_run

    def add(window):  # what the Environments dialog does when a profile was saved
        profiles.save(Environment("production", simulator.base_url, "demo"))
        window.reload_environments()

    monkeypatch.setattr(launchers, "edit_environments", add)
    qtbot.mouseClick(window.first_run.add_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.main_page
    assert window.browser.environment is not None and window.browser.environment.name == "production"
    wait_loaded(qtbot, window)
