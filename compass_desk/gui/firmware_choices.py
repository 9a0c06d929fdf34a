"""The choice part of the firmware dialog: the certified versions marked newer / older / same than
what is installed (plus "Use installed firmware"), what the chosen one does, and what it risks.

The words come from :mod:`compass_desk.domain.firmware_plan` as Text and are shown with
:func:`compass_desk.gui.i18n.localize`; only this panel's own words are translated here.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from compass_desk.domain import firmware_plan as fp
from compass_desk.domain.firmware import YealinkFamilies
from compass_desk.domain.models import Phone, PhoneModel
from compass_desk.gui.i18n import localize

WARNING_STYLE = "QLabel { background: #fff4e5; color: #5c3300; border: 1px solid #f0a030; padding: 6px; }"


class FirmwareChoices(QWidget):
    """``FirmwareChoices(families, single, parent=None)``; fed with :meth:`show_phones`.

    ``plan`` is the plan of the current choice (None when nothing valid is chosen); ``changed``
    fires whenever it changes.
    """

    changed = Signal()

    def __init__(self, families: YealinkFamilies | None, single: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.families = families
        self.model: PhoneModel | None = None
        self.phones: list[Phone] = []
        self.installed: dict[str, str | None] = {}
        self.plan: fp.FirmwarePlan | None = None
        self.after_run = False  # just applied: the dialog's status line tells the result
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Firmware Compass sends to the phone:") if single
                                else self.tr("Firmware Compass sends to the phones:")))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Firmware choices"))
        self.list.currentItemChanged.connect(self._picked)
        layout.addWidget(self.list)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setObjectName("firmwareExplanation")
        layout.addWidget(self.explanation)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setObjectName("firmwareWarning")
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()
        layout.addWidget(self.warning)

    def show_phones(self, model: PhoneModel, phones: Sequence[Phone],
                    installed: dict[str, str | None], *, after_run: bool = False) -> None:
        """Offer *model*'s options for *phones* (as Compass has them now); keeps the current choice.

        *after_run*: a change was just applied, so "nothing to change" is not said about its own result.
        """
        self.after_run = after_run
        self.model, self.phones, self.installed = model, list(phones), dict(installed)
        picked, current = self.chosen()
        pairs = [(p, self.installed.get(p.url)) for p in self.phones]
        self.list.blockSignals(True)
        self.list.clear()
        for option in fp.options(model, pairs):
            text = localize(option.text)
            if option.selected_now:
                many = len(self.phones) > 1
                text = (self.tr("%1 — selected for %2").replace("%2", str(option.selected_now)) if many
                        else self.tr("%1 — selected now")).replace("%1", text)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, option.version)
            if option.latest:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
            if picked and option.version == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        # As tall as its lines: the explanation below must never be squeezed.
        rows = self.list.count()
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth() + 6)
        self.update_plan()

    def chosen(self) -> tuple[bool, str | None]:
        """(something chosen, the version or None for "Use installed firmware")."""
        item = self.list.currentItem()
        return (False, None) if item is None else (True, item.data(Qt.ItemDataRole.UserRole))

    def _picked(self, *_args: object) -> None:
        self.after_run = False  # the user chose again: explain the new choice in full
        self.update_plan()

    def update_plan(self, *_args: object) -> None:
        """The plan of the current choice, its explanation and the reasons for a second confirmation."""
        picked, version = self.chosen()
        self.plan = None
        self.warning.hide()
        if not picked or self.model is None:
            self.explanation.setText(self.tr("Choose a certified version, or keep the installed firmware."))
            self.changed.emit()
            return
        count = len(self.phones)
        who = fp.phone_words(self.phones[0]) if count == 1 else \
            fp.model_phones_words(count, self.model.display_name, these=True)
        try:
            self.plan = fp.plan(self.model, [(p, self.installed.get(p.url)) for p in self.phones], version,
                                target_label=who, families=self.families)
        except fp.FirmwareRefused as exc:
            self.explanation.setText(localize(exc))
            self.changed.emit()
            return
        needed = len(self.plan.needed)
        text = localize(self.plan.explanation())
        if not needed:
            text = "" if self.after_run else self.tr("Already chosen: nothing to change.")
        elif count > 1:
            text = (self.tr("%1 %2 of %3 phones would change.").replace("%2", str(needed))
                    .replace("%3", str(count)).replace("%1", text))
        self.explanation.setText(text)
        reasons = self.reasons()
        if reasons and needed:
            self.warning.setText(self.tr("Needs a second confirmation:\n%1").replace(
                "%1", "\n".join(f"• {r}" for r in reasons)))
            self.warning.show()
        self.changed.emit()

    def reasons(self) -> list[str]:
        """Why the current plan needs a second confirmation, in the installed language."""
        return [localize(reason) for reason in self.plan.reasons()] if self.plan is not None else []
