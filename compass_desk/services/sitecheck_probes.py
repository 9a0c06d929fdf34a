"""The network probes of the site check: DNS, TCP, TLS with certificate checks, an HTTP answer, NTP.

Each probe raises :class:`ProbeFailure` with a verdict and the facts it found; the caller in
``services.sitecheck`` turns that into a report line. All sockets get timeouts from a deadline.
Facts are English (the stable JSON details); their fixed phrases come from ``domain.sitecheck_words``,
which also knows their Dutch.
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
import socket
import ssl
import struct
import threading
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from compass_desk.domain import sitecheck_words as words
from compass_desk.domain.sitecheck import CertFacts, Stage, Verdict
from compass_desk.services.cancel import CancelToken

Resolver = Callable[[str], Sequence[str]]  # host name -> addresses; raises OSError when it cannot


class ProbeFailure(Exception):
    def __init__(self, verdict: Verdict, stage: Stage, **facts: str) -> None:
        super().__init__(verdict.value)
        self.verdict = verdict
        self.stage = stage
        self.facts = facts


class Deadline:
    """The time one check may still take; every socket operation gets the smaller of this and *cap*."""

    def __init__(self, seconds: float, cancel: CancelToken | None = None) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds
        self.cancel = cancel

    def remaining(self) -> float:
        return max(0.0, self._end - time.monotonic())

    def checkpoint(self, stage: Stage) -> float:
        """Seconds left for the next step; a timeout failure when none are."""
        if self.cancel is not None:
            self.cancel.raise_if_cancelled()
        left = self.remaining()
        if left <= 0.0:
            raise ProbeFailure(Verdict.TIMEOUT, stage, timeout_s=f"{self.seconds:g}")
        return left


def _fmt_time(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


# --- DNS ---------------------------------------------------------------------------------------


def system_resolver(host: str) -> list[str]:
    """Addresses of *host* from the operating system's resolver, IPv4 first (as most phones use)."""
    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    found: list[str] = []
    for family in (socket.AF_INET, socket.AF_INET6):
        for info in infos:
            address = str(info[4][0])
            if info[0] == family and address not in found:
                found.append(address)
    return found


def resolve(host: str, resolver: Resolver, deadline: Deadline) -> list[str]:
    if is_ip(host):
        return [host.strip("[]")]
    timeout = deadline.checkpoint(Stage.DNS)
    box: dict[str, object] = {}

    def lookup() -> None:
        try:
            box["addresses"] = list(resolver(host))
        except Exception as exc:
            box["error"] = exc

    # A daemon thread: the system resolver has no timeout of its own and must not hold up the exit.
    thread = threading.Thread(target=lookup, name="sitecheck-dns", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise ProbeFailure(Verdict.TIMEOUT, Stage.DNS, timeout_s=f"{deadline.seconds:g}")
    error = box.get("error")
    if error is not None:
        text = getattr(error, "strerror", None) or str(error) or type(error).__name__
        raise ProbeFailure(Verdict.DNS_FAILURE, Stage.DNS, error=str(text))
    addresses = [str(a) for a in box.get("addresses", []) or []]  # type: ignore[attr-defined]
    if not addresses:
        raise ProbeFailure(Verdict.DNS_FAILURE, Stage.DNS, error=words.NO_ADDRESS.en)
    return addresses


# --- TCP ---------------------------------------------------------------------------------------


def connect(addresses: Sequence[str], port: int, deadline: Deadline) -> socket.socket:
    """A connected socket to the first address that accepts; the most telling failure otherwise."""
    failures: list[tuple[Verdict, str]] = []
    for address in addresses:
        timeout = deadline.checkpoint(Stage.CONNECT)
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.settimeout(timeout)
            sock.connect((address, port))
        except TimeoutError:
            sock.close()
            failures.append((Verdict.TIMEOUT, address))
        except ConnectionRefusedError:
            sock.close()
            failures.append((Verdict.REFUSED, address))
        except OSError as exc:
            sock.close()
            failures.append((Verdict.UNREACHABLE, f"{address}: {exc.strerror or exc}"))
        else:
            return sock
    kinds = [verdict for verdict, _ in failures]
    if Verdict.TIMEOUT in kinds or not failures:
        raise ProbeFailure(Verdict.TIMEOUT, Stage.CONNECT, timeout_s=f"{deadline.seconds:g}")
    if Verdict.REFUSED in kinds:
        raise ProbeFailure(Verdict.REFUSED, Stage.CONNECT)
    raise ProbeFailure(Verdict.UNREACHABLE, Stage.CONNECT, error="; ".join(text for _, text in failures))


# --- TLS ---------------------------------------------------------------------------------------


def public_context(cafile: str | None) -> ssl.SSLContext:
    """Verification as a phone does it: public CAs only (the Mozilla list, via certifi)."""
    if cafile is None:
        import certifi

        cafile = certifi.where()
    return ssl.create_default_context(cafile=cafile)


def laptop_context(extra_ca_files: Sequence[str], use_os_store: bool = True) -> ssl.SSLContext:
    """Verification as this laptop does it: the OS store (truststore) plus any extra CA files."""
    if use_os_store:
        import truststore

        context: ssl.SSLContext = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    else:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    for path in extra_ca_files:
        if Path(path).is_file():
            context.load_verify_locations(cafile=path)
    return context


def unverified_context() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def cert_facts(der: bytes) -> CertFacts:
    from cryptography import x509

    cert = x509.load_der_x509_certificate(der)
    names: list[str] = []
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        names += san.get_values_for_type(x509.DNSName)
        names += [str(ip) for ip in san.get_values_for_type(x509.IPAddress)]
    except x509.ExtensionNotFound:
        names += [str(a.value) for a in cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)]
    self_signed = cert.issuer == cert.subject
    if self_signed:
        try:
            cert.verify_directly_issued_by(cert)
        except Exception:  # signed by another key that happens to carry the same name
            self_signed = False
    return CertFacts(
        subject=cert.subject.rfc4514_string(), issuer=cert.issuer.rfc4514_string(), names=tuple(names),
        not_before=cert.not_valid_before_utc, not_after=cert.not_valid_after_utc, self_signed=self_signed,
        issuer_label=_label(cert.issuer),
    )


