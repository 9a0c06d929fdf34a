"""Encryption of small secrets at rest, with the key kept in the system keyring.

The key is made on first use (Fernet from the ``cryptography`` package) and stored in keyring
under service ``compass-desk``, name ``cache-key``; it never touches the disk. When no usable
keyring backend exists (none, the "fail"/"null" backends, or a plain-text file keyring) or
``cryptography`` is missing, the vault is *unavailable* and says why: callers then store no
secret at all rather than a plain one.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from compass_desk.domain.text import Text, TextError
from compass_desk.store.secrets import SERVICE, backend_is_secure

log = logging.getLogger(__name__)

KEY_NAME = "cache-key"

NO_CRYPTOGRAPHY = Text(
    "Secrets cannot be encrypted because the cryptography package is not installed.",
    "Geheimen kunnen niet worden versleuteld, omdat het pakket cryptography niet is geïnstalleerd.",
)
NO_SECURE_KEYRING = Text(
    "No secure keyring is available to keep the encryption key.",
    "Er is geen veilige sleutelbos om de sleutel voor versleuteling in te bewaren.",
)
KEY_NOT_KEPT = Text(
    "The keyring did not keep the encryption key.",
    "De sleutelbos heeft de sleutel voor versleuteling niet bewaard.",
)
_NOT_USABLE = Text("The keyring cannot be used ({kind}).", "De sleutelbos kan niet worden gebruikt ({kind}).")
_NONE = Text("", "")


def keyring_backend_usable(backend: Any) -> bool:
    """True when *backend* keeps secrets safely (one rule for passwords and the cache key)."""
    return backend_is_secure(backend)


def _fernet() -> Any:
    try:
        from cryptography.fernet import Fernet
    except ImportError:
        return None
    return Fernet


class VaultUnavailable(TextError):
    """No key to encrypt with; ``str(error)`` says why in one sentence (``text``: in every language)."""


class Vault:
    """Encrypt and decrypt bytes with the key from keyring (looked up once, on first use)."""

    def __init__(self, service: str = SERVICE, key_name: str = KEY_NAME) -> None:
        self.service = service
        self.key_name = key_name
        self._lock = threading.Lock()
        self._checked = False
        self._cipher: Any = None
        self._reason = _NONE

    @property
    def available(self) -> bool:
        self._ensure()
        return self._cipher is not None

    @property
    def reason(self) -> str:
        """Why the vault is unavailable, in English (empty when it is available)."""
        return self.reason_text.en

    @property
    def reason_text(self) -> Text:
        """Why the vault is unavailable, in every language (empty when it is available)."""
        self._ensure()
        return self._reason

    def encrypt(self, data: bytes) -> bytes:
        self._ensure()
        if self._cipher is None:
            raise VaultUnavailable(self._reason)
        return bytes(self._cipher.encrypt(data))

    def decrypt(self, token: bytes) -> bytes | None:
        """The plain bytes, or None when the key is gone or another key made the token."""
        self._ensure()
        if self._cipher is None:
            return None
        try:
            return bytes(self._cipher.decrypt(token))
        except Exception:  # cryptography's InvalidToken, or a damaged token of the wrong type
            return None

    def _ensure(self) -> None:
        with self._lock:
            if not self._checked:
                self._cipher, self._reason = self._open()
                self._checked = True

    def _open(self) -> tuple[Any, Text]:
        fernet = _fernet()
        if fernet is None:
            return None, NO_CRYPTOGRAPHY
        import keyring

        try:
            backend = keyring.get_keyring()
            if not keyring_backend_usable(backend):
                return None, NO_SECURE_KEYRING
            key = keyring.get_password(self.service, self.key_name)
            if key is not None:
                try:
                    return fernet(key.encode("ascii")), _NONE
                except (ValueError, UnicodeEncodeError):
                    log.warning("the cache key in keyring is damaged; making a new one")
            key = fernet.generate_key().decode("ascii")
            keyring.set_password(self.service, self.key_name, key)
            if keyring.get_password(self.service, self.key_name) != key:
                return None, KEY_NOT_KEPT
            return fernet(key.encode("ascii")), _NONE
        except Exception as error:  # keyring backends raise many types (D-Bus, Windows, locked)
            log.warning("keyring is not usable for the cache key: %s", error)
            return None, _NOT_USABLE.format(kind=type(error).__name__)
