"""Every sentence of the site check has Dutch: findings, advice, plan errors, report, details, the TOML."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from compass_desk.domain import sitecheck_words as words
from compass_desk.domain.sitecheck import (
    CheckKind,
    CheckSpec,
    SiteCheckConfigError,
    SiteReport,
    Stage,
    Verdict,
    make_result,
)
from compass_desk.domain.sitecheck_plan import (
    EnvironmentHosts,
    build_plan,
    environment_specs,
    split_host_port,
)
from compass_desk.domain.sitecheck_report import LABEL_TEXTS, headline, render_html, render_text
from compass_desk.domain.text import Text
from compass_desk.services.sitecheck import load_config

# Words that only English sentences use; a Dutch sentence holding one still has English in it.
ENGLISH = re.compile(r"\b(the|and|with|this|that|could|cannot|phones?|please|from|which|not|for|are"
                     r"|were|your|any|it)\b", re.IGNORECASE)
DATA = ("Name or service not known", "phones.md", "--provisioning-host", "--config", "enabled = true",
        "HTTPS/TLS", "DHCP")

FACTS = {"error": "handshake failure", "issuer": "Proxy CA (Acme)", "names": "other.example",
         "not_after": "2026-01-01 00:00 UTC", "not_before": "2027-01-01 00:00 UTC", "subject": "CN=x",
         "offset_s": "+3600.000", "timeout_s": "0.5", "http_status": "200"}


def dutch(text: Text) -> None:
    assert text.nl.strip(), text
    assert text.nl != text.en, text
    leftover = ENGLISH.findall(_without_data(text.nl))
    assert not leftover, (leftover, text.nl)


def _without_data(text: str) -> str:
    for data in DATA:
        text = text.replace(data, "")
    return text


def every_result_text():
    kinds = [CheckKind.HTTPS, CheckKind.HTTP, CheckKind.NTP]
    stages = [None, *Stage]
    for kind in kinds:
        spec = CheckSpec(id="x", kind=kind, title="X", host="h.example", port=443, note="A note.",
                         note_nl="Een opmerking.", expected_issuers=("Vendor CA",))
        for verdict in Verdict:
            for stage in stages:
                for facts in (FACTS, {}):
                    result = make_result(spec, verdict, stage, list(facts.items()))
                    yield result


def test_every_finding_and_advice_has_dutch():
    seen = 0
    for result in every_result_text():
        dutch(result.summary_text)
        if result.ask_it_text.en:
            dutch(result.ask_it_text)
        else:
            assert not result.ask_it_text.nl
        assert str(result.summary_text) == result.summary  # the CLI and the JSON keep the English
        seen += 1
    assert seen > 500


def test_dutch_findings_fill_in_the_host_numbers_and_facts():
    spec = CheckSpec(id="x", kind=CheckKind.HTTPS, title="X", host="rps.example", port=8443)
    result = make_result(spec, Verdict.CERT_EXPIRED, Stage.TLS, [("issuer", "Proxy CA"),
                                                                  ("not_after", "2026-01-01 00:00 UTC")])
    assert "rps.example" in result.summary_text.nl and "2026-01-01 00:00 UTC" in result.summary_text.nl
    assert "Proxy CA" in result.summary_text.nl
    assert "rps.example (TCP 8443)" in result.ask_it_text.nl
    refused = make_result(spec, Verdict.REFUSED, Stage.CONNECT)
    assert "rps.example poort 8443" in refused.summary_text.nl
    dns = make_result(spec, Verdict.DNS_FAILURE, Stage.DNS, [("error", "Name or service not known")])
    assert "(naam of dienst onbekend)" in dns.summary_text.nl
    assert "(Name or service not known)" in dns.summary  # the English keeps the system's words


def test_probe_phrases_and_detail_labels_have_dutch():
    for text in words.phrases():
        dutch(text)
    assert words.phrase("the server refused to answer (RATE)").nl == "de server weigerde te antwoorden (RATE)"
    assert words.phrase("not a server answer (mode 3)").nl == "geen antwoord van een server (mode 3)"
    assert words.phrase("rps.example") == Text("rps.example", "rps.example")  # data stays as it is
    both = words.phrase("192.0.2.7: No route to host; 2001:db8::7: Network is unreachable")
    assert both.nl == "192.0.2.7: geen route naar de host; 2001:db8::7: netwerk onbereikbaar"
    assert both.en == "192.0.2.7: No route to host; 2001:db8::7: Network is unreachable"
    assert words.phrase("a: b; c").nl == "a: b; c"
    renamed = [label for key, label in words.DETAIL_LABELS.items()
               if key not in ("computer", "interface", "gateway", "VLAN")]
    for label in renamed:
        assert label.nl and label.nl != label.en, label
    assert words.detail_text("VLAN", words.NO_VLAN.en).nl.startswith("VLAN: geen getagd")
    assert words.detail_text("offset_s", "+1.5") == Text("offset_s: +1.5", "afwijking (s): +1.5")


def test_plan_titles_notes_and_errors_have_dutch():
    _settings, specs = build_plan(load_config(), EnvironmentHosts("prod", "https://rest.example.com"))
    for spec in specs:
        if not spec.title.startswith("Compass REST API"):  # a name and the environment's name
            dutch(spec.title_text)
        if spec.note:
            dutch(spec.note_text)
    prov = environment_specs(EnvironmentHosts("x", "http://127.0.0.1:8080"), "provisioning.{domain}")[1]
    dutch(prov.note_text)
    assert "http://127.0.0.1:8080" in prov.note_text.nl
    broken = [
        {"check": {"timeout_s": 99}}, {"host": [{"id": "a", "scheme": "ftp"}]}, {"host": "x"},
        {"host": [{"id": "a", "path": "x"}]}, {"host": [{"id": "a", "port": 0}]}, {"host": [{}]},
        {"host": [{"id": "ntp"}]}, {"check": []}, {"host": [{"id": "a", "expected_issuers": "x"}]},
    ]
    for config in broken:
        with pytest.raises(SiteCheckConfigError) as caught:
            build_plan(config)
        dutch(caught.value.text)
        assert str(caught.value) == caught.value.text.en
    for bad in ("a b", "[::1]x", "host:port"):
        with pytest.raises(SiteCheckConfigError) as caught:
            split_host_port(bad, 443)
        assert caught.value.text.nl.endswith("is geen hostnaam met eventueel een :poort")


def test_config_file_errors_have_dutch(tmp_path):
    with pytest.raises(SiteCheckConfigError) as caught:
        load_config(tmp_path / "missing.toml")
    dutch(caught.value.text)
    assert caught.value.text.nl.endswith("kunnen niet worden gelezen (het bestaat niet)")
    broken = tmp_path / "broken.toml"
    broken.write_text("[check\n", encoding="utf-8")
    with pytest.raises(SiteCheckConfigError) as caught:
        load_config(broken)
    assert "geen geldige TOML" in caught.value.text.nl


def _report(*results, cancelled=False):
    start = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)
    return SiteReport(list(results), start, start + timedelta(seconds=2.5), environment="prod",
                      cancelled=cancelled)


def test_the_report_in_dutch():
    spec = CheckSpec(id="x", kind=CheckKind.HTTPS, title="Vendor", title_nl="Fabrikant", host="v.example",
                     port=443)
    ntp = CheckSpec(id="ntp", kind=CheckKind.NTP, title="Time", title_nl="Tijd", host="t.example", port=123)
    report = _report(make_result(spec, Verdict.INTERCEPTED, Stage.TLS, [("issuer", "Proxy CA")]),
                     make_result(ntp, Verdict.CLOCK_SKEW, Stage.NTP, [("offset_s", "+90.000")]))
    text = render_text(report, "nl")
    assert text.startswith("Locatiecontrole van Compass Desk\nUitgevoerd op: 2026-05-04 09:30:00 UTC (2.5 s)")
    assert "Omgeving: prod" in text and "2 van 2 controles vonden een probleem" in text
    assert "[MISLUKT] Fabrikant — v.example:443" in text and "[CONTROLEREN] Tijd — t.example:123" in text
    assert "    Vraag IT: Sluit v.example (TCP 443) uit van HTTPS/TLS-inspectie" in text
    assert "    uitgever: Proxy CA" in text and "    afwijking (s): +90.000" in text
    page = render_html(report, "nl")
    assert '<html lang="nl">' in page and "<th>Wat er gebeurde</th>" in page and "Vraag IT:" in page
    assert render_text(report) == render_text(report, "en") and "[FAIL] Vendor" in render_text(report)
    for outcome_text in LABEL_TEXTS.values():
        assert outcome_text.nl
    one_bad = _report(make_result(spec, Verdict.OK, None), make_result(ntp, Verdict.NTP_SILENT, Stage.NTP))
    assert headline(one_bad).nl.startswith("1 van 2 controles vond een probleem")
    for case in (one_bad, _report(make_result(spec, Verdict.OK, None)), _report(cancelled=True)):
        dutch(headline(case))


def test_every_verdict_has_dutch_words():
    for verdict in Verdict:
        said = words.verdict_words(verdict.value)
        assert said.en == verdict.value.replace("_", " ")
        if verdict not in (Verdict.INFO,):
            assert said.nl != said.en, verdict


def test_every_text_constant_of_the_site_check_modules_has_dutch():
    from compass_desk.domain import sitecheck_report, sitecheck_texts

    found = [(module.__name__, name, value) for module in (words, sitecheck_texts, sitecheck_report)
             for name, value in vars(module).items() if isinstance(value, Text) and name != "NOTHING"]
    assert len(found) > 20
    for _module, _name, value in found:
        assert value.nl.strip() and value.nl != value.en, value
