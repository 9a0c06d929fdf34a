"""The simulator's mutable records. Field names are Compass's JSON names in snake case."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(slots=True)
class Reseller:
    entity_id: str
    name: str


@dataclass(slots=True)
class Company:
    entity_id: str
    name: str
    shortname: str
    sip_domain: str


@dataclass(frozen=True, slots=True)
class Identity:
    number: str  # the extension
    display_name: str
    sip_user: str
    sip_password: str


@dataclass(slots=True)
class User:
    entity_id: str
    name: str
    username: str
    company_id: str
    identities: list[Identity] = field(default_factory=list)
    voicemail: str = ""
    ring_internal: str = "Ring1.wav"
    ring_external: str = "Ring2.wav"


@dataclass(frozen=True, slots=True)
class FunctionKey:
    label: str
    kind: str  # "blf" or "speed"
    target: str  # an extension


@dataclass(slots=True)
class Phone:
    resource_id: str
    name: str
    mac: str
    model: str
    company_id: str
    provisioning: str  # active | disabled | provision | deprovision
    activated_at: datetime | None = None
    firmware: str | None = None  # selected version; None = use installed firmware
    vlan_id: int | None = None
    encryption: str = "optional"
    expansion_pads: int = 0
    codec_profile: str | None = None
    logged_in_user: str | None = None  # a User.entity_id
    custom_settings: list[tuple[str, str]] = field(default_factory=list)
    function_keys: list[FunctionKey] = field(default_factory=list)
    web_password: str = ""
    # live status, as the phone's SIP registration would show it
    online: bool = False
    private_ip: str | None = None
    public_ip: str | None = None
    installed_firmware: str | None = None
    registered_at: datetime | None = None
    last_provisioned_at: datetime | None = None


@dataclass(slots=True)
class Dataset:
    reseller: Reseller
    companies: dict[str, Company]  # by entity id, in display order
    users: dict[str, User]
    phones: dict[str, Phone]  # by resource id
    demo_users: dict[str, str]  # username -> User.entity_id of the three demo accounts
    installer_company: str  # the company the installer may write on
