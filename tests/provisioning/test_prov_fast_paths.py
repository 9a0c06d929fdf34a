"""The shortcuts taken so a 20,000-line file opens fast give the same answers as the plain way."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from compass_desk.domain.provisioning import parse_text
from compass_desk.domain.provisioning.explain import _CUSTOM_COMMENT, find_custom_marker
from compass_desk.domain.provisioning.model import line_count, split_lines
from compass_desk.domain.provisioning.secrets import (
    is_secret_name,
    mask_setting,
    mask_text,
    secret_names,
    secret_settings,
)

# Letters that fold to ASCII under re.IGNORECASE (long s, Kelvin sign, dotted and dotless i) and one
# that grows in lower case: the places where a lower()-based shortcut could go wrong.
_NAME_CHARS = st.sampled_from([*"apsswordinktoehc_.-1", "ſ", "\u212a", "İ", "ı", "\n", "PASS", "Pin"])
_LINE_PARTS = st.sampled_from([
    "# Custom settings", "## CUSTOM_SETTINGS added", "; cuſtom settings", "<!-- custom settings -->",
    "  #custom-setting", "custom settings", "# customsettings", "x = 1", "", " ", "\u00a0", "\r", "\r\n",
    "\n", "\u2028", "İ", "Custom", " settings",
])


def _marker_by_every_line(text: str) -> int | None:
    for number, line in enumerate(split_lines(text), start=1):
        if _CUSTOM_COMMENT.match(line):
            return number
    return None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_NAME_CHARS, max_size=6).map("".join), max_size=8))
def test_secret_names_in_bulk_match_one_by_one(names):
    assert secret_names(names) == {name for name in names if is_secret_name(name)}


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE_PARTS, max_size=12).map("".join))
def test_custom_marker_and_line_count_match_the_line_by_line_answer(text):
    assert find_custom_marker(text) == _marker_by_every_line(text)
    assert line_count(text) == len(split_lines(text))


def test_yealink_section_headers_and_odd_lines():
    text = ("#!version:1.0.0.1\n[ sip ]\naccount.1.password = Fake-Sec-1\n\u00a0[ not a header ]\n"
            " \t[ phone ]\nphone.pin = Fake-Pin-22\n;x = 1\n")
    parsed = parse_text(text)
    assert [(s.section, s.name, s.value, s.line) for s in parsed.settings] == [
        ("sip", "account.1.password", "Fake-Sec-1", 3), ("phone", "phone.pin", "Fake-Pin-22", 6)]
    assert [p.line for p in parsed.problems] == [4]
    masked = mask_text(parsed)
    assert "Fake-Sec-1" not in masked and "Fake-Pin-22" not in masked


def test_snom_xml_mixed_content_and_custom_part_end():
    text = ('<?xml version="1.0"?>\n<settings>\n<phone-settings>\n<a>lead<b perm="R">in</b>tail</a>\n'
            "<!-- Custom settings -->\n"
            '<http_pass idx="1" perm="!" note="x">Fake-Xml-Pass-1</http_pass>\n</phone-settings>\n'
            "<functionKeys>\n<fkey idx=\"0\">Fake-Xml-Pass-1 again</fkey>\n</functionKeys>\n</settings>\n")
    parsed = parse_text(text)
    assert [(s.name, s.value, s.section, s.line, s.from_custom) for s in parsed.settings] == [
        ("b", "in", "a", 4, False), ("http_pass", "Fake-Xml-Pass-1", "phone-settings", 6, True),
        ("fkey", "Fake-Xml-Pass-1 again", "functionKeys", 9, False)]
    assert parsed.settings[1].attributes == (("note", "x"),)
    assert parsed.custom_start_line == 5
    assert "Fake-Xml-Pass-1" not in mask_text(parsed)  # also in the function key's text


def test_secret_settings_match_masking_every_setting(sample_bytes):
    from prov_samples import SAMPLES

    from compass_desk.domain.provisioning import parse_bytes

    extra = parse_text("#!version:1.0.0.1\nurl = https://u:Fake-Url-1@h/\nq = x?token=Fake-Q-2\n"
                       "account.1.password = Fake-P-3\nlabel = plain\naccount.2.password = %NULL%\n")
    files = [parse_bytes(sample_bytes(name), name) for name in SAMPLES] + [extra]
    for parsed in files:
        expected = [s for s in parsed.settings if mask_setting(s) is not s]
        assert secret_settings(parsed) == expected
    assert [s.name for s in secret_settings(extra)] == ["url", "q", "account.1.password"]
