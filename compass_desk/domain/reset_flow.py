""" "Provision this phone" as a pure state machine: identify → pre-check → reset → wait → result.

No Qt and no I/O: the GUI (a QWizard whose pages' ``isComplete()`` return
:meth:`ResetFlow.page_complete`) feeds it events (the phone and status it read, button presses, the
clock) and shows what it says. Every event takes ``now`` from the caller, so tests and the demo
can drive time (the simulator's clock) and nothing here sleeps.

Success: ``disabled`` + online + registered after the reset, held for ``settle_s`` seconds (the
phone may restart several times; "do not touch it until the display has been idle for about 30
seconds"). Failures end in a result with a diagnosis: reset while not active, the weekly deadline
passing before the phone contacted the vendor, a failed vendor registration, or no progress within
``wait_limit``.

For a QWizard: one page per :class:`Stage`; ``isComplete()`` returns ``flow.page_complete(stage)``;
``validatePage()`` calls ``flow.advance(now)``; ``nextId()`` follows ``flow.stage`` (a reset while
not active jumps from the reset page straight to the result). The pre-check page's Activate button
calls the API and then ``flow.activated(phone, now)``; the wait page polls and feeds
``flow.observe(phone, status, now)`` (and ``flow.tick(now)`` from a timer), showing
``flow.timeline()`` and ``flow.wait_hint``; the reset page shows ``flow.current_step`` with
``highlight_svg(svg, step.keys)`` and a countdown of ``step.hold_s``. On the simulator, advance
its clock past ``settle_s`` after the phone registers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from enum import StrEnum

from compass_desk.domain.catalog import CatalogEntry
from compass_desk.domain.deadline import DEFAULT_CUTOFF, is_lapsed
from compass_desk.domain.diagnosis import Diagnosis, activation_deadline, diagnose
from compass_desk.domain.fixes import ACTIVATE_FIX, FULL_FIX, Finding, Fix, Severity
from compass_desk.domain.flow_texts import FAILURES, MILESTONE_LABELS, SUCCESS, WAIT_HINT, failure, restarted
from compass_desk.domain.guides import Guide, GuideBook, Method, Step, Text
from compass_desk.domain.models import Phone, PhoneStatus, ProvisioningState
from compass_desk.domain.precheck import PreCheck, precheck


class Stage(StrEnum):
    IDENTIFY = "identify"
    PRECHECK = "precheck"
    RESET = "reset"
    WAIT = "wait"
    RESULT = "result"


class Milestone(StrEnum):
    RESET = "reset"
    CONTACTED_VENDOR = "contacted_vendor"
    FETCHED_SETTINGS = "fetched_settings"
    REGISTERED = "registered"

    @property
    def label(self) -> Text:
        return MILESTONE_LABELS[self.value]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    milestone: Milestone
    reached_at: datetime | None


@dataclass(frozen=True, slots=True)
class FlowConfig:
    cutoff: time = DEFAULT_CUTOFF
    settle_s: int = 30  # success must hold this long: the phone may still restart
    wait_limit: timedelta = timedelta(minutes=20)
    clock_skew: timedelta = timedelta(minutes=2)  # between our clock and the platform's timestamps


@dataclass(frozen=True, slots=True)
class FlowResult:
    success: bool
    headline: Text
    findings: tuple[Finding, ...]
    diagnosis: Diagnosis | None = None
    code: str = ""  # "provisioned", or the failure's code

    @property
    def fix(self) -> tuple[Fix, ...]:
        return next((f.fix for f in self.findings if f.fix), ())


class FlowError(RuntimeError):
    """An event that does not fit the flow's stage: a mistake in the caller, not in the phone."""


