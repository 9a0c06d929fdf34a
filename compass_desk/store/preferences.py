"""User preferences, declared once in :data:`PREFERENCES` and kept in ``preferences.toml``.

The declaration (key, type, default, label, choices or range) drives validation here, the
preferences dialog (generated from it) and ``compass-desk`` commands. Loading never fails: a
broken file or a bad value gives the default plus a sentence in :attr:`Preferences.warnings`
(the broken file is kept beside as ``preferences.toml.broken``); unknown keys are ignored but
kept, so a newer version's settings survive a run of an older one.
"""

from __future__ import annotations

import json
import logging
import math
import os
import tempfile
import threading
import tomllib
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compass_desk.domain.text import Text
from compass_desk.store.db import StoreError

log = logging.getLogger(__name__)

FILE_NAME = "preferences.toml"


@dataclass(frozen=True)
class Preference:
    key: str
    type: type  # str, int or bool
    default: Any
    label: str
    help: str = ""
    choices: tuple[tuple[Any, str], ...] = ()  # (value, label); empty = any value of the type
    minimum: int | None = None
    maximum: int | None = None
    unit: str = ""

    def validate(self, value: Any) -> Any:
        """The value if it fits this preference; otherwise ValueError with a sentence."""
        # bool is an int in Python; a checkbox value must not pass as a number, nor the reverse.
        if type(value) is not self.type:
            raise ValueError(f"{self.label} must be {_TYPE_WORDS[self.type]}, not {value!r}.")
        if self.choices and value not in {choice for choice, _ in self.choices}:
            allowed = ", ".join(repr(choice) for choice, _ in self.choices)
            raise ValueError(f"{self.label} must be one of {allowed}, not {value!r}.")
        number = typing.cast(int, value) if self.type is int else 0
        too_low = self.minimum is not None and number < self.minimum
        too_high = self.maximum is not None and number > self.maximum
        if too_low or too_high:
            unit = f" {self.unit}" if self.unit else ""
            raise ValueError(
                f"{self.label} must be between {self.minimum} and {self.maximum}{unit}, not {value}."
            )
        return value

    def parse(self, text: str) -> Any:
        """Read a value typed by a person (command line, text field) and validate it."""
        text = text.strip()
        value: Any = text
        if self.type is int:
            try:
                value = int(text)
            except ValueError:
                raise ValueError(f"{self.label} must be a whole number, not {text!r}.") from None
        elif self.type is bool:
            lowered = text.lower()
            if lowered not in _BOOL_WORDS:
                raise ValueError(f"{self.label} must be yes or no, not {text!r}.")
            value = _BOOL_WORDS[lowered]
        return self.validate(value)


_TYPE_WORDS = {str: "text", int: "a whole number", bool: "yes or no"}
_BOOL_WORDS = {
    "yes": True,
    "true": True,
    "on": True,
    "1": True,
    "no": False,
    "false": False,
    "off": False,
    "0": False,
}

PREFERENCES: tuple[Preference, ...] = (
    Preference(
        "language",
        str,
        "system",
        "Language",
        "The language of the application; takes effect at the next start.",
        choices=(("system", "Same as the system"), ("en", "English"), ("nl", "Nederlands")),
    ),
    Preference(
        "deadline_cutoff",
        str,
        "00:00",
        "Weekly deadline",
        "When registrations at the vendor lapse on Wednesday night (Amsterdam time). The Compass "
        "documentation gives 00:00 and 03:00; the earlier is the safe choice.",
        choices=(("00:00", "Wednesday 00:00 (safe)"), ("03:00", "Wednesday 03:00 (admin manual)")),
    ),
    Preference(
        "refresh_interval_s",
        int,
        60,
        "Live status refresh",
        "How often the live status of the visible phones is read again.",
        minimum=15,
        maximum=3600,
        unit="s",
    ),
    Preference(
        "default_environment",
        str,
        "",
        "Environment at start",
        "The environment profile opened at start; empty opens the one used last.",
    ),
    Preference(
        "cache_size_mb",
        int,
        200,
        "Offline cache size",
        "The most space the stored provisioning files may take; the oldest go first.",
        minimum=10,
        maximum=10_000,
        unit="MB",
    ),
)

BY_KEY: dict[str, Preference] = {preference.key: preference for preference in PREFERENCES}


def preference(key: str) -> Preference:
    try:
        return BY_KEY[key]
    except KeyError:
        raise KeyError(f"there is no preference called {key!r}") from None


Listener = Callable[[str, Any], None]


