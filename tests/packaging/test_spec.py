"""What the Linux build cannot show about the spec: the macOS bundle and the Windows executables."""

from __future__ import annotations

import ast

from pkg_helpers import ICONS, SPEC, spec_constants


def _calls(name: str) -> list[ast.Call]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    return [node for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name]


def _keywords(call: ast.Call) -> dict[str, ast.expr]:
    return {keyword.arg: keyword.value for keyword in call.keywords if keyword.arg}


def test_macos_bundle_has_identifier_icon_and_plist_keys():
    (bundle,) = _calls("BUNDLE")
    keywords = _keywords(bundle)
    assert {"name", "icon", "bundle_identifier", "version", "info_plist"} <= keywords.keys()
    identifier = keywords["bundle_identifier"]
    assert isinstance(identifier, ast.Name) and identifier.id == "BUNDLE_ID"
    assert str(spec_constants()["BUNDLE_ID"]).count(".") >= 2  # reverse-DNS
    plist = keywords["info_plist"]
    assert isinstance(plist, ast.Dict)
    keys = {ast.literal_eval(key) for key in plist.keys if key is not None}
    assert {"CFBundleName", "CFBundleDisplayName", "CFBundleShortVersionString", "CFBundleVersion",
            "NSHighResolutionCapable", "LSMinimumSystemVersion"} <= keys
    assert (ICONS / "compass-desk.icns").is_file()


def test_windows_gets_a_windowed_and_a_console_executable():
    text = SPEC.read_text(encoding="utf-8")
    assert '_exe(NAME, console=False, icon=ICONS / "compass-desk.ico")' in text
    assert '_exe(f"{NAME}-cli", console=True, icon=ICONS / "compass-desk.ico")' in text
    assert (ICONS / "compass-desk.ico").is_file()


def test_no_upx_and_one_folder():
    for call in _calls("EXE") + _calls("COLLECT"):
        keywords = _keywords(call)
        assert isinstance(keywords["upx"], ast.Constant) and keywords["upx"].value is False
    (exe,) = _calls("EXE")
    assert ast.literal_eval(_keywords(exe)["exclude_binaries"]) is True  # one folder, not one file
