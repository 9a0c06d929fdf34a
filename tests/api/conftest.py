from __future__ import annotations

import pytest
from api_fakes import FakeCompass


@pytest.fixture
def fake():
    return FakeCompass()


@pytest.fixture
def client(fake):
    with fake.client() as c:
        yield c
        c._http.close()
