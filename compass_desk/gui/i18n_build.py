"""Build the translations: ``python -m compass_desk.gui.i18n_build [--release-only] [--no-obsolete]``.

1. ``pyside6-lupdate`` reads every ``tr()`` / ``QCoreApplication.translate()`` string of
   ``compass_desk/gui/**/*.py`` and ``ui/*.ui`` into ``resources/translations/compass_desk_<lang>.ts``.
   Existing translations are kept; new strings arrive marked unfinished, vanished ones stay
   marked obsolete (``--no-obsolete`` drops them).
2. ``pyside6-lrelease`` compiles each ``.ts`` into the ``.qm`` the app loads (gitignored).

``--release-only`` skips step 1: what ``./dev`` and packaging run, so a build never edits the
committed ``.ts`` files.
"""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TARGET_LANGUAGES = ("nl",)
CATALOG = "compass_desk"


class BuildError(Exception):
    """A translation tool failed; the message says which and why."""


def ts_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{CATALOG}_{language}.ts"


def source_files(root: Path = ROOT) -> list[Path]:
    """Every file lupdate reads, relative to *root*, in a stable order."""
    python = sorted((root / "compass_desk" / "gui").rglob("*.py"))
    designer = sorted((root / "ui").glob("*.ui"))
    return [path.relative_to(root) for path in python + designer]


def tool_command(tool: str) -> list[str]:
    """Run a PySide6 tool through this interpreter (works in a venv without it on PATH)."""
    code = (f"import sys; from PySide6.scripts.pyside_tool import {tool}; "
            f"sys.argv[0] = 'pyside6-{tool}'; sys.exit({tool}())")
    return [sys.executable, "-c", code]


def run_tool(tool: str, args: Sequence[str], cwd: Path = ROOT) -> str:
    try:
        done = subprocess.run([*tool_command(tool), *args], cwd=cwd, capture_output=True, text=True,
                              timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BuildError(f"pyside6-{tool} could not run: {exc}") from None
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0:
        raise BuildError(f"pyside6-{tool} failed ({done.returncode}): {output[-2000:]}")
    return output


def update(files: Sequence[Path], ts_file: Path, language: str, *, no_obsolete: bool = False,
           cwd: Path = ROOT, locations: str = "relative") -> str:
    """Merge the strings of *files* into *ts_file* (created when missing)."""
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    args = [*(str(f) for f in files), "-ts", str(ts_file), "-target-language", language,
            "-source-language", "en", "-locations", locations, "-silent"]
    if no_obsolete:
        args.insert(0, "-no-obsolete")
    return run_tool("lupdate", args, cwd)


def release(ts_file: Path, qm_file: Path | None = None) -> Path:
    """Compile *ts_file*; unfinished strings are left out, so they show in English."""
    qm_file = qm_file or ts_file.with_suffix(".qm")
    run_tool("lrelease", ["-silent", str(ts_file), "-qm", str(qm_file)], ts_file.parent)
    return qm_file


def build(*, release_only: bool = False, no_obsolete: bool = False, root: Path = ROOT) -> list[Path]:
    folder = root / "resources" / "translations"
    built: list[Path] = []
    for language in TARGET_LANGUAGES:
        ts_file = ts_path(language, folder)
        if not release_only:
            update(source_files(root), ts_file, language, no_obsolete=no_obsolete, cwd=root)
        if not ts_file.exists():
            raise BuildError(f"{ts_file} is missing; run 'python -m compass_desk.gui.i18n_build' once")
        built.append(release(ts_file))
    return built


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m compass_desk.gui.i18n_build",
        description="Update the .ts translation sources and compile the .qm files.")
    parser.add_argument("--release-only", action="store_true",
                        help="only compile the .qm files (do not scan the sources)")
    parser.add_argument("--no-obsolete", action="store_true",
                        help="drop strings that no longer occur in the sources")
    args = parser.parse_args(argv)
    try:
        built = build(release_only=args.release_only, no_obsolete=args.no_obsolete)
    except BuildError as exc:
        print(f"i18n_build: {exc}", file=sys.stderr)  # noqa: T201 - a command-line tool
        return 1
    for path in built:
        print(f"built {path.relative_to(ROOT)}")  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
