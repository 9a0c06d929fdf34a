"""The offline banner's sentence when the organisations cannot be listed: plain words, not "to list
your rights", in English and Dutch."""

from __future__ import annotations

import socket
from types import SimpleNamespace

import httpx
import pytest

from compass_desk.api.client import CompassClient
from compass_desk.api.errors import NetworkError
from compass_desk.api.transport import RetryPolicy
from compass_desk.domain.models import Environment
from compass_desk.domain.text import text_of


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_listing_the_organisations_offline_says_what_it_tried_in_plain_words():
    base = f"http://127.0.0.1:{closed_port()}"
    client = CompassClient(Environment("sim", base, "demo"), "pw", timeout=httpx.Timeout(1.0),
                           retry=RetryPolicy(attempts=1, sleep=lambda s: None))
    client._current_user = lambda: SimpleNamespace(url=f"{base}/user/1")  # signed in earlier
    try:
        with pytest.raises(NetworkError) as caught:
            client.companies()
    finally:
        client.close()
    text = text_of(caught.value)
    assert f"Could not reach Compass at {base} to read which organisations you can see and change;" in text.en
    assert "om op te halen welke organisaties je kunt zien en wijzigen;" in text.nl
    assert "rights" not in text.en and "rechten" not in text.nl
