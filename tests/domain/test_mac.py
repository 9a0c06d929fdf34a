"""MAC addresses: every accepted and rejected form, vendor by OUI, round trips."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compass_desk.domain.mac import (
    MacError,
    OuiTable,
    format_mac,
    is_mac,
    mac_search_key,
    normalize_mac,
)
from compass_desk.domain.models import Vendor
from compass_desk.resources import load_toml

SNOM = "000413aabbcc"


@pytest.mark.parametrize(
    "text",
    [
        "00:04:13:AA:BB:CC",
        "00:04:13:aa:bb:cc",
        "00-04-13-aa-bb-cc",
        "00-04-13-AA-BB-CC",
        "0004.13aa.bbcc",
        "0004.13AA.BBCC",
        "000413AABBCC",
        "000413aabbcc",
        "00 04 13 AA BB CC",
        "0:4:13:aa:bb:cc",  # macOS arp drops leading zeros
        "  00:04:13:AA:BB:CC  ",
        "\t000413AABBCC\r\n",  # a scanner ends with CR/LF
        "MAC:000413AABBCC",
        "MAC: 00:04:13:AA:BB:CC",
        "mac 000413aabbcc",
        "MAC000413AABBCC",
        "MAC ADDRESS: 000413AABBCC",
        "MAC-Address=00-04-13-AA-BB-CC",
        "HW: 0004.13aa.bbcc",
        "LAN 000413AABBCC",
        "Ethernet: 00:04:13:AA:BB:CC",
    ],
)
def test_accepted_forms_normalise_to_the_same_digits(text):
    assert normalize_mac(text) == SNOM
    assert is_mac(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "no MAC address given"),
        ("   ", "no MAC address given"),
        ("00:04:13:AA:BB", "has 10 hex digits; a MAC address has 12"),
        ("00:04:13:AA:BB:CC:DD", "has 14 hex digits"),
        ("000413AABBC", "has 11 hex digits"),
        ("000413AABBCCD", "has 13 hex digits"),
        ("00:04:13:AA:BB:CG", "'G' is not a hex digit"),
        ("00:04:13:XY:BB:CC", "'X', 'Y' are not hex digits"),
        ("hello", "are not hex digits"),
        ("00:04:13-AA:BB:CC", "not a MAC address notation I know"),
        ("0004:13aa:bbcc", "not a MAC address notation I know"),
        ("000:413:AAB:BCC", "not a MAC address notation I know"),
        ("FF:FF:FF:FF:FF:FF", "broadcast address"),
        ("ffffffffffff", "broadcast address"),
        ("00:00:00:00:00:00", "all-zero address"),
        ("MAC: 000000000000", "all-zero address"),
        ("01:00:5E:00:00:01", "multicast address"),  # IPv4 multicast
        ("33:33:00:00:00:01", "multicast address"),  # IPv6 multicast
        ("MAC:", "has 0 hex digits"),
    ],
)
def test_rejected_forms_say_what_is_wrong(text, reason):
    with pytest.raises(MacError, match=reason) as info:
        normalize_mac(text)
    assert not is_mac(text)
    assert "Traceback" not in str(info.value)


def test_non_text_is_rejected():
    with pytest.raises(MacError, match="must be text"):
        normalize_mac(12345)  # type: ignore[arg-type]


def test_error_quotes_the_input_as_typed():
    with pytest.raises(MacError, match=r"^'00:04:13:AA:BB' has 10"):
        normalize_mac("  00:04:13:AA:BB  ")


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            "00:04:13:aa:bb:cc\n00:04:13:aa:bb:cd",
            "'00:04:13:aa:bb:cc\\n00:04:13:aa:bb:cd' holds more than one line",
        ),
        ("\x00\x01\x02", "'\\x00\\x01\\x02' is not a MAC address: '\\x00', '\\x01', '\\x02'"),
        ("00:04:13\x1b[2J", "'00:04:13\\x1b[2J' is not a MAC address"),
        ("ab\u200bcd", "'ab\\u200bcd'"),
    ],
)
def test_error_quotes_control_characters_as_escapes(text, quoted):
    with pytest.raises(MacError) as info:
        normalize_mac(text)
    message = str(info.value)
    assert message.startswith(quoted) and message.isprintable()


def test_error_shortens_a_long_input():
    with pytest.raises(MacError) as info:
        normalize_mac("0" * 10_000)
    message = str(info.value)
    assert "(10,000 characters)" in message and "0" * 50 not in message and len(message) < 150


def test_display_form():
    assert format_mac("000413aabbcc") == "00:04:13:AA:BB:CC"
    assert format_mac("MAC: 0004.13aa.bbcc") == "00:04:13:AA:BB:CC"
    with pytest.raises(MacError):
        format_mac("nonsense")


@pytest.mark.parametrize(
    ("text", "key"),
    [("00:04:13", "000413"), ("aa-bb", "aabb"), ("MAC: 0004.13", "000413"), ("BBCC", "bbcc"),
     ("Reception", ""), ("", ""), ("00:zz", "")],
)  # fmt: skip
def test_search_key_for_partial_macs(text, key):
    assert mac_search_key(text) == key


def _oui() -> OuiTable:
    return OuiTable.from_toml(load_toml("oui.toml"))


@pytest.mark.parametrize(
    ("mac", "vendor"),
    [
        ("00:04:13:96:D9:B4", Vendor.SNOM),
        ("00:08:7B:D7:00:01", Vendor.SNOM),
        ("00:15:65:4A:A9:37", Vendor.YEALINK),
        ("80:5E:C0:09:AB:DC", Vendor.YEALINK),
        ("24:9A:D8:00:00:01", Vendor.YEALINK),
        ("80:5E:0C:00:00:01", Vendor.YEALINK),
        ("3C:22:FB:00:00:01", Vendor.UNKNOWN),
    ],
)
def test_vendor_by_oui_from_the_resource_file(mac, vendor):
    assert _oui().vendor_for(mac) is vendor


def test_oui_table_rejects_bad_prefixes():
    with pytest.raises(ValueError, match="bad OUI prefix"):
        OuiTable.from_records([{"prefix": "00041", "vendor": "snom"}])
    with pytest.raises(ValueError):
        OuiTable.from_records([{"prefix": "000413", "vendor": "cisco"}])
    table = OuiTable.from_records([{"prefix": "00:04:13", "vendor": "snom"}])
    assert table.vendor_for("000413000001") is Vendor.SNOM


# --- properties ---------------------------------------------------------------------------------

# Unicast, not all-zero, not broadcast: what a phone can have.
usable_macs = (
    st.binary(min_size=6, max_size=6)
    .map(lambda b: bytes([b[0] & 0xFE]) + b[1:])
    .filter(lambda b: any(b))
    .map(bytes.hex)
)


def _notations(digits: str) -> list[str]:
    pairs = [digits[i : i + 2] for i in range(0, 12, 2)]
    return [
        digits,
        digits.upper(),
        ":".join(pairs),
        ":".join(pairs).upper(),
        "-".join(pairs),
        " ".join(pairs).upper(),
        ".".join(digits[i : i + 4] for i in range(0, 12, 4)),
        ":".join(p.lstrip("0") or "0" for p in pairs),
        f"MAC: {':'.join(pairs)}",
        f"  {digits.upper()}\r\n",
    ]


@given(usable_macs, st.data())
def test_any_notation_normalises_to_the_same_digits(digits, data):
    notation = data.draw(st.sampled_from(_notations(digits)))
    assert normalize_mac(notation) == digits


@given(usable_macs)
def test_format_then_normalise_is_identity(digits):
    shown = format_mac(digits)
    assert normalize_mac(shown) == digits
    assert format_mac(shown) == shown
    assert len(shown) == 17 and shown == shown.upper()


@given(st.text(max_size=30))
def test_any_text_either_normalises_or_raises_mac_error(text):
    try:
        mac = normalize_mac(text)
    except MacError as exc:
        assert str(exc)
    else:
        assert len(mac) == 12 and set(mac) <= set("0123456789abcdef")