def _label(name: Any) -> str:
    from cryptography.x509.oid import NameOID

    def first(oid: Any) -> str:
        values = name.get_attributes_for_oid(oid)
        return str(values[0].value) if values else ""

    common, organisation = first(NameOID.COMMON_NAME), first(NameOID.ORGANIZATION_NAME)
    if common and organisation and organisation not in common:
        return f"{common} ({organisation})"
    return common or organisation or name.rfc4514_string()


def cert_details(facts: CertFacts) -> dict[str, str]:
    return {
        "issuer": facts.issuer_label or facts.issuer, "issuer_dn": facts.issuer, "subject": facts.subject,
        "names": ", ".join(facts.names) or words.NO_NAMES.en,
        "not_before": _fmt_time(facts.not_before), "not_after": _fmt_time(facts.not_after),
    }


def handshake(sock: socket.socket, host: str, context: ssl.SSLContext, deadline: Deadline) -> ssl.SSLSocket:
    """TLS over a connected socket (which it takes over); verification failures propagate as they are."""
    sock.settimeout(deadline.checkpoint(Stage.TLS))
    try:
        return context.wrap_socket(sock, server_hostname=host.strip("[]"))
    except ssl.SSLCertVerificationError:
        sock.close()
        raise
    except TimeoutError:
        sock.close()
        raise ProbeFailure(Verdict.TIMEOUT, Stage.TLS, timeout_s=f"{deadline.seconds:g}") from None
    except (ssl.SSLError, OSError) as exc:
        sock.close()
        reason = getattr(exc, "reason", None) or exc.strerror or type(exc).__name__
        raise ProbeFailure(Verdict.TLS_FAILED, Stage.TLS, error=str(reason)) from None


# --- HTTP --------------------------------------------------------------------------------------

_STATUS_LINE = re.compile(rb"^HTTP/\d(?:\.\d)? (\d{3})")


