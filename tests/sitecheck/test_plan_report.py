"""The check list from sitecheck.toml, certificate rules, the report (text, HTML, JSON) and laptop facts."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from compass_desk.domain.sitecheck import (
    CertFacts,
    CheckKind,
    CheckSpec,
    SiteCheckConfigError,
    SiteReport,
    Stage,
    Verdict,
    classify_certificate,
    hostname_matches,
    make_result,
    report_to_json,
)
from compass_desk.domain.sitecheck_plan import EnvironmentHosts, build_plan, merge_config, split_host_port
from compass_desk.domain.sitecheck_report import render_html, render_text
from compass_desk.services import sitecheck_laptop as laptop
from compass_desk.services.sitecheck import load_config

NOW = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)


def test_built_in_list_has_the_vendor_hosts_and_an_honest_lydis_entry():
    settings, specs = build_plan(load_config())
    by_id = {s.id: s for s in specs}
    assert list(by_id) == ["snom-sraps-https", "snom-sraps-http", "yealink-rps", "lydis-rps", "ntp", "laptop"]
    assert (by_id["snom-sraps-https"].kind, by_id["snom-sraps-https"].host, by_id["snom-sraps-https"].port) \
        == (CheckKind.HTTPS, "secure-provisioning.snom.com", 443)
    assert (by_id["snom-sraps-http"].kind, by_id["snom-sraps-http"].port) == (CheckKind.HTTP, 80)
    assert by_id["yealink-rps"].host == "rps.yealink.com"
    lydis = by_id["lydis-rps"]
    assert not lydis.enabled and lydis.note.startswith("Not checked: the host name of the Lydis redirection")
    # For technicians: the file an administrator edits, no flags or internal documents; the flag is the CLI's.
    assert "sitecheck.toml" in lydis.note and "sitecheck.toml" in lydis.note_nl
    for spec in specs:
        for text in (spec.note, spec.note_nl):
            assert "--" not in text and "phones.md" not in text and "{config_file}" not in text, text
    assert "--config" in lydis.cli_hint
    assert by_id["ntp"].host == "pool.ntp.org" and by_id["ntp"].port == 123
    assert settings.total_s < 15 and settings.timeout_s <= settings.total_s


def test_environment_adds_rest_and_assumed_provisioning_host():
    env = EnvironmentHosts("production", "https://rest.compass.example", "/tmp/ca.pem")
    _, specs = build_plan(load_config(), env)
    by_id = {s.id: s for s in specs}
    rest, prov = by_id["compass-rest"], by_id["compass-provisioning"]
    assert (rest.host, rest.port, rest.public_ca_required, rest.extra_ca_file) == \
        ("rest.compass.example", 443, False, "/tmp/ca.pem")
    assert prov.host == "provisioning.compass.example" and prov.enabled and prov.public_ca_required
    assert "assumed" in prov.note and "--" not in prov.note and "--provisioning-host" in prov.cli_hint


@pytest.mark.parametrize(("url", "port"), [("http://127.0.0.1", 80), ("https://127.0.0.1", 443),
                                           ("http://127.0.0.1:49152", 49152), ("https://[::1]:8443", 8443)])
def test_rest_check_uses_the_url_port_or_the_scheme_default(url, port):
    _, specs = build_plan(load_config(), EnvironmentHosts("demo", url))
    assert {s.id: s for s in specs}["compass-rest"].port == port


def test_administrator_file_laid_over_the_built_in_list():
    extra = {"check": {"timeout_s": 2.0}, "ntp": {"server": "ntp.customer.example"},
             "host": [{"id": "lydis-rps", "host": "rps.lydis.example"},
                      {"id": "own", "host": "own.example", "title": "Own"}]}
    settings, specs = build_plan(merge_config(load_config(), extra), config_file="/etc/x/sitecheck.toml")
    by_id = {s.id: s for s in specs}
    assert by_id["lydis-rps"].enabled and by_id["lydis-rps"].host == "rps.lydis.example"
    assert by_id["lydis-rps"].title == "Yealink redirection for Lydis firmware"
    assert by_id["own"].host == "own.example" and by_id["yealink-rps"].host == "rps.yealink.com"
    assert by_id["ntp"].host == "ntp.customer.example" and settings.timeout_s == 2.0
    assert settings.total_s == 14.0
    _, specs = build_plan(load_config(), config_file="/etc/x/sitecheck.toml")
    assert "/etc/x/sitecheck.toml as a [[host]]" in {s.id: s for s in specs}["lydis-rps"].note
    with pytest.raises(SiteCheckConfigError):
        merge_config(load_config(), {"host": {"id": "x"}})


def test_provisioning_host_given_or_not_derivable():
    env = EnvironmentHosts("demo", "http://127.0.0.1:8080")
    _, specs = build_plan(load_config(), env)
    by_id = {s.id: s for s in specs}
    assert (by_id["compass-rest"].kind, by_id["compass-rest"].port) == (CheckKind.HTTP, 8080)
    assert not by_id["compass-provisioning"].enabled
    prov = by_id["compass-provisioning"]
    assert prov.note == "Not checked: the provisioning host cannot be derived from http://127.0.0.1:8080."
    assert prov.note_nl == ("Niet gecontroleerd: de provisioninghost is niet af te leiden uit "
                            "http://127.0.0.1:8080.")
    assert "--provisioning-host" in prov.cli_hint
    _, specs = build_plan(load_config(), env, provisioning_host="Prov.Example.net:8443")
    prov = {s.id: s for s in specs}["compass-provisioning"]
    assert (prov.host, prov.port, prov.enabled) == ("prov.example.net", 8443, True)


@pytest.mark.parametrize(("text", "expected"), [
    ("a.example", ("a.example", 443)), ("a.example:80", ("a.example", 80)),
    ("[2001:db8::1]:8443", ("2001:db8::1", 8443)), ("2001:db8::1", ("2001:db8::1", 443)),
])
def test_split_host_port(text, expected):
    assert split_host_port(text, 443) == expected


@pytest.mark.parametrize("text", ["a.example:http", "a.example:0", "https://a.example", "[::1]x", ""])
def test_split_host_port_rejects(text):
    with pytest.raises(SiteCheckConfigError):
        split_host_port(text, 443)


@pytest.mark.parametrize(("config", "words"), [
    ({"host": [{"id": "x", "host": "h", "port": 70000}]}, "port"),
    ({"host": [{"id": "x", "host": "h", "scheme": "ftp"}]}, "scheme"),
    ({"host": [{"host": "h"}]}, "id"),
    ({"host": [{"id": "x", "host": "h"}, {"id": "x", "host": "i"}]}, "twice"),
    ({"check": {"total_s": 30}}, "total_s"),
    ({"host": [{"id": "x", "host": "h", "expected_issuers": "CA"}]}, "expected_issuers"),
    ({"host": [{"id": "x", "host": "h", "path": "x"}]}, "path"),
    ({"host": {"id": "x"}}, "list"),
])
def test_bad_configuration_is_one_clear_sentence(config, words):
    with pytest.raises(SiteCheckConfigError, match=words):
        build_plan(config)


def test_unreadable_config_file(tmp_path):
    with pytest.raises(SiteCheckConfigError, match="cannot be read"):
        load_config(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[[host]\n", encoding="utf-8")
    with pytest.raises(SiteCheckConfigError, match="not valid TOML"):
        load_config(bad)


@pytest.mark.parametrize(("host", "names", "matches"), [
    ("rps.yealink.com", ["rps.yealink.com"], True),
    ("RPS.Yealink.com.", ["rps.yealink.com"], True),
    ("rps.yealink.com", ["*.yealink.com"], True),
    ("a.rps.yealink.com", ["*.yealink.com"], False),
    ("yealink.com", ["*.yealink.com"], False),
    ("x.com", ["*.com"], False),
    ("127.0.0.1", ["127.0.0.1"], True),
    ("127.0.0.1", ["localhost"], False),
    ("other.example", ["rps.yealink.com"], False),
])
def test_hostname_matching(host, names, matches):
    assert hostname_matches(host, names) is matches


def facts(**changes):
    values = {"subject": "CN=h.example", "issuer": "CN=Public CA,O=Trust Inc", "names": ("h.example",),
              "not_before": NOW - dt.timedelta(days=1), "not_after": NOW + dt.timedelta(days=1),
              "self_signed": False}
    values.update(changes)
    return CertFacts(**values)


def test_certificate_problems_are_named_in_order_of_certainty():
    past = NOW - dt.timedelta(days=2)
    assert classify_certificate(facts(not_after=past, self_signed=True), "h.example", NOW, (), False) \
        is Verdict.CERT_EXPIRED
    assert classify_certificate(facts(names=("x.example",), self_signed=True), "h.example", NOW, (), False) \
        is Verdict.CERT_WRONG_NAME
    assert classify_certificate(facts(self_signed=True), "h.example", NOW, (), True) \
        is Verdict.CERT_SELF_SIGNED
    assert classify_certificate(facts(), "h.example", NOW, (), True) is Verdict.INTERCEPTED
    assert classify_certificate(facts(), "h.example", NOW, ("Trust Inc",), False) is Verdict.CERT_UNTRUSTED
    assert classify_certificate(facts(), "h.example", NOW, ("Other",), False) is Verdict.INTERCEPTED


def sample_report():
    evil = CheckSpec(id="x", kind=CheckKind.HTTPS, title="<script>alert(1)</script>", host="a&b.example",
                     port=443)
    results = [
        make_result(evil, Verdict.INTERCEPTED, Stage.TLS, [("issuer", "CN=<Proxy> & Co")], 12),
        make_result(CheckSpec(id="ntp", kind=CheckKind.NTP, title="Time", host="t.example", port=123),
                    Verdict.OK, None, [("offset_s", "+0.020")], 3),
        make_result(CheckSpec(id="lydis", kind=CheckKind.HTTPS, title="Lydis", enabled=False,
                              note="Unknown host."), Verdict.SKIPPED, None),
    ]
    return SiteReport(results, NOW, NOW + dt.timedelta(seconds=2.5), environment="prod & co")


def test_text_report_says_what_happened_and_what_to_ask():
    text = render_text(sample_report())
    assert "1 of 2 checks found a problem" in text
    assert "[FAIL] <script>alert(1)</script> — a&b.example:443" in text
    assert "Ask IT: Please exempt a&b.example (TCP 443) from HTTPS/TLS inspection" in text
    assert "[OK] Time — t.example:123" in text
    assert "[SKIPPED] Lydis\n    Unknown host." in text
    assert "Environment: prod & co" in text


def test_html_report_escapes_everything():
    page = render_html(sample_report())
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "CN=&lt;Proxy&gt; &amp; Co" in page
    assert "prod &amp; co" in page
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")


def test_json_shape_is_stable():
    data = json.loads(json.dumps(report_to_json(sample_report())))
    assert list(data) == ["passed", "cancelled", "environment", "started_at", "finished_at", "duration_s",
                          "summary", "checks"]
    assert data["passed"] is False and data["duration_s"] == 2.5
    assert data["summary"] == {"passed": 1, "warning": 0, "failed": 1, "skipped": 1, "info": 0}
    first = data["checks"][0]
    assert list(first) == ["id", "kind", "title", "host", "port", "outcome", "verdict", "stage", "summary",
                           "ask_it", "details", "elapsed_ms", "hint"]
    assert (first["outcome"], first["verdict"], first["stage"]) == ("failed", "intercepted", "tls")
    assert first["details"] == {"issuer": "CN=<Proxy> & Co"}
    assert data["checks"][2]["host"] is None and data["checks"][2]["port"] is None


def test_every_verdict_has_a_sentence():
    spec = CheckSpec(id="x", kind=CheckKind.HTTPS, title="X", host="h.example", port=443)
    for verdict in Verdict:
        for stage in (None, *Stage):
            result = make_result(spec, verdict, stage, [("timeout_s", "0.5")])
            assert result.summary.endswith("."), (verdict, stage, result.summary)
            assert not result.ask_it or result.ask_it.endswith("."), (verdict, stage, result.ask_it)


PROC_ROUTE = """Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
wlan0\t0000A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0
wlan0\t00000000\t0100A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0
"""


def test_laptop_fact_parsers():
    assert laptop.parse_proc_route(PROC_ROUTE) == ("wlan0", "192.168.0.1")
    assert laptop.parse_proc_route("Iface\n") is None
    assert laptop.parse_vlan_config("VLAN Dev name | VLAN ID\neth0.20 | 20 | eth0\n", "eth0.20") == "20"
    assert laptop.parse_vlan_config("eth0.20 | 20 | eth0\n", "eth0") is None
    mac = "   route to: default\ndestination: default\n    gateway: 10.0.0.1\n  interface: en0\n"
    assert laptop.parse_macos_route(mac) == ("en0", "10.0.0.1")
    win = ("Network Destination        Netmask          Gateway       Interface  Metric\n"
           "          0.0.0.0          0.0.0.0      192.168.1.1    192.168.1.23     25\n")
    assert laptop.parse_windows_route(win) == ("192.168.1.23", "192.168.1.1")
    assert laptop.parse_resolv_conf("# x\nnameserver 10.0.0.53\nnameserver ::1\nsearch lan\n") == \
        ["10.0.0.53", "::1"]


def test_laptop_facts_are_labelled_and_never_guess():
    found = dict(laptop.gather_laptop_facts(1.0))
    assert {"computer", "address", "interface", "gateway", "VLAN", "DNS servers"} <= set(found)
    assert all(isinstance(v, str) and v for v in found.values())
