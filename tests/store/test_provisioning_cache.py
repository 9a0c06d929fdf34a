"""Provisioning files kept for offline reading: secrets encrypted or dropped, never plain."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import keyring
import keyring.backends.fail
import pytest

from compass_desk.domain.models import ProvisioningFile
from compass_desk.store.db import StoreError
from compass_desk.store.provisioning_cache import (
    SECRETS_DROPPED,
    SECRETS_ENCRYPTED,
    SECRETS_NONE,
    ProvisioningCache,
    invertible,
)
from compass_desk.store.vault import KEY_NAME, SERVICE, Vault, keyring_backend_usable

from .conftest import phone

SIP_SECRET = "Sip-Secret-4711"
ADMIN_SECRET = "Adm1n-Pa55!"

CONTENT = f"""#!version:1.0.0.1
account.1.user_name = 31201234567
account.1.password = {SIP_SECRET}
static.security.user_password = admin:{ADMIN_SECRET}
account.1.display_name = Balie 1
"""

SNOM = f"""<?xml version="1.0" encoding="utf-8"?>
<settings><phone-settings>
<user_pass idx="1" perm="R">{SIP_SECRET}</user_pass>
<user_name idx="1" perm="R">31201234567</user_name>
</phone-settings></settings>
"""

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def fake_mask(text: str) -> tuple[str, dict[str, str]]:
    """Stand-in for the provisioning parser's masking: password-like values become placeholders."""
    secrets: dict[str, str] = {}

    def hide(match: re.Match[str]) -> str:
        placeholder = f"«secret {len(secrets) + 1}»"
        secrets[placeholder] = match.group(2)
        return match.group(1) + placeholder

    masked = re.sub(r"(?m)(password = (?:admin:)?)(\S+)$", hide, text)
    masked = re.sub(r"(<user_pass[^>]*>)([^<]+)", hide, masked)
    return masked, secrets


def no_secrets(text: str) -> tuple[str, dict[str, str]]:
    return text, {}


def pfile(content: str = CONTENT, name: str = "000413000001.cfg") -> ProvisioningFile:
    return ProvisioningFile(name, "text/plain", content, datetime(2026, 11, 20, 7, 59, tzinfo=UTC))


@pytest.fixture
def path(tmp_path):
    return tmp_path / "cache.sqlite3"


def stored_bytes(path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.iterdir() if p.name.startswith(path.name))


def test_a_file_comes_back_whole_with_secrets_encrypted(path, memory_keyring):
    with ProvisioningCache(path, mask=fake_mask) as cache:
        assert cache.encrypts_secrets and cache.secrets_note == ""
        info = cache.store("production", phone(1), pfile(), company_name="Bakkerij", fetched_at=T0)
        assert info.secrets == SECRETS_ENCRYPTED
        cached = cache.get("production", phone(1).url)
    assert cached.complete and not cached.secrets_locked
    assert cached.content() == CONTENT
    assert cached.file() == pfile()
    assert SIP_SECRET not in cached.masked_content and "«secret 1»" in cached.masked_content
    assert cached.info.fetched_at == T0 and cached.info.company_name == "Bakkerij"
    assert (SERVICE, KEY_NAME) in memory_keyring.store


def test_no_secret_value_is_in_the_database_files(path):
    with ProvisioningCache(path, mask=fake_mask) as cache:
        for i in range(5):
            cache.store("production", phone(i), pfile(CONTENT if i % 2 else SNOM))
        raw = stored_bytes(path)
        assert raw  # the files were written
        for secret in (SIP_SECRET, ADMIN_SECRET):
            assert secret.encode() not in raw
            assert secret.encode("utf-16-le") not in raw
        assert b"31201234567" in raw  # non-secret text is readable offline


def test_without_a_usable_keyring_secrets_are_dropped_and_it_says_so(path):
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        with ProvisioningCache(path, mask=fake_mask) as cache:
            assert not cache.encrypts_secrets
            assert "keyring" in cache.secrets_note
            info = cache.store("production", phone(1), pfile())
            cached = cache.get("production", phone(1).url)
            raw = stored_bytes(path)
    finally:
        keyring.set_keyring(previous)
    assert info.secrets == SECRETS_DROPPED
    assert not cached.complete and cached.secrets == {}
    assert cached.content() == cached.masked_content and SIP_SECRET not in cached.content()
    assert SIP_SECRET.encode() not in raw and ADMIN_SECRET.encode() not in raw


def test_a_keyring_that_fails_is_treated_as_no_keyring(path, memory_keyring, monkeypatch):
    def broken(*args):
        raise RuntimeError("D-Bus is gone")

    monkeypatch.setattr(memory_keyring, "get_password", broken)
    vault = Vault()
    assert not vault.available and "cannot be used" in vault.reason
    with ProvisioningCache(path, mask=fake_mask, vault=vault) as cache:
        assert cache.store("production", phone(1), pfile()).secrets == SECRETS_DROPPED


