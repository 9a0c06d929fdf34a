"""Firmware versions: real strings of both vendors, ordering within a family, change risks."""

from __future__ import annotations

import functools
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compass_desk.domain.firmware import (
    CustomBuild,
    FirmwareError,
    FirmwareVersion,
    Ordering,
    RiskKind,
    Scheme,
    YealinkFamilies,
    change_risks,
    compare,
    custom_build,
    parse_firmware,
)
from compass_desk.domain.models import Vendor
from compass_desk.resources import load_toml


@functools.cache
def families() -> YealinkFamilies:
    return YealinkFamilies.from_toml(load_toml("yealink_families.toml"))


def fw(text: str, vendor: str | None = None) -> FirmwareVersion:
    return parse_firmware(text, vendor, families=families())


# Real versions from phones.md §5, wazo-provd-plugins and user agents seen in the field.
SNOM_REAL = [
    ("8.7.5.35", 8, Scheme.SNOM_DESK),
    ("8.9.3.80", 8, Scheme.SNOM_DESK),
    ("8.7.3.19", 8, Scheme.SNOM_DESK),
    ("10.1.198.19", 10, Scheme.SNOM_DESK),
    ("10.1.215.13", 10, Scheme.SNOM_DESK),
    ("10.1.159.12", 10, Scheme.SNOM_DESK),
    ("10.1.169.16", 10, Scheme.SNOM_DESK),
    ("10.1.33.33", 10, Scheme.SNOM_DESK),
    ("8.4.35", 8, Scheme.SNOM_DESK),  # legacy three-number versions of old snom3xx
    ("7.3.30", 7, Scheme.SNOM_DESK),
    ("7.3.27", 7, Scheme.SNOM_DESK),
    ("7.1.30", 7, Scheme.SNOM_DESK),
    ("6.5.20", 6, Scheme.SNOM_DESK),
    ("8.4.18", 8, Scheme.SNOM_DESK),
    ("8.4.32", 8, Scheme.SNOM_DESK),
    ("8.7.5.48", 8, Scheme.SNOM_DESK),
    ("05.20.0001", 5, Scheme.SNOM_DECT),
    ("07.40.0104", 7, Scheme.SNOM_DECT),
]

YEALINK_REAL = [
    # version, prefix, release, custom, a model of that prefix (or None when the table lacks it)
    ("28.71.0.50", 28, 71, 0, "T46G"),
    ("28.72.0.1", 28, 72, 0, "T46G"),
    ("66.86.0.15", 66, 86, 0, "T46S"),
    ("108.86.0.90", 108, 86, 0, "T46U"),
    ("108.84.0.50", 108, 84, 0, "T43U"),
    ("96.86.0.70", 96, 86, 0, "T54W"),
    ("77.85.0.20", 77, 85, 0, "W60B"),
    ("77.81.0.35", 77, 81, 0, "W60B"),
    ("77.85.0.160", 77, 85, 0, "W60B"),
    ("25.73.0.20", 25, 73, 0, "W52P"),
    ("25.80.0.15", 25, 80, 0, "W52P"),
    ("37.72.0.5", 37, 72, 0, "CP860"),
    ("53.80.0.3", 53, 80, 0, "T19P_E2"),
    ("52.83.0.35", 52, 83, 0, "T21P_E2"),
    ("44.80.0.60", 44, 80, 0, "T23G"),
    ("45.80.0.25", 45, 80, 0, "T27P"),
    ("54.80.0.10", 54, 80, 0, "T40P"),
    ("36.72.0.1", 36, 72, 0, "T41P"),
    ("29.72.0.1", 29, 72, 0, "T42G"),
    ("35.72.0.6", 35, 72, 0, "T48G"),
    ("51.80.0.10", 51, 80, 0, "T49G"),
    ("73.83.0.30", 73, 83, 0, "CP960"),
    ("58.85.0.5", 58, 85, 0, "T58"),
    ("66.86.188.6", 66, 86, 188, "T42S"),  # Lydis builds as Compass certifies them
    ("124.86.188.5", 124, 86, 188, "T31P"),
    ("150.86.188.3", 150, 86, 188, "T58W"),
    ("18.0.0.80", 18, 0, 0, None),  # SIP-T18: too old for the table; release 0 needs the vendor
]


