"""Every error the Compass client raises carries a Dutch sentence beside the English one (``text``);
``str()`` and ``message`` stay English, and what the server said is passed through as it was sent."""

from __future__ import annotations

import re

import httpx
import pytest
from api_fakes import BASE, ok, phone_json

from compass_desk.api import errors, schema
from compass_desk.api.client import describe, describe_text
from compass_desk.api.errors import error_for_status
from compass_desk.domain.models import Company
from compass_desk.domain.text import Text

PHONE = f"{BASE}/things/p-1"
WHAT = Text("reboot phone “Reception”", "telefoon “Reception” te herstarten")
# Words of English sentences that Dutch never uses (a small cousin of tests/gui/dutch_check.py).
_ENGLISH = re.compile(
    r"\b(the|could|not|while|trying|phone|you|your|check|again|which|does|did|answer|sent|and|to)\b", re.I
)


def english_in(text: str, *data: str) -> list[str]:
    for value in data:
        text = text.replace(value, "")
    return _ENGLISH.findall(text)


def assert_dutch(error: errors.ApiError, *data: str) -> None:
    assert error.text.en == error.message == str(error)
    assert error.text.nl and error.text.nl != error.text.en
    assert english_in(error.text.nl, *data) == [], error.text.nl


@pytest.mark.parametrize("status", [400, 401, 403, 404, 405, 406, 409, 418, 429, 500, 502, 503, 504, 302])
def test_every_status_error_has_dutch_with_the_servers_reason_as_sent(status):
    error = error_for_status(status, WHAT, "Phone is locked by another user", "Production")
    assert_dutch(error, "Phone is locked by another user", "Production", "Reception")
    # 401 never echoes the server (it may repeat the user name); 405, 406 and 3xx say all there is.
    if status not in (401, 405, 406, 302):
        assert "Phone is locked by another user" in error.text.nl
    if status not in (401, 406):
        assert WHAT.nl in error.text.nl and WHAT.en in error.text.en


def test_a_reason_with_braces_or_a_plain_english_what_is_kept_as_is():
    error = error_for_status(409, "do {x}", "MAC {0} already exists")
    assert error.text.nl == (
        "Het lukte niet om do {x}: het botst met bestaande gegevens (Compass zei: MAC {0} already exists)."
    )
    assert error.message == (
        "Could not do {x}: it conflicts with existing data (Compass said: MAC {0} already exists)."
    )


def test_an_error_made_from_english_only_reads_the_same_in_dutch():
    error = errors.UnexpectedResponseError("Compass sent\nsomething odd.")
    assert error.text == Text("Compass sent something odd.", "Compass sent something odd.")


def test_a_phone_is_described_in_both_languages():
    phone = schema.parse_phone(phone_json(PHONE))
    assert describe_text(phone) == Text("phone “Reception” (00:04:13:AA:BB:CC)",
                                        "telefoon “Reception” (00:04:13:AA:BB:CC)")
    assert describe(phone) == describe_text(phone).en


@pytest.mark.parametrize(
    ("answer", "kind", "dutch"),
    [
        (httpx.ConnectError("refused"), errors.NetworkError, "niet bereiken"),
        (httpx.ReadTimeout("slow"), errors.ApiTimeoutError, "niet op tijd"),
        (httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] self-signed"), errors.CertificateError,
         "niet vertrouwd"),
        (httpx.Response(200, text="<html><body>Maintenance</body></html>",
                        headers={"Content-Type": "text/html"}),
         errors.UnexpectedResponseError, "webpagina"),
        (httpx.Response(200, text='{"theType": "pho', headers={"Content-Type": "application/json"}),
         errors.UnexpectedResponseError, "onleesbaar"),
        (httpx.Response(302, headers={"Location": "https://elsewhere.test/x"}),
         errors.UnexpectedResponseError, "andere server"),
        (ok({"message": "Phone is locked"}, 403), errors.PermissionDeniedError, "geen rechten"),
    ],
)
def test_reads_fail_in_dutch_too(fake, client, answer, kind, dutch):
    fake.on("GET", PHONE, answer)
    with pytest.raises(kind) as caught:
        client.phone(PHONE)
    assert dutch in caught.value.text.nl
    assert_dutch(caught.value, BASE, "rest.compass.test", "Phone is locked")


def test_a_write_whose_outcome_is_unknown_says_so_in_dutch(fake, client):
    phone = schema.parse_phone(phone_json(PHONE))
    fake.on("POST", PHONE + schema.SUB_REBOOT, httpx.ReadTimeout("gone"))
    with pytest.raises(errors.OutcomeUnknownError) as caught:
        client.reboot(phone)
    assert "te herstarten" in caught.value.text.nl and "kijk in Compass" in caught.value.text.nl
    assert_dutch(caught.value, "Reception")


def test_a_write_read_back_as_not_applied_says_so_in_dutch(fake, client):
    phone = schema.parse_phone(phone_json(PHONE))
    target = Company(f"{BASE}/orgs/c-2", "c-2", "Bakkerij")
    fake.on("POST", PHONE + schema.SUB_MIGRATE, ok(None, 504))
    fake.on("GET", PHONE, ok(phone_json(PHONE)))
    with pytest.raises(errors.ChangeNotAppliedError) as caught:
        client.migrate(phone, target)
    assert "veilig opnieuw" in caught.value.text.nl and "te verplaatsen naar Bakkerij" in caught.value.text.nl
    assert_dutch(caught.value, "Reception", "Bakkerij")
