"""Provisioning files for offline reading: every fetch is kept, and "Prepare site visit" fetches a
whole organisation ahead of time.

Files go into :class:`~compass_desk.store.provisioning_cache.ProvisioningCache` with the time they
were fetched; their secret values are stored encrypted with the keyring key, or not at all when
no secure keyring exists (the cache says so in ``secrets_note``). No Qt: the GUI runs these on its
worker, the CLI directly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from compass_desk.api.errors import ApiError, AuthenticationError
from compass_desk.domain.models import Company, Environment, Phone, PhoneStatus, ProvisioningFile
from compass_desk.domain.text import Text, text_of
from compass_desk.services.cancel import CancelToken
from compass_desk.services.parallel import run_bounded
from compass_desk.store.db import StoreError
from compass_desk.store.provisioning_cache import CachedFile, CachedFileInfo, ProvisioningCache, invertible

if TYPE_CHECKING:
    from compass_desk.paths import AppPaths
    from compass_desk.services.session import Session
    from compass_desk.store.cache import Cache

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
Answers = tuple[ProvisioningFile | ApiError, PhoneStatus | ApiError]  # one phone's two requests
SITE_VISIT_CONCURRENCY = 4  # two requests per phone, so up to 8 in flight


# --- the cache itself ---------------------------------------------------------------------------
def cache_mask(text: str) -> tuple[str, dict[str, str]]:
    """The provisioning parser's masking as the cache needs it (masked text + secrets by placeholder).

    A file the parser refuses is masked by key names instead (as the preview does), so that a
    damaged file is still kept, its secrets hidden; if that masking cannot be undone exactly, the
    cache drops the secrets rather than keep a wrong copy.
    """
    from compass_desk.domain.provisioning import ParseError, parse_text
    from compass_desk.domain.provisioning.secrets import MASK, mask_text
    from compass_desk.services.preview import mask_by_key_names

    try:
        parsed = parse_text(text)
    except ParseError:
        return invertible(mask_by_key_names, MASK)(text)
    return invertible(lambda _text: mask_text(parsed), MASK)(text)


def open_provisioning_cache(paths: AppPaths) -> ProvisioningCache:
    """The provisioning cache in the data folder, its size limit from the ``cache_size_mb`` preference."""
    from compass_desk.store.db import cache_db_path
    from compass_desk.store.preferences import Preferences
    from compass_desk.store.provisioning_cache import DEFAULT_LIMIT_BYTES

    paths.ensure()
    limit = DEFAULT_LIMIT_BYTES
    try:
        limit = int(Preferences(paths.config).get("cache_size_mb")) * 1024 * 1024
    except Exception as error:  # unreadable preferences: the default limit is fine
        log.warning("cache size preference not used: %s", error)
    return ProvisioningCache(cache_db_path(paths.data), mask=cache_mask, limit_bytes=limit)


def _company_name(session: Session, phone: Phone) -> str:
    company = session.company(phone.company_url)
    return company.name if company else ""


def store_fetched(cache: ProvisioningCache, session: Session, phone: Phone, file: ProvisioningFile,
                  fetched_at: datetime | None = None) -> CachedFileInfo:
    """Keep a file just fetched for *phone* (raises StoreError with a sentence when it cannot)."""
    return cache.store(session.environment.name, phone, file, company_name=_company_name(session, phone),
                       fetched_at=fetched_at or datetime.now(UTC))


def fetch_and_store(session: Session, cache: ProvisioningCache, phone: Phone) -> CachedFile:
    """Fetch *phone*'s provisioning file and keep it; the stored copy as read back from the cache.

    Raises the ApiError when fetching fails and StoreError when it could not be stored. The copy
    is :attr:`~CachedFile.complete` (``content()`` is the file as fetched) unless the secrets could
    not be kept; callers showing the fresh file should use :func:`fetch_for_viewing`.
    """
    file = session.provisioning_file(phone)
    store_fetched(cache, session, phone, file)
    cached = cache.get(session.environment.name, phone.url)
    if cached is None:  # evicted at once: only when the size limit is below this one file
        who = phone.name or phone.mac
        raise StoreError(
            Text(
                f"The provisioning file of {who} did not fit in the offline cache.",
                f"Het provisioningbestand van {who} paste niet in de offline cache.",
            )
        )
    return cached


def fetch_for_viewing(session: Session, cache: ProvisioningCache | None, phone: Phone) -> ProvisioningFile:
    """Fetch *phone*'s file for the viewer and keep a copy; a copy that cannot be kept only logs.

    The file is returned as fetched (secrets included), whatever the cache could keep.
    """
    file = session.provisioning_file(phone)
    if cache is not None:
        try:
            store_fetched(cache, session, phone, file)
        except StoreError as error:
            log.warning("provisioning file not kept for offline use: %s", error)
    return file


def cached_file(cache: ProvisioningCache, environment: Environment | str | None,
                phone_or_mac: Phone | str, *, phones: Iterable[Phone] = ()) -> CachedFile | None:
    """The stored copy for a phone (object, ``self`` URL, MAC in any notation, or id among *phones*).

    *environment* ``None`` looks in every environment; a MAC then gives the newest copy. Raises
    :class:`~compass_desk.domain.mac.MacError` for text that is neither a URL, a known id nor a MAC.
    """
    from compass_desk.domain.mac import is_mac, normalize_mac

    name = environment.name if isinstance(environment, Environment) else environment
    if isinstance(phone_or_mac, Phone):
        url = phone_or_mac.url
    else:
        text = phone_or_mac.strip()
        by_id = [p.url for p in phones if p.resource_id == text]
        if text.lower().startswith(("http://", "https://")):
            url = text
        elif len(by_id) == 1 and not is_mac(text):
            url = by_id[0]
        else:
            infos = [i for i in cache.find_mac(normalize_mac(text)) if name is None or i.environment == name]
            if not infos:
                return None
            return cache.get(infos[0].environment, infos[0].phone_url)
    if name is not None:
        return cache.get(name, url)
    newest = max((i for i in cache.entries() if i.phone_url == url), key=lambda i: i.fetched_at, default=None)
    return cache.get(newest.environment, url) if newest is not None else None


# --- what is stored, for people ------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class StoredOrganisation:
    """The stored files of one organisation in one environment."""

    environment: str
    company_url: str
    company_name: str
    files: int
    size: int
    oldest: datetime
    newest: datetime


def organisations(entries: Iterable[CachedFileInfo]) -> list[StoredOrganisation]:
    """Stored files grouped per environment and organisation (sorted by environment, then name)."""
    groups: dict[tuple[str, str], list[CachedFileInfo]] = {}
    for info in entries:
        groups.setdefault((info.environment, info.company_url), []).append(info)
    found = [
        StoredOrganisation(env, url, next((i.company_name for i in infos if i.company_name), ""), len(infos),
                           sum(i.size for i in infos), min(i.fetched_at for i in infos),
                           max(i.fetched_at for i in infos))
        for (env, url), infos in groups.items()
    ]
    return sorted(found, key=lambda o: (o.environment, o.company_name.casefold(), o.company_url))


def age_text(fetched_at: datetime, now: datetime | None = None) -> str:
    """How long ago, roughly: ``just now``, ``5 min ago``, ``3 h ago``, ``2 days ago``."""
    seconds = max(0, int(((now or datetime.now(UTC)) - fetched_at).total_seconds()))
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    if seconds < 2 * 86400:
        return f"{seconds // 3600} h ago"
    return f"{seconds // 86400} days ago"


def size_text(size: int) -> str:
    """``812 B``, ``4.2 kB``, ``1.5 MB`` (powers of 1024, as the size limit is set in MB)."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} kB"
    return f"{size / 1024 / 1024:.1f} MB"


