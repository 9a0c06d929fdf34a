"""Sign-in passwords: per account (not profile name), never re-sent after a refusal, COMPASS_PASSWORD,
and a --screenshot that cannot ask for a password ends instead of waiting behind a hidden dialog."""

from __future__ import annotations

import subprocess
import sys

from compass_desk.api.errors import AuthenticationError
from compass_desk.domain.models import Environment
from compass_desk.gui.browser import Mode
from compass_desk.gui.context import AppContext, Passwords, profile_context
from compass_desk.paths import app_paths
from compass_desk.store.secrets import SecretStore


def test_a_typed_password_is_not_sent_to_a_profiles_new_server():
    passwords = Passwords(use_keyring=False)
    old = Environment("office", "https://old.example.com", "installer")
    passwords.remember_for_session(old, "typed")
    assert passwords.get(old) == "typed"
    moved = Environment("office", "https://evil.example.net", "installer")
    assert passwords.get(moved) is None
    renamed = Environment("office 2", "https://old.example.com", "installer")
    assert passwords.get(renamed) == "typed"  # same account, other profile name


def test_a_refused_keyring_password_is_not_sent_again(qtbot, isolated_home, make_window):
    environment = Environment("production", "https://rest.example.invalid", "installer")
    SecretStore().set_password(environment, "old-password")
    tried = []

    def refuse(env, password):
        tried.append(password)
        raise AuthenticationError("Compass refused the user name or password.")

    context = AppContext([environment], Passwords(), app_paths(isolated_home), connect=refuse,
                         refresh_interval_s=0, interactive=False)
    window = make_window(context, wait=False)
    qtbot.waitUntil(lambda: window.browser.mode == Mode.OFFLINE and not window.worker.jobs())
    assert tried == ["old-password"]
    assert context.password_missing == environment  # the password prompt was asked for
    for _ in range(3):
        window.browser.refresh()
        window.browser.open(environment)
        qtbot.waitUntil(lambda: not window.worker.jobs())
    assert tried == ["old-password"]
    # A newly typed password is tried (once).
    context.passwords.remember_for_session(environment, "new-password")
    window.browser.sign_in()
    qtbot.waitUntil(lambda: len(tried) == 2 and not window.worker.jobs())
    assert tried[-1] == "new-password"


def test_compass_password_wins_over_the_keyring(isolated_home, monkeypatch):
    from compass_desk.store.profiles import ProfileStore

    paths = app_paths(isolated_home)
    paths.ensure()
    environment = Environment("production", "https://rest.example.invalid", "installer")
    ProfileStore(paths.config).save(environment)
    SecretStore().set_password(environment, "from-keyring")
    monkeypatch.setenv("COMPASS_PASSWORD", "from-env")
    assert profile_context(paths).passwords.get(environment) == "from-env"
    monkeypatch.delenv("COMPASS_PASSWORD")
    assert profile_context(paths).passwords.get(environment) == "from-keyring"


def test_screenshot_with_a_wrong_password_ends_instead_of_waiting(tmp_path, simulator, monkeypatch):
    import os

    from compass_desk.store.profiles import ProfileStore

    home = tmp_path / "home"
    monkeypatch.setenv("COMPASS_DESK_HOME", str(home))
    paths = app_paths()
    paths.ensure()
    ProfileStore(paths.config).save(Environment("sim", simulator.base_url, "demo"))
    env = {**os.environ, "COMPASS_PASSWORD": "wrong",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    target = tmp_path / "shot.png"
    result = subprocess.run([sys.executable, "-m", "compass_desk", "--screenshot", str(target)],
                            env=env, capture_output=True, text=True, timeout=90)
    assert result.returncode == 3, result.stderr
    assert "Not signed in to sim" in result.stderr
    assert "Traceback" not in result.stderr
    assert target.exists()
