"""The words of changing firmware on Compass (services.firmware), in English and Dutch.

The English is exactly what the CLI, the audit log and the log always said; the GUI shows the
language the user chose.
"""

from __future__ import annotations

from compass_desk.domain.firmware_texts import USE_INSTALLED_LABEL
from compass_desk.domain.text import Text, same

UNEXPECTED = Text("Compass Desk ran into an unexpected problem; check this phone in Compass.",
                  "Compass Desk liep tegen een onverwacht probleem aan; controleer deze telefoon in Compass.")
NOT_STARTED = Text("Not started.", "Niet gestart.")
NOT_VISIBLE = Text("That phone's organisation is not among the ones you can see.",
                   "De organisatie van die telefoon hoort niet bij de organisaties die je kunt zien.")
NO_MODELS = Text("{env} does not list certified firmware, so only '{choice}' can be chosen.",
                 "{env} geeft geen gecertificeerde firmware, dus je kunt alleen ‘{choice}’ kiezen.")
UNKNOWN_MODEL = Text(
    "Compass lists no model '{model}' for {company}, so no firmware is certified for this phone.",
    "Compass kent geen model ‘{model}’ voor {company}, dus voor deze telefoon is geen firmware "
    "gecertificeerd.",
)
NO_UPDATES = Text("{env} does not allow changing phones.", "{env} staat het wijzigen van telefoons niet toe.")
READ_ONLY = Text(
    "You have read-only access to {company}, so its phones' firmware cannot be changed.",
    "Je hebt alleen leesrechten voor {company}, dus je kunt de firmware van de telefoons daar niet wijzigen.",
)
NONE_CHOSEN = Text("No phones were chosen.", "Er zijn geen telefoons gekozen.")
ONE_GROUP = Text("Choose phones of one model in one organisation at a time.",
                 "Kies telefoons van één model in één organisatie tegelijk.")
CONFIRM_AGAIN = Text("This firmware change needs a second confirmation:",
                     "Deze firmwarewijziging vraagt een tweede bevestiging:")
# What happened to one phone.
INSTALLED_CHOICE = Text(USE_INSTALLED_LABEL, "‘geïnstalleerde firmware gebruiken’")  # after "Set to"
CONFIRMED_ON_READ_BACK = Text("Set to {choice} (confirmed on read-back).",
                              "Ingesteld op {choice} (bevestigd bij teruglezen).")
ALREADY_SET = Text("Already set to {choice}.", "Al ingesteld op {choice}.")
GONE = Text("{phone} no longer exists.", "{phone} bestaat niet meer.")
SHOWS_OTHER = Text(
    "Compass answered, but shows firmware '{shown}' instead of {choice}; check the phone in Compass.",
    "Compass antwoordde, maar toont firmware ‘{shown}’ in plaats van {choice}; controleer de telefoon "
    "in Compass.",
)
SET_VERSION = Text("Set to {choice}: the phone installs it at its next provisioning.",
                   "Ingesteld op {choice}: de telefoon installeert die bij de volgende provisioning.")
SET_INSTALLED = Text("Set to {choice}: no firmware instruction.",
                     "Ingesteld op {choice}: geen firmware-instructie.")
PROGRESS_ONE = same("{phone}: {outcome}")
READING_PHONES = Text("Reading the phones of {company}", "De telefoons van {company} lezen")
# The run's summary, piece by piece.
CHANGED_OF = (Text("{changed} of {total} phone changed", "{changed} van {total} telefoon gewijzigd"),
              Text("{changed} of {total} phones changed", "{changed} van de {total} telefoons gewijzigd"))
COUNTED = same(", {count} {what}")
CANCELLED = Text(" (cancelled)", " (gestopt)")
