"""The bad-input catalogue: hostile and malformed inputs per entry point, with what must happen.

Kept apart from the tests so the counts are easy to read (``python tests/reliability/bad_inputs.py``).
"""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx

# --- MAC addresses as typed or scanned (domain.mac.normalize_mac -> MacError) -------------------
BAD_MACS = [
    "",
    " ",
    "zz:zz:zz:zz:zz:zz",
    "00:04:13",
    "00:04:13:aa:bb:cc:dd",
    "00-04-13-AA-BB-CG",
    "0004.13aa.bbc",
    "\x00\x01\x02",
    "0" * 10_000,
    "００:０４:１３:aa:bb:cc",
    "'; DROP TABLE phones; --",
    "<script>alert(1)</script>",
    "00:04:13:aa:bb:c\u0301",
    "None",
    "-1",
    "%n%s%x",
    "00:04:13:aa:bb:cc:",
    "0x000413aabbcc",
    "🙂" * 6,
]

# Two scanned MACs in one field: the error must still be one line (the line break quoted as \n).
MULTILINE_MAC = "00:04:13:aa:bb:cc\n00:04:13:aa:bb:cd"

# --- Environment addresses (api.transport.normalize_base_url -> BaseUrlError, a ValueError) -----
BAD_URLS = [
    "",
    "   ",
    "rest.example.com",
    "ftp://rest.example.com",
    "javascript:alert(1)",
    "file:///etc/passwd",
    "http://rest.example.com",
    "http://10.0.0.1",
    "http://0x7f000001",
    "https://user:pw@rest.example.com",
    "https://rest.example.com?x=1",
    "https://rest.example.com#top",
    "https://",
    "\\\\server\\share",
    "data:text/plain,hi",
    "https:///path-only",
]
# Addresses no request can use (broken IPv6 literal, port, control character) that once got past
# the validation and crashed the CLI with a traceback; each must be refused with a sentence.
CRASHING_URLS = [
    "https://[::1",
    "https://rest.example.com:99999",
    "https://rest.example.com:abc",
    "http://localhost:-1",
    "https://rest.exa\x00mple.com",
    "https://rest.example\n.com",
]

# --- Command lines: (argv, exit code, a word the error must contain) ----------------------------
# "{url}" is replaced by the simulator's address; COMPASS_PASSWORD is set to the demo password.
BAD_ARGS: list[tuple[list[str], int, str]] = [
    (["--bogus"], 2, "unrecognized"),
    (["nosuchcommand"], 2, "invalid choice"),
    (["phones", "nosuch"], 2, "invalid choice"),
    (["phones", "list", "--url"], 2, "needs a value"),
    (["phones", "list", "--env", "nosuch"], 2, "no saved environment"),
    (["phones", "list", "--state", "exploded", "--url", "{url}", "--user", "demo"], 2, "invalid choice"),
    (["phones", "find", "00:04:13:GG:00:01", "--url", "{url}", "--user", "demo"], 2, "hex digit"),
    (["phones", "find", "", "--url", "{url}", "--user", "demo"], 2, "MAC"),
    (["phones", "show", "00:04:13:00:00:01", "--url", "{url}", "--user", "demo"], 4, "no phone"),
    (["phones", "show", "../../../etc/passwd", "--url", "{url}", "--user", "demo"], 4, ""),
    (["phones", "show", "https://evil.example/phone/1", "--url", "{url}", "--user", "demo"], 2, ""),
    (["phones", "activate", "'; DROP TABLE", "--yes", "--url", "{url}", "--user", "demo"], 4, ""),
    (
        ["phones", "list", "--company", "No Such Organisation", "--url", "{url}", "--user", "demo"],
        4,
        "no organisation",
    ),
    (["phones", "list", "--url", "{url}", "--user", "nobody"], 3, ""),
    (["phones", "list", "--url", "{url}"], 2, "user"),
    (["companies", "--url", "ftp://x", "--user", "demo"], 2, "web address"),
    (["login"], 2, "--url"),
    (["login", "--url", "http://example.com", "--user", "demo", "--env", "x"], 2, "https"),
    (
        ["login", "--url", "https://u:p@example.com", "--user", "demo", "--env", "x"],
        2,
        "user name or password",
    ),
    (["login", "--url", "{url}", "--user", "demo", "--env", "bad/name"], 2, ""),
    (["login", "--url", "{url}", "--user", "demo", "--env", "x", "--ca-bundle", "/no/such/ca.pem"], 2, ""),
    (["mac", "check", "zz:zz"], 2, "hex digit"),
    (["mac", "check", ""], 2, "MAC"),
    (["firmware", "decode", ""], 2, "firmware"),
    (["firmware", "decode", "'; DROP TABLE"], 2, "firmware"),
    (["firmware", "compare", "1.2", "x" * 5000], 2, ""),
    (["deadline", "--activated", "yesterday"], 2, "ISO 8601"),
    (["deadline", "--cutoff", "25:99"], 2, "HH:MM"),
    (["deadline", "--now", "2026-13-45T99:00"], 2, "ISO 8601"),
    (["guide", "no-such-model"], 4, "no reset guide"),
    (["guide", "../../etc/passwd"], 4, "no reset guide"),
    (["guide", "snom-d785", "--lang", "xx"], 2, "invalid choice"),
    (["journal", "--resume", "zzz", "--yes"], 2, "int"),
    (["journal", "--resume", "99999", "--yes"], 4, ""),
    (["sim", "--port", "-5"], 2, "negative"),
    (["sim", "--phones", "0"], 2, "phones"),
    (["sim", "--fault-rate", "7"], 2, ""),
    (["config", "show", "/no/such/file.cfg"], 2, "no such file"),
    (["config", "show", "/"], 2, "folder"),
    (["config", "diff", "/no/such/a.cfg"], 2, ""),
]

