"""Secrets check: a scripted CLI session (sign in, list, preview masked and revealed, export, errors,
an action, the provisioning cache), then every file the app wrote and everything it printed is
searched for the demo password, a mistyped password and the SIP and web passwords of the
simulator's provisioning files. Only the one file written with --reveal-secrets may hold them."""

from __future__ import annotations

import logging
import stat

import pytest

from compass_desk.cli import main
from compass_desk.logsetup import setup_logging
from compass_desk.paths import app_paths
from compass_desk.sim import DEMO_PASSWORD

WRONG_PASSWORD = "Wrong-Horse-Battery-7"
MIN_SECRET = 6  # shorter values could occur in ordinary text by chance


def _secrets_of(sim) -> set[str]:
    data = sim.engine.state.data
    found = {i.sip_password for u in data.users.values() for i in u.identities}
    found |= {p.web_password for p in data.phones.values()}
    return {s for s in found if len(s) >= MIN_SECRET} | {DEMO_PASSWORD, WRONG_PASSWORD}


def _pick_phones(sim) -> list[str]:
    """One Snom and one Yealink phone with a logged-in user, so their files carry SIP passwords."""
    chosen: dict[str, str] = {}
    for p in sim.engine.state.data.phones.values():
        vendor = p.model.split("-")[0]
        if p.logged_in_user and vendor not in chosen:
            chosen[vendor] = p.resource_id
    assert {"snom", "yealink"} <= set(chosen), chosen
    return [chosen["snom"], chosen["yealink"]]


@pytest.fixture
def logged(isolated_home):
    """The app's own log file set-up (redacting), at DEBUG so every line the code writes lands in it."""
    root = logging.getLogger("compass_desk")
    level = root.level
    path = setup_logging(app_paths(isolated_home).logs, level=logging.DEBUG)
    yield path
    for handler in [h for h in root.handlers if getattr(h, "_compass_desk", False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def test_no_secret_leaks_from_a_scripted_session(
    simulator, capsys, monkeypatch, tmp_path, isolated_home, logged
):
    secrets = _secrets_of(simulator)
    snom, yealink = _pick_phones(simulator)
    printed: list[str] = []

    def cli(*argv: str, expect: int = 0) -> str:
        code = main(list(argv))
        out, err = capsys.readouterr()
        printed.extend([out, err])
        assert code == expect, (argv, code, err)
        if code:
            assert err.startswith("compass-desk: ") and err.count("\n") == 1 and "Traceback" not in err, err
        return out

    site = ["--url", simulator.base_url, "--user", "demo", "--env", "sim"]
    # Sign in: first with a mistyped password, then right; the password comes from the environment.
    monkeypatch.setenv("COMPASS_PASSWORD", WRONG_PASSWORD)
    cli("login", *site, expect=3)
    monkeypatch.setenv("COMPASS_PASSWORD", DEMO_PASSWORD)
    cli("login", *site)
    monkeypatch.delenv("COMPASS_PASSWORD")  # from here on the keyring has it
    cli("phones", "list", "--env", "sim", "--json")
    cli("phones", "show", snom, "--env", "sim", "--json")
    masked = cli("phones", "preview", snom, "--env", "sim")
    assert "user_pass" in masked  # the file is there, its secrets are not (checked below)
    cli("phones", "preview", yealink, "--env", "sim", "--json")
    exported = tmp_path / "export"
    exported.mkdir()
    cli("phones", "preview", yealink, "--env", "sim", "--out", str(exported / "yealink-masked.cfg"))
    revealed = tmp_path / "revealed.cfg"
    cli("phones", "preview", yealink, "--env", "sim", "--reveal-secrets", "--out", str(revealed))
    cli("phones", "activate", snom, "--yes", "--env", "sim", "--json")

    # Errors: unknown phone, a bad MAC, faults on the way, credentials that expire mid-session.
    cli("phones", "preview", "00:04:13:00:00:01", "--env", "sim", expect=4)
    cli("phones", "preview", "not-a-mac!", "--env", "sim", expect=4)
    simulator.set_faults(fault_rate=1.0)
    cli("phones", "preview", snom, "--env", "sim", expect=1)
    simulator.set_faults(fault_rate=0.0, malformed_rate=1.0)
    cli("phones", "preview", snom, "--env", "sim", expect=1)
    simulator.set_faults(malformed_rate=0.0, credentials_expire_after=2)
    cli("phones", "preview", yealink, "--env", "sim", "--json", expect=3)
    simulator.set_faults(credentials_expire_after=None)

    # The caches, as the main window and the offline viewer fill them.
    _fill_caches(simulator, isolated_home, [snom, yealink])
    logging.getLogger("compass_desk.reliability").debug("session over")

    assert logged.stat().st_size > 0, "nothing was logged: the log scan would prove nothing"
    revealed_text = revealed.read_text(encoding="utf-8")
    assert any(s in revealed_text for s in secrets), "the revealed file should hold the SIP passwords"
    assert stat.S_IMODE(revealed.stat().st_mode) == 0o600

    leaks = []
    files = [p for p in [*isolated_home.rglob("*"), *exported.rglob("*")] if p.is_file()]
    assert any(p.name.endswith(".sqlite3") for p in files), "no database was written"
    for path in files:
        raw = path.read_bytes()
        leaks += [f"{path.name}: {s!r}" for s in secrets if s.encode() in raw]
    text = "".join(printed)
    leaks += [f"CLI output: {s!r}" for s in secrets if s in text]
    assert not leaks, "secrets in plain text:\n" + "\n".join(sorted(leaks))


def _fill_caches(sim, home, phone_ids: list[str]) -> None:
    from datetime import UTC, datetime

    from compass_desk.api.client import CompassClient
    from compass_desk.domain.models import Environment
    from compass_desk.domain.provisioning import parse_text
    from compass_desk.domain.provisioning.secrets import MASK, mask_text
    from compass_desk.services.session import Session
    from compass_desk.store.cache import Cache
    from compass_desk.store.db import cache_db_path
    from compass_desk.store.provisioning_cache import ProvisioningCache, invertible

    env = Environment("sim", sim.base_url, "demo")
    path = cache_db_path(app_paths(home).ensure().data)
    mask = invertible(lambda t: mask_text(parse_text(t)), MASK)
    with Session(CompassClient(env, DEMO_PASSWORD), env) as session:
        result = session.refresh()
        statuses = session.statuses(result.phones[:40])
        with Cache(path) as cache:
            cache.save_snapshot("sim", result.companies, result.phones, statuses, datetime.now(UTC))
        with ProvisioningCache(path, mask=mask) as files:
            for resource_id in phone_ids:
                phone = session.client.phone(f"{sim.base_url}/phone/{resource_id}")
                files.store("sim", phone, session.provisioning_file(phone))
                cached = files.get("sim", phone.url)
                assert cached is not None and cached.complete  # secrets kept, encrypted
