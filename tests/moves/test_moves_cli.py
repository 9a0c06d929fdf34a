"""``phones move`` (through handle_move) and ``journal`` through the real entry point, on the simulator."""

from __future__ import annotations

import argparse
import json

import pytest

from compass_desk.cli import main
from compass_desk.cli.common import CliError, GlobalOptions
from compass_desk.cli.moves import add_move_arguments, handle_move
from compass_desk.domain.models import Environment
from compass_desk.domain.move_plan import MoveMethod
from compass_desk.paths import app_paths
from compass_desk.services.moves import MoveService
from compass_desk.store.db import state_db_path
from compass_desk.store.journal import Journal

from .move_helpers import count_everywhere, macs_in, make_session, pick_phone


@pytest.fixture(autouse=True)
def _password(monkeypatch):
    monkeypatch.setenv("COMPASS_PASSWORD", "compass-demo")


@pytest.fixture
def picked(simulator):
    session = make_session(simulator)
    try:
        yield pick_phone(session)
    finally:
        session.close()


def move(simulator, capsys, *argv, user="demo", json_out=True, env=None):
    parser = argparse.ArgumentParser(prog="compass-desk phones move", exit_on_error=False)
    add_move_arguments(parser)
    args = parser.parse_args(argv)
    options = GlobalOptions(env=env, url=None if env else simulator.base_url, user=None if env else user,
                            json=json_out)
    try:
        code = handle_move(args, options)
    except CliError as exc:
        return exc.code, None, exc.message
    out, _err = capsys.readouterr()
    return code, json.loads(out) if json_out else out, ""


