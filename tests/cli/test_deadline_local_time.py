"""`phones activate` and `phones show` print the deadline in Amsterdam time; JSON stays ISO-8601."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

from compass_desk.cli import main
from compass_desk.cli._render import amsterdam_time

AMSTERDAM_TEXT = re.compile(r"\w{3} \d\d \w{3} \d\d:\d\d \(Amsterdam time\)")


def test_amsterdam_time_text():
    assert amsterdam_time(datetime(2026, 12, 1, 23, 0, tzinfo=UTC)) == "Wed 02 Dec 00:00 (Amsterdam time)"
    assert amsterdam_time(datetime(2026, 7, 7, 22, 0, tzinfo=UTC)) == "Wed 08 Jul 00:00 (Amsterdam time)"


def test_activate_and_show_name_amsterdam_time(simulator, capsys, monkeypatch):
    monkeypatch.setenv("COMPASS_PASSWORD", "compass-demo")
    where = ["--url", simulator.base_url, "--user", "demo"]
    assert main(["phones", "list", "--json", *where]) == 0
    phone = next(p for p in json.loads(capsys.readouterr().out) if p["state"] == "disabled")
    assert main(["phones", "activate", phone["mac"], "--yes", *where]) == 0
    out = capsys.readouterr().out
    assert AMSTERDAM_TEXT.search(out) and "UTC" not in out
    assert main(["phones", "show", phone["mac"], *where]) == 0
    deadline_line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("Deadline"))
    assert AMSTERDAM_TEXT.search(deadline_line) and "UTC" not in deadline_line
    assert main(["phones", "show", phone["mac"], "--json", *where]) == 0
    at = json.loads(capsys.readouterr().out)["deadline"]["at"]
    assert datetime.fromisoformat(at).tzinfo is not None  # ISO-8601 in JSON
