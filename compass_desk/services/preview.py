"""A provisioning file fit to show: secrets masked unless the user asks to see them."""

from __future__ import annotations

import logging
import re
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


# The fallback masker for files the parser refuses: line by line, by key name, to the end of the
# value (a password may hold spaces, commas or ``<``; a damaged file must never show it).
_XML_ELEMENT = re.compile(
    r"(<(?P<name>[A-Za-z_][\w.\-]*)(?:\s[^<>]*)?(?<!/)>)(?P<body>[^<]*)(</(?P=name)\s*>)"
)
_XML_ATTRIBUTE = re.compile(r"(\s(?P<name>[A-Za-z_][\w.\-]*)\s*=\s*(?P<q>[\"']))(?P<body>.*?)(?P=q)")
_TAG = re.compile(r"<[A-Za-z_/?!]")
_SEPARATOR = re.compile(r"[=:]")
_KEY_PREFIX = re.compile(r"^[\s#;]*")
_SNOM_SUFFIX = re.compile(r"\s*[!&$]?\s*$")


def mask_by_key_names(text: str) -> str:
    """Hide the value of every setting whose name looks secret, without parsing the file.

    Each line is either XML (elements ``<name …>value</name>`` and attributes ``name="value"``)
    or a ``key = value`` / ``key: value`` line (also Snom's ``key$:``, ``key!:``, ``key&:``);
    a secret key's value is masked to the end of the line, keeping surrounding white space, and
    passwords in URLs are masked anywhere. Line structure is kept.
    """
    from compass_desk.domain.provisioning.secrets import MASK, mask_inline

    return "\n".join(mask_inline(_mask_line(line, MASK)) for line in text.split("\n"))


def _mask_line(line: str, mask: str) -> str:
    from compass_desk.domain.provisioning.secrets import is_secret_name

    separator = _SEPARATOR.search(line)
    tag = _TAG.search(line)
    # A separator before any tag: a key/value line (its value may itself hold ``<``).
    if separator is not None and (tag is None or separator.start() < tag.start()):
        key = _SNOM_SUFFIX.sub("", _KEY_PREFIX.sub("", line[: separator.start()]))
        value = line[separator.end():]
        if key and is_secret_name(key):
            return line if not value.strip() else line[: separator.end()] + _mask_keeping_space(value, mask)
    if tag is None:
        return line

    def element(match: re.Match[str]) -> str:
        body = match["body"]
        if not is_secret_name(match["name"]) or not body.strip():
            return match[0]
        return match[1] + _mask_keeping_space(body, mask) + match[4]

    def attribute(match: re.Match[str]) -> str:
        if not is_secret_name(match["name"]) or not match["body"].strip():
            return match[0]
        return match[1] + mask + match["q"]

    return _XML_ATTRIBUTE.sub(attribute, _XML_ELEMENT.sub(element, line))


def _mask_keeping_space(value: str, mask: str) -> str:
    start = len(value) - len(value.lstrip())
    end = len(value.rstrip())
    return value[:start] + mask + value[end:]


def preview(file: ProvisioningFile, reveal_secrets: bool = False) -> Preview:
    if reveal_secrets:
        return Preview(file, file.content, masked=False)
    return Preview(file, mask_provisioning_text(file), masked=True)
