"""The guide files as shipped: every one validates, covers the catalog, and draws its keys."""

from __future__ import annotations

import tomllib
import xml.etree.ElementTree as ET

import pytest

from compass_desk.domain.catalog import Catalog
from compass_desk.domain.guide_schema import parse_guide
from compass_desk.domain.guides import Power, highlight_svg, svg_key_ids
from compass_desk.resources import load_toml, resource_path

GUIDE_FILES = sorted(resource_path("guides").glob("*.toml"))
SVG = "{http://www.w3.org/2000/svg}"


def test_one_guide_file_per_catalog_family():
    families = {entry.family for entry in Catalog.from_toml(load_toml("models.toml"))}
    assert {path.stem for path in GUIDE_FILES} == families


@pytest.mark.parametrize("path", GUIDE_FILES, ids=lambda p: p.stem)
def test_every_guide_file_loads_and_validates(path):
    guide = parse_guide(tomllib.loads(path.read_text(encoding="utf-8")), path.name, family=path.stem)
    assert guide.family == path.stem
    assert guide.methods and all(method.steps for method in guide.methods)


def test_every_catalog_model_has_a_guide(book):
    missing = [entry.model.id for entry in book.catalog if book.for_model(entry.model.id) is None]
    assert missing == []
    assert len(book.models_with_guide()) == len(book.catalog) == 31


def test_no_cross_check_problems(book, svgs):
    assert book.problems(svgs) == []


def test_each_vendor_layout_is_drawn_once(book, svgs):
    assert set(svgs) == {"snom-desk", "yealink-desk", "dect-base"}
    assert {guide.layout for guide in book} == set(svgs)


def _all_steps(book):
    for guide in book:
        for method in guide.methods:
            for step in method.steps:
                yield guide, method, step


def test_every_step_illustration_renders_with_its_keys_highlighted(book, svgs):
    checked = 0
    for guide, method, step in _all_steps(book):
        svg = svgs[guide.layout]
        assert set(step.keys) <= svg_key_ids(svg), (guide.family, method.id, step.number)
        root = ET.fromstring(highlight_svg(svg, step.keys))  # well-formed XML
        assert root.tag == f"{SVG}svg"
        highlighted = {el.get("id") for el in root.iter() if "highlighted" in el.get("class", "").split()}
        assert highlighted == set(step.keys)
        checked += 1
    assert checked > 100


def test_step_numbers_run_from_one_in_order(book):
    for guide in book:
        for method in guide.methods:
            assert [s.number for s in method.steps] == list(range(1, len(method.steps) + 1))


def test_dutch_is_written_not_copied(book):
    for guide, method, step in _all_steps(book):
        assert step.text.nl != step.text.en, (guide.family, method.id, step.number)
        if step.display:
            assert step.display.nl != step.display.en


def test_unverified_families_say_so_plainly_and_point_to_the_manual(book):
    # phones.md marks D8xx, the M-series bases and the T57W as UNVERIFIED.
    for model in ("snom-d862", "snom-d865", "snom-m300", "snom-m400", "snom-m900", "yealink-t57w"):
        guide = book.for_model(model)
        first = guide.recommended(model)
        assert not guide.verified_for(model)
        assert "UNVERIFIED" in first.note.en and "NIET BEVESTIGD" in first.note.nl
        assert guide.manual.url.startswith("https://")
    for method in (m for g in book for m in g.methods if not m.verified):
        assert method.note is not None, method.id


def test_documented_methods_come_first(book):
    # the Compass page's own methods: Snom "* * # # and hold #", Yealink "hold OK".
    assert book.for_model("snom-d785").recommended("snom-d785").id == "restart-hold-hash"
    assert book.for_model("snom-d315").recommended("snom-d315").verified
    for model in ("yealink-t31p", "yealink-t46s", "yealink-t48u", "yealink-t54w"):
        assert book.for_model(model).recommended(model).id == "hold-ok"
    assert book.for_model("yealink-t58w").recommended("yealink-t58w").id == "hold-redial"


def test_timed_steps_have_countdowns_and_power_states(book):
    hold_ok = book.for_model("yealink-t42s").method("hold-ok")
    timed = [s for s in hold_ok.steps if s.timed]
    assert [(s.keys, s.hold_s, s.power) for s in timed] == [(("nav-ok",), 10, Power.ON)]
    power_on = book.for_model("snom-d335").method("power-on-hold-hash")
    assert power_on.steps[0].power is Power.OFF_ON and "power" in power_on.steps[0].keys
    assert any(s.power is Power.STARTING and s.hold for s in power_on.steps)


def test_model_specific_methods_only_show_for_their_model(book):
    dect = book.for_model("yealink-w70b")
    assert [m.id for m in dect.methods_for("yealink-w70b")] == ["handset-menu", "base-button-w70b"]
    assert [m.id for m in dect.methods_for("yealink-w60b")] == ["handset-menu", "base-button-w60b"]
    assert [m.id for m in dect.methods_for("yealink-w80b")] == ["handset-menu"]


def test_firmware_generation_filters_methods(book):
    guide = book.for_model("snom-d717")
    assert "web-reset" in [m.id for m in guide.methods_for("snom-d717", "10.1.198.19")]
    old = [m.id for m in guide.methods_for("snom-d717", "6.5.20")]
    assert "web-reset" not in old and "restart-hold-hash" not in old and "settings-menu" in old
    # an unreadable version hides nothing
    assert guide.methods_for("snom-d717", "garbage") == guide.methods_for("snom-d717")


def test_every_method_has_a_fallback_and_alternatives_resolve(book):
    for guide in book:
        ids = {m.id for m in guide.methods}
        for method in guide.methods:
            assert method.fallback.en and method.fallback.nl
            assert method.alternative is None or method.alternative in ids


def test_before_texts_name_the_deadline_without_wednesday_night_and_no_method_is_below(book):
    """Finding #9 and #19: "Wednesday night" is ambiguous; the methods are in a drop-down, not below."""
    for guide in book:
        assert "Wednesday 00:00 (the night from Tuesday to Wednesday)" in guide.before.en, guide.family
        assert "woensdag 00:00 (de nacht van dinsdag op woensdag)" in guide.before.nl, guide.family
        for text in (guide.before.en, guide.before.nl):
            assert "wednesday night" not in text.lower() and "woensdagnacht" not in text.lower()
        for model in guide.models:
            for method in guide.methods_for(model):
                texts = [method.fallback.en, method.fallback.nl]
                texts += [s.trouble.en + s.trouble.nl for s in method.steps if s.trouble is not None]
                for text in texts:
                    assert "method below" not in text and "methode hieronder" not in text, method.id
                    assert "menumethode hieronder" not in text, method.id
