"""The phone table: one row per phone (static properties + organisation + live status).

Rows are keyed by the phone's ``self`` URL and updated in place, so a refresh keeps the selection.
Sorting happens here in Python with precomputed keys (fast for 10,000 rows); the filter proxy only
filters.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from compass_desk.domain import deadline as deadline_mod
from compass_desk.domain.catalog import Catalog
from compass_desk.domain.mac import MacError, format_mac
from compass_desk.domain.models import Phone, PhoneStatus, ProvisioningState, Vendor, strip_port
from compass_desk.gui.i18n import current_language
from compass_desk.gui.qtfix import emit
from compass_desk.gui.style import STATE_LOOKS, icon, state_colour, state_text

Index = QModelIndex | QPersistentModelIndex


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


ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the PhoneRow object
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


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


_COLUMN_COUNT = len(Column)  # called thousands of times by the proxy: no enum arithmetic there
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_DEADLINE_COL = int(Column.DEADLINE)
_STATE_COL, _ONLINE_COL, _MAC_COL = int(Column.STATE), int(Column.ONLINE), int(Column.MAC)
_NAME_COL, _ORGANISATION_COL = int(Column.NAME), int(Column.ORGANISATION)
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
_ROW, _SORT = int(ROW_ROLE), int(SORT_ROLE)
_ROLES = frozenset(int(getattr(r, "value", r)) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole, ROW_ROLE, SORT_ROLE))


def _now() -> datetime:
    return datetime.now(UTC)


class PhoneTableModel(QAbstractTableModel):
    # Rows' search texts changed in place (user names arrived): a filter showing a search re-applies it.
    search_changed = Signal()

    def __init__(self, parent: Any = None, *, now: Callable[[], datetime] = _now,
                 cutoff: time = deadline_mod.DEFAULT_CUTOFF) -> None:
        super().__init__(parent)
        self._rows: list[PhoneRow] = []
        self._by_url: dict[str, int] = {}
        self.now = now
        self.cutoff = cutoff
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- reading -----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMN_COUNT

    def rows(self) -> list[PhoneRow]:
        return self._rows

    def row_for_url(self, url: str) -> int | None:
        return self._by_url.get(url)

    def row_at(self, row: int) -> PhoneRow:
        return self._rows[row]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("PhoneTableModel", str(HEADERS[Column(section)]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every visible cell and role on each paint: the common cases return early.
        if role not in _ROLES or not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == _DISPLAY:
            if col == _DEADLINE_COL:
                return self.text(row, Column.DEADLINE)
            cells = row.cells
            if cells is None:
                cells = row.cells = [self.text(row, c) for c in Column]
            return cells[col]
        # Plain int comparisons below: no enum objects made per cell.
        if role == _ROW:
            return row
        if role == _SORT:
            return self.sort_key(row, Column(col))
        if col == _STATE_COL:
            look = STATE_LOOKS[row.phone.provisioning]
            if role == _DECORATION:
                return icon(look.icon_name)
            if role == _FOREGROUND:
                return state_colour(row.phone.provisioning)
            if role == _TOOLTIP:
                return self.tr("Provisioning by manufacturer: %1").replace("%1", row.phone.provisioning.value)
        elif col == _ONLINE_COL:
            if role == _DECORATION and row.online is not None:
                return icon("online" if row.online else "offline")
        elif col == _DEADLINE_COL:
            if role == _FOREGROUND:
                when = row.deadline(self.cutoff)
                if when is not None and deadline_mod.is_lapsed(when, self.now()):
                    return state_colour(ProvisioningState.PROVISION)
        elif col in (_NAME_COL, _ORGANISATION_COL):
            if role == _TOOLTIP:
                return self.text(row, Column(col))  # the whole text when a narrow column cuts it
        elif col == _MAC_COL and role == _ACCESSIBLE:
            return " ".join(row.phone.mac.upper())
        return None

    def text(self, row: PhoneRow, column: Column) -> str:
        return cell_text(row, column, self.cutoff, self.now)

    def sort_key(self, row: PhoneRow, column: Column) -> Any:
        return row_sort_key(row, column, self.cutoff, self.text)

    @property
    def sort_spec(self) -> tuple[int, Qt.SortOrder] | None:
        return self._sort

    # -- writing -----------------------------------------------------------------------------
    def set_rows(self, new_rows: Iterable[PhoneRow], presorted: bool = False) -> None:
        """Replace the content, updating rows with the same URL in place (selection survives).

        *presorted*: the rows come in table order already (sorted in a worker with ``sort_rows``).
        """
        ordered = list(new_rows)
        incoming = {row.phone.url: row for row in ordered}
        doomed = [i for i, row in enumerate(self._rows) if row.phone.url not in incoming]
        for start, end in reversed(_blocks(doomed)):
            self.beginRemoveRows(QModelIndex(), start, end)
            del self._rows[start : end + 1]
            self.endRemoveRows()
        for i, row in enumerate(self._rows):
            self._rows[i] = incoming.pop(row.phone.url)
        if self._rows:
            emit(self.dataChanged, self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1))
        if incoming:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(incoming) - 1)
            self._rows.extend(incoming.values())
            self.endInsertRows()
        self._reindex_urls()
        if presorted:
            self._reorder({row.phone.url: i for i, row in enumerate(ordered)})
        elif self._sort is not None and incoming:
            self.sort(*self._sort)

    def update_phone(self, phone: Phone) -> bool:
        i = self._by_url.get(phone.url)
        if i is None:
            return False
        row = self._rows[i]
        if row.phone.logged_in_user != phone.logged_in_user:
            row.user_name = None  # someone else (or nobody) is logged in now
        row.phone = phone
        row.reindex()
        self._row_changed(i)
        return True

    def update_statuses(self, statuses: dict[str, PhoneStatus]) -> None:
        changed: list[int] = []
        for url, status in statuses.items():
            i = self._by_url.get(url)
            if i is not None and self._rows[i].status != status:
                self._rows[i].status = status
                self._rows[i].reindex()
                changed.append(i)
        if len(changed) > 50:  # one signal instead of a storm
            emit(self.dataChanged, self.index(min(changed), 0), self.index(max(changed), len(Column) - 1))
        else:
            for i in changed:
                self._row_changed(i)

    def update_user_names(self, names: dict[str, str]) -> None:
        """Fill in the names of logged-in users (by user URL; "" = not readable, the id stays)."""
        changed: list[int] = []
        for i, row in enumerate(self._rows):
            url = row.phone.logged_in_user
            name = names.get(url) if url else None
            if name and row.user_name != name:
                row.user_name = name
                row.reindex()
                changed.append(i)
        if changed:
            emit(self.dataChanged, self.index(min(changed), 0), self.index(max(changed), len(Column) - 1))
            emit(self.search_changed)

    def refresh_deadlines(self) -> None:
        """Re-read the countdown column (called by a timer)."""
        if self._rows:
            last = len(self._rows) - 1
            emit(self.dataChanged, self.index(0, Column.DEADLINE), self.index(last, Column.DEADLINE),
                 [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        if column < 0 or not self._rows:
            return
        col = Column(column)
        self._relayout(lambda rows: rows.sort(key=lambda r: self.sort_key(r, col),
                                              reverse=order == Qt.SortOrder.DescendingOrder))

    def _reorder(self, position: dict[str, int]) -> None:
        if any(position[row.phone.url] != i for i, row in enumerate(self._rows)):
            self._relayout(lambda rows: rows.sort(key=lambda r: position[r.phone.url]))

    def _relayout(self, reorder: Callable[[list[PhoneRow]], None]) -> None:
        emit(self.layoutAboutToBeChanged)
        old_persistent = self.persistentIndexList()
        old_urls = [self._rows[p.row()].phone.url for p in old_persistent]
        reorder(self._rows)  # in place: the filter proxy holds this very list
        self._reindex_urls()
        new = [self.index(self._by_url[url], p.column())
               for url, p in zip(old_urls, old_persistent, strict=True)]
        self.changePersistentIndexList(old_persistent, new)
        emit(self.layoutChanged)

    def _row_changed(self, i: int) -> None:
        emit(self.dataChanged, self.index(i, 0), self.index(i, len(Column) - 1))

    def _reindex_urls(self) -> None:
        self._by_url = {row.phone.url: i for i, row in enumerate(self._rows)}


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


def _blocks(indices: list[int]) -> list[tuple[int, int]]:
    """Sorted indices → contiguous (start, end) blocks."""
    blocks: list[tuple[int, int]] = []
    for i in indices:
        if blocks and blocks[-1][1] == i - 1:
            blocks[-1] = (blocks[-1][0], i)
        else:
            blocks.append((i, i))
    return blocks
