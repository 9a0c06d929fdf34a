"""The catalog of certified models, checked against the firmware and OUI tables it relies on."""

from __future__ import annotations

import functools
import itertools

import pytest

from compass_desk.domain.catalog import Catalog
from compass_desk.domain.firmware import (
    CustomBuild,
    Ordering,
    Scheme,
    YealinkFamilies,
    compare,
    parse_firmware,
)
from compass_desk.domain.models import Vendor
from compass_desk.domain.useragent import parse_user_agent
from compass_desk.resources import load_toml

# phones.md §0c: the models treated as certified.
CERTIFIED = {
    Vendor.SNOM: "D315 D335 D345 D375 D385 D717 D735 D785 D862 D865 M300 M400 M900",
    Vendor.YEALINK: "T31P T33G T41S T42S T46S T48S T41U T42U T43U T46U T48U T53W T54W T57W T58W "
    "W60B W70B W80B",
}


@functools.cache
def catalog() -> Catalog:
    return Catalog.from_toml(load_toml("models.toml"))


@functools.cache
def families() -> YealinkFamilies:
    return YealinkFamilies.from_toml(load_toml("yealink_families.toml"))


def test_catalog_holds_every_certified_model_once():
    names = {(entry.model.vendor, entry.model.name) for entry in catalog()}
    expected = {(vendor, name) for vendor, text in CERTIFIED.items() for name in text.split()}
    assert names == expected
    assert len(catalog()) == len(expected)
    assert all(entry.model.certified for entry in catalog())


def test_dect_bases_are_marked():
    dect = {entry.model.name for entry in catalog() if entry.model.kind == "dect"}
    assert dect == {"M300", "M400", "M900", "W60B", "W70B", "W80B"}


@pytest.mark.parametrize("text", ["snom-d785", "D785", "Snom D785", "snom d785", " SNOM-D785 "])
def test_lookup(text):
    entry = catalog().lookup(text.strip())
    assert entry is not None and entry.model.id == "snom-d785"


def test_lookup_of_a_user_agent_model():
    agent = parse_user_agent("Yealink SIP-T54W 96.86.0.70")
    entry = catalog().lookup(f"{agent.vendor.value} {agent.model}")
    assert entry is not None and entry.model.id == "yealink-t54w"


def test_unknown_model_gets_suggestions():
    assert catalog().lookup("D786") is None
    assert catalog().closest("D786")[0].model.id == "snom-d785"
    assert catalog().closest("W60")[0].model.id == "yealink-w60b"
    assert catalog().get("snom-d785") is catalog().lookup("D785")
    assert catalog().get("nope") is None


@pytest.mark.parametrize("entry", list(catalog()), ids=lambda e: e.model.id)
def test_demo_firmwares_fit_the_model(entry):
    vendor = entry.model.vendor
    versions = [parse_firmware(text, vendor, families=families()) for text in entry.demo_firmwares]
    assert versions, "every model offers at least one firmware in the demo"
    assert len({v.family for v in versions}) == 1
    for older, newer in itertools.pairwise(versions):
        assert compare(newer, older) is Ordering.NEWER  # oldest first
    if entry.model.vendor is Vendor.YEALINK:
        assert entry.yealink_prefix is not None
        assert entry.model.name in families().models(entry.yealink_prefix)
        for version in versions:
            assert version.yealink_prefix == entry.yealink_prefix
            assert version.custom_build is CustomBuild.LYDIS  # Compass certifies Lydis builds only
    else:
        assert entry.yealink_prefix is None
        expected = Scheme.SNOM_DECT if entry.model.kind == "dect" else Scheme.SNOM_DESK
        assert all(v.scheme is expected for v in versions)


def test_models_of_one_family_share_a_firmware_family():
    by_family: dict[str, set[str]] = {}
    for entry in catalog():
        if entry.model.vendor is Vendor.YEALINK:
            by_family.setdefault(entry.family, set()).add(f"yealink-{entry.yealink_prefix}")
    assert all(len(prefixes) == 1 for name, prefixes in by_family.items() if name != "yealink-w"), by_family


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"model": [{"id": "x", "vendor": "snom"}]}, "lacks name"),
        ({"model": [{"id": "x", "vendor": "cisco", "name": "X"}]}, "use snom or yealink"),
        ({"model": [{"id": "x", "vendor": "snom", "name": "X"}] * 2}, "listed twice"),
    ],
)
def test_bad_catalog_data(data, reason):
    with pytest.raises(ValueError, match=reason):
        Catalog.from_toml(data)


@pytest.mark.parametrize(
    ("typed", "expected_first"),
    [("snom d8", "snom-d862"), ("D786", "snom-d785"), ("T54", "yealink-t54w"), ("w60", "yealink-w60b")],
)
def test_closest_models_suggest_what_the_technician_meant(typed, expected_first):
    assert catalog().closest(typed)[0].model.id == expected_first
