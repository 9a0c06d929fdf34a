"""The offline flow on the simulator: fetch and keep, go offline, read; secrets only with the keyring
key and never in the cache files in plain text; prepare site visit with a failing phone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from compass_desk.api.errors import ApiError, AuthenticationError
from compass_desk.domain.mac import MacError, format_mac
from compass_desk.domain.provisioning.secrets import MASK
from compass_desk.services import offline
from compass_desk.services.cancel import CancelToken
from compass_desk.store.db import StoreError
from compass_desk.store.provisioning_cache import ProvisioningCache
from compass_desk.store.vault import KEY_NAME, SERVICE


def _company_with_phones(session, minimum=5):
    companies = session.load_companies()
    for company in companies:
        phones = session.client.phones(company)
        if len(phones) >= minimum:
            return company, phones
    raise AssertionError("the demo data has no organisation with enough phones")


@pytest.fixture
def fetched(session, monkeypatch):
    """Every provisioning file the session fetches, as it arrived (files carry their generation time)."""
    seen = []
    real = session.provisioning_file

    def spy(phone):
        seen.append(real(phone))
        return seen[-1]

    monkeypatch.setattr(session, "provisioning_file", spy)
    return seen


def test_fetch_go_offline_and_read(simulator, session, files, paths, secrets_of, fetched):
    company, phones = _company_with_phones(session)
    phone = phones[0]
    before = datetime.now(UTC)
    cached = offline.fetch_and_store(session, files, phone)
    original = fetched[-1].content
    assert cached.complete and cached.content() == original and cached.file() == fetched[-1]
    assert before - timedelta(seconds=1) <= cached.info.fetched_at <= datetime.now(UTC)
    assert cached.info.company_name == company.name and cached.info.secrets == "encrypted"

    simulator.stop()  # go offline
    with pytest.raises(ApiError):
        session.provisioning_file(phone)
    # A new cache object reads the file back as the app would after a restart.
    with offline.open_provisioning_cache(paths) as reopened:
        for name in (phone, phone.url, format_mac(phone.mac), phone.mac.upper()):
            copy = offline.cached_file(reopened, "sim", name)
            assert copy is not None and copy.content() == original, name
        for name in (phone.mac, phone.url):  # in any environment
            assert offline.cached_file(reopened, None, name).content() == original
        assert offline.cached_file(reopened, None, phone.url + "0") is None
        assert offline.cached_file(reopened, "staging", phone.mac) is None
        masked = offline.cached_file(reopened, "sim", phone).masked_text(MASK)
    assert MASK in masked
    for secret in secrets_of(original):
        assert secret not in masked


def test_cached_file_lookups(session, files):
    _, phones = _company_with_phones(session)
    offline.fetch_and_store(session, files, phones[0])
    by_id = offline.cached_file(files, "sim", phones[0].resource_id, phones=phones)
    assert by_id.info.phone_url == phones[0].url
    assert offline.cached_file(files, "sim", phones[1]) is None  # never fetched
    assert offline.cached_file(files, "sim", "00:04:13:00:00:01") is None
    with pytest.raises(MacError):
        offline.cached_file(files, "sim", "not-a-phone")


def test_secrets_come_back_only_with_the_keyring_key(session, files, paths, memory_keyring, secrets_of,
                                                     fetched):
    _, phones = _company_with_phones(session)
    offline.fetch_and_store(session, files, phones[0])
    original = fetched[-1].content
    key = memory_keyring.store.pop((SERVICE, KEY_NAME))  # the key is gone (another computer, wiped keyring)
    with offline.open_provisioning_cache(paths) as without_key:
        copy = offline.cached_file(without_key, "sim", phones[0])
        assert copy.secrets_locked and not copy.complete
        text = copy.content()
    assert text != original and MASK not in text  # the placeholders, not the secrets
    for secret in secrets_of(original):
        assert secret not in text
    memory_keyring.store[(SERVICE, KEY_NAME)] = key
    with offline.open_provisioning_cache(paths) as with_key:
        assert offline.cached_file(with_key, "sim", phones[0]).content() == original


def test_no_secret_in_the_cache_files(session, files, snapshots, cache_bytes, secrets_of, fetched):
    company, _ = _company_with_phones(session)
    result = offline.prepare_site_visit(session, files, company, snapshots=snapshots)
    assert result.complete and result.stored_count == len(result.phones) == len(fetched)
    stored = cache_bytes()
    assert result.phones[0].name.encode() in stored  # the scan does find what is stored in plain text
    for file in fetched:
        for secret in secrets_of(file.content):
            assert secret.encode() not in stored


def test_without_a_secure_keyring_secrets_are_dropped(session, paths, cache_bytes, secrets_of, fetched):
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())  # the memory_keyring fixture puts its own back afterwards
    _, phones = _company_with_phones(session)
    with offline.open_provisioning_cache(paths) as cache:
        assert cache.secrets_note
        copy = offline.fetch_and_store(session, cache, phones[0])
    assert copy.info.secrets == "dropped" and not copy.complete
    original = fetched[-1].content
    for secret in secrets_of(original):
        assert secret.encode() not in cache_bytes() and secret not in copy.content()


def test_viewing_keeps_a_copy_and_survives_a_cache_failure(session, files, paths):
    _, phones = _company_with_phones(session)
    shown = offline.fetch_for_viewing(session, files, phones[0])
    assert offline.cached_file(files, "sim", phones[0]).content() == shown.content

    def broken_mask(text):
        raise ValueError("no")

    with ProvisioningCache(paths.data / "other.sqlite3", mask=broken_mask) as broken:
        fresh = offline.fetch_for_viewing(session, broken, phones[1])
        assert "Compass provisioning" in fresh.content and broken.entries() == []  # shown, not kept
        with pytest.raises(StoreError, match="not stored"):
            offline.fetch_and_store(session, broken, phones[1])
    assert offline.fetch_for_viewing(session, None, phones[1]).filename


def test_an_unparseable_file_is_kept_masked_by_key_names():
    masked, secrets = offline.cache_mask("<settings><broken\nhttp_pass: hunter2hunter\n")
    assert "hunter2hunter" not in masked and list(secrets.values()) == ["hunter2hunter"]


def test_site_visit_with_one_failing_phone(session, transport, files, snapshots):
    company, phones = _company_with_phones(session)
    broken = phones[2]
    transport.fail[broken.url + "/provisioning"] = 500
    seen, reports = [], []
    result = offline.prepare_site_visit(session, files, company, snapshots=snapshots,
                                        progress=lambda *a: reports.append(a), on_result=seen.append,
                                        concurrency=3)
    assert not result.cancelled and not result.complete
    assert [r.phone.url for r in result.failures] == [broken.url]
    failure = result.failures[0]
    assert failure.stored is None and failure.status is not None
    assert failure.problems[0].startswith("Provisioning file not fetched:")
    assert result.stored_count == len(phones) - 1 and len(seen) == len(phones)
    assert {i.phone_url for i in files.entries("sim")} == {p.url for p in phones} - {broken.url}
    assert "1 phone had a problem" in result.summary()
    done = [d for d, total, _ in reports if total]
    assert done == sorted(done) and reports[-1][:2] == (len(phones), len(phones))
    # The phone list and statuses are kept for an offline start too.
    snapshot = snapshots.load_snapshot("sim")
    assert {p.url for p in snapshot.phones} >= {p.url for p in phones}
    assert set(snapshot.statuses) == {p.url for p in phones}
    assert result.snapshot_saved


def test_site_visit_updates_an_existing_snapshot(session, files, snapshots):
    company, phones = _company_with_phones(session)
    gone = phones[0].__class__(**{**{f: getattr(phones[0], f) for f in phones[0].__dataclass_fields__},
                                  "url": phones[0].url + "-gone"})
    snapshots.save_snapshot("sim", [company], [gone], {}, datetime.now(UTC) - timedelta(days=1))
    offline.prepare_site_visit(session, files, company, snapshots=snapshots)
    snapshot = snapshots.load_snapshot("sim")
    assert [p.url for p in snapshot.phones] == [p.url for p in phones]  # the removed phone is forgotten
    assert len(snapshot.statuses) == len(phones)


def test_site_visit_cancel_keeps_what_was_stored(session, files):
    company, phones = _company_with_phones(session, minimum=10)
    token = CancelToken()
    seen = []

    def on_result(one):
        seen.append(one)
        if len(seen) == 3:
            token.cancel()

    result = offline.prepare_site_visit(session, files, company, cancel=token, on_result=on_result,
                                        concurrency=1)
    assert result.cancelled and not result.complete and "Cancelled" in result.summary()
    assert 3 <= len(result.results) < len(phones)
    assert len(files.entries()) == result.stored_count
    token2 = CancelToken()
    token2.cancel()
    assert offline.prepare_site_visit(session, files, company, cancel=token2).results == []


def test_site_visit_stops_when_the_sign_in_expires(simulator, session, files):
    company, phones = _company_with_phones(session)
    simulator.set_faults(credentials_expire_after=4)
    with pytest.raises(AuthenticationError):
        offline.prepare_site_visit(session, files, company, concurrency=1)
    assert len(files.entries()) < len(phones)


def test_texts_for_people():
    now = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
    assert offline.age_text(now - timedelta(seconds=5), now) == "just now"
    assert offline.age_text(now - timedelta(minutes=5), now) == "5 min ago"
    assert offline.age_text(now - timedelta(hours=3), now) == "3 h ago"
    assert offline.age_text(now - timedelta(days=3), now) == "3 days ago"
    assert offline.age_text(now + timedelta(minutes=5), now) == "just now"  # clock skew
    assert [offline.size_text(n) for n in (812, 4300, 3 * 1024 * 1024 // 2)] == ["812 B", "4.2 kB", "1.5 MB"]


def test_organisations_group_what_is_stored(session, files):
    company, phones = _company_with_phones(session)
    for phone in phones[:3]:
        offline.fetch_and_store(session, files, phone)
    [group] = offline.organisations(files.entries())
    assert (group.environment, group.company_url, group.company_name, group.files) == (
        "sim", company.url, company.name, 3)
    assert group.size == sum(i.size for i in files.entries()) and group.oldest <= group.newest
