"""About, Copy diagnostics, Preferences (generated from the declaration) and the first-run page;
each rendered to /tmp in English and Dutch, and in Dutch no English source string is left."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QSpinBox,
    QWidget,
)

from compass_desk import __version__
from compass_desk.domain.models import Environment
from compass_desk.gui import i18n, i18n_build
from compass_desk.gui.about_dialog import AboutDialog
from compass_desk.gui.diagnostics import copy_diagnostics, show_diagnostics
from compass_desk.gui.first_run import FirstRunPage, demo_command
from compass_desk.gui.preferences_dialog import PreferencesDialog
from compass_desk.paths import app_paths
from compass_desk.resources import resource_path
from compass_desk.services.diagnostics import (
    BUNDLED_LIBRARIES,
    DiagnosticsInput,
    build_report,
    recent_problems,
)
from compass_desk.store.preferences import PREFERENCES, Preferences
from compass_desk.store.profiles import ProfileStore

SHOTS = Path("/tmp/compass-desk-finish")
# Names that read as English but are names: licences, libraries, folders.
BUNDLED_DATA = ("more-itertools", "Qt for Python")


@pytest.fixture
def paths(isolated_home):
    return app_paths(isolated_home).ensure()


@pytest.fixture(params=["en", "nl"])
def language(request, qapp, compiled_translations):
    """Run the test in English and in Dutch (the committed .ts compiled once to a temporary folder)."""
    i18n.install(request.param, directory=compiled_translations)
    yield request.param
    i18n.uninstall()


def english_sources() -> set[str]:
    """Every English source string of the committed .ts whose Dutch differs."""
    import xml.etree.ElementTree as ET

    found = set()
    for message in ET.parse(i18n_build.ts_path("nl")).getroot().iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        if source and translation and source != translation:
            found.add(source)
    return found


def visible_texts(widget: QWidget) -> list[str]:
    texts = [widget.windowTitle()]
    for child in widget.findChildren(QWidget):
        if isinstance(child, QLabel | QAbstractButton):
            texts.append(child.text())
            texts.append(child.toolTip())
        if isinstance(child, QComboBox):
            texts += [child.itemText(i) for i in range(child.count())]
    return [t for t in texts if t]


def check_rendering(widget: QWidget, name: str, language: str, qtbot) -> None:
    """Save a screenshot; in Dutch, no English source string may be visible."""
    widget.show()
    qtbot.waitExposed(widget)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / f"{name}_{language}.png"))
    if language == "nl":
        english = english_sources()
        left = [t for t in visible_texts(widget) if t in english or t.rstrip(":") in english]
        assert not left, f"English left in the Dutch {name}: {left}"
        # Sentences that never went through tr() (from lower layers) are caught by their words.
        from dutch_check import english_left

        sentences = english_left(widget, allowed=BUNDLED_DATA)
        assert not sentences, f"English sentences in the Dutch {name}: {sentences}"


# -- About --------------------------------------------------------------------------------------------
def test_about_shows_version_qt_licences_and_folders(qtbot, paths, language):
    dialog = AboutDialog(paths)
    qtbot.addWidget(dialog)
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert __version__ in labels
    assert "Qt 6." in dialog.qt_label.text() and "PySide6 6." in dialog.qt_label.text()
    rows = {name: (version, licence) for name, version, licence in dialog.library_rows()}
    for library in BUNDLED_LIBRARIES:
        version, licence = rows[library.name]
        assert licence == library.licence
        assert version[0].isdigit(), f"{library.name}: {version}"
    assert rows["Qt / Qt for Python (PySide6)"][1] == "LGPL-3.0"
    assert "httpcore" in rows and "idna" in rows  # pulled in by httpx, shipped too
    assert str(paths.logs) in dialog.log_label.text()
    assert str(paths.data) in dialog.cache_label.text()
    check_rendering(dialog, "about", language, qtbot)
    if language == "nl":
        assert dialog.windowTitle() == "Over Compass Desk"


def test_about_opens_the_log_folder(qtbot, paths, monkeypatch):
    opened = []
    monkeypatch.setattr("compass_desk.gui.about_dialog.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    dialog = AboutDialog(paths, show_indirect=False)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.open_logs, Qt.MouseButton.LeftButton)
    dialog.cache_label.linkActivated.emit("cache")
    assert opened == [str(paths.logs), str(paths.data)]


# -- Diagnostics ----------------------------------------------------------------------------------------
def test_copy_diagnostics_puts_a_redacted_report_on_the_clipboard(qtbot, paths, qapp):
    from compass_desk.gui.context import AppContext, Passwords

    (paths.logs / "compass-desk.log").write_text(
        "2026-11-28 10:00:00,000 INFO compass_desk.api: GET /companies password=hunter2\n"
        "2026-11-28 10:00:01,000 ERROR compass_desk.gui: refresh failed\n"
        "Traceback (most recent call last):\n"
        '  ValueError: {"password": "s3cret"}\n', encoding="utf-8")
    context = AppContext([], Passwords(), paths)
    env = Environment("production", "https://rest.example.com", "helpdesk")
    text = copy_diagnostics(context, env, "online")
    assert QGuiApplication.clipboard().text() == text
    assert "hunter2" not in text and "s3cret" not in text and "***" in text
    assert "Environment:" in text and "production" in text and "helpdesk" in text
    assert "Qt:" in text and "Keyring secure:   yes" in text
    problems = text.split("Recent problems (1)")[1].split("Last ")[0]
    assert "refresh failed" in problems and "Traceback" in problems


def test_diagnostics_dialog_copies_what_it_shows(qtbot, language, paths):
    from compass_desk.gui.context import AppContext, Passwords

    (paths.logs / "compass-desk.log").write_text(
        "2026-11-28 10:00:01,000 WARNING compass_desk.gui.browser: phones of Acme not read: timeout\n",
        encoding="utf-8")
    context = AppContext([], Passwords(), paths, demo=True)
    dialog = show_diagnostics(None, context, Environment("Demo production", "http://127.0.0.1:1", "demo"))
    qtbot.addWidget(dialog)
    shown = dialog.text.toPlainText()
    assert "Demo mode:        yes" in shown and "phones of Acme not read" in shown
    QGuiApplication.clipboard().setText("")
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == shown
    assert dialog.copied.text()
    check_rendering(dialog, "diagnostics", language, qtbot)


def test_report_without_secrets_even_from_an_old_log_and_an_unsafe_keyring(tmp_path):
    import keyring
    import keyring.backends.fail

    logs = tmp_path / "logs"
    logs.mkdir()
    old = [f"2026-11-27 09:00:{n % 60:02d},000 INFO compass_desk: old line {n}" for n in range(30)]
    (logs / "compass-desk.log.1").write_text("\n".join(old) + "\n", encoding="utf-8")
    (logs / "compass-desk.log").write_text(
        "2026-11-28 10:00:00,000 ERROR compass_desk.api: sent Authorization: Basic ZGVtbzpzZWNyZXQ=\n"
        "<user_pass idx=\"1\">sip-secret</user_pass>\n", encoding="utf-8")
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        text = build_report(DiagnosticsInput(
            environment=Environment("lab", "https://admin:pw123@rest.example.com/", "admin"), log_dir=logs),
            log_lines=10, problems=5)
    finally:
        keyring.set_keyring(previous)
    for secret in ("ZGVtbzpzZWNyZXQ=", "sip-secret", "pw123"):
        assert secret not in text
    assert "Base URL:         https://rest.example.com/" in text
    assert "Keyring secure:   NO" in text
    tail = text.split("Last 10 log lines")[1].strip().splitlines()[1:]
    assert tail[:8] == old[-8:] and len(tail) == 10  # the rotated file fills in, oldest first
    assert "Recent problems (1)" in text


def test_problems_keep_their_traceback_and_only_the_last_ones():
    lines = []
    for n in range(20):
        lines += [f"2026-11-28 10:00:{n:02d},000 ERROR x: failure {n}", "Traceback:", f"  E{n}"]
        lines.append(f"2026-11-28 10:00:{n:02d},500 INFO x: fine {n}")
    found = recent_problems(lines, 3)
    assert [record[0].rsplit(" ", 1)[1] for record in found] == ["17", "18", "19"]
    assert found[-1] == ["2026-11-28 10:00:19,000 ERROR x: failure 19", "Traceback:", "  E19"]


# -- Preferences ----------------------------------------------------------------------------------------
@pytest.fixture
def prefs_dialog(qtbot, paths):
    profiles = ProfileStore(paths.config)
    for name in ("production", "staging"):
        profiles.save(Environment(name, f"https://{name}.example.com", "helpdesk"))
    preferences = Preferences(paths.config)
    dialog = PreferencesDialog(preferences, profiles=profiles)
    qtbot.addWidget(dialog)
    return dialog


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_preferences_are_generated_from_the_declaration(language, prefs_dialog, qtbot):
    dialog = prefs_dialog
    assert list(dialog.editors) == [spec.key for spec in PREFERENCES]
    for spec in PREFERENCES:
        editor = dialog.editors[spec.key]
        if spec.choices:
            assert isinstance(editor, QComboBox)
            assert [editor.itemData(i) for i in range(editor.count())] == [v for v, _ in spec.choices]
        elif spec.type is int:
            assert isinstance(editor, QSpinBox)
            assert (editor.minimum(), editor.maximum()) == (spec.minimum, spec.maximum)
            assert editor.value() == spec.default
        elif spec.type is bool:
            assert isinstance(editor, QCheckBox)
    environments = dialog.editors["default_environment"]
    assert [environments.itemData(i) for i in range(environments.count())] == ["", "production", "staging"]
    check_rendering(dialog, "preferences", language, qtbot)
    if language == "nl":
        assert dialog.editors["language"].itemText(0) == "Dezelfde als het systeem"
        assert dialog.editors["refresh_interval_s"].suffix() == " s"


def test_ok_saves_what_changed_and_says_so(prefs_dialog, qtbot, paths):
    dialog = prefs_dialog
    seen = []
    dialog.changed.connect(lambda key, value: seen.append((key, value)))
    combo = dialog.editors["deadline_cutoff"]
    combo.setCurrentIndex(combo.findData("03:00"))
    dialog.editors["default_environment"].setCurrentIndex(2)
    spin = dialog.editors["refresh_interval_s"]
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "120")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert seen == [("deadline_cutoff", "03:00"), ("refresh_interval_s", 120),
                    ("default_environment", "staging")]
    stored = Preferences(paths.config)
    assert (stored.get("deadline_cutoff"), stored.get("refresh_interval_s")) == ("03:00", 120)
    assert stored.get("default_environment") == "staging" and stored.is_default("language")


def test_a_value_out_of_range_is_a_sentence_and_blocks_ok(prefs_dialog, qtbot, paths):
    dialog = prefs_dialog
    spin = dialog.editors["refresh_interval_s"]
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "5")
    problem = dialog.problems["refresh_interval_s"]
    assert problem.text() == "Live status refresh must be between 15 and 3600 s."
    assert not problem.isHidden() and not ok_button(dialog).isEnabled()
    assert not dialog.save()
    qtbot.keyClicks(spin.lineEdit(), "0")  # 50
    assert problem.isHidden() and ok_button(dialog).isEnabled()
    assert not (paths.config / "preferences.toml").exists()  # nothing saved before OK


def test_restore_defaults_and_cancel(prefs_dialog, qtbot, paths):
    preferences = prefs_dialog.preferences
    preferences.set("cache_size_mb", 500)
    prefs_dialog.load()
    assert prefs_dialog.editors["cache_size_mb"].value() == 500
    reset = prefs_dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
    qtbot.mouseClick(reset, Qt.MouseButton.LeftButton)
    assert prefs_dialog.editors["cache_size_mb"].value() == 200
    prefs_dialog.reject()
    assert Preferences(paths.config).get("cache_size_mb") == 500


def test_a_removed_default_environment_is_shown_and_explained(qtbot, paths):
    preferences = Preferences(paths.config)
    preferences.set("default_environment", "old-lab")
    dialog = PreferencesDialog(preferences, profiles=ProfileStore(paths.config))
    qtbot.addWidget(dialog)
    combo = dialog.editors["default_environment"]
    assert combo.currentText() == "old-lab (no longer set up)"
    assert "“old-lab” is no longer set up" in dialog.problems["default_environment"].text()
    assert not ok_button(dialog).isEnabled()
    combo.setCurrentIndex(0)
    assert ok_button(dialog).isEnabled()


def test_a_damaged_file_and_a_failing_save_are_sentences(qtbot, paths, monkeypatch):
    from compass_desk.store.db import StoreError

    (paths.config / "preferences.toml").write_text("language = [", encoding="utf-8")
    preferences = Preferences(paths.config)
    dialog = PreferencesDialog(preferences)
    qtbot.addWidget(dialog)
    assert "damaged" in dialog.warning.text() and not dialog.warning.isHidden()

    def refuse(key, value):
        raise StoreError("The preferences could not be saved to x (Permission denied).")

    monkeypatch.setattr(preferences, "set", refuse)
    dialog.editors["cache_size_mb"].setValue(300)
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "Permission denied" in dialog.error.text() and not dialog.error.isHidden()


class _FakeStore:
    """Just what the dialog uses of ``Preferences``, for declarations beyond today's."""

    def __init__(self, declaration):
        self.declaration = declaration
        self.stored = {spec.key: spec.default for spec in declaration}
        self.warning_texts = []

    def values(self):
        return dict(self.stored)

    def set(self, key, value):
        self.stored[key] = value


