"""The newcomer's findings on the wizard and troubleshooter, as a user sees them (English and Dutch).

#6 the state where it is the problem, #19 where the other reset methods are, #4 the main window
follows, #8 the add-phone form chooses nothing for you, #7 Activate in the troubleshooter and saved data.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from dutch_check import english_left
from PySide6.QtWidgets import QApplication

from compass_desk.domain.models import PhoneStatus, ProvisioningState
from compass_desk.gui.reset_wizard import PageId, common
from compass_desk.gui.reset_wizard.reading import Reading

from .test_wizard_flow import press_next
from .wizard_helpers import working_phone


def _read(wizard, phone, status=None):
    wizard.identify_page.show_reading(Reading(phone, status, None, True))
    wizard._changed()


def _shot(widget, name):
    QApplication.processEvents()
    widget.grab().save(f"/tmp/{name}.png")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_disabled_phone_in_the_precheck_says_disabled_without_normal(qtbot, make_wizard, session, lang,
                                                                        request):
    if lang == "nl":
        request.getfixturevalue("dutch")
    phone = working_phone(session)
    wizard = make_wizard(phone=None, lang=lang)
    _read(wizard, phone, PhoneStatus(online=True))
    press_next(qtbot, wizard, PageId.PRECHECK)
    page = wizard.precheck_page
    _shot(wizard, f"{lang}-wizard-precheck-disabled")
    headline, message = page.state.text(), page.message.text()
    assert "normal" not in headline and "normaal" not in headline
    if lang == "nl":
        assert headline == "Provisioning door fabrikant: disabled"
        assert "staat op disabled" in message
    else:
        assert headline == "Provisioning by manufacturer: disabled"
        assert "is disabled" in message


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_reset_page_names_the_next_method_in_the_list_at_the_top(qtbot, make_wizard, session, lang,
                                                                       request):
    if lang == "nl":
        request.getfixturevalue("dutch")
    guide = next(g for g in common.guidebook() if len(g.methods_for(g.models[0])) > 1)
    base = working_phone(session)
    wizard = make_wizard(lang=lang)
    phone = replace(base, model=guide.models[0], provisioning=ProvisioningState.ACTIVE,
                    activated_at=wizard.now())
    _read(wizard, phone, PhoneStatus(online=True))
    press_next(qtbot, wizard, PageId.PRECHECK)
    press_next(qtbot, wizard, PageId.RESET)
    page = wizard.reset_page
    items = [page.method.itemText(i) for i in range(page.method.count())]
    first = page.fallback.text()
    _shot(wizard, f"{lang}-wizard-reset-fallback")
    assert "below" not in first and "hieronder" not in first
    # The second method is named as it stands in the drop-down at the top.
    second = wizard.flow.methods[1].title.get(lang)
    assert second in items[1]
    expected = ("kies “{m}” in de lijst Methode, bovenaan" if lang == "nl"
                else "choose “{m}” in the Method list at the top").format(m=second)
    assert expected in first
    if lang == "nl":
        assert english_left(wizard, allowed=[phone.name, *items]) == []
