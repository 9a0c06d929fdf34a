"""Refresh in the background: cancel, partial failures, offline start from the cache."""

from __future__ import annotations

from datetime import UTC, datetime

from gui_helpers import wait_loaded
from PySide6.QtCore import Qt

from compass_desk.api.errors import NetworkError, ServerError
from compass_desk.domain.models import Access, Company, Environment, Phone, PhoneStatus, ProvisioningState
from compass_desk.gui.browser import Mode
from compass_desk.gui.context import AppContext, Passwords, open_store
from compass_desk.paths import app_paths


def test_refresh_can_be_cancelled_and_keeps_the_data(qtbot, make_context, make_window, demo_servers):
    window = make_window(make_context())
    before = {r.url for r in window.model.rows()}
    demo_servers.simulator("Demo production").set_faults(latency_ms=150)
    window.refresh_action.trigger()
    assert window.browser.refreshing
    qtbot.waitUntil(lambda: window.status.cancel.isVisible())
    with qtbot.waitSignal(window.browser.refresh_finished, timeout=20_000) as finished:
        qtbot.mouseClick(window.status.cancel, Qt.MouseButton.LeftButton)
    assert "cancelled" in finished.args[0].lower()
    assert "cancelled" in window.status.message.text().lower()
    assert not window.status.cancel.isVisible()
    assert {r.url for r in window.model.rows()} == before
    assert not window.browser.refreshing


def test_refresh_with_one_organisation_failing_keeps_the_rest(qtbot, make_context, make_window):
    context = make_context()
    connect = context.connect
    broken: list[str] = []

    def connect_with_one_broken(environment, password):
        session = connect(environment, password)
        real = session.client.phones

        def phones(company):
            if broken and company.name == broken[0]:
                raise ServerError("Compass had an internal error (500); try again later.", status=500)
            return real(company)

        session.client.phones = phones
        return session

    context.connect = connect_with_one_broken
    window = make_window(context)
    total = window.model.rowCount()
    victim = window.organisations.company(1)
    broken.append(victim.name)
    with qtbot.waitSignal(window.browser.refresh_finished, timeout=20_000) as finished:
        window.refresh_action.trigger()
    assert "1 organisation could not be loaded" in finished.args[0]
    assert window.status.failures.isVisible()
    assert victim.name in window.status.failures.toolTip()
    assert "internal error" in window.status.failures.toolTip()
    # Nothing lost: the phones of the failed organisation are still there, the others refreshed.
    assert window.model.rowCount() == total
    assert "failed" in window.organisations.index(1).data()


def _snapshot_phones(count=3):
    company = Company("http://127.0.0.1:9/company/c1", "c1", "Cached Organisation", access=Access.WRITE)
    phones = [Phone(f"http://127.0.0.1:9/phone/p{i}", f"p{i}", f"Cached phone {i}", f"000413aabb{i:02x}",
                    "snom-d785", company.url, ProvisioningState.DISABLED) for i in range(count)]
    statuses = {phones[0].url: PhoneStatus(online=True, private_ip="10.0.0.5:5060")}
    return company, phones, statuses


def test_offline_start_shows_cached_data_read_only(qtbot, isolated_home, make_window):
    environment = Environment("production", "https://rest.example.invalid", "installer")

    def unreachable(env, password):
        raise NetworkError("Could not reach Compass at rest.example.invalid; check the network connection.")

    context = AppContext([environment], Passwords({"production": "secret"}, use_keyring=False),
                         app_paths(isolated_home), connect=unreachable, refresh_interval_s=0)
    open_store(context)
    company, phones, statuses = _snapshot_phones()
    fetched = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    context.cache.save_snapshot("production", [company], phones, statuses, fetched)
    try:
        window = make_window(context, wait=False)
        qtbot.waitUntil(lambda: window.browser.mode == Mode.OFFLINE and window.model.rowCount() == 3)
        qtbot.waitUntil(lambda: "as of" in window.banner.text())
        assert window.banner.isVisibleTo(window)
        assert "Offline" in window.banner.text() and "read-only" in window.banner.text()
        assert "20 Nov 2026" in window.banner.text()
        assert "offline" in window.windowTitle()
        assert window.model.rows()[0].company_name == "Cached Organisation"
        assert any(r.ip == "10.0.0.5" for r in window.model.rows())
        window.select_proxy_row(0)
        assert not window.details.buttons["activate"].isEnabled()
        assert "Offline" in window.details.buttons["activate"].toolTip()
    finally:
        context.close()


