"""Parsing realistic files of both vendors: settings, lines, indexes, permissions, custom part."""

from __future__ import annotations

import pytest

from compass_desk.domain.provisioning import FileFormat, ParseError, parse_bytes, parse_text
from compass_desk.domain.provisioning.explain import explain, permission_meaning, unset_meaning
from compass_desk.domain.provisioning.snom_text import parse_snom_text
from compass_desk.domain.provisioning.snom_xml import parse_snom_xml
from compass_desk.domain.provisioning.yealink_cfg import parse_yealink_cfg


def test_snom_xml_with_user_keeps_lines_indexes_permissions_and_sections(sample_bytes):
    parsed = parse_bytes(sample_bytes("snom-d785-with-user.xml"), "000413a1b2c3.xml")
    assert parsed.format is FileFormat.SNOM_XML
    lines = parsed.lines
    user_pass = parsed.get("user_pass", "2")
    assert user_pass is not None
    assert user_pass.value == "Fake-Sip-Secret-5588"
    assert user_pass.permission == "R"
    assert user_pass.section == "phone-settings"
    assert "<user_pass idx=\"2\"" in lines[user_pass.line - 1]
    fkeys = [s for s in parsed.settings if s.section == "functionKeys"]
    assert [(k.index, k.attribute("label"), k.value) for k in fkeys][:2] == [
        ("0", "Receptie", "blf sip:200@bakkerij.sip.compass.example"),
        ("1", "Oven", "blf sip:210@bakkerij.sip.compass.example"),
    ]
    assert all(k.attribute("context") == "active" for k in fkeys)
    # Every setting points at the line holding its start tag.
    for setting in parsed.settings:
        assert f"<{setting.name}" in lines[setting.line - 1]


def test_snom_xml_custom_part_is_marked_and_explained(sample_bytes):
    parsed = parse_bytes(sample_bytes("snom-d785-with-user.xml"))
    assert parsed.custom_start_line is not None
    assert "Custom settings" in parsed.lines[parsed.custom_start_line - 1]
    custom = [s for s in parsed.settings if s.from_custom]
    assert [s.name for s in custom] == ["display_idle_text", "call_waiting", "ldap_server"]
    assert not any(s.from_custom for s in parsed.settings if s.line < parsed.custom_start_line)
    display = custom[0]
    assert display.permission == "&"  # written as &amp; in the attribute
    ldap = custom[2]
    assert ldap.value == " "
    assert "single space unsets" in (unset_meaning(ldap, parsed.format) or "")
    notes = explain(custom[1], parsed.format)
    assert any("provisioning keeps the user's value" in n for n in notes)
    assert any("custom settings" in n for n in notes)
    # The effective value is the custom one (the last).
    effective = parsed.get("call_waiting")
    assert effective is not None and effective.value == "off"


def test_snom_xml_without_user_has_no_sip_account_or_function_keys(sample_bytes):
    parsed = parse_bytes(sample_bytes("snom-d717-no-user.xml"))
    names = {s.name for s in parsed.settings}
    assert "user_host" in names
    assert not {"user_name", "user_pass"} & names
    assert not [s for s in parsed.settings if s.section == "functionKeys"]
    assert parsed.custom_start_line is None


def test_snom_text_in_html_pre(sample_bytes):
    parsed = parse_bytes(sample_bytes("snom-legacy-text.htm"), "snom.htm")
    assert parsed.format is FileFormat.SNOM_TEXT
    assert parsed.problems == ()
    dns = parsed.get("dns_server1")
    assert dns is not None and dns.value == "192.168.0.9" and dns.permission == "!"
    assert parsed.get("language").permission == "$"
    ldap = parsed.get("ldap_server")
    assert ldap is not None and ldap.value == " " and ldap.from_custom
    assert parsed.lines[dns.line - 1].startswith("dns_server1!:")


