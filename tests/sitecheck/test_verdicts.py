"""Every verdict of the site check, each produced against a loopback server (never the internet)."""

from __future__ import annotations

import pytest
from sitecheck_servers import PRIVATE_CA, PROXY_CA, PUBLIC_CA, TIMEOUT

from compass_desk.domain.sitecheck import CheckKind, CheckSpec, Outcome, Stage, Verdict
from compass_desk.services.sitecheck import run_check


def check(site, spec, **options):
    return run_check(spec, TIMEOUT, site.options(**options))


def test_good_certificate_and_an_http_answer_is_ok(site):
    result = check(site, site.spec("good"))
    assert result.verdict is Verdict.OK, result.summary
    assert result.outcome is Outcome.PASSED
    assert result.detail("http_status") == "204"
    assert result.detail("addresses") == "127.0.0.1"
    assert result.detail("issuer") == f"{PUBLIC_CA} (Compass Desk tests)"
    assert result.detail("issuer_dn") == f"CN={PUBLIC_CA},O=Compass Desk tests"
    assert result.ask_it == ""
    assert "good.test is reachable over HTTPS" in result.summary


def test_plain_http_answer_is_ok(site):
    result = check(site, site.spec("plain"))
    assert result.verdict is Verdict.OK
    assert result.detail("http_status") == "302"


def test_unknown_name_is_a_dns_failure(site):
    result = check(site, site.spec("good", host="nowhere.invalid"))
    assert result.verdict is Verdict.DNS_FAILURE
    assert result.stage is Stage.DNS
    assert "nowhere.invalid" in result.summary and "DNS" in result.ask_it
    assert "Name or service not known" in result.summary


def test_resolver_without_answer_in_time_is_a_dns_timeout(site):
    result = check(site, site.spec("good", host="slow.test"))
    assert (result.verdict, result.stage) == (Verdict.TIMEOUT, Stage.DNS)
    assert "DNS lookup of slow.test got no answer within 0.5 s" in result.summary


def test_closed_port_is_refused(site):
    result = check(site, site.spec("good", port=site.ports["refused"]))
    assert (result.verdict, result.stage) == (Verdict.REFUSED, Stage.CONNECT)
    assert f"port {site.ports['refused']}" in result.ask_it


def test_server_that_never_starts_tls_is_a_timeout(site):
    result = check(site, site.spec("silent", kind=CheckKind.HTTPS))
    assert (result.verdict, result.stage) == (Verdict.TIMEOUT, Stage.TLS)
    assert result.outcome is Outcome.FAILED
    assert "handshake got no answer" in result.summary


def test_server_that_never_answers_http_is_a_timeout(site):
    result = check(site, site.spec("hang"))
    assert (result.verdict, result.stage) == (Verdict.TIMEOUT, Stage.HTTP)


def test_plain_http_server_that_stays_silent_is_a_timeout(site):
    result = check(site, site.spec("silent", kind=CheckKind.HTTP))
    assert (result.verdict, result.stage) == (Verdict.TIMEOUT, Stage.HTTP)


def test_server_that_closes_without_answer(site):
    result = check(site, site.spec("close"))
    assert (result.verdict, result.stage) == (Verdict.NO_HTTP_ANSWER, Stage.HTTP)


def test_tls_to_a_plain_http_server_fails_the_handshake(site):
    result = check(site, site.spec("plain", kind=CheckKind.HTTPS))
    assert (result.verdict, result.stage) == (Verdict.TLS_FAILED, Stage.TLS)


def test_expired_certificate(site):
    result = check(site, site.spec("expired"))
    assert (result.verdict, result.stage) == (Verdict.CERT_EXPIRED, Stage.TLS)
    assert "expired on" in result.summary
    assert "inspection" in result.ask_it


def test_certificate_not_yet_valid(site):
    result = check(site, site.spec("notyet"))
    assert result.verdict is Verdict.CERT_NOT_YET_VALID


def test_certificate_for_another_name(site):
    result = check(site, site.spec("wrongname"))
    assert result.verdict is Verdict.CERT_WRONG_NAME
    assert "other.example" in result.summary


def test_self_signed_certificate(site):
    result = check(site, site.spec("selfsigned"))
    assert result.verdict is Verdict.CERT_SELF_SIGNED


def test_certificate_from_an_unknown_ca_is_untrusted(site):
    result = check(site, site.spec("private"))
    assert result.verdict is Verdict.CERT_UNTRUSTED
    assert PRIVATE_CA in result.summary


