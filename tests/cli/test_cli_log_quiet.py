"""The command line's log: records go to the log file (0600), never to stderr."""

from __future__ import annotations

import logging
import stat

import pytest

import compass_desk.cli.config as config_cmd
from compass_desk.cli import main
from compass_desk.logsetup import LOG_FILE_NAME
from compass_desk.paths import app_paths


@pytest.fixture
def noisy(monkeypatch):
    """A command that logs like a failing keyring and a chatty library would."""

    def run(args, options):
        logging.getLogger("compass_desk.store.secrets").warning("keyring read failed: %s", "NoKeyringError")
        logging.getLogger("keyring.backend").warning("library warning from keyring")
        logging.getLogger("httpx").error("library error from httpx")
        return 0

    monkeypatch.setattr(config_cmd, "_show", run)


def test_app_and_library_records_go_to_the_log_file_only(tmp_path, capsys, noisy):
    before = list(logging.getLogger().handlers)
    assert main(["config", "show", "x.cfg", "--data-dir", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""
    assert logging.getLogger().handlers == before  # nothing left behind on the root logger
    log_file = app_paths(tmp_path).logs / LOG_FILE_NAME
    text = log_file.read_text(encoding="utf-8")
    assert text.count("keyring read failed: NoKeyringError") == 1
    assert "library warning from keyring" in text and "library error from httpx" in text
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600


def test_nothing_on_stderr_when_the_log_file_cannot_be_written(tmp_path, capsys, noisy):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert main(["config", "show", "x.cfg", "--data-dir", str(blocker / "x")]) == 0
    assert capsys.readouterr().err == ""


def test_an_existing_log_file_is_made_private(tmp_path, capsys, noisy):
    logs = app_paths(tmp_path).logs
    logs.mkdir(parents=True)
    (logs / LOG_FILE_NAME).write_text("older\n")
    (logs / LOG_FILE_NAME).chmod(0o644)
    assert main(["config", "show", "x.cfg", "--data-dir", str(tmp_path)]) == 0
    assert stat.S_IMODE((logs / LOG_FILE_NAME).stat().st_mode) == 0o600


def test_a_real_process_prints_no_log_lines_on_stderr(tmp_path):
    # In-process, pytest's own log handlers hide Python's stderr fallback; a real process shows it.
    import subprocess
    import sys

    script = (
        "import logging, sys\n"
        "import compass_desk.cli.config as c\n"
        "def run(args, options):\n"
        "    logging.getLogger('compass_desk.store.secrets').warning('keyring read failed: NoKeyringError')\n"
        "    logging.getLogger('keyring.backend').warning('library warning')\n"
        "    return 0\n"
        "c._show = run\n"
        "from compass_desk.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    for data_dir in (tmp_path, tmp_path / "file" / "x"):
        if data_dir != tmp_path:
            (tmp_path / "file").write_text("not a folder")
        done = subprocess.run([sys.executable, "-c", script, "config", "show", "x.cfg", "--data-dir",
                               str(data_dir)], capture_output=True, text=True, timeout=60, check=False)
        assert done.returncode == 0 and done.stderr == "", done.stderr
