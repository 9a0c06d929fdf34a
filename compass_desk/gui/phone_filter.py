"""Search-as-you-type and state filter over the phone table.

Speed (10,000 rows, <= 16 ms per keystroke): the decision for every row is computed in one Python
pass over precomputed lower-case strings; ``filterAcceptsRow`` only looks the answer up. Sorting is
delegated to the source model (Python sort with keys) instead of Qt calling back per comparison.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from compass_desk.domain.deadline import DEFAULT_CUTOFF
from compass_desk.domain.diagnosis import NEEDS_ATTENTION, diagnose, verdict_changes_at
from compass_desk.domain.mac import mac_search_key
from compass_desk.domain.models import Phone, PhoneStatus, ProvisioningState
from compass_desk.gui.phone_model import PhoneRow, PhoneTableModel

# The troubleshooter's verdicts that need someone's attention (domain.diagnosis.NEEDS_ATTENTION): the
# filter, the details panel, `phones show` and "Why is this phone not working?" always agree.
SUBOPTIMAL_HELP = QT_TRANSLATE_NOOP(
    "StateFilter",
    "Phones that need attention, as “Why is this phone not working?” judges them. A phone in normal use "
    "must be disabled. Shown: provision or deprovision (registering at the manufacturer failed); active "
    "on a phone in use (online, with settings from Compass) activated more than a day ago, or whose weekly "
    "deadline lapsed before the reset; disabled but never provisioned, or provisioned before and offline "
    "now. Not shown: working phones, active phones waiting for their reset, and phones whose live status "
    "is not known yet."
)


def suboptimal_help() -> str:
    """SUBOPTIMAL_HELP in the installed language."""
    return QCoreApplication.translate("StateFilter", str(SUBOPTIMAL_HELP))


_LABELS = {
    "all": QT_TRANSLATE_NOOP("StateFilter", "All states"),
    "suboptimal": QT_TRANSLATE_NOOP("StateFilter", "Suboptimal (needs attention)"),
    "active": QT_TRANSLATE_NOOP("StateFilter", "Active"),
    "disabled": QT_TRANSLATE_NOOP("StateFilter", "Disabled (normal)"),
    "provision": QT_TRANSLATE_NOOP("StateFilter", "Provision failed"),
    "deprovision": QT_TRANSLATE_NOOP("StateFilter", "Deprovision failed"),
    "offline": QT_TRANSLATE_NOOP("StateFilter", "Offline"),
}


class StateFilter(StrEnum):
    ALL = "all"
    SUBOPTIMAL = "suboptimal"
    ACTIVE = "active"
    DISABLED = "disabled"
    PROVISION = "provision"
    DEPROVISION = "deprovision"
    OFFLINE = "offline"

    @property
    def label(self) -> str:
        """The filter's name in the installed language."""
        return QCoreApplication.translate("StateFilter", str(_LABELS[self.value]))


def needs_attention(phone: Phone, status: PhoneStatus | None, now: datetime,
                    cutoff: time = DEFAULT_CUTOFF) -> bool:
    """Does the troubleshooter find this phone in a suboptimal (or otherwise broken) state?"""
    return diagnose(phone, status, now, cutoff).verdict in NEEDS_ATTENTION


class AttentionCache:
    """Verdicts per row, reused while the phone and its status are the same objects (fast refilter).

    An active phone's verdict changes by itself when its deadline passes, or a day after it was
    activated (domain.diagnosis.verdict_changes_at): its answer expires then.
    """

    def __init__(self) -> None:
        self._answers: dict[str, tuple[Phone, PhoneStatus | None, bool, datetime | None]] = {}

    def get(self, row: PhoneRow, now: datetime, cutoff: time) -> bool:
        known = self._answers.get(row.url)
        if known is not None and known[0] is row.phone and known[1] is row.status \
                and (known[3] is None or now < known[3]):
            return known[2]
        diagnosis = diagnose(row.phone, row.status, now, cutoff)
        expires = verdict_changes_at(row.phone, now, cutoff)
        answer = diagnosis.verdict in NEEDS_ATTENTION
        self._answers[row.url] = (row.phone, row.status, answer, expires)
        return answer

    def clear(self) -> None:
        self._answers.clear()


