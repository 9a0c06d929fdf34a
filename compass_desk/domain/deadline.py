"""The weekly deadline of "Provisioning by manufacturer".

An activated phone must be reset before the first Wednesday cutoff after activation, in
Europe/Amsterdam time. The seed text says 00:00 CET, the admin manual 03:00 CET/CEST: the app
takes 00:00 as the deadline (the earlier one) and lets the user choose 03:00. Never more than
7 days (168 real hours) after activation: in the week the clocks go back, an activation in the
first hour after the cutoff therefore lapses on Tuesday 23:xx rather than a week and an hour later.

Durations and comparisons are done in UTC: Python subtracts two datetimes that share a tzinfo by
their wall clocks, which is an hour off across a summer/winter time change.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WEDNESDAY = 2  # datetime.weekday()
DEFAULT_CUTOFF = time(0, 0)
LATE_CUTOFF = time(3, 0)
MAX_WINDOW = timedelta(days=7)


class DeadlineError(ValueError):
    pass


def parse_cutoff(text: str) -> time:
    """``"00:00"`` / ``"3:00"`` → time; the cutoff is a wall-clock time on Wednesday."""
    try:
        hours, minutes = text.strip().split(":")
        value = time(int(hours), int(minutes))
    except (ValueError, TypeError):
        raise DeadlineError(f"'{text}' is not a time of day; use HH:MM, e.g. 00:00 or 03:00") from None
    return value


def _require_aware(moment: datetime, what: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise DeadlineError(f"{what} needs a time zone (e.g. 2026-11-25T10:00+01:00)")


def cutoffs_after(moment: datetime, cutoff: time = DEFAULT_CUTOFF) -> datetime:
    """The first Wednesday *cutoff* (Amsterdam wall clock) strictly after *moment*."""
    _require_aware(moment, "the moment")
    local = moment.astimezone(AMSTERDAM)
    days_ahead = (WEDNESDAY - local.weekday()) % 7
    candidate_day = local.date() + timedelta(days=days_ahead)
    while True:
        # fold=0 picks the first of an ambiguous hour; the non-existent hour of spring does not
        # occur at 00:00 or 03:00 in Amsterdam (the jump is 02:00 → 03:00), but normalise anyway.
        candidate = datetime.combine(candidate_day, cutoff, tzinfo=AMSTERDAM)
        candidate = candidate.astimezone(UTC).astimezone(AMSTERDAM)
        if _utc(candidate) > _utc(moment):
            return candidate
        candidate_day += timedelta(days=7)


def deadline_for(activated_at: datetime, cutoff: time = DEFAULT_CUTOFF) -> datetime:
    """When the registration at the vendor lapses for a phone activated at *activated_at*."""
    _require_aware(activated_at, "the activation time")
    cap = (_utc(activated_at) + MAX_WINDOW).astimezone(AMSTERDAM)
    return min(cutoffs_after(activated_at, cutoff), cap, key=_utc)


def platform_latest(deadline: datetime, late_cutoff: time = LATE_CUTOFF) -> datetime:
    """The latest the platform may really deregister, for a *deadline* from the earlier cutoff.

    The admin manual's cutoff (03:00) on the Wednesday of the deadline: the first *late_cutoff* at
    or after *deadline*. Shown as "may run until", never used as the deadline itself.
    """
    _require_aware(deadline, "the deadline")
    return cutoffs_after(deadline - timedelta(microseconds=1), late_cutoff)


def is_lapsed(deadline: datetime, now: datetime) -> bool:
    return _utc(now) >= _utc(deadline)


def time_left(deadline: datetime, now: datetime) -> timedelta:
    """Real time (not wall-clock time) from *now* until *deadline*; zero once lapsed."""
    return max(_utc(deadline) - _utc(now), timedelta(0))


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def time_left_text(deadline: datetime, now: datetime) -> str:
    """``"2 days 4 hours"``, ``"3 hours 12 minutes"``, ``"45 minutes"``, ``"lapsed"``."""
    remaining = time_left(deadline, now)
    if remaining <= timedelta(0):
        return "lapsed"
    total_minutes = int(remaining.total_seconds() // 60)
    days, rest = divmod(total_minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)

    def unit(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    if days:
        return unit(days, "day") + (f" {unit(hours, 'hour')}" if hours else "")
    if hours:
        return unit(hours, "hour") + (f" {unit(minutes, 'minute')}" if minutes else "")
    if minutes:
        return unit(minutes, "minute")
    return "less than a minute"
