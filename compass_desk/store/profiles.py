"""Environment profiles (name, base URL, user name, optional CA bundle) in ``environments.toml``.

No secrets in this file: passwords live in the keyring (``store.secrets``).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from compass_desk.domain.models import Environment
from compass_desk.domain.os_words import os_reason
from compass_desk.domain.text import Text, TextError

FILE_NAME = "environments.toml"
_NAME = re.compile(r"^[\w][\w .@+\-]{0,63}$")


class ProfileError(TextError, ValueError):
    """A profile that cannot be read or saved; the message (``str()`` in English, ``text`` in every
    language) says why."""

    def __init__(self, message: str | Text) -> None:
        super().__init__(message if isinstance(message, Text) else Text(message, message))


def check_name(name: str) -> str:
    if not _NAME.fullmatch(name) or name != name.strip():
        raise ProfileError(
            Text(
                f"'{name}' cannot be an environment name; use up to 64 letters, digits, spaces, '.', '-', "
                "'_', '@' or '+', starting with a letter or digit",
                f"'{name}' kan geen naam van een omgeving zijn; gebruik tot 64 letters, cijfers, spaties, "
                "'.', '-', '_', '@' of '+', en begin met een letter of cijfer",
            )
        )
    return name


def _quote(value: str) -> str:
    # A JSON string with ASCII escapes is a valid TOML basic string.
    return json.dumps(value, ensure_ascii=True)


class ProfileStore:
    def __init__(self, config_dir: str | os.PathLike[str]) -> None:
        self.path = Path(config_dir) / FILE_NAME

    def _read(self) -> dict[str, Environment]:
        if not self.path.exists():
            return {}
        try:
            with self.path.open("rb") as handle:
                data = tomllib.load(handle)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            why: Text | str
            if isinstance(exc, OSError):
                why = os_reason(exc)
            elif isinstance(exc, UnicodeDecodeError):
                why = Text("it is not a text file (UTF-8)", "het is geen tekstbestand (UTF-8)")
            else:
                why = str(exc)  # TOML says where, in English
            raise ProfileError(
                Text("the environment list {path} cannot be read: {why}",
                     "de lijst met omgevingen {path} kan niet worden gelezen: {why}")
                .format(path=self.path, why=why)
            ) from None
        table = data.get("environments", {})
        if not isinstance(table, dict):
            raise ProfileError(
                Text(
                    f"the environment list {self.path} has no [environments] table",
                    f"de lijst met omgevingen {self.path} heeft geen tabel [environments]",
                )
            )
        found: dict[str, Environment] = {}
        for name, entry in table.items():
            found[name] = self._parse(name, entry)
        return found

    def _parse(self, name: str, entry: Any) -> Environment:
        if not isinstance(entry, dict):
            raise ProfileError(
                Text(
                    f"environment '{name}' in {self.path} is not a table",
                    f"omgeving '{name}' in {self.path} is geen tabel",
                )
            )
        base_url, username = entry.get("base_url"), entry.get("username")
        if not isinstance(base_url, str) or not base_url or not isinstance(username, str) or not username:
            raise ProfileError(
                Text(
                    f"environment '{name}' in {self.path} needs base_url and username",
                    f"omgeving '{name}' in {self.path} heeft base_url en username nodig",
                )
            )
        ca_bundle = entry.get("ca_bundle")
        return Environment(
            name, base_url, username, ca_bundle if isinstance(ca_bundle, str) and ca_bundle else None
        )

    def list(self) -> list[Environment]:
        return sorted(self._read().values(), key=lambda e: e.name.casefold())

    def get(self, name: str) -> Environment | None:
        return self._read().get(name)

    def save(self, environment: Environment) -> None:
        check_name(environment.name)
        if not environment.base_url.strip() or not environment.username.strip():
            raise ProfileError(
                Text(
                    "an environment needs an address and a user name",
                    "een omgeving heeft een adres en een gebruikersnaam nodig",
                )
            )
        profiles = self._read()
        profiles[environment.name] = environment
        self._write(profiles)

    def remove(self, name: str) -> bool:
        profiles = self._read()
        if name not in profiles:
            return False
        del profiles[name]
        self._write(profiles)
        return True

    def _write(self, profiles: dict[str, Environment]) -> None:
        lines = ["# Compass Desk environments. Passwords are kept in the system keyring, never here.", ""]
        for env in sorted(profiles.values(), key=lambda e: e.name.casefold()):
            lines.append(f"[environments.{_quote(env.name)}]")
            lines.append(f"base_url = {_quote(env.base_url)}")
            lines.append(f"username = {_quote(env.username)}")
            if env.ca_bundle:
                lines.append(f"ca_bundle = {_quote(env.ca_bundle)}")
            lines.append("")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target and rename, so a crash never leaves half a file.
        fd, tmp = tempfile.mkstemp(prefix=".environments-", suffix=".toml", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write("\n".join(lines))
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
