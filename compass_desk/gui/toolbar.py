"""The main toolbar: which environment is in use (badge, one click to switch), refresh, tools."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar

from compass_desk.domain.models import Environment
from compass_desk.gui.qtfix import emit
from compass_desk.gui.style import badge_stylesheet, environment_look, icon

DEMO_BADGE_STYLE = ("QLabel { background: #6a1b9a; color: white; border-radius: 4px; padding: 3px 8px;"
                    " font-weight: bold; margin-left: 4px; }")


class MainToolbar(QObject):
    """Builds the toolbar into *window*; ``environment_chosen`` fires on a click or Ctrl+1..9."""

    environment_chosen = Signal(object)  # Environment

    def __init__(self, window: QMainWindow, demo: bool, profiles_editable: bool) -> None:
        super().__init__(window)
        bar = QToolBar(self.tr("Main"), window)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        window.addToolBar(bar)
        self.bar = bar
        self.env_badge = QLabel()
        self.env_badge.setObjectName("environmentBadge")
        self.env_badge.setAccessibleName(self.tr("Current environment"))
        bar.addWidget(self.env_badge)
        self.demo_badge = QLabel(self.tr("DEMO"))
        self.demo_badge.setObjectName("demoBadge")
        self.demo_badge.setAccessibleName(self.tr("Demo mode"))
        self.demo_badge.setToolTip(
            self.tr("Demo mode: built-in simulated servers, no real phones are changed"))
        self.demo_badge.setStyleSheet(DEMO_BADGE_STYLE)
        bar.addWidget(self.demo_badge).setVisible(demo)
        bar.addSeparator()
        self.env_group = QActionGroup(window)
        self.env_group.setExclusive(True)
        self.env_actions: dict[str, QAction] = {}
        self._env_end = bar.addSeparator()
        self.refresh_action = QAction(icon("refresh"), self.tr("Refresh"), window)
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_action.setToolTip(self.tr("Fetch organisations, phones and live status again (F5)"))
        bar.addAction(self.refresh_action)
        self.environments_action = QAction(icon("environments"), self.tr("Environments…"), window)
        self.environments_action.setVisible(profiles_editable)
        bar.addAction(self.environments_action)
        self.audit_action = QAction(icon("audit"), self.tr("Audit log"), window)
        bar.addAction(self.audit_action)
        self._window = window

    def set_environments(self, environments: Sequence[Environment], current: Environment | None) -> None:
        for action in self.env_actions.values():
            self.env_group.removeAction(action)
            self.bar.removeAction(action)
            action.deleteLater()
        self.env_actions = {}
        for number, environment in enumerate(environments, start=1):
            action = QAction(environment.name, self._window)
            action.setCheckable(True)
            if number <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
                action.setToolTip(self.tr("Switch to %1 (Ctrl+%2)").replace("%2", str(number))
                                  .replace("%1", environment.name))
            action.triggered.connect(lambda _=False, env=environment: emit(self.environment_chosen, env))
            self.env_group.addAction(action)
            self.bar.insertAction(self._env_end, action)
            self.env_actions[environment.name] = action
        if current is not None and current.name in self.env_actions:
            self.env_actions[current.name].setChecked(True)

    def show_environment(self, environment: Environment | None) -> None:
        if environment is None:
            self.env_badge.setText(self.tr("No environment"))
            self.env_badge.setStyleSheet("")
            return
        self.env_badge.setText(environment.name.upper())
        self.env_badge.setStyleSheet(badge_stylesheet(environment_look(environment.name)))
        self.env_badge.setToolTip(self.tr("Every action goes to %1 (signed in as %2)")
                                  .replace("%2", environment.username).replace("%1", environment.name))
        if environment.name in self.env_actions:
            self.env_actions[environment.name].setChecked(True)

