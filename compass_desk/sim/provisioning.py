"""The settings file Compass would send a phone, in the vendor's format (phones.md §4).

Without a logged-in user: common settings only. With one: also a SIP account per identity,
function keys, the voicemail reference and ring tones. A selected firmware adds a firmware URL.
Custom settings come last, after a comment that marks them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

from compass_desk.domain.catalog import CatalogEntry
from compass_desk.domain.models import Vendor
from compass_desk.sim.records import Company, Phone, User

_SNOM_PERM = {"!": "!", "&": "R", "$": "RW"}  # name suffix in Compass Studio -> XML perm attribute
_CODECS = {
    None: ("g722", "pcma", "pcmu", "g729"),
    "hd-voice": ("g722", "opus", "pcma", "pcmu"),
    "low-bandwidth": ("g729", "pcma", "pcmu"),
}


@dataclass(frozen=True, slots=True)
class Context:
    phone: Phone
    company: Company
    user: User | None
    entry: CatalogEntry
    environment: str
    generated_at: datetime

    @property
    def domain(self) -> str:
        return f"{self.environment}.compass.example"

    @property
    def secure(self) -> bool:
        return self.phone.encryption == "mandatory"

    @property
    def proxy(self) -> str:
        return f"sbc.{self.domain}"

    def firmware_url(self, suffix: str) -> str:
        vendor = self.entry.model.vendor.value
        return f"https://firmware.{self.domain}/{vendor}/{self.entry.model.id}/{self.phone.firmware}{suffix}"


def generate(ctx: Context) -> tuple[str, str, str]:
    """(filename, content type, content) of the phone's provisioning file."""
    if ctx.entry.model.vendor is Vendor.SNOM:
        return f"{ctx.phone.mac}.xml", "application/xml", _snom(ctx)
    return f"{ctx.phone.mac}.cfg", "text/plain", _yealink(ctx)


def _snom(ctx: Context) -> str:
    phone, company = ctx.phone, ctx.company
    transport = "tls" if ctx.secure else "udp"
    port = 5061 if ctx.secure else 5060
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f"<!-- Compass provisioning for {escape(phone.name)} ({phone.mac}), {escape(company.name)}; "
        f"generated {ctx.generated_at.isoformat(timespec='seconds')} -->",
        "<settings>",
        '  <phone-settings e="2">',
        "    <!-- common settings -->",
    ]

    def setting(name: str, value: object, perm: str = "R", idx: int | None = None) -> None:
        index = f' idx="{idx}"' if idx is not None else ""
        lines.append(f"    <{name}{index} perm={quoteattr(perm)}>{escape(str(value))}</{name}>")

    setting("setting_server", f"https://provisioning.{ctx.domain}/snom/{{mac}}.xml")
    setting("display_idle_text", company.name)
    setting("user_host", company.sip_domain, idx=1)
    setting("user_outbound", f"{ctx.proxy}:{port};transport={transport}", idx=1)
    setting("ntp_server", f"ntp.{ctx.domain}")
    setting("timezone", "NLD+1")
    setting("language", "Nederlands")
    setting("web_language", "Nederlands")
    setting("tone_scheme", "NLD")
    setting("time_24_format", "on")
    setting("emergency_numbers", "112 *1")
    setting(
        "codec_priority_list",
        ",".join((*_CODECS.get(phone.codec_profile, _CODECS[None]), "telephone-event")),
        idx=1,
    )
    setting("call_waiting", "on", perm="RW")
    setting("vol_speaker", 8, perm="RW")
    setting("vol_handset_mic", 5)
    setting("display_method", "display_name_number")
    setting("http_user", "admin")
    setting("http_pass", phone.web_password)
    setting("admin_mode_password", phone.web_password)
    if ctx.secure:
        setting("user_srtp", "on", idx=1)
        setting("user_savp", "mandatory", idx=1)
    if phone.vlan_id is not None:
        setting("vlan_id", phone.vlan_id)
    if ctx.user is not None:
        lines.append(f"    <!-- user {escape(ctx.user.name)} -->")
        for idx, identity in enumerate(ctx.user.identities, start=1):
            setting("user_active", "on", idx=idx)
            setting("user_realname", identity.display_name, idx=idx)
            setting("user_name", identity.sip_user, idx=idx)
            setting("user_pname", identity.sip_user, idx=idx)
            setting("user_pass", identity.sip_password, idx=idx)
            if idx > 1:
                setting("user_host", company.sip_domain, idx=idx)
            setting("user_mailbox", ctx.user.voicemail, idx=idx)
        setting("alert_internal_ring_sound", ctx.user.ring_internal.removesuffix(".wav"), perm="RW")
        setting("alert_external_ring_sound", ctx.user.ring_external.removesuffix(".wav"), perm="RW")
    if phone.firmware:
        setting("firmware_status", ctx.firmware_url(".xml"))
        setting("update_policy", "auto_update")
    if phone.custom_settings:
        lines.append("    <!-- custom settings (Compass Studio) -->")
        for name, value in phone.custom_settings:
            flag = name[-1] if name[-1] in _SNOM_PERM else ""
            setting(name[:-1] if flag else name, value, perm=_SNOM_PERM.get(flag, "R"))
    lines.append("  </phone-settings>")
    if ctx.user is not None and phone.function_keys:
        lines.append("  <functionKeys>")
        for idx, key in enumerate(phone.function_keys):
            target = (
                f"blf sip:{key.target}@{company.sip_domain}" if key.kind == "blf" else f"speed {key.target}"
            )
            lines.append(
                f'    <fkey idx="{idx}" context="active" label={quoteattr(key.label)} perm="R">'
                f"{escape(target)}</fkey>"
            )
        lines.append("  </functionKeys>")
    if phone.firmware:
        lines.append("  <firmware-settings>")
        lines.append(f'    <firmware perm="R">{escape(ctx.firmware_url(".bin"))}</firmware>')
        lines.append("  </firmware-settings>")
    lines.append("</settings>")
    return "\n".join(lines) + "\n"


