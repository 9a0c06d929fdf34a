"""The errors a user sees in the main window read as Dutch when the app speaks Dutch: the lower layers'
sentences (api, store, services, domain.mac) arrive as Text and are shown in the installed language.

Each state is produced for real: the demo simulators with their faults, a closed port, a keyring that
fails, a MAC typed in the search box, a file that cannot be a provisioning file.
"""

from __future__ import annotations

import dataclasses
import os
import socket

import httpx
import pytest
from dutch_check import english_left, looks_english
from PySide6.QtCore import Qt

from compass_desk.gui.browser import Mode

SHOTS = os.environ.get("COMPASS_DESK_SHOTS")  # a folder: save a PNG of each state there
# The app's Dutch comes from the shared ``dutch`` fixture (tests/gui/conftest.py).


def _shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, f"nl-{name}.png"))


def _fast_connect(base_url_of, timeout: float = 5.0):
    """A connect function like the demo's, but with one try and a short timeout (faults show at once)."""
    from compass_desk.api.client import CompassClient
    from compass_desk.api.transport import RetryPolicy
    from compass_desk.services.session import Session

    def connect(environment, password):
        real = dataclasses.replace(environment, base_url=base_url_of(environment))
        client = CompassClient(real, password, retry=RetryPolicy(attempts=1, sleep=lambda _s: None),
                               timeout=httpx.Timeout(timeout))
        try:
            client.whoami()
        except BaseException:
            client.close()
            raise
        return Session(client, real)

    return connect


def _context(make_context, demo_servers, timeout: float = 5.0, base_url_of=None):
    context = make_context()
    context.interactive = False  # a password prompt would wait for an answer nobody gives
    context.connect = _fast_connect(base_url_of or (lambda env: demo_servers.base_url(env.name)), timeout)
    return context


def _simulator(demo_servers, window):
    return demo_servers.simulator(window.browser.environment.name)


def _data(window) -> list[str]:
    """Names and addresses shown as they are (data, not sentences)."""
    environment = window.browser.environment
    names = [environment.name, environment.username] if environment else []
    return [*names, "127.0.0.1", "localhost", *(c.name for c in window.browser.companies.values())]


def _offline_banner(qtbot, window) -> str:
    qtbot.waitUntil(lambda: window.browser.mode == Mode.OFFLINE and not window.worker.jobs(), timeout=20_000)
    qtbot.waitUntil(lambda: window.banner.isVisibleTo(window))
    return window.banner.text()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_server_down_is_said_in_dutch(dutch, qtbot, make_context, make_window, demo_servers):
    port = _closed_port()
    context = _context(make_context, demo_servers, base_url_of=lambda env: f"http://127.0.0.1:{port}")
    window = make_window(context, wait=False)
    banner = _offline_banner(qtbot, window)
    assert "kon Compass op" in banner and "niet bereiken" in banner
    _shot(window, "server-down")
    assert english_left(window, allowed=_data(window)) == []


def test_a_timeout_is_said_in_dutch(dutch, qtbot, make_context, make_window, demo_servers):
    context = _context(make_context, demo_servers, timeout=0.3)
    simulator = demo_servers.simulator(context.environments[0].name)
    simulator.set_faults(stall_rate=1.0, stall_s=2.0)
    try:
        window = make_window(context, wait=False)
        banner = _offline_banner(qtbot, window)
    finally:
        simulator.set_faults(stall_rate=0.0)
    assert "antwoordde niet op tijd" in banner
    assert english_left(window, allowed=_data(window)) == []


def test_an_html_page_instead_of_data_is_said_in_dutch(dutch, qtbot, make_context, make_window, demo_servers):
    context = _context(make_context, demo_servers)
    simulator = demo_servers.simulator(context.environments[0].name)
    simulator.set_faults(html_rate=1.0)
    try:
        window = make_window(context, wait=False)
        qtbot.waitUntil(lambda: "webpagina" in window.banner.text() or "webpagina"
                        in window.status.message.text(), timeout=20_000)
        qtbot.waitUntil(lambda: not window.worker.jobs())
    finally:
        simulator.set_faults(html_rate=0.0)
    _shot(window, "html-page")
    assert english_left(window, allowed=_data(window)) == []


def test_a_server_error_during_refresh_is_said_in_dutch(dutch, qtbot, make_context, make_window,
                                                        demo_servers):
    window = make_window(_context(make_context, demo_servers))
    simulator = _simulator(demo_servers, window)
    simulator.set_faults(fault_rate=1.0)
    try:
        with qtbot.waitSignal(window.browser.refresh_finished, timeout=20_000) as finished:
            window.refresh_action.trigger()
        qtbot.waitUntil(lambda: not window.worker.jobs())
    finally:
        simulator.set_faults(fault_rate=0.0)
    said = finished.args[0]
    assert not looks_english(said), said
    assert "Compass" in said
    _shot(window, "server-error")
    assert english_left(window, allowed=_data(window)) == []


def test_expired_credentials_are_said_in_dutch(dutch, qtbot, make_context, make_window, demo_servers):
    window = make_window(_context(make_context, demo_servers))
    simulator = _simulator(demo_servers, window)
    simulator.set_faults(credentials_expire_after=0)
    try:
        window.refresh_action.trigger()
        banner = _offline_banner(qtbot, window)
    finally:
        simulator.set_faults(credentials_expire_after=None)
    assert "gebruikersnaam of het wachtwoord niet" in banner
    _shot(window, "signed-out")
    assert english_left(window, allowed=_data(window)) == []


