"""The sentences of the site check: what happened (for the installer) and what to ask IT for.

Keyed by the verdict's value (``domain.sitecheck.Verdict``); ``facts`` are the probe's details
(``error``, ``issuer``, ``names``, ``not_after``, ``offset_s``, ``timeout_s``, ``http_status``…).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

_BYPASS = ("phones connect directly, not through a proxy, and cannot be given an inspection "
           "certificate")


def _target(host: str, port: int) -> str:
    return f"{host} port {port}" if port else host


def _timeout_text(facts: Mapping[str, str]) -> str:
    value = facts.get("timeout_s")
    return f" within {value} s" if value else " in time"


def _https_sentences(verdict: str, stage: str | None, host: str, port: int, expected: Sequence[str],
                     facts: Mapping[str, str]) -> tuple[str, str] | None:
    issuer = facts.get("issuer", "an unknown issuer")
    allow = f"Please exempt {host} (TCP {port}) from HTTPS/TLS inspection and redirection; {_BYPASS}."
    clock = " (if this laptop's date is right)"
    texts = {
        "tls_failed": (
            f"The secure (TLS) connection to {host} failed ({facts.get('error', 'handshake error')}); "
            "a firewall or filter may be interfering with HTTPS.",
            f"Please allow HTTPS (TCP {port}) from the phone network to {host} without filtering.",
        ),
        "cert_expired": (
            f"{host} presents a certificate that expired on {facts.get('not_after', '?')}{clock}, "
            f"issued by {issuer}; phones reject it. Something on the network may answer in the "
            "server's place.",
            allow,
        ),
        "cert_not_yet_valid": (
            f"{host} presents a certificate that is only valid from {facts.get('not_before', '?')}; "
            "this laptop's clock may be wrong, or something on the network answers in the server's place.",
            f"Check this laptop's date first. If it is right: {allow}",
        ),
        "cert_wrong_name": (
            f"{host} presents a certificate for {facts.get('names') or 'other names'}, not for {host}: "
            "something else (a proxy, firewall or captive portal) answers in the server's place.",
            allow,
        ),
        "cert_self_signed": (
            f"{host} presents a self-signed certificate ({facts.get('subject', '?')}); phones reject it. "
            "Something on the network answers in the real server's place.",
            allow,
        ),
        "cert_untrusted": (
            f"{host} presents a certificate issued by {issuer}, which is not a public certificate "
            "authority; phones reject it. This is usually a TLS-inspecting firewall or proxy.",
            allow,
        ),
        "intercepted": (
            f"HTTPS to {host} is intercepted: the certificate is issued by {issuer}, not by "
            f"{' or '.join(expected) if expected else 'a public certificate authority'}. "
            "Phones will reject it.",
            allow,
        ),
        "no_http_answer": (
            f"The connection to {host} works, but the server sent no usable answer "
            f"({facts.get('error', 'connection closed')}); a web filter may be cutting the traffic.",
            f"Please check that no web filter blocks requests to {host} (TCP {port}).",
        ),
    }
    if verdict == "timeout" and stage == "tls":
        return (f"The connection to {_target(host, port)} opened, but the secure (TLS) handshake got no "
                f"answer{_timeout_text(facts)}; a firewall or proxy may be holding HTTPS traffic.",
                f"Please allow HTTPS (TCP {port}) from the phone network to {host} without filtering.")
    return texts.get(verdict)


def describe(verdict: str, stage: str | None, kind: str, host: str, port: int, note: str,
             expected: Sequence[str], facts: Mapping[str, str]) -> tuple[str, str]:
    """(what happened, what to ask the customer's IT for); the second is empty when nothing is needed."""
    target = _target(host, port)
    allow_tcp = (f"Please allow outgoing TCP connections from the phone network to {host} on port {port}; "
                 "phones connect directly, not through a proxy.")
    if verdict == "ok":
        if kind == "ntp":
            return (f"The time server {host} answers; this laptop's clock is {facts.get('offset_s', '?')} s "
                    "off, which is fine.", "")
        status = facts.get("http_status", "?")
        if kind == "https":
            return (f"{host} is reachable over HTTPS with a valid certificate from "
                    f"{facts.get('issuer', '?')}; it answered (HTTP {status}).", "")
        return f"{host} is reachable and answered (HTTP {status}).", ""
    if verdict == "skipped":
        return note or "Not checked.", ""
    if verdict == "info":
        return ("What this laptop can see of its own network (best effort; the phones' network may differ).",
                "")
    if verdict == "cancelled":
        return "Not finished: the site check was cancelled.", ""
    if verdict == "error":
        return (f"The check itself failed unexpectedly ({facts.get('error', 'unknown error')}).",
                "Nothing yet: run the site check again, and report the problem if it stays.")
    if kind == "https":
        found = _https_sentences(verdict, stage, host, port, expected, facts)
        if found:
            return found
    if verdict == "dns_failure":
        why = facts.get("error", "no answer")
        return (f"The name {host} cannot be looked up on this network ({why}).",
                f"Please make sure the DNS servers the phones get (by DHCP) resolve {host}.")
    if verdict == "refused":
        return (f"The connection to {target} was refused: a firewall rejects it, or the server is down.",
                allow_tcp)
    if verdict == "unreachable":
        return (f"There is no route to {target} from this network ({facts.get('error', 'unreachable')}).",
                allow_tcp)
    if verdict == "timeout":
        if stage == "dns":
            return (f"The DNS lookup of {host} got no answer{_timeout_text(facts)}.",
                    f"Please make sure the DNS servers the phones get (by DHCP) answer and resolve {host}.")
        if stage == "http":
            return (f"The connection to {target} works, but the server sent no answer"
                    f"{_timeout_text(facts)}; a web filter or proxy may be holding the request.",
                    f"Please check that no web filter or proxy holds requests to {host}.")
        if stage == "ntp":
            return (f"The time server {host} did not answer{_timeout_text(facts)}.",
                    f"Please allow outgoing NTP (UDP port {port}) to {host}.")
        return (f"The connection to {target} got no answer{_timeout_text(facts)}; "
                "a firewall probably drops it silently.", allow_tcp)
    if verdict == "ntp_silent":
        return (f"The time server {host} did not answer on UDP port {port}{_timeout_text(facts)}.",
                f"Please allow outgoing NTP (UDP port {port}) to {host}, or give the phones a reachable "
                "time server by DHCP (option 42): phones with a wrong clock reject valid certificates.")
    if verdict == "ntp_bad_answer":
        return (f"The time server {host} answered, but not usefully ({facts.get('error', 'bad answer')}).",
                f"Please check the time server {host}, or give the phones a working one by DHCP (option 42).")
    if verdict == "clock_skew":
        return (f"The time server {host} answers, but this laptop's clock differs from it by "
                f"{facts.get('offset_s', '?')} s; certificate dates checked on this laptop may be misjudged.",
                f"If this laptop's clock is right, please check the time server {host}: phones that take a "
                "wrong time reject valid certificates. Otherwise set this laptop's clock and check again.")
    return (f"{target or 'The check'}: {verdict.replace('_', ' ')}.", "")
