"""Find the phone or organisation a person means: by id, ``self`` URL, MAC (phones) or name."""

from __future__ import annotations

from collections.abc import Callable

from compass_desk.api.errors import NotFoundError
from compass_desk.api.transport import same_origin
from compass_desk.domain.mac import MacError, is_mac, normalize_mac
from compass_desk.domain.models import Company, Phone
from compass_desk.domain.text import Text, TextError
from compass_desk.services.session import Session


class NoMatchError(TextError, LookupError):
    """Nothing, or more than one thing, matches; the message (English; ``text``: every language)
    says which."""

    def __init__(self, message: str | Text, *, ambiguous: bool = False) -> None:
        text = message if isinstance(message, Text) else Text(message, message)
        super().__init__(text)
        self.message = text.en
        self.ambiguous = ambiguous


def _no(en: str, nl: str, **parts: str) -> Text:
    return Text(en, nl).format(**parts)


def _is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def find_phone(session: Session, text: str) -> Phone:
    """A phone by its ``self`` URL, its MAC in any notation, or its (opaque) id."""
    text = text.strip()
    if not text:
        raise NoMatchError(
            Text(
                "no phone given; name it by MAC address, id or URL",
                "geen telefoon opgegeven; noem hem bij MAC-adres, id of URL",
            )
        )
    if _is_url(text):
        if not same_origin(text, session.client.base_url):
            raise NoMatchError(
                _no("{t} is not an address on {b}", "{t} is geen adres op {b}",
                    t=text, b=session.client.base_url),
                ambiguous=True,
            )
        try:
            return session.client.phone(text)
        except NotFoundError:
            missing = _no("there is no phone at {t}", "er is geen telefoon op {t}", t=text)
            raise NoMatchError(missing) from None
    if is_mac(text):
        matches = session.find_by_mac(text)
        if not matches:
            raise NoMatchError(
                _no(
                    "no phone with MAC address {t} in the organisations you can see",
                    "geen telefoon met MAC-adres {t} in de organisaties die je kunt zien",
                    t=text,
                )
            )
        return matches[0]
    session.ensure_loaded()
    by_id = [p for p in session.phones if p.resource_id == text]
    if len(by_id) == 1:
        return by_id[0]
    if len(by_id) > 1:
        raise NoMatchError(
            _no(
                "more than one phone has id {t}; use its URL instead",
                "meer dan één telefoon heeft id {t}; gebruik zijn URL",
                t=text,
            ),
            ambiguous=True,
        )
    try:
        normalize_mac(text)
    except MacError as exc:
        if any(ch in text for ch in ":-.") or len(text) == 12:
            raise NoMatchError(
                _no(
                    "no phone with id {t}, and it is not a MAC address either: {why}",
                    "geen telefoon met id {t}, en het is ook geen MAC-adres: {why_nl}",
                    t=text,
                    why=exc.text.en,
                    why_nl=exc.text.nl,
                )
            ) from None
    raise NoMatchError(
        _no(
            "no phone with id {t} in the organisations you can see",
            "geen telefoon met id {t} in de organisaties die je kunt zien",
            t=text,
        )
    )


def find_company(session: Session, text: str) -> Company:
    """An organisation by ``self`` URL, id, or exact name (case-insensitive when unique)."""
    text = text.strip()
    if not text:
        raise NoMatchError(
            Text(
                "no organisation given; name it by id, URL or exact name",
                "geen organisatie opgegeven; noem haar bij id, URL of precieze naam",
            )
        )
    companies = session.companies or session.load_companies()
    folded = text.casefold()
    tests: list[Callable[[Company], bool]] = [
        lambda c: c.url == text,
        lambda c: c.entity_id == text,
        lambda c: c.name == text,
        lambda c: folded in (c.name.casefold(), c.shortname.casefold()),
    ]
    for test in tests:
        matches = [c for c in companies if test(c)]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise NoMatchError(
                _no(
                    "more than one organisation matches '{t}'; use its id instead",
                    "meer dan één organisatie past bij '{t}'; gebruik haar id",
                    t=text,
                ),
                ambiguous=True,
            )
    raise NoMatchError(
        _no(
            "no organisation '{t}' among the ones you can see",
            "geen organisatie '{t}' bij de organisaties die je kunt zien",
            t=text,
        )
    )
