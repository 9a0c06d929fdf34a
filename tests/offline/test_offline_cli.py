"""``visit prepare``, ``cache list|clear`` and ``phones preview --cached`` through the real entry point;
the cached preview is read after the simulator has stopped."""

from __future__ import annotations

import argparse
import json
import stat

import pytest

from compass_desk.cli import main
from compass_desk.cli.common import GlobalOptions
from compass_desk.store.vault import KEY_NAME, SERVICE


@pytest.fixture
def cli(simulator, capsys, monkeypatch):
    """cli(*args) -> (exit code, stdout, stderr), signed in to the simulator as "demo"."""
    monkeypatch.setenv("COMPASS_PASSWORD", "compass-demo")

    def run(*argv, online=True):
        extra = ["--url", simulator.base_url, "--user", "demo"] if online else []
        code = main([*argv, *extra])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return run


def _prepare(cli, company):
    code, out, err = cli("visit", "prepare", "--company", company, "--json")
    assert code == 0, err
    return json.loads(out), err


def _companies(cli):
    code, out, err = cli("companies", "--json")
    assert code == 0, err
    return [c["name"] for c in json.loads(out)]


def test_prepare_list_and_clear(cli):
    first, second = _companies(cli)[:2]
    visit, err = _prepare(cli, first)
    assert visit["organisation"]["name"] == first and visit["total"] == visit["stored"] > 0
    assert visit["phone_list_saved"] and not visit["cancelled"]
    assert all(p["stored"] and p["secrets"] == "encrypted" and not p["problems"] for p in visit["phones"])
    assert f"Preparing the site visit of {first}: {visit['total']}/{visit['total']} phones" in err
    _prepare(cli, second)

    code, out, _ = cli("cache", "list", "--json", online=False)
    listing = json.loads(out)
    assert code == 0 and len(listing["files"]) == sum(g["files"] for g in listing["organisations"])
    assert [g["name"] for g in listing["organisations"]] == sorted([first, second])
    assert listing["phone_lists"][0]["phones"] == len(listing["files"])
    assert listing["total_size"] == sum(f["size"] for f in listing["files"]) and listing["limit"] > 0
    assert all(f["age_seconds"] < 60 and f["secrets"] == "encrypted" for f in listing["files"])
    code, out, _ = cli("cache", "list", online=False)
    assert code == 0 and "PASSWORDS" in out.splitlines()[0] and "encrypted" in out
    assert "provisioning file" in out.splitlines()[-1]

    code, _, err = cli("cache", "clear", online=False)
    assert code == 2 and "--company COMPANY" in err
    code, _, err = cli("cache", "clear", "--company", first, online=False)  # no terminal, no --yes
    assert code == 2 and "--yes" in err
    code, _, err = cli("cache", "clear", "--company", "No Such Organisation", "--yes", online=False)
    assert code == 4 and "nothing is stored" in err
    code, out, _ = cli("cache", "clear", "--company", first.upper(), "--yes", "--json", online=False)
    assert code == 0 and json.loads(out)["removed_files"] == visit["total"]
    code, out, _ = cli("cache", "list", "--json", online=False)
    assert [g["name"] for g in json.loads(out)["organisations"]] == [second]
    code, out, _ = cli("cache", "clear", "--all", "--yes", online=False)
    assert code == 0 and "phone list" in out
    code, out, _ = cli("cache", "list", online=False)
    assert code == 0 and out.startswith("Nothing is stored")


def test_prepare_refuses_bad_input(cli):
    code, _, err = cli("visit", "prepare", "--company", "No Such Organisation")
    assert code == 4 and "no organisation" in err
    code, _, err = cli("visit", "prepare", "--company", "x", "--concurrency", "0")
    assert code == 2 and "between 1 and 16" in err


def test_prepare_stops_when_the_sign_in_lapses(cli, simulator):
    name = _companies(cli)[0]
    simulator.set_faults(credentials_expire_after=6)  # part-way through the phones
    code, out, err = cli("visit", "prepare", "--company", name)
    assert code == 3 and out == "" and err.splitlines()[-1].startswith("compass-desk: ")


def _preview(phone, capsys, *, reveal=False, out=None, json_output=False, env=None):
    from compass_desk.cli.offline_cache import preview_cached

    args = argparse.Namespace(phone=phone, reveal_secrets=reveal, out=out)
    code = preview_cached(args, GlobalOptions(env=env, json=json_output))
    printed = capsys.readouterr()
    return code, printed.out, printed.err


def test_preview_cached_offline(cli, simulator, capsys, memory_keyring, tmp_path, secrets_of):
    from compass_desk.cli.common import CliError

    visit, _ = _prepare(cli, _companies(cli)[0])
    phone = visit["phones"][0]["phone"]
    code, online, _ = cli("phones", "preview", phone["mac"], "--reveal-secrets", "--json")
    assert code == 0
    original = json.loads(online)["content"]
    simulator.stop()  # offline from here

    secrets = secrets_of(original)
    code, masked, err = _preview(phone["mac_display"], capsys)
    assert code == 0 and "Offline copy of" in err and "********" in masked
    assert not [s for s in secrets if s in masked]
    code, shown, _ = _preview(phone["url"], capsys, reveal=True, json_output=True)
    data = json.loads(shown)
    assert data["cached"] and not data["masked"] and data["environment"] == "127.0.0.1"
    assert data["secrets"] == "encrypted" and data["phone_url"] == phone["url"]
    assert all(s in data["content"] for s in secrets)
    assert data["content"].splitlines()[2:] == original.splitlines()[2:]  # (line 2: generation time)

    target = tmp_path / "copy.cfg"
    target.write_text("old\n")
    target.chmod(0o644)  # an existing world-readable file is made private before secrets go in
    code, out, _ = _preview(phone["mac"], capsys, reveal=True, out=str(target))
    assert code == 0 and "secrets in plain text" in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_text() == data["content"]

    with pytest.raises(CliError) as unknown:
        _preview("00:04:13:00:00:01", capsys)
    assert unknown.value.code == 4 and "no offline copy" in unknown.value.message
    with pytest.raises(CliError) as bad:
        _preview("no such phone", capsys)
    assert bad.value.code == 2
    with pytest.raises(CliError):
        _preview(phone["mac"], capsys, env="staging")

    del memory_keyring.store[(SERVICE, KEY_NAME)]  # the key is gone: the passwords cannot come back
    with pytest.raises(CliError) as locked:
        _preview(phone["mac"], capsys, reveal=True)
    assert locked.value.code == 1 and "no longer in the keyring" in locked.value.message
    code, still_masked, _ = _preview(phone["mac"], capsys)
    assert code == 0 and "********" in still_masked and not [s for s in secrets if s in still_masked]


def test_online_preview_keeps_a_copy(cli, simulator):
    from compass_desk.cli._connect import connected
    from compass_desk.cli.offline_cache import fetch_provisioning_file

    options = GlobalOptions(url=simulator.base_url, user="demo")
    with connected(options) as session:
        phone = session.refresh().phones[0]
        file = fetch_provisioning_file(session, phone, options)
    code, out, _ = cli("cache", "list", "--json", online=False)
    [stored] = json.loads(out)["files"]
    assert code == 0
    assert (stored["phone_url"], stored["filename"]) == (phone.url, file.filename)
