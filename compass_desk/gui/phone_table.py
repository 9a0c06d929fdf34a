"""How the phone table looks by default (the user's own column layout is restored over it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from compass_desk.gui.phone_model import Column

WIDTHS = {Column.NAME: 170, Column.MAC: 140, Column.MODEL: 120, Column.VENDOR: 70, Column.ORGANISATION: 170,
          Column.STATE: 190, Column.DEADLINE: 200, Column.ONLINE: 80, Column.IP: 110, Column.FIRMWARE: 120,
          Column.USER: 120}
# On screen, what a technician scans first (the state) comes right after name and MAC.
FIRST = (Column.NAME, Column.MAC, Column.STATE, Column.DEADLINE, Column.ONLINE, Column.MODEL, Column.VENDOR,
         Column.ORGANISATION)


def setup_phone_table(table: QTableView) -> None:
    # Several phones at once (Ctrl/Shift+click) for a bulk move; the details show the current row.
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    rows = table.verticalHeader()
    rows.setVisible(False)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row size bookkeeping: 10,000 rows
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setSectionsMovable(True)
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in WIDTHS.items():
        header.resizeSection(column, width)
    for visual, column in enumerate(FIRST):
        header.moveSection(header.visualIndex(column), visual)
    table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
