"""Choosing firmware for phones: the certified options, what a choice does, and what it risks.

Pure: the caller supplies the phones, their installed versions (live status or user agent) and the
certified versions of the model (Compass ``phoneModels``). Compass only ever sends a firmware URL
for a version certified for the model; "Use installed firmware" (``None``) sends no instruction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from compass_desk.domain.firmware import (
    FirmwareError,
    FirmwareVersion,
    Ordering,
    Risk,
    RiskKind,
    YealinkFamilies,
    change_risks,
    compare,
    parse_firmware,
    same_family,
)
from compass_desk.domain.firmware_texts import (
    DOWNGRADE_WARNING,
    EXPLAIN_INSTALLED,
    EXPLAIN_SET,
    NO_CERTIFIED,
    NO_PHONES,
    NOT_CERTIFIED,
    SOME_OF_THESE,
    WITH_COUNT,
    WRONG_MODEL,
    option_label,
    phone_count,
)

# The words other modules take from here (firmware_plan was their home before firmware_texts).
from compass_desk.domain.firmware_texts import UNKNOWN_INSTALLED as UNKNOWN_INSTALLED
from compass_desk.domain.firmware_texts import UNKNOWN_VERSION_TEXT as UNKNOWN_VERSION_TEXT
from compass_desk.domain.firmware_texts import USE_INSTALLED as USE_INSTALLED
from compass_desk.domain.firmware_texts import USE_INSTALLED_LABEL as USE_INSTALLED_LABEL
from compass_desk.domain.firmware_texts import model_phones_words as model_phones_words
from compass_desk.domain.firmware_texts import phone_words as phone_words
from compass_desk.domain.models import Company, Phone, PhoneModel, PhoneStatus, Vendor
from compass_desk.domain.text import Text, TextError, fill, same
from compass_desk.domain.useragent import parse_user_agent

# Risks that need a second, explicit confirmation naming the reason (issue 9).
SECOND_CONFIRMATION = frozenset(
    {RiskKind.DOWNGRADE, RiskKind.MAJOR_DOWNGRADE, RiskKind.CUSTOM_SWITCH, RiskKind.SNOM_RECOVERY,
     RiskKind.DIFFERENT_FAMILY}
)


class FirmwareRefused(TextError, ValueError):
    """A choice that must not be sent: the message says why (and names what is allowed).

    ``message`` and ``str()`` are English (CLI, logs); ``text`` holds every language (GUI).
    """

    def __init__(self, message: Text | str) -> None:
        text = message if isinstance(message, Text) else same(message)
        super().__init__(text)
        self.message = text.en


def decode_version(text: str | None, vendor: Vendor | None = None,
                   families: YealinkFamilies | None = None) -> FirmwareVersion | None:
    """A version, or None when there is none or it cannot be read."""
    if not text:
        return None
    try:
        return parse_firmware(text, None if vendor is Vendor.UNKNOWN else vendor, families=families)
    except FirmwareError:
        return None


def installed_version(status: PhoneStatus | None, families: YealinkFamilies | None = None) -> str | None:
    """The installed firmware from the live status, else from the phone's user agent."""
    if status is None:
        return None
    if status.firmware_version:
        return status.firmware_version.strip() or None
    if status.user_agent:
        try:
            return parse_user_agent(status.user_agent, families=families).version.text
        except FirmwareError:
            return None
    return None


def same_version(a: str | None, b: str | None, vendor: Vendor | None = None) -> bool:
    """Equal as versions (``66.86.188.6`` = ``v66.86.188.6.rom``); plain text when unreadable."""
    if a is None or b is None:
        return a is b
    va, vb = decode_version(a, vendor), decode_version(b, vendor)
    if va is not None and vb is not None:
        return va.family == vb.family and va.parts == vb.parts
    return a.strip() == b.strip()


def relation(target: str, installed: str | None, vendor: Vendor | None = None) -> Ordering | None:
    """*target* compared with *installed*: newer, older, same; None when they cannot be compared."""
    t, i = decode_version(target, vendor), decode_version(installed, vendor)
    if t is None or i is None or not same_family(t, i):
        return None
    return compare(t, i)


def latest(certified: Sequence[str], vendor: Vendor | None = None) -> str | None:
    """The newest certified version (the API's last when they cannot be ordered)."""
    decoded = [(decode_version(v, vendor), v) for v in certified]
    readable = [(d, v) for d, v in decoded if d is not None]
    if not readable:
        return certified[-1] if certified else None
    family = readable[-1][0].family
    return max((d.sort_key, v) for d, v in readable if d.family == family)[1]


