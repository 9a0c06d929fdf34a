"""Stop in the bulk move dialog: the phones moved so far are shown, not lost behind 'Cancelled'."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from compass_desk.gui.bulk_move import BulkMoveDialog
from compass_desk.gui.worker import Worker
from compass_desk.services.moves import MoveService

from .move_helpers import make_session


def test_worker_delivers_a_normal_return_after_cancel(qtbot):
    worker = Worker()
    started, release = threading.Event(), threading.Event()

    def work(ctx):
        started.set()
        release.wait(5)
        return "partial"

    got, failed = [], []
    job = worker.submit(work, label="t", on_success=got.append, on_failure=failed.append)
    assert started.wait(5)
    job.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(got or failed))
    assert got == ["partial"] and failed == []
    assert worker.shutdown()


def test_bulk_stop_shows_the_phones_already_moved(qtbot, simulator, journal, monkeypatch):
    monkeypatch.setattr("compass_desk.gui.bulk_move.confirm", lambda *a: True, raising=False)
    worker = Worker()
    session = make_session(simulator)
    try:
        result = session.refresh()
        source, target = result.companies[4], result.companies[5]
        phones = [p for p in result.phones if p.company_url == source.url][:3]
        dialog = BulkMoveDialog(MoveService(session, journal), worker, phones, rate_per_s=0.5)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.choose(target.url)
        qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=10_000)  # waiting before phone 2
        with qtbot.waitSignal(dialog.finished_run, timeout=10_000) as stopped:
            qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
        run = stopped.args[0]
        assert run.cancelled and [r.phone.url for r in run.results] == [phones[0].url]
        assert dialog.table.item(0, 3).text() == "Moved and verified."
        assert "stopped" in dialog.table.item(1, 3).text() and "stopped" in dialog.table.item(2, 3).text()
        assert "1 of 1" in dialog.summary.text() and "cancelled" in dialog.summary.text()
        assert session.client.phone(phones[0].url).company_url == target.url
        assert session.client.phone(phones[1].url).company_url == source.url
    finally:
        worker.shutdown()
        session.close()
