"""Each fault of the simulator, over real HTTP: what the client survives and what it reports."""

from __future__ import annotations

import time

import httpx
import pytest
from sim_connect import sim_client

from compass_desk.api import errors
from compass_desk.api.transport import RetryPolicy
from compass_desk.domain.models import ProvisioningState


def first_disabled_phone(client):
    company = client.companies()[0]
    return next(p for p in client.phones(company) if p.provisioning is ProvisioningState.DISABLED)


def test_latency_slows_but_does_not_break(simulator):
    with sim_client(simulator) as client:
        company = client.companies()[0]
        simulator.set_faults(latency_ms=80, jitter_ms=20)
        started = time.perf_counter()
        phones = client.phones(company)
        assert time.perf_counter() - started >= 0.08
        assert phones


def test_5xx_bursts_are_retried_for_reads(simulator):
    sleeps = []
    with sim_client(simulator, retry=RetryPolicy(attempts=8, sleep=sleeps.append)) as client:
        simulator.set_faults(fault_rate=0.5)
        companies = client.companies()
        total = sum(len(client.phones(c)) for c in companies)
        assert total == 250
        assert sleeps  # some requests did fail and were retried


def test_a_5xx_that_persists_is_a_server_error(simulator):
    with sim_client(simulator) as client:
        simulator.set_faults(fault_rate=1.0)
        with pytest.raises(errors.ServerError) as caught:
            client.whoami()
        assert "try again" in caught.value.message


def test_a_5xx_on_a_write_is_not_resent_and_changed_nothing(simulator):
    with sim_client(simulator) as client:
        phone = first_disabled_phone(client)
        client.capabilities()
        simulator.set_faults(fault_rate=1.0)
        with pytest.raises((errors.ServerError, errors.ChangeNotAppliedError)):
            client.activate(phone)
        simulator.set_faults(fault_rate=0.0)
        assert client.phone(phone.url).provisioning is ProvisioningState.DISABLED


def test_connection_resets_on_reads_are_retried(simulator):
    with sim_client(simulator, retry=RetryPolicy(attempts=8, sleep=lambda s: None)) as client:
        simulator.set_faults(reset_rate=0.4)
        assert len(client.companies()) == 12
    with sim_client(simulator) as client:
        simulator.set_faults(reset_rate=1.0)
        with pytest.raises(errors.NetworkError):
            client.whoami()


def test_ambiguous_post_outcome_is_read_back(simulator):
    """The connection breaks after the simulator handled an Activate: the client reads it back."""

    class BreaksAfterPost(httpx.HTTPTransport):
        broken = 0

        def handle_request(self, request):
            response = super().handle_request(request)
            if request.method == "POST" and not self.broken:
                self.broken += 1
                response.read()
                response.close()
                raise httpx.ReadError("connection reset by peer")
            return response

    transport = BreaksAfterPost()
    with httpx.Client(transport=transport) as http, sim_client(simulator, http_client=http) as client:
        phone = first_disabled_phone(client)
        result = client.activate(phone)
        assert transport.broken == 1
        assert result.provisioning is ProvisioningState.ACTIVE  # known from the read-back
        assert result.activated_at is not None


def test_reset_on_every_request_leaves_the_outcome_unknown_but_the_write_happened(simulator):
    with sim_client(simulator) as client:
        phone = first_disabled_phone(client)
        client.capabilities()
        simulator.set_faults(reset_rate=1.0)
        with pytest.raises(errors.OutcomeUnknownError, match="check in Compass"):
            client.activate(phone)
        simulator.set_faults(reset_rate=0.0)
        # The simulator resets *after* handling: the change is there, which is why it was not resent.
        assert client.phone(phone.url).provisioning is ProvisioningState.ACTIVE


def test_malformed_json(simulator):
    with sim_client(simulator) as client:
        simulator.set_faults(malformed_rate=1.0)
        with pytest.raises(errors.UnexpectedResponseError, match="incomplete or malformed"):
            client.whoami()
        simulator.set_faults(malformed_rate=0.3)
        assert client.whoami().username == "demo"


def test_html_page_with_status_200(simulator):
    with sim_client(simulator) as client:
        simulator.set_faults(html_rate=1.0)
        with pytest.raises(errors.UnexpectedResponseError, match="web page"):
            client.companies()


def test_stalled_body_times_out(simulator):
    timeout = httpx.Timeout(connect=2.0, read=0.3, write=2.0, pool=2.0)
    with sim_client(
        simulator, timeout=timeout, retry=RetryPolicy(attempts=2, sleep=lambda s: None)
    ) as client:
        simulator.set_faults(stall_rate=1.0, stall_s=1.0)
        with pytest.raises(errors.ApiTimeoutError, match="did not answer in time"):
            client.whoami()


def test_credentials_that_expire_mid_session(simulator):
    with sim_client(simulator) as client:
        simulator.set_faults(credentials_expire_after=5)
        client.whoami()
        company = client.companies()[0]
        with pytest.raises(errors.AuthenticationError, match="sign in again"):
            for _ in range(5):
                client.phones(company)
        # Not sent again: the client stops using credentials the server refused.
        with pytest.raises(errors.AuthenticationError):
            client.whoami()


def test_vendor_failure_gives_state_provision(simulator):
    with sim_client(simulator) as client:
        phone = first_disabled_phone(client)
        simulator.set_faults(vendor_failure=True)
        assert client.activate(phone).provisioning is ProvisioningState.PROVISION


def test_the_password_never_reaches_a_log_line_or_a_message(simulator, caplog):
    import base64
    import logging

    secret = "compass-demo"
    encoded = base64.b64encode(f"demo:{secret}".encode()).decode()
    caplog.set_level(logging.DEBUG)
    messages = []
    with sim_client(simulator) as client:
        simulator.set_faults(fault_rate=0.3, reset_rate=0.2, malformed_rate=0.2)
        for _ in range(6):
            try:
                phone = client.phones(client.companies()[0])[0]
                client.activate(phone)
            except errors.ApiError as exc:
                messages.append(exc.message)
        simulator.set_faults(fault_rate=0.0, reset_rate=0.0, malformed_rate=0.0, credentials_expire_after=0)
        with pytest.raises(errors.AuthenticationError) as caught:
            client.phones(client.companies()[0])
        messages.append(caught.value.message)
    text = caplog.text + "\n".join(messages) + repr(client)
    assert "retrying" in caplog.text  # the faults were hit and logged
    assert secret not in text and encoded not in text
