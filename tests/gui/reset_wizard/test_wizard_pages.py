"""Single pages: an unknown MAC added with its OUI checked, countdowns, Dutch, the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from compass_desk.domain.models import ProvisioningState, Vendor
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
    assert form.model.currentData().vendor is Vendor.SNOM  # the MAC's vendor is offered first
    assert "matches Snom" in form.oui.text()
    assert not form.add_button.isEnabled()  # no name yet

    qtbot.keyClicks(form.name, "Reception")
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
    shot(wizard, "3-reset-dutch")
