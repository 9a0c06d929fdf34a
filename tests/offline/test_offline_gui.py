"""The cache view and the Prepare site visit dialog, asserting on what the user sees; each is also
rendered to a PNG in the temp folder for a person to look at."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtWidgets import QLabel

from compass_desk.domain.provisioning.secrets import MASK
from compass_desk.gui.cache_view import (
    CacheViewDialog,
    dropped_provisioning_files,
    open_cached,
    provisioning_cache_for,
)
from compass_desk.gui.site_visit_dialog import SiteVisitDialog
from compass_desk.gui.worker import Worker
from compass_desk.services import offline
from compass_desk.store.vault import KEY_NAME, SERVICE

SHOTS = Path(tempfile.gettempdir())


@pytest.fixture
def worker(qtbot):
    made = Worker()
    yield made
    assert made.shutdown(10_000)


@pytest.fixture
def audit(paths):
    from compass_desk.store.audit import AuditLog
    from compass_desk.store.db import state_db_path

    with AuditLog(state_db_path(paths.data)) as log:
        yield log


@pytest.fixture
def two_visits(session, files, snapshots):
    """Two organisations prepared for a site visit; returns their results."""
    companies = [c for c in session.load_companies()][:2]
    return [offline.prepare_site_visit(session, files, c, snapshots=snapshots) for c in companies]


def table_text(table):
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def shown_text(viewer):
    return "\n".join([viewer.text_view.toPlainText(), viewer.summary.text(), viewer.windowTitle()])


def test_cache_view_lists_opens_offline_and_clears(qtbot, simulator, files, snapshots, audit, two_visits,
                                                   secrets_of):
    originals = {r.phone.url: offline.cached_file(files, "sim", r.phone).content()
                 for visit in two_visits for r in visit.results}
    simulator.stop()  # everything below works without a connection
    dialog = CacheViewDialog(files, snapshots=snapshots, audit=audit, user="demo")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    total = sum(len(v.phones) for v in two_visits)
    assert dialog.table.rowCount() == total
    assert dialog.summary.text().startswith(f"{total} provisioning files of 2 organisations")
    assert "Passwords are not kept" not in dialog.summary.text()
    assert "Phone list of sim: 12 organisations, " in dialog.lists_label.text()
    assert "(s)" not in dialog.lists_label.text() + dialog.summary.text()
    assert {row[6] for row in table_text(dialog.table)} == {"encrypted"}
    assert not dialog.open_button.isEnabled() and not dialog.clear_org_button.isEnabled()
    dialog.grab().save(str(SHOTS / "offline_cache_view.png"))

    dialog.organisation.setCurrentIndex(1)
    first = two_visits[0] if two_visits[0].company.name < two_visits[1].company.name else two_visits[1]
    assert dialog.table.rowCount() == len(first.phones)
    assert {row[0] for row in table_text(dialog.table)} == {first.company.name}
    assert dialog.clear_org_button.isEnabled()

    dialog.table.selectRow(0)
    info = dialog.selected_info()
    viewer = dialog.open_selected()
    qtbot.waitUntil(lambda: viewer.checked)
    banner = viewer.findChild(QLabel, "offlineBanner")
    assert banner.text().startswith("Offline copy, fetched") and "cannot be shown" not in banner.text()
    secrets = secrets_of(originals[info.phone_url])
    assert MASK in viewer.text_view.toPlainText() and not [s for s in secrets if s in shown_text(viewer)]
    viewer.grab().save(str(SHOTS / "offline_cached_viewer.png"))
    qtbot.mouseClick(viewer.reveal_button, Qt.MouseButton.LeftButton)
    assert viewer.revealed and all(s in viewer.text_view.toPlainText() for s in secrets)
    [entry] = audit.entries()
    assert (entry.action, entry.environment, entry.detail) == (
        "reveal provisioning secrets", "sim", "offline copy")
    viewer.close()

    asked = []
    dialog.confirm = lambda title, question: asked.append(question) or False
    dialog.clear_organisation()
    assert dialog.table.rowCount() == len(first.phones) and first.company.name in asked[0]
    dialog.confirm = lambda title, question: True
    dialog.clear_organisation()
    assert dialog.organisation.currentIndex() == 0 and dialog.table.rowCount() == total - len(first.phones)
    removed = "1 file" if len(first.phones) == 1 else f"{len(first.phones)} files"
    assert dialog.summary.text().startswith(f"Removed {removed} of {first.company.name}.")
    dialog.clear_all()
    assert dialog.table.rowCount() == 0 and files.entries() == [] and snapshots.environments() == []
    assert "Nothing is stored yet" in dialog.summary.text() and not dialog.clear_all_button.isEnabled()


def test_a_copy_without_its_key_stays_masked(qtbot, session, files, paths, memory_keyring, audit, secrets_of):
    phone = session.refresh().phones[0]
    original = offline.fetch_and_store(session, files, phone).content()
    del memory_keyring.store[(SERVICE, KEY_NAME)]
    with offline.open_provisioning_cache(paths) as without_key:
        viewer = open_cached(None, without_key, "sim", phone.url, audit=audit)
        qtbot.addWidget(viewer)
        qtbot.waitUntil(lambda: viewer.checked)
    banner = viewer.findChild(QLabel, "offlineBanner").text()
    assert "no longer in the keyring" in banner
    assert not [s for s in secrets_of(original) if s in shown_text(viewer)]
    viewer.toggle_reveal()  # even forced, nothing to reveal: the copy has no secrets to show
    assert not [s for s in secrets_of(original) if s in viewer.text_view.toPlainText()]
    assert audit.entries() == []


def test_open_cached_says_when_nothing_is_stored(qtbot, files, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(args[2]))
    assert open_cached(None, files, "sim", "http://127.0.0.1/phone/none") is None
    assert "No offline copy" in said[0]


def test_cache_view_reads_through_the_worker(qtbot, worker, files, snapshots, two_visits):
    dialog = CacheViewDialog(files, snapshots=snapshots, worker=worker)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0  # not read on the UI thread
    qtbot.waitUntil(lambda: dialog.table.rowCount() == sum(len(v.phones) for v in two_visits))
    dialog.confirm = lambda title, question: True
    dialog.clear_all()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0 and "Removed all" in dialog.summary.text())


def test_site_visit_dialog_with_one_failing_phone(qtbot, worker, session, transport, files, snapshots):
    companies = session.load_companies()
    company = companies[1]
    phones = session.client.phones(company)
    broken = phones[1]
    transport.fail[broken.url + "/provisioning"] = 503
    dialog = SiteVisitDialog(worker, session, files, snapshots=snapshots, company=company)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.chosen_company() == company and dialog.organisation.count() == len(companies)
    assert dialog.start_button.isEnabled() and not dialog.cancel_button.isEnabled()
    with qtbot.waitSignal(dialog.prepared, timeout=20_000) as done:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        assert dialog.cancel_button.isEnabled() and not dialog.start_button.isEnabled()
    result = done.args[0]
    assert result is dialog.outcome and [f.phone.url for f in result.failures] == [broken.url]
    rows = table_text(dialog.table)
    assert len(rows) == len(phones) and len(dialog.partial) == len(phones)
    [failed] = [row for row in rows if row[0] == broken.name]
    assert failed[-1].startswith("Provisioning file not fetched") and failed[2] == ""
    assert sum(row[-1] == "Stored" for row in rows) == len(phones) - 1
    assert dialog.headline.text() == result.summary() and "1 phone had a problem" in result.summary()
    assert dialog.start_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert dialog.progress.value() == dialog.progress.maximum() == len(phones)
    dialog.grab().save(str(SHOTS / "offline_site_visit.png"))
    assert {i.phone_url for i in files.entries()} == {p.url for p in phones} - {broken.url}


def test_site_visit_dialog_cancel(qtbot, worker, simulator, session, files):
    company = max(session.load_companies(), key=lambda c: len(session.client.phones(c)))
    simulator.set_faults(latency_ms=150)
    dialog = SiteVisitDialog(worker, session, files, company=company)
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: len(dialog.partial) >= 1, timeout=20_000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    # The partial run arrives as the outcome (the worker delivers a normal return after a cancel).
    assert dialog.headline.text().startswith("Cancelled:") and dialog.outcome is not None
    assert dialog.outcome.cancelled and dialog.headline.text() == dialog.outcome.summary()
    assert dialog.table.rowCount() == len(dialog.partial) < len(session.client.phones(company))
    assert dialog.start_button.isEnabled()


def test_site_visit_dialog_reads_the_organisations_itself(qtbot, worker, session, files):
    assert session.companies == []
    dialog = SiteVisitDialog(worker, session, files)
    qtbot.addWidget(dialog)
    assert not dialog.start_button.isEnabled()
    dialog.start()
    assert dialog.headline.text() in (
        "Choose an organisation from the list first.", "Reading the organisations…")
    qtbot.waitUntil(lambda: dialog.organisation.count() > 0)
    assert dialog.chosen_company() is None and not dialog.start_button.isEnabled()
    wanted = session.companies[3]
    dialog.organisation.setEditText(wanted.name)
    assert dialog.chosen_company() == wanted
    dialog.choose(session.companies[0])
    assert dialog.chosen_company() == session.companies[0] and dialog.start_button.isEnabled()


def test_dropped_files_and_one_cache_per_context(tmp_path, paths):
    mime = QMimeData()
    names = ["phone.xml", "yealink.CFG", "picture.png"]
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / n)) for n in names] + [QUrl("https://example.com/a.xml")])
    assert [p.name for p in dropped_provisioning_files(mime)] == ["phone.xml", "yealink.CFG"]
    assert dropped_provisioning_files(QMimeData()) == []

    context = SimpleNamespace(paths=paths, on_close=[])
    cache = provisioning_cache_for(context)
    assert cache is not None and provisioning_cache_for(context) is cache and len(context.on_close) == 1
    context.on_close[0]()
    assert context.provisioning_cache is None and cache.database.closed


def test_one_cache_when_worker_threads_ask_at_once(paths):
    from concurrent.futures import ThreadPoolExecutor

    context = SimpleNamespace(paths=paths, on_close=[])
    with ThreadPoolExecutor(4) as pool:
        caches = list(pool.map(lambda _: provisioning_cache_for(context), range(8)))
    assert len({id(c) for c in caches}) == 1 and len(context.on_close) == 1
    context.on_close[0]()


def test_dropping_a_file_on_a_window_opens_the_viewer(qtbot, tmp_path, monkeypatch):
    """The wiring the main window uses (see the report), on a bare window: drop a .cfg, get a viewer."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent
    from PySide6.QtWidgets import QMainWindow

    from compass_desk.gui import provisioning_view

    class Window(QMainWindow):
        def __init__(self):
            super().__init__()
            self.setAcceptDrops(True)
            self.opened = []

        def dropEvent(self, event):
            for path in dropped_provisioning_files(event.mimeData()):
                self.opened.append(provisioning_view.open_file(self, path))
            event.acceptProposedAction()

    dropped = tmp_path / "805ec0aabbcc.cfg"
    dropped.write_text("#!version:1.0.0.1\naccount.1.password = Sup3rS3cretValue\nlang.gui = Dutch\n")
    window = Window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped)), QUrl.fromLocalFile(str(tmp_path / "notes.pdf"))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)  # Qt delivers drops only during a real drag; call the handler as Qt would
    [viewer] = window.opened
    qtbot.waitUntil(lambda: viewer.checked)
    assert viewer.filename == dropped.name and viewer.isVisible()
    assert "Sup3rS3cretValue" not in viewer.text_view.toPlainText() and MASK in viewer.text_view.toPlainText()
    viewer.close()
