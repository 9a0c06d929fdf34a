"""Log redaction: no credential reaches the log file, and ordinary text stays readable."""

from __future__ import annotations

import logging

import pytest

from compass_desk.logsetup import LOG_FILE_NAME, REDACTED, RedactingFilter, redact, setup_logging

SECRET = "s3cr3t-V@lue"


@pytest.mark.parametrize(
    "text",
    [
        # Authorization headers in every shape a log line may carry them
        f"Authorization: Basic {SECRET}",
        f"authorization: Bearer {SECRET}",
        f"Proxy-Authorization: Basic {SECRET}",
        f"{{'Authorization': 'Basic {SECRET}', 'Accept': 'application/json'}}",
        f'{{"authorization": "Bearer {SECRET}"}}',
        f'Authorization: Hawk id="key-id", ts="1700000000", nonce="abc", mac="{SECRET}"',
        # password=… in text and query strings
        f"password={SECRET}",
        f"login failed for demo password={SECRET} retrying",
        f"GET /login?user=demo&password={SECRET}&x=1",
        f"pwd: {SECRET}",
        f"api_key={SECRET}",
        f"X-Api-Key: {SECRET}",
        f"client_secret={SECRET}",
        f"access_token={SECRET}",
        # JSON
        f'{{"username": "demo", "password": "{SECRET}"}}',
        f'{{"password":"{SECRET}"}}',
        f'{{"password": "{SECRET} with spaces"}}',
        f'{{"userPassword": "{SECRET}"}}',
        f"{{'password': '{SECRET}'}}",
        # Provisioning files: Snom XML, Snom plain text, Yealink .cfg
        f'<user_pass idx="1" perm="R">{SECRET}</user_pass>',
        f"<http_pass perm=\"R\">{SECRET}</http_pass>",
        f"<admin_mode_password>{SECRET}</admin_mode_password>",
        f"<webserver_admin_password perm='R'>{SECRET}</webserver_admin_password>",
        f"user_pass1!: {SECRET}",
        f"account.1.password = {SECRET}",
        f"static.security.user_password = admin:{SECRET}",
        # URL credentials
        f"fetching https://demo:{SECRET}@rest.example.com/phone/1",
        f"ftp://admin:{SECRET}@10.0.0.5/firmware.rom",
    ],
)
def test_secrets_are_redacted(text):
    cleaned = redact(text)
    assert SECRET not in cleaned
    assert REDACTED in cleaned
    assert "with spaces" not in cleaned


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Authorization: Basic abc", "Authorization"),
        ('{"password": "abc"}', '"password"'),
        ('<user_pass idx="1" perm="R">abc</user_pass>', '<user_pass idx="1" perm="R">'),
        ("https://demo:abc@rest.example.com/phone/1", "https://demo:"),
        ("https://demo:abc@rest.example.com/phone/1", "@rest.example.com/phone/1"),
        ("account.1.password = abc", "account.1.password"),
    ],
)
def test_key_names_stay_visible(text, kept):
    assert kept in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Compass: 12 phones in 3 organisations",
        "compass_desk.services.session: refresh done in 1.2 s",
        "bypass: cache",
        "phone 000413aabbcc moved to https://rest.example.com/company/7",
        "status 401 for GET https://rest.example.com/phone/1",
        "user_name: 2001",
        "account.1.user_name = 2001",
        "<user_host idx=\"1\">sip.example.net</user_host>",
    ],
)
def test_ordinary_text_is_left_alone(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        f"Authorization: Basic {SECRET}",
        f'{{"password": "{SECRET}"}}',
        f"<user_pass>{SECRET}</user_pass>",
        f"https://demo:{SECRET}@host/x",
        f"password={SECRET}&next=1",
    ],
)
def test_redaction_is_idempotent(text):
    once = redact(text)
    assert redact(once) == once


def _record(msg: str, *args: object, exc_info: object = None) -> logging.LogRecord:
    return logging.LogRecord("compass_desk.test", logging.INFO, __file__, 1, msg, args, exc_info)  # type: ignore[arg-type]


def test_filter_renders_arguments_before_redacting():
    record = _record("sending %s to %s", f"password={SECRET}", "host")
    assert RedactingFilter().filter(record)
    assert SECRET not in record.getMessage() and "host" in record.getMessage()
    assert record.args is None


def test_filter_redacts_exception_text():
    try:
        raise RuntimeError(f"request failed: https://demo:{SECRET}@host/")
    except RuntimeError:
        import sys

        record = _record("boom", exc_info=sys.exc_info())
    RedactingFilter().filter(record)
    assert record.exc_text and SECRET not in record.exc_text


def test_filter_redacts_stack_info():
    record = _record("where")
    record.stack_info = f"Stack (most recent call last):\n  login(password={SECRET})"
    RedactingFilter().filter(record)
    assert SECRET not in record.stack_info


def test_filter_survives_a_bad_format_string():
    record = _record(f"password={SECRET} %d", "not a number")
    assert RedactingFilter().filter(record)
    assert SECRET not in record.getMessage()


def test_log_file_never_holds_a_secret(tmp_path):
    path = setup_logging(tmp_path / "logs")
    logger = logging.getLogger("compass_desk.test")
    try:
        logger.info("login with %s", f'{{"password": "{SECRET}"}}')
        logger.warning("Authorization: Basic %s", SECRET)
        try:
            raise ValueError(f"<user_pass>{SECRET}</user_pass>")
        except ValueError:
            logger.exception("provisioning file rejected")
    finally:
        root = logging.getLogger("compass_desk")
        for handler in list(root.handlers):
            if getattr(handler, "_compass_desk", False):
                root.removeHandler(handler)
                handler.close()
    assert path.name == LOG_FILE_NAME
    content = path.read_text(encoding="utf-8")
    assert "provisioning file rejected" in content and "login with" in content
    assert SECRET not in content


def test_setup_twice_keeps_one_handler(tmp_path):
    setup_logging(tmp_path)
    setup_logging(tmp_path)
    root = logging.getLogger("compass_desk")
    ours = [h for h in root.handlers if getattr(h, "_compass_desk", False)]
    try:
        assert len(ours) == 1
    finally:
        for handler in ours:
            root.removeHandler(handler)
            handler.close()


@pytest.mark.parametrize(
    "text",
    ["pass-" * 50_000, "aPass-" * 40_000, "userPassword" * 20_000, "http://" * 30_000,
     "<user_pass>" * 20_000, ('password: "' + "x" * 50) * 4_000],
)  # fmt: skip
def test_huge_messages_are_redacted_in_linear_time(text):
    # These once took minutes (nested unbounded repeats); a log call must never stall the app.
    import time

    started = time.perf_counter()
    redact(text)
    assert time.perf_counter() - started < 3.0
