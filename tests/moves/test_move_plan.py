"""The pure checks made before a move: rights on both sides, methods, what a move by hand loses."""

from __future__ import annotations

import pytest

from compass_desk.domain.models import Access, Company, Phone, ProvisioningState
from compass_desk.domain.move_plan import (
    MoveMethod,
    MoveRefused,
    check_environment_switch,
    check_move,
    default_method,
    target_choices,
)

SRC = Company("https://r/company/a", "a", "Source", access=Access.WRITE)
DST = Company("https://r/company/b", "b", "Target", access=Access.WRITE)
RO = Company("https://r/company/c", "c", "Read only", access=Access.READ)
PHONE = Phone("https://r/phone/1", "1", "Desk", "000413aabbcc", "snom-d785", SRC.url,
              ProvisioningState.DISABLED, firmware="10.1.159.12", logged_in_user="https://r/user/9")


def test_api_plan_keeps_everything():
    plan = check_move(PHONE, SRC, DST, MoveMethod.API, "production")
    assert plan.losses == () and not plan.needs_reset and plan.source_name == "Source"


def test_manual_plan_lists_what_is_lost():
    plan = check_move(PHONE, SRC, DST, MoveMethod.MANUAL, "production", custom_settings=2)
    text = " ".join(map(str, plan.losses))
    dutch = " ".join(loss.nl for loss in plan.losses)
    assert plan.needs_reset
    assert "2 custom settings" in text and "10.1.159.12" in text and "logged out" in text
    assert "factory defaults" in text
    assert "2 eigen instellingen" in dutch and "10.1.159.12" in dutch and "afgemeld" in dutch


@pytest.mark.parametrize(("source", "target", "words"), [
    (RO, DST, "out of it"),
    (SRC, RO, "into it"),
    (None, DST, "no rights"),
])
def test_rights_on_both_sides(source, target, words):
    phone = PHONE if source is not RO else Phone(**{**_fields(PHONE), "company_url": RO.url})
    with pytest.raises(MoveRefused) as caught:
        check_move(phone, source, target, MoveMethod.API, "production")
    assert caught.value.read_only and words in caught.value.reason


def _fields(phone):
    return {name: getattr(phone, name) for name in phone.__dataclass_fields__}


def test_unsupported_method_suggests_the_other():
    with pytest.raises(MoveRefused, match="move by hand"):
        check_move(PHONE, SRC, DST, MoveMethod.API, "p", supports=lambda op: op != "migrate")
    assert default_method(lambda op: op != "migrate") is MoveMethod.MANUAL
    assert default_method(lambda op: True) is MoveMethod.API


def test_target_choices_grey_out_with_a_reason():
    choices = {c.company.name: c for c in target_choices([SRC, DST, RO], PHONE)}
    assert choices["Target"].selectable
    assert not choices["Source"].selectable and "already" in str(choices["Source"].reason)
    assert not choices["Read only"].selectable and "read-only" in str(choices["Read only"].reason)


def test_environment_switch_checks():
    with pytest.raises(MoveRefused, match="one the phone is on"):
        check_environment_switch("production", "production", None)
    with pytest.raises(MoveRefused) as caught:
        check_environment_switch("production", "staging", RO)
    assert caught.value.read_only
    check_environment_switch("production", "staging", DST)
