"""The organisations list: "All organisations" first, then each company with its phone count."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from compass_desk.domain.models import Access, Company, Phone

URL_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class OrganisationModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._companies: list[Company] = []
        self._counts: Counter[str] = Counter()
        self._failed: dict[str, str] = {}

    def set_data(self, companies: Iterable[Company], phones: Iterable[Phone],
                 failed: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self._companies = sorted(companies, key=lambda c: c.name.casefold())
        self._counts = Counter(p.company_url for p in phones)
        self._failed = dict(failed or {})
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._companies) + 1

    def company(self, row: int) -> Company | None:
        return None if row == 0 else self._companies[row - 1]

    def name_of(self, url: str) -> str:
        return next((c.name for c in self._companies if c.url == url), "")

    def row_of(self, url: str | None) -> int:
        if url is None:
            return 0
        return next((i + 1 for i, c in enumerate(self._companies) if c.url == url), 0)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        company = self.company(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            if company is None:
                return self.tr("All organisations (%1)").replace("%1", str(sum(self._counts.values())))
            text = (self.tr("%1 (%2) — failed") if company.url in self._failed else self.tr("%1 (%2)"))
            return text.replace("%2", str(self._counts.get(company.url, 0))).replace("%1", company.name)
        if role == URL_ROLE:
            return None if company is None else company.url
        if role == Qt.ItemDataRole.ToolTipRole and company is not None:
            lines = [self.data(index)]  # the whole name and count, for a narrow list that cuts them
            if company.access is not None:
                lines.append(self.tr("Your rights: read and write") if company.access == Access.WRITE
                             else self.tr("Your rights: read only"))
            if company.url in self._failed:
                why = self._failed[company.url]
                lines.append(self.tr("Could not load its phones: %1").replace("%1", why))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.FontRole and company is None:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None


class OrganisationFilter(QSortFilterProxyModel):
    """Filters by name; the "All organisations" row always stays."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, _parent: Index) -> bool:
        if source_row == 0 or not self._text:
            return True
        model = self.sourceModel()
        assert isinstance(model, OrganisationModel)
        company = model.company(source_row)
        return company is not None and self._text in company.name.casefold()


class FitWidthDelegate(QStyledItemDelegate):
    """Rows as wide as the list, not as their text: a narrow list elides a long name (the view's
    elide mode) instead of cutting it at the edge behind a horizontal scrollbar."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(1, super().sizeHint(option, index).height())
