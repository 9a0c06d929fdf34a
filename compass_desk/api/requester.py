"""Sending requests: auth, media types, decoding, error mapping, read retries, ambiguous writes.

GETs are retried (bounded, backoff with jitter, ``Retry-After`` honoured) on network errors, on
502/503/504 (and 500), on 429 ("slow down"), and on bodies that are not the promised JSON. Writes
are resent only when the request certainly never left this computer; when their outcome is unknown
(timeout, reset, a gateway error) the caller's ``verify`` reads the resource back and decides.
"""

from __future__ import annotations

import base64
import json
import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

import httpx

from compass_desk import USER_AGENT
from compass_desk.api import schema
from compass_desk.api.errors import (
    ApiError,
    ApiTimeoutError,
    AuthenticationError,
    CertificateError,
    ChangeNotAppliedError,
    NetworkError,
    OutcomeUnknownError,
    UnexpectedResponseError,
    error_for_status,
    worded,
)
from compass_desk.api.transport import (
    NOT_SENT,
    RETRY_STATUSES,
    RetryPolicy,
    is_certificate_error,
    retry_after_seconds,
    same_origin,
)
from compass_desk.domain.text import Text

log = logging.getLogger(__name__)

T = TypeVar("T")
# What a request does, for messages: in Dutch a phrase with "te" ("telefoon X te herstarten").
What = str | Text
AMBIGUOUS_WRITE_STATUSES = frozenset({502, 504})  # a gateway answered: the server may have acted
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_MAX_REDIRECTS = 3


def _secrets_of(username: str, password: str) -> tuple[str, ...]:
    """The password, and the Basic credentials token that carries it (a server may echo either)."""
    token = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
    return (password, token) if password else ()


class NotApplied(Exception):
    """Raised by a ``verify`` callback: reading back shows the change was not made."""


class _BadBody(Exception):
    """A body that is not the JSON the API promises (HTML page, truncated or malformed JSON)."""

    def __init__(self, error: UnexpectedResponseError) -> None:
        super().__init__(error.message)
        self.error = error


