"""Records to Compass JSON objects, each with an absolute ``self``, ``theType`` and its id."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from compass_desk.domain.catalog import CatalogEntry
from compass_desk.domain.models import Vendor
from compass_desk.sim.records import Company, Phone, Reseller, User

Json = dict[str, Any]


def iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def reseller(base: str, record: Reseller) -> Json:
    return {
        "theType": "reseller",
        "entityId": record.entity_id,
        "self": f"{base}/reseller/{record.entity_id}",
        "name": record.name,
    }


def company(base: str, record: Company, reseller_id: str, *, full: bool = True) -> Json:
    body: Json = {
        "theType": "company",
        "entityId": record.entity_id,
        "self": f"{base}/company/{record.entity_id}",
        "name": record.name,
        "shortname": record.shortname,
    }
    if full:
        body["reseller"] = f"{base}/reseller/{reseller_id}"
        body["sipDomain"] = record.sip_domain
    return body


def user(base: str, record: User) -> Json:
    return {
        "theType": "user",
        "entityId": record.entity_id,
        "self": f"{base}/user/{record.entity_id}",
        "name": record.name,
        "username": record.username,
        "company": f"{base}/company/{record.company_id}",
        "identities": [{"number": i.number, "displayName": i.display_name} for i in record.identities],
    }


def right(base: str, access: str, kind: str, target: str) -> Json:
    return {"theType": "right", "access": access, "target": f"{base}/{kind}/{target}"}


def phone_url(base: str, record: Phone) -> str:
    return f"{base}/phone/{record.resource_id}"


def phone(base: str, record: Phone) -> Json:
    return {
        "theType": "phone",
        "resourceId": record.resource_id,
        "self": phone_url(base, record),
        "name": record.name,
        "macAddress": record.mac,
        "model": record.model,
        "company": f"{base}/company/{record.company_id}",
        "provisioningByManufacturer": record.provisioning,
        "provisioningActivatedAt": iso(record.activated_at),
        "firmware": record.firmware,
        "vlanId": record.vlan_id,
        "encryption": record.encryption,
        "expansionPads": record.expansion_pads,
        "codecProfile": record.codec_profile,
        "loggedInUser": f"{base}/user/{record.logged_in_user}" if record.logged_in_user else None,
    }


def phone_base(base: str, record: Phone) -> Json:
    return {
        "theType": "phone",
        "resourceId": record.resource_id,
        "self": phone_url(base, record),
        "name": record.name,
    }


def user_agent(entry: CatalogEntry | None, firmware: str | None) -> str | None:
    if entry is None or firmware is None:
        return None
    if entry.model.vendor is Vendor.SNOM:
        return f"snom{entry.model.name}/{firmware}"
    prefix = "" if entry.model.kind == "dect" else "SIP-"
    return f"Yealink {prefix}{entry.model.name} {firmware}"


def status(base: str, record: Phone, entry: CatalogEntry | None) -> Json:
    return {
        "theType": "phoneStatus",
        "phone": phone_url(base, record),
        "online": record.online,
        "privateIP": record.private_ip,
        "publicIP": record.public_ip,
        "userAgent": user_agent(entry, record.installed_firmware) if record.online else None,
        "firmwareVersion": record.installed_firmware,
        "registeredAt": iso(record.registered_at),
        "lastProvisionedAt": iso(record.last_provisioned_at),
    }


def phone_model(entry: CatalogEntry) -> Json:
    model = entry.model
    return {
        "id": model.id,
        "vendor": model.vendor.value,
        "name": model.name,
        "certified": model.certified,
        "firmwares": list(entry.demo_firmwares),
        "kind": model.kind,
    }


def custom_settings(record: Phone) -> Json:
    return {"settings": [{"name": name, "value": value} for name, value in record.custom_settings]}
