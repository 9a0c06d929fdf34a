"""Fixtures for the offline tests: a session on the simulator whose HTTP can fail chosen URLs, the
provisioning cache and phone-list snapshots of the test's data folder, and a way to scan the cache
files' bytes."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest


class FaultyTransport(httpx.HTTPTransport):
    """Real HTTP to the simulator, except the URLs in ``fail`` (answered with that status)."""

    def __init__(self) -> None:
        super().__init__()
        self.fail: dict[str, int] = {}

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        status = self.fail.get(str(request.url))
        if status:
            return httpx.Response(status, json={"message": "injected fault"})
        return super().handle_request(request)


@pytest.fixture
def transport():
    return FaultyTransport()


@pytest.fixture
def session(simulator, transport):
    """A signed-in Session (environment "sim") on the simulator; retries without sleeping."""
    from compass_desk.api.client import CompassClient
    from compass_desk.api.transport import RetryPolicy
    from compass_desk.domain.models import Environment
    from compass_desk.services.session import Session

    env = Environment("sim", simulator.base_url, "demo")
    with httpx.Client(transport=transport, timeout=httpx.Timeout(5.0, connect=2.0)) as http:
        client = CompassClient(env, "compass-demo", http_client=http,
                               retry=RetryPolicy(attempts=2, sleep=lambda s: None))
        with Session(client, env) as made:
            yield made


@pytest.fixture
def paths(isolated_home):
    from compass_desk.paths import app_paths

    return app_paths(isolated_home).ensure()


@pytest.fixture
def files(paths):
    """The provisioning cache of the test's data folder (as the app opens it)."""
    from compass_desk.services.offline import open_provisioning_cache

    with open_provisioning_cache(paths) as cache:
        yield cache


@pytest.fixture
def snapshots(paths):
    from compass_desk.store.cache import Cache
    from compass_desk.store.db import cache_db_path

    with Cache(cache_db_path(paths.data)) as cache:
        yield cache


@pytest.fixture
def cache_bytes(paths):
    """cache_bytes() -> every byte of the cache database files (main file, WAL, journal)."""

    def read() -> bytes:
        found = sorted(Path(paths.data).glob("cache.sqlite3*"))
        return b"".join(p.read_bytes() for p in found if p.is_file())

    return read


@pytest.fixture
def secrets_of():
    """secrets_of(text) -> the secret values of a provisioning file, as the parser sees them."""
    from compass_desk.domain.provisioning import parse_text
    from compass_desk.domain.provisioning.secrets import secret_settings

    def values(text: str) -> list[str]:
        found = sorted({s.value for s in secret_settings(parse_text(text)) if len(s.value) >= 6})
        assert found, "the sample must hold secrets, or the test proves nothing"
        return found

    return values
