"""``phones firmware`` and ``firmware report`` through the real entry point, on the simulator."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from fw_helpers import set_installed, sim_phone

from compass_desk.cli import main


@pytest.fixture
def cli(simulator, capsys, monkeypatch):
    """cli(*args, user="demo") -> (exit code, stdout, stderr); stdin is not a terminal here."""
    monkeypatch.setenv("COMPASS_PASSWORD", "compass-demo")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)

    def run(*argv, user="demo"):
        code = main([*argv, "--url", simulator.base_url, "--user", user])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        if code:
            assert err.startswith("compass-desk: ") and err.count("\n") == 1, err
        return code, out, err

    return run


def a_phone(cli, simulator, prefix, installed_index):
    """A phone of a model starting with *prefix*, running its certified version *installed_index*."""
    code, out, _ = cli("phones", "list", "--json")
    assert code == 0
    phone = next(p for p in json.loads(out) if p["model"].startswith(prefix))
    entry = simulator.engine.catalog.get(phone["model"])
    set_installed(simulator, phone["url"], entry.demo_firmwares[installed_index])
    sim_phone(simulator, phone["url"]).firmware = None
    return phone, entry.demo_firmwares


def test_show_lists_certified_versions_marked(cli, simulator):
    phone, versions = a_phone(cli, simulator, "snom-d7", 1)
    code, out, _ = cli("phones", "firmware", phone["mac_display"], "--json")
    assert code == 0
    data = json.loads(out)
    assert data["installed"] == versions[1] and data["selected"] is None and data["change"] is None
    assert [(o["version"], o["relation"]) for o in data["options"]] == [
        (None, None), (versions[0], "older"), (versions[1], "same"), (versions[2], "newer")]
    code, out, _ = cli("phones", "firmware", phone["id"])
    assert code == 0 and "* Use installed firmware" in out and f"{versions[2]} (latest certified)" in out


def test_set_and_clear_without_a_terminal_need_yes(cli, simulator):
    phone, versions = a_phone(cli, simulator, "snom-d7", 0)
    code, _, err = cli("phones", "firmware", phone["id"], "--set", versions[2])
    assert code == 2 and "Not confirmed; nothing changed" in err and "Add --yes" in err
    assert sim_phone(simulator, phone["url"]).firmware is None
    code, out, _ = cli("phones", "firmware", phone["id"], "--set", versions[2], "--yes", "--json")
    change = json.loads(out)["change"]
    assert code == 0 and change["outcome"] == "changed" and change["selected"] == versions[2]
    assert sim_phone(simulator, phone["url"]).firmware == versions[2]
    code, out, _ = cli("phones", "firmware", phone["id"], "--installed", "--yes")
    assert code == 0 and "Set to Use installed firmware" in out
    assert sim_phone(simulator, phone["url"]).firmware is None
    code, out, _ = cli("phones", "firmware", phone["id"], "--installed")
    assert code == 0 and "already set to use installed firmware; nothing changed" in out
    from compass_desk.paths import app_paths
    from compass_desk.store.audit import AuditLog
    from compass_desk.store.db import state_db_path

    with AuditLog(state_db_path(app_paths().data)) as audit:
        entries = audit.entries()
    assert [(e.action, e.outcome, e.detail) for e in entries] == [
        ("firmware", "ok", "→ use installed firmware"), ("firmware", "ok", f"→ {versions[2]}")]


def test_downgrade_is_refused_without_yes_and_names_the_reason(cli, simulator, monkeypatch):
    phone, versions = a_phone(cli, simulator, "snom-d3", 2)
    code, _, err = cli("phones", "firmware", phone["id"], "--set", versions[0])
    assert code == 2 and "Not confirmed" in err
    # On a terminal: yes to the first question, no to the second (the downgrade) changes nothing.
    answers = iter(["y", "n"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    code, out, err = cli("phones", "firmware", phone["id"], "--set", versions[0])
    assert code == 1 and "Not confirmed; nothing changed." in err and "Compass web server" in out
    assert sim_phone(simulator, phone["url"]).firmware is None
    answers = iter(["y", "y"])
    code, _, _ = cli("phones", "firmware", phone["id"], "--set", versions[0])
    assert code == 0 and sim_phone(simulator, phone["url"]).firmware == versions[0]


def test_international_to_lydis_needs_yes_from_a_script(cli, simulator):
    phone, versions = a_phone(cli, simulator, "yealink-t4", 0)
    prefix, release = versions[0].split(".")[:2]
    set_installed(simulator, phone["url"], f"{prefix}.{release}.0.3")
    code, _, err = cli("phones", "firmware", phone["id"], "--set", versions[-1])
    assert code == 2 and "international" in err and "Lydis" in err and "Add --yes" in err
    assert sim_phone(simulator, phone["url"]).firmware is None
    code, _, _ = cli("phones", "firmware", phone["id"], "--set", versions[-1], "--yes")
    assert code == 0 and sim_phone(simulator, phone["url"]).firmware == versions[-1]


def test_refusals_not_certified_and_read_only(cli, simulator):
    phone, versions = a_phone(cli, simulator, "snom-d7", 0)
    code, _, err = cli("phones", "firmware", phone["id"], "--set", "10.1.1.1", "--yes")
    assert code == 2 and f"certified versions are {', '.join(versions)}" in err
    code, _, err = cli("phones", "firmware", phone["id"], "--set", versions[1], "--yes", user="helpdesk")
    assert code == 5 and "read-only access" in err
    assert sim_phone(simulator, phone["url"]).firmware is None
    code, _, err = cli("phones", "firmware", phone["id"], "--set", "1", "--installed")
    assert code == 2 and "not allowed with argument" in err


def report(simulator, capsys, *args, json_output=True):
    """Run the ``firmware report`` handler the way the entry point does."""
    import argparse

    from compass_desk.cli.common import CliError, GlobalOptions
    from compass_desk.cli.firmware_cmds import add_report_parser

    parser = argparse.ArgumentParser()
    add_report_parser(parser.add_subparsers())
    args = parser.parse_args(["report", *args])
    options = GlobalOptions(url=simulator.base_url, user="demo", json=json_output)
    try:
        code = args.handler(args, options)
    except CliError as exc:
        code = exc.code
    return code, capsys.readouterr().out


def test_report_counts_match_the_simulator(cli, simulator, capsys):
    code, out, _ = cli("companies", "--json")
    company = json.loads(out)[2]
    code, out = report(simulator, capsys, "--company", company["id"])
    assert code == 0
    data = json.loads(out)
    records = [r for r in simulator.engine.state.data.phones.values() if r.company_id == company["id"]]
    expected = Counter((r.model, r.installed_firmware or "unknown") for r in records)
    got = Counter({(m["model"], v): n for m in data["models"] for v, n in m["by_installed"].items()})
    assert got == expected and len(data["phones"]) == len(records)
    pending = {f"{simulator.base_url}/phone/{r.resource_id}" for r in records
               if r.firmware and r.installed_firmware and r.firmware != r.installed_firmware}
    assert set(data["pending"]) == pending
    code, out = report(simulator, capsys, "--company", company["name"], json_output=False)
    assert code == 0 and out.startswith(f"Firmware in {company['name']}: {len(records)} phones")
    code, _ = report(simulator, capsys, "--company", "Nobody")
    assert code == 4


def test_report_through_the_entry_point(cli):
    code, out, _ = cli("companies", "--json")
    company = json.loads(out)[0]
    code, out, _ = cli("firmware", "report", "--company", company["id"], "--json")
    assert code == 0 and json.loads(out)["company"]["url"] == company["url"]
