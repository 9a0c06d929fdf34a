"""Sessions, journals and test phones on the simulator for the move tests."""

from __future__ import annotations

from typing import Any

import httpx

from compass_desk.api.client import CompassClient
from compass_desk.api.transport import RetryPolicy
from compass_desk.domain.models import Company, CustomSetting, Environment, Phone
from compass_desk.services.session import Session

FAST_TIMEOUT = httpx.Timeout(connect=2.0, read=5.0, write=5.0, pool=5.0)
SECRET = "s3cret-Pa55"


def make_session(sim: Any, user: str = "demo", name: str | None = None,
                 transport: httpx.BaseTransport | None = None) -> Session:
    env = Environment(name or sim.config.environment, sim.base_url, user)
    http = httpx.Client(transport=transport, timeout=FAST_TIMEOUT) if transport else None
    client = CompassClient(env, "compass-demo", http_client=http,
                           retry=RetryPolicy(attempts=3, sleep=lambda s: None), timeout=FAST_TIMEOUT)
    session = Session(client, env)
    if http is not None:
        original = session.close

        def close() -> None:
            original()
            http.close()

        session.close = close  # type: ignore[method-assign]
    return session


def pick_phone(session: Session) -> tuple[Phone, Company, Company]:
    """A phone (given a password custom setting and a firmware choice) and a different target."""
    result = session.refresh()
    companies = result.companies
    source = companies[2]
    target = companies[3]
    phone = next(p for p in result.phones if p.company_url == source.url)
    client = session.client
    settings = [*client.custom_settings(phone)]
    vendor_setting = ("http_pass", SECRET) if phone.model.startswith("snom") else \
        ("static.security.user_password", SECRET)
    settings = [s for s in settings if s.name != vendor_setting[0]] + [CustomSetting(*vendor_setting)]
    client.set_custom_settings(phone, settings)
    models = {m.id: m for m in client.phone_models(source)}
    firmwares = models[phone.model].firmwares
    if firmwares:
        phone = client.set_firmware(phone, firmwares[-1])
    return client.phone(phone.url), source, target


def macs_in(session: Session, company: Company) -> list[str]:
    return [p.mac for p in session.client.phones(company)]


def count_everywhere(sim: Any, mac: str) -> int:
    """How many phones with this MAC the simulator holds (the ground truth: never 0, never 2)."""
    return sum(1 for p in sim.engine.state.data.phones.values() if p.mac == mac)


class HookTransport(httpx.HTTPTransport):
    """Real HTTP; ``hooks`` maps (method, url suffix) to a callable run before (or instead of) sending."""

    def __init__(self) -> None:
        super().__init__()
        self.before: dict[tuple[str, str], Any] = {}
        self.after: dict[tuple[str, str], Any] = {}
        self.sent: list[tuple[str, str]] = []

    def _find(self, table: dict[tuple[str, str], Any], request: httpx.Request) -> Any:
        for (method, suffix), fn in table.items():
            if request.method == method and str(request.url).endswith(suffix):
                return fn
        return None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append((request.method, str(request.url)))
        before = self._find(self.before, request)
        if before is not None:
            answer = before(request)
            if isinstance(answer, httpx.Response):
                return answer
        response = super().handle_request(request)
        after = self._find(self.after, request)
        if after is not None:
            after(request)
        return response
