"""Request bodies checked field by field; every failure is a 400 naming the field."""

from __future__ import annotations

import re
from typing import Any

from compass_desk.domain.catalog import Catalog
from compass_desk.domain.mac import MacError, normalize_mac
from compass_desk.sim.errors import HttpError, bad_request

ENCRYPTIONS = ("optional", "mandatory")
MAX_EXPANSION_PADS = 6
_MAC = re.compile(r"^[0-9A-Fa-f]{12}$")
_SETTING_NAME = {"snom": re.compile(r"^[A-Za-z0-9_]+[!&$]?$"), "yealink": re.compile(r"^[A-Za-z0-9_.]+$")}
PATCHABLE = ("name", "firmware", "vlanId", "encryption", "expansionPads", "codecProfile")
READ_ONLY = (
    "theType",
    "resourceId",
    "self",
    "macAddress",
    "model",
    "company",
    "provisioningByManufacturer",
    "provisioningActivatedAt",
    "loggedInUser",
)


def require_object(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise HttpError(400, "the request body must be a JSON object")
    return body


def _text(body: dict[str, Any], field: str) -> str:
    value = body.get(field)
    if value is None:
        raise bad_request(field, f"{field} is required")
    if not isinstance(value, str):
        raise bad_request(field, f"{field} must be text")
    if not value.strip():
        raise bad_request(field, f"{field} must not be empty")
    if len(value) > 100:
        raise bad_request(field, f"{field} is longer than 100 characters")
    return value.strip()


def mac(value: Any) -> str:
    if not isinstance(value, str) or not _MAC.match(value):
        raise bad_request(
            "macAddress", f"macAddress {value!r} is not 12 hexadecimal digits without separators"
        )
    try:
        return normalize_mac(value)
    except MacError as exc:
        raise bad_request("macAddress", f"macAddress: {exc}") from None


def vlan(value: Any) -> int | None:
    if value is None or value == 0:
        return None  # 0 removes the VLAN configuration
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 4094:
        raise bad_request("vlanId", f"vlanId {value!r} is outside 1..4094 (0 or null removes the VLAN)")
    return value


def encryption(value: Any) -> str:
    if value not in ENCRYPTIONS:
        raise bad_request("encryption", f"encryption must be one of {', '.join(ENCRYPTIONS)}")
    return str(value)


def expansion_pads(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_EXPANSION_PADS:
        raise bad_request(
            "expansionPads", f"expansionPads must be a whole number from 0 to {MAX_EXPANSION_PADS}"
        )
    return value


def new_phone(body: Any, catalog: Catalog) -> dict[str, Any]:
    body = require_object(body)
    result: dict[str, Any] = {"name": _text(body, "name")}
    model = body.get("model")
    if not isinstance(model, str) or catalog.get(model) is None:
        raise bad_request("model", f"model {model!r} is not a certified phone model of this environment")
    result["model"] = model
    if "macAddress" not in body:
        raise bad_request("macAddress", "macAddress is required")
    result["macAddress"] = mac(body["macAddress"])
    if "vlanId" in body:
        result["vlanId"] = vlan(body["vlanId"])
    if body.get("encryption") is not None:
        result["encryption"] = encryption(body["encryption"])
    if body.get("expansionPads") is not None:
        result["expansionPads"] = expansion_pads(body["expansionPads"])
    return result


def phone_patch(body: Any, firmwares: tuple[str, ...], current: dict[str, Any]) -> dict[str, Any]:
    """Changed fields of a PATCH; read-only fields may be echoed unchanged but not changed."""
    body = require_object(body)
    changes: dict[str, Any] = {}
    for field, value in body.items():
        if field in READ_ONLY:
            if value != current.get(field):
                raise bad_request(field, f"{field} cannot be changed")
            continue
        if field not in PATCHABLE:
            raise bad_request(field, f"{field} is not a field of a phone")
        if value == "":
            raise bad_request(field, f"{field}: an empty string is invalid; use null to unset")
        if field == "name":
            changes["name"] = _text(body, "name")
        elif field == "firmware":
            if value is not None and value not in firmwares:
                offered = ", ".join(firmwares) or "none"
                raise bad_request(
                    "firmware", f"firmware {value!r} is not certified for this model (offered: {offered})"
                )
            changes["firmware"] = value
        elif field == "vlanId":
            changes["vlanId"] = vlan(value)
        elif field == "encryption":
            changes["encryption"] = encryption(value)
        elif field == "expansionPads":
            changes["expansionPads"] = expansion_pads(value)
        elif field == "codecProfile":
            if value is not None and not isinstance(value, str):
                raise bad_request("codecProfile", "codecProfile must be text or null")
            changes["codecProfile"] = value
    return changes


def custom_settings(body: Any, vendor: str) -> list[tuple[str, str]]:
    body = require_object(body)
    settings = body.get("settings")
    if not isinstance(settings, list):
        raise bad_request("settings", "settings must be a list of {name, value} objects")
    pattern = _SETTING_NAME.get(vendor, _SETTING_NAME["yealink"])
    result: list[tuple[str, str]] = []
    seen: set[str] = set()
    for index, item in enumerate(settings):
        field = f"settings[{index}]"
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("name"), str)
            or not isinstance(item.get("value"), str)
        ):
            raise bad_request(field, f"{field} must have a text name and a text value")
        name, value = item["name"], item["value"]
        if not pattern.match(name):
            raise bad_request(f"{field}.name", f"{name!r} is not a valid {vendor} setting name")
        if name in seen:
            raise bad_request(f"{field}.name", f"setting {name!r} is given twice")
        if value == "":
            unset = "a single space" if vendor == "snom" else "%NULL%"
            raise bad_request(f"{field}.value", f"an empty value is invalid; use {unset} to unset {name!r}")
        seen.add(name)
        result.append((name, value))
    return result


def company_reference(body: Any, base: str) -> str:
    """The company id from ``{"newCompany": "<absolute company URL>"}``."""
    body = require_object(body)
    url = body.get("newCompany")
    prefix = f"{base}/company/"
    if not isinstance(url, str) or not url:
        raise bad_request("newCompany", "newCompany must be the absolute URL of an organisation")
    if not url.startswith(prefix) or "/" in url[len(prefix) :].rstrip("/"):
        raise bad_request("newCompany", f"newCompany {url!r} is not an organisation URL of this environment")
    return url[len(prefix) :].rstrip("/")
