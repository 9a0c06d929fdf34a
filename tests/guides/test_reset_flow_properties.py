"""Whatever the phone reports while waiting, the flow ends sensibly and never claims a false success."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from compass_desk.domain.models import ProvisioningState as S
from compass_desk.domain.reset_flow import FlowConfig, ResetFlow, Stage

from .helpers import at, make_phone, make_status

T0 = at("2026-11-24 18:00")  # Tuesday evening: the 00:00 deadline falls inside some runs
ACTIVATED = at("2026-11-24 09:00")

observation = st.tuples(
    st.sampled_from(list(S)),
    st.booleans(),  # online
    st.one_of(st.none(), st.integers(-120, 600)),  # last provisioned, minutes after the reset
    st.one_of(st.none(), st.integers(-120, 600)),  # registered, minutes after the reset
    st.integers(0, 45),  # minutes until the next poll
)


@settings(max_examples=150, deadline=None)
@given(st.lists(observation, max_size=25))
def test_any_sequence_of_observations(book, observations):
    flow = ResetFlow(book, FlowConfig(settle_s=30, wait_limit=timedelta(minutes=90)))
    flow.identify(make_phone(S.ACTIVE, ACTIVATED), None, T0)
    flow.advance(T0)
    flow.advance(T0)
    flow.report_reset(T0)
    now = T0
    ended_at = None
    for state, online, provisioned, registered, gap in observations:
        now += timedelta(minutes=gap, seconds=1)
        phone = make_phone(state, ACTIVATED)
        status = make_status(
            online,
            None if provisioned is None else T0 + timedelta(minutes=provisioned),
            None if registered is None else T0 + timedelta(minutes=registered),
        )
        flow.observe(phone, status, now)
        if flow.stage is Stage.RESULT and ended_at is None:
            ended_at = (state, online)
        if flow.stage is Stage.RESULT:
            assert flow.result is not None and flow.page_complete(Stage.WAIT)
        else:
            assert flow.stage is Stage.WAIT and flow.result is None
        if flow.result is not None and flow.result.success:
            # success only on a disabled, online phone, seen before the deadline passed
            assert ended_at == (S.DISABLED, True)
            assert flow.result.findings[0].code == "provisioned"
    reached = [e.reached_at for e in flow.timeline()]
    known = [t for t in reached if t is not None]
    assert known == sorted(known)  # milestones are reached in order
    assert all(t is None for t in reached[reached.index(None) :]) if None in reached else True
