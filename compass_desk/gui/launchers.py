"""What each menu entry opens: one small function per screen, given the main window.

The screens themselves are built elsewhere (reset wizard, moves, firmware, offline cache, site
check, the finish dialogs); these functions find what they need on the window (browser, worker,
context, selection) and report a problem as one sentence in the status bar or a message box.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from compass_desk.domain.mac import format_mac
from compass_desk.gui.messages import user_message

if TYPE_CHECKING:
    from compass_desk.gui.main_window import MainWindow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads translate("Launchers", "text")

FILE_FILTER = "Provisioning files (*.cfg *.xml *.boot *.txt *.conf);;All files (*)"


# -- small dialogs tests replace ----------------------------------------------------------------------
def choose_files(parent: QWidget, title: str) -> list[str]:
    kinds = translate("Launchers", "Provisioning files (*.cfg *.xml *.boot *.txt *.conf);;All files (*)")
    paths, _filter = QFileDialog.getOpenFileNames(parent, title, "", kinds)
    return list(paths)


# The "Phone not found" box open for each MAC: a second scan of the same MAC brings it to the front.
_OFFERS: dict[str, QMessageBox] = {}


def _to_front(widget: QWidget) -> None:
    if widget.isMinimized():
        widget.showNormal()
    widget.raise_()
    widget.activateWindow()


def _open_wizard(parent: QWidget | None, mac: str) -> QWidget | None:
    """The Provision wizard already open for *mac* (by its MAC, or the phone it was opened for)."""
    if parent is None or not mac:
        return None
    from compass_desk.gui.reset_wizard.wizard import ResetWizard

    for wizard in parent.findChildren(ResetWizard):
        phone = wizard.initial_phone
        if wizard.isVisible() and mac in (wizard.initial_mac, phone.mac if phone is not None else None):
            return wizard
    return None


def offer_provisioning(parent: QWidget, mac: str, where: str) -> bool:
    """A scanned MAC that is not in the list: offer to add and provision it.

    Scanned again while its box or its wizard is open: that one comes to the front, no second one.
    """
    shown = _OFFERS.get(mac) or _open_wizard(parent, mac)
    if shown is not None:
        _to_front(shown)
        return False
    text = translate("Launchers", "No phone with MAC %1 is in any organisation of %2.\n\nAdd it to an "
                                  "organisation and provision it now?")
    box = QMessageBox(QMessageBox.Icon.Question, translate("Launchers", "Phone not found"),
                      text.replace("%1", format_mac(mac)).replace("%2", where),
                      QMessageBox.StandardButton.Cancel, parent)
    provision = box.addButton(translate("Launchers", "Provision this phone…"),
                              QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(provision)
    _OFFERS[mac] = box
    try:
        box.exec()
    finally:
        _OFFERS.pop(mac, None)
    return box.clickedButton() is provision


def _guarded(window: MainWindow, doing: str, fn: Callable[[], Any]) -> Any:
    """A screen failing to open must not take the main window down: say so instead."""
    try:
        return fn()
    except Exception as exc:
        log.exception("could not %s", doing)
        window.status.say(user_message(exc, doing))
        return None


# -- File ---------------------------------------------------------------------------------------------
def open_paths(window: MainWindow, paths: list[Path]) -> list[Any]:
    from compass_desk.gui.provisioning_view import open_file

    opened = []
    for path in paths:
        dialog = _guarded(window, "open the file", partial(open_file, window, path))
        if dialog is not None:
            opened.append(dialog)
    return opened


def open_file(window: MainWindow) -> list[Any]:
    title = translate("Launchers", "Open provisioning file")
    return open_paths(window, [Path(p) for p in choose_files(window, title)])


def compare_files(window: MainWindow) -> Any:
    paths = choose_files(window, translate("Launchers", "Choose two provisioning files to compare"))
    if len(paths) == 1:
        second = translate("Launchers", "Compare %1 with…").replace("%1", Path(paths[0]).name)
        paths += choose_files(window, second)[:1]
    if not paths:
        return None
    if len(paths) != 2:
        QMessageBox.information(window, translate("Launchers", "Compare two files"),
                                translate("Launchers", "Choose exactly two files to compare."))
        return None
    return _guarded(window, "compare the files", lambda: _compare(window, Path(paths[0]), Path(paths[1])))


def _compare(window: MainWindow, left: Path, right: Path) -> Any:
    from compass_desk.domain.provisioning import ParseError, parse_bytes
    from compass_desk.gui.i18n import localize
    from compass_desk.gui.provisioning_compare import ProvisioningCompareDialog
    from compass_desk.services.files import ProvisioningFileError, read_provisioning_file

    parsed = []
    for path in (left, right):
        try:
            # Regular files only, at most the size limit (as opening one file): a pipe must not hang.
            parsed.append(parse_bytes(read_provisioning_file(path), path.name))
        except ProvisioningFileError as exc:
            QMessageBox.warning(window, translate("Launchers", "Cannot open file"), localize(exc))
            return None
        except OSError as exc:
            QMessageBox.warning(window, translate("Launchers", "Cannot open file"),
                                translate("Launchers", "%1 cannot be opened: %2.")
                                .replace("%2", str(exc.strerror or exc)).replace("%1", path.name))
            return None
        except ParseError as exc:
            QMessageBox.warning(window, translate("Launchers", "Cannot compare"),
                                translate("Launchers",
                                          "%1 is not a provisioning file Compass Desk can read: %2")
                                .replace("%2", localize(exc)).replace("%1", path.name))
            return None
    dialog = ProvisioningCompareDialog(parsed[0], parsed[1], left_title=left.name, right_title=right.name,
                                       parent=window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def prepare_site_visit(window: MainWindow) -> Any:
    from compass_desk.gui.cache_view import provisioning_cache_for
    from compass_desk.gui.site_visit_dialog import SiteVisitDialog

    browser = window.browser
    if browser.read_only or browser.session is None:
        window.status.say(translate("Launchers", "Sign in to this environment to prepare a site visit."))
        return None
    cache = provisioning_cache_for(window.context)
    if cache is None:
        QMessageBox.warning(window, translate("Launchers", "Prepare site visit"),
                            translate("Launchers", "The offline cache cannot be opened; see the log."))
        return None
    dialog = SiteVisitDialog(window.worker, browser.session, cache, snapshots=window.context.cache,
                             company=window.current_company(), parent=window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def offline_cache(window: MainWindow) -> Any:
    from compass_desk.gui.cache_view import CacheViewDialog, provisioning_cache_for

    cache = provisioning_cache_for(window.context)
    if cache is None:
        QMessageBox.warning(window, translate("Launchers", "Offline cache"),
                            translate("Launchers", "The offline cache cannot be opened; see the log."))
        return None
    environment = window.browser.environment
    dialog = CacheViewDialog(cache, snapshots=window.context.cache, audit=window.context.audit,
                             worker=window.worker, user=environment.username if environment else "",
                             parent=window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.destroyed.connect(lambda *_: window.update_cached_copies())
    dialog.show()
    return dialog


# -- Phone --------------------------------------------------------------------------------------------
def phone_action(window: MainWindow, key: str) -> Any:
    row = window.selected_row()
    if key in ("activate", "reboot"):
        return window.run_action(key)
    if key == "move" and len(window.selected_rows()) > 1:
        return bulk_move(window)
    if key in ("provisioning", "move", "firmware"):
        return window.open_feature(key)
    if key == "provision":
        return provision(window, row=row)
    if key == "troubleshoot" and row is not None:
        from compass_desk.gui.reset_wizard.launch import open_troubleshooter

        return _guarded(window, "open the troubleshooter",
                        lambda: open_troubleshooter(window, window.browser, window.worker, row))
    return None


def provision(window: MainWindow, row: Any = None, mac: str | None = None) -> Any:
    from compass_desk.gui.reset_wizard.launch import open_reset_wizard

    open_already = _open_wizard(window, mac or (row.phone.mac if row is not None else ""))
    if open_already is not None:  # one wizard per phone: a second one would race the first
        _to_front(open_already)
        return open_already
    wizard = _guarded(window, "open the reset wizard",
                      lambda: open_reset_wizard(window, window.browser, window.worker, row, mac=mac))
    if wizard is None and window.browser.read_only:
        window.status.say(translate("Launchers", "Sign in to this environment to provision a phone."))
    return wizard


def bulk_move(window: MainWindow) -> Any:
    from compass_desk.gui.move_launch import open_bulk_move

    phones = [row.phone for row in window.selected_rows()]
    return _guarded(window, "move the phones", lambda: open_bulk_move(window, window.browser, phones))


def use_on_environment(window: MainWindow, name: str) -> None:
    from compass_desk.gui.move_launch import open_environment_switch

    row = window.selected_row()
    target = next((e for e in window.context.environments if e.name == name), None)
    if row is None or target is None:
        return
    _guarded(window, f"use the phone on {name}",
             lambda: open_environment_switch(window, window.browser, row.phone, target))


def offer_unfinished_moves(window: MainWindow) -> Any:
    from compass_desk.gui.move_launch import offer_unfinished_moves as offer

    return _guarded(window, "read the unfinished moves", lambda: offer(window, window.browser))


# -- Tools --------------------------------------------------------------------------------------------
def site_check(window: MainWindow) -> Any:
    from compass_desk.gui.sitecheck_dialog import SiteCheckDialog

    dialog = SiteCheckDialog(window.worker, environment=window.browser.environment, parent=window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.start()
    return dialog


def firmware_overview(window: MainWindow) -> Any:
    from compass_desk.gui.firmware_overview import open_for_company

    company = window.current_company()
    if company is None:
        window.status.say(translate("Launchers", "Choose an organisation first."))
        return None
    return _guarded(window, "open the firmware overview",
                    lambda: open_for_company(window, window.browser, company))


def edit_environments(window: MainWindow) -> None:
    from compass_desk.gui.environments_dialog import EnvironmentsDialog

    dialog = EnvironmentsDialog(window.context, window.worker, window)
    dialog.exec()
    if dialog.changed:
        window.reload_environments()


def show_audit_log(window: MainWindow) -> None:
    from compass_desk.gui.audit_view import AuditView

    if window.context.audit is None:
        window.status.say(translate("Launchers", "The audit log is not available."))
        return
    AuditView(window.context.audit, window).exec()


def preferences(window: MainWindow) -> Any:
    from compass_desk.gui.preferences_dialog import open_preferences

    dialog = open_preferences(window, window.context)
    dialog.changed.connect(window.preference_changed)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


# -- Help ---------------------------------------------------------------------------------------------
def about(window: MainWindow) -> Any:
    from compass_desk.gui.about_dialog import AboutDialog

    dialog = AboutDialog(window.context.paths, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def diagnostics(window: MainWindow) -> Any:
    from compass_desk.gui.diagnostics import show_diagnostics

    browser = window.browser
    connection = browser.mode.value + (f": {browser.mode_detail}" if browser.mode_detail else "")
    return _guarded(window, "gather the diagnostics",
                    lambda: show_diagnostics(window, window.context, browser.environment, connection))
