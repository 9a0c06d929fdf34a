"""Cryptographic keys (provisioning AES, private, SRTP, Wi-Fi keys) are secrets; function keys are not."""

from __future__ import annotations

import pytest

from compass_desk.cli import main
from compass_desk.domain.provisioning import parse_text
from compass_desk.domain.provisioning.secrets import MASK, is_secret_name, mask_text, secret_names


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("static.auto_provision.aes_key_16.com", True), ("static.auto_provision.aes_key_16.mac", True),
        ("auto_provision.aes_key", True), ("aes_key_16", True), ("network.802_1x.private_key", True),
        ("tls_private_key", True), ("privateKey", True), ("account.1.srtp_key", True),
        ("wifi.1.wpa_key", True), ("pre_shared_key", True), ("static.security.api_key", True),
        ("encryption_key", True), ("ssh_key", True),
        # settings about a key, and function keys: not secret
        ("static.auto_provision.aes_key_in_file", False), ("network.802_1x.private_key_url", False),
        ("account.1.srtp_encryption", False), ("user_srtp", False), ("linekey.1.type", False),
        ("linekey.1.value", False), ("fkey1", False), ("fkey.3", False), ("programablekey.2.value", False),
        ("memorykey.1.value", False), ("expansion_module.1.key.1.value", False), ("dsskey_type", False),
        ("keyboard_lock", False), ("features.key_tone", False), ("sip.tls_listen_port", False),
        ("access_key_id", False), ("session_timer", False),
    ],
)
def test_crypto_key_names(name, secret):
    assert is_secret_name(name) is secret
    assert (name in secret_names({name, "linekey.1.label"})) is secret  # the bulk path agrees


YEALINK = (
    "#!version:1.0.0.1\n"
    "static.auto_provision.aes_key_16.com = 0123456789abcdef\n"
    "static.auto_provision.aes_key_16.mac = fedcba9876543210\n"
    "static.auto_provision.aes_key_in_file = 1\n"
    "linekey.1.type = 15\n"
    "expansion_module.1.key.1.value = 201\n"
    "account.1.srtp_encryption = 2\n"
)


def test_yealink_aes_keys_are_masked_and_function_keys_are_not():
    masked = mask_text(parse_text(YEALINK, "0015651234ab.cfg"))
    assert "0123456789abcdef" not in masked and "fedcba9876543210" not in masked
    assert f"static.auto_provision.aes_key_16.com = {MASK}" in masked
    for kept in ("aes_key_in_file = 1", "linekey.1.type = 15", "key.1.value = 201", "srtp_encryption = 2"):
        assert kept in masked


def test_config_show_masks_the_aes_key(tmp_path, capsys):
    path = tmp_path / "0015651234ab.cfg"
    path.write_text(YEALINK, encoding="utf-8")
    assert main(["config", "show", str(path), "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "0123456789abcdef" not in out and "aes_key_16.com" in out and "linekey.1.type" in out
