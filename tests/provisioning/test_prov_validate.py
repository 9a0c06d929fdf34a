"""Validation findings: line, severity and what is wrong."""

from __future__ import annotations

import pytest
from prov_samples import SAMPLES

from compass_desk.domain.provisioning import Severity, parse_bytes, parse_text
from compass_desk.domain.provisioning.validate import check, firmware_url, validate


def _findings(text, filename=None):
    return [(f.line, f.severity, f.code) for f in validate(parse_text(text, filename))]


@pytest.mark.parametrize("name", SAMPLES)
def test_samples_have_no_errors_or_warnings(name, sample_bytes):
    findings = validate(parse_bytes(sample_bytes(name), name))
    assert [f for f in findings if f.severity is not Severity.INFO] == []


def test_yealink_header_missing_is_an_error():
    found = _findings("account.1.enable = 1\n", "x.cfg")
    assert (1, Severity.ERROR, "header") in found


def test_duplicates_warn_and_custom_overrides_inform():
    text = "#!version:1.0.0.1\na = 1\na = 2\nb = 1\nb = 1\n# Custom settings\na = 3\n"
    found = _findings(text)
    assert (3, Severity.WARNING, "duplicate") in found
    assert (5, Severity.WARNING, "duplicate") in found
    assert (7, Severity.INFO, "custom-override") in found
    xml = ("<settings><phone-settings>\n<user_name idx=\"1\">a</user_name>\n"
           "<user_name idx=\"2\">b</user_name>\n<user_name idx=\"1\">c</user_name>\n"
           "</phone-settings></settings>")
    assert [f for f in _findings(xml) if f[2] == "duplicate"] == [(4, Severity.WARNING, "duplicate")]


@pytest.mark.parametrize(
    ("line", "bad"),
    [
        ("static.network.vlan.internet_port_vid = 4095", True),
        ("static.network.vlan.internet_port_vid = 0", False),
        ("static.network.vlan.internet_port_vid = 4094", False),
        ("static.network.vlan.pc_port_vid = ten", True),
        ("static.network.vlan.internet_port_vid = %NULL%", False),
        ("account.1.sip_server.1.port = 70000", True),
        ("account.1.sip_server.1.port = 0", True),
        ("account.1.sip_server.1.port = 5061", False),
        ("account.1.enable = yes", True),
        ("account.1.enable = 1", False),
        ("account.1.outbound_proxy_enable = 2", True),
    ],
)
def test_yealink_ranges(line, bad):
    found = [f for f in _findings(f"#!version:1.0.0.1\n{line}\n") if f[1] is Severity.ERROR]
    assert (found == [(2, Severity.ERROR, found[0][2])]) if bad else (found == [])


def test_snom_ranges_and_booleans():
    xml = ("<settings><phone-settings>\n<vlan_id>5000</vlan_id>\n<user_active idx=\"1\">yes</user_active>\n"
           "<local_sip_port>5060</local_sip_port>\n<vlan_pc_id>0</vlan_pc_id>\n"
           "<user_srtp idx=\"1\">off</user_srtp>\n"
           "<ldap_active>maybe</ldap_active>\n</phone-settings></settings>")
    found = _findings(xml)
    assert (2, Severity.ERROR, "vlan-range") in found
    assert (3, Severity.ERROR, "boolean") in found
    assert (7, Severity.WARNING, "boolean") in found
    assert not [f for f in found if f[0] in {4, 5, 6}]


def test_plain_http_urls():
    text = ("#!version:1.0.0.1\nstatic.auto_provision.server.url = http://prov.example/\n"
            "static.firmware.url = http://fw.example/x.rom\nremote_phonebook.data.1.url = http://pb.example/\n"
            "static.auto_provision.server.url = http://127.0.0.1:8080/\nwallpaper_upload_url = https://ok.example/\n")
    found = [f for f in _findings(text) if f[2] == "insecure-url"]
    assert found == [(2, Severity.ERROR, "insecure-url"), (3, Severity.ERROR, "insecure-url"),
                     (4, Severity.WARNING, "insecure-url")]


def test_insecure_url_message_does_not_leak_its_password():
    text = "<settings><phone-settings><setting_server>http://u:Fake-Pw-88@p.example/</setting_server>" \
           "</phone-settings></settings>"
    messages = " ".join(f.message for f in validate(parse_text(text)))
    assert "Fake-Pw-88" not in messages and "plain http" in messages


def test_firmware_url_present_or_not(sample_bytes):
    with_fw = parse_bytes(sample_bytes("yealink-t54w-with-user.cfg"))
    setting = firmware_url(with_fw)
    assert setting is not None and setting.name == "static.firmware.url"
    info = [f for f in validate(with_fw) if f.code == "firmware"]
    assert info[0].line == setting.line and "firmware URL present" in info[0].message
    without = parse_bytes(sample_bytes("yealink-t46u-no-user.cfg"))
    assert firmware_url(without) is None
    assert "Use installed firmware" in next(f for f in validate(without) if f.code == "firmware").message
    unset = parse_text("#!version:1.0.0.1\nstatic.firmware.url = %NULL%\n")
    assert firmware_url(unset) is None


def test_credential_with_user_keeps_flag_and_unknown_flag_warn():
    found = _findings("http_pass!: Fake-9\nlanguage#: x\nlanguage%: y\nui_theme*: z\n", "a.txt")
    assert (1, Severity.WARNING, "permission") in found
    xml_found = _findings("<settings><phone-settings><a perm=\"Q\">1</a></phone-settings></settings>")
    assert (1, Severity.WARNING, "permission") in xml_found


def test_check_reports_unreadable_and_syntax_errors():
    broken = check(b"<settings><phone-settings><a>1</phone-settings></settings>", "x.xml")
    assert broken.parsed is None and broken.has_errors
    assert broken.findings[0].line == 1
    binary = check(bytes(range(256)) * 4, "x.cfg")
    assert binary.parsed is None and "binary" in binary.findings[0].message
    syntax = check("#!version:1.0.0.1\nnot a setting\n")
    assert [f.line for f in syntax.findings if f.severity is Severity.ERROR] == [2]
    assert not check(b"#!version:1.0.0.1\na = 1\n").has_errors
