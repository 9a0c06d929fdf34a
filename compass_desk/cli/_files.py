"""Writing output files from the command line; a file holding secrets is private (0600)."""

from __future__ import annotations

import os
from pathlib import Path

from compass_desk.cli.common import USAGE, CliError


def write_text(path: Path, text: str, *, secret: bool) -> None:
    """Write *text* to *path* (UTF-8, newlines as given); private to the user when *secret*.

    A new file is created private from the start; an existing one is made private before
    anything is written (O_CREAT's mode does not apply to a file that already exists).
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if secret else 0o644)
        try:
            if secret and hasattr(os, "fchmod"):
                os.fchmod(fd, 0o600)
        except OSError:
            os.close(fd)
            raise
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror or exc}", USAGE) from None
