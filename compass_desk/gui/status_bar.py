"""Status bar: messages, refresh progress with Cancel, and the organisations that failed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressBar, QPushButton, QStatusBar, QWidget

from compass_desk.domain.text import Text
from compass_desk.gui.i18n import localize


class StatusBar(QStatusBar):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QLabel()
        self.message.setObjectName("statusMessage")
        self.message.setAccessibleName(self.tr("Status"))
        self.progress = QProgressBar()
        self.progress.setObjectName("refreshProgress")
        self.progress.setAccessibleName(self.tr("Refresh progress"))
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setObjectName("cancelRefresh")
        self.cancel.setToolTip(self.tr("Stop the refresh; the data already shown stays"))
        self.cancel.clicked.connect(self.cancel_requested)
        self.failures = QPushButton()
        self.failures.setObjectName("failuresButton")
        self.failures.setFlat(True)
        self.failures.setAccessibleName(self.tr("Organisations that failed"))
        self.failures.clicked.connect(self._show_failures)
        self._failure_lines: list[str] = []
        self.addWidget(self.message, 1)
        self.addPermanentWidget(self.failures)
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.cancel)
        self.set_busy(False)
        self.set_failures([])

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setToolTip(text)

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)

    def set_progress(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(f"{done}/{total}")
        else:
            self.progress.setRange(0, 0)
        if label:
            self.say(label)  # already in the app's language (the worker words a Text)

    def set_failures(self, failures: list[tuple[str, str | Text]]) -> None:
        """(organisation name, reason) per organisation not loaded; a reason may be a Text."""
        self._failure_lines = [f"{name}: {localize(reason)}" for name, reason in failures]
        count = len(failures)
        self.failures.setVisible(bool(count))
        self.failures.setText(self.tr("⚠ 1 organisation failed") if count == 1
                              else self.tr("⚠ %1 organisations failed").replace("%1", str(count)))
        self.failures.setToolTip("\n".join(self._failure_lines))

    def failure_lines(self) -> list[str]:
        return list(self._failure_lines)

    def _show_failures(self) -> None:
        QMessageBox.warning(self, self.tr("Organisations not loaded"),
                            self.tr("These organisations could not be loaded; their phones are shown as they "
                                    "were before:\n\n%1").replace("%1", "\n".join(self._failure_lines)))
