"""Find and load the files under the top-level ``resources/`` and ``ui/`` folders.

Not a layer of its own: any layer that may do file I/O (sim, store, services, gui, cli) reads data
files through here, and hands the parsed tables to the pure ``domain`` functions.
"""

from __future__ import annotations

import functools
import os
import sys
import tomllib
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(folder: str) -> list[Path]:
    found: list[Path] = []
    override = os.environ.get("COMPASS_DESK_DATA")
    if override:
        found.append(Path(override) / folder)
    frozen_root = getattr(sys, "_MEIPASS", None)  # PyInstaller one-folder build
    if frozen_root:
        found.append(Path(frozen_root) / folder)
    found.append(_PACKAGE_DIR / "_data" / folder)  # installed wheel (force-include)
    found.append(_PACKAGE_DIR.parent / folder)  # source checkout / editable install
    return found


@functools.cache
def resource_dir() -> Path:
    for path in _candidates("resources"):
        if path.is_dir():
            return path
    raise FileNotFoundError("the resources folder of Compass Desk is missing; reinstall the application")


@functools.cache
def ui_dir() -> Path:
    for path in _candidates("ui"):
        if path.is_dir():
            return path
    raise FileNotFoundError("the ui folder of Compass Desk is missing; reinstall the application")


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def read_text(*parts: str) -> str:
    return resource_path(*parts).read_text(encoding="utf-8")


@functools.cache
def load_toml(*parts: str) -> dict[str, Any]:
    with resource_path(*parts).open("rb") as handle:
        return tomllib.load(handle)
