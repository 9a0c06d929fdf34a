"""Domain -> JSON: the bodies of Compass writes (new phone, PATCH, custom settings, migrate)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from compass_desk.api.schema_wire import (
    F_ENCRYPTION,
    F_EXPANSION_PADS,
    F_MAC,
    F_MODEL,
    F_NAME,
    F_NEW_COMPANY,
    F_SETTINGS,
    F_VALUE,
    F_VLAN,
    PHONE_UPDATE_FIELDS,
)
from compass_desk.domain.models import CustomSetting, Encryption, Phone


def new_phone_body(
    *,
    name: str,
    model: str,
    mac: str,
    vlan_id: int | None = None,
    encryption: Encryption | str | None = None,
    expansion_pads: int | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {F_NAME: name, F_MODEL: model, F_MAC: mac}
    if vlan_id is not None:
        body[F_VLAN] = vlan_id
    if encryption is not None:
        body[F_ENCRYPTION] = str(Encryption(encryption).value)
    if expansion_pads is not None:
        body[F_EXPANSION_PADS] = expansion_pads
    return body


def phone_patch_body(fields: Mapping[str, Any]) -> dict[str, Any]:
    """PATCH body with only the changed fields; ``None`` unsets (documented), "" is refused."""
    body: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in PHONE_UPDATE_FIELDS:
            raise ValueError(f"'{key}' is not a phone field that can be changed")
        if value == "":
            raise ValueError(f"'{key}' cannot be empty; use None to unset it")
        body[PHONE_UPDATE_FIELDS[key]] = value.value if isinstance(value, Encryption) else value
    return body


def phone_field(phone: Phone, key: str) -> Any:
    """The current value of an updatable field, in its JSON form (to compare after a PATCH)."""
    value = getattr(phone, key)
    return value.value if isinstance(value, Encryption) else value


def custom_settings_body(settings: list[CustomSetting]) -> dict[str, Any]:
    return {F_SETTINGS: [{F_NAME: s.name, F_VALUE: s.value} for s in settings]}


def migrate_body(target_company_url: str) -> dict[str, Any]:
    return {F_NEW_COMPANY: target_company_url}
