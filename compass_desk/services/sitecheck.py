"""Site check: which steps of a booting phone would work on this network (issue 12).

All checks run in parallel, each within its own time limit, and the whole run stays under the
total of ``[check] total_s`` (at most 14.5 s). Hostnames, ports, the resolver and the trusted CAs
are all injectable, so tests point everything at loopback servers.
"""

from __future__ import annotations

import concurrent.futures as cf
import logging
import ssl
import time
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from compass_desk.domain.models import Environment
from compass_desk.domain.os_words import os_reason
from compass_desk.domain.sitecheck import (
    CheckKind,
    CheckResult,
    CheckSpec,
    RunSettings,
    SiteCheckConfigError,
    SiteReport,
    Stage,
    Verdict,
    classify_certificate,
    issuer_matches,
    make_result,
)
from compass_desk.domain.sitecheck_plan import EnvironmentHosts, build_plan, merge_config
from compass_desk.domain.sitecheck_words import PRIVATE_CA_NOTE
from compass_desk.domain.text import Text
from compass_desk.services.cancel import Cancelled, CancelToken
from compass_desk.services.sitecheck_laptop import gather_laptop_facts
from compass_desk.services.sitecheck_probes import (
    Deadline,
    ProbeFailure,
    Resolver,
    cert_details,
    cert_facts,
    connect,
    handshake,
    http_status,
    laptop_context,
    ntp_offset,
    public_context,
    resolve,
    system_resolver,
    unverified_context,
)

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]


@dataclass
class SiteCheckOptions:
    resolver: Resolver = system_resolver
    extra_ca_files: tuple[str, ...] = ()  # trusted by "this laptop" in addition to the OS store
    public_ca_file: str | None = None  # the CAs phones trust; None = the Mozilla list (certifi)
    use_os_store: bool = True
    clock: Callable[[], float] = time.time
    laptop_facts: Callable[[float], list[tuple[str, str]]] = field(default=gather_laptop_facts)


def load_config(path: str | Path | None = None) -> dict[str, Any]:
    """The built-in ``resources/sitecheck.toml``, or a file in the same format instead of it."""
    if path is None:
        from compass_desk.resources import load_toml

        return load_toml("sitecheck.toml")
    try:
        with Path(path).open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise SiteCheckConfigError(Text(
            "the site check configuration {path} cannot be read ({reason})",
            "de instellingen van de locatiecontrole in {path} kunnen niet worden gelezen ({reason})",
        ).format(path=str(path), reason=os_reason(exc))) from None
    except tomllib.TOMLDecodeError as exc:
        raise SiteCheckConfigError(Text(
            f"the site check configuration {path} is not valid TOML ({exc})",
            f"de instellingen van de locatiecontrole in {path} zijn geen geldige TOML ({exc})",
        )) from None


def user_config_file() -> Path:
    """Where an administrator adds or changes hosts: sitecheck.toml in Compass Desk's config folder."""
    from compass_desk.paths import app_paths

    return app_paths().config / "sitecheck.toml"


def plan(environment: Environment | None = None, *, config_path: str | Path | None = None,
         provisioning_host: str | None = None, include_laptop: bool = True,
         user_file: Path | None = None) -> tuple[RunSettings, list[CheckSpec]]:
    """The checks to run: *config_path* alone when given (the CLI's --config), else the built-in list
    with the administrator's file (*user_file*, default :func:`user_config_file`) laid over it."""
    hosts = (EnvironmentHosts(environment.name, environment.base_url, environment.ca_bundle)
             if environment is not None else None)
    user_file = user_file or user_config_file()
    if config_path is not None:
        config = load_config(config_path)
    elif user_file.is_file():
        config = merge_config(load_config(), load_config(user_file))
    else:
        config = load_config()
    return build_plan(config, hosts, provisioning_host=provisioning_host, include_laptop=include_laptop,
                      config_file=str(user_file))


# --- one check ---------------------------------------------------------------------------------


def run_check(spec: CheckSpec, timeout_s: float, options: SiteCheckOptions,
              cancel: CancelToken | None = None) -> CheckResult:
    """Run one check to its verdict; never raises."""
    started = time.monotonic()
    deadline = Deadline(timeout_s, cancel)
    details: dict[str, str] = {}
    stage: Stage | None = None
    try:
        if not spec.enabled:
            verdict = Verdict.SKIPPED
        elif spec.kind is CheckKind.LAPTOP:
            details.update(options.laptop_facts(min(2.0, timeout_s)))
            verdict, stage = Verdict.INFO, Stage.LAPTOP
        elif spec.kind is CheckKind.NTP:
            verdict, stage = _check_ntp(spec, deadline, options, details)
        else:
            verdict, stage = _check_web(spec, deadline, options, details)
    except ProbeFailure as failure:
        details.update(failure.facts)
        verdict, stage = failure.verdict, failure.stage
    except Cancelled:
        verdict = Verdict.CANCELLED
    except Exception as exc:  # a bug or an odd platform: reported on its line, never lost
        log.warning("site check %s failed unexpectedly", spec.id, exc_info=exc)
        details["error"] = f"{type(exc).__name__}: {exc}"
        verdict = Verdict.ERROR
    elapsed = int((time.monotonic() - started) * 1000)
    return make_result(spec, verdict, stage, list(details.items()), elapsed)


