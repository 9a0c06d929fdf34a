"""``cache list|clear`` (what is kept for offline reading), ``visit prepare`` (fetch an organisation
ahead of a site visit) and the handler of ``phones preview --cached``.

``cache`` needs no account and no network; ``--env NAME`` limits it to one environment.
``--json`` shapes (fields may be added, never renamed or removed):

``cache list``::

    {"files": [{"environment", "organisation": {"url", "name"}, "phone_url", "phone_name", "mac",
                "mac_display", "filename", "content_type", "generated_at", "fetched_at",
                "age_seconds": int, "size": int, "secrets": "none" | "encrypted" | "dropped"}],
     "organisations": [{"environment", "url", "name", "files", "size", "oldest", "newest"}],
     "phone_lists": [{"environment", "fetched_at", "organisations", "phones"}],
     "total_size": int, "limit": int}

``cache clear``: ``{"removed_files": int, "removed_phone_lists": [environment, ...]}``

``visit prepare``: ``{"organisation": COMPANY, "environment", "fetched_at", "cancelled", "total",
"stored", "phone_list_saved", "secrets_note", "phones": [{"phone": PHONE, "stored": bool,
"filename": str | null, "secrets": str | null, "online": bool | null, "problems": [str]}]}``;
exit 1 when a phone had a problem (listed on stderr).

``phones preview --cached``: the ``phones preview`` object plus ``"cached": true, "environment",
"fetched_at", "age_seconds", "secrets"``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compass_desk.cli._files import write_text
from compass_desk.cli.common import (
    FAILED,
    NOT_FOUND,
    OK,
    USAGE,
    CliError,
    GlobalOptions,
    counted,
    print_json,
    print_table,
)

if TYPE_CHECKING:
    from compass_desk.domain.models import Phone, ProvisioningFile
    from compass_desk.services.offline import StoredOrganisation
    from compass_desk.services.session import Session
    from compass_desk.store.cache import Cache, Snapshot
    from compass_desk.store.provisioning_cache import ProvisioningCache

ORDER = 40


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cache = sub.add_parser("cache", help="provisioning files kept for offline reading: list or clear them")
    cache_sub = cache.add_subparsers(dest="cache_command", metavar="SUBCOMMAND")
    listing = cache_sub.add_parser("list", help="what is stored, how old, how big (no account needed)")
    listing.set_defaults(handler=_list)
    clear = cache_sub.add_parser("clear", help="remove stored files of one organisation, or everything")
    which = clear.add_mutually_exclusive_group()
    which.add_argument("--company", metavar="COMPANY", help="only this organisation (id, URL or name)")
    which.add_argument("--all", action="store_true", help="every stored file and phone list")
    clear.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    clear.set_defaults(handler=_clear)
    visit = sub.add_parser("visit", help="prepare a site visit: keep an organisation's files for offline use")
    visit_sub = visit.add_subparsers(dest="visit_command", metavar="SUBCOMMAND")
    prepare = visit_sub.add_parser(
        "prepare", help="fetch and store every phone's provisioning file and status of one organisation"
    )
    prepare.add_argument("--company", required=True, metavar="COMPANY", help="id, URL or exact name")
    prepare.add_argument("--concurrency", type=int, default=4, metavar="N",
                         help="phones fetched at the same time (1-16, default 4)")
    prepare.set_defaults(handler=_prepare)


@contextmanager
def stores(options: GlobalOptions) -> Iterator[tuple[ProvisioningCache, Cache]]:
    """The provisioning cache and the phone-list snapshots of the data folder, closed afterwards."""
    from compass_desk.paths import app_paths
    from compass_desk.services.offline import open_provisioning_cache
    from compass_desk.store.cache import Cache
    from compass_desk.store.db import StoreError, cache_db_path

    paths = app_paths(options.data_dir)
    try:
        files = open_provisioning_cache(paths)
    except (StoreError, OSError) as exc:
        raise CliError(f"the offline cache cannot be opened: {exc}", FAILED) from None
    try:
        snapshots = Cache(cache_db_path(paths.data))
    except (StoreError, OSError) as exc:
        files.close()
        raise CliError(f"the offline cache cannot be opened: {exc}", FAILED) from None
    try:
        yield files, snapshots
    except StoreError as exc:
        raise CliError(str(exc), FAILED) from None
    finally:
        snapshots.close()
        files.close()


def _env_name(options: GlobalOptions) -> str | None:
    """The environment named on the command line, without signing in (None: every environment)."""
    if options.env:
        return options.env
    if options.url:
        from compass_desk.cli.common import environment_name_for

        return environment_name_for(options.url)  # as cli._connect names it
    return None


# --- cache list ---------------------------------------------------------------------------------
def _list(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.cli._render import mac_display, when
    from compass_desk.services.offline import SECRETS_TEXT, age_text, organisations, size_text

    del args
    env = _env_name(options)
    now = datetime.now(UTC)
    with stores(options) as (files, snapshots):
        entries = files.entries(env)
        lists = [s for s in snapshots.environments() if env is None or s.environment == env]
        limit = files.limit_bytes
    groups = organisations(entries)
    total = sum(e.size for e in entries)
    if options.json:
        print_json({
            "files": [{
                "environment": e.environment, "organisation": {"url": e.company_url, "name": e.company_name},
                "phone_url": e.phone_url, "phone_name": e.phone_name, "mac": e.mac,
                "mac_display": mac_display(e.mac), "filename": e.filename, "content_type": e.content_type,
                "generated_at": when(e.generated_at), "fetched_at": when(e.fetched_at),
                "age_seconds": int(e.age(now).total_seconds()), "size": e.size, "secrets": e.secrets,
            } for e in entries],
            "organisations": [{
                "environment": g.environment, "url": g.company_url, "name": g.company_name, "files": g.files,
                "size": g.size, "oldest": when(g.oldest), "newest": when(g.newest),
            } for g in groups],
            "phone_lists": [{
                "environment": s.environment, "fetched_at": when(s.fetched_at), "organisations": s.companies,
                "phones": s.phones,
            } for s in lists],
            "total_size": total, "limit": limit,
        })  # fmt: skip
        return OK
    if not entries and not lists:
        print("Nothing is stored for offline reading yet. Viewing a phone's provisioning file keeps a copy; "
              "'compass-desk visit prepare --company NAME' keeps a whole organisation's.")
        return OK
    if entries:
        print_table(
            ["ENVIRONMENT", "ORGANISATION", "PHONE", "MAC", "FILE", "FETCHED", "SIZE", "PASSWORDS"],
            [[e.environment, e.company_name or e.company_url, e.phone_name, mac_display(e.mac), e.filename,
              age_text(e.fetched_at, now), size_text(e.size), SECRETS_TEXT.get(e.secrets, e.secrets)]
             for e in entries],
        )
        print()
    for g in groups:
        print(f"{g.environment} · {g.company_name or g.company_url}: {counted(g.files, 'file')}, "
              f"{size_text(g.size)}, "
              f"newest {age_text(g.newest, now)}, oldest {age_text(g.oldest, now)}")
    for s in lists:
        print(f"Phone list of {s.environment}: {counted(s.companies, 'organisation')}, "
              f"{counted(s.phones, 'phone')}, "
              f"fetched {age_text(s.fetched_at, now)}")
    print(f"{counted(len(entries), 'provisioning file')}, {size_text(total)} of at most {size_text(limit)}.")
    return OK


# --- cache clear --------------------------------------------------------------------------------
def _clear(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.cli._connect import confirm
    from compass_desk.services.offline import organisations

    if not args.company and not args.all:
        raise CliError("say what to clear: --company COMPANY for one organisation, or --all", USAGE)
    env = _env_name(options)
    where = f" of {env}" if env else ""
    with stores(options) as (files, snapshots):
        if args.all:
            count = len(files.entries(env))
            lists = [s.environment for s in snapshots.environments() if env is None or s.environment == env]
            files_text = counted(count, "stored provisioning file")
            confirm(f"Remove all {files_text}{where} and the stored phone lists?", args.yes)
            removed = files.clear(env)
            snapshots.clear(env)
            what = f"all stored provisioning files{where} ({removed}) and {counted(len(lists), 'phone list')}"
        else:
            group = _stored_organisation(args.company, organisations(files.entries(env)), snapshots, env)
            label = f"{group.company_name or group.company_url} ({group.environment})"
            confirm(f"Remove the {counted(group.files, 'stored provisioning file')} of {label}?", args.yes)
            removed = files.clear(group.environment, group.company_url)
            lists = []
            what = f"{counted(removed, 'stored provisioning file')} of {label}"
    if options.json:
        print_json({"removed_files": removed, "removed_phone_lists": lists})
    else:
        print(f"Removed {what}.")
    return OK


def _stored_organisation(text: str, groups: list[StoredOrganisation], snapshots: Cache,
                         env: str | None) -> StoredOrganisation:
    """The stored organisation *text* names: its URL, its name, or its id (from the phone lists)."""
    text = text.strip()
    ids: dict[tuple[str, str], str] = {}
    for info in snapshots.environments():
        snapshot = snapshots.load_snapshot(info.environment)
        for company in snapshot.companies if snapshot else []:
            ids[(info.environment, company.url)] = company.entity_id
    folded = text.casefold()
    for test in (lambda g: g.company_url == text, lambda g: ids.get((g.environment, g.company_url)) == text,
                 lambda g: g.company_name == text, lambda g: g.company_name.casefold() == folded):
        matches = [g for g in groups if test(g)]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            places = ", ".join(sorted({g.environment for g in matches}))
            raise CliError(f"'{text}' is stored in more than one environment ({places}); add --env NAME",
                           USAGE)
    where = f" in {env}" if env else ""
    raise CliError(f"nothing is stored for an organisation '{text}'{where}; see 'compass-desk cache list'",
                   NOT_FOUND)


# --- visit prepare ------------------------------------------------------------------------------
class _VisitProgress:
    """Progress on stderr: a live line on a terminal, a line every tenth otherwise."""

    def __init__(self, company: str) -> None:
        self.company = company
        self.tty = sys.stderr.isatty()
        self.step = -1

    def __call__(self, done: int, total: int, label: str) -> None:
        del label
        if not total:
            text = f"Reading the phone list of {self.company}…"
        else:
            text = f"Preparing the site visit of {self.company}: {done}/{total} phones"
        if self.tty:
            end = "\n" if total and done == total else ""
            sys.stderr.write(f"\r{text[:78]:<78}{end}")
        else:
            step = done * 10 // total if total else -1
            if step == self.step and done != total:
                return
            self.step = step
            sys.stderr.write(text + "\n")
        sys.stderr.flush()


def _prepare(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.cli._connect import cli_errors, connected
    from compass_desk.cli._render import company_json, mac_display, phone_json, when
    from compass_desk.services.lookup import find_company
    from compass_desk.services.offline import prepare_site_visit

    if not 1 <= args.concurrency <= 16:
        raise CliError("--concurrency must be between 1 and 16", USAGE)
    with connected(options) as session, cli_errors():
        company = find_company(session, args.company)
        with stores(options) as (files, snapshots):
            result = prepare_site_visit(session, files, company, snapshots=snapshots,
                                        progress=_VisitProgress(company.name), concurrency=args.concurrency)
    if options.json:
        print_json({
            "organisation": company_json(company), "environment": session.environment.name,
            "fetched_at": when(result.fetched_at), "cancelled": result.cancelled, "total": len(result.phones),
            "stored": result.stored_count, "phone_list_saved": result.snapshot_saved,
            "secrets_note": str(result.secrets_note),  # English, should the service word it in Text
            "phones": [{
                "phone": phone_json(r.phone, company), "stored": r.stored is not None,
                "filename": r.stored.filename if r.stored else None,
                "secrets": r.stored.secrets if r.stored else None,
                "online": r.status.online if r.status else None, "problems": list(r.problems),
            } for r in result.results],
        })  # fmt: skip
    else:
        if result.results:
            print_table(
                ["MAC", "NAME", "FILE", "ONLINE", "RESULT"],
                [[mac_display(r.phone.mac), r.phone.name, r.stored.filename if r.stored else "-",
                  ("yes" if r.status.online else "no") if r.status else "?",
                  "stored" if r.ok else "; ".join(r.problems)] for r in result.results],
            )
        print(result.summary())
    for failed in result.failures:
        who = f"{mac_display(failed.phone.mac)} {failed.phone.name}"
        print(f"compass-desk: {who}: {'; '.join(failed.problems)}", file=sys.stderr)
    return OK if result.complete else FAILED


# --- phones preview (online: keep a copy; --cached: read the copy) ------------------------------
def fetch_provisioning_file(session: Session, phone: Phone, options: GlobalOptions) -> ProvisioningFile:
    """Fetch *phone*'s file for ``phones preview`` and keep a copy for offline reading."""
    from compass_desk.paths import app_paths
    from compass_desk.services.offline import fetch_for_viewing, open_provisioning_cache

    try:
        cache: ProvisioningCache | None = open_provisioning_cache(app_paths(options.data_dir))
    except Exception as exc:  # the preview matters more than its offline copy
        print(f"compass-desk: no offline copy is kept ({exc})", file=sys.stderr)
        cache = None
    try:
        return fetch_for_viewing(session, cache, phone)
    finally:
        if cache is not None:
            cache.close()


