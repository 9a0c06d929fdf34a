"""The client's HTTP conventions against a scripted server (httpx.MockTransport): no network."""

from __future__ import annotations

import base64

import httpx
import pytest
from api_fakes import BASE, PASSWORD, V3, FakeCompass, ok, phone_json

from compass_desk import USER_AGENT
from compass_desk.api import errors
from compass_desk.api.client import CompassClient
from compass_desk.api.schema import parse_phone
from compass_desk.api.transport import BaseUrlError, normalize_base_url, retry_after_seconds
from compass_desk.domain.models import Environment

USER = {"theType": "user", "entityId": "u-9", "self": f"{BASE}/people/u-9", "name": "Jan", "username": "jan"}


@pytest.mark.parametrize(
    "url",
    [
        "https://rest.example.com",
        "https://rest.example.com/",
        "http://127.0.0.1:8080",
        "http://localhost:1",
        "http://[::1]:9000",
        "http://127.5.0.1",
    ],
)
def test_base_url_accepted(url):
    assert normalize_base_url(url) == url.rstrip("/")


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://rest.example.com", "plain http"),
        ("http://10.0.0.1", "plain http"),
        ("ftp://rest.example.com", "not a web address"),
        ("rest.example.com", "not a web address"),
        ("https://jan:pw@rest.example.com", "user name or password"),
        ("", "no address"),
        ("https://[::1", "not a valid web address"),
        ("https://[zz]", "not a valid web address"),
        ("https://rest.example.com:99999", "a port is a number from 1 to 65535"),
        ("https://rest.example.com:abc", "a port is a number"),
        ("http://localhost:-1", "a port is a number"),
        ("https://[::1]:0", "a port is a number"),
        ("https://ex ample.com", "contains a space"),
        ("https://rest.exa\x00mple.com", "invisible character"),
        ("https://rest.example\n.com", "line break"),
        ("https://a..b.com", "valid server name"),
        ("https://ex_am$ple.com", "valid server name"),
    ],
)
def test_base_url_refused(url, why):
    with pytest.raises(BaseUrlError, match=why):
        normalize_base_url(url)


def test_refused_address_is_quoted_on_one_line_and_short():
    with pytest.raises(BaseUrlError) as caught:
        normalize_base_url("https://rest.exa\x00mple\n.com/" + "x" * 5000)
    message = caught.value.message
    assert "\\x00" in message and "\\n" in message and "5,027 characters" in message
    assert message.isprintable() and len(message) < 200


def test_client_refuses_a_malformed_address_with_a_sentence():
    with pytest.raises(errors.InvalidEnvironmentError, match="a port is a number"):
        CompassClient(Environment("x", "https://rest.example.com:99999", "jan"), "pw")


def test_a_malformed_url_from_the_server_is_an_unexpected_response(fake, client):
    with pytest.raises(errors.UnexpectedResponseError, match="not valid"):
        client.phone("https://[::1/phone/1")
    assert fake.requests == []
    fake.on("GET", f"{BASE}/user", httpx.Response(303, headers={"Location": "https://[::1"}))
    with pytest.raises(errors.ApiError):  # httpx itself refuses that Location: a typed error, no traceback
        client.whoami()
    assert {str(r.url) for r in fake.requests} == {f"{BASE}/user"}


def test_a_url_httpx_refuses_never_escapes_as_a_traceback(fake, client):
    # Same server, but a control character httpx will not send: nothing goes out.
    with pytest.raises(errors.UnexpectedResponseError, match="not valid"):
        client.phone(f"{BASE}/phone/1\x00")
    assert fake.requests == []


def test_client_refuses_plain_http_to_a_remote_host():
    with pytest.raises(errors.InvalidEnvironmentError):
        CompassClient(Environment("x", "http://rest.example.com", "jan"), "pw")


