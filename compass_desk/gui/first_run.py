"""The welcome page shown while no environment profile exists: add one, try the demo, or open a file."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QProcess, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from compass_desk import APP_NAME
from compass_desk.gui.style import icon

log = logging.getLogger(__name__)

PROVISIONING_FILTER = "*.cfg *.xml *.boot *.txt"


def demo_command() -> tuple[str, list[str]]:
    """How to start this same program with ``--demo`` (a packaged build or a Python install)."""
    if getattr(sys, "frozen", False):
        return sys.executable, ["--demo"]
    return sys.executable, ["-m", "compass_desk", "--demo"]


def launch_demo() -> bool:
    """Start the demo as a separate program, so the empty profile stays untouched."""
    program, args = demo_command()
    started, _pid = QProcess.startDetached(program, args)
    if not started:
        log.warning("the demo could not be started: %s %s", program, args)
    return bool(started)


class FirstRunPage(QWidget):
    """Emits ``add_environment_requested`` / ``demo_requested``; opens provisioning files itself."""

    add_environment_requested = Signal()
    demo_requested = Signal()
    file_opened = Signal(object)  # the viewer dialog

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunPage")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(14)
        logo = QLabel()
        logo.setPixmap(icon("app").pixmap(72, 72))
        logo.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(logo)
        title = QLabel(self.tr("Welcome to %1").replace("%1", APP_NAME))
        title.setObjectName("welcomeTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        title.setStyleSheet("QLabel { font-size: 20pt; font-weight: bold; }")
        column.addWidget(title)
        self.intro = QLabel(self.tr(
            "%1 helps you install and support Snom and Yealink desk phones on the Compass cloud PBX. "
            "Find a phone by its MAC address, see where it is in provisioning, and fix what is stuck "
            "in a few clicks.").replace("%1", APP_NAME))
        self.intro.setWordWrap(True)
        self.intro.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.intro)
        start = QLabel(self.tr("To begin, add the Compass environment you work with, "
                               "or look around in the demo first."))
        start.setWordWrap(True)
        start.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(start)

        row = QHBoxLayout()
        row.addStretch(1)
        self.add_button = QPushButton(icon("environments"), self.tr("Add environment…"))
        self.add_button.setObjectName("addEnvironmentButton")
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add_environment_requested.emit)
        self.demo_button = QPushButton(self.tr("Try the demo"))
        self.demo_button.setObjectName("demoButton")
        self.demo_button.setToolTip(self.tr("Opens a second window on built-in simulated servers; "
                                            "no real phones are changed."))
        self.demo_button.clicked.connect(self.demo_requested.emit)
        for button in (self.add_button, self.demo_button):
            button.setMinimumHeight(36)
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)

        self.open_button = QPushButton(self.tr("Open a provisioning file…"))
        self.open_button.setObjectName("openFileButton")
        self.open_button.setFlat(True)
        self.open_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.open_button.setStyleSheet("QPushButton { color: palette(link); text-decoration: underline; }")
        self.open_button.setToolTip(self.tr("Read a .cfg or .xml file from disk, with its secrets hidden; "
                                            "no account needed."))
        self.open_button.clicked.connect(self.choose_file)
        column.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignHCenter)

        wrapper = QHBoxLayout()
        wrapper.addStretch(1)
        holder = QWidget()
        holder.setLayout(column)
        holder.setMaximumWidth(560)
        wrapper.addWidget(holder, 4)
        wrapper.addStretch(1)
        outer.addLayout(wrapper)
        outer.addStretch(2)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open a provisioning file"), "",
            self.tr("Provisioning files (%1);;All files (*)").replace("%1", PROVISIONING_FILTER))
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> None:
        from compass_desk.gui.provisioning_view import open_file

        dialog = open_file(self.window(), path)
        if dialog is not None:
            self.file_opened.emit(dialog)
