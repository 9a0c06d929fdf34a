"""Run many requests with a bound on how many are in flight, cancellable, results on one thread.

Only ``concurrency`` jobs are submitted at a time (a sliding window), so a cancel leaves no queue
behind; completed jobs are handed to ``on_done`` on the *calling* thread, which keeps progress
callbacks and result lists free of locking.
"""

from __future__ import annotations

import concurrent.futures as cf
from collections.abc import Callable, Iterable
from typing import TypeVar

from compass_desk.services.cancel import CancelToken

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_CONCURRENCY = 8
_POLL_S = 0.05  # how often a waiting caller looks at the cancel token


def run_bounded(
    items: Iterable[T],
    work: Callable[[T], R],
    on_done: Callable[[T, cf.Future[R]], None],
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    cancel: CancelToken | None = None,
    thread_name: str = "compass-worker",
) -> bool:
    """Apply *work* to every item; returns True when cancelled before all were done.

    Jobs still running when cancelled are abandoned (their results are ignored); they end on
    their own within the HTTP timeouts. An exception raised by *on_done* stops everything and
    propagates.
    """
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    queue = iter(items)
    exhausted = False
    pending: dict[cf.Future[R], T] = {}
    executor = cf.ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix=thread_name)
    finished = False
    try:
        while True:
            if cancel is not None and cancel.cancelled:
                return True
            while not exhausted and len(pending) < concurrency:
                try:
                    item = next(queue)
                except StopIteration:
                    exhausted = True
                    break
                pending[executor.submit(work, item)] = item
            if not pending:
                finished = True
                return False
            done, _ = cf.wait(pending, timeout=_POLL_S, return_when=cf.FIRST_COMPLETED)
            for future in done:
                on_done(pending.pop(future), future)
    finally:
        # On cancel or error do not wait for requests in flight: the caller gets control back now.
        executor.shutdown(wait=finished, cancel_futures=True)
