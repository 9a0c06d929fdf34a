"""Signing in from the command line, and turning errors into exit codes (one place for both).

The environment comes from ``--env NAME`` (a saved profile) or ``--url URL --user USER``; the
password from ``COMPASS_PASSWORD``, the keyring, or a prompt on a terminal: never a flag.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from compass_desk.cli.common import (
    AUTH,
    FAILED,
    NETWORK,
    NOT_FOUND,
    PERMISSION,
    USAGE,
    CliError,
    GlobalOptions,
    environment_name_for,
)
from compass_desk.domain.models import Environment

if TYPE_CHECKING:
    from compass_desk.api.errors import ApiError
    from compass_desk.services.session import Session
    from compass_desk.store.profiles import ProfileStore

PASSWORD_ENV = "COMPASS_PASSWORD"


def profile_store(options: GlobalOptions) -> ProfileStore:
    from compass_desk.paths import app_paths
    from compass_desk.store.profiles import ProfileStore

    return ProfileStore(app_paths(options.data_dir).config)


def exit_code_for(error: ApiError) -> int:
    """The exit code for an API error (see cli.common)."""
    from compass_desk.api import errors

    table: list[tuple[type[errors.ApiError], int]] = [
        (errors.AuthenticationError, AUTH),
        (errors.PermissionDeniedError, PERMISSION),
        (errors.NotFoundError, NOT_FOUND),
        (errors.ChangeNotAppliedError, NETWORK),
        (errors.NetworkError, NETWORK),
        (errors.InvalidRequestError, USAGE),
        (errors.InvalidEnvironmentError, USAGE),
    ]
    for kind, code in table:
        if isinstance(error, kind):
            return code
    return FAILED


@contextmanager
def cli_errors() -> Iterator[None]:
    """Every expected failure below the CLI becomes one sentence and an exit code."""
    from compass_desk.api.errors import ApiError
    from compass_desk.domain.mac import MacError
    from compass_desk.services.cancel import Cancelled
    from compass_desk.services.lookup import NoMatchError
    from compass_desk.store.profiles import ProfileError
    from compass_desk.store.secrets import SecretStoreError

    try:
        yield
    except ApiError as exc:
        raise CliError(exc.message, exit_code_for(exc)) from None
    except MacError as exc:
        raise CliError(str(exc), USAGE) from None
    except NoMatchError as exc:
        raise CliError(exc.message, USAGE if exc.ambiguous else NOT_FOUND) from None
    except ProfileError as exc:
        raise CliError(str(exc), USAGE) from None
    except SecretStoreError as exc:
        raise CliError(exc.message, FAILED) from None
    except Cancelled as exc:
        raise CliError(exc.message, FAILED) from None


def _check_url(url: str) -> str:
    from compass_desk.api.transport import BaseUrlError, normalize_base_url

    try:
        return normalize_base_url(url)
    except BaseUrlError as exc:
        raise CliError(exc.message, USAGE) from None


def environment_from(options: GlobalOptions) -> Environment:
    """The environment the options name: a profile, a profile with overrides, or URL + user."""
    store = profile_store(options)
    with cli_errors():
        if options.env:
            env = store.get(options.env)
            if env is None:
                if not (options.url and options.user):
                    known = ", ".join(e.name for e in store.list()) or "none yet"
                    raise CliError(
                        f"there is no saved environment '{options.env}' (saved: {known}); create it with "
                        f"'compass-desk login --env {options.env} --url URL --user USER'",
                        USAGE,
                    )
                env = Environment(options.env, options.url, options.user)
            env = Environment(
                env.name, options.url or env.base_url, options.user or env.username, env.ca_bundle
            )
        elif options.url or options.user:
            if not (options.url and options.user):
                raise CliError("give both --url and --user (or --env NAME for a saved environment)", USAGE)
            env = Environment(environment_name_for(options.url), options.url, options.user)
        else:
            saved = store.list()
            if len(saved) != 1:
                names = ", ".join(e.name for e in saved)
                hint = (
                    f" (saved: {names})" if names else "; none is saved yet, see 'compass-desk login --help'"
                )
                raise CliError(f"choose an environment with --env NAME or --url URL --user USER{hint}", USAGE)
            env = saved[0]
    _check_url(env.base_url)
    return env


def read_password(env: Environment, *, use_keyring: bool = True) -> str:
    """``COMPASS_PASSWORD`` (explicit wins), then the keyring, then a prompt on a terminal."""
    from compass_desk.store.secrets import SecretStore

    password = os.environ.get(PASSWORD_ENV)
    if password:
        return password
    if use_keyring:
        password = SecretStore().get_password(env)
        if password:
            return password
    if sys.stdin.isatty():
        try:
            password = getpass.getpass(f"Password for {env.username} at {env.base_url}: ")
        except EOFError:  # Ctrl+D at the prompt: like no answer (exit 3, AUTH)
            sys.stderr.write("\n")
            raise CliError(f"no password given for {env.username} at {env.base_url}", AUTH) from None
        if password:
            return password
    raise CliError(
        f"no password for {env.username} at {env.base_url}: sign in once with 'compass-desk login', "
        f"set {PASSWORD_ENV}, or run this in a terminal to be asked",
        AUTH,
    )


@contextmanager
def connected(options: GlobalOptions) -> Iterator[Session]:
    """A signed-in session for the environment the options name; closed afterwards."""
    from compass_desk.api.client import CompassClient
    from compass_desk.services.session import Session

    env = environment_from(options)
    password = read_password(env)
    with cli_errors():
        client = CompassClient(env, password)
        try:
            yield Session(client, env)
        finally:
            client.close()


class AuditNote:
    """What the handler wants written beside a successful action (e.g. the new state)."""

    detail = ""


@contextmanager
def audited(options: GlobalOptions, env: Environment, action: str, target: str) -> Iterator[AuditNote]:
    """Record a change to the platform in the audit log: ok, failed, or unknown."""
    from compass_desk.api.errors import OutcomeUnknownError
    from compass_desk.paths import app_paths
    from compass_desk.store.audit import AuditLog, record_message
    from compass_desk.store.db import state_db_path

    note = AuditNote()
    try:
        audit: AuditLog | None = AuditLog(state_db_path(app_paths(options.data_dir).ensure().data))
    except Exception as exc:  # the change itself matters more than its log line; say so, go on
        print(
            f"compass-desk: the audit log cannot be opened ({exc}); this action is not logged",
            file=sys.stderr,
        )
        audit = None

    def record(outcome: str, detail: str) -> None:
        if audit is not None:
            try:
                audit.record(env.name, env.username, action, target, outcome, detail)
            except Exception as exc:
                print(f"compass-desk: writing the audit log failed ({exc})", file=sys.stderr)

    try:
        yield note
    except BaseException as exc:
        unknown = isinstance(exc, OutcomeUnknownError | KeyboardInterrupt)
        record("unknown" if unknown else "failed", record_message(exc))
        raise
    else:
        record("ok", note.detail)
    finally:
        if audit is not None:
            audit.close()


def refresh_progress(done: int, total: int, label: object) -> None:
    """Progress of a refresh on stderr, only when a person is watching."""
    if not sys.stderr.isatty():
        return
    text = "Listing organisations…" if not total else f"Reading phones: {done}/{total} organisations"
    end = "\n" if total and done == total else ""
    sys.stderr.write(f"\r{text[:78]:<78}{end}")
    sys.stderr.flush()
    del label


def confirm(question: str, yes: bool) -> None:
    """Ask before a change; without a terminal, refuse unless --yes was given."""
    if yes:
        return
    if not sys.stdin.isatty():
        raise CliError(f"Not confirmed; nothing changed. {question} Add --yes to do this without a terminal.",
                       USAGE)
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().lower() not in ("y", "yes", "j", "ja"):
        raise CliError("Not confirmed; nothing changed.", FAILED)
