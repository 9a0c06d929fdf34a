"""The wizard in Dutch: every text of its own is bilingual, and every page a technician sees (each guide
method and step, every pre-check finding, the add-phone form, the wait, every result) shows no English
by tests/gui/dutch_check.english_left. The pages are saved as /tmp/nl-wizard-*.png to look at."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from dutch_check import english_left, looks_english, plain, visible_texts
from PySide6.QtWidgets import QApplication, QWizard

from compass_desk.domain.deadline import deadline_for
from compass_desk.domain.flow_texts import FAILURES
from compass_desk.domain.models import PhoneStatus, ProvisioningState
from compass_desk.domain.reset_flow import FlowConfig, Stage
from compass_desk.gui.reset_wizard import PageId, common
from compass_desk.gui.reset_wizard.reading import Reading
from compass_desk.gui.reset_wizard.texts import T

from .test_wizard_flow import identified, press_next, walk_steps
from .wizard_helpers import working_phone

_FIELD = re.compile(r"\{[^{}]*\}")
# Words that read the same in both languages.
_SAME = {"model", "vlan", "online", "offline", "live status", "deadline", "ok", "info", "{env}  (demo)"}


@pytest.mark.parametrize("key", sorted(T))
def test_every_text_of_the_wizard_has_dutch_with_the_same_fields_and_shortcut(key):
    text = T[key]
    assert text.nl.strip(), key
    assert sorted(_FIELD.findall(text.en)) == sorted(_FIELD.findall(text.nl)), key
    assert ("&" in text.en) == ("&" in text.nl), key
    if text.en.lower() not in _SAME and key not in _SAME:
        assert text.en != text.nl, f"{key}: the Dutch text is the English one"




# What the phones themselves show in English (their menus, the vendor's site): the Dutch steps quote
# them so that a technician finds them on the phone. Removed from a text before it is judged.
PHONE_WORDS = ("(Settings)", "(Advanced Settings)", "(System Settings)", "(Reset Base)", "Reset to Factory",
               '"Reset to factory?"', '"Factory Reset?"', '"reset to factory"')


def english_on(widget, allowed) -> list[str]:
    """dutch_check.english_left, with the phones' own English words taken out of each text first."""
    found = []
    for text in visible_texts(widget):
        readable = " ".join(plain(text).split())
        judged = readable
        for words in PHONE_WORDS:
            judged = judged.replace(words, "")
        if any(a in readable for a in allowed) or readable in found:
            continue
        if looks_english(judged):
            found.append(readable)
    return found


class Checker:
    """Saves each screen as /tmp/nl-wizard-<name>.png and collects the English left on it."""

    def __init__(self, widget, allowed):
        self.widget, self.allowed, self.problems = widget, list(allowed), []

    def __call__(self, name: str) -> None:
        QApplication.processEvents()  # let the layouts follow the new texts, as the event loop would
        QApplication.processEvents()
        self.widget.grab().save(f"/tmp/nl-wizard-{name}.png")
        found = [f"{name}: {text}" for text in english_on(self.widget, self.allowed)]
        self.problems += found
        with open("/tmp/nl-wizard-english.txt", "a", encoding="utf-8") as out:
            out.writelines(f"{line}\n" for line in found)


def _data(session, phone):
    company = session.company(phone.company_url)
    entry = common.guidebook().catalog.get(phone.model)
    return [phone.name, company.name if company else "", phone.model, common.mac_text(phone.mac),
            entry.model.display_name if entry else phone.model, "production"]


def _now(wizard):
    return wizard.now()


def _read(wizard, phone, status=None, can_activate=True):
    """Feed the identify page a reading, as a lookup would (any model, any state)."""
    wizard.identify_page.show_reading(Reading(phone, status, None, can_activate))
    wizard._changed()  # what the worker's success callback does


