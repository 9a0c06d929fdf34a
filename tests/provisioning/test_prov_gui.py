"""The viewer and compare dialogs, asserting on what the user sees: no secret unless revealed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from compass_desk.domain.provisioning import parse_bytes, parse_text
from compass_desk.domain.provisioning.secrets import mask_text
from compass_desk.gui.provisioning_compare import ProvisioningCompareDialog
from compass_desk.gui.provisioning_editor import CodeView
from compass_desk.gui.provisioning_view import ProvisioningViewDialog

SNOM = "snom-d785-with-user.xml"
SNOM_SECRETS = ("Fake-Web-Pass-7731", "Fake-Admin-4410", "Fake-Sip-Secret-1923", "Fake-Sip-Secret-5588")


def visible_text(dialog) -> str:
    """Everything the dialog shows as text: the editor, every table cell, the labels, the findings."""
    parts = [dialog.text_view.toPlainText(), dialog.summary.text(), dialog.custom_label.text()]
    model = dialog.proxy
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            parts.append(str(model.index(row, column).data()))
    parts += [dialog.findings_list.item(i).text() for i in range(dialog.findings_list.count())]
    return "\n".join(parts)


@pytest.fixture
def snom_dialog(qtbot, sample_bytes):
    revealed = []
    dialog = ProvisioningViewDialog(sample_bytes(SNOM), filename=SNOM, on_reveal=lambda: revealed.append(1))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.checked)  # validation runs just after the text is shown
    dialog.revealed_calls = revealed
    return dialog


def test_secrets_masked_by_default_everywhere(snom_dialog, tmp_path):
    shown = visible_text(snom_dialog)
    assert "<user_pass idx=\"1\" perm=\"R\">********</user_pass>" in shown
    assert [s for s in SNOM_SECRETS if s in shown] == []
    assert "4 secret values masked · 0 errors, 0 warnings" in snom_dialog.summary.text()
    snom_dialog.copy_shown()
    assert [s for s in SNOM_SECRETS if s in QGuiApplication.clipboard().text()] == []
    exported = tmp_path / "export.xml"
    snom_dialog.export_to(exported)
    text = exported.read_text(encoding="utf-8")
    assert "user_pass" in text and [s for s in SNOM_SECRETS if s in text] == []


def test_reveal_needs_a_click_calls_back_and_remasks_on_close(qtbot, snom_dialog, tmp_path):
    button = snom_dialog.reveal_button
    assert button.text() == "Reveal secrets"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert snom_dialog.revealed_calls == [1]
    assert all(s in visible_text(snom_dialog) for s in SNOM_SECRETS)
    assert button.text() == "Hide secrets"
    snom_dialog.export_to(tmp_path / "revealed.xml")
    assert "Fake-Sip-Secret-1923" in (tmp_path / "revealed.xml").read_text(encoding="utf-8")
    snom_dialog.close()
    assert not snom_dialog.revealed
    assert [s for s in SNOM_SECRETS if s in visible_text(snom_dialog)] == []


def test_reveal_refused_when_it_cannot_be_logged(qtbot, sample_bytes, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))

    def fail():
        raise RuntimeError("the audit log is not available")

    dialog = ProvisioningViewDialog(sample_bytes(SNOM), filename=SNOM, on_reveal=fail)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.reveal_button, Qt.MouseButton.LeftButton)
    assert not dialog.revealed and "audit log is not available" in warnings[0]
    assert [s for s in SNOM_SECRETS if s in visible_text(dialog)] == []


def test_find_with_ctrl_f(qtbot, snom_dialog):
    qtbot.keyClick(snom_dialog, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert snom_dialog.find_bar.isVisible()
    qtbot.keyClicks(snom_dialog.find_bar.field, 'idx="1"')
    cursor = snom_dialog.text_view.textCursor()
    assert cursor.selectedText() == 'idx="1"'
    first = snom_dialog.parsed.get("user_active", "1").line
    assert cursor.blockNumber() + 1 == first
    qtbot.keyClick(snom_dialog.find_bar.field, Qt.Key.Key_Return)
    assert snom_dialog.isVisible()  # Enter finds; it does not press a dialog button
    assert snom_dialog.text_view.textCursor().blockNumber() + 1 == first + 1
    qtbot.keyClick(snom_dialog.find_bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert snom_dialog.text_view.textCursor().blockNumber() + 1 == first
    qtbot.keyClicks(snom_dialog.find_bar.field, "zzz-not-there")
    assert snom_dialog.find_bar.status.text() == "Not found"
    qtbot.keyClick(snom_dialog.find_bar.field, Qt.Key.Key_Escape)
    assert not snom_dialog.find_bar.isVisible()


def test_settings_table_switch_filter_and_jump(qtbot, snom_dialog):
    snom_dialog.tabs.setCurrentIndex(1)
    proxy = snom_dialog.proxy
    assert proxy.rowCount() == len(snom_dialog.parsed.settings)
    headers = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
    assert headers == ["Setting", "Value", "Permission", "Line", "Notes"]
    snom_dialog.find_bar.open_bar()
    qtbot.keyClicks(snom_dialog.find_bar.field, "ldap")
    assert proxy.rowCount() == 1
    row = [proxy.index(0, c).data() for c in range(5)]
    assert row[0] == "ldap_server" and row[1] == " " and row[3] == 52
    assert "single space unsets" in row[4] and "custom settings" in row[4]
    assert proxy.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None  # custom rows are tinted
    snom_dialog.table.doubleClicked.emit(proxy.index(0, 0))
    assert snom_dialog.tabs.currentIndex() == 0
    assert snom_dialog.text_view.textCursor().blockNumber() + 1 == 52


def test_custom_part_and_findings_are_shown(qtbot, snom_dialog):
    assert snom_dialog.custom_label.isVisible()
    assert "lines 48–52" in snom_dialog.custom_label.text()
    items = [snom_dialog.findings_list.item(i).text() for i in range(snom_dialog.findings_list.count())]
    assert "Info · Line 8: firmware URL present" in items[0]
    snom_dialog.findings_list.itemActivated.emit(snom_dialog.findings_list.item(1))
    assert snom_dialog.text_view.textCursor().blockNumber() + 1 == 51


def test_broken_and_binary_files_still_open_with_a_finding(qtbot):
    broken = b"<settings><phone-settings>\n<http_pass>Fake-Broken-1</http_pass>\n<a></settings>\n"
    dialog = ProvisioningViewDialog(broken, filename="broken.xml")
    qtbot.addWidget(dialog)
    shown = visible_text(dialog)
    assert "Fake-Broken-1" not in shown and "<http_pass>********</http_pass>" in shown
    assert "Error · Line 3" in dialog.findings_list.item(0).text()
    binary = ProvisioningViewDialog(b"\x00\x01\x02" * 100, filename="x.rom")
    qtbot.addWidget(binary)
    assert binary.text_view.toPlainText() == "" and "binary" in binary.findings_list.item(0).text()


def test_highlighting_is_lazy_and_colours_what_is_on_screen(qtbot):
    lines = ["#!version:1.0.0.1"] + [f"account.{i}.label = Line {i}" for i in range(5000)]
    dialog = ProvisioningViewDialog("\n".join(lines) + "\n", filename="big.cfg")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    highlighter = dialog.text_view.highlighter
    assert 0 < highlighter.coloured_lines < 500
    block = dialog.text_view.document().findBlockByNumber(3)
    assert block.layout().formats()  # key coloured on a visible line
    dialog.text_view.go_to_line(4000)
    assert dialog.text_view.document().findBlockByNumber(3999).layout().formats()


def test_compare_dialog_marks_changes_and_hides_secrets(qtbot, sample_bytes):
    left = parse_bytes(sample_bytes("yealink-t54w-with-user.cfg"))
    right = parse_text(left.text.replace("Fake-Sip-Secret-7070", "Fake-Sip-Secret-0000")
                       .replace("linekey.2.label = Balie", "linekey.2.label = Receptie"))
    dialog = ProvisioningCompareDialog(left, right, left_title="cached copy", right_title="phone now")
    qtbot.addWidget(dialog)
    dialog.show()
    changes = [dialog.changes.item(i).text() for i in range(dialog.changes.count())]
    assert "account.1.password: secret changed (values hidden)" in changes
    assert "linekey.2.label changed: 'Balie' → 'Receptie'" in changes
    shown = dialog.left_view.toPlainText() + dialog.right_view.toPlainText() + dialog.summary.text()
    assert "Fake-Sip-Secret" not in shown + "".join(changes)
    assert "2 settings changed, of which 1 secret (value hidden)" in dialog.summary.text()
    changed = dialog.changed_rows()
    assert len(changed) == 2 and len(dialog.left_view.extraSelections()) == 2
    dialog.right_view.verticalScrollBar().setValue(10)
    assert dialog.left_view.verticalScrollBar().value() == 10


def test_open_for_phone_fetches_off_the_ui_thread_and_audits_reveal(qtbot, tmp_path, sample_bytes):
    from types import SimpleNamespace

    from PySide6.QtWidgets import QApplication, QWidget

    from compass_desk.domain.models import Environment, ProvisioningFile
    from compass_desk.gui.provisioning_view import open_for_phone
    from compass_desk.gui.worker import Worker
    from compass_desk.store.audit import AuditLog

    content = sample_bytes(SNOM).decode()
    file = ProvisioningFile("000413a1b2c3.xml", "application/xml", content)
    session = SimpleNamespace(provisioning_file=lambda phone: file)
    audit = AuditLog(tmp_path / "audit.db")
    worker = Worker()
    browser = SimpleNamespace(session=session, environment=Environment("production", "https://x", "jan"),
                              context=SimpleNamespace(audit=audit), worker=worker)
    parent = QWidget()
    qtbot.addWidget(parent)
    phone = SimpleNamespace(name="Reception", mac="000413a1b2c3")
    open_for_phone(parent, browser, phone)

    def dialog():
        found = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, ProvisioningViewDialog) and w.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(lambda: dialog() is not None)
    shown = dialog()
    assert "Reception (00:04:13:A1:B2:C3)" in shown.windowTitle()
    assert "Fake-Sip-Secret-1923" not in visible_text(shown)
    qtbot.mouseClick(shown.reveal_button, Qt.MouseButton.LeftButton)
    entries = audit.entries()
    assert [(e.action, e.target, e.environment) for e in entries] == [
        ("reveal provisioning secrets", "Reception (00:04:13:A1:B2:C3)", "production")]
    assert "Fake-Sip-Secret-1923" not in repr(entries)
    shown.close()
    worker.shutdown()
    audit.close()


def test_big_file_first_paint_is_masked_and_the_rest_follows(qtbot):
    lines = ["#!version:1.0.0.1"]
    for i in range(1, 1201):
        lines += [f"account.{i}.label = Line {i}", f"account.{i}.password = Fake-Big-{i:05d}"]
    lines += ["# Custom settings", "features.dnd.enable = 0"]
    text = "\n".join(lines) + "\n"
    dialog = ProvisioningViewDialog(text, filename="big.cfg")
    qtbot.addWidget(dialog)
    view = dialog.text_view
    # Before the event loop turns: only the start is in the view, already masked, numbers sized
    # for the whole file, and nothing after it is missing for copy or export.
    assert not view.content_complete
    assert 0 < view.blockCount() < len(lines)
    assert "Fake-Big-" not in view.toPlainText() and "********" in view.toPlainText()
    width, empty = view.number_width(), CodeView()
    qtbot.addWidget(empty)
    assert width == empty.number_width() + view.fontMetrics().horizontalAdvance("9")  # 4 digits, not 3
    assert dialog.shown_text() == mask_text(dialog.parsed)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.checked)
    assert view.content_complete and view.toPlainText() == mask_text(dialog.parsed)
    assert view.number_width() == width and view.blockCount() == len(lines) + 1
    assert f"lines {len(lines) - 1}–{len(lines)}" in dialog.custom_label.text()


def test_go_to_line_and_find_before_the_rest_is_in(qtbot):
    text = "#!version:1.0.0.1\n" + "".join(f"account.{i}.label = Line {i}\n" for i in range(3000))
    dialog = ProvisioningViewDialog(text, filename="big.cfg")
    qtbot.addWidget(dialog)
    dialog.show_line(2500)
    assert dialog.text_view.content_complete
    assert dialog.text_view.textCursor().blockNumber() + 1 == 2500
    other = ProvisioningViewDialog(text, filename="big.cfg")
    qtbot.addWidget(other)
    other.find_bar.open_bar()
    other.find_bar.field.setText("Line 2999")
    assert other.text_view.content_complete and other.find_bar.status.text() == ""
    assert other.text_view.textCursor().blockNumber() + 1 == 3001
    third = ProvisioningViewDialog(text, filename="big.cfg")
    qtbot.addWidget(third)
    third.set_revealed(True)  # a full render replaces what was held back
    assert third.text_view.content_complete and third.text_view.toPlainText() == text


def test_opening_something_that_is_not_a_regular_file_is_a_sentence_not_a_hang(qtbot, monkeypatch, tmp_path):
    import os

    from compass_desk.gui import provisioning_view

    shown = []
    monkeypatch.setattr(provisioning_view.QMessageBox, "warning", lambda *args: shown.append(args[2]))
    fifo = tmp_path / "pipe.cfg"
    os.mkfifo(fifo)  # reading a named pipe with no writer would block forever
    assert provisioning_view.open_file(None, fifo) is None
    assert len(shown) == 1 and "pipe.cfg" in shown[0]
