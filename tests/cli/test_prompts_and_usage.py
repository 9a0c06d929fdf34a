"""Usage sentences and prompt answers: a bad port, Ctrl+D at the password prompt, answering no."""

from __future__ import annotations

import getpass
import json

from compass_desk.cli import main


def test_a_port_out_of_range_is_a_usage_sentence(capsys):
    code = main(["sim", "--port", "99999"])
    err = capsys.readouterr().err
    assert code == 2 and "99999 is not a port number (0..65535)" in err and "Traceback" not in err


def test_end_of_input_at_the_password_prompt_is_no_password(simulator, capsys, monkeypatch):
    monkeypatch.delenv("COMPASS_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)

    def eof(prompt: str = "") -> str:
        raise EOFError

    monkeypatch.setattr(getpass, "getpass", eof)
    code = main(["companies", "--url", simulator.base_url, "--user", "demo"])
    err = capsys.readouterr().err
    assert code == 3 and "no password given for demo" in err and "EOFError" not in err


def test_answering_no_changes_nothing_and_exits_1(simulator, capsys, monkeypatch):
    monkeypatch.setenv("COMPASS_PASSWORD", "compass-demo")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert main(["phones", "list", "--url", simulator.base_url, "--user", "demo", "--json"]) == 0
    mac = json.loads(capsys.readouterr().out)[0]["mac"]
    code = main(["phones", "reboot", mac, "--url", simulator.base_url, "--user", "demo"])
    err = capsys.readouterr().err
    assert code == 1 and err == "compass-desk: Not confirmed; nothing changed.\n"


def test_without_a_terminal_the_refusal_keeps_the_question_and_names_yes(simulator, capsys, monkeypatch):
    monkeypatch.setenv("COMPASS_PASSWORD", "compass-demo")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["phones", "list", "--url", simulator.base_url, "--user", "demo", "--json"]) == 0
    mac = json.loads(capsys.readouterr().out)[0]["mac"]
    code = main(["phones", "reboot", mac, "--url", simulator.base_url, "--user", "demo"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("compass-desk: Not confirmed; nothing changed. Reboot ")
    assert "cut off. Add --yes" in err and ".:" not in err
