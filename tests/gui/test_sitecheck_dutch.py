"""The site check and site visit dialogs in Dutch: before, while and after a run, with passes, a warning,
failures, a skipped and an informational line, a cancel and a configuration error; no English left.

The site check runs the built-in ``resources/sitecheck.toml`` (its real titles and notes) pointed at the
loopback servers of ``tests/sitecheck`` and at the Compass simulator as the environment. PNGs go to /tmp.
"""

from __future__ import annotations

import copy
import importlib.util
import sys
from pathlib import Path

import httpx
import pytest
from dutch_check import english_left, english_words
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication

from compass_desk.domain import sitecheck_words as words
from compass_desk.domain.models import Environment
from compass_desk.domain.sitecheck import Outcome, RunSettings
from compass_desk.domain.sitecheck_plan import EnvironmentHosts, build_plan
from compass_desk.gui.site_visit_dialog import SiteVisitDialog
from compass_desk.gui.sitecheck_dialog import SiteCheckDialog
from compass_desk.gui.worker import Worker
from compass_desk.paths import app_paths
from compass_desk.services.sitecheck import load_config


def _servers_module():
    """tests/sitecheck/sitecheck_servers.py (its loopback servers), also when only tests/gui runs."""
    name = "sitecheck_servers"
    if name not in sys.modules:
        path = Path(__file__).resolve().parents[1] / "sitecheck" / f"{name}.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


site = _servers_module().site  # the session fixture: HTTPS/HTTP/NTP servers on loopback

# Data a user reads that is not a sentence to translate: the loopback servers' names and CAs.
DATA = ["good.test", "plain.test", "proxy.test", "hang.test", "127.0.0.1", "Compass Test Public CA",
        "Intercepting Proxy CA", "Compass Desk tests", "werkplek-7"]
LAPTOP = [("computer", "werkplek-7"), ("address", "192.168.20.31"), ("interface", "eth0"),
          ("gateway", "192.168.20.1"), ("VLAN", words.NO_VLAN.en), ("DNS servers", words.NOT_READ.en)]


@pytest.fixture
def worker():
    made = Worker()
    yield made
    assert made.shutdown(10_000)


def loopback_plan(site, simulator):
    """The built-in check list with its hosts on loopback: a pass, a plain-HTTP pass, an intercepted
    vendor, the Lydis line skipped, a slow vendor, the simulator as environment, a skewed clock."""
    config = copy.deepcopy(load_config())
    servers = {"snom-sraps-https": "good", "snom-sraps-http": "plain", "yealink-rps": "proxy"}
    for entry in config["host"]:
        if entry["id"] in servers:
            entry.update(host=f"{servers[entry['id']]}.test", port=site.ports[servers[entry["id"]]])
    config["host"].append({"id": "slow", "title": "Slow vendor", "title_nl": "Trage fabrikant",
                           "host": "hang.test", "port": site.ports["hang"]})
    config["ntp"].update(server="time.test", port=site.ports["ntp-skewed"])
    config["check"] = {"timeout_s": 1.5, "total_s": 3.0}
    return build_plan(config, EnvironmentHosts("sim", simulator.base_url))


def make_dialog(qtbot, worker, site, checks=None, environment=None):
    dialog = SiteCheckDialog(worker, environment, checks=checks,
                             options=site.options(laptop_facts=lambda timeout: LAPTOP))
    qtbot.addWidget(dialog)
    dialog.resize(1100, 760)
    dialog.show()
    return dialog


def results(dialog):
    return [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]


