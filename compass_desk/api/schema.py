"""Every Compass API path, media type and JSON field name, and the JSON <-> domain mapping.

The phone and provisioning endpoints are this project's *contract* (see compass-api.md): the day
the real schema is at hand, this is the one file to change. Parsers ignore unknown fields and
tolerate missing optional ones; a missing required field is an :class:`UnexpectedResponseError`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from compass_desk.api.errors import UnexpectedResponseError
from compass_desk.domain.models import (
    Access,
    Company,
    CustomSetting,
    Encryption,
    Phone,
    PhoneModel,
    PhoneStatus,
    ProvisioningFile,
    ProvisioningState,
    Vendor,
)

# --- media types (documented) -------------------------------------------------------------
MEDIA_TYPE = "application/vnd.iperity.compass.v{version}+json"
SUPPORTED_VERSIONS = (3, 2)  # preferred first
ACCEPT = ", ".join(
    f"{MEDIA_TYPE.format(version=v)}; q={q}" for v, q in zip(SUPPORTED_VERSIONS, ("1.0", "0.9"), strict=True)
)
FALLBACK_ACCEPT = MEDIA_TYPE.format(version=SUPPORTED_VERSIONS[-1])  # after a 406 for ACCEPT
_SERVED_VERSION = re.compile(r"application/vnd\.iperity\.compass\.v(\d+)\+json", re.I)
NO_REDIRECT_HEADER = "X-No-Redirect"
METHOD_OVERRIDE_HEADER = "X-HTTP-Method-Override"

# --- paths ------------------------------------------------------------------------------
# Bootstrap and schema paths are documented and relative to the base URL; every other path is a
# suffix appended to an object's ``self`` URL (IDs are opaque: never parsed, never assembled).
PATH_USER = "/user"
PATH_COMPANY = "/company"
PATH_SCHEMA = "/schema/schemas/v3.json"
SUB_RIGHTS = "/rights"
SUB_RESELLER_COMPANIES = "/entitiesFiltered?filter=company"
SUB_PHONES = "/phones"
SUB_PHONE_STATUS = "/phoneStatus"
SUB_ACTIVATE = "/activateProvisioning"
SUB_PROVISIONING = "/provisioning"
SUB_REBOOT = "/reboot"
SUB_MIGRATE = "/migrateToCompany"
SUB_PHONE_MODELS = "/phoneModels"
SUB_CUSTOM_SETTINGS = "/customSettings"

# Operation name (Session.supports) -> (method, path template as in an OpenAPI document).
OPERATIONS: dict[str, tuple[str, str]] = {
    "activate": ("post", "/phone/{}/activateProvisioning"),
    "reboot": ("post", "/phone/{}/reboot"),
    "provisioning": ("get", "/phone/{}/provisioning"),
    "migrate": ("post", "/phone/{}/migrateToCompany"),
    "add": ("post", "/company/{}/phones"),
    "remove": ("delete", "/phone/{}"),
    "update": ("patch", "/phone/{}"),
    "phoneModels": ("get", "/company/{}/phoneModels"),
    "customSettings": ("patch", "/phone/{}/customSettings"),
    "phoneStatus": ("get", "/phone/{}/phoneStatus"),
}

# --- field names --------------------------------------------------------------------------
F_SELF = "self"
F_TYPE = "theType"
F_RESOURCE_ID = "resourceId"
F_ENTITY_ID = "entityId"
F_NAME = "name"
F_SHORTNAME = "shortname"
F_USERNAME = "username"
F_ACCESS = "access"
F_TARGET = "target"
F_MAC = "macAddress"
F_MODEL = "model"
F_COMPANY = "company"
F_STATE = "provisioningByManufacturer"
F_ACTIVATED_AT = "provisioningActivatedAt"
F_FIRMWARE = "firmware"
F_VLAN = "vlanId"
F_ENCRYPTION = "encryption"
F_EXPANSION_PADS = "expansionPads"
F_CODEC_PROFILE = "codecProfile"
F_LOGGED_IN_USER = "loggedInUser"
F_ONLINE = "online"
F_PRIVATE_IP = "privateIP"
F_PUBLIC_IP = "publicIP"
F_USER_AGENT = "userAgent"
F_FIRMWARE_VERSION = "firmwareVersion"
F_REGISTERED_AT = "registeredAt"
F_LAST_PROVISIONED_AT = "lastProvisionedAt"
F_FILENAME = "filename"
F_CONTENT_TYPE = "contentType"
F_CONTENT = "content"
F_GENERATED_AT = "generatedAt"
F_ID = "id"
F_VENDOR = "vendor"
F_CERTIFIED = "certified"
F_FIRMWARES = "firmwares"
F_SETTINGS = "settings"
F_VALUE = "value"
F_NEW_COMPANY = "newCompany"
ERROR_REASON_FIELDS = ("message", "reason", "error", "detail", "description")

TYPE_COMPANY = "company"
TYPE_RESELLER = "reseller"
TYPE_PHONE = "phone"
TYPE_USER = "user"

# Domain field name (Phone / update_phone keyword) -> JSON field name, for PATCH bodies.
PHONE_UPDATE_FIELDS = {
    "name": F_NAME,
    "model": F_MODEL,
    "firmware": F_FIRMWARE,
    "vlan_id": F_VLAN,
    "encryption": F_ENCRYPTION,
    "expansion_pads": F_EXPANSION_PADS,
    "codec_profile": F_CODEC_PROFILE,
}

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class User:
    url: str
    name: str
    username: str


@dataclass(frozen=True, slots=True)
class Right:
    target: str  # company or reseller URL
    access: Access


@dataclass(frozen=True, slots=True)
class Entity:
    """An object whose kind is only known once fetched (the target of a right)."""

    url: str
    the_type: str
    data: Mapping[str, Any]


def served_version(content_type: str | None) -> int | None:
    """The API version named by a response ``Content-Type`` (``None`` when it names none)."""
    match = _SERVED_VERSION.search(content_type or "")
    return int(match.group(1)) if match else None


def media_type(version: int) -> str:
    return MEDIA_TYPE.format(version=version)


# --- helpers -------------------------------------------------------------------------------
def _obj(data: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise UnexpectedResponseError(f"Compass sent something other than {what}; the API may have changed.")
    return data


def _list(data: Any, what: str) -> list[Any]:
    if not isinstance(data, list):
        raise UnexpectedResponseError(f"Compass sent something other than a list of {what}.")
    return data


def _required_str(data: Mapping[str, Any], key: str, what: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise UnexpectedResponseError(f"Compass sent {what} without '{key}'; the API may have changed.")
    return value


def _str(data: Mapping[str, Any], key: str, default: str = "") -> str:
    value = data.get(key)
    return value if isinstance(value, str) else default


def _opt_str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value if isinstance(value, str) and value else None


def _opt_int(data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def _any_id(data: Mapping[str, Any]) -> str:
    for key in (F_RESOURCE_ID, F_ENTITY_ID):
        value = data.get(key)
        if value is not None and not isinstance(value, bool | dict | list):
            return str(value)
    return ""


def parse_time(value: Any) -> datetime | None:
    """ISO-8601 with offset; a naive time is taken as UTC; anything unreadable is None."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def format_time(moment: datetime) -> str:
    return moment.isoformat()


