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


def _stale_row(qtbot, window):
    """A working phone the table still shows offline, never registered (as before a reset)."""
    from gui_helpers import select_phone

    session = window.browser.session
    row = next(r for r in window.model.rows() if r.phone.provisioning is ProvisioningState.DISABLED
               and session.can_write(r.phone.company_url) and r.status is not None and r.status.online)
    window.model.update_statuses({row.url: PhoneStatus(online=False)})
    select_phone(qtbot, window, row)
    assert window.details.live["Online"].text() == "offline"
    return row


def test_what_the_wizard_reads_shows_in_the_main_window_at_once(qtbot, make_context, make_window):
    """Finding #4: no F5 after the wizard: the row and the details panel follow its fresh reading."""
    from compass_desk.gui.reset_wizard.launch import open_reset_wizard

    window = make_window(make_context())
    row = _stale_row(qtbot, window)
    wizard = open_reset_wizard(window, window.browser, window.worker, window.selected_row())
    qtbot.waitUntil(lambda: wizard.flow.phone is not None and not wizard.busy(), timeout=10_000)
    shown = window.model.row_at(window.model.row_for_url(row.url))
    qtbot.waitUntil(lambda: shown.status is not None and shown.status.online, timeout=5_000)
    assert window.details.live["Online"].text() == "online"
    assert window.details.live["Registered"].text() not in ("", "—")
    _shot(window, "en-main-after-wizard-read")
    wizard.close()


def test_what_the_troubleshooter_reads_shows_in_the_main_window_at_once(qtbot, make_context, make_window):
    from compass_desk.gui.reset_wizard.launch import open_troubleshooter

    window = make_window(make_context())
    _stale_row(qtbot, window)
    dialog = open_troubleshooter(window, window.browser, window.worker, window.selected_row())
    qtbot.waitUntil(lambda: dialog.read_at is not None, timeout=10_000)
    assert window.details.live["Online"].text() == "online"
    dialog.close()


def _failed_row(window):
    session = window.browser.session
    return next(r for r in window.model.rows() if r.phone.provisioning is ProvisioningState.PROVISION
                and session.can_write(r.phone.company_url))


def test_the_troubleshooter_activates_as_the_main_window_does(qtbot, make_context, make_window, monkeypatch):
    """Finding #7: the fix says "press Activate": the button is right under it, with the same question."""
    from gui_helpers import select_phone

    from compass_desk.domain.fixes import Fix
    from compass_desk.gui.reset_wizard.launch import open_troubleshooter

    asked = []
    monkeypatch.setattr("compass_desk.gui.actions.confirm",
                        lambda parent, title, text: asked.append(text) or True)
    context = make_context()
    window = make_window(context)
    row = _failed_row(window)
    select_phone(qtbot, window, row)
    dialog = open_troubleshooter(window, window.browser, window.worker, window.selected_row())
    qtbot.waitUntil(lambda: dialog.read_at is not None, timeout=10_000)
    assert Fix.REMOVE_AND_READD in dialog.diagnosis.fix
    button = dialog.activate_button
    assert button.isVisible() and button.isEnabled()
    assert dialog.findings.isAncestorOf(button)  # under the steps, not among the dialog's buttons
    _shot(dialog, "en-troubleshooter-activate")
    button.click()
    qtbot.waitUntil(lambda: window.model.row_at(window.model.row_for_url(row.url)).phone.provisioning
                    is ProvisioningState.ACTIVE, timeout=10_000)
    name, company = row.phone.name, row.company_name
    assert asked == [f"Activate phone “{name}” ({asked[0].split('(')[1].split(')')[0]})\nin organisation "
                     f"“{company}”\non environment “Demo production”?"]
    entry = context.audit.entries()[0]
    assert (entry.action, entry.outcome) == ("activate", "ok") and name in entry.target
    qtbot.waitUntil(lambda: dialog.phone.provisioning is ProvisioningState.ACTIVE, timeout=10_000)
    from compass_desk.domain.diagnosis import Verdict

    assert dialog.diagnosis.verdict is Verdict.AWAITING_RESET
    assert not button.isVisible()  # awaiting the reset now: nothing to activate
    dialog.close()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_offline_the_troubleshooter_says_it_shows_saved_data(qtbot, make_context, make_window, lang,
                                                             request):
    from datetime import datetime

    from compass_desk.gui.actions import PhoneActions
    from compass_desk.gui.browser import Mode
    from compass_desk.gui.troubleshooter import TroubleshooterDialog

    if lang == "nl":
        request.getfixturevalue("dutch")
    window = make_window(make_context())
    row = _failed_row(window)
    window.browser._set_mode(Mode.OFFLINE, "no network")  # what losing the connection does
    saved = datetime.now().astimezone().replace(hour=14, minute=2)
    dialog = TroubleshooterDialog(row.phone, status=PhoneStatus(online=False), company_name=row.company_name,
                                  lang=lang, row_for=lambda: row, saved_at=saved, parent=window)
    dialog.use_actions(PhoneActions(window.browser, window.worker, dialog))
    qtbot.addWidget(dialog)
    dialog.show()
    _shot(dialog, f"{lang}-troubleshooter-offline")
    expected = ("Opgeslagen gegevens van 14:02; Compass Desk is offline." if lang == "nl"
                else "Saved data of 14:02; Compass Desk is offline.")
    assert dialog.saved.isVisible() and dialog.saved.text().startswith(expected)
    then = "Status op dat moment: offline" if lang == "nl" else "Status at that time: offline"
    assert then in dialog.state_line.text()
    assert "Live" not in dialog.state_line.text()
    assert dialog.activate_button.isVisible() and not dialog.activate_button.isEnabled()
    assert "Offline" in dialog.activate_button.toolTip()
    assert not dialog.provision_button.isEnabled()  # the wizard needs a connection
    if lang == "nl":
        company = row.company_name
        assert english_left(dialog, allowed=[row.phone.name, company, "Compass Desk is offline"]) == []


def test_closing_the_troubleshooter_while_its_activate_runs_keeps_the_result(qtbot, make_context, make_window,
                                                                             monkeypatch):
    """The activation finishes and reaches the table; the closed window is not spoken to."""
    import time

    from gui_helpers import select_phone

    from compass_desk.domain.models import ProvisioningState
    from compass_desk.gui.reset_wizard.launch import open_troubleshooter

    monkeypatch.setattr("compass_desk.gui.actions.confirm", lambda parent, title, text: True)
    window = make_window(make_context())
    row = _failed_row(window)
    select_phone(qtbot, window, row)
    dialog = open_troubleshooter(window, window.browser, window.worker, window.selected_row())
    qtbot.waitUntil(lambda: dialog.read_at is not None, timeout=10_000)
    session = window.browser.session
    real = session.activate

    def slow(phone):
        time.sleep(0.5)
        return real(phone)

    monkeypatch.setattr(session, "activate", slow)
    dialog.activate_button.click()
    dialog.close()  # deleted on close, with its PhoneActions
    qtbot.waitUntil(lambda: window.model.row_at(window.model.row_for_url(row.url)).phone.provisioning
                    is ProvisioningState.ACTIVE, timeout=10_000)
    qtbot.waitUntil(lambda: not window.worker.jobs(), timeout=5_000)
