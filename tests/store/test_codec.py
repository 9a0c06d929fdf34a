"""Domain dataclasses to JSON and back, exactly."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compass_desk.domain.models import (
    Company,
    CustomSetting,
    Encryption,
    Phone,
    PhoneModel,
    PhoneSnapshot,
    PhoneStatus,
    ProvisioningState,
    Vendor,
)
from compass_desk.store import codec

from .conftest import company, phone, status

offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
moments = st.one_of(
    st.none(),
    st.datetimes(timezones=offsets),
    st.datetimes(timezones=st.just(UTC)),
)
texts = st.text(max_size=20)


@st.composite
def phones(draw) -> Phone:
    return Phone(
        url=draw(texts),
        resource_id=draw(texts),
        name=draw(texts),
        mac=draw(st.text("0123456789abcdef", min_size=12, max_size=12)),
        model=draw(texts),
        company_url=draw(texts),
        provisioning=draw(st.sampled_from(ProvisioningState)),
        activated_at=draw(moments),
        firmware=draw(st.none() | texts),
        vlan_id=draw(st.none() | st.integers(0, 4094)),
        encryption=draw(st.sampled_from(Encryption)),
        expansion_pads=draw(st.integers(0, 6)),
        codec_profile=draw(st.none() | texts),
        logged_in_user=draw(st.none() | texts),
    )


@settings(max_examples=150, deadline=None)
@given(phones())
def test_phones_round_trip_exactly(value):
    back = codec.loads(Phone, codec.dumps(value))
    assert back == value
    if value.activated_at is not None:
        assert back.activated_at.utcoffset() == value.activated_at.utcoffset()
    assert type(back.provisioning) is ProvisioningState


@settings(max_examples=100, deadline=None)
@given(
    st.builds(
        PhoneStatus,
        online=st.booleans(),
        private_ip=st.none() | texts,
        public_ip=st.none() | texts,
        user_agent=st.none() | texts,
        firmware_version=st.none() | texts,
        registered_at=moments,
        last_provisioned_at=moments,
    )
)
def test_statuses_round_trip_exactly(value):
    assert codec.loads(PhoneStatus, codec.dumps(value)) == value


def test_nested_dataclasses_tuples_and_lists_round_trip():
    model = PhoneModel("yealink-t54w", Vendor.YEALINK, "T54W", True, ("96.86.0.70", "96.86.0.75"))
    back = codec.loads(PhoneModel, codec.dumps(model))
    assert back == model and isinstance(back.firmwares, tuple)
    snapshot = PhoneSnapshot(
        phone(3), [CustomSetting("user_pname1", "x"), CustomSetting("a", "b")], status(3)
    )
    assert codec.loads(PhoneSnapshot, codec.dumps(snapshot)) == snapshot
    assert codec.decode(Company, codec.encode(company(1))) == company(1)


def test_naive_datetimes_stay_naive():
    value = phone(2, activated_at=datetime(2026, 1, 1, 12, 0))
    assert codec.loads(Phone, codec.dumps(value)).activated_at.tzinfo is None


def test_missing_optional_fields_take_defaults_and_unknown_keys_are_ignored():
    data = codec.encode(phone(1))
    del data["codec_profile"], data["expansion_pads"]
    data["added_in_a_later_version"] = [1, 2]
    back = codec.decode(Phone, data)
    assert back.codec_profile is None and back.expansion_pads == 0


@pytest.mark.parametrize(
    "change",
    [
        {"provisioning": "exploded"},  # an enum value this version does not know
        {"vlan_id": "twenty"},
        {"vlan_id": True},  # a bool is not a VLAN number
        {"activated_at": "yesterday"},
        {"name": 12},
    ],
)
def test_data_that_does_not_fit_raises_codec_error(change):
    data = {**codec.encode(phone(1)), **change}
    with pytest.raises(codec.CodecError):
        codec.decode(Phone, data)


def test_a_missing_required_field_raises_codec_error():
    data = codec.encode(phone(1))
    del data["mac"]
    with pytest.raises(codec.CodecError, match="mac"):
        codec.decode(Phone, data)


def test_broken_json_raises_codec_error():
    with pytest.raises(codec.CodecError):
        codec.loads(Phone, "{not json")


def test_encode_gives_plain_json():
    text = json.dumps(codec.encode({"phones": [phone(1)], "at": datetime(2026, 1, 1, tzinfo=UTC)}))
    assert '"provisioning": "disabled"' in text and "2026-01-01T00:00:00+00:00" in text
    with pytest.raises(TypeError):
        codec.encode({"x": object()})
