"""The Browser's background jobs besides sign-in and refresh: the saved copy, user names, live status.

A mixin of :class:`~compass_desk.gui.browser.Browser`, which owns the state declared below.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from compass_desk.domain.models import Company, Environment, Phone, PhoneStatus
from compass_desk.gui.phone_rows import PhoneRow, build_rows, sort_rows
from compass_desk.gui.qtfix import emit
from compass_desk.gui.worker import JobContext

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from compass_desk.gui.context import AppContext
    from compass_desk.gui.phone_model import PhoneTableModel
    from compass_desk.gui.worker import Job, Worker
    from compass_desk.services.session import Session

# The Browser's logger: these lines read in the log as they did before the split.
log = logging.getLogger("compass_desk.gui.browser")

# Up to this many unread users, the names of all logged-in users are read after a refresh; above, of
# the phones on screen (the rest as they come into view, with the live-status tick).
USER_ALL_LIMIT = 1000


class BrowserJobs:
    # State owned by Browser (set in its __init__), declared here for type checking.
    context: AppContext
    worker: Worker
    model: PhoneTableModel
    environment: Environment | None
    session: Session | None
    companies: dict[str, Company]
    as_of: datetime | None
    visible_phones: Callable[[], list[Phone]]
    statuses_updated: SignalInstance
    _generation: int
    _refresh_job: Job | None
    _status_job: Job | None
    _names_job: Job | None

    if TYPE_CHECKING:
        @property
        def read_only(self) -> bool: ...

        def _show(self, companies: list[Company], rows: list[PhoneRow],
                  failed: dict[str, str] | None = None, presorted: bool = False) -> None: ...

    # -- cache ----------------------------------------------------------------------------------
    def _load_cache(self, environment: Environment) -> None:
        cache = self.context.cache
        if cache is None:
            return
        generation, spec, cutoff = self._generation, self.model.sort_spec, self.model.cutoff

        def work(_ctx: JobContext) -> Any:
            snapshot = cache.load_snapshot(environment.name)
            if snapshot is None:
                return None
            rows = build_rows(snapshot.companies, snapshot.phones, snapshot.statuses)
            sort_rows(rows, spec, cutoff)
            return snapshot, rows

        def done(answer: Any) -> None:
            # Only when the network has not answered yet: fresh data wins over the cache.
            if answer is None or generation != self._generation or self.companies:
                return
            snapshot, rows = answer
            self.as_of = snapshot.fetched_at
            self._show(snapshot.companies, rows, presorted=spec == self.model.sort_spec)

        self.worker.submit(work, label="load cache", on_success=done,
                           on_failure=lambda e: log.warning("cache not read: %s", e))

    def _save_cache(self, fetched_at: datetime, generation: int) -> None:
        cache, environment = self.context.cache, self.environment
        if cache is None or environment is None or generation != self._generation:
            return
        companies = list(self.companies.values())
        rows = list(self.model.rows())

        def work(_ctx: JobContext) -> None:
            phones = [row.phone for row in rows]
            statuses = {row.url: row.status for row in rows if row.status is not None}
            cache.save_snapshot(environment.name, companies, phones, statuses, fetched_at)

        self.worker.submit(work, label="save cache",
                           on_failure=lambda e: log.warning("cache not saved: %s", e))

    # -- user names -----------------------------------------------------------------------------
    def read_user_names(self) -> None:
        """Names of the users logged in on the listed phones, after the rows are shown (not before:
        the first paint does not wait for them). Names read before come with the rows already."""
        if self.read_only or self.session is None or self._names_job is not None:
            return
        unnamed = [row.phone for row in self.model.rows() if row.phone.logged_in_user and not row.user_name]
        if len({phone.logged_in_user for phone in unnamed}) > USER_ALL_LIMIT:
            visible = {phone.url for phone in self.visible_phones()}
            unnamed = [phone for phone in unnamed if phone.url in visible]
        if not unnamed:
            return
        session, generation = self.session, self._generation

        def done(names: dict[str, str]) -> None:
            if generation == self._generation:
                self.model.update_user_names(names)
                emit(self.statuses_updated)

        def work(ctx: JobContext) -> dict[str, str]:
            return session.user_names(unnamed, cancel=ctx.token)

        job = self.worker.submit(work, label="user names", on_success=done,
                                 on_failure=lambda e: log.info("user names not read: %s", e))
        self._names_job = job
        job.finished.connect(lambda: setattr(self, "_names_job", None) if self._names_job is job else None)

    # -- live status ----------------------------------------------------------------------------
    def refresh_visible_statuses(self, only_unknown: bool = False) -> None:
        """Timer tick: live status of the phones on screen. Skipped while a refresh or tick runs.

        *only_unknown*: just the phones whose status was never read (after scrolling a big list).
        """
        if self.read_only or self._refresh_job is not None or self._status_job is not None:
            return
        phones = self.visible_phones()
        if only_unknown:
            unknown = {row.url for row in self.model.rows() if row.status is None}
            phones = [p for p in phones if p.url in unknown]
        if not phones or self.session is None:
            return
        session, generation = self.session, self._generation

        def work(ctx: JobContext) -> tuple[dict[str, PhoneStatus], dict[str, str]]:
            statuses = session.statuses(phones, cancel=ctx.token)
            # Users on these phones not named yet (a big list names the phones on screen only); a
            # failure there must not throw away the statuses just read.
            try:
                names = session.user_names(phones, cancel=ctx.token)
            except Exception as exc:
                log.info("user names not read: %s", exc)
                names = {}
            return statuses, names

        def done(answer: tuple[dict[str, PhoneStatus], dict[str, str]]) -> None:
            if generation == self._generation:
                self.model.update_statuses(answer[0])
                self.model.update_user_names(answer[1])
                emit(self.statuses_updated)

        job = self.worker.submit(work, label="live status",
                                 on_success=done, on_failure=lambda e: log.info("status tick failed: %s", e))
        self._status_job = job
        job.finished.connect(lambda: setattr(self, "_status_job", None) if self._status_job is job else None)

    # -- single-phone updates (after an action) -------------------------------------------------
    def phone_updated(self, phone: Phone) -> None:
        self.model.update_phone(phone)
        cache, environment = self.context.cache, self.environment
        if cache is not None and environment is not None:
            self.worker.submit(lambda _ctx: cache.update_phone(environment.name, phone), label="cache phone",
                               on_failure=lambda e: log.warning("cache not updated: %s", e))