def preview_cached(args: argparse.Namespace, options: GlobalOptions) -> int:
    """``phones preview PHONE --cached``: the stored copy, no account or network needed."""
    from compass_desk.cli._render import local_time, when
    from compass_desk.domain.mac import MacError
    from compass_desk.domain.provisioning.secrets import MASK
    from compass_desk.services.offline import age_text, cached_file
    from compass_desk.services.preview import preview

    env = _env_name(options)
    reveal = bool(getattr(args, "reveal_secrets", False))
    out = getattr(args, "out", None)
    with stores(options) as (files, snapshots):
        known = [s.environment for s in snapshots.environments() if env is None or s.environment == env]
        phones = [p for name in known for p in (snapshots.load_snapshot(name) or _no_snapshot()).phones]
        try:
            cached = cached_file(files, env, args.phone, phones=phones)
        except MacError as exc:
            raise CliError(f"'{args.phone}' is not a phone URL, a stored phone id or a MAC address: {exc}",
                           USAGE) from None
    if cached is None:
        where = f" of {env}" if env else ""
        raise CliError(f"no offline copy{where} of the provisioning file of {args.phone}; fetch it once "
                       "online ('compass-desk phones preview PHONE') or prepare a site visit", NOT_FOUND)
    if reveal and not cached.complete:
        why = ("the key to decrypt them is no longer in the keyring" if cached.secrets_locked
               else "no secure keyring was available when the file was stored")
        raise CliError(f"the passwords of this offline copy were not kept ({why}); fetch the file online "
                       "to see them", FAILED)
    if cached.complete:
        shown = preview(cached.file(), reveal_secrets=reveal)
        text, masked = shown.text, shown.masked
    else:
        text, masked = cached.masked_text(MASK), True
    info = cached.info
    now = datetime.now(UTC)
    meta: dict[str, Any] = {
        "phone_url": info.phone_url, "filename": info.filename, "content_type": info.content_type,
        "generated_at": when(info.generated_at), "masked": masked, "cached": True,
        "environment": info.environment, "fetched_at": when(info.fetched_at),
        "age_seconds": int(info.age(now).total_seconds()), "secrets": info.secrets,
    }  # fmt: skip
    note = (f"Offline copy of {info.phone_name or info.mac} ({info.environment}), fetched "
            f"{local_time(info.fetched_at)} ({age_text(info.fetched_at, now)}).")
    if out:
        write_text(Path(out), text, secret=not masked)
        meta["written"] = str(Path(out).resolve())
        if options.json:
            print_json(meta)
        else:
            state = "secrets masked" if masked else "secrets in plain text"
            print(f"Wrote the offline copy of {info.phone_name or info.mac} to {out} ({state}).")
        return OK
    if options.json:
        print_json({**meta, "content": text})
    else:
        print(note, file=sys.stderr)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return OK


def _no_snapshot() -> Snapshot:
    from compass_desk.store.cache import Snapshot

    return Snapshot([], [])

