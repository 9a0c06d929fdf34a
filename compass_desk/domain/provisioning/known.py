"""Well-known provisioning settings per format (phones.md §4), to tell a provisioning file from any text.

``config check`` reads any ``name: value`` text as a Snom file and any XML as Snom XML; a file with
no well-known setting at all is probably not a provisioning file.
"""

from __future__ import annotations

from collections.abc import Iterable

from compass_desk.domain.provisioning.model import FileFormat, Setting
from compass_desk.domain.text import Text

SNOM_KNOWN = frozenset({
    "user_host", "user_outbound", "user_name", "user_pname", "user_pass", "user_realname", "user_active",
    "user_srtp", "user_savp", "codec_priority_list", "setting_server", "ntp_server", "timezone", "language",
    "web_language", "tone_scheme", "firmware_status", "update_policy", "firmware_interval", "firmware",
    "admin_mode_password", "http_user", "http_pass", "webserver_admin_name", "webserver_admin_password",
    "vlan_id", "vlan_qos", "vlan_pc_id", "codec_tos", "signaling_tos", "fkey",
})
YEALINK_KNOWN_PREFIXES = (
    "account.", "local_time.", "lang.", "static.auto_provision.", "static.firmware.", "over_the_air.",
    "static.security.", "static.network.", "static.syslog.", "linekey.",
)
_SNOM_EXAMPLES = Text("user_host or setting_server", "user_host of setting_server")
EXAMPLES = {
    FileFormat.SNOM_XML: _SNOM_EXAMPLES,
    FileFormat.SNOM_TEXT: _SNOM_EXAMPLES,
    FileFormat.YEALINK_CFG: Text("account.1.user_name or static.auto_provision.server.url",
                                 "account.1.user_name of static.auto_provision.server.url"),
}


def is_known(setting: Setting, file_format: FileFormat) -> bool:
    name = setting.name.strip().lower()
    if file_format is FileFormat.YEALINK_CFG:
        return name.startswith(YEALINK_KNOWN_PREFIXES)
    # the plain-text format writes the index into the name: user_host1, fkey0
    return name.rstrip("!&$").rstrip("0123456789") in SNOM_KNOWN


def has_known_setting(settings: Iterable[Setting], file_format: FileFormat) -> bool:
    return any(is_known(s, file_format) for s in settings)
