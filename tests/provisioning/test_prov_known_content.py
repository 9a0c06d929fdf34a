"""`config check` on files that are not provisioning files: empty is an error, unknown content a warning."""

from __future__ import annotations

import pytest

from compass_desk.cli import main
from compass_desk.domain.provisioning import Severity
from compass_desk.domain.provisioning.validate import check

SHADOW = "".join(f"user{n}:$6$salt$hash:20228:0:99999:7:::\n" for n in range(24))
NESTED = "<a>" * 30 + "<b>x</b>" + "</a>" * 30


def codes(result, severity):
    return [f.code for f in result.findings if f.severity is severity]


@pytest.mark.parametrize(("text", "name"), [("", "x.cfg"), ("", "x.txt"), ("  \n\n", "x.htm")])
def test_an_empty_file_is_an_error(text, name):
    result = check(text, name)
    assert "empty" in codes(result, Severity.ERROR) and result.has_errors


def test_a_yealink_file_with_only_its_header_holds_no_settings():
    result = check("#!version:1.0.0.1\n# nothing else\n", "0015651234ab.cfg")
    assert codes(result, Severity.ERROR) == ["empty"]
    assert "holds no settings" in next(f.message for f in result.findings if f.code == "empty")


@pytest.mark.parametrize(("text", "name"), [(SHADOW, "shadow"), (NESTED, "x.xml"),
                                            ("#!version:1.0.0.1\nfoo.bar = 1\n", "x.cfg")])
def test_no_known_setting_is_a_warning(text, name):
    result = check(text, name)
    assert "unknown-content" in codes(result, Severity.WARNING)
    message = next(f.message for f in result.findings if f.code == "unknown-content")
    assert message.endswith("is this a provisioning file?")


@pytest.mark.parametrize(("text", "name"), [
    ("#!version:1.0.0.1\naccount.1.user_name = 2001\n", "0015651234ab.cfg"),
    ("user_host1: sip.example.net\n", "snom.htm"),
    ("<settings><phone-settings><user_host idx='1' perm='R'>sip.example.net</user_host></phone-settings>"
     "</settings>", "000413aabbcc.xml"),
])
def test_real_provisioning_files_pass(text, name):
    result = check(text, name)
    assert not {"unknown-content", "empty"} & {f.code for f in result.findings}


def test_config_check_on_shadow_like_text_warns(tmp_path, capsys):
    path = tmp_path / "shadow"
    path.write_text(SHADOW, encoding="utf-8")
    assert main(["config", "check", str(path), "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "warning: none of its 24 settings is a known provisioning setting" in out
    empty = tmp_path / "empty.cfg"
    empty.write_text("", encoding="utf-8")
    assert main(["config", "check", str(empty), "--data-dir", str(tmp_path)]) == 1
    assert "error: the file is empty" in capsys.readouterr().out
