"""HTTP plumbing under the client: URL rules, TLS, timeouts, and the retry policy for reads."""

from __future__ import annotations

import ipaddress
import random
import re
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from compass_desk import USER_AGENT
from compass_desk.api import schema
from compass_desk.api.errors import InvalidEnvironmentError, quote_input
from compass_desk.domain.text import Text

# A short connect timeout: an installer on a blocked network should hear "cannot reach" quickly.
DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=30.0, write=30.0, pool=10.0)
# Statuses a GET is retried on: gateway trouble, a busy or briefly failing server, and "slow down"
# (429; its Retry-After is honoured like a 503's).
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER_S = 30.0


class BaseUrlError(InvalidEnvironmentError):
    """A base URL the client refuses to use; the message says why."""


def is_loopback_host(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# One DNS label (letters of any script for internationalised names, digits, hyphen, underscore).
_LABEL = re.compile(r"^[\w-]{1,63}$")
_NOT_VALID = Text("{shown} is not a valid web address; {example}",
                  "{shown} is geen geldig webadres; {example}")
_EXAMPLE = Text("use e.g. https://rest.example.com", "gebruik bijvoorbeeld https://rest.example.com")


def normalize_base_url(url: str) -> str:
    """Check a base URL (https://, or http:// on loopback only) and drop a trailing slash.

    Everything a request would later trip over (a broken IPv6 literal, a port out of range, a space
    or control character) is refused here with one sentence, never as a ValueError from below.
    """
    text = (url or "").strip()
    if not text:
        raise BaseUrlError(Text("no address given; {example}", "geen adres opgegeven; {example}")
                           .format(example=_EXAMPLE))
    shown = quote_input(text)
    if any(not ch.isprintable() or ch.isspace() for ch in text):
        raise BaseUrlError(Text(
            "{shown} contains a space, line break or other invisible character; {example}",
            "{shown} bevat een spatie, regeleinde of ander onzichtbaar teken; {example}")
                           .format(shown=shown, example=_EXAMPLE))
    try:
        parts = urlsplit(text)
        scheme = parts.scheme.lower()
        hostname = parts.hostname
    except ValueError:  # e.g. an unclosed IPv6 bracket
        raise BaseUrlError(_NOT_VALID.format(shown=shown, example=_EXAMPLE)) from None
    if scheme not in ("http", "https") or not hostname:
        raise BaseUrlError(Text("{shown} is not a web address; {example}",
                                "{shown} is geen webadres; {example}")
                           .format(shown=shown, example=_EXAMPLE))
    if parts.username or parts.password:
        raise BaseUrlError(Text("the address must not contain a user name or password",
                                "het adres mag geen gebruikersnaam of wachtwoord bevatten"))
    if parts.query or parts.fragment:
        raise BaseUrlError(Text("{shown} has a query or fragment; give only the server's address",
                                "{shown} heeft een query of fragment; geef alleen het adres van de server")
                           .format(shown=shown))
    _check_host(parts.netloc, hostname, shown)
    _check_port(parts.netloc, shown)
    if scheme == "http" and not is_loopback_host(hostname):
        raise BaseUrlError(Text(
            "{shown} uses plain http; Compass Desk only talks to Compass over https "
            "(http is allowed for this computer itself, e.g. the simulator)",
            "{shown} gebruikt gewone http; Compass Desk praat met Compass alleen via https "
            "(http mag alleen voor deze computer zelf, bijvoorbeeld de simulator)").format(shown=shown))
    try:
        httpx.URL(text)  # the last word: whatever httpx would refuse is refused here
    except (httpx.InvalidURL, ValueError):
        raise BaseUrlError(_NOT_VALID.format(shown=shown, example=_EXAMPLE)) from None
    return text.rstrip("/")


def _check_host(netloc: str, hostname: str, shown: str) -> None:
    host_part = netloc.rpartition("@")[2]
    if host_part.startswith("["):
        try:
            ipaddress.IPv6Address(hostname.split("%", 1)[0])
        except ValueError:
            raise BaseUrlError(Text("{shown} has an IPv6 address in brackets that is not valid",
                                    "{shown} heeft tussen haken een IPv6-adres dat niet geldig is")
                               .format(shown=shown)) from None
        return
    name = hostname[:-1] if hostname.endswith(".") else hostname
    if len(name) > 253 or not all(_LABEL.match(label) for label in name.split(".")):
        raise BaseUrlError(Text("{shown} does not have a valid server name; {example}",
                                "{shown} heeft geen geldige servernaam; {example}")
                           .format(shown=shown, example=_EXAMPLE))


def _check_port(netloc: str, shown: str) -> None:
    host_part = netloc.rpartition("@")[2]
    after = host_part.rpartition("]")[2] if host_part.startswith("[") else host_part
    if ":" not in after:
        return
    port = after.rpartition(":")[2]
    if not (port.isascii() and port.isdigit() and 1 <= int(port) <= 65535):
        raise BaseUrlError(Text("{shown} has no valid port; a port is a number from 1 to 65535",
                                "{shown} heeft geen geldige poort; een poort is een getal van 1 t/m 65535")
                           .format(shown=shown))


def origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port or (443 if scheme == "https" else 80)
    if is_loopback_host(host):
        host = "loopback"  # localhost and 127.0.0.1 are the same machine
    return scheme, host, port


def same_origin(a: str, b: str) -> bool:
    return origin(a) == origin(b)


def ssl_context(ca_bundle: str | None = None) -> ssl.SSLContext:
    """The OS trust store (truststore), plus an extra CA bundle when the environment has one."""
    import truststore

    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_bundle:
        path = Path(ca_bundle).expanduser()
        if not path.is_file():
            raise InvalidEnvironmentError(Text("The CA bundle '{path}' does not exist.",
                                               "De CA-bundel '{path}' bestaat niet.").format(path=ca_bundle))
        try:
            context.load_verify_locations(cafile=str(path))
        except (ssl.SSLError, ValueError, OSError):
            raise InvalidEnvironmentError(Text(
                "The CA bundle '{path}' holds no certificate Compass Desk can read (PEM expected).",
                "De CA-bundel '{path}' bevat geen certificaat dat Compass Desk kan lezen (PEM verwacht).")
                .format(path=ca_bundle)) from None
    return context


class DrainingTransport(httpx.BaseTransport):
    """Closes its connection pool only once no request is in flight any more.

    Requests abandoned by a cancel or a shut-down window go on on worker threads while the client is
    closed under them. httpcore's pool forgets, on close, a connection still being made (TCP connect,
    TLS handshake); the request then finished on it and its socket was freed unclosed on the worker
    thread. So ``close()`` returns at once but only marks the pool for closing: the thread that
    releases the last response (within the HTTP timeouts) closes it, and a request arriving after
    the close is refused, as httpx itself refuses it. A response opened with ``stream=True`` and
    never closed would keep the pool open; Compass Desk reads every body whole.
    """

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self._inner = inner
        self._lock = threading.Lock()
        self._in_flight = 0
        self._closing = False
        self._closed = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            if self._closing:
                raise RuntimeError("Cannot send a request, as the client has been closed.")
            self._in_flight += 1
        try:
            response = self._inner.handle_request(request)
            if not isinstance(response.stream, httpx.SyncByteStream):  # not from httpcore: nothing to drain
                raise TypeError(f"unexpected response stream {type(response.stream).__name__}")
        except BaseException:
            self._release()
            raise
        return httpx.Response(
            status_code=response.status_code,
            headers=response.headers,
            stream=_ReleasingStream(response.stream, self._release),
            extensions=response.extensions,
        )

    def close(self) -> None:
        with self._lock:
            self._closing = True
        self._close_if_idle()

    def _release(self) -> None:
        with self._lock:
            self._in_flight -= 1
        self._close_if_idle()

    def _close_if_idle(self) -> None:
        with self._lock:
            now = self._closing and not self._closed and self._in_flight == 0
            self._closed = self._closed or now
        if now:
            self._inner.close()


class _ReleasingStream(httpx.SyncByteStream):
    """A response body that tells its transport, once, that the request is over."""

    def __init__(self, stream: httpx.SyncByteStream, release: Callable[[], None]) -> None:
        self._stream = stream
        self._release: Callable[[], None] | None = release

    def __iter__(self) -> Iterator[bytes]:
        yield from self._stream

    def close(self) -> None:
        release, self._release = self._release, None
        try:
            self._stream.close()
        finally:
            if release is not None:
                release()


class _Client(httpx.Client):
    # Every transport httpx makes (the direct one and those for proxies from the environment) drains.
    def _init_transport(self, *args: Any, **kwargs: Any) -> httpx.BaseTransport:
        return DrainingTransport(super()._init_transport(*args, **kwargs))

    def _init_proxy_transport(self, *args: Any, **kwargs: Any) -> httpx.BaseTransport:
        return DrainingTransport(super()._init_proxy_transport(*args, **kwargs))


def build_http_client(ca_bundle: str | None = None, timeout: httpx.Timeout = DEFAULT_TIMEOUT) -> httpx.Client:
    return _Client(
        verify=ssl_context(ca_bundle),
        timeout=timeout,
        follow_redirects=False,  # redirects are followed by hand, only on the same server
        headers={"User-Agent": USER_AGENT, "Accept": schema.ACCEPT},
        limits=httpx.Limits(max_connections=32, max_keepalive_connections=16),
    )


@dataclass
class RetryPolicy:
    """How GETs are retried: a bounded number of tries, exponential backoff with full jitter.

    ``sleep`` and ``random`` are injectable so tests run instantly and deterministically.
    """

    attempts: int = 3
    base_delay: float = 0.3
    max_delay: float = 4.0
    sleep: Callable[[float], None] = field(default=time.sleep)
    random: Callable[[], float] = field(default=random.random)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before try number ``attempt + 1`` (attempt counts from 1)."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), MAX_RETRY_AFTER_S)
        ceiling: float = min(self.max_delay, self.base_delay * 2.0 ** (attempt - 1))
        return ceiling * (0.5 + 0.5 * self.random())

    def wait(self, attempt: int, retry_after: float | None = None) -> None:
        self.sleep(self.delay(attempt, retry_after))


NO_RETRY = RetryPolicy(attempts=1)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds: a number or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - (now or datetime.now(UTC))).total_seconds())


def is_certificate_error(exc: BaseException) -> bool:
    """A TLS verification failure somewhere in the exception chain (persistent: never retried)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in str(current):
            return True
        current = current.__cause__ or current.__context__
    return False


# Transport failures where the request certainly never reached the server: safe to resend.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)
