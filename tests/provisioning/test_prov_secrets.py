"""Masking: no secret value survives in the masked text, the masked settings or an export."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from prov_samples import SAMPLES

from compass_desk.domain.provisioning import parse_bytes, parse_text
from compass_desk.domain.provisioning.model import Setting, split_lines
from compass_desk.domain.provisioning.secrets import (
    MASK,
    is_secret_name,
    mask_inline,
    mask_settings,
    mask_text,
    secret_settings,
)
from compass_desk.domain.provisioning.snom_text import render_snom_text
from compass_desk.domain.provisioning.snom_xml import render_snom_xml
from compass_desk.domain.provisioning.yealink_cfg import render_yealink_cfg

FAKE_SECRETS = {
    "snom-d785-with-user.xml": ["Fake-Web-Pass-7731", "Fake-Admin-4410", "Fake-Sip-Secret-1923",
                                "Fake-Sip-Secret-5588"],
    "snom-d717-no-user.xml": ["Fake-Web-Pass-2250", "Fake-Admin-9012"],
    "snom-legacy-text.htm": ["Fake-Web-Pass-6604", "Fake-Sip-Secret-3141"],
    "yealink-t54w-with-user.cfg": ["Fake-Prov-Pass-8821", "Fake-Admin-3377", "Fake-Sip-Secret-7070"],
    "yealink-t46u-no-user.cfg": ["Fake-Prov-Pass-1188", "Fake-Admin-6420"],
}


@pytest.mark.parametrize("name", SAMPLES)
def test_samples_masked_text_and_settings_hide_every_secret(name, sample_bytes):
    parsed = parse_bytes(sample_bytes(name), name)
    secrets = FAKE_SECRETS[name]
    assert all(s in parsed.text for s in secrets)  # the test would catch a leak
    masked = mask_text(parsed)
    assert not [s for s in secrets if s in masked]
    assert len(split_lines(masked)) == len(parsed.lines)
    shown = repr(mask_settings(parsed.settings))
    assert not [s for s in secrets if s in shown]
    assert {s.value for s in secret_settings(parsed)} >= set(secrets) - {"Fake-Admin-3377", "Fake-Admin-6420"}
    # Unchanged lines stay unchanged: only lines with a secret differ.
    differing = [n for n, (a, b) in enumerate(zip(parsed.lines, split_lines(masked), strict=True)) if a != b]
    assert len(differing) == len(secrets)


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("user_pass", True), ("http_pass", True), ("admin_mode_password", True), ("account.1.password", True),
        ("static.security.user_password", True), ("static.auto_provision.server.password", True),
        ("webserver_admin_password", True), ("user_hash", True), ("phone_lock.unlock_pin", True),
        ("sip_token", True), ("AdminPassword", True), ("user_pass1", True), ("api_secret", True),
        ("user_name", False), ("account.1.auth_name", False), ("linekey.1.value", False),
        ("user_host", False), ("mapping", False), ("ping_interval", False), ("vlan_id", False),
    ],
)
def test_secret_names(name, secret):
    assert is_secret_name(name) is secret


def test_passwords_in_urls_and_query_strings_are_masked_anywhere():
    text = "https://prov:Fake-Url-Pass-11@prov.example/cfg?mac=1&token=Fake-Token-22&x=1"
    masked = mask_inline(text)
    assert "Fake-Url-Pass-11" not in masked and "Fake-Token-22" not in masked
    assert masked == f"https://prov:{MASK}@prov.example/cfg?mac=1&token={MASK}&x=1"
    parsed = parse_text(f"#!version:1.0.0.1\nstatic.auto_provision.server.url = {text}\n")
    assert "Fake-Url-Pass-11" not in mask_text(parsed)
    assert "Fake-Token-22" not in repr(mask_settings(parsed.settings))


def test_commented_out_secrets_and_unset_values():
    parsed = parse_text(
        "#!version:1.0.0.1\n# account.1.password = Fake-Old-Pass-33\naccount.1.password = %NULL%\n"
        "account.2.password =\n"
    )
    masked = mask_text(parsed)
    assert "Fake-Old-Pass-33" not in masked
    assert "account.1.password = %NULL%" in masked  # unsetting reveals nothing, and is worth seeing
    assert secret_settings(parsed) == []


def test_xml_secret_in_cdata_multiline_and_attribute():
    text = (
        "<settings><phone-settings>\n"
        "<user_pass idx=\"1\"><![CDATA[Fake-Cdata-44]]></user_pass>\n"
        "<http_pass>Fake-Multi\nLine-55</http_pass>\n"
        "<other password=\"Fake-Attr-66\">x</other>\n"
        "<!-- <admin_mode_password>Fake-Comment-77</admin_mode_password> -->\n"
        "<user_pass idx=\"2\"> </user_pass>\n"
        "</phone-settings></settings>\n"
    )
    parsed = parse_text(text)
    masked = mask_text(parsed)
    for secret in ("Fake-Cdata-44", "Fake-Multi", "Line-55", "Fake-Attr-66", "Fake-Comment-77"):
        assert secret not in masked
    assert len(split_lines(masked)) == len(split_lines(text))
    assert '<user_pass idx="2"> </user_pass>' in masked
    assert "Fake-Attr-66" not in repr(mask_settings(parsed.settings))


def test_escaped_secret_in_xml_is_masked():
    parsed = parse_text("<settings><phone-settings><http_pass>a&amp;b&lt;c-Fake</http_pass>"
                        "</phone-settings></settings>")
    assert parsed.settings[0].value == "a&b<c-Fake"
    masked = mask_text(parsed)
    assert "a&amp;b&lt;c-Fake" not in masked and MASK in masked


secret_values = st.text("ABCDEFGHJKLMNPQRSTUVWXYZ23456789-", min_size=6, max_size=20)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["user_pass", "http_pass", "admin_mode_password", "user_name",
                                           "language", "sip_token"]), secret_values),
                min_size=1, max_size=10),
       st.sampled_from(["xml", "text", "cfg"]))
def test_generated_files_never_show_a_secret(rows, kind):
    settings_in = [Setting(name, value, i, index=str(i), section="phone-settings") for i, (name, value) in
                   enumerate(rows)]
    if kind == "xml":
        text = render_snom_xml(settings_in)
    elif kind == "text":
        text = render_snom_text([Setting(f"{s.name}{s.index}", s.value, s.line) for s in settings_in])
    else:
        renamed = [Setting(f"account.{s.index}.{s.name}", s.value, s.line) for s in settings_in]
        text = render_yealink_cfg(renamed)
    parsed = parse_text(text)
    masked = mask_text(parsed)
    secrets = [value for name, value in rows if is_secret_name(name)]
    others = [value for name, value in rows if not is_secret_name(name)]
    for secret in secrets:
        if not any(secret in other for other in others):
            assert secret not in masked
    assert len(split_lines(masked)) == len(split_lines(text))


def test_several_secret_elements_on_one_line_and_windows_line_ends():
    text = ("<settings><phone-settings><user_pass>Fake-One-1</user_pass><http_pass>Fake-Two-2</http_pass>"
            "<x password=\"Fake-Three-3\">v</x></phone-settings></settings>")
    masked = mask_text(parse_text(text))
    assert not [s for s in ("Fake-One-1", "Fake-Two-2", "Fake-Three-3") if s in masked]
    cfg = "#!version:1.0.0.1\r\naccount.1.password = Fake-Crlf-4\r\naccount.1.label = A\r\n"
    masked = mask_text(parse_text(cfg))
    assert "Fake-Crlf-4" not in masked and masked.count("\r\n") == 3
    snom = "user_pass1&: Fake-Cr-5\rhttp_pass: Fake-Cr-6\r"
    masked = mask_text(parse_text(snom, "a.txt"))
    assert "Fake-Cr-5" not in masked and "Fake-Cr-6" not in masked and masked.count("\r") == 2
