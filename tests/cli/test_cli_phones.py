"""``phones list|find|show|activate|reboot|preview|move`` through the real entry point, on the simulator."""

from __future__ import annotations

import json
import re
import stat

import pytest

from compass_desk.cli import main


@pytest.fixture
def cli(simulator, capsys, monkeypatch):
    """cli(*args, user="demo") -> (exit code, stdout, stderr); global options go after the command."""
    monkeypatch.setenv("COMPASS_PASSWORD", "compass-demo")

    def run(*argv, user="demo"):
        code = main([*argv, "--url", simulator.base_url, "--user", user])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        if code:
            assert err.startswith("compass-desk: ") and err.count("\n") == 1, err
        return code, out, err

    return run


def phones(cli, *extra, user="demo"):
    code, out, err = cli("phones", "list", "--json", *extra, user=user)
    assert code == 0, err
    return json.loads(out)


def test_list_filter_and_table(cli):
    everything = phones(cli)
    assert len(everything) == 250
    assert {p["state"] for p in everything} == {"active", "disabled", "provision", "deprovision"}
    active = phones(cli, "--state", "active")
    assert active and all(p["state"] == "active" for p in active)
    first = everything[0]
    one_company = phones(cli, "--company", first["company"]["name"])
    assert one_company and {p["company"]["url"] for p in one_company} == {first["company"]["url"]}
    code, out, _ = cli("phones", "list", "--company", first["company"]["id"])
    assert code == 0 and out.splitlines()[0].split() == [
        "MAC",
        "NAME",
        "MODEL",
        "STATE",
        "ORGANISATION",
        "ID",
    ]
    code, _, err = cli("phones", "list", "--company", "No Such Organisation")
    assert code == 4 and "no organisation 'No Such Organisation'" in err


def test_list_rejects_an_unknown_state(cli):
    code, _, err = cli("phones", "list", "--state", "broken")
    assert code == 2 and "invalid choice" in err


def test_find_in_any_notation(cli):
    target = phones(cli)[10]
    dashed = "-".join(target["mac"][i : i + 2] for i in range(0, 12, 2)).upper()
    code, out, _ = cli("phones", "find", dashed, "--json")
    assert code == 0 and [p["url"] for p in json.loads(out)] == [target["url"]]
    code, out, _ = cli("phones", "find", f"{target['mac'][:4]}.{target['mac'][4:8]}.{target['mac'][8:]}")
    assert code == 0 and target["mac_display"] in out
    code, _, err = cli("phones", "find", "00:04:13:00:00:01")
    assert code == 4 and "no phone with MAC address" in err
    code, _, err = cli("phones", "find", "00:04:13:GG:00:01")
    assert code == 2 and "not a hex digit" in err


def test_show_by_mac_id_and_url(cli):
    everything = phones(cli)
    active = next(p for p in everything if p["state"] == "active")
    for name in (active["mac_display"], active["id"], active["url"]):
        code, out, _ = cli("phones", "show", name, "--json")
        assert code == 0
        details = json.loads(out)
        assert details["phone"]["url"] == active["url"]
    assert details["state"]["value"] == "active" and details["state"]["verdict"]
    # the same verdict as `phones diagnose` (domain.diagnosis): one source of truth
    code, out, _ = cli("phones", "diagnose", active["mac"], "--json")
    report = json.loads(out)
    state = details["state"]
    assert (report["verdict"], report["suboptimal"]) == (state["verdict"], state["suboptimal"])
    assert details["deadline"]["at"] and details["deadline"]["time_left"]
    assert details["status"] is not None and "online" in details["status"]
    assert details["phone"]["company"]["name"]
    code, out, _ = cli("phones", "show", active["mac"])
    assert code == 0
    assert any(
        line.startswith("Provisioning") and "active: Registered at the manufacturer" in line
        for line in out.splitlines()
    )
    assert "Deadline" in out and "MAC address" in out
    code, _, err = cli("phones", "show", "no-such-phone")
    assert code == 4 and "no phone with id no-such-phone" in err


def test_show_decodes_the_installed_firmware(cli):
    online = []
    for p in phones(cli)[:60]:
        code, out, _ = cli("phones", "show", p["url"], "--json")
        assert code == 0
        details = json.loads(out)
        if details["status"] and details["status"]["user_agent"]:
            online.append(details)
    assert online, "the demo data has phones with a user agent"
    assert any(d["firmware"]["installed_description"] for d in online)


def test_activate_needs_confirmation_without_a_terminal(cli):
    phone = next(p for p in phones(cli) if p["state"] == "disabled")
    code, _, err = cli("phones", "activate", phone["mac"])
    assert code == 2 and "--yes" in err
    code, out, _ = cli("phones", "show", phone["url"], "--json")
    assert json.loads(out)["phone"]["state"] == "disabled"  # nothing changed
    code, out, err = cli("phones", "activate", phone["mac"], "--yes")
    assert code == 0, err
    assert "Activated" in out and "reset it before" in out
    code, out, _ = cli("phones", "activate", phone["mac"], "--yes", "--json")
    assert json.loads(out)["state"] == "active" and json.loads(out)["deadline"]


def test_read_only_user_cannot_activate_reboot_or_move(cli):
    phone = next(p for p in phones(cli, user="helpdesk") if p["state"] == "disabled")
    code, _, err = cli("phones", "activate", phone["mac"], "--yes", user="helpdesk")
    assert code == 5 and "not allowed" in err
    code, _, err = cli("phones", "reboot", phone["mac"], "--yes", user="helpdesk")
    assert code == 5
    other = next(p for p in phones(cli) if p["company"]["url"] != phone["company"]["url"])
    code, _, err = cli(
        "phones", "move", phone["mac"], "--to", other["company"]["name"], "--yes", user="helpdesk"
    )
    assert code == 5 and "read-only" in err


