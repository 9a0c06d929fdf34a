"""``login``, ``logout`` and ``envs``: environment profiles and their passwords.

``login --env NAME --url URL --user USER [--ca-bundle FILE]`` signs in once to test the
credentials, then saves the profile (``environments.toml``) and the password (system keyring).
The password comes from ``COMPASS_PASSWORD`` or a prompt, never from a flag.

``--json`` shapes: ``login``: ``{"environment": ENV, "user": {"url", "name", "username"},
"password_stored": bool}``; ``envs``: ``[ENV + {"password_stored": bool}]`` where ENV is
``{"name", "base_url", "username", "ca_bundle"}``; ``logout``: ``{"environment", "password_deleted",
"profile_removed"}``.
"""

from __future__ import annotations

import argparse
import os
import sys

from compass_desk.cli.common import (
    OK,
    USAGE,
    CliError,
    GlobalOptions,
    environment_name_for,
    print_json,
    print_table,
)

ORDER = 10


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    login = sub.add_parser(
        "login",
        help="sign in to a Compass environment and remember it",
        description="Test the credentials, then save the environment and keep the password "
        "in the system keyring. Uses the global --env NAME, --url URL and --user USER.",
    )
    login.add_argument(
        "--ca-bundle",
        metavar="FILE",
        help="an extra CA certificate bundle for this environment (e.g. a company proxy)",
    )
    login.set_defaults(handler=_login)
    logout = sub.add_parser("logout", help="forget the stored password of an environment")
    logout.add_argument("--forget", action="store_true", help="also remove the saved environment")
    logout.set_defaults(handler=_logout)
    envs = sub.add_parser("envs", help="list the saved environments")
    envs.set_defaults(handler=_envs)


def _login(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.api.client import CompassClient
    from compass_desk.cli._connect import cli_errors, profile_store, read_password
    from compass_desk.cli._render import environment_json
    from compass_desk.domain.models import Environment
    from compass_desk.store.secrets import SecretStore

    store = profile_store(options)
    with cli_errors():
        saved = store.get(options.env) if options.env else None
    url = options.url or (saved.base_url if saved else None)
    user = options.user or (saved.username if saved else None)
    if not url or not user:
        raise CliError(
            "login needs --url URL and --user USER (and --env NAME to save it under a name)", USAGE
        )
    name = options.env or environment_name_for(url)
    ca_bundle = os.path.abspath(args.ca_bundle) if args.ca_bundle else (saved.ca_bundle if saved else None)
    env = Environment(name, url.strip().rstrip("/"), user, ca_bundle)
    password = read_password(env, use_keyring=False)
    secrets = SecretStore()
    with cli_errors():
        with CompassClient(env, password) as client:
            who = client.whoami()
        store.save(env)
        stored = secrets.backend_is_secure()
        if stored:
            secrets.set_password(env, password)
    if options.json:
        print_json(
            {
                "environment": environment_json(env),
                "user": {"url": who.url, "name": who.name, "username": who.username},
                "password_stored": stored,
            }
        )
    else:
        print(f"Signed in to {env.name} ({env.base_url}) as {who.name or who.username}; environment saved.")
    if not stored:
        print(f"compass-desk: {secrets.backend_warning()}", file=sys.stderr)
    return OK


def _logout(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.cli._connect import cli_errors, environment_from, profile_store
    from compass_desk.store.secrets import SecretStore

    env = environment_from(options)
    with cli_errors():
        deleted = SecretStore().delete_password(env)
        removed = profile_store(options).remove(env.name) if args.forget else False
    if options.json:
        print_json({"environment": env.name, "password_deleted": deleted, "profile_removed": removed})
    else:
        done = "password forgotten" if deleted else "no password was stored"
        print(f"{env.name}: {done}{'; environment removed' if removed else ''}.")
    return OK


def _envs(args: argparse.Namespace, options: GlobalOptions) -> int:
    del args
    from compass_desk.cli._connect import cli_errors, profile_store
    from compass_desk.cli._render import environment_json
    from compass_desk.store.secrets import SecretStore

    secrets = SecretStore()
    with cli_errors():
        envs = profile_store(options).list()
    stored = {env.name: secrets.get_password(env) is not None for env in envs}
    if options.json:
        print_json([environment_json(env, stored[env.name]) for env in envs])
        return OK
    if not envs:
        print("No environments saved yet; add one with: compass-desk login --env NAME --url URL --user USER")
        return OK
    print_table(
        ["NAME", "URL", "USER", "PASSWORD"],
        [[e.name, e.base_url, e.username, "stored" if stored[e.name] else "-"] for e in envs],
    )
    return OK
