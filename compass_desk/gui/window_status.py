"""The main window's title, banner, sign-in prompt, offline copies and dropped files (a mixin)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLineEdit, QMainWindow

from compass_desk import APP_NAME
from compass_desk.domain.models import Environment
from compass_desk.gui import launchers
from compass_desk.gui.browser import Mode, as_of_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel

    from compass_desk.gui.browser import Browser
    from compass_desk.gui.context import AppContext
    from compass_desk.gui.main_window import MainWindow
    from compass_desk.gui.worker import Worker

log = logging.getLogger(__name__)
# A mixin of MainWindow: its texts are translated in the "MainWindow" context (tr() would use the
# runtime class anyway, and lupdate would file them under the mixin).
translate = QCoreApplication.translate


class StatusMixin(QMainWindow):
    browser: Browser
    context: AppContext
    worker: Worker
    banner: QLabel
    cached_urls: set[str]
    _shut_down: bool

    if TYPE_CHECKING:  # MainWindow's own, called from here
        def _update_actions(self) -> None: ...

    def _update_title(self) -> None:
        environment = self.browser.environment
        name = environment.name if environment else translate("MainWindow", "no environment")
        parts = [APP_NAME, "—", name]
        if self.context.demo:
            parts.append(translate("MainWindow", "[DEMO]"))
        if self.browser.mode == Mode.OFFLINE:
            parts.append(translate("MainWindow", "(offline, read-only)"))
        self.setWindowTitle(" ".join(parts))

    def _update_banner(self) -> None:
        b = self.browser
        if b.mode == Mode.OFFLINE:
            # The saved data may arrive after the failure: the sentence is built from both, now.
            shown_at = b.shown_data_time()
            data = (translate("MainWindow", "Showing saved data as of %1; everything is read-only.")
                    .replace("%1", as_of_text(shown_at)) if shown_at
                    else translate("MainWindow", "There is no saved data for this environment yet; "
                                                 "everything is read-only."))
            text, colour = f"{b.mode_detail} {data}", "#8a5a00"
        elif b.as_of is not None:
            text = translate("MainWindow", "Showing saved data as of %1 until the refresh finishes.").replace(
                "%1", as_of_text(b.as_of))
            colour = "#37618f"
        else:
            text, colour = "", "#37618f"
        self.banner.setVisible(bool(text))
        self.banner.setText(text)
        self.banner.setStyleSheet(f"QLabel {{ background: {colour}; color: white; padding: 4px 8px;"
                                  " border-radius: 3px; }")

    def show_start_warnings(self) -> None:
        """Problems found while starting (an unreadable state file…): in the status bar and, when
        someone can see it, a message box that does not block."""
        from PySide6.QtWidgets import QMessageBox

        warnings, self.context.warnings = self.context.warnings, []
        if not warnings:
            return
        from compass_desk.gui.i18n import localize

        text = " ".join(localize(warning) for warning in warnings)  # a sentence or a Text
        cast("MainWindow", self).status.say(text)
        if self.context.interactive:
            box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text, QMessageBox.StandardButton.Ok, self)
            box.setObjectName("start-warning")
            box.open()

    def _ask_password(self, environment: Environment) -> None:
        if not self.context.interactive:  # --screenshot: a hidden modal dialog would wait forever
            self.context.password_missing = environment
            return
        from PySide6.QtWidgets import QInputDialog

        password, ok = QInputDialog.getText(
            self, translate("MainWindow", "Sign in"), translate("MainWindow", "Password for %1 on %2:")
            .replace("%2", environment.name).replace("%1", environment.username),
            QLineEdit.EchoMode.Password)
        if ok and password:
            self.context.passwords.remember_for_session(environment, password)
            self.browser.sign_in(password)

    def update_cached_copies(self) -> None:
        """Read which phones have an offline copy of their file (for View provisioning offline)."""
        from compass_desk.gui.cache_view import provisioning_cache_for

        environment, context = self.browser.environment, self.context
        if environment is None or self._shut_down:
            return

        def done(urls: set[str]) -> None:
            if self.browser.environment == environment:
                self.cached_urls = urls
                self._update_actions()

        def work(_ctx: Any) -> set[str]:
            cache = provisioning_cache_for(context)
            if cache is None:
                return set()
            return {info.phone_url for info in cache.entries(environment.name)}

        self.worker.submit(work, label="offline copies", on_success=done,
                           on_failure=lambda e: log.warning("offline copies not listed: %s", e))

    def preference_changed(self, key: str, value: Any) -> None:
        """Apply a preference saved in the Preferences dialog at once, where that is possible."""
        from compass_desk.gui.preferences_apply import apply_preference

        apply_preference(cast("MainWindow", self), key, value)

    # -- files dropped on the window -----------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from compass_desk.gui.cache_view import dropped_provisioning_files

        if dropped_provisioning_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        from compass_desk.gui.cache_view import dropped_provisioning_files

        files = dropped_provisioning_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            launchers.open_paths(cast("MainWindow", self), files)

