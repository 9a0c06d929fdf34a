"""Every entry point fed hostile and malformed input (the catalogue in bad_inputs.py): a clear error,
one sentence, the right exit code, no traceback, and nothing changed."""

from __future__ import annotations

import httpx
import pytest
from bad_inputs import (
    BAD_ANSWERS,
    BAD_ARGS,
    BAD_FILES,
    BAD_MACS,
    BAD_URLS,
    BASE,
    CRASHING_URLS,
    HOSTILE_ANSWERS,
    MULTILINE_MAC,
    ODD_FILES,
    V3,
    Maker,
)
from reliability_helpers import ActionTap, assert_sentence, sim_phone_view

from compass_desk.api import errors
from compass_desk.api.client import CompassClient
from compass_desk.api.transport import BaseUrlError, RetryPolicy, normalize_base_url
from compass_desk.cli import main
from compass_desk.domain.mac import MacError, normalize_mac
from compass_desk.domain.models import Access, Company, Environment
from compass_desk.domain.provisioning.detect import parse_bytes
from compass_desk.domain.provisioning.model import ParseError
from compass_desk.paths import app_paths
from compass_desk.sim import DEMO_PASSWORD, SimConfig, Simulator

PASSWORD = "s3cret-Pa55"


@pytest.fixture(scope="module")
def module_sim():
    with Simulator(SimConfig(seed=1)) as sim:
        yield sim


def _one_line_error(err: str) -> str:
    assert err.startswith("compass-desk: "), err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err[len("compass-desk: ") :].strip()


# --- MAC addresses ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", BAD_MACS, ids=range(len(BAD_MACS)))
def test_bad_mac_is_refused_with_a_sentence(text):
    with pytest.raises(MacError) as caught:
        normalize_mac(text)
    assert_sentence(str(caught.value).strip())


def test_mac_error_stays_on_one_line(capsys):
    assert main(["mac", "check", MULTILINE_MAC]) == 2
    _one_line_error(capsys.readouterr().err)


# --- environment addresses ----------------------------------------------------------------------
@pytest.mark.parametrize("url", BAD_URLS)
def test_bad_environment_address_is_refused(url, isolated_home, monkeypatch):
    monkeypatch.setenv("COMPASS_PASSWORD", DEMO_PASSWORD)
    with pytest.raises(BaseUrlError) as caught:
        normalize_base_url(url)
    assert_sentence(str(caught.value))
    code = main(["login", "--url", url, "--user", "demo", "--env", "x"])
    assert code == 2
    assert not (app_paths(isolated_home).config / "environments.toml").exists()


@pytest.mark.parametrize("url", CRASHING_URLS, ids=range(len(CRASHING_URLS)))
def test_malformed_host_or_port_is_refused_as_a_bad_address(url):
    with pytest.raises(BaseUrlError):
        normalize_base_url(url)


@pytest.mark.parametrize("command", ["login", "companies"])
@pytest.mark.parametrize("url", CRASHING_URLS, ids=range(len(CRASHING_URLS)))
def test_cli_with_malformed_address_gives_a_sentence(url, command, capsys, monkeypatch, request):
    monkeypatch.setenv("COMPASS_PASSWORD", DEMO_PASSWORD)
    argv = [command, "--url", url, "--user", "demo"] + (["--env", "x"] if command == "login" else [])
    try:
        code = main(argv)
    except Exception as exc:  # what a user would see as a traceback
        pytest.fail(f"{type(exc).__name__}: {exc}")
    assert code == 2
    _one_line_error(capsys.readouterr().err)


# --- command lines ----------------------------------------------------------------------------
@pytest.mark.parametrize(("argv", "code", "word"), BAD_ARGS, ids=range(len(BAD_ARGS)))
def test_bad_command_line(argv, code, word, module_sim, capsys, monkeypatch, memory_keyring, isolated_home):
    monkeypatch.setenv("COMPASS_PASSWORD", DEMO_PASSWORD)
    url = module_sim.base_url
    assert main(["login", "--url", url, "--user", "demo", "--env", "saved"]) == 0
    capsys.readouterr()
    profiles = app_paths(isolated_home).config / "environments.toml"
    before = (profiles.read_bytes(), dict(memory_keyring.store), sim_phone_view(module_sim))
    tap = ActionTap(module_sim)
    try:
        got = main([a.replace("{url}", url) for a in argv])
    except SystemExit as exc:  # --help-like exits would land here; none is expected
        got = exc.code
    finally:
        tap.remove()
    err = capsys.readouterr().err
    assert got == code, err
    message = _one_line_error(err)
    assert word in message, message
    assert (profiles.read_bytes(), dict(memory_keyring.store), sim_phone_view(module_sim)) == before
    assert not tap.activations and not tap.reboots


