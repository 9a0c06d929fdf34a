"""The one bridge between the GUI and the (blocking) services: a QThreadPool of jobs.

A job is a plain function ``fn(ctx: JobContext) -> result`` run on a pool thread. It reports back
through a :class:`Job` object living in the GUI thread: ``progress``, then ``succeeded(result)`` or
``failed(exception)``, then ``finished``. Widgets are only touched from those signals, which are
always delivered in the GUI thread. Jobs with the same ``key`` (a phone URL) never run at once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from compass_desk.domain.text import Text
from compass_desk.gui.i18n import localize
from compass_desk.gui.qtfix import emit
from compass_desk.services.cancel import Cancelled, CancelToken

log = logging.getLogger(__name__)


class JobContext:
    """What a job function gets: its cancel token and a thread-safe progress callback."""

    def __init__(self, token: CancelToken, report: Callable[[int, int, str], None]) -> None:
        self.token = token
        self._report = report
        self._last = 0.0
        self._last_label = ""

    def progress(self, done: int, total: int, label: str | Text = "") -> None:
        # At most ~20 reports a second reach the GUI (10,000 status reads must not flood it),
        # but a new label and the last step always do. A lower layer's Text is worded here, in the
        # app's language, so the signal carries plain text.
        if not isinstance(label, str):
            label = localize(label)
        now = time.monotonic()
        if label == self._last_label and done != total and now - self._last < 0.05:
            return
        self._last, self._last_label = now, label
        self._report(done, total, label)


class Job(QObject):
    succeeded = Signal(object)
    failed = Signal(object)  # the exception; Cancelled when the job was cancelled
    progress = Signal(int, int, str)
    finished = Signal()

    # Emitted from the pool thread; received by a slot of this GUI-thread object, hence queued.
    _done = Signal(object, object)
    _progress = Signal(int, int, str)

    def __init__(self, key: str | None, label: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.label = label
        self.token = CancelToken()
        self.running = True
        self.runnable: QRunnable | None = None
        self._done.connect(self._on_done)
        self._progress.connect(self._on_progress)

    def cancel(self) -> None:
        self.token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, label: str) -> None:
        if self.running:
            emit(self.progress, done, total, label)

    @Slot(object, object)
    def _on_done(self, result: object, error: object) -> None:
        self.running = False
        if error is None:
            emit(self.succeeded, result)
        else:
            emit(self.failed, error)
        emit(self.finished)


class _Runnable(QRunnable):
    def __init__(self, job: Job, fn: Callable[[JobContext], Any]) -> None:
        super().__init__()
        # Python owns the runnable (kept by its Job until finished): Qt deleting a Python-made
        # runnable itself leads to refcount crashes at exit.
        self.setAutoDelete(False)
        self._job: Job | None = job
        self._fn = fn

    def run(self) -> None:
        job = self._job
        if job is None:  # already ran
            return
        ctx = JobContext(job.token, lambda *a: emit(job._progress, *a))
        try:
            job.token.raise_if_cancelled()
            result = self._fn(ctx)
        except Cancelled as exc:
            emit(job._done, None, exc)
        except Exception as exc:  # reported to the GUI as a sentence, never lost
            log.info("job %s failed: %s", job.label, type(exc).__name__)
            emit(job._done, None, exc)
        else:
            # A function that returns normally delivers its answer even after a cancel: it may be a
            # partial run that says what already changed (only a raised Cancelled means "nothing").
            emit(job._done, result, None)
        finally:
            # The thread pool keeps a reference to every runnable it ran: drop the work (and all the
            # data its closure holds, e.g. 10,000 rows) so it does not live as long as the app.
            self._fn = _done_already
            self._job = None
            del ctx


def _done_already(_ctx: JobContext) -> Any:
    raise RuntimeError("this job has already run")


class Busy(Exception):
    """Another action on the same phone is still running."""


class Worker(QObject):
    """Owns the thread pool; every service call of the GUI goes through :meth:`submit`."""

    busy_changed = Signal()

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._jobs: set[Job] = set()
        self._keys: set[str] = set()

    def submit(self, fn: Callable[[JobContext], Any], *, label: str, key: str | None = None,
               on_success: Callable[[Any], None] | None = None,
               on_failure: Callable[[BaseException], None] | None = None,
               on_progress: Callable[[int, int, str], None] | None = None) -> Job:
        if key is not None and key in self._keys:
            # The label stays in the log: job labels are not all translated sentences.
            log.info("%s refused: %s is busy", label, key)
            raise Busy(self.tr("Another action on this phone is still running; wait until it has finished."))
        job = Job(key, label, self)
        if on_success:
            job.succeeded.connect(on_success)
        if on_failure:
            job.failed.connect(on_failure)
        if on_progress:
            job.progress.connect(on_progress)
        job.finished.connect(lambda: self._forget(job))
        self._jobs.add(job)
        if key is not None:
            self._keys.add(key)
        job.runnable = _Runnable(job, fn)
        self._pool.start(job.runnable)
        emit(self.busy_changed)
        return job

    def is_busy(self, key: str) -> bool:
        return key in self._keys

    def jobs(self) -> list[Job]:
        return list(self._jobs)

    def _forget(self, job: Job) -> None:
        self._jobs.discard(job)
        if job.key is not None:
            self._keys.discard(job.key)
        job.deleteLater()
        emit(self.busy_changed)

    def cancel_all(self) -> None:
        for job in list(self._jobs):
            job.cancel()

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel everything and wait for the threads; True when all stopped in time."""
        self.cancel_all()
        done = bool(self._pool.waitForDone(timeout_ms))
        if done:
            # Deliver the answers already queued, so no event is left for a job deleted with us.
            from PySide6.QtCore import QCoreApplication, QEvent

            QCoreApplication.sendPostedEvents()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return done
