"""The words of choosing firmware (domain.firmware_plan), in English and Dutch.

Sentence templates and the small pure functions that only build wording from them. The English is
exactly what the CLI, the CSV file and the log always said; the GUI shows the language the user chose.
"""

from __future__ import annotations

from collections import Counter

from compass_desk.domain.phone_words import phone_words as phone_words
from compass_desk.domain.text import Text, fill, join, same

USE_INSTALLED = Text("Use installed firmware", "Geïnstalleerde firmware gebruiken")
USE_INSTALLED_LABEL = USE_INSTALLED.en  # the CLI's and the CSV file's word

EXPLAIN_SET = Text(
    "Compass adds the URL of firmware {version} to the settings it sends to {target}. The phone "
    "downloads the firmware from a Compass web server (not from the vendor) and installs it the next "
    "time it fetches its settings from Compass, at its next provisioning or restart; it restarts "
    "while it upgrades.",
    "Compass zet de URL van firmware {version} in de instellingen die het naar {target} stuurt. De "
    "telefoon downloadt de firmware van een webserver van Compass (niet van de fabrikant) en installeert "
    "die zodra hij zijn instellingen weer bij Compass ophaalt, bij de volgende provisioning of herstart; "
    "tijdens de upgrade herstart hij.",
)
EXPLAIN_INSTALLED = Text(
    "Compass sends no firmware instruction to {target}: each phone keeps the firmware it has. A phone "
    "that has not yet installed a version chosen earlier will no longer get it.",
    "Compass stuurt geen firmware-instructie naar {target}: elke telefoon houdt de firmware die hij "
    "heeft. Een telefoon die een eerder gekozen versie nog niet heeft geïnstalleerd, krijgt die niet meer.",
)
DOWNGRADE_WARNING = Text(
    "Downgrading through provisioning is not always possible: the vendor or the installed firmware "
    "may block it, and the phone then keeps its installed firmware.",
    "Downgraden via provisioning lukt niet altijd: de fabrikant of de geïnstalleerde firmware kan het "
    "blokkeren, en dan houdt de telefoon zijn geïnstalleerde firmware.",
)
UNKNOWN_INSTALLED = Text(
    "The installed firmware of {target} is not known (the phone has not reported it), so Compass Desk "
    "cannot tell whether this is an upgrade or a downgrade.",
    "De geïnstalleerde firmware van {target} is niet bekend (de telefoon heeft die niet gemeld), dus "
    "Compass Desk kan niet zeggen of dit een upgrade of een downgrade is.",
)
SOME_OF_THESE = Text("some of these phones", "sommige van deze telefoons")
WITH_COUNT = same("{text} ({count})")
PHONE_COUNT = (Text("{n} phone", "{n} telefoon"), Text("{n} phones", "{n} telefoons"))
LATEST_MARK = Text("{version} (latest certified): {marks}", "{version} (nieuwste gecertificeerde): {marks}")
OPTION_MARK = Text("{version}: {marks}", "{version}: {marks}")
# How a certified version relates to the installed one, for one phone and for several.
ONE_RELATION = {
    "newer": Text("newer than installed", "nieuwer dan geïnstalleerd"),
    "older": Text("older than installed", "ouder dan geïnstalleerd"),
    "same": Text("same as installed", "gelijk aan geïnstalleerd"),
    "unknown": Text("installed version unknown", "geïnstalleerde versie onbekend"),
}
MANY_RELATION = {
    "newer": Text("newer for {n}", "nieuwer voor {n}"),
    "same": Text("same for {n}", "gelijk voor {n}"),
    "older": Text("older for {n}", "ouder voor {n}"),
    "unknown": Text("unknown for {n}", "onbekend voor {n}"),
}
# Refusals.
NO_CERTIFIED = Text(
    "Compass lists no certified firmware for {model}; keep the installed firmware.",
    "Compass heeft geen gecertificeerde firmware voor {model}; houd de geïnstalleerde firmware.",
)
NOT_CERTIFIED = Text(
    "{version} is not certified for {model}; the certified versions are {versions}.",
    "{version} is niet gecertificeerd voor {model}; de gecertificeerde versies zijn {versions}.",
)
NO_PHONES = Text("There are no phones to change for {target}.",
                 "Er zijn geen telefoons te wijzigen voor {target}.")
WRONG_MODEL = Text("Phone “{name}” is a {model}, not a {wanted}.",
                   "Telefoon “{name}” is een {model}, geen {wanted}.")
MODEL_PHONES = Text("{n} {model} phones", "{n} {model}-telefoons")
THESE_MODEL_PHONES = Text("these {n} {model} phones", "deze {n} {model}-telefoons")
UNKNOWN_VERSION_TEXT = Text("unknown", "onbekend")  # firmware_plan.UNKNOWN_VERSION as shown in a table


def model_phones_words(count: int, model_name: str, *, these: bool = False) -> Text:
    """``7 Yealink T54W phones`` (or ``these 7 …``)."""
    return fill(THESE_MODEL_PHONES if these else MODEL_PHONES, n=count, model=model_name)


def phone_count(count: int) -> Text:
    return fill(PHONE_COUNT[count != 1], n=count)


def option_label(version: str, counts: Counter[str], total: int, newest: bool) -> Text:
    """``10.1.159.12 (latest certified): newer for 3, same for 1``: one line of the choice list."""
    if total == 1:
        marks = ONE_RELATION[next(iter(counts))]
    else:
        marks = join([fill(MANY_RELATION[name], n=counts[name]) for name in MANY_RELATION if counts[name]],
                     ", ")
    return fill(LATEST_MARK if newest else OPTION_MARK, version=version, marks=marks)
