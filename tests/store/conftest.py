"""Factories for the store tests: realistic companies, phones and statuses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from compass_desk.domain.models import Access, Company, Encryption, Phone, PhoneStatus, ProvisioningState

BASE = "https://rest.example.com"
CET = timezone(timedelta(hours=1))


def company(i: int, access: Access | None = Access.WRITE) -> Company:
    return Company(f"{BASE}/company/{i}", f"c{i}", f"Bakkerij Zürich {i}", f"bz{i}", access)


def phone(i: int, company_index: int = 0, **changes) -> Phone:
    values = dict(
        url=f"{BASE}/phone/{i}",
        resource_id=f"p{i}",
        name=f"Balie {i}",
        mac=f"000413{i:06x}",
        model="snom-d785",
        company_url=f"{BASE}/company/{company_index}",
        provisioning=list(ProvisioningState)[i % 4],
        activated_at=datetime(2026, 11, 25, 9, 30, 15, 123456, tzinfo=CET) if i % 2 == 0 else None,
        firmware="10.1.159.12" if i % 3 else None,
        vlan_id=20 if i % 5 == 0 else None,
        encryption=Encryption.MANDATORY if i % 7 == 0 else Encryption.OPTIONAL,
        expansion_pads=i % 3,
        codec_profile="hd" if i % 4 == 0 else None,
        logged_in_user=f"{BASE}/user/{i}" if i % 2 else None,
    )
    values.update(changes)
    return Phone(**values)


def status(i: int) -> PhoneStatus:
    return PhoneStatus(
        online=bool(i % 2),
        private_ip=f"10.0.0.{i % 250}",
        public_ip="[2001:db8::1]:5060" if i % 2 else "203.0.113.7:5060",
        user_agent="snomD785/10.1.159.12",
        firmware_version="10.1.159.12",
        registered_at=datetime(2026, 11, 28, 8, 0, tzinfo=UTC),
        last_provisioned_at=datetime(
            2026, 11, 28, 9, 0, 1, tzinfo=timezone(timedelta(hours=-3, minutes=-30))
        ),
    )


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"
