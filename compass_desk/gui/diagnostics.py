"""“Copy diagnostics”: the support text from ``services.diagnostics``, shown first, then on the clipboard."""

from __future__ import annotations

from typing import Any

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from compass_desk.domain.models import Environment
from compass_desk.gui import i18n
from compass_desk.paths import app_paths
from compass_desk.services.diagnostics import DiagnosticsInput, build_report


def gather(context: Any = None, environment: Environment | None = None,
           connection: str = "") -> DiagnosticsInput:
    """The facts only the GUI knows (Qt, language, the open environment) from an ``AppContext``."""
    paths = getattr(context, "paths", None) or app_paths()
    return DiagnosticsInput(
        qt_version=qVersion(),
        pyside_version=PySide6.__version__,
        qt_platform=QGuiApplication.platformName(),
        language=i18n.current_language(),
        environment=environment,
        connection=connection,
        demo=bool(getattr(context, "demo", False)),
        log_dir=paths.logs,
        data_dir=paths.data,
    )


def diagnostics_text(context: Any = None, environment: Environment | None = None,
                     connection: str = "") -> str:
    return build_report(gather(context, environment, connection))


def copy_diagnostics(context: Any = None, environment: Environment | None = None,
                     connection: str = "") -> str:
    """Put the report on the clipboard at once; returns it."""
    text = diagnostics_text(context, environment, connection)
    QGuiApplication.clipboard().setText(text)
    return text


class DiagnosticsDialog(QDialog):
    """Shows exactly what will be shared, with one button to copy it."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diagnosticsDialog")
        self.setWindowTitle(self.tr("Diagnostics for support"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Paste this into your support ticket. It is in English for the support "
                               "team and holds no passwords; secrets in the log lines are replaced by ***."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit(text)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.text, 1)
        self.copied = QLabel()
        self.copied.setObjectName("copiedLabel")
        layout.addWidget(self.copied)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy to clipboard"))
        self.copy_button.setDefault(True)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 520)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        self.copied.setText(self.tr("Copied. Paste it into your support ticket."))


def show_diagnostics(parent: QWidget | None, context: Any = None, environment: Environment | None = None,
                     connection: str = "") -> DiagnosticsDialog:
    dialog = DiagnosticsDialog(diagnostics_text(context, environment, connection), parent)
    dialog.show()
    return dialog
