"""Output files: private when they hold secrets, also when the file already existed."""

from __future__ import annotations

import stat

from compass_desk.cli._files import write_text


def test_secret_output_makes_an_existing_file_private(tmp_path):
    target = tmp_path / "out.cfg"
    target.write_text("old\n")
    target.chmod(0o644)
    write_text(target, "password = s3cret\n", secret=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_text() == "password = s3cret\n"


def test_masked_output_keeps_an_ordinary_mode(tmp_path):
    target = tmp_path / "new.cfg"
    write_text(target, "a\r\nb\n", secret=False)
    assert target.read_bytes() == b"a\r\nb\n" and stat.S_IMODE(target.stat().st_mode) & 0o600 == 0o600