SECRETS_TEXT = {
    "none": "none in the file",
    "encrypted": "encrypted",
    "dropped": "not kept",
}


# --- prepare a site visit -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PhoneResult:
    """What the site visit got for one phone; ``problems`` are sentences (empty when all went well)."""

    phone: Phone
    stored: CachedFileInfo | None = None
    status: PhoneStatus | None = None
    problem_texts: tuple[Text, ...] = ()  # in every language

    @property
    def problems(self) -> tuple[str, ...]:
        """The problems in English (the CLI, JSON)."""
        return tuple(text.en for text in self.problem_texts)

    @property
    def ok(self) -> bool:
        return not self.problem_texts


@dataclass(slots=True)
class SiteVisitResult:
    company: Company
    phones: list[Phone] = field(default_factory=list)
    results: list[PhoneResult] = field(default_factory=list)  # in the order of ``phones``
    cancelled: bool = False
    snapshot_saved: bool = False
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    secrets_note_text: Text = field(default_factory=lambda: Text("", ""))  # why secrets were not kept

    @property
    def secrets_note(self) -> str:
        """The secrets note in English (the CLI, JSON); empty when secrets were kept."""
        return self.secrets_note_text.en

    @property
    def failures(self) -> list[PhoneResult]:
        return [r for r in self.results if not r.ok]

    @property
    def stored_count(self) -> int:
        return sum(r.stored is not None for r in self.results)

    @property
    def complete(self) -> bool:
        return not self.cancelled and not self.failures and len(self.results) == len(self.phones)

    def summary(self) -> str:
        """One or two sentences for a person (English; :meth:`summary_text` has every language)."""
        return self.summary_text().en

    def summary_text(self) -> Text:
        total, stored = len(self.phones), self.stored_count
        name = self.company.name
        if not total:
            return _NO_PHONES.format(name=name)
        if total == 1 and stored == 1 and not self.cancelled:
            text = _STORED_ONE.format(name=name)  # not "1 of 1 provisioning files"
        else:
            text = (_CANCELLED if self.cancelled else _STORED).format(stored=stored, total=total, name=name)
        failed = len(self.failures)
        if failed:
            text += (_ONE_PROBLEM if failed == 1 else _PROBLEMS).format(count=failed)
        if self.secrets_note_text.en and stored:
            text += _NOT_KEPT + self.secrets_note_text
        return text


