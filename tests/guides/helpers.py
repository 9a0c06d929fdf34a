"""Builders for phones, statuses and Amsterdam times used by the guide and flow tests."""

from __future__ import annotations

from datetime import datetime

from compass_desk.domain.deadline import AMSTERDAM
from compass_desk.domain.models import Phone, PhoneStatus, ProvisioningState


def at(text: str) -> datetime:
    """An Amsterdam wall-clock time, e.g. at("2026-11-23 10:00") (a Monday)."""
    return datetime.fromisoformat(text).replace(tzinfo=AMSTERDAM)


def make_phone(state=ProvisioningState.ACTIVE, activated_at=None, model="snom-d785", **kw) -> Phone:
    return Phone(
        url="https://rest.example/phone/1",
        resource_id="1",
        name="Reception",
        mac="000413aabbcc",
        model=model,
        company_url="https://rest.example/company/1",
        provisioning=state,
        activated_at=activated_at,
        **kw,
    )


def make_status(online=False, provisioned_at=None, registered_at=None, firmware=None) -> PhoneStatus:
    return PhoneStatus(
        online=online,
        registered_at=registered_at,
        last_provisioned_at=provisioned_at,
        firmware_version=firmware,
    )