def test_a_dutch_walk_on_the_simulator_shows_no_english(qtbot, make_wizard, session, simulator,
                                                        confirmations, dutch):
    """Snom and Yealink: identify, activate, every step, simulated reset, wait, success."""
    for vendor in ("snom", "yealink"):
        phone = working_phone(session, vendor=vendor)
        wizard = make_wizard(phone=phone, lang="nl")
        check = Checker(wizard, _data(session, phone))
        identified(qtbot, wizard)
        assert wizard.identify_page.fields["state"].text() == "disabled"
        check(f"{vendor}-1-identify")
        press_next(qtbot, wizard, PageId.PRECHECK)
        check(f"{vendor}-2-precheck-disabled")
        wizard.precheck_page.activate_button.click()
        qtbot.waitUntil(lambda w=wizard: w.flow.precheck.ready and not w.busy(), timeout=10_000)
        check(f"{vendor}-2-precheck-active")
        press_next(qtbot, wizard, PageId.RESET)
        check(f"{vendor}-3-reset-step1")
        walk_steps(qtbot, wizard)
        check(f"{vendor}-3-reset-last")
        press_next(qtbot, wizard, PageId.WAIT)
        wait = wizard.wait_page
        check(f"{vendor}-4-wait-start")
        qtbot.waitUntil(lambda w=wizard: not w.busy() and w.wait_page.simulate_button.isEnabled(),
                        timeout=10_000)
        wait.simulate_button.click()
        qtbot.waitUntil(lambda w=wait: "gesimuleerde telefoon is gereset" in w.notice.text(), timeout=10_000)
        check(f"{vendor}-4-wait-simulated")
        simulator.advance_clock(10)
        qtbot.waitUntil(lambda w=wizard: w.currentId() == PageId.RESULT, timeout=10_000)
        assert wizard.button(QWizard.WizardButton.FinishButton).text().replace("&", "") == "Voltooien"
        check(f"{vendor}-5-result-success")
        assert check.problems == []
        wizard.shutdown()


@pytest.mark.parametrize("family", [guide.family for guide in common.guidebook()])
def test_every_method_and_step_of_every_guide_in_dutch(qtbot, make_wizard, session, family, dutch):
    guide = common.guidebook().family(family)
    base = working_phone(session)
    wizard = make_wizard(lang="nl")
    for model in guide.models:
        methods = guide.methods_for(model)
        if not any(m.models for m in methods) and model != guide.models[0]:
            continue  # the same methods as the first model
        phone = replace(base, model=model, provisioning=ProvisioningState.ACTIVE, activated_at=_now(wizard))
        if wizard.flow.stage is not Stage.IDENTIFY:
            wizard.flow.back(_now(wizard))
            wizard.restart()
        _read(wizard, phone, PhoneStatus(online=True))
        check = Checker(wizard, _data(session, phone))
        press_next(qtbot, wizard, PageId.PRECHECK)
        press_next(qtbot, wizard, PageId.RESET)
        page = wizard.reset_page
        for index in range(page.method.count()):
            page.method.setCurrentIndex(index)
            page._method_chosen(index)
            method = wizard.flow.method
            for step in method.steps:
                assert wizard.flow.current_step is step
                check(f"reset-{model}-{method.id}-{step.number}")
                if step.timed:
                    page.countdown.start()
                    page.countdown.tick()
                    check(f"reset-{model}-{method.id}-{step.number}-countdown")
                    for _ in range(step.hold_s or 0):
                        page.countdown.tick()
                    check(f"reset-{model}-{method.id}-{step.number}-released")
                page.next_step()
        wizard.reset_page.cleanupPage()
        wizard.back()
        assert check.problems == []


def _to_precheck(qtbot, wizard, phone, status, can_activate=True):
    _read(wizard, phone, status, can_activate)
    press_next(qtbot, wizard, PageId.PRECHECK)


