"""Every sentence the store gives a person has a Dutch beside the English (``str()`` stays English)."""

from __future__ import annotations

import pytest

from compass_desk.domain.models import Environment
from compass_desk.domain.text import Text, TextError
from compass_desk.store import secrets, vault
from compass_desk.store.db import Database, Schema, StoreError
from compass_desk.store.preferences import Preferences
from compass_desk.store.profiles import ProfileError, ProfileStore, check_name

ITEMS_V1 = Schema("items", ("CREATE TABLE items (id INTEGER PRIMARY KEY)",))
ITEMS_V2 = Schema("items", (*ITEMS_V1.migrations, "ALTER TABLE items ADD COLUMN name TEXT"))
# Words of English sentences that Dutch never uses.
ENGLISH = {"the", "cannot", "could", "not", "was", "is", "be", "has", "needs", "and", "a", "an", "no", "to"}


def assert_dutch(text: Text, *data: str) -> None:
    assert text.nl and text.nl != text.en
    rest = text.nl
    for value in data:
        rest = rest.replace(value, "")
    words = {w.strip(".,;:()'[]").lower() for w in rest.split()}
    # "is" and "een" are Dutch too: only words that are English and not Dutch count.
    assert words & (ENGLISH - {"is"}) == set(), text.nl


def assert_error_dutch(error: TextError, *data: str) -> None:
    assert str(error) == error.text.en
    assert_dutch(error.text, *data)


@pytest.mark.parametrize("constant", [
    secrets.EMPTY_PASSWORD, secrets.STORE_REFUSED, secrets.DELETE_REFUSED, secrets.KEYRING_WARNING,
    vault.NO_CRYPTOGRAPHY, vault.NO_SECURE_KEYRING, vault.KEY_NOT_KEPT,
])
def test_keyring_sentences_have_dutch(constant):
    assert_dutch(constant, "GNOME Keyring", "KWallet", "cryptography")


def test_an_insecure_keyring_warns_in_both_languages(monkeypatch):
    store = secrets.SecretStore()
    monkeypatch.setattr(store, "backend_is_secure", lambda: False)
    assert store.backend_warning() == secrets.KEYRING_WARNING.en
    assert store.backend_warning_text() == secrets.KEYRING_WARNING
    monkeypatch.setattr(store, "backend_is_secure", lambda: True)
    assert store.backend_warning() is None and store.backend_warning_text() is None


def test_a_keyring_that_fails_says_why_in_dutch(monkeypatch):
    import keyring.backends.fail

    with pytest.raises(secrets.SecretStoreError) as caught:
        secrets.SessionSecrets().set_password(Environment("p", "https://x.test", "jan"), "")
    assert_error_dutch(caught.value)
    monkeypatch.setattr("keyring.core._keyring_backend", keyring.backends.fail.Keyring())
    locked = vault.Vault(service="compass-desk-test")
    assert not locked.available
    assert locked.reason == locked.reason_text.en
    assert_dutch(locked.reason_text)
    with pytest.raises(vault.VaultUnavailable) as unavailable:
        locked.encrypt(b"x")
    assert unavailable.value.text == locked.reason_text


def test_profile_errors_have_dutch(tmp_path):
    with pytest.raises(ProfileError) as bad_name:
        check_name(" spaced ")
    assert_error_dutch(bad_name.value, "' spaced '")
    path = tmp_path / "environments.toml"
    store = ProfileStore(tmp_path)
    for content in ("[[[", "environments = 3", "[environments]\nprod = 3",
                    "[environments.prod]\nbase_url = 'https://x.test'"):
        path.write_text(content)
        with pytest.raises(ProfileError) as caught:
            store.list()
        # The TOML parser's own words are passed on as they are (like a server's reason).
        parser_said = caught.value.text.nl.partition("gelezen: ")[2]
        assert_error_dutch(caught.value, str(path), "[environments]", "base_url", "username", parser_said)
    path.write_bytes(b"\xff\xfe\x00bin")  # not text: one sentence, not a UnicodeDecodeError
    with pytest.raises(ProfileError) as binary:
        store.list()
    assert "geen tekstbestand" in binary.value.text.nl and "not a text file" in str(binary.value)
    path.unlink()
    with pytest.raises(ProfileError) as empty:
        store.save(Environment("prod", " ", "jan"))
    assert_error_dutch(empty.value)


def test_database_errors_have_dutch(tmp_path):
    path = tmp_path / "s.db"
    Database(path, [ITEMS_V2]).close()
    with pytest.raises(StoreError) as newer:
        Database(path, [ITEMS_V1])
    assert_error_dutch(newer.value, str(path))
    closed = Database(tmp_path / "c.db", [ITEMS_V1])
    closed.close()
    with pytest.raises(StoreError) as caught, closed.read():
        pass
    assert_error_dutch(caught.value, str(tmp_path / "c.db"))
    damaged = tmp_path / "d.db"
    damaged.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError) as unreadable:
        Database(damaged, [ITEMS_V1])
    assert "zet hem opzij" in unreadable.value.text.nl
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(StoreError) as uncreatable:
        Database(blocker / "s.db", [ITEMS_V1])
    assert "kan niet worden gemaakt" in uncreatable.value.text.nl


def test_preferences_that_cannot_be_saved_say_so_in_dutch(tmp_path):
    blocker = tmp_path / "config"
    blocker.write_text("a file where the folder should be")
    prefs = Preferences(blocker)
    with pytest.raises(StoreError) as caught:
        prefs.set("refresh_interval_s", 30)
    assert "De voorkeuren konden niet worden opgeslagen" in caught.value.text.nl
    assert str(caught.value).startswith("The preferences could not be saved")


def test_an_english_only_store_error_reads_the_same_in_dutch():
    error = StoreError("Plain sentence.")
    assert error.text == Text("Plain sentence.", "Plain sentence.")


def test_preferences_read_with_problems_warn_in_dutch(tmp_path):
    path = tmp_path / "preferences.toml"
    path.write_text("refresh_interval_s = 2\nlanguage = 'klingon'\n")
    prefs = Preferences(tmp_path)
    assert prefs.warnings == [t.en for t in prefs.warning_texts] and len(prefs.warning_texts) == 2
    for text in prefs.warning_texts:
        assert "is niet geldig" in text.nl and "standaardwaarde" in text.nl
        assert_dutch(text, str(path), "refresh_interval_s", "'klingon'", "'system'")
    path.write_text("[[[")
    damaged = Preferences(tmp_path).warning_texts
    assert len(damaged) == 1 and "is beschadigd" in damaged[0].nl
