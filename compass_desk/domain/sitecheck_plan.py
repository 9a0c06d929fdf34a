"""Which checks a site check runs: parsed from ``resources/sitecheck.toml`` (or a file given with
``--config``) plus, for an environment, its REST and provisioning hosts. Pure: the caller reads the file.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from compass_desk.domain.sitecheck import CheckKind, CheckSpec, RunSettings, SiteCheckConfigError


@dataclass(frozen=True, slots=True)
class EnvironmentHosts:
    name: str
    base_url: str
    ca_bundle: str | None = None


def _text(entry: Mapping[str, Any], key: str, default: str = "") -> str:
    value = entry.get(key, default)
    if not isinstance(value, str):
        raise SiteCheckConfigError(f"'{key}' must be text in the site check configuration")
    return value.strip()


def _number(table: Mapping[str, Any], key: str, default: float, low: float, high: float) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise SiteCheckConfigError(f"'{key}' must be a number from {low:g} to {high:g}")
    return float(value)


def _port(entry: Mapping[str, Any], default: int) -> int:
    value = entry.get("port", default)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 65536:
        raise SiteCheckConfigError("'port' must be a whole number from 1 to 65535")
    return value


def _host_spec(entry: Any) -> CheckSpec:
    if not isinstance(entry, Mapping):
        raise SiteCheckConfigError("every [[host]] of the site check configuration must be a table")
    ident = _text(entry, "id")
    if not ident:
        raise SiteCheckConfigError("every [[host]] of the site check configuration needs an id")
    scheme = _text(entry, "scheme", "https").lower()
    if scheme not in ("https", "http"):
        raise SiteCheckConfigError(f"host '{ident}': scheme must be https or http")
    issuers = entry.get("expected_issuers", [])
    if not isinstance(issuers, list) or not all(isinstance(i, str) for i in issuers):
        raise SiteCheckConfigError(f"host '{ident}': expected_issuers must be a list of text")
    host = _text(entry, "host")
    enabled = bool(entry.get("enabled", True)) and bool(host)
    path = _text(entry, "path", "/") or "/"
    if not path.startswith("/"):
        raise SiteCheckConfigError(f"host '{ident}': path must start with /")
    return CheckSpec(
        id=ident, kind=CheckKind(scheme), title=_text(entry, "title", ident) or ident, host=host,
        port=_port(entry, 443 if scheme == "https" else 80), path=path,
        expected_issuers=tuple(i.strip() for i in issuers if i.strip()),
        public_ca_required=bool(entry.get("public_ca_required", True)), enabled=enabled,
        note=_text(entry, "note"),
    )


def _split_url(url: str) -> tuple[str, str, int]:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url.strip())
        scheme, hostname = parts.scheme.lower(), parts.hostname
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise SiteCheckConfigError(f"'{url}' is not a valid web address") from None
    if scheme not in ("http", "https") or not hostname:
        raise SiteCheckConfigError(f"'{url}' is not a web address; use e.g. https://rest.example.com")
    return scheme, hostname.lower(), port


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def split_host_port(text: str, default_port: int) -> tuple[str, int]:
    """``host``, ``host:port``, ``[v6]:port`` or a bare IPv6 address; a SiteCheckConfigError otherwise."""
    text = text.strip().lower()
    host, port = text, default_port
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        if rest:
            if not rest.startswith(":") or not rest[1:].isdigit():
                raise SiteCheckConfigError(f"'{text}' is not a host name with an optional :port")
            port = int(rest[1:])
    elif text.count(":") == 1:
        host, _, digits = text.partition(":")
        if not digits.isdigit():
            raise SiteCheckConfigError(f"'{text}' is not a host name with an optional :port")
        port = int(digits)
    if not host or not 0 < port < 65536 or any(c in host for c in "/ @?#"):
        raise SiteCheckConfigError(f"'{text}' is not a host name with an optional :port")
    return host, port


def environment_specs(env: EnvironmentHosts, template: str, path: str = "/",
                      provisioning_host: str | None = None) -> list[CheckSpec]:
    """The environment's REST host (used by this app) and its provisioning host (used by phones)."""
    scheme, host, port = _split_url(env.base_url)
    rest = CheckSpec(
        id="compass-rest", kind=CheckKind(scheme), title=f"Compass REST API ({env.name})", host=host,
        port=port, path="/", public_ca_required=False, extra_ca_file=env.ca_bundle,
        note="Used by Compass Desk on this laptop, not by the phones.",
    )
    note = "Phones fetch their settings from here at every boot."
    prov_port = 443
    if provisioning_host:
        prov_host, prov_port = split_host_port(provisioning_host, 443)
    elif host.startswith("rest.") and not _is_ip(host):
        prov_host = template.replace("{domain}", host.removeprefix("rest."))
        note += " The name is assumed from the REST address; give the real one with --provisioning-host."
    else:
        prov_host = ""
        note = (f"The provisioning host cannot be derived from {env.base_url}; "
                "give it with --provisioning-host.")
    prov = CheckSpec(
        id="compass-provisioning", kind=CheckKind.HTTPS, title=f"Compass provisioning ({env.name})",
        host=prov_host, port=prov_port, path=path or "/", enabled=bool(prov_host), note=note,
    )
    return [rest, prov]


LAPTOP_SPEC = CheckSpec(id="laptop", kind=CheckKind.LAPTOP, title="This laptop's network (best effort)")


def build_plan(config: Mapping[str, Any], environment: EnvironmentHosts | None = None, *,
               provisioning_host: str | None = None, include_laptop: bool = True
               ) -> tuple[RunSettings, list[CheckSpec]]:
    """The checks to run, from the parsed ``sitecheck.toml`` (or a file given with --config)."""
    check = config.get("check", {})
    ntp = config.get("ntp", {})
    env_table = config.get("environment", {})
    if not all(isinstance(t, Mapping) for t in (check, ntp, env_table)):
        raise SiteCheckConfigError("[check], [ntp] and [environment] must be tables")
    settings = RunSettings(timeout_s=_number(check, "timeout_s", 8.0, 0.05, 14.0),
                           total_s=_number(check, "total_s", 14.0, 0.1, 14.5))
    hosts = config.get("host", [])
    if not isinstance(hosts, list):
        raise SiteCheckConfigError("'host' must be a list of [[host]] tables")
    specs = [_host_spec(entry) for entry in hosts]
    if environment is not None:
        template = _text(env_table, "provisioning_host", "provisioning.{domain}")
        specs += environment_specs(environment, template, _text(env_table, "provisioning_path", "/"),
                                   provisioning_host)
    server = _text(ntp, "server")
    specs.append(CheckSpec(
        id="ntp", kind=CheckKind.NTP, title="Time server (NTP)", host=server, port=_port(ntp, 123),
        enabled=bool(server), max_offset_s=_number(ntp, "max_offset_s", 60.0, 0.001, 86400.0),
        note="" if server else "No time server is configured.",
    ))
    if include_laptop:
        specs.append(LAPTOP_SPEC)
    seen: set[str] = set()
    for spec in specs:
        if spec.id in seen:
            raise SiteCheckConfigError(f"the check id '{spec.id}' is used twice")
        seen.add(spec.id)
    return settings, specs
