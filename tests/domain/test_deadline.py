"""The weekly deadline of provisioning by manufacturer: DST changes, exact cutoffs, 7-day cap."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compass_desk.domain.deadline import (
    AMSTERDAM,
    DEFAULT_CUTOFF,
    LATE_CUTOFF,
    MAX_WINDOW,
    DeadlineError,
    cutoffs_after,
    deadline_for,
    is_lapsed,
    parse_cutoff,
    platform_latest,
    time_left,
    time_left_text,
)


def ams(*args: int) -> datetime:
    return datetime(*args, tzinfo=AMSTERDAM)  # type: ignore[misc]


# 2026: summer time starts Sunday 29 March (02:00 CET → 03:00 CEST) and ends Sunday 25 October
# (03:00 CEST → 02:00 CET).


def test_ordinary_week():
    assert deadline_for(ams(2026, 11, 26, 10, 0)) == ams(2026, 12, 2, 0, 0)
    assert deadline_for(ams(2026, 11, 24, 23, 59)) == ams(2026, 11, 25, 0, 0)


def test_across_the_start_of_summer_time():
    deadline = deadline_for(ams(2026, 3, 26, 10, 0))  # Thursday, CET
    assert deadline == ams(2026, 4, 1, 0, 0)
    assert deadline.utcoffset() == timedelta(hours=2)  # the cutoff is midnight CEST
    assert deadline.astimezone(UTC) == datetime(2026, 3, 31, 22, 0, tzinfo=UTC)


def test_across_the_end_of_summer_time():
    deadline = deadline_for(ams(2026, 10, 22, 12, 0))  # Thursday, CEST
    assert deadline == ams(2026, 10, 28, 0, 0)
    assert deadline.utcoffset() == timedelta(hours=1)
    assert deadline.astimezone(UTC) == datetime(2026, 10, 27, 23, 0, tzinfo=UTC)


def test_exactly_at_the_cutoff_gives_next_weeks_deadline():
    # strictly after: activation at Wednesday 00:00 sharp is already past this week's cutoff
    assert deadline_for(ams(2026, 11, 25, 0, 0)) == ams(2026, 12, 2, 0, 0)
    assert deadline_for(ams(2026, 11, 24, 23, 59, 59)) == ams(2026, 11, 25, 0, 0)
    assert cutoffs_after(ams(2026, 11, 25, 0, 0)) == ams(2026, 12, 2, 0, 0)


def test_exactly_at_the_cutoff_in_the_spring_week_is_less_than_seven_days():
    activated = ams(2026, 3, 25, 0, 0)
    deadline = deadline_for(activated)
    assert deadline == ams(2026, 4, 1, 0, 0)
    assert deadline.astimezone(UTC) - activated.astimezone(UTC) == timedelta(days=7) - timedelta(hours=1)
    assert time_left(deadline, activated) == timedelta(days=6, hours=23)


def test_seven_day_cap_in_the_autumn_week():
    # The next Wednesday midnight is 7 days and 1 hour away (the clock goes back on Sunday); the
    # registration lasts at most 7 days, so the deadline falls an hour earlier, on Tuesday 23:00.
    activated = ams(2026, 10, 21, 0, 0)
    deadline = deadline_for(activated)
    assert deadline.astimezone(UTC) == activated.astimezone(UTC) + MAX_WINDOW
    assert deadline == ams(2026, 10, 27, 23, 0)
    assert time_left(deadline, activated) == MAX_WINDOW
    assert cutoffs_after(activated) == ams(2026, 10, 28, 0, 0)


def test_late_cutoff():
    assert deadline_for(ams(2026, 11, 25, 2, 59), LATE_CUTOFF) == ams(2026, 11, 25, 3, 0)
    assert deadline_for(ams(2026, 11, 25, 3, 0), LATE_CUTOFF) == ams(2026, 12, 2, 3, 0)
    assert deadline_for(ams(2026, 11, 25, 0, 30), LATE_CUTOFF) == ams(2026, 11, 25, 3, 0)
    spring = deadline_for(ams(2026, 3, 26, 9, 0), LATE_CUTOFF)
    assert spring == ams(2026, 4, 1, 3, 0) and spring.utcoffset() == timedelta(hours=2)
    autumn = deadline_for(ams(2026, 10, 22, 9, 0), LATE_CUTOFF)
    assert autumn == ams(2026, 10, 28, 3, 0) and autumn.utcoffset() == timedelta(hours=1)


def test_activation_given_in_another_time_zone():
    assert deadline_for(datetime(2026, 11, 24, 23, 30, tzinfo=UTC)) == ams(2026, 12, 2, 0, 0)  # Wed 00:30
    assert deadline_for(datetime(2026, 11, 24, 22, 59, tzinfo=UTC)) == ams(2026, 11, 25, 0, 0)  # Tue 23:59
    new_york = ZoneInfo("America/New_York")
    assert deadline_for(datetime(2026, 11, 24, 18, 30, tzinfo=new_york)) == ams(2026, 12, 2, 0, 0)
    assert deadline_for(datetime(2026, 11, 24, 17, 30, tzinfo=new_york)) == ams(2026, 11, 25, 0, 0)


def test_deadline_is_shown_in_amsterdam_time():
    deadline = deadline_for(datetime(2026, 11, 26, 9, 0, tzinfo=UTC))
    assert deadline.tzinfo is AMSTERDAM
    assert (deadline.hour, deadline.minute, deadline.weekday()) == (0, 0, 2)


def test_times_without_a_zone_are_refused():
    with pytest.raises(DeadlineError, match="needs a time zone"):
        deadline_for(datetime(2026, 11, 26, 10, 0))
    with pytest.raises(DeadlineError, match="needs a time zone"):
        cutoffs_after(datetime(2026, 11, 26, 10, 0))


@pytest.mark.parametrize(
    ("text", "value"),
    [("00:00", time(0, 0)), ("3:00", time(3, 0)), (" 03:00 ", time(3, 0)), ("23:59", time(23, 59))],
)
def test_parse_cutoff(text, value):
    assert parse_cutoff(text) == value


@pytest.mark.parametrize("text", ["", "3", "24:00", "03:60", "ab:cd", "03:00:00", "-1:00", "3.00"])
def test_parse_cutoff_rejects(text):
    with pytest.raises(DeadlineError, match="is not a time of day; use HH:MM"):
        parse_cutoff(text)


def test_platform_latest_is_the_late_cutoff_of_the_deadline_wednesday():
    assert platform_latest(ams(2026, 12, 2, 0, 0)) == ams(2026, 12, 2, 3, 0)
    assert platform_latest(ams(2026, 10, 27, 23, 0)) == ams(2026, 10, 28, 3, 0)  # after the 7-day cap
    assert platform_latest(ams(2026, 12, 2, 3, 0)) == ams(2026, 12, 2, 3, 0)


@pytest.mark.parametrize(
    ("left", "text"),
    [
        (timedelta(days=2, hours=4, minutes=30), "2 days 4 hours"),
        (timedelta(days=6, hours=23, minutes=59), "6 days 23 hours"),
        (timedelta(days=1), "1 day"),
        (timedelta(days=1, hours=1), "1 day 1 hour"),
        (timedelta(days=1, hours=23, minutes=59, seconds=59), "1 day 23 hours"),  # never rounds up
        (timedelta(hours=3, minutes=12), "3 hours 12 minutes"),
        (timedelta(hours=1), "1 hour"),
        (timedelta(hours=1, minutes=1), "1 hour 1 minute"),
        (timedelta(minutes=45), "45 minutes"),
        (timedelta(minutes=1), "1 minute"),
        (timedelta(seconds=30), "less than a minute"),
        (timedelta(0), "lapsed"),
        (timedelta(minutes=-5), "lapsed"),
    ],
)
def test_time_left_text(left, text):
    deadline = ams(2026, 12, 2, 0, 0)
    assert time_left_text(deadline, deadline - left) == text


def test_time_left_counts_real_hours_across_a_clock_change():
    # Saturday noon before summer time to Wednesday midnight: 3 days 12 hours on the wall, 3 days 11 real.
    assert time_left_text(ams(2026, 4, 1, 0, 0), ams(2026, 3, 28, 12, 0)) == "3 days 11 hours"
    assert time_left_text(ams(2026, 10, 28, 0, 0), ams(2026, 10, 24, 12, 0)) == "3 days 13 hours"


def test_is_lapsed_at_and_after_the_deadline():
    deadline = ams(2026, 12, 2, 0, 0)
    assert not is_lapsed(deadline, deadline - timedelta(seconds=1))
    assert is_lapsed(deadline, deadline)
    assert is_lapsed(deadline, deadline + timedelta(days=1))


zones = st.sampled_from([UTC, AMSTERDAM, ZoneInfo("America/New_York"), ZoneInfo("Asia/Kolkata"),
                         timezone(timedelta(hours=-9, minutes=-30))])  # fmt: skip
moments = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2037, 12, 31), timezones=zones)
cutoffs = st.sampled_from([DEFAULT_CUTOFF, LATE_CUTOFF, time(1, 30), time(23, 0)])


@given(moments, cutoffs)
def test_deadline_is_after_activation_and_never_more_than_seven_days(activated, cutoff):
    deadline = deadline_for(activated, cutoff)
    start = activated.astimezone(UTC)
    assert start < deadline.astimezone(UTC) <= start + MAX_WINDOW
    assert timedelta(0) < time_left(deadline, activated) <= MAX_WINDOW
    first_cutoff = cutoffs_after(activated, cutoff)
    # it is the first cutoff after activation, unless the 7-day cap comes before it
    cap = start + MAX_WINDOW
    capped = deadline.astimezone(UTC) == cap and first_cutoff.astimezone(UTC) > cap
    assert deadline == first_cutoff or capped
    local = first_cutoff.astimezone(AMSTERDAM)
    assert local.weekday() == 2 and local.time() == cutoff
    assert first_cutoff.astimezone(UTC) - start <= MAX_WINDOW + timedelta(hours=1)
    assert time_left_text(deadline, activated) != "lapsed"
