"""Every firmware sentence the GUI shows exists in Dutch: the Text constants of the domain and the
service, and the texts they produce (options, explanations, risks, refusals, results, summaries)."""

from __future__ import annotations

import string

import pytest

from compass_desk.domain import firmware, firmware_plan, firmware_texts
from compass_desk.domain.firmware import RiskKind, change_risks, parse_firmware
from compass_desk.domain.models import Phone, PhoneModel, ProvisioningState, Vendor
from compass_desk.domain.text import Text, TextError
from compass_desk.services import firmware as service
from compass_desk.services import firmware_texts as service_texts
from compass_desk.services.firmware import FirmwareRun, Outcome, PhoneResult

# Texts that are only placeholders and punctuation: the same in every language by design.
LAYOUT_ONLY = {"{version}: {marks}", "{text} ({count})", "{phone}: {outcome}", ", {count} {what}"}


def module_texts(module) -> list[tuple[str, Text]]:
    found = []
    for name, value in vars(module).items():
        values = value.items() if isinstance(value, dict) else (
            enumerate(value) if isinstance(value, tuple) else ())
        if isinstance(value, Text):
            found.append((name, value))
        found += [(f"{name}[{key}]", item) for key, item in values if isinstance(item, Text)]
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def unique(found: list[tuple[str, Text]]) -> list[tuple[str, Text]]:
    """Each Text once, under the name of the module that defines it (others import it from there)."""
    by_identity: dict[int, tuple[str, Text]] = {}
    for name, text in found:
        by_identity.setdefault(id(text), (name, text))
    return list(by_identity.values())


# The texts modules first: firmware_plan and the service import their words from there.
TEXTS = unique([item for module in (firmware, firmware_texts, firmware_plan, service_texts, service)
                for item in module_texts(module)])


def test_the_modules_word_their_sentences_as_texts():
    assert len(TEXTS) > 40
    names = {name for name, _ in TEXTS}
    assert {"EXPLAIN_SET", "DOWNGRADE_WARNING", "USE_INSTALLED", "READ_ONLY", "UNEXPECTED",
            "CUSTOM_SWITCH"} <= names


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=[name for name, _ in TEXTS])
def test_every_text_has_its_own_dutch_with_the_same_fields(name, text):
    assert text.en.strip() and text.nl.strip()
    if text.en not in LAYOUT_ONLY:
        assert text.nl != text.en, name
    assert fields(text.nl) == fields(text.en), name


D385 = PhoneModel("snom-d385", Vendor.SNOM, "D385", firmwares=("8.7.5.35", "10.1.159.12"))
T54W = PhoneModel("yealink-t54w", Vendor.YEALINK, "T54W", firmwares=("96.86.188.7", "96.86.188.12"))


def phone(n: int, model: PhoneModel, firmware: str | None = None) -> Phone:
    return Phone(f"https://x/phone/{n}", str(n), f"Toestel {n}", f"00041300000{n}", model.id,
                 "https://x/company/1", ProvisioningState.DISABLED, firmware=firmware)


def dutch_differs(text: Text) -> bool:
    return bool(text.nl) and text.nl != text.en


def test_produced_texts_are_dutch():
    risks = change_risks(parse_firmware("10.1.159.12"), parse_firmware("8.7.5.35"))
    risks += change_risks(parse_firmware("96.86.0.5"), parse_firmware("96.86.188.12"))
    risks += change_risks(parse_firmware("66.86.188.6"), parse_firmware("96.86.188.12"))
    assert [r.kind for r in risks] == [RiskKind.MAJOR_DOWNGRADE, RiskKind.SNOM_RECOVERY,
                                       RiskKind.CUSTOM_SWITCH, RiskKind.DIFFERENT_FAMILY]
    assert all(dutch_differs(r.text) and r.message == r.text.en for r in risks)
    assert risks[-1].text.nl == ("96.86.188.12 is firmware voor Yealink 96, niet voor de geïnstalleerde "
                                 "66.86.188.6 (Yealink 66); de telefoon kan die niet installeren.")
    assert parse_firmware("05.20.0001").family_text == Text("Snom M-series DECT", "Snom M-serie DECT")
    one = [(phone(1, D385), "10.1.159.12")]
    many = [(phone(1, D385), "10.1.159.12"), (phone(2, D385), None)]
    for pairs in (one, many):
        for option in firmware_plan.options(D385, pairs):
            assert dutch_differs(option.text) and option.label == option.text.en
        who = firmware_plan.model_phones_words(2, "D385", these=True) if len(pairs) > 1 \
            else firmware_plan.phone_words(pairs[0][0])
        for target in (None, "8.7.5.35"):
            plan = firmware_plan.plan(D385, pairs, target, target_label=who)
            assert dutch_differs(plan.explanation())
            assert all(dutch_differs(reason) for reason in plan.reasons())
    plan = firmware_plan.plan(D385, many, "8.7.5.35", target_label="x")
    assert plan.reasons()[0].nl.endswith("(1 telefoon)")
    results = [PhoneResult(c, outcome, service.NOT_STARTED, c.phone) for c, outcome in
               zip(plan.changes, (Outcome.CHANGED, Outcome.NOT_STARTED), strict=True)]
    summary = FirmwareRun(plan, results, cancelled=True).summary
    assert summary.en == "1 of 2 phones changed, 1 not started (cancelled)."
    assert summary.nl == "1 van de 2 telefoons gewijzigd, 1 niet gestart (gestopt)."


def test_refusals_carry_both_languages_and_stay_english_for_the_cli():
    with pytest.raises(firmware_plan.FirmwareRefused) as caught:
        firmware_plan.check_certified("1.2.3.4", T54W)
    refused = caught.value
    assert isinstance(refused, TextError) and isinstance(refused, ValueError)
    assert str(refused) == refused.message == refused.text.en
    assert refused.text.nl.startswith("1.2.3.4 is niet gecertificeerd voor Yealink T54W")
    with pytest.raises(firmware_plan.FirmwareRefused) as caught:
        firmware_plan.plan(T54W, [(phone(1, D385), None)], None, target_label="x")
    assert caught.value.text.nl == "Telefoon “Toestel 1” is een snom-d385, geen Yealink T54W."
    plain = firmware_plan.FirmwareRefused("plain words")
    assert plain.text == Text("plain words", "plain words") and plain.message == "plain words"
