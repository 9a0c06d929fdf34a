"""Page 3: the model's reset guide, one step at a time, with the keypad illustration and countdowns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from compass_desk.domain.guides import Step
from compass_desk.domain.reset_flow import Stage
from compass_desk.gui.reset_wizard import common
from compass_desk.gui.reset_wizard.countdown import Countdown
from compass_desk.gui.reset_wizard.illustration import Illustration
from compass_desk.gui.reset_wizard.texts import t

if TYPE_CHECKING:
    from compass_desk.gui.reset_wizard.wizard import ResetWizard


class ResetPage(QWizardPage):
    def __init__(self, owner: ResetWizard) -> None:
        super().__init__()
        self.owner = owner
        lang = owner.lang
        self._shown: tuple[str, int] | None = None
        self.setTitle(t("reset.title", lang))
        self.setSubTitle(" ")  # the model's name comes when the page is shown
        self.setButtonText(QWizard.WizardButton.NextButton, t("reset.done", lang))
        outer = QHBoxLayout(self)
        outer.setSpacing(18)
        left = QVBoxLayout()
        left.setSpacing(10)
        outer.addLayout(left, 3)

        method_row = QHBoxLayout()
        method_label = QLabel(t("method", lang) + ":")
        self.method = QComboBox()
        self.method.setObjectName("methodChoice")
        method_label.setBuddy(self.method)
        self.method.activated.connect(self._method_chosen)
        method_row.addWidget(method_label)
        method_row.addWidget(self.method, 1)
        left.addLayout(method_row)
        self.method_note = common.notice_label("methodNote")
        left.addWidget(self.method_note)

        self.step_header = common.wrapped(name="stepHeader", bold=True)
        self.step_text = common.wrapped(name="stepText", scale=1.3)
        self.step_text.setMinimumHeight(60)
        self.hold = common.wrapped(name="holdNote", bold=True)
        self.countdown = Countdown(lang)
        self.countdown.setObjectName("countdown")
        self.display = common.wrapped(name="displayNote")
        self.trouble = common.wrapped(name="troubleNote")
        self.trouble.setStyleSheet("QLabel { color: #4a4a4a; font-style: italic; }")
        shown = (self.step_header, self.step_text, self.hold, self.countdown, self.display, self.trouble)
        for widget in shown:
            left.addWidget(widget)

        nav = QHBoxLayout()
        self.prev_button = QPushButton(t("prev.step", lang))
        self.prev_button.setObjectName("previousStep")
        self.prev_button.clicked.connect(self.previous_step)
        self.next_button = QPushButton(t("next.step", lang))
        self.next_button.setObjectName("nextStep")
        self.next_button.clicked.connect(self.next_step)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        left.addLayout(nav)
        # PageUp/PageDown walk the steps from anywhere on the page.
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, self.next_step)
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, self.previous_step)
        self.last_hint = common.wrapped(t("reset.last", lang), name="lastStepHint")
        left.addWidget(self.last_hint)
        self.notice = common.notice_label("resetNotice")
        left.addWidget(self.notice)
        left.addStretch(1)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        left.addWidget(rule)
        self.fallback = common.wrapped(name="fallbackNote")
        self.fallback.setTextFormat(Qt.TextFormat.RichText)
        self.fallback.setOpenExternalLinks(True)
        self.fallback.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        left.addWidget(self.fallback)

        right = QVBoxLayout()
        self.illustration = Illustration()
        self.keys_caption = common.wrapped(name="keysCaption")
        self.keys_caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        right.addWidget(self.illustration, 1)
        right.addWidget(self.keys_caption)
        outer.addLayout(right, 2)

    # --- QWizardPage ----------------------------------------------------------------------------
    def initializePage(self) -> None:
        flow = self.owner.flow
        model = flow.entry.model.display_name if flow.entry else (flow.phone.model if flow.phone else "")
        self.setSubTitle(t("reset.sub", self.owner.lang, model=model))
        self.method.clear()
        for method in flow.methods:
            flag = "" if method.verified else f" ({t('unverified', self.owner.lang)})"
            self.method.addItem(method.title.get(self.owner.lang) + flag, method.id)
        if flow.method is not None:
            self.method.setCurrentIndex(max(self.method.findData(flow.method.id), 0))
        self.method.setEnabled(self.method.count() > 1)
        self._shown = None
        self.refresh()
        self.next_button.setFocus()

    def cleanupPage(self) -> None:  # Back
        self.countdown.stop()
        flow = self.owner.flow
        if not self.owner.restarting and flow.stage is Stage.RESET:
            flow.back(self.owner.now())

    def isComplete(self) -> bool:
        return self.owner.flow.page_complete(Stage.RESET) and not self.owner.busy()

    def validatePage(self) -> bool:
        flow = self.owner.flow
        if flow.stage is Stage.RESET:
            if not flow.can_advance():
                return False
            self.countdown.stop()
            flow.advance(self.owner.now())
        return True

    # --- steps ----------------------------------------------------------------------------------
    def _method_chosen(self, index: int) -> None:
        flow = self.owner.flow
        if flow.stage is Stage.RESET and index >= 0:
            flow.choose_method(str(self.method.itemData(index)))
            self._changed()

    def next_step(self) -> None:
        if self.owner.flow.stage is Stage.RESET:
            self.owner.flow.next_step()
            self._changed()

    def previous_step(self) -> None:
        if self.owner.flow.stage is Stage.RESET:
            self.owner.flow.previous_step()
            self._changed()

    def _changed(self) -> None:
        self.refresh()
        self.completeChanged.emit()

    # --- display --------------------------------------------------------------------------------
    def refresh(self) -> None:
        flow, lang = self.owner.flow, self.owner.lang
        method, step, guide = flow.method, flow.current_step, flow.guide
        if method is None or step is None or guide is None:
            return
        total = len(method.steps)
        if self._shown != (method.id, flow.step_index):
            self._shown = (method.id, flow.step_index)
            self._show_step(step, total)
        notes = [method.note.get(lang)] if method.note else []
        if method.firmware is not None:
            notes.append(f"{t('applies', lang)}: {method.firmware.text.get(lang)}.")
        if notes:
            kind = common.INFO if method.verified else common.WARNING
            common.notice(self.method_note, "  ".join(notes), kind)
        else:
            self.method_note.setVisible(False)
        self.prev_button.setEnabled(flow.step_index > 0)
        self.next_button.setEnabled(flow.step_index < total - 1)
        self.last_hint.setVisible(flow.step_index == total - 1)
        if flow.notice is not None:
            common.notice(self.notice, flow.notice.get(lang), common.WARNING)
        else:
            self.notice.setVisible(False)
        manual = guide.manual
        self.fallback.setText(
            f"<b>{t('fallback', lang)}:</b> {method.fallback.get(lang)}{self._where_others(lang)}<br>"
            f"{t('manual', lang)}: <a href='{manual.url}'>{manual.title.get(lang)}</a>"
        )

    def _where_others(self, lang: str) -> str:
        """The methods are in the drop-down at the top: name the next one to try, if there is one."""
        flow = self.owner.flow
        methods, method = flow.methods, flow.method
        if len(methods) < 2 or method is None:
            return ""
        ids = [m.id for m in methods]
        wanted = method.alternative if method.alternative in ids else None
        if wanted is None and ids.index(method.id) + 1 < len(ids):
            wanted = ids[ids.index(method.id) + 1]
        if wanted is None:
            return " " + t("other.methods", lang)
        title = next(m for m in methods if m.id == wanted).title.get(lang)
        return " " + t("next.method", lang, method=title)

    def _show_step(self, step: Step, total: int) -> None:
        lang, guide = self.owner.lang, self.owner.flow.guide
        assert guide is not None
        svg = common.illustration(guide.layout, lang)
        names = common.key_names(svg, lang)
        header = t("step.of", lang, n=step.number, total=total)
        self.step_header.setText(f"{header}  ·  {step.power.label(lang)}")
        self.step_text.setText(step.text.get(lang))
        held = [k for k in step.keys if k != "power"]
        key = common.key_name(held[-1], names) if held else ""
        self.countdown.set_step(key, step.hold_s if step.timed else None)
        self.hold.setText(t("hold.free", lang, key=key) if step.hold and not step.timed else "")
        self.hold.setVisible(step.hold and not step.timed)
        self.display.setText(f"{t('display', lang)}: {step.display.get(lang)}" if step.display else "")
        self.display.setVisible(step.display is not None)
        self.trouble.setText(f"{t('trouble', lang)}: {step.trouble.get(lang)}" if step.trouble else "")
        self.trouble.setVisible(step.trouble is not None)
        self.illustration.show_keys(svg, step.keys)
        shown = ", ".join(common.key_name(k, names) for k in step.keys)
        caption = t("illustration", lang, keys=shown) if step.keys else t("illustration.none", lang)
        self.keys_caption.setText(caption)
        self.illustration.setAccessibleName(caption)
