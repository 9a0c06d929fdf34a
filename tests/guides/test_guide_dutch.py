"""Every word of the reset guides that a technician reads has Dutch: the guide files' texts, and the
illustrations' lettering and key names (per language in the SVG, resolved by svg_for_language)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from compass_desk.domain.guides import (
    SVG_NS,
    XML_LANG,
    GuideError,
    Text,
    svg_for_language,
    svg_key_ids,
    svg_key_names,
)


def _texts(book):
    """(where, Text) for every text of every guide the wizard or the CLI shows."""
    for guide in book:
        yield f"{guide.family}: title", guide.title
        yield f"{guide.family}: before", guide.before
        yield f"{guide.family}: manual", guide.manual.title
        for method in guide.methods:
            where = f"{guide.family}/{method.id}"
            yield f"{where}: title", method.title
            yield f"{where}: fallback", method.fallback
            if method.note is not None:
                yield f"{where}: note", method.note
            if method.firmware is not None:
                yield f"{where}: firmware", method.firmware.text
            for step in method.steps:
                yield f"{where}/{step.number}: text", step.text
                for name in ("display", "trouble"):
                    value = getattr(step, name)
                    if value is not None:
                        yield f"{where}/{step.number}: {name}", value


def test_every_guide_text_has_written_dutch(book):
    checked = 0
    for where, text in _texts(book):
        assert isinstance(text, Text), where
        assert text.nl.strip(), f"{where} has no Dutch"
        assert text.nl.strip() != text.en.strip(), f"{where}: the Dutch is the English"
        checked += 1
    assert checked > 300


def test_the_dutch_keeps_the_numbers_of_the_english(book):
    """Hold times and key numbers must survive translation (a "10" in English is a "10" in Dutch)."""
    import re

    number = re.compile(r"\b\d+\b")
    for where, text in _texts(book):
        assert sorted(number.findall(text.en)) == sorted(number.findall(text.nl)), where


def _root(svg: str) -> ET.Element:
    return ET.fromstring(svg)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_illustrations_resolve_to_one_text_per_label(svgs, lang):
    for layout, svg in svgs.items():
        shown = svg_for_language(svg, lang)
        root = _root(shown)
        assert root.find(f".//{{{SVG_NS}}}switch") is None, layout
        assert svg_key_ids(shown) == svg_key_ids(svg), layout  # no key lost
        assert not any(el.get("systemLanguage") for el in root.iter()), layout


def test_every_lettering_that_is_a_word_has_dutch(svgs):
    words = 0
    for layout, svg in svgs.items():
        for switch in _root(svg).iter(f"{{{SVG_NS}}}switch"):
            options = {el.get("systemLanguage", "en"): (el.text or "").strip() for el in switch}
            assert set(options) == {"en", "nl"}, layout
            assert options["nl"] and options["nl"] != options["en"], layout
            words += 1
        dutch = " ".join(el.text or "" for el in _root(svg_for_language(svg, "nl")).iter(f"{{{SVG_NS}}}text"))
        assert "power" not in dutch and "base " not in f"{dutch} ", layout
    assert words >= 4  # "power / PoE" on each layout and "base" on the DECT one


_SAME_NAMES = {"OK", "LED 1", "LED 2", "LED 3", "display"}


def test_every_key_a_step_names_has_a_dutch_name(book, svgs):
    for guide in book:
        english = svg_key_names(svgs[guide.layout], "en")
        dutch = svg_key_names(svgs[guide.layout], "nl")
        for key in guide.key_ids():
            assert dutch.get(key), (guide.family, key)
            # A name in words is translated; lettering ("#", "OK", "1") reads the same in both.
            if any(c.isalpha() for c in english[key]) and english[key] not in _SAME_NAMES:
                assert dutch[key] != english[key], (guide.family, key, dutch[key])


def test_every_key_title_has_a_dutch_title(svgs):
    for layout, svg in svgs.items():
        for key in _root(svg).iter():
            if "key" not in key.get("class", "").split():
                continue
            titles = key.findall(f"{{{SVG_NS}}}title")
            if titles:
                assert {t.get(XML_LANG, "en") for t in titles} == {"en", "nl"}, (layout, key.get("id"))


SAMPLE = f"""<svg xmlns="{SVG_NS}" viewBox="0 0 10 10">
  <g id="power" class="key"><title>power</title><title xml:lang="nl">stroom</title>
    <rect class="face" width="5" height="5"/>
    <switch><text systemLanguage="nl-BE, nl">aan/uit</text><text>on/off</text></switch></g>
  <g id="key-1" class="key"><rect class="face" width="5" height="5"/><text>1</text></g>
  <g id="ok" class="key"><title>OK (tick)</title><text>✓</text></g>
  <switch><text systemLanguage="de">nur Deutsch</text></switch>
</svg>"""


def test_svg_for_language_picks_the_option_for_the_language_or_the_default():
    dutch = _root(svg_for_language(SAMPLE, "nl"))
    english = _root(svg_for_language(SAMPLE, "en"))
    texts = lambda root: [el.text for el in root.iter(f"{{{SVG_NS}}}text")]  # noqa: E731
    assert texts(dutch) == ["aan/uit", "1", "✓"]  # a switch with nothing for the language is dropped
    assert texts(english) == ["on/off", "1", "✓"]


def test_key_names_prefer_the_title_in_the_language_then_the_lettering():
    assert svg_key_names(SAMPLE, "nl") == {"power": "stroom", "key-1": "1", "ok": "✓"}
    assert svg_key_names(SAMPLE, "en") == {"power": "power", "key-1": "1", "ok": "OK (tick)"}


def test_a_broken_illustration_is_a_guide_error():
    with pytest.raises(GuideError):
        svg_for_language("<svg", "nl")
    with pytest.raises(GuideError):
        svg_key_names("<html/>", "nl")
