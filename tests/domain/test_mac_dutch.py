"""Every reason a MAC address is refused is worded in Dutch too; ``str()`` stays English."""

from __future__ import annotations

import pytest

from compass_desk.domain.mac import MacError, normalize_mac

CASES = [
    ("", "geen MAC-adres opgegeven"),
    ("00:04:13:ZZ:BB:CC", "'Z' is geen hexadecimaal cijfer"),
    ("00:04:13:XY:BB:CC", "zijn geen hexadecimale cijfers"),
    ("00:04:13:AA:BB", "heeft 10 hexadecimale cijfers; een MAC-adres heeft er 12"),
    ("0" * 2000, "heeft 2.000 hexadecimale cijfers"),
    ("000413AABBCC\n000413AABBCD", "meer dan één regel"),
    ("00:04:13:AA:BB-CC", "geen schrijfwijze van een MAC-adres"),
    ("00:00:00:00:00:00", "alleen nullen"),
    ("FF:FF:FF:FF:FF:FF", "broadcastadres"),
    ("01:00:5E:00:00:01", "multicastadres"),
]


@pytest.mark.parametrize(("typed", "dutch"), CASES)
def test_every_refusal_has_its_own_dutch(typed, dutch):
    with pytest.raises(MacError) as caught:
        normalize_mac(typed)
    error = caught.value
    assert dutch in error.text.nl
    assert str(error) == error.text.en != error.text.nl
    for english in (" is not ", " has ", " the ", " address,", "given"):
        assert english not in error.text.nl


def test_a_long_paste_is_cut_short_with_its_length_in_each_language():
    with pytest.raises(MacError) as caught:
        normalize_mac("g" * 5000)
    assert "(5,000 characters)" in caught.value.text.en
    assert "(5.000 tekens)" in caught.value.text.nl


def test_not_text_and_old_style_messages():
    with pytest.raises(MacError) as caught:
        normalize_mac(12)  # type: ignore[arg-type]
    assert caught.value.text.nl == "een MAC-adres moet tekst zijn"
    plain = MacError("only English")
    assert str(plain) == plain.text.nl == "only English"
    assert isinstance(plain, ValueError)