class ResetFlow:
    def __init__(self, guides: GuideBook, config: FlowConfig | None = None) -> None:
        self.guides = guides
        self.config = config or FlowConfig()
        self.stage = Stage.IDENTIFY
        self.phone: Phone | None = None
        self.status: PhoneStatus | None = None
        self.entry: CatalogEntry | None = None
        self.guide: Guide | None = None
        self.method: Method | None = None
        self.step_index = 0
        self.unknown_mac: str | None = None  # looked up, not in this environment: offer to add it
        self.problem: Text | None = None  # why the identify page cannot go on
        self.can_activate = True
        self.precheck: PreCheck | None = None
        self.notice: Text | None = None  # a warning raised while resetting
        self.result: FlowResult | None = None
        self.reset_at: datetime | None = None
        self.restarts = 0
        self._reached: dict[Milestone, datetime] = {}
        self._seen_offline = False
        self._settle_since: datetime | None = None
        self._limit = self.config.wait_limit

    # --- what the pages show ------------------------------------------------------------------

    def page_complete(self, stage: Stage) -> bool:
        """For ``QWizardPage.isComplete()``: may the user leave *stage*'s page forwards?"""
        if stage is Stage.IDENTIFY:
            return self.phone is not None and self.guide is not None
        if stage is Stage.PRECHECK:
            return self.precheck is not None and self.precheck.ready
        if stage is Stage.RESET:
            return self.method is not None and self.step_index == len(self.method.steps) - 1
        if stage is Stage.WAIT:
            return self.result is not None
        return True

    def can_advance(self) -> bool:
        return self.page_complete(self.stage)

    @property
    def methods(self) -> list[Method]:
        if self.guide is None or self.phone is None:
            return []
        firmware = self.status.firmware_version if self.status else None
        return self.guide.methods_for(self.phone.model, firmware) or self.guide.methods_for(self.phone.model)

    @property
    def current_step(self) -> Step | None:
        return self.method.steps[self.step_index] if self.method else None

    def timeline(self) -> list[TimelineEntry]:
        return [TimelineEntry(m, self._reached.get(m)) for m in Milestone]

    @property
    def wait_hint(self) -> Text:
        return WAIT_HINT if self.restarts == 0 else restarted(self.restarts)

    # --- identify -----------------------------------------------------------------------------

    def mac_not_found(self, mac: str) -> None:
        self._require(Stage.IDENTIFY)
        self.phone, self.status, self.guide, self.method, self.entry = None, None, None, None, None
        self.unknown_mac = mac
        self.problem = None

    def identify(
        self, phone: Phone, status: PhoneStatus | None, now: datetime, *, can_activate: bool = True
    ) -> None:
        self._require(Stage.IDENTIFY)
        self.phone, self.status, self.unknown_mac, self.can_activate = phone, status, None, can_activate
        self.entry = self.guides.catalog.get(phone.model)
        self.guide = self.guides.for_model(phone.model)
        if self.guide is None:
            self.problem = Text(
                f"There is no reset guide for model '{phone.model}'; use the vendor's manual.",
                f"Er is geen resethandleiding voor model '{phone.model}'; gebruik de handleiding van de "
                f"fabrikant.",
            )
            self.method = None
            return
        self.problem = None
        self.method = self.methods[0]
        self.step_index = 0
        self.precheck = precheck(phone, now, self.config.cutoff, can_activate=can_activate)

    # --- moving between pages -----------------------------------------------------------------

    def advance(self, now: datetime) -> Stage:
        """The Next button. Raises :class:`FlowError` when the current page is not complete."""
        if not self.can_advance():
            raise FlowError(f"the {self.stage.value} page is not complete")
        if self.stage is Stage.IDENTIFY:
            self.stage = Stage.PRECHECK
            self._recheck(now)
        elif self.stage is Stage.PRECHECK:
            self.stage, self.notice, self.step_index = Stage.RESET, None, 0
        elif self.stage is Stage.RESET:
            self.report_reset(now)
        elif self.stage is Stage.WAIT:
            self.stage = Stage.RESULT
        return self.stage

    def back(self, now: datetime) -> Stage:
        """The Back button; not while waiting for a reset phone, and not from the result (use retry)."""
        if self.stage is Stage.PRECHECK:
            self.stage = Stage.IDENTIFY
        elif self.stage is Stage.RESET:
            self.stage = Stage.PRECHECK
            self._recheck(now)
        else:
            raise FlowError(f"cannot go back from the {self.stage.value} page")
        return self.stage

    def retry(self, now: datetime) -> None:
        """After a failed result: start again from the pre-check (Activate, reset again)."""
        self._require(Stage.RESULT)
        self.result, self.reset_at, self.notice = None, None, None
        self._reached, self._seen_offline, self._settle_since, self.restarts = {}, False, None, 0
        self._limit = self.config.wait_limit
        self.stage = Stage.PRECHECK
        self._recheck(now)

    def keep_waiting(self, now: datetime) -> None:
        """After a timeout: wait another ``wait_limit``."""
        self._require(Stage.RESULT)
        if self.result is None or self.result.code != "wait-timeout" or self.reset_at is None:
            raise FlowError("only a wait that timed out can continue")
        self._limit = (now - self.reset_at) + self.config.wait_limit
        self.result, self.stage = None, Stage.WAIT

    # --- pre-check and reset ------------------------------------------------------------------

    def activated(self, phone: Phone, now: datetime) -> None:
        """Activate succeeded and returned *phone* (state ``active``, or ``provision`` when it failed)."""
        if self.stage not in (Stage.PRECHECK, Stage.RESET):
            raise FlowError("Activate belongs to the pre-check")
        self.observe(phone, self.status, now)

    def choose_method(self, method_id: str) -> None:
        self._require(Stage.RESET)
        method = next((m for m in self.methods if m.id == method_id), None)
        if method is None:
            raise FlowError(f"method '{method_id}' does not apply to this phone")
        self.method, self.step_index = method, 0

    def next_step(self) -> None:
        self._require(Stage.RESET)
        assert self.method is not None
        self.step_index = min(self.step_index + 1, len(self.method.steps) - 1)

    def previous_step(self) -> None:
        self._require(Stage.RESET)
        self.step_index = max(self.step_index - 1, 0)

    def report_reset(self, now: datetime) -> None:
        """The installer says the phone has been reset (from the reset page, or "already done")."""
        if self.stage not in (Stage.PRECHECK, Stage.RESET):
            raise FlowError("a reset can only be reported from the pre-check or the reset page")
        state = self._phone().provisioning
        lapsed = self._lapsed(now)
        # disabled during the reset page, within the window, means the phone already visited the
        # vendor: progress. After the deadline it is the weekly deregistration instead.
        progressed = self.stage is Stage.RESET and state is ProvisioningState.DISABLED and not lapsed
        self.reset_at, self.stage = now, Stage.WAIT
        self._reached = {Milestone.RESET: now}
        if (state is ProvisioningState.ACTIVE and not lapsed) or progressed:
            self._evaluate(now)
            return
        fix = ACTIVATE_FIX if state in (ProvisioningState.ACTIVE, ProvisioningState.DISABLED) else FULL_FIX
        self._fail("reset-while-not-active", now, fix, state=state.value)

    # --- observations -------------------------------------------------------------------------

    def observe(self, phone: Phone, status: PhoneStatus | None, now: datetime) -> None:
        """A fresh read of the phone and its live status (poll result)."""
        if self.phone is not None and phone.url != self.phone.url:
            raise FlowError("the observation is about another phone")
        if self.phone is None:
            raise FlowError("identify the phone first")
        self.phone, self.status = phone, status
        self.tick(now)

    def tick(self, now: datetime) -> None:
        """Time passes (a timer): deadlines, settling and the wait limit are checked."""
        if self.stage in (Stage.IDENTIFY, Stage.PRECHECK):
            if self.phone is not None and self.guide is not None:
                self._recheck(now)
        elif self.stage is Stage.RESET:
            check = precheck(self._phone(), now, self.config.cutoff, can_activate=self.can_activate)
            # handled as progress by report_reset
            contacted = check.state is ProvisioningState.DISABLED and not self._lapsed(now)
            self.notice = None if check.ready or contacted else check.message
        elif self.stage is Stage.WAIT:
            self._evaluate(now)

    def give_up(self, now: datetime) -> None:
        """The installer stops waiting: show what is known."""
        self._require(Stage.WAIT)
        self._fail("gave-up", now, FULL_FIX)

    # --- internals ----------------------------------------------------------------------------

    def _evaluate(self, now: datetime) -> None:
        phone, status, reset_at = self._phone(), self.status, self.reset_at
        assert reset_at is not None
        state = phone.provisioning
        since = reset_at - self.config.clock_skew
        lapsed = self._lapsed(now)
        if state is ProvisioningState.DISABLED and not lapsed:
            self._mark(Milestone.CONTACTED_VENDOR, now)  # after the deadline: deregistered, not visited
        if (
            status is not None
            and status.last_provisioned_at is not None
            and status.last_provisioned_at >= since
        ):
            self._mark(Milestone.CONTACTED_VENDOR, now)
            self._mark(Milestone.FETCHED_SETTINGS, now)
        online = status is not None and status.online
        if not online:
            self._seen_offline = True
            if Milestone.REGISTERED in self._reached and self._settle_since is not None:
                self.restarts += 1
            self._settle_since = None
        registered_at = status.registered_at if status is not None else None
        fresh = registered_at >= since if registered_at is not None else self._seen_offline
        if online and fresh:
            for milestone in (Milestone.CONTACTED_VENDOR, Milestone.FETCHED_SETTINGS, Milestone.REGISTERED):
                self._mark(milestone, now)

        if lapsed and Milestone.CONTACTED_VENDOR not in self._reached:
            self._fail("deadline-passed-during-wait", now, ACTIVATE_FIX)
            return
        if state in (ProvisioningState.PROVISION, ProvisioningState.DEPROVISION):
            self._fail("vendor-registration-failed", now, FULL_FIX, state=state.value)
            return
        if state is ProvisioningState.DISABLED and online and Milestone.REGISTERED in self._reached:
            self._settle_since = self._settle_since or now
            if now - self._settle_since >= timedelta(seconds=self.config.settle_s):
                self._succeed(now)
            return
        self._settle_since = None
        if now - reset_at >= self._limit:
            self._fail("wait-timeout", now, FULL_FIX)

    def _mark(self, milestone: Milestone, now: datetime) -> None:
        self._reached.setdefault(milestone, now)

    def _succeed(self, now: datetime) -> None:
        findings = (
            (SUCCESS,)
            if not self.restarts
            else (SUCCESS, replace(SUCCESS, code="restarted", meaning=restarted(self.restarts)))
        )
        self.result = FlowResult(
            True,
            SUCCESS.title,
            findings,
            diagnose(self._phone(), self.status, now, self.config.cutoff),
            "provisioned",
        )
        self.stage = Stage.RESULT

    def _fail(self, code: str, now: datetime, fix: tuple[Fix, ...], **values: str) -> None:
        diagnosis = diagnose(self._phone(), self.status, now, self.config.cutoff)
        finding = failure(code, fix, **values)
        others = tuple(f for f in diagnosis.findings if f.severity is not Severity.OK)
        self.result = FlowResult(False, FAILURES[code][0], (finding, *others), diagnosis, code)
        self.stage = Stage.RESULT

    def _lapsed(self, now: datetime) -> bool:
        deadline = activation_deadline(self._phone(), self.config.cutoff)
        return deadline is not None and is_lapsed(deadline, now)

    def _recheck(self, now: datetime) -> None:
        self.precheck = precheck(self._phone(), now, self.config.cutoff, can_activate=self.can_activate)

    def _phone(self) -> Phone:
        if self.phone is None:
            raise FlowError("identify the phone first")
        return self.phone

    def _require(self, stage: Stage) -> None:
        if self.stage is not stage:
            raise FlowError(f"this belongs to the {stage.value} page, not the {self.stage.value} page")
