"""One signed-in environment: its organisations and phones, refreshed concurrently, and the actions.

No Qt here: the GUI calls these from a worker thread, the CLI directly. Thread-safe; actions on
the same phone run one at a time (a second waits for the first).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from compass_desk.api.client import CompassClient, User
from compass_desk.api.errors import ApiError, AuthenticationError, NotFoundError, PermissionDeniedError
from compass_desk.domain.mac import normalize_mac
from compass_desk.domain.models import (
    Access,
    Company,
    Encryption,
    Environment,
    Phone,
    PhoneStatus,
    ProvisioningFile,
)
from compass_desk.domain.text import Text, same
from compass_desk.services.cancel import CancelToken
from compass_desk.services.parallel import DEFAULT_CONCURRENCY, run_bounded

log = logging.getLogger(__name__)

# A label is a Text (a step, in every language) or a str (a name, shown as it is).
Progress = Callable[[int, int, "str | Text"], None]

# Progress labels a refresh reports besides organisation and phone names.
LISTING_ORGANISATIONS = Text("Listing organisations", "Organisaties ophalen")
PROGRESS_TEXTS = (LISTING_ORGANISATIONS,)


@dataclass(frozen=True, slots=True)
class CompanyFailure:
    """An organisation whose phones could not be read: ``message`` in English, ``text`` in every
    language (the error's own words)."""

    company: Company
    message: str
    text: Text | None = None

    @property
    def reason(self) -> Text:
        return self.text if self.text is not None else same(self.message)


@dataclass(slots=True)
class RefreshResult:
    """``phones`` are the ones fetched by this refresh; a failed or skipped organisation has none."""

    companies: list[Company]
    phones: list[Phone]
    failures: list[CompanyFailure] = field(default_factory=list)
    cancelled: bool = False
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    # One sentence per phone left out of an organisation's list (e.g. a state this version does not know).
    warnings: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.cancelled and not self.failures


@dataclass(frozen=True, slots=True)
class PhoneRow:
    """A phone with what a table shows beside it."""

    phone: Phone
    company: Company | None = None
    status: PhoneStatus | None = None

    @property
    def company_name(self) -> str:
        return self.company.name if self.company else ""

    @property
    def writable(self) -> bool:
        return self.company is not None and self.company.access is Access.WRITE


def _no_progress(done: int, total: int, label: str | Text) -> None:
    del done, total, label


class Session:
    def __init__(self, client: CompassClient, environment: Environment) -> None:
        self.client = client
        self.environment = environment
        self._lock = threading.RLock()
        self._companies: dict[str, Company] = {}
        self._phones: dict[str, Phone] = {}  # by URL
        self._statuses: dict[str, PhoneStatus] = {}
        # User name by user URL; "" for a user this account may not read (or that is gone): not asked again.
        self._user_names: dict[str, str] = {}
        self._phone_locks: dict[str, threading.Lock] = {}
        self.fetched_at: datetime | None = None

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- cached state ---------------------------------------------------------------------
    @property
    def companies(self) -> list[Company]:
        with self._lock:
            return sorted(self._companies.values(), key=lambda c: (c.name.casefold(), c.url))

    @property
    def phones(self) -> list[Phone]:
        with self._lock:
            return list(self._phones.values())

    @property
    def loaded(self) -> bool:
        return self.fetched_at is not None

    def company(self, url: str) -> Company | None:
        with self._lock:
            return self._companies.get(url)

    def rows(self) -> list[PhoneRow]:
        with self._lock:
            return [
                PhoneRow(p, self._companies.get(p.company_url), self._statuses.get(p.url))
                for p in self._phones.values()
            ]

    def can_write(self, company_url: str) -> bool:
        company = self.company(company_url)
        return company is not None and company.access is Access.WRITE

    def supports(self, operation: str) -> bool:
        return self.client.capabilities().supports(operation)

    def _remember(self, phone: Phone) -> Phone:
        with self._lock:
            self._phones[phone.url] = phone
        return phone

    def load_companies(self) -> list[Company]:
        """The organisations only (no phones): enough for rights checks and lookups by name."""
        found = self.client.companies()
        with self._lock:
            self._companies = {c.url: c for c in found}
        return self.companies

    # --- refresh ----------------------------------------------------------------------------
    def refresh(
        self,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        companies: Iterable[Company] | None = None,
    ) -> RefreshResult:
        """Organisations, then their phones, *concurrency* at a time.

        One failing organisation ends up in ``failures`` and the others still count; an
        authentication error stops everything (every request would fail, and a storm of 401s
        could get the address locked out). Pass *companies* to refresh only those.
        """
        report = progress or _no_progress
        if cancel is not None and cancel.cancelled:
            return RefreshResult(self.companies, [], cancelled=True)
        if companies is None:
            report(0, 0, LISTING_ORGANISATIONS)
            targets = self.load_companies()
        else:
            targets = list(companies)
        total = len(targets)
        report(0, total, "")
        fetched: dict[str, list[Phone]] = {}
        failures: list[CompanyFailure] = []

        def on_done(company: Company, future: Future[list[Phone]]) -> None:
            error = future.exception()
            if error is None:
                fetched[company.url] = future.result()
            elif isinstance(error, AuthenticationError):
                raise error
            elif isinstance(error, ApiError):
                failures.append(CompanyFailure(company, error.message, error.text))
            else:
                raise error
            report(len(fetched) + len(failures), total, company.name)

        cancelled = run_bounded(
            targets,
            self.client.phones,
            on_done,
            concurrency=concurrency,
            cancel=cancel,
            thread_name="compass-refresh",
        )
        fetched_at = datetime.now(UTC)
        with self._lock:
            for url, phones in fetched.items():
                # Replace this organisation's phones; failed ones keep what was known before.
                for old in [p for p in self._phones.values() if p.company_url == url]:
                    del self._phones[old.url]
                for phone in phones:
                    self._phones[phone.url] = phone
            if not cancelled and companies is None:
                known = set(self._companies)
                for stale in [p for p in self._phones.values() if p.company_url not in known]:
                    del self._phones[stale.url]
            self.fetched_at = fetched_at
        order = {c.url: i for i, c in enumerate(targets)}
        phones = [p for url in sorted(fetched, key=order.__getitem__) for p in fetched[url]]
        failures.sort(key=lambda f: order[f.company.url])
        warnings = [w for url in sorted(fetched, key=order.__getitem__)
                    for w in getattr(fetched[url], "skipped", ())]
        return RefreshResult(list(targets), phones, failures, cancelled, fetched_at, warnings)

    def refresh_company(self, company: Company) -> list[Phone]:
        """One organisation's phones (raises the ApiError instead of collecting it)."""
        phones = self.client.phones(company)
        with self._lock:
            self._companies.setdefault(company.url, company)
            for old in [p for p in self._phones.values() if p.company_url == company.url]:
                del self._phones[old.url]
            for phone in phones:
                self._phones[phone.url] = phone
        return phones

    def statuses(
        self,
        phones: Iterable[Phone],
        cancel: CancelToken | None = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        progress: Progress | None = None,
    ) -> dict[str, PhoneStatus]:
        """Live status by phone URL; a phone whose status could not be read is left out."""
        wanted = list(phones)
        found: dict[str, PhoneStatus] = {}
        done_count = 0

        def on_done(phone: Phone, future: Future[PhoneStatus]) -> None:
            nonlocal done_count
            done_count += 1
            error = future.exception()
            if error is None:
                found[phone.url] = future.result()
            elif isinstance(error, AuthenticationError) or not isinstance(error, ApiError):
                raise error
            else:
                log.info("status of %s not read: %s", phone.url, error.message)
            if progress is not None:
                progress(done_count, len(wanted), phone.name)

        run_bounded(
            wanted,
            self.client.phone_status,
            on_done,
            concurrency=concurrency,
            cancel=cancel,
            thread_name="compass-status",
        )
        with self._lock:
            self._statuses.update(found)
        return found

    def user_names(
        self,
        phones: Iterable[Phone],
        cancel: CancelToken | None = None,
        concurrency: int = DEFAULT_CONCURRENCY,
    ) -> dict[str, str]:
        """Names of the users logged in on *phones*, by user URL; each user is read once per session.

        A user this account may not read (403) or that is gone (404) maps to "" (the caller shows its
        id instead) and is not asked again; other failures leave it out, to be tried next time.
        """
        wanted = {p.logged_in_user for p in phones if p.logged_in_user}
        with self._lock:
            known = {url: self._user_names[url] for url in wanted if url in self._user_names}
        missing = sorted(wanted - set(known))
        found: dict[str, str] = {}

        def on_done(url: str, future: Future[User]) -> None:
            error = future.exception()
            if error is None:
                found[url] = future.result().name
            elif isinstance(error, PermissionDeniedError | NotFoundError):
                log.info("user %s not readable: %s", url, error.message)
                found[url] = ""
            elif isinstance(error, AuthenticationError) or not isinstance(error, ApiError):
                raise error
            else:
                log.info("user %s not read: %s", url, error.message)

        run_bounded(
            missing,
            self.client.user,
            on_done,
            concurrency=concurrency,
            cancel=cancel,
            thread_name="compass-user",
        )
        with self._lock:
            self._user_names.update(found)
        return {**known, **found}

    def known_user_names(self) -> dict[str, str]:
        """The user names read so far (no requests), by user URL."""
        with self._lock:
            return dict(self._user_names)

    def status(self, phone: Phone) -> PhoneStatus:
        status = self.client.phone_status(phone)
        with self._lock:
            self._statuses[phone.url] = status
        return status

    # --- finding ----------------------------------------------------------------------------
    def ensure_loaded(self, progress: Progress | None = None, cancel: CancelToken | None = None) -> None:
        if not self.loaded:
            self.refresh(progress=progress, cancel=cancel)

    def find_by_mac(self, text: str) -> list[Phone]:
        """Phones with this MAC in any notation, across all organisations (MacError on bad input)."""
        mac = normalize_mac(text)
        self.ensure_loaded()
        return sorted((p for p in self.phones if p.mac == mac), key=lambda p: p.url)

    # --- actions (one at a time per phone) --------------------------------------------------
    @contextmanager
    def _exclusive(self, phone: Phone) -> Iterator[None]:
        with self._lock:
            lock = self._phone_locks.setdefault(phone.url, threading.Lock())
        with lock:
            yield

    def activate(self, phone: Phone) -> Phone:
        with self._exclusive(phone):
            return self._remember(self.client.activate(phone))

    def reboot(self, phone: Phone) -> None:
        with self._exclusive(phone):
            self.client.reboot(phone)

    def provisioning_file(self, phone: Phone) -> ProvisioningFile:
        return self.client.provisioning_file(phone)

    def migrate(self, phone: Phone, company: Company) -> Phone:
        with self._exclusive(phone):
            return self._remember(self.client.migrate(phone, company))

    def set_firmware(self, phone: Phone, version: str | None) -> Phone:
        with self._exclusive(phone):
            return self._remember(self.client.set_firmware(phone, version))

    def update_phone(self, phone: Phone, **fields: object) -> Phone:
        with self._exclusive(phone):
            return self._remember(self.client.update_phone(phone, **fields))

    def add_phone(
        self,
        company: Company,
        *,
        name: str,
        model: str,
        mac: str,
        vlan_id: int | None = None,
        encryption: Encryption | None = None,
        expansion_pads: int | None = None,
    ) -> Phone:
        phone = self.client.add_phone(
            company,
            name=name,
            model=model,
            mac=mac,
            vlan_id=vlan_id,
            encryption=encryption,
            expansion_pads=expansion_pads,
        )
        return self._remember(phone)

    def remove_phone(self, phone: Phone) -> None:
        with self._exclusive(phone):
            self.client.remove_phone(phone)
            with self._lock:
                self._phones.pop(phone.url, None)
                self._statuses.pop(phone.url, None)
