"""Phone table rows: one phone with its organisation, live status and user name, and their texts.

Pure Python (no widgets, no model): rows are built, indexed for the search box and sorted in worker
threads; :mod:`compass_desk.gui.phone_model` shows them. Translations keep the ``PhoneTableModel``
context.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from compass_desk.domain import deadline as deadline_mod
from compass_desk.domain.catalog import Catalog
from compass_desk.domain.mac import MacError, format_mac
from compass_desk.domain.models import Company, Phone, PhoneStatus, ProvisioningState, Vendor, strip_port
from compass_desk.gui.i18n import current_language
from compass_desk.gui.style import state_text


class Column(IntEnum):
    NAME = 0
    MAC = 1
    MODEL = 2
    VENDOR = 3
    ORGANISATION = 4
    STATE = 5
    DEADLINE = 6
    ONLINE = 7
    IP = 8
    FIRMWARE = 9
    USER = 10


# Column titles in English, listed for lupdate; headerData() shows them translated.
HEADERS = {
    Column.NAME: QT_TRANSLATE_NOOP("PhoneTableModel", "Name"),
    Column.MAC: QT_TRANSLATE_NOOP("PhoneTableModel", "MAC"),
    Column.MODEL: QT_TRANSLATE_NOOP("PhoneTableModel", "Model"),
    Column.VENDOR: QT_TRANSLATE_NOOP("PhoneTableModel", "Vendor"),
    Column.ORGANISATION: QT_TRANSLATE_NOOP("PhoneTableModel", "Organisation"),
    Column.STATE: QT_TRANSLATE_NOOP("PhoneTableModel", "Provisioning"),
    Column.DEADLINE: QT_TRANSLATE_NOOP("PhoneTableModel", "Deadline"),
    Column.ONLINE: QT_TRANSLATE_NOOP("PhoneTableModel", "Online"),
    Column.IP: QT_TRANSLATE_NOOP("PhoneTableModel", "IP"),
    Column.FIRMWARE: QT_TRANSLATE_NOOP("PhoneTableModel", "Firmware"),
    Column.USER: QT_TRANSLATE_NOOP("PhoneTableModel", "User"),
}
_ONLINE_TEXTS = {None: QT_TRANSLATE_NOOP("PhoneTableModel", "unknown"),
                 True: QT_TRANSLATE_NOOP("PhoneTableModel", "online"),
                 False: QT_TRANSLATE_NOOP("PhoneTableModel", "offline")}
_DAYS_NL = ("ma", "di", "wo", "do", "vr", "za", "zo")


@functools.cache
def _words(language: str) -> tuple[dict[ProvisioningState, str], dict[bool | None, str]]:
    """State labels and online words in *language* (looked up once: cells are built for every row)."""
    del language  # the cache key: the installed translators answer
    states = {state: state_text(state) for state in ProvisioningState}
    online = {key: QCoreApplication.translate("PhoneTableModel", str(text))
              for key, text in _ONLINE_TEXTS.items()}
    return states, online


def deadline_cell(when: datetime, now: datetime) -> str:
    """``1d 11h · Wed 00:00`` (Amsterdam time), short so the column fits a narrow window."""
    local = when.astimezone(deadline_mod.AMSTERDAM)
    day = _DAYS_NL[local.weekday()] if current_language() == "nl" else f"{local:%a}"
    return f"{compact_left(when - now)} · {day} {local:%H:%M}"


def compact_left(remaining: timedelta) -> str:
    """Time left as ``1d 11h`` or ``5h 12m`` (the details panel spells it out)."""
    seconds = int(remaining.total_seconds())
    if seconds <= 0:
        return QCoreApplication.translate("PhoneTableModel", "lapsed")
    days, rest = divmod(seconds, 24 * 3600)
    hours, minutes = rest // 3600, rest % 3600 // 60
    if days:
        return QCoreApplication.translate("PhoneTableModel", "%1d %2h").replace("%1", str(days)).replace(
            "%2", str(hours))
    return QCoreApplication.translate("PhoneTableModel", "%1h %2m").replace("%1", str(hours)).replace(
        "%2", str(minutes))


@functools.cache
def catalog() -> Catalog:
    from compass_desk.resources import load_toml

    return Catalog.from_toml(load_toml("models.toml"))


def model_label(model_id: str) -> tuple[str, Vendor]:
    entry = catalog().get(model_id)
    if entry is None:
        vendor = next((v for v in Vendor if model_id.lower().startswith(v.value)), Vendor.UNKNOWN)
        return model_id, vendor
    return entry.model.display_name, entry.model.vendor


def mac_label(mac: str) -> str:
    try:
        return format_mac(mac)
    except MacError:
        return mac


def user_label(url: str | None) -> str:
    """A user URL shown briefly: its last path segment (shown only, never parsed for meaning)."""
    if not url:
        return ""
    return url.rstrip("/").rsplit("/", 1)[-1]


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """"Balie 2" before "Balie 10": digit runs compare as numbers."""
    parts = _DIGITS.split(text.casefold())
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in parts if part)


@dataclass(slots=True)
class PhoneRow:
    phone: Phone
    company_name: str
    status: PhoneStatus | None = None
    user_name: str | None = None
    search: str = field(default="", init=False)  # lower-case haystack for the search box
    cells: list[str] | None = field(default=None, init=False)  # display texts, built on first paint
    name_key: tuple[tuple[int, int | str], ...] = field(default=(), init=False)  # the default sort
    _deadline: tuple[time, datetime | None] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        """Recompute the cached texts after the phone or its status changed."""
        self.cells = None
        self._deadline = None
        model, _vendor = model_label(self.phone.model)
        parts = [self.phone.name, self.phone.mac, mac_label(self.phone.mac), model, self.phone.model,
                 self.ip, self.public_ip, self.user, self.company_name]
        self.search = "\x1f".join(p for p in parts if p).lower()
        self.name_key = natural_key(self.phone.name)

    @property
    def url(self) -> str:
        return self.phone.url

    @property
    def ip(self) -> str:
        return (strip_port(self.status.private_ip) if self.status else None) or ""

    @property
    def public_ip(self) -> str:
        return (strip_port(self.status.public_ip) if self.status else None) or ""

    @property
    def user(self) -> str:
        return self.user_name or user_label(self.phone.logged_in_user)

    @property
    def online(self) -> bool | None:
        return None if self.status is None else self.status.online

    def deadline(self, cutoff: time) -> datetime | None:
        if self._deadline is not None and self._deadline[0] == cutoff:
            return self._deadline[1]
        when = None
        if self.phone.provisioning == ProvisioningState.ACTIVE and self.phone.activated_at is not None:
            try:
                when = deadline_mod.deadline_for(self.phone.activated_at, cutoff)
            except deadline_mod.DeadlineError:
                when = None
        self._deadline = (cutoff, when)
        return when


def _now() -> datetime:
    return datetime.now(UTC)


def cell_text(row: PhoneRow, column: Column, cutoff: time, now: Callable[[], datetime] = _now) -> str:
    phone = row.phone
    if column == Column.NAME:
        return phone.name
    if column == Column.MAC:
        return mac_label(phone.mac)
    if column == Column.MODEL:
        return model_label(phone.model)[0]
    if column == Column.VENDOR:
        return model_label(phone.model)[1].label
    if column == Column.ORGANISATION:
        return row.company_name
    if column == Column.STATE:
        return _words(current_language())[0][phone.provisioning]
    if column == Column.DEADLINE:
        when = row.deadline(cutoff)
        if when is None:
            return ""
        return deadline_cell(when, now())
    if column == Column.ONLINE:
        return _words(current_language())[1][row.online]
    if column == Column.IP:
        return row.ip
    if column == Column.FIRMWARE:
        return (row.status.firmware_version if row.status else None) or ""
    if column == Column.USER:
        return row.user
    return ""


# Sorting by state puts the phones that need attention first.
_ATTENTION_FIRST = (ProvisioningState.PROVISION, ProvisioningState.DEPROVISION, ProvisioningState.ACTIVE,
                    ProvisioningState.DISABLED)
_STATE_ORDER = {state: i for i, state in enumerate(_ATTENTION_FIRST)}


def row_sort_key(row: PhoneRow, column: Column, cutoff: time,
                 text: Callable[[PhoneRow, Column], str]) -> Any:
    if column == Column.NAME:
        return row.name_key
    if column == Column.DEADLINE:
        when = row.deadline(cutoff)
        return (0, when.timestamp()) if when else (1, 0.0)
    if column == Column.ONLINE:
        return {True: 0, False: 1, None: 2}[row.online]
    if column == Column.STATE:
        return _STATE_ORDER[row.phone.provisioning]
    if column == Column.IP:
        parts = row.ip.split(".")
        return tuple(int(p) if p.isdigit() else 0 for p in parts) if row.ip else (999,)
    return natural_key(text(row, column))


def sort_rows(rows: list[PhoneRow], spec: tuple[int, Qt.SortOrder] | None, cutoff: time) -> None:
    """Sort *rows* in place as the table would (for worker threads, off the GUI thread)."""
    if spec is None or spec[0] < 0:
        return
    column = Column(spec[0])

    def text(row: PhoneRow, col: Column) -> str:
        return cell_text(row, col, cutoff)

    rows.sort(key=lambda r: row_sort_key(r, column, cutoff, text),
              reverse=spec[1] == Qt.SortOrder.DescendingOrder)


def build_rows(companies: list[Company], phones: list[Phone], statuses: dict[str, PhoneStatus],
               user_names: dict[str, str] | None = None) -> list[PhoneRow]:
    """Table rows for *phones* (pure Python: runs in a worker thread); *user_names* by user URL."""
    names = {c.url: c.name for c in companies}
    users = user_names or {}
    return [PhoneRow(p, names.get(p.company_url, ""), statuses.get(p.url),
                     users.get(p.logged_in_user) or None if p.logged_in_user else None) for p in phones]