_NO_PHONES = Text("{name} has no phones, so there is nothing to store.",
                  "{name} heeft geen telefoons, dus er is niets te bewaren.")
_STORED = Text("Stored {stored} of {total} provisioning files of {name} for offline reading.",
               "{stored} van {total} provisioningbestanden van {name} bewaard om offline te lezen.")
_STORED_ONE = Text("Stored the provisioning file of {name} for offline reading.",
                   "Het provisioningbestand van {name} is bewaard om offline te lezen.")
_CANCELLED = Text("Cancelled: stored {stored} of {total} provisioning files of {name}.",
                  "Geannuleerd: {stored} van {total} provisioningbestanden van {name} bewaard.")
_ONE_PROBLEM = Text("1 phone had a problem; see the list.", "1 telefoon had een probleem; zie de lijst.")
_PROBLEMS = Text("{count} phones had a problem; see the list.",
                 "{count} telefoons hadden een probleem; zie de lijst.")
_NOT_KEPT = Text("Passwords were not kept:", "Wachtwoorden zijn niet bewaard:")
_NOT_FETCHED = Text("Provisioning file not fetched: {why}", "Provisioningbestand niet opgehaald: {why}")
_NOT_STORED = Text("Provisioning file not stored: {why}", "Provisioningbestand niet bewaard: {why}")
_NO_STATUS = Text("Status not read: {why}", "Status niet gelezen: {why}")
_READING_LIST = Text("Reading the phone list of {name}", "De telefoonlijst van {name} lezen")
TEXTS = (_NO_PHONES, _STORED, _STORED_ONE, _CANCELLED, _ONE_PROBLEM, _PROBLEMS, _NOT_KEPT, _NOT_FETCHED,
         _NOT_STORED, _NO_STATUS, _READING_LIST)


def _problem(template: Text, error: Exception) -> Text:
    """*template* with the error's own sentence in each language."""
    return template.format(why=text_of(error) or str(error))