def journal_cli(simulator, capsys, *argv):
    code = main(["journal", *argv, "--url", simulator.base_url, "--user", "demo"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_api_move_from_the_command_line(simulator, capsys, picked):
    phone, source, target = picked
    code, data, _ = move(simulator, capsys, phone.mac, "--to", target.name, "--yes")
    assert code == 0
    assert data["method"] == "api" and data["verified"] and not data["needs_reset"]
    assert data["company"]["url"] == target.url and data["from"]["url"] == source.url
    assert "display" in data["message"] and data["mac"] == phone.mac  # the PHONE shape, extended
    code, out, _ = move(simulator, capsys, phone.mac, "--to", source.name, "--yes", json_out=False)
    assert code == 0 and f"from {target.name} to {source.name}" in out
    code, _, message = move(simulator, capsys, phone.mac, "--to", source.url, "--yes")
    assert code == 2 and "already in" in message
    code, _, message = move(simulator, capsys, phone.mac, "--to", "Nobody Ltd", "--yes")
    assert code == 4


def test_manual_move_from_the_command_line(simulator, capsys, picked):
    phone, _source, target = picked
    code, data, _ = move(simulator, capsys, phone.mac, "--to", target.entity_id, "--manual", "--yes")
    assert code == 0 and data["method"] == "manual" and data["needs_reset"]
    assert data["operation_id"] and data["company"]["url"] == target.url
    code, out, _ = journal_cli(simulator, capsys)
    assert code == 0 and "No unfinished moves." in out


def test_read_only_user_gets_exit_5_and_nothing_changes(simulator, capsys, picked):
    phone, source, target = picked
    for extra in ((), ("--manual",)):
        code, _, message = move(simulator, capsys, phone.mac, "--to", target.name, "--yes", *extra,
                                user="helpdesk")
        assert code == 5 and "read-only" in message
    session = make_session(simulator)
    try:
        assert phone.mac in macs_in(session, source)
    finally:
        session.close()


def test_without_yes_and_without_a_terminal_nothing_moves(simulator, capsys, picked):
    phone, source, target = picked
    code, _, message = move(simulator, capsys, phone.mac, "--to", target.name)
    assert code == 2 and "--yes" in message
    session = make_session(simulator)
    try:
        assert session.client.phone(phone.url).company_url == source.url
    finally:
        session.close()


def test_usage_errors(simulator, capsys, picked):
    phone, _source, _target = picked
    assert move(simulator, capsys, phone.mac)[0] == 2
    assert move(simulator, capsys, phone.mac, "--to-env", "staging", "--manual")[0] == 2


def _crash(simulator, picked):
    phone, _source, target = picked
    session = make_session(simulator, name="sim")
    journal = Journal(state_db_path(app_paths().ensure().data))
    try:
        service = MoveService(session, journal)
        plan = service.plan(phone, target, MoveMethod.MANUAL)

        class Crash(BaseException):
            pass

        def die(*args, **kwargs):
            raise Crash()

        session.add_phone = die  # type: ignore[method-assign]
        with pytest.raises(Crash):
            service.move_manual(plan)
        return journal.unfinished()[0].id
    finally:
        journal.close()
        session.close()


@pytest.mark.parametrize("action", ["--resume", "--undo"])
def test_journal_lists_an_interrupted_move_and_finishes_or_undoes_it(simulator, capsys, picked, action):
    phone, source, target = picked
    op_id = _crash(simulator, picked)
    code, out, _ = journal_cli(simulator, capsys, "--json")
    listed = json.loads(out)
    assert code == 0 and [op["id"] for op in listed] == [op_id]
    assert listed[0]["phone"]["mac"] == phone.mac and listed[0]["to"]["url"] == target.url
    assert listed[0]["last_step"]["name"] == "add" and listed[0]["settings_encrypted"]
    code, out, _ = journal_cli(simulator, capsys)
    assert str(op_id) in out and "--resume" in out
    code, out, err = journal_cli(simulator, capsys, action, str(op_id), "--yes", "--json")
    assert code == 0, err
    home = target if action == "--resume" else source
    assert json.loads(out)["company"]["url"] == home.url
    assert count_everywhere(simulator, phone.mac) == 1
    code, out, _ = journal_cli(simulator, capsys, "--json")
    assert json.loads(out) == []
    code, _out, err = journal_cli(simulator, capsys, action, str(op_id), "--yes")
    assert code == 2 and "already finished" in err
    code, _out, err = journal_cli(simulator, capsys, "--resume", "999", "--yes")
    assert code == 4


def test_failed_readd_without_a_terminal_points_to_the_journal(simulator, capsys, picked, monkeypatch):
    phone, _source, target = picked
    import compass_desk.services.session as session_module

    def refuse(self, company, **kwargs):
        from compass_desk.api.errors import ConflictError

        raise ConflictError("Could not add the phone: it conflicts with existing data.", status=409)

    with monkeypatch.context() as patch:
        patch.setattr(session_module.Session, "add_phone", refuse)
        code, _, message = move(simulator, capsys, phone.mac, "--to", target.name, "--manual", "--yes")
    assert code == 1 and "journal --resume" in message and "journal --undo" in message
    code, out, _ = journal_cli(simulator, capsys, "--json")
    op_id = json.loads(out)[0]["id"]
    code, out, _ = journal_cli(simulator, capsys, "--undo", str(op_id), "--yes", "--json")
    assert code == 0 and count_everywhere(simulator, phone.mac) == 1


def test_switch_environment_from_the_command_line(simulator, capsys):
    from compass_desk.sim import SimConfig, Simulator
    from compass_desk.store.profiles import ProfileStore

    with Simulator(SimConfig(environment="staging", seed=1)) as staging:
        profiles = ProfileStore(app_paths().ensure().config)
        profiles.save(Environment("prod", simulator.base_url, "demo"))
        profiles.save(Environment("staging", staging.base_url, "demo"))
        prod = make_session(simulator)
        stage = make_session(staging)
        try:
            prod.refresh()
            stage.refresh()
            phone = next(p for p in prod.phones if p.mac not in {s.mac for s in stage.phones})
            company = stage.companies[1].name
        finally:
            prod.close()
            stage.close()
        code, data, err = move(simulator, capsys, phone.mac, "--to-env", "staging", "--to", company, "--yes",
                               env="prod")
        assert code == 0, err
        assert data["added"] and data["target"]["phone"]["state"] == "active"
        assert data["source"]["phone"]["url"] == phone.url and "activated last" in data["note"]
        code, out, err = move(simulator, capsys, phone.mac, "--to-env", "staging", "--yes", env="prod",
                              json_out=False)
        assert code == 0, err
        assert "PROD" in out and "STAGING" in out and "compass-desk guide" in out


def test_failed_readd_on_a_terminal_offers_retry_or_put_back(simulator, capsys, picked, monkeypatch):
    phone, source, target = picked
    import sys

    import compass_desk.services.session as session_module

    original = session_module.Session.add_phone

    def refuse_target(self, company, **kwargs):
        if company.url == target.url:
            from compass_desk.api.errors import PermissionDeniedError

            raise PermissionDeniedError("You are not allowed to add phones there.", status=403)
        return original(self, company, **kwargs)

    answers = iter(["r", "p"])  # retry (fails again), then put it back
    asked = []
    with monkeypatch.context() as patch:
        patch.setattr(session_module.Session, "add_phone", refuse_target)
        patch.setattr(sys.stdin, "isatty", lambda: True)
        patch.setattr("builtins.input", lambda prompt: asked.append(prompt) or next(answers))
        parser = argparse.ArgumentParser()
        add_move_arguments(parser)
        args = parser.parse_args([phone.mac, "--to", target.name, "--manual"])
        args.yes = False
        confirmed = []
        patch.setattr("compass_desk.cli._connect.confirm", lambda q, yes: confirmed.append(q))
        code = handle_move(args, GlobalOptions(url=simulator.base_url, user="demo", json=True))
    out, err = capsys.readouterr()
    assert code == 0 and len(asked) == 2 and "not allowed" in err
    assert "not carried over" in confirmed[0]
    assert json.loads(out)["company"]["url"] == source.url  # put back
    assert count_everywhere(simulator, phone.mac) == 1


def test_every_audit_log_a_move_opens_is_closed(simulator, capsys, picked, monkeypatch):
    from compass_desk.store import audit

    opened, closed = [], []
    real_init, real_close = audit.AuditLog.__init__, audit.AuditLog.close

    def init(self, *args, **kwargs):
        opened.append(self)
        real_init(self, *args, **kwargs)

    def close(self):
        closed.append(self)
        real_close(self)

    monkeypatch.setattr(audit.AuditLog, "__init__", init)
    monkeypatch.setattr(audit.AuditLog, "close", close)
    phone, _source, target = picked
    code, _data, _ = move(simulator, capsys, phone.mac, "--to", target.name, "--yes")
    assert code == 0 and opened and all(log in closed for log in opened)
