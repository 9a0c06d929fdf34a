"""The "Provision this phone" state machine, driven by events and observations, without Qt."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from compass_desk.domain.fixes import Fix
from compass_desk.domain.models import ProvisioningState as S
from compass_desk.domain.reset_flow import FlowConfig, FlowError, Milestone, ResetFlow, Stage

from .helpers import at, make_phone, make_status

T0 = at("2026-11-23 10:00")  # Monday
EARLIER = at("2026-10-01 09:00")
WORKING = make_status(True, EARLIER, EARLIER, firmware="10.1.198.19")


def minutes(n: float):
    return T0 + timedelta(minutes=n)


def reached(flow):
    return [entry.milestone for entry in flow.timeline() if entry.reached_at is not None]


def flow_at_reset(book, phone=None, status=WORKING, **config):
    """A flow on the reset page for an activated D785 (activated at T0)."""
    flow = ResetFlow(book, FlowConfig(**config))
    flow.identify(phone or make_phone(S.ACTIVE, T0), status, T0)
    flow.advance(T0)
    flow.advance(T0)
    assert flow.stage is Stage.RESET
    return flow


def flow_waiting(book, **config):
    flow = flow_at_reset(book, **config)
    while not flow.can_advance():
        flow.next_step()
    flow.advance(minutes(5))
    assert flow.stage is Stage.WAIT
    return flow


def test_identify_activate_reset_wait_success(book):
    flow = ResetFlow(book)
    assert not flow.page_complete(Stage.IDENTIFY)
    old = make_phone(S.DISABLED, EARLIER)
    flow.identify(old, WORKING, T0)
    assert flow.page_complete(Stage.IDENTIFY) and flow.guide.family == "snom-d7xx"
    assert flow.method.id == "restart-hold-hash" and flow.current_step.number == 1

    assert flow.advance(T0) is Stage.PRECHECK
    assert not flow.can_advance() and flow.precheck.offer_activate  # disabled: Activate first
    with pytest.raises(FlowError):
        flow.advance(T0)
    flow.activated(make_phone(S.ACTIVE, minutes(1)), minutes(1))
    assert flow.can_advance() and flow.precheck.deadline == at("2026-11-25 00:00")

    assert flow.advance(minutes(2)) is Stage.RESET
    steps = len(flow.method.steps)
    for _ in range(steps - 1):
        assert not flow.page_complete(Stage.RESET)
        flow.next_step()
    assert flow.page_complete(Stage.RESET)
    flow.next_step()  # stays on the last step
    assert flow.step_index == steps - 1

    assert flow.advance(minutes(5)) is Stage.WAIT
    assert reached(flow) == [Milestone.RESET] and not flow.page_complete(Stage.WAIT)

    active = make_phone(S.ACTIVE, minutes(1))
    disabled = replace(active, provisioning=S.DISABLED)
    flow.observe(active, make_status(False, EARLIER, EARLIER), minutes(6))  # restarting
    assert reached(flow) == [Milestone.RESET]
    flow.observe(disabled, make_status(False, EARLIER, EARLIER), minutes(7))
    assert reached(flow) == [Milestone.RESET, Milestone.CONTACTED_VENDOR]
    flow.observe(disabled, make_status(False, minutes(7.5), EARLIER), minutes(8))
    assert reached(flow)[-1] is Milestone.FETCHED_SETTINGS
    flow.observe(disabled, make_status(True, minutes(7.5), minutes(8.5)), minutes(9))
    assert reached(flow) == list(Milestone) and flow.stage is Stage.WAIT  # settling: may still restart

    flow.observe(disabled, make_status(False, minutes(7.5), minutes(8.5)), minutes(9.2))  # it restarts
    assert flow.restarts == 1 and "1" not in flow.wait_hint.en and "once" in flow.wait_hint.en
    flow.observe(disabled, make_status(True, minutes(7.5), minutes(9.5)), minutes(10))
    flow.tick(minutes(10.4))
    assert flow.stage is Stage.WAIT
    flow.tick(minutes(10.5))  # idle for 30 s
    assert flow.stage is Stage.RESULT and flow.page_complete(Stage.WAIT)
    assert flow.result.success and flow.result.code == "provisioned"
    assert [f.code for f in flow.result.findings] == ["provisioned", "restarted"]


def test_report_reset_while_disabled_gives_a_diagnosis(book):
    flow = ResetFlow(book)
    flow.identify(make_phone(S.DISABLED, EARLIER), WORKING, T0)
    flow.advance(T0)
    flow.report_reset(minutes(1))  # "I have already reset it"
    assert flow.stage is Stage.RESULT and not flow.result.success
    assert flow.result.code == "reset-while-not-active"
    assert "(disabled)" in flow.result.findings[0].title.en
    assert flow.result.fix[0] is Fix.ACTIVATE
    assert flow.result.diagnosis is not None


def test_state_failing_during_the_reset_page_warns_and_ends_in_a_diagnosis(book):
    flow = flow_at_reset(book)
    flow.observe(make_phone(S.PROVISION, T0), WORKING, minutes(1))
    assert flow.notice is not None and "provision" in flow.notice.en
    while not flow.can_advance():
        flow.next_step()
    flow.advance(minutes(3))
    assert flow.result.code == "reset-while-not-active" and flow.result.fix[0] is Fix.REMOVE_AND_READD
    assert "registration-failed" in [f.code for f in flow.result.findings]


def test_deadline_lapsing_on_the_reset_page_is_a_reset_while_not_active(book):
    tuesday_evening = at("2026-11-24 23:40")
    flow = flow_at_reset(book)
    flow.tick(tuesday_evening)
    assert flow.notice is None
    flow.tick(at("2026-11-25 00:01"))
    assert flow.notice is not None and "lapsed" in flow.notice.en
    flow.report_reset(at("2026-11-25 00:02"))
    assert flow.result.code == "reset-while-not-active"


def test_phone_already_disabled_on_the_reset_page_counts_as_progress(book):
    flow = flow_at_reset(book)
    flow.observe(make_phone(S.DISABLED, T0), WORKING, minutes(3))
    assert flow.notice is None  # not a warning: the reset phone reached the vendor
    flow.report_reset(minutes(4))
    assert flow.stage is Stage.WAIT and Milestone.CONTACTED_VENDOR in reached(flow)


def test_deadline_passing_during_the_wait_fails_with_activate_first(book):
    activated = at("2026-11-24 20:00")
    flow = ResetFlow(book)
    flow.identify(make_phone(S.ACTIVE, activated), WORKING, activated)
    flow.advance(activated)
    assert flow.precheck.deadline_soon and flow.precheck.warning is not None
    flow.advance(activated)
    flow.report_reset(at("2026-11-24 23:50"))
    flow.observe(make_phone(S.ACTIVE, activated), make_status(False), at("2026-11-24 23:59"))
    assert flow.stage is Stage.WAIT
    flow.tick(at("2026-11-25 00:00:01"))
    assert flow.stage is Stage.RESULT and flow.result.code == "deadline-passed-during-wait"
    assert flow.result.fix[:2] == (Fix.ACTIVATE, Fix.FACTORY_RESET)


def test_deadline_passing_after_the_vendor_was_contacted_is_harmless(book):
    activated = at("2026-11-24 20:00")
    flow = ResetFlow(book, FlowConfig(settle_s=0))
    flow.identify(make_phone(S.ACTIVE, activated), WORKING, activated)
    flow.advance(activated)
    flow.report_reset(at("2026-11-24 23:50"))
    flow.observe(make_phone(S.DISABLED, activated), make_status(False), at("2026-11-24 23:58"))
    flow.tick(at("2026-11-25 00:05"))
    assert flow.stage is Stage.WAIT
    flow.observe(
        make_phone(S.DISABLED, activated),
        make_status(True, at("2026-11-25 00:06"), at("2026-11-25 00:07")),
        at("2026-11-25 00:08"),
    )
    assert flow.result.success


def test_vendor_registration_failing_during_the_wait(book):
    flow = flow_waiting(book)
    flow.observe(make_phone(S.DEPROVISION, T0), make_status(False), minutes(6))
    assert (
        flow.result.code == "vendor-registration-failed" and "deprovision" in flow.result.findings[0].title.en
    )


def test_no_progress_times_out_then_can_keep_waiting(book):
    flow = flow_waiting(book, wait_limit=timedelta(minutes=20))
    flow.tick(minutes(24))
    assert flow.stage is Stage.WAIT
    flow.tick(minutes(25))
    assert flow.result.code == "wait-timeout" and not flow.result.success
    flow.keep_waiting(minutes(26))
    assert flow.stage is Stage.WAIT and flow.result is None
    flow.tick(minutes(45))
    assert flow.stage is Stage.WAIT
    flow.tick(minutes(46))
    assert flow.result.code == "wait-timeout"


def test_give_up_and_retry_from_the_pre_check(book):
    flow = flow_waiting(book)
    flow.give_up(minutes(7))
    assert flow.result.code == "gave-up"
    with pytest.raises(FlowError):
        flow.keep_waiting(minutes(8))  # only after a timeout
    flow.retry(minutes(8))
    assert flow.stage is Stage.PRECHECK and flow.result is None and reached(flow) == []


def test_a_registration_from_before_the_reset_does_not_count(book):
    flow = flow_waiting(book, settle_s=0)
    disabled = make_phone(S.DISABLED, T0)
    flow.observe(disabled, make_status(True, EARLIER, EARLIER), minutes(6))  # the old registration
    assert Milestone.REGISTERED not in reached(flow) and flow.stage is Stage.WAIT
    # without registeredAt, "online" only counts after the phone was seen offline since the reset
    flow.observe(disabled, make_status(True, None, None), minutes(7))
    assert Milestone.REGISTERED not in reached(flow)
    flow.observe(disabled, make_status(False, None, None), minutes(8))
    flow.observe(disabled, make_status(True, None, None), minutes(9))
    assert flow.result.success


def test_unknown_mac_and_model_without_guide_keep_the_identify_page_open(book):
    flow = ResetFlow(book)
    flow.mac_not_found("000413123456")
    assert flow.unknown_mac == "000413123456" and not flow.can_advance()
    flow.identify(make_phone(S.ACTIVE, T0, model="snom-d999"), None, T0)
    assert flow.problem is not None and "snom-d999" in flow.problem.en and not flow.can_advance()
    flow.identify(make_phone(S.ACTIVE, T0, model="yealink-t46u"), None, T0)
    assert flow.problem is None and flow.method.id == "hold-ok" and flow.can_advance()


def test_events_out_of_place_are_refused(book):
    flow = ResetFlow(book)
    with pytest.raises(FlowError):
        flow.observe(make_phone(), None, T0)  # nothing identified yet
    flow.identify(make_phone(S.ACTIVE, T0), WORKING, T0)
    with pytest.raises(FlowError):
        flow.next_step()
    flow.advance(T0)
    flow.advance(T0)
    with pytest.raises(FlowError):
        flow.observe(replace(make_phone(), url="https://rest.example/phone/2"), None, T0)
    with pytest.raises(FlowError):
        flow.choose_method("no-such-method")
    flow.choose_method("web-reset")
    assert flow.method.id == "web-reset" and flow.step_index == 0
    assert flow.back(T0) is Stage.PRECHECK and flow.back(T0) is Stage.IDENTIFY
    flow.advance(T0)
    flow.advance(T0)
    flow.report_reset(minutes(1))
    with pytest.raises(FlowError):
        flow.back(minutes(2))  # the phone is resetting: no way back
    with pytest.raises(FlowError):
        flow.activated(make_phone(S.ACTIVE, T0), minutes(2))


def test_methods_follow_the_phones_firmware(book):
    flow = ResetFlow(book)
    flow.identify(make_phone(S.ACTIVE, T0, model="snom-d717"), make_status(firmware="6.5.20"), T0)
    assert [m.id for m in flow.methods] == ["settings-menu"]
    flow.advance(T0)
    flow.advance(T0)
    with pytest.raises(FlowError):
        flow.choose_method("web-reset")  # firmware V6 has no such page


def test_without_write_access_the_pre_check_does_not_offer_activate(book):
    flow = ResetFlow(book)
    flow.identify(make_phone(S.DISABLED), WORKING, T0, can_activate=False)
    flow.advance(T0)
    assert not flow.precheck.offer_activate and not flow.can_advance()


@pytest.mark.parametrize("after_cutoff", [S.DISABLED, S.DEPROVISION])
def test_weekly_deregistration_during_the_wait_is_not_mistaken_for_progress(book, after_cutoff):
    # At the cutoff the platform drops phones that never visited the vendor; the state may then read
    # disabled (or deprovision when that fails), which must not count as "contacted the vendor".
    activated = at("2026-11-24 20:00")
    flow = ResetFlow(book)
    flow.identify(make_phone(S.ACTIVE, activated), WORKING, activated)
    flow.advance(activated)
    flow.report_reset(at("2026-11-24 23:50"))
    flow.observe(make_phone(after_cutoff, activated), make_status(False), at("2026-11-25 00:01"))
    assert flow.result.code == "deadline-passed-during-wait"
    assert Milestone.CONTACTED_VENDOR not in reached(flow)
