"""Environments dialog (test before save, keyring only) and the audit log view."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt

from compass_desk.domain.models import Environment
from compass_desk.gui.audit_view import AuditView
from compass_desk.gui.context import AppContext, Passwords, open_store
from compass_desk.gui.environments_dialog import EnvironmentsDialog
from compass_desk.gui.worker import Worker
from compass_desk.paths import app_paths
from compass_desk.sim import DEMO_PASSWORD
from compass_desk.store.profiles import ProfileStore
from compass_desk.store.secrets import SecretStore


@pytest.fixture
def dialog_context(isolated_home):
    paths = app_paths(isolated_home).ensure()
    context = AppContext([], Passwords(), paths, profiles=ProfileStore(paths.config))
    open_store(context)
    yield context
    context.close()


@pytest.fixture
def worker(qapp):
    worker = Worker()
    yield worker
    worker.shutdown()


def _fill(qtbot, dialog, name, url, user, password):
    dialog.new_profile()
    qtbot.keyClicks(dialog.name, name)
    qtbot.keyClicks(dialog.url, url)
    qtbot.keyClicks(dialog.user, user)
    qtbot.keyClicks(dialog.password, password)


def test_profile_is_saved_only_after_a_successful_test(qtbot, dialog_context, worker, simulator,
                                                       isolated_home):
    dialog = EnvironmentsDialog(dialog_context, worker)
    qtbot.addWidget(dialog)
    _fill(qtbot, dialog, "production", simulator.base_url, "demo", DEMO_PASSWORD)
    assert not dialog.save_button.isEnabled()
    assert dialog.save_button.toolTip() == "Test the connection first"
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_label.text().startswith("✔"), timeout=15_000)
    assert "Connected as demo" in dialog.result_label.text()
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = dialog_context.profiles.get("production")
    assert saved == Environment("production", simulator.base_url, "demo")
    assert SecretStore().get_password(saved) == DEMO_PASSWORD
    assert DEMO_PASSWORD not in (isolated_home / "config" / "environments.toml").read_text()
    assert dialog.changed
    # Changing a field after the test asks for a new test.
    qtbot.keyClicks(dialog.user, "x")
    assert not dialog.save_button.isEnabled()


def test_wrong_password_is_reported_and_not_saved(qtbot, dialog_context, worker, simulator):
    dialog = EnvironmentsDialog(dialog_context, worker)
    qtbot.addWidget(dialog)
    _fill(qtbot, dialog, "production", simulator.base_url, "demo", "wrong")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_label.text().startswith("✘"), timeout=15_000)
    assert "password" in dialog.result_label.text()
    assert not dialog.save_button.isEnabled()
    assert dialog_context.profiles.list() == []


def test_without_secure_keyring_password_is_for_this_session_only(qtbot, dialog_context, worker, simulator,
                                                                  monkeypatch):
    class InsecureStore(SecretStore):
        def backend_is_secure(self):
            return False

        def set_password(self, environment, password):
            raise AssertionError("must not write to an insecure keyring")

    monkeypatch.setattr("compass_desk.gui.environments_dialog.secret_store", InsecureStore)
    dialog = EnvironmentsDialog(dialog_context, worker)
    qtbot.addWidget(dialog)
    assert dialog.warning.isVisibleTo(dialog)
    assert "session only" in dialog.warning.text()
    _fill(qtbot, dialog, "staging", simulator.base_url, "demo", DEMO_PASSWORD)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=15_000)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = dialog_context.profiles.get("staging")
    assert dialog_context.passwords.get(saved) == DEMO_PASSWORD
    assert SecretStore().get_password(saved) is None


def test_remove_profile_deletes_its_password(qtbot, dialog_context, worker, monkeypatch):
    environment = Environment("old", "https://rest.example.com", "me")
    dialog_context.profiles.save(environment)
    SecretStore().set_password(environment, "pw")
    monkeypatch.setattr("compass_desk.gui.environments_dialog.confirm_remove", lambda parent, name: True)
    dialog = EnvironmentsDialog(dialog_context, worker)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "old"
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog_context.profiles.list() == []
    assert SecretStore().get_password(environment) is None


def test_audit_view_filters_and_exports(qtbot, dialog_context, tmp_path, monkeypatch):
    audit = dialog_context.audit
    audit.record("production", "demo", "activate", "Receptie (00:04:13:AA:BB:01) in Bakkerij", "ok")
    audit.record("staging", "demo", "reboot", "Balie (00:04:13:AA:BB:02) in Zorgcentrum", "failed", "403")
    view = AuditView(audit)
    qtbot.addWidget(view)
    assert view.table.rowCount() == 2
    assert view.table.item(0, 3).text() == "reboot"  # newest first
    qtbot.keyClicks(view.filter, "receptie")
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)
    assert view.table.item(0, 4).text().startswith("Receptie")
    target = tmp_path / "audit.csv"
    monkeypatch.setattr("compass_desk.gui.audit_view.choose_export_path", lambda parent: str(target))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert "Exported 1 entry" in view.count.text()
    with target.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][3] == "action" and rows[1][3] == "activate"
