"""Singular and plural without "(s)" / "(en)": the helper, the provisioning viewer's and the compare
dialog's counts for one and for several (English and Dutch), and no "(s)" left in these screens' strings."""

from __future__ import annotations

import re

import pytest
from test_i18n import COMMITTED_TS, read_ts

from compass_desk.domain.provisioning import parse_text
from compass_desk.gui.plurals import plural
from compass_desk.gui.provisioning_compare import ProvisioningCompareDialog
from compass_desk.gui.provisioning_view import ProvisioningViewDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
ONE = "#!version:1.0.0.1\naccount.1.sip_server.1.port = 0\n"  # one setting, one finding
MANY = "#!version:1.0.0.1\naccount.1.label = Balie\naccount.1.password = Fake-Secret-1\nlang.gui = Dutch\n"

# The contexts (classes) of the screens this covers.
CONTEXTS = {"CacheView", "CacheViewDialog", "FirmwareChoices", "FirmwareDialog", "FirmwarePhones",
            "ProvisioningCompareDialog", "ProvisioningViewDialog", "SettingsModel", "RunPage", "ConfirmPage",
            "MethodPage", "TargetPage", "MoveWizard"}


@pytest.mark.parametrize(("count", "expected"), [(0, "0 files"), (1, "one file"), (2, "2 files"),
                                                 (11, "11 files")])
def test_plural_picks_by_count(count, expected):
    assert plural(count, "one file", "%1 files") == expected


def summary(qtbot, text: str) -> str:
    dialog = ProvisioningViewDialog(text, filename="a.cfg")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.checked)
    return dialog.summary.text()


def test_the_viewer_counts_one_and_several(qtbot):
    assert "a.cfg · Yealink .cfg · 1 setting · 1 error, 0 warnings" in summary(qtbot, ONE)
    many = summary(qtbot, MANY)
    assert " · 3 settings · 1 secret value masked · " in many and "(s)" not in many


def test_the_viewer_counts_in_dutch(qtbot, dutch):
    assert "1 instelling · 1 fout, 0 waarschuwingen" in summary(qtbot, ONE)
    assert " · 3 instellingen · 1 geheime waarde gemaskeerd · " in summary(qtbot, MANY)


def compared(qtbot, left: str, right: str) -> str:
    dialog = ProvisioningCompareDialog(parse_text(left, "a.cfg"), parse_text(right, "b.cfg"))
    qtbot.addWidget(dialog)
    return dialog.summary.text()


def test_compare_counts_one_and_several(qtbot):
    one = compared(qtbot, MANY, MANY.replace("Balie", "Receptie"))
    assert one == "1 line differs; 1 setting changed. Secrets are masked on both sides."
    two = compared(qtbot, MANY, MANY.replace("Balie", "Receptie").replace("Secret-1", "Secret-2"))
    assert two == ("2 lines differ; 2 settings changed, of which 1 secret (value hidden). Secrets are masked "
                   "on both sides.")


def test_compare_counts_in_dutch(qtbot, dutch):
    one = compared(qtbot, MANY, MANY.replace("Balie", "Receptie"))
    assert one == "1 regel verschilt; 1 instelling gewijzigd. Geheimen zijn aan beide kanten gemaskeerd."


def test_no_s_or_en_plurals_left_in_these_screens():
    bracketed = re.compile(r"\w\((s|en|n)\)")
    left = []
    for (context, source, _comment), message in read_ts(COMMITTED_TS).items():
        if context not in CONTEXTS or message.find("translation").get("type") in ("obsolete", "vanished"):
            continue
        dutch = message.findtext("translation") or ""
        if bracketed.search(source) or bracketed.search(dutch):
            left.append(f"{context}: {source}")
    assert left == []
