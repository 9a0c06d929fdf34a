"""The seeded demo dataset: one reseller, its organisations, users and phones.

The same seed and sizes always give the same organisations, users, phones and MACs; times are
placed relative to the simulator clock at generation, so that states stay plausible (an ``active``
phone was activated after the last weekly cutoff).
"""

from __future__ import annotations

import hashlib
import random
import re
import string
from dataclasses import replace
from datetime import datetime, timedelta

from compass_desk.domain.catalog import Catalog, CatalogEntry
from compass_desk.domain.deadline import cutoffs_after
from compass_desk.domain.models import Vendor
from compass_desk.sim import names
from compass_desk.sim.config import SimConfig
from compass_desk.sim.records import Company, Dataset, FunctionKey, Identity, Phone, Reseller, User

DEMO_PASSWORD = "compass-demo"
DEMO_USERS = ("demo", "helpdesk", "installer")
_DEMO_NAMES = {
    "demo": "Demo Beheerder",
    "helpdesk": "Helpdesk Medewerker",
    "installer": "Installateur Buitendienst",
}
_DEMO_OWN_COMPANY = {"demo": 0, "helpdesk": 0, "installer": 1}  # index of the user's own company
SHARED_MAC_EVERY = 8  # every 8th staging phone has a MAC that production of the same seed also has
_STATES = ("disabled", "active", "provision", "deprovision")
_STATE_WEIGHTS = (70, 16, 7, 7)


class IdMaker:
    """Opaque, stable ids: 8 hex digits of a hash, unique within one dataset."""

    def __init__(self, seed: int, environment: str) -> None:
        self._salt = f"{seed}/{environment}"
        self._used: set[str] = set()

    def make(self, kind: str, key: object) -> str:
        attempt = 0
        while True:
            digest = hashlib.sha256(f"{self._salt}/{kind}/{key}/{attempt}".encode()).hexdigest()[:8]
            if digest not in self._used and not digest.isdigit():
                self._used.add(digest)
                return digest
            attempt += 1


def previous_cutoff(now: datetime) -> datetime:
    """The last weekly cutoff at or before *now*."""
    moment = cutoffs_after(now - timedelta(days=8))
    while (following := cutoffs_after(moment)) <= now:
        moment = following
    return moment


def generate(config: SimConfig, catalog: Catalog, ouis: dict[Vendor, list[str]], now: datetime) -> Dataset:
    rng = random.Random(f"compass-sim/{config.seed}/{config.environment}")
    ids = IdMaker(config.seed, config.environment)
    reseller = Reseller(ids.make("reseller", 0), names.RESELLER_NAMES[config.environment])
    companies = _companies(rng, ids, config)
    company_list = list(companies.values())
    users = _users(rng, ids, company_list)
    demo_users = {}
    for index, username in enumerate(DEMO_USERS):
        own = company_list[min(_DEMO_OWN_COMPANY[username], len(company_list) - 1)]
        user = User(ids.make("demo-user", index), _DEMO_NAMES[username], username, own.entity_id)
        users[user.entity_id] = user
        demo_users[username] = user.entity_id
    entries = sorted(catalog, key=lambda e: e.model.id)
    shared: list[tuple[str, str]] = []
    if config.environment == "staging":
        production = generate(replace(config, environment="production"), catalog, ouis, now)
        shared = [(p.mac, p.model) for p in production.phones.values()]
    phones = _phones(rng, ids, config, entries, ouis, company_list, users, now, shared)
    return Dataset(
        reseller, companies, users, phones, demo_users, company_list[min(1, len(company_list) - 1)].entity_id
    )


def _companies(rng: random.Random, ids: IdMaker, config: SimConfig) -> dict[str, Company]:
    result: dict[str, Company] = {}
    seen: set[str] = set()
    domain = f"{config.environment}.compass.example"
    own = "Belvox Telecom Servicedesk" if config.environment == "production" else "Belvox Testlab"
    while len(result) < config.companies:
        if not result:
            name = own
        else:
            pattern = rng.choice(names.ORGANISATION_PATTERNS)
            name = pattern.format(
                s=rng.choice(names.SURNAMES), s2=rng.choice(names.SURNAMES), c=rng.choice(names.CITIES)
            )
            name = name[0].upper() + name[1:]
            if name in seen:
                name = f"{name} {rng.choice(names.CITIES)}" if "{c}" not in pattern else f"{name} {len(seen)}"
            if name in seen:
                continue
        seen.add(name)
        shortname = _shortname(name, {c.shortname for c in result.values()})
        company = Company(ids.make("company", len(result)), name, shortname, f"{shortname}.{domain}")
        result[company.entity_id] = company
    return result


