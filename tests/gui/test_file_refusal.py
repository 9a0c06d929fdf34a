"""Opening a binary file from disk is refused with one sentence (English and Dutch), not shown as an
empty viewer with "0 settings"; comparing with it is refused too."""

from __future__ import annotations

import pytest
from dutch_check import looks_english
from PySide6.QtWidgets import QApplication, QMessageBox

from compass_desk.gui import launchers, provisioning_view
from compass_desk.gui.provisioning_view import ProvisioningViewDialog, open_file

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

BINARY = b"#!version:1.0.0.1\n" + bytes(range(256)) * 12


@pytest.fixture
def boxes(monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(f"{title}\n{text}"))
    return said


def viewers() -> list[ProvisioningViewDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, ProvisioningViewDialog) and w.isVisible()]


@pytest.mark.parametrize("data", [BINARY, b"\x7fELF\x02\x01\x01" + b"\x00" * 200, b"\x01\x02\x03\x04" * 500])
def test_a_binary_file_is_refused_in_one_sentence(qtbot, tmp_path, boxes, data):
    path = tmp_path / "binary.cfg"
    path.write_bytes(data)
    assert open_file(None, path) is None
    assert viewers() == []
    [box] = boxes
    assert box.startswith("Cannot open file\nbinary.cfg cannot be opened: the file contains binary data"), box


def test_a_binary_file_is_refused_in_dutch_and_compare_refuses_it_too(dutch, qtbot, tmp_path, boxes):
    path = tmp_path / "binary.cfg"
    path.write_bytes(BINARY)
    assert provisioning_view.open_file(None, path) is None
    good = tmp_path / "good.cfg"
    good.write_text("#!version:1.0.0.1\naccount.1.label = Balie\n")
    assert launchers._compare(None, good, path) is None
    opened, compared = boxes
    assert opened.startswith("Bestand kan niet worden geopend\nbinary.cfg kan niet worden geopend: "
                             "het bestand bevat binaire gegevens"), opened
    assert compared.startswith("Kan niet vergelijken") and "binaire gegevens" in compared, compared
    assert not looks_english(opened) and not looks_english(compared)


def test_a_text_file_with_problems_still_opens_with_its_findings(qtbot, tmp_path, boxes):
    path = tmp_path / "broken.xml"
    path.write_bytes(b"<settings>\n<phone-settings>\n<user_host>x</phone-settings>\n</settings>\n")
    dialog = open_file(None, path)
    assert dialog is not None and boxes == []
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.checked)
    assert dialog.findings_list.item(0).text().startswith("Error · Line 3")
