"""The bilingual text carrier every layer words its user-visible sentences with."""

from __future__ import annotations

from compass_desk.domain.text import Text, TextError, join, same, say, text_of


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
