"""The phone table: one row per phone (static properties + organisation + live status).

Rows are keyed by the phone's ``self`` URL and updated in place, so a refresh keeps the selection.
Sorting happens here in Python with precomputed keys (fast for 10,000 rows); the filter proxy only
filters. The rows themselves, their texts and sort keys live in :mod:`compass_desk.gui.phone_rows`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, time
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from compass_desk.domain import deadline as deadline_mod
from compass_desk.domain.models import Phone, PhoneStatus, ProvisioningState
from compass_desk.gui.phone_rows import HEADERS as HEADERS
from compass_desk.gui.phone_rows import Column as Column
from compass_desk.gui.phone_rows import PhoneRow as PhoneRow
from compass_desk.gui.phone_rows import _now
from compass_desk.gui.phone_rows import build_rows as build_rows
from compass_desk.gui.phone_rows import catalog as catalog
from compass_desk.gui.phone_rows import cell_text as cell_text
from compass_desk.gui.phone_rows import compact_left as compact_left
from compass_desk.gui.phone_rows import deadline_cell as deadline_cell
from compass_desk.gui.phone_rows import mac_label as mac_label
from compass_desk.gui.phone_rows import model_label as model_label
from compass_desk.gui.phone_rows import natural_key as natural_key
from compass_desk.gui.phone_rows import row_sort_key as row_sort_key
from compass_desk.gui.phone_rows import sort_rows as sort_rows
from compass_desk.gui.phone_rows import user_label as user_label
from compass_desk.gui.qtfix import emit
from compass_desk.gui.style import STATE_LOOKS, icon, state_colour

Index = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the PhoneRow object
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

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


def _blocks(indices: list[int]) -> list[tuple[int, int]]:
    """Sorted indices → contiguous (start, end) blocks."""
    blocks: list[tuple[int, int]] = []
    for i in indices:
        if blocks and blocks[-1][1] == i - 1:
            blocks[-1] = (blocks[-1][0], i)
        else:
            blocks.append((i, i))
    return blocks
