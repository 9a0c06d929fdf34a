"""The data behind the main window: one environment at a time, its session, cache and refreshes.

No widgets here. All network and disk work goes through the :class:`Worker`; results for an
environment the user has already left are dropped (``_generation``). The saved copy, user names
and live-status jobs are in :mod:`compass_desk.gui.browser_jobs`.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, QLocale, QObject, QTimer, Signal

from compass_desk.domain.models import Company, Environment, Phone
from compass_desk.domain.text import Text
from compass_desk.gui.browser_jobs import USER_ALL_LIMIT as USER_ALL_LIMIT
from compass_desk.gui.browser_jobs import BrowserJobs
from compass_desk.gui.context import AppContext
from compass_desk.gui.i18n import localize
from compass_desk.gui.messages import user_message
from compass_desk.gui.org_model import OrganisationModel
from compass_desk.gui.phone_model import PhoneRow, PhoneTableModel, sort_rows
from compass_desk.gui.phone_rows import build_rows as build_rows
from compass_desk.gui.plurals import plural
from compass_desk.gui.qtfix import emit
from compass_desk.gui.worker import Job, JobContext, Worker

if TYPE_CHECKING:
    from compass_desk.services.session import Session

log = logging.getLogger(__name__)


# Up to this many phones, a refresh reads the live status of every phone; above, of those on screen.
STATUS_ALL_LIMIT = 2000
STATUS_VISIBLE_FALLBACK = 100
SAVE_DELAY_MS = 300
RECONNECT_S = 60


class Mode(StrEnum):
    CONNECTING = "connecting"
    ONLINE = "online"
    OFFLINE = "offline"  # no connection: cached data, read-only; mode_detail says why


class Browser(QObject, BrowserJobs):
    environment_changed = Signal()
    mode_changed = Signal()
    data_replaced = Signal()  # companies/phones replaced (cache or refresh)
    statuses_updated = Signal()
    refresh_started = Signal()
    refresh_progress = Signal(int, int, str)
    refresh_finished = Signal(str)  # summary sentence for the status bar
    failures_changed = Signal()
    notice = Signal(str)  # one sentence for the status bar
    password_needed = Signal(object)  # Environment

    def __init__(self, context: AppContext, worker: Worker, model: PhoneTableModel,
                 organisations: OrganisationModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.worker = worker
        self.model = model
        self.organisations = organisations
        self.environment: Environment | None = None
        self.session: Session | None = None
        self.mode = Mode.CONNECTING
        self.mode_detail = ""
        self.as_of: datetime | None = None  # when the shown data was fetched (set while showing the cache)
        self.refreshed_at: datetime | None = None  # the last refresh that reached Compass
        self.companies: dict[str, Company] = {}
        self.failures: list[tuple[str, str | Text]] = []  # (organisation name, reason) of the last refresh
        self._sessions: dict[str, Session] = {}
        self._generation = 0
        self._refresh_job: Job | None = None
        self._status_job: Job | None = None
        self._names_job: Job | None = None
        self.visible_phones: Callable[[], list[Phone]] = lambda: []
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh_visible_statuses)
        # Offline because the network failed: try again now and then, quietly.
        self._reconnect = QTimer(self)
        self._reconnect.setSingleShot(True)
        self._reconnect.setInterval(int(RECONNECT_S * 1000))
        self._reconnect.timeout.connect(self._try_reconnect)

    # -- environment --------------------------------------------------------------------------
    def open(self, environment: Environment) -> None:
        """Switch to *environment*: cached data at once, then connect and refresh in the background."""
        self._generation += 1
        for job in (self._refresh_job, self._status_job, self._names_job):
            if job is not None:
                job.cancel()
        self._refresh_job = self._status_job = self._names_job = None
        self.environment = environment
        self.session = self._sessions.get(environment.name)
        self.failures = []
        self.as_of = None
        self.refreshed_at = None
        self.companies = {}
        self.model.set_rows([])
        self.organisations.set_data([], [])
        self._set_mode(Mode.CONNECTING, self.tr("Connecting to %1…").replace("%1", environment.name))
        emit(self.environment_changed)
        emit(self.data_replaced)
        self._load_cache(environment)
        if self.session is not None:
            self._set_mode(Mode.ONLINE, "")
            self.refresh()
        else:
            self.sign_in()

    def sign_in(self, password: str | None = None) -> None:
        environment = self.environment
        if environment is None:
            return
        password = password or self.context.passwords.get(environment)
        if password is None:
            self._set_mode(Mode.OFFLINE,
                           self.tr("Not signed in: no password for %1.").replace("%1", environment.name))
            emit(self.password_needed, environment)
            return
        generation = self._generation
        connect = self.context.connect

        connecting = self.tr("Connecting to %1…").replace("%1", environment.name)

        def work(ctx: JobContext) -> Session:
            ctx.progress(0, 0, connecting)
            return connect(environment, password)

        def done(session: Session) -> None:
            if generation != self._generation:
                _close_session(session)
                return
            self._sessions[environment.name] = session
            self.session = session
            self._set_mode(Mode.ONLINE, "")
            self.refresh()

        def failed(error: BaseException) -> None:
            if generation != self._generation:
                return
            from compass_desk.api.errors import AuthenticationError

            self._set_mode(Mode.OFFLINE, self.tr("Offline: %1").replace("%1", user_message(error, "connect")))
            if isinstance(error, AuthenticationError):
                # Never send a refused password again (Compass locks an address out after repeated
                # failures): not the keyring's either, until the user types a new one.
                self.context.passwords.refuse(environment)
                emit(self.password_needed, environment)
            else:
                self._reconnect.start()

        self.worker.submit(work, label="connect", on_success=done, on_failure=failed,
                           on_progress=lambda *a: emit(self.refresh_progress, *a))

    def shown_data_time(self) -> datetime | None:
        """When the phones on screen were fetched: the saved copy's time, else the last refresh's."""
        if self.as_of is not None:
            return self.as_of
        return self.refreshed_at if self.model.rowCount() else None

    def _try_reconnect(self) -> None:
        if self.mode == Mode.OFFLINE and self.session is None and self.environment is not None \
                and self.context.passwords.get(self.environment) is not None:
            self.sign_in()

    def _set_mode(self, mode: Mode, detail: str) -> None:
        self.mode, self.mode_detail = mode, detail
        self._timer.stop()
        self._reconnect.stop()
        if mode == Mode.ONLINE and self.context.refresh_interval_s > 0:
            self._timer.start(self.context.refresh_interval_s * 1000)
        emit(self.mode_changed)

    def set_refresh_interval(self, seconds: int) -> None:
        """A changed preference: the live-status timer uses it from now on."""
        self.context.refresh_interval_s = seconds
        self._timer.stop()
        if self.mode == Mode.ONLINE and seconds > 0:
            self._timer.start(seconds * 1000)

    @property
    def read_only(self) -> bool:
        return self.mode != Mode.ONLINE or self.session is None

    # -- refresh --------------------------------------------------------------------------------
    @property
    def refreshing(self) -> bool:
        return self._refresh_job is not None

    def refresh(self) -> None:
        if self._refresh_job is not None:
            return
        if self.session is None:
            self.sign_in()
            return
        session, generation = self.session, self._generation
        spec, cutoff = self.model.sort_spec, self.model.cutoff
        visible = {phone.url for phone in self.visible_phones()}

        def work(ctx: JobContext) -> tuple[Any, list[PhoneRow]]:
            result = session.refresh(progress=ctx.progress, cancel=ctx.token)
            if result.cancelled:
                return result, []
            wanted = result.phones
            if len(wanted) > STATUS_ALL_LIMIT:
                # Thousands of status reads would take minutes: the phones on screen now, the rest
                # as they scroll into view (auto-refresh) — the last known status stays meanwhile.
                wanted = [p for p in wanted if p.url in visible] or wanted[:STATUS_VISIBLE_FALLBACK]
            count = len(wanted)

            reading = plural(count, self.tr("Reading the live status of %1 phone…"),
                             self.tr("Reading the live status of %1 phones…"))

            def status_progress(done: int, total: int, _label: object) -> None:
                ctx.progress(done, total, reading)

            statuses = session.statuses(wanted, cancel=ctx.token, progress=status_progress)
            # Rows (search text, sort keys, order) are built here, not in the GUI thread.
            rows = build_rows(result.companies, result.phones, statuses, session.known_user_names())
            sort_rows(rows, spec, cutoff)
            return result, rows

        def done(answer: tuple[Any, list[PhoneRow]]) -> None:
            if generation == self._generation:
                self._apply_refresh(*answer, presorted=spec == self.model.sort_spec)
                self.read_user_names()

        def failed(error: BaseException) -> None:
            if generation != self._generation:
                return
            from compass_desk.services.cancel import Cancelled

            if isinstance(error, Cancelled):
                emit(self.refresh_finished, self.tr("Refresh cancelled; the previous data is still shown."))
                return
            emit(self.refresh_finished, self.tr("Refresh failed: %1").replace(
                "%1", user_message(error, "refresh the phone list")))
            from compass_desk.api.errors import AuthenticationError, NetworkError

            if isinstance(error, AuthenticationError) and self.environment is not None:
                # The password was changed or expired: never retry it (lock-out); ask again.
                environment = self.environment
                self.forget_session(environment.name)
                self.session = None
                self.context.passwords.refuse(environment)
                self._set_mode(Mode.OFFLINE, self.tr("Signed out: %1").replace("%1", user_message(error)))
                emit(self.password_needed, environment)
            elif isinstance(error, NetworkError) and self.environment is not None:
                self._set_mode(Mode.OFFLINE, self.tr("Offline: %1").replace("%1", user_message(error)))
                self.forget_session(self.environment.name)
                self.session = None
                self._reconnect.start()

        job = self.worker.submit(work, label="refresh", on_success=done, on_failure=failed,
                                 on_progress=lambda *a: emit(self.refresh_progress, *a))
        self._refresh_job = job
        job.finished.connect(lambda: self._refresh_done(job))
        emit(self.refresh_started)

    def _refresh_done(self, job: Job) -> None:
        if self._refresh_job is job:
            self._refresh_job = None

    def cancel_refresh(self) -> None:
        if self._refresh_job is not None:
            self._refresh_job.cancel()

    def _apply_refresh(self, result: Any, rows: list[PhoneRow], presorted: bool = False) -> None:
        generation = self._generation
        if result.cancelled:
            emit(self.refresh_finished, self.tr("Refresh cancelled; the previous data is still shown."))
            return
        failed_urls = {f.company.url for f in result.failures}
        fresh = {row.url for row in rows}
        for old in self.model.rows():
            if old.phone.company_url in failed_urls and old.url not in fresh:
                # Keep what we had for organisations that failed this time, rather than dropping them.
                rows.append(old)
                presorted = False
        by_url = {row.url: row for row in rows}
        for old in self.model.rows():
            row = by_url.get(old.url)
            if row is not None and row.status is None and old.status is not None:
                row.status = old.status  # its status could not be read this time: keep the last one
                row.reindex()
        self.failures = [(f.company.name, f.reason) for f in result.failures]
        self.as_of = None if not result.failures else self.as_of
        self.refreshed_at = datetime.now(UTC)
        failed = {f.company.url: localize(f.reason) for f in result.failures}
        self._show(result.companies, rows, failed=failed, presorted=presorted)
        emit(self.failures_changed)
        if self.failures:
            emit(self.refresh_finished,
                 self.tr("Refreshed, but 1 organisation could not be loaded.") if len(self.failures) == 1
                 else self.tr("Refreshed, but %1 organisations could not be loaded.")
                 .replace("%1", str(len(self.failures))))
        else:
            emit(self.refresh_finished, self.tr("Refreshed %1 phones in %2 organisations.")
                 .replace("%1", str(len(rows))).replace("%2", str(len(result.companies))))
        # Saving is heavy Python work in a worker; start it once the new rows are painted, so it
        # does not compete with the paint for the interpreter lock.
        QTimer.singleShot(SAVE_DELAY_MS, lambda: self._save_cache(result.fetched_at, generation))

    def _show(self, companies: list[Company], rows: list[PhoneRow],
              failed: dict[str, str] | None = None, presorted: bool = False) -> None:
        # Freezing moves everything alive *and* not yet collected into the permanent set, so collect
        # first: while frozen this pass only looks at objects made since the last freeze (cheap);
        # then unfreeze, so the previous rows' leftovers are not kept in the frozen set for good.
        gc.collect()
        gc.unfreeze()
        self.companies = {c.url: c for c in companies}
        self.model.set_rows(rows, presorted=presorted)
        self.organisations.set_data(companies, [row.phone for row in rows], failed)
        # The rows live until the next refresh: keep them out of the cyclic collector's full passes,
        # which otherwise stop every thread (the GUI too) for tens of milliseconds per 10,000 rows.
        gc.freeze()
        emit(self.data_replaced)

    # -- sessions -------------------------------------------------------------------------------
    def forget_session(self, name: str) -> None:
        session = self._sessions.pop(name, None)
        if session is not None:
            _close_session(session)

    def stop(self) -> None:
        """Drop every pending answer and stop the timer (before the worker shuts down)."""
        self._generation += 1
        self._timer.stop()
        self._reconnect.stop()

    def close_sessions(self) -> None:
        for session in self._sessions.values():
            _close_session(session)
        self._sessions.clear()
        self.session = None


def as_of_text(moment: datetime | None) -> str:
    if moment is None:
        return ""
    local = moment.astimezone()
    today = datetime.now(UTC).astimezone().date()
    if local.date() == today:
        return f"{local:%H:%M}"
    # Month names in the app's language (QLocale.setDefault follows it), not the C library's English.
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(local.timestamp())), "d MMM yyyy HH:mm")


def _close_session(session: Any) -> None:
    client = getattr(session, "client", None)
    try:
        if hasattr(session, "close"):
            session.close()
        elif client is not None:
            client.close()
    except Exception:  # closing a dead connection must not crash anything
        log.exception("closing a session failed")
