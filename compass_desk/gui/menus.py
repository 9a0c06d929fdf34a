"""The menu bar (File, Phone, Tools, Help), the table's and organisation list's context menus.

Every QAction exists once and is shared by the menu bar and the context menus, so a shortcut,
an enabled state and its tooltip (what it does, or why not, plus the shortcut) are the same
everywhere. What each action opens lives in :mod:`compass_desk.gui.launchers`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QObject, QPoint
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from compass_desk.gui import launchers
from compass_desk.gui.actions import Availability

if TYPE_CHECKING:
    from compass_desk.gui.main_window import MainWindow

translate = QCoreApplication.translate  # lupdate reads translate("MainMenus", "text")

# key -> (text, shortcut or "", what it does); the Phone menu, in order (None: a separator).
# Texts in English (QT_TRANSLATE_NOOP: listed for lupdate); shown through _tr().
PHONE_ACTIONS: tuple[tuple[str, object, str, object] | None, ...] = (
    ("activate", QT_TRANSLATE_NOOP("MainMenus", "&Activate…"), "Ctrl+Shift+A", ""),
    ("reboot", QT_TRANSLATE_NOOP("MainMenus", "&Reboot…"), "Ctrl+Shift+R", ""),
    None,
    ("provisioning", QT_TRANSLATE_NOOP("MainMenus", "View &provisioning"), "Ctrl+Shift+P", ""),
    ("firmware", QT_TRANSLATE_NOOP("MainMenus", "&Firmware…"), "Ctrl+Shift+F", ""),
    ("move", QT_TRANSLATE_NOOP("MainMenus", "&Move…"), "Ctrl+M", ""),
    None,
    ("provision", QT_TRANSLATE_NOOP("MainMenus", "Provision this p&hone…"), "Ctrl+N",
     QT_TRANSLATE_NOOP("MainMenus", "Walk through adding, activating and factory-resetting a phone; with no "
                       "phone selected, type or scan its MAC on the first page.")),
    ("troubleshoot", QT_TRANSLATE_NOOP("MainMenus", "&Why is this phone not working?"), "Ctrl+D",
     QT_TRANSLATE_NOOP("MainMenus", "Explain the phone's state, live status and deadline, and offer the "
                       "fix.")),
)


def with_shortcut(text: str, action: QAction) -> str:
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    if not (shortcut and text):
        return text
    return translate("MainMenus", "%1 (%2)").replace("%2", shortcut).replace("%1", text)


class MainMenus(QObject):
    """Builds the menu bar into *window*; ``update()`` sets what is enabled for the selection."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        bar = window.menuBar()
        bar.setObjectName("menuBar")

        file_menu = bar.addMenu(self.tr("&File"))
        self._add(file_menu, "open_file", self.tr("&Open provisioning file…"), QKeySequence.StandardKey.Open,
                  self.tr("Read a .cfg or .xml file from disk with its secrets hidden; no account needed. "
                          "You can also drop files on the window."), lambda: launchers.open_file(window))
        self._add(file_menu, "compare", self.tr("&Compare two files…"), "Ctrl+Shift+O",
                  self.tr("Show two provisioning files side by side with the changed settings listed "
                          "(secrets stay hidden)."), lambda: launchers.compare_files(window))
        file_menu.addSeparator()
        self._add(file_menu, "site_visit", self.tr("Prepare &site visit…"), "", _tr(SITE_VISIT_HELP),
                  lambda: launchers.prepare_site_visit(window))
        self._add(file_menu, "offline_cache", self.tr("Offline &cache…"), "",
                  self.tr("See, open and clear the provisioning files kept on this computer."),
                  lambda: launchers.offline_cache(window))
        file_menu.addSeparator()
        self._add(file_menu, "quit", self.tr("&Quit"), "Ctrl+Q", self.tr("Close Compass Desk."), window.close)

        phone_menu = bar.addMenu(self.tr("&Phone"))
        self.phone_menu = phone_menu
        self.environment_menu = QMenu(self.tr("Use on another &environment"), window)
        self.environment_menu.setObjectName("environmentSwitchMenu")
        self.environment_menu.setToolTipsVisible(True)
        for entry in PHONE_ACTIONS:
            if entry is None:
                phone_menu.addSeparator()
                continue
            key, text, shortcut, help_text = entry
            self._add(phone_menu, key, _tr(text), shortcut, _tr(help_text),
                      lambda _=False, k=key: launchers.phone_action(window, k))
            if key == "move":
                phone_menu.addMenu(self.environment_menu)

        tools_menu = bar.addMenu(self.tr("&Tools"))
        self._add(tools_menu, "site_check", self.tr("Site &check…"), "",
                  self.tr("Check whether a phone on this network can reach everything it needs to "
                          "provision."),
                  lambda: launchers.site_check(window))
        self._add(tools_menu, "firmware_overview", self.tr("Firmware &overview…"), "",
                  self.tr("Installed and selected firmware of every phone of the selected organisation."),
                  lambda: launchers.firmware_overview(window))
        tools_menu.addSeparator()
        self.actions["audit"] = window.audit_action
        window.audit_action.setShortcut(QKeySequence("Ctrl+L"))
        window.audit_action.setToolTip(with_shortcut(self.tr("Every change made from this computer"),
                                                     window.audit_action))
        tools_menu.addAction(window.audit_action)
        self.actions["environments"] = window.environments_action
        window.environments_action.setToolTip(self.tr("Add, change or remove Compass environments"))
        tools_menu.addAction(window.environments_action)
        self._add(tools_menu, "preferences", self.tr("&Preferences…"), QKeySequence.StandardKey.Preferences,
                  self.tr("Language, deadline, refresh interval, default environment and cache size."),
                  lambda: launchers.preferences(window))
        if self.actions["preferences"].shortcut().isEmpty():  # no platform standard (Linux, Windows)
            self._set_shortcut(self.actions["preferences"], "Ctrl+,")

        help_menu = bar.addMenu(self.tr("&Help"))
        self._add(help_menu, "about", self.tr("&About Compass Desk"), "",
                  self.tr("Version, libraries and their licences, where the files are."),
                  lambda: launchers.about(window))
        self._add(help_menu, "diagnostics", self.tr("Copy &diagnostics…"), "",
                  self.tr("Show the support report (no passwords) and copy it for a support ticket."),
                  lambda: launchers.diagnostics(window))
        for menu in (file_menu, phone_menu, tools_menu, help_menu):
            menu.setToolTipsVisible(True)

    def _add(self, menu: QMenu, key: str, text: str, shortcut: str | QKeySequence.StandardKey,
             help_text: str, slot: Callable[..., object]) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"{key}Action")
        self._set_shortcut(action, shortcut)
        action.setData(help_text)
        action.setToolTip(with_shortcut(help_text, action))
        action.triggered.connect(slot)
        menu.addAction(action)
        self.actions[key] = action
        return action

    @staticmethod
    def _set_shortcut(action: QAction, shortcut: str | QKeySequence.StandardKey) -> None:
        if isinstance(shortcut, QKeySequence.StandardKey) or shortcut:
            action.setShortcut(QKeySequence(shortcut))

    # -- state ------------------------------------------------------------------------------------
    def set_available(self, key: str, available: Availability) -> None:
        action = self.actions[key]
        action.setEnabled(available.enabled)
        action.setToolTip(with_shortcut(available.reason, action))

    def update(self, available: dict[str, Availability], environments: list[tuple[str, Availability]],
               move_count: int) -> None:
        for key, state in available.items():
            self.set_available(key, state)
        move_text = self.tr("&Move %1 phones…").replace("%1", str(move_count))
        self.actions["move"].setText(move_text if move_count > 1 else self.tr("&Move…"))
        self.environment_menu.clear()
        for name, state in environments:
            action = self.environment_menu.addAction(name)
            action.setObjectName(f"useOn{name.replace(' ', '')}Action")
            action.setEnabled(state.enabled)
            action.setToolTip(state.reason)
            action.triggered.connect(lambda _=False, n=name: launchers.use_on_environment(self.window, n))
        self.environment_menu.setEnabled(any(state.enabled for _name, state in environments))
        if not environments:
            self.environment_menu.addAction(self.tr("No other environment")).setEnabled(False)

    # -- context menus ----------------------------------------------------------------------------
    def phone_context_menu(self) -> QMenu:
        menu = QMenu(self.window)
        menu.setObjectName("phoneContextMenu")
        menu.setToolTipsVisible(True)
        for entry in PHONE_ACTIONS:
            if entry is None:
                menu.addSeparator()
                continue
            menu.addAction(self.actions[entry[0]])
            if entry[0] == "move":
                menu.addMenu(self.environment_menu)
        return menu

    def organisation_context_menu(self) -> QMenu:
        menu = QMenu(self.window)
        menu.setObjectName("organisationContextMenu")
        menu.setToolTipsVisible(True)
        for key in ("firmware_overview", "site_visit"):
            menu.addAction(self.actions[key])
        return menu

    def show_table_menu(self, position: QPoint) -> QMenu | None:
        table = self.window.table
        index = table.indexAt(position)
        if not index.isValid():
            return None
        if not table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self.window.select_proxy_row(index.row())
        menu = self.phone_context_menu()
        menu.popup(table.viewport().mapToGlobal(position))
        return menu

    def show_organisation_menu(self, position: QPoint) -> QMenu | None:
        view = self.window.organisation_list
        index = view.indexAt(position)
        if index.isValid():
            view.setCurrentIndex(index)
        menu = self.organisation_context_menu()
        menu.popup(view.viewport().mapToGlobal(position))
        return menu


