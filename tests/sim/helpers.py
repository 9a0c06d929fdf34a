"""Lookups over the simulator's HTTP API shared by the simulator tests."""

from __future__ import annotations

from typing import Any

import httpx

from compass_desk.sim import DEMO_PASSWORD, Simulator

V3 = "application/vnd.iperity.compass.v3+json"
V2 = "application/vnd.iperity.compass.v2+json"


def make_client(sim: Simulator, user: str = "demo", accept: str = V3, **kwargs: Any) -> httpx.Client:
    kwargs.setdefault("timeout", 10)
    return httpx.Client(
        base_url=sim.base_url, auth=(user, DEMO_PASSWORD), headers={"Accept": accept}, **kwargs
    )


def me(client: httpx.Client) -> dict[str, Any]:
    return client.get("/user", headers={"X-No-Redirect": "true"}).json()


def companies(client: httpx.Client) -> list[dict[str, Any]]:
    """Every company the demo user sees (via its reseller right)."""
    rights = client.get(f"/user/{me(client)['entityId']}/rights").json()
    reseller = next(r["target"] for r in rights if "/reseller/" in r["target"])
    return client.get(f"{reseller}/entitiesFiltered", params={"filter": "company"}).json()


def all_phones(client: httpx.Client) -> list[dict[str, Any]]:
    return [p for c in companies(client) for p in client.get(f"{c['self']}/phones").json()]


def find_phone(client: httpx.Client, **match: Any) -> dict[str, Any]:
    for phone in all_phones(client):
        if all(phone.get(k) == v for k, v in match.items()):
            return phone
    raise AssertionError(f"no phone with {match}")
