"""The language of the app: the ``language`` preference, Qt's own strings and ours, pseudo-localisation.

"system" follows ``QLocale.system()``: Dutch when Dutch is among the user's UI languages, else
English (the source language, so it needs no file). Dutch installs Qt's ``qtbase_nl.qm`` (buttons
like Cancel, Restore Defaults) and our ``compass_desk_nl.qm``, built from the ``.ts`` source by
``python -m compass_desk.gui.i18n_build``. A missing ``.qm`` is logged and the app runs in English.

``COMPASS_DESK_PSEUDO=1`` (or a stretch factor such as ``1.6``) makes every translated string
longer and bracketed, so a label that clips shows it at once, and a string without ``tr()``
stands out by looking normal.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from compass_desk.resources import resource_path

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "nl")
CATALOG = "compass_desk"  # compass_desk_<lang>.qm / .ts
QT_CATALOGS = ("qtbase",)
PSEUDO_ENV = "COMPASS_DESK_PSEUDO"
PSEUDO_DEFAULT_SCALE = 1.4

# Kept alive here: Qt does not own installed translators, and the pseudo one is a Python object.
_installed: list[QTranslator] = []
_language = [SOURCE_LANGUAGE]


def translations_dir() -> Path:
    return resource_path("translations")


def resolve_language(choice: str, system: QLocale | None = None) -> str:
    """``"en"`` or ``"nl"`` for the preference value ("system", "en", "nl")."""
    if choice in LANGUAGES:
        return choice
    locale = system or QLocale.system()
    for name in [*locale.uiLanguages(), locale.name()]:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def preferred_language(config_dir: str | os.PathLike[str] | None) -> str:
    """The ``language`` preference resolved; a broken preferences file means "system"."""
    choice = "system"
    if config_dir is not None:
        try:
            from compass_desk.store.preferences import Preferences

            choice = str(Preferences(config_dir).get("language"))
        except Exception as exc:  # the app must start whatever the preferences file holds
            log.warning("language preference not read: %s", exc)
    return resolve_language(choice)


# -- pseudo-localisation ---------------------------------------------------------------------------
# Placeholders, markup and accelerators must survive: {name}, %1, %n, %L1, <b>, &amp;, &&.
_PROTECTED = re.compile(r"\{[^{}]*\}|%L?\d+|%n|<[^<>]+>|&[a-zA-Z]+;|&&")
_ACCENTS = str.maketrans("aeiouyAEIOUYcnCN", "áéîöûýÅÉÎÖÛÝçñÇÑ")


def pseudo_text(text: str, scale: float = PSEUDO_DEFAULT_SCALE) -> str:
    """*text* accented, padded to about *scale* times its length and bracketed; placeholders kept."""
    if not text.strip():
        return text
    parts: list[str] = []
    last = 0
    for match in _PROTECTED.finditer(text):
        parts.append(text[last:match.start()].translate(_ACCENTS))
        parts.append(match.group())
        last = match.end()
    parts.append(text[last:].translate(_ACCENTS))
    count = max(1, round(len(text) * (scale - 1)))
    # Long padding in words of 8, so word-wrapped labels still wrap as translated text would.
    padding = " ".join("~" * min(8, count - i) for i in range(0, count, 8))
    lines = "".join(parts).split("\n")
    lines[0] = "[" + lines[0]
    lines[-1] = lines[-1] + padding + "]"
    return "\n".join(lines)


def pseudo_scale(value: str | None = None) -> float | None:
    """The stretch factor asked for by ``COMPASS_DESK_PSEUDO`` (None: off)."""
    raw = (os.environ.get(PSEUDO_ENV, "") if value is None else value).strip().lower()
    if raw in ("", "0", "no", "off", "false"):
        return None
    if raw in ("1", "yes", "on", "true"):
        return PSEUDO_DEFAULT_SCALE
    try:
        scale = float(raw)
    except ValueError:
        log.warning("%s=%r is not a number; using %s", PSEUDO_ENV, raw, PSEUDO_DEFAULT_SCALE)
        return PSEUDO_DEFAULT_SCALE
    return min(max(scale, 1.0), 3.0)


class PseudoTranslator(QTranslator):
    """Asks *inner* translators first (so Dutch can be stretched too), then stretches the result."""

    def __init__(self, scale: float, inner: list[QTranslator] | None = None) -> None:
        super().__init__()
        self.scale = scale
        self.inner = list(inner or [])

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        for translator in self.inner:
            found = translator.translate(context, source, disambiguation, n)
            if found:
                return pseudo_text(found, self.scale)
        return pseudo_text(source, self.scale)

    def isEmpty(self) -> bool:
        return False


# -- installing ------------------------------------------------------------------------------------
def _qt_translation_dirs() -> list[Path]:
    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    dirs.append(translations_dir())  # a packaged build may ship qtbase_nl.qm beside ours
    return dirs


def load_translators(language: str, directory: Path | None = None) -> list[QTranslator]:
    """Qt's own and our translators for *language*, loaded but not installed; none for English."""
    if language == SOURCE_LANGUAGE:
        return []
    found: list[QTranslator] = []
    ours = QTranslator()
    folder = directory or translations_dir()
    if ours.load(f"{CATALOG}_{language}", str(folder)):
        found.append(ours)
    else:
        log.warning("no compiled translation %s_%s.qm in %s; run 'python -m compass_desk.gui.i18n_build'",
                    CATALOG, language, folder)
    for catalog in QT_CATALOGS:
        qt = QTranslator()
        if any(qt.load(f"{catalog}_{language}", str(where)) for where in _qt_translation_dirs()):
            found.append(qt)
        else:
            log.info("Qt's %s_%s.qm is not installed; Qt's own buttons stay in English", catalog, language)
    return found


def install(language: str, *, directory: Path | None = None,
            pseudo: float | None = None) -> list[QTranslator]:
    """Install the translators for *language* (replacing earlier ones); returns what is installed.

    Call after the QApplication exists and before the first window is built.
    """
    uninstall()
    translators = load_translators(language, directory)
    if pseudo is not None:
        translators = [PseudoTranslator(pseudo, translators)]
    # The last installed is asked first: ours before Qt's.
    for translator in reversed(translators):
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
    # Dates and numbers in the chosen language, with the system's territory (en_NL: 24-hour clock).
    system = QLocale.system()
    wanted = QLocale.Language.Dutch if language == "nl" else QLocale.Language.English
    QLocale.setDefault(system if system.language() == wanted else QLocale(wanted, system.territory()))
    _language[0] = language
    return translators


def uninstall() -> None:
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
    _language[0] = SOURCE_LANGUAGE
    QLocale.setDefault(QLocale.system())


def setup_language(config_dir: str | os.PathLike[str] | None) -> str:
    """The app's start: read the preference, install translators (and the pseudo mode); returns it."""
    language = preferred_language(config_dir)
    install(language, pseudo=pseudo_scale())
    log.info("user interface language: %s", language)
    return language


def current_language() -> str:
    """The language installed last (English when nothing is installed)."""
    return _language[0]


def localize(value: object) -> str:
    """A lower layer's words (a ``Text`` or an error carrying one) in the installed language."""
    from compass_desk.domain.text import say

    return say(value, current_language())
