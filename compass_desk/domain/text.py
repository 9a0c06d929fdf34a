"""Words for people in every language the app speaks, kept pure so every layer can use them.

Lower layers (domain, api, store, services) word what the user reads as a :class:`Text` (English
and Dutch side by side) instead of a plain English string; the GUI shows ``text.get(language)``,
the CLI and the log the English (``str(text)``). An exception that users read derives from
:class:`TextError`, so its ``str()`` stays English for logs while ``.text`` carries both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

LANGUAGES = ("en", "nl")


@dataclass(frozen=True, slots=True)
class Text:
    """One sentence or paragraph in every language the app speaks."""

    en: str
    nl: str

    def get(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en

    def __str__(self) -> str:
        return self.en

    def format(self, *args: Any, **values: Any) -> Text:
        """Both languages filled with ``str.format``; a Text value fills each language with its own words.

        Values are inserted, never re-parsed: braces in a server's reason or a phone's name are safe.
        """
        return Text(_fill(self.en, "en", args, values), _fill(self.nl, "nl", args, values))

    def __add__(self, other: Text) -> Text:
        """Two sentences one after the other (joined with a space)."""
        return Text(f"{self.en} {other.en}".strip(), f"{self.nl} {other.nl}".strip())


def _fill(template: str, lang: str, args: tuple[Any, ...], values: dict[str, Any]) -> str:
    def pick(value: Any) -> Any:
        text = text_of(value)  # a Text, or an error carrying one, in this language
        return text.get(lang) if text is not None else value

    return template.format(*(pick(a) for a in args), **{k: pick(v) for k, v in values.items()})


def fill(template: Text, **values: Any) -> Text:
    """*template* with its ``{fields}`` filled per language (see :meth:`Text.format`)."""
    return template.format(**values)


def same(word: str) -> Text:
    """A text that reads the same in every language (a name, a number, a version)."""
    return Text(word, word)


def join(texts: list[Text] | tuple[Text, ...], separator: str = " ") -> Text:
    return Text(separator.join(t.en for t in texts), separator.join(t.nl for t in texts))


class TextError(Exception):
    """An error worded for people: ``str()`` is the English sentence, ``.text`` holds every language."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


def text_of(value: object) -> Text | None:
    """The :class:`Text` of *value*: itself, or the ``text`` of an error (None when it has none)."""
    if isinstance(value, Text):
        return value
    text = getattr(value, "text", None)
    return text if isinstance(text, Text) else None


def say(value: object, lang: str) -> str:
    """*value* in *lang*: a Text or a TextError in that language, anything else as ``str()``."""
    text = text_of(value)
    return text.get(lang) if text is not None else str(value)
