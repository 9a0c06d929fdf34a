"""Domain texts the GUI translates by their English wording: the lists it hands to lupdate must
match the domain's current wording, or the Dutch screens would silently fall back to English."""

from __future__ import annotations

from compass_desk.domain import move_plan
from compass_desk.gui.move_wizard import PLAN_TEXTS


def test_every_move_plan_text_shown_is_listed_for_translation():
    shown = {*move_plan.METHOD_LABELS.values(), *move_plan.METHOD_TRADE_OFFS.values(),
             move_plan.ENVIRONMENT_SWITCH_NOTE}
    assert shown <= set(PLAN_TEXTS), shown - set(PLAN_TEXTS)


def test_the_firmware_and_site_check_words_match_the_domain():
    from compass_desk.domain import firmware_plan
    from compass_desk.domain.sitecheck import Outcome
    from compass_desk.domain.sitecheck_report import LABEL_TEXTS, LABELS
    from compass_desk.gui.firmware_dialog import USE_INSTALLED

    assert firmware_plan.USE_INSTALLED_LABEL == USE_INSTALLED
    # The site check's verdict words are Text in the domain (the dialog shows them with localize):
    # one per outcome, the CLI's English the same as before.
    assert set(LABEL_TEXTS) == set(LABELS) == set(Outcome)
    assert LABELS == {Outcome.PASSED: "OK", Outcome.WARNING: "CHECK", Outcome.FAILED: "FAIL",
                      Outcome.SKIPPED: "SKIPPED", Outcome.INFO: "INFO"}


def test_firmware_option_labels_are_rebuilt_exactly_as_the_domain_words_them(qtbot, monkeypatch):
    """The firmware dialog words the options itself (to translate them); in English it must say
    exactly what domain.firmware_plan says."""
    from collections import Counter

    from compass_desk.domain import firmware_plan as fp
    from compass_desk.gui.firmware_dialog import FirmwareDialog

    dialog = FirmwareDialog.__new__(FirmwareDialog)  # option_text needs no widgets, only tr()
    monkeypatch.setattr(FirmwareDialog, "tr", lambda self, text: text)
    cases = [(Counter({"newer": 1}), 1), (Counter({"same": 1}), 1), (Counter({"older": 1}), 1),
             (Counter({"unknown": 1}), 1), (Counter({"newer": 2, "same": 1}), 3),
             (Counter({"older": 1, "unknown": 4}), 5)]
    for counts, total in cases:
        for newest in (False, True):
            expected = fp._option_label("10.1.2.3", counts, total, newest)
            option = fp.FirmwareOption("10.1.2.3", expected, dict(counts), latest=newest)
            assert dialog.option_text(option, total) == expected
