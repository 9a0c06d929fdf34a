"""The short words of the site check in English and Dutch: the phrases probes put in a check's
details, the labels of those details, and a way to fill a sentence with words of either language.

Details stay English strings (they are the stable JSON ``details``); :func:`phrase` finds the Dutch
of the fixed phrases the probes and the laptop facts write, so a Dutch screen shows them in Dutch.
Anything else (host names, dates, an operating system's own error text) is data and stays as it is.
Sentences are filled with ``domain.text.fill`` (each language with its own words).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from compass_desk.domain.text import Text, fill, same

# --- phrases the probes and the laptop facts write into the details -------------------------------
NO_ADDRESS = Text("no address found", "geen adres gevonden")
CLOSED_WITHOUT_ANSWER = Text("the connection was closed without an answer",
                             "de verbinding werd gesloten zonder antwoord")
NOT_HTTP = Text("the answer is not HTTP", "het antwoord is geen HTTP")
NOT_A_SERVER_ANSWER = Text("not a server answer (mode {mode})", "geen antwoord van een server (mode {mode})")
SERVER_REFUSED = Text("the server refused to answer ({code})", "de server weigerde te antwoorden ({code})")
SERVER_UNSYNCHRONISED = Text("the server's own clock is not synchronised",
                             "de klok van de server zelf is niet gesynchroniseerd")
NO_NAMES = Text("(none)", "(geen)")
PRIVATE_CA_NOTE = Text("the certificate is trusted by this laptop but not issued by a public CA",
                       "deze laptop vertrouwt het certificaat, maar het komt niet van een publieke CA")
NOT_READ = Text("not readable on this system", "niet leesbaar op dit systeem")
NO_ROUTE_OUT = Text("none: no route to the internet", "geen: geen route naar internet")
NO_VLAN = Text("none tagged on this laptop (the switch port may still use a VLAN)",
               "geen getagd op deze laptop (de switchpoort kan toch een VLAN gebruiken)")

# Fallbacks of the sentences when a probe found no detail.
HANDSHAKE_ERROR = Text("handshake error", "fout bij de handshake")
CONNECTION_CLOSED = Text("connection closed", "verbinding gesloten")
UNKNOWN_ERROR = Text("unknown error", "onbekende fout")
NO_ANSWER = Text("no answer", "geen antwoord")
UNREACHABLE = Text("unreachable", "onbereikbaar")
BAD_ANSWER = Text("bad answer", "onbruikbaar antwoord")
UNKNOWN_ISSUER = Text("an unknown issuer", "een onbekende uitgever")
OTHER_NAMES = Text("other names", "andere namen")

# The verdicts by their value (``domain.sitecheck.Verdict``), for a sentence that only names one.
_VERDICT_NL = {
    "ok": "in orde", "skipped": "overgeslagen", "info": "informatie", "dns_failure": "naam niet gevonden",
    "refused": "geweigerd", "unreachable": "onbereikbaar", "timeout": "geen antwoord op tijd",
    "tls_failed": "TLS mislukt", "cert_expired": "certificaat verlopen",
    "cert_not_yet_valid": "certificaat nog niet geldig",
    "cert_wrong_name": "certificaat voor een andere naam",
    "cert_self_signed": "zelfondertekend certificaat", "cert_untrusted": "certificaat niet vertrouwd",
    "intercepted": "onderschept", "no_http_answer": "geen HTTP-antwoord", "ntp_silent": "tijdserver zwijgt",
    "ntp_bad_answer": "onbruikbaar antwoord van de tijdserver", "clock_skew": "klokafwijking",
    "cancelled": "geannuleerd", "error": "fout",
}


def verdict_words(verdict: str) -> Text:
    """A verdict in words (the English is its value with spaces, as the CLI has always said it)."""
    english = verdict.replace("_", " ")
    return Text(english, _VERDICT_NL.get(verdict, english))


# The most common operating system messages in the details (Linux, macOS and Windows word them alike).
_OS_MESSAGES = (
    Text("Name or service not known", "naam of dienst onbekend"),
    Text("nodename nor servname provided, or not known", "naam of dienst onbekend"),
    Text("Temporary failure in name resolution", "tijdelijke fout bij het opzoeken van de naam"),
    Text("No address associated with hostname", "geen adres bij deze naam"),
    Text("Connection refused", "verbinding geweigerd"),
    Text("Connection reset by peer", "verbinding verbroken door de andere kant"),
    Text("No route to host", "geen route naar de host"),
    Text("Network is unreachable", "netwerk onbereikbaar"),
    # OpenSSL's reasons for a certificate it does not accept (``verify_error``).
    Text("unable to get local issuer certificate", "de uitgever van het certificaat is onbekend"),
    Text("self-signed certificate", "zelfondertekend certificaat"),
    Text("self-signed certificate in certificate chain", "zelfondertekend certificaat in de keten"),
    Text("certificate has expired", "het certificaat is verlopen"),
    Text("certificate is not yet valid", "het certificaat is nog niet geldig"),
)
HOSTNAME_MISMATCH = Text("Hostname mismatch, certificate is not valid for '{host}'.",
                         "De hostnaam klopt niet: het certificaat is niet geldig voor '{host}'.")

_FIXED = {t.en: t for t in (NO_ADDRESS, CLOSED_WITHOUT_ANSWER, NOT_HTTP, SERVER_UNSYNCHRONISED, NO_NAMES,
                            PRIVATE_CA_NOTE, NOT_READ, NO_ROUTE_OUT, NO_VLAN, *_OS_MESSAGES)}
_FIELD = re.compile(r"\\\{(\w+)\\\}")
_PATTERNS = [(re.compile("^" + _FIELD.sub(r"(?P<\1>.*)", re.escape(t.en)) + "$"), t)
             for t in (NOT_A_SERVER_ANSWER, SERVER_REFUSED, HOSTNAME_MISMATCH)]


def phrase(value: str) -> Text:
    """The words of a detail value in every language: a known phrase, or the value itself (data)."""
    found = _FIXED.get(value)
    if found is not None:
        return found
    for pattern, template in _PATTERNS:
        match = pattern.match(value)
        if match:
            return template.format(**match.groupdict())
    if "; " in value:  # one reason per address tried: "192.0.2.7: No route to host; ..."
        parts = [phrase(part) for part in value.split("; ")]
        return Text("; ".join(p.en for p in parts), "; ".join(p.nl for p in parts))
    where, colon, reason = value.partition(": ")
    if colon and reason in _FIXED:
        return Text(value, f"{where}: {_FIXED[reason].nl}")
    return same(value)


def phrases() -> list[Text]:
    """Every phrase :func:`phrase` knows (for tests)."""
    return [*_FIXED.values(), *(template for _, template in _PATTERNS)]


# --- the labels of the details --------------------------------------------------------------------
# English keeps the JSON key (what the CLI has always printed); Dutch gets a word.
DETAIL_LABELS: dict[str, Text] = {
    "addresses": Text("addresses", "adressen"),
    "issuer": Text("issuer", "uitgever"),
    "issuer_dn": Text("issuer_dn", "uitgever (DN)"),
    "subject": Text("subject", "onderwerp"),
    "names": Text("names", "namen"),
    "not_before": Text("not_before", "geldig vanaf"),
    "not_after": Text("not_after", "geldig tot"),
    "verify_error": Text("verify_error", "verificatiefout"),
    "http_status": Text("http_status", "HTTP-status"),
    "offset_s": Text("offset_s", "afwijking (s)"),
    "max_offset_s": Text("max_offset_s", "toegestane afwijking (s)"),
    "delay_ms": Text("delay_ms", "vertraging (ms)"),
    "timeout_s": Text("timeout_s", "tijdslimiet (s)"),
    "error": Text("error", "fout"),
    "note": Text("note", "opmerking"),
    "computer": Text("computer", "computer"),
    "address": Text("address", "adres"),
    "interface": Text("interface", "interface"),
    "gateway": Text("gateway", "gateway"),
    "interface MAC": Text("interface MAC", "MAC-adres van de interface"),
    "VLAN": Text("VLAN", "VLAN"),
    "DNS servers": Text("DNS servers", "DNS-servers"),
}


def detail_text(name: str, value: str) -> Text:
    """One detail as ``label: value`` in every language."""
    label = DETAIL_LABELS.get(name, same(name))
    return fill(Text("{label}: {value}", "{label}: {value}"), label=label, value=phrase(value))


def detail_texts(details: Sequence[tuple[str, str]]) -> list[Text]:
    return [detail_text(name, value) for name, value in details]
