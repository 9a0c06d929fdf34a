"""Preferences: declared once, validated, stored in TOML, never a crash on a bad file."""

from __future__ import annotations

import stat
import sys
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compass_desk.domain.deadline import parse_cutoff
from compass_desk.paths import app_paths
from compass_desk.store.db import StoreError
from compass_desk.store.preferences import BY_KEY, FILE_NAME, PREFERENCES, Preferences


@pytest.fixture
def config_dir(tmp_path):
    return tmp_path / "config"


def test_declared_once_with_valid_defaults_and_labels():
    assert [p.key for p in PREFERENCES] == [
        "language", "deadline_cutoff", "refresh_interval_s", "default_environment", "cache_size_mb",
    ]  # fmt: skip
    for spec in PREFERENCES:
        assert spec.validate(spec.default) == spec.default
        assert spec.label and spec.help
    assert {value for value, _ in BY_KEY["language"].choices} == {"system", "en", "nl"}
    for value, _ in BY_KEY["deadline_cutoff"].choices:
        parse_cutoff(value)  # every choice is a cutoff the deadline code understands


def test_defaults_without_a_file(config_dir):
    prefs = Preferences(config_dir)
    assert prefs.values() == {
        "language": "system", "deadline_cutoff": "00:00", "refresh_interval_s": 60,
        "default_environment": "", "cache_size_mb": 200,
    }  # fmt: skip
    assert prefs.warnings == []
    assert not (config_dir / FILE_NAME).exists()  # reading creates nothing


def test_set_persists_across_instances(config_dir):
    prefs = Preferences(config_dir)
    prefs.set("language", "nl")
    prefs.set("refresh_interval_s", 15)
    prefs.set("default_environment", 'Staging "oud" – Zürich')
    again = Preferences(config_dir)
    assert again.get("language") == "nl"
    assert again.get("refresh_interval_s") == 15
    assert again.get("default_environment") == 'Staging "oud" – Zürich'
    assert again.is_default("cache_size_mb") and not again.is_default("language")
    data = tomllib.loads((config_dir / FILE_NAME).read_text(encoding="utf-8"))
    assert data == {
        "language": "nl",
        "refresh_interval_s": 15,
        "default_environment": 'Staging "oud" – Zürich',
    }


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_file_is_private(config_dir):
    Preferences(config_dir).set("language", "en")
    assert stat.S_IMODE((config_dir / FILE_NAME).stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("language", "de", "must be one of"),
        ("deadline_cutoff", "01:00", "must be one of"),
        ("refresh_interval_s", 5, "between 15 and 3600 s"),
        ("refresh_interval_s", 3601, "between 15 and 3600 s"),
        ("refresh_interval_s", "60", "must be a whole number"),
        ("refresh_interval_s", True, "must be a whole number"),
        ("cache_size_mb", 60.5, "must be a whole number"),
        ("default_environment", None, "must be text"),
    ],
)
def test_bad_values_are_refused_with_a_sentence_and_change_nothing(config_dir, key, value, words):
    prefs = Preferences(config_dir)
    prefs.set("language", "en")
    before = (config_dir / FILE_NAME).read_bytes()
    value_before = prefs.get(key)
    with pytest.raises(ValueError, match=words) as info:
        prefs.set(key, value)
    message = str(info.value)
    assert message[0].isupper() and message.endswith(".")
    assert prefs.get(key) == value_before
    assert (config_dir / FILE_NAME).read_bytes() == before


def test_unknown_keys_raise_on_get_and_set(config_dir):
    prefs = Preferences(config_dir)
    with pytest.raises(KeyError):
        prefs.get("colour")
    with pytest.raises(KeyError):
        prefs.set("colour", "red")


def test_set_text_parses_typed_values(config_dir):
    prefs = Preferences(config_dir)
    prefs.set_text("refresh_interval_s", " 120 ")
    prefs.set_text("deadline_cutoff", "03:00")
    assert prefs.get("refresh_interval_s") == 120 and prefs.get("deadline_cutoff") == "03:00"
    with pytest.raises(ValueError, match="whole number"):
        prefs.set_text("refresh_interval_s", "soon")


