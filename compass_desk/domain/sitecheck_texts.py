"""The sentences of the site check: what happened (for the installer) and what to ask IT for.

Keyed by the verdict's value (``domain.sitecheck.Verdict``); ``facts`` are the probe's details
(``error``, ``issuer``, ``names``, ``not_after``, ``offset_s``, ``timeout_s``, ``http_status``…).
Every sentence is a :class:`Text` in English and Dutch; ``str()`` of it is the English the CLI prints.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from compass_desk.domain import sitecheck_words as words
from compass_desk.domain.sitecheck_words import phrase
from compass_desk.domain.text import Text, fill, same

NOTHING = Text("", "")
_BYPASS = Text("phones connect directly, not through a proxy, and cannot be given an inspection certificate",
               "telefoons maken rechtstreeks verbinding, niet via een proxy, en je kunt ze geen "
               "inspectiecertificaat geven")


def _fact(facts: Mapping[str, str], key: str, default: Text) -> Text:
    value = facts.get(key)
    return phrase(value) if value else default


def _target(host: str, port: int) -> Text:
    return Text(f"{host} port {port}", f"{host} poort {port}") if port else same(host)


def _within(facts: Mapping[str, str]) -> Text:
    value = facts.get("timeout_s")
    return Text(f" within {value} s", f" binnen {value} s") if value else Text(" in time", " op tijd")


def _allow_https(host: str, port: int) -> Text:
    return Text(f"Please allow HTTPS (TCP {port}) from the phone network to {host} without filtering.",
                f"Sta HTTPS (TCP {port}) van het telefoonnetwerk naar {host} toe, zonder filter.")


def _https_sentences(verdict: str, stage: str | None, host: str, port: int, expected: Sequence[str],
                     facts: Mapping[str, str]) -> tuple[Text, Text] | None:
    issuer = _fact(facts, "issuer", words.UNKNOWN_ISSUER)
    allow = fill(Text("Please exempt {host} (TCP {port}) from HTTPS/TLS inspection and redirection; "
                      "{bypass}.",
                      "Sluit {host} (TCP {port}) uit van HTTPS/TLS-inspectie en omleiding; {bypass}."),
                 host=host, port=str(port), bypass=_BYPASS)
    clock = Text(" (if this laptop's date is right)", " (als de datum van deze laptop klopt)")
    values: dict[str, Text | str] = {
        "host": host, "issuer": issuer, "clock": clock, "error": _fact(facts, "error", words.HANDSHAKE_ERROR),
        "not_after": facts.get("not_after", "?"), "not_before": facts.get("not_before", "?"),
        "names": _fact(facts, "names", words.OTHER_NAMES), "subject": facts.get("subject", "?"),
    }
    texts = {
        "tls_failed": (
            Text("The secure (TLS) connection to {host} failed ({error}); "
                 "a firewall or filter may be interfering with HTTPS.",
                 "De beveiligde (TLS-)verbinding met {host} is mislukt ({error}); "
                 "misschien verstoort een firewall of filter HTTPS."),
            _allow_https(host, port),
        ),
        "cert_expired": (
            Text("{host} presents a certificate that expired on {not_after}{clock}, issued by {issuer}; "
                 "phones reject it. Something on the network may answer in the server's place.",
                 "{host} toont een certificaat dat verlopen is op {not_after}{clock}, uitgegeven door "
                 "{issuer}; telefoons weigeren het. Misschien antwoordt iets op het netwerk in plaats van "
                 "de server."),
            allow,
        ),
        "cert_not_yet_valid": (
            Text("{host} presents a certificate that is only valid from {not_before}; this laptop's clock "
                 "may be wrong, or something on the network answers in the server's place.",
                 "{host} toont een certificaat dat pas geldig is vanaf {not_before}; de klok van deze laptop "
                 "staat misschien verkeerd, of iets op het netwerk antwoordt in plaats van de server."),
            Text("Check this laptop's date first. If it is right:",
                 "Controleer eerst de datum van deze laptop. Klopt die, dan:") + allow,
        ),
        "cert_wrong_name": (
            Text("{host} presents a certificate for {names}, not for {host}: something else (a proxy, "
                 "firewall or captive portal) answers in the server's place.",
                 "{host} toont een certificaat voor {names}, niet voor {host}: iets anders (een proxy, "
                 "firewall of inlogpagina van het netwerk) antwoordt in plaats van de server."),
            allow,
        ),
        "cert_self_signed": (
            Text("{host} presents a self-signed certificate ({subject}); phones reject it. "
                 "Something on the network answers in the real server's place.",
                 "{host} toont een zelfondertekend certificaat ({subject}); telefoons weigeren het. "
                 "Iets op het netwerk antwoordt in plaats van de echte server."),
            allow,
        ),
        "cert_untrusted": (
            Text("{host} presents a certificate issued by {issuer}, which is not a public certificate "
                 "authority; phones reject it. This is usually a TLS-inspecting firewall or proxy.",
                 "{host} toont een certificaat van {issuer}, en dat is geen publieke certificaatautoriteit; "
                 "telefoons weigeren het. Meestal is dit een firewall of proxy die TLS inspecteert."),
            allow,
        ),
        "intercepted": (
            Text("HTTPS to {host} is intercepted: the certificate is issued by {issuer}, not by {expected}. "
                 "Phones will reject it.",
                 "HTTPS naar {host} wordt onderschept: het certificaat komt van {issuer}, niet van "
                 "{expected}. Telefoons weigeren het."),
            allow,
        ),
        "no_http_answer": (
            Text("The connection to {host} works, but the server sent no usable answer ({closed}); "
                 "a web filter may be cutting the traffic.",
                 "De verbinding met {host} werkt, maar de server gaf geen bruikbaar antwoord ({closed}); "
                 "misschien onderbreekt een webfilter het verkeer."),
            Text(f"Please check that no web filter blocks requests to {host} (TCP {port}).",
                 f"Controleer dat geen webfilter verzoeken naar {host} (TCP {port}) blokkeert."),
        ),
    }
    if verdict == "timeout" and stage == "tls":
        return (fill(Text("The connection to {target} opened, but the secure (TLS) handshake got no answer"
                          "{within}; a firewall or proxy may be holding HTTPS traffic.",
                          "De verbinding met {target} ging open, maar de beveiligde (TLS-)handshake kreeg "
                          "geen antwoord{within}; misschien houdt een firewall of proxy HTTPS tegen."),
                     target=_target(host, port), within=_within(facts)),
                _allow_https(host, port))
    found = texts.get(verdict)
    if found is None:
        return None
    either = Text(" or ", " of ")
    expected_text = (Text(either.en.join(expected), either.nl.join(expected)) if expected
                     else Text("a public certificate authority", "een publieke certificaatautoriteit"))
    return (fill(found[0], expected=expected_text, closed=_fact(facts, "error", words.CONNECTION_CLOSED),
                 **values), found[1])


def describe(verdict: str, stage: str | None, kind: str, host: str, port: int, note: Text,
             expected: Sequence[str], facts: Mapping[str, str]) -> tuple[Text, Text]:
    """(what happened, what to ask the customer's IT for); the second is empty when nothing is needed."""
    target = _target(host, port)
    allow_tcp = Text(f"Please allow outgoing TCP connections from the phone network to {host} on port "
                     f"{port}; "
                     "phones connect directly, not through a proxy.",
                     f"Sta uitgaande TCP-verbindingen van het telefoonnetwerk naar {host} op poort {port} "
                     "toe; "
                     "telefoons maken rechtstreeks verbinding, niet via een proxy.")
    dns_ask = Text(f"Please make sure the DNS servers the phones get (by DHCP) resolve {host}.",
                   f"Zorg dat de DNS-servers die de telefoons (via DHCP) krijgen {host} kunnen opzoeken.")
    ntp_ask = Text(f"Please allow outgoing NTP (UDP port {port}) to {host}.",
                   f"Sta uitgaand NTP (UDP-poort {port}) naar {host} toe.")
    within = _within(facts)
    if verdict == "ok":
        if kind == "ntp":
            offset = facts.get("offset_s", "?")
            return (Text(f"The time server {host} answers; this laptop's clock is {offset} s off, which is "
                         "fine.",
                         f"De tijdserver {host} antwoordt; de klok van deze laptop wijkt {offset} s af, "
                         "dat is prima."), NOTHING)
        status = facts.get("http_status", "?")
        if kind == "https":
            issuer = _fact(facts, "issuer", same("?"))
            return (fill(Text("{host} is reachable over HTTPS with a valid certificate from {issuer}; "
                              "it answered (HTTP {status}).",
                              "{host} is bereikbaar via HTTPS met een geldig certificaat van {issuer}; "
                              "hij antwoordde (HTTP {status})."), host=host, issuer=issuer, status=status),
                    NOTHING)
        return (Text(f"{host} is reachable and answered (HTTP {status}).",
                     f"{host} is bereikbaar en antwoordde (HTTP {status})."), NOTHING)
    if verdict == "skipped":
        return (note if note.en else Text("Not checked.", "Niet gecontroleerd.")), NOTHING
    if verdict == "info":
        return (Text("What this laptop can see of its own network (best effort; the phones' network may "
                     "differ).",
                     "Wat deze laptop van zijn eigen netwerk kan zien (voor zover mogelijk; het netwerk van "
                     "de "
                     "telefoons kan anders zijn)."), NOTHING)
    if verdict == "cancelled":
        return Text("Not finished: the site check was cancelled.",
                    "Niet afgerond: de locatiecontrole is geannuleerd."), NOTHING
    if verdict == "error":
        return (fill(Text("The check itself failed unexpectedly ({error}).",
                          "De controle zelf is onverwacht mislukt ({error})."),
                     error=_fact(facts, "error", words.UNKNOWN_ERROR)),
                Text("Nothing yet: run the site check again, and report the problem if it stays.",
                     "Nog niets: voer de locatiecontrole opnieuw uit, en meld het probleem als het blijft."))
    if kind == "https":
        found = _https_sentences(verdict, stage, host, port, expected, facts)
        if found:
            return found
    if verdict == "dns_failure":
        return (fill(Text("The name {host} cannot be looked up on this network ({why}).",
                          "De naam {host} kan op dit netwerk niet worden opgezocht ({why})."),
                     host=host, why=_fact(facts, "error", words.NO_ANSWER)), dns_ask)
    if verdict == "refused":
        return (fill(Text("The connection to {target} was refused: a firewall rejects it, or the server is "
                          "down.",
                          "De verbinding met {target} werd geweigerd: een firewall wijst hem af, of de "
                          "server "
                          "is uit de lucht."), target=target), allow_tcp)
    if verdict == "unreachable":
        return (fill(Text("There is no route to {target} from this network ({error}).",
                          "Er is geen route naar {target} vanaf dit netwerk ({error})."),
                     target=target, error=_fact(facts, "error", words.UNREACHABLE)), allow_tcp)
    if verdict == "timeout":
        return _timeout(stage, host, target, within, allow_tcp, ntp_ask)
    if verdict == "ntp_silent":
        return (fill(Text("The time server {host} did not answer on UDP port {port}{within}.",
                          "De tijdserver {host} antwoordde niet op UDP-poort {port}{within}."),
                     host=host, port=str(port), within=within),
                Text(f"Please allow outgoing NTP (UDP port {port}) to {host}, or give the phones a reachable "
                     "time server by DHCP (option 42): phones with a wrong clock reject valid certificates.",
                     f"Sta uitgaand NTP (UDP-poort {port}) naar {host} toe, of geef de telefoons via DHCP "
                     "(optie 42) een bereikbare tijdserver: telefoons met een verkeerde klok weigeren "
                     "geldige "
                     "certificaten."))
    if verdict == "ntp_bad_answer":
        return (fill(Text("The time server {host} answered, but not usefully ({error}).",
                          "De tijdserver {host} antwoordde, maar niet bruikbaar ({error})."),
                     host=host, error=_fact(facts, "error", words.BAD_ANSWER)),
                Text(f"Please check the time server {host}, or give the phones a working one by DHCP "
                     "(option 42).",
                     f"Controleer de tijdserver {host}, of geef de telefoons via DHCP (optie 42) een "
                     "tijdserver "
                     "die werkt."))
    if verdict == "clock_skew":
        offset = facts.get("offset_s", "?")
        return (Text(f"The time server {host} answers, but this laptop's clock differs from it by {offset} "
                     "s; "
                     "certificate dates checked on this laptop may be misjudged.",
                     f"De tijdserver {host} antwoordt, maar de klok van deze laptop wijkt er {offset} s van "
                     "af; "
                     "certificaatdatums die deze laptop controleert, kunnen verkeerd beoordeeld worden."),
                Text(f"If this laptop's clock is right, please check the time server {host}: phones that "
                     "take "
                     "a wrong time reject valid certificates. Otherwise set this laptop's clock and check "
                     "again.",
                     f"Klopt de klok van deze laptop, controleer dan de tijdserver {host}: telefoons met een "
                     "verkeerde tijd weigeren geldige certificaten. Zet anders de klok van deze laptop goed "
                     "en "
                     "controleer opnieuw."))
    name = target if target.en else Text("The check", "De controle")
    return (fill(Text("{name}: {verdict}.", "{name}: {verdict}."), name=name,
                 verdict=words.verdict_words(verdict)), NOTHING)


def _timeout(stage: str | None, host: str, target: Text, within: Text, allow_tcp: Text,
             ntp_ask: Text) -> tuple[Text, Text]:
    if stage == "dns":
        return (fill(Text("The DNS lookup of {host} got no answer{within}.",
                          "Het opzoeken van {host} in DNS kreeg geen antwoord{within}."),
                     host=host, within=within),
                Text(f"Please make sure the DNS servers the phones get (by DHCP) answer and resolve {host}.",
                     f"Zorg dat de DNS-servers die de telefoons (via DHCP) krijgen antwoorden en {host} "
                     "kunnen opzoeken."))
    if stage == "http":
        return (fill(Text("The connection to {target} works, but the server sent no answer{within}; "
                          "a web filter or proxy may be holding the request.",
                          "De verbinding met {target} werkt, maar de server gaf geen antwoord{within}; "
                          "misschien houdt een webfilter of proxy het verzoek tegen."),
                     target=target, within=within),
                Text(f"Please check that no web filter or proxy holds requests to {host}.",
                     f"Controleer dat geen webfilter of proxy verzoeken naar {host} tegenhoudt."))
    if stage == "ntp":
        return (fill(Text("The time server {host} did not answer{within}.",
                          "De tijdserver {host} antwoordde niet{within}."), host=host, within=within),
                ntp_ask)
    return (fill(Text("The connection to {target} got no answer{within}; a firewall probably drops it "
                      "silently.",
                      "De verbinding met {target} kreeg geen antwoord{within}; waarschijnlijk gooit een "
                      "firewall hem stil weg."), target=target, within=within), allow_tcp)
