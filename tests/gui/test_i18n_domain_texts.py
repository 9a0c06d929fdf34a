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
    from compass_desk.domain.sitecheck_report import LABELS
    from compass_desk.gui.firmware_dialog import USE_INSTALLED
    from compass_desk.gui.sitecheck_dialog import VERDICTS

    assert firmware_plan.USE_INSTALLED_LABEL == USE_INSTALLED
    assert {outcome: str(word) for outcome, word in VERDICTS.items()} == LABELS
