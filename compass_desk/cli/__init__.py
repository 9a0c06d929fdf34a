"""The ``compass-desk`` command: the GUI by default, and the same services from a terminal.

Each command group lives in its own module with a ``register(subparsers)`` function; handlers
take ``(args, global_options)`` and return an exit code from ``cli.common``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sys
from collections.abc import Sequence
from typing import Any

from compass_desk import __version__
from compass_desk.cli.common import USAGE, CliError, GlobalOptions, extract_global_options

# Every module of this package with a ``register(subparsers)`` function is a command group; they
# are imported when the parser is built, so keep their top-level imports light: heavy imports
# (httpx, Qt, the simulator) belong inside the handlers. ``ORDER`` (int) sorts them in --help.
_NOT_COMMANDS = {"common"}


def _command_modules() -> list[Any]:
    package = importlib.import_module("compass_desk.cli")
    modules = [
        importlib.import_module(f"compass_desk.cli.{info.name}")
        for info in pkgutil.iter_modules(package.__path__)
        if info.name not in _NOT_COMMANDS and not info.name.startswith("_")
    ]
    modules = [m for m in modules if hasattr(m, "register")]
    return sorted(modules, key=lambda m: (getattr(m, "ORDER", 50), m.__name__))

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(f"{message} (see '{self.prog} --help')", USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="compass-desk",
        description="Install and support Snom and Yealink desk phones on the Compass cloud PBX. "
        "Without a command, opens the desktop application.",
        epilog="Global options, accepted anywhere: --env NAME, --url URL, --user USER, --json, "
        "--data-dir DIR. The password comes from the keyring, COMPASS_PASSWORD or a prompt.",
    )
    parser.add_argument("--version", action="version", version=f"compass-desk {__version__}")
    parser.add_argument("--demo", action="store_true", help="run on the embedded demo (simulator)")
    parser.add_argument("--screenshot", metavar="FILE", help="render the main window to FILE and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in _command_modules():
        module.register(sub)
    return parser


def _run_gui(args: argparse.Namespace, options: GlobalOptions) -> int:
    try:
        gui_app = importlib.import_module("compass_desk.gui.app")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("compass_desk.gui"):
            build_parser().print_help()
            return 0
        raise
    result: int = gui_app.run(args, options)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    from compass_desk.cli._logging import CliLogging

    raw = list(sys.argv[1:] if argv is None else argv)
    logs: CliLogging | None = None
    options = GlobalOptions()
    try:
        options, rest = extract_global_options(raw)
        parser = build_parser()
        args = parser.parse_args(rest)
        handler = getattr(args, "handler", None)
        if handler is None:
            if getattr(args, "command", None):
                # A group called without its subcommand: show that group's help.
                parser.parse_args([*rest, "--help"])
            return _run_gui(args, options)
        logs = CliLogging(options)
        logs.start()
        code: int = handler(args, options)
        return code
    except CliError as exc:
        print(f"compass-desk: {exc.message}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("compass-desk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the reader left: not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as exc:
        # A bug: one sentence here, the traceback (redacted) in the log file.
        logs = logs or CliLogging(options)
        path = logs.path or logs.start()
        log.error("unexpected error in a compass-desk command", exc_info=exc)
        where = f"details in {path}" if path else "the log file could not be written"
        print(f"compass-desk: unexpected error: {type(exc).__name__}; {where}", file=sys.stderr)
        return 1
    finally:
        if logs is not None:
            logs.stop()
