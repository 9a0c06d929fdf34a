"""Reading a provisioning file from disk for the CLI and the GUI: bounded, regular files only.

A device (``/dev/zero``), a pipe or a socket never ends or blocks, so only regular files are read,
and never more than the parser's size limit plus one byte (enough to say "too large").
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class ProvisioningFileError(OSError):
    """A provisioning file that cannot be read; ``message`` is one sentence for a person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def read_provisioning_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the file at *path*; ProvisioningFileError with a sentence when it cannot be.

    Refuses folders, devices, pipes and sockets, and files over ``MAX_BYTES``. Opened without
    blocking (a pipe swapped in after the check must not hang the caller).
    """
    from compass_desk.domain.provisioning import MAX_BYTES

    name = os.fspath(path)
    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise ProvisioningFileError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise ProvisioningFileError(f"{name} is a folder, not a file") from None
    except PermissionError:
        if Path(name).is_dir():  # Windows refuses to open a folder this way
            raise ProvisioningFileError(f"{name} is a folder, not a file") from None
        raise ProvisioningFileError(f"{name} cannot be read: permission denied") from None
    except OSError as exc:
        raise ProvisioningFileError(f"{name} cannot be read: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise ProvisioningFileError(f"{name} is a folder, not a file")
        if not stat.S_ISREG(mode):
            raise ProvisioningFileError(f"{name} is not a regular file (a device, pipe or socket), "
                                        "so it cannot be a provisioning file")
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, min(1024 * 1024, MAX_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        if isinstance(exc, ProvisioningFileError):
            raise
        raise ProvisioningFileError(f"{name} cannot be read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if size > MAX_BYTES:
        raise ProvisioningFileError(f"{name} is too large for a provisioning file "
                                    f"(at most {MAX_BYTES // 1024 // 1024} MB)")
    return b"".join(chunks)
