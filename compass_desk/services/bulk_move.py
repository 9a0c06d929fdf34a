"""Several phones moved to one organisation in one run (API method only), at a bounded rate.

Every phone gets its own result; a failure does not stop the others, and the failed ones can be
run again (``retry``). Rights are checked per phone before its request, so a phone in a read-only
organisation fails without any request being sent.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from compass_desk.api.errors import ApiError, AuthenticationError, OutcomeUnknownError
from compass_desk.domain import move_texts as T
from compass_desk.domain.models import Company, Phone
from compass_desk.domain.move_plan import MoveMethod, MoveRefused
from compass_desk.domain.move_texts import phone_words, said
from compass_desk.domain.text import Text, fill
from compass_desk.services.cancel import CancelToken
from compass_desk.services.moves import MoveError, MoveService

Progress = Callable[[int, int, Text], None]
DEFAULT_RATE_PER_S = 4.0  # moves per second at most: gentle on the platform (no request storm)


@dataclass(frozen=True, slots=True)
class BulkResult:
    phone: Phone
    ok: bool
    text: Text
    moved: Phone | None = None
    unknown: bool = False  # the request went out but its outcome is not known: check before re-sending

    @property
    def message(self) -> str:
        return self.text.en


@dataclass(slots=True)
class BulkRun:
    target: Company
    results: list[BulkResult]
    cancelled: bool = False

    @property
    def failed(self) -> list[Phone]:
        return [r.phone for r in self.results if not r.ok and not r.unknown]

    @property
    def unknown(self) -> list[Phone]:
        return [r.phone for r in self.results if r.unknown]

    @property
    def to_retry(self) -> list[Phone]:
        """Failed and unknown phones: ``retry`` reads each one back before moving it again."""
        return [r.phone for r in self.results if not r.ok]

    @property
    def succeeded(self) -> int:
        return sum(1 for r in self.results if r.ok)

    @property
    def summary_text(self) -> Text:
        return T.bulk_summary(self.succeeded, len(self.results), self.target.name, len(self.failed),
                              len(self.unknown), self.cancelled)

    @property
    def summary(self) -> str:
        return self.summary_text.en


def bulk_move(service: MoveService, phones: Sequence[Phone], target: Company, *,
              rate_per_s: float = DEFAULT_RATE_PER_S, progress: Progress | None = None,
              cancel: CancelToken | None = None, sleep: Callable[[float], None] = time.sleep) -> BulkRun:
    """Move *phones* one after another with the API, at most *rate_per_s* moves a second."""
    if rate_per_s <= 0:
        raise ValueError("rate_per_s must be above 0")
    interval = 1.0 / rate_per_s
    results: list[BulkResult] = []
    total = len(phones)
    last_start: float | None = None
    for index, phone in enumerate(phones):
        if cancel is not None and cancel.cancelled:
            return BulkRun(target, results, cancelled=True)
        if progress is not None:
            progress(index, total, fill(T.BULK_MOVING, phone=phone_words(phone)))
        if last_start is not None:
            wait = interval - (time.monotonic() - last_start)
            if wait > 0:
                if cancel is not None:
                    if cancel.wait(wait):
                        return BulkRun(target, results, cancelled=True)
                else:
                    sleep(wait)
        last_start = time.monotonic()
        results.append(_move_one(service, phone, target))
    if progress is not None:
        progress(total, total, T.DONE)
    return BulkRun(target, results)


def retry(service: MoveService, run: BulkRun, **kwargs: object) -> BulkRun:
    """Run the failed (and unknown) phones of *run* again; the successful ones keep their results.

    Each phone is read back first: one whose earlier move did happen (a lost answer) is not moved
    again, and the move starts from what the phone is now, not from the stale copy.
    """
    fresh: list[Phone] = []
    read_back: dict[str, BulkResult] = {}
    for phone in run.to_retry:
        try:
            fresh.append(service.session.client.phone(phone.url))
        except AuthenticationError:
            raise
        except ApiError as exc:  # cannot tell where it is: never move it blindly
            read_back[phone.url] = BulkResult(phone, False, said(exc), unknown=True)
    again = bulk_move(service, fresh, run.target, **kwargs)  # type: ignore[arg-type]
    by_url = {r.phone.url: r for r in again.results} | read_back
    merged = [by_url.get(r.phone.url, r) if not r.ok else r for r in run.results]
    return BulkRun(run.target, merged, again.cancelled)


def _move_one(service: MoveService, phone: Phone, target: Company) -> BulkResult:
    if phone.company_url == target.url:
        return BulkResult(phone, True, T.ALREADY_THERE, phone)
    try:
        plan = service.plan(phone, target, MoveMethod.API)
        outcome = service.move_api(plan)
    except (MoveRefused, MoveError) as exc:
        return BulkResult(phone, False, exc.text)
    except AuthenticationError:
        raise  # every following request would fail too
    except OutcomeUnknownError as exc:
        return BulkResult(phone, False, said(exc), unknown=True)
    except ApiError as exc:
        return BulkResult(phone, False, said(exc))
    return BulkResult(phone, True, T.MOVED_VERIFIED, outcome.phone)