@pytest.mark.parametrize("typed, words", [
    ("00:04:13:ZZ:BB:CC", "geen hexadecimaal cijfer"),
    ("00:04:13:AA:BB", "hexadecimale cijfers"),
    ("ff:ff:ff:ff:ff:ff", "broadcastadres"),
    ("00:00:00:00:00:00", "alleen nullen"),
    ("01:00:5e:00:00:01", "multicastadres"),
])
def test_a_malformed_mac_in_the_search_box_is_said_in_dutch(dutch, qtbot, make_context, make_window,
                                                            demo_servers, typed, words):
    window = make_window(_context(make_context, demo_servers))
    window.search.setText(typed)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    said = window.status.message.text()
    assert words in said, said
    assert not looks_english(said)
    _shot(window, "bad-mac")
    assert english_left(window, allowed=_data(window)) == []


def test_a_name_typed_in_the_search_box_gets_no_mac_error(dutch, qtbot, make_context, make_window,
                                                          demo_servers):
    window = make_window(_context(make_context, demo_servers))
    before = window.status.message.text()
    window.search.setText("no such reception desk")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.status.message.text() == before


def test_keyring_unavailable_asks_for_the_password_in_dutch(dutch, qtbot, make_context, make_window,
                                                           demo_servers, monkeypatch):
    import keyring.backends.fail
    import keyring.core

    from compass_desk.gui.context import Passwords

    monkeypatch.setattr(keyring.core, "_keyring_backend", keyring.backends.fail.Keyring())
    context = _context(make_context, demo_servers)
    context.passwords = Passwords(use_keyring=True)
    window = make_window(context, wait=False)
    banner = _offline_banner(qtbot, window)
    assert context.password_missing is not None
    assert "wachtwoord" in banner
    _shot(window, "no-keyring")
    assert english_left(window, allowed=_data(window)) == []



def test_files_that_cannot_be_opened_are_said_in_dutch(dutch, qtbot, make_context, make_window, demo_servers,
                                                       tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from compass_desk.domain.provisioning import MAX_BYTES
    from compass_desk.gui import launchers

    window = make_window(_context(make_context, demo_servers))
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append((title, text)))
    folder = tmp_path / "phone.cfg"
    folder.mkdir()
    huge = tmp_path / "huge.xml"
    with huge.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<settings><phone-settings><user_name idx='1'>x</user_na")
    binary = tmp_path / "binary.cfg"
    binary.write_bytes(bytes(range(256)) * 10)
    opened = launchers.open_paths(window, [folder, tmp_path / "missing.cfg", huge, broken, binary])
    assert [text.replace(str(tmp_path), "") for _title, text in said] == [
        "/phone.cfg is een map, geen bestand",
        "/missing.cfg: dit bestand bestaat niet",
        f"/huge.xml is te groot voor een provisioningbestand (hoogstens {MAX_BYTES // 1024 // 1024} MB)",
        "binary.cfg kan niet worden geopend: het bestand bevat binaire gegevens (NUL-bytes); het is geen "
        "provisioningbestand met tekst.",
    ]
    assert all(not looks_english(title) for title, _text in said)
    # A text file that is no good provisioning file opens: the viewer says what is wrong, in Dutch.
    [dialog] = opened
    _shot(dialog, "file-broken")
    assert english_left(dialog, allowed=["broken.xml"]) == []


def test_refresh_progress_and_failed_organisations_are_said_in_dutch(dutch, qtbot):
    from compass_desk.api.errors import error_for_status
    from compass_desk.domain.text import Text
    from compass_desk.gui.status_bar import StatusBar
    from compass_desk.services.session import LISTING_ORGANISATIONS

    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.show()
    bar.set_busy(True)
    from compass_desk.gui.worker import JobContext
    from compass_desk.services.cancel import CancelToken

    # The session reports a Text; the worker words it in the app's language for the status bar.
    JobContext(CancelToken(), bar.set_progress).progress(0, 0, LISTING_ORGANISATIONS)
    assert bar.message.text() == LISTING_ORGANISATIONS.nl
    bar.set_progress(3, 12, "Bakkerij Vermeulen")  # a name is shown as it is
    assert bar.message.text() == "Bakkerij Vermeulen"
    what = Text("list the phones of Bakkerij Vermeulen", "de telefoons van Bakkerij Vermeulen op te halen")
    failure = error_for_status(503, what, "maintenance window")
    bar.set_failures([("Bakkerij Vermeulen", failure.text)])
    assert "intern probleem" in bar.failures.toolTip()
    assert english_left(bar, allowed=["Bakkerij Vermeulen", "maintenance window"]) == []


def test_an_organisation_that_failed_to_load_says_why_in_dutch(dutch, qtbot, make_context, make_window,
                                                               demo_servers):
    context = _context(make_context, demo_servers)
    connect, broken = context.connect, []

    def connect_with_one_broken(environment, password):
        session = connect(environment, password)
        real = session.client.phones

        def phones(company):
            if company.name in broken:
                # A real refusal for a real request: the client's own wording of what it was doing.
                transport = httpx.MockTransport(lambda request: httpx.Response(503, json={"message": "busy"}))
                with httpx.Client(transport=transport) as http:
                    from compass_desk.api.client import CompassClient

                    with CompassClient(session.environment, "x", http_client=http) as failing:
                        failing.retry.attempts = 1
                        return failing.phones(company)
            return real(company)

        session.client.phones = phones
        return session

    context.connect = connect_with_one_broken
    window = make_window(context)
    victim = window.organisations.company(1)
    broken.append(victim.name)
    with qtbot.waitSignal(window.browser.refresh_finished, timeout=20_000):
        window.refresh_action.trigger()
    qtbot.waitUntil(lambda: not window.worker.jobs())
    assert window.status.failures.isVisible()
    tip = window.status.failures.toolTip()
    assert f"de telefoons van {victim.name} op te halen" in tip and "intern probleem" in tip
    _shot(window, "organisation-failed")
    assert english_left(window, allowed=[*_data(window), "busy"]) == []
