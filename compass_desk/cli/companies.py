"""``companies``: the organisations the user can see, with the user's access to each.

``--json``: ``[{"id", "url", "name", "shortname", "access": "read"|"write"}]``.
"""

from __future__ import annotations

import argparse

from compass_desk.cli.common import OK, GlobalOptions, print_json, print_table

ORDER = 20


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    companies = sub.add_parser("companies", help="list the organisations you can see")
    companies.set_defaults(handler=_companies)


def _companies(args: argparse.Namespace, options: GlobalOptions) -> int:
    del args
    from compass_desk.cli._connect import connected
    from compass_desk.cli._render import company_json

    with connected(options) as session:
        companies = session.load_companies()
    if options.json:
        print_json([company_json(c) for c in companies])
    else:
        print_table(
            ["NAME", "SHORTNAME", "ACCESS", "ID"],
            [[c.name, c.shortname, c.access.value if c.access else "", c.entity_id] for c in companies],
        )
    return OK
