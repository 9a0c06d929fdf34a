"""The site check dialog: rows fill in per check, plain verdicts, copy and save the report, cancel."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from compass_desk.domain.sitecheck import CheckKind, CheckSpec, RunSettings
from compass_desk.gui.sitecheck_dialog import CHECKING, SiteCheckDialog
from compass_desk.gui.worker import Worker


@pytest.fixture
def make_dialog(qtbot, site):
    made = []

    def make(specs, timeout_s=0.5):
        worker = Worker()
        dialog = SiteCheckDialog(worker, checks=(RunSettings(timeout_s=timeout_s, total_s=3), specs),
                                 options=site.options())
        qtbot.addWidget(dialog)
        made.append(worker)
        return dialog

    yield make
    for worker in made:
        assert worker.shutdown(5000)


def cell(dialog, row, column):
    return dialog.table.item(row, column).text()


def test_dialog_shows_each_verdict_and_what_to_ask_it(qtbot, site, make_dialog):
    ntp = CheckSpec(id="ntp", kind=CheckKind.NTP, title="Time server", host="time.test",
                    port=site.ports["ntp-silent"])
    laptop = CheckSpec(id="laptop", kind=CheckKind.LAPTOP, title="Laptop")
    dialog = make_dialog([site.spec("good", title="Snom SRAPS"), site.spec("proxy", title="Yealink RPS"),
                          ntp, laptop])
    dialog.show()
    with qtbot.waitSignal(dialog.finished_run, timeout=5000):
        dialog.start()
        assert dialog.cancel_button.isEnabled() and not dialog.run_button.isEnabled()
    assert dialog.table.rowCount() == 4
    assert cell(dialog, 0, 0).startswith("Snom SRAPS\ngood.test:")
    assert cell(dialog, 0, 1) == "OK"
    assert cell(dialog, 1, 1) == "FAIL"
    assert "HTTPS to proxy.test is intercepted" in cell(dialog, 1, 2)
    assert "\nAsk IT: Please exempt proxy.test" in cell(dialog, 1, 2)
    assert "issuer: " in dialog.table.item(1, 2).toolTip()
    assert cell(dialog, 2, 1) == "FAIL" and "UDP port" in cell(dialog, 2, 2)
    assert dialog.headline.text().startswith("2 of 3 checks found a problem")
    assert cell(dialog, 3, 1) == "INFO" and "\naddress: 127.0.0.1" in cell(dialog, 3, 2)
    assert dialog.progress.value() == dialog.progress.maximum() == 4
    assert dialog.copy_button.isEnabled() and dialog.save_button.isEnabled()
    assert dialog.run_button.isEnabled() and not dialog.cancel_button.isEnabled()


def test_copy_and_save_the_report(qtbot, site, make_dialog, tmp_path):
    dialog = make_dialog([site.spec("expired", title="Vendor <b>")])
    with qtbot.waitSignal(dialog.finished_run, timeout=5000):
        dialog.start()
    dialog.copy_report()
    # Read the clipboard into plain strings: a Python reference to the clipboard's own QMimeData
    # outliving the application makes the interpreter crash at exit.
    text = QGuiApplication.clipboard().mimeData().text()
    html = QGuiApplication.clipboard().mimeData().html()
    assert text.startswith("Compass Desk site check")
    assert "[FAIL] Vendor <b>" in text
    assert "Vendor &lt;b&gt;" in html
    assert dialog.save_report(tmp_path / "r.html")
    assert "Vendor &lt;b&gt;" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert dialog.save_report(tmp_path / "r.txt")
    assert "expired on" in (tmp_path / "r.txt").read_text(encoding="utf-8")
    assert "Saved to" in dialog.headline.text()


def test_save_failure_is_a_sentence(qtbot, site, make_dialog, tmp_path, monkeypatch):
    dialog = make_dialog([site.spec("good")])
    with qtbot.waitSignal(dialog.finished_run, timeout=5000):
        dialog.start()
    shown = []
    monkeypatch.setattr("compass_desk.gui.sitecheck_dialog.QMessageBox.warning",
                        lambda parent, title, text: shown.append(text))
    assert not dialog.save_report(tmp_path / "missing" / "r.txt")
    assert shown and shown[0].startswith("The report could not be saved to")


def test_save_button_asks_for_a_file(qtbot, site, make_dialog, tmp_path, monkeypatch):
    dialog = make_dialog([site.spec("good")])
    with qtbot.waitSignal(dialog.finished_run, timeout=5000):
        dialog.start()
    target = tmp_path / "chosen.html"
    monkeypatch.setattr("compass_desk.gui.sitecheck_dialog.QFileDialog.getSaveFileName",
                        lambda *args: (str(target), "HTML report (*.html)"))
    dialog.save_button.click()
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cancel_marks_unfinished_checks(qtbot, site, make_dialog):
    dialog = make_dialog([site.spec("good"), site.spec("hang")], timeout_s=2.0)
    dialog.start()
    qtbot.waitUntil(lambda: cell(dialog, 0, 1) == "OK", timeout=3000)
    assert cell(dialog, 1, 1) == CHECKING
    with qtbot.waitSignal(dialog.finished_run, timeout=3000):
        dialog.cancel_button.click()
    assert cell(dialog, 1, 1) == "Cancelled"
    assert "cancelled" in dialog.headline.text()
    assert not dialog.copy_button.isEnabled()
    assert dialog.run_button.isEnabled()


def test_run_again_after_cancel_starts_fresh(qtbot, site, make_dialog):
    dialog = make_dialog([site.spec("good"), site.spec("hang")])
    dialog.start()
    with qtbot.waitSignal(dialog.finished_run, timeout=3000):
        dialog.cancel()
    dialog._plan = (RunSettings(timeout_s=0.5, total_s=3),
                    [site.spec("good"), site.spec("good", host="blocked.test", id="blocked",
                                                  port=site.ports["refused"])])
    with qtbot.waitSignal(dialog.finished_run, timeout=5000):
        dialog.run_button.click()
    assert [cell(dialog, row, 1) for row in range(dialog.table.rowCount())] == ["OK", "FAIL"]
    assert dialog.report is not None and not dialog.report.cancelled
