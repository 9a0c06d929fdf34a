"""Test-wide set-up: isolated app folders, no real keyring, offscreen Qt."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Every test gets its own config/data/cache/log folders; nothing touches a real profile."""
    home = tmp_path / "compass-home"
    monkeypatch.setenv("COMPASS_DESK_HOME", str(home))
    monkeypatch.delenv("COMPASS_PASSWORD", raising=False)
    return home


def pytest_collection_modifyitems(config, items):
    # Tests that use Qt fixtures are GUI tests, so `pytest -m "not gui"` runs the fast core.
    for item in items:
        if {"qtbot", "qapp"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


def _make_memory_backend():
    import keyring.backend

    class _Backend(keyring.backend.KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service, username):
            return self.store.get((service, username))

        def set_password(self, service, username, password):
            self.store[(service, username)] = password

        def delete_password(self, service, username):
            import keyring.errors

            if (service, username) not in self.store:
                raise keyring.errors.PasswordDeleteError("not found")
            del self.store[(service, username)]

    return _Backend()


@pytest.fixture(autouse=True)
def memory_keyring():
    """Replace the keyring with an empty in-memory one for each test; yields the backend."""
    import keyring

    previous = keyring.get_keyring()
    backend = _make_memory_backend()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def simulator():
    """A Compass simulator (production dataset, seed 1, no faults) on a free loopback port."""
    from compass_desk.sim import SimConfig, Simulator

    sim = Simulator(SimConfig(environment="production", seed=1))
    sim.start()
    try:
        yield sim
    finally:
        sim.stop()


def pytest_sessionfinish(session, exitstatus):
    # A rich clipboard entry made from Python must go while Python still runs (see
    # gui/sitecheck_dialog.release_rich_clipboard); pytest-qt never emits aboutToQuit.
    import sys

    if "PySide6.QtGui" in sys.modules:
        from PySide6.QtGui import QGuiApplication

        if QGuiApplication.instance() is not None:
            from compass_desk.gui.sitecheck_dialog import release_rich_clipboard

            release_rich_clipboard()
