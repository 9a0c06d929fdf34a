"""The provisioning screens in Dutch: a phone's file from the simulator, files from disk with
findings and problems, broken files, the compare dialog and the offline cache. What the parser,
the validator and the diff word (findings, notes, explanations, format names) must read in Dutch;
the file's own text is data (``include_documents=False``). Screenshots go to
/tmp/compass-desk-finish/."""

from __future__ import annotations

from pathlib import Path

import pytest
from dutch_check import english_left, looks_english
from gui_helpers import select_phone
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from compass_desk.domain.provisioning import parse_bytes, parse_text
from compass_desk.gui import launchers
from compass_desk.gui.cache_view import CacheViewDialog, provisioning_cache_for
from compass_desk.gui.provisioning_compare import ProvisioningCompareDialog
from compass_desk.gui.provisioning_view import ProvisioningViewDialog, open_file
from compass_desk.resources import resource_path

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

SHOTS = Path("/tmp/compass-desk-finish")
# Values in the sample files that are data, not sentences (a setting's value, a comment in the file).
SAMPLE_DATA = ("Compass provisioning for", "Snom plain-text settings")


def shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / f"provisioning_{name}_nl.png"))


def sample(name: str) -> bytes:
    return resource_path("samples", name).read_bytes()


def findings(dialog: ProvisioningViewDialog) -> list[str]:
    return [dialog.findings_list.item(i).text() for i in range(dialog.findings_list.count())]


def no_english(dialog, allowed=()) -> None:
    """Both tabs of a viewer (the table is only visible on its own tab), then back to the text.

    A viewer's setting names and values are data ("phone_setting.backlight_time" holds "phone"), so
    they are allowed; its findings and the table's notes and tooltips are then checked once more
    with only the names and values taken out, so an English sentence about a setting is still found.
    """
    data = [*SAMPLE_DATA, *allowed]
    if not isinstance(dialog, ProvisioningViewDialog):
        left = english_left(dialog, allowed=data, include_documents=False, rows=400)
        assert left == [], f"English left in {dialog.windowTitle()}:\n" + "\n".join(left)
        return
    words = sorted({w for s in dialog.parsed.settings for w in (s.display_name, s.value.strip()) if w},
                   key=len, reverse=True)
    for tab in (1, 0):
        dialog.tabs.setCurrentIndex(tab)
        left = english_left(dialog, allowed=data + words, include_documents=False, rows=400)
        assert left == [], f"English left in {dialog.windowTitle()}:\n" + "\n".join(left)
    model = dialog.model
    sentences = findings(dialog) + [str(model.index(r, c).data(role) or "") for r in range(model.rowCount())
                                    for c, role in ((4, Qt.ItemDataRole.DisplayRole),
                                                    (2, Qt.ItemDataRole.ToolTipRole))]
    for sentence in sentences:
        for word in words:
            sentence = sentence.replace(word, " ")
        assert not looks_english(sentence), sentence


def viewer(qtbot, source, filename: str) -> ProvisioningViewDialog:
    dialog = ProvisioningViewDialog(source, filename=filename)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.checked)
    return dialog


