"""The wizard end to end on the simulator: activate, simulated reset, wait, success; and the failures."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QWizard

from compass_desk.domain.deadline import deadline_for
from compass_desk.domain.flow_texts import FAILURES, SUCCESS
from compass_desk.domain.models import ProvisioningState
from compass_desk.domain.reset_flow import Milestone, Stage
from compass_desk.gui.reset_wizard import PageId

from .wizard_helpers import shot, working_phone

NEXT = QWizard.WizardButton.NextButton


def identified(qtbot, wizard):
    qtbot.waitUntil(lambda: wizard.flow.phone is not None and not wizard.busy(), timeout=10_000)


def press_next(qtbot, wizard, expect):
    button = wizard.button(NEXT)
    qtbot.waitUntil(button.isEnabled, timeout=10_000)
    button.click()
    qtbot.waitUntil(lambda: wizard.currentId() == expect, timeout=10_000)


def walk_steps(qtbot, wizard):
    page = wizard.reset_page
    while page.next_button.isEnabled():
        page.next_button.click()
    assert page.last_hint.isVisible()


def test_activate_simulated_reset_wait_success(qtbot, make_wizard, session, simulator, confirmations, audit):
    phone = working_phone(session)
    changed = []
    wizard = make_wizard(phone=phone)
    wizard.phone_changed.connect(changed.append)
    identified(qtbot, wizard)
    page = wizard.identify_page
    assert page.fields["state"].text() == "disabled"  # the platform term, no "(normal)" here
    assert page.fields["environment"].text().startswith("production")
    shot(wizard, "1-identify")

    press_next(qtbot, wizard, PageId.PRECHECK)
    pre = wizard.precheck_page
    assert not wizard.button(NEXT).isEnabled()  # disabled: a reset now would end up suboptimal
    assert pre.activate_button.isVisible() and pre.activate_button.isEnabled()
    assert "Press Activate first" in pre.message.text()
    shot(wizard, "2-precheck-disabled")

    pre.activate_button.click()
    qtbot.waitUntil(lambda: wizard.flow.precheck.ready and not wizard.busy(), timeout=10_000)
    question = confirmations[-1]
    company = session.company(phone.company_url).name
    assert phone.name in question and company in question and "production" in question
    assert "Activated" in pre.notice.text() and "active until" in pre.message.text()
    assert not pre.activate_button.isVisible()
    assert [(e.action, e.outcome) for e in audit.entries()] == [("activate", "ok")]
    assert changed and changed[-1].provisioning is ProvisioningState.ACTIVE  # for the main window's table
    shot(wizard, "2-precheck-active")

    press_next(qtbot, wizard, PageId.RESET)
    reset = wizard.reset_page
    assert not wizard.button(NEXT).isEnabled()  # not before the last step
    assert reset.step_header.text().startswith("Step 1 of")
    assert reset.illustration.renderer.isValid()
    shot(wizard, "3-reset-step1")
    walk_steps(qtbot, wizard)
    shot(wizard, "3-reset-last")
    press_next(qtbot, wizard, PageId.WAIT)

    wait = wizard.wait_page
    assert wait.simulate_button.isVisible()  # demo: the session runs on the loopback simulator
    assert "30 seconds" in wait.hint.text()
    assert wait.timeline.states() == [True, False, False, False]
    shot(wizard, "4-wait-start")
    qtbot.waitUntil(lambda: not wizard.busy() and wait.simulate_button.isEnabled(), timeout=10_000)
    wait.simulate_button.click()
    qtbot.waitUntil(lambda: "simulated phone was reset" in wait.notice.text(), timeout=10_000)
    simulator.advance_clock(10)  # the simulated phone needs 5 s to visit the vendor and fetch its settings

    qtbot.waitUntil(lambda: wizard.currentId() == PageId.RESULT, timeout=10_000)
    result = wizard.flow.result
    assert result.success and result.code == "provisioned"
    assert [e.milestone for e in wizard.flow.timeline() if e.reached_at] == list(Milestone)
    assert wait.timeline.states() == [True, True, True, True]
    page = wizard.result_page
    assert SUCCESS.title.en in page.headline.text()
    assert not page.retry_button.isVisible()
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    assert session.client.phone(phone.url).provisioning is ProvisioningState.DISABLED
    assert changed[-1].provisioning is ProvisioningState.DISABLED
    shot(wizard, "5-result-success")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted


def test_reset_while_not_active_ends_in_a_diagnosis_then_try_again(qtbot, make_wizard, session, simulator,
                                                                    confirmations):
    phone = working_phone(session)
    wizard = make_wizard(mac=phone.mac.upper())  # typed or scanned, not selected
    identified(qtbot, wizard)
    press_next(qtbot, wizard, PageId.PRECHECK)
    simulator.reset_phone(phone.mac)  # the installer reset it before activating
    pre = wizard.precheck_page
    pre.reread_button.click()
    qtbot.waitUntil(lambda: not wizard.busy() and wizard.flow.status is not None
                    and not wizard.flow.status.online, timeout=10_000)
    pre.already_button.click()

    qtbot.waitUntil(lambda: wizard.currentId() == PageId.RESULT, timeout=10_000)
    result = wizard.flow.result
    assert not result.success and result.code == "reset-while-not-active"
    page = wizard.result_page
    assert FAILURES["reset-while-not-active"][0].en in page.headline.text()
    codes = page.findings.codes_in_order()
    assert codes[0] == "reset-while-not-active" and codes == [f.code for f in result.findings]
    fix_text = page.findings.fix_list.text()
    assert fix_text.index("Press Activate") < fix_text.index("factory defaults") < fix_text.index("idle")
    assert page.retry_button.isVisible() and not page.keep_waiting_button.isVisible()
    assert not wizard.button(QWizard.WizardButton.CustomButton1).isVisible()  # no way back once reset
    assert confirmations == []  # nothing was changed on the platform
    shot(wizard, "5-result-not-active")

    page.retry_button.click()  # back to the pre-check, read again, Activate offered
    assert wizard.currentId() == PageId.PRECHECK and wizard.flow.stage is Stage.PRECHECK
    qtbot.waitUntil(lambda: not wizard.busy(), timeout=10_000)
    assert wizard.precheck_page.activate_button.isEnabled()
    wizard.precheck_page.activate_button.click()
    qtbot.waitUntil(lambda: wizard.flow.precheck.ready and not wizard.busy(), timeout=10_000)
    press_next(qtbot, wizard, PageId.RESET)


def test_deadline_passed_during_the_wait(qtbot, make_wizard, session, simulator, confirmations):
    phone = working_phone(session)
    wizard = make_wizard(phone=phone)
    identified(qtbot, wizard)
    press_next(qtbot, wizard, PageId.PRECHECK)
    wizard.precheck_page.activate_button.click()
    qtbot.waitUntil(lambda: wizard.flow.precheck.ready and not wizard.busy(), timeout=10_000)
    activated_at = wizard.flow.phone.activated_at
    press_next(qtbot, wizard, PageId.RESET)
    walk_steps(qtbot, wizard)
    press_next(qtbot, wizard, PageId.WAIT)
    # The phone never reaches the vendor; the weekly cutoff comes first.
    late = deadline_for(activated_at) - simulator.now() + timedelta(minutes=5)
    simulator.advance_clock(late.total_seconds())

    qtbot.waitUntil(lambda: wizard.currentId() == PageId.RESULT, timeout=10_000)
    result = wizard.flow.result
    assert result.code == "deadline-passed-during-wait"
    assert result.fix[0].value == "activate"
    page = wizard.result_page
    assert FAILURES["deadline-passed-during-wait"][0].en in page.headline.text()
    assert page.findings.codes_in_order()[0] == "deadline-passed-during-wait"
    shot(wizard, "5-result-deadline")


def test_stop_waiting_and_going_back(qtbot, make_wizard, session, confirmations):
    phone = working_phone(session)
    wizard = make_wizard(phone=phone)
    identified(qtbot, wizard)
    press_next(qtbot, wizard, PageId.PRECHECK)
    back = wizard.button(QWizard.WizardButton.CustomButton1)
    assert back.isVisible() and back.isEnabled()
    back.click()
    assert wizard.currentId() == PageId.IDENTIFY and wizard.flow.stage is Stage.IDENTIFY
    press_next(qtbot, wizard, PageId.PRECHECK)
    wizard.precheck_page.activate_button.click()
    qtbot.waitUntil(lambda: wizard.flow.precheck.ready and not wizard.busy(), timeout=10_000)
    press_next(qtbot, wizard, PageId.RESET)
    back.click()
    assert wizard.currentId() == PageId.PRECHECK and wizard.flow.stage is Stage.PRECHECK
    press_next(qtbot, wizard, PageId.RESET)
    walk_steps(qtbot, wizard)
    press_next(qtbot, wizard, PageId.WAIT)
    assert not back.isVisible()
    wizard.wait_page.give_up_button.click()
    assert wizard.currentId() == PageId.RESULT and wizard.flow.result.code == "gave-up"