def test_site_check_in_dutch_before_during_and_after(qtbot, dutch, worker, site, simulator, tmp_path,
                                                     monkeypatch):
    dialog = make_dialog(qtbot, worker, site, loopback_plan(site, simulator))
    assert english_left(dialog) == []
    dialog.grab().save("/tmp/nl-sitecheck-before.png")

    dialog.start()
    slow = next(row for row in range(dialog.table.rowCount())
                if dialog.table.item(row, 0).text().startswith("Trage fabrikant"))
    qtbot.waitUntil(lambda: results(dialog).count("Controleren…") == 1, timeout=5000)
    assert results(dialog)[slow] == "Controleren…" and dialog.running
    assert dialog.headline.text().startswith(f"{dialog.table.rowCount()} dingen tegelijk controleren")
    assert english_left(dialog, allowed=DATA) == []
    dialog.grab().save("/tmp/nl-sitecheck-running.png")

    with qtbot.waitSignal(dialog.finished_run, timeout=8000):
        pass
    shown = set(results(dialog))
    assert {"OK", "CONTROLEREN", "MISLUKT", "OVERGESLAGEN", "INFO"} <= shown, shown
    assert dialog.headline.text().startswith("3 van ")
    assert english_left(dialog, allowed=DATA) == []
    texts = "\n".join(dialog.table.item(row, column).text() + dialog.table.item(row, column).toolTip()
                      for row in range(dialog.table.rowCount()) for column in range(3))
    for dutch_words in ("Snom-omleiding (SRAPS, HTTPS)", "Vraag IT: Sluit proxy.test", "wordt onderschept",
                        "Tijdserver (NTP)", "wijkt er +3", "Compass REST API (sim)",
                        "Niet gecontroleerd: de provisioninghost is niet af te leiden uit http://127.0.0.1:",
                        "de hostnaam van de Lydis-omleidingsserver is nog niet bekend",
                        "een beheerder kan hem daarna toevoegen aan sitecheck.toml, als [[host]]",
                        "VLAN: geen getagd op deze laptop", "DNS-servers: niet leesbaar op dit systeem",
                        "verificatiefout: de uitgever van het certificaat is onbekend"):
        assert dutch_words in texts, dutch_words
    dialog.grab().save("/tmp/nl-sitecheck-finished.png")

    # The report copied or saved reads as the screen does: in Dutch.
    dialog.copy_report()
    copied = QGuiApplication.clipboard().mimeData().text()
    assert copied.startswith("Locatiecontrole van Compass Desk\nUitgevoerd op: ")
    assert "Vraag IT:" in copied and "[MISLUKT]" in copied and "[CONTROLEREN] Tijdserver (NTP)" in copied
    english = [line for line in copied.splitlines()
               if english_words(line) and not any(data in line for data in DATA)]
    assert english == []
    assert dialog.headline.text().endswith("Het rapport staat op het klembord.")
    assert dialog.save_report(tmp_path / "rapport.html")
    page = (tmp_path / "rapport.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in page and "<th>Wat er gebeurde</th>" in page
    assert english_left(dialog, allowed=[*DATA, str(tmp_path)]) == []
    warned = []
    monkeypatch.setattr("compass_desk.gui.sitecheck_dialog.QMessageBox.warning",
                        lambda parent, title, text: warned.append((title, text)))
    assert not dialog.save_report(tmp_path / "weg" / "rapport.txt")
    assert warned == [("Rapport opslaan", f"Het rapport kon niet worden opgeslagen in "
                                          f"{tmp_path / 'weg' / 'rapport.txt'}: het bestaat niet.")]
    assert dialog.report is not None and any(c.outcome is Outcome.WARNING for c in dialog.report.checks)


def test_site_check_cancel_and_configuration_error_in_dutch(qtbot, dutch, worker, site):
    checks = (RunSettings(timeout_s=2.0, total_s=3.0), [site.spec("good"), site.spec("hang")])
    dialog = make_dialog(qtbot, worker, site, checks)
    dialog.start()
    qtbot.waitUntil(lambda: results(dialog)[0] == "OK", timeout=5000)
    with qtbot.waitSignal(dialog.finished_run, timeout=5000):
        dialog.cancel_button.click()
    assert results(dialog) == ["OK", "Geannuleerd"]
    assert dialog.headline.text().startswith("De locatiecontrole is geannuleerd")
    assert english_left(dialog, allowed=DATA) == []
    dialog.grab().save("/tmp/nl-sitecheck-cancelled.png")

    broken = make_dialog(qtbot, worker, site, environment=Environment("oud", "ftp://oud.example", "demo"))
    broken.start()
    assert broken.headline.text() == ("'ftp://oud.example' is geen webadres; gebruik bijvoorbeeld "
                                      "https://rest.example.com.")
    assert english_left(broken) == [] and not broken.running
    broken.grab().save("/tmp/nl-sitecheck-config-error.png")


# --- the site visit -------------------------------------------------------------------------------


class FailingTransport(httpx.HTTPTransport):
    """Real HTTP to the simulator, except the URLs in ``fail`` (answered with that status)."""

    def __init__(self) -> None:
        super().__init__()
        self.fail: dict[str, int] = {}

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        status = self.fail.get(str(request.url))
        if status:
            return httpx.Response(status, json={"message": "injected fault"})
        return super().handle_request(request)


@pytest.fixture
def visit(simulator, isolated_home):
    """(session, provisioning cache, phone-list cache, transport) on the simulator."""
    from compass_desk.api.client import CompassClient
    from compass_desk.api.transport import RetryPolicy
    from compass_desk.paths import app_paths
    from compass_desk.services.offline import open_provisioning_cache
    from compass_desk.services.session import Session
    from compass_desk.store.cache import Cache
    from compass_desk.store.db import cache_db_path

    paths = app_paths(isolated_home).ensure()
    env = Environment("sim", simulator.base_url, "demo")
    transport = FailingTransport()
    with httpx.Client(transport=transport, timeout=httpx.Timeout(5.0, connect=2.0)) as http:
        client = CompassClient(env, "compass-demo", http_client=http,
                               retry=RetryPolicy(attempts=1, sleep=lambda s: None))
        with Session(client, env) as session, open_provisioning_cache(paths) as files, \
                Cache(cache_db_path(paths.data)) as snapshots:
            yield session, files, snapshots, transport


def test_site_visit_in_dutch(qtbot, dutch, worker, simulator, visit):
    session, files, snapshots, transport = visit
    companies = session.load_companies()
    company = companies[1]
    phones = session.client.phones(company)
    transport.fail[phones[1].url + "/provisioning"] = 503
    names = [c.name for c in companies] + [p.name for p in phones]
    dialog = SiteVisitDialog(worker, session, files, snapshots=snapshots, company=company)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 600)
    dialog.show()
    assert english_left(dialog, allowed=names) == []
    dialog.grab().save("/tmp/nl-sitevisit-before.png")

    with qtbot.waitSignal(dialog.prepared, timeout=20_000) as done:
        dialog.start_button.click()
        assert english_left(dialog, allowed=names) == []
    result = done.args[0]
    assert dialog.headline.text().startswith(f"{len(phones) - 1} van {len(phones)} provisioningbestanden van")
    assert dialog.headline.text().endswith("1 telefoon had een probleem; zie de lijst.")
    assert "Bewaard" in [dialog.table.item(r, 5).text() for r in range(dialog.table.rowCount())]
    failed = [dialog.table.item(r, 5).text() for r in range(dialog.table.rowCount())
              if dialog.table.item(r, 0).text() == phones[1].name]
    assert failed and failed[0].startswith("Provisioningbestand niet opgehaald: ")
    assert english_left(dialog, allowed=names) == []
    assert len(result.failures) == 1
    dialog.grab().save("/tmp/nl-sitevisit-finished.png")


