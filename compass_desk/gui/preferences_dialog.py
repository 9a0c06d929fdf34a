"""Preferences, generated from ``store.preferences.PREFERENCES``: one widget per declared preference.

A preference with choices becomes a drop-down, a number with a range a spin box with its unit, a
yes/no a check box, other text a text field. ``default_environment`` offers the saved environment
profiles. Labels, help and choice labels are translated through the table below; a test checks
that every text of the declaration is in it, so a new preference cannot go untranslated.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from compass_desk.gui.i18n import localize
from compass_desk.store.preferences import PREFERENCES, Preference, Preferences

log = logging.getLogger(__name__)

TEXT_CONTEXT = "PreferenceTexts"
# Every text of the declaration, so lupdate finds them (store/ has no Qt and cannot mark them).
DECLARED_TEXTS = (
    QT_TRANSLATE_NOOP("PreferenceTexts", "Language"),
    QT_TRANSLATE_NOOP("PreferenceTexts", "The language of the application; takes effect at the next start."),
    QT_TRANSLATE_NOOP("PreferenceTexts", "Same as the system"),
    QT_TRANSLATE_NOOP("PreferenceTexts", "English"),
    QT_TRANSLATE_NOOP("PreferenceTexts", "Nederlands"),
    QT_TRANSLATE_NOOP("PreferenceTexts", "Weekly deadline"),
    QT_TRANSLATE_NOOP("PreferenceTexts",
                      "When registrations at the vendor lapse on Wednesday night (Amsterdam time). The "
                      "Compass documentation gives 00:00 and 03:00; the earlier is the safe choice."),
    QT_TRANSLATE_NOOP("PreferenceTexts", "Wednesday 00:00 (safe)"),
    QT_TRANSLATE_NOOP("PreferenceTexts", "Wednesday 03:00 (admin manual)"),
    QT_TRANSLATE_NOOP("PreferenceTexts", "Live status refresh"),
    QT_TRANSLATE_NOOP("PreferenceTexts", "How often the live status of the visible phones is read again."),
    QT_TRANSLATE_NOOP("PreferenceTexts", "Environment at start"),
    QT_TRANSLATE_NOOP("PreferenceTexts",
                      "The environment profile opened at start; empty opens the one used last."),
    QT_TRANSLATE_NOOP("PreferenceTexts", "Offline cache size"),
    QT_TRANSLATE_NOOP("PreferenceTexts",
                      "The most space the stored provisioning files may take; the oldest go first."),
    QT_TRANSLATE_NOOP("PreferenceTexts", "s"),
    QT_TRANSLATE_NOOP("PreferenceTexts", "MB"),
)


def declared_texts(preferences: Sequence[Preference] = PREFERENCES) -> set[str]:
    """Every text of the declaration a person sees (labels, help, choice labels, units)."""
    texts: set[str] = set()
    for spec in preferences:
        texts.update(t for t in (spec.label, spec.help, spec.unit) if t)
        texts.update(label for _value, label in spec.choices)
    return texts


def tr_declared(text: str) -> str:
    return QCoreApplication.translate(TEXT_CONTEXT, text) if text else text


ChoicesProvider = Callable[[], list[tuple[str, str]]]  # (value, label)


def profile_choices(profiles: Any) -> ChoicesProvider:
    """The saved environment profiles, for ``default_environment``."""

    def choices() -> list[tuple[str, str]]:
        try:
            return [(env.name, env.name) for env in profiles.list()] if profiles is not None else []
        except Exception as exc:  # a damaged environments file: offer only "the one used last"
            log.warning("environment profiles not read: %s", exc)
            return []

    return choices


class PreferencesDialog(QDialog):
    """Edits *preferences*; OK saves what changed and emits ``changed(key, value)`` for each."""

    changed = Signal(str, object)

    def __init__(self, preferences: Preferences, *, profiles: Any = None,
                 dynamic_choices: dict[str, ChoicesProvider] | None = None,
                 declaration: Sequence[Preference] = PREFERENCES, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setObjectName("preferencesDialog")
        self.preferences = preferences
        self.declaration = tuple(declaration)
        self._built = False  # widgets signal while being filled: check only once all exist
        self._dynamic = {"default_environment": profile_choices(profiles), **(dynamic_choices or {})}
        self.editors: dict[str, QWidget] = {}
        self.problems: dict[str, QLabel] = {}

        layout = QVBoxLayout(self)
        self.warning = QLabel("\n".join(localize(text) for text in preferences.warning_texts))
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("QLabel { color: #8a5a00; }")
        self.warning.setVisible(bool(preferences.warning_texts))
        layout.addWidget(self.warning)
        form = QGridLayout()
        form.setColumnStretch(1, 1)
        layout.addLayout(form)
        for row, spec in enumerate(self.declaration):
            label = QLabel(tr_declared(spec.label) + ":")
            field = self._row(spec)
            label.setBuddy(self.editors[spec.key])
            form.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            form.addWidget(field, row, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.RestoreDefaults)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.clicked.connect(self._clicked)
        self.error = QLabel()
        self.error.setObjectName("saveError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("QLabel { color: #b3261e; }")
        self.error.hide()
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._built = True
        self.load()
        self.fit(640)

    def fit(self, width: int) -> None:
        """Tall enough for the word-wrapped help texts at *width* (a plain size hint ignores wrapping)."""
        height = self.heightForWidth(width)
        self.resize(width, max(height, self.sizeHint().height()))

    # -- building ---------------------------------------------------------------------------------
    def _row(self, spec: Preference) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 6)
        column.setSpacing(2)
        editor = self._editor(spec)
        editor.setObjectName(f"pref_{spec.key}")
        editor.setAccessibleName(tr_declared(spec.label))
        self.editors[spec.key] = editor
        column.addWidget(editor)
        if spec.help:
            hint = QLabel(tr_declared(spec.help))
            hint.setWordWrap(True)
            hint.setStyleSheet("QLabel { color: palette(mid); }")
            column.addWidget(hint)
        problem = QLabel()
        problem.setWordWrap(True)
        problem.setStyleSheet("QLabel { color: #b3261e; }")
        problem.hide()
        self.problems[spec.key] = problem
        column.addWidget(problem)
        return box

    def _editor(self, spec: Preference) -> QWidget:
        if spec.choices or spec.key in self._dynamic:
            combo = QComboBox()
            combo.currentIndexChanged.connect(self._check)
            return combo
        if spec.type is bool:
            check = QCheckBox(tr_declared(spec.label))
            check.toggled.connect(self._check)
            return check
        if spec.type is int:
            spin = QSpinBox()
            spin.setRange(spec.minimum if spec.minimum is not None else -(2**31),
                          spec.maximum if spec.maximum is not None else 2**31 - 1)
            if spec.unit:
                spin.setSuffix(" " + tr_declared(spec.unit))
            spin.setKeyboardTracking(True)
            spin.lineEdit().textEdited.connect(self._check)
            spin.valueChanged.connect(self._check)
            return spin
        edit = QLineEdit()
        edit.textEdited.connect(self._check)
        return edit

    def _fill_choices(self, spec: Preference, combo: QComboBox, value: Any) -> None:
        combo.blockSignals(True)
        combo.clear()
        if spec.key in self._dynamic:
            combo.addItem(self.tr("The one used last"), "")
            for choice, label in self._dynamic[spec.key]():
                combo.addItem(label, choice)
        else:
            for choice, label in spec.choices:
                combo.addItem(tr_declared(label), choice)
        index = combo.findData(value)
        if index < 0:  # a stored value no longer offered (a removed environment): keep it visible
            combo.addItem(self.tr("%1 (no longer set up)").replace("%1", str(value)), value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        combo.blockSignals(False)

    # -- values -----------------------------------------------------------------------------------
    def load(self, values: dict[str, Any] | None = None) -> None:
        """Show *values* (default: what is stored) in the widgets."""
        values = values or self.preferences.values()
        for spec in self.declaration:
            self._show(spec, values[spec.key])
        self._check()

    def _show(self, spec: Preference, value: Any) -> None:
        editor = self.editors[spec.key]
        if isinstance(editor, QComboBox):
            self._fill_choices(spec, editor, value)
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value))

    def _read(self, spec: Preference) -> Any:
        """The value in the widget, validated; ValueError with a translated sentence when it does not fit."""
        editor = self.editors[spec.key]
        if isinstance(editor, QComboBox):
            value: Any = editor.currentData()
            if spec.key in self._dynamic and value not in {"", *(c for c, _ in self._dynamic[spec.key]())}:
                raise ValueError(self.tr("The environment “%1” is no longer set up; choose another one.")
                                 .replace("%1", str(value)))
            return spec.validate(value) if spec.choices else value
        if isinstance(editor, QCheckBox):
            return spec.validate(editor.isChecked())
        if isinstance(editor, QSpinBox):
            text = editor.cleanText().strip()
            try:
                number = int(text)
            except ValueError:
                raise ValueError(self.tr("%1 must be a whole number.")
                                 .replace("%1", tr_declared(spec.label))) from None
            try:
                return spec.validate(number)
            except ValueError:
                raise ValueError(self._range_sentence(spec)) from None
        assert isinstance(editor, QLineEdit)
        try:
            return spec.parse(editor.text())
        except ValueError as exc:
            raise ValueError(str(exc)) from None

    def _range_sentence(self, spec: Preference) -> str:
        unit = (" " + tr_declared(spec.unit)) if spec.unit else ""
        return (self.tr("%1 must be between %2 and %3%4.")
                .replace("%1", tr_declared(spec.label)).replace("%2", str(spec.minimum))
                .replace("%3", str(spec.maximum)).replace("%4", unit))

    def pending(self) -> tuple[dict[str, Any], dict[str, str]]:
        """(values that fit, problems by key) for what the widgets show now."""
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for spec in self.declaration:
            try:
                values[spec.key] = self._read(spec)
            except ValueError as exc:
                problems[spec.key] = str(exc)
        return values, problems

    def _check(self, *_args: object) -> None:
        if not self._built:
            return
        _values, problems = self.pending()
        grown = False
        for key, label in self.problems.items():
            label.setText(problems.get(key, ""))
            grown |= label.isHidden() and key in problems
            label.setVisible(key in problems)
        if grown and self.isVisible() and self.heightForWidth(self.width()) > self.height():
            self.fit(self.width())  # room for the new sentence
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)

    def _clicked(self, button: QAbstractButton) -> None:
        if self.buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.ResetRole:
            self.load({spec.key: spec.default for spec in self.declaration})

    def save(self) -> bool:
        """Store what changed; False (and a sentence shown) when something does not fit or fails."""
        values, problems = self.pending()
        self._check()
        if problems:
            return False
        before = self.preferences.values()
        changed = [(key, value) for key, value in values.items() if before[key] != value]
        for key, value in changed:
            try:
                self.preferences.set(key, value)
            except Exception as exc:  # StoreError (disk) or ValueError: one sentence, nothing lost
                log.warning("preference %s not saved: %s", key, exc)
                self.error.setText(self.tr("The preferences could not be saved: %1")
                                   .replace("%1", str(exc)))
                self.error.show()
                return False
        self.error.hide()
        for key, value in changed:
            self.changed.emit(key, value)
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()


def open_preferences(parent: QWidget | None, context: Any) -> PreferencesDialog:
    """A dialog over the preferences of *context* (an ``AppContext``); the caller connects ``changed``."""
    preferences = Preferences(context.paths.config)
    profiles = getattr(context, "profiles", None)
    dynamic: dict[str, ChoicesProvider] = {}
    if profiles is None:  # the demo: its environments are not saved profiles
        names = [env.name for env in getattr(context, "environments", [])]
        dynamic["default_environment"] = lambda: [(name, name) for name in names]
    return PreferencesDialog(preferences, profiles=profiles, dynamic_choices=dynamic, parent=parent)