def test_reboot(cli):
    phone = phones(cli)[0]
    code, _, err = cli("phones", "reboot", phone["id"])
    assert code == 2 and "--yes" in err
    code, out, _ = cli("phones", "reboot", phone["id"], "--yes", "--json")
    assert code == 0 and json.loads(out)["rebooted"] is True


def _stable(text):
    """The lines of a provisioning file without the one that says when it was generated."""
    return [line for line in text.splitlines() if not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", line)]


def test_preview_masks_secrets_unless_revealed(cli, tmp_path):
    phone = next(p for p in phones(cli) if p["logged_in_user"])
    code, masked, _ = cli("phones", "preview", phone["mac"])
    assert code == 0 and "********" in masked
    code, revealed, _ = cli("phones", "preview", phone["mac"], "--reveal-secrets")
    assert code == 0 and "********" not in revealed
    masked_lines, revealed_lines = _stable(masked), _stable(revealed)
    assert len(masked_lines) == len(revealed_lines)
    hidden = [r for m, r in zip(masked_lines, revealed_lines, strict=True) if m != r]
    assert hidden and all(line not in masked for line in hidden)
    out_file = tmp_path / "phone.cfg"
    out_file.write_text("old\n")
    out_file.chmod(0o644)  # an existing world-readable file is made private before secrets go in
    code, out, _ = cli(
        "phones", "preview", phone["mac"], "--reveal-secrets", "--out", str(out_file), "--json"
    )
    assert code == 0 and json.loads(out)["masked"] is False
    assert _stable(out_file.read_text(encoding="utf-8")) == revealed_lines
    assert stat.S_IMODE(out_file.stat().st_mode) == 0o600
    code, out, _ = cli("phones", "preview", phone["mac"], "--json")
    data = json.loads(out)
    assert data["masked"] is True and _stable(data["content"]) == masked_lines


def test_move_to_another_organisation(cli):
    everything = phones(cli)
    phone = everything[0]
    target = next(p["company"] for p in everything if p["company"]["url"] != phone["company"]["url"])
    code, _, err = cli("phones", "move", phone["mac"], "--to", target["name"])
    assert code == 2 and "--yes" in err
    code, out, err = cli("phones", "move", phone["mac"], "--to", target["name"], "--yes")
    assert code == 0, err
    assert f"to {target['name']}" in out
    code, out, _ = cli("phones", "show", phone["mac"], "--json")
    assert json.loads(out)["phone"]["company"]["url"] == target["url"]
    code, _, err = cli("phones", "move", phone["mac"], "--to", target["url"], "--yes")
    assert code == 2 and "already in" in err
    code, _, err = cli("phones", "move", phone["mac"], "--to", "Nobody Ltd", "--yes")
    assert code == 4


def test_global_options_anywhere_and_faults(cli, simulator):
    simulator.set_faults(html_rate=1.0)
    code, _, err = cli("phones", "list")
    assert code == 1 and "web page" in err
    simulator.set_faults(html_rate=0.0, fault_rate=0.3)
    assert len(phones(cli)) == 250  # 5xx bursts are retried


def test_changes_are_written_to_the_audit_log(cli, isolated_home):
    from compass_desk.store.audit import AuditLog
    from compass_desk.store.db import state_db_path

    phone = next(p for p in phones(cli) if p["state"] == "disabled")
    assert cli("phones", "activate", phone["mac"], "--yes")[0] == 0
    assert cli("phones", "activate", phone["mac"], "--yes", user="helpdesk")[0] == 5
    assert cli("phones", "activate", phone["mac"])[0] == 2  # refused before anything was sent: not logged
    with AuditLog(state_db_path(isolated_home / "data")) as audit:
        entries = audit.entries()
    assert [(e.user, e.action, e.outcome) for e in entries] == [
        ("helpdesk", "activate", "failed"),
        ("demo", "activate", "ok"),
    ]
    assert entries[1].detail == "→ active" and phone["mac_display"] in entries[1].target
    # Named as the app names it: name (MAC) · organisation, the same for the failed attempt.
    from compass_desk.store.audit import phone_target

    assert entries[1].target == phone_target(phone["name"], phone["mac"], phone["company"]["name"])
    assert entries[0].target == entries[1].target
    assert "not allowed" in entries[0].detail


def test_show_and_activate_use_the_deadline_cutoff_preference(cli):
    from datetime import datetime

    from compass_desk.domain.deadline import DEFAULT_CUTOFF, LATE_CUTOFF, deadline_for
    from compass_desk.paths import app_paths
    from compass_desk.store.preferences import Preferences

    Preferences(app_paths().config).set("deadline_cutoff", "03:00")
    activated = [p for p in phones(cli) if p["state"] == "active" and p["activated_at"]]
    def due(phone, cutoff):
        return deadline_for(datetime.fromisoformat(phone["activated_at"]), cutoff)

    differs = next(p for p in activated if due(p, LATE_CUTOFF) != due(p, DEFAULT_CUTOFF))
    code, out, _ = cli("phones", "show", differs["url"], "--json")
    at = datetime.fromisoformat(json.loads(out)["deadline"]["at"])
    assert code == 0 and at == due(differs, LATE_CUTOFF)
    disabled = next(p for p in phones(cli) if p["state"] == "disabled")
    code, out, _ = cli("phones", "activate", disabled["mac"], "--yes", "--json")
    data = json.loads(out)
    expected = deadline_for(datetime.fromisoformat(data["activated_at"]), LATE_CUTOFF)
    assert code == 0 and datetime.fromisoformat(data["deadline"]) == expected
