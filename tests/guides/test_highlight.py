"""Highlighting keys in an illustration: pure text in, well-formed SVG text out."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from compass_desk.domain.guides import HIGHLIGHT_FILL, GuideError, highlight_svg, svg_key_ids

SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50">
  <g id="key-1" class="key">
    <rect class="face" x="0" y="0" width="40" height="40" fill="#fff"/><text>1</text>
  </g>
  <g id="key-hash" class="key"><circle class="face" cx="70" cy="20" r="15" fill="#fff"/></g>
  <g id="decor"><rect x="0" y="45" width="100" height="5"/></g>
</svg>"""
NS = "{http://www.w3.org/2000/svg}"


def faces(svg_text):
    root = ET.fromstring(svg_text)
    return {
        g.get("id"): [el.get("fill") for el in g.iter() if el.get("class") == "face"]
        for g in root.iter(f"{NS}g")
        if g.get("id")
    }


def test_key_ids_are_the_groups_marked_as_keys():
    assert svg_key_ids(SVG) == {"key-1", "key-hash"}


def test_highlight_colours_only_the_named_keys():
    out = highlight_svg(SVG, ["key-hash"])
    assert faces(out) == {"key-1": ["#fff"], "key-hash": [HIGHLIGHT_FILL], "decor": []}
    assert "ns0:" not in out and out.startswith("<svg")
    assert faces(SVG)["key-hash"] == ["#fff"]  # the input text is untouched


def test_several_keys_and_repeats():
    out = highlight_svg(SVG, ["key-1", "key-hash", "key-1"])
    assert faces(out)["key-1"] == [HIGHLIGHT_FILL] and faces(out)["key-hash"] == [HIGHLIGHT_FILL]
    assert out.count("highlighted") == 2


def test_no_keys_gives_the_plain_drawing():
    assert faces(highlight_svg(SVG, [])) == faces(SVG)


def test_unknown_key_is_refused_by_name():
    with pytest.raises(GuideError, match="no key 'key-9'"):
        highlight_svg(SVG, ["key-1", "key-9"])
    with pytest.raises(GuideError, match="no key 'decor'"):
        highlight_svg(SVG, ["decor"])  # not a key, just a drawing


@pytest.mark.parametrize("text", ["<svg", "<html xmlns='http://www.w3.org/1999/xhtml'/>", ""])
def test_non_svg_text_is_refused(text):
    with pytest.raises(GuideError):
        highlight_svg(text, [])
