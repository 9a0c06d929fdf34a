"""The objects the whole application talks about.

Field names here are the application's own; the API's JSON names are mapped in
``compass_desk.api.schema`` only (names in ``schema_wire``, reading in ``schema_read``, writing in
``schema_write``), so adapting to the real schema stays a change in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Vendor(StrEnum):
    SNOM = "snom"
    YEALINK = "yealink"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return {"snom": "Snom", "yealink": "Yealink", "unknown": "Unknown"}[self.value]


class ProvisioningState(StrEnum):
    """Compass "Provisioning by manufacturer" state of one phone."""

    ACTIVE = "active"
    DISABLED = "disabled"
    PROVISION = "provision"
    DEPROVISION = "deprovision"


class Access(StrEnum):
    READ = "read"
    WRITE = "write"


class Encryption(StrEnum):
    OPTIONAL = "optional"
    MANDATORY = "mandatory"


@dataclass(frozen=True, slots=True)
class Environment:
    """A Compass environment profile (production, staging, a reseller brand…)."""

    name: str
    base_url: str
    username: str
    ca_bundle: str | None = None


@dataclass(frozen=True, slots=True)
class Company:
    url: str  # the absolute ``self`` URL: the identity used everywhere
    entity_id: str  # opaque; shown, never parsed
    name: str
    shortname: str = ""
    access: Access | None = None  # the user's effective right on it, when known


@dataclass(frozen=True, slots=True)
class PhoneModel:
    id: str  # e.g. ``snom-d785``; opaque for the client
    vendor: Vendor
    name: str  # e.g. ``D785``
    certified: bool = True
    firmwares: tuple[str, ...] = ()
    kind: str = "desk"  # "desk" or "dect"

    @property
    def display_name(self) -> str:
        return f"{self.vendor.label} {self.name}"


@dataclass(frozen=True, slots=True)
class Phone:
    url: str
    resource_id: str
    name: str
    mac: str  # 12 lower-case hex digits
    model: str  # a PhoneModel.id
    company_url: str
    provisioning: ProvisioningState
    activated_at: datetime | None = None
    firmware: str | None = None  # selected version; None = "Use installed firmware"
    vlan_id: int | None = None
    encryption: Encryption = Encryption.OPTIONAL
    expansion_pads: int = 0
    codec_profile: str | None = None
    logged_in_user: str | None = None  # user URL


@dataclass(frozen=True, slots=True)
class PhoneStatus:
    online: bool = False
    private_ip: str | None = None
    public_ip: str | None = None
    user_agent: str | None = None
    firmware_version: str | None = None
    registered_at: datetime | None = None
    last_provisioned_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class CustomSetting:
    name: str
    value: str


@dataclass(frozen=True, slots=True)
class ProvisioningFile:
    filename: str
    content_type: str
    content: str
    generated_at: datetime | None = None


@dataclass(slots=True)
class PhoneSnapshot:
    """Everything the API exposes about a phone, kept before a risky change (manual move)."""

    phone: Phone
    custom_settings: list[CustomSetting] = field(default_factory=list)
    status: PhoneStatus | None = None


def strip_port(ip: str | None) -> str | None:
    """``phoneStatus`` IPs may carry ``:port`` (documented); IPv6 in brackets keeps its colons."""
    if not ip:
        return None
    if ip.startswith("["):
        end = ip.find("]")
        return ip[1:end] if end > 0 else ip
    if ip.count(":") == 1:
        return ip.split(":", 1)[0]
    return ip
