"""Firmware versions of Snom and Yealink phones: decode, compare, and say what a change risks.

Schemes (../shared/phones.md §5, the Compass provisioning page):

- Snom desk phones ``a.b.c.d`` (``10.1.159.12``): the first number is the major version, shown as
  "V10". Very old phones report three numbers (``8.4.35``); they are read as ``8.4.35.0``.
- Snom M-series DECT bases ``aa.bb.cccc`` (``05.20.0001``, ``07.40.0104``): first number = major.
- Yealink ``model.major.custom.minor`` (``66.86.188.6``): the first number is the hardware family
  (a table in ``resources/yealink_families.toml``, parsed by :meth:`YealinkFamilies.from_toml`), the
  second the release line ("V86"), the third the custom build (188 = Lydis with Dutch built in,
  0 = international, anything else = another distributor's build; the 188 mapping comes from the
  Compass page only), the fourth the build number.

Versions are ordered only within one family (Snom desk, Snom DECT, one Yealink prefix).
User agents are decoded by :mod:`compass_desk.domain.useragent`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from compass_desk.domain.models import Vendor
from compass_desk.domain.text import Text, fill


class FirmwareError(ValueError):
    """A firmware version or user agent that cannot be read; the message says why."""


class Scheme(StrEnum):
    SNOM_DESK = "snom"
    SNOM_DECT = "snom-dect"
    YEALINK = "yealink"


class CustomBuild(StrEnum):
    """The third number of a Yealink version."""

    LYDIS = "lydis"
    INTERNATIONAL = "international"
    OTHER = "other"

    @property
    def meaning(self) -> str:
        return _CUSTOM_MEANING[self]

    @property
    def meaning_text(self) -> Text:
        return Text(_CUSTOM_MEANING[self], _CUSTOM_MEANING_NL[self])


LYDIS_CUSTOM = 188

_CUSTOM_MEANING = {
    CustomBuild.LYDIS: "Lydis custom firmware with Dutch built in",
    CustomBuild.INTERNATIONAL: "international (generic) Yealink firmware",
    CustomBuild.OTHER: "custom firmware of another distributor or customer",
}
_CUSTOM_MEANING_NL = {
    CustomBuild.LYDIS: "Lydis-firmware met Nederlands ingebouwd",
    CustomBuild.INTERNATIONAL: "internationale (algemene) Yealink-firmware",
    CustomBuild.OTHER: "eigen firmware van een andere distributeur of klant",
}


def custom_build(number: int) -> CustomBuild:
    if number == LYDIS_CUSTOM:
        return CustomBuild.LYDIS
    if number == 0:
        return CustomBuild.INTERNATIONAL
    return CustomBuild.OTHER


class Ordering(StrEnum):
    """How a version relates to another one: ``compare(a, b)`` is NEWER when a is newer than b."""

    NEWER = "newer"
    OLDER = "older"
    SAME = "same"


@dataclass(frozen=True, slots=True)
class YealinkFamilies:
    """Yealink firmware prefix (first number) → the models that run that firmware."""

    models_by_prefix: Mapping[int, tuple[str, ...]]

    @classmethod
    def from_toml(cls, data: Mapping[str, Any]) -> YealinkFamilies:
        table: dict[int, tuple[str, ...]] = {}
        for index, record in enumerate(data.get("family", []), start=1):
            prefix = record.get("prefix")
            models = record.get("models")
            if not isinstance(prefix, int) or isinstance(prefix, bool) or prefix <= 0:
                raise ValueError(f"Yealink family entry {index} needs a positive whole-number prefix")
            if not isinstance(models, list) or not models or not all(isinstance(m, str) for m in models):
                raise ValueError(f"Yealink family {prefix} needs a non-empty list of model names")
            if prefix in table:
                raise ValueError(f"Yealink family {prefix} is listed twice")
            table[prefix] = tuple(models)
        return cls(table)

    def models(self, prefix: int) -> tuple[str, ...]:
        return self.models_by_prefix.get(prefix, ())

    def prefixes_for(self, model: str) -> tuple[int, ...]:
        """All prefixes whose firmware runs on *model* (``T54W``, ``SIP-T54W`` or ``yealink-t54w``)."""
        key = _model_key(model)
        return tuple(p for p, names in sorted(self.models_by_prefix.items()) if key in map(_model_key, names))


def _model_key(name: str) -> str:
    key = re.sub(r"[\s\-]", "", name.lower())
    for prefix in ("yealink", "sip"):
        key = key.removeprefix(prefix)
    return key


@dataclass(frozen=True, slots=True)
class FirmwareVersion:
    """One decoded firmware version. Build it with :func:`parse_firmware`."""

    vendor: Vendor
    scheme: Scheme
    raw: str  # as given, trimmed
    parts: tuple[int, ...]
    major: int
    major_label: str  # "V10", "V86"
    family: str  # versions compare only within one family: "snom", "snom-dect", "yealink-66"
    family_label: str  # "Snom desk phones", "Yealink 66 (T41S, T42S, T46S, T48S)"
    yealink_prefix: int | None = None
    models: tuple[str, ...] = ()  # Yealink models of the prefix, when the table knows them
    custom: int | None = None  # Yealink third number
    custom_build: CustomBuild | None = None

    @property
    def text(self) -> str:
        """Canonical spelling: leading zeros dropped, except in the fixed-width DECT scheme."""
        if self.scheme is Scheme.SNOM_DECT:
            a, b, c = self.parts
            return f"{a:02d}.{b:02d}.{c:04d}"
        return ".".join(str(p) for p in self.parts)

    @property
    def sort_key(self) -> tuple[int, ...]:
        if self.scheme is Scheme.YEALINK:
            _prefix, release, custom, build = self.parts
            return (release, build, custom)  # the custom number only breaks ties
        if self.scheme is Scheme.SNOM_DESK:
            return self.parts + (0,) * (4 - len(self.parts))
        return self.parts

    @property
    def family_text(self) -> Text:
        """``family_label`` in every language (the Yealink label is names and numbers only)."""
        dutch = {Scheme.SNOM_DESK: "Snom-bureautoestellen", Scheme.SNOM_DECT: "Snom M-serie DECT"}
        return Text(self.family_label, dutch.get(self.scheme, self.family_label))

    @property
    def custom_meaning(self) -> str | None:
        return None if self.custom_build is None else self.custom_build.meaning

    def describe(self, lang: str = "en") -> str:
        """One sentence for people: what this version is (English, or Dutch with ``lang="nl"``)."""
        if lang == "nl":
            return self._describe_nl()
        if self.scheme is Scheme.YEALINK:
            assert self.custom is not None and self.custom_build is not None
            models = f" ({', '.join(self.models)})" if self.models else ""
            lydis = self.custom_build is CustomBuild.LYDIS
            note = "" if lydis else " Compass certifies Lydis builds (188) only."
            return (
                f"Yealink {self.major_label} firmware for family {self.yealink_prefix}{models}, "
                f"build {self.parts[3]}, custom number {self.custom}: {self.custom_build.meaning}.{note}"
            )
        if self.scheme is Scheme.SNOM_DECT:
            return f"Snom M-series DECT firmware {self.major_label} ({self.text})."
        return f"Snom {self.major_label} firmware for desk phones ({self.text})."

    def _describe_nl(self) -> str:
        if self.scheme is Scheme.YEALINK:
            assert self.custom is not None and self.custom_build is not None
            models = f" ({', '.join(self.models)})" if self.models else ""
            lydis = self.custom_build is CustomBuild.LYDIS
            note = "" if lydis else " Compass certificeert alleen Lydis-builds (188)."
            meaning = _CUSTOM_MEANING_NL[self.custom_build]
            return (
                f"Yealink {self.major_label}-firmware voor familie {self.yealink_prefix}{models}, "
                f"build {self.parts[3]}, klantnummer {self.custom}: {meaning}.{note}"
            )
        if self.scheme is Scheme.SNOM_DECT:
            return f"Snom M-serie DECT-firmware {self.major_label} ({self.text})."
        return f"Snom {self.major_label}-firmware voor bureautoestellen ({self.text})."


_VERSION = re.compile(r"^\d{1,6}(?:\.\d{1,6})+$")
_DECT_SHAPE = re.compile(r"^\d{2}\.\d{2}\.\d{4}$")
_FILE_SUFFIX = re.compile(r"\.(?:rom|bin)$", re.I)
_EXAMPLES = "e.g. 10.1.159.12 (Snom), 05.20.0001 (Snom DECT) or 66.86.188.6 (Yealink)"


def parse_firmware(
    text: str, vendor: Vendor | str | None = None, *, families: YealinkFamilies | None = None
) -> FirmwareVersion:
    """Decode a version string; *vendor* is guessed from the shape when not given."""
    if not isinstance(text, str):
        raise FirmwareError("a firmware version must be text")
    raw = text.strip()
    if not raw:
        raise FirmwareError("no firmware version given")
    body = _FILE_SUFFIX.sub("", raw)
    body = body[1:] if body[:1] in ("v", "V") else body
    if not _VERSION.match(body):
        raise FirmwareError(f"'{raw}' is not a firmware version: use numbers separated by dots, {_EXAMPLES}")
    parts = tuple(int(p) for p in body.split("."))
    chosen = _vendor(vendor, raw)
    scheme = _scheme(body, parts, chosen, raw)
    if scheme is Scheme.YEALINK:
        return _yealink(raw, parts, families)
    major = parts[0]
    if scheme is Scheme.SNOM_DECT:
        return FirmwareVersion(
            Vendor.SNOM, scheme, raw, parts, major, f"V{major}", "snom-dect", "Snom M-series DECT"
        )
    return FirmwareVersion(Vendor.SNOM, scheme, raw, parts, major, f"V{major}", "snom", "Snom desk phones")


def _vendor(vendor: Vendor | str | None, raw: str) -> Vendor | None:
    if vendor is None or vendor == Vendor.UNKNOWN:
        return None
    try:
        return Vendor(str(vendor).lower())
    except ValueError:
        raise FirmwareError(f"cannot read '{raw}' for vendor '{vendor}'; use snom or yealink") from None


def _scheme(body: str, parts: tuple[int, ...], vendor: Vendor | None, raw: str) -> Scheme:
    count = len(parts)
    if vendor is Vendor.YEALINK:
        if count != 4:
            raise FirmwareError(f"'{raw}' has {count} numbers; a Yealink version has 4, e.g. 66.86.188.6")
        return Scheme.YEALINK
    if count == 3:
        return Scheme.SNOM_DECT if _DECT_SHAPE.match(body) else Scheme.SNOM_DESK
    if count == 4:
        # Yealink release lines are 20 and up (25.30, 66.86); Snom's second number is small (8.7, 10.1).
        if vendor is None and parts[1] >= 20:
            return Scheme.YEALINK
        return Scheme.SNOM_DESK
    expected = "Snom versions have 4 numbers (3 for M-series DECT)" if vendor else "versions have 3 or 4"
    raise FirmwareError(f"'{raw}' has {count} numbers; {expected}, {_EXAMPLES}")


def _yealink(raw: str, parts: tuple[int, ...], families: YealinkFamilies | None) -> FirmwareVersion:
    prefix, release, custom, _build = parts
    models = families.models(prefix) if families else ()
    label = f"Yealink {prefix}" + (f" ({', '.join(models)})" if models else "")
    return FirmwareVersion(
        Vendor.YEALINK, Scheme.YEALINK, raw, parts, release, f"V{release}", f"yealink-{prefix}", label,
        yealink_prefix=prefix, models=models, custom=custom, custom_build=custom_build(custom),
    )  # fmt: skip


def same_family(a: FirmwareVersion, b: FirmwareVersion) -> bool:
    return a.family == b.family


def compare(a: FirmwareVersion, b: FirmwareVersion) -> Ordering:
    """Whether *a* is newer than, older than or the same as *b*; both of one family."""
    if not same_family(a, b):
        raise FirmwareError(
            f"{a.text} ({a.family_label}) and {b.text} ({b.family_label}) are firmware for different "
            "phones; only versions of one family can be compared"
        )
    if a.sort_key == b.sort_key:
        return Ordering.SAME
    return Ordering.NEWER if a.sort_key > b.sort_key else Ordering.OLDER


class RiskKind(StrEnum):
    DIFFERENT_FAMILY = "different_family"
    DOWNGRADE = "downgrade"
    MAJOR_DOWNGRADE = "major_downgrade"
    CUSTOM_SWITCH = "custom_switch"
    SNOM_RECOVERY = "snom_recovery"


@dataclass(frozen=True, slots=True)
class Risk:
    kind: RiskKind
    text: Text  # one sentence, in every language

    @property
    def message(self) -> str:
        """The English sentence (CLI, logs)."""
        return self.text.en


DIFFERENT_FAMILY = Text(
    "{target} is firmware for {target_family}, not for the installed {current} ({current_family}); "
    "the phone cannot install it.",
    "{target} is firmware voor {target_family}, niet voor de geïnstalleerde {current} ({current_family}); "
    "de telefoon kan die niet installeren.",
)
MAJOR_DOWNGRADE = Text(
    "Going from {current} to {target} is a major downgrade; the vendor may block it and the phone may "
    "keep its installed firmware.",
    "Van {current} naar {target} is een grote downgrade; de fabrikant kan die blokkeren, en dan houdt "
    "de telefoon misschien zijn geïnstalleerde firmware.",
)
DOWNGRADE = Text(
    "{target} is older than the installed {current}; some phones refuse a downgrade.",
    "{target} is ouder dan de geïnstalleerde {current}; sommige telefoons weigeren een downgrade.",
)
SNOM_RECOVERY = Text(
    "A Snom phone that ran 8.9.3 or later can get stuck when put back on 8.7 or earlier and then only "
    "update through network recovery; Snom advises an intermediate version.",
    "Een Snom-telefoon die 8.9.3 of later had, kan vastlopen als hij terug gaat naar 8.7 of eerder, en "
    "is dan alleen nog via netwerkherstel bij te werken; Snom raadt een tussenversie aan.",
)
CUSTOM_SWITCH = Text(
    "Switching from {current} ({current_number}) to {target} ({target_number}) is not easily possible; "
    "the phone will probably refuse it.",
    "Overstappen van {current} ({current_number}) naar {target} ({target_number}) kan niet zomaar; "
    "de telefoon weigert dat waarschijnlijk.",
)


# Snom: a phone that ran 8.9.3 or later and is put back on 8.7.x can lose the ability to update
# except through network recovery (phones.md §5.3).
_SNOM_LOCK_FROM = (8, 9, 3, 0)
_SNOM_LOCK_BELOW = (8, 8, 0, 0)


def change_risks(current: FirmwareVersion, target: FirmwareVersion) -> list[Risk]:
    """What could go wrong when a phone on *current* is told to install *target*; empty if nothing."""
    if not same_family(current, target):
        return [Risk(RiskKind.DIFFERENT_FAMILY,
                     fill(DIFFERENT_FAMILY, target=target.text, target_family=target.family_text,
                          current=current.text, current_family=current.family_text))]
    risks: list[Risk] = []
    if compare(target, current) is Ordering.OLDER:
        if target.major < current.major:
            risks.append(Risk(RiskKind.MAJOR_DOWNGRADE,
                              fill(MAJOR_DOWNGRADE, current=current.major_label, target=target.major_label)))
        else:
            risks.append(Risk(RiskKind.DOWNGRADE, fill(DOWNGRADE, target=target.text, current=current.text)))
    ran_late_snom = current.scheme is Scheme.SNOM_DESK and current.sort_key >= _SNOM_LOCK_FROM
    if ran_late_snom and target.sort_key < _SNOM_LOCK_BELOW:
        risks.append(Risk(RiskKind.SNOM_RECOVERY, SNOM_RECOVERY))
    crossing = current.custom != target.custom
    if current.custom_build is not None and target.custom_build is not None and crossing:
        risks.append(Risk(RiskKind.CUSTOM_SWITCH,
                          fill(CUSTOM_SWITCH, current=current.custom_build.meaning_text,
                               current_number=current.custom or 0, target=target.custom_build.meaning_text,
                               target_number=target.custom or 0)))
    return risks
