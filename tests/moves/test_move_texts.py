"""Every sentence of moving a phone has its own Dutch; the English (CLI, log) reads as it always did."""

from __future__ import annotations

import re

import pytest

from compass_desk.api.client import describe
from compass_desk.domain import move_plan, move_texts
from compass_desk.domain.models import Access, Company, Phone, ProvisioningState
from compass_desk.domain.move_plan import MoveMethod, MoveRefused, check_environment_switch, check_move
from compass_desk.domain.text import Text
from compass_desk.services.move_snapshot import MoveRecord
from compass_desk.store.journal import UnknownOperationError

SRC = Company("https://r/company/a", "a", "Source", access=Access.WRITE)
DST = Company("https://r/company/b", "b", "Target", access=Access.WRITE)
RO = Company("https://r/company/c", "c", "Read only", access=Access.READ)
PHONE = Phone("https://r/phone/1", "1", "Reception", "000413aabbcc", "snom-d785", SRC.url,
              ProvisioningState.DISABLED, firmware="10.1.159.12", logged_in_user="https://r/user/9")
# English sentence words Dutch never uses (a small cousin of tests/gui/dutch_check.py).
ENGLISH = re.compile(r"\b(the|could|not|phone|you|your|is now|check|again|which|and|to|move|moved)\b", re.I)


def _module_texts(module: object) -> list[tuple[str, Text]]:
    found: list[tuple[str, Text]] = []
    for name, value in vars(module).items():
        if isinstance(value, Text):
            found.append((name, value))
        elif isinstance(value, dict | tuple):
            items = value.items() if isinstance(value, dict) else enumerate(value)
            found += [(f"{name}[{key}]", v) for key, v in items if isinstance(v, Text)]
    return found


def _dutch(text: Text, *data: str) -> None:
    assert text.nl.strip(), text
    assert text.nl != text.en, text
    dutch = text.nl
    for value in data:
        dutch = dutch.replace(value, "")
    assert not ENGLISH.findall(dutch), (text.nl, ENGLISH.findall(dutch))


@pytest.mark.parametrize(("name", "text"), _module_texts(move_texts) + _module_texts(move_plan))
def test_every_text_constant_has_its_own_dutch(name, text):
    if not text.en:
        return  # the empty reason of a selectable organisation
    _dutch(text, "{phone}", "{company}", "{target}", "{source}", "{reason}", "--to")


def test_filled_texts_take_each_value_in_their_own_language():
    words = move_texts.phone_words(PHONE)
    assert str(words) == describe(PHONE)  # the CLI and the log read exactly what they always did
    assert words.nl == "telefoon “Reception” (00:04:13:AA:BB:CC)"
    moved = move_texts.fill(move_texts.MOVED_API, phone=move_texts.phone_title(PHONE), target="Target")
    assert moved.en.startswith("Phone “Reception”") and moved.nl.startswith("Telefoon “Reception”")
    unnamed = Phone("https://r/phone/2", "", "", "", "snom-d785", SRC.url, ProvisioningState.DISABLED)
    assert move_texts.phone_words(unnamed).nl == "telefoon zonder MAC-adres"


@pytest.mark.parametrize(("succeeded", "total", "failed", "unknown", "cancelled"), [
    (3, 3, 0, 0, False), (1, 1, 0, 0, False), (2, 3, 1, 0, False), (1, 3, 1, 1, True),
])
def test_bulk_summary(succeeded, total, failed, unknown, cancelled):
    text = move_texts.bulk_summary(succeeded, total, "Target", failed, unknown, cancelled)
    _dutch(text, "Target")
    assert text.en.startswith(f"{succeeded} of {total} phone") and text.en.endswith(".")
    assert ("failed" in text.en) == bool(failed) and ("mislukt" in text.nl) == bool(failed)
    assert ("onbekend" in text.nl) == bool(unknown) and ("gestopt" in text.nl) == cancelled


def test_losses_and_refusals_are_worded_in_dutch():
    plan = check_move(PHONE, SRC, DST, MoveMethod.MANUAL, "production", custom_settings=1)
    assert len(plan.losses) == 5
    for loss in plan.losses:
        _dutch(loss, "10.1.159.12")
    assert plan.losses[0].en.startswith("Its 1 custom setting is not carried over")
    cases = [
        lambda: check_move(PHONE, SRC, SRC, MoveMethod.API, "p"),
        lambda: check_move(PHONE, None, DST, MoveMethod.API, "p"),
        lambda: check_move(PHONE, RO, DST, MoveMethod.API, "p"),
        lambda: check_move(PHONE, SRC, RO, MoveMethod.API, "p"),
        lambda: check_move(PHONE, SRC, DST, MoveMethod.API, "p", supports=lambda op: False),
        lambda: check_environment_switch("production", "production", None),
        lambda: check_environment_switch("production", "staging", RO),
    ]
    for case in cases:
        with pytest.raises(MoveRefused) as caught:
            case()
        assert str(caught.value) == caught.value.reason == caught.value.text.en
        _dutch(caught.value.text, "“Source”", "“Read only”", "staging")
    with pytest.raises(MoveRefused, match="move with the api; try move by hand") as caught:
        check_move(PHONE, SRC, DST, MoveMethod.API, "p", supports=lambda op: op != "migrate")
    assert "verplaatsen via de API" in caught.value.text.nl


def test_journal_notes_stay_english_in_the_file_and_come_back_in_dutch():
    from compass_desk.domain.models import PhoneSnapshot

    record = MoveRecord("production", "https://x", PHONE.mac, PHONE.url, SRC, DST, PhoneSnapshot(PHONE, []),
                        notes=[move_texts.UNPROTECTED_NOTE, move_texts.LOST_KEY_NOTE])
    payload = record.to_payload()
    assert payload["notes"] == [move_texts.UNPROTECTED_NOTE.en, move_texts.LOST_KEY_NOTE.en]
    assert MoveRecord.from_payload(payload).notes == [move_texts.UNPROTECTED_NOTE, move_texts.LOST_KEY_NOTE]
    payload["notes"] = ["written by an older version"]
    assert [str(n) for n in MoveRecord.from_payload(payload).notes] == ["written by an older version"]


def test_unknown_operation_error_takes_a_text_or_a_plain_sentence():
    assert str(UnknownOperationError("No move 3.")) == "No move 3."
    error = UnknownOperationError(move_texts.fill(move_texts.NO_SUCH_MOVE, op=3))
    assert str(error) == "There is no journalled move with id 3." and "verplaatsing" in error.text.nl
