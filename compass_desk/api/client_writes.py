"""The Compass client's writes: each one checks the environment offers it, sends it once, and when
the answer is lost reads back to tell "done" from "not applied" (see api.requester).

Also the wording of phones and organisations in the client's messages (:func:`describe`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from compass_desk.api import schema
from compass_desk.api.errors import NotFoundError, OutcomeUnknownError, worded
from compass_desk.api.requester import NotApplied, Requester, run_verify
from compass_desk.domain.mac import format_mac, normalize_mac
from compass_desk.domain.models import (
    Company,
    CustomSetting,
    Encryption,
    Phone,
    ProvisioningState,
)
from compass_desk.domain.phone_words import phone_words
from compass_desk.domain.text import Text

# States an Activate never leaves a phone in (it sets ``active``, or ``provision`` on vendor failure).
_INACTIVE = frozenset({ProvisioningState.DISABLED, ProvisioningState.DEPROVISION})


def describe(phone: Phone) -> str:
    """``phone “Reception” (00:04:13:AA:BB:CC)`` for messages (English)."""
    return phone_words(phone).en


describe_text = phone_words  # every language; the one wording (domain.phone_words)


def company_text(company: Company, en: str, nl: str) -> Text:
    """The organisation's name, or a description (*en*/*nl*) when it has none."""
    return Text(company.name, company.name) if company.name else Text(en, nl)


