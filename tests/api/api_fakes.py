"""A scripted Compass for httpx.MockTransport: answers by (method, URL), records every request."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx

from compass_desk.api.client import CompassClient
from compass_desk.api.transport import RetryPolicy
from compass_desk.domain.models import Environment

BASE = "https://rest.compass.test"
V3 = "application/vnd.iperity.compass.v3+json"
PASSWORD = "s3cret-Pa55"

Answer = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


def ok(
    data: Any, status: int = 200, content_type: str = V3, headers: dict[str, str] | None = None
) -> httpx.Response:
    body = b"" if data is None else json.dumps(data).encode()
    return httpx.Response(status, content=body, headers={"Content-Type": content_type, **(headers or {})})


def phone_json(url: str = f"{BASE}/things/p-1", **extra: Any) -> dict[str, Any]:
    data = {
        "theType": "phone",
        "resourceId": "p-1",
        "self": url,
        "name": "Reception",
        "macAddress": "000413aabbcc",
        "model": "snom-d785",
        "company": f"{BASE}/orgs/c-1",
        "provisioningByManufacturer": "disabled",
        "provisioningActivatedAt": None,
        "firmware": None,
        "vlanId": None,
        "encryption": "optional",
        "expansionPads": 0,
        "codecProfile": None,
        "loggedInUser": None,
    }
    data.update(extra)
    return data


class FakeCompass:
    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], list[Answer]] = {}
        self.requests: list[httpx.Request] = []
        self.sleeps: list[float] = []

    def on(self, method: str, url: str, *answers: Answer) -> FakeCompass:
        """Queue answers; the last one repeats."""
        self.routes.setdefault((method, url), []).extend(answers)
        return self

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        key = (request.method, str(request.url))
        answers = self.routes.get(key)
        if not answers:
            return ok({"message": f"no route {key}"}, status=404)
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        if isinstance(answer, Exception):
            raise answer
        if callable(answer) and not isinstance(answer, httpx.Response):
            return answer(request)
        return answer

    def count(self, method: str, url: str) -> int:
        return sum(1 for r in self.requests if r.method == method and str(r.url) == url)

    def first(self, method: str) -> httpx.Request:
        return next(r for r in self.requests if r.method == method)

    def client(self, **kwargs: Any) -> CompassClient:
        http = httpx.Client(transport=httpx.MockTransport(self.handler))
        env = Environment("test", kwargs.pop("base_url", BASE), "jan")
        retry = RetryPolicy(attempts=3, sleep=self.sleeps.append, random=lambda: 0.5)
        return CompassClient(env, PASSWORD, http_client=http, retry=retry, **kwargs)
