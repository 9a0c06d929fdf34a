"""The main window: organisations, the phone table, the details panel, toolbar and status bar."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from compass_desk import APP_NAME
from compass_desk.domain.models import Company, Environment, Phone
from compass_desk.gui import launchers, window_state
from compass_desk.gui.actions import PhoneActions
from compass_desk.gui.browser import Browser, Mode
from compass_desk.gui.context import AppContext
from compass_desk.gui.details_panel import DetailsPanel
from compass_desk.gui.features import FEATURES, Feature, opener
from compass_desk.gui.menus import MainMenus, availabilities
from compass_desk.gui.messages import user_message
from compass_desk.gui.org_model import FitWidthDelegate, OrganisationFilter, OrganisationModel
from compass_desk.gui.phone_filter import PhoneFilterModel, StateFilter, suboptimal_help
from compass_desk.gui.phone_model import ROW_ROLE, PhoneRow, PhoneTableModel
from compass_desk.gui.phone_table import setup_phone_table
from compass_desk.gui.status_bar import StatusBar
from compass_desk.gui.style import icon
from compass_desk.gui.toolbar import MainToolbar
from compass_desk.gui.ui_loader import child, load_ui
from compass_desk.gui.window_search import SearchMixin
from compass_desk.gui.window_status import StatusMixin
from compass_desk.gui.worker import Worker

log = logging.getLogger(__name__)


class MainWindow(SearchMixin, StatusMixin):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self._shut_down = False
        self._pending_mac: str | None = None  # scanned before the phone list arrived
        self._features: dict[str, tuple[Feature, Any]] = {}  # button key -> (feature, open_for_phone)
        self.cached_urls: set[str] = set()  # phones with an offline copy of their provisioning file
        self._moves_offered: set[str] = set()  # environments whose unfinished moves were offered
        self.context = context
        self.setWindowIcon(icon("app"))
        self.worker = Worker(self)
        self.model = PhoneTableModel(self, cutoff=context.cutoff)
        self.proxy = PhoneFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.organisations = OrganisationModel(self)
        self.organisation_filter = OrganisationFilter(self)
        self.organisation_filter.setSourceModel(self.organisations)
        self.browser = Browser(context, self.worker, self.model, self.organisations, self)
        self.browser.visible_phones = self.visible_phones
        self.actions_ = PhoneActions(self.browser, self.worker, self)

        self._build_central()
        self._build_toolbar()
        self.menus = MainMenus(self)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self._connect()
        self._restore_layout()

        # After scrolling stops, read the status of rows never read (large lists, see browser).
        self._scrolled = QTimer(self)
        self._scrolled.setSingleShot(True)
        self._scrolled.setInterval(400)
        self._scrolled.timeout.connect(lambda: self.browser.refresh_visible_statuses(only_unknown=True))
        self.table.verticalScrollBar().valueChanged.connect(self._scrolled.start)

        self._countdown = QTimer(self)
        self._countdown.timeout.connect(self._tick)
        self._countdown.start(1000)
        self._update_actions()  # menus start with what is possible now (nothing selected, not signed in)

    # -- layout ----------------------------------------------------------------------------------
    def _build_central(self) -> None:
        form = load_ui("main_window.ui", self)
        self.pages = QStackedWidget(self)  # the window, or the welcome page while there is no environment
        self.pages.addWidget(form)
        self.main_page = form
        self.first_run: QWidget | None = None
        self.setCentralWidget(self.pages)
        self.setAcceptDrops(True)
        self.banner = child(form, QLabel, "bannerLabel")
        self.banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.splitter = child(form, QSplitter, "splitter")
        self.organisation_box = child(form, QLineEdit, "organisationFilter")
        self.organisation_list = child(form, QListView, "organisationList")
        self.search = child(form, QLineEdit, "searchBox")
        self.state_filter = child(form, QComboBox, "stateFilter")
        self.table = child(form, QTableView, "phoneTable")
        self.count_label = child(form, QLabel, "countLabel")
        self.details = DetailsPanel()
        self.details.cutoff = self.context.cutoff
        host = child(form, QWidget, "detailsHost")
        layout = host.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(self.details)
        # Never a horizontal scrollbar in the details: the pane is at least as wide as its widest part.
        scroll = child(form, QScrollArea, "detailsScroll")
        scroll.setMinimumWidth(self.details.least_width
                               + scroll.verticalScrollBar().sizeHint().width() + 2)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.panes = window_state.PaneSizer(self.splitter)  # panes follow the window until dragged

        self.organisation_list.setModel(self.organisation_filter)
        for state in StateFilter:
            self.state_filter.addItem(state.label, state.value)
        suboptimal = self.state_filter.findData(StateFilter.SUBOPTIMAL.value)
        self.state_filter.setItemData(suboptimal, suboptimal_help(), Qt.ItemDataRole.ToolTipRole)
        self.state_filter.setToolTip(self.tr("Show the phones in one provisioning state.\n\nSuboptimal: %1")
                                     .replace("%1", suboptimal_help()))
        self.table.setModel(self.proxy)
        self.columns = setup_phone_table(self.table)
        # Long organisation names lose their middle, never the phone count at the end.
        self.organisation_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.organisation_list.setItemDelegate(FitWidthDelegate(self.organisation_list))
        self.organisation_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for view in (self.table, self.organisation_list):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def _build_toolbar(self) -> None:
        toolbar = MainToolbar(self, self.context.demo, self.context.profiles is not None)
        self.toolbar = toolbar
        # Short names for the parts tests and other screens use.
        self.env_badge, self.demo_badge = toolbar.env_badge, toolbar.demo_badge
        self.refresh_action, self.audit_action = toolbar.refresh_action, toolbar.audit_action
        self.environments_action = toolbar.environments_action
        toolbar.set_environments(self.context.environments, None)
        toolbar.environment_chosen.connect(self.switch_environment)
        self.refresh_action.triggered.connect(self.browser.refresh)
        self.environments_action.triggered.connect(lambda: launchers.edit_environments(self))
        self.audit_action.triggered.connect(lambda: launchers.show_audit_log(self))
        self.search_action = QAction(icon("search"), self.tr("Search"), self)
        self.search_action.setShortcut(QKeySequence.StandardKey.Find)
        self.search_action.triggered.connect(self.focus_search)
        self.addAction(self.search_action)
        self.search.setToolTip(self.tr("Search by name, MAC (any notation), organisation, model, IP or user "
                                       "(Ctrl+F). A scanned MAC and Enter jump to that phone in any "
                                       "organisation."))

    @property
    def env_actions(self) -> dict[str, QAction]:
        return self.toolbar.env_actions

    def _connect(self) -> None:
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._search_entered)
        self.state_filter.currentIndexChanged.connect(self._state_chosen)
        self.organisation_box.textChanged.connect(self.organisation_filter.set_text)
        self.organisation_list.selectionModel().currentChanged.connect(self._organisation_chosen)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.table.customContextMenuRequested.connect(self.menus.show_table_menu)
        self.organisation_list.customContextMenuRequested.connect(self.menus.show_organisation_menu)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.status.cancel_requested.connect(self.browser.cancel_refresh)
        b = self.browser
        b.environment_changed.connect(self._environment_changed)
        b.mode_changed.connect(self._mode_changed)
        b.data_replaced.connect(self._data_replaced)
        b.statuses_updated.connect(self._statuses_updated)
        b.refresh_started.connect(lambda: self.status.set_busy(True))
        b.refresh_progress.connect(self.status.set_progress)
        b.refresh_finished.connect(self._refresh_finished)
        b.failures_changed.connect(lambda: self.status.set_failures(self.browser.failures))
        b.password_needed.connect(self._ask_password)
        self.worker.busy_changed.connect(self._update_actions)
        for key in ("activate", "reboot", "provision", "troubleshoot"):
            self.details.buttons[key].clicked.connect(lambda _=False, k=key: launchers.phone_action(self, k))
        QTimer.singleShot(0, self._find_features)
        self.actions_.finished.connect(self.status.say)
        self.actions_.failed.connect(self.status.say)
        self.model.dataChanged.connect(self._model_data_changed)

    # -- environments ----------------------------------------------------------------------------
    def reload_environments(self) -> None:
        """After the profiles changed: new toolbar buttons; reopen when the current one changed."""
        if self.context.profiles is not None:
            self.context.environments = list(self.context.profiles.list())
        current = self.browser.environment
        self.toolbar.set_environments(self.context.environments, current)
        if self.context.environments:
            self.pages.setCurrentWidget(self.main_page)
        fresh = next((e for e in self.context.environments if current and e.name == current.name), None)
        if fresh is None and self.context.environments:
            self.switch_environment(self.context.environments[0])
        elif fresh is not None and fresh != current:
            self.browser.forget_session(fresh.name)
            self.browser.open(fresh)
        elif current is None:
            self.start()

    def start(self) -> None:
        """Open the default (or first) environment; call once the window is shown."""
        self.show_start_warnings()
        if not self.context.environments:
            self._environment_changed()
            self.banner.setText(self.tr("No Compass environment is set up yet: add one with “Environments” "
                                        "in the toolbar, or start with --demo to try the app."))
            self.banner.setStyleSheet("QLabel { background: #37618f; color: white; padding: 4px 8px;"
                                      " border-radius: 3px; }")
            self.banner.setVisible(True)
            if not self.context.demo:
                self._show_first_run()
            return
        wanted = self.context.default_environment
        environment = next((e for e in self.context.environments if e.name == wanted),
                           self.context.environments[0])
        self.switch_environment(environment)

    def _show_first_run(self) -> None:
        from compass_desk.gui.first_run import FirstRunPage

        if self.first_run is None:
            page = FirstRunPage(self)
            page.add_environment_requested.connect(lambda: launchers.edit_environments(self))
            page.demo_requested.connect(self._launch_demo)
            self.pages.addWidget(page)
            self.first_run = page
        self.pages.setCurrentWidget(self.first_run)

    def _launch_demo(self) -> None:
        from compass_desk.gui.first_run import launch_demo

        if not launch_demo():
            self.status.say(self.tr("The demo could not be started."))

    def switch_environment(self, environment: Environment) -> None:
        if self.browser.environment == environment:
            self.env_actions[environment.name].setChecked(True)
            return
        self.browser.open(environment)

    def _environment_changed(self) -> None:
        environment = self.browser.environment
        if environment is None:
            self.toolbar.show_environment(None)
            self.setWindowTitle(APP_NAME)
            return
        self.toolbar.show_environment(environment)
        self._update_title()
        self.status.set_failures([])
        self.status.set_busy(False)

    def _mode_changed(self) -> None:
        self._update_title()
        if self.browser.mode == Mode.CONNECTING:
            self.status.set_busy(True)
            self.status.say(self.browser.mode_detail)
        elif self.browser.mode == Mode.OFFLINE:
            self.status.set_busy(False)
            # Replace a stale "Connecting to …" with why the app is offline.
            self.status.say(self.browser.mode_detail)
        self._update_banner()
        self.update_cached_copies()
        self._update_actions()
        environment = self.browser.environment
        if self.browser.mode == Mode.ONLINE and environment and environment.name not in self._moves_offered:
            self._moves_offered.add(environment.name)
            QTimer.singleShot(0, self, lambda: launchers.offer_unfinished_moves(self))

    # -- data ------------------------------------------------------------------------------------
    def _data_replaced(self) -> None:
        self.proxy.refilter()
        self.organisation_list.setCurrentIndex(
            self.organisation_filter.mapFromSource(
                self.organisations.index(self.organisations.row_of(self.proxy.company_url))))
        self._update_banner()
        self._update_count()
        self._selection_changed()
        if self._pending_mac is not None and self.select_mac(self._pending_mac):
            self._pending_mac = None

    def _refresh_finished(self, text: str) -> None:
        self.status.set_busy(False)
        self.status.say(text)
        self._update_banner()

    def _model_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        row = self.details.row
        if row is not None:
            i = self.model.row_for_url(row.url)
            if i is not None and top_left.row() <= i <= bottom_right.row():
                self._selection_changed()

    def visible_phones(self) -> list[Phone]:
        """Phones in the rows currently on screen (for the live-status timer)."""
        viewport = self.table.viewport()
        first = self.table.rowAt(0)
        last = self.table.rowAt(viewport.height() - 1)
        if first < 0:
            return []
        last = self.proxy.rowCount() - 1 if last < 0 else last
        return [self.proxy.index(r, 0).data(ROW_ROLE).phone for r in range(first, last + 1)]

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        some = self.tr("%1 of %2 phones shown").replace("%1", str(shown)).replace("%2", str(total))
        self.count_label.setText(some if shown != total else self.tr("%1 phones").replace("%1", str(total)))

    def _tick(self) -> None:
        now = datetime.now(UTC)
        self.details.tick(now)
        if now.second == 0:
            self.model.refresh_deadlines()

    # -- selection and actions ---------------------------------------------------------------------
    def selected_row(self) -> PhoneRow | None:
        """The current row (the one the details panel shows), when it is selected."""
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        row = index.data(ROW_ROLE)
        return row if isinstance(row, PhoneRow) else None

    def selected_rows(self) -> list[PhoneRow]:
        """Every selected row, in table order (several with Ctrl/Shift+click)."""
        indexes = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [row for i in indexes if isinstance(row := i.data(ROW_ROLE), PhoneRow)]

    def current_company(self) -> Company | None:
        """The organisation chosen in the list (None for "All organisations")."""
        current = self.organisation_list.currentIndex()
        if not current.isValid():
            return None
        return self.organisations.company(self.organisation_filter.mapToSource(current).row())

    def _selection_changed(self) -> None:
        rows = self.selected_rows()
        if len(rows) > 1:
            self.details.show_many(rows)
        else:
            self.details.show_row(self.selected_row())
        self._update_actions()

    def _statuses_updated(self) -> None:
        if self.proxy.state != StateFilter.ALL:
            self.proxy.refilter()  # "offline" and "suboptimal" depend on the live status
        self._selection_changed()

    def _update_actions(self) -> None:
        available, environments = availabilities(self)
        for key, state in available.items():
            button = self.details.buttons.get(key)
            if button is not None:
                button.setEnabled(state.enabled)
                button.setToolTip(state.reason)
        count = len(self.selected_rows())
        if count > 1:  # the panel's wizard and troubleshooter are for one phone; Move works on all
            self.details.buttons["provision"].setEnabled(False)
            self.details.buttons["provision"].setToolTip(available["activate"].reason)
        self.details.buttons["move"].setText(self.tr("Move %1 phones…").replace("%1", str(count)) if count > 1
                                             else self.tr("Move…"))
        self.menus.update(available, environments, count)

    def run_action(self, operation: str) -> None:
        row = self.selected_row()
        if row is not None and len(self.selected_rows()) <= 1:
            self.actions_.run(operation, row)
            self._update_actions()

    def _find_features(self) -> None:
        """After the first paint: show the buttons of the feature screens that exist."""
        for feature in FEATURES:
            open_for_phone = opener(feature)
            if open_for_phone is None:
                continue
            self._features[feature.key] = (feature, open_for_phone)
            button = self.details.buttons[feature.key]
            button.clicked.connect(lambda _=False, key=feature.key: launchers.phone_action(self, key))
            button.setVisible(True)
        self._update_actions()

    def feature_available(self, key: str) -> bool:
        return key in self._features

    def open_feature(self, key: str) -> None:
        row = self.selected_row()
        if row is None or key not in self._features:
            return
        _feature, open_for_phone = self._features[key]
        if not availabilities(self)[0][key].enabled:
            return
        try:
            open_for_phone(self, self.browser, row.phone)
        except Exception as exc:  # a feature screen failing must not close the main window
            log.exception("could not open %s", key)
            self.status.say(user_message(exc, f"open {key}"))
            return
        if key == "provisioning" and not self.browser.read_only:
            self.cached_urls.add(row.url)  # every file viewed online is kept for offline use

    # -- settings --------------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        window_state.restore(self.context.paths.config, self, self.panes, self.columns)

    def save_layout(self) -> None:
        window_state.save(self.context.paths.config, self, self.panes, self.columns)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._shut_down:
            self.save_layout()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop timers and threads; safe to call twice."""
        if self._shut_down:
            return
        self._shut_down = True
        self._countdown.stop()
        self._scrolled.stop()
        self.browser.stop()
        if not self.worker.shutdown(10_000):
            log.warning("background work did not stop in time")
        self.browser.close_sessions()
