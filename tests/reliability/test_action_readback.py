"""Actions whose answer is lost are read back, never reported wrongly (counted in the simulator)."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
from reliability_helpers import ActionTap

from compass_desk.api import errors
from compass_desk.api.client import CompassClient
from compass_desk.domain.models import Environment
from compass_desk.sim import DEMO_PASSWORD


class LoseAnswers(httpx.HTTPTransport):
    """Real HTTP; the answer to a POST ending in *suffix* is lost after the server handled it."""

    def __init__(self, suffix: str) -> None:
        super().__init__()
        self.suffix = suffix
        self.lose = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if self.lose and request.method == "POST" and request.url.path.endswith(self.suffix):
            response.read()
            response.close()
            raise httpx.ReadError("connection reset by peer", request=request)
        return response


def _first_phone(client: CompassClient):
    return client.phones(client.companies()[0])[0]


def test_lost_answer_to_activate_is_read_back_as_applied(simulator):
    tap = ActionTap(simulator)
    transport = LoseAnswers("/activateProvisioning")
    env = Environment("sim", simulator.base_url, "demo")
    with httpx.Client(transport=transport) as http:
        client = CompassClient(env, DEMO_PASSWORD, http_client=http)
        phone = _first_phone(client)
        transport.lose = True
        after = client.activate(phone)
    assert tap.activations[phone.resource_id] == 1
    assert after.activated_at is not None and str(after.provisioning) == "active"


def test_second_activate_in_same_second_with_lost_answer_is_not_reported_as_not_applied(simulator):
    tap = ActionTap(simulator)
    transport = LoseAnswers("/activateProvisioning")
    env = Environment("sim", simulator.base_url, "demo")
    moment = datetime(2026, 11, 24, 10, 0, 0, tzinfo=UTC)
    with httpx.Client(transport=transport) as http:
        client = CompassClient(env, DEMO_PASSWORD, http_client=http)
        phone = _first_phone(client)
        simulator.set_clock(moment)
        first = client.activate(phone)
        simulator.set_clock(moment)  # both activations carry the same whole second
        transport.lose = True
        try:
            client.activate(first)
        except errors.ChangeNotAppliedError:
            applied_as_reported = 1
        except errors.OutcomeUnknownError:
            applied_as_reported = None  # honest: unknown
        else:
            applied_as_reported = 2
    assert tap.activations[phone.resource_id] == 2
    assert applied_as_reported in (2, None), "reported 'nothing changed' although the activation was applied"
