"""Phone table model, filter proxy and worker bridge, without a server."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt, QThread

from compass_desk.domain.models import Phone, PhoneStatus, ProvisioningState
from compass_desk.gui.phone_filter import PhoneFilterModel, StateFilter
from compass_desk.gui.phone_model import Column, PhoneRow, PhoneTableModel
from compass_desk.gui.worker import Busy, Worker
from compass_desk.services.cancel import Cancelled

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # a Monday


def phone(i, state=ProvisioningState.DISABLED, company="c1", name=None, **kw):
    return Phone(f"https://x/phone/{i}", str(i), name or f"Balie {i}", f"000413aabb{i:02x}", "snom-d785",
                 f"https://x/company/{company}", state, **kw)


def rows(count=5):
    result = []
    for i in range(count):
        status = PhoneStatus(online=i % 2 == 0, private_ip=f"10.1.2.{i}:5060", firmware_version="10.1.159.12")
        result.append(PhoneRow(phone(i), "Bakkerij", status, user_name=f"user{i}"))
    return result


@pytest.fixture
def model(qapp):
    return PhoneTableModel(now=lambda: NOW)


@pytest.fixture
def proxy(model):
    proxy = PhoneFilterModel()
    proxy.setSourceModel(model)
    return proxy


def test_model_passes_the_qt_model_tester(qtmodeltester, model):
    model.set_rows(rows())
    qtmodeltester.check(model)


def test_rows_update_in_place_and_persistent_indexes_follow(model):
    model.set_rows(rows(5))
    kept = QPersistentModelIndex(model.index(3, 0))
    changed = [r for r in rows(5) if r.phone.resource_id != "1"]  # phone 1 is gone
    changed[2] = PhoneRow(phone(3, ProvisioningState.ACTIVE, activated_at=NOW), "Bakkerij")
    model.set_rows([*changed, PhoneRow(phone(9), "Bakkerij")])
    assert model.rowCount() == 5
    assert kept.isValid() and kept.data() == "Balie 3"
    assert model.index(kept.row(), Column.STATE).data() == "Active: awaiting reset"
    assert model.row_for_url("https://x/phone/1") is None


def test_cells_show_display_forms(model):
    model.set_rows(rows(1))
    text = {c: model.index(0, c).data() for c in Column}
    assert text[Column.MAC] == "00:04:13:AA:BB:00"
    assert text[Column.MODEL] == "Snom D785" and text[Column.VENDOR] == "Snom"
    assert text[Column.IP] == "10.1.2.0"  # port stripped
    assert text[Column.ONLINE] == "online"
    assert text[Column.STATE] == "Disabled (normal)"
    # State: icon and text, never colour alone.
    assert model.index(0, Column.STATE).data(Qt.ItemDataRole.DecorationRole) is not None


def test_deadline_column_counts_down_for_active_phones(model):
    activated = NOW - timedelta(hours=1)
    model.set_rows([PhoneRow(phone(1, ProvisioningState.ACTIVE, activated_at=activated), "B")])
    assert model.index(0, Column.DEADLINE).data() == "1d 11h · Wed 00:00"


def test_sorting_is_natural_and_keeps_the_filter(model, proxy):
    model.set_rows([PhoneRow(phone(i, name=f"Balie {n}"), "B") for i, n in enumerate((10, 2, 1, 33))])
    proxy.set_text("balie 1")
    proxy.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Balie 1", "Balie 10"]
    proxy.sort(Column.NAME, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Balie 10", "Balie 1"]


@pytest.mark.parametrize("text", ["00:04:13:AA:BB:03", "0004.13aa.bb03", "00-04-13-aa-bb-03", "aabb03",
                                  "MAC 000413AABB03", "10.1.2.3", "user3", "BALIE 3"])
def test_search_matches_every_field_and_mac_notation(model, proxy, text):
    model.set_rows(rows(5))
    proxy.set_text(text)
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Balie 3"]


def test_state_and_company_filters(model, proxy):
    working = PhoneStatus(online=True, last_provisioned_at=datetime(2026, 1, 5, tzinfo=UTC))
    model.set_rows([
        PhoneRow(phone(1, ProvisioningState.PROVISION), "A", PhoneStatus(online=False)),
        PhoneRow(phone(2, ProvisioningState.DEPROVISION, company="c2"), "B", PhoneStatus(online=True)),
        PhoneRow(phone(3, ProvisioningState.ACTIVE), "A"),
        PhoneRow(phone(4), "A", PhoneStatus(online=True)),  # disabled but never provisioned: attention
        PhoneRow(phone(5), "A", working),
    ])

    def names():
        return sorted(proxy.index(r, 0).data() for r in range(proxy.rowCount()))

    expected = {StateFilter.ALL: 5, StateFilter.SUBOPTIMAL: 3, StateFilter.ACTIVE: 1, StateFilter.DISABLED: 2,
                StateFilter.PROVISION: 1, StateFilter.DEPROVISION: 1, StateFilter.OFFLINE: 1}
    for state, count in expected.items():
        proxy.set_state(state)
        assert proxy.rowCount() == count, state
    proxy.set_state(StateFilter.SUBOPTIMAL)
    proxy.set_company("https://x/company/c2")
    assert names() == ["Balie 2"]


@pytest.fixture
def worker(qapp):
    worker = Worker()
    yield worker
    assert worker.shutdown()


def test_worker_delivers_results_in_the_gui_thread(qtbot, worker):
    seen = []
    job = worker.submit(lambda ctx: threading.current_thread().name, label="t",
                        on_success=lambda name: seen.append((name, QThread.currentThread())))
    with qtbot.waitSignal(job.finished):
        pass
    assert seen and seen[0][1] is qtbot_main_thread()
    assert seen[0][0] != threading.main_thread().name


def qtbot_main_thread():
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.instance().thread()


def test_worker_one_action_per_phone_and_cancel(qtbot, worker):
    release = threading.Event()
    failures = []

    def slow(ctx):
        while not ctx.token.cancelled and not release.is_set():
            ctx.token.wait(0.01)
        ctx.token.raise_if_cancelled()

    job = worker.submit(slow, label="activate", key="phone-1", on_failure=failures.append)
    assert worker.is_busy("phone-1")
    with pytest.raises(Busy):
        worker.submit(slow, label="reboot", key="phone-1")
    with qtbot.waitSignal(job.finished):
        job.cancel()
    assert isinstance(failures[0], Cancelled)
    assert not worker.is_busy("phone-1")
    assert worker.shutdown()


def test_worker_reports_exceptions(qtbot, worker):
    failures = []

    def boom(ctx):
        raise ValueError("no")

    job = worker.submit(boom, label="x", on_failure=failures.append)
    with qtbot.waitSignal(job.finished):
        pass
    assert isinstance(failures[0], ValueError)
    assert worker.shutdown()