class Preferences:
    """The preferences stored in *config_dir* (``compass_desk.paths.app_paths().config``)."""

    def __init__(self, config_dir: str | os.PathLike[str]) -> None:
        self.path = Path(config_dir) / FILE_NAME
        self._lock = threading.RLock()
        self._values: dict[str, Any] = {}  # only what was set (or read from the file)
        self._extra: dict[str, Any] = {}  # unknown keys, written back untouched
        self._listeners: list[Listener] = []
        #: Sentences about what could not be read at load (for the GUI to show once).
        self.warning_texts: list[Text] = []
        self._load()

    @property
    def warnings(self) -> list[str]:
        """The load warnings in English (the CLI and the log)."""
        return [text.en for text in self.warning_texts]

    def _warn(self, message: Text) -> None:
        log.warning("%s", message.en)
        self.warning_texts.append(message)

    def _load(self) -> None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as error:
            self._warn(
                Text(
                    f"The preferences file {self.path} cannot be read ({error.strerror}); "
                    "using the defaults.",
                    f"Het voorkeurenbestand {self.path} kan niet worden gelezen ({error.strerror}); de "
                    "standaardwaarden worden gebruikt.",
                )
            )
            return
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            self._warn(
                Text(
                    f"The preferences file {self.path} is damaged ({error}); using the defaults.",
                    f"Het voorkeurenbestand {self.path} is beschadigd ({error}); de standaardwaarden "
                    "worden gebruikt.",
                )
            )
            self._keep_broken()
            return
        for key, value in data.items():
            if key not in BY_KEY:
                if _is_scalar(value):
                    self._extra[key] = value
                continue
            try:
                self._values[key] = BY_KEY[key].validate(value)
            except ValueError as error:
                default = BY_KEY[key].default
                self._warn(
                    Text(
                        f"{error} Using the default, {default!r}.",
                        f"De waarde van {key} in {self.path} is niet geldig ({value!r}); de "
                        f"standaardwaarde {default!r} wordt gebruikt.",
                    )
                )

    def _keep_broken(self) -> None:
        try:
            os.replace(self.path, self.path.with_name(FILE_NAME + ".broken"))
        except OSError as error:
            log.warning("could not move the broken preferences file aside: %s", error)

    def get(self, key: str) -> Any:
        spec = preference(key)
        with self._lock:
            return self._values.get(key, spec.default)

    def values(self) -> dict[str, Any]:
        """Every declared preference with its current value, in declaration order."""
        with self._lock:
            return {spec.key: self._values.get(spec.key, spec.default) for spec in PREFERENCES}

    def is_default(self, key: str) -> bool:
        preference(key)
        with self._lock:
            return key not in self._values

    def set(self, key: str, value: Any) -> None:
        """Validate and store; a bad value raises ValueError and changes nothing."""
        value = preference(key).validate(value)
        with self._lock:
            changed = self._values.get(key, BY_KEY[key].default) != value
            self._save({**self._values, key: value})
        if changed:
            self._notify(key, value)

    def set_text(self, key: str, text: str) -> None:
        """Like :meth:`set` for a value typed as text (``compass-desk`` commands, text fields)."""
        self.set(key, preference(key).parse(text))

    def reset(self, key: str | None = None) -> None:
        """Back to the default: one preference, or all of them."""
        keys = [key] if key is not None else list(BY_KEY)
        for name in keys:
            preference(name)
        with self._lock:
            before = self.values()
            self._save({name: value for name, value in self._values.items() if name not in keys})
            after = self.values()
        for name in keys:
            if before[name] != after[name]:
                self._notify(name, after[name])

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener(key, new_value)`` after a preference changes (on the caller's thread)."""
        self._listeners.append(listener)

    def _notify(self, key: str, value: Any) -> None:
        for listener in list(self._listeners):
            listener(key, value)

    def _save(self, values: dict[str, Any]) -> None:
        """Write *values* to the file, then make them current; nothing changes when writing fails."""
        lines = ["# Compass Desk preferences. Values that do not fit are replaced by the default."]
        for spec in PREFERENCES:
            if spec.key in values:
                lines.append(f"{spec.key} = {_toml_value(values[spec.key])}")
        for key, value in sorted(self._extra.items()):
            lines.append(f"{_toml_key(key)} = {_toml_value(value)}")
        text = "\n".join(lines) + "\n"
        temp: Path | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            # A unique temporary name (mode 0600), so two processes saving at once do not collide.
            fd, name = tempfile.mkstemp(prefix=FILE_NAME + ".", suffix=".tmp", dir=self.path.parent)
            temp = Path(name)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temp, self.path)  # a crash mid-write leaves the old file, never half a one
        except OSError as error:
            why = error.strerror or error
            raise StoreError(
                Text(
                    f"The preferences could not be saved to {self.path} ({why}).",
                    f"De voorkeuren konden niet worden opgeslagen in {self.path} ({why}).",
                )
            ) from error
        finally:
            if temp is not None and temp.exists():
                temp.unlink()
        self._values = values


def _is_scalar(value: Any) -> bool:
    return isinstance(value, str | int | bool) or (isinstance(value, float) and math.isfinite(value))


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    # A JSON string is a TOML basic string once DEL, which TOML forbids raw, is escaped too.
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_key(key: str) -> str:
    bare = key and all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in key)
    return key if bare else json.dumps(key, ensure_ascii=False)