# --- Provisioning files: (name, bytes, 'config check' exit code) -------------------------------
# Exit 2: the file cannot be read at all; 1: read, but with errors reported.
BAD_FILES: list[tuple[str, bytes, int]] = [
    ("binary.cfg", b"\x00\xff\xfe garbage \x01" * 50, 2),
    (
        "billion-laughs.xml",
        b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b"<settings><phone-settings><x>&b;</x></phone-settings></settings>",
        1,
    ),
    (
        "xxe.xml",
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b"<settings><phone-settings><a>&e;</a></phone-settings></settings>",
        1,
    ),
    ("deep.xml", b"<settings>" * 5000, 1),
    ("cut.xml", b'<settings><phone-settings><user_pass idx="1">x</user_pass', 1),
    ("mismatch.xml", b"<settings><phone-settings></settings></phone-settings>", 1),
    ("huge.cfg", b"#!version:1.0.0.1\n" + b"a" * (6 * 1024 * 1024), 2),
    ("ansi.cfg", b"#!version:1.0.0.1\naccount.1.label = \x1b[2J\x1b[31mHACKED\n", 2),
    (
        "pi.xml",
        b'<?xml-stylesheet href="http://evil.example/x.xsl"?><settings><phone-settings>'
        b"<x>1</x></phone-settings></settings><!--",
        1,
    ),
]
# Files that are odd but readable: shown, not refused (exit 0 or 1, never a traceback).
ODD_FILES: list[tuple[str, bytes]] = [
    ("empty.cfg", b""),
    ("longline.cfg", b"#!version:1.0.0.1\nx = " + b"a" * 500_000 + b"\n"),
    ("latin1.cfg", b"#!version:1.0.0.1\naccount.1.label = Caf\xe9\n"),
    ("crlf-bom.cfg", b"\xef\xbb\xbf#!version:1.0.0.1\r\naccount.1.enable = 1\r\n"),
    ("no-equals.cfg", b"#!version:1.0.0.1\naccount.1.password\n=====\n= =\n"),
    ("utf16.xml", '<?xml version="1.0" encoding="utf-16"?><settings/>'.encode("utf-16")),
    ("many-keys.cfg", b"#!version:1.0.0.1\n" + b"".join(b"k%d = v\n" % i for i in range(50_000))),
]

