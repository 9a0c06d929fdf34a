"""The weekly-deadline preference names its sources in plain words (not "the seed"), in English and Dutch."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from compass_desk.store.preferences import PREFERENCES

SOURCES = "The Compass documentation gives 00:00 and 03:00; the earlier is the safe choice."


def deadline_help() -> str:
    [preference] = [p for p in PREFERENCES if p.key == "deadline_cutoff"]
    return preference.help


def test_the_deadline_preference_names_the_compass_documentation():
    assert deadline_help().endswith(SOURCES) and "seed" not in deadline_help()


def test_the_deadline_preference_in_dutch(dutch):
    dutch_help = QCoreApplication.translate("PreferenceTexts", deadline_help())
    assert dutch_help.endswith("De documentatie van Compass noemt 00:00 en 03:00; het vroegste tijdstip "
                               "is de veilige keuze.")
