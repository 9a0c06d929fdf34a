"""Site check: can this network provision a phone? Check definitions, verdicts and their wording.

Pure: the network probes live in ``services.sitecheck``; they report a :class:`Verdict` with
plain facts (``details``), and :func:`make_result` turns those into a sentence for the installer
and one for the customer's IT. The sentences are written for the ticket, not for programmers.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from compass_desk.domain.sitecheck_texts import describe
from compass_desk.domain.text import Text, TextError


class Verdict(StrEnum):
    OK = "ok"
    SKIPPED = "skipped"
    INFO = "info"
    DNS_FAILURE = "dns_failure"
    REFUSED = "refused"
    UNREACHABLE = "unreachable"
    TIMEOUT = "timeout"
    TLS_FAILED = "tls_failed"
    CERT_EXPIRED = "cert_expired"
    CERT_NOT_YET_VALID = "cert_not_yet_valid"
    CERT_WRONG_NAME = "cert_wrong_name"
    CERT_SELF_SIGNED = "cert_self_signed"
    CERT_UNTRUSTED = "cert_untrusted"
    INTERCEPTED = "intercepted"
    NO_HTTP_ANSWER = "no_http_answer"
    NTP_SILENT = "ntp_silent"
    NTP_BAD_ANSWER = "ntp_bad_answer"
    CLOCK_SKEW = "clock_skew"
    CANCELLED = "cancelled"
    ERROR = "error"


class Outcome(StrEnum):
    PASSED = "passed"
    WARNING = "warning"
    FAILED = "failed"
    SKIPPED = "skipped"
    INFO = "info"


_OUTCOME = {
    Verdict.OK: Outcome.PASSED,
    Verdict.SKIPPED: Outcome.SKIPPED,
    Verdict.INFO: Outcome.INFO,
    # The laptop's clock may be the wrong one; phones are only hurt when the time server is.
    Verdict.CLOCK_SKEW: Outcome.WARNING,
    Verdict.CANCELLED: Outcome.SKIPPED,
}


def outcome_of(verdict: Verdict) -> Outcome:
    return _OUTCOME.get(verdict, Outcome.FAILED)


class Stage(StrEnum):
    DNS = "dns"
    CONNECT = "connect"
    TLS = "tls"
    HTTP = "http"
    NTP = "ntp"
    LAPTOP = "laptop"


class CheckKind(StrEnum):
    HTTPS = "https"
    HTTP = "http"
    NTP = "ntp"
    LAPTOP = "laptop"


class SiteCheckConfigError(TextError, ValueError):
    """The site check configuration cannot be used; the message says why in one sentence."""


@dataclass(frozen=True, slots=True)
class CheckSpec:
    id: str
    kind: CheckKind
    title: str
    host: str = ""
    port: int = 0
    path: str = "/"
    expected_issuers: tuple[str, ...] = ()
    public_ca_required: bool = True  # phones trust public CAs only
    enabled: bool = True
    note: str = ""
    extra_ca_file: str | None = None  # e.g. the environment's CA bundle, trusted by this laptop
    max_offset_s: float = 60.0  # NTP only
    title_nl: str = ""  # the Dutch of title and note; empty: the same as the English (a name, data)
    note_nl: str = ""
    cli_hint: str = ""  # English advice with a command-line flag: the CLI's output only, never the GUI

    @property
    def title_text(self) -> Text:
        return Text(self.title, self.title_nl or self.title)

    @property
    def note_text(self) -> Text:
        return Text(self.note, self.note_nl or self.note)

    @property
    def target(self) -> str:
        if not self.host:
            return ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}" if self.port else host


@dataclass(frozen=True, slots=True)
class CheckResult:
    spec: CheckSpec
    verdict: Verdict
    stage: Stage | None
    summary_text: Text  # what happened, for the installer
    ask_it_text: Text  # what to ask the customer's IT for; empty when nothing is needed
    details: tuple[tuple[str, str], ...] = ()
    elapsed_ms: int = 0

    @property
    def summary(self) -> str:
        """What happened, in English (the CLI, the JSON and the log)."""
        return self.summary_text.en

    @property
    def ask_it(self) -> str:
        return self.ask_it_text.en

    @property
    def outcome(self) -> Outcome:
        return outcome_of(self.verdict)

    def detail(self, key: str) -> str | None:
        return next((value for name, value in self.details if name == key), None)


@dataclass(frozen=True, slots=True)
class RunSettings:
    timeout_s: float = 8.0
    total_s: float = 14.0


@dataclass(slots=True)
class SiteReport:
    checks: list[CheckResult]
    started_at: datetime
    finished_at: datetime
    environment: str | None = None
    cancelled: bool = False

    @property
    def passed(self) -> bool:
        """Everything a phone needs works (skipped and informational checks do not count)."""
        bad = {Outcome.FAILED, Outcome.WARNING}
        return not self.cancelled and not any(c.outcome in bad for c in self.checks)

    def counts(self) -> dict[str, int]:
        found = {outcome.value: 0 for outcome in Outcome}
        for check in self.checks:
            found[check.outcome.value] += 1
        return found


def make_result(spec: CheckSpec, verdict: Verdict, stage: Stage | None,
                details: Sequence[tuple[str, str]] = (), elapsed_ms: int = 0) -> CheckResult:
    """A result with its sentences, from what a probe found."""
    facts = dict(details)
    summary, ask_it = describe(verdict, stage, spec.kind.value, spec.host, spec.port, spec.note_text,
                               spec.expected_issuers, facts)
    return CheckResult(spec, verdict, stage, summary, ask_it, tuple(details), elapsed_ms)


# --- certificates ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CertFacts:
    subject: str  # RFC 4514 text
    issuer: str
    names: tuple[str, ...]  # DNS names and IP addresses the certificate is valid for
    not_before: datetime
    not_after: datetime
    self_signed: bool
    issuer_label: str = ""  # for people: "common name (organisation)"


def hostname_matches(host: str, names: Sequence[str]) -> bool:
    """RFC 6125 matching: exact, or a wildcard for exactly the left-most label; IPs compared as IPs."""
    host = host.strip("[]").rstrip(".").lower()
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    for raw in names:
        name = raw.rstrip(".").lower()
        if address is not None:
            try:
                if ipaddress.ip_address(name) == address:
                    return True
            except ValueError:
                pass
            continue
        if name.startswith("*."):
            first, _, rest = host.partition(".")
            if first and rest and rest == name[2:] and "." in rest:
                return True
        elif name == host:
            return True
    return False


def issuer_matches(issuer: str, expected: Sequence[str]) -> bool:
    text = issuer.casefold()
    return any(item.casefold() in text for item in expected if item.strip())


def classify_certificate(facts: CertFacts, host: str, now: datetime, expected_issuers: Sequence[str],
                         trusted_by_laptop: bool) -> Verdict:
    """Why phones would reject a certificate that did not verify against the public CAs."""
    if facts.not_after < now:
        return Verdict.CERT_EXPIRED
    if facts.not_before > now:
        return Verdict.CERT_NOT_YET_VALID
    if not hostname_matches(host, facts.names):
        return Verdict.CERT_WRONG_NAME
    if facts.self_signed:
        return Verdict.CERT_SELF_SIGNED
    if trusted_by_laptop or (expected_issuers and not issuer_matches(facts.issuer, expected_issuers)):
        # A CA this laptop was given (a company's inspection CA), or not the vendor's CA at all.
        return Verdict.INTERCEPTED
    return Verdict.CERT_UNTRUSTED


def report_to_json(report: SiteReport) -> dict[str, Any]:
    """The stable JSON shape (documented in cli/sitecheck.py): fields may be added, never renamed."""
    return {
        "passed": report.passed,
        "cancelled": report.cancelled,
        "environment": report.environment,
        "started_at": report.started_at.isoformat(),
        "finished_at": report.finished_at.isoformat(),
        "duration_s": round((report.finished_at - report.started_at).total_seconds(), 3),
        "summary": report.counts(),
        "checks": [
            {
                "id": c.spec.id,
                "kind": c.spec.kind.value,
                "title": c.spec.title,
                "host": c.spec.host or None,
                "port": c.spec.port or None,
                "outcome": c.outcome.value,
                "verdict": c.verdict.value,
                "stage": c.stage.value if c.stage else None,
                "summary": c.summary,
                "ask_it": c.ask_it,
                "details": dict(c.details),
                "elapsed_ms": c.elapsed_ms,
                "hint": c.spec.cli_hint or None,  # advice naming a CLI flag (added later, so last)
            }
            for c in report.checks
        ],
    }
