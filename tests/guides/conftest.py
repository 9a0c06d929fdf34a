"""Fixtures for the reset-guide, troubleshooter and reset-flow tests: the real data files."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def book():
    from compass_desk.cli.guides import load_guidebook

    return load_guidebook()


@pytest.fixture(scope="session")
def svgs():
    from compass_desk.cli.guides import load_illustrations

    return load_illustrations()
