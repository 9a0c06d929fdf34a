"""The Compass endpoints (compass-api.md: the documented ones and the contract table).

Each handler runs under the state lock after pending time-driven changes were applied, and
returns a Reply whose body is plain JSON data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from compass_desk.sim import provisioning, serialize, validation
from compass_desk.sim.engine import Engine, Reply, Request
from compass_desk.sim.errors import HttpError, bad_request, forbidden
from compass_desk.sim.records import Phone, User
from compass_desk.sim.state import READ, WRITE

Handler = Callable[..., Reply]


@dataclass(frozen=True, slots=True)
class Route:
    pattern: re.Pattern[str]
    template: str  # OpenAPI path
    methods: dict[str, tuple[Handler, str | None]]  # method -> (handler, operation name for supports())


def _bootstrap(eng: Engine, req: Request, target: str) -> Reply:
    state = eng.state
    user = state.demo_user(req.username)
    if target == "user":
        url, body = f"{eng.base_url}/user/{user.entity_id}", serialize.user(eng.base_url, user)
    else:
        company = state.company(user.company_id)
        url = f"{eng.base_url}/company/{company.entity_id}"
        body = serialize.company(eng.base_url, company, state.data.reseller.entity_id)
    if req.headers.get("x-no-redirect", "").strip().lower() == "true":
        return Reply(200, body)
    return Reply(303, None, {"Location": url})


def get_me(eng: Engine, req: Request) -> Reply:
    return _bootstrap(eng, req, "user")


def get_my_company(eng: Engine, req: Request) -> Reply:
    return _bootstrap(eng, req, "company")


def _visible_user(eng: Engine, req: Request, user_id: str) -> User:
    user = eng.state.user(user_id)
    if user.entity_id != eng.state.data.demo_users[req.username]:
        eng.state.require(req.username, user.company_id, READ)
    return user


def get_user(eng: Engine, req: Request, user_id: str) -> Reply:
    return Reply(200, serialize.user(eng.base_url, _visible_user(eng, req, user_id)))


def get_rights(eng: Engine, req: Request, user_id: str) -> Reply:
    user = _visible_user(eng, req, user_id)
    rights = eng.state.rights(user.username) if user.username in eng.state.data.demo_users else []
    return Reply(200, [serialize.right(eng.base_url, *r) for r in rights])


def get_user_status(eng: Engine, req: Request, user_id: str) -> Reply:
    user = _visible_user(eng, req, user_id)
    phone = eng.state.logged_in_phone(user.entity_id)
    body: dict[str, str | None] = {"theType": "userStatus", "user": f"{eng.base_url}/user/{user.entity_id}"}
    if req.version == "v2":
        body["phone"] = serialize.phone_url(eng.base_url, phone) if phone else None
    else:  # v3 redefined this endpoint as the user's call status
        body["callStatus"] = "idle"
    return Reply(200, body)


def get_reseller(eng: Engine, req: Request, reseller_id: str) -> Reply:
    _reseller(eng, req, reseller_id)
    return Reply(200, serialize.reseller(eng.base_url, eng.state.data.reseller))


def _reseller(eng: Engine, req: Request, reseller_id: str) -> None:
    if reseller_id != eng.state.data.reseller.entity_id:
        raise HttpError(404, "no such reseller")
    eng.state.require_reseller(req.username)


def get_reseller_entities(eng: Engine, req: Request, reseller_id: str) -> Reply:
    _reseller(eng, req, reseller_id)
    kind = req.query.get("filter")
    if kind != "company":
        raise bad_request("filter", f"filter {kind!r} is not supported here; use filter=company")
    reseller_id = eng.state.data.reseller.entity_id
    return Reply(
        200,
        [
            serialize.company(eng.base_url, c, reseller_id, full=False)
            for c in eng.state.data.companies.values()
        ],
    )


def get_company(eng: Engine, req: Request, company_id: str) -> Reply:
    company = eng.state.company(company_id)
    eng.state.require(req.username, company_id, READ)
    return Reply(200, serialize.company(eng.base_url, company, eng.state.data.reseller.entity_id))


def get_company_resources(eng: Engine, req: Request, company_id: str) -> Reply:
    eng.state.company(company_id)
    eng.state.require(req.username, company_id, READ)
    kind = req.query.get("filter")
    if not kind:
        raise bad_request("filter", "filter is required, e.g. filter=phone")
    phones = eng.state.phones_of(company_id) if kind == "phone" else []
    return Reply(200, [serialize.phone_base(eng.base_url, p) for p in phones])


def get_company_phones(eng: Engine, req: Request, company_id: str) -> Reply:
    eng.state.company(company_id)
    eng.state.require(req.username, company_id, READ)
    return Reply(200, [serialize.phone(eng.base_url, p) for p in eng.state.phones_of(company_id)])


def add_phone(eng: Engine, req: Request, company_id: str) -> Reply:
    eng.state.company(company_id)
    eng.state.require(req.username, company_id, WRITE)
    fields = validation.new_phone(req.body, eng.catalog)
    phone = eng.state.add_phone(company_id, fields)
    url = serialize.phone_url(eng.base_url, phone)
    return Reply(201, serialize.phone(eng.base_url, phone), {"Location": url})


def get_phone_models(eng: Engine, req: Request, company_id: str) -> Reply:
    eng.state.company(company_id)
    eng.state.require(req.username, company_id, READ)
    return Reply(200, [serialize.phone_model(entry) for entry in eng.catalog])


def _phone(eng: Engine, req: Request, phone_id: str, needed: str) -> Phone:
    phone = eng.state.phone(phone_id)
    eng.state.require(req.username, phone.company_id, needed)
    return phone


def get_phone(eng: Engine, req: Request, phone_id: str) -> Reply:
    return Reply(200, serialize.phone(eng.base_url, _phone(eng, req, phone_id, READ)))


def patch_phone(eng: Engine, req: Request, phone_id: str) -> Reply:
    phone = _phone(eng, req, phone_id, WRITE)
    entry = eng.catalog.get(phone.model)
    firmwares = entry.demo_firmwares if entry else ()
    changes = validation.phone_patch(req.body, firmwares, serialize.phone(eng.base_url, phone))
    for field, value in changes.items():
        attribute = {"vlanId": "vlan_id", "expansionPads": "expansion_pads", "codecProfile": "codec_profile"}
        setattr(phone, attribute.get(field, field), value)
    return Reply(200, serialize.phone(eng.base_url, phone))


def delete_phone(eng: Engine, req: Request, phone_id: str) -> Reply:
    eng.state.remove_phone(_phone(eng, req, phone_id, WRITE))
    return Reply(204)


def get_phone_status(eng: Engine, req: Request, phone_id: str) -> Reply:
    phone = _phone(eng, req, phone_id, READ)
    return Reply(200, serialize.status(eng.base_url, phone, eng.catalog.get(phone.model)))


def activate(eng: Engine, req: Request, phone_id: str) -> Reply:
    phone = _phone(eng, req, phone_id, WRITE)
    eng.state.register_at_vendor(phone)
    return Reply(200, serialize.phone(eng.base_url, phone))


def get_provisioning(eng: Engine, req: Request, phone_id: str) -> Reply:
    phone = _phone(eng, req, phone_id, READ)
    entry = eng.catalog.get(phone.model)
    if entry is None:
        raise HttpError(500, f"model {phone.model} is unknown to the simulator")
    user = eng.state.data.users.get(phone.logged_in_user) if phone.logged_in_user else None
    now = eng.clock.now()
    context = provisioning.Context(
        phone, eng.state.company(phone.company_id), user, entry, eng.config.environment, now
    )
    filename, content_type, content = provisioning.generate(context)
    return Reply(
        200,
        {
            "filename": filename,
            "contentType": content_type,
            "content": content,
            "generatedAt": serialize.iso(now),
        },
    )


def reboot(eng: Engine, req: Request, phone_id: str) -> Reply:
    eng.state.reboot(_phone(eng, req, phone_id, WRITE))
    return Reply(204)


def get_custom_settings(eng: Engine, req: Request, phone_id: str) -> Reply:
    return Reply(200, serialize.custom_settings(_phone(eng, req, phone_id, READ)))


def patch_custom_settings(eng: Engine, req: Request, phone_id: str) -> Reply:
    phone = _phone(eng, req, phone_id, WRITE)
    entry = eng.catalog.get(phone.model)
    vendor = entry.model.vendor.value if entry else "yealink"
    phone.custom_settings = validation.custom_settings(req.body, vendor)
    return Reply(200, serialize.custom_settings(phone))


def migrate(eng: Engine, req: Request, phone_id: str) -> Reply:
    phone = _phone(eng, req, phone_id, WRITE)
    target = validation.company_reference(req.body, eng.base_url)
    if target not in eng.state.data.companies:
        raise bad_request("newCompany", "newCompany is not an organisation of this environment")
    if eng.state.access(req.username, target) != WRITE:
        raise forbidden("you need write access to the target organisation")
    eng.state.migrate(phone, target)
    return Reply(200, serialize.phone(eng.base_url, phone))


_ID = r"([^/]+)"


def _route(template: str, **methods: tuple[Handler, str | None]) -> Route:
    pattern = re.compile("^" + re.sub(r"\{[a-z]+\}", _ID, template) + "$")
    return Route(pattern, template, methods)


ROUTES: tuple[Route, ...] = (
    _route("/user", GET=(get_me, None)),
    _route("/company", GET=(get_my_company, None)),
    _route("/user/{id}", GET=(get_user, None)),
    _route("/user/{id}/rights", GET=(get_rights, None)),
    _route("/user/{id}/status", GET=(get_user_status, None)),
    _route("/reseller/{id}", GET=(get_reseller, None)),
    _route("/reseller/{id}/entitiesFiltered", GET=(get_reseller_entities, None)),
    _route("/company/{id}", GET=(get_company, None)),
    _route("/company/{id}/resourcesFiltered", GET=(get_company_resources, None)),
    _route("/company/{id}/phones", GET=(get_company_phones, None), POST=(add_phone, "add")),
    _route("/company/{id}/phoneModels", GET=(get_phone_models, "phoneModels")),
    _route(
        "/phone/{id}", GET=(get_phone, None), PATCH=(patch_phone, "update"), DELETE=(delete_phone, "remove")
    ),
    _route("/phone/{id}/phoneStatus", GET=(get_phone_status, "phoneStatus")),
    _route("/phone/{id}/activateProvisioning", POST=(activate, "activate")),
    _route("/phone/{id}/provisioning", GET=(get_provisioning, "provisioning")),
    _route("/phone/{id}/reboot", POST=(reboot, "reboot")),
    _route(
        "/phone/{id}/customSettings",
        GET=(get_custom_settings, "customSettings"),
        PATCH=(patch_custom_settings, "customSettings"),
    ),
    _route("/phone/{id}/migrateToCompany", POST=(migrate, "migrate")),
)


def match(path: str) -> tuple[Route, tuple[str, ...]] | None:
    for route in ROUTES:
        found = route.pattern.match(path)
        if found:
            return route, found.groups()
    return None
