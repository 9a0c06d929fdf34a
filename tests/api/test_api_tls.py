"""HTTPS: certificates are verified (OS trust store plus an optional CA bundle); no way around it."""

from __future__ import annotations

import http.server
import json
import shutil
import ssl
import subprocess
import threading

import pytest

from compass_desk.api import errors
from compass_desk.api.client import CompassClient
from compass_desk.api.transport import RetryPolicy, ssl_context
from compass_desk.domain.models import Environment

USER = {"theType": "user", "self": "https://localhost:{port}/user/u-1", "name": "Jan", "username": "jan"}


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


@pytest.fixture
def https_server(certificate):
    cert, key = certificate

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = json.dumps({**USER, "self": USER["self"].format(port=self.server.server_port)}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/vnd.iperity.compass.v3+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://localhost:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def connect(url, ca_bundle=None):
    env = Environment("tls", url, "jan", ca_bundle=str(ca_bundle) if ca_bundle else None)
    return CompassClient(env, "pw", retry=RetryPolicy(attempts=3, sleep=lambda s: None))


def test_untrusted_certificate_is_refused_with_advice(https_server):
    with connect(https_server) as client, pytest.raises(errors.CertificateError) as caught:
        client.whoami()
    assert "not trusted" in caught.value.message and "CA bundle" in caught.value.message


def test_extra_ca_bundle_per_environment(https_server, certificate):
    with connect(https_server, ca_bundle=certificate[0]) as client:
        assert client.whoami().username == "jan"


def test_context_verifies_and_checks_names(certificate):
    context = ssl_context(str(certificate[0]))
    assert context.verify_mode is ssl.CERT_REQUIRED and context.check_hostname


def test_bad_ca_bundles_are_clear_errors(tmp_path):
    with pytest.raises(errors.InvalidEnvironmentError, match="does not exist"):
        connect("https://rest.example.com", ca_bundle=tmp_path / "missing.pem")
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate", encoding="utf-8")
    with pytest.raises(errors.InvalidEnvironmentError, match="PEM expected"):
        connect("https://rest.example.com", ca_bundle=junk)