class PhoneWrites:
    """The phone writes of :class:`compass_desk.api.client.CompassClient` (mixed into it)."""

    _requester: Requester

    if TYPE_CHECKING:  # provided by CompassClient
        def phone(self, url: str) -> Phone: ...
        def phones(self, company: Company) -> list[Phone]: ...
        def custom_settings(self, phone: Phone) -> list[CustomSetting]: ...
        def _require(self, operation: str, what: Text) -> None: ...

    def activate(self, phone: Phone) -> Phone:
        what = worded(
            "activate provisioning by manufacturer for {p}",
            "provisioning door de fabrikant te activeren voor {p}",
            p=describe_text(phone),
        )
        self._require("activate", what)

        before = phone.activated_at

        def verify() -> Phone:
            # provisioningActivatedAt has one-second resolution: a stamp equal to the one before the
            # request may be this very activation. "Not applied" is said only when that is certain.
            now = self.phone(phone.url)
            stamp = now.activated_at
            if stamp is not None and (before is None or stamp > before):
                return now  # stamped after the state the caller saw: an activation happened
            if stamp is None and before is None:
                raise NotApplied  # every Activate leaves a stamp, and there is none
            if stamp == before and now.provisioning in _INACTIVE:
                raise NotApplied  # same stamp, and not the state an Activate leaves: nothing happened
            raise OutcomeUnknownError(
                worded(
                    "Compass did not confirm the request to {w}, and reading back cannot tell whether it "
                    "happened (the activation time is the same as before, to the second); check in Compass "
                    "before trying again.",
                    "Compass heeft het verzoek om {w} niet bevestigd, en teruglezen kan niet zeggen of het "
                    "gebeurd is (de activeringstijd is dezelfde als eerst, tot op de seconde); kijk in "
                    "Compass voordat je het opnieuw probeert.",
                    w=what,
                )
            )

        data = self._requester.write("POST", phone.url + schema.SUB_ACTIVATE, what, verify=verify)
        return self._phone_or_read_back(data, phone.url)

    def reboot(self, phone: Phone) -> None:
        what = worded("reboot {p}", "{p} te herstarten", p=describe_text(phone))
        self._require("reboot", what)
        # A reboot leaves no trace the API can show right away: an unknown outcome stays unknown.
        self._requester.write("POST", phone.url + schema.SUB_REBOOT, what, verify=None)

    def add_phone(
        self,
        company: Company,
        *,
        name: str,
        model: str,
        mac: str,
        vlan_id: int | None = None,
        encryption: Encryption | str | None = None,
        expansion_pads: int | None = None,
    ) -> Phone:
        mac = normalize_mac(mac)
        what = worded(
            "add phone {mac} to {c}",
            "telefoon {mac} toe te voegen aan {c}",
            mac=format_mac(mac),
            c=company_text(company, "the organisation", "de organisatie"),
        )
        self._require("add", what)
        body = schema.new_phone_body(
            name=name,
            model=model,
            mac=mac,
            vlan_id=vlan_id,
            encryption=encryption,
            expansion_pads=expansion_pads,
        )

        def check() -> tuple[bool, Phone | None]:
            match = [p for p in self.phones(company) if p.mac == mac]
            return bool(match), match[0] if match else None

        data = self._requester.write("POST", company.url + schema.SUB_PHONES, what, body, run_verify(check))
        if isinstance(data, Phone):
            return data
        return schema.parse_phone(data)

    def remove_phone(self, phone: Phone) -> None:
        what = worded("remove {p}", "{p} te verwijderen", p=describe_text(phone))
        self._require("remove", what)

        def check() -> tuple[bool, None]:
            try:
                self.phone(phone.url)
            except NotFoundError:
                return True, None
            return False, None

        self._requester.write("DELETE", phone.url, what, verify=run_verify(check))

    def update_phone(self, phone: Phone, **fields: Any) -> Phone:
        body = schema.phone_patch_body(fields)
        what = worded(
            "change {fields} of {p}", "{fields} van {p} te wijzigen",
            fields=", ".join(sorted(fields)), p=describe_text(phone),
        )
        self._require("update", what)
        body_by_field = {key: body[schema.PHONE_UPDATE_FIELDS[key]] for key in fields}

        def verify() -> Phone:
            now = self.phone(phone.url)
            if all(schema.phone_field(now, key) == value for key, value in body_by_field.items()):
                return now
            if all(schema.phone_field(now, key) == schema.phone_field(phone, key) for key in body_by_field):
                raise NotApplied
            described = describe_text(phone)
            raise OutcomeUnknownError(
                Text(
                    f"{described.en.capitalize()} changed, but not as requested; "
                    "someone else may be editing it. Check it in Compass.",
                    f"{described.nl[:1].upper()}{described.nl[1:]} is gewijzigd, maar niet zoals gevraagd; "
                    "misschien bewerkt iemand anders hem. Controleer hem in Compass.",
                )
            )

        data = self._requester.write("PATCH", phone.url, what, body, verify)
        return self._phone_or_read_back(data, phone.url)

    def set_firmware(self, phone: Phone, version: str | None) -> Phone:
        return self.update_phone(phone, firmware=version)

    def set_custom_settings(self, phone: Phone, settings: Sequence[CustomSetting]) -> list[CustomSetting]:
        what = worded(
            "change the custom settings of {p}",
            "de eigen instellingen van {p} te wijzigen",
            p=describe_text(phone),
        )
        self._require("customSettings", what)
        wanted = list(settings)

        def check() -> tuple[bool, list[CustomSetting]]:
            now = self.custom_settings(phone)
            return now == wanted, now

        data = self._requester.write(
            "PATCH",
            phone.url + schema.SUB_CUSTOM_SETTINGS,
            what,
            schema.custom_settings_body(wanted),
            run_verify(check),
        )
        if isinstance(data, list) and all(isinstance(s, CustomSetting) for s in data):
            return data
        return schema.parse_custom_settings(data) if data is not None else self.custom_settings(phone)

    def migrate(self, phone: Phone, target: Company) -> Phone:
        what = worded(
            "move {p} to {c}",
            "{p} te verplaatsen naar {c}",
            p=describe_text(phone),
            c=company_text(target, "the organisation", "de organisatie"),
        )
        self._require("migrate", what)
        self._requester.check_url(target.url)

        def check() -> tuple[bool, Phone]:
            now = self.phone(phone.url)
            return now.company_url == target.url, now

        data = self._requester.write(
            "POST", phone.url + schema.SUB_MIGRATE, what, schema.migrate_body(target.url), run_verify(check)
        )
        moved = self._phone_or_read_back(data, phone.url)
        if moved.company_url != target.url:
            raise OutcomeUnknownError(
                worded(
                    "Compass accepted the move of {p}, but the phone still shows its old organisation; "
                    "check it in Compass.",
                    "Compass heeft het verplaatsen van {p} geaccepteerd, maar de telefoon staat nog bij "
                    "zijn oude organisatie; controleer hem in Compass.",
                    p=describe_text(phone),
                )
            )
        return moved

    def _phone_or_read_back(self, data: Any, url: str) -> Phone:
        if isinstance(data, Phone):
            return data
        if (
            isinstance(data, dict)
            and data.get(schema.F_TYPE, schema.TYPE_PHONE) == schema.TYPE_PHONE
            and schema.F_SELF in data
        ):
            return schema.parse_phone(data)
        return self.phone(url)  # an empty "void" answer: read the phone as it is now