def test_inspection_ca_trusted_by_the_laptop_is_interception(site):
    result = check(site, site.spec("proxy"))
    assert (result.verdict, result.stage) == (Verdict.INTERCEPTED, Stage.TLS)
    assert PROXY_CA in result.summary and "public certificate authority" in result.summary
    assert "exempt proxy.test" in result.ask_it


def test_unknown_issuer_when_an_issuer_is_expected_is_interception(site):
    result = check(site, site.spec("private", expected_issuers=(PUBLIC_CA,)))
    assert result.verdict is Verdict.INTERCEPTED
    assert f"not by {PUBLIC_CA}" in result.summary


def test_valid_certificate_from_another_issuer_than_expected_is_interception(site):
    result = check(site, site.spec("good", expected_issuers=("Vendor Root CA",)))
    assert result.verdict is Verdict.INTERCEPTED


def test_expected_issuer_matches(site):
    result = check(site, site.spec("good", expected_issuers=("compass test public",)))
    assert result.verdict is Verdict.OK


def test_host_used_only_by_the_laptop_accepts_a_ca_the_laptop_trusts(site):
    result = check(site, site.spec("proxy", public_ca_required=False))
    assert result.verdict is Verdict.OK
    assert "not issued by a public CA" in (result.detail("note") or "")


def test_environment_ca_bundle_is_trusted_for_its_own_host(site):
    spec = site.spec("private", public_ca_required=False, extra_ca_file=site.proxy_ca_file)
    assert check(site, spec).verdict is Verdict.CERT_UNTRUSTED
    assert check(site, site.spec("proxy", public_ca_required=False), extra_ca_files=()).verdict \
        is Verdict.CERT_UNTRUSTED
    spec = site.spec("proxy", public_ca_required=False, extra_ca_file=site.proxy_ca_file)
    assert check(site, spec, extra_ca_files=()).verdict is Verdict.OK


def ntp_spec(site, server, **fields):
    return CheckSpec(id=server, kind=CheckKind.NTP, title="NTP", host="time.test", port=site.ports[server],
                     **fields)


def test_ntp_answer_with_a_small_offset_is_ok(site):
    result = check(site, ntp_spec(site, "ntp"))
    assert result.verdict is Verdict.OK, result.summary
    assert abs(float(result.detail("offset_s") or "99")) < 2


def test_ntp_answer_far_off_is_clock_skew(site):
    result = check(site, ntp_spec(site, "ntp-skewed"))
    assert (result.verdict, result.outcome) == (Verdict.CLOCK_SKEW, Outcome.WARNING)
    assert float(result.detail("offset_s") or "0") == pytest.approx(3600, abs=2)
    assert "differs from it by +3600" in result.summary


def test_laptop_clock_off_is_clock_skew_too(site):
    result = check(site, ntp_spec(site, "ntp"), clock=lambda: __import__("time").time() - 600)
    assert result.verdict is Verdict.CLOCK_SKEW
    assert float(result.detail("offset_s") or "0") == pytest.approx(600, abs=2)


def test_ntp_without_answer_is_silent(site):
    result = check(site, ntp_spec(site, "ntp-silent"))
    assert (result.verdict, result.stage) == (Verdict.NTP_SILENT, Stage.NTP)
    assert "UDP port" in result.ask_it


@pytest.mark.parametrize(("server", "text"), [("ntp-kod", "RATE"), ("ntp-unsynced", "not synchronised")])
def test_ntp_refusal_or_unsynchronised_server_is_a_bad_answer(site, server, text):
    result = check(site, ntp_spec(site, server))
    assert result.verdict is Verdict.NTP_BAD_ANSWER
    assert text in result.summary


def test_ntp_name_that_does_not_resolve(site):
    spec = CheckSpec(id="ntp", kind=CheckKind.NTP, title="NTP", host="pool.invalid", port=site.ports["ntp"])
    assert check(site, spec).verdict is Verdict.DNS_FAILURE


def test_disabled_entry_is_skipped_with_its_note(site):
    spec = CheckSpec(id="lydis", kind=CheckKind.HTTPS, title="Lydis", host="", port=443, enabled=False,
                     note="No public source names it.")
    result = check(site, spec)
    assert (result.verdict, result.outcome) == (Verdict.SKIPPED, Outcome.SKIPPED)
    assert result.summary == "No public source names it."
    assert site.resolver.asked.count("") == 0


def test_a_broken_probe_is_an_error_line_not_an_exception(site):
    def broken(timeout):
        raise RuntimeError("boom")

    spec = CheckSpec(id="laptop", kind=CheckKind.LAPTOP, title="Laptop")
    result = check(site, spec, laptop_facts=broken)
    assert result.verdict is Verdict.ERROR
    assert "boom" in result.summary
