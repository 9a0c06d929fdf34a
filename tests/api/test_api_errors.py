"""Error messages built from what the server says: one printable line, bounded, never a secret."""

from __future__ import annotations

import pytest
from api_fakes import BASE, ok

from compass_desk.api import errors
from compass_desk.api.errors import clean_reason, error_for_status, one_line, quote_input

PHONE = f"{BASE}/things/p-1"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2J\x1b[31mHACKED\x07", "HACKED"),
        ("\x1b]0;evil title\x07name", "name"),
        ("a\r\nb\tc\x00d", "a b c d"),
        ("line\u2028break\u200bhere", "line break here"),
        ("\x9b31mred", "red"),
        ("  plenty   of   room  ", "plenty of room"),
    ],
)
def test_server_text_becomes_one_printable_line(raw, shown):
    assert one_line(raw) == shown
    assert clean_reason(raw) == shown


def test_reason_is_bounded_and_nothing_useful_is_none():
    reason = clean_reason("x" * 100_000)
    assert reason is not None and len(reason) <= 200 and reason.endswith("…")
    assert clean_reason("\x1b[2J\x07 \n") is None
    assert clean_reason("") is None and clean_reason(None) is None


def test_every_api_error_message_is_one_line():
    error = errors.NotFoundError("Could not read phone “Desk\n\x1b[31mRED”: gone.")
    assert error.message == "Could not read phone “Desk RED”: gone." == str(error)


def test_status_error_with_hostile_reason(fake, client):
    fake.on("GET", PHONE, ok({"message": "\x1b[2J\x1b[31mHACKED\x07\nsecond line " + "y" * 5000}, 400))
    with pytest.raises(errors.InvalidRequestError) as caught:
        client.phone(PHONE)
    message = caught.value.message
    assert message.isprintable() and "\x1b" not in message and len(message) <= 300
    assert "HACKED second line" in message


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("00:04:13", "'00:04:13'"),
        ("a\nb", "'a\\nb'"),
        ("nul\x00", "'nul\\x00'"),
        ("0" * 10_000, "'" + "0" * 59 + "…' (10,000 characters)"),
    ],
)
def test_quote_input(text, shown):
    assert quote_input(text) == shown


def test_error_for_status_keeps_one_sentence():
    error = error_for_status(409, "add phone X", "MAC\nalready\x1b[0m exists.")
    assert error.message == (
        "Could not add phone X: it conflicts with existing data (Compass said: MAC already exists)."
    )


SECRET = "s3cret-Pa55"


@pytest.mark.parametrize(
    ("raw", "secret", "shown"),
    [
        ("password s3cret-Pa55 is wrong", SECRET, "password *** is wrong"),
        ("S3CRET-pa55 is not the password", SECRET, "*** is not the password"),
        ("bad p%40ss%20w0rd%21 in query", "p@ss w0rd!", "bad *** in query"),
        ("tabs p@ss\tw0rd! collapsed", "p@ss\tw0rd!", "tabs *** collapsed"),
        ("header was Authorization: Basic amFuOnMzY3JldA==", "", "header was Authorization: ***"),
        ('{"password": "hunter2"}', "", '{"password": "***"}'),
    ],
)
def test_reason_never_holds_the_password(raw, secret, shown):
    assert clean_reason(raw, [secret]) == shown


def test_a_short_password_in_the_reason_drops_the_reason():
    assert clean_reason("abc is wrong", ["abc"]) is None
    assert clean_reason("all fine", ["abc"]) == "all fine"


def test_password_at_the_cut_is_not_half_shown():
    reason = clean_reason("x" * 190 + " " + SECRET * 3, [SECRET])
    assert reason is not None and "s3c" not in reason.lower() and len(reason) <= 200


@pytest.mark.parametrize("status", [400, 403, 404, 409, 418, 429, 500, 503])
def test_status_error_never_echoes_the_password(fake, client, status):
    token = "amFuOnMzY3JldC1QYTU1"  # base64 of jan:s3cret-Pa55, as sent in the Authorization header
    fake.on("GET", PHONE, ok({"message": f"user jan with {SECRET} (Basic {token}) refused"}, status))
    with pytest.raises(errors.ApiError) as caught:
        client.phone(PHONE)
    message = caught.value.message
    assert SECRET not in message and token not in message and "***" in message
    assert caught.value.reason is not None and SECRET not in caught.value.reason
