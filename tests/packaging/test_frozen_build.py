"""Build the PyInstaller one-folder app with packaging/build and run what a user would run.

Slow (a real build, about 15-60 s): it runs in CI with the rest of the suite. Build time, size and the
frozen start time are printed to the terminal.
"""

from __future__ import annotations

import os
import pkgutil
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pkg_helpers import MEASUREMENTS, ROOT

import compass_desk

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]

SAMPLES = ROOT / "resources" / "samples"


def _say(text: str) -> None:
    MEASUREMENTS.append(text)  # printed at the end of the run by conftest.py


def _tail(text: str, lines: int = 40) -> str:
    return "\n".join(text.splitlines()[-lines:])


@pytest.fixture(scope="module")
def app_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("frozen")
    env = {**os.environ, "VENV": sys.prefix, "DIST": str(out / "dist"), "WORK": str(out / "work")}
    started = time.monotonic()
    result = subprocess.run([str(ROOT / "packaging" / "build")], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=1100, stdin=subprocess.DEVNULL)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, _tail(result.stdout + result.stderr)
    folder = out / "dist" / "compass-desk"
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    _say(f"built in {elapsed:.1f} s (incl. installing PyInstaller if missing); "
                       f"dist/compass-desk is {size / 2**20:.0f} MB")
    yield folder
    shutil.rmtree(out, ignore_errors=True)


