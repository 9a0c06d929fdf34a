"""Loopback servers for the site check: HTTPS with good and bad certificates, silent ports, NTP.

Nothing here touches the real internet: names resolve through :class:`FakeResolver`, and every
server listens on 127.0.0.1 and is stopped (threads joined, sockets closed) after the session.
"""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from compass_desk.domain.sitecheck import CheckKind, CheckSpec
from compass_desk.services.sitecheck import SiteCheckOptions
from compass_desk.services.sitecheck_probes import to_ntp

PUBLIC_CA = "Compass Test Public CA"
PROXY_CA = "Intercepting Proxy CA"
PRIVATE_CA = "Unknown Private CA"
TIMEOUT = 0.5
NOW = dt.datetime.now(dt.UTC)


# --- certificates ------------------------------------------------------------------------------


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Compass Desk tests"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


@dataclass
class Issued:
    cert: x509.Certificate
    key: ec.EllipticCurvePrivateKey

    def write(self, folder: Path, stem: str) -> tuple[str, str]:
        cert_path, key_path = folder / f"{stem}.pem", folder / f"{stem}.key"
        cert_path.write_bytes(self.cert.public_bytes(serialization.Encoding.PEM))
        key_path.write_bytes(self.key.private_bytes(serialization.Encoding.PEM,
                                                    serialization.PrivateFormat.PKCS8,
                                                    serialization.NoEncryption()))
        return str(cert_path), str(key_path)


def make_ca(common_name: str) -> Issued:
    key = ec.generate_private_key(ec.SECP256R1())
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (x509.CertificateBuilder().subject_name(_name(common_name)).issuer_name(_name(common_name))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(NOW - dt.timedelta(days=30)).not_valid_after(NOW + dt.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                           critical=True)
            .add_extension(ski, critical=False)
            .sign(key, hashes.SHA256()))
    return Issued(cert, key)


def make_leaf(names: list[str], issuer: Issued | None, *, days_from: int = -1, days_to: int = 90) -> Issued:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = _name(names[0])
    signer_key = issuer.key if issuer else key
    builder = (x509.CertificateBuilder().subject_name(subject)
               .issuer_name(issuer.cert.subject if issuer else subject)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(NOW + dt.timedelta(days=days_from))
               .not_valid_after(NOW + dt.timedelta(days=days_to))
               .add_extension(x509.SubjectAlternativeName([x509.DNSName(n) for n in names]), critical=False)
               .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
               .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]),
                              critical=False)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False))
    if issuer:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()), critical=False)
    return Issued(builder.sign(signer_key, hashes.SHA256()), key)


# --- servers -----------------------------------------------------------------------------------


class LoopbackServer:
    """Accepts TCP on 127.0.0.1 and hands each connection to *handle* on its own thread."""

    def __init__(self, handle: Callable[[socket.socket, threading.Event], None]) -> None:
        self.stop_event = threading.Event()
        self._handle = handle
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(32)
        self._listener.settimeout(0.05)
        self.port = self._listener.getsockname()[1]
        self._threads: list[threading.Thread] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self.stop_event.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._run, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _run(self, conn: socket.socket) -> None:
        try:
            self._handle(conn, self.stop_event)
        except (OSError, ssl.SSLError):
            pass  # clients that give up (bad certificate, timeout) are part of the tests
        finally:
            conn.close()

    def stop(self) -> None:
        self.stop_event.set()
        self._thread.join(5)
        self._listener.close()
        for thread in self._threads:
            thread.join(5)


def _read_request(conn: socket.socket) -> None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            return
        data += chunk


def tls_handler(context: ssl.SSLContext, behaviour: str) -> Callable[[socket.socket, threading.Event], None]:
    def handle(conn: socket.socket, stop: threading.Event) -> None:
        conn.settimeout(3)
        with context.wrap_socket(conn, server_side=True) as tls:
            if behaviour == "hang":
                stop.wait(5)
                return
            if behaviour == "close":
                return
            _read_request(tls)
            tls.sendall(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    return handle


def plain_handler(behaviour: str) -> Callable[[socket.socket, threading.Event], None]:
    def handle(conn: socket.socket, stop: threading.Event) -> None:
        conn.settimeout(3)
        if behaviour == "silent":
            stop.wait(5)
            return
        conn.recv(4096)  # one read: a TLS ClientHello has no blank line to wait for
        conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: https://example.invalid/\r\nContent-Length: 0\r\n\r\n")
    return handle


class NtpServer:
    """An SNTP responder on a loopback UDP port: correct, skewed, silent or refusing (kiss-o'-death)."""

    def __init__(self, mode: str = "good", skew_s: float = 0.0) -> None:
        self.mode, self.skew_s = mode, skew_s
        self.stop_event = threading.Event()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.05)
        self.port = self.sock.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self.stop_event.is_set():
            try:
                request, client = self.sock.recvfrom(512)
            except TimeoutError:
                continue
            except OSError:
                return
            if self.mode == "silent" or len(request) < 48:
                continue
            now = time.time() + self.skew_s
            leap, stratum, ref = (3, 2, b"\0\0\0\0") if self.mode == "unsynced" else (0, 2, b"\0\0\0\0")
            if self.mode == "kod":
                stratum, ref = 0, b"RATE"
            header = bytes([(leap << 6) | (4 << 3) | 4, stratum, 6, 0xEC]) + bytes(8) + ref
            reply = header + to_ntp(now - 1) + request[40:48] + to_ntp(now) + to_ntp(now)
            self.sock.sendto(reply, client)

    def stop(self) -> None:
        self.stop_event.set()
        self._thread.join(5)
        self.sock.close()


