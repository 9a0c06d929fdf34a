"""How the audit log names a phone, and finding a MAC in it by any notation."""

from __future__ import annotations

import pytest

from compass_desk.store.audit import AuditLog, phone_target

MAC = "3497d7f88cc7"
NEW = "Administratie 3 (34:97:D7:F8:8C:C7) · Autobedrijf van den Berg"


def test_target_is_name_display_mac_and_organisation_without_words():
    assert phone_target("Administratie 3", MAC, "Autobedrijf van den Berg") == NEW
    # Any notation in, the display form out.
    assert phone_target("Administratie 3", "34-97-d7-f8-8c-c7", "Autobedrijf van den Berg") == NEW
    assert phone_target("", MAC, "Bakkerij") == "34:97:D7:F8:8C:C7 · Bakkerij"
    assert phone_target("Balie", MAC) == "Balie (34:97:D7:F8:8C:C7)"
    assert phone_target("Balie", "", "Bakkerij") == "Balie · Bakkerij"  # a phone without a MAC
    for word in ("phone", "telefoon", " in ", "'"):
        assert word not in NEW


@pytest.fixture
def log(tmp_path):
    with AuditLog(tmp_path / "audit.db") as audit:
        # Entries as older versions wrote them, and as every writer writes them now.
        audit.record("demo", "jan", "activate", "Administratie 3 (34:97:D7:F8:8C:C7) in Autobedrijf", "ok",
                     "→ active")
        audit.record("demo", "jan", "firmware", "phone 'Administratie 3' (34:97:D7:F8:8C:C7) in Autobedrijf",
                     "ok", "set to 150.86.188.6")
        audit.record("demo", "jan", "reveal provisioning secrets", "Administratie 3 (3497d7f88cc7)", "ok")
        audit.record("demo", "jan", "reboot", NEW, "ok")
        audit.record("demo", "jan", "add", "Cafe Noord (00:04:13:AA:BB:CC) · Bakkerij", "ok", "snom-d785")
        yield audit


@pytest.mark.parametrize("typed", ["3497d7f88cc7", "34-97-d7-f8-8c-c7", "34:97:D7:F8:8C:C7", "3497.D7F8.8CC7",
                                   "f8:8c:c7", "F88CC7"])
def test_filter_finds_a_mac_in_any_notation_old_entries_too(log, typed):
    assert [e.action for e in log.entries(typed)] == [
        "reboot", "reveal provisioning secrets", "firmware", "activate"]


def test_filter_still_searches_words(log):
    assert [e.action for e in log.entries("cafe")] == ["add"]  # hex letters, but a word here
    assert [e.action for e in log.entries("add")] == ["add"]  # a short hex word matches words only
    assert [e.action for e in log.entries("bakkerij")] == ["add"]
    assert [e.action for e in log.entries("active 34-97-D7")] == ["activate"]  # every word must match
    assert log.entries("aa-bb-cd") == []
    assert [e.action for e in log.entries("aa-bb-cc")] == ["add"]
