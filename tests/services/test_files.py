"""Reading provisioning files from disk: regular files only, bounded, one sentence when refused."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

import compass_desk.domain.provisioning as provisioning
from compass_desk.cli import main
from compass_desk.services.files import ProvisioningFileError, read_provisioning_file


def test_a_regular_file_is_read_whole(tmp_path):
    path = tmp_path / "a.cfg"
    path.write_bytes(b"#!version:1.0.0.1\r\nx = 1\n")
    assert read_provisioning_file(path) == b"#!version:1.0.0.1\r\nx = 1\n"


def test_refusals_are_one_sentence(tmp_path):
    for target, words in ((tmp_path / "missing.cfg", "no such file"), (tmp_path, "folder")):
        with pytest.raises(ProvisioningFileError, match=words) as caught:
            read_provisioning_file(target)
        assert "\n" not in caught.value.message and isinstance(caught.value, OSError)


def test_more_than_the_limit_is_refused_after_reading_one_byte_over(tmp_path, monkeypatch):
    monkeypatch.setattr(provisioning, "MAX_BYTES", 10)
    path = tmp_path / "big.cfg"
    path.write_bytes(b"x" * 10)
    assert read_provisioning_file(path) == b"x" * 10
    path.write_bytes(b"x" * 11)
    with pytest.raises(ProvisioningFileError, match="too large"):
        read_provisioning_file(path)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused():
    with pytest.raises(ProvisioningFileError, match="not a regular file"):
        read_provisioning_file("/dev/zero")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_config_show_of_a_pipe_answers_instead_of_hanging(tmp_path, capsys):
    fifo = tmp_path / "pipe.cfg"
    os.mkfifo(fifo)
    codes: list[int] = []
    runner = threading.Thread(target=lambda: codes.append(main(["config", "show", str(fifo)])), daemon=True)
    runner.start()
    runner.join(timeout=20)
    hung = runner.is_alive()
    if hung:  # release the blocked reader so the thread ends
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        runner.join(timeout=5)
    assert not hung and codes == [2]
    assert "not a regular file" in capsys.readouterr().err