def test_a_phones_file_and_its_offline_copy_read_in_dutch(dutch, qtbot, make_context, make_window):
    context = make_context(user="helpdesk")
    window = make_window(context)
    row = window.model.rows()[2]
    window.search.setText(row.phone.mac)
    select_phone(qtbot, window, row)
    qtbot.mouseClick(window.details.buttons["provisioning"], Qt.MouseButton.LeftButton)

    def dialogs():
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, ProvisioningViewDialog) and w.isVisible()]

    qtbot.waitUntil(lambda: bool(dialogs()) and dialogs()[0].checked, timeout=10_000)
    dialog = dialogs()[0]
    assert dialog.windowTitle().startswith("Provisioningbestand van")
    summary = dialog.summary.text()
    assert " instellingen · 4 geheime waarden gemaskeerd · 0 fouten, 0 waarschuwingen" in summary
    assert findings(dialog), "the simulator's file should have at least the firmware finding"
    no_english(dialog, allowed=[row.phone.name])
    shot(dialog, "phone_file")
    dialog.close()

    # Viewing kept a copy: the cache view lists it, and opening it shows the offline banner in Dutch.
    cache = provisioning_cache_for(context)
    assert cache is not None
    view = CacheViewDialog(cache, user="helpdesk")
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert view.table.rowCount() == 1
    assert view.summary.text().startswith("1 provisioningbestand van 1 organisatie,")
    data = [view.table.item(0, c).text() for c in (0, 1, 3)]
    no_english(view, allowed=data)
    shot(view, "cache_view")
    view.table.selectRow(0)
    copy = view.open_selected()
    qtbot.addWidget(copy)
    qtbot.waitUntil(lambda: copy.checked)
    banner = copy.findChild(QLabel, "offlineBanner")
    assert banner.text().startswith("Offline kopie, opgehaald op")
    no_english(copy, allowed=[row.phone.name])
    shot(copy, "offline_copy")