def test_start_without_cache_or_connection_says_so(qtbot, isolated_home, make_window):
    environment = Environment("production", "https://rest.example.invalid", "installer")

    def unreachable(env, password):
        raise NetworkError("Could not reach Compass at rest.example.invalid; check the network connection.")

    context = AppContext([environment], Passwords({"production": "x"}, use_keyring=False),
                         app_paths(isolated_home), connect=unreachable, refresh_interval_s=0)
    window = make_window(context, wait=False)
    qtbot.waitUntil(lambda: window.browser.mode == Mode.OFFLINE)
    assert "Could not reach Compass" in window.banner.text()
    assert "no saved data" in window.banner.text()
    assert window.model.rowCount() == 0


def test_refresh_is_saved_for_the_next_offline_start(qtbot, make_context, make_window):
    context = make_context()
    window = make_window(context)
    qtbot.waitUntil(lambda: context.cache.load_snapshot("Demo production") is not None)
    snapshot = context.cache.load_snapshot("Demo production")
    assert len(snapshot.phones) == window.model.rowCount()
    assert snapshot.statuses


def test_auto_refresh_reads_status_of_visible_phones_only(qtbot, make_context, make_window):
    window = make_window(make_context())
    session = window.browser.session
    asked = []
    real = session.statuses
    session.statuses = lambda phones, **kw: asked.append(list(phones)) or real(phones, **kw)
    window.browser.refresh_visible_statuses()
    window.browser.refresh_visible_statuses()  # a tick while one runs is skipped: no storm
    qtbot.waitUntil(lambda: not window.worker.jobs())
    assert len(asked) == 1
    assert 0 < len(asked[0]) < window.model.rowCount()
    wait_loaded(qtbot, window)


def test_expired_password_during_refresh_signs_out_and_asks_again(qtbot, make_context, make_window,
                                                                  demo_servers, monkeypatch):
    asked = []
    monkeypatch.setattr("compass_desk.gui.main_window.MainWindow._ask_password",
                        lambda self, environment: asked.append(environment.name))
    window = make_window(make_context())
    demo_servers.simulator("Demo production").set_faults(credentials_expire_after=1)
    with qtbot.waitSignal(window.browser.refresh_finished, timeout=20_000) as finished:
        window.refresh_action.trigger()
    assert "did not accept" in finished.args[0]
    assert window.browser.mode == Mode.OFFLINE
    assert asked == ["Demo production"]
    assert "Signed out" in window.banner.text()
    assert window.model.rowCount() > 0  # the data stays, read-only


def test_offline_start_reconnects_by_itself_when_the_network_is_back(qtbot, make_context, make_window,
                                                                      monkeypatch):
    monkeypatch.setattr("compass_desk.gui.browser.RECONNECT_S", 0.2)
    context = make_context()
    connect = context.connect
    attempts = []

    def flaky(environment, password):
        attempts.append(environment.name)
        if len(attempts) == 1:
            raise NetworkError("Could not reach Compass; check the network connection.")
        return connect(environment, password)

    context.connect = flaky
    window = make_window(context, wait=False)
    qtbot.waitUntil(lambda: window.browser.mode == Mode.OFFLINE)
    wait_loaded(qtbot, window)
    assert len(attempts) == 2
    assert not window.banner.isVisibleTo(window) or "Offline" not in window.banner.text()
