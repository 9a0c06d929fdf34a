"""Every sentence the provisioning layer words for people has Dutch, and the English stays the API:
``message``, ``notes``, ``describe()``, ``explain()`` and ``str(error)`` read as before."""

from __future__ import annotations

import codecs
import importlib
import inspect

import pytest

from compass_desk.domain.provisioning import FileFormat, ParseError, Setting, parse_bytes, parse_text
from compass_desk.domain.provisioning.diff import diff_files
from compass_desk.domain.provisioning.explain import explain, explain_texts, permission_text
from compass_desk.domain.provisioning.snom_xml import EXPAT_REASONS_NL
from compass_desk.domain.provisioning.validate import check, validate
from compass_desk.domain.provisioning.validate_texts import PER_SETTING
from compass_desk.domain.text import Text, TextError

MODULES = ("detect", "diff", "explain", "known", "model", "snom_xml", "validate_texts")


def module_texts() -> list[tuple[str, Text]]:
    found = []
    for name in MODULES:
        module = importlib.import_module(f"compass_desk.domain.provisioning.{name}")
        for attribute, value in vars(module).items():
            values = value.values() if isinstance(value, dict) else [value]
            found += [(f"{name}.{attribute}", v) for v in values if isinstance(v, Text)]
    return found


def assert_dutch(text: Text) -> None:
    assert isinstance(text, Text), text
    assert text.nl.strip() and text.nl != text.en, text


NAMES = ("model.FORMAT_TITLES",)  # names of formats: "Yealink .cfg" reads the same in Dutch


@pytest.mark.parametrize(("where", "text"), module_texts(), ids=[w for w, _ in module_texts()])
def test_every_text_constant_has_its_own_dutch(where, text):
    if where in NAMES:
        assert text.nl.strip()
    else:
        assert_dutch(text)


def test_there_are_text_constants_to_check():
    assert len(module_texts()) > 30


@pytest.mark.parametrize("words", PER_SETTING, ids=[f.__name__ for f in PER_SETTING])
def test_every_per_setting_text_has_its_own_dutch(words):
    values = {"name": "account.1.enable", "line": 7, "value": "'yes'", "flag": "'Q'", "url": "http://x/"}
    text = words(*(values[p] for p in inspect.signature(words).parameters))
    assert_dutch(text)
    assert "account.1.enable" in text.nl


def test_expat_reasons_are_translated():
    assert all(nl and nl != en for en, nl in EXPAT_REASONS_NL.items())


