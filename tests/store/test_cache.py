"""The snapshot cache: offline start data per environment."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta, timezone

import pytest

from compass_desk.domain.models import PhoneStatus, ProvisioningState
from compass_desk.store.cache import Cache
from compass_desk.store.db import StoreError

from .conftest import company, phone, status

FETCHED = datetime(2026, 11, 28, 18, 5, 30, 250000, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture
def cache(tmp_path):
    with Cache(tmp_path / "cache.sqlite3") as cache:
        yield cache


def sample(n: int = 30):
    companies = [company(i) for i in range(3)]
    phones = [phone(i, i % 3) for i in range(n)]
    statuses = {p.url: status(i) for i, p in enumerate(phones) if i % 4}
    return companies, phones, statuses


def test_nothing_stored_reads_as_none(cache):
    assert cache.load_snapshot("production") is None
    assert cache.environments() == []


def test_snapshot_round_trips_exactly_and_in_order(cache):
    companies, phones, statuses = sample()
    phones.reverse()  # order as given, not by URL
    cache.save_snapshot("production", companies, phones, statuses, FETCHED)
    snapshot = cache.load_snapshot("production")
    assert snapshot is not None
    assert snapshot.companies == companies
    assert snapshot.phones == phones
    assert snapshot.statuses == statuses
    assert snapshot.fetched_at == FETCHED and snapshot.fetched_at.utcoffset() == timedelta(hours=1)
    assert all(type(p.provisioning) is ProvisioningState for p in snapshot.phones)


def test_environments_are_kept_apart(cache):
    companies, phones, statuses = sample()
    cache.save_snapshot("production", companies, phones, statuses, FETCHED)
    cache.save_snapshot("staging", companies[:1], phones[:2], {}, FETCHED + timedelta(hours=1))
    assert len(cache.load_snapshot("production").phones) == 30
    assert len(cache.load_snapshot("staging").phones) == 2
    infos = cache.environments()
    assert [(i.environment, i.companies, i.phones) for i in infos] == [
        ("production", 3, 30),
        ("staging", 1, 2),
    ]


def test_saving_replaces_the_whole_snapshot(cache):
    companies, phones, statuses = sample()
    cache.save_snapshot("production", companies, phones, statuses, FETCHED)
    cache.save_snapshot("production", companies[1:], phones[5:7], {}, FETCHED + timedelta(minutes=5))
    snapshot = cache.load_snapshot("production")
    assert snapshot.companies == companies[1:]
    assert snapshot.phones == phones[5:7]
    assert snapshot.statuses == {}
    assert snapshot.fetched_at == FETCHED + timedelta(minutes=5)


def test_a_save_that_fails_midway_keeps_the_previous_snapshot(cache, tmp_path):
    companies, phones, statuses = sample()
    cache.save_snapshot("production", companies, phones, statuses, FETCHED)
    # Make the database itself refuse one phone half-way through the second save.
    with sqlite3.connect(tmp_path / "cache.sqlite3") as conn:
        conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON cache_phones WHEN NEW.url LIKE '%/phone/1015'"
            " BEGIN SELECT RAISE(ABORT, 'disk trouble'); END"
        )
    conn.close()
    newer = [phone(1000 + i) for i in range(30)]
    with pytest.raises(StoreError, match=r"could not be written .*disk trouble"):
        cache.save_snapshot("production", companies, newer, {}, FETCHED + timedelta(hours=1))
    snapshot = cache.load_snapshot("production")
    assert snapshot.phones == phones and snapshot.statuses == statuses and snapshot.fetched_at == FETCHED


def test_update_phone_changes_one_row_in_place(cache):
    companies, phones, statuses = sample()
    cache.save_snapshot("production", companies, phones, statuses, FETCHED)
    moved = phone(
        4, 2, provisioning=ProvisioningState.ACTIVE, activated_at=datetime(2026, 11, 28, tzinfo=UTC)
    )
    assert cache.update_phone("production", moved)
    snapshot = cache.load_snapshot("production")
    assert snapshot.phones[4] == moved
    assert snapshot.phones[:4] == phones[:4] and snapshot.phones[5:] == phones[5:]
    assert snapshot.fetched_at == FETCHED  # a single-row update is not a full refresh


def test_update_phone_adds_a_new_phone_at_the_end(cache):
    companies, phones, statuses = sample(5)
    cache.save_snapshot("production", companies, phones, statuses, FETCHED)
    added = phone(99)
    assert cache.update_phone("production", added)
    assert cache.load_snapshot("production").phones == [*phones, added]


def test_updates_without_a_snapshot_store_nothing(cache):
    assert not cache.update_phone("production", phone(1))
    assert not cache.update_status("production", phone(1).url, status(1))
    assert cache.load_snapshot("production") is None


def test_update_status_and_remove_phone(cache):
    companies, phones, statuses = sample(6)
    cache.save_snapshot("production", companies, phones, statuses, FETCHED)
    fresh = PhoneStatus(online=True, private_ip="10.1.1.1")
    assert cache.update_status("production", phones[0].url, fresh)
    assert cache.load_snapshot("production").statuses[phones[0].url] == fresh
    assert cache.remove_phone("production", phones[1].url)
    assert not cache.remove_phone("production", phones[1].url)
    snapshot = cache.load_snapshot("production")
    assert phones[1] not in snapshot.phones and phones[1].url not in snapshot.statuses
    assert len(snapshot.phones) == 5


def test_clear_one_environment_or_all(cache):
    companies, phones, statuses = sample(5)
    for name in ("production", "staging"):
        cache.save_snapshot(name, companies, phones, statuses, FETCHED)
    cache.clear("staging")
    assert cache.load_snapshot("staging") is None and cache.load_snapshot("production") is not None
    cache.clear()
    assert cache.load_snapshot("production") is None and cache.environments() == []


def test_a_row_from_an_incompatible_version_reads_as_nothing_stored(cache, tmp_path, caplog):
    companies, phones, statuses = sample(3)
    cache.save_snapshot("production", companies, phones, statuses, FETCHED)
    with sqlite3.connect(tmp_path / "cache.sqlite3") as conn:
        conn.execute("UPDATE cache_phones SET data = '{\"url\": 1}' WHERE position = 1")
    conn.close()
    assert cache.load_snapshot("production") is None
    assert "unusable" in caplog.text


def test_survives_reopening(tmp_path):
    companies, phones, statuses = sample(4)
    with Cache(tmp_path / "c.db") as cache:
        cache.save_snapshot("production", companies, phones, statuses, FETCHED)
    with Cache(tmp_path / "c.db") as cache:
        assert cache.load_snapshot("production").phones == phones


def test_threads_save_and_load_concurrently(cache):
    companies, phones, _statuses = sample(50)
    errors: list[BaseException] = []
    seen_sizes: set[int] = set()

    def saver(n: int) -> None:
        try:
            for round_ in range(10):
                size = 10 + (n + round_) % 5 * 10
                cache.save_snapshot("production", companies, phones[:size], {}, FETCHED)
                cache.update_status("production", phones[0].url, status(n))
        except BaseException as error:
            errors.append(error)

    def loader() -> None:
        try:
            for _ in range(30):
                snapshot = cache.load_snapshot("production")
                if snapshot is not None:
                    seen_sizes.add(len(snapshot.phones))
                    # Atomic replacement: a reader sees one whole snapshot, never a mix of two.
                    assert snapshot.phones == phones[: len(snapshot.phones)]
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=saver, args=(n,)) for n in range(4)]
    threads += [threading.Thread(target=loader) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert seen_sizes <= {10, 20, 30, 40, 50}
    assert len(cache.load_snapshot("production").phones) in {10, 20, 30, 40, 50}


def test_a_damaged_cache_file_starts_empty_instead_of_failing(tmp_path):
    path = tmp_path / "cache.sqlite3"
    path.write_bytes(b"\x00garbage" * 500)
    with Cache(path) as cache:
        assert cache.database.recovered
        assert cache.load_snapshot("production") is None


def test_clearing_gives_the_space_back(tmp_path):
    path = tmp_path / "cache.sqlite3"
    companies, phones, statuses = sample(2000)
    with Cache(path) as cache:
        cache.save_snapshot("production", companies, phones, statuses, FETCHED)
        cache.database.vacuum()  # checkpoint: the data is in the main file now
        full = path.stat().st_size
        cache.clear()
        assert path.stat().st_size < full / 4
