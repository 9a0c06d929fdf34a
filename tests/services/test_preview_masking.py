"""The fallback masking of a file the parser refuses: whole values hidden, also in the offline cache."""

from __future__ import annotations

import pytest

from compass_desk.domain.models import ProvisioningFile
from compass_desk.domain.provisioning.secrets import MASK
from compass_desk.services.offline import cache_mask
from compass_desk.services.preview import mask_by_key_names, preview

DAMAGED = "#!version:1.0.0.1\naccount.1.password = my secret pass\naccount.1.label = Front desk\n\x00\n"


@pytest.mark.parametrize(
    ("line", "masked"),
    [
        ("account.1.password = my secret pass", f"account.1.password = {MASK}"),
        ("user_pass$: a b;c,d<e", f"user_pass$: {MASK}"),
        ("http_pass!:x, y", f"http_pass!:{MASK}"),
        ("admin_pwd&: two words ", f"admin_pwd&: {MASK} "),
        ("# sip password = in a comment", f"# sip password = {MASK}"),
        ("password = a<b>c\r", f"password = {MASK}\r"),
        ('junk <user_pass idx="1" perm="RW">Sup3r Secret, x;y</user_pass><name>a b</name>',
         f'junk <user_pass idx="1" perm="RW">{MASK}</user_pass><name>a b</name>'),
        ('<item password="q r" name="x y">', f'<item password="{MASK}" name="x y">'),
        ("name = Front desk: hall", "name = Front desk: hall"),
        ("account.1.password =", "account.1.password ="),
        ("url = https://admin:s3cret@pbx/x?token=abc", f"url = https://admin:{MASK}@pbx/x?token={MASK}"),
    ],
)
def test_secret_values_are_masked_to_their_end(line, masked):
    assert mask_by_key_names(line) == masked


def test_damaged_file_preview_hides_a_password_with_spaces():
    shown = preview(ProvisioningFile("805e0c5a0b6e.cfg", "text/plain", DAMAGED))
    assert "my " not in shown.text and "secret pass" not in shown.text and "Front desk" in shown.text
    assert shown.text.count("\n") == DAMAGED.count("\n")


def test_damaged_file_in_the_cache_keeps_no_part_of_the_password():
    masked, secrets = cache_mask(DAMAGED)
    assert "my " not in masked and "secret pass" not in masked and "Front desk" in masked
    assert list(secrets.values()) == ["my secret pass"]