@pytest.mark.parametrize(("text", "major", "scheme"), SNOM_REAL)
def test_real_snom_versions(text, major, scheme):
    version = fw(text)
    assert version.vendor is Vendor.SNOM
    assert version.scheme is scheme
    assert version.major == major
    assert version.major_label == f"V{major}"
    assert version.custom is None and version.custom_build is None
    assert version.family == ("snom-dect" if scheme is Scheme.SNOM_DECT else "snom")
    assert version.text == text
    assert text in version.describe()


@pytest.mark.parametrize(("text", "prefix", "release", "custom", "model"), YEALINK_REAL)
def test_real_yealink_versions(text, prefix, release, custom, model):
    version = fw(text, "yealink" if release < 20 else None)
    assert version.vendor is Vendor.YEALINK
    assert version.scheme is Scheme.YEALINK
    assert version.yealink_prefix == prefix
    assert version.major == release and version.major_label == f"V{release}"
    assert version.custom == custom
    assert version.family == f"yealink-{prefix}"
    if model:
        assert model in version.models
        assert model in version.family_label
    else:
        assert version.models == ()


def test_custom_field_meaning():
    assert custom_build(188) is CustomBuild.LYDIS
    assert custom_build(0) is CustomBuild.INTERNATIONAL
    assert custom_build(25) is CustomBuild.OTHER
    lydis, international, other = fw("66.86.188.6"), fw("66.86.0.15"), fw("66.86.25.3")
    assert "Dutch" in (lydis.custom_meaning or "")
    assert "international" in (international.custom_meaning or "")
    assert "another distributor" in (other.custom_meaning or "")
    assert "certifies" not in lydis.describe()
    assert "Compass certifies Lydis builds (188) only" in international.describe()


def test_file_names_and_v_prefix_are_accepted():
    assert fw("28.71.0.50.rom").text == "28.71.0.50"
    assert fw("V10.1.159.12").text == "10.1.159.12"
    assert fw("  66.86.0.15 \n").raw == "66.86.0.15"


def test_leading_zeros_are_read_as_numbers():
    assert fw("10.01.159.012").parts == (10, 1, 159, 12)
    assert fw("10.01.159.012").text == "10.1.159.12"


def test_vendor_can_be_forced():
    assert fw("10.1.159.12", "yealink").yealink_prefix == 10
    assert fw("66.86.0.15", "snom").scheme is Scheme.SNOM_DESK
    assert fw("66.86.0.15", Vendor.UNKNOWN).vendor is Vendor.YEALINK  # unknown = guess


@pytest.mark.parametrize(
    ("text", "vendor", "reason"),
    [
        ("", None, "no firmware version given"),
        ("   ", None, "no firmware version given"),
        ("abc", None, "is not a firmware version"),
        ("10", None, "is not a firmware version"),
        ("10.1.159.12a", None, "is not a firmware version"),
        ("10..159.12", None, "is not a firmware version"),
        ("-10.1.159.12", None, "is not a firmware version"),
        ("10.1.159.12.", None, "is not a firmware version"),
        ("10,1,159,12", None, "is not a firmware version"),
        ("1234567.1.1.1", None, "is not a firmware version"),
        ("10.1", None, "has 2 numbers"),
        ("1.2.3.4.5", None, "has 5 numbers"),
        ("1.2.3.4.5", "snom", "Snom versions have 4 numbers"),
        ("66.86.188", "yealink", "a Yealink version has 4"),
        ("10.1.159.12", "cisco", "use snom or yealink"),
    ],
)
def test_bad_versions_give_a_clear_error(text, vendor, reason):
    with pytest.raises(FirmwareError, match=reason):
        parse_firmware(text, vendor)


def test_non_text_is_rejected():
    with pytest.raises(FirmwareError, match="must be text"):
        parse_firmware(None)  # type: ignore[arg-type]