def test_headers_auth_and_served_version(fake: FakeCompass, client: CompassClient):
    fake.on("GET", f"{BASE}/user", ok(USER, content_type="application/vnd.iperity.compass.v2+json"))
    user = client.whoami()
    assert (user.url, user.name, user.username) == (USER["self"], "Jan", "jan")
    request = fake.requests[0]
    assert request.headers["User-Agent"] == USER_AGENT
    assert request.headers["Accept"] == (
        "application/vnd.iperity.compass.v3+json; q=1.0, application/vnd.iperity.compass.v2+json; q=0.9"
    )
    assert (
        request.headers["Authorization"] == "Basic " + base64.b64encode(f"jan:{PASSWORD}".encode()).decode()
    )
    assert request.headers["X-No-Redirect"] == "true"
    assert client.api_version == 2
    # A request body uses the media type of the version the server speaks.
    fake.on("POST", f"{BASE}/orgs/c-1/phones", ok(phone_json(), status=201))
    from compass_desk.domain.models import Company

    client.add_phone(
        Company(f"{BASE}/orgs/c-1", "c-1", "Acme"), name="R", model="snom-d785", mac="00:04:13:aa:bb:cc"
    )
    post = fake.requests[-1]
    assert post.headers["Content-Type"] == "application/vnd.iperity.compass.v2+json"


def test_bootstrap_follows_303_on_the_same_server(fake: FakeCompass):
    fake.on("GET", f"{BASE}/user", httpx.Response(303, headers={"Location": "/people/u-9"}))
    fake.on("GET", f"{BASE}/people/u-9", ok(USER))
    with fake.client(bootstrap_no_redirect=False) as client:
        assert client.whoami().url == USER["self"]
        client._http.close()
    assert "X-No-Redirect" not in fake.requests[0].headers
    assert [str(r.url) for r in fake.requests] == [f"{BASE}/user", f"{BASE}/people/u-9"]


def test_redirect_to_another_server_is_not_followed_with_credentials(fake: FakeCompass, client):
    fake.on("GET", f"{BASE}/user", httpx.Response(303, headers={"Location": "https://evil.example/u"}))
    with pytest.raises(errors.UnexpectedResponseError, match="other than the environment"):
        client.whoami()
    assert len(fake.requests) == 1


def test_get_retried_on_503_with_retry_after(fake, client):
    url = f"{BASE}/things/p-1"
    fake.on("GET", url, ok(None, 503, headers={"Retry-After": "2"}), ok(None, 502), ok(phone_json()))
    assert client.phone(url).name == "Reception"
    assert fake.count("GET", url) == 3
    assert fake.sleeps[0] == 2.0  # Retry-After wins over backoff
    assert 0 < fake.sleeps[1] <= 4.0


def test_get_retries_are_bounded(fake, client):
    url = f"{BASE}/things/p-1"
    fake.on("GET", url, ok({"message": "busy"}, 503))
    with pytest.raises(errors.ServerError):
        client.phone(url)
    assert fake.count("GET", url) == 3
    assert len(fake.sleeps) == 2


def test_get_retried_on_network_errors_then_network_error(fake, client):
    url = f"{BASE}/things/p-1"
    fake.on("GET", url, httpx.ConnectError("refused"))
    with pytest.raises(errors.NetworkError) as caught:
        client.phone(url)
    assert fake.count("GET", url) == 3
    assert "check the network" in caught.value.message


def test_timeout_is_its_own_error(fake, client):
    url = f"{BASE}/things/p-1"
    fake.on("GET", url, httpx.ReadTimeout("slow"))
    with pytest.raises(errors.ApiTimeoutError, match="did not answer in time"):
        client.phone(url)


def test_backoff_grows_and_has_jitter():
    from compass_desk.api.transport import RetryPolicy

    low = RetryPolicy(base_delay=1.0, max_delay=10.0, random=lambda: 0.0)
    high = RetryPolicy(base_delay=1.0, max_delay=10.0, random=lambda: 1.0)
    assert [low.delay(n) for n in (1, 2, 3)] == [0.5, 1.0, 2.0]
    assert [high.delay(n) for n in (1, 2, 3, 9)] == [1.0, 2.0, 4.0, 10.0]
    assert low.delay(1, retry_after=999) == 30.0  # capped


def test_retry_after_as_http_date():
    from datetime import UTC, datetime

    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("Thu, 01 Jan 2026 12:00:05 GMT", now) == 5.0
    assert retry_after_seconds("soon") is None