# --- JSON -> domain ------------------------------------------------------------------------
def parse_user(data: Any) -> User:
    obj = _obj(data, "a user")
    url = _required_str(obj, F_SELF, "a user")
    username = _str(obj, F_USERNAME)
    return User(url=url, name=_str(obj, F_NAME) or username, username=username)


def parse_entity(data: Any) -> Entity:
    obj = _obj(data, "an object")
    return Entity(url=_required_str(obj, F_SELF, "an object"), the_type=_str(obj, F_TYPE), data=obj)


def parse_rights(data: Any) -> list[Right]:
    rights = []
    for item in _list(data, "rights"):
        obj = _obj(item, "a right")
        target = _opt_str(obj, F_TARGET)
        access = _str(obj, F_ACCESS).lower()
        if target is None or access not in (Access.READ, Access.WRITE):
            continue  # a kind of right this client does not know: ignore it, like an unknown field
        rights.append(Right(target=target, access=Access(access)))
    return rights


def parse_company(data: Any, access: Access | None = None) -> Company:
    obj = _obj(data, "an organisation")
    return Company(
        url=_required_str(obj, F_SELF, "an organisation"),
        entity_id=_any_id(obj),
        name=_str(obj, F_NAME) or _str(obj, F_SHORTNAME),
        shortname=_str(obj, F_SHORTNAME),
        access=access,
    )


def parse_companies(data: Any, access: Access | None = None) -> list[Company]:
    return [parse_company(item, access) for item in _list(data, "organisations")]


def _enum_value(obj: Mapping[str, Any], key: str, what: str) -> str:
    return _required_str(obj, key, what).strip().lower()


class UnknownStateError(UnexpectedResponseError):
    """A phone whose provisioning state this version does not know (the rest of it may be fine)."""


class PhoneList(list[Phone]):
    """The phones of a list answer; ``skipped`` says (one sentence each) which were left out and why."""

    def __init__(self, phones: list[Phone], skipped: list[str] | None = None) -> None:
        super().__init__(phones)
        self.skipped: list[str] = list(skipped or [])


