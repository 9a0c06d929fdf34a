"""``login``, ``logout``, ``envs`` and ``companies`` through the real entry point, on the simulator."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from compass_desk.cli import main


@pytest.fixture
def password(monkeypatch):
    monkeypatch.setenv("COMPASS_PASSWORD", "compass-demo")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_login_saves_profile_and_keyring_then_commands_use_them(
    simulator, capsys, password, monkeypatch, memory_keyring, isolated_home
):
    code, out, err = run(capsys, "login", "--env", "sim", "--url", simulator.base_url, "--user", "demo")
    assert code == 0, err
    assert "Signed in to sim" in out and "Demo" in out
    assert list(memory_keyring.store.values()) == ["compass-demo"]
    profiles = (isolated_home / "config" / "environments.toml").read_text(encoding="utf-8")
    assert simulator.base_url in profiles and "compass-demo" not in profiles
    monkeypatch.delenv("COMPASS_PASSWORD")
    code, out, _ = run(capsys, "envs", "--json")
    assert json.loads(out) == [
        {
            "name": "sim",
            "base_url": simulator.base_url,
            "username": "demo",
            "ca_bundle": None,
            "password_stored": True,
        }
    ]
    code, out, _ = run(capsys, "companies", "--env", "sim", "--json")
    assert code == 0 and len(json.loads(out)) == 12
    # The only saved environment is the default one.
    code, out, _ = run(capsys, "companies")
    assert code == 0 and out.startswith("NAME")
    code, out, _ = run(capsys, "logout", "--env", "sim", "--forget")
    assert code == 0 and memory_keyring.store == {}
    code, out, _ = run(capsys, "envs")
    assert "No environments saved" in out


def test_login_with_a_wrong_password_saves_nothing(
    simulator, capsys, monkeypatch, memory_keyring, isolated_home
):
    monkeypatch.setenv("COMPASS_PASSWORD", "wrong")
    code, _, err = run(capsys, "login", "--env", "sim", "--url", simulator.base_url, "--user", "demo")
    assert code == 3
    assert err.startswith("compass-desk: Compass did not accept the user name or password")
    assert "wrong" not in err and err.count("\n") == 1
    assert memory_keyring.store == {}
    assert not (isolated_home / "config" / "environments.toml").exists()


def test_plain_http_to_a_remote_host_is_refused(capsys, password):
    code, _, err = run(capsys, "login", "--env", "x", "--url", "http://rest.example.com", "--user", "jan")
    assert code == 2 and "plain http" in err


def test_no_password_without_a_terminal(simulator, capsys):
    code, _, err = run(capsys, "companies", "--url", simulator.base_url, "--user", "demo")
    assert code == 3 and "COMPASS_PASSWORD" in err


def test_no_environment_chosen(capsys, password):
    code, _, err = run(capsys, "companies")
    assert code == 2 and "--env NAME" in err
    code, _, err = run(capsys, "companies", "--env", "nope")
    assert code == 2 and "no saved environment 'nope'" in err
    code, _, err = run(capsys, "companies", "--url", "https://rest.example.com")
    assert code == 2 and "--user" in err


def test_companies_of_the_read_only_user(simulator, capsys, password):
    code, out, _ = run(capsys, "companies", "--json", "--url", simulator.base_url, "--user", "helpdesk")
    data = json.loads(out)
    assert code == 0 and len(data) == 12
    assert set(data[0]) == {"id", "url", "name", "shortname", "access"}
    assert {c["access"] for c in data} == {"read"}


def test_unreachable_server_is_a_network_error(capsys, password):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code, _, err = run(capsys, "companies", "--url", f"http://127.0.0.1:{port}", "--user", "demo")
    assert code == 6 and "Could not reach Compass" in err


def test_expired_credentials(simulator, capsys, password):
    simulator.set_faults(credentials_expire_after=0)
    code, _, err = run(capsys, "companies", "--url", simulator.base_url, "--user", "demo")
    assert code == 3 and "sign in again" in err


def test_real_entry_point_in_a_subprocess(simulator, isolated_home):
    env = {
        "COMPASS_PASSWORD": "compass-demo",
        "COMPASS_DESK_HOME": str(isolated_home),
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "compass_desk",
            "companies",
            "--url",
            simulator.base_url,
            "--user",
            "installer",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert [c["access"] for c in json.loads(result.stdout)] == ["write"]