def test_a_replaced_keyring_key_locks_old_secrets_but_keeps_the_masked_text(path, memory_keyring):
    with ProvisioningCache(path, mask=fake_mask) as cache:
        cache.store("production", phone(1), pfile())
    memory_keyring.store.clear()  # e.g. a new user profile or a reset keyring
    with ProvisioningCache(path, mask=fake_mask) as cache:
        cached = cache.get("production", phone(1).url)
        assert cached.secrets_locked and not cached.complete
        assert cached.content() == cached.masked_content
        # Files fetched from now on use the new key.
        cache.store("production", phone(2), pfile())
        assert cache.get("production", phone(2).url).content() == CONTENT


def test_files_without_secrets(path):
    with ProvisioningCache(path, mask=no_secrets) as cache:
        info = cache.store("staging", phone(1), pfile("a = 1\n"))
        cached = cache.get("staging", phone(1).url)
    assert info.secrets == SECRETS_NONE and cached.complete and cached.content() == "a = 1\n"


def test_copies_of_a_secret_the_mask_missed_are_masked_too(path):
    text = CONTENT + f"# note: old password was {SIP_SECRET}\n"
    with ProvisioningCache(path, mask=fake_mask) as cache:
        cache.store("production", phone(1), pfile(text))
        cached = cache.get("production", phone(1).url)
        assert SIP_SECRET not in cached.masked_content
        assert cached.content() == text
        assert SIP_SECRET.encode() not in stored_bytes(path)


def test_a_mask_that_cannot_be_undone_drops_the_secrets(path):
    def clumsy(text: str) -> tuple[str, dict[str, str]]:
        return text.replace(SIP_SECRET, "***").replace(ADMIN_SECRET, "***"), {"***": SIP_SECRET}

    with ProvisioningCache(path, mask=clumsy) as cache:
        info = cache.store("production", phone(1), pfile())
        cached = cache.get("production", phone(1).url)
    assert info.secrets == SECRETS_DROPPED
    assert cached.content() == cached.masked_content  # never a wrong "original"


def test_listing_age_size_and_lookup_by_mac(path):
    with ProvisioningCache(path, mask=fake_mask) as cache:
        cache.store("production", phone(1, 1), pfile(), company_name="Slagerij", fetched_at=T0)
        cache.store("production", phone(2, 0), pfile(), company_name="Bakkerij", fetched_at=T0)
        cache.store(
            "staging", phone(1, 1), pfile(), company_name="Slagerij", fetched_at=T0 + timedelta(days=1)
        )
        entries = cache.entries()
        assert [(e.environment, e.company_name) for e in entries] == [
            ("production", "Bakkerij"), ("production", "Slagerij"), ("staging", "Slagerij"),
        ]  # fmt: skip
        assert entries[0].age(T0 + timedelta(hours=3)) == timedelta(hours=3)
        assert all(e.size > 0 for e in entries)
        assert cache.total_size() == sum(e.size for e in entries)
        assert [e.environment for e in cache.find_mac(phone(1).mac.upper())] == ["staging", "production"]
        assert len(cache.entries(environment="production")) == 2
        assert len(cache.entries(company_url=phone(1, 1).company_url)) == 2


def test_storing_again_replaces_the_older_copy(path):
    with ProvisioningCache(path, mask=fake_mask) as cache:
        cache.store("production", phone(1), pfile(), fetched_at=T0)
        cache.store(
            "production", phone(1), pfile(SNOM, "000413000001.xml"), fetched_at=T0 + timedelta(days=1)
        )
        assert len(cache.entries()) == 1
        assert cache.get("production", phone(1).url).content() == SNOM


def test_clear_per_organisation_environment_or_all(path):
    with ProvisioningCache(path, mask=fake_mask) as cache:
        for env in ("production", "staging"):
            for i in range(4):
                cache.store(env, phone(i, i % 2), pfile())
        assert cache.clear("production", phone(0, 0).company_url) == 2
        assert {(e.environment, e.company_url) for e in cache.entries()} == {
            ("production", phone(1, 1).company_url), ("staging", phone(0, 0).company_url),
            ("staging", phone(1, 1).company_url),
        }  # fmt: skip
        assert cache.clear(company_url=phone(1, 1).company_url) == 4
        assert cache.clear() == 2
        assert cache.entries() == [] and cache.total_size() == 0
        assert cache.get("staging", phone(0).url) is None


def test_the_size_limit_evicts_the_oldest_first(path):
    with ProvisioningCache(path, mask=fake_mask) as cache:
        one = cache.store("production", phone(0), pfile(), fetched_at=T0).size
        cache.limit_bytes = one * 3
        for i in range(1, 5):
            cache.store("production", phone(i), pfile(), fetched_at=T0 + timedelta(hours=i))
        kept = sorted(e.phone_url for e in cache.entries())
        assert kept == sorted(phone(i).url for i in (2, 3, 4))
        assert cache.set_limit(one) == 2
        assert [e.phone_url for e in cache.entries()] == [phone(4).url]
        with pytest.raises(ValueError, match="negative"):
            cache.set_limit(-1)