# --- comparison -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("10.1.198.19", "10.1.159.12", Ordering.NEWER),
        ("10.1.159.12", "10.1.198.19", Ordering.OLDER),
        ("10.1.10.1", "10.1.9.1", Ordering.NEWER),  # numbers, not text
        ("10.1.33.33", "8.9.3.80", Ordering.NEWER),
        ("8.4.35", "8.4.35.0", Ordering.SAME),
        ("10.1.159.12", "10.1.159.12", Ordering.SAME),
        ("07.40.0104", "05.20.0001", Ordering.NEWER),
        ("66.86.188.11", "66.86.188.6", Ordering.NEWER),
        ("66.86.0.15", "66.85.0.90", Ordering.NEWER),  # the release line counts first
        ("66.86.0.15", "66.86.188.11", Ordering.NEWER),  # then the build, across custom builds
        ("66.86.188.6", "66.86.0.6", Ordering.NEWER),  # custom number only breaks ties
    ],
)
def test_compare_within_a_family(a, b, expected):
    assert compare(fw(a), fw(b)) is expected


@pytest.mark.parametrize(
    ("a", "b"),
    [("10.1.159.12", "66.86.0.15"), ("10.1.159.12", "05.20.0001"), ("66.86.0.15", "108.86.0.90")],
)
def test_compare_refuses_different_families(a, b):
    with pytest.raises(FirmwareError, match="different phones"):
        compare(fw(a), fw(b))


def _versions_of(family: str) -> st.SearchStrategy[FirmwareVersion]:
    n = st.integers(min_value=0, max_value=300)
    if family == "snom":
        short = st.tuples(st.integers(7, 10), n, n).map(lambda t: ".".join(map(str, t)))
        full = st.tuples(st.integers(7, 10), n, n, n).map(lambda t: ".".join(map(str, t)))
        return st.one_of(short, full).map(lambda s: fw(s, "snom"))
    if family == "snom-dect":
        return st.tuples(st.integers(0, 99), st.integers(0, 99), st.integers(0, 9999)).map(
            lambda t: fw(f"{t[0]:02d}.{t[1]:02d}.{t[2]:04d}", "snom")
        )
    custom = st.sampled_from([0, 188, 25, 1])
    return st.tuples(st.integers(70, 90), custom, st.integers(0, 200)).map(
        lambda t: fw(f"66.{t[0]}.{t[1]}.{t[2]}", "yealink")
    )


family_and_three = st.sampled_from(["snom", "snom-dect", "yealink-66"]).flatmap(
    lambda f: st.tuples(_versions_of(f), _versions_of(f), _versions_of(f))
)

_FLIP = {Ordering.NEWER: Ordering.OLDER, Ordering.OLDER: Ordering.NEWER, Ordering.SAME: Ordering.SAME}
_RANK = {Ordering.OLDER: -1, Ordering.SAME: 0, Ordering.NEWER: 1}


@given(family_and_three)
def test_comparison_is_a_consistent_total_order(trio):
    a, b, c = trio
    # reflexive and antisymmetric
    assert compare(a, a) is Ordering.SAME
    assert compare(b, a) is _FLIP[compare(a, b)]
    # SAME only for versions that are really the same
    assert (compare(a, b) is Ordering.SAME) == (a.sort_key == b.sort_key)
    # transitive
    if _RANK[compare(a, b)] >= 0 and _RANK[compare(b, c)] >= 0:
        assert _RANK[compare(a, c)] >= 0
    if compare(a, b) is Ordering.NEWER and compare(b, c) is Ordering.NEWER:
        assert compare(a, c) is Ordering.NEWER
    # and agrees with sorting
    ordered = sorted([a, b, c], key=lambda v: v.sort_key)
    for older, newer in itertools.pairwise(ordered):
        assert compare(older, newer) in (Ordering.OLDER, Ordering.SAME)


@given(_versions_of("snom"))
def test_text_round_trips(version):
    again = parse_firmware(version.text, "snom")
    assert compare(again, version) is Ordering.SAME


# --- the table ------------------------------------------------------------------------------------


