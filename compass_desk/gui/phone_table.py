"""How the phone table looks: column order, which columns show, their widths, the header's menu.

Until the user drags a column wider or narrower, the widths follow the window: the columns a technician
reads first (name, organisation, MAC, provisioning state, deadline) always fit without scrolling
sideways; name and organisation give way (cut with "…", the whole text as tooltip). The user's own
layout (order, shown columns, widths) is kept across restarts by window_state.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QTableView,
)

from compass_desk.domain import deadline as deadline_mod
from compass_desk.domain.models import ProvisioningState
from compass_desk.gui.phone_model import HEADERS, Column, deadline_cell
from compass_desk.gui.style import state_text

# Left to right on a fresh start; the organisation right after the name (same-named phones in
# "All organisations"), then what is read at a glance.
ORDER = (Column.NAME, Column.ORGANISATION, Column.MAC, Column.STATE, Column.DEADLINE, Column.ONLINE,
         Column.MODEL, Column.FIRMWARE, Column.IP, Column.USER, Column.VENDOR)
HIDDEN = frozenset({Column.VENDOR, Column.IP, Column.USER})  # rarely needed: the header menu shows them
ESSENTIAL = frozenset({Column.NAME, Column.ORGANISATION, Column.MAC, Column.STATE, Column.DEADLINE})
COMPANIONS = frozenset({Column.ONLINE})  # shown beside the essentials as soon as it fits
# The columns that give way in a narrow window: (least, preferred, most) width in characters ("x").
FLEXIBLE = {Column.NAME: (8, 16, 24), Column.ORGANISATION: (9, 18, 30)}
# Typical widest cells of the other columns (their width does not change with the window).
SAMPLES = {Column.ONLINE: "offline",
           Column.MODEL: "Yealink T54W", Column.FIRMWARE: "66.86.188.6", Column.IP: "192.168.100.200",
           Column.USER: "Roos van Vliet", Column.VENDOR: "Yealink"}
PADDING = 10  # cell margins and grid line
ICON = 20  # the state and online icons with their spacing


def setup_phone_table(table: QTableView) -> ColumnLayout:
    # Several phones at once (Ctrl/Shift+click) for a bulk move; the details show the current row.
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    # Cut in the middle: "Admi…ie 21" keeps the number, "Autob…Almere" the part that differs.
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    rows = table.verticalHeader()
    rows.setVisible(False)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row size bookkeeping: 10,000 rows
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setSectionsMovable(True)
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setMinimumSectionSize(40)
    table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
    return ColumnLayout(table)


class ColumnLayout(QObject):
    """The phone table's columns: defaults, fitting to the window, the header menu, saved state."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self.header = table.horizontalHeader()
        self.custom = False  # the user set widths by hand: keep them, stop fitting
        self._own_change = False
        self._fitted_width = -1
        self.header.sectionResized.connect(self._resized)
        self.header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.header.customContextMenuRequested.connect(self.show_menu)
        table.viewport().installEventFilter(self)
        self.reset()

    # -- defaults and fitting ----------------------------------------------------------------------
    def reset(self) -> None:
        """The default columns: order, shown ones, widths fitted to the window."""
        self._own_change = True
        try:
            for visual, column in enumerate(ORDER):
                self.header.moveSection(self.header.visualIndex(column), visual)
            for column in Column:
                self.header.setSectionHidden(column, column in HIDDEN)
        finally:
            self._own_change = False
        self.custom = False
        self.fit()

    def _title(self, column: Column) -> str:
        return str(self.header.model().headerData(column, Qt.Orientation.Horizontal) or HEADERS[column])

    def preferred(self, column: Column) -> int:
        """The width *column* needs for its usual content and its title, in the current language."""
        metrics = self.table.fontMetrics()
        title = metrics.horizontalAdvance(self._title(column)) + PADDING + 16  # room for the sort arrow
        if column in FLEXIBLE:
            content = metrics.horizontalAdvance("x") * FLEXIBLE[column][1] + PADDING
        elif column == Column.STATE:
            widest = max(metrics.horizontalAdvance(state_text(s)) for s in ProvisioningState)
            content = widest + ICON + PADDING
        elif column == Column.MAC:  # a vendor prefix, then the widest hex digit
            digit = max("0123456789ABCDEF", key=metrics.horizontalAdvance)
            content = metrics.horizontalAdvance("24:9A:D8:" + ":".join([digit * 2] * 3)) + PADDING
        elif column == Column.DEADLINE:
            sample = datetime(2026, 12, 2, tzinfo=deadline_mod.AMSTERDAM)  # a Wednesday
            content = metrics.horizontalAdvance(deadline_cell(sample, sample - timedelta(days=6, hours=23)))
            content += PADDING
        else:
            content = metrics.horizontalAdvance(SAMPLES[column]) + PADDING + (ICON if column == Column.ONLINE
                                                                              else 0)
        return max(title, content)

    def fit(self) -> None:
        """Widths for the current viewport: the essential columns fit, name and organisation give way."""
        if self.custom:
            return
        shown = [Column(self.header.logicalIndex(v)) for v in range(self.header.count())
                 if not self.header.isSectionHidden(self.header.logicalIndex(v))]
        widths = {c: self.preferred(c) for c in shown if c not in FLEXIBLE}
        flexible = [c for c in FLEXIBLE if c in shown]
        room = self._width() - sum(w for c, w in widths.items() if c in ESSENTIAL)
        # Past the essential columns, a column is on screen whole or starts at the edge (no "Onl…").
        # The online state comes in when name and organisation keep their preferred widths; any
        # further column only once they have their most (each painted column costs search time).
        flex = [self._flexible_widths(c) for c in flexible]
        spare_preferred = room - sum(f[1] for f in flex)
        spare_most = room - sum(f[2] for f in flex)
        beyond = False  # a column that does not fit: name and organisation take the whole room
        for column in shown:
            if column in ESSENTIAL or column in FLEXIBLE:
                continue
            spare = spare_preferred if column in COMPANIONS else spare_most
            if widths[column] > spare:
                beyond = True
                break
            spare_preferred -= widths[column]
            spare_most -= widths[column]
            room -= widths[column]
        widths.update(self._flexible(flexible, room, fill=beyond))
        self._own_change = True
        try:
            for column, width in widths.items():
                if self.header.sectionSize(column) != width:
                    self.header.resizeSection(column, width)
        finally:
            self._own_change = False

    def _flexible(self, columns: list[Column], room: int, fill: bool = False) -> dict[Column, int]:
        """Share *room* among name and organisation: each its least, the rest in proportion (up to
        their most, or all of it when *fill*)."""
        least, preferred, most = ({c: self._flexible_widths(c)[i] for c in columns} for i in range(3))
        widths = dict(least)
        left = max(0, room - sum(widths.values()))
        total = sum(preferred.values()) or 1
        for c in columns:  # in proportion to their preferred widths, up to the most
            share = left * preferred[c] // total
            widths[c] += max(0, share if fill else min(most[c] - widths[c], share))
        if fill and columns:  # the rounding's last pixels, so the next column starts at the edge
            widths[columns[-1]] += max(0, room - sum(widths.values()))
        return widths

    def _flexible_widths(self, column: Column) -> tuple[int, int, int]:
        """(least, preferred, most) pixels of a column that gives way (never narrower than its title)."""
        metrics = self.table.fontMetrics()
        x = metrics.horizontalAdvance("x")
        least, preferred, most = FLEXIBLE[column]
        return (max(least * x, metrics.horizontalAdvance(self._title(column))) + PADDING,
                preferred * x + PADDING, most * x + PADDING)

    def _resized(self, _logical: int, old: int, new: int) -> None:
        # Hiding and showing a column also "resize" it (to and from 0): that is not a chosen width.
        if not self._own_change and old > 0 and new > 0:
            self.custom = True

    def _width(self) -> int:
        """The viewport's width as if the vertical scrollbar were shown: a search that makes it come
        and go does not re-fit (and repaint) the columns on that keystroke."""
        bar = self.table.verticalScrollBar()
        return self.table.viewport().width() - (0 if bar.isVisible() else bar.sizeHint().width())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            width = self._width()
            if width != self._fitted_width:
                self._fitted_width = width
                self.fit()
        return False

    # -- the header menu ---------------------------------------------------------------------------
    def show_menu(self, position: QPoint) -> None:
        self.menu().popup(self.header.mapToGlobal(position))

    def menu(self) -> QMenu:
        """Show/hide each column (in screen order), fit to the window, or go back to the defaults."""
        menu = QMenu(self.table)
        menu.setObjectName("columnsMenu")
        shown = sum(not self.header.isSectionHidden(c) for c in Column)
        for visual in range(self.header.count()):
            column = Column(self.header.logicalIndex(visual))
            title = str(self.header.model().headerData(column, Qt.Orientation.Horizontal))
            action = menu.addAction(title)
            action.setObjectName(f"column{column.name.title()}")
            action.setCheckable(True)
            visible = not self.header.isSectionHidden(column)
            action.setChecked(visible)
            action.setEnabled(not (visible and shown == 1))  # the last column stays
            action.toggled.connect(lambda on, c=column: self.set_visible(c, on))
        menu.addSeparator()
        fit = menu.addAction(self.tr("Fit columns to the window"))
        fit.setObjectName("fitColumns")
        fit.triggered.connect(self.fit_again)
        default = menu.addAction(self.tr("Default columns"))
        default.setObjectName("defaultColumns")
        default.triggered.connect(self.reset)
        return menu

    def set_visible(self, column: Column, visible: bool) -> None:
        self._own_change = True
        try:
            self.header.setSectionHidden(column, not visible)
            if visible and self.header.sectionSize(column) < self.header.minimumSectionSize():
                self.header.resizeSection(column, self.preferred(column))
        finally:
            self._own_change = False
        self.fit()

    def fit_again(self) -> None:
        self.custom = False
        self.fit()

    # -- kept across restarts ------------------------------------------------------------------------
    def save_state(self) -> tuple[QByteArray, bool]:
        return self.header.saveState(), self.custom

    def restore_state(self, state: QByteArray, custom: bool) -> None:
        self._own_change = True
        try:
            restored = self.header.restoreState(state)
        finally:
            self._own_change = False
        if not restored:
            self.reset()
            return
        self.custom = custom
        self.fit()
