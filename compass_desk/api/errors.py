"""Typed errors of the Compass client, each with a ``message`` a person can act on.

Status codes are mapped to error classes in one function, :func:`error_for_status`. Messages never
contain the password or an ``Authorization`` header: they are built from the operation's
description, the status and the server's own short reason only, and that reason is cleaned first
(one printable line, bounded, with the client's password and any credential scrubbed: a server may
echo what it was sent).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote

from compass_desk.domain.text import Text, TextError, same
from compass_desk.logsetup import REDACTED, redact

_MAX_REASON = 200
_MIN_SECRET = 4  # a shorter password found in a reason drops the reason: replacing it would garble it
# Terminal escape sequences (CSI like ESC[2J, OSC like ESC]0;title BEL, and two-character ones).
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-_])|\x9b[0-?]*[ -/]*[@-~]")


def as_text(value: str | Text) -> Text:
    """A phrase as a :class:`Text` (a plain string reads the same in every language)."""
    return value if isinstance(value, Text) else same(value)


def worded(en: str, nl: str, **parts: str | Text) -> Text:
    """A sentence in both languages with *parts* filled in, each part in the sentence's language.

    Parts are inserted, never re-parsed: braces in a server's reason or a phone's name are safe.
    """
    return Text(en, nl).format(**parts)


class ApiError(TextError):
    """Base of every error raised by the Compass client; ``message`` (and ``str()``) is the English,
    ``text`` the sentence in every language.

    A *message* given as a plain string reads the same in every language.
    """

    def __init__(
        self, message: str | Text, *, status: int | None = None, reason: str | None = None
    ) -> None:
        text = as_text(message)
        # Parts of it may come from the server (names, reasons).
        text = Text(one_line(text.en), one_line(text.nl))
        super().__init__(text)
        self.message = text.en
        self.status = status
        self.reason = reason  # the server's own words, when it gave any

    def __str__(self) -> str:
        return self.message


class AuthenticationError(ApiError):
    """401: wrong or expired credentials. Never retried automatically (XMPP lockout)."""


class PermissionDeniedError(ApiError):
    """403: no access, read-only access, or a feature that is not enabled."""


class NotFoundError(ApiError):
    """404: no such resource (deleted, or never there)."""


class ConflictError(ApiError):
    """409: e.g. the MAC address already exists in this environment."""


class InvalidRequestError(ApiError):
    """400 (and other 4xx): the server refused the input; ``reason`` says why."""


class UnsupportedOperationError(ApiError):
    """The environment does not offer this operation (schema, 405 or 406)."""


class ServerError(ApiError):
    """5xx: the server failed."""


class TooManyRequestsError(ApiError):
    """429: the server asks the client to slow down (GETs are retried after ``Retry-After``)."""


class NetworkError(ApiError):
    """The server could not be reached, or the connection broke."""


class CertificateError(NetworkError):
    """The server's TLS certificate is not trusted (never bypassed: there is no switch for that)."""


class ApiTimeoutError(NetworkError):
    """The server did not answer in time."""


class ChangeNotAppliedError(NetworkError):
    """A write whose connection failed, and reading back showed the change was not made."""


class UnexpectedResponseError(ApiError):
    """The answer was not what the API promises: an HTML page, malformed JSON, missing fields."""


class OutcomeUnknownError(ApiError):
    """A write whose connection failed and whose result could not be read back."""


class InvalidEnvironmentError(ApiError, ValueError):
    """An environment the client refuses to use (plain http to a remote host, no such CA file…)."""


def quote_input(text: str, limit: int = 60) -> str:
    """*text* as typed, quoted for a one-line message: control characters shown as escapes
    (``\\n``, ``\\x00``), and a long input cut short with its length."""
    shown = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)
    if len(shown) > limit:
        return f"'{shown[: limit - 1]}…' ({len(text):,} characters)"
    return f"'{shown}'"


def one_line(text: str, limit: int | None = None) -> str:
    """Free text as one printable line (of at most *limit* characters): terminal escape sequences
    and control characters removed, runs of white space made one space."""
    text = _ANSI.sub(" ", text)
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    line = " ".join(text.split())
    if limit is not None and len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return line


def scrub_secrets(text: str, secrets: Iterable[str] = ()) -> str | None:
    """*text* with each given secret (e.g. the client's own password, also percent-encoded or with
    its white space collapsed, in any letter case) and every credential :func:`redact` recognises
    (``Authorization`` values, ``password=…``) replaced by ``***``.

    Returns None when a secret too short to replace without garbling the text occurs in it.
    """
    forms: set[str] = set()
    for secret in secrets:
        if secret:
            forms.update({secret, quote(secret, safe=""), one_line(secret)})
    forms.discard("")
    for form in sorted(forms, key=len, reverse=True):
        pattern = re.compile(re.escape(form), re.IGNORECASE)
        if len(form) < _MIN_SECRET and pattern.search(text):
            return None
        text = pattern.sub(REDACTED, text)
    return redact(text)


