"""The main window's search box, barcode scanner input, state and organisation filters (a mixin)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt

from compass_desk.domain.mac import MacError, format_mac, mac_search_key, normalize_mac
from compass_desk.gui import launchers
from compass_desk.gui.browser import Mode
from compass_desk.gui.phone_filter import StateFilter

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QLineEdit, QListView, QTableView

    from compass_desk.gui.browser import Browser
    from compass_desk.gui.main_window import MainWindow
    from compass_desk.gui.org_model import OrganisationFilter, OrganisationModel
    from compass_desk.gui.phone_filter import PhoneFilterModel
    from compass_desk.gui.phone_model import PhoneTableModel
    from compass_desk.gui.status_bar import StatusBar

# A mixin of MainWindow: its texts are translated in the "MainWindow" context.
translate = QCoreApplication.translate
# Groups of letters and digits joined by MAC separators ("00:04:13:ZZ:BB:CC", "0004.13aa.bbcc").
_MAC_SHAPED = re.compile(r"^\s*(?:mac\W*)?[0-9a-z]{1,4}(?:[:\-.][0-9a-z]{1,4}){2,}\s*$", re.I)


def _meant_as_mac(text: str) -> bool:
    """True when a search that matched nothing was a MAC address (hex digits and separators only,
    or shaped like one), so its error helps; a name typed in the search box is not."""
    return bool(mac_search_key(text)) or bool(_MAC_SHAPED.match(text))


class SearchMixin:
    search: QLineEdit
    state_filter: QComboBox
    table: QTableView
    organisation_list: QListView
    organisations: OrganisationModel
    organisation_filter: OrganisationFilter
    proxy: PhoneFilterModel
    model: PhoneTableModel
    browser: Browser
    status: StatusBar
    _pending_mac: str | None
    _search_said: str = ""  # the last status message of a search, cleared by the next search

    if TYPE_CHECKING:  # MainWindow's own, called from here
        def _update_count(self, *_args: object) -> None: ...

        def _update_actions(self) -> None: ...

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_changed(self, text: str) -> None:
        self._forget_search_message()
        self.proxy.set_text(text)
        self._update_count()

    def _say(self, text: str) -> None:
        self._search_said = text
        self.status.say(text)

    def _forget_search_message(self) -> None:
        """A new search makes the last one's "No phone with MAC …" or "Found …" stale."""
        if self._search_said and self.status.message.text() == self._search_said:
            self.status.say("")
        self._search_said = ""

    def _search_entered(self) -> None:
        """A scanner types the MAC and Enter: jump to that phone, whatever organisation it is in."""
        text = self.search.text()
        self._forget_search_message()
        try:
            mac = normalize_mac(text)
        except MacError as error:
            if self.proxy.rowCount() >= 1:
                self.select_proxy_row(0)
            elif _meant_as_mac(text):
                # A mistyped or misread MAC (wrong length, a letter that is not hex, broadcast…): say why.
                from compass_desk.gui.messages import user_message

                self._say(user_message(error))
            return
        if self.select_mac(mac):
            self._pending_mac = None
            return
        where = (self.browser.environment.name if self.browser.environment
                 else translate("MainWindow", "this environment"))
        if self.browser.refreshing or self.browser.mode == Mode.CONNECTING:
            # Scanned before the list arrived: jump there as soon as it does.
            self._pending_mac = mac
            self._say(translate("MainWindow", "Looking for %1 once the phone list of %2 has arrived…")
                            .replace("%2", where).replace("%1", format_mac(mac)))
            return
        self._say(translate("MainWindow", "No phone with MAC %1 in %2.").replace("%2", where)
                        .replace("%1", format_mac(mac)))
        window = cast("MainWindow", self)
        if not self.browser.read_only and launchers.offer_provisioning(window, mac, where):
            launchers.provision(window, mac=mac)

    def select_mac(self, mac: str) -> bool:
        i = next((i for i, row in enumerate(self.model.rows()) if row.phone.mac == mac), None)
        if i is None:
            return False
        source = self.model.index(i, 0)
        if not self.proxy.mapFromSource(source).isValid():
            # Widen the view so the phone can be shown: all organisations, all states.
            self.organisation_list.setCurrentIndex(self.organisation_filter.index(0, 0))
            self.state_filter.setCurrentIndex(0)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return False
        self.select_proxy_row(index.row())
        self._say(translate("MainWindow", "Found %1 (%2).").replace("%2", format_mac(mac))
                        .replace("%1", self.model.row_at(i).phone.name))
        return True

    def select_proxy_row(self, row: int) -> None:
        index = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _state_chosen(self) -> None:
        self.proxy.set_state(StateFilter(self.state_filter.currentData()))
        self._update_count()

    def _organisation_chosen(self, current: QModelIndex) -> None:
        company = None
        if current.isValid():
            company = self.organisations.company(self.organisation_filter.mapToSource(current).row())
        self.proxy.set_company(company.url if company is not None else None)
        self._update_count()
        self._update_actions()  # the organisation's tools (firmware overview) follow the choice