def matches_state(row: PhoneRow, state: StateFilter, now: datetime | None = None,
                  cutoff: time = DEFAULT_CUTOFF, attention: AttentionCache | None = None) -> bool:
    if state == StateFilter.ALL:
        return True
    if state == StateFilter.SUBOPTIMAL:
        now = now or datetime.now(UTC)
        if attention is not None:
            return attention.get(row, now, cutoff)
        return needs_attention(row.phone, row.status, now, cutoff)
    if state == StateFilter.OFFLINE:
        return row.status is not None and not row.status.online
    return row.phone.provisioning == ProvisioningState(state.value)


class PhoneFilterModel(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._mac_key = ""
        self._state = StateFilter.ALL
        self._company_url: str | None = None
        # The answer per source row, by position. Any change of the source's shape marks it stale
        # (before Qt asks again), so a re-sort never pairs a row with another row's answer.
        self._accepted: list[bool] = []
        self._stale = True
        self._attention = AttentionCache()
        self._now = datetime.now(UTC)
        self.setDynamicSortFilter(False)

    def setSourceModel(self, model: Any) -> None:
        super().setSourceModel(model)
        for signal in (model.layoutAboutToBeChanged, model.rowsAboutToBeInserted, model.rowsAboutToBeRemoved,
                       model.modelAboutToBeReset):
            signal.connect(self._mark_stale)
        if isinstance(model, PhoneTableModel):
            model.search_changed.connect(self._search_changed)
        self._stale = True

    def _search_changed(self) -> None:
        if self._text:
            self._apply()  # a name that arrived may match what is typed

    def _mark_stale(self, *_args: object) -> None:
        self._stale = True
        if self.sourceModel() is not None and not self.sourceModel().rowCount():
            self._attention.clear()  # a new list (environment switch): forget the old verdicts

    def source(self) -> PhoneTableModel:
        model = self.sourceModel()
        assert isinstance(model, PhoneTableModel)
        return model

    # -- the filter -----------------------------------------------------------------------------
    @property
    def text(self) -> str:
        return self._text

    @property
    def state(self) -> StateFilter:
        return self._state

    @property
    def company_url(self) -> str | None:
        return self._company_url

    def set_text(self, text: str) -> None:
        text = text.strip().lower()
        if text != self._text:
            self._text = text
            self._mac_key = mac_search_key(text)
            self._apply()

    def set_state(self, state: StateFilter) -> None:
        if state != self._state:
            self._state = state
            self._apply()

    def set_company(self, company_url: str | None) -> None:
        if company_url != self._company_url:
            self._company_url = company_url
            self._apply()

    def accepts(self, row: PhoneRow) -> bool:
        if self._company_url is not None and row.phone.company_url != self._company_url:
            return False
        if not matches_state(row, self._state, self._now, self._cutoff(), self._attention):
            return False
        if not self._text:
            return True
        return self._text in row.search or bool(self._mac_key and self._mac_key in row.phone.mac)

    def _cutoff(self) -> time:
        model = self.sourceModel()
        return model.cutoff if isinstance(model, PhoneTableModel) else DEFAULT_CUTOFF

    def _recompute(self) -> None:
        self._now = datetime.now(UTC)
        model = self.sourceModel()
        rows = model.rows() if isinstance(model, PhoneTableModel) else []
        text, key, state, company = self._text, self._mac_key, self._state, self._company_url
        if not text and state == StateFilter.ALL and company is None:
            self._accepted = [True] * len(rows)
        elif state == StateFilter.ALL and company is None:  # the hot path while typing
            if key:
                self._accepted = [text in r.search or key in r.phone.mac for r in rows]
            else:
                self._accepted = [text in r.search for r in rows]
        else:
            self._accepted = [self.accepts(r) for r in rows]
        self._stale = False

    def _apply(self, force: bool = False) -> None:
        before, was_stale = self._accepted, self._stale
        self._recompute()
        if not force and not was_stale and self._accepted == before:
            return  # same rows shown: spare the view a relayout (typing on within a match)
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, _parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self._stale:
            self._recompute()
        return self._accepted[source_row]

    def refilter(self) -> None:
        """Re-evaluate after row contents changed (statuses arrived, a phone was activated)."""
        self._apply(force=True)

    # -- sorting: delegated to the source model ---------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.source().sort(column, order)
