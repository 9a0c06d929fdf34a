"""The OpenAPI document at ``/schema/schemas/v3.json``, built from the routes the simulator serves."""

from __future__ import annotations

from typing import Any

from compass_desk.sim import handlers
from compass_desk.sim.engine import Engine
from compass_desk.sim.errors import HttpError

_SUMMARIES = {
    "get_me": "Redirect to the authenticated user",
    "get_my_company": "Redirect to the authenticated user's company",
    "get_user": "Get a user",
    "get_rights": "Rights of a user",
    "get_user_status": "Status of a user",
    "get_reseller": "Get a reseller",
    "get_reseller_entities": "Entities of a reseller, filtered by type",
    "get_company": "Get a company",
    "get_company_resources": "Resources of a company, filtered by type",
    "get_company_phones": "Phones of a company",
    "add_phone": "Add a phone to a company",
    "get_phone_models": "Certified phone models",
    "get_phone": "Get a phone",
    "patch_phone": "Update a phone",
    "delete_phone": "Remove a phone",
    "get_phone_status": "Live status of a phone",
    "activate": "Activate provisioning by manufacturer",
    "get_provisioning": "The provisioning file of a phone",
    "reboot": "Reboot a phone",
    "get_custom_settings": "Custom provisioning settings of a phone",
    "patch_custom_settings": "Replace the custom provisioning settings of a phone",
    "migrate": "Move a phone to another company",
}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(word.title() for word in rest)


def document(engine: Engine, path: str) -> dict[str, Any]:
    if path == "/schema":
        return {"schemas": [f"{engine.base_url}/schema/schemas/v3.json"]}
    if path != "/schema/schemas/v3.json":
        raise HttpError(404, "no such schema; see /schema/schemas/v3.json")
    disabled = engine.config.disabled_operations
    paths: dict[str, Any] = {}
    for route in handlers.ROUTES:
        operations: dict[str, Any] = {}
        for method, (handler, operation) in route.methods.items():
            if operation in disabled:
                continue
            entry: dict[str, Any] = {
                "operationId": _camel(handler.__name__),
                "summary": _SUMMARIES.get(handler.__name__, handler.__name__),
            }
            if operation:
                entry["x-compass-operation"] = operation
            if "{id}" in route.template:
                entry["parameters"] = [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ]
            operations[method.lower()] = entry
        if operations:
            paths[route.template] = operations
    return {
        "openapi": "3.0.3",
        "info": {"title": f"Compass REST API ({engine.config.environment}, simulated)", "version": "v3"},
        "servers": [{"url": engine.base_url}],
        "components": {"securitySchemes": {"basic": {"type": "http", "scheme": "basic"}}},
        "security": [{"basic": []}],
        "paths": paths,
    }
