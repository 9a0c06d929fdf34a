"""Firmware choices on Compass: plan, apply to one phone or many (paced), retry, and the overview.

Everything that could stop a change is checked before the first request: rights (a read-only
organisation is refused), the certified list, and the second confirmation a risky choice needs.
A bulk run never hides a partial result: every phone ends as changed, already set, failed,
unknown (read it back) or not started (cancelled), and ``FirmwareRun.changed`` lists exactly
the phones Compass now has a new choice for.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from compass_desk.api.errors import ApiError, AuthenticationError, NotFoundError, OutcomeUnknownError
from compass_desk.domain import firmware_plan as fp
from compass_desk.domain.firmware import YealinkFamilies
from compass_desk.domain.firmware_plan import FirmwareOverview, FirmwarePlan, FirmwareRefused, PhoneChange
from compass_desk.domain.models import Company, Phone, PhoneModel, Vendor
from compass_desk.domain.phone_words import phone_title
from compass_desk.domain.text import Text, fill, join, same, text_of
from compass_desk.services.cancel import CancelToken
from compass_desk.services.cancel import EitherToken as EitherToken  # where the GUI imports it from
from compass_desk.services.firmware_texts import (
    ALREADY_SET,
    CANCELLED,
    CHANGED_OF,
    CONFIRM_AGAIN,
    CONFIRMED_ON_READ_BACK,
    COUNTED,
    GONE,
    INSTALLED_CHOICE,
    NO_MODELS,
    NO_UPDATES,
    NONE_CHOSEN,
    NOT_STARTED,
    NOT_VISIBLE,
    ONE_GROUP,
    PROGRESS_ONE,
    READ_ONLY,
    READING_PHONES,
    SET_INSTALLED,
    SET_VERSION,
    SHOWS_OTHER,
    UNEXPECTED,
    UNKNOWN_MODEL,
)
from compass_desk.services.parallel import run_bounded
from compass_desk.services.session import Session
from compass_desk.store.audit import phone_target

log = logging.getLogger(__name__)

# The label is a Text from this service, plain words from the session's status reads.
Progress = Callable[[int, int, Any], None]
DEFAULT_RATE_PER_S = 4.0  # changes started per second at most: no storm of requests or upgrades
DEFAULT_CONCURRENCY = 2
# The audit detail of a change back to "Use installed firmware" (the audit view translates it).
INSTALLED_DETAIL = "use installed firmware"


class ReadOnly(FirmwareRefused):
    """The user may not change phones of that organisation."""


class ConfirmationNeeded(FirmwareRefused):
    """A risky choice (downgrade, custom/international switch…) was not confirmed a second time."""

    def __init__(self, message: Text | str, reasons: Sequence[Text]) -> None:
        super().__init__(message)
        self.reasons = list(reasons)


class Outcome(StrEnum):
    CHANGED = "changed"
    UNCHANGED = "unchanged"  # the phone had this choice already: no request sent
    FAILED = "failed"  # Compass refused or could not be reached: nothing changed
    UNKNOWN = "unknown"  # the answer was lost: read the phone back before trying again
    NOT_STARTED = "not started"  # cancelled (or stopped after a sign-in failure) before its turn

    @property
    def ok(self) -> bool:
        return self in (Outcome.CHANGED, Outcome.UNCHANGED)

    @property
    def text(self) -> Text:
        """The outcome as a word for people (the value stays the CLI's and the JSON's word)."""
        return OUTCOME_WORDS[self]


OUTCOME_WORDS = {
    Outcome.CHANGED: Text("changed", "gewijzigd"),
    Outcome.UNCHANGED: Text("already set", "al ingesteld"),
    Outcome.FAILED: Text("failed", "mislukt"),
    Outcome.UNKNOWN: Text("unknown", "onbekend"),
    Outcome.NOT_STARTED: Text("not started", "niet gestart"),
}


@dataclass(frozen=True, slots=True)
class PhoneResult:
    change: PhoneChange
    outcome: Outcome
    text: Text  # what happened, in every language
    phone: Phone  # as Compass has it afterwards when known, else as before

    @property
    def ok(self) -> bool:
        return self.outcome.ok

    @property
    def message(self) -> str:
        """What happened, in English (CLI, logs, the audit log)."""
        return self.text.en


@dataclass(slots=True)
class FirmwareRun:
    plan: FirmwarePlan
    results: list[PhoneResult]
    cancelled: bool = False

    @property
    def changed(self) -> list[Phone]:
        return [r.phone for r in self.results if r.outcome is Outcome.CHANGED]

    @property
    def failures(self) -> list[PhoneResult]:
        return [r for r in self.results if not r.ok]

    @property
    def summary(self) -> Text:
        """``2 of 3 phones changed, 1 failed.`` (with "(cancelled)" after a Stop)."""
        total = len(self.results)
        parts = [fill(CHANGED_OF[total != 1], changed=len(self.changed), total=total)]
        for outcome in (Outcome.UNCHANGED, Outcome.FAILED, Outcome.UNKNOWN, Outcome.NOT_STARTED):
            count = sum(1 for r in self.results if r.outcome is outcome)
            if count:
                parts.append(fill(COUNTED, count=count, what=outcome.text))
        if self.cancelled:
            parts.append(CANCELLED)
        parts.append(same("."))
        return join(parts, "")


@functools.cache
def load_families() -> YealinkFamilies | None:
    from compass_desk.resources import load_toml

    try:
        return YealinkFamilies.from_toml(load_toml("yealink_families.toml"))
    except (OSError, ValueError, KeyError):
        log.warning("Yealink family table unreadable; versions are decoded without model names")
        return None


class _Pacer:
    """Start times at least *interval* apart across threads; waiting wakes early on cancel."""

    def __init__(self, interval: float, cancel: CancelToken | None) -> None:
        self._interval = interval
        self._cancel = cancel
        self._lock = threading.Lock()
        self._next = 0.0

    def wait_turn(self) -> bool:
        """False when cancelled while waiting."""
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + self._interval
        delay = start - time.monotonic()
        if delay > 0:
            if self._cancel is not None:
                return not self._cancel.wait(delay)
            time.sleep(delay)
        return not (self._cancel is not None and self._cancel.cancelled)


class FirmwareService:
    def __init__(self, session: Session, *, audit: Any = None, families: YealinkFamilies | None = None,
                 rate_per_s: float = DEFAULT_RATE_PER_S, concurrency: int = DEFAULT_CONCURRENCY) -> None:
        if rate_per_s <= 0 or concurrency < 1:
            raise ValueError("rate_per_s must be above 0 and concurrency at least 1")
        self.session = session
        self.audit = audit  # store.audit.AuditLog or anything with the same record()
        self.families = families if families is not None else load_families()
        self.rate_per_s = rate_per_s
        self.concurrency = concurrency
        self._models: dict[str, dict[str, PhoneModel]] = {}
        self._lock = threading.Lock()

    # --- reading ------------------------------------------------------------------------------
    def company(self, url: str) -> Company:
        company = self.session.company(url)
        if company is None:
            self.session.load_companies()
            company = self.session.company(url)
        if company is None:
            raise ReadOnly(NOT_VISIBLE)
        return company

    def models(self, company: Company) -> dict[str, PhoneModel]:
        """The phone models of *company* with their certified firmware, by model id (cached)."""
        with self._lock:
            known = self._models.get(company.url)
        if known is None:
            known = {m.id: m for m in self.session.client.phone_models(company)}
            with self._lock:
                self._models[company.url] = known
        return known

    def model_for(self, phone: Phone, *, strict: bool = True) -> PhoneModel:
        """The phone's model as Compass lists it for its organisation, with the certified versions.

        Not listed (or the environment lists no models): FirmwareRefused, or with ``strict=False`` a
        bare model without certified versions, for which only "Use installed firmware" can be chosen.
        """
        company = self.company(phone.company_url)
        model = self.models(company).get(phone.model) if self.session.supports("phoneModels") else None
        if model is not None:
            return model
        if not strict:
            return PhoneModel(phone.model, Vendor.UNKNOWN, phone.model)
        if not self.session.supports("phoneModels"):
            raise FirmwareRefused(fill(NO_MODELS, env=self.session.environment.name, choice=fp.USE_INSTALLED))
        raise FirmwareRefused(fill(UNKNOWN_MODEL, model=phone.model, company=company.name))

    def installed(self, phones: Sequence[Phone], cancel: CancelToken | None = None) -> dict[str, str | None]:
        """The installed version of each phone (by URL); None when it has not reported one."""
        if not self.session.supports("phoneStatus"):
            return {p.url: None for p in phones}
        statuses = self.session.statuses(phones, cancel=cancel)
        return {p.url: fp.installed_version(statuses.get(p.url), self.families) for p in phones}

    def phones_of_model(self, company: Company, model_id: str) -> list[Phone]:
        phones = [p for p in self.session.refresh_company(company) if p.model == model_id]
        return sorted(phones, key=lambda p: (p.name.casefold(), p.mac))

    # --- planning -----------------------------------------------------------------------------
    def check_writable(self, phones: Sequence[Phone]) -> None:
        """ReadOnly unless the user may change every phone; nothing has been sent yet."""
        if not self.session.supports("update"):
            raise FirmwareRefused(fill(NO_UPDATES, env=self.session.environment.name))
        for url in dict.fromkeys(p.company_url for p in phones):
            company = self.company(url)
            if not self.session.can_write(url):
                raise ReadOnly(fill(READ_ONLY, company=company.name))

    def plan(self, phones: Sequence[Phone], target: str | None, *, label: Text | str | None = None,
             installed: dict[str, str | None] | None = None,
             cancel: CancelToken | None = None) -> FirmwarePlan:
        """The change for *phones* (one model in one organisation). Refusals raise before any write."""
        if not phones:
            raise FirmwareRefused(NONE_CHOSEN)
        if len({(p.company_url, p.model) for p in phones}) != 1:
            raise FirmwareRefused(ONE_GROUP)
        self.check_writable(phones)
        model = self.model_for(phones[0], strict=target is not None)
        found = installed if installed is not None else self.installed(phones, cancel)
        text = label or (fp.phone_words(phones[0]) if len(phones) == 1
                         else fp.model_phones_words(len(phones), model.display_name))
        return fp.plan(model, [(p, found.get(p.url)) for p in phones], target, target_label=text,
                       families=self.families)

    # --- changing -----------------------------------------------------------------------------
    def apply(self, plan: FirmwarePlan, *, confirmed: bool = False, progress: Progress | None = None,
              cancel: CancelToken | None = None) -> FirmwareRun:
        """Send the choice to every phone of *plan* that needs it, paced; a result per phone."""
        if plan.needs_second_confirmation and not confirmed:
            raise ConfirmationNeeded(join([CONFIRM_AGAIN, *plan.reasons()]), plan.reasons())
        self.check_writable([c.phone for c in plan.changes])
        results = self._run(list(plan.changes), plan, progress, cancel, read_back=False)
        return FirmwareRun(plan, results, cancelled=bool(cancel and cancel.cancelled))

    def retry(self, run: FirmwareRun, *, progress: Progress | None = None,
              cancel: CancelToken | None = None) -> FirmwareRun:
        """Try the phones that did not succeed again (each read back first); the rest keep their result."""
        again = [r.change for r in run.failures]
        if again:
            self.check_writable([c.phone for c in again])
        fresh = {r.change.phone.url: r for r in self._run(again, run.plan, progress, cancel, read_back=True)}
        merged = [fresh.get(r.change.phone.url, r) if not r.ok else r for r in run.results]
        return FirmwareRun(run.plan, merged, cancelled=bool(cancel and cancel.cancelled))

    def _run(self, changes: list[PhoneChange], plan: FirmwarePlan, progress: Progress | None,
             cancel: CancelToken | None, *, read_back: bool) -> list[PhoneResult]:
        pacer = _Pacer(1.0 / self.rate_per_s, cancel)
        stop = threading.Event()  # set after a sign-in failure: every further request would fail too
        results: dict[str, PhoneResult] = {}
        total = len(changes)

        def work(change: PhoneChange) -> PhoneResult:
            sends = read_back or change.needed  # only requests are paced
            if stop.is_set() or (sends and not pacer.wait_turn()) or stop.is_set():
                return PhoneResult(change, Outcome.NOT_STARTED, NOT_STARTED, change.phone)
            return self._apply_one(change, plan, read_back, stop)

        def on_done(change: PhoneChange, future: Future[PhoneResult]) -> None:
            error = future.exception()
            if error is None:
                result = future.result()
            else:  # a bug, not a Compass answer: say so for this phone, keep going
                log.error("firmware change of %s failed", change.phone.url, exc_info=error)
                result = PhoneResult(change, Outcome.UNKNOWN, UNEXPECTED, change.phone)
            results[change.phone.url] = result
            if progress is not None:
                who = phone_title(change.phone)
                progress(len(results), total, fill(PROGRESS_ONE, phone=who, outcome=result.outcome.text))

        if progress is not None:
            progress(0, total, "")
        # No cancel token for the runner: requests already sent are waited for, so each is reported.
        run_bounded(changes, work, on_done, concurrency=self.concurrency, thread_name="compass-firmware")
        return [results[c.phone.url] for c in changes]

    def _apply_one(self, change: PhoneChange, plan: FirmwarePlan, read_back: bool,
                   stop: threading.Event) -> PhoneResult:
        phone = change.phone
        choice = same(change.target) if change.target else INSTALLED_CHOICE
        try:
            if read_back:
                phone = self.session.client.phone(phone.url)
                change = replace(change, phone=phone)
                if fp.same_version(phone.firmware, change.target, plan.model.vendor):
                    return self._done(change, Outcome.CHANGED, fill(CONFIRMED_ON_READ_BACK, choice=choice),
                                      phone)
            if not change.needed:
                return PhoneResult(change, Outcome.UNCHANGED, fill(ALREADY_SET, choice=choice), phone)
            updated = self.session.set_firmware(phone, change.target)
        except AuthenticationError as exc:
            stop.set()
            return self._done(change, Outcome.FAILED, _said(exc), phone)
        except OutcomeUnknownError as exc:
            return self._done(change, Outcome.UNKNOWN, _said(exc), phone)
        except NotFoundError:
            gone = fill(GONE, phone=phone_title(phone))
            return self._done(change, Outcome.FAILED, gone, phone)
        except ApiError as exc:
            return self._done(change, Outcome.FAILED, _said(exc), phone)
        if not fp.same_version(updated.firmware, change.target, plan.model.vendor):
            shown = same(updated.firmware) if updated.firmware else fp.USE_INSTALLED
            return self._done(change, Outcome.UNKNOWN, fill(SHOWS_OTHER, shown=shown, choice=choice), updated)
        done = SET_VERSION if change.target else SET_INSTALLED
        return self._done(change, Outcome.CHANGED, fill(done, choice=choice), updated)

    def _done(self, change: PhoneChange, outcome: Outcome, message: Text, phone: Phone) -> PhoneResult:
        if self.audit is not None:
            env = self.session.environment
            company = self.session.company(change.phone.company_url)
            target = phone_target(change.phone.name, change.phone.mac, company.name if company else "")
            audit_outcome = {"changed": "ok", "unknown": "unknown"}.get(outcome.value, "failed")
            # "→ 10.1.198.19" as the state changes read ("→ active"): no words in one language.
            detail = f"→ {change.target or INSTALLED_DETAIL}" + (
                "" if outcome is Outcome.CHANGED else f": {message.en}")
            try:
                self.audit.record(env.name, env.username, "firmware", target, audit_outcome, detail)
            except Exception as exc:  # the change itself matters more than its log line
                log.warning("audit log not written: %s", exc)
        return PhoneResult(change, outcome, message, phone)

    # --- overview -----------------------------------------------------------------------------
    def overview(self, company: Company, *, progress: Progress | None = None,
                 cancel: CancelToken | None = None) -> FirmwareOverview:
        """Phones of *company* with installed and selected firmware, counted per model and version."""
        if progress is not None:
            progress(0, 0, fill(READING_PHONES, company=company.name))
        phones = self.session.refresh_company(company)
        models = list(self.models(company).values()) if self.session.supports("phoneModels") else []
        statuses = {}
        if self.session.supports("phoneStatus"):
            statuses = self.session.statuses(phones, cancel=cancel, progress=progress)
        if cancel is not None:
            cancel.raise_if_cancelled()
        return fp.overview(company, phones, statuses, models, self.families)


def _said(error: ApiError) -> Text:
    """What Compass (or the connection) said, in every language the error carries."""
    return text_of(error) or same(error.message)
