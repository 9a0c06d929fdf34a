"""The words of moving a phone (services.moves, bulk_move, env_switch, move_snapshot), in English and Dutch.

Templates are filled with :func:`fill`, which takes each value in the template's language when the value
is a :class:`Text` itself (a phone's description, another error's sentence), so no English phrase ends
up inside a Dutch sentence. The English is exactly what the CLI and the log always said.
"""

from __future__ import annotations

from compass_desk.domain.phone_words import capital as capital
from compass_desk.domain.phone_words import phone_title as phone_title
from compass_desk.domain.phone_words import phone_words as phone_words
from compass_desk.domain.text import Text, fill, same, text_of


def bare(text: Text) -> Text:
    """The sentence without its closing full stop (to go inside another sentence)."""
    return Text(text.en.rstrip("."), text.nl.rstrip("."))


def said(error: BaseException) -> Text:
    """What *error* says, in every language it was worded in (an untranslated one as it is)."""
    text = text_of(error)
    if text is not None:
        return text
    message = getattr(error, "message", None)
    return same(message if isinstance(message, str) else str(error))


DONE = Text("Done", "Klaar")
READING_BACK = Text("Reading the phone back…", "De telefoon opnieuw uit Compass lezen…")

# -- services.moves: the API move ------------------------------------------------------------------
MOVING_API = Text("Moving {phone} to {target}…", "{phone} verplaatsen naar {target}…")
NOT_VERIFIED_API = Text(
    "Compass accepted the move, but {phone} still shows another organisation; check it in Compass before "
    "trying again.",
    "Compass heeft de verplaatsing aangenomen, maar {phone} staat nog in een andere organisatie; controleer "
    "hem in Compass voordat je het opnieuw probeert.",
)
MOVED_API = Text(
    "{phone} is now in {target}; the new name should appear on the phone's display almost at once.",
    "{phone} staat nu in {target}; de nieuwe naam hoort vrijwel meteen op het display van de telefoon te "
    "verschijnen.",
)

# -- services.moves: the move by hand --------------------------------------------------------------
SAVING = Text("Saving everything about {phone} in the journal…", "Alles over {phone} in het logboek bewaren…")
MOVED_MEANWHILE = Text(
    "{phone} was moved by someone else meanwhile; refresh and try again.",
    "{phone} is intussen door iemand anders verplaatst; vernieuw en probeer het opnieuw.",
)
NO_SUCH_MOVE = Text("There is no journalled move with id {op}.",
                    "Er is geen verplaatsing met nummer {op} in het logboek.")
ALREADY_FINISHED = Text("Move {op} is already finished ({outcome}).",
                        "Verplaatsing {op} is al afgerond ({outcome}).")
# The journal's outcome words (stored in English), as the user reads them.
OUTCOMES = {
    "done": Text("done", "klaar"),
    "undone": Text("undone", "teruggezet"),
    "failed": Text("failed", "mislukt"),
    "elsewhere": Text("elsewhere", "elders"),
}
OTHER_ENVIRONMENT = Text(
    "Move {op} was made on environment {environment}; sign in there to finish or undo it.",
    "Verplaatsing {op} is gemaakt op omgeving {environment}; meld je daar aan om haar af te maken of "
    "ongedaan te maken.",
)
NOT_EVERY_ORGANISATION = Text(
    "Could not read every organisation ({names}) to find the phone.",
    "Niet elke organisatie kon worden gelezen ({names}) om de telefoon te vinden.",
)
CANNOT_CHECK = Text(
    "Could not check where phone {mac} is now ({reason}); nothing more was changed. Resume or undo move {op} "
    "when Compass can be reached.",
    "Kon niet controleren waar telefoon {mac} nu staat ({reason}); er is verder niets gewijzigd. Maak "
    "verplaatsing {op} af of maak haar ongedaan zodra Compass bereikbaar is.",
)
CHECKING_MOVE = Text("Moving phone {mac}: checking where it is…",
                     "Telefoon {mac} verplaatsen: controleren waar hij staat…")
CHECKING_UNDO = Text("Putting back phone {mac}: checking where it is…",
                     "Telefoon {mac} terugzetten: controleren waar hij staat…")
