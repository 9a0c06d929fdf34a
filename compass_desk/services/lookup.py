"""Find the phone or organisation a person means: by id, ``self`` URL, MAC (phones) or name."""

from __future__ import annotations

from collections.abc import Callable

from compass_desk.api.errors import NotFoundError
from compass_desk.api.transport import same_origin
from compass_desk.domain.mac import MacError, is_mac, normalize_mac
from compass_desk.domain.models import Company, Phone
from compass_desk.services.session import Session


class NoMatchError(LookupError):
    """Nothing, or more than one thing, matches; the message says which."""

    def __init__(self, message: str, *, ambiguous: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.ambiguous = ambiguous


def _is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def find_phone(session: Session, text: str) -> Phone:
    """A phone by its ``self`` URL, its MAC in any notation, or its (opaque) id."""
    text = text.strip()
    if not text:
        raise NoMatchError("no phone given; name it by MAC address, id or URL")
    if _is_url(text):
        if not same_origin(text, session.client.base_url):
            raise NoMatchError(f"{text} is not an address on {session.client.base_url}", ambiguous=True)
        try:
            return session.client.phone(text)
        except NotFoundError:
            raise NoMatchError(f"there is no phone at {text}") from None
    if is_mac(text):
        matches = session.find_by_mac(text)
        if not matches:
            raise NoMatchError(f"no phone with MAC address {text} in the organisations you can see")
        return matches[0]
    session.ensure_loaded()
    by_id = [p for p in session.phones if p.resource_id == text]
    if len(by_id) == 1:
        return by_id[0]
    if len(by_id) > 1:
        raise NoMatchError(f"more than one phone has id {text}; use its URL instead", ambiguous=True)
    try:
        normalize_mac(text)
    except MacError as exc:
        if any(ch in text for ch in ":-.") or len(text) == 12:
            raise NoMatchError(
                f"no phone with id {text}, and it is not a MAC address either: {exc}"
            ) from None
    raise NoMatchError(f"no phone with id {text} in the organisations you can see")


def find_company(session: Session, text: str) -> Company:
    """An organisation by ``self`` URL, id, or exact name (case-insensitive when unique)."""
    text = text.strip()
    if not text:
        raise NoMatchError("no organisation given; name it by id, URL or exact name")
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
                f"more than one organisation matches '{text}'; use its id instead", ambiguous=True
            )
    raise NoMatchError(f"no organisation '{text}' among the ones you can see")
