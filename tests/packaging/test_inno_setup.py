"""The Windows installer script cannot be compiled here (no ISCC): check its syntax and references."""

from __future__ import annotations

import re
from pathlib import PureWindowsPath

import pytest
from pkg_helpers import ISS, ROOT, expand, parse_iss, spec_constants

# Parameters Inno Setup 6 accepts in each entry section we use (from its documentation).
KNOWN_PARAMS = {
    "Languages": {"Name", "MessagesFile", "LicenseFile", "InfoBeforeFile", "InfoAfterFile"},
    "Tasks": {"Name", "Description", "GroupDescription", "Flags", "Components", "Check", "Languages"},
    "Files": {"Source", "DestDir", "DestName", "Flags", "Excludes", "Tasks", "Components", "Permissions",
              "Check", "Attribs", "Languages"},
    "Icons": {"Name", "Filename", "Parameters", "WorkingDir", "IconFilename", "IconIndex", "Comment",
              "Tasks", "Flags", "Check", "Languages", "AppUserModelID"},
    "Run": {"Filename", "Description", "Parameters", "WorkingDir", "StatusMsg", "Flags", "Tasks",
            "Check", "Languages", "RunOnceId", "Verb"},
}
REQUIRED_PARAMS = {
    "Languages": {"Name", "MessagesFile"},
    "Tasks": {"Name", "Description"},
    "Files": {"Source", "DestDir"},
    "Icons": {"Name", "Filename"},
    "Run": {"Filename"},
}
KNOWN_FLAGS = {"unchecked", "ignoreversion", "recursesubdirs", "createallsubdirs", "nowait", "postinstall",
               "skipifsilent", "exclusive", "checkedonce"}
# Inno Setup constants used by the script; a typo would otherwise only show on Windows.
KNOWN_CONSTANTS = {"app", "autopf", "autoprograms", "autodesktop", "group", "userappdata", "localappdata"}


@pytest.fixture(scope="module")
def script():
    return parse_iss(ISS.read_text(encoding="utf-8"))


def _with_version(script):
    return {**script.defines, "AppVersion": "1.2.3"}


def _resolve(relative: str):
    # Relative paths in an .iss file are relative to the folder of the script.
    return (ISS.parent / PureWindowsPath(relative).as_posix()).resolve()


def test_script_reads_with_the_expected_sections(script):
    assert set(script.entries) == {"Setup", "Languages", "Tasks", "Files", "Icons", "Run"}


def test_version_must_be_passed_on_the_command_line(script):
    assert "AppVersion" not in script.defines
    assert script.directives[0] == "#ifndef AppVersion"
    assert script.directives[1].startswith("#error ")
    assert script.directives[2] == "#endif"
    assert "{#AppVersion}" in script.setup["AppVersion"]


def test_setup_has_the_required_keys(script):
    for key in ("AppId", "AppName", "AppVersion", "DefaultDirName", "OutputBaseFilename", "SetupIconFile"):
        assert script.setup.get(key), key
    # AppId starts with "{{" (an escaped brace) and holds a GUID that must never change.
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", script.setup["AppId"])


def test_every_preprocessor_name_is_defined(script):
    defines = _with_version(script)
    values = list(script.setup.values())
    values += [value for entries in script.entries.values() for entry in entries for value in entry.values()]
    for value in values:
        expand(value, defines)  # raises for an undefined {#Name}


def test_entries_use_known_parameters_flags_and_constants(script):
    for section, entries in script.entries.items():
        if section == "Setup":
            continue
        assert entries, f"[{section}] is empty"
        for entry in entries:
            assert REQUIRED_PARAMS[section] <= entry.keys(), (section, entry)
            assert entry.keys() <= KNOWN_PARAMS[section], (section, entry)
            flags = entry.get("Flags", "").split()
            assert set(flags) <= KNOWN_FLAGS, flags
    text = ISS.read_text(encoding="utf-8")
    constants = set(re.findall(r"(?<!\{)\{(?![#{]|cm:)(\w+)\}", text))
    assert constants <= KNOWN_CONSTANTS, constants - KNOWN_CONSTANTS


def test_tasks_used_by_icons_are_declared(script):
    declared = {task["Name"] for task in script.entries["Tasks"]}
    used = {entry["Tasks"] for section in ("Icons", "Files") for entry in script.entries[section]
            if "Tasks" in entry}
    assert used <= declared


def test_referenced_files_exist_or_are_the_pyinstaller_output(script):
    defines = _with_version(script)
    assert _resolve(expand(script.setup["SetupIconFile"], defines)).is_file()
    (files,) = script.entries["Files"]
    source = expand(files["Source"], defines)
    assert source.endswith("\\*")
    build_dir = _resolve(source[:-2])
    spec = spec_constants()
    # where `pyinstaller packaging/compass-desk.spec` puts its output
    assert build_dir == ROOT / "dist" / str(spec["NAME"])
    assert _resolve(expand(script.setup["OutputDir"], defines)).parent == ROOT / "dist"
    for language in script.entries["Languages"]:
        assert language["MessagesFile"].startswith("compiler:")  # shipped with Inno Setup itself


def test_shortcuts_start_the_windowed_executable_the_spec_builds(script):
    spec = spec_constants()
    exe = script.defines["AppExeName"]
    assert exe == f"{spec['NAME']}.exe"
    assert script.defines["AppName"] == spec["APP_NAME"]
    for entry in script.entries["Icons"] + script.entries["Run"]:
        assert entry["Filename"] == "{app}\\{#AppExeName}"
    assert "console=False" in (ISS.parents[1] / "compass-desk.spec").read_text(encoding="utf-8")


def test_parser_rejects_what_iscc_rejects():
    with pytest.raises(ValueError, match="outside any section"):
        parse_iss("AppName=x\n")
    with pytest.raises(ValueError, match="Key=Value"):
        parse_iss("[Setup]\nAppName x\n")
    with pytest.raises(ValueError, match="twice"):
        parse_iss("[Setup]\nAppName=a\nAppName=b\n")
    with pytest.raises(ValueError, match="cannot read"):
        parse_iss('[Files]\nSource "x"; DestDir: "{app}"\n')
    with pytest.raises(KeyError):
        expand("{#Nope}", {})
