"""``compass-desk config show|check|diff`` through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from compass_desk.cli import main
from compass_desk.resources import resource_path

SNOM = str(resource_path("samples", "snom-d785-with-user.xml"))
YEALINK = str(resource_path("samples", "yealink-t54w-with-user.cfg"))
SECRETS = ("Fake-Web-Pass-7731", "Fake-Admin-4410", "Fake-Sip-Secret-1923", "Fake-Sip-Secret-5588")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_show_masks_by_default_and_reveals_on_request(capsys):
    code, out, err = run(capsys, "config", "show", SNOM)
    assert code == 0
    assert "<user_pass idx=\"1\" perm=\"R\">********</user_pass>" in out
    assert not [s for s in SECRETS if s in out + err]
    assert "4 secret values masked" in err
    code, out, err = run(capsys, "config", "show", SNOM, "--reveal-secrets")
    assert code == 0 and all(s in out for s in SECRETS) and "plain text" in err


def test_show_json(capsys):
    code, out, _ = run(capsys, "config", "show", YEALINK, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["format"] == "yealink-cfg" and data["custom_start_line"] == 50
    rows = {(r["name"], r["line"]): r for r in data["settings"]}
    password = rows[("account.1.password", 25)]
    assert password["secret"] and password["value"] == "********"
    null = rows[("local_time.time_zone_name", 53)]
    assert null["from_custom"] and any("%NULL% unsets" in n for n in null["notes"])
    assert "Fake-Sip-Secret-7070" not in out


def test_check_exit_codes(capsys, tmp_path):
    assert run(capsys, "config", "check", SNOM)[0] == 0
    bad = tmp_path / "bad.cfg"
    bad.write_text("#!version:1.0.0.1\nstatic.network.vlan.internet_port_vid = 5000\n")
    code, out, _ = run(capsys, "config", "check", str(bad))
    assert code == 1
    assert f"{bad}:2: error: static.network.vlan.internet_port_vid = '5000'" in out
    assert "1 error," in out
    broken = tmp_path / "broken.xml"
    broken.write_text("<settings>\n<phone-settings>\n<a>1</b>\n</settings>\n")
    code, out, _ = run(capsys, "config", "check", str(broken), "--json")
    data = json.loads(out)
    assert code == 1 and data["format"] is None and data["findings"][0]["line"] == 3
    binary = tmp_path / "firmware.rom"
    binary.write_bytes(b"\x7fELF\x00\x01\x02" * 50)
    code, _, err = run(capsys, "config", "check", str(binary))
    assert code == 2 and "binary" in err
    code, _, err = run(capsys, "config", "check", str(tmp_path / "missing.cfg"))
    assert code == 2 and "no such file" in err
    code, _, err = run(capsys, "config", "check", str(tmp_path))
    assert code == 2 and "folder" in err


def test_check_json_findings(capsys):
    code, out, _ = run(capsys, "config", "check", YEALINK, "--json")
    data = json.loads(out)
    assert code == 0 and data["errors"] == 0 and data["settings"] == 46
    firmware = [f for f in data["findings"] if f["code"] == "firmware"]
    assert [(f["line"], f["severity"]) for f in firmware] == [(7, "info")]


def test_diff_says_secret_changed_without_values(capsys, tmp_path):
    other = tmp_path / "other.cfg"
    other.write_text(resource_path("samples", "yealink-t54w-with-user.cfg").read_text()
                     .replace("Fake-Sip-Secret-7070", "Fake-Sip-Secret-0000")
                     .replace("linekey.2.label = Balie", "linekey.2.label = Receptie"))
    code, out, err = run(capsys, "config", "diff", YEALINK, str(other))
    assert code == 1
    assert "account.1.password: secret changed" in out and "(secret changed)" in out
    assert "linekey.2.label changed: 'Balie' → 'Receptie'" in out
    assert "Fake-Sip-Secret" not in out + err
    code, out, _ = run(capsys, "config", "diff", YEALINK, YEALINK, "--json")
    assert code == 0 and json.loads(out)["identical"] is True


@pytest.mark.parametrize("command", ["show", "check"])
def test_unparseable_text(capsys, tmp_path, command):
    broken = tmp_path / "broken.xml"
    broken.write_text("<settings><phone-settings>\n<http_pass>Fake-Broken-1</http_pass>\n<a></settings>\n")
    code, out, err = run(capsys, "config", command, str(broken))
    assert code == 1 and "Fake-Broken-1" not in out + err


def test_entry_point_subprocess():
    result = subprocess.run([sys.executable, "-m", "compass_desk", "config", "check", SNOM],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "0 errors" in result.stdout and result.stderr == ""
