"""Add, edit and remove environment profiles; a connection test comes before saving.

Passwords go only to the system keyring (store.secrets). Without a secure keyring the dialog says
so and keeps the password in memory for this session only.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from compass_desk.domain.models import Environment
from compass_desk.gui.ask import confirm
from compass_desk.gui.context import AppContext
from compass_desk.gui.i18n import localize
from compass_desk.gui.messages import user_message
from compass_desk.gui.ui_loader import child, load_ui
from compass_desk.gui.worker import Worker

log = logging.getLogger(__name__)


def secret_store() -> Any:
    from compass_desk.store.secrets import SecretStore

    return SecretStore()


def confirm_remove(parent: QWidget, name: str) -> bool:
    return confirm(parent, QCoreApplication.translate("EnvironmentsDialog", "Remove environment"),
                   QCoreApplication.translate("EnvironmentsDialog",
                                              "Remove the environment “%1” and its saved password?")
                   .replace("%1", name))


class EnvironmentsDialog(QDialog):
    def __init__(self, context: AppContext, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Environments"))
        self.context = context
        self.worker = worker
        self.changed = False
        self._tested: tuple[str, str, str, str] | None = None  # the field values that passed the test
        form = load_ui("environments_dialog.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(form)
        self.profiles = child(form, QListWidget, "profileList")
        self.profiles.setMaximumWidth(240)
        self.name = child(form, QLineEdit, "nameEdit")
        self.url = child(form, QLineEdit, "urlEdit")
        self.user = child(form, QLineEdit, "userEdit")
        self.password = child(form, QLineEdit, "passwordEdit")
        self.ca = child(form, QLineEdit, "caEdit")
        self.result_label = child(form, QLabel, "testResult")
        self.warning = child(form, QLabel, "keyringWarning")
        self.test_button = child(form, QPushButton, "testButton")
        self.save_button = child(form, QPushButton, "saveButton")
        self.remove_button = child(form, QPushButton, "removeButton")
        child(form, QPushButton, "addButton").clicked.connect(self.new_profile)
        child(form, QPushButton, "caBrowse").clicked.connect(self._browse_ca)
        child(form, QDialogButtonBox, "buttonBox").rejected.connect(self.reject)
        self.remove_button.clicked.connect(self.remove_profile)
        self.test_button.clicked.connect(self.test_connection)
        self.save_button.clicked.connect(self.save_profile)
        self.profiles.currentTextChanged.connect(self._show_profile)
        for edit in (self.name, self.url, self.user, self.password, self.ca):
            edit.textChanged.connect(self._update_buttons)
        self.secrets = secret_store()
        self.keyring_secure = bool(self.secrets.backend_is_secure())
        if not self.keyring_secure:
            warning = self.secrets.backend_warning_text()
            why = localize(warning) if warning is not None else self.tr("No secure keyring was found.")
            self.warning.setText(self.tr("⚠ %1 The password you type here is used for this session only.")
                                 .replace("%1", why))
            self.warning.setVisible(True)
            self.warning.setStyleSheet("QLabel { color: #8a5a00; }")
        self.resize(760, 420)
        self._reload()

    # -- list -------------------------------------------------------------------------------------
    def _store(self) -> Any:
        return self.context.profiles

    def _reload(self, select: str | None = None) -> None:
        self.profiles.clear()
        for environment in self._store().list():
            self.profiles.addItem(environment.name)
        if select:
            matches = self.profiles.findItems(select, Qt.MatchFlag.MatchExactly)
            if matches:
                self.profiles.setCurrentItem(matches[0])
        elif self.profiles.count():
            self.profiles.setCurrentRow(0)
        else:
            self.new_profile()
        self._update_buttons()

    def _show_profile(self, name: str) -> None:
        environment = self._store().get(name) if name else None
        if environment is None:
            return
        self.name.setText(environment.name)
        self.url.setText(environment.base_url)
        self.user.setText(environment.username)
        self.ca.setText(environment.ca_bundle or "")
        self.password.clear()
        self.result_label.clear()
        self._tested = None
        self._update_buttons()

    def new_profile(self) -> None:
        self.profiles.clearSelection()
        for edit in (self.name, self.url, self.user, self.password, self.ca):
            edit.clear()
        self.result_label.setText(self.tr("Fill in the fields, test the connection, then save."))
        self.name.setFocus()
        self._tested = None

    def remove_profile(self) -> None:
        item = self.profiles.currentItem()
        if item is None:
            return
        name = item.text()
        if not confirm_remove(self, name):
            return
        environment = self._store().get(name)
        self._store().remove(name)
        if environment is not None:
            try:
                self.secrets.delete_password(environment)
            except Exception as exc:  # the profile is gone; a left-over keyring entry is only noted
                log.warning("password not deleted: %s", exc)
            self.context.passwords.forget(environment)
        self.changed = True
        self._reload()

    # -- edit, test, save ---------------------------------------------------------------------------
    def _fields(self) -> tuple[str, str, str, str]:
        return (self.url.text().strip(), self.user.text().strip(), self.password.text(),
                self.ca.text().strip())

    def environment(self) -> Environment:
        url, user, _password, ca = self._fields()
        return Environment(self.name.text().strip(), url.rstrip("/"), user, ca or None)

    def _password_for_test(self) -> str | None:
        typed = self.password.text()
        if typed:
            return typed
        existing = self._store().get(self.name.text().strip())
        if existing is not None and existing.base_url == self.environment().base_url:
            return self.context.passwords.get(existing)
        return None

    def _update_buttons(self) -> None:
        url, user, _password, _ca = self._fields()
        complete = bool(self.name.text().strip() and url and user)
        self.test_button.setEnabled(complete)
        tested = complete and self._tested == self._fields()
        self.save_button.setEnabled(tested)
        self.save_button.setToolTip(self.tr("Save this environment") if tested
                                    else self.tr("Test the connection first"))
        self.remove_button.setEnabled(self.profiles.currentItem() is not None)

    def test_connection(self) -> None:
        environment = self.environment()
        password = self._password_for_test()
        if not password:
            self.result_label.setText(self.tr("Type the password to test the connection."))
            return
        fields = self._fields()
        connect = self.context.connect
        self.test_button.setEnabled(False)
        self.result_label.setText(self.tr("Connecting to %1…").replace("%1", environment.base_url))

        def work(_ctx: Any) -> str:
            session = connect(environment, password)
            try:
                count = len(session.load_companies())
            finally:
                session.client.close()
            user = environment.username
            if count == 1:
                return self.tr("Connected as %1; one organisation visible.").replace("%1", user)
            return (self.tr("Connected as %1; %2 organisations visible.")
                    .replace("%1", user).replace("%2", str(count)))

        def done(text: str) -> None:
            self._tested = fields
            self.result_label.setText("✔ " + text)
            self._update_buttons()

        def failed(error: BaseException) -> None:
            self._tested = None
            self.result_label.setText("✘ " + user_message(error, "test the connection"))
            self._update_buttons()

        self.worker.submit(work, label="test connection", on_success=done, on_failure=failed)

    def save_profile(self) -> None:
        if self._tested != self._fields():
            self.result_label.setText(self.tr("Test the connection first."))
            return
        environment = self.environment()
        password = self._password_for_test()
        try:
            self._store().save(environment)
        except ValueError as exc:
            self.result_label.setText(f"✘ {user_message(exc)}")
            return
        if password:
            self._keep_password(environment, password)
        self.changed = True
        current = self.profiles.currentItem()
        if current is not None and current.text() != environment.name:
            old = self._store().get(current.text())
            if old is not None and dataclasses.replace(old, name=environment.name) == environment:
                self._store().remove(current.text())  # a rename
        self._reload(select=environment.name)

    def _keep_password(self, environment: Environment, password: str) -> None:
        if self.keyring_secure:
            try:
                self.secrets.set_password(environment, password)
                self.result_label.setText(self.tr("✔ Saved; the password is in the system keyring."))
                return
            except Exception as exc:
                self.result_label.setText(
                    self.tr("Saved, but the password could not go into the keyring: %1 "
                            "It is kept for this session only.").replace("%1", user_message(exc)))
        else:
            self.result_label.setText(self.tr("Saved. The password is kept for this session only "
                                              "(no secure keyring)."))
        self.context.passwords.remember_for_session(environment, password)

    def _browse_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Certificate authority bundle"), "",
                                              self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.ca.setText(path)