def check_certified(version: str, model: PhoneModel) -> str:
    """The certified spelling of *version* for *model*; FirmwareRefused naming the certified ones."""
    for offered in model.firmwares:
        if same_version(version, offered, model.vendor):
            return offered
    if not model.firmwares:
        raise FirmwareRefused(fill(NO_CERTIFIED, model=model.display_name))
    raise FirmwareRefused(fill(NOT_CERTIFIED, version=version.strip(), model=model.display_name,
                               versions=", ".join(model.firmwares)))


@dataclass(frozen=True, slots=True)
class FirmwareOption:
    """One line of the choice: a certified version (or None = use installed) with its markers."""

    version: str | None
    text: Text  # what the choice list shows, in every language
    relations: Mapping[str, int]  # "newer"/"older"/"same"/"unknown" -> phones
    latest: bool = False
    selected_now: int = 0  # phones that have this choice already

    @property
    def label(self) -> str:
        """The English label (CLI)."""
        return self.text.en


def options(model: PhoneModel, phones: Sequence[tuple[Phone, str | None]]) -> list[FirmwareOption]:
    """"Use installed firmware" first, then every certified version, newest last, each marked
    newer / older / same than what the phones (phone, installed) run."""
    newest = latest(model.firmwares, model.vendor)
    result = [FirmwareOption(None, USE_INSTALLED, {},
                             selected_now=sum(1 for p, _ in phones if p.firmware is None))]
    for version in model.firmwares:
        counts: Counter[str] = Counter()
        for _phone, installed in phones:
            found = relation(version, installed, model.vendor)
            counts[found.value if found else "unknown"] += 1
        result.append(FirmwareOption(
            version, option_label(version, counts, len(phones), version == newest), dict(counts),
            latest=version == newest,
            selected_now=sum(1 for p, _ in phones if same_version(p.firmware, version, model.vendor)),
        ))  # fmt: skip
    return result


@dataclass(frozen=True, slots=True)
class PhoneChange:
    """What one phone would get."""

    phone: Phone
    installed: str | None
    target: str | None  # None = use installed firmware
    relation: Ordering | None
    risks: tuple[Risk, ...] = ()

    @property
    def needed(self) -> bool:
        """False when the phone has this choice already (no request is sent)."""
        return not same_version(self.phone.firmware, self.target)

    @property
    def needs_second_confirmation(self) -> bool:
        if self.target is None:
            return False
        return self.installed is None or any(r.kind in SECOND_CONFIRMATION for r in self.risks)


@dataclass(frozen=True, slots=True)
class FirmwarePlan:
    model: PhoneModel
    target: str | None
    changes: tuple[PhoneChange, ...]
    who: Text  # "phone 'Reception'" or "7 Yealink T54W phones"

    @property
    def target_label(self) -> str:
        return self.who.en

    @property
    def needed(self) -> list[PhoneChange]:
        return [c for c in self.changes if c.needed]

    @property
    def needs_second_confirmation(self) -> bool:
        return any(c.needs_second_confirmation for c in self.needed)

    def explanation(self) -> Text:
        if self.target is None:
            return fill(EXPLAIN_INSTALLED, target=self.who)
        text = fill(EXPLAIN_SET, version=self.target, target=self.who)
        if any(c.relation is Ordering.OLDER for c in self.needed):
            text += DOWNGRADE_WARNING
        return text

    def reasons(self) -> list[Text]:
        """Why a second confirmation is needed: one sentence per distinct reason, with phone counts."""
        found: dict[Text, int] = {}
        for change in self.needed:
            if not change.needs_second_confirmation:
                continue
            if change.installed is None:
                who = SOME_OF_THESE if len(self.changes) > 1 else self.who
                found.setdefault(fill(UNKNOWN_INSTALLED, target=who), 0)
            for risk in change.risks:
                if risk.kind in SECOND_CONFIRMATION:
                    found[risk.text] = found.get(risk.text, 0) + 1
        multi = len(self.changes) > 1
        return [fill(WITH_COUNT, text=text, count=phone_count(n)) if multi and n else text
                for text, n in found.items()]


def plan(model: PhoneModel, phones: Sequence[tuple[Phone, str | None]], target: str | None, *,
         target_label: Text | str, families: YealinkFamilies | None = None) -> FirmwarePlan:
    """The changes for *phones* (each with its installed version); FirmwareRefused for a bad target.

    *target_label* names the phones in the explanation ("phone 'Reception'"): a Text, or plain words.
    """
    who = target_label if isinstance(target_label, Text) else same(target_label)
    if not phones:
        raise FirmwareRefused(fill(NO_PHONES, target=who))
    wrong = [p for p, _ in phones if p.model != model.id]
    if wrong:
        raise FirmwareRefused(fill(WRONG_MODEL, name=wrong[0].name, model=wrong[0].model,
                                   wanted=model.display_name))
    chosen = None if target is None else check_certified(target, model)
    wanted = decode_version(chosen, model.vendor, families) if chosen else None
    changes = []
    for phone, installed in phones:
        current = decode_version(installed, model.vendor, families)
        risks: tuple[Risk, ...] = ()
        found: Ordering | None = None
        if wanted is not None and current is not None:
            risks = tuple(change_risks(current, wanted))
            found = compare(wanted, current) if same_family(current, wanted) else None
        changes.append(PhoneChange(phone, installed, chosen, found, risks))
    return FirmwarePlan(model, chosen, tuple(changes), who)