BROKEN = [
    ("not well-formed XML", b"<settings>\n<phone-settings>\n<user_host>x</phone-settings>\n", "regel 3"),
    ("binary data", b"abc\x00def", "binaire gegevens"),
    ("too large", b"a" * (5 * 1024 * 1024 + 1), "MB"),
    ("no settings", b"just some words\nand more words\n", "geen instellingen"),
    ("bad byte-order mark", codecs.BOM_UTF16_LE + b"\x00\xd8", "bytevolgordemarkering"),
    ("a DTD", b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<settings/>', "veiligheid"),
]


@pytest.mark.parametrize(("kind", "data", "dutch"), BROKEN, ids=[b[0] for b in BROKEN])
def test_parse_errors_carry_dutch_and_keep_their_english_str(kind, data, dutch):
    with pytest.raises(ParseError) as info:
        parse_bytes(data)
    error = info.value
    assert isinstance(error, TextError) and isinstance(error, ValueError)
    assert str(error) == error.message == error.text.en
    assert_dutch(error.text)
    assert dutch in error.text.nl
    [finding] = check(data).findings
    assert finding.text == error.text and finding.message == error.message


def test_decoding_notes_problems_and_findings_have_dutch():
    latin = parse_bytes(b"#!version:1.0.0.1\naccount.1.label = Caf\xe9\nthis is no setting\n"
                        b"account.1.enable = yes\naccount.1.label = Bar\n", "t.cfg")
    assert "not valid UTF-8 (first at line 2)" in latin.notes[0]
    assert "voor het eerst op regel 2" in latin.note_texts[0].nl
    [problem] = latin.problems
    assert problem.message == problem.text.en and "regel 3 is geen instelling" in problem.text.nl
    utf16 = parse_bytes(codecs.BOM_UTF16_LE + "#!version:1.0.0.1\nlang.gui = Dutch\n".encode("utf-16-le"))
    assert "UTF-16-LE-tekst" in utf16.note_texts[0].nl
    findings = validate(latin)
    assert len(findings) >= 5
    for finding in findings:
        assert finding.message == finding.text.en
        assert_dutch(finding.text)
    dutch = " ".join(f.text.nl for f in findings)
    assert "moet 0 (uit) of 1 (aan) zijn" in dutch and "ook op regel 2" in dutch
    assert "geen firmware-URL" in dutch


def test_every_kind_of_finding_has_dutch():
    text = ("<settings><phone-settings>\n"
            '<vlan_id perm="R">5000</vlan_id>\n<user_active idx="1" perm="R">maybe</user_active>\n'
            '<sip_port perm="R">0</sip_port>\n<user_pass idx="1" perm="!">Fake-1</user_pass>\n'
            '<language perm="Q">Nederlands</language>\n<ldap_enabled perm="R">sometimes</ldap_enabled>\n'
            '<setting_server perm="R">http://prov.example/x</setting_server>\n'
            '<ntp_server perm="R">http://time.example/</ntp_server>\n'
            '<firmware perm="R">https://fw.example/snom.bin</firmware>\n'
            "<!-- Custom settings -->\n"
            '<language perm="R">English</language>\n'
            "</phone-settings></settings>\n")
    findings = validate(parse_text(text, "x.xml"))
    codes = {f.code for f in findings}
    assert {"vlan-range", "port-range", "boolean", "permission", "insecure-url", "firmware",
            "custom-override"} <= codes
    for finding in findings:
        assert_dutch(finding.text)
    headerless = validate(parse_text("account.1.label = A\n", "x.cfg"))
    assert any("de eerste regel moet" in f.text.nl for f in headerless)
    unknown = check("colour: blue\nshape: round\n", "x.txt").findings
    assert any("geen van de 2 instellingen" in f.text.nl for f in unknown)
    assert any("leeg" in f.text.nl for f in check("\n", "x.txt").findings)


def test_explanations_and_format_names_have_dutch():
    space = Setting("ldap_server", " ", 3, permission="!")
    custom = Setting("user_pass", "x", 9, permission="!", from_custom=True)
    english = [t.en for t in explain_texts(custom, FileFormat.SNOM_TEXT)]
    assert explain(custom, FileFormat.SNOM_TEXT) == english
    for setting in (space, custom):
        for note in explain_texts(setting, FileFormat.SNOM_TEXT):
            assert_dutch(note)
    assert "eigen instellingen" in explain_texts(custom, FileFormat.SNOM_TEXT)[-1].nl
    assert "geen vlag: alleen-lezen" in permission_text(None, FileFormat.SNOM_TEXT).nl
    assert "onbekende rechtvlag 'Q'" in permission_text("Q", FileFormat.SNOM_XML).nl
    null = Setting("lang.gui", "%NULL%", 2)
    assert "%NULL% wist" in explain_texts(null, FileFormat.YEALINK_CFG)[0].nl
    for file_format in FileFormat:
        assert file_format.label == file_format.label_text.en and file_format.label_text.nl


def test_diff_descriptions_have_dutch():
    left = parse_text("#!version:1.0.0.1\naccount.1.label = A\naccount.1.password = Fake-1\n"
                      "lang.gui = Dutch\n")
    right = parse_text("#!version:1.0.0.1\naccount.1.label = B\naccount.1.password = Fake-2\nlang.wui = x\n")
    changes = diff_files(left, right).settings
    assert len(changes) == 4
    for change in changes:
        assert change.describe() == change.describe_text().en
        assert_dutch(change.describe_text())
    dutch = [c.describe_text().nl for c in changes]
    assert "account.1.label gewijzigd: 'A' → 'B'" in dutch
    assert any("geheim gewijzigd" in d for d in dutch) and any("verwijderd" in d for d in dutch)
