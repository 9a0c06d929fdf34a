"""Fixtures for the provisioning-file tests: the sample files shipped in resources/samples."""

from __future__ import annotations

import pytest

from compass_desk.resources import resource_path


@pytest.fixture
def sample_bytes():
    def read(name: str) -> bytes:
        return resource_path("samples", name).read_bytes()

    return read


def pytest_collection_modifyitems(config, items):
    # The offscreen platform warns that it cannot pass size hints to a window manager; harmless.
    for item in items:
        if item.fspath.basename == "test_prov_gui.py":
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))