def test_every_precheck_finding_in_dutch(qtbot, make_wizard, session, dutch):
    base = working_phone(session)
    wizard = make_wizard(lang="nl")
    check = Checker(wizard, _data(session, base))
    now = _now(wizard)
    online = PhoneStatus(online=True, private_ip="10.0.0.5")
    cases = {
        "disabled": replace(base, provisioning=ProvisioningState.DISABLED),
        "provision": replace(base, provisioning=ProvisioningState.PROVISION),
        "deprovision": replace(base, provisioning=ProvisioningState.DEPROVISION),
        "active": replace(base, provisioning=ProvisioningState.ACTIVE, activated_at=now),
        "active-unknown-time": replace(base, provisioning=ProvisioningState.ACTIVE, activated_at=None),
        "lapsed": replace(base, provisioning=ProvisioningState.ACTIVE, activated_at=now - timedelta(days=9)),
    }
    for name, phone in cases.items():
        for can_activate in (True, False):
            _read(wizard, phone, online if can_activate else None, can_activate)
            check(f"1-identify-{name}")
            press_next(qtbot, wizard, PageId.PRECHECK)
            check(f"2-precheck-{name}" + ("" if can_activate else "-no-write"))
            wizard.back()
    # Less than a day left: the warning.
    soon = deadline_for(now) - timedelta(hours=12)
    late = replace(base, provisioning=ProvisioningState.ACTIVE, activated_at=now)
    wizard._clock = lambda: soon
    _to_precheck(qtbot, wizard, late, online)
    assert wizard.precheck_page.warning.isVisible() and wizard.precheck_page.activate_button.isVisible()
    check("2-precheck-soon")
    # A warning raised while on the reset page (the activation lapsed meanwhile).
    press_next(qtbot, wizard, PageId.RESET)
    wizard._clock = lambda: soon + timedelta(days=1)
    wizard.tick()
    assert wizard.reset_page.notice.isVisible()
    check("3-reset-notice")
    assert check.problems == []


def test_identify_problems_and_the_add_phone_path_in_dutch(qtbot, make_wizard, session, dutch):
    base = working_phone(session)
    wizard = make_wizard(lang="nl")
    check = Checker(wizard, [*_data(session, base), *(c.name for c in session.companies), "'not a mac'",
                             "no-such-model"])
    page = wizard.identify_page
    page.mac_edit.setText("not a mac")
    page.look_up()
    check("1-identify-bad-mac")
    _read(wizard, replace(base, model="no-such-model"))
    check("1-identify-no-guide")
    wizard.flow.mac_not_found("000413aabbcc")  # what a lookup of an unknown MAC does
    page.show_reading(Reading(None, mac="000413aabbcc"))
    form = page.add_form
    assert form.isVisible()
    assert [form.encryption.itemText(i) for i in range(form.encryption.count())] == ["optioneel", "verplicht"]
    check("1-add-empty")
    form.name.setText("Receptie")
    check("1-add-nothing-chosen")
    assert form.add_button.toolTip() == "Kies de organisatie."
    form.organisation.setCurrentIndex(0)
    assert form.add_button.toolTip() == "Kies het model van de telefoon."
    form.model.setCurrentIndex(0)
    check("1-add-snom")
    yealink = next(i for i in range(form.model.count()) if form.model.itemData(i).vendor.value == "yealink")
    form.model.setCurrentIndex(yealink)
    check("1-add-mismatch")
    form.add()
    check("1-add-refused")
    page.show_reading(Reading(None, mac="aabbccddeeff"))
    form.prepare("aabbccddeeff")
    check("1-add-unknown-oui")
    form.organisation.clear()
    form.check()
    check("1-add-no-writable")
    form._added(Reading(replace(base, name="Receptie", mac="000413aabbcc"), None, None, True))
    check("1-add-added")
    assert check.problems == []


class _Waiting:
    """A wizard on the wait page for an activated phone, on a clock the test sets."""

    def __init__(self, qtbot, make_wizard, session, start, reset_at):
        self.base = working_phone(session)
        self.clock = [reset_at]
        self.wizard = make_wizard(lang="nl", config=FlowConfig(settle_s=30), clock=lambda: self.clock[0])
        self.check = Checker(self.wizard, _data(session, self.base))
        self.active = replace(self.base, provisioning=ProvisioningState.ACTIVE, activated_at=start)
        _to_precheck(qtbot, self.wizard, self.active, PhoneStatus(online=True))
        press_next(qtbot, self.wizard, PageId.RESET)
        walk_steps(qtbot, self.wizard)
        press_next(qtbot, self.wizard, PageId.WAIT)
        self.wizard.wait_page.stop_polling()  # the events are fed by the test

    def observe(self, phone, status, seconds=0):
        """A poll's answer, *seconds* later."""
        self.clock[0] += timedelta(seconds=seconds)
        self.wizard.wait_page._read(Reading(phone, status, None, True))
        self.wizard.wait_page.stop_polling()


