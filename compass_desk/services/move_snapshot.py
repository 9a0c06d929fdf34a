"""The snapshot a move by hand keeps in the journal before removing a phone, and its sealing.

Custom settings may hold passwords, so they are encrypted with the keyring-kept key
(:class:`compass_desk.store.vault.Vault`) when a secure keyring exists. Without one they are kept
in the journal as they are while the move is open, and the move says so: losing the phone would be
worse than a password in a local file the user owns. Either way they are removed from the journal
when the move finishes, whatever its outcome.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any

from compass_desk.api.errors import AuthenticationError, UnsupportedOperationError
from compass_desk.domain.models import Company, CustomSetting, Phone, PhoneSnapshot
from compass_desk.domain.move_texts import NOTES, UNPROTECTED_NOTE
from compass_desk.domain.text import Text, same
from compass_desk.services.session import Session
from compass_desk.store import codec
from compass_desk.store.vault import Vault

log = logging.getLogger(__name__)

@dataclass(slots=True)
class MoveRecord:
    """What the journal payload of a move by hand holds (environment, both sides, the snapshot)."""

    environment: str
    base_url: str
    mac: str
    original_url: str
    source: Company
    target: Company
    snapshot: PhoneSnapshot  # custom settings left out: they live in ``sealed`` / ``plain``
    sealed: str | None = None
    plain: list[CustomSetting] | None = None
    notes: list[Text] = field(default_factory=list)  # kept in the journal in English

    @property
    def protected(self) -> bool:
        return self.sealed is not None

    @property
    def phone(self) -> Phone:
        return self.snapshot.phone

    def to_payload(self) -> dict[str, Any]:
        return {
            "version": 1,
            "environment": self.environment,
            "base_url": self.base_url,
            "mac": self.mac,
            "original_url": self.original_url,
            "source": codec.encode(self.source),
            "target": codec.encode(self.target),
            "snapshot": codec.encode(self.snapshot),
            "custom_settings": (
                {"sealed": self.sealed} if self.sealed is not None
                else {"plain": codec.encode(self.plain or [])}
            ),
            "notes": [note.en for note in self.notes],
        }

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> MoveRecord:
        settings = payload.get("custom_settings") or {}
        plain = settings.get("plain")
        return cls(
            environment=str(payload["environment"]),
            base_url=str(payload["base_url"]),
            mac=str(payload["mac"]),
            original_url=str(payload["original_url"]),
            source=codec.decode(Company, payload["source"]),
            target=codec.decode(Company, payload["target"]),
            snapshot=codec.decode(PhoneSnapshot, payload["snapshot"]),
            sealed=settings.get("sealed"),
            plain=[codec.decode(CustomSetting, s) for s in plain] if plain is not None else None,
            notes=[_note(str(n)) for n in payload.get("notes", [])],
        )

    def custom_settings(self, vault: Vault) -> list[CustomSetting] | None:
        """The saved custom settings, or None when they cannot be decrypted any more."""
        if self.sealed is None:
            return list(self.plain or [])
        clear = vault.decrypt(self.sealed.encode("ascii"))
        if clear is None:
            return None
        return [codec.decode(CustomSetting, item) for item in json.loads(clear.decode("utf-8"))]


_KNOWN_NOTES = {note.en: note for note in NOTES}


def _note(english: str) -> Text:
    """A note read back from the journal: ours in every language, anything else as it was written."""
    return _KNOWN_NOTES.get(english) or same(english)


def take_snapshot(session: Session, phone: Phone) -> tuple[Phone, list[CustomSetting], PhoneSnapshot]:
    """Read the phone as it is now, its custom settings and (if readable) its live status.

    Raises ApiError when the phone or its custom settings cannot be read: then nothing may be
    removed, since it could not be put back as it was.
    """
    client = session.client
    current = client.phone(phone.url)
    try:
        settings = client.custom_settings(current)
    except UnsupportedOperationError:
        settings = []  # the environment has none to lose
    status = None
    try:
        status = client.phone_status(current)
    except AuthenticationError:
        raise
    except Exception as exc:  # the live status is only context; the move does not depend on it
        log.info("status not read for the snapshot: %s", type(exc).__name__)
    return current, settings, PhoneSnapshot(current, [], status)


def seal(settings: list[CustomSetting],
         vault: Vault) -> tuple[str | None, list[CustomSetting] | None, Text | None]:
    """(sealed token, None, None) when encrypted; (None, settings, note) when kept as they are."""
    if not settings:
        return None, [], None
    if vault.available:
        data = json.dumps(codec.encode(settings), ensure_ascii=False).encode("utf-8")
        return vault.encrypt(data).decode("ascii"), None, None
    return None, list(settings), UNPROTECTED_NOTE