# -- what is enabled, and why ---------------------------------------------------------------------
FEATURE_OPERATIONS = {"provisioning": "provisioning", "move": "migrate", "firmware": "update"}
ONE_PHONE = ("activate", "reboot", "provisioning", "firmware", "troubleshoot")


def availabilities(window: MainWindow) -> tuple[dict[str, Availability], list[tuple[str, Availability]]]:
    """Per action key: enabled or not, with the tooltip; and the "Use on another environment" entries."""
    browser, actions = window.browser, window.actions_
    row, rows = window.selected_row(), window.selected_rows()
    online = not browser.read_only
    sign_in = Availability(False, translate("MainMenus",
                                            "Offline: available again once Compass Desk is connected."))
    result: dict[str, Availability] = {}
    for key in ("activate", "reboot"):
        result[key] = actions.availability(row, key)
    for key, operation in FEATURE_OPERATIONS.items():
        if not window.feature_available(key):
            result[key] = Availability(False, translate("MainMenus", "Not available yet."))
            continue
        result[key] = actions.availability(row, operation)
    if row is not None and not online and row.url in window.cached_urls:
        result["provisioning"] = Availability(True, translate(
            "MainMenus", "Show the copy of the provisioning file kept on this computer (fetched earlier; "
            "secrets hidden)."))
    if len(rows) > 1:
        first = actions.availability(rows[0], "migrate")
        count = str(len(rows))
        result["move"] = Availability(first.enabled, translate(
            "MainMenus", "Move the %1 selected phones to another organisation.").replace("%1", count)
            if first.enabled else first.reason)
        many = Availability(False, translate("MainMenus", "%1 phones are selected; this works on one "
                                                          "phone (Move works on all of them).")
                            .replace("%1", count))
        for key in ONE_PHONE:
            result[key] = many
    result["provision"] = (Availability(True, _tr(PHONE_HELP["provision"])) if online else sign_in)
    if "troubleshoot" not in result:
        result["troubleshoot"] = (Availability(True, _tr(PHONE_HELP["troubleshoot"])) if row is not None
                                  else Availability(False, translate("MainMenus", "Select a phone first.")))
    company = window.current_company()
    result["firmware_overview"] = (
        sign_in if not online else Availability(False, translate("MainMenus",
                                                                 "Choose an organisation in the list first."))
        if company is None else Availability(True, translate(
            "MainMenus", "Installed and selected firmware of every phone of %1.").replace("%1",
                                                                                     company.name)))
    result["site_visit"] = (sign_in if not online else Availability(True, _tr(SITE_VISIT_HELP)))
    others = [e for e in window.context.environments if e != browser.environment]
    switch = result["provisioning"] if online else sign_in
    if len(rows) > 1:
        switch = Availability(False, translate("MainMenus", "Select one phone."))
    environments = []
    for other in others:
        reason = translate("MainMenus", "Move this phone to %1, with both sides shown first.").replace(
            "%1", other.name)
        state = Availability(switch.enabled, reason if switch.enabled else switch.reason)
        environments.append((other.name, state))
    return result, environments


PHONE_HELP = {entry[0]: entry[3] for entry in PHONE_ACTIONS if entry is not None}
SITE_VISIT_HELP = QT_TRANSLATE_NOOP("MainMenus", "Fetch the provisioning file and status of every phone of "
                                    "an organisation, to read them on site without a connection.")


def _tr(text: object) -> str:
    """A text listed with QT_TRANSLATE_NOOP above, in the user's language."""
    return translate("MainMenus", str(text)) if text else ""
