"""The whole run: parallel, within its time limits, progress as checks finish, cancellable."""

from __future__ import annotations

import threading
import time

from sitecheck_servers import TIMEOUT

from compass_desk.domain.sitecheck import CheckKind, CheckSpec, Outcome, RunSettings, Verdict
from compass_desk.services.cancel import CancelToken
from compass_desk.services.sitecheck import run_sitecheck


def ntp(site, server="ntp"):
    return CheckSpec(id=server, kind=CheckKind.NTP, title="Time", host="time.test", port=site.ports[server])


def test_checks_run_in_parallel_and_report_each_as_it_finishes(site):
    specs = [site.spec("good"), site.spec("hang"), site.spec("silent", kind=CheckKind.HTTPS),
             site.spec("good", host="slow.test", id="slow"), ntp(site, "ntp-silent"), ntp(site),
             CheckSpec(id="laptop", kind=CheckKind.LAPTOP, title="Laptop")]
    seen, progress = [], []
    started = time.monotonic()
    # A total limit far above the checks' own, so a loaded machine cannot turn waits into total timeouts.
    report = run_sitecheck(specs, RunSettings(timeout_s=TIMEOUT, total_s=30), site.options(),
                           on_result=seen.append, progress=lambda *a: progress.append(a), environment="lab")
    elapsed = time.monotonic() - started
    # Four checks wait out their own 0.5 s limit. One after another, their waits could add up to at
    # most the run's wall time; in parallel they overlap, so together they are well over it (load
    # stretches both sides alike).
    waited = sum(c.elapsed_ms for c in report.checks if c.verdict in (Verdict.TIMEOUT, Verdict.NTP_SILENT))
    assert waited / 1000 >= 4 * TIMEOUT * 0.9
    assert waited / 1000 > 1.2 * elapsed, (waited, elapsed)
    assert [c.spec.id for c in report.checks] == [s.id for s in specs]
    assert sorted(r.spec.id for r in seen) == sorted(s.id for s in specs)
    assert [p[0] for p in progress] == list(range(1, len(specs) + 1))
    assert all(p[1] == len(specs) for p in progress)
    verdicts = {c.spec.id: c.verdict for c in report.checks}
    assert verdicts == {"good": Verdict.OK, "hang": Verdict.TIMEOUT, "silent": Verdict.TIMEOUT,
                        "slow": Verdict.TIMEOUT, "ntp-silent": Verdict.NTP_SILENT, "ntp": Verdict.OK,
                        "laptop": Verdict.INFO}
    assert not report.passed and not report.cancelled
    assert report.counts() == {"passed": 2, "warning": 0, "failed": 4, "skipped": 0, "info": 1}
    assert report.environment == "lab"


def test_report_passes_when_everything_works(site):
    specs = [site.spec("good"), site.spec("plain"), ntp(site),
             CheckSpec(id="lydis", kind=CheckKind.HTTPS, title="Lydis", enabled=False),
             CheckSpec(id="laptop", kind=CheckKind.LAPTOP, title="Laptop")]
    report = run_sitecheck(specs, RunSettings(timeout_s=TIMEOUT, total_s=3), site.options())
    assert report.passed, [c.summary for c in report.checks]


def test_clock_skew_alone_fails_the_run(site):
    report = run_sitecheck([ntp(site, "ntp-skewed")], RunSettings(timeout_s=TIMEOUT), site.options())
    assert report.checks[0].outcome is Outcome.WARNING
    assert not report.passed


def test_cancel_stops_at_once_and_marks_the_rest(site):
    token = CancelToken()
    specs = [site.spec("good"), site.spec("hang")]
    started = time.monotonic()
    # The hanging check would wait 30 s; cancelling must end the run long before that.
    report = run_sitecheck(specs, RunSettings(timeout_s=30, total_s=60), site.options(), cancel=token,
                           on_result=lambda result: token.cancel())
    assert time.monotonic() - started < 15
    assert report.cancelled and not report.passed
    assert [c.verdict for c in report.checks] == [Verdict.OK, Verdict.CANCELLED]
    assert report.checks[1].summary == "Not finished: the site check was cancelled."


def test_total_time_limit_holds_even_when_a_check_overruns_its_own(site):
    release = threading.Event()

    def stuck(timeout):
        release.wait(60)  # ignores its own limit
        return []

    specs = [CheckSpec(id="laptop", kind=CheckKind.LAPTOP, title="Laptop"), site.spec("good")]
    started = time.monotonic()
    try:
        report = run_sitecheck(specs, RunSettings(timeout_s=TIMEOUT, total_s=2),
                               site.options(laptop_facts=stuck))
    finally:
        release.set()
    assert time.monotonic() - started < 20  # the total limit (2 s), far from the stuck check's 60 s
    assert [c.verdict for c in report.checks] == [Verdict.TIMEOUT, Verdict.OK]
    assert not report.cancelled
