"""A failed audit write does not undo a done action; a damaged state file does not stop the start;
uncaught errors reach the user as one sentence; file errors are not called network errors."""

from __future__ import annotations

from gui_helpers import select_phone
from PySide6.QtCore import Qt

from compass_desk.store.db import StoreError


def test_a_failed_audit_write_leaves_a_done_activate_done(qtbot, make_context, make_window, monkeypatch):
    context = make_context()
    window = make_window(context)
    monkeypatch.setattr("compass_desk.gui.actions.confirm", lambda *args: True)

    def broken(*args, **kwargs):
        raise StoreError("The local state file could not be written.")

    monkeypatch.setattr(context.audit, "record", broken)
    row = window.model.rows()[0]
    window.search.setText(row.phone.mac)
    select_phone(qtbot, window, row)
    qtbot.mouseClick(window.details.buttons["activate"], Qt.MouseButton.LeftButton)
    text = window.status.message.text
    qtbot.waitUntil(lambda: "done" in text() or "failed" in text())
    assert "done" in window.status.message.text()
    assert window.model.rows()[window.model.row_for_url(row.url)].phone.provisioning.value == "active"


def test_a_damaged_state_file_starts_without_audit_and_says_so(qtbot, isolated_home, make_window):
    from compass_desk.gui.context import AppContext, Passwords, open_store
    from compass_desk.paths import app_paths
    from compass_desk.store.db import state_db_path

    paths = app_paths(isolated_home)
    paths.ensure()
    state_db_path(paths.data).write_bytes(b"this is not an SQLite database" * 100)
    context = AppContext([], Passwords(use_keyring=False), paths, interactive=False)
    open_store(context)  # no exception
    try:
        assert context.audit is None and context.cache is not None
        assert context.warnings and "audit log could not be opened" in str(context.warnings[0])
        window = make_window(context, wait=False)
        assert "audit log could not be opened" in window.status.message.text()
    finally:
        context.close()


def test_uncaught_errors_are_logged_and_shown_as_one_sentence(qtbot, make_context, make_window, caplog):
    import sys
    import threading

    from PySide6.QtWidgets import QMessageBox

    from compass_desk.gui.crash import install_excepthooks

    window = make_window(make_context())
    before = sys.excepthook, threading.excepthook
    restore = install_excepthooks(window)
    try:
        try:
            raise ValueError("boom in a slot")
        except ValueError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        qtbot.waitUntil(lambda: "unexpected problem" in window.status.message.text())
        boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        assert len(boxes) == 1 and "unexpected problem" in boxes[0].text()
        assert "boom in a slot" in caplog.text and "Traceback" in caplog.text
        boxes[0].close()
        window.status.say("")

        def fail():
            raise OSError(28, "No space left on device")

        thread = threading.Thread(target=fail)
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: window.status.message.text() != "")
        assert "Traceback" not in window.status.message.text()
    finally:
        restore()
    assert (sys.excepthook, threading.excepthook) == before


def test_file_errors_name_the_file_and_network_errors_the_network(qapp):
    import errno
    import socket

    from compass_desk.gui.messages import user_message

    denied = PermissionError(errno.EACCES, "Permission denied", "/srv/audit.csv")
    text = user_message(denied, "export the audit log")
    assert text == "Could not write /srv/audit.csv: permission denied."
    assert "network" not in text
    full = OSError(errno.ENOSPC, "No space left on device", "/media/usb/audit.csv")
    assert user_message(full) == "Could not write /media/usb/audit.csv: the disk is full."
    missing = FileNotFoundError(errno.ENOENT, "No such file or directory", "/tmp/gone.pem")
    assert user_message(missing, "open the certificate") == \
        "Could not read /tmp/gone.pem: it does not exist."
    folder = IsADirectoryError(errno.EISDIR, "Is a directory", "/home/me")
    assert "/home/me" in user_message(folder, "save the report")
    for error in (ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"), socket.gaierror(-2, "x"),
                  OSError(errno.ENETUNREACH, "Network is unreachable")):
        assert "Could not reach the server" in user_message(error), error
    assert "did not answer in time" in user_message(TimeoutError())


def test_file_errors_say_the_system_reason_in_dutch(dutch):
    import errno

    from compass_desk.gui.messages import user_message

    denied = PermissionError(errno.EACCES, "Permission denied", "/srv/audit.csv")
    assert user_message(denied, "export the audit log") == "Kon /srv/audit.csv niet schrijven: geen toegang."
    missing = FileNotFoundError(errno.ENOENT, "No such file or directory", "/tmp/gone.pem")
    assert user_message(missing, "open the certificate") == "Kon /tmp/gone.pem niet lezen: het bestaat niet."


def test_store_errors_are_recognised_by_type_not_name(qapp):
    from compass_desk.gui.messages import user_message

    class StoreError(Exception):  # same name, another class: a bug, not a store sentence
        pass

    assert "unexpected problem" in user_message(StoreError("internal detail"))
    from compass_desk.store.db import StoreError as Real

    assert user_message(Real("the state file is from a newer version")) == \
        "The state file is from a newer version."


def test_the_gui_package_no_longer_patches_reference_counts():
    import subprocess
    import sys

    # The ctypes work-around for PySide6 6.12.0 wrote into CPython objects; that release is excluded.
    code = "import sys, compass_desk.gui, compass_desk.gui.qtfix as q; print('ctypes' in sys.modules, q.emit)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.startswith("False ")


def test_signed_out_mid_session_says_what_the_list_shows(qtbot, make_context, make_window, demo_servers):
    """Credentials that expire: the phones of the last refresh stay, and the banner says they are from
    that refresh (not "no saved data"); the status bar no longer says "Connecting"."""
    from compass_desk.gui.browser import Mode

    context = make_context()
    context.interactive = False  # a password prompt would wait for an answer nobody gives
    window = make_window(context)
    shown = window.model.rowCount()
    simulator = demo_servers.simulator(window.browser.environment.name)
    simulator.set_faults(credentials_expire_after=0)
    try:
        window.refresh_action.trigger()
        qtbot.waitUntil(lambda: window.browser.mode == Mode.OFFLINE and not window.worker.jobs(),
                        timeout=20_000)
    finally:
        simulator.set_faults(credentials_expire_after=None)
    assert window.model.rowCount() == shown
    banner = window.banner.text()
    assert "Showing saved data as of" in banner and "no saved data" not in banner
    assert "Connecting" not in window.status.message.text()
