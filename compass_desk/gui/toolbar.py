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
        bar = QToolBar("Main", window)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        window.addToolBar(bar)
        self.bar = bar
        self.env_badge = QLabel()
        self.env_badge.setObjectName("environmentBadge")
        self.env_badge.setAccessibleName("Current environment")
        bar.addWidget(self.env_badge)
        self.demo_badge = QLabel("DEMO")
        self.demo_badge.setObjectName("demoBadge")
        self.demo_badge.setAccessibleName("Demo mode")
        self.demo_badge.setToolTip("Demo mode: built-in simulated servers, no real phones are changed")
        self.demo_badge.setStyleSheet(DEMO_BADGE_STYLE)
        bar.addWidget(self.demo_badge).setVisible(demo)
        bar.addSeparator()
        self.env_group = QActionGroup(window)
        self.env_group.setExclusive(True)
        self.env_actions: dict[str, QAction] = {}
        self._env_end = bar.addSeparator()
        self.refresh_action = QAction(icon("refresh"), "Refresh", window)
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_action.setToolTip("Fetch organisations, phones and live status again (F5)")
        bar.addAction(self.refresh_action)
        self.environments_action = QAction(icon("environments"), "Environments…", window)
        self.environments_action.setVisible(profiles_editable)
        bar.addAction(self.environments_action)
        self.audit_action = QAction(icon("audit"), "Audit log", window)
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
                action.setToolTip(f"Switch to {environment.name} (Ctrl+{number})")
            action.triggered.connect(lambda _=False, env=environment: emit(self.environment_chosen, env))
            self.env_group.addAction(action)
            self.bar.insertAction(self._env_end, action)
            self.env_actions[environment.name] = action
        if current is not None and current.name in self.env_actions:
            self.env_actions[current.name].setChecked(True)

    def show_environment(self, environment: Environment | None) -> None:
        if environment is None:
            self.env_badge.setText("No environment")
            self.env_badge.setStyleSheet("")
            return
        self.env_badge.setText(environment.name.upper())
        self.env_badge.setStyleSheet(badge_stylesheet(environment_look(environment.name)))
        self.env_badge.setToolTip(f"Every action goes to {environment.name} "
                                  f"(signed in as {environment.username})")
        if environment.name in self.env_actions:
            self.env_actions[environment.name].setChecked(True)