# --- provisioning files -------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "data", "code"), BAD_FILES, ids=[f[0] for f in BAD_FILES])
def test_bad_provisioning_file(name, data, code, tmp_path, capsys):
    path = tmp_path / name
    path.write_bytes(data)
    try:
        parsed = parse_bytes(data, name)
    except ParseError as exc:
        assert_sentence(str(exc))
    else:
        assert parsed.problems, "read without any problem reported"
        for problem in parsed.problems:
            assert_sentence(problem.message)
    assert main(["config", "check", str(path)]) == code
    err = capsys.readouterr().err
    if code == 2:
        _one_line_error(err)
    assert "Traceback" not in err
    assert path.read_bytes() == data


@pytest.mark.parametrize(("name", "data"), ODD_FILES, ids=[f[0] for f in ODD_FILES])
def test_odd_provisioning_file_is_shown(name, data, tmp_path, capsys):
    path = tmp_path / name
    path.write_bytes(data)
    parsed = parse_bytes(data, name)
    assert parsed.text is not None
    for note in parsed.notes:
        assert_sentence(note)
    assert main(["config", "show", str(path)]) in (0, 1)
    assert "Traceback" not in capsys.readouterr().err
    assert path.read_bytes() == data


# --- API answers ------------------------------------------------------------------------------
def _calls(client: CompassClient):
    company = Company(BASE + "/company/1", "1", "Org", "org", Access.WRITE)
    return {
        "phone": lambda: client.phone(BASE + "/phone/1"),
        "phones": lambda: client.phones(company),
        "whoami": client.whoami,
    }


GOOD_PHONE = {
    "theType": "phone",
    "resourceId": "1",
    "self": BASE + "/phone/1",
    "name": "Desk",
    "macAddress": "000413aabbcc",
    "model": "snom-d785",
    "company": BASE + "/company/1",
    "provisioningByManufacturer": "disabled",
}


def _client_answering(make: Maker, good: list[bool]):
    def handle(request: httpx.Request) -> httpx.Response:
        if good and good[0]:
            return httpx.Response(200, json=GOOD_PHONE, headers={"Content-Type": V3})
        return make()

    return httpx.Client(transport=httpx.MockTransport(handle))


@pytest.mark.parametrize("call", ["phone", "phones", "whoami"])
@pytest.mark.parametrize(("name", "make", "error"), BAD_ANSWERS, ids=[a[0] for a in BAD_ANSWERS])
def test_bad_api_answer_is_a_typed_error(name, make, error, call):
    switch = [False]
    with _client_answering(make, switch) as http:
        client = CompassClient(
            Environment("t", BASE, "demo"),
            PASSWORD,
            http_client=http,
            retry=RetryPolicy(attempts=2, sleep=lambda s: None),
        )
        with pytest.raises(errors.ApiError) as caught:
            _calls(client)[call]()
        assert type(caught.value).__name__ == error
        assert_sentence(caught.value.message, forbidden=(PASSWORD,))
        assert len(caught.value.message) < 400
        if error != "AuthenticationError":  # after a 401 the old password is rightly not sent again
            switch[0] = True  # nothing stuck: the next good answer is read normally
            assert client.phone(BASE + "/phone/1").name == "Desk"


@pytest.mark.parametrize(("name", "make", "error"), HOSTILE_ANSWERS, ids=[a[0] for a in HOSTILE_ANSWERS])
def test_hostile_api_answer_gives_a_clean_sentence(name, make, error):
    with _client_answering(make, []) as http:
        client = CompassClient(
            Environment("t", BASE, "demo"),
            PASSWORD,
            http_client=http,
            retry=RetryPolicy(attempts=1, sleep=lambda s: None),
        )
        with pytest.raises(errors.ApiError) as caught:
            client.phone(BASE + "/phone/1")
    assert type(caught.value).__name__ == error
    assert_sentence(caught.value.message, forbidden=(PASSWORD,))
    assert caught.value.message.isprintable(), repr(caught.value.message)
