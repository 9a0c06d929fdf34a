"""Which contract operations an environment offers, read from its OpenAPI document when served."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from compass_desk.api import schema

_PARAM = re.compile(r"\{[^}/]*\}")


def _template(path: str) -> str:
    """``/phone/{phoneId}/reboot/`` -> ``/phone/{}/reboot``: parameter names do not matter."""
    path = path.split("?", 1)[0].rstrip("/") or "/"
    return _PARAM.sub("{}", path)


@dataclass(frozen=True, slots=True)
class Capabilities:
    """``known`` is False when the environment serves no schema: then everything is assumed."""

    known: bool
    missing: frozenset[str] = frozenset()
    api_version: int | None = None

    def supports(self, operation: str) -> bool:
        if operation not in schema.OPERATIONS:
            raise ValueError(f"unknown operation '{operation}'")
        return operation not in self.missing

    @classmethod
    def unknown(cls, api_version: int | None = None) -> Capabilities:
        return cls(known=False, api_version=api_version)

    @classmethod
    def from_openapi(cls, document: Any, api_version: int | None = None) -> Capabilities:
        """Operations of the contract whose path or method the document does not list are missing."""
        paths = document.get("paths") if isinstance(document, Mapping) else None
        if not isinstance(paths, Mapping):
            return cls.unknown(api_version)
        offered: dict[str, set[str]] = {}
        prefixes = _server_prefixes(document)
        for raw_path, item in paths.items():
            if not isinstance(raw_path, str) or not isinstance(item, Mapping):
                continue
            methods = {str(m).lower() for m in item}
            for prefix in prefixes:
                # Paths may be written relative to a server URL with a base path ("/api/v3").
                path = raw_path if not prefix else prefix + raw_path
                offered.setdefault(_template(path), set()).update(methods)
        missing = frozenset(
            name
            for name, (method, template) in schema.OPERATIONS.items()
            if method not in offered.get(_template(template), set())
        )
        return cls(known=True, missing=missing, api_version=api_version)


def _server_prefixes(document: Mapping[str, Any]) -> list[str]:
    prefixes = [""]
    servers = document.get("servers")
    if isinstance(servers, list):
        for server in servers:
            url = server.get("url") if isinstance(server, Mapping) else None
            if isinstance(url, str):
                path = re.sub(r"^[a-z]+://[^/]*", "", url).rstrip("/")
                if path and path not in prefixes:
                    prefixes.append(path)
    return prefixes