def clean_reason(text: str | None, secrets: Iterable[str] = ()) -> str | None:
    """The server's reason as one short, printable, redacted line (None when it said nothing useful
    or nothing that can be shown safely).

    The server may echo what it was sent, so the client's own *secrets* are scrubbed too, from the
    whole text before it is shortened (a cut must not leave half a password behind).
    """
    if not text:
        return None
    secrets = tuple(secrets)
    scrubbed = scrub_secrets(str(text), secrets)  # as sent, before white space is collapsed
    if scrubbed is None:
        return None
    line = scrub_secrets(one_line(scrubbed), secrets)
    if line is None:
        return None
    return one_line(line, _MAX_REASON).rstrip(".").strip() or None


def _with_reason(sentence: Text, reason: str | Text | None) -> Text:
    if not reason:
        return Text(f"{sentence.en}.", f"{sentence.nl}.")
    return worded("{s} (Compass said: {r}).", "{s} (Compass zei: {r}).", s=sentence, r=reason)


def error_for_status(
    status: int,
    what: str | Text,
    reason: str | None = None,
    environment: str = "",
    *,
    secrets: Iterable[str] = (),
) -> ApiError:
    """The one place where an HTTP status becomes a typed error; *what* says what was being done,
    in Dutch as a phrase with "te" ("telefoon X te herstarten"), e.g.
    ``Text("reboot phone X", "telefoon X te herstarten")``.

    *secrets* (the client's password) are scrubbed from the server's *reason*, which may echo them.
    """
    reason = clean_reason(reason, secrets)
    w = as_text(what)
    if status == 401:
        # The server's words are not echoed here: they may repeat the user name.
        where = worded(" for {e}", " voor {e}", e=environment) if environment else same("")
        return AuthenticationError(
            worded(
                "Compass did not accept the user name or password{where}; check them and sign in again.",
                "Compass accepteerde de gebruikersnaam of het wachtwoord niet{where}; controleer ze en "
                "meld je opnieuw aan.",
                where=where,
            ),
            status=status,
            reason=reason,
        )
    if status == 403:
        return PermissionDeniedError(
            _with_reason(worded("You are not allowed to {w}", "Je hebt geen rechten om {w}", w=w), reason),
            status=status,
            reason=reason,
        )
    if status == 404:
        return NotFoundError(
            _with_reason(
                worded(
                    "Could not {w}: it does not exist (any more)",
                    "Het lukte niet om {w}: het bestaat niet (meer)",
                    w=w,
                ),
                reason,
            ),
            status=status,
            reason=reason,
        )
    if status == 409:
        return ConflictError(
            _with_reason(
                worded(
                    "Could not {w}: it conflicts with existing data",
                    "Het lukte niet om {w}: het botst met bestaande gegevens",
                    w=w,
                ),
                reason,
            ),
            status=status,
            reason=reason,
        )
    if status == 405:
        return UnsupportedOperationError(unsupported(w), status=status, reason=reason)
    if status == 406:
        return UnsupportedOperationError(
            Text(
                "This Compass environment offers neither API version 3 nor 2, which Compass Desk needs.",
                "Deze Compass-omgeving biedt geen API-versie 3 of 2, en die heeft Compass Desk nodig.",
            ),
            status=status,
            reason=reason,
        )
    if status == 429:
        return TooManyRequestsError(
            _with_reason(
                worded(
                    "Compass is asking Compass Desk to slow down, so it did not {w}; "
                    "wait a minute and try again",
                    "Compass vraagt Compass Desk om rustiger aan te doen, dus het lukte niet om {w}; "
                    "wacht een minuut en probeer het opnieuw",
                    w=w,
                ),
                reason,
            ),
            status=status,
            reason=reason,
        )
    if 400 <= status < 500:
        return InvalidRequestError(
            _with_reason(
                worded("Compass refused to {w}", "Compass weigerde {w}", w=w),
                reason or Text("the request was not valid", "het verzoek was niet geldig"),
            ),
            status=status,
            reason=reason,
        )
    if status >= 500:
        return ServerError(
            _with_reason(
                worded(
                    "Compass had an internal problem and could not {w}; try again in a moment",
                    "Compass had een intern probleem, dus het lukte niet om {w}; probeer het zo opnieuw",
                    w=w,
                ),
                reason,
            ),
            status=status,
            reason=reason,
        )
    return UnexpectedResponseError(
        worded(
            "Compass answered with unexpected status {status} while trying to {w}.",
            "Compass gaf een onverwachte status {status} bij de poging om {w}.",
            status=str(status),
            w=w,
        ),
        status=status,
        reason=reason,
    )


def unsupported(what: str | Text) -> Text:
    """"Could not *what*: this Compass environment does not support it." (405, or not in the schema)."""
    return worded(
        "Could not {w}: this Compass environment does not support it.",
        "Het lukte niet om {w}: deze Compass-omgeving ondersteunt dat niet.",
        w=what,
    )