def _yealink(ctx: Context) -> str:
    phone, company = ctx.phone, ctx.company
    codecs = _CODECS.get(phone.codec_profile, _CODECS[None])
    lines = [
        "#!version:1.0.0.1",
        f"## Compass provisioning for {phone.name} ({phone.mac}), {company.name}; "
        f"generated {ctx.generated_at.isoformat(timespec='seconds')}",
        "## common settings",
    ]

    def setting(name: str, value: object) -> None:
        lines.append(f"{name} = {value}")

    setting("static.auto_provision.server.url", f"https://provisioning.{ctx.domain}/yealink/")
    setting("static.auto_provision.pnp_enable", 0)
    setting("phone_setting.lcd_logo.mode", 1)
    setting("phone_setting.lcd_logo.text", company.name)
    setting("account.1.sip_server.1.address", company.sip_domain)
    setting("account.1.outbound_proxy_enable", 1)
    setting("account.1.outbound_proxy.1.address", ctx.proxy)
    setting("account.1.outbound_proxy.1.port", 5061 if ctx.secure else 5060)
    setting("account.1.sip_server.1.transport_type", 2 if ctx.secure else 0)
    setting("account.1.srtp_encryption", 2 if ctx.secure else 0)
    setting("local_time.ntp_server1", f"ntp.{ctx.domain}")
    setting("local_time.time_zone", "+1")
    setting("local_time.time_zone_name", "Netherlands(Amsterdam)")
    setting("local_time.summer_time", 2)
    setting("lang.gui", "Dutch")
    setting("lang.wui", "Dutch")
    setting("phone_setting.emergency.number", "112,*1")
    for priority, codec in enumerate(codecs, start=1):
        setting(f"account.1.codec.{codec}.enable", 1)
        setting(f"account.1.codec.{codec}.priority", priority)
    setting("call_waiting.enable", 1)
    setting("voice.handfree.spk_vol", 8)
    setting("voice.handset_send", 5)
    setting("account.1.cid_source", 0)
    setting("static.security.user_name.admin", "admin")
    setting("static.security.user_password", f"admin:{phone.web_password}")
    if phone.vlan_id is not None:
        setting("static.network.vlan.internet_port_enable", 1)
        setting("static.network.vlan.internet_port_vid", phone.vlan_id)
    if ctx.user is not None:
        lines.append(f"## user {ctx.user.name}")
        for n, identity in enumerate(ctx.user.identities, start=1):
            setting(f"account.{n}.enable", 1)
            setting(f"account.{n}.label", identity.number)
            setting(f"account.{n}.display_name", identity.display_name)
            setting(f"account.{n}.user_name", identity.sip_user)
            setting(f"account.{n}.auth_name", identity.sip_user)
            setting(f"account.{n}.password", identity.sip_password)
            if n > 1:
                setting(f"account.{n}.sip_server.1.address", company.sip_domain)
            setting(f"voice_mail.number.{n}", ctx.user.voicemail)
        setting("phone_setting.ring_type", f"Resource:{ctx.user.ring_external}")
        setting("distinctive_ring_tones.alert_info.1.text", "internal")
        setting("distinctive_ring_tones.alert_info.1.ringer", ctx.user.ring_internal.removesuffix(".wav")[-1])
        for n, key in enumerate(phone.function_keys, start=1):
            setting(f"linekey.{n}.type", 16 if key.kind == "blf" else 13)
            setting(f"linekey.{n}.value", key.target)
            setting(f"linekey.{n}.label", key.label)
            setting(f"linekey.{n}.line", 1)
    if phone.firmware:
        setting("static.firmware.url", ctx.firmware_url(".rom"))
    if phone.custom_settings:
        lines.append("## custom settings (Compass Studio)")
        for name, value in phone.custom_settings:
            setting(name, value)
    return "\n".join(lines) + "\n"