def _check_ntp(spec: CheckSpec, deadline: Deadline, options: SiteCheckOptions,
               details: dict[str, str]) -> tuple[Verdict, Stage | None]:
    addresses = resolve(spec.host, options.resolver, deadline)
    details["addresses"] = ", ".join(addresses)
    offset, delay = ntp_offset(addresses[0], spec.port, deadline, options.clock)
    details["offset_s"] = f"{offset:+.3f}"
    details["delay_ms"] = f"{delay * 1000:.0f}"
    if abs(offset) > spec.max_offset_s:
        details["max_offset_s"] = f"{spec.max_offset_s:g}"
        return Verdict.CLOCK_SKEW, Stage.NTP
    return Verdict.OK, None


def _answer(sock: Any, spec: CheckSpec, deadline: Deadline, details: dict[str, str]) -> None:
    default = 443 if spec.kind is CheckKind.HTTPS else 80
    details["http_status"] = str(http_status(sock, spec.host, spec.port, spec.path, default, deadline))


def _check_web(spec: CheckSpec, deadline: Deadline, options: SiteCheckOptions,
               details: dict[str, str]) -> tuple[Verdict, Stage | None]:
    addresses = resolve(spec.host, options.resolver, deadline)
    details["addresses"] = ", ".join(addresses)
    if spec.kind is CheckKind.HTTP:
        with connect(addresses, spec.port, deadline) as sock:
            _answer(sock, spec, deadline, details)
        return Verdict.OK, None

    # 1. As a phone: public CAs only.
    sock = connect(addresses, spec.port, deadline)
    try:
        tls = handshake(sock, spec.host, public_context(options.public_ca_file), deadline)
    except ssl.SSLCertVerificationError as exc:
        details["verify_error"] = str(exc.verify_message or exc)
    else:
        with tls:
            facts = cert_facts(tls.getpeercert(binary_form=True) or b"")
            details.update(cert_details(facts))
            if spec.expected_issuers and not issuer_matches(facts.issuer, spec.expected_issuers):
                return Verdict.INTERCEPTED, Stage.TLS
            _answer(tls, spec, deadline, details)
        return Verdict.OK, None

    # 2. As this laptop: does it trust the certificate (a company's inspection CA, a private CA)?
    extra = [*options.extra_ca_files, *([spec.extra_ca_file] if spec.extra_ca_file else [])]
    sock = connect(addresses, spec.port, deadline)
    try:
        tls = handshake(sock, spec.host, laptop_context(extra, options.use_os_store), deadline)
    except ssl.SSLCertVerificationError:
        pass
    else:
        with tls:
            facts = cert_facts(tls.getpeercert(binary_form=True) or b"")
            details.update(cert_details(facts))
            expected_ok = bool(spec.expected_issuers) and issuer_matches(facts.issuer, spec.expected_issuers)
            if not (expected_ok or not spec.public_ca_required):
                return Verdict.INTERCEPTED, Stage.TLS
            details["note"] = PRIVATE_CA_NOTE.en  # details stay English (JSON); the GUI shows its Dutch
            _answer(tls, spec, deadline, details)
        return Verdict.OK, None

    # 3. Trusted by neither: look at the certificate itself to say why.
    sock = connect(addresses, spec.port, deadline)
    with handshake(sock, spec.host, unverified_context(), deadline) as tls:
        facts = cert_facts(tls.getpeercert(binary_form=True) or b"")
    details.update(cert_details(facts))
    now = datetime.fromtimestamp(options.clock(), UTC)
    return classify_certificate(facts, spec.host, now, spec.expected_issuers, False), Stage.TLS


# --- the run -----------------------------------------------------------------------------------


def run_sitecheck(specs: Sequence[CheckSpec], settings: RunSettings | None = None,
                  options: SiteCheckOptions | None = None, *, progress: Progress | None = None,
                  on_result: Callable[[CheckResult], None] | None = None, cancel: CancelToken | None = None,
                  environment: str | None = None) -> SiteReport:
    """Run every check in parallel; callbacks are called on the calling thread as checks finish."""
    settings = settings or RunSettings()
    options = options or SiteCheckOptions()
    started = datetime.now(UTC)
    end = time.monotonic() + settings.total_s
    per_check = min(settings.timeout_s, settings.total_s)
    results: dict[int, CheckResult] = {}
    executor = cf.ThreadPoolExecutor(max_workers=max(1, len(specs)), thread_name_prefix="sitecheck")
    futures = {executor.submit(run_check, spec, per_check, options, cancel): i
               for i, spec in enumerate(specs)}
    try:
        pending = set(futures)
        while pending and not (cancel is not None and cancel.cancelled):
            left = end - time.monotonic()
            if left <= 0:
                break
            done, pending = cf.wait(pending, timeout=min(0.05, left), return_when=cf.FIRST_COMPLETED)
            for future in sorted(done, key=futures.__getitem__):
                index = futures[future]
                results[index] = future.result()
                if on_result is not None:
                    on_result(results[index])
                if progress is not None:
                    progress(len(results), len(specs), specs[index].title)
    finally:
        # Checks still running end on their own within their socket time limits.
        executor.shutdown(wait=False, cancel_futures=True)
    cancelled = cancel is not None and cancel.cancelled and len(results) < len(specs)
    for index, spec in enumerate(specs):
        if index not in results:
            verdict = Verdict.CANCELLED if cancelled else Verdict.TIMEOUT
            results[index] = make_result(spec, verdict, None, [("timeout_s", f"{settings.total_s:g}")])
    return SiteReport([results[i] for i in range(len(specs))], started, datetime.now(UTC),
                      environment=environment, cancelled=cancelled)
