"""The .desktop entry and AppStream metainfo: structure, agreement with the spec, and the real validators."""

from __future__ import annotations

import shutil
import subprocess

import defusedxml.ElementTree as ET
import pytest
from pkg_helpers import DESKTOP, ICONS, metainfo_path, read_desktop, spec_constants

import compass_desk

# freedesktop.org registered main categories (Desktop Menu Specification, appendix A).
MAIN_CATEGORIES = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics", "Network",
                   "Office", "Science", "Settings", "System", "Utility"}


def _metainfo():
    return ET.parse(metainfo_path()).getroot()


def test_desktop_entry_has_the_required_keys():
    entry = read_desktop()["Desktop Entry"]
    assert entry["Type"] == "Application"
    for key in ("Name", "Exec", "Icon", "Categories", "Comment"):
        assert entry.get(key), key
    assert entry["Terminal"] == "false"
    for key in ("Categories", "Keywords", "Keywords[nl]"):
        assert entry[key].endswith(";"), f"{key} is a list and must end with ';'"
    assert MAIN_CATEGORIES & set(entry["Categories"].split(";")), "needs one registered main category"


def test_desktop_entry_starts_the_built_executable_with_the_packaged_icon():
    entry = read_desktop()["Desktop Entry"]
    name = spec_constants()["NAME"]
    assert entry["Exec"].split()[0] == name
    assert entry["TryExec"] == name
    assert entry["Name"] == spec_constants()["APP_NAME"]
    assert entry["Icon"] == name  # a theme icon name, installed from packaging/icons/hicolor
    assert (ICONS / "hicolor" / "scalable" / "apps" / f"{name}.svg").is_file()
    assert (ICONS / "hicolor" / "48x48" / "apps" / f"{name}.png").is_file()


def test_desktop_entry_is_translated_into_dutch():
    entry = read_desktop()["Desktop Entry"]
    for key in ("GenericName", "Comment", "Keywords"):
        assert entry.get(f"{key}[nl]"), key


def test_metainfo_is_well_formed_and_complete():
    root = _metainfo()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    for tag in ("id", "metadata_license", "project_license", "name", "summary", "description", "launchable",
                "content_rating", "releases"):
        assert root.find(tag) is not None, tag
    assert root.findtext("metadata_license") in {"CC0-1.0", "FSFAP", "MIT"}  # those AppStream allows
    assert root.find("description/p") is not None


def test_metainfo_agrees_with_the_spec_and_the_desktop_entry():
    root = _metainfo()
    spec = spec_constants()
    assert root.findtext("id") == spec["BUNDLE_ID"]
    assert metainfo_path().name == f"{spec['BUNDLE_ID']}.metainfo.xml"
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert root.findtext("provides/binary") == spec["NAME"]
    assert root.findtext("name") == read_desktop()["Desktop Entry"]["Name"]


def test_newest_release_is_the_package_version():
    # The version lives in pyproject.toml; the metainfo must gain a <release> when it changes.
    releases = _metainfo().findall("releases/release")
    assert releases, "no <release> entries"
    assert releases[0].get("version") == compass_desk.__version__
    assert releases[0].get("date")


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli is not installed")
def test_appstreamcli_accepts_the_metainfo():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo_path())],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_validate_accepts_the_entry():
    command = ["desktop-file-validate", str(DESKTOP)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