def test_reset_one_or_all(config_dir):
    prefs = Preferences(config_dir)
    prefs.set("language", "nl")
    prefs.set("cache_size_mb", 50)
    prefs.reset("language")
    assert prefs.get("language") == "system" and prefs.get("cache_size_mb") == 50
    prefs.reset()
    assert Preferences(config_dir).values() == {p.key: p.default for p in PREFERENCES}


def test_listeners_hear_real_changes_only(config_dir):
    prefs = Preferences(config_dir)
    heard: list[tuple[str, object]] = []
    prefs.add_listener(lambda key, value: heard.append((key, value)))
    prefs.set("language", "nl")
    prefs.set("language", "nl")
    prefs.reset("language")
    assert heard == [("language", "nl"), ("language", "system")]


@pytest.mark.parametrize(
    "content",
    [
        b'language = "nl"\nthis is not toml [[[',
        b"\xff\xfe\x00garbage",
        b"language = ",
    ],
)
def test_a_broken_file_gives_defaults_and_a_warning_never_a_crash(config_dir, content, caplog):
    config_dir.mkdir()
    (config_dir / FILE_NAME).write_bytes(content)
    prefs = Preferences(config_dir)
    assert prefs.values() == {p.key: p.default for p in PREFERENCES}
    assert len(prefs.warnings) == 1 and "damaged" in prefs.warnings[0]
    assert "damaged" in caplog.text
    assert (config_dir / (FILE_NAME + ".broken")).read_bytes() == content  # kept for a person
    prefs.set("language", "en")  # and saving works again
    assert Preferences(config_dir).get("language") == "en"


def test_bad_values_in_the_file_fall_back_one_by_one(config_dir):
    config_dir.mkdir()
    (config_dir / FILE_NAME).write_text(
        'language = "klingon"\nrefresh_interval_s = 9999\ncache_size_mb = 80\n', encoding="utf-8"
    )
    prefs = Preferences(config_dir)
    assert prefs.get("language") == "system"
    assert prefs.get("refresh_interval_s") == 60
    assert prefs.get("cache_size_mb") == 80
    assert len(prefs.warnings) == 2
    assert all("Using the default" in warning for warning in prefs.warnings)


def test_unknown_keys_are_ignored_on_load_and_kept_on_save(config_dir):
    config_dir.mkdir()
    (config_dir / FILE_NAME).write_text(
        'theme = "dark"\n"odd key" = 3\n[window]\nwidth = 800\nlanguage = "nl"\n', encoding="utf-8"
    )
    prefs = Preferences(config_dir)
    assert prefs.get("language") == "system"  # the [window] table's "language" is not ours
    assert prefs.warnings == []
    prefs.set("cache_size_mb", 20)
    data = tomllib.loads((config_dir / FILE_NAME).read_text(encoding="utf-8"))
    assert data == {"cache_size_mb": 20, "theme": "dark", "odd key": 3}


def test_an_unwritable_folder_is_reported_as_a_sentence(tmp_path):
    blocker = tmp_path / "config"
    blocker.write_text("a file where the folder should be")
    prefs = Preferences(blocker)
    with pytest.raises(StoreError, match="could not be saved"):
        prefs.set("language", "nl")
    assert prefs.get("language") == "system"


def test_uses_the_config_dir_of_the_app_paths(isolated_home):
    prefs = Preferences(app_paths().config)
    prefs.set("language", "en")
    assert (isolated_home / "config" / FILE_NAME).exists()


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_any_environment_name_survives_the_file(tmp_path_factory, name):
    config_dir = tmp_path_factory.mktemp("prefs")
    Preferences(config_dir).set("default_environment", name)
    again = Preferences(config_dir)
    assert again.warnings == []
    assert again.get("default_environment") == name


def test_saving_leaves_no_temporary_files(config_dir):
    prefs = Preferences(config_dir)
    for value in ("nl", "en", "system"):
        prefs.set("language", value)
    assert [p.name for p in config_dir.iterdir()] == [FILE_NAME]