def test_a_file_larger_than_the_limit_is_still_kept_alone(path):
    with ProvisioningCache(path, mask=fake_mask, limit_bytes=10) as cache:
        cache.store("production", phone(1), pfile(), fetched_at=T0)
        cache.store("production", phone(2), pfile(), fetched_at=T0 - timedelta(days=1))  # older fetch time
        assert [e.phone_url for e in cache.entries()] == [phone(2).url]


@pytest.mark.parametrize(
    ("backend", "usable"),
    [
        ("keyring.backends.fail", False),
        ("keyring.backends.null", False),
    ],
)
def test_known_unusable_backends(backend, usable):
    import importlib

    module = importlib.import_module(backend)
    assert keyring_backend_usable(module.Keyring()) is usable


def test_a_chainer_is_usable_when_one_of_its_backends_is(memory_keyring):
    class ChainerBackend:
        def __init__(self, backends):
            self.backends = backends

    assert keyring_backend_usable(ChainerBackend([keyring.backends.fail.Keyring(), memory_keyring]))
    assert not keyring_backend_usable(ChainerBackend([keyring.backends.fail.Keyring()]))
    assert keyring_backend_usable(memory_keyring)


def test_masked_text_shows_placeholders_as_the_viewer_wants(path):
    with ProvisioningCache(path, mask=fake_mask) as cache:
        cache.store("production", phone(1), pfile())
        cached = cache.get("production", phone(1).url)
    assert cached.placeholders == ("«secret 1»", "«secret 2»")
    shown = cached.masked_text("********")
    assert "account.1.password = ********\n" in shown and "admin:********\n" in shown
    assert "«secret" not in shown


SAMPLES = [
    "snom-d717-no-user.xml",
    "snom-d785-with-user.xml",
    "snom-legacy-text.htm",
    "yealink-t46u-no-user.cfg",
    "yealink-t54w-with-user.cfg",
]


@pytest.mark.parametrize("name", SAMPLES)
def test_works_with_the_provisioning_parsers_masking(path, name):
    from compass_desk.domain.provisioning import parse_text
    from compass_desk.domain.provisioning.secrets import MASK, mask_text, secret_settings
    from compass_desk.resources import resource_path

    text = resource_path("samples", name).read_text(encoding="utf-8")
    parsed = parse_text(text, name)
    secrets = {s.value.strip() for s in secret_settings(parsed) if len(s.value.strip()) >= 4}
    assert secrets  # the samples do carry secrets
    with ProvisioningCache(path, mask=invertible(lambda t: mask_text(parse_text(t, name)), MASK)) as cache:
        info = cache.store("production", phone(1), pfile(text, name))
        cached = cache.get("production", phone(1).url)
        raw = stored_bytes(path)
    assert info.secrets == SECRETS_ENCRYPTED
    assert cached.content() == text
    assert cached.masked_text(MASK) == mask_text(parsed)
    for secret in secrets:
        assert secret.encode() not in raw, secret


def test_invertible_gives_up_safely_when_the_texts_do_not_line_up():
    def rewriting(text: str) -> str:  # masks, but also changes other text
        return text.replace(SIP_SECRET, "***").replace("Balie", "Desk")

    masked, secrets = invertible(rewriting, "***")(CONTENT)
    assert set(secrets.values()) == {""}
    assert SIP_SECRET not in masked

    def side_by_side(text: str) -> str:
        return text.replace(SIP_SECRET, "******")  # two masks with nothing between

    masked, secrets = invertible(side_by_side, "***")(CONTENT)
    assert set(secrets.values()) == {""} and SIP_SECRET not in masked
    assert invertible(lambda t: t, "***")("a = 1") == ("a = 1", {})


def test_a_mask_that_cannot_be_lined_up_drops_the_secrets_in_the_cache(path):
    def rewriting(text: str) -> str:
        return text.replace(SIP_SECRET, "***").replace(ADMIN_SECRET, "***").replace("Balie", "Desk")

    with ProvisioningCache(path, mask=invertible(rewriting, "***")) as cache:
        assert cache.store("production", phone(1), pfile()).secrets == SECRETS_DROPPED
        assert SIP_SECRET.encode() not in stored_bytes(path)


def test_a_file_that_cannot_be_masked_is_not_stored(path):
    def failing(text: str) -> tuple[str, dict[str, str]]:
        raise ValueError("not a provisioning file")

    with ProvisioningCache(path, mask=failing) as cache:
        with pytest.raises(StoreError, match=r"not stored for offline use .*not a provisioning file"):
            cache.store("production", phone(1), pfile())
        assert cache.entries() == []
    assert SIP_SECRET.encode() not in stored_bytes(path)


def test_find_mac_accepts_any_notation(path):
    with ProvisioningCache(path, mask=fake_mask) as cache:
        cache.store("production", phone(1), pfile())
        assert len(cache.find_mac("00:04:13:00:00:01")) == 1
        assert len(cache.find_mac("0004.1300.0001")) == 1
        assert cache.find_mac("00:04:13:00:00:02") == []