def _run(app_dir: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 120):
    return subprocess.run([str(app_dir / "compass-desk"), *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL)


def test_version_comes_from_the_bundled_metadata(app_dir):
    timings = []
    for _ in range(3):
        started = time.monotonic()
        result = _run(app_dir, "--version")
        timings.append(time.monotonic() - started)
        assert result.returncode == 0, result.stderr
    assert result.stdout == f"compass-desk {compass_desk.__version__}\n"
    assert "unknown" not in result.stdout  # the dist-info was found (copy_metadata in the spec)
    _say(f"'compass-desk --version' takes {statistics.median(timings) * 1000:.0f} ms (median of 3)")


def test_every_command_group_is_found_in_the_frozen_app(app_dir):
    # Command modules are discovered with pkgutil: the frozen --help must list the same commands.
    env = {"COLUMNS": "100"}
    frozen = _run(app_dir, "--help", env=env)
    source = subprocess.run([sys.executable, "-m", "compass_desk", "--help"], capture_output=True, text=True,
                            timeout=60, env={**os.environ, **env})
    assert frozen.returncode == 0 and source.returncode == 0
    assert frozen.stdout == source.stdout


def test_demo_screenshot_offscreen(app_dir, tmp_path):
    from PySide6.QtGui import QImage

    target = tmp_path / "demo.png"
    started = time.monotonic()
    result = _run(app_dir, "--demo", "--screenshot", str(target), env={"QT_QPA_PLATFORM": "offscreen"})
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert target.is_file() and target.stat().st_size > 20_000
    image = QImage(str(target))
    assert not image.isNull()
    assert image.width() >= 800 and image.height() >= 500
    colours = {image.pixel(x, y) for x in range(0, image.width(), 16) for y in range(0, image.height(), 16)}
    assert len(colours) > 30, "the screenshot is nearly uniform"
    _say(f"'--demo --screenshot' took {elapsed:.1f} s ({image.width()}x{image.height()})")


def test_offline_commands_find_the_bundled_data(app_dir, tmp_path):
    # PYTHONTZPATH empty: zoneinfo must use the bundled tzdata, as on Windows.
    deadline = _run(app_dir, "deadline", env={"PYTHONTZPATH": ""})
    assert deadline.returncode == 0, deadline.stderr
    assert "Deadline" in deadline.stdout
    snom = _run(app_dir, "config", "check", str(SAMPLES / "snom-d785-with-user.xml"))
    assert snom.returncode == 0, snom.stderr
    assert "Snom XML" in snom.stdout or "snom" in snom.stdout.lower()
    guide = _run(app_dir, "models")
    assert guide.returncode == 0, guide.stderr
    assert "D785" in guide.stdout
    # keyring picks its backend through entry points in the bundled metadata; this must not crash.
    envs = _run(app_dir, "envs")
    assert envs.returncode == 0, envs.stderr
    assert "Traceback" not in envs.stderr


def _archive_names(app_dir: Path) -> set[str]:
    viewer = [sys.executable, "-m", "PyInstaller.utils.cliutils.archive_viewer", "-l", "-r", "-b",
              str(app_dir / "compass-desk")]
    result = subprocess.run(viewer, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return {line.strip() for line in result.stdout.splitlines() if line.startswith(" ")}


def test_dynamically_imported_modules_are_bundled(app_dir):
    import keyring.backends

    names = _archive_names(app_dir)
    ours = {info.name for info in pkgutil.walk_packages(compass_desk.__path__, "compass_desk.")}
    assert ours - names == set(), "modules of compass_desk missing from the build"
    backends = {info.name for info in pkgutil.iter_modules(keyring.backends.__path__, "keyring.backends.")}
    assert backends - names == set()
    for module in ("secretstorage", "jeepney", "truststore", "defusedxml.ElementTree", "cryptography.fernet",
                   "httpx", "platformdirs.unix"):
        assert module in names, module


def test_bundle_holds_data_metadata_and_no_unneeded_qt(app_dir):
    internal = app_dir / "_internal"
    assert (internal / "resources" / "models.toml").is_file()
    assert (internal / "resources" / "icons" / "app.svg").is_file()
    shipped_ui = {path.name for path in (internal / "ui").glob("*.ui")}
    assert shipped_ui == {path.name for path in (ROOT / "ui").glob("*.ui")}
    assert not list((internal / "resources").rglob("*.ts")), "translation sources are not shipped"
    for source in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        assert (internal / "resources" / "translations" / f"{source.stem}.qm").is_file(), source.name
    assert list(internal.glob("compass_desk-*.dist-info/METADATA"))
    assert list(internal.glob("keyring-*.dist-info/entry_points.txt"))
    assert list((internal / "tzdata" / "zoneinfo" / "Europe").glob("Amsterdam"))
    qt = internal / "PySide6" / "Qt"
    languages = {path.stem.rsplit("_", 1)[-1] for path in (qt / "translations").glob("*.qm")}
    assert languages <= {"en", "nl"}
    assert (qt / "plugins" / "platforms" / "libqoffscreen.so").is_file()
    assert (qt / "plugins" / "platforms" / "libqxcb.so").is_file()
    assert (qt / "plugins" / "iconengines" / "libqsvgicon.so").is_file()
    assert not list((qt / "plugins").rglob("libqeglfs*"))
    assert not list(internal.rglob("*WebEngine*")) and not list(internal.rglob("libQt6Qml*"))


def test_linux_install_puts_every_file_in_place(app_dir, tmp_path):
    stage = tmp_path / "stage"
    env = {**os.environ, "DESTDIR": str(stage), "APP_DIR": str(app_dir)}
    result = subprocess.run([str(ROOT / "packaging" / "linux" / "install"), "/usr"], capture_output=True,
                            text=True, timeout=300, env=env, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    usr = stage / "usr"
    assert (usr / "share" / "applications" / "compass-desk.desktop").is_file()
    assert len(list((usr / "share" / "metainfo").glob("*.metainfo.xml"))) == 1
    assert (usr / "share" / "icons" / "hicolor" / "scalable" / "apps" / "compass-desk.svg").is_file()
    assert (usr / "share" / "icons" / "hicolor" / "512x512" / "apps" / "compass-desk.png").is_file()
    launcher = usr / "bin" / "compass-desk"
    assert launcher.is_symlink()
    # Started through the link, the app still finds its _internal folder.
    version = subprocess.run([str(launcher), "--version"], capture_output=True, text=True, timeout=120)
    assert version.returncode == 0 and version.stdout == f"compass-desk {compass_desk.__version__}\n"
    refused = subprocess.run([str(ROOT / "packaging" / "linux" / "install"), "relative/prefix"],
                             capture_output=True, text=True, timeout=60, env=env)
    assert refused.returncode != 0 and "absolute path" in refused.stderr