class Requester:
    def __init__(
        self,
        http: httpx.Client,
        base_url: str,
        username: str,
        password: str,
        environment_name: str,
        retry: RetryPolicy,
        method_override: bool = False,
    ) -> None:
        self._http = http
        self.base_url = base_url
        self._auth = httpx.BasicAuth(username, password)
        self._secrets = _secrets_of(username, password)  # scrubbed from what the server says
        self._environment = environment_name
        self.retry = retry
        self._method_override = method_override
        self._lock = threading.Lock()
        self.api_version: int = schema.SUPPORTED_VERSIONS[0]
        self._auth_error: AuthenticationError | None = None
        self._accept = schema.ACCEPT

    def __repr__(self) -> str:  # never the password
        return f"Requester({self.base_url!r})"

    def set_password(self, username: str, password: str) -> None:
        with self._lock:
            self._auth = httpx.BasicAuth(username, password)
            self._secrets = _secrets_of(username, password)
            self._auth_error = None

    # --- URLs -----------------------------------------------------------------------------
    def absolute(self, path: str) -> str:
        return self.base_url + path

    def check_url(self, url: str) -> str:
        """Credentials go only to the environment's own server, whatever a response points at."""
        try:
            same = same_origin(url, self.base_url)
        except ValueError:  # a broken IPv6 literal or port in a URL the server sent
            raise UnexpectedResponseError(
                Text(
                    "Compass pointed to an address that is not valid; Compass Desk did not follow.",
                    "Compass verwees naar een adres dat niet geldig is; Compass Desk is niet gevolgd.",
                )
            ) from None
        if not same:
            raise UnexpectedResponseError(
                Text(
                    "Compass pointed to a server other than the environment's own; "
                    "Compass Desk did not follow.",
                    "Compass verwees naar een andere server dan die van de omgeving; Compass Desk is niet "
                    "gevolgd.",
                )
            )
        return url

    # --- sending --------------------------------------------------------------------------
    def _transmit(
        self, method: str, url: str, body: Any = None, headers: dict[str, str] | None = None
    ) -> httpx.Response:
        refused = self._auth_error
        if refused is not None:
            # After a 401 the same credentials are never sent again (XMPP locks an IP out after 20).
            raise AuthenticationError(refused.text, status=refused.status)
        all_headers = {"Accept": self._accept, "User-Agent": USER_AGENT, **(headers or {})}
        content = None
        if body is not None:
            content = json.dumps(body).encode("utf-8")
            all_headers["Content-Type"] = schema.media_type(self.api_version)
        if method == "PATCH" and self._method_override:
            method = "POST"
            all_headers[schema.METHOD_OVERRIDE_HEADER] = "PATCH"
        try:
            response = self._http.request(
                method, self.check_url(url), content=content, headers=all_headers, auth=self._auth
            )
        except (httpx.InvalidURL, ValueError) as exc:
            # Nothing was sent: the address (from the server or the environment) cannot be used.
            log.warning("%s %s: not sent, %s", method, url, type(exc).__name__)
            raise UnexpectedResponseError(
                Text(
                    "Compass Desk could not send a request to an address that is not valid; check the "
                    "environment's address.",
                    "Compass Desk kon geen verzoek sturen naar een adres dat niet geldig is; controleer het "
                    "adres van de omgeving.",
                )
            ) from None
        log.debug("%s %s -> %s", method, url, response.status_code)
        return response

    def _network_error(self, exc: httpx.TransportError, what: What) -> NetworkError:
        if is_certificate_error(exc):
            host = urlsplit(self.base_url).hostname or ""
            return CertificateError(
                worded(
                    "The certificate of {host} is not trusted, so Compass Desk did not connect to {w}; if "
                    "your organisation inspects HTTPS with its own certificate authority, add its CA bundle "
                    "to the environment.",
                    "Het certificaat van {host} wordt niet vertrouwd, dus Compass Desk heeft geen verbinding "
                    "gemaakt om {w}; als je organisatie HTTPS inspecteert met een eigen "
                    "certificaatautoriteit, voeg dan haar CA-bundel toe aan de omgeving.",
                    host=host,
                    w=what,
                )
            )
        if isinstance(exc, httpx.TimeoutException):
            return ApiTimeoutError(
                worded(
                    "Compass did not answer in time while trying to {w}; check the network and try again.",
                    "Compass antwoordde niet op tijd bij de poging om {w}; controleer het netwerk en "
                    "probeer het opnieuw.",
                    w=what,
                )
            )
        return NetworkError(
            worded(
                "Could not reach Compass at {url} to {w}; check the network connection and try again.",
                "Compass Desk kon Compass op {url} niet bereiken om {w}; controleer de netwerkverbinding "
                "en probeer het opnieuw.",
                url=self.base_url,
                w=what,
            )
        )

    def _decode(self, response: httpx.Response, what: What) -> Any:
        """JSON of a successful response, or the mapped error; records the served API version."""
        status = response.status_code
        if status == 401:
            error = error_for_status(401, what, None, self._environment)
            assert isinstance(error, AuthenticationError)
            with self._lock:
                self._auth_error = error
            raise error
        if 200 <= status < 300:
            version = schema.served_version(response.headers.get("Content-Type"))
            if version is not None:
                self.api_version = version
            return self._json(response, what, allow_empty=True)
        if status in _REDIRECTS:
            raise UnexpectedResponseError(
                worded(
                    "Compass answered with an unexpected redirect while trying to {w}.",
                    "Compass antwoordde met een onverwachte doorverwijzing bij de poging om {w}.",
                    w=what,
                )
            )
        reason = None
        try:
            reason = schema.error_reason(self._json(response, what, allow_empty=True))
        except _BadBody:
            reason = None  # an error page without readable details: the status says enough
        raise error_for_status(status, what, reason, self._environment, secrets=self._secrets)

    def _json(self, response: httpx.Response, what: What, allow_empty: bool) -> Any:
        text = response.text
        if not text.strip():
            if allow_empty:
                return None
            raise _BadBody(
                UnexpectedResponseError(
                    worded(
                        "Compass sent an empty answer while trying to {w}.",
                        "Compass stuurde een leeg antwoord bij de poging om {w}.",
                        w=what,
                    )
                )
            )
        content_type = response.headers.get("Content-Type", "").lower()
        if "html" in content_type or text.lstrip()[:1] == "<":
            raise _BadBody(
                UnexpectedResponseError(
                    worded(
                        "Compass sent a web page instead of data while trying to {w}; a proxy, captive "
                        "portal or maintenance page may be in the way.",
                        "Compass stuurde een webpagina in plaats van gegevens bij de poging om {w}; "
                        "misschien zit er een proxy, een inlogpagina van het netwerk of een "
                        "onderhoudspagina tussen.",
                        w=what,
                    )
                )
            )
        try:
            return json.loads(text)
        except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting, e.g. 100,000 '['
            raise _BadBody(
                UnexpectedResponseError(
                    worded(
                        "Compass sent an incomplete or malformed answer while trying to {w}; try again.",
                        "Compass stuurde een onvolledig of onleesbaar antwoord bij de poging om {w}; "
                        "probeer het opnieuw.",
                        w=what,
                    )
                )
            ) from None

    # --- reads ----------------------------------------------------------------------------
    def get(self, url: str, what: What, headers: dict[str, str] | None = None, retry: bool = True) -> Any:
        attempts = max(1, self.retry.attempts) if retry else 1
        attempt = 0
        while True:
            attempt += 1
            last = attempt >= attempts
            try:
                response = self._get_following(url, what, headers)
            except httpx.TransportError as exc:
                if last or is_certificate_error(exc):
                    raise self._network_error(exc, what) from exc
                log.info("retrying GET %s after %s", url, type(exc).__name__)
                self.retry.wait(attempt)
                continue
            if response.status_code == 406 and self._accept != schema.FALLBACK_ACCEPT:
                # Like the public JavaScript client: a server that refuses the list gets v2 alone.
                log.info("406 for the offered versions; falling back to API v2")
                self._accept = schema.FALLBACK_ACCEPT
                attempt -= 1
                continue
            if response.status_code in RETRY_STATUSES and not last:
                log.info("retrying GET %s after status %s", url, response.status_code)
                self.retry.wait(attempt, retry_after_seconds(response.headers.get("Retry-After")))
                continue
            try:
                return self._decode(response, what)
            except _BadBody as bad:
                if last:
                    raise bad.error from None
                log.info("retrying GET %s after a body that was not JSON", url)
                self.retry.wait(attempt)

    def _get_following(self, url: str, what: What, headers: dict[str, str] | None) -> httpx.Response:
        for _ in range(_MAX_REDIRECTS + 1):
            response = self._transmit("GET", url, headers=headers)
            location = response.headers.get("Location")
            if response.status_code not in _REDIRECTS or not location:
                return response
            response.close()
            try:
                url = urljoin(url, location)
            except ValueError:
                raise UnexpectedResponseError(
                    worded(
                        "Compass redirected to an address that is not valid while trying to {w}.",
                        "Compass verwees naar een adres dat niet geldig is bij de poging om {w}.",
                        w=what,
                    )
                ) from None
        raise UnexpectedResponseError(
            worded(
                "Compass redirected too many times while trying to {w}.",
                "Compass verwees te vaak door bij de poging om {w}.",
                w=what,
            )
        )

    # --- writes ---------------------------------------------------------------------------
    def write(
        self,
        method: str,
        url: str,
        what: What,
        body: Any = None,
        verify: Callable[[], T] | None = None,
    ) -> Any:
        """Send a write. If its outcome is unknown, return ``verify()``'s value when the change is
        there, raise :class:`ChangeNotAppliedError` when it is not, :class:`OutcomeUnknownError`
        when it cannot be told."""
        attempts = max(1, self.retry.attempts)
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self._transmit(method, url, body)
            except NOT_SENT as exc:
                if attempt >= attempts or is_certificate_error(exc):
                    raise self._network_error(exc, what) from exc
                self.retry.wait(attempt)  # the request never left: sending it again is not blind
                continue
            except httpx.TransportError as exc:
                log.warning("%s %s: outcome unknown after %s; reading back", method, url, type(exc).__name__)
                return self._read_back(what, verify, self._network_error(exc, what))
            if response.status_code in AMBIGUOUS_WRITE_STATUSES:
                log.warning(
                    "%s %s: outcome unknown after status %s; reading back", method, url, response.status_code
                )
                return self._read_back(what, verify, error_for_status(response.status_code, what))
            try:
                return self._decode(response, what)
            except _BadBody:
                # The server accepted the request but its answer is unreadable: read the result back.
                return self._read_back(what, verify, None)

    def _read_back(self, what: What, verify: Callable[[], T] | None, cause: ApiError | None) -> T:
        unknown = OutcomeUnknownError(
            worded(
                "The connection broke while trying to {w}, and Compass Desk could not tell whether it "
                "happened; check in Compass before trying again.",
                "De verbinding viel weg bij de poging om {w}, en Compass Desk kan niet zien of het gelukt "
                "is; kijk in Compass voordat je het opnieuw probeert.",
                w=what,
            )
        )
        if verify is None:
            raise unknown
        try:
            return verify()
        except NotApplied:
            detail = (
                Text(cause.text.en.rstrip("."), cause.text.nl.rstrip("."))
                if cause
                else worded(
                    "Compass did not confirm the request to {w}",
                    "Compass heeft het verzoek om {w} niet bevestigd",
                    w=what,
                )
            )
            raise ChangeNotAppliedError(
                worded(
                    "{detail}; reading back shows nothing changed, so it is safe to try again.",
                    "{detail}; teruglezen laat zien dat er niets veranderd is, dus je kunt het veilig "
                    "opnieuw proberen.",
                    detail=detail,
                )
            ) from None
        except (AuthenticationError, OutcomeUnknownError):
            raise  # already says what is known
        except ApiError as exc:
            raise unknown from exc


def run_verify(check: Callable[[], tuple[bool, T]]) -> Callable[[], T]:
    """Adapt ``check() -> (applied, value)`` to a ``verify`` callback."""

    def verify() -> T:
        applied, value = check()
        if not applied:
            raise NotApplied
        return value

    return verify
