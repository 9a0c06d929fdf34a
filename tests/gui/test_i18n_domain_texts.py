"""Domain texts the GUI translates by their English wording: the lists it hands to lupdate must
match the domain's current wording, or the Dutch screens would silently fall back to English."""

from __future__ import annotations

from compass_desk.domain import move_plan


def test_every_move_plan_text_shown_is_worded_in_dutch():
    """The move wizard shows the plan's labels, trade-offs and the switch note as domain Texts."""
    shown = [*move_plan.METHOD_LABELS.values(), *move_plan.METHOD_TRADE_OFFS.values(),
             move_plan.ENVIRONMENT_SWITCH_NOTE]
    for text in shown:
        assert text.nl.strip() and text.nl != text.en, text


def test_the_firmware_and_site_check_words_match_the_domain():
    from compass_desk.domain import firmware_plan
    from compass_desk.domain.sitecheck import Outcome
    from compass_desk.domain.sitecheck_report import LABEL_TEXTS, LABELS

    # The firmware dialog shows domain.firmware_plan's Text; the CLI and the CSV keep the English word.
    assert firmware_plan.USE_INSTALLED_LABEL == firmware_plan.USE_INSTALLED.en == "Use installed firmware"
    # The site check's verdict words are Text in the domain (the dialog shows them with localize):
    # one per outcome, the CLI's English the same as before.
    assert set(LABEL_TEXTS) == set(LABELS) == set(Outcome)
    assert LABELS == {Outcome.PASSED: "OK", Outcome.WARNING: "CHECK", Outcome.FAILED: "FAIL",
                      Outcome.SKIPPED: "SKIPPED", Outcome.INFO: "INFO"}


def test_firmware_choices_show_the_domains_option_texts_in_each_language(qtbot, tmp_path):
    """The firmware dialog's choice list is domain.firmware_plan's option Text in the installed
    language (plus the GUI's own "selected now" mark), never a wording of its own."""
    from compass_desk.domain import firmware_plan as fp
    from compass_desk.domain.models import Phone, PhoneModel, ProvisioningState, Vendor
    from compass_desk.gui import i18n, i18n_build
    from compass_desk.gui.firmware_choices import FirmwareChoices

    model = PhoneModel("snom-d785", Vendor.SNOM, "D785",
                       firmwares=("10.1.159.12", "10.1.184.15", "10.1.198.19"))
    phones = [Phone(f"https://x/phone/{n}", str(n), f"Phone {n}", f"00041300000{n}", model.id, "https://x/c/1",
                    ProvisioningState.DISABLED) for n in (1, 2, 3)]
    installed = {phones[0].url: "10.1.159.12", phones[1].url: "10.1.198.19", phones[2].url: None}
    i18n_build.release(i18n_build.ts_path("nl"), tmp_path / "compass_desk_nl.qm")
    options = fp.options(model, [(p, installed[p.url]) for p in phones])
    try:
        for language in ("en", "nl"):
            i18n.install(language, directory=tmp_path)
            for shown in (phones[:1], phones):
                panel = FirmwareChoices(None, single=len(shown) == 1)
                qtbot.addWidget(panel)
                panel.show_phones(model, shown, installed)
                texts = [panel.list.item(row).text() for row in range(panel.list.count())]
                pairs = [(p, installed[p.url]) for p in shown]
                expected = [o.text.get(language) for o in fp.options(model, pairs)]
                assert [t.split(" — ")[0] for t in texts] == expected
    finally:
        i18n.uninstall()
    assert options[3].text.en == "10.1.198.19 (latest certified): newer for 1, same for 1, unknown for 1"
    assert options[3].text.nl == ("10.1.198.19 (nieuwste gecertificeerde): nieuwer voor 1, gelijk voor 1, "
                                  "onbekend voor 1")
    assert options[0].text.nl == "Geïnstalleerde firmware gebruiken"
