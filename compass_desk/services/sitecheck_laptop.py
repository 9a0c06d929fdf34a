"""What the laptop can tell about its own network, without extra packages (best effort).

Every value is labelled for the report; what cannot be read says so instead of guessing. The
phones' network (their VLAN, their DHCP options) may differ from the laptop's.
"""

from __future__ import annotations

import contextlib
import platform
import socket
import struct
import subprocess
from pathlib import Path

from compass_desk.domain import sitecheck_words as words

# Facts stay English (the stable JSON details); domain.sitecheck_words knows their Dutch.
_NOT_READ = words.NOT_READ.en
# Used only to ask the routing table which local address would be used: connecting a UDP socket
# sends nothing. 192.0.2.1 is TEST-NET-1 (RFC 5737), never a real host.
_PROBE_ADDRESS = ("192.0.2.1", 9)


def outbound_address() -> str | None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(_PROBE_ADDRESS)
            return str(sock.getsockname()[0])
        except OSError:
            return None


def parse_proc_route(text: str) -> tuple[str, str] | None:
    """(interface, gateway) of the IPv4 default route from Linux ``/proc/net/route``."""
    for line in text.splitlines()[1:]:
        fields = line.split()
        if len(fields) < 8:
            continue
        iface, destination, gateway, flags, mask = fields[0], fields[1], fields[2], fields[3], fields[7]
        try:
            if int(destination, 16) == 0 and int(mask, 16) == 0 and int(flags, 16) & 0x2:
                return iface, socket.inet_ntoa(struct.pack("<I", int(gateway, 16)))
        except ValueError:
            continue
    return None


def parse_vlan_config(text: str, iface: str) -> str | None:
    """The VLAN id of *iface* from Linux ``/proc/net/vlan/config`` (``name | id | device``)."""
    for line in text.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3 and parts[0] == iface and parts[1].isdigit():
            return parts[1]
    return None


def parse_macos_route(text: str) -> tuple[str, str] | None:
    """(interface, gateway) from ``route -n get default`` on macOS."""
    values = {}
    for line in text.splitlines():
        key, _, value = line.strip().partition(":")
        values[key.strip()] = value.strip()
    if values.get("gateway") and values.get("interface"):
        return values["interface"], values["gateway"]
    return None


def parse_windows_route(text: str) -> tuple[str, str] | None:
    """(interface address, gateway) of the 0.0.0.0/0 line of ``route print -4``."""
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 5 and fields[0] == "0.0.0.0" and fields[1] == "0.0.0.0":
            return fields[3], fields[2]
    return None


def parse_resolv_conf(text: str) -> list[str]:
    servers = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 2 and fields[0] == "nameserver":
            servers.append(fields[1])
    return servers


def _read(path: str) -> str | None:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _run(command: list[str], timeout: float) -> str | None:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def default_route(timeout: float) -> tuple[str, str] | None:
    system = platform.system()
    if system == "Linux":
        text = _read("/proc/net/route")
        return parse_proc_route(text) if text else None
    if system == "Darwin":
        text = _run(["route", "-n", "get", "default"], timeout)
        return parse_macos_route(text) if text else None
    if system == "Windows":
        text = _run(["route", "print", "-4", "0.0.0.0"], timeout)
        return parse_windows_route(text) if text else None
    return None


def gather_laptop_facts(timeout: float = 2.0) -> list[tuple[str, str]]:
    facts: list[tuple[str, str]] = [("computer", socket.gethostname())]
    address = outbound_address()
    facts.append(("address", address or words.NO_ROUTE_OUT.en))
    route = default_route(timeout)
    if route:
        facts += [("interface", route[0]), ("gateway", route[1])]
    else:
        facts += [("interface", _NOT_READ), ("gateway", _NOT_READ)]
    if platform.system() == "Linux" and route:
        mac = _read(f"/sys/class/net/{route[0]}/address")
        if mac:
            facts.append(("interface MAC", mac.strip()))
        vlan = None
        with contextlib.suppress(Exception):
            vlan = parse_vlan_config(_read("/proc/net/vlan/config") or "", route[0])
        facts.append(("VLAN", vlan or words.NO_VLAN.en))
    else:
        facts.append(("VLAN", _NOT_READ))
    resolv = _read("/etc/resolv.conf") if platform.system() != "Windows" else None
    servers = parse_resolv_conf(resolv) if resolv else []
    facts.append(("DNS servers", ", ".join(servers) if servers else _NOT_READ))
    return facts