def test_every_kind_of_preference_gets_a_fitting_widget(qtbot):
    from PySide6.QtWidgets import QLineEdit

    from compass_desk.store.preferences import Preference

    declaration = (
        Preference("sounds", bool, False, "Sounds", "Play a sound when a phone comes online."),
        Preference("site_name", str, "HQ", "Site name"),
        Preference("retries", int, 3, "Retries", minimum=0, maximum=9),
    )
    store = _FakeStore(declaration)
    dialog = PreferencesDialog(store, declaration=declaration, dynamic_choices={})
    qtbot.addWidget(dialog)
    check, text, spin = (dialog.editors[key] for key in ("sounds", "site_name", "retries"))
    assert isinstance(check, QCheckBox) and isinstance(text, QLineEdit) and isinstance(spin, QSpinBox)
    assert (text.text(), spin.value(), spin.suffix()) == ("HQ", 3, "")
    check.setChecked(True)
    text.clear()
    qtbot.keyClicks(text, "Branch 2")
    spin.lineEdit().selectAll()
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Backspace)  # an empty field
    assert dialog.problems["retries"].text() == "Retries must be a whole number."
    assert not ok_button(dialog).isEnabled()
    spin.setValue(5)
    assert dialog.save()
    assert store.stored == {"sounds": True, "site_name": "Branch 2", "retries": 5}