def test_families_table_from_the_resource_file():
    table = families()
    assert table.models(66) == ("T41S", "T42S", "T46S", "T48S")
    assert "T31P" in table.models(124)
    assert table.models(9999) == ()
    assert table.prefixes_for("T54W") == (96,)
    assert table.prefixes_for("SIP-T53W") == (95, 96)
    assert table.prefixes_for("yealink-w60b") == (77,)
    assert table.prefixes_for("nonsense") == ()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"family": [{"prefix": "66", "models": ["T46S"]}]}, "positive whole-number prefix"),
        ({"family": [{"prefix": 0, "models": ["T46S"]}]}, "positive whole-number prefix"),
        ({"family": [{"prefix": True, "models": ["T46S"]}]}, "positive whole-number prefix"),
        ({"family": [{"prefix": 66, "models": []}]}, "non-empty list"),
        ({"family": [{"prefix": 66, "models": "T46S"}]}, "non-empty list"),
        ({"family": [{"prefix": 66, "models": ["T46S"]}, {"prefix": 66, "models": ["T48S"]}]}, "twice"),
    ],
)
def test_families_table_rejects_bad_data(data, reason):
    with pytest.raises(ValueError, match=reason):
        YealinkFamilies.from_toml(data)


def test_without_a_table_yealink_still_decodes():
    version = parse_firmware("66.86.188.6")
    assert version.models == () and version.family_label == "Yealink 66"


# --- change risks ---------------------------------------------------------------------------------


def _kinds(current: str, target: str) -> list[RiskKind]:
    return [risk.kind for risk in change_risks(fw(current), fw(target))]


@pytest.mark.parametrize(
    ("current", "target", "kinds"),
    [
        ("10.1.159.12", "10.1.198.19", []),  # an upgrade
        ("10.1.198.19", "10.1.198.19", []),
        ("66.86.188.6", "66.86.188.11", []),
        ("10.1.198.19", "10.1.159.12", [RiskKind.DOWNGRADE]),
        ("66.86.188.11", "66.86.188.6", [RiskKind.DOWNGRADE]),
        ("10.1.159.12", "8.7.5.35", [RiskKind.MAJOR_DOWNGRADE, RiskKind.SNOM_RECOVERY]),
        ("8.9.3.80", "8.7.5.35", [RiskKind.DOWNGRADE, RiskKind.SNOM_RECOVERY]),
        ("8.9.3.40", "8.9.2.1", [RiskKind.DOWNGRADE]),
        ("8.7.5.35", "8.7.3.19", [RiskKind.DOWNGRADE]),  # never ran 8.9.3: no recovery trap
        ("07.40.0104", "05.20.0001", [RiskKind.MAJOR_DOWNGRADE]),
        ("66.86.188.6", "66.81.188.6", [RiskKind.MAJOR_DOWNGRADE]),
        ("66.86.188.6", "66.86.0.15", [RiskKind.CUSTOM_SWITCH]),
        ("66.86.0.15", "66.86.188.6", [RiskKind.DOWNGRADE, RiskKind.CUSTOM_SWITCH]),
        ("66.86.25.3", "66.86.188.6", [RiskKind.CUSTOM_SWITCH]),
        ("66.86.188.11", "66.85.0.3", [RiskKind.MAJOR_DOWNGRADE, RiskKind.CUSTOM_SWITCH]),
        ("10.1.159.12", "66.86.188.6", [RiskKind.DIFFERENT_FAMILY]),
        ("66.86.188.6", "108.86.188.7", [RiskKind.DIFFERENT_FAMILY]),
        ("10.1.159.12", "07.40.0104", [RiskKind.DIFFERENT_FAMILY]),
    ],
)
def test_change_risks(current, target, kinds):
    assert _kinds(current, target) == kinds


def test_risk_messages_are_sentences_naming_the_versions():
    major = change_risks(fw("10.1.159.12"), fw("8.7.5.35"))[0]
    assert "V10" in major.message and "V8" in major.message
    switch = change_risks(fw("66.86.188.6"), fw("66.86.0.15"))[0]
    assert "Lydis" in switch.message and "international" in switch.message
    assert "not easily possible" in switch.message
    other = change_risks(fw("66.86.188.6"), fw("108.86.188.7"))[0]
    assert "66.86.188.6" in other.message and "108.86.188.7" in other.message
    for current, target in [("10.1.198.19", "10.1.159.12"), ("8.9.3.80", "8.7.5.35")]:
        for risk in change_risks(fw(current), fw(target)):
            assert risk.message[0].isupper() or risk.message[0].isdigit()
            assert risk.message.endswith(".")
