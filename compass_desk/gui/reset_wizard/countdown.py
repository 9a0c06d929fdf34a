"""A countdown for timed steps: "Keep # pressed… 8 s"."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from compass_desk.gui.qtfix import emit
from compass_desk.gui.reset_wizard.texts import t


class Countdown(QWidget):
    finished = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.key = ""
        self.seconds = 0
        self.remaining: int | None = None  # None: not started
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("countdownLabel")
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.label.setFont(font)
        self.label.setAccessibleName(t("countdown", lang))
        self.label.setWordWrap(True)  # long key names ("knop op het basisstation …") wrap, not clip
        self.button = QPushButton()
        # The button keeps its whole text ("Opnieuw starten"); the label gives way.
        self.button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.button.setObjectName("countdownButton")
        self.button.clicked.connect(self.start)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)

    def set_step(self, key: str, seconds: int | None) -> None:
        """Show the countdown for *seconds* of holding *key*; hidden when the step is not timed."""
        self.timer.stop()
        self.key, self.seconds, self.remaining = key, seconds or 0, None
        self.setVisible(seconds is not None)
        self._show()

    def start(self) -> None:
        self.remaining = self.seconds
        self.timer.start()
        self._show()

    def stop(self) -> None:
        self.timer.stop()

    def tick(self) -> None:
        if self.remaining is None:
            return
        self.remaining = max(self.remaining - 1, 0)
        if self.remaining == 0:
            self.timer.stop()
            emit(self.finished)
        self._show()

    def _show(self) -> None:
        if self.remaining is None:
            text = t("countdown.ready", self.lang, key=self.key, s=self.seconds)
        elif self.remaining > 0:
            text = t("countdown.running", self.lang, key=self.key, s=self.remaining)
        else:
            text = t("countdown.done", self.lang, key=self.key)
        self.label.setText(text)
        self.button.setText(t("countdown.start" if self.remaining is None else "countdown.again", self.lang))