def test_401_is_never_retried_and_never_resent(fake, client):
    fake.on("GET", f"{BASE}/user", ok(None, 401, headers={"WWW-Authenticate": 'Basic realm="compass"'}))
    with pytest.raises(errors.AuthenticationError) as caught:
        client.whoami()
    assert PASSWORD not in caught.value.message
    with pytest.raises(errors.AuthenticationError):
        client.whoami()
    assert len(fake.requests) == 1  # the second call did not send the bad credentials again
    fake.routes.clear()
    fake.on("GET", f"{BASE}/user", ok(USER))
    client.set_password("new-password")
    assert client.whoami().username == "jan"


@pytest.mark.parametrize(
    ("response", "match"),
    [
        (
            httpx.Response(
                200, text="<html><body>Proxy error</body></html>", headers={"Content-Type": "text/html"}
            ),
            "web page",
        ),
        (
            httpx.Response(200, text='{"self": "x", "na', headers={"Content-Type": V3}),
            "incomplete or malformed",
        ),
        (httpx.Response(200, text="[1, 2", headers={"Content-Type": V3}), "incomplete or malformed"),
        (
            httpx.Response(200, text="[" * 100_000 + "]" * 100_000, headers={"Content-Type": V3}),
            "incomplete or malformed",
        ),
    ],
)
def test_unexpected_bodies(fake, client, response, match):
    url = f"{BASE}/things/p-1"
    fake.on("GET", url, response)
    with pytest.raises(errors.UnexpectedResponseError, match=match):
        client.phone(url)
    assert fake.count("GET", url) == 3  # a GET is safe to try again


def test_a_bad_body_once_is_survived(fake, client):
    url = f"{BASE}/things/p-1"
    fake.on("GET", url, httpx.Response(200, text="{", headers={"Content-Type": V3}), ok(phone_json()))
    assert client.phone(url).mac == "000413aabbcc"


def test_not_json_where_an_object_was_due(fake, client):
    url = f"{BASE}/things/p-1"
    fake.on("GET", url, ok(["a list"]))
    with pytest.raises(errors.UnexpectedResponseError):
        client.phone(url)


def test_406_means_no_common_version(fake, client):
    fake.on("GET", f"{BASE}/user", ok(None, 406))
    with pytest.raises(errors.UnsupportedOperationError, match="neither API version 3 nor 2"):
        client.whoami()
    assert [r.headers["Accept"] for r in fake.requests][-1] == "application/vnd.iperity.compass.v2+json"
    assert len(fake.requests) == 2


def test_406_for_the_list_falls_back_to_v2_alone(fake, client):
    def negotiate(request):
        if "v3" in request.headers["Accept"]:
            return ok(None, 406)
        return ok(USER, content_type="application/vnd.iperity.compass.v2+json")

    fake.on("GET", f"{BASE}/user", negotiate)
    assert client.whoami().username == "jan"
    assert client.api_version == 2
    assert client.whoami().username == "jan"
    assert len(fake.requests) == 3  # the fallback sticks


def test_get_retried_on_429_honouring_retry_after(fake, client):
    url = f"{BASE}/things/p-1"
    fake.on("GET", url, ok({"message": "rate limit"}, 429, headers={"Retry-After": "7"}), ok(phone_json()))
    assert client.phone(url).name == "Reception"
    assert fake.count("GET", url) == 2
    assert fake.sleeps == [7.0]


def test_429_that_persists_says_slow_down(fake, client):
    url = f"{BASE}/things/p-1"
    fake.on("GET", url, ok({}, 429))
    with pytest.raises(errors.TooManyRequestsError) as caught:
        client.phone(url)
    assert "slow down" in caught.value.message and "not valid" not in caught.value.message
    assert fake.count("GET", url) == 3


def test_429_on_a_write_is_not_resent(fake, client):
    url = f"{BASE}/things/p-1/reboot"
    fake.on("POST", url, ok({}, 429, headers={"Retry-After": "1"}))
    with pytest.raises(errors.TooManyRequestsError, match="slow down"):
        client.reboot(parse_phone(phone_json()))
    assert fake.count("POST", url) == 1
