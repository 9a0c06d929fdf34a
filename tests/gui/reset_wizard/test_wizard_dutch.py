"""The wizard and the troubleshooter in Dutch: every text of their own is bilingual, and a walk through
every page with the Dutch translators installed shows no English (WIZARD_SHOTS=folder saves the pages)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget, QWizard

from compass_desk.gui import i18n, i18n_build
from compass_desk.gui.reset_wizard import PageId
from compass_desk.gui.reset_wizard.texts import T

from .test_wizard_flow import identified, press_next, walk_steps
from .wizard_helpers import shot, working_phone

_FIELD = re.compile(r"\{[^{}]*\}")
# English words that Dutch sentences never use; a visible text holding one was not translated.
_ENGLISH = re.compile(r"\b(the|and|with|you|your|this|not|from|press|before|after|phone|waiting|step)\b",
                      re.IGNORECASE)
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


@pytest.fixture
def dutch(qapp, tmp_path):
    i18n_build.release(i18n_build.ts_path("nl"), tmp_path / "compass_desk_nl.qm")
    i18n.install("nl", directory=tmp_path)
    yield
    i18n.uninstall()


def _visible_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel):
            texts.append(re.sub(r"<[^>]+>", " ", widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
    return [t.replace("&", "") for t in texts if t.strip()]


def _english_in(root: QWidget, data: list[str]) -> list[str]:
    found = []
    for text in _visible_texts(root):
        for value in data:  # names typed by people may be in any language
            text = text.replace(value, "")
        if _ENGLISH.search(text):
            found.append(text)
    return found


def test_a_dutch_walk_through_every_page_shows_no_english(qtbot, make_wizard, session, simulator,
                                                         confirmations, dutch):
    phone = working_phone(session)
    company = session.company(phone.company_url).name
    data = [phone.name, company, phone.model]
    wizard = make_wizard(phone=phone, lang="nl")
    identified(qtbot, wizard)
    assert wizard.identify_page.fields["state"].text() == "Disabled (normaal)"

    def check(name: str) -> None:
        shot(wizard, f"nl-{name}")
        assert _english_in(wizard, data) == [], name

    check("1-identify")
    press_next(qtbot, wizard, PageId.PRECHECK)
    check("2-precheck-disabled")
    wizard.precheck_page.activate_button.click()
    qtbot.waitUntil(lambda: wizard.flow.precheck.ready and not wizard.busy(), timeout=10_000)
    check("2-precheck-active")
    press_next(qtbot, wizard, PageId.RESET)
    check("3-reset-step1")
    walk_steps(qtbot, wizard)
    check("3-reset-last")
    press_next(qtbot, wizard, PageId.WAIT)
    wait = wizard.wait_page
    check("4-wait-start")
    qtbot.waitUntil(lambda: not wizard.busy() and wait.simulate_button.isEnabled(), timeout=10_000)
    wait.simulate_button.click()
    qtbot.waitUntil(lambda: "gesimuleerde telefoon is gereset" in wait.notice.text(), timeout=10_000)
    simulator.advance_clock(10)
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.RESULT, timeout=10_000)
    assert wizard.button(QWizard.WizardButton.FinishButton).text().replace("&", "") == "Voltooien"
    check("5-result-success")


def test_the_dutch_troubleshooter_shows_no_english(qtbot, session, dutch):
    from compass_desk.gui.troubleshooter import TroubleshooterDialog

    phone = working_phone(session)
    company = session.company(phone.company_url).name
    dialog = TroubleshooterDialog(phone, status=None, session=None, company_name=company, lang="nl")
    qtbot.addWidget(dialog)
    dialog.show()
    shot(dialog, "nl-troubleshooter")
    assert _english_in(dialog, [phone.name, company, phone.model]) == []