def test_site_visit_progress_and_cancel_in_dutch(qtbot, dutch, worker, simulator, visit):
    session, files, _snapshots, _transport = visit
    companies = session.load_companies()
    company = max(companies, key=lambda c: len(session.client.phones(c)))
    names = [c.name for c in companies] + [p.name for p in session.client.phones(company)]
    simulator.set_faults(latency_ms=150)
    dialog = SiteVisitDialog(worker, session, files, company=company)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 600)
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: len(dialog.partial) >= 1 and "telefoons bewaard" in dialog.headline.text(),
                    timeout=20_000)
    assert english_left(dialog, allowed=names) == []
    dialog.grab().save("/tmp/nl-sitevisit-running.png")
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert dialog.headline.text().startswith("Geannuleerd: ")
    assert english_left(dialog, allowed=names) == []
    dialog.grab().save("/tmp/nl-sitevisit-cancelled.png")


# --- the demo: the built-in list against the embedded simulator, as a technician sees it ----------


def cut_off(dialog):
    """Cells whose wrapped text needs more room than the row gives it (the user would see "…")."""
    table = dialog.table
    found = []
    for row in range(table.rowCount()):
        for column in (0, 2):
            item = table.item(row, column)
            cell = table.visualItemRect(item)
            metrics = QFontMetrics(item.font())
            needed = metrics.boundingRect(QRect(0, 0, cell.width() - 8, 100_000),
                                          int(Qt.TextFlag.TextWordWrap), item.text()).height()
            if needed > table.rowHeight(row):
                found.append((row, column, item.text()))
    return found