def test_yealink_with_user(sample_bytes):
    parsed = parse_bytes(sample_bytes("yealink-t54w-with-user.cfg"), "805ec0a1b2c3.cfg")
    assert parsed.format is FileFormat.YEALINK_CFG
    assert parsed.problems == ()
    assert parsed.get("account.1.sip_server.1.port").value == "5061"
    assert parsed.get("linekey.2.label").value == "Balie"
    null = parsed.get("local_time.time_zone_name")
    assert null is not None and null.value == "%NULL%" and null.from_custom
    assert "%NULL% unsets" in (unset_meaning(null, parsed.format) or "")
    assert permission_meaning(None, parsed.format) is None


def test_yealink_without_user(sample_bytes):
    parsed = parse_bytes(sample_bytes("yealink-t46u-no-user.cfg"))
    names = {s.name for s in parsed.settings}
    assert "account.1.password" not in names and "account.1.sip_server.1.address" in names


def test_snom_text_flags_and_values():
    parsed = parse_snom_text("a!: 1\nb&: two words\nc$:  \nd: \n# comment\n< also comment\ne:x\n")
    got = [(s.name, s.permission, s.value, s.line) for s in parsed.settings]
    assert got == [("a", "!", "1", 1), ("b", "&", "two words", 2), ("c", "$", " ", 3),
                   ("d", None, "", 4), ("e", None, "x", 7)]


def test_text_formats_report_bad_lines_as_problems_not_exceptions():
    parsed = parse_yealink_cfg("#!version:1.0.0.1\na = 1\nthis is not a setting\n[ account ]\nb = 2\n")
    assert [(p.line, "not a setting" in p.message) for p in parsed.problems] == [(3, True)]
    assert [(s.name, s.section) for s in parsed.settings] == [("a", ""), ("b", "account")]
    parsed = parse_snom_text("ok: 1\n= broken\n")
    assert [p.line for p in parsed.problems] == [2]


def test_line_endings_are_counted_like_an_editor():
    parsed = parse_yealink_cfg("#!version:1.0.0.1\r\na = 1\rb = 2\nc = 3")
    assert [(s.name, s.line) for s in parsed.settings] == [("a", 2), ("b", 3), ("c", 4)]
    xml = parse_snom_xml("<settings>\r\n<phone-settings>\r<a>1</a>\n<b>2</b></phone-settings></settings>")
    assert [(s.name, s.line) for s in xml.settings] == [("a", 3), ("b", 4)]


def test_other_snom_sections_are_kept():
    xml = (
        "<settings><phone-settings/>\n"
        "<firmware-settings>\n<firmware perm=\"\">https://fw.example/snomD785-10.1.198.19-r.bin</firmware>\n"
        "</firmware-settings>\n<setting-files>\n<file url=\"https://prov.example/extra.xml\"/>\n</setting-files>"
        "</settings>"
    )
    parsed = parse_text(xml)
    assert [(s.section, s.name) for s in parsed.settings] == [("firmware-settings", "firmware"),
                                                               ("setting-files", "file")]
    assert parsed.settings[0].permission == ""
    assert parsed.settings[1].attribute("url") == "https://prov.example/extra.xml"


@pytest.mark.parametrize(
    "text",
    [
        "<settings><phone-settings><a>1</b></phone-settings></settings>",
        "<settings>",
        "<settings><a>\x01</a></settings>",
    ],
)
def test_broken_xml_is_a_parse_error_with_a_line(text):
    with pytest.raises(ParseError) as info:
        parse_snom_xml(text)
    assert info.value.line == 1
    assert "well-formed" in info.value.message or "cannot be read" in info.value.message


def test_custom_part_inside_phone_settings_ends_with_its_section():
    # The simulator's layout: the custom part closes phone-settings; function keys follow it.
    text = (
        "<settings>\n<phone-settings>\n<language>Nederlands</language>\n"
        "<!-- custom settings (Compass Studio) -->\n<dnd_mode perm=\"!\">off</dnd_mode>\n</phone-settings>\n"
        "<functionKeys>\n<fkey idx=\"0\">speed *1</fkey>\n</functionKeys>\n</settings>\n"
    )
    parsed = parse_text(text)
    assert parsed.custom_start_line == 4
    assert [(s.name, s.from_custom) for s in parsed.settings] == [
        ("language", False), ("dnd_mode", True), ("fkey", False)]
