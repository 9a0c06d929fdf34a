"""Environment profiles in environments.toml (no secrets) and passwords in the keyring."""

from __future__ import annotations

import stat
import tomllib

import pytest

from compass_desk.domain.models import Environment
from compass_desk.store.profiles import ProfileError, ProfileStore
from compass_desk.store.secrets import SecretStore, SecretStoreError, SessionSecrets, backend_is_secure

PROD = Environment("production", "https://rest.example.com", "jan")
ODD = Environment(
    "Staging é-EU + test", "https://rest.staging.example.com/", "jan@x", ca_bundle="/etc/ca é.pem"
)


def test_profiles_round_trip(tmp_path):
    store = ProfileStore(tmp_path / "config")
    assert store.list() == [] and store.get("production") is None
    store.save(PROD)
    store.save(ODD)
    assert store.list() == [PROD, ODD]
    assert store.get(ODD.name) == ODD
    data = tomllib.loads(store.path.read_text(encoding="utf-8"))
    assert data["environments"]["production"] == {"base_url": PROD.base_url, "username": "jan"}
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    store.save(Environment("production", "https://rest2.example.com", "piet"))
    assert store.get("production").username == "piet"
    assert store.remove("production") and not store.remove("production")
    assert store.list() == [ODD]


@pytest.mark.parametrize("name", ["", " ", "[x]", "a" * 65, "\nnew"])
def test_profile_names_are_checked(tmp_path, name):
    with pytest.raises(ProfileError):
        ProfileStore(tmp_path).save(Environment(name, "https://x", "u"))


def test_broken_profile_file_is_a_clear_error(tmp_path):
    store = ProfileStore(tmp_path)
    store.path.write_text("[environments.x]\nbase_url = 1\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="needs base_url and username"):
        store.list()
    store.path.write_text("not toml at all [", encoding="utf-8")
    with pytest.raises(ProfileError, match="cannot be read"):
        store.list()


def test_no_password_is_ever_written_to_the_profile_file(tmp_path, memory_keyring):
    store = ProfileStore(tmp_path)
    store.save(PROD)
    SecretStore().set_password(PROD, "p4ss-w0rd!")
    assert "p4ss-w0rd!" not in store.path.read_text(encoding="utf-8")
    assert "p4ss-w0rd!" in memory_keyring.store.values()


def test_secret_store_over_keyring(memory_keyring):
    secrets = SecretStore()
    assert secrets.get_password(PROD) is None
    secrets.set_password(PROD, "one")
    other_server = Environment("production", "https://rest.other.example", "jan")
    assert secrets.get_password(PROD) == "one"
    assert secrets.get_password(other_server) is None  # same user name, other server: not shared
    renamed = Environment("renamed", PROD.base_url + "/", "jan")
    assert secrets.get_password(renamed) == "one"
    assert secrets.delete_password(PROD) and not secrets.delete_password(PROD)
    with pytest.raises(SecretStoreError):
        secrets.set_password(PROD, "")
    assert secrets.backend_is_secure() and secrets.backend_warning() is None


def test_insecure_backends_are_recognised():
    import keyring.backends.fail
    import keyring.backends.null

    assert not backend_is_secure(keyring.backends.fail.Keyring())
    assert not backend_is_secure(keyring.backends.null.Keyring())

    class PlaintextKeyring:
        pass

    assert not backend_is_secure(PlaintextKeyring())


def test_warning_when_the_keyring_is_not_secure(monkeypatch):
    import keyring
    import keyring.backends.fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: keyring.backends.fail.Keyring())
    assert "session only" in SecretStore().backend_warning()


def test_session_secrets_stay_in_memory():
    secrets = SessionSecrets()
    secrets.set_password(PROD, "abc")
    assert secrets.get_password(PROD) == "abc" and "abc" not in repr(secrets)
    assert secrets.delete_password(PROD) and secrets.get_password(PROD) is None