def all_texts(dialog):
    cells = [dialog.table.item(row, column) for row in range(dialog.table.rowCount()) for column in range(3)]
    return [dialog.headline.text(), *(c.text() for c in cells), *(c.toolTip() for c in cells)]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_demo_checks_the_simulator_port_in_words_for_technicians(qtbot, request, site, lang, make_context,
                                                                 make_window, demo_servers):
    if lang == "nl":
        request.getfixturevalue("dutch")
    window = make_window(make_context())
    assert window.browser.environment.base_url == "http://127.0.0.1"  # the profile; the port comes later
    real = demo_servers.base_url(window.browser.environment.name)
    worker = Worker()
    # The dialog plans the built-in list itself; the test resolver fails the public names at once.
    dialog = SiteCheckDialog(worker, window.browser.environment, window,
                             options=site.options(laptop_facts=lambda timeout: LAPTOP))
    qtbot.addWidget(dialog)
    try:
        dialog.resize(1024, 700)
        dialog.show()
        with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
            dialog.start()
        checks = {c.spec.id: c for c in dialog.report.checks}
        rest = checks["compass-rest"]
        assert f"http://127.0.0.1:{rest.spec.port}" == real and rest.outcome is Outcome.PASSED
        assert checks["compass-provisioning"].outcome is Outcome.SKIPPED
        row = dialog._rows["compass-rest"]
        assert dialog.table.item(row, 0).text().endswith(f"\n127.0.0.1:{rest.spec.port}")
        texts = "\n".join(all_texts(dialog))
        assert "--" not in texts and "phones.md" not in texts and "UNVERIFIED" not in texts
        config_file = str(app_paths().config / "sitecheck.toml")
        derive = {"en": "Not checked: the provisioning host cannot be derived from http://127.0.0.1:",
                  "nl": "Niet gecontroleerd: de provisioninghost is niet af te leiden uit http://127.0.0.1:"}
        assert derive[lang] in texts and config_file in texts
        if lang == "nl":
            assert english_left(dialog, allowed=[*DATA, config_file, "lydis-rps"]) == []
        for width, height in ((1024, 700), (1280, 800)):
            dialog.resize(width, height)
            qtbot.wait(50)
            dialog.grab().save(f"/tmp/{lang}-sitecheck-demo-{width}x{height}.png")
            qtbot.waitUntil(lambda: cut_off(dialog) == [], timeout=2000)
    finally:
        dialog.close()
        assert worker.shutdown(10_000)


def test_long_findings_wrap_whole_when_the_dialog_narrows(qtbot, worker, site, simulator):
    dialog = make_dialog(qtbot, worker, site, loopback_plan(site, simulator))
    with qtbot.waitSignal(dialog.finished_run, timeout=8000):
        dialog.start()
    asks = [row for row in range(dialog.table.rowCount()) if "\nAsk IT: " in dialog.table.item(row, 2).text()]
    assert asks
    for width in (1100, 700, 1024):
        dialog.resize(width, 700)
        qtbot.waitUntil(lambda: cut_off(dialog) == [], timeout=2000)
    line = QFontMetrics(dialog.table.font()).lineSpacing()
    assert all(dialog.table.rowHeight(row) >= 3 * line for row in asks)  # wrapped, not one elided line
    for row in asks:  # and the whole of it on hover
        assert dialog.table.item(row, 2).toolTip().startswith(dialog.table.item(row, 2).text())


def test_the_demo_address_without_a_session_comes_from_the_demo_servers(demo_servers):
    from types import SimpleNamespace

    from compass_desk.gui.sitecheck_dialog import checked_environment

    profile = Environment("Demo staging", "http://127.0.0.1", "demo")
    window = SimpleNamespace(browser=SimpleNamespace(session=None),
                             context=SimpleNamespace(demo_servers=demo_servers))
    qt_wait = demo_servers.simulator("Demo staging")  # started
    assert checked_environment(profile, window).base_url == str(qt_wait.base_url)
    assert checked_environment(profile, None) is profile and checked_environment(None, window) is None
    other = Environment("Elsewhere", "https://rest.example.com", "me")
    session = SimpleNamespace(environment=Environment("Demo staging", "http://127.0.0.1:5", "demo"))
    assert checked_environment(other, SimpleNamespace(browser=SimpleNamespace(session=session))) is other
