"""The offline commands (mac, firmware, deadline) through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from compass_desk.cli import main
from compass_desk.cli.common import USAGE

FIRMWARE_KEYS = {
    "vendor", "scheme", "version", "parts", "major", "major_label", "family", "family_label",
    "yealink_prefix", "models", "custom", "custom_build", "custom_meaning", "description",
}  # fmt: skip


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv: str) -> dict:
    code, out, err = run(capsys, *argv, "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


# --- mac ------------------------------------------------------------------------------------------


def test_mac_check_text(capsys):
    code, out, err = run(capsys, "mac", "check", "MAC: 000413aabbcc")
    assert code == 0 and err == ""
    assert "00:04:13:AA:BB:CC" in out and "000413aabbcc" in out and "Snom" in out


def test_mac_check_json(capsys):
    result = run_json(capsys, "mac", "check", " 80-5e-c0-09-ab-dc ")
    assert result == {"input": " 80-5e-c0-09-ab-dc ", "mac": "805ec009abdc", "display": "80:5E:C0:09:AB:DC",
                      "vendor": "yealink", "vendor_label": "Yealink"}  # fmt: skip


def test_json_flag_works_before_the_command(capsys):
    code, out, _ = run(capsys, "--json", "mac", "check", "3c:22:fb:00:00:01")
    assert code == 0 and json.loads(out)["vendor"] == "unknown"


@pytest.mark.parametrize(
    ("mac", "reason"),
    [("ff:ff:ff:ff:ff:ff", "broadcast"), ("00:04:13:AA:BB", "has 10 hex digits"),
     ("01:00:5e:00:00:01", "multicast"), ("00:04:13:AA:BB:GG", "not a hex digit")],
)  # fmt: skip
def test_mac_check_bad_input_exits_2_with_the_reason(capsys, mac, reason):
    code, out, err = run(capsys, "mac", "check", mac, "--json")
    assert code == USAGE
    assert out == ""
    assert err.startswith("compass-desk: ") and reason in err and err.count("\n") == 1


def test_mac_check_without_a_mac_is_a_usage_error(capsys):
    code, _, err = run(capsys, "mac", "check")
    assert code == USAGE and "MAC" in err


# --- firmware -------------------------------------------------------------------------------------


def test_firmware_decode_yealink_version(capsys):
    result = run_json(capsys, "firmware", "decode", "66.86.188.6")
    assert result["source"] == "version" and result["user_agent"] is None
    firmware = result["firmware"]
    assert set(firmware) == FIRMWARE_KEYS
    assert firmware["vendor"] == "yealink" and firmware["yealink_prefix"] == 66
    assert firmware["major_label"] == "V86" and firmware["custom_build"] == "lydis"
    assert firmware["models"] == ["T41S", "T42S", "T46S", "T48S"]
    assert firmware["parts"] == [66, 86, 188, 6]


def test_firmware_decode_user_agent(capsys):
    result = run_json(capsys, "firmware", "decode", "Yealink W60B 77.85.0.160 80:5e:c0:aa:00:42")
    assert result["source"] == "user_agent"
    assert result["user_agent"] == {"vendor": "yealink", "model": "W60B", "mac": "805ec0aa0042"}
    assert result["firmware"]["custom_build"] == "international"


def test_firmware_decode_text(capsys):
    code, out, _ = run(capsys, "firmware", "decode", "snomD785/10.1.159.12")
    assert code == 0
    assert "D785" in out and "V10" in out and "Snom desk phones" in out


def test_firmware_decode_with_a_forced_vendor(capsys):
    result = run_json(capsys, "firmware", "decode", "10.1.159.12", "--vendor", "yealink")
    assert result["firmware"]["vendor"] == "yealink" and result["firmware"]["yealink_prefix"] == 10


@pytest.mark.parametrize(
    ("text", "reason"),
    [("abc", "is neither a firmware version nor"), ("1.2", "has 2 numbers"),
     ("1.2.x", "is not a firmware version"), ("Linphone/3.6", "nor a Snom or Yealink user agent"),
     ("Yealink", "names a vendor")],
)  # fmt: skip
def test_firmware_decode_bad_input(capsys, text, reason):
    code, out, err = run(capsys, "firmware", "decode", text)
    assert code == USAGE and out == "" and reason in err


def test_firmware_compare(capsys):
    result = run_json(capsys, "firmware", "compare", "66.86.188.11", "66.85.0.3")
    assert result["ordering"] == "older"
    assert [risk["kind"] for risk in result["risks"]] == ["major_downgrade", "custom_switch"]
    assert set(result["current"]) == FIRMWARE_KEYS


def test_firmware_compare_different_families(capsys):
    result = run_json(capsys, "firmware", "compare", "snomD785/10.1.159.12", "66.86.188.6")
    assert result["ordering"] is None
    assert [risk["kind"] for risk in result["risks"]] == ["different_family"]


def test_firmware_compare_text(capsys):
    code, out, _ = run(capsys, "firmware", "compare", "10.1.159.12", "10.1.198.19")
    assert code == 0 and "10.1.198.19 is newer than 10.1.159.12." in out and "No known risk" in out


# --- deadline -------------------------------------------------------------------------------------


def test_deadline_json_across_the_end_of_summer_time(capsys):
    result = run_json(capsys, "deadline", "--activated", "2026-10-22T12:00", "--now", "2026-10-24T12:00")
    assert result == {
        "activated_at": "2026-10-22T12:00:00+02:00",
        "now": "2026-10-24T12:00:00+02:00",
        "cutoff": "00:00",
        "timezone": "Europe/Amsterdam",
        "deadline": "2026-10-28T00:00:00+01:00",
        "lapsed": False,
        "seconds_left": (3 * 24 + 13) * 3600,  # one real hour more than the wall clock shows
        "time_left": "3 days 13 hours",
        "platform_may_run_until": "2026-10-28T03:00:00+01:00",
    }


def test_deadline_exactly_at_the_cutoff_with_offset(capsys):
    result = run_json(capsys, "deadline", "--activated", "2026-11-24T23:00:00Z",
                      "--now", "2026-11-25T00:00+01:00")  # fmt: skip
    assert result["deadline"] == "2026-12-02T00:00:00+01:00"
    assert result["time_left"] == "7 days"


def test_deadline_with_the_late_cutoff(capsys):
    result = run_json(capsys, "deadline", "--activated", "2026-11-25T02:00", "--cutoff", "03:00",
                      "--now", "2026-11-25T02:15")  # fmt: skip
    assert result["deadline"] == "2026-11-25T03:00:00+01:00"
    assert result["time_left"] == "45 minutes"
    assert result["cutoff"] == "03:00" and result["platform_may_run_until"] is None


def test_deadline_lapsed(capsys):
    code, out, _ = run(capsys, "deadline", "--activated", "2026-11-20T10:00", "--now", "2026-11-26T10:00")
    assert code == 0 and "lapsed" in out and "press Activate again" in out
    result = run_json(capsys, "deadline", "--activated", "2026-11-20T10:00", "--now", "2026-11-26T10:00")
    assert result["lapsed"] is True and result["seconds_left"] == 0


def test_deadline_defaults_to_now(capsys):
    result = run_json(capsys, "deadline")
    now = datetime.fromisoformat(result["now"])
    assert abs(now - datetime.now(UTC)) < timedelta(minutes=1)
    assert result["activated_at"] == result["now"]
    assert 0 < result["seconds_left"] <= 7 * 24 * 3600


def test_deadline_text(capsys):
    code, out, _ = run(capsys, "deadline", "--activated", "2026-11-26T10:00", "--now", "2026-11-27T10:00")
    assert code == 0
    assert "Wed 2026-12-02 00:00 CET" in out and "4 days 14 hours" in out
    assert "Wed 2026-12-02 03:00 CET" in out


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["--activated", "yesterday"], "is not a date and time"),
        (["--now", "2026-13-01"], "is not a date and time"),
        (["--cutoff", "25:00"], "is not a time of day"),
        (["--activated", "2026-12-01T10:00", "--now", "2026-11-26T10:00"], "lies in the future"),
    ],
)
def test_deadline_bad_input(capsys, argv, reason):
    code, out, err = run(capsys, "deadline", *argv)
    assert code == USAGE and out == "" and reason in err


def test_entry_point_in_a_subprocess():
    result = subprocess.run(
        [sys.executable, "-m", "compass_desk", "mac", "check", "MAC: 000413AABBCC", "--json"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["display"] == "00:04:13:AA:BB:CC"
    bad = subprocess.run(
        [sys.executable, "-m", "compass_desk", "firmware", "decode", "not-a-version"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert bad.returncode == USAGE
    assert bad.stderr.startswith("compass-desk: ") and "Traceback" not in bad.stderr