def http_status(sock: socket.socket, host: str, port: int, path: str, default_port: int,
                deadline: Deadline) -> int:
    """Send a GET and read the status line; any status is an answer (the server is reachable)."""
    host_header = host if port == default_port else f"{host}:{port}"
    if ":" in host and not host.startswith("["):
        host_header = f"[{host}]" if port == default_port else f"[{host}]:{port}"
    request = (f"GET {path} HTTP/1.1\r\nHost: {host_header}\r\nUser-Agent: CompassDesk-SiteCheck\r\n"
               "Accept: */*\r\nConnection: close\r\n\r\n").encode("ascii", "replace")
    buffer = b""
    try:
        sock.settimeout(deadline.checkpoint(Stage.HTTP))
        sock.sendall(request)
        while b"\r\n" not in buffer and len(buffer) < 8192:
            sock.settimeout(deadline.checkpoint(Stage.HTTP))
            chunk = sock.recv(4096)
            if not chunk:
                break
            buffer += chunk
    except TimeoutError:
        raise ProbeFailure(Verdict.TIMEOUT, Stage.HTTP, timeout_s=f"{deadline.seconds:g}") from None
    except (ssl.SSLError, OSError) as exc:
        raise ProbeFailure(Verdict.NO_HTTP_ANSWER, Stage.HTTP,
                           error=str(exc.strerror or type(exc).__name__)) from None
    match = _STATUS_LINE.match(buffer)
    if not match:
        error = (words.CLOSED_WITHOUT_ANSWER if not buffer else words.NOT_HTTP).en
        raise ProbeFailure(Verdict.NO_HTTP_ANSWER, Stage.HTTP, error=error)
    return int(match.group(1))


# --- NTP ---------------------------------------------------------------------------------------

NTP_EPOCH = 2208988800  # seconds from 1900-01-01 (NTP) to 1970-01-01 (Unix)


def to_ntp(seconds: float) -> bytes:
    whole = int(seconds)
    return struct.pack(">II", (whole + NTP_EPOCH) & 0xFFFFFFFF, int((seconds - whole) * 2**32) & 0xFFFFFFFF)


def from_ntp(data: bytes) -> float:
    whole, fraction = struct.unpack(">II", data)
    return float(whole - NTP_EPOCH + fraction / 2**32)


def ntp_offset(address: str, port: int, deadline: Deadline, clock: Callable[[], float] = time.time
               ) -> tuple[float, float]:
    """(offset of the server's clock from ours, round-trip delay) by one SNTP v4 query (RFC 4330)."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    with socket.socket(family, socket.SOCK_DGRAM) as sock:
        t1 = clock()
        sent = to_ntp(t1)
        packet = bytes([(0 << 6) | (4 << 3) | 3]) + bytes(39) + sent  # LI 0, version 4, mode client
        try:
            sock.sendto(packet, (address, port))
            while True:
                sock.settimeout(deadline.checkpoint(Stage.NTP))
                data, sender = sock.recvfrom(512)
                t4 = clock()
                # Only the answer to this query counts: from the server, echoing our timestamp.
                if sender[0] == address and len(data) >= 48 and data[24:32] == sent:
                    break
        except (TimeoutError, ProbeFailure):
            raise ProbeFailure(Verdict.NTP_SILENT, Stage.NTP, timeout_s=f"{deadline.seconds:g}") from None
        except OSError as exc:  # an ICMP "port unreachable" comes back as a refused receive
            raise ProbeFailure(Verdict.NTP_SILENT, Stage.NTP, timeout_s=f"{deadline.seconds:g}",
                               error=str(exc.strerror or exc)) from None
    leap, mode, stratum = data[0] >> 6, data[0] & 7, data[1]
    if mode != 4:
        raise ProbeFailure(Verdict.NTP_BAD_ANSWER, Stage.NTP,
                           error=words.NOT_A_SERVER_ANSWER.format(mode=mode).en)
    if stratum == 0:
        code = data[12:16].decode("ascii", "replace").strip("\x00")
        raise ProbeFailure(Verdict.NTP_BAD_ANSWER, Stage.NTP, error=words.SERVER_REFUSED.format(code=code).en)
    if leap == 3:
        raise ProbeFailure(Verdict.NTP_BAD_ANSWER, Stage.NTP,
                           error=words.SERVER_UNSYNCHRONISED.en)
    t2, t3 = from_ntp(data[32:40]), from_ntp(data[40:48])
    return ((t2 - t1) + (t3 - t4)) / 2, (t4 - t1) - (t3 - t2)


def close_quietly(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.close()
