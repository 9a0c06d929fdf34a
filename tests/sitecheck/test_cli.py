"""``compass-desk sitecheck``: exit codes, stable JSON, environments, saved reports (loopback only)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from compass_desk.cli import main
from compass_desk.domain.models import Environment
from compass_desk.paths import app_paths
from compass_desk.store.profiles import ProfileStore


def write_config(path, site, *hosts, ntp="ntp"):
    lines = ["[check]", "timeout_s = 0.5", "total_s = 3", ""]
    for ident, server, host, scheme in hosts:
        lines += ["[[host]]", f'id = "{ident}"', f'title = "{ident} <title>"', f'scheme = "{scheme}"',
                  f'host = "{host}"', f"port = {site.ports[server]}", ""]
    lines += ["[ntp]", 'server = "time.test"', f"port = {site.ports[ntp]}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return str(path)


@pytest.fixture
def loopback_cli(site, monkeypatch):
    monkeypatch.setattr("compass_desk.cli.sitecheck.make_options", site.options)
    return site


def test_everything_passing_exits_0_with_a_text_report(loopback_cli, tmp_path, capsys):
    config = write_config(tmp_path / "c.toml", loopback_cli, ("vendor", "good", "good.test", "https"),
                          ("old", "plain", "plain.test", "http"))
    assert main(["sitecheck", "--config", config]) == 0
    out = capsys.readouterr().out
    assert "Everything a phone needs to provision works from this network." in out
    assert "[OK] vendor <title> — good.test:" in out
    assert "[INFO] This laptop's network (best effort)" in out


def test_a_failure_exits_1_and_the_json_is_stable(loopback_cli, tmp_path, capsys):
    config = write_config(tmp_path / "c.toml", loopback_cli, ("vendor", "good", "good.test", "https"),
                          ("blocked", "refused", "blocked.test", "https"),
                          ("inspected", "proxy", "proxy.test", "https"), ntp="ntp-skewed")
    assert main(["sitecheck", "--config", config, "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["passed"] is False
    assert [(c["id"], c["outcome"], c["verdict"]) for c in data["checks"]] == [
        ("vendor", "passed", "ok"), ("blocked", "failed", "refused"), ("inspected", "failed", "intercepted"),
        ("ntp", "warning", "clock_skew"), ("laptop", "info", "info")]
    assert data["summary"] == {"passed": 1, "warning": 1, "failed": 2, "skipped": 0, "info": 1}
    blocked = data["checks"][1]
    assert blocked["stage"] == "connect" and blocked["host"] == "blocked.test"
    assert blocked["ask_it"].startswith("Please allow outgoing TCP connections")
    assert data["duration_s"] < 5


def test_environment_adds_its_rest_and_provisioning_hosts(loopback_cli, simulator, tmp_path, capsys):
    ProfileStore(app_paths().config).save(Environment("lab", simulator.base_url, "demo"))
    config = write_config(tmp_path / "c.toml", loopback_cli)
    prov = f"good.test:{loopback_cli.ports['good']}"
    assert main(["sitecheck", "--env", "lab", "--config", config, "--provisioning-host", prov,
                 "--json"]) == 0
    checks = {c["id"]: c for c in json.loads(capsys.readouterr().out)["checks"]}
    assert checks["compass-rest"]["verdict"] == "ok" and checks["compass-rest"]["kind"] == "http"
    assert checks["compass-provisioning"]["verdict"] == "ok"
    assert checks["compass-provisioning"]["host"] == "good.test"


def test_environment_whose_provisioning_host_cannot_be_derived_is_skipped(loopback_cli, simulator, tmp_path,
                                                                           capsys):
    ProfileStore(app_paths().config).save(Environment("lab", simulator.base_url, "demo"))
    config = write_config(tmp_path / "c.toml", loopback_cli)
    assert main(["sitecheck", "--env", "lab", "--config", config, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    prov = {c["id"]: c for c in data["checks"]}["compass-provisioning"]
    assert prov["outcome"] == "skipped"
    derive = "Not checked: the provisioning host cannot be derived from"
    assert prov["summary"] == f"{derive} {simulator.base_url}."
    # The flag is the CLI's own advice: in its JSON "hint" and as a Hint line of its text report.
    assert prov["hint"] == "To check the provisioning host, give it with --provisioning-host HOST."
    assert data["environment"] == "lab"
    assert main(["sitecheck", "--env", "lab", "--config", config]) == 0
    out = capsys.readouterr().out
    assert "    Hint: To check the provisioning host, give it with --provisioning-host HOST.\n" in out


def test_the_rest_check_uses_the_port_of_the_environment_url(loopback_cli, simulator, tmp_path, capsys):
    ProfileStore(app_paths().config).save(Environment("lab", simulator.base_url, "demo"))
    config = write_config(tmp_path / "c.toml", loopback_cli)
    assert main(["sitecheck", "--env", "lab", "--config", config, "--json"]) == 0
    rest = {c["id"]: c for c in json.loads(capsys.readouterr().out)["checks"]}["compass-rest"]
    assert (rest["host"], rest["port"]) == ("127.0.0.1", int(simulator.base_url.rsplit(":", 1)[1]))
    assert rest["outcome"] == "passed"


def test_the_lydis_line_names_the_administrator_file_and_the_cli_its_flag(loopback_cli, capsys):
    # No --config: the built-in list (the vendors fail fast: the test resolver knows only *.test).
    main(["sitecheck", "--json"])
    lydis = {c["id"]: c for c in json.loads(capsys.readouterr().out)["checks"]}["lydis-rps"]
    assert lydis["outcome"] == "skipped"
    assert str(app_paths().config / "sitecheck.toml") in lydis["summary"]
    assert "--" not in lydis["summary"] and "phones.md" not in lydis["summary"]
    assert "--config FILE" in lydis["hint"]


def test_the_administrator_file_switches_the_lydis_check_on(loopback_cli, capsys):
    folder = app_paths().config
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecheck.toml").write_text(
        f'[check]\ntimeout_s = 0.5\ntotal_s = 3\n\n[[host]]\nid = "lydis-rps"\nhost = "good.test"\n'
        f'port = {loopback_cli.ports["good"]}\n', encoding="utf-8")
    main(["sitecheck", "--json"])
    checks = {c["id"]: c for c in json.loads(capsys.readouterr().out)["checks"]}
    assert checks["lydis-rps"]["verdict"] == "ok" and checks["lydis-rps"]["host"] == "good.test"
    assert checks["lydis-rps"]["title"] == "Yealink redirection for Lydis firmware"
    assert checks["yealink-rps"]["host"] == "rps.yealink.com"  # the built-in hosts stay


def test_unknown_environment_and_bad_config_are_usage_errors(tmp_path, capsys):
    assert main(["sitecheck", "--env", "nope"]) == 2
    assert "there is no environment named 'nope'" in capsys.readouterr().err
    bad = tmp_path / "bad.toml"
    bad.write_text('[[host]]\nid = "x"\nhost = "h"\nport = "eighty"\n', encoding="utf-8")
    assert main(["sitecheck", "--config", str(bad)]) == 2
    assert "port" in capsys.readouterr().err


def test_save_writes_html_or_text(loopback_cli, tmp_path, capsys):
    config = write_config(tmp_path / "c.toml", loopback_cli, ("vendor", "expired", "expired.test", "https"))
    html, text = tmp_path / "report.html", tmp_path / "report.txt"
    assert main(["sitecheck", "--config", config, "--save", str(html)]) == 1
    assert main(["sitecheck", "--config", config, "--save", str(text)]) == 1
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "vendor &lt;title&gt;" in page
    assert "expired on" in page
    assert text.read_text(encoding="utf-8").startswith("Compass Desk site check\n")
    assert main(["sitecheck", "--config", config, "--save", str(tmp_path / "no" / "r.txt")]) == 1
    assert "cannot be saved" in capsys.readouterr().err


def test_real_entry_point_on_loopback_addresses(site, tmp_path):
    # IP literals need no resolver: the child process does not look up any name.
    config = tmp_path / "c.toml"
    config.write_text(
        "[check]\ntimeout_s = 1.0\ntotal_s = 3\n\n"
        f'[[host]]\nid = "old"\nscheme = "http"\nhost = "127.0.0.1"\nport = {site.ports["plain"]}\n\n'
        f'[ntp]\nserver = "127.0.0.1"\nport = {site.ports["ntp"]}\n', encoding="utf-8")
    command = [sys.executable, "-m", "compass_desk", "sitecheck", "--config", str(config), "--json"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    data = json.loads(done.stdout)
    assert [c["verdict"] for c in data["checks"]] == ["ok", "ok", "info"]
    laptop = data["checks"][2]["details"]
    assert {"computer", "address", "gateway", "DNS servers"} <= set(laptop)


@pytest.mark.parametrize("url", ["http://[::1", "https://rest.example.com:99999", "ftp://rest.example.com",
                                 "rest.example.com"])
def test_malformed_url_is_a_usage_error_without_traceback(url, capsys):
    assert main(["sitecheck", "--url", url]) == 2
    err = capsys.readouterr().err
    assert err.startswith("compass-desk: '") and "Traceback" not in err
