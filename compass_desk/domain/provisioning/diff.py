"""Compare two provisioning files, line by line and setting by setting, without showing secrets.

Lines are compared on their masked text plus a fingerprint of the original line where something
was masked, so a changed password still shows as a changed line; the text shown is always masked.
Settings are compared by (section, name, index) on the value the phone ends up with (the last).
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass
from enum import StrEnum

from compass_desk.domain.provisioning.model import ParsedFile, Setting, split_lines
from compass_desk.domain.provisioning.secrets import MASK, mask_setting, mask_text
from compass_desk.domain.text import Text, join, same

ADDED = Text("{name} added: {value} (line {line})", "{name} toegevoegd: {value} (regel {line})")
REMOVED = Text("{name} removed (was {value} at line {line})",
               "{name} verwijderd (was {value} op regel {line})")
SECRET_CHANGED = Text("{name}: secret changed (values hidden)",
                      "{name}: geheim gewijzigd (waarden verborgen)")
CHANGED = Text("{name} changed:", "{name} gewijzigd:")
PERMISSION_CHANGED = Text("permission {old} → {new}", "recht {old} → {new}")


class Change(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    SECRET_CHANGED = "secret changed"


@dataclass(frozen=True, slots=True)
class LineRow:
    """One row of a side-by-side view; a side is ``None`` where the other file has extra lines."""

    tag: str  # "equal", "replace", "delete", "insert" (as difflib)
    left_line: int | None
    left: str | None
    right_line: int | None
    right: str | None


@dataclass(frozen=True, slots=True)
class SettingChange:
    change: Change
    name: str
    left: Setting | None  # masked
    right: Setting | None  # masked

    @property
    def line(self) -> int | None:
        side = self.right or self.left
        return side.line if side is not None else None

    def describe(self) -> str:
        """The change in English (for the CLI); :meth:`describe_text` has every language."""
        return self.describe_text().en

    def describe_text(self) -> Text:
        if self.change is Change.ADDED and self.right is not None:
            return ADDED.format(name=self.name, value=repr(self.right.value), line=self.right.line)
        if self.change is Change.REMOVED and self.left is not None:
            return REMOVED.format(name=self.name, value=repr(self.left.value), line=self.left.line)
        if self.change is Change.SECRET_CHANGED:
            return SECRET_CHANGED.format(name=self.name)
        assert self.left is not None and self.right is not None
        parts = []
        if self.left.value != self.right.value:
            parts.append(same(f"{self.left.value!r} → {self.right.value!r}"))
        if self.left.permission != self.right.permission:
            parts.append(PERMISSION_CHANGED.format(old=repr(self.left.permission),
                                                   new=repr(self.right.permission)))
        return CHANGED.format(name=self.name) + join(parts, ", ")


@dataclass(frozen=True, slots=True)
class FileDiff:
    rows: list[LineRow]
    settings: list[SettingChange]

    @property
    def identical(self) -> bool:
        return not self.settings and all(row.tag == "equal" for row in self.rows)


def _comparison_keys(raw: list[str], masked: list[str]) -> list[str]:
    if len(raw) != len(masked):  # cannot happen (masking keeps lines); compare masked text then
        return masked
    keys = []
    for original, shown in zip(raw, masked, strict=True):
        if original == shown:
            keys.append(shown)
        else:
            digest = hashlib.sha256(original.encode("utf-8", "surrogatepass")).hexdigest()[:16]
            keys.append(f"{shown}\x00{digest}")
    return keys


def diff_lines(left: ParsedFile, right: ParsedFile) -> list[LineRow]:
    left_shown, right_shown = split_lines(mask_text(left)), split_lines(mask_text(right))
    matcher = difflib.SequenceMatcher(
        None,
        _comparison_keys(left.lines, left_shown),
        _comparison_keys(right.lines, right_shown),
        autojunk=False,
    )
    rows: list[LineRow] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for offset in range(max(i2 - i1, j2 - j1)):
            i, j = i1 + offset, j1 + offset
            has_left, has_right = i < i2, j < j2
            rows.append(LineRow(
                tag if has_left and has_right else ("delete" if has_left else "insert"),
                i + 1 if has_left else None,
                left_shown[i] if has_left else None,
                j + 1 if has_right else None,
                right_shown[j] if has_right else None,
            ))
    return rows


def _effective(parsed: ParsedFile) -> dict[tuple[str, str, str], Setting]:
    result: dict[tuple[str, str, str], Setting] = {}
    for setting in parsed.settings:
        result[setting.key] = setting  # the phone applies them in order: the last one wins
    return result


def diff_settings(left: ParsedFile, right: ParsedFile) -> list[SettingChange]:
    before, after = _effective(left), _effective(right)
    changes: list[SettingChange] = []
    for key, old in before.items():
        new = after.get(key)
        if new is None:
            changes.append(SettingChange(Change.REMOVED, old.display_name, mask_setting(old), None))
        elif old.value != new.value or old.permission != new.permission or old.attributes != new.attributes:
            masked_old, masked_new = mask_setting(old), mask_setting(new)
            # Different values that look the same once masked: only a hidden part changed.
            secret_only = (
                old.value != new.value
                and masked_old.value == masked_new.value
                and old.permission == new.permission
                and masked_old.attributes == masked_new.attributes
            )
            kind = Change.SECRET_CHANGED if secret_only else Change.CHANGED
            changes.append(SettingChange(kind, old.display_name, masked_old, masked_new))
    for key, new in after.items():
        if key not in before:
            changes.append(SettingChange(Change.ADDED, new.display_name, None, mask_setting(new)))
    return changes


def diff_files(left: ParsedFile, right: ParsedFile) -> FileDiff:
    return FileDiff(diff_lines(left, right), diff_settings(left, right))


def format_diff(diff: FileDiff, left_name: str, right_name: str, context: int = 2) -> list[str]:
    """A unified-style text of *diff* (masked), followed by the changed settings."""
    out = [f"--- {left_name}", f"+++ {right_name}"]
    changed = [n for n, row in enumerate(diff.rows) if row.tag != "equal"]
    shown: set[int] = set()
    for n in changed:
        shown.update(range(max(0, n - context), min(len(diff.rows), n + context + 1)))
    previous = -2
    for n in sorted(shown):
        row = diff.rows[n]
        if n != previous + 1:
            out.append(f"@@ line {row.left_line or '-'} / {row.right_line or '-'} @@")
        previous = n
        if row.tag == "equal":
            out.append(f"  {row.left}")
            continue
        if row.left is not None:
            out.append(f"- {row.left}")
        if row.right is not None:
            hidden = row.tag == "replace" and row.left == row.right
            out.append(f"+ {row.right}" + ("   (secret changed)" if hidden else ""))
    if diff.settings:
        out.append("")
        out.append("Settings:")
        out.extend(f"  {change.describe()}" for change in diff.settings)
    return out


__all__ = ["MASK", "Change", "FileDiff", "LineRow", "SettingChange", "diff_files", "format_diff"]
