"""Commands that need no account: mac, firmware, deadline."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    del sub  # filled in by the domain-core work (issue 2)
