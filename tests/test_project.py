"""Project-level checks: layer rules of DESIGN.md, the entry point, resource files."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "compass_desk"

FORBIDDEN = {
    # layer: module prefixes it must not import
    "domain": ("PySide6", "httpx", "keyring", "sqlite3", "compass_desk.api", "compass_desk.gui",
               "compass_desk.services", "compass_desk.store", "compass_desk.sim", "compass_desk.resources"),
    "sim": ("PySide6", "compass_desk.api", "compass_desk.services", "compass_desk.store", "compass_desk.gui"),
    "api": ("PySide6", "compass_desk.services", "compass_desk.gui", "compass_desk.store"),
    "store": ("PySide6.QtWidgets", "compass_desk.services", "compass_desk.gui", "compass_desk.api"),
    "services": ("PySide6.QtWidgets", "compass_desk.gui"),
}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_what_design_allows(layer):
    offenders = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in _imports(path):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer]):
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_version_from_the_entry_point():
    result = subprocess.run(
        [sys.executable, "-m", "compass_desk", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.startswith("compass-desk ")


def test_unknown_command_is_a_usage_error_without_traceback():
    result = subprocess.run(
        [sys.executable, "-m", "compass_desk", "no-such-command"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("compass-desk: ")
