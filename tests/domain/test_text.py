"""The bilingual text carrier every layer words its user-visible sentences with."""

from __future__ import annotations

from compass_desk.domain.text import Text, TextError, fill, join, same, say, text_of


def test_a_text_reads_in_each_language_and_is_english_as_a_string():
    text = Text("Phone {name} moved.", "Telefoon {name} verplaatst.").format(name="Reception")
    assert text.get("nl") == "Telefoon Reception verplaatst."
    assert text.get("en") == str(text) == "Phone Reception moved."
    assert text.get("fr") == "Phone Reception moved."  # unknown languages fall back to English


def test_texts_join_per_language():
    joined = join([Text("One.", "Een."), same("42"), Text("Two.", "Twee.")])
    assert joined == Text("One. 42 Two.", "Een. 42 Twee.")
    assert Text("A.", "B.") + Text("C.", "D.") == Text("A. C.", "B. D.")


def test_an_error_worded_for_people_is_english_in_logs_and_dutch_on_request():
    error = TextError(Text("Could not move the phone.", "Kon de telefoon niet verplaatsen."))
    assert str(error) == "Could not move the phone."
    assert say(error, "nl") == "Kon de telefoon niet verplaatsen."
    assert text_of(ValueError("plain")) is None
    assert say(ValueError("plain"), "nl") == "plain"


def test_a_text_value_fills_each_language_with_its_own_words():
    reason = Text("the disk is full", "de schijf is vol")
    sentence = Text("Could not save: {why}.", "Kon niet opslaan: {why}.").format(why=reason)
    assert sentence == Text("Could not save: the disk is full.", "Kon niet opslaan: de schijf is vol.")
    assert fill(Text("{n} phones", "{n} telefoons"), n=3) == Text("3 phones", "3 telefoons")
    braces = Text("Compass said: {why}", "Compass zei: {why}").format(why="use {name}")
    assert braces.nl == "Compass zei: use {name}"  # a value is never parsed again


def test_an_error_inside_a_sentence_speaks_the_sentence_language():
    error = TextError(Text("the file is damaged", "het bestand is beschadigd"))
    warning = Text("Not opened ({why}).", "Niet geopend ({why}).").format(why=error)
    assert warning.nl == "Niet geopend (het bestand is beschadigd)."
    assert warning.en == "Not opened (the file is damaged)."