def _no_progress(done: int, total: int, label: str) -> None:
    del done, total, label


def _fetch_phone(session: Session, phone: Phone) -> Answers:
    """Both requests of one phone; an ApiError is returned (one failing must not lose the other)."""
    file: ProvisioningFile | ApiError
    status: PhoneStatus | ApiError
    try:
        file = session.provisioning_file(phone)
    except AuthenticationError:
        raise
    except ApiError as error:
        file = error
    try:
        status = session.status(phone)
    except AuthenticationError:
        raise
    except ApiError as error:
        status = error
    return file, status


def prepare_site_visit(
    session: Session,
    cache: ProvisioningCache,
    company: Company,
    *,
    snapshots: Cache | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    concurrency: int = SITE_VISIT_CONCURRENCY,
    on_result: Callable[[PhoneResult], None] | None = None,
) -> SiteVisitResult:
    """Fetch and keep every phone's provisioning file and live status of *company*.

    The phone list comes first (its failure is raised: nothing to prepare without it), then the
    phones *concurrency* at a time; one phone failing is listed in the result and the rest go on.
    An authentication error stops everything. *on_result* gets each phone's result as it comes
    (on the calling thread). With *snapshots* the phone list and statuses also go into the
    phone-list snapshot, so the main window can show them offline.
    """
    report = progress or _no_progress
    result = SiteVisitResult(company, secrets_note_text=cache.secrets_note_text)
    if cancel is not None and cancel.cancelled:
        result.cancelled = True
        return result
    report(0, 0, _READING_LIST.format(name=company.name).en)
    phones = session.refresh_company(company)
    result.phones = phones
    total = len(phones)
    report(0, total, "")
    by_url: dict[str, PhoneResult] = {}

    def on_done(phone: Phone, future: Future[Answers]) -> None:
        file, status = future.result()  # an AuthenticationError or a bug propagates and stops the run
        problems: list[Text] = []
        stored: CachedFileInfo | None = None
        if isinstance(file, ApiError):
            problems.append(_problem(_NOT_FETCHED, file))
        else:
            try:
                stored = store_fetched(cache, session, phone, file, result.fetched_at)
            except StoreError as error:
                problems.append(_problem(_NOT_STORED, error))
        if isinstance(status, ApiError):
            problems.append(_problem(_NO_STATUS, status))
        one = PhoneResult(phone, stored, None if isinstance(status, ApiError) else status,
                          tuple(problems))
        by_url[phone.url] = one
        if on_result is not None:
            on_result(one)
        report(len(by_url), total, phone.name)

    result.cancelled = run_bounded(phones, lambda phone: _fetch_phone(session, phone), on_done,
                                   concurrency=concurrency, cancel=cancel, thread_name="compass-visit")
    result.results = [by_url[p.url] for p in phones if p.url in by_url]
    if snapshots is not None:
        result.snapshot_saved = _save_snapshot(snapshots, session, company, result)
    return result


def _save_snapshot(snapshots: Cache, session: Session, company: Company, result: SiteVisitResult) -> bool:
    """Put the organisation's phones and statuses into the phone-list snapshot; False when that failed."""
    name = session.environment.name
    statuses = {r.phone.url: r.status for r in result.results if r.status is not None}
    try:
        snapshot = snapshots.load_snapshot(name)
        if snapshot is None:
            # No full refresh stored yet: this organisation alone is better than nothing offline.
            companies = session.companies or [company]
            phones = [p for p in session.phones if p.company_url in {c.url for c in companies}]
            snapshots.save_snapshot(name, companies, phones, statuses, result.fetched_at)
            return True
        current = {p.url for p in result.phones}
        for stale in (p for p in snapshot.phones if p.company_url == company.url and p.url not in current):
            snapshots.remove_phone(name, stale.url)  # removed from the platform since the last refresh
        for phone in result.phones:
            snapshots.update_phone(name, phone)
        for url, status in statuses.items():
            snapshots.update_status(name, url, status)
        return True
    except StoreError as error:
        log.warning("phone list of %s not stored for offline use: %s", company.name, error)
        return False