def _shortname(name: str, taken: set[str]) -> str:
    words = [
        w for w in re.sub(r"[^a-z0-9 ]", "", name.lower()).split() if w not in {"bv", "van", "de", "der"}
    ]
    base = "".join(words)[:14] or "org"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}{n}", n + 1
    return candidate


def _users(rng: random.Random, ids: IdMaker, companies: list[Company]) -> dict[str, User]:
    users: dict[str, User] = {}
    for company in companies:
        next_ext = 201
        for _ in range(rng.randint(4, 10)):
            first, last = rng.choice(names.FIRST_NAMES), rng.choice(names.SURNAMES)
            full = f"{first} {last}"
            username = f"{first[0].lower()}.{last.replace(' ', '').lower()}@{company.shortname}"
            identities = []
            for n in range(rng.choices((1, 2, 3), (5, 3, 2))[0]):
                ext = str(next_ext)
                next_ext += 1
                label = full if n == 0 else f"{full} ({rng.choice(names.DEPARTMENTS)})"
                identities.append(Identity(ext, label, f"{company.shortname}-{ext}", secret(rng, 16)))
            user = User(
                ids.make("user", f"{company.entity_id}/{len(users)}"),
                full,
                username,
                company.entity_id,
                identities,
                voicemail=f"*{identities[0].number}",
                ring_internal=rng.choice(("Ring1.wav", "Ring3.wav", "Ring5.wav")),
                ring_external=rng.choice(("Ring2.wav", "Ring4.wav", "Ring6.wav")),
            )
            users[user.entity_id] = user
    return users


def secret(rng: random.Random, length: int) -> str:
    return "".join(rng.choices(string.ascii_letters + string.digits, k=length))


def random_mac(rng: random.Random, entry: CatalogEntry, ouis: dict[Vendor, list[str]]) -> str:
    vendor = entry.model.vendor
    choices = ouis.get(vendor) or ["000413"]
    if vendor is Vendor.SNOM:
        # Snom DECT bases carry the RTX prefix, desk phones snom's own (phones.md §6).
        dect = [p for p in choices if p == "00087b"]
        desk = [p for p in choices if p != "00087b"] or choices
        choices = dect if entry.model.kind == "dect" and dect else desk
    return rng.choice(choices) + f"{rng.getrandbits(24):06x}"


