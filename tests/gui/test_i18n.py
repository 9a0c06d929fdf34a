"""Translations: every string of the translated modules has a finished Dutch translation that survives
compiling; the language preference, Qt's own strings, the build step and pseudo-localisation."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QDialogButtonBox

from compass_desk.gui import i18n, i18n_build
from compass_desk.gui.preferences_dialog import DECLARED_TEXTS, declared_texts

ROOT = i18n_build.ROOT
COMMITTED_TS = i18n_build.ts_path("nl")

# Every source lupdate reads (all of compass_desk/gui and ui/*.ui): each tr() string of each must have
# a finished Dutch translation. Words from the lower layers are bilingual Text (domain/text.py) and
# checked by their own tests; tests/gui/dutch_check.py catches what reaches a screen untranslated.
TRANSLATED_MODULES: tuple[str, ...] = tuple(str(path) for path in i18n_build.source_files())

_PLACEHOLDER = re.compile(r"%L?\d+|%n|\{[^{}]*\}|<[^<>]+>")

Key = tuple[str, str, str]  # context, source, disambiguation


def read_ts(path: Path) -> dict[Key, ET.Element]:
    messages: dict[Key, ET.Element] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            messages[key] = message
    return messages


@pytest.fixture(scope="module")
def found_strings(tmp_path_factory) -> dict[Key, ET.Element]:
    """What lupdate finds in TRANSLATED_MODULES now (a fresh .ts, not the committed one)."""
    ts_file = tmp_path_factory.mktemp("lupdate") / "found_nl.ts"
    i18n_build.update([Path(m) for m in TRANSLATED_MODULES], ts_file, "nl", locations="absolute")
    found = read_ts(ts_file)
    assert found, "lupdate found no strings at all; is tr() used?"
    return found


@pytest.fixture(scope="module")
def compiled_nl(tmp_path_factory) -> Path:
    """The committed .ts compiled to a temporary folder (the build never touches the tree here)."""
    folder = tmp_path_factory.mktemp("qm")
    i18n_build.release(COMMITTED_TS, folder / "compass_desk_nl.qm")
    return folder


@pytest.fixture
def restore_translators():
    yield
    i18n.uninstall()


def test_the_build_scans_every_gui_module_and_designer_file():
    scanned = set(TRANSLATED_MODULES)
    on_disk = {str(p.relative_to(ROOT)) for p in (ROOT / "compass_desk" / "gui").rglob("*.py")}
    on_disk |= {str(p.relative_to(ROOT)) for p in (ROOT / "ui").glob("*.ui")}
    assert on_disk == scanned
    assert "compass_desk/gui/reset_wizard/wizard.py" in scanned and "ui/main_window.ui" in scanned


def test_every_string_of_the_translated_modules_has_a_finished_dutch_translation(found_strings):
    committed = read_ts(COMMITTED_TS)
    problems = []
    for key, _message in sorted(found_strings.items()):
        context, source, _comment = key
        message = committed.get(key)
        if message is None:
            problems.append(f"{context}: {source!r} is missing from {COMMITTED_TS.name} (run i18n_build)")
            continue
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type", "")
        text = translation.text or "".join(n.text or "" for n in translation.iter("numerusform"))
        if kind or not text.strip():
            problems.append(f"{context}: {source!r} has no finished translation ({kind or 'empty'})")
            continue
        if sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(text)):
            problems.append(f"{context}: {source!r} → {text!r} changes the placeholders")
        if ("&" in source.replace("&&", "")) != ("&" in text.replace("&&", "")):
            problems.append(f"{context}: {source!r} → {text!r} loses or adds the keyboard shortcut")
    assert not problems, "\n".join(problems)


def test_compiled_dutch_answers_every_string(found_strings, compiled_nl, qapp):
    translator = QTranslator()
    assert translator.load("compass_desk_nl", str(compiled_nl))
    committed = read_ts(COMMITTED_TS)
    for (context, source, comment) in found_strings:
        expected = committed[(context, source, comment)].findtext("translation")
        assert translator.translate(context, source, comment or None) == expected


def test_every_preference_text_is_marked_for_translation():
    assert declared_texts() <= set(DECLARED_TEXTS), declared_texts() - set(DECLARED_TEXTS)


@pytest.mark.parametrize(("choice", "locale", "expected"), [
    ("en", QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands), "en"),
    ("nl", QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "nl"),
    ("system", QLocale(QLocale.Language.Dutch, QLocale.Country.Belgium), "nl"),
    ("system", QLocale(QLocale.Language.German, QLocale.Country.Germany), "en"),
    ("system", QLocale(QLocale.Language.English, QLocale.Country.Netherlands), "en"),
    ("klingon", QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands), "nl"),
])
def test_language_choice(choice, locale, expected):
    assert i18n.resolve_language(choice, locale) == expected


def test_the_preference_decides_and_a_broken_file_means_system(isolated_home):
    from compass_desk.paths import app_paths
    from compass_desk.store.preferences import Preferences

    config = app_paths(isolated_home).ensure().config
    Preferences(config).set("language", "nl")
    assert i18n.preferred_language(config) == "nl"
    Preferences(config).set("language", "en")
    assert i18n.preferred_language(config) == "en"
    (config / "preferences.toml").write_text("language = [broken", encoding="utf-8")
    assert i18n.preferred_language(config) == i18n.resolve_language("system")


def test_dutch_translates_our_strings_and_qts_own_buttons(qapp, compiled_nl, restore_translators):
    installed = i18n.install("nl", directory=compiled_nl)
    assert len(installed) == 2  # ours and qtbase
    assert i18n.current_language() == "nl"
    assert QCoreApplication.translate("FirstRunPage", "Try the demo") == "Probeer de demo"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.buttons()[0].text() == "Annuleren"
    box.deleteLater()
    i18n.install("en", directory=compiled_nl)
    assert QCoreApplication.translate("FirstRunPage", "Try the demo") == "Try the demo"
    assert i18n.current_language() == "en"


def test_a_missing_qm_file_leaves_english_and_says_so(qapp, tmp_path, restore_translators, caplog):
    installed = i18n.install("nl", directory=tmp_path)
    assert "compass_desk_nl.qm" in caplog.text
    assert QCoreApplication.translate("FirstRunPage", "Try the demo") == "Try the demo"
    assert len(installed) == 1  # Qt's own strings still in Dutch


@pytest.mark.parametrize("text", [
    "Try the demo", "Welcome to %1", "%n phones", "{count} of {total} shown", "<b>Organisations</b>",
    "&Export CSV…", "Tom &amp; Jerry", "two\nlines",
])
def test_pseudo_text_stretches_but_keeps_placeholders(text):
    stretched = i18n.pseudo_text(text, 1.5)
    assert stretched != text
    assert len(stretched) >= len(text) * 1.4
    assert stretched.startswith("[") and stretched.endswith("]")
    assert sorted(_PLACEHOLDER.findall(stretched)) == sorted(_PLACEHOLDER.findall(text))
    assert stretched.count("&") == text.count("&")
    assert stretched.count("\n") == text.count("\n")


@pytest.mark.parametrize(("value", "scale"), [("", None), ("0", None), ("1", 1.4), ("1.8", 1.8),
                                               ("9", 3.0), ("lots", 1.4)])
def test_pseudo_switch(value, scale):
    assert i18n.pseudo_scale(value) == scale


def test_pseudo_mode_stretches_dutch_and_untranslated_strings(qapp, compiled_nl, restore_translators):
    i18n.install("nl", directory=compiled_nl, pseudo=1.5)
    dutch = QCoreApplication.translate("FirstRunPage", "Try the demo")
    assert dutch.startswith("[Pr") and dutch.endswith("~]") and "démö" in dutch
    other = QCoreApplication.translate("Nowhere", "Cancel")
    assert other.startswith("[Çáñçél") and other.endswith("~]")


def test_pseudo_mode_from_the_environment(qapp, monkeypatch, isolated_home, restore_translators):
    monkeypatch.setenv(i18n.PSEUDO_ENV, "1")
    i18n.setup_language(None)
    assert QCoreApplication.translate("Anything", "Refresh").startswith("[Réfrésh")


def test_update_keeps_existing_translations_and_release_compiles(tmp_path, qapp):
    source = tmp_path / "screen.py"
    source.write_text("class Screen:\n    def a(self):\n        return self.tr('Hello')\n", encoding="utf-8")
    ts_file = tmp_path / "t_nl.ts"
    i18n_build.update([source.relative_to(tmp_path)], ts_file, "nl", cwd=tmp_path)
    unfinished = '<translation type="unfinished"></translation>'
    text = ts_file.read_text(encoding="utf-8")
    ts_file.write_text(text.replace(unfinished, "<translation>Hallo</translation>"), encoding="utf-8")
    more = "    def b(self):\n        return self.tr('Bye')\n"
    source.write_text(source.read_text(encoding="utf-8") + more, encoding="utf-8")
    i18n_build.update([source.relative_to(tmp_path)], ts_file, "nl", cwd=tmp_path)
    messages = read_ts(ts_file)
    assert messages[("Screen", "Hello", "")].findtext("translation") == "Hallo"
    assert messages[("Screen", "Bye", "")].find("translation").get("type") == "unfinished"
    qm = i18n_build.release(ts_file)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("Screen", "Hello") == "Hallo"
    assert translator.translate("Screen", "Bye") == ""  # unfinished: shown in English


def test_a_failing_tool_is_one_sentence(tmp_path):
    with pytest.raises(i18n_build.BuildError, match="pyside6-lrelease failed"):
        i18n_build.release(tmp_path / "missing_nl.ts")
