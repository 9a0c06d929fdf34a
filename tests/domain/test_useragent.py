"""User agents of real Snom and Yealink phones (SIP and HTTP) → vendor, model, version, MAC."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compass_desk.domain.firmware import FirmwareError, Scheme, YealinkFamilies
from compass_desk.domain.models import Vendor
from compass_desk.domain.useragent import decode, looks_like_user_agent, parse_user_agent
from compass_desk.resources import load_toml


@functools.cache
def families() -> YealinkFamilies:
    return YealinkFamilies.from_toml(load_toml("yealink_families.toml"))


S, Y = Vendor.SNOM, Vendor.YEALINK

# (user agent, vendor, model, version text, mac or None). Sources: the Compass API document,
# phones.md §5 and the user-agent notes in wazo-provd-plugins (Snom and Yealink plugins).
AGENTS = [
    ("snomD785/10.1.159.12", S, "D785", "10.1.159.12", None),
    ("snomD717/10.1.198.19", S, "D717", "10.1.198.19", None),
    ("snomD865/10.1.215.13", S, "D865", "10.1.215.13", None),
    ("snom370/8.7.5.35", S, "370", "8.7.5.35", None),
    ("Mozilla/4.0 (compatible; snomD785-SIP 10.1.169.16 2010.12-00001-gd311851f1 (Feb 25 2019 - 14:19:43) "
     "00041396D9B4 SXM:0 UXM:0 UXMC:0)", S, "D785", "10.1.169.16", "00041396d9b4"),
    ("Mozilla/4.0 (compatible; snomD785-SIP 10.1.33.33 2010.12-00004-g9ba52f5 000413922D24 SXM:0 UXM:0)",
     S, "D785", "10.1.33.33", "000413922d24"),
    ("Mozilla/4.0 (compatible; snom710-SIP 8.7.5.35 1.1.5-IFX-05.01.12 000413741767)",
     S, "710", "8.7.5.35", "000413741767"),
    ("Mozilla/4.0 (compatible; snom320-SIP 8.4.18 1.1.3-s)", S, "320", "8.4.18", None),
    ("Mozilla/4.0 (compatible; snomPA1-SIP 8.4.35 1.1.3-s)", S, "PA1", "8.4.35", None),
    ("Mozilla/4.0 (compatible; Snom M900 05.20.0001 000413b60680)", S, "M900", "05.20.0001", "000413b60680"),
    ("Yealink SIP-T54W 96.86.0.70", Y, "T54W", "96.86.0.70", None),
    ("Yealink SIP-T46U 108.86.0.90", Y, "T46U", "108.86.0.90", None),
    ("Yealink W60B 77.85.0.20", Y, "W60B", "77.85.0.20", None),
    ("Yealink W60B 77.81.0.35 80:5e:c0:09:ab:dc", Y, "W60B", "77.81.0.35", "805ec009abdc"),
    ("Yealink W60B 77.85.0.160 80:5e:c0:aa:00:42", Y, "W60B", "77.85.0.160", "805ec0aa0042"),
    ("Yealink SIP-T21P_E2 52.83.0.35", Y, "T21P_E2", "52.83.0.35", None),
    ("Yealink SIP VP-T49G 51.80.0.10 00:15:65:9b:5a:44", Y, "T49G", "51.80.0.10", "0015659b5a44"),
    ("Yealink-T46G 28.71.0.81 28.1.0.128.0.0.0", Y, "T46G", "28.71.0.81", None),
    ("Yealink SIP-T38G  38.70.0.125 00:15:65:2f:c3:5e", Y, "T38G", "38.70.0.125", "0015652fc35e"),
    ("Yealink CP860 37.72.0.5 00:15:65:8a:37:86", Y, "CP860", "37.72.0.5", "0015658a3786"),
    ("Yealink SIP-CP960 73.83.0.30", Y, "CP960", "73.83.0.30", None),
    ("Yealink SIP-T43U 108.84.0.50", Y, "T43U", "108.84.0.50", None),
    ("yealink SIP-T28P 2.70.0.140 00:15:65:13:ae:0b", Y, "T28P", "2.70.0.140", "00156513ae0b"),
    ("Yealink SIP-T42S 66.86.188.6", Y, "T42S", "66.86.188.6", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "vendor", "model", "version", "mac"), AGENTS)
def test_real_user_agents(text, vendor, model, version, mac):
    agent = parse_user_agent(text, families=families())
    assert agent.vendor is vendor
    assert agent.model == model
    assert agent.version.text == version
    assert agent.version.vendor is vendor
    assert agent.mac == mac


def test_yealink_agent_knows_the_model_family():
    agent = parse_user_agent("Yealink SIP-T54W 96.86.0.70", families=families())
    assert agent.model in agent.version.models
    assert agent.version.major_label == "V86"
    assert agent.version.custom == 0


def test_snom_dect_agent_uses_the_dect_scheme():
    agent = parse_user_agent("Mozilla/4.0 (compatible; Snom M900 07.40.0104 000413b60680)")
    assert agent.version.scheme is Scheme.SNOM_DECT
    assert agent.version.major_label == "V7"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "no user agent given"),
        ("Linphone/3.6.1 (belle-sip/1.2.4)", "is not a Snom or Yealink user agent"),
        ("Grandstream GXP2170 1.0.11.3", "is not a Snom or Yealink user agent"),
        ("Mozilla/4.0 (compatible; snom lid 3605)", "names a vendor but no model and version"),
        ("Yealink", "names a vendor but no model and version"),
        ("Yealink SIP-T54W 96.86.0", "names a vendor but no model and version"),
        ("snomD785/1.2.3.4.5", "carries a bad version"),
    ],
)
def test_bad_user_agents(text, reason):
    with pytest.raises(FirmwareError, match=reason):
        parse_user_agent(text)


def test_decode_takes_a_version_or_a_user_agent():
    plain = decode("66.86.188.6", families=families())
    assert plain.user_agent is None and plain.version.yealink_prefix == 66
    agent = decode("snomD785/10.1.159.12")
    assert agent.user_agent is not None and agent.user_agent.model == "D785"
    assert agent.version.major_label == "V10"
    with pytest.raises(FirmwareError, match="neither a firmware version nor a Snom or Yealink user agent"):
        decode("Linphone/3.6.1")
    with pytest.raises(FirmwareError, match="is not a firmware version"):
        decode("10.1.x")
    assert looks_like_user_agent("SNOMd785/10.1.1.1") and not looks_like_user_agent("10.1.1.1")


@given(st.text(max_size=60))
def test_any_text_decodes_or_raises_firmware_error(text):
    try:
        decoded = decode(text)
    except FirmwareError as exc:
        assert str(exc)
    else:
        assert decoded.version.vendor in (Vendor.SNOM, Vendor.YEALINK)
