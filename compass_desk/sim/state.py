"""Thread-safe in-memory state of one environment, with the phone process rules.

Time-driven changes (the weekly cutoff, a reset phone fetching its settings, a reboot ending)
are applied lazily, in time order, whenever the state is used: ``catch_up()`` runs under the lock
at the start of every request and control call.
"""

from __future__ import annotations

import heapq
import random
import threading
from datetime import datetime, timedelta
from typing import Any

from compass_desk.domain.catalog import Catalog
from compass_desk.domain.deadline import cutoffs_after
from compass_desk.domain.models import Vendor
from compass_desk.sim import data
from compass_desk.sim.clock import SimClock
from compass_desk.sim.config import SimConfig
from compass_desk.sim.errors import HttpError, UnknownPhoneError, forbidden, not_found
from compass_desk.sim.records import Company, Dataset, Phone, User

READ, WRITE = "read", "write"


class SimState:
    def __init__(
        self, config: SimConfig, catalog: Catalog, ouis: dict[Vendor, list[str]], clock: SimClock
    ) -> None:
        self.lock = threading.RLock()
        self.catalog = catalog
        self.ouis = ouis
        self.clock = clock
        self.config = config
        self.data: Dataset
        self._macs: dict[str, str] = {}
        self._events: list[tuple[datetime, int, str, str, int]] = []  # due, seq, kind, phone id, generation
        self._generation: dict[str, int] = {}
        self._seq = 0
        self._next_cutoff: datetime
        self._new_ids: data.IdMaker
        self.reload()

    # ---- dataset -------------------------------------------------------------------------
    def reload(self) -> None:
        with self.lock:
            now = self.clock.now()
            self.data = data.generate(self.config, self.catalog, self.ouis, now)
            self._macs = {p.mac: p.resource_id for p in self.data.phones.values()}
            self._events.clear()
            self._generation.clear()
            self._next_cutoff = cutoffs_after(now)
            self._new_ids = data.IdMaker(self.config.seed, f"{self.config.environment}/runtime")

    def company(self, company_id: str) -> Company:
        company = self.data.companies.get(company_id)
        if company is None:
            raise not_found("organisation")
        return company

    def phone(self, resource_id: str) -> Phone:
        phone = self.data.phones.get(resource_id)
        if phone is None:
            raise not_found("phone")
        return phone

    def user(self, entity_id: str) -> User:
        user = self.data.users.get(entity_id)
        if user is None:
            raise not_found("user")
        return user

    def phone_by_mac(self, mac: str) -> Phone | None:
        resource_id = self._macs.get(mac)
        return self.data.phones.get(resource_id) if resource_id else None

    def phones_of(self, company_id: str) -> list[Phone]:
        return [p for p in self.data.phones.values() if p.company_id == company_id]

    # ---- rights ----------------------------------------------------------------------------
    def demo_user(self, username: str) -> User:
        return self.data.users[self.data.demo_users[username]]

    def rights(self, username: str) -> list[tuple[str, str, str]]:
        """(access, "reseller"|"company", entity id) granted to a demo user."""
        if username == "demo":
            return [(WRITE, "reseller", self.data.reseller.entity_id)]
        if username == "helpdesk":
            return [(READ, "reseller", self.data.reseller.entity_id)]
        if username == "installer":
            return [(WRITE, "company", self.data.installer_company)]
        return []

    def access(self, username: str, company_id: str) -> str | None:
        best: str | None = None
        for access, kind, target in self.rights(username):
            # A right on the reseller is inherited by all its companies.
            if kind == "reseller" or target == company_id:
                best = WRITE if WRITE in (access, best) else READ
        return best

    def require(self, username: str, company_id: str, needed: str) -> None:
        access = self.access(username, company_id)
        if access is None:
            raise forbidden("you have no access to this organisation")
        if needed == WRITE and access != WRITE:
            raise forbidden("you have read-only access to this organisation")

    def require_reseller(self, username: str) -> None:
        if not any(kind == "reseller" for _, kind, _ in self.rights(username)):
            raise forbidden("you have no access to this reseller")

    # ---- process rules -----------------------------------------------------------------------
    def catch_up(self) -> datetime:
        """Apply every time-driven change due by now, in time order; returns now."""
        with self.lock:
            now = self.clock.now()
            while True:
                event_due = self._events[0][0] if self._events else None
                if self._next_cutoff <= now and (event_due is None or self._next_cutoff <= event_due):
                    self._apply_cutoff(self._next_cutoff)
                    self._next_cutoff = cutoffs_after(self._next_cutoff)
                elif event_due is not None and event_due <= now:
                    due, _, kind, phone_id, generation = heapq.heappop(self._events)
                    phone = self.data.phones.get(phone_id)
                    if phone is not None and self._generation.get(phone_id) == generation:
                        self._apply_event(kind, phone, due)
                else:
                    return now

    def rewind(self) -> None:
        """The clock was set back: the next cutoff is the first one after the new time."""
        with self.lock:
            self._next_cutoff = cutoffs_after(self.clock.now())

    def next_cutoff(self) -> datetime:
        with self.lock:
            return self._next_cutoff

    def _apply_cutoff(self, cutoff: datetime) -> None:
        # Phones still `active` did not visit the vendor service in their window: deregister them.
        for phone in self.data.phones.values():
            if phone.provisioning == "active" and (phone.activated_at is None or phone.activated_at < cutoff):
                phone.provisioning = "deprovision" if self.config.vendor_failure else "disabled"

    def _schedule(self, phone: Phone, kind: str, due: datetime) -> None:
        generation = self._generation.get(phone.resource_id, 0) + 1
        self._generation[phone.resource_id] = generation
        self._seq += 1
        heapq.heappush(self._events, (due, self._seq, kind, phone.resource_id, generation))

    def _apply_event(self, kind: str, phone: Phone, at: datetime) -> None:
        if kind == "fetch" and phone.provisioning != "active":
            return  # deregistered before it booted: the vendor no longer redirects it
        if kind == "fetch":
            phone.provisioning = "disabled"  # it visited the vendor and now gets settings from Compass
        self._come_online(phone, at)

    def _come_online(self, phone: Phone, at: datetime) -> None:
        rng = random.Random(f"{phone.mac}/{at.isoformat()}")
        entry = self.catalog.get(phone.model)
        installed = phone.installed_firmware or (
            entry.demo_firmwares[0] if entry and entry.demo_firmwares else None
        )
        phone.installed_firmware = phone.firmware or installed
        phone.online = True
        phone.private_ip = f"192.168.{rng.randint(0, 20)}.{rng.randint(10, 250)}"
        phone.public_ip = (
            f"84.{rng.randint(1, 254)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}:{rng.randint(1024, 65000)}"
        )
        phone.registered_at = at
        phone.last_provisioned_at = at

    def _go_offline(self, phone: Phone) -> None:
        phone.online = False
        phone.private_ip = phone.public_ip = None
        phone.registered_at = None

    def register_at_vendor(self, phone: Phone) -> None:
        """Add and Activate: register the MAC at the vendor's redirection service."""
        phone.activated_at = self.clock.now()
        phone.provisioning = "provision" if self.config.vendor_failure else "active"

    def reset_phone(self, mac: str) -> Phone:
        """A factory reset: the phone reboots clean and only finds Compass if it is `active`."""
        with self.lock:
            now = self.catch_up()
            phone = self.phone_by_mac(mac)
            if phone is None:
                raise UnknownPhoneError(f"no phone with MAC address {mac} in this environment")
            self._go_offline(phone)
            self._generation[phone.resource_id] = self._generation.get(phone.resource_id, 0) + 1
            if phone.provisioning == "active":
                self._schedule(phone, "fetch", now + timedelta(seconds=self.config.reset_delay_s))
            return phone

    def reboot(self, phone: Phone) -> None:
        if phone.online:
            self._go_offline(phone)
            self._schedule(phone, "boot", self.clock.now() + timedelta(seconds=self.config.reboot_delay_s))

    # ---- changes -------------------------------------------------------------------------------
    def add_phone(self, company_id: str, fields: dict[str, Any]) -> Phone:
        mac = fields["macAddress"]
        if mac in self._macs:
            raise HttpError(409, f"MAC address {mac} already exists in this environment", field="macAddress")
        phone = Phone(
            self._new_ids.make("phone", len(self._macs)),
            fields["name"],
            mac,
            fields["model"],
            company_id,
            "active",
            vlan_id=fields.get("vlanId"),
            encryption=fields.get("encryption") or "optional",
            expansion_pads=fields.get("expansionPads") or 0,
            web_password=data.secret(random.Random(f"{self.config.seed}/{mac}"), 12),
        )
        self.register_at_vendor(phone)
        self.data.phones[phone.resource_id] = phone
        self._macs[mac] = phone.resource_id
        return phone

    def remove_phone(self, phone: Phone) -> None:
        del self.data.phones[phone.resource_id]
        self._macs.pop(phone.mac, None)
        self._generation.pop(phone.resource_id, None)  # pending events die with it

    def migrate(self, phone: Phone, company_id: str) -> None:
        if phone.company_id != company_id:
            phone.company_id = company_id
            phone.logged_in_user = None  # a user of the old organisation cannot stay logged in
            phone.function_keys = []

    def logged_in_phone(self, user_id: str) -> Phone | None:
        return next((p for p in self.data.phones.values() if p.logged_in_user == user_id), None)
