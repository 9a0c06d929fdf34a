"""The Compass API's wire vocabulary: media types, headers, paths, operations and JSON field names.

The phone and provisioning endpoints are this project's *contract* (see compass-api.md): the day the
real schema is at hand, these names (and the parsers in ``schema_read``) are what changes.
"""

from __future__ import annotations

import re

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


def served_version(content_type: str | None) -> int | None:
    """The API version named by a response ``Content-Type`` (``None`` when it names none)."""
    match = _SERVED_VERSION.search(content_type or "")
    return int(match.group(1)) if match else None


def media_type(version: int) -> str:
    return MEDIA_TYPE.format(version=version)
