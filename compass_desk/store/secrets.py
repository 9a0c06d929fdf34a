"""Passwords in the system keyring, with an honest answer when the keyring is not secure.

A password is stored per user name *and* server address, so two environments that share a user
name never share a password, and renaming a profile does not lose it.
"""

from __future__ import annotations

import logging
import threading

import keyring
import keyring.errors

from compass_desk import APP_ID
from compass_desk.domain.models import Environment
from compass_desk.domain.text import Text, TextError

log = logging.getLogger(__name__)

SERVICE = APP_ID
# Backends that do not protect a password (or do not store it at all).
_INSECURE = (
    "keyring.backends.fail",
    "keyring.backends.null",
    "keyrings.alt.file",
)
_PLAINTEXT_NAMES = ("plaintext", "uncrypted", "unencrypted")


EMPTY_PASSWORD = Text("An empty password cannot be stored.", "Een leeg wachtwoord kan niet worden bewaard.")
STORE_REFUSED = Text(
    "The system keyring refused to store the password; unlock it, or type the password each time.",
    "De sleutelbos van het systeem weigerde het wachtwoord te bewaren; ontgrendel hem, of typ het "
    "wachtwoord elke keer.",
)
DELETE_REFUSED = Text(
    "The system keyring refused to delete the password.",
    "De sleutelbos van het systeem weigerde het wachtwoord te verwijderen.",
)
KEYRING_WARNING = Text(
    "No secure password store (keyring) was found on this system, so passwords are kept for this "
    "session only; install and unlock a keyring (e.g. GNOME Keyring or KWallet) to remember them.",
    "Er is geen veilige wachtwoordopslag (sleutelbos) gevonden op dit systeem, dus wachtwoorden worden "
    "alleen voor deze sessie bewaard; installeer en ontgrendel een sleutelbos (bijv. GNOME Keyring of "
    "KWallet) om ze te onthouden.",
)


class SecretStoreError(TextError):
    """The keyring refused or failed; the message (``str()`` in English, ``text`` in every language)
    says what to do."""

    def __init__(self, message: str | Text) -> None:
        text = message if isinstance(message, Text) else Text(message, message)
        super().__init__(text)
        self.message = text.en


def account_key(environment: Environment) -> str:
    return f"{environment.username}@{environment.base_url.rstrip('/')}"


class SecretStore:
    """Passwords in the keyring (the OS credential store)."""

    def get_password(self, environment: Environment) -> str | None:
        try:
            return keyring.get_password(SERVICE, account_key(environment))
        except keyring.errors.KeyringError as exc:
            log.warning("keyring read failed: %s", type(exc).__name__)
            return None

    def set_password(self, environment: Environment, password: str) -> None:
        if not password:
            raise SecretStoreError(EMPTY_PASSWORD)
        try:
            keyring.set_password(SERVICE, account_key(environment), password)
        except keyring.errors.KeyringError:
            raise SecretStoreError(STORE_REFUSED) from None

    def delete_password(self, environment: Environment) -> bool:
        try:
            keyring.delete_password(SERVICE, account_key(environment))
        except keyring.errors.PasswordDeleteError:
            return False
        except keyring.errors.KeyringError:
            raise SecretStoreError(DELETE_REFUSED) from None
        return True

    def backend_is_secure(self) -> bool:
        """False when passwords would be lost or kept in plain text (fail, null, plaintext backends)."""
        backend = keyring.get_keyring()
        return backend_is_secure(backend)

    def backend_warning(self) -> str | None:
        """The warning in English (the CLI); :meth:`backend_warning_text` has every language."""
        text = self.backend_warning_text()
        return text.en if text is not None else None

    def backend_warning_text(self) -> Text | None:
        return None if self.backend_is_secure() else KEYRING_WARNING


def backend_is_secure(backend: object) -> bool:
    module = type(backend).__module__
    name = type(backend).__name__.lower()
    if module.startswith(_INSECURE) or any(word in name for word in _PLAINTEXT_NAMES):
        return False
    if module.startswith("keyring.backends.chainer") or type(backend).__name__ == "ChainerBackend":
        # The chainer writes to its highest-priority backend that accepts the password.
        inner = getattr(backend, "backends", [])
        return any(backend_is_secure(b) for b in inner)
    return True


class SessionSecrets:
    """The same interface, in memory only: for when no secure keyring exists."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._passwords: dict[str, str] = {}

    def get_password(self, environment: Environment) -> str | None:
        with self._lock:
            return self._passwords.get(account_key(environment))

    def set_password(self, environment: Environment, password: str) -> None:
        if not password:
            raise SecretStoreError(EMPTY_PASSWORD)
        with self._lock:
            self._passwords[account_key(environment)] = password

    def delete_password(self, environment: Environment) -> bool:
        with self._lock:
            return self._passwords.pop(account_key(environment), None) is not None

    def backend_is_secure(self) -> bool:
        return True  # nothing is written anywhere

    def __repr__(self) -> str:  # never the passwords
        return f"SessionSecrets({len(self._passwords)} stored)"