def parse_phone(data: Any) -> Phone:
    obj = _obj(data, "a phone")
    url = _required_str(obj, F_SELF, "a phone")
    state_text = _enum_value(obj, F_STATE, "a phone")
    try:
        state = ProvisioningState(state_text)
    except ValueError:
        raise UnknownStateError(
            f"Compass sent a provisioning state Compass Desk does not know ('{state_text[:30]}')."
        ) from None
    encryption_text = _str(obj, F_ENCRYPTION, Encryption.OPTIONAL.value).lower()
    encryption = Encryption.MANDATORY if encryption_text == Encryption.MANDATORY else Encryption.OPTIONAL
    return Phone(
        url=url,
        resource_id=_any_id(obj),
        name=_str(obj, F_NAME),
        mac=_str(obj, F_MAC).lower(),
        model=_str(obj, F_MODEL),
        company_url=_str(obj, F_COMPANY),
        provisioning=state,
        activated_at=parse_time(obj.get(F_ACTIVATED_AT)),
        firmware=_opt_str(obj, F_FIRMWARE),
        vlan_id=_opt_int(obj, F_VLAN),
        encryption=encryption,
        expansion_pads=_opt_int(obj, F_EXPANSION_PADS) or 0,
        codec_profile=_opt_str(obj, F_CODEC_PROFILE),
        logged_in_user=_opt_str(obj, F_LOGGED_IN_USER),
    )


def parse_phones(data: Any) -> PhoneList:
    """Every phone of a list; one in a state this version does not know is left out (and named in
    ``skipped``) rather than failing its whole organisation: acting on a phone whose state is not
    understood would be guessing, and hiding all its neighbours would stop the work."""
    phones: list[Phone] = []
    skipped: list[str] = []
    for item in _list(data, "phones"):
        try:
            phones.append(parse_phone(item))
        except UnknownStateError as error:
            obj = item if isinstance(item, Mapping) else {}
            who = _str(obj, F_NAME) or _str(obj, F_MAC) or _str(obj, F_SELF) or "a phone"
            sentence = f"Phone {who[:80]} was left out: {error.message}"
            log.warning("%s", sentence)
            skipped.append(sentence)
    return PhoneList(phones, skipped)


def parse_status(data: Any) -> PhoneStatus:
    obj = _obj(data, "a phone status")
    online = obj.get(F_ONLINE)
    return PhoneStatus(
        online=online is True,
        private_ip=_opt_str(obj, F_PRIVATE_IP),
        public_ip=_opt_str(obj, F_PUBLIC_IP),
        user_agent=_opt_str(obj, F_USER_AGENT),
        firmware_version=_opt_str(obj, F_FIRMWARE_VERSION),
        registered_at=parse_time(obj.get(F_REGISTERED_AT)),
        last_provisioned_at=parse_time(obj.get(F_LAST_PROVISIONED_AT)),
    )


def parse_provisioning_file(data: Any) -> ProvisioningFile:
    obj = _obj(data, "a provisioning file")
    content = obj.get(F_CONTENT)
    if not isinstance(content, str):
        raise UnexpectedResponseError("Compass sent a provisioning file without its content.")
    return ProvisioningFile(
        filename=_str(obj, F_FILENAME) or "provisioning.txt",
        content_type=_str(obj, F_CONTENT_TYPE) or "text/plain",
        content=content,
        generated_at=parse_time(obj.get(F_GENERATED_AT)),
    )


def parse_phone_models(data: Any) -> list[PhoneModel]:
    models = []
    for item in _list(data, "phone models"):
        obj = _obj(item, "a phone model")
        vendor_text = _str(obj, F_VENDOR).lower()
        vendor = Vendor(vendor_text) if vendor_text in (Vendor.SNOM, Vendor.YEALINK) else Vendor.UNKNOWN
        firmwares = obj.get(F_FIRMWARES)
        models.append(
            PhoneModel(
                id=_required_str(obj, F_ID, "a phone model"),
                vendor=vendor,
                name=_str(obj, F_NAME) or _str(obj, F_ID),
                certified=obj.get(F_CERTIFIED) is not False,
                firmwares=tuple(str(f) for f in firmwares) if isinstance(firmwares, list) else (),
            )
        )
    return models


def parse_custom_settings(data: Any) -> list[CustomSetting]:
    obj = _obj(data, "custom settings")
    settings = []
    for item in _list(obj.get(F_SETTINGS, []), "custom settings"):
        entry = _obj(item, "a custom setting")
        name = _opt_str(entry, F_NAME)
        if name is None:
            continue
        value = entry.get(F_VALUE)
        settings.append(CustomSetting(name=name, value="" if value is None else str(value)))
    return settings


def error_reason(data: Any) -> str | None:
    """The server's explanation in an error body, whatever field it uses."""
    if isinstance(data, str):
        return data or None
    if isinstance(data, Mapping):
        for key in ERROR_REASON_FIELDS:
            value = data.get(key)
            if isinstance(value, str) and value:
                return value
            if isinstance(value, Mapping):
                nested = error_reason(value)
                if nested:
                    return nested
    return None


# --- domain -> JSON ------------------------------------------------------------------------
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
