"""Comparing files (secrets never shown, but a changed secret is said), detection and decoding."""

from __future__ import annotations

import codecs

import pytest

from compass_desk.domain.provisioning import (
    FileFormat,
    ParseError,
    decode,
    detect_format,
    parse_bytes,
    parse_text,
)
from compass_desk.domain.provisioning.detect import MAX_BYTES
from compass_desk.domain.provisioning.diff import Change, diff_files, format_diff


def _yealink(password: str, label: str = "Petra", extra: str = "") -> str:
    return (f"#!version:1.0.0.1\naccount.1.label = {label}\naccount.1.password = {password}\n"
            f"account.1.sip_server.1.port = 5061\n{extra}")


def test_identical_files():
    diff = diff_files(parse_text(_yealink("Fake-A-1")), parse_text(_yealink("Fake-A-1")))
    assert diff.identical and diff.settings == []


def test_secret_change_is_reported_without_values():
    diff = diff_files(parse_text(_yealink("Fake-Old-111")), parse_text(_yealink("Fake-New-222")))
    assert not diff.identical
    assert [(c.change, c.name) for c in diff.settings] == [(Change.SECRET_CHANGED, "account.1.password")]
    changed_rows = [r for r in diff.rows if r.tag != "equal"]
    assert [(r.left_line, r.right_line) for r in changed_rows] == [(3, 3)]
    text = "\n".join(format_diff(diff, "a.cfg", "b.cfg"))
    assert "secret changed" in text
    assert "Fake-Old-111" not in text and "Fake-New-222" not in text
    assert "Fake-Old-111" not in repr(diff) and "Fake-New-222" not in repr(diff)


def test_added_removed_changed_and_side_by_side_rows():
    left = parse_text(_yealink("Fake-S-1", extra="lang.gui = Dutch\n"))
    right = parse_text(_yealink("Fake-S-1", label="Petra V", extra="phone_setting.backlight_time = 60\n"))
    diff = diff_files(left, right)
    assert {(c.change, c.name) for c in diff.settings} == {
        (Change.CHANGED, "account.1.label"), (Change.REMOVED, "lang.gui"),
        (Change.ADDED, "phone_setting.backlight_time"),
    }
    label = next(c for c in diff.settings if c.name == "account.1.label")
    assert label.describe() == "account.1.label changed: 'Petra' → 'Petra V'"
    replaced = [r for r in diff.rows if r.tag == "replace"]
    assert ("account.1.label = Petra", "account.1.label = Petra V") in [(r.left, r.right) for r in replaced]
    lines = format_diff(diff, "a", "b")
    assert "- lang.gui = Dutch" in lines and "+ phone_setting.backlight_time = 60" in lines


def test_xml_permission_change_and_masked_sides(sample_bytes):
    left = parse_bytes(sample_bytes("snom-d785-with-user.xml"))
    text = left.text.replace('<language perm="$">', '<language perm="R">').replace(
        "Fake-Sip-Secret-1923", "Fake-Sip-Secret-9999")
    diff = diff_files(left, parse_text(text))
    changes = {c.name: c for c in diff.settings}
    assert changes["language"].change is Change.CHANGED and "permission" in changes["language"].describe()
    assert changes["user_pass[1]"].change is Change.SECRET_CHANGED
    shown = " ".join(f"{r.left} {r.right}" for r in diff.rows)
    assert "Fake-Sip-Secret" not in shown


@pytest.mark.parametrize(
    ("text", "filename", "expected"),
    [
        ("#!version:1.0.0.1\na = 1\n", None, FileFormat.YEALINK_CFG),
        ("\ufeff#!version:1.0.0.1\n", None, FileFormat.YEALINK_CFG),
        ('<?xml version="1.0"?>\n<settings/>', None, FileFormat.SNOM_XML),
        ("<!-- hi -->\n<phone-settings/>", "x.cfg", FileFormat.SNOM_XML),
        ("<html><pre>\nuser_name1: x\n</pre></html>", "x.xml", FileFormat.SNOM_TEXT),
        ("a = 1\n", "x.cfg", FileFormat.YEALINK_CFG),
        ("a: 1\n", "x.xml", FileFormat.SNOM_XML),
        ("a: 1\nb$: 2\n", None, FileFormat.SNOM_TEXT),
        ("a.b = 1\n", None, FileFormat.YEALINK_CFG),
    ],
)
def test_detect_format(text, filename, expected):
    assert detect_format(text, filename) is expected


def test_decoding_notes_and_refusals():
    assert decode(b"a = 1\n").notes == ()
    latin = decode("lang.gui = Fran\u00e7ais\n".encode("cp1252"))
    assert latin.text == "lang.gui = Fran\u00e7ais\n" and latin.encoding == "windows-1252"
    assert "not valid UTF-8 (first at line 1)" in latin.notes[0]
    utf16 = decode(codecs.BOM_UTF16_LE + "#!version:1.0.0.1\n".encode("utf-16-le"))
    assert utf16.text.startswith("#!version") and "UTF-16" in utf16.notes[0]
    with pytest.raises(ParseError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ParseError, match="binary"):
        decode(bytes([1, 2, 3, 4, 5, 6]) * 100)
    with pytest.raises(ParseError, match="MB"):
        decode(b"a" * (MAX_BYTES + 1))
    with pytest.raises(ParseError, match="no settings"):
        parse_text("just some words\n")


def test_parse_bytes_carries_notes_and_encoding():
    parsed = parse_bytes("#!version:1.0.0.1\nlang.gui = Fran\u00e7ais\n".encode("latin-1"))
    assert parsed.encoding == "windows-1252" and parsed.notes
    assert parsed.get("lang.gui").value == "Fran\u00e7ais"
