"""Last-resort handling: a bug is one sentence plus a logged traceback; store problems are sentences."""

from __future__ import annotations

import pytest

import compass_desk.cli.config as config_cmd
from compass_desk.cli import main
from compass_desk.logsetup import LOG_FILE_NAME
from compass_desk.paths import app_paths


def test_an_unexpected_error_is_one_sentence_and_the_traceback_is_logged(tmp_path, capsys, monkeypatch):
    def broken(args, options):
        raise ZeroDivisionError("password=hunter2 went wrong")

    monkeypatch.setattr(config_cmd, "_show", broken)
    code = main(["config", "show", "x.cfg", "--data-dir", str(tmp_path)])
    err = capsys.readouterr().err
    log_file = app_paths(tmp_path).logs / LOG_FILE_NAME
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert err == f"compass-desk: unexpected error: ZeroDivisionError; details in {log_file}\n"
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "ZeroDivisionError" in logged and "hunter2" not in logged


def test_the_journal_in_an_unusable_data_folder_is_a_sentence(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code = main(["journal", "--data-dir", str(blocker / "x")])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("compass-desk: the operations journal cannot be opened")
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.skipif(not app_paths("/proc").data.parent.exists(), reason="no /proc here")
def test_the_journal_under_proc_is_a_sentence(capsys):
    code = main(["journal", "--data-dir", "/proc/x"])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("compass-desk: ") and err.count("\n") == 1
