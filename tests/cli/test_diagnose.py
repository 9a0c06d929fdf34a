"""``phones diagnose PHONE [--json]`` against the simulator, through a parser built like the real one."""

from __future__ import annotations

import argparse
import json

import pytest

from compass_desk.cli.common import CliError, GlobalOptions
from compass_desk.cli.diagnose import add_diagnose_parser, handle_diagnose
from compass_desk.sim import DEMO_PASSWORD


@pytest.fixture
def diagnose_cli(simulator, capsys, monkeypatch):
    """diagnose_cli(*args, json=False) -> (exit code, stdout); the phones group is built as in cli/phones."""
    monkeypatch.setenv("COMPASS_PASSWORD", DEMO_PASSWORD)
    parser = argparse.ArgumentParser(prog="compass-desk")
    sub = parser.add_subparsers(dest="command")
    phones = sub.add_parser("phones")
    add_diagnose_parser(phones.add_subparsers(dest="phones_command"))

    def run(*argv, as_json=False):
        args = parser.parse_args(["phones", "diagnose", *argv])
        options = GlobalOptions(url=simulator.base_url, user="demo", json=as_json)
        assert args.handler is handle_diagnose
        code = args.handler(args, options)
        return code, capsys.readouterr().out

    return run


def _phones(simulator, state):
    import httpx

    from compass_desk.api.client import CompassClient
    from compass_desk.domain.models import Environment

    env = Environment("sim", simulator.base_url, "demo")
    with CompassClient(env, DEMO_PASSWORD, http_client=None, timeout=httpx.Timeout(10.0)) as client:
        found = []
        for company in client.companies():
            found += [(p, company) for p in client.phones(company) if p.provisioning.value == state]
            if found:
                return found
    raise AssertionError(f"no {state} phone in the demo data")


def test_suboptimal_phone_json(diagnose_cli, simulator):
    phone, company = _phones(simulator, "provision")[0]
    code, out = diagnose_cli(phone.mac, as_json=True)
    report = json.loads(out)
    assert code == 0
    assert report["verdict"] == "suboptimal"
    assert report["headline"] == "The phone is in a suboptimal state."
    assert report["findings"][0]["code"] == "registration-failed"
    assert report["findings"][0]["severity"] == "problem"
    assert [f["code"] for f in report["fix"]] == [
        "remove_and_readd", "factory_reset", "wait_until_idle", "confirm_disabled"]
    assert report["phone"]["url"] == phone.url and report["phone"]["company"]["name"] == company.name
    assert report["deadline"] is None and report["lang"] == "en"


def test_text_in_dutch_and_by_id(diagnose_cli, simulator):
    phone, _ = _phones(simulator, "deprovision")[0]
    code, out = diagnose_cli(phone.resource_id, "--lang", "nl")
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == "Oordeel: De telefoon staat in een suboptimale toestand."
    assert "[Probleem] Het verwijderen van de registratie bij de fabrikant is mislukt (deprovision)." in lines
    assert "Wat nu te doen:" in lines
    assert lines[-4].startswith("  1. Verwijder de telefoon uit Compass")


def test_active_phone_shows_its_deadline(diagnose_cli, simulator):
    phone, _ = _phones(simulator, "active")[0]
    assert phone.activated_at is not None  # the demo activates within the current week
    code, out = diagnose_cli(phone.url, as_json=True)
    report = json.loads(out)
    assert code == 0 and report["verdict"] in ("awaiting_reset", "suboptimal")
    assert report["deadline"]["lapsed"] is False and report["deadline"]["time_left"] != "lapsed"
    assert report["fix"][0]["code"] == "factory_reset"
    assert any(f["code"] in ("deadline", "deadline-soon") for f in report["findings"])


def test_unknown_phone_exits_4(diagnose_cli):
    with pytest.raises(CliError) as caught:
        diagnose_cli("00:04:13:00:00:01")
    assert caught.value.code == 4 and "no phone with MAC address" in caught.value.message
