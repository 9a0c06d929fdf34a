"""``compass-desk sim`` through the real entry point."""

from __future__ import annotations

import json
import signal
import subprocess
import sys

import httpx
import pytest

from .helpers import V3


def _start(*args):
    return subprocess.Popen(
        [sys.executable, "-m", "compass_desk", "sim", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_sim_prints_url_and_credentials_and_stops_on_ctrl_c():
    process = _start("--environment", "staging", "--seed", "3", "--phones", "40")
    try:
        first = process.stdout.readline()
        assert first.startswith("Compass simulator (staging) at http://127.0.0.1:")
        url = first.rsplit(" ", 1)[1].strip()
        assert "demo, helpdesk, installer" in process.stdout.readline()
        response = httpx.get(
            f"{url}/user", auth=("demo", "compass-demo"), headers={"Accept": V3, "X-No-Redirect": "true"}
        )
        assert response.json()["username"] == "demo"
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0
    assert "stopped" in out
    assert "Traceback" not in err


def test_sim_json_output():
    process = _start("--json")
    try:
        lines = []
        while not lines or lines[-1] != "}\n":
            lines.append(process.stdout.readline())
        info = json.loads("".join(lines))
        assert info["users"] == ["demo", "helpdesk", "installer"] and info["password"] == "compass-demo"
        assert httpx.get(f"{info['base_url']}/_sim/clock").status_code == 200
        process.terminate()
        process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0


@pytest.mark.parametrize(
    "args", [["--fault-rate", "2"], ["--phones", "30000"], ["--environment", "test"], ["--latency-ms", "-1"]]
)
def test_bad_options_are_usage_errors(args):
    result = subprocess.run(
        [sys.executable, "-m", "compass_desk", "sim", "--port", "0", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("compass-desk: ")
    assert "Traceback" not in result.stderr