MOVED_ELSEWHERE = Text(
    "Phone {mac} is now in {company}; someone else moved it there, so nothing more was changed.",
    "Telefoon {mac} staat nu in {company}; iemand anders heeft hem daarheen verplaatst, dus er is verder "
    "niets gewijzigd.",
)
REMOVING = Text("Removing the phone from {company}…", "De telefoon verwijderen uit {company}…")
ADDING = Text("Adding the MAC address to {company}…", "Het MAC-adres toevoegen aan {company}…")
NOT_SETTLED = Text(
    "Move {op} did not settle after several steps; resume or undo it later.",
    "Verplaatsing {op} is na meerdere stappen nog niet rond; maak haar later af of maak haar ongedaan.",
)
SIGN_IN_AGAIN = Text(
    "{reason} Move {op} is kept in the journal; resume or undo it after signing in again.",
    "{reason} Verplaatsing {op} blijft in het logboek; maak haar af of maak haar ongedaan nadat je opnieuw "
    "bent aangemeld.",
)
NOTHING_CHANGED = Text("{reason}; nothing was changed.", "{reason}; er is niets gewijzigd.")
IS_IN = Text("it is in {company}", "hij staat in {company}")
IN_NEITHER = Text(
    "it is in neither organisation right now, and its snapshot is safe in the journal",
    "hij staat nu in geen van beide organisaties, en zijn momentopname is veilig in het logboek",
)
STOPPED_MIDWAY = Text(
    "{reason}; {where}. Try again, or put it back in {source} (move {op} in the journal).",
    "{reason}; {where}. Probeer het opnieuw, of zet hem terug in {source} (verplaatsing {op} in het "
    "logboek).",
)
NOT_READ_BACK = Text(
    "The phone is in place, but could not be read back ({reason}); resume move {op} to check again.",
    "De telefoon staat op zijn plek, maar kon niet opnieuw worden gelezen ({reason}); maak verplaatsing {op} "
    "af om het opnieuw te controleren.",
)
MOVED_MANUAL = Text(
    "{phone} is now in {company}. Reset it to factory defaults so that it picks up its new organisation.",
    "{phone} staat nu in {company}. Reset hem naar de fabrieksinstellingen, zodat hij zijn nieuwe "
    "organisatie oppikt.",
)
PUT_BACK = Text("{phone} is back in {company}.", "{phone} staat weer in {company}.")
READ_BACK_ELSEWHERE = Text(
    "Reading the phone back shows it in another organisation than {company}; check it in Compass.",
    "Opnieuw gelezen staat de telefoon in een andere organisatie dan {company}; controleer hem in Compass.",
)
SETTINGS_NOT_RESTORED = Text(
    "The phone is back in {company}, but its settings could not be put back ({reason}); undo move {op} again "
    "to retry that.",
    "De telefoon staat weer in {company}, maar zijn instellingen konden niet worden teruggezet ({reason}); "
    "maak verplaatsing {op} nog een keer ongedaan om dat opnieuw te proberen.",
)
LOG_IN_AGAIN = Text("The user who was logged in on the phone has to log in again.",
                    "De gebruiker die op de telefoon was aangemeld, moet zich opnieuw aanmelden.")

# -- services.move_snapshot ------------------------------------------------------------------------
UNPROTECTED_NOTE = Text(
    "No secure keyring is available, so the phone's custom settings (which may contain passwords) were kept "
    "unencrypted in the local operations journal while the move was open; they are removed from it now that "
    "the move is finished.",
    "Er is geen veilige sleutelbos, dus de eigen instellingen van de telefoon (mogelijk met wachtwoorden) "
    "stonden onversleuteld in het lokale logboek zolang de verplaatsing liep; nu ze klaar is, zijn ze eruit "
    "verwijderd.",
)
LOST_KEY_NOTE = Text(
    "The key that protected the saved custom settings is gone from the keyring, so they could not be put "
    "back; enter them again in Compass.",
    "De sleutel die de bewaarde eigen instellingen beschermde, staat niet meer in de sleutelbos, dus ze "
    "konden niet worden teruggezet; voer ze opnieuw in bij Compass.",
)
NOTES = (UNPROTECTED_NOTE, LOST_KEY_NOTE)  # kept in the journal in English, read back by that wording

