"""``compass-desk guide`` and ``compass-desk models`` through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from compass_desk.cli import main
from compass_desk.cli.common import NOT_FOUND, OK


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("model", ["snom-d785", "D785", "Snom D785", "snom d785", "SNOM-D785"])
def test_guide_accepts_id_name_and_vendor_name(capsys, model):
    code, out, err = run(capsys, "guide", model)
    assert code == OK and err == ""
    assert out.startswith("Factory reset: Snom D7xx desk phones\nModel: Snom D785 (snom-d785)\n")
    assert "Method 1: Restart with * * # # and hold #" in out
    assert "Vendor manual:" in out and "https://service.snom.com/" in out


def test_guide_in_dutch_with_countdown_and_unverified_flag(capsys):
    code, out, _ = run(capsys, "guide", "yealink-t42u", "--lang", "nl")
    assert code == OK
    assert "Methode 1: OK vasthouden tot de resetvraag verschijnt" in out
    assert "[telefoon aan, 10 s vasthouden]" in out
    assert "[NIET BEVESTIGD]" in out  # the menu method
    assert "Method" not in out.replace("Methode", "")


def test_unverified_guide_says_so_first(capsys):
    code, out, _ = run(capsys, "guide", "D862")
    assert code == OK
    first_method = out.split("Method 1:", 1)[1].split("Method 2:", 1)[0]
    assert "[UNVERIFIED]" in first_method.splitlines()[0] and "UNVERIFIED for the D8xx" in first_method


def test_guide_json_shape(capsys):
    code, out, _ = run(capsys, "--json", "guide", "W70B", "--lang", "nl")
    assert code == OK
    data = json.loads(out)
    assert data["model"] == {"id": "yealink-w70b", "vendor": "yealink", "name": "W70B", "kind": "dect"}
    assert data["family"] == "yealink-w" and data["lang"] == "nl" and data["verified"] is True
    assert [m["id"] for m in data["methods"]] == ["handset-menu", "base-button-w70b"]
    step = data["methods"][1]["steps"][-1]
    assert step["keys"] == ["base-button"] and step["hold_s"] == 4 and step["hold"] is True
    assert step["power"] == "on" and step["power_label"] == "telefoon aan"
    assert "handsets" in step["text"]
    assert data["manual"]["url"].startswith("https://")


def test_unknown_model_exits_4_with_the_closest_matches(capsys):
    code, out, err = run(capsys, "guide", "D786")
    assert code == NOT_FOUND and out == ""
    assert err.startswith("compass-desk: there is no reset guide for model 'D786'; did you mean ")
    assert "snom-d785" in err and "Traceback" not in err


def test_unknown_model_from_a_real_process(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "compass_desk", "guide", "T99X"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 4 and "did you mean" in result.stderr and "Traceback" not in result.stderr


def test_models_lists_every_model_with_its_guide(capsys):
    code, out, _ = run(capsys, "models")
    assert code == OK
    lines = out.splitlines()
    assert lines[0].split() == ["MODEL", "NAME", "KIND", "GUIDE", "METHOD"]
    assert len(lines) == 1 + 31
    assert any(line.split()[0] == "snom-m400" and line.endswith("UNVERIFIED") for line in lines)
    assert any(line.split()[0] == "yealink-t48s" and line.endswith("verified") for line in lines)


def test_models_json(capsys):
    code, out, _ = run(capsys, "models", "--json")
    rows = json.loads(out)
    assert code == OK and len(rows) == 31
    t57 = next(r for r in rows if r["id"] == "yealink-t57w")
    assert t57 == {
        "id": "yealink-t57w",
        "vendor": "yealink",
        "name": "T57W",
        "kind": "desk",
        "family": "yealink-t57w",
        "verified": False,
    }
