"""JSON -> domain: the parsers of Compass answers.

Parsers ignore unknown fields and tolerate missing optional ones; a missing required field is an
:class:`UnexpectedResponseError`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from compass_desk.api.errors import UnexpectedResponseError
from compass_desk.api.schema_wire import (
    ERROR_REASON_FIELDS,
    F_ACCESS,
    F_ACTIVATED_AT,
    F_CERTIFIED,
    F_CODEC_PROFILE,
    F_COMPANY,
    F_CONTENT,
    F_CONTENT_TYPE,
    F_ENCRYPTION,
    F_ENTITY_ID,
    F_EXPANSION_PADS,
    F_FILENAME,
    F_FIRMWARE,
    F_FIRMWARE_VERSION,
    F_FIRMWARES,
    F_GENERATED_AT,
    F_ID,
    F_LAST_PROVISIONED_AT,
    F_LOGGED_IN_USER,
    F_MAC,
    F_MODEL,
    F_NAME,
    F_ONLINE,
    F_PRIVATE_IP,
    F_PUBLIC_IP,
    F_REGISTERED_AT,
    F_RESOURCE_ID,
    F_SELF,
    F_SETTINGS,
    F_SHORTNAME,
    F_STATE,
    F_TARGET,
    F_TYPE,
    F_USER_AGENT,
    F_USERNAME,
    F_VALUE,
    F_VENDOR,
    F_VLAN,
)
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
from compass_desk.domain.text import Text

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


# --- helpers -------------------------------------------------------------------------------
# What Compass sent, named in Dutch for the errors below (the English is the key).
_WHAT_NL = {
    "a user": "een gebruiker", "an object": "een object", "a right": "een recht",
    "an organisation": "een organisatie", "a phone": "een telefoon", "a phone status": "een telefoonstatus",
    "a provisioning file": "een provisioningbestand", "a phone model": "een telefoonmodel",
    "custom settings": "eigen instellingen", "a custom setting": "een eigen instelling",
    "rights": "rechten", "organisations": "organisaties", "phones": "telefoons",
    "phone models": "telefoonmodellen",
}


def _what(what: str) -> Text:
    return Text(what, _WHAT_NL.get(what, what))


def _obj(data: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise UnexpectedResponseError(Text(
            "Compass sent something other than {what}; the API may have changed.",
            "Compass stuurde iets anders dan {what}; misschien is de API veranderd.",
        ).format(what=_what(what)))
    return data


def _list(data: Any, what: str) -> list[Any]:
    if not isinstance(data, list):
        raise UnexpectedResponseError(Text(
            "Compass sent something other than a list of {what}.",
            "Compass stuurde iets anders dan een lijst met {what}.").format(what=_what(what)))
    return data


def _required_str(data: Mapping[str, Any], key: str, what: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise UnexpectedResponseError(Text(
            "Compass sent {what} without '{key}'; the API may have changed.",
            "Compass stuurde {what} zonder '{key}'; misschien is de API veranderd.").format(what=_what(what),
                                                                                        key=key))
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
        raise UnexpectedResponseError(Text("Compass sent a provisioning file without its content.",
                                           "Compass stuurde een provisioningbestand zonder inhoud."))
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
