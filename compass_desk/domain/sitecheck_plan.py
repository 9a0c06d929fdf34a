"""Which checks a site check runs: parsed from ``resources/sitecheck.toml`` (or a file given with
``--config``) plus, for an environment, its REST and provisioning hosts. Pure: the caller reads the file.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from compass_desk.domain.sitecheck import CheckKind, CheckSpec, RunSettings, SiteCheckConfigError
from compass_desk.domain.text import Text

# Advice only the CLI gives (it knows its own flags); the GUI shows the note alone.
PROVISIONING_UNKNOWN_HINT = "To check the provisioning host, give it with --provisioning-host HOST."
PROVISIONING_ASSUMED_HINT = "If the provisioning host is another one, give it with --provisioning-host HOST."
CONFIG_FILE_MARK = "{config_file}"  # in a note: replaced by where the app reads the site check file


def _error(en: str, nl: str) -> SiteCheckConfigError:
    return SiteCheckConfigError(Text(en, nl))


@dataclass(frozen=True, slots=True)
class EnvironmentHosts:
    name: str
    base_url: str
    ca_bundle: str | None = None


def _text(entry: Mapping[str, Any], key: str, default: str = "") -> str:
    value = entry.get(key, default)
    if not isinstance(value, str):
        raise _error(f"'{key}' must be text in the site check configuration",
                     f"'{key}' moet tekst zijn in de instellingen van de locatiecontrole")
    return value.strip()


def _number(table: Mapping[str, Any], key: str, default: float, low: float, high: float) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise _error(f"'{key}' must be a number from {low:g} to {high:g}",
                     f"'{key}' moet een getal van {low:g} tot en met {high:g} zijn")
    return float(value)


def _port(entry: Mapping[str, Any], default: int) -> int:
    value = entry.get("port", default)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 65536:
        raise _error("'port' must be a whole number from 1 to 65535",
                     "'port' moet een geheel getal van 1 tot en met 65535 zijn")
    return value


def _host_spec(entry: Any, config_file: str) -> CheckSpec:
    if not isinstance(entry, Mapping):
        raise _error("every [[host]] of the site check configuration must be a table",
                     "elke [[host]] in de instellingen van de locatiecontrole moet een tabel zijn")
    ident = _text(entry, "id")
    if not ident:
        raise _error("every [[host]] of the site check configuration needs an id",
                     "elke [[host]] in de instellingen van de locatiecontrole heeft een id nodig")
    scheme = _text(entry, "scheme", "https").lower()
    if scheme not in ("https", "http"):
        raise _error(f"host '{ident}': scheme must be https or http",
                     f"host '{ident}': scheme moet https of http zijn")
    issuers = entry.get("expected_issuers", [])
    if not isinstance(issuers, list) or not all(isinstance(i, str) for i in issuers):
        raise _error(f"host '{ident}': expected_issuers must be a list of text",
                     f"host '{ident}': expected_issuers moet een lijst met tekst zijn")
    host = _text(entry, "host")
    enabled = bool(entry.get("enabled", True)) and bool(host)
    path = _text(entry, "path", "/") or "/"
    if not path.startswith("/"):
        raise _error(f"host '{ident}': path must start with /", f"host '{ident}': path moet met / beginnen")
    return CheckSpec(
        id=ident, kind=CheckKind(scheme), title=_text(entry, "title", ident) or ident,
        title_nl=_text(entry, "title_nl"), host=host,
        port=_port(entry, 443 if scheme == "https" else 80), path=path,
        expected_issuers=tuple(i.strip() for i in issuers if i.strip()),
        public_ca_required=bool(entry.get("public_ca_required", True)), enabled=enabled,
        note=_text(entry, "note").replace(CONFIG_FILE_MARK, config_file),
        note_nl=_text(entry, "note_nl").replace(CONFIG_FILE_MARK, config_file),
        cli_hint=_text(entry, "cli_hint"),
    )


def _split_url(url: str) -> tuple[str, str, int]:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url.strip())
        scheme, hostname = parts.scheme.lower(), parts.hostname
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise _error(f"'{url}' is not a valid web address", f"'{url}' is geen geldig webadres") from None
    if scheme not in ("http", "https") or not hostname:
        raise _error(f"'{url}' is not a web address; use e.g. https://rest.example.com",
                     f"'{url}' is geen webadres; gebruik bijvoorbeeld https://rest.example.com")
    return scheme, hostname.lower(), port


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _not_host(text: str) -> SiteCheckConfigError:
    return _error(f"'{text}' is not a host name with an optional :port",
                  f"'{text}' is geen hostnaam met eventueel een :poort")


def split_host_port(text: str, default_port: int) -> tuple[str, int]:
    """``host``, ``host:port``, ``[v6]:port`` or a bare IPv6 address; a SiteCheckConfigError otherwise."""
    text = text.strip().lower()
    host, port = text, default_port
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        if rest:
            if not rest.startswith(":") or not rest[1:].isdigit():
                raise _not_host(text)
            port = int(rest[1:])
    elif text.count(":") == 1:
        host, _, digits = text.partition(":")
        if not digits.isdigit():
            raise _not_host(text)
        port = int(digits)
    if not host or not 0 < port < 65536 or any(c in host for c in "/ @?#"):
        raise _not_host(text)
    return host, port


def environment_specs(env: EnvironmentHosts, template: str, path: str = "/",
                      provisioning_host: str | None = None) -> list[CheckSpec]:
    """The environment's REST host (used by this app) and its provisioning host (used by phones)."""
    scheme, host, port = _split_url(env.base_url)
    rest = CheckSpec(
        id="compass-rest", kind=CheckKind(scheme), title=f"Compass REST API ({env.name})", host=host,
        port=port, path="/", public_ca_required=False, extra_ca_file=env.ca_bundle,
        note="Used by Compass Desk on this laptop, not by the phones.",
        note_nl="Gebruikt door Compass Desk op deze laptop, niet door de telefoons.",
    )
    note = Text("Phones fetch their settings from here at every boot.",
                "Telefoons halen hier bij elke start hun instellingen op.")
    prov_port, hint = 443, ""
    if provisioning_host:
        prov_host, prov_port = split_host_port(provisioning_host, 443)
    elif host.startswith("rest.") and not _is_ip(host):
        prov_host = template.replace("{domain}", host.removeprefix("rest."))
        note += Text("The name is assumed from the REST address.", "De naam is afgeleid van het REST-adres.")
        hint = PROVISIONING_ASSUMED_HINT
    else:
        # An IP address or a name without "rest." (the demo, a test server): no name to go on.
        prov_host, hint = "", PROVISIONING_UNKNOWN_HINT
        note = Text("Not checked: the provisioning host cannot be derived from {url}.",
                    "Niet gecontroleerd: de provisioninghost is niet af te leiden uit {url}.").format(
                        url=env.base_url)
    prov = CheckSpec(
        id="compass-provisioning", kind=CheckKind.HTTPS, title=f"Compass provisioning ({env.name})",
        title_nl=f"Compass-provisioning ({env.name})", host=prov_host, port=prov_port, path=path or "/",
        enabled=bool(prov_host), note=note.en, note_nl=note.nl, cli_hint=hint,
    )
    return [rest, prov]


