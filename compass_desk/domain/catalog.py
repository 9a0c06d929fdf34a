"""The phone model catalog: which models exist, their vendor, kind and reset/firmware family.

Parsed from ``resources/models.toml`` (read by the caller) so that this module stays pure.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from compass_desk.domain.models import PhoneModel, Vendor


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    model: PhoneModel
    family: str
    yealink_prefix: int | None
    demo_firmwares: tuple[str, ...]


class Catalog:
    def __init__(self, entries: Iterable[CatalogEntry]) -> None:
        self._entries = {entry.model.id: entry for entry in entries}

    @classmethod
    def from_toml(cls, data: Mapping[str, Any]) -> Catalog:
        entries: list[CatalogEntry] = []
        for index, record in enumerate(data.get("model", []), start=1):
            missing = [key for key in ("id", "vendor", "name") if key not in record]
            if missing:
                raise ValueError(f"model entry {index} of the catalog lacks {', '.join(missing)}")
            if str(record["vendor"]) not in (Vendor.SNOM, Vendor.YEALINK):
                raise ValueError(f"model {record['id']} has vendor {record['vendor']!r}; use snom or yealink")
            if record["id"] in {entry.model.id for entry in entries}:
                raise ValueError(f"model {record['id']} is listed twice in the catalog")
            vendor = Vendor(str(record["vendor"]))
            firmwares = tuple(str(v) for v in record.get("demo_firmwares", ()))
            model = PhoneModel(
                id=str(record["id"]),
                vendor=vendor,
                name=str(record["name"]),
                certified=bool(record.get("certified", True)),
                firmwares=firmwares,
                kind=str(record.get("kind", "desk")),
            )
            prefix = record.get("yealink_prefix")
            family = str(record.get("family", model.id))
            entries.append(CatalogEntry(model, family, int(prefix) if prefix else None, firmwares))
        return cls(entries)

    def __iter__(self) -> Iterator[CatalogEntry]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, model_id: str) -> CatalogEntry | None:
        return self._entries.get(model_id)

    def models(self) -> list[PhoneModel]:
        return [entry.model for entry in self._entries.values()]

    def lookup(self, text: str) -> CatalogEntry | None:
        """Find a model by id (``snom-d785``), name (``D785``) or vendor and name (``Snom D785``)."""
        key = _key(text)
        for entry in self._entries.values():
            model = entry.model
            if key in {_key(model.id), _key(model.name), _key(f"{model.vendor.value} {model.name}")}:
                return entry
        return None

    def closest(self, text: str, limit: int = 3) -> list[CatalogEntry]:
        """Models whose names are most like *text*, for "did you mean"."""
        key = _key(text)
        vendor_hint = next((v for v in Vendor if v is not Vendor.UNKNOWN and key.startswith(v.value)), None)
        if vendor_hint is not None:
            key = key[len(vendor_hint.value) :]

        def score(entry: CatalogEntry) -> tuple[int, int, float, str]:
            name = _key(entry.model.name)
            prefix = _common_prefix_length(key, name)
            ratio = difflib.SequenceMatcher(None, key, name).ratio()
            other_vendor = int(vendor_hint is not None and entry.model.vendor is not vendor_hint)
            return (other_vendor, -prefix, -ratio, entry.model.id)

        return sorted(self._entries.values(), key=score)[:limit]


def _common_prefix_length(a: str, b: str) -> int:
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return min(len(a), len(b))


def _key(text: str) -> str:
    return re.sub(r"[\s_\-]", "", text.lower())
