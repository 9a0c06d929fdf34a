"""Stable ``--json`` shapes and table rows for companies, phones and statuses.

Fields may be added later, never renamed or removed: scripts rely on them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from compass_desk.cli.common import print_table
from compass_desk.domain.mac import format_mac, is_mac
from compass_desk.domain.models import Company, Environment, Phone, PhoneStatus


def when(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def local_time(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%a %d %b %Y %H:%M %Z") if moment else ""


def amsterdam_time(moment: datetime) -> str:
    """A deadline as the app and ``deadline`` show it: ``Wed 02 Dec 00:00 (Amsterdam time)``."""
    from compass_desk.domain.deadline import AMSTERDAM

    return f"{moment.astimezone(AMSTERDAM):%a %d %b %H:%M} (Amsterdam time)"


def mac_display(mac: str) -> str:
    return format_mac(mac) if is_mac(mac) else mac


def company_json(company: Company) -> dict[str, Any]:
    return {
        "id": company.entity_id,
        "url": company.url,
        "name": company.name,
        "shortname": company.shortname,
        "access": company.access.value if company.access else None,
    }


def phone_json(phone: Phone, company: Company | None = None) -> dict[str, Any]:
    return {
        "id": phone.resource_id,
        "url": phone.url,
        "name": phone.name,
        "mac": phone.mac,
        "mac_display": mac_display(phone.mac),
        "model": phone.model,
        "company": {
            "url": phone.company_url,
            "id": company.entity_id if company else None,
            "name": company.name if company else None,
        },
        "state": phone.provisioning.value,
        "activated_at": when(phone.activated_at),
        "firmware": phone.firmware,
        "vlan_id": phone.vlan_id,
        "encryption": phone.encryption.value,
        "expansion_pads": phone.expansion_pads,
        "codec_profile": phone.codec_profile,
        "logged_in_user": phone.logged_in_user,
    }


def status_json(status: PhoneStatus) -> dict[str, Any]:
    return {
        "online": status.online,
        "private_ip": status.private_ip,
        "public_ip": status.public_ip,
        "user_agent": status.user_agent,
        "firmware_version": status.firmware_version,
        "registered_at": when(status.registered_at),
        "last_provisioned_at": when(status.last_provisioned_at),
    }


def environment_json(env: Environment, password_stored: bool | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": env.name,
        "base_url": env.base_url,
        "username": env.username,
        "ca_bundle": env.ca_bundle,
    }
    if password_stored is not None:
        data["password_stored"] = password_stored
    return data


def print_phones(phones: Sequence[Phone], companies: dict[str, Company]) -> None:
    rows = []
    for phone in sorted(
        phones,
        key=lambda p: (
            companies[p.company_url].name.casefold() if p.company_url in companies else "",
            p.name.casefold(),
        ),
    ):
        company = companies.get(phone.company_url)
        rows.append(
            [
                mac_display(phone.mac),
                phone.name,
                phone.model,
                phone.provisioning.value,
                company.name if company else phone.company_url,
                phone.resource_id,
            ]
        )
    print_table(["MAC", "NAME", "MODEL", "STATE", "ORGANISATION", "ID"], rows)