# --- the resolver ------------------------------------------------------------------------------


class FakeResolver:
    """Names ending in ``.test`` resolve to 127.0.0.1; ``slow.test`` never answers; others fail."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.asked: list[str] = []

    def __call__(self, host: str) -> list[str]:
        self.asked.append(host)
        if host == "slow.test":
            self.release.wait(5)
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        if host.endswith(".test"):
            return ["127.0.0.1"]
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")


@dataclass
class Site:
    """Everything the tests need: ports by behaviour, CA files and a ready options object."""

    ports: dict[str, int]
    public_ca_file: str
    proxy_ca_file: str
    folder: Path
    resolver: FakeResolver

    def options(self, **overrides: object) -> SiteCheckOptions:
        values: dict[str, object] = {
            "resolver": self.resolver, "public_ca_file": self.public_ca_file,
            "extra_ca_files": (self.proxy_ca_file,),
            "laptop_facts": lambda timeout: [("address", "127.0.0.1")],
        }
        values.update(overrides)
        return SiteCheckOptions(**values)  # type: ignore[arg-type]

    def spec(self, server: str, host: str | None = None, **fields: object) -> CheckSpec:
        kind = CheckKind.HTTP if server.startswith("plain") else CheckKind.HTTPS
        values: dict[str, object] = {"id": server, "kind": kind, "title": server,
                                     "host": host or f"{server}.test", "port": self.ports[server]}
        values.update(fields)
        return CheckSpec(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sitecheck-pki")
    public, proxy, private = make_ca(PUBLIC_CA), make_ca(PROXY_CA), make_ca(PRIVATE_CA)
    public_ca_file, _ = public.write(folder, "public-ca")
    proxy_ca_file, _ = proxy.write(folder, "proxy-ca")
    leaves = {
        "good": make_leaf(["good.test", "localhost"], public),
        "expired": make_leaf(["expired.test"], public, days_from=-60, days_to=-2),
        "notyet": make_leaf(["notyet.test"], public, days_from=3, days_to=90),
        "wrongname": make_leaf(["other.example"], public),
        "selfsigned": make_leaf(["selfsigned.test"], None),
        "private": make_leaf(["private.test"], private),
        "proxy": make_leaf(["proxy.test"], proxy),
        "hang": make_leaf(["hang.test"], public),
        "close": make_leaf(["close.test"], public),
    }
    servers: list[LoopbackServer | NtpServer] = []
    ports: dict[str, int] = {}
    for name, leaf in leaves.items():
        cert_file, key_file = leaf.write(folder, name)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert_file, key_file)
        behaviour = name if name in ("hang", "close") else "http"
        server = LoopbackServer(tls_handler(context, behaviour))
        servers.append(server)
        ports[name] = server.port
    for name, behaviour in (("plain", "http"), ("silent", "silent")):
        plain = LoopbackServer(plain_handler(behaviour))
        servers.append(plain)
        ports[name] = plain.port
    for name, mode, skew in (("ntp", "good", 0.0), ("ntp-skewed", "good", 3600.0),
                             ("ntp-silent", "silent", 0.0), ("ntp-kod", "kod", 0.0),
                             ("ntp-unsynced", "unsynced", 0.0)):
        ntp = NtpServer(mode, skew)
        servers.append(ntp)
        ports[name] = ntp.port
    with socket.socket() as closed:  # a port nobody listens on: connections are refused
        closed.bind(("127.0.0.1", 0))
        ports["refused"] = closed.getsockname()[1]
    resolver = FakeResolver()
    try:
        yield Site(ports, public_ca_file, proxy_ca_file, folder, resolver)
    finally:
        resolver.release.set()
        for server in servers:
            server.stop()

