"""``compass-desk sitecheck``: can this network provision a phone? (no account needed)

Checks, in parallel and in under 15 s, what a booting phone needs: DNS, TCP, TLS (certificate valid,
not intercepted) and an HTTP answer from the vendor redirection servers (resources/sitecheck.toml),
an NTP answer and this laptop's clock offset; with ``--env NAME`` (or ``--url``) also that
environment's REST and provisioning hosts. Exit codes: 0 everything passed (skipped and
informational lines do not count), 1 something failed or needs a look (a warning, e.g. clock skew),
2 bad usage or an unreadable ``--config`` file.

With ``--json`` it prints one object (fields may be added, never renamed or removed):

``{"passed": bool, "cancelled": bool, "environment": str|null, "started_at": ISO-8601,
"finished_at": ISO-8601, "duration_s": float, "summary": {"passed", "warning", "failed", "skipped",
"info": int}, "checks": [{"id": str, "kind": "https"|"http"|"ntp"|"laptop", "title": str,
"host": str|null, "port": int|null, "outcome": "passed"|"warning"|"failed"|"skipped"|"info",
"verdict": str, "stage": "dns"|"connect"|"tls"|"http"|"ntp"|"laptop"|null, "summary": str,
"ask_it": str, "details": {str: str}, "elapsed_ms": int, "hint": str|null}]}``

``hint`` is advice naming one of this command's flags (e.g. ``--provisioning-host``); the text output
prints it as a ``Hint:`` line. Without ``--config`` the checks come from the built-in list with
``sitecheck.toml`` in the config folder (if there is one) laid over it.

``verdict`` is one of ok, skipped, info, dns_failure, refused, unreachable, timeout, tls_failed,
cert_expired, cert_not_yet_valid, cert_wrong_name, cert_self_signed, cert_untrusted, intercepted,
no_http_answer, ntp_silent, ntp_bad_answer, clock_skew, cancelled, error. Check ids are stable:
snom-sraps-https, snom-sraps-http, yealink-rps, lydis-rps, compass-rest, compass-provisioning, ntp,
laptop. ``details`` keys depend on the check (addresses, issuer, issuer_dn, subject, names, not_before,
not_after, verify_error, http_status, offset_s, delay_ms, timeout_s, error, note; for the laptop:
computer, address, interface, gateway, interface MAC, VLAN, DNS servers).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from compass_desk.cli.common import (
    FAILED,
    OK,
    USAGE,
    CliError,
    GlobalOptions,
    environment_name_for,
    print_json,
)

if TYPE_CHECKING:
    from compass_desk.domain.models import Environment
    from compass_desk.services.sitecheck import SiteCheckOptions

ORDER = 65


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = sub.add_parser(
        "sitecheck",
        help="can this network provision a phone? (DNS, HTTPS, certificates, NTP; no account needed)",
        description="Check from this laptop, on the phones' network, whether a booting phone can reach "
        "the vendor redirection servers and a time server. With --env NAME also the environment's REST "
        "and provisioning hosts. Exit code 0 when everything passed, 1 when something failed.",
    )
    check.add_argument("--provisioning-host", metavar="HOST",
                       help="the environment's provisioning host, when it is not provisioning.<domain>")
    check.add_argument("--config", metavar="FILE",
                       help="check the hosts in FILE instead of the built-in list and the administrator's "
                       "sitecheck.toml in the config folder (same format as resources/sitecheck.toml; "
                       "e.g. to add the Lydis host)")
    check.add_argument("--save", metavar="FILE",
                       help="also save the report to FILE (HTML when FILE ends in .html or .htm, else text)")
    check.set_defaults(handler=_run)


def make_options() -> SiteCheckOptions:
    """The network defaults (system resolver, OS trust store, public CAs); tests replace this."""
    from compass_desk.services.sitecheck import SiteCheckOptions

    return SiteCheckOptions()


def _environment(options: GlobalOptions) -> Environment | None:
    from compass_desk.domain.models import Environment

    if options.env:
        from compass_desk.cli._connect import profile_store
        from compass_desk.store.profiles import ProfileError

        try:
            found = profile_store(options).get(options.env)
        except ProfileError as exc:
            raise CliError(str(exc), USAGE) from None
        if found is None:
            raise CliError(f"there is no environment named '{options.env}' (see 'compass-desk envs')", USAGE)
        return found
    if options.url:
        # An unusable URL keeps its text as the name; the plan says what is wrong with it.
        return Environment(environment_name_for(options.url), options.url, options.user or "")
    return None


def _progress(done: int, total: int, label: str) -> None:
    sys.stderr.write(f"\r\x1b[K[{done}/{total}] {label}")
    if done == total:
        sys.stderr.write("\r\x1b[K")
    sys.stderr.flush()


def _run(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.domain.sitecheck import SiteCheckConfigError, report_to_json
    from compass_desk.domain.sitecheck_report import render_html, render_text
    from compass_desk.services.sitecheck import plan, run_sitecheck

    environment = _environment(options)
    try:
        settings, specs = plan(environment, config_path=args.config,
                               provisioning_host=args.provisioning_host)
    except SiteCheckConfigError as exc:
        raise CliError(str(exc), USAGE) from None
    show_progress = not options.json and sys.stderr.isatty()
    report = run_sitecheck(specs, settings, make_options(), progress=_progress if show_progress else None,
                           environment=environment.name if environment else None)
    if options.json:
        print_json(report_to_json(report))
    else:
        sys.stdout.write(render_text(report, cli_hints=True))
    if args.save:
        target = Path(args.save)
        html = target.suffix.lower() in (".html", ".htm")
        try:
            target.write_text(render_html(report) if html else render_text(report, cli_hints=True),
                              encoding="utf-8")
        except OSError as exc:
            raise CliError(f"the report cannot be saved to {target} ({exc.strerror})", FAILED) from None
    return OK if report.passed else FAILED
