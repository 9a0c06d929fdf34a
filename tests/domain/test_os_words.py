"""The operating system's common reasons read as Dutch in Dutch; unknown ones keep the system's words."""

from __future__ import annotations

import errno

from compass_desk.domain.os_words import _REASONS, os_reason


def test_common_reasons_have_their_own_dutch():
    for number, text in _REASONS.items():
        assert text.en and text.nl and text.en != text.nl, errno.errorcode.get(number, number)


def test_a_file_error_reads_in_both_languages():
    error = PermissionError(errno.EACCES, "Permission denied", "/etc/shadow")
    assert os_reason(error).nl == "geen toegang"
    assert os_reason(error).en == "permission denied"


def test_an_unknown_reason_keeps_the_system_words():
    error = OSError(errno.EXDEV, "Invalid cross-device link")
    assert os_reason(error).nl == os_reason(error).en == "Invalid cross-device link"
    assert os_reason(OSError("no number")).en == "no number"
