"""Single pages: an unknown MAC added with its OUI checked, countdowns, Dutch, the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from compass_desk.domain.models import ProvisioningState, Vendor
from compass_desk.domain.reset_flow import Stage
from compass_desk.gui.reset_wizard import PageId

from .test_wizard_flow import identified, press_next
from .wizard_helpers import shot, working_phone

UNKNOWN_SNOM_MAC = "00:04:13:12:34:56"


def test_unknown_mac_is_added_after_the_oui_check(qtbot, make_wizard, session, confirmations, audit):
    assert not session.find_by_mac(UNKNOWN_SNOM_MAC)
    wizard = make_wizard()
    page = wizard.identify_page
    qtbot.keyClicks(page.mac_edit, "0004.1312.3456")  # Cisco notation, as some scanners send it
    qtbot.keyClick(page.mac_edit, Qt.Key.Key_Return)  # Enter looks it up; it does not press Next
    form = page.add_form
    qtbot.waitUntil(lambda: form.isVisible() and not wizard.busy(), timeout=10_000)
    assert wizard.currentId() == PageId.IDENTIFY
    assert "There is no phone with MAC address 00:04:13:12:34:56 in production" in page.notice.text()
    # Nothing is chosen for the user; the MAC's vendor's models come first in the list.
    assert form.organisation.currentIndex() == -1 and form.model.currentIndex() == -1
    assert form.model.itemData(0).vendor is Vendor.SNOM
    assert "matches Snom" in form.oui.text()
    assert not form.add_button.isEnabled()  # no organisation, name or model yet
    assert form.add_button.toolTip() == "Choose the organisation."
    form.organisation.setCurrentIndex(0)
    qtbot.keyClicks(form.name, "Reception")
    assert not form.add_button.isEnabled() and form.add_button.toolTip() == "Choose the model of the phone."
    yealink = next(i for i in range(form.model.count()) if form.model.itemData(i).vendor is Vendor.YEALINK)
    form.model.setCurrentIndex(yealink)
    assert "belongs to a Snom phone, but the model is a Yealink" in form.oui.text()
    assert not form.add_button.isEnabled()
    shot(wizard, "1-identify-add-mismatch")
    d785 = next(i for i in range(form.model.count()) if form.model.itemData(i).id == "snom-d785")
    form.model.setCurrentIndex(d785)
    form.vlan.setValue(20)
    assert form.add_button.isEnabled()
    form.add_button.click()

    qtbot.waitUntil(lambda: wizard.flow.phone is not None and not wizard.busy(), timeout=10_000)
    added = wizard.flow.phone
    assert (added.name, added.model, added.mac) == ("Reception", "snom-d785", "000413123456")
    assert added.vlan_id == 20
    assert added.provisioning is ProvisioningState.ACTIVE  # adding registers it at the vendor
    organisation = form.organisation.currentText()
    assert organisation in confirmations[-1] and "production" in confirmations[-1]
    assert [(e.action, e.outcome) for e in audit.entries()] == [("add", "ok")]
    assert not form.isVisible() and page.phone_box.isVisible()
    press_next(qtbot, wizard, PageId.PRECHECK)
    assert wizard.flow.precheck.ready and wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert not wizard.precheck_page.activate_button.isVisible()


def test_bad_mac_is_explained_and_changes_nothing(qtbot, make_wizard):
    wizard = make_wizard()
    page = wizard.identify_page
    qtbot.keyClicks(page.mac_edit, "00:04:13:GG:00:01")
    page.find_button.click()
    assert "not a hex digit" in page.notice.text()
    assert not wizard.busy() and wizard.flow.phone is None and not page.add_form.isVisible()


def _to_reset_page(qtbot, wizard, step):
    identified(qtbot, wizard)
    press_next(qtbot, wizard, PageId.PRECHECK)
    if not wizard.flow.precheck.ready:
        wizard.precheck_page.activate_button.click()
        qtbot.waitUntil(lambda: wizard.flow.precheck.ready and not wizard.busy(), timeout=10_000)
    press_next(qtbot, wizard, PageId.RESET)
    page = wizard.reset_page
    for _ in range(step):
        qtbot.keyClick(page, Qt.Key.Key_PageDown)  # the keyboard walks the steps
    return page


def test_timed_step_counts_down(qtbot, make_wizard, session, confirmations):
    phone = working_phone(session, vendor=("yealink-t53w", "yealink-t54w", "yealink-t4", "yealink-t3"))
    wizard = make_wizard(phone=phone)
    identified(qtbot, wizard)
    timed = next(s for s in wizard.flow.method.steps if s.timed)
    page = _to_reset_page(qtbot, wizard, timed.number - 1)
    assert wizard.flow.current_step == timed
    countdown = page.countdown
    assert countdown.isVisible()
    assert countdown.label.text() == f"Keep OK pressed for {timed.hold_s} seconds."
    assert "OK" in page.keys_caption.text() and page.illustration.highlighted == timed.keys
    countdown.button.click()
    assert countdown.timer.isActive()
    for _ in range(3):
        countdown.tick()
    assert countdown.label.text() == f"Keep OK pressed… {timed.hold_s - 3} s"
    shot(wizard, "3-reset-countdown")
    with qtbot.waitSignal(countdown.finished, timeout=1000):
        for _ in range(timed.hold_s):
            countdown.tick()
    assert countdown.label.text() == "Done: release OK." and not countdown.timer.isActive()
    qtbot.keyClick(page, Qt.Key.Key_PageDown)
    assert wizard.flow.step_index == timed.number  # the next step, without a time
    assert not wizard.flow.current_step.timed and not countdown.isVisible()


def test_dutch(qtbot, make_wizard, session, confirmations):
    phone = working_phone(session)
    wizard = make_wizard(phone=phone, lang="nl")
    page = _to_reset_page(qtbot, wizard, 0)
    step = wizard.flow.current_step
    assert page.step_text.text() == step.text.nl
    assert page.step_header.text().startswith("Stap 1 van")
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == "Annuleren"
    caption = page.keys_caption.text()  # key names from the lettering, not the English titles
    assert caption.startswith(("Te gebruiken toetsen:", "Geen bepaalde toets")) and "cancel" not in caption
    shot(wizard, "3-reset-dutch")


def test_deadline_less_than_a_day_away_warns(qtbot, make_wizard, session, simulator, confirmations):
    from compass_desk.domain.deadline import deadline_for

    wizard = make_wizard(phone=working_phone(session))
    identified(qtbot, wizard)
    press_next(qtbot, wizard, PageId.PRECHECK)
    page = wizard.precheck_page
    page.activate_button.click()
    qtbot.waitUntil(lambda: wizard.flow.precheck.ready and not wizard.busy(), timeout=10_000)
    deadline = deadline_for(wizard.flow.phone.activated_at)
    ahead = (deadline - simulator.now()).total_seconds() - 12 * 3600
    simulator.advance_clock(max(ahead, 0))  # twelve hours before the cutoff
    page.reread_button.click()
    qtbot.waitUntil(lambda: not wizard.busy() and page.warning.isVisible(), timeout=10_000)
    assert page.warning.text().startswith("Less than a day left: reset the phone now.")
    assert "hours" in page.message.text() and "active until Wednesday" in page.message.text()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # a warning, not a block
    shot(wizard, "2-precheck-deadline-soon")


def test_wait_timeout_then_keep_waiting_then_success(qtbot, make_wizard, session, simulator, confirmations):
    from datetime import timedelta

    from compass_desk.domain.reset_flow import FlowConfig

    wizard = make_wizard(phone=working_phone(session),
                         config=FlowConfig(settle_s=0, wait_limit=timedelta(minutes=2)))
    page = _to_reset_page(qtbot, wizard, 0)
    while page.next_button.isEnabled():
        page.next_button.click()
    press_next(qtbot, wizard, PageId.WAIT)
    simulator.advance_clock(3 * 60)  # nothing happens to the phone for three minutes
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.RESULT, timeout=10_000)
    result = wizard.result_page
    assert wizard.flow.result.code == "wait-timeout"
    assert result.keep_waiting_button.isVisible() and result.retry_button.isVisible()
    shot(wizard, "5-result-timeout")

    result.keep_waiting_button.click()
    assert wizard.currentId() == PageId.WAIT and wizard.flow.stage is Stage.WAIT
    wait = wizard.wait_page
    qtbot.waitUntil(lambda: not wizard.busy() and wait.simulate_button.isEnabled(), timeout=10_000)
    wait.simulate_button.click()
    qtbot.waitUntil(lambda: "simulated phone was reset" in wait.notice.text(), timeout=10_000)
    simulator.advance_clock(10)
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.RESULT, timeout=10_000)
    assert wizard.flow.result.success


def test_read_only_user_cannot_activate_or_add(qtbot, make_wizard, make_session, confirmations):
    helpdesk = make_session("helpdesk")  # read rights only
    phone = next(p for p in sorted(helpdesk.phones, key=lambda p: p.url)
                 if p.provisioning is ProvisioningState.DISABLED)
    wizard = make_wizard(session=helpdesk, phone=phone)
    identified(qtbot, wizard)
    press_next(qtbot, wizard, PageId.PRECHECK)
    page = wizard.precheck_page
    assert page.activate_button.isVisible() and not page.activate_button.isEnabled()
    assert "no write access to its organisation" in page.message.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    other = make_wizard(session=helpdesk, mac=UNKNOWN_SNOM_MAC)
    form = other.identify_page.add_form
    qtbot.waitUntil(lambda: form.isVisible() and not other.busy(), timeout=10_000)
    assert "no organisation with write access" in form.oui.text()
    assert not form.add_button.isEnabled() and confirmations == []


def _mnemonic(text):
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else None


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_each_page_has_distinct_keyboard_shortcuts(qtbot, make_wizard, lang):
    from PySide6.QtWidgets import QAbstractButton

    wizard = make_wizard(lang=lang)
    W = QWizard.WizardButton
    shown = {
        wizard.identify_page: (W.NextButton, W.CancelButton),
        wizard.precheck_page: (W.NextButton, W.CancelButton, W.CustomButton1),
        wizard.reset_page: (W.NextButton, W.CancelButton, W.CustomButton1),
        wizard.wait_page: (W.NextButton, W.CancelButton),
        wizard.result_page: (W.FinishButton,),
    }
    for page, wizard_buttons in shown.items():
        texts = [b.text() for b in page.findChildren(QAbstractButton)]
        texts += [page.buttonText(which) for which in wizard_buttons]
        letters = [m for m in map(_mnemonic, texts) if m]
        assert len(letters) == len(set(letters)), (type(page).__name__, texts)
