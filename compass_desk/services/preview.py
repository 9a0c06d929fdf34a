"""A provisioning file fit to show: secrets masked unless the user asks to see them."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from compass_desk.domain.models import ProvisioningFile

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Preview:
    file: ProvisioningFile
    text: str
    masked: bool


def mask_provisioning_text(file: ProvisioningFile) -> str:
    """The content with every secret value hidden, line for line.

    Uses the provisioning parser's masking; a file it cannot parse is masked by key names
    (``password``, ``pass``, ``secret``, ``token``…) in text, XML and URLs instead, so that a
    damaged file never shows its secrets.
    """
    from compass_desk.domain.provisioning.model import ParseError

    try:
        from compass_desk.domain.provisioning.detect import parse_text
        from compass_desk.domain.provisioning.secrets import mask_text

        return mask_text(parse_text(file.content, file.filename))
    except ParseError as exc:
        log.info("provisioning file %s not parsed (%s); masking by key names", file.filename, exc)
        return mask_by_key_names(file.content)


def mask_by_key_names(text: str) -> str:
    from compass_desk.logsetup import redact

    return "\n".join(redact(line) for line in text.split("\n"))


def preview(file: ProvisioningFile, reveal_secrets: bool = False) -> Preview:
    if reveal_secrets:
        return Preview(file, file.content, masked=False)
    return Preview(file, mask_provisioning_text(file), masked=True)