def _phones(
    rng: random.Random,
    ids: IdMaker,
    config: SimConfig,
    entries: list[CatalogEntry],
    ouis: dict[Vendor, list[str]],
    companies: list[Company],
    users: dict[str, User],
    now: datetime,
    shared: list[tuple[str, str]],
) -> dict[str, Phone]:
    by_id = {e.model.id: e for e in entries}
    last_cutoff = previous_cutoff(now)
    free_users: dict[str, list[str]] = {}
    for user in users.values():
        if not user.identities:
            continue  # the demo accounts are administrators, not phone users
        free_users.setdefault(user.company_id, []).append(user.entity_id)
    weights = [3 if e.model.kind == "desk" else 1 for e in entries]
    phones: dict[str, Phone] = {}
    macs: set[str] = set()
    counters: dict[str, int] = {}
    for index in range(config.phones):
        if shared and index % SHARED_MAC_EVERY == 0 and index // SHARED_MAC_EVERY < len(shared):
            mac, model_id = shared[index // SHARED_MAC_EVERY]
            entry = by_id[model_id]
        else:
            entry = entries[index] if index < len(entries) else rng.choices(entries, weights)[0]
            mac = random_mac(rng, entry, ouis)
        while mac in macs:
            mac = random_mac(rng, entry, ouis)
        macs.add(mac)
        company = companies[index % len(companies)] if index < len(companies) * 2 else rng.choice(companies)
        state = _STATES[index] if index < len(_STATES) else rng.choices(_STATES, _STATE_WEIGHTS)[0]
        counters[company.entity_id] = counters.get(company.entity_id, 0) + 1
        phone = Phone(
            ids.make("phone", index),
            _phone_name(rng, entry, counters[company.entity_id]),
            mac,
            entry.model.id,
            company.entity_id,
            state,
            web_password=secret(rng, 12),
        )
        _shape(rng, phone, entry, now, last_cutoff)
        if phone.online and state == "disabled" and free_users.get(company.entity_id) and rng.random() < 0.45:
            pool = free_users[company.entity_id]
            user = users[pool.pop(rng.randrange(len(pool)))]
            phone.logged_in_user = user.entity_id
            colleagues = [
                u
                for u in users.values()
                if u.company_id == company.entity_id and u is not user and u.identities
            ]
            for colleague in rng.sample(colleagues, min(len(colleagues), rng.randint(1, 5))):
                phone.function_keys.append(
                    FunctionKey(colleague.name.split()[0], "blf", colleague.identities[0].number)
                )
            phone.function_keys.append(FunctionKey("Voicemail", "speed", user.voicemail))
        phones[phone.resource_id] = phone
    return phones


def _phone_name(rng: random.Random, entry: CatalogEntry, number: int) -> str:
    if entry.model.kind == "dect":
        return f"DECT basis {number}"
    return f"{rng.choice(names.DEPARTMENTS)} {number}"


def _shape(
    rng: random.Random, phone: Phone, entry: CatalogEntry, now: datetime, last_cutoff: datetime
) -> None:
    """Fill in times, firmware, network details and the live status to fit the phone's state."""
    firmwares = entry.demo_firmwares
    if phone.provisioning == "active":
        span = max(60.0, (now - last_cutoff).total_seconds() - 60)
        phone.activated_at = now - timedelta(seconds=rng.uniform(30, span))
        phone.online = rng.random() < 0.1
    else:
        if phone.provisioning != "disabled" or rng.random() < 0.7:
            phone.activated_at = last_cutoff - timedelta(
                days=rng.randint(0, 200), seconds=rng.randint(0, 86_000)
            )
        phone.online = (
            rng.random() < {"disabled": 0.8, "provision": 0.15, "deprovision": 0.6}[phone.provisioning]
        )
    if firmwares and rng.random() < 0.2:
        phone.firmware = rng.choice(firmwares)
    if phone.provisioning != "provision" or phone.online:
        phone.installed_firmware = rng.choice(firmwares) if firmwares else None
        phone.last_provisioned_at = now - timedelta(minutes=rng.randint(5, 60 * 24 * 30))
    if rng.random() < 0.2:
        phone.vlan_id = rng.choice((10, 20, 100, 200))
    if rng.random() < 0.15:
        phone.encryption = "mandatory"
    if (
        entry.model.kind == "desk"
        and entry.model.name.endswith(("785", "48S", "48U", "58W"))
        and rng.random() < 0.3
    ):
        phone.expansion_pads = rng.randint(1, 2)
    if rng.random() < 0.1:
        phone.codec_profile = rng.choice(("hd-voice", "low-bandwidth"))
    if rng.random() < 0.15:
        phone.custom_settings = _custom(rng, entry.model.vendor)
    if phone.online:
        phone.private_ip = f"192.168.{rng.randint(0, 20)}.{rng.randint(10, 250)}"
        if rng.random() < 0.5:
            phone.private_ip += f":{rng.choice((5060, 5062))}"
        phone.public_ip = (
            f"{rng.choice((84, 85, 145, 213))}.{rng.randint(1, 254)}.{rng.randint(0, 255)}."
            f"{rng.randint(1, 254)}:{rng.randint(1024, 65000)}"
        )
        phone.registered_at = now - timedelta(seconds=rng.randint(60, 3600))
        phone.installed_firmware = phone.installed_firmware or (firmwares[0] if firmwares else None)


def _custom(rng: random.Random, vendor: Vendor) -> list[tuple[str, str]]:
    if vendor is Vendor.SNOM:
        pool = [
            ("display_idle_text&", "Welkom"),
            ("dnd_mode!", "off"),
            ("call_waiting", "visual"),
            ("ringer_headset_device", "headset"),
            ("vlan_qos", "5"),
        ]
    else:
        pool = [
            ("features.dnd.enable", "0"),
            ("phone_setting.backlight_time", "60"),
            ("features.call_waiting.enable", "1"),
            ("lang.gui", "Dutch"),
            ("voice.tone.country", "Netherlands"),
        ]
    return rng.sample(pool, rng.randint(1, 3))
