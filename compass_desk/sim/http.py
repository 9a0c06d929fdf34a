"""The HTTP side: a threaded stdlib server, Basic auth, version negotiation, routing, faults.

One thread per connection (keep-alive), so injected latency on one request never holds up
another. ``stop()`` closes every open connection, so no thread or socket outlives the server.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import ipaddress
import json
import logging
import socket
import struct
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from compass_desk.sim import control, handlers, schema
from compass_desk.sim.data import DEMO_PASSWORD, DEMO_USERS
from compass_desk.sim.engine import Engine, Reply, Request
from compass_desk.sim.errors import HttpError
from compass_desk.sim.faults import AFTER, HTML_PAGE, Decision
from compass_desk.sim.negotiation import MEDIA_TYPES, negotiate

log = logging.getLogger(__name__)
JSON = "application/json"
OVERRIDABLE = ("PATCH", "PUT", "DELETE")


class SimServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], engine: Engine) -> None:
        self.engine = engine
        self._connections: set[socket.socket] = set()
        self._workers: set[threading.Thread] = set()
        self._track = threading.Lock()
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.address_family = family
        super().__init__(address, SimHandler)

    def process_request(self, request: Any, client_address: Any) -> None:
        thread = threading.Thread(
            target=self._serve,
            args=(request, client_address),
            daemon=True,
            name=f"compass-sim-{client_address[1]}",
        )
        with self._track:
            self._connections.add(request)
            self._workers.add(thread)
        thread.start()

    def _serve(self, request: socket.socket, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:  # a broken client connection must not take the server down
            log.debug("connection from %s ended with an error", client_address, exc_info=True)
        finally:
            self.shutdown_request(request)
            with self._track:
                self._connections.discard(request)
                self._workers.discard(threading.current_thread())

    def close_connections(self, timeout: float = 5.0) -> None:
        with self._track:
            connections, threads = list(self._connections), list(self._workers)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        for thread in threads:
            thread.join(timeout)


class SimHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "CompassSim/1.0"
    timeout = 60  # an idle keep-alive connection is closed after a minute
    disable_nagle_algorithm = True  # headers and body go out in separate writes
    server: SimServer

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s " + format, self.client_address[0], *args)

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PATCH(self) -> None:
        self._dispatch("PATCH")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def do_OPTIONS(self) -> None:
        self._dispatch("OPTIONS")

    # ---- request flow --------------------------------------------------------------------
    def _dispatch(self, method: str) -> None:
        engine = self.server.engine
        url = urlsplit(self.path)
        path = url.path.rstrip("/") or "/"
        raw = self._read_body()
        if path == "/_sim" or path.startswith("/_sim/"):
            self._control(engine, method, path, raw)
            return
        decision = engine.faults.decide(engine.config)
        if decision.delay_s and engine.stop_event.wait(decision.delay_s):
            self.close_connection = True
            return
        if decision.kind == "error":
            self._send_json(
                decision.status, {"status": decision.status, "message": "simulated server failure"}, JSON
            )
            return
        if decision.kind == "html":
            self._send(200, HTML_PAGE.encode(), "text/html; charset=utf-8")
            return
        try:
            reply, media = self._compass(engine, method, path, dict(parse_qsl(url.query)), raw)
        except HttpError as exc:
            reply, media = Reply(exc.status, exc.body(), exc.headers), exc.media or JSON
        except Exception:  # a simulator bug: answer 500 like a real server, and log it
            log.exception("unexpected error handling %s %s", method, path)
            reply, media = Reply(500, {"status": 500, "message": "unexpected error in the simulator"}), JSON
        self._send_json(reply.status, reply.body, media, reply.headers, decision)

    def _compass(
        self, engine: Engine, method: str, path: str, query: dict[str, str], raw: bytes
    ) -> tuple[Reply, str]:
        username = self._authenticate(engine)
        if path == "/schema" or path.startswith("/schema/"):
            if method != "GET":
                raise HttpError(405, "the schema is read-only", headers={"Allow": "GET"})
            return Reply(200, schema.document(engine, path)), JSON
        version = negotiate(self.headers.get("Accept"))
        if version is None:
            offered = " or ".join(MEDIA_TYPES.values())
            raise HttpError(406, f"none of the offered media types is served here; accept {offered}")
        media = MEDIA_TYPES[version]
        override = self.headers.get("X-HTTP-Method-Override", "").strip().upper()
        if method == "POST" and override:
            if override not in OVERRIDABLE:
                raise _with_media(
                    HttpError(400, f"X-HTTP-Method-Override {override!r} is not supported"), media
                )
            method = override
        found = handlers.match(path)
        if found is None:
            raise _with_media(HttpError(404, "no such resource"), media)
        route, ids = found
        if method not in route.methods:
            allowed = ", ".join(sorted(route.methods))
            raise _with_media(
                HttpError(405, f"{method} is not allowed here; use {allowed}", headers={"Allow": allowed}),
                media,
            )
        handler, operation = route.methods[method]
        if operation in engine.config.disabled_operations:
            raise _with_media(HttpError(403, "this feature is not enabled for your environment"), media)
        body = _parse_json(raw, media) if method in ("POST", "PATCH", "PUT") else None
        request = Request(
            method, path, query, {k.lower(): v for k, v in self.headers.items()}, body, username, version
        )
        try:
            with engine.state.lock:
                engine.state.catch_up()
                reply = handler(engine, request, *ids)
                # serialise under the lock so the answer is one consistent snapshot
                payload = None if reply.body is None else json.dumps(reply.body, ensure_ascii=False)
        except HttpError as exc:
            raise _with_media(exc, media) from None
        reply.body = payload
        return reply, media

    def _authenticate(self, engine: Engine) -> str:
        challenge = {"WWW-Authenticate": 'Basic realm="Compass", charset="UTF-8"'}
        header = self.headers.get("Authorization", "")
        scheme, _, encoded = header.partition(" ")
        username = password = None
        if scheme.lower() == "basic":
            try:
                username, _, password = (
                    base64.b64decode(encoded.strip(), validate=True).decode().partition(":")
                )
            except (binascii.Error, UnicodeDecodeError):
                username = None
        if username not in DEMO_USERS or password != DEMO_PASSWORD:
            raise HttpError(401, "wrong or missing user name or password", headers=challenge)
        if engine.faults.credentials_expired(engine.config):
            raise HttpError(401, "your credentials have expired", headers=challenge)
        return username

    def _control(self, engine: Engine, method: str, path: str, raw: bytes) -> None:
        try:
            if not ipaddress.ip_address(self.client_address[0].split("%")[0]).is_loopback:
                raise HttpError(403, "the simulator controls answer on loopback only")
            body = _parse_json(raw, JSON) if raw else {}
            reply = control.handle(engine, method, path, body)
        except HttpError as exc:
            reply = Reply(exc.status, exc.body(), exc.headers)
        except LookupError as exc:
            reply = Reply(404, {"status": 404, "message": str(exc)})
        except Exception:
            log.exception("unexpected error handling %s %s", method, path)
            reply = Reply(500, {"status": 500, "message": "unexpected error in the simulator"})
        payload = None if reply.body is None else json.dumps(reply.body)
        self._send_json(reply.status, payload, JSON, reply.headers)

    def _read_body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if not length:
            return b""
        try:
            size = int(length)
        except ValueError:
            self.close_connection = True
            return b""
        return self.rfile.read(size) if size > 0 else b""

    # ---- answers ------------------------------------------------------------------------------
    def _send_json(
        self,
        status: int,
        body: Any,
        media: str,
        headers: dict[str, str] | None = None,
        decision: Decision | None = None,
    ) -> None:
        if body is None or status in (204, 303):
            data = b""
        elif isinstance(body, str):
            data = body.encode()
        else:
            data = json.dumps(body, ensure_ascii=False).encode()
        kind = decision.kind if decision and decision.kind in AFTER else None
        if kind == "reset":
            self._reset_connection()
            return
        if kind == "malformed" and data:
            data = data[: max(1, len(data) // 2)]
        stall = self.server.engine.config.stall_s if kind == "stall" else 0.0
        self._send(status, data, media, headers, stall=stall)

    def _send(
        self,
        status: int,
        data: bytes,
        content_type: str | None,
        headers: dict[str, str] | None = None,
        stall: float = 0.0,
    ) -> None:
        self.send_response(status)
        if content_type and data:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        try:
            if stall and len(data) > 1:
                half = len(data) // 2
                self.wfile.write(data[:half])
                self.wfile.flush()
                if self.server.engine.stop_event.wait(stall):
                    self.close_connection = True
                    return
                data = data[half:]
            self.wfile.write(data)
        except OSError:
            self.close_connection = True

    def _reset_connection(self) -> None:
        # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()


def _with_media(exc: HttpError, media: str) -> HttpError:
    exc.media = exc.media or media
    return exc


def _parse_json(raw: bytes, media: str) -> Any:
    if not raw.strip():
        return None
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _with_media(HttpError(400, "the request body is not valid JSON"), media) from None