# --- API answers: (name, make response, error class name expected from client.phone/phones/whoami)
V3 = "application/vnd.iperity.compass.v3+json"
Maker = Callable[[], httpx.Response]


def _json(data: object, status: int = 200, ctype: str = V3, headers: dict[str, str] | None = None) -> Maker:
    return lambda: httpx.Response(
        status, content=json.dumps(data).encode(), headers={"Content-Type": ctype, **(headers or {})}
    )


def _raw(body: bytes, status: int = 200, ctype: str = V3, headers: dict[str, str] | None = None) -> Maker:
    return lambda: httpx.Response(status, content=body, headers={"Content-Type": ctype, **(headers or {})})


BASE = "https://rest.compass.test"
BAD_ANSWERS: list[tuple[str, Maker, str]] = [
    (
        "html page",
        _raw(b"<html><body>Maintenance</body></html>", ctype="text/html"),
        "UnexpectedResponseError",
    ),
    ("xml", _raw(b"<?xml version='1.0'?><a/>", ctype="application/xml"), "UnexpectedResponseError"),
    ("cut-off json", _raw(b'{"self": "x", "na'), "UnexpectedResponseError"),
    ("null", _json(None), "UnexpectedResponseError"),
    ("string", _json("hello"), "UnexpectedResponseError"),
    ("empty object", _json({}), "UnexpectedResponseError"),
    (
        "wrong types",
        _json({"self": 5, "name": [], "macAddress": {}, "provisioningByManufacturer": 7}),
        "UnexpectedResponseError",
    ),
    ("empty body", _raw(b""), "UnexpectedResponseError"),
    ("204", _raw(b"", status=204), "UnexpectedResponseError"),
    (
        "redirect away",
        _raw(b"", 302, headers={"Location": "https://evil.example/steal"}),
        "UnexpectedResponseError",
    ),
    ("redirect loop", _raw(b"", 302, headers={"Location": BASE + "/phone/1"}), "UnexpectedResponseError"),
    ("401", _json({"message": "bad"}, 401), "AuthenticationError"),
    ("403", _json({"message": "no"}, 403), "PermissionDeniedError"),
    ("404", _json({}, 404), "NotFoundError"),
    ("409", _json({}, 409), "ConflictError"),
    ("418", _json({}, 418), "InvalidRequestError"),
    ("500 html", _raw(b"<html>boom</html>", 500, ctype="text/html"), "ServerError"),
    ("599", _json({}, 599), "ServerError"),
    ("503 retry-after forever", _json({}, 503, headers={"Retry-After": "999999999"}), "ServerError"),
    ("long reason", _json({"message": "x" * 100_000}, 400), "InvalidRequestError"),
]
# Hostile answers: besides a typed error, the message must be clean (printable, no password).
HOSTILE_ANSWERS: list[tuple[str, Maker, str]] = [
    ("deeply nested json", _raw(b"[" * 100_000 + b"]" * 100_000), "UnexpectedResponseError"),
    (
        "reason echoes the password",
        _json({"message": "password s3cret-Pa55 is wrong"}, 400),
        "InvalidRequestError",
    ),
    (
        "reason with terminal escapes",
        _json({"message": "\x1b[2J\x1b[31mHACKED\x07"}, 400),
        "InvalidRequestError",
    ),
]


def counts() -> dict[str, int]:
    """Inputs tried per entry point (a file is fed to the parser and to the CLI: two inputs)."""
    return {
        "MAC addresses": len(BAD_MACS) + 1,
        "environment addresses": len(BAD_URLS) + len(CRASHING_URLS),
        "command lines": len(BAD_ARGS) + len(BAD_URLS) + 2 * len(CRASHING_URLS) + 1,
        "provisioning files (parser and CLI)": 2 * (len(BAD_FILES) + len(ODD_FILES)),
        "API answers (3 calls each)": 3 * len(BAD_ANSWERS) + len(HOSTILE_ANSWERS),
    }


if __name__ == "__main__":
    for what, n in counts().items():
        print(f"{what:40} {n}")
    print(f"{'total':40} {sum(counts().values())}")