LAPTOP_SPEC = CheckSpec(id="laptop", kind=CheckKind.LAPTOP, title="This laptop's network (best effort)",
                        title_nl="Het netwerk van deze laptop (voor zover mogelijk)")


def build_plan(config: Mapping[str, Any], environment: EnvironmentHosts | None = None, *,
               provisioning_host: str | None = None, include_laptop: bool = True,
               config_file: str = "sitecheck.toml") -> tuple[RunSettings, list[CheckSpec]]:
    """The checks to run, from the parsed ``sitecheck.toml`` (or a file given with --config).

    *config_file* is where an administrator adds hosts (named in notes that say ``{config_file}``).
    """
    check = config.get("check", {})
    ntp = config.get("ntp", {})
    env_table = config.get("environment", {})
    if not all(isinstance(t, Mapping) for t in (check, ntp, env_table)):
        raise _error("[check], [ntp] and [environment] must be tables",
                     "[check], [ntp] en [environment] moeten tabellen zijn")
    settings = RunSettings(timeout_s=_number(check, "timeout_s", 8.0, 0.05, 14.0),
                           total_s=_number(check, "total_s", 14.0, 0.1, 14.5))
    hosts = config.get("host", [])
    if not isinstance(hosts, list):
        raise _error("'host' must be a list of [[host]] tables",
                     "'host' moet een lijst met [[host]]-tabellen zijn")
    specs = [_host_spec(entry, config_file) for entry in hosts]
    if environment is not None:
        template = _text(env_table, "provisioning_host", "provisioning.{domain}")
        specs += environment_specs(environment, template, _text(env_table, "provisioning_path", "/"),
                                   provisioning_host)
    server = _text(ntp, "server")
    specs.append(CheckSpec(
        id="ntp", kind=CheckKind.NTP, title="Time server (NTP)", title_nl="Tijdserver (NTP)", host=server,
        port=_port(ntp, 123), enabled=bool(server),
        max_offset_s=_number(ntp, "max_offset_s", 60.0, 0.001, 86400.0),
        note="" if server else "No time server is configured.",
        note_nl="" if server else "Er is geen tijdserver ingesteld.",
    ))
    if include_laptop:
        specs.append(LAPTOP_SPEC)
    seen: set[str] = set()
    for spec in specs:
        if spec.id in seen:
            raise _error(f"the check id '{spec.id}' is used twice",
                         f"de controle-id '{spec.id}' wordt twee keer gebruikt")
        seen.add(spec.id)
    return settings, specs


def merge_config(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """The built-in configuration with an administrator's file laid over it.

    Tables ([check], [ntp], [environment]) take the file's keys; a [[host]] with a known id changes
    that check (a ``host`` given without ``enabled`` switches a disabled check on), other ids are added.
    """
    merged: dict[str, Any] = {key: dict(value) if isinstance(value, Mapping) else value
                              for key, value in base.items()}
    for key, value in extra.items():
        if key == "host":
            continue
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key].update(value)
        else:
            merged[key] = value
    hosts = extra.get("host", [])
    if not isinstance(hosts, list):
        raise _error("'host' must be a list of [[host]] tables",
                     "'host' moet een lijst met [[host]]-tabellen zijn")
    entries = [dict(entry) for entry in merged.get("host", []) if isinstance(entry, Mapping)]
    for entry in hosts:
        if not isinstance(entry, Mapping):
            raise _error("every [[host]] of the site check configuration must be a table",
                         "elke [[host]] in de instellingen van de locatiecontrole moet een tabel zijn")
        known = next((e for e in entries if e.get("id") == entry.get("id")), None)
        if known is None:
            entries.append(dict(entry))
            continue
        if "host" in entry and "enabled" not in entry:
            known.pop("enabled", None)
        known.update(entry)
    merged["host"] = entries
    return merged
