"""Fixtures for the provisioning-file tests: the sample files shipped in resources/samples."""

from __future__ import annotations

import pytest

from compass_desk.resources import resource_path


@pytest.fixture
def sample_bytes():
    def read(name: str) -> bytes:
        return resource_path("samples", name).read_bytes()

    return read