# -- services.bulk_move ----------------------------------------------------------------------------
BULK_MOVING = Text("Moving {phone}…", "{phone} verplaatsen…")
ALREADY_THERE = Text("Already there.", "Staat er al.")
MOVED_VERIFIED = Text("Moved and verified.", "Verplaatst en gecontroleerd.")


def bulk_summary(succeeded: int, total: int, target: str, failed: int, unknown: int,
                 cancelled: bool) -> Text:
    """``2 of 3 phones moved to X; 1 failed.``"""
    phones = Text("phone" if total == 1 else "phones", "telefoon" if total == 1 else "telefoons")
    text = fill(Text("{n} of {total} {phones} moved to {target}", "{n} van {total} {phones} verplaatst naar "
                     "{target}"), n=succeeded, total=total, phones=phones, target=target)
    if failed:
        text = join_parts(text, fill(Text("; {n} failed", "; {n} mislukt"), n=failed))
    if unknown:
        text = join_parts(text, fill(Text("; {n} unknown (check before retrying)",
                                          "; {n} onbekend (controleer ze voor je het opnieuw probeert)"),
                                     n=unknown))
    if cancelled:
        text = join_parts(text, Text("; cancelled before the rest", "; gestopt voor de rest"))
    return join_parts(text, same("."))


def join_parts(first: Text, second: Text) -> Text:
    """Two pieces of one sentence, without a space between them."""
    return Text(first.en + second.en, first.nl + second.nl)


# -- services.env_switch ---------------------------------------------------------------------------
SIDE_UNREADABLE = Text("could not be read: {reason}", "kon niet worden gelezen: {reason}")
SIDE_ABSENT = Text("not on this environment", "niet op deze omgeving")
SIDE_PRESENT = Text("in {company}, provisioning by manufacturer {state}{online}",
                    "in {company}, provisioning door de fabrikant {state}{online}")
NO_SAME_NAME = Text(
    "The phone is not on {environment} yet and no organisation there has exactly the same name as {where}; "
    "choose the organisation to add it to with --to{hint}.",
    "De telefoon staat nog niet op {environment} en geen organisatie daar heeft precies dezelfde naam als "
    "{where}; kies met --to de organisatie waaraan je hem toevoegt{hint}.",
)
CANDIDATES = Text(" (candidates: {names})", " (kandidaten: {names})")
LOOKING = Text("Looking for {phone} on {environment}…", "{phone} zoeken op {environment}…")
THERE_READ_ONLY = Text(
    "The phone exists on {environment} in {where}, where you have read-only rights, so it cannot be "
    "activated there.",
    "De telefoon bestaat op {environment} in {where}, waar je alleen leesrechten hebt, dus hij kan daar niet "
    "worden geactiveerd.",
)
ALREADY_ON = Text("The MAC address already exists on {environment} in {company}.",
                  "Het MAC-adres bestaat al op {environment} in {company}.")
ADDING_ON = Text("Adding the MAC address to {company} on {environment}…",
                 "Het MAC-adres toevoegen aan {company} op {environment}…")
ADDED_ON = Text(
    "Added the MAC address on {environment} in {company}, with the same model and properties.",
    "Het MAC-adres is toegevoegd op {environment} in {company}, met hetzelfde model en dezelfde "
    "eigenschappen.",
)
ACTIVATING = Text("Activating provisioning by manufacturer on {environment}…",
                  "Provisioning door de fabrikant activeren op {environment}…")
ACTIVATED = Text("Activated provisioning by manufacturer on {environment} (state {state}).",
                 "Provisioning door de fabrikant geactiveerd op {environment} (status {state}).")
READING_BOTH = Text("Reading both environments…", "Beide omgevingen lezen…")
WILL_JOIN = Text(
    "{phone} will join {environment} at its next factory reset; reset it now, before the weekly deadline.",
    "{phone} komt bij de volgende fabrieksreset op {environment}; reset hem nu, vóór de wekelijkse deadline.",
)
MODEL_NOT_OFFERED = Text(
    "{environment} does not offer the phone's model ({model}), so it cannot be added there.",
    "{environment} biedt het model van de telefoon ({model}) niet aan, dus hij kan daar niet worden "
    "toegevoegd.",
)
