"""The operating system's reasons in words for people: the common ``errno`` values in English and
Dutch, so "Kon het bestand niet lezen: geen toegang" is not half English. Others keep the system's
own text (``strerror``), which is English on most systems."""

from __future__ import annotations

import errno

from compass_desk.domain.text import Text, same

_REASONS: dict[int, Text] = {
    errno.ENOENT: Text("it does not exist", "het bestaat niet"),
    errno.EACCES: Text("permission denied", "geen toegang"),
    errno.EPERM: Text("the operation is not permitted", "dat is niet toegestaan"),
    errno.EISDIR: Text("it is a folder", "het is een map"),
    errno.ENOTDIR: Text("a part of the path is not a folder", "een deel van het pad is geen map"),
    errno.ENOSPC: Text("the disk is full", "de schijf is vol"),
    errno.EROFS: Text("the disk is read-only", "de schijf is alleen-lezen"),
    errno.ENAMETOOLONG: Text("the name is too long", "de naam is te lang"),
    errno.EEXIST: Text("it already exists", "het bestaat al"),
    errno.EBUSY: Text("it is in use", "het is in gebruik"),
    errno.EIO: Text("the disk could not be read or written",
                    "de schijf kon niet worden gelezen of beschreven"),
    errno.ECONNREFUSED: Text("the connection was refused", "de verbinding werd geweigerd"),
    errno.ECONNRESET: Text("the connection was reset", "de verbinding werd verbroken"),
    errno.ETIMEDOUT: Text("the connection timed out", "de verbinding kreeg niet op tijd antwoord"),
    errno.EHOSTUNREACH: Text("the host cannot be reached", "de host is niet bereikbaar"),
    errno.ENETUNREACH: Text("the network cannot be reached", "het netwerk is niet bereikbaar"),
}
_REASONS[getattr(errno, "EDQUOT", errno.ENOSPC)] = _REASONS[errno.ENOSPC]


def os_reason(error: BaseException) -> Text:
    """Why *error* (an OSError) happened, in every language; the system's words when not known."""
    number = getattr(error, "errno", None)
    if isinstance(number, int) and number in _REASONS:
        return _REASONS[number]
    return same(str(getattr(error, "strerror", None) or error or type(error).__name__))
