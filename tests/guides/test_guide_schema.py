"""The guide schema rejects broken files with every fault named, and accepts a minimal one."""

from __future__ import annotations

import copy

import pytest

from compass_desk.domain.guide_schema import parse_guide
from compass_desk.domain.guides import GuideError, Power

MINIMAL = {
    "schema": 1,
    "family": "acme-x",
    "vendor": "snom",
    "layout": "snom-desk",
    "models": ["snom-x1", "snom-x2"],
    "title": {"en": "Reset", "nl": "Reset"},
    "before": {"en": "Activate first.", "nl": "Eerst activeren."},
    "manual": {"title": {"en": "Manual", "nl": "Handleiding"}, "url": "https://example.com/"},
    "method": [
        {
            "id": "hold-hash",
            "title": {"en": "Hold #", "nl": "# vasthouden"},
            "verified": True,
            "source": "[PAS]",
            "alternative": "menu",
            "fallback": {"en": "Try the menu.", "nl": "Probeer het menu."},
            "step": [
                {
                    "power": "on",
                    "keys": ["key-hash"],
                    "hold_s": 10,
                    "text": {"en": "Hold #.", "nl": "Houd # vast."},
                },
            ],
        },
        {
            "id": "menu",
            "title": {"en": "Menu", "nl": "Menu"},
            "verified": False,
            "note": {"en": "UNVERIFIED", "nl": "NIET BEVESTIGD"},
            "source": "none",
            "models": ["snom-x2"],
            "firmware": {"text": {"en": "V10", "nl": "V10"}, "min_major": 10},
            "fallback": {"en": "Manual.", "nl": "Handleiding."},
            "step": [{"power": "off-on", "keys": [], "text": {"en": "Do it.", "nl": "Doe het."}}],
        },
    ],
}


def parse(data, family="acme-x"):
    return parse_guide(data, "acme-x.toml", family=family)


def broken(mutate):
    data = copy.deepcopy(MINIMAL)
    mutate(data)
    with pytest.raises(GuideError) as info:
        parse(data)
    return info.value.problems


def test_minimal_guide_parses():
    guide = parse(MINIMAL)
    first, second = guide.methods
    assert first.steps[0].hold and first.steps[0].hold_s == 10 and first.steps[0].power is Power.ON
    assert (
        second.steps[0].power is Power.OFF_ON and second.firmware.covers(10) and not second.firmware.covers(9)
    )
    assert guide.methods_for("snom-x1") == [first]
    assert guide.recommended("snom-x2").id == "hold-hash"


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d.update(schema=2), "schema: must be 1"),
        (lambda d: d.update(family="other"), "does not match the file name"),
        (lambda d: d.update(vendor="cisco"), "vendor: must be one of"),
        (lambda d: d.update(extra=1), "extra: unknown field"),
        (lambda d: d["title"].pop("nl"), "title.nl: is missing"),
        (lambda d: d["title"].update(de="x"), "title.de: unknown field"),
        (lambda d: d.update(models=[]), "models: must name at least one model"),
        (lambda d: d["manual"].update(url="http://example.com"), "manual.url: must be an https://"),
        (lambda d: d.update(method=[]), "method: needs at least one entry"),
        (lambda d: d["method"][0]["step"][0].update(power="sleeping"), "step[1].power: 'sleeping' must be"),
        (
            lambda d: d["method"][0]["step"][0].update(hold_s=0),
            "hold_s: must be a whole number from 1 to 120",
        ),
        (lambda d: d["method"][0]["step"][0].update(hold_s=True), "hold_s: must be a whole number"),
        (
            lambda d: d["method"][0]["step"][0].update(hold=False),
            "hold: cannot be false when hold_s is given",
        ),
        (lambda d: d["method"][0]["step"][0].update(keys=[]), "a step that holds a key must name it"),
        (lambda d: d["method"][0]["step"][0].update(hold_sec=3), "step[1].hold_sec: unknown field"),
        (lambda d: d["method"][1].pop("note"), "note: is required when verified = false"),
        (lambda d: d["method"][1].update(id="hold-hash"), "id 'hold-hash' is used twice"),
        (lambda d: d["method"][0].update(alternative="nowhere"), "'nowhere' is not another method here"),
        (lambda d: d["method"][1].update(models=["snom-y"]), "'snom-y' is not one of the guide's models"),
        (lambda d: d["method"][0].update(id="Hold Hash"), "must be lower-case words joined by '-'"),
        (lambda d: d["method"][1]["firmware"].update(max_major=5), "min_major is above max_major"),
        (lambda d: d["method"][0].update(models=["snom-x2"]), "no method applies to 'snom-x1'"),
    ],
)
def test_faults_are_named_with_their_place(mutate, expected):
    problems = broken(mutate)
    assert any(expected in p for p in problems), problems
    assert all(p.startswith("acme-x.toml: ") for p in problems)


def test_all_faults_are_reported_at_once():
    def many(d):
        d["title"].pop("en")
        d["method"][0]["step"][0]["power"] = "?"
        d["method"][1]["step"][0]["hold_s"] = 500

    problems = broken(many)
    assert len(problems) == 3
    assert "; " in str(GuideError(problems))
