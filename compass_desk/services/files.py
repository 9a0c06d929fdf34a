"""Reading a provisioning file from disk for the CLI and the GUI: bounded, regular files only.

A device (``/dev/zero``), a pipe or a socket never ends or blocks, so only regular files are read,
and never more than the parser's size limit plus one byte (enough to say "too large").
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from compass_desk.domain.os_words import os_reason
from compass_desk.domain.text import Text, TextError

_NO_SUCH_FILE = Text("{name}: no such file", "{name}: dit bestand bestaat niet")
_A_FOLDER = Text("{name} is a folder, not a file", "{name} is een map, geen bestand")
_NO_PERMISSION = Text(
    "{name} cannot be read: permission denied", "{name} kan niet worden gelezen: geen toestemming"
)
_CANNOT_READ = Text("{name} cannot be read: {why}", "{name} kan niet worden gelezen: {why}")
_NOT_REGULAR = Text(
    "{name} is not a regular file (a device, pipe or socket), so it cannot be a provisioning file",
    "{name} is geen gewoon bestand (maar een apparaat, pipe of socket), dus geen provisioningbestand",
)
_TOO_LARGE = Text(
    "{name} is too large for a provisioning file (at most {mb} MB)",
    "{name} is te groot voor een provisioningbestand (hoogstens {mb} MB)",
)
TEXTS = (_NO_SUCH_FILE, _A_FOLDER, _NO_PERMISSION, _CANNOT_READ, _NOT_REGULAR, _TOO_LARGE)


class ProvisioningFileError(TextError, OSError):
    """A provisioning file that cannot be read; ``message`` is one sentence for a person (English;
    ``text`` has every language)."""

    def __init__(self, message: str | Text) -> None:
        text = message if isinstance(message, Text) else Text(message, message)
        super().__init__(text)
        self.message = text.en

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
        raise ProvisioningFileError(_NO_SUCH_FILE.format(name=name)) from None
    except IsADirectoryError:
        raise ProvisioningFileError(_A_FOLDER.format(name=name)) from None
    except PermissionError:
        if Path(name).is_dir():  # Windows refuses to open a folder this way
            raise ProvisioningFileError(_A_FOLDER.format(name=name)) from None
        raise ProvisioningFileError(_NO_PERMISSION.format(name=name)) from None
    except OSError as exc:
        raise ProvisioningFileError(_CANNOT_READ.format(name=name, why=os_reason(exc))) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise ProvisioningFileError(_A_FOLDER.format(name=name))
        if not stat.S_ISREG(mode):
            raise ProvisioningFileError(_NOT_REGULAR.format(name=name))
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
        raise ProvisioningFileError(_CANNOT_READ.format(name=name, why=os_reason(exc))) from None
    finally:
        os.close(fd)
    if size > MAX_BYTES:
        raise ProvisioningFileError(_TOO_LARGE.format(name=name, mb=MAX_BYTES // 1024 // 1024))
    return b"".join(chunks)