def test_without_a_secure_keyring_the_cache_says_why_in_dutch(dutch, qtbot, make_context, make_window):
    import keyring
    from keyring.backends import fail

    context = make_context(user="helpdesk")
    window = make_window(context)
    keyring.set_keyring(fail.Keyring())  # the memory_keyring fixture puts its own back afterwards
    row = window.model.rows()[3]
    window.search.setText(row.phone.mac)
    select_phone(qtbot, window, row)
    qtbot.mouseClick(window.details.buttons["provisioning"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(isinstance(w, ProvisioningViewDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=10_000)
    cache = provisioning_cache_for(context)
    assert cache is not None and cache.secrets_note_text.nl != ""
    view = CacheViewDialog(cache, user="helpdesk")
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    summary = view.summary.text()
    assert "Wachtwoorden worden niet bewaard: " in summary and cache.secrets_note_text.nl in summary
    assert view.table.item(0, 6).text() == "niet bewaard"
    no_english(view, allowed=[view.table.item(0, c).text() for c in (0, 1, 3)])
    shot(view, "cache_view_no_keyring")
    view.table.selectRow(0)
    copy = view.open_selected()
    qtbot.addWidget(copy)
    qtbot.waitUntil(lambda: copy.checked)
    assert "De wachtwoorden erin zijn niet bewaard" in copy.findChild(QLabel, "offlineBanner").text()
    no_english(copy, allowed=[row.phone.name])


def test_a_file_from_disk_with_findings_problems_and_a_note_reads_in_dutch(dutch, qtbot, tmp_path):
    cfg = sample("yealink-t54w-with-user.cfg").decode().removeprefix("#!version:1.0.0.1\n")
    cfg += ("this line is not a setting\naccount.1.enable = yes\nlang.gui = English\n"
            "static.network.vlan.internet_port_vid = 5000\naccount.1.sip_server.1.port = 0\n"
            "static.auto_provision.server.url = http://prov.example/\nlang.wui = %NULL%\n")
    path = tmp_path / "toestel-12.cfg"
    path.write_bytes(cfg.encode("latin-1", "replace") + b"# caf\xe9\n")  # not UTF-8: a decoding note
    dialog = open_file(None, path)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.checked)
    said = "\n".join(findings(dialog))
    for dutch_words in ("de eerste regel moet", "is geen instelling", "moet 0 (uit) of 1 (aan) zijn",
                        "eigen instelling lang.gui gaat voor regel", "een VLAN-ID moet", "een poort moet",
                        "gebruikt gewone http", "firmware-URL aanwezig"):
        assert dutch_words in said, dutch_words
    assert "Yealink .cfg" in dialog.summary.text() and "geen geldige UTF-8" in dialog.summary.text()
    no_english(dialog)
    shot(dialog, "findings")
    dialog.tabs.setCurrentIndex(1)
    shot(dialog, "findings_table")

    snom = viewer(qtbot, sample("snom-legacy-text.htm"), "snom-legacy-text.htm")
    notes = [snom.model.index(r, 4).data() for r in range(snom.model.rowCount())]
    tips = [snom.model.index(r, 2).data(Qt.ItemDataRole.ToolTipRole) for r in range(snom.model.rowCount())]
    assert any("eigen instellingen" in n for n in notes) and any("één spatie wist" in n for n in notes)
    assert "alleen-lezen: de gebruiker kan het op de telefoon niet wijzigen" in tips
    assert not [t for t in notes + tips if t and looks_english(t)]
    no_english(snom)
    snom.tabs.setCurrentIndex(1)
    shot(snom, "snom_text_table")


BROKEN = [
    ("broken.xml", b"<settings>\n<phone-settings>\n<user_host>x</phone-settings>\n</settings>\n",
     "de XML is niet goed gevormd op regel 3: eindtag past niet bij de begintag"),
    ("words.conf", b"Dear reader,\nthis is a letter.\n", "geen provisioningbestand van Snom of Yealink"),
]


@pytest.mark.parametrize(("name", "data", "dutch_words"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_file_says_why_in_dutch(dutch, qtbot, tmp_path, monkeypatch, name, data, dutch_words):
    path = tmp_path / name
    path.write_bytes(data)
    dialog = open_file(None, path)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.checked)
    assert any(dutch_words in f for f in findings(dialog)), findings(dialog)
    assert findings(dialog)[0].startswith("Fout · ")
    no_english(dialog, allowed=["Dear reader"])
    shot(dialog, f"broken_{path.suffix[1:]}")

    # Comparing it with a good file refuses in one Dutch sentence.
    good = tmp_path / "good.cfg"
    good.write_bytes(sample("yealink-t46u-no-user.cfg"))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(f"{title}\n{text}"))
    assert launchers._compare(None, good, path) is None
    [box] = said
    assert box.startswith("Kan niet vergelijken") and dutch_words in box and not looks_english(box), box


def test_the_compare_dialog_reads_in_dutch(dutch, qtbot):
    left_text = sample("yealink-t54w-with-user.cfg").decode()
    right_text = (left_text.replace("account.1.label = Petra Visser", "account.1.label = Balie")
                  .replace("Fake-Sip-Secret-7070", "Fake-Sip-Secret-9999")
                  .replace("lang.wui = Dutch\n", "") + "voice.tone.country = Netherlands\n")
    dialog = ProvisioningCompareDialog(parse_text(left_text, "a.cfg"), parse_text(right_text, "b.cfg"),
                                       left_title="voor.cfg", right_title="na.cfg")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    changes = [dialog.changes.item(i).text() for i in range(dialog.changes.count())]
    assert "account.1.label gewijzigd: 'Petra Visser' → 'Balie'" in changes
    assert any("geheim gewijzigd (waarden verborgen)" in c for c in changes)
    assert any(c.startswith("lang.wui verwijderd") for c in changes)
    assert "voice.tone.country toegevoegd: 'Netherlands' (regel 53)" in changes
    summary = dialog.summary.text()
    assert summary.startswith("4 regels verschillen; 4 instellingen gewijzigd, waarvan 1 geheim (waarde")
    no_english(dialog, allowed=["Petra Visser"])
    shot(dialog, "compare")


def test_the_english_stays_english(qtbot):
    """Without Dutch installed the same screens keep their English (the source language)."""
    dialog = viewer(qtbot, b"<settings>\n<x>\n</settings>\n", "broken.xml")
    assert findings(dialog)[0].startswith("Error · Line 3: the XML is not well-formed at line 3")
    parsed = parse_bytes(sample("snom-legacy-text.htm"), "snom-legacy-text.htm")
    assert "Snom text" in ProvisioningViewDialog(parsed, filename="x").summary.text()
