"""Opening the wizard and the troubleshooter from the real main window (demo servers)."""

from __future__ import annotations

from gui_helpers import select_phone

from compass_desk.domain.diagnosis import Verdict
from compass_desk.domain.models import ProvisioningState
from compass_desk.gui.reset_wizard import PageId, ResetWizard
from compass_desk.gui.reset_wizard.launch import open_reset_wizard, open_troubleshooter

from .test_wizard_flow import identified, press_next


def test_wizard_and_troubleshooter_from_the_main_window(qtbot, make_context, make_window, confirmations):
    context = make_context()
    window = make_window(context)
    session = window.browser.session
    row = next(r for r in window.model.rows() if r.phone.provisioning is ProvisioningState.DISABLED
               and session.can_write(r.phone.company_url) and r.status is not None and r.status.online)
    select_phone(qtbot, window, row)

    wizard = open_reset_wizard(window, window.browser, window.worker, window.selected_row())
    assert wizard is not None and wizard.isVisible() and wizard.demo
    identified(qtbot, wizard)
    assert wizard.flow.phone.url == row.url
    press_next(qtbot, wizard, PageId.PRECHECK)
    wizard.precheck_page.activate_button.click()
    qtbot.waitUntil(lambda: wizard.flow.precheck.ready and not wizard.busy(), timeout=10_000)

    def table_state():
        return window.model.row_at(window.model.row_for_url(row.url)).phone.provisioning

    qtbot.waitUntil(lambda: table_state() is ProvisioningState.ACTIVE, timeout=5_000)  # the table follows
    entries = context.audit.entries()
    assert (entries[0].action, entries[0].outcome) == ("activate", "ok")
    assert row.phone.name in entries[0].target and entries[0].environment == "Demo production"
    wizard.close()

    dialog = open_troubleshooter(window, window.browser, window.worker, window.selected_row())
    qtbot.waitUntil(lambda: dialog.read_at is not None, timeout=10_000)
    # Just activated, not reset yet: ready for the factory reset (not suboptimal), as everywhere else.
    assert dialog.diagnosis.verdict is Verdict.AWAITING_RESET
    assert dialog.findings.codes_in_order()[0] == "awaiting-reset"
    dialog.provision_button.click()
    wizards = [w for w in window.findChildren(ResetWizard) if w.isVisible()]
    assert len(wizards) == 1 and wizards[0].initial_phone.url == row.url
    wizards[0].close()
    dialog.close()


def test_a_phone_added_in_the_wizard_appears_in_the_table(qtbot, make_context, make_window, confirmations):
    window = make_window(make_context())
    mac = "000413654321"
    assert not window.browser.session.find_by_mac(mac)
    wizard = open_reset_wizard(window, window.browser, window.worker, mac="00:04:13:65:43:21")
    form = wizard.identify_page.add_form
    qtbot.waitUntil(lambda: form.isVisible() and not wizard.busy(), timeout=10_000)
    qtbot.keyClicks(form.name, "Balie")
    form.organisation.setCurrentIndex(0)
    form.model.setCurrentIndex(0)  # a Snom model: the MAC is Snom's
    form.add_button.click()
    qtbot.waitUntil(lambda: any(r.phone.mac == mac for r in window.model.rows()), timeout=15_000)
    wizard.close()
