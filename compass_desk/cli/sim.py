"""``compass-desk sim``: run the Compass API simulator in the foreground until Ctrl+C.

Prints the base URL and the demo credentials (with ``--json``: one object
``{"base_url": str, "environment": str, "users": [str, ...], "password": str}``).
"""

from __future__ import annotations

import argparse
import signal
import threading

from compass_desk.cli.common import USAGE, CliError, GlobalOptions, print_json

ORDER = 90


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is outside 0..1")
    return value


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is negative")
    return value


def _port(text: str) -> int:
    value = _count(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a port number (0..65535)")
    return value


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "sim",
        help="run the Compass API simulator (demo data on loopback)",
        description="Serve a simulated Compass environment over HTTP until Ctrl+C. Log in with one of "
        "the demo users (demo: write on the reseller, helpdesk: read-only, installer: one organisation).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=_port, default=8480, help="port (default 8480; 0 picks a free one)")
    parser.add_argument("--environment", choices=("production", "staging"), default="production")
    parser.add_argument("--seed", type=int, default=1, help="dataset seed (default 1)")
    parser.add_argument("--companies", type=_count, default=12, help="organisations, 1..500 (default 12)")
    parser.add_argument("--phones", type=_count, default=250, help="phones, 1..20000 (default 250)")
    parser.add_argument("--latency-ms", type=_count, default=0, help="added latency per request")
    parser.add_argument("--jitter-ms", type=_count, default=0, help="random extra latency, up to this")
    parser.add_argument(
        "--fault-rate", type=_fraction, default=0.0, help="fraction of requests failing with 5xx"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.sim import DEMO_PASSWORD, DEMO_USERS, SimConfig, Simulator

    try:
        config = SimConfig(
            environment=args.environment,
            seed=args.seed,
            companies=args.companies,
            phones=args.phones,
            latency_ms=args.latency_ms,
            jitter_ms=args.jitter_ms,
            fault_rate=args.fault_rate,
            host=args.host,
            port=args.port,
        )
    except ValueError as exc:
        raise CliError(f"{exc}.", USAGE) from None
    simulator = Simulator(config)
    try:
        simulator.start()
    except OSError as exc:
        raise CliError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}.") from None
    stopped = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    try:
        if options.json:
            print_json(
                {
                    "base_url": simulator.base_url,
                    "environment": config.environment,
                    "users": list(DEMO_USERS),
                    "password": DEMO_PASSWORD,
                }
            )
        else:
            print(f"Compass simulator ({config.environment}) at {simulator.base_url}")
            print(f"Users: {', '.join(DEMO_USERS)}  password: {DEMO_PASSWORD}")
            print(
                "Controls under /_sim/ (clock, faults, reset-phone, reset). Press Ctrl+C to stop.", flush=True
            )
        while not stopped.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        simulator.stop()
        print("Simulator stopped.", flush=True)
    return 0