# --- the overview of one organisation --------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class OverviewRow:
    phone: Phone
    model_name: str
    installed: str | None
    latest: str | None
    behind: bool | None  # installed older than the latest certified; None when unknown
    pending: bool  # a version is selected and the installed one differs (pending or failed upgrade)
    online: bool | None

    @property
    def selected(self) -> str | None:
        return self.phone.firmware


@dataclass(slots=True)
class ModelSummary:
    model_id: str
    model_name: str
    certified: tuple[str, ...]
    latest: str | None
    phones: int = 0
    by_installed: dict[str, int] = field(default_factory=dict)  # version ("unknown") -> phones
    by_selected: dict[str, int] = field(default_factory=dict)  # version (USE_INSTALLED_LABEL) -> phones
    behind: int = 0
    pending: int = 0
    unknown: int = 0


def by_version(counts: Mapping[str, int], vendor: Vendor | None = None) -> list[tuple[str, int]]:
    """*counts* newest version first; unreadable versions after them, "unknown" last."""
    def key(item: tuple[str, int]) -> tuple[int, tuple[int, ...], str]:
        decoded = decode_version(item[0], vendor)
        if decoded is None:
            return (2 if item[0] == UNKNOWN_VERSION else 1, (), item[0])
        return (0, tuple(-n for n in decoded.sort_key), decoded.family)

    return sorted(counts.items(), key=key)


@dataclass(slots=True)
class FirmwareOverview:
    company: Company
    rows: list[OverviewRow]
    models: list[ModelSummary]

    @property
    def behind(self) -> list[OverviewRow]:
        return [r for r in self.rows if r.behind]

    @property
    def pending(self) -> list[OverviewRow]:
        return [r for r in self.rows if r.pending]

    CSV_HEADER = ("Organisation", "Phone", "MAC", "Model", "Installed firmware", "Selected firmware",
                  "Latest certified", "Behind latest", "Pending or failed upgrade", "Online")

    def csv_rows(self) -> list[list[str]]:
        """The header and one row per phone, all text (the caller writes the file).

        English in every language: a data file for spreadsheets and scripts, like the CLI's JSON.
        """
        def yes_no(value: bool | None) -> str:
            return "unknown" if value is None else ("yes" if value else "no")

        rows = [list(self.CSV_HEADER)]
        for r in sorted(self.rows, key=lambda r: (r.model_name, r.phone.name.casefold(), r.phone.mac)):
            rows.append([self.company.name, r.phone.name, r.phone.mac, r.model_name, r.installed or "",
                         r.selected or USE_INSTALLED_LABEL, r.latest or "", yes_no(r.behind),
                         "yes" if r.pending else "no", yes_no(r.online)])
        return rows


UNKNOWN_VERSION = "unknown"


def overview(company: Company, phones: Sequence[Phone], statuses: Mapping[str, PhoneStatus],
             models: Sequence[PhoneModel], families: YealinkFamilies | None = None) -> FirmwareOverview:
    """Counts per model and version, phones behind the latest certified, pending upgrades."""
    by_id = {m.id: m for m in models}
    summaries: dict[str, ModelSummary] = {}
    rows = []
    for phone in phones:
        model = by_id.get(phone.model)
        vendor = model.vendor if model else None
        certified = model.firmwares if model else ()
        newest = latest(certified, vendor)
        status = statuses.get(phone.url)
        installed = installed_version(status, families)
        behind: bool | None = None
        if newest and installed:
            found = relation(newest, installed, vendor)
            behind = None if found is None else found is Ordering.NEWER
        pending = phone.firmware is not None and installed is not None and not same_version(
            phone.firmware, installed, vendor)
        name = model.display_name if model else phone.model
        rows.append(OverviewRow(phone, name, installed, newest, behind, pending,
                                None if status is None else status.online))
        summary = summaries.setdefault(phone.model, ModelSummary(phone.model, name, certified, newest))
        summary.phones += 1
        key = installed or UNKNOWN_VERSION
        summary.by_installed[key] = summary.by_installed.get(key, 0) + 1
        chosen = phone.firmware or USE_INSTALLED_LABEL
        summary.by_selected[chosen] = summary.by_selected.get(chosen, 0) + 1
        summary.behind += bool(behind)
        summary.pending += pending
        summary.unknown += installed is None
    ordered = sorted(summaries.values(), key=lambda s: (s.model_name.casefold(), s.model_id))
    return FirmwareOverview(company, rows, ordered)