# -- First run ------------------------------------------------------------------------------------------
def test_first_run_offers_environment_demo_and_a_file(qtbot, monkeypatch, language):
    page = FirstRunPage()
    qtbot.addWidget(page)
    page.resize(900, 600)
    with qtbot.waitSignal(page.add_environment_requested):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.demo_requested):
        qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    sample = resource_path("samples", "yealink-t46u-no-user.cfg")
    monkeypatch.setattr("compass_desk.gui.first_run.QFileDialog.getOpenFileName",
                        lambda *args, **kw: (str(sample), ""))
    with qtbot.waitSignal(page.file_opened) as opened:
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    viewer = opened.args[0]
    assert sample.name in viewer.windowTitle()
    viewer.close()
    check_rendering(page, "first_run", language, qtbot)
    if language == "nl":
        assert page.demo_button.text() == "Probeer de demo"


def test_first_run_cancelled_file_choice_opens_nothing(qtbot, monkeypatch):
    page = FirstRunPage()
    qtbot.addWidget(page)
    monkeypatch.setattr("compass_desk.gui.first_run.QFileDialog.getOpenFileName", lambda *a, **k: ("", ""))
    with qtbot.assertNotEmitted(page.file_opened):
        page.choose_file()


def test_demo_command_runs_this_program_with_demo(monkeypatch):
    import sys

    program, args = demo_command()
    assert program == sys.executable and args == ["-m", "compass_desk", "--demo"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert demo_command() == (sys.executable, ["--demo"])


def test_launch_demo_starts_a_detached_program_and_reports_failure(monkeypatch, qapp):
    from compass_desk.gui import first_run

    started = []
    monkeypatch.setattr(first_run.QProcess, "startDetached",
                        lambda program, args: (started.append((program, args)) or True, 4242))
    assert first_run.launch_demo()
    assert started == [demo_command()]
    monkeypatch.setattr(first_run.QProcess, "startDetached", lambda program, args: (False, 0))
    assert not first_run.launch_demo()
