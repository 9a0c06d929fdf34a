"""Provisioning files fetched earlier, for reading offline; secrets never stored in plain text.

Each file is stored as its *masked* text (from the ``mask`` function given by the caller, the
provisioning parser's masking) plus the secret values, encrypted with the :class:`Vault` key
from keyring. Without a usable keyring only the masked text is stored and the entry says so
(``secrets == "dropped"``). A size limit evicts the oldest files first.

``mask(text) -> (masked_text, {placeholder: secret})``: every placeholder must be a distinct
string that appears in the masked text where its secret was. Before storing, the cache checks
that putting the secrets back gives the original text exactly; if not, the secrets are dropped.
A masking function that writes one fixed string for every secret (the provisioning parser's
``mask_text``) becomes such a function with :func:`invertible`.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from compass_desk.domain.models import Phone, ProvisioningFile
from compass_desk.domain.text import Text
from compass_desk.store.db import Database, Schema, StoreError, utc_now
from compass_desk.store.vault import Vault

Mask = Callable[[str], tuple[str, dict[str, str]]]

SECRETS_NONE = "none"  # the file had no secrets
SECRETS_ENCRYPTED = "encrypted"  # stored, encrypted
SECRETS_DROPPED = "dropped"  # not stored: no keyring, or the masking could not be undone exactly

DEFAULT_LIMIT_BYTES = 200 * 1024 * 1024
_MIN_SWEEP_LENGTH = 4  # shorter secrets ("0", "no") would mask unrelated text

SCHEMA = Schema(
    "provisioning_cache",
    (
        """
        CREATE TABLE provisioning_files (
            environment TEXT NOT NULL,
            phone_url TEXT NOT NULL,
            mac TEXT NOT NULL,
            phone_name TEXT NOT NULL,
            company_url TEXT NOT NULL,
            company_name TEXT NOT NULL,
            filename TEXT NOT NULL,
            content_type TEXT NOT NULL,
            generated_at TEXT,
            fetched_at TEXT NOT NULL,
            masked TEXT NOT NULL,
            placeholders TEXT NOT NULL,
            secrets BLOB,
            secrets_state TEXT NOT NULL,
            size INTEGER NOT NULL,
            PRIMARY KEY (environment, phone_url)
        );
        CREATE INDEX provisioning_files_mac ON provisioning_files (mac);
        CREATE INDEX provisioning_files_fetched ON provisioning_files (fetched_at)
        """,
    ),
)

_INFO_COLUMNS = (
    "environment, phone_url, mac, phone_name, company_url, company_name, filename, content_type,"
    " generated_at, fetched_at, size, secrets_state"
)


@dataclass(frozen=True)
class CachedFileInfo:
    environment: str
    phone_url: str
    mac: str
    phone_name: str
    company_url: str
    company_name: str
    filename: str
    content_type: str
    generated_at: datetime | None
    fetched_at: datetime  # UTC
    size: int  # bytes taken in the cache
    secrets: str  # SECRETS_NONE, SECRETS_ENCRYPTED or SECRETS_DROPPED

    def age(self, now: datetime | None = None) -> timedelta:
        return (now or utc_now()) - self.fetched_at


@dataclass(frozen=True)
class CachedFile:
    info: CachedFileInfo
    masked_content: str  # secrets replaced by their placeholders
    placeholders: tuple[str, ...] = ()
    secrets: dict[str, str] = field(default_factory=dict)  # placeholder -> value, when readable
    #: Secrets were stored encrypted but cannot be read now (keyring key missing or replaced).
    secrets_locked: bool = False

    @property
    def complete(self) -> bool:
        """True when :meth:`content` is the file exactly as fetched, secrets included."""
        return self.info.secrets == SECRETS_NONE or (
            self.info.secrets == SECRETS_ENCRYPTED and not self.secrets_locked
        )

    def content(self) -> str:
        """The original text when :attr:`complete`, otherwise the masked text."""
        return _restore(self.masked_content, self.secrets) if self.complete else self.masked_content

    def masked_text(self, display: str) -> str:
        """The masked text with every placeholder shown as *display* (e.g. the viewer's mask)."""
        return _restore(self.masked_content, dict.fromkeys(self.placeholders, display))

    def file(self) -> ProvisioningFile:
        info = self.info
        return ProvisioningFile(info.filename, info.content_type, self.content(), info.generated_at)


def invertible(mask_text: Callable[[str], str], mask: str, label: str = "secret") -> Mask:
    """Turn ``mask_text(text) -> text with each secret replaced by *mask*`` into a :data:`Mask`.

    The secrets are recovered by lining the masked text up with the original; each becomes a
    numbered placeholder (``⟦secret 1⟧``). If the two cannot be lined up, the placeholders get
    empty values, the cache's exactness check fails, and the secrets are dropped (never wrong).
    """

    def apply(text: str) -> tuple[str, dict[str, str]]:
        pieces = mask_text(text).split(mask)
        if len(pieces) == 1:
            return pieces[0], {}
        values = _line_up(text, pieces)
        placeholders = [f"⟦{label} {i}⟧" for i in range(1, len(pieces))]
        out = [pieces[0]]
        for placeholder, piece in zip(placeholders, pieces[1:], strict=True):
            out += [placeholder, piece]
        return "".join(out), dict(zip(placeholders, values, strict=True))

    return apply


def _line_up(original: str, pieces: list[str]) -> list[str]:
    """The texts the mask replaced between *pieces*; empty strings when they do not line up."""
    unknown = [""] * (len(pieces) - 1)
    if not original.startswith(pieces[0]):
        return unknown
    values: list[str] = []
    position = len(pieces[0])
    for index, piece in enumerate(pieces[1:], start=1):
        if index == len(pieces) - 1:
            end = len(original) - len(piece)
            if end < position or not original.endswith(piece):
                return unknown
            values.append(original[position:end])
        else:
            found = original.find(piece, position) if piece else -1
            if found < 0:  # not there, or two masks side by side: ambiguous
                return unknown
            values.append(original[position:found])
            position = found + len(piece)
    return values


def _restore(masked: str, secrets: dict[str, str]) -> str:
    if not secrets:
        return masked
    # One pass, longest placeholder first, so a secret containing another placeholder stays put.
    pattern = re.compile("|".join(re.escape(p) for p in sorted(secrets, key=len, reverse=True)))
    return pattern.sub(lambda match: secrets[match.group(0)], masked)


def _sweep(masked: str, secrets: dict[str, str]) -> str:
    """Mask any copy of a secret value the mask function left in the text (defence in depth)."""
    for placeholder, value in sorted(secrets.items(), key=lambda item: len(item[1]), reverse=True):
        if len(value) >= _MIN_SWEEP_LENGTH and value in masked:
            masked = masked.replace(value, placeholder)
    return masked


class ProvisioningCache:
    """``ProvisioningCache(path, mask=...)``: files in the SQLite file *path* (``db.cache_db_path``)."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        mask: Mask,
        limit_bytes: int = DEFAULT_LIMIT_BYTES,
        vault: Vault | None = None,
    ) -> None:
        self._db = Database(path, [SCHEMA], recover_corrupt=True)
        self._mask = mask
        self._vault = vault or Vault()
        self.limit_bytes = limit_bytes

    @property
    def encrypts_secrets(self) -> bool:
        """False when secrets are dropped instead (no usable keyring); see :attr:`secrets_note`."""
        return self._vault.available

    @property
    def secrets_note(self) -> str:
        """Why secrets are not kept, as a sentence; empty when they are kept encrypted."""
        return self._vault.reason

    @property
    def secrets_note_text(self) -> Text:
        """:attr:`secrets_note` in every language."""
        return self._vault.reason_text

    def store(
        self,
        environment: str,
        phone: Phone,
        file: ProvisioningFile,
        *,
        company_name: str = "",
        fetched_at: datetime | None = None,
    ) -> CachedFileInfo:
        """Keep *file* as fetched for *phone*, replacing an older copy; may evict the oldest files."""
        try:
            masked, secrets = self._mask(file.content)
        except Exception as error:  # the parser's own error, or a bug: either way, store nothing
            who = phone.name or phone.mac
            raise StoreError(
                Text(
                    f"The provisioning file of {who} was not stored for offline use "
                    f"because its secrets could not be hidden ({error}).",
                    f"Het provisioningbestand van {who} is niet bewaard voor offline gebruik, "
                    f"omdat de geheimen erin niet verborgen konden worden ({error}).",
                )
            ) from error
        secrets = dict(secrets)
        placeholders = json.dumps(sorted(secrets), ensure_ascii=False)
        token: bytes | None = None
        state = SECRETS_NONE
        if secrets:
            masked = _sweep(masked, secrets)
            state = SECRETS_DROPPED
            if _restore(masked, secrets) == file.content and self._vault.available:
                token = self._vault.encrypt(json.dumps(secrets, ensure_ascii=False).encode("utf-8"))
                state = SECRETS_ENCRYPTED
        fetched = (fetched_at or utc_now()).astimezone(UTC)
        size = len(masked.encode("utf-8")) + len(token or b"")
        info = CachedFileInfo(
            environment, phone.url, phone.mac, phone.name, phone.company_url, company_name,
            file.filename, file.content_type, file.generated_at, fetched, size, state,
        )  # fmt: skip
        with self._db.write() as conn:
            conn.execute(
                f"INSERT OR REPLACE INTO provisioning_files ({_INFO_COLUMNS}, masked, placeholders, secrets)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    environment, phone.url, phone.mac, phone.name, phone.company_url, company_name,
                    file.filename, file.content_type,
                    file.generated_at.isoformat() if file.generated_at else None,
                    fetched.isoformat(), size, state, masked, placeholders, token,
                ),
            )  # fmt: skip
            self._evict(conn, keep=(environment, phone.url))
        return info

    def get(self, environment: str, phone_url: str) -> CachedFile | None:
        with self._db.read() as conn:
            row = conn.execute(
                f"SELECT {_INFO_COLUMNS}, masked, placeholders, secrets FROM provisioning_files"
                " WHERE environment = ? AND phone_url = ?",
                (environment, phone_url),
            ).fetchone()
        if row is None:
            return None
        info = _info(row[:12])
        masked, placeholders, token = row[12], tuple(json.loads(row[13])), row[14]
        secrets: dict[str, str] = {}
        locked = False
        if info.secrets == SECRETS_ENCRYPTED:
            plain = self._vault.decrypt(bytes(token)) if token is not None else None
            if plain is None:
                locked = True
            else:
                secrets = json.loads(plain.decode("utf-8"))
        return CachedFile(info, masked, placeholders, secrets, locked)

    def entries(self, environment: str | None = None, company_url: str | None = None) -> list[CachedFileInfo]:
        """What is stored (sorted by environment, organisation, phone name), without the texts."""
        where, params = self._scope(environment, company_url)
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT {_INFO_COLUMNS} FROM provisioning_files{where}"
                " ORDER BY environment, company_name, phone_name, mac",
                params,
            ).fetchall()
        return [_info(row) for row in rows]

    def find_mac(self, mac: str) -> list[CachedFileInfo]:
        """Stored files of the phone with this MAC (any notation), newest first, any environment."""
        mac = re.sub(r"[^0-9A-Fa-f]", "", mac)
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT {_INFO_COLUMNS} FROM provisioning_files WHERE mac = ? ORDER BY fetched_at DESC",
                (mac.lower(),),
            ).fetchall()
        return [_info(row) for row in rows]

    def total_size(self) -> int:
        with self._db.read() as conn:
            return int(conn.execute("SELECT COALESCE(SUM(size), 0) FROM provisioning_files").fetchone()[0])

    def clear(self, environment: str | None = None, company_url: str | None = None) -> int:
        """Remove the files of one organisation, one environment, or all; returns how many."""
        where, params = self._scope(environment, company_url)
        with self._db.write() as conn:
            removed = conn.execute(f"DELETE FROM provisioning_files{where}", params).rowcount
        self._db.vacuum()
        return removed

    def set_limit(self, limit_bytes: int) -> int:
        """Change the size limit (e.g. from the ``cache_size_mb`` preference); returns files evicted."""
        if limit_bytes < 0:
            raise ValueError("The cache size limit cannot be negative.")
        self.limit_bytes = limit_bytes
        with self._db.write() as conn:
            evicted = self._evict(conn, keep=None)
        if evicted:
            self._db.vacuum()
        return evicted

    def _evict(self, conn: sqlite3.Connection, keep: tuple[str, str] | None) -> int:
        total = int(conn.execute("SELECT COALESCE(SUM(size), 0) FROM provisioning_files").fetchone()[0])
        evicted = 0
        if total <= self.limit_bytes:
            return 0
        oldest_first = conn.execute(
            "SELECT environment, phone_url, size FROM provisioning_files ORDER BY fetched_at, rowid"
        ).fetchall()
        for environment, phone_url, size in oldest_first:
            if total <= self.limit_bytes:
                break
            if (environment, phone_url) == keep:
                continue  # never drop the file just fetched, even when it alone is over the limit
            conn.execute(
                "DELETE FROM provisioning_files WHERE environment = ? AND phone_url = ?",
                (environment, phone_url),
            )
            total -= size
            evicted += 1
        return evicted

    @staticmethod
    def _scope(environment: str | None, company_url: str | None) -> tuple[str, tuple[str, ...]]:
        clauses, params = [], []
        if environment is not None:
            clauses.append("environment = ?")
            params.append(environment)
        if company_url is not None:
            clauses.append("company_url = ?")
            params.append(company_url)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)

    @property
    def database(self) -> Database:
        return self._db

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ProvisioningCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _info(row: tuple[object, ...]) -> CachedFileInfo:
    (environment, phone_url, mac, phone_name, company_url, company_name, filename, content_type,
     generated_at, fetched_at, size, state) = row  # fmt: skip
    return CachedFileInfo(
        str(environment), str(phone_url), str(mac), str(phone_name), str(company_url), str(company_name),
        str(filename), str(content_type),
        datetime.fromisoformat(str(generated_at)) if generated_at else None,
        datetime.fromisoformat(str(fetched_at)), int(str(size)), str(state),
    )  # fmt: skip
