"""Shared readers for the packaging files (spec, .desktop, metainfo, Inno Setup script)."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "compass-desk.spec"
DESKTOP = PACKAGING / "linux" / "compass-desk.desktop"
ISS = PACKAGING / "windows" / "compass-desk.iss"
ICONS = PACKAGING / "icons"
# Figures measured by the frozen-build tests (build time, size, start time), shown after the run.
MEASUREMENTS: list[str] = []


def spec_constants() -> dict[str, object]:
    """The top-level NAME = "literal" assignments of the PyInstaller spec."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    found: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                found[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                continue
    return found


def metainfo_path() -> Path:
    paths = sorted((PACKAGING / "linux").glob("*.metainfo.xml"))
    assert len(paths) == 1, paths
    return paths[0]


def read_desktop(path: Path = DESKTOP) -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(delimiters=("=",), comment_prefixes=("#",), strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"), source=str(path))
    return parser


def load_render_icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_icons", PACKAGING / "render_icons.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class IssScript:
    defines: dict[str, str] = field(default_factory=dict)
    directives: list[str] = field(default_factory=list)  # preprocessor lines other than #define
    setup: dict[str, str] = field(default_factory=dict)
    # section name -> list of entries, each a dict of parameter -> value
    entries: dict[str, list[dict[str, str]]] = field(default_factory=dict)


_ENTRY_PARAM = re.compile(r'\s*([A-Za-z]+)\s*:\s*("(?:[^"]|"")*"|[^;]*?)\s*(?:;|$)')


def _split_entry(line: str, where: str) -> dict[str, str]:
    params: dict[str, str] = {}
    pos = 0
    while pos < len(line):
        match = _ENTRY_PARAM.match(line, pos)
        if not match or match.end() == pos:
            raise ValueError(f"{where}: cannot read parameters at {line[pos:]!r}")
        name, value = match.group(1), match.group(2)
        if value.startswith('"'):
            value = value[1:-1].replace('""', '"')
        if name in params:
            raise ValueError(f"{where}: parameter {name} given twice")
        params[name] = value
        pos = match.end()
    return params


def parse_iss(text: str) -> IssScript:
    """Read an Inno Setup script the way ISCC does, for the subset this project uses."""
    script = IssScript()
    section: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        where = f"line {number}"
        if not line or line.startswith(";") or line.startswith("//"):
            continue
        if line.startswith("#"):
            match = re.fullmatch(r'#define\s+(\w+)\s+"([^"]*)"', line)
            if match:
                script.defines[match.group(1)] = match.group(2)
            else:
                script.directives.append(line)
            continue
        if line.startswith("["):
            match = re.fullmatch(r"\[(\w+)\]", line)
            if not match:
                raise ValueError(f"{where}: malformed section header {line!r}")
            section = match.group(1)
            if section in script.entries or (section == "Setup" and script.setup):
                raise ValueError(f"{where}: section [{section}] appears twice")
            script.entries.setdefault(section, [])
            continue
        if section is None:
            raise ValueError(f"{where}: text outside any section")
        if section == "Setup":
            key, sep, value = line.partition("=")
            if not sep or not re.fullmatch(r"[A-Za-z0-9]+", key.strip()):
                raise ValueError(f"{where}: [Setup] lines are Key=Value, got {line!r}")
            if key.strip() in script.setup:
                raise ValueError(f"{where}: {key.strip()} set twice")
            script.setup[key.strip()] = value.strip()
        else:
            script.entries[section].append(_split_entry(line, where))
    return script


def expand(value: str, defines: dict[str, str]) -> str:
    """Replace {#Name} by its #define value; a name that is not defined is an error."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in defines:
            raise KeyError(f"{{#{name}}} is not defined")
        return defines[name]

    return re.sub(r"\{#(\w+)\}", replace, value)