def test_the_wait_and_a_success_after_restarts_in_dutch(qtbot, make_wizard, session, dutch):
    start = datetime.now(UTC)
    case = _Waiting(qtbot, make_wizard, session, start, start + timedelta(minutes=1))
    wizard, check = case.wizard, case.check
    check("4-wait-start")
    disabled = replace(case.active, provisioning=ProvisioningState.DISABLED)
    case.observe(disabled, PhoneStatus(online=False), 75)
    check("4-wait-contacted")
    now = case.clock[0]
    registered = PhoneStatus(online=True, registered_at=now, last_provisioned_at=now)
    case.observe(disabled, registered, 5)
    case.observe(disabled, PhoneStatus(online=False), 5)  # it restarts once more
    case.observe(disabled, registered, 5)
    assert wizard.flow.restarts == 1 and wizard.wait_page.settling.isVisible()
    wizard.wait_page._read_failed(TimeoutError())
    check("4-wait-settling-restarted")
    case.clock[0] += timedelta(seconds=31)
    wizard.tick()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.RESULT, timeout=5000)
    assert wizard.flow.result.success
    check("5-result-success-restarted")
    assert check.problems == []


@pytest.mark.parametrize("code", [*FAILURES])
def test_every_failure_result_in_dutch(qtbot, make_wizard, session, code, dutch):
    start = datetime.now(UTC)
    deadline = deadline_for(start)
    # Reset ten minutes before the weekly deadline, so that it can pass within the wait limit.
    reset_at = start + timedelta(minutes=1) if code == "wait-timeout" else deadline - timedelta(minutes=10)
    case = _Waiting(qtbot, make_wizard, session, start, reset_at)
    wizard, flow = case.wizard, case.wizard.flow
    if code == "vendor-registration-failed":
        failed = replace(case.active, provisioning=ProvisioningState.PROVISION)
        case.observe(failed, PhoneStatus(online=False))
    elif code == "deadline-passed-during-wait":
        case.observe(case.active, PhoneStatus(online=False), 15 * 60)
    elif code == "wait-timeout":
        case.observe(case.active, PhoneStatus(online=False), 21 * 60)
    elif code == "gave-up":
        wizard.wait_page.give_up()
    else:
        assert code == "reset-while-not-active"
        wizard = make_wizard(lang="nl")
        case.check = Checker(wizard, _data(session, case.base))
        _to_precheck(qtbot, wizard, replace(case.base, provisioning=ProvisioningState.DISABLED), None)
        wizard.precheck_page.already_reset()
        flow = wizard.flow
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.RESULT, timeout=5000)
    assert flow.result.code == code
    case.check(f"5-result-{code}")
    if code == "wait-timeout":
        assert wizard.result_page.keep_waiting_button.isVisible()
    assert case.check.problems == []


def test_the_dutch_troubleshooter_shows_no_english(qtbot, session, dutch):
    from compass_desk.gui.troubleshooter import TroubleshooterDialog

    base = working_phone(session)
    company = session.company(base.company_url).name
    problems = []
    now = datetime.now(UTC)
    cases = {
        "working": (base, PhoneStatus(online=True, registered_at=now)),
        "unread": (base, None),
        "offline": (base, PhoneStatus(online=False)),
        "active": (replace(base, provisioning=ProvisioningState.ACTIVE, activated_at=now), None),
        "lapsed": (replace(base, provisioning=ProvisioningState.ACTIVE, activated_at=now - timedelta(days=9)),
                   PhoneStatus(online=True)),
        "provision": (replace(base, provisioning=ProvisioningState.PROVISION), PhoneStatus(online=False)),
        "deprovision": (replace(base, provisioning=ProvisioningState.DEPROVISION), None),
    }
    for name, (phone, status) in cases.items():
        dialog = TroubleshooterDialog(phone, status=status, session=None, company_name=company, lang="nl")
        qtbot.addWidget(dialog)
        dialog.show()
        if name == "offline":
            dialog._read((phone, status, "De live status kon niet worden gelezen."))
        dialog.grab().save(f"/tmp/nl-wizard-troubleshooter-{name}.png")
        problems += [f"{name}: {t}" for t in english_left(dialog, [*_data(session, phone), company])]
        dialog.close()
    assert problems == []
