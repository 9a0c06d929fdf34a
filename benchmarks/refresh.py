"""Full refresh of 10,000 phones in 400 organisations at 30 ms latency: concurrent vs one at a time.

    .venv/bin/python benchmarks/refresh.py [--companies 400] [--phones 10000] [--latency-ms 30]
                                           [--concurrency 8] [--runs 3] [--in-process]

The simulator runs in a separate process (as a real server would), so the client's work and the
server's do not share one interpreter lock. Both refreshes run against the same server in the same
run; the figures are the medians. Goal (DESIGN.md): concurrent at least 6x faster than one
request at a time, and at most 2.5 s.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import time
from collections.abc import Iterator

from compass_desk.api.client import CompassClient
from compass_desk.domain.models import Environment
from compass_desk.services.session import Session

try:
    from benchmarks.simproc import simulator_process
except ImportError:  # run as a script: benchmarks/ itself is on the path
    from simproc import simulator_process  # type: ignore[no-redef]

GOAL_RATIO = 6.0
GOAL_SECONDS = 2.5


@contextlib.contextmanager
def simulator(args: argparse.Namespace) -> Iterator[str]:
    options = [
        "--companies",
        str(args.companies),
        "--phones",
        str(args.phones),
        "--latency-ms",
        str(args.latency_ms),
    ]
    if args.in_process:
        from compass_desk.sim import SimConfig, Simulator

        config = SimConfig(companies=args.companies, phones=args.phones, latency_ms=args.latency_ms)
        with Simulator(config) as sim:
            yield sim.base_url
        return
    with simulator_process(*options) as base_url:
        yield base_url


def timed_refresh(base_url: str, concurrency: int) -> tuple[float, int, int]:
    env = Environment("bench", base_url, "demo")
    with CompassClient(env, "compass-demo") as client:
        session = Session(client, env)
        client.whoami()  # sign-in is not part of the refresh
        started = time.perf_counter()
        result = session.refresh(concurrency=concurrency)
        elapsed = time.perf_counter() - started
    if result.failures:
        raise SystemExit(f"refresh had {len(result.failures)} failures: {result.failures[0].message}")
    return elapsed, len(result.companies), len(result.phones)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=400)
    parser.add_argument("--phones", type=int, default=10_000)
    parser.add_argument("--latency-ms", type=int, default=30)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3, help="concurrent refreshes to take the median of")
    parser.add_argument("--in-process", action="store_true", help="run the simulator in this process")
    args = parser.parse_args()
    with simulator(args) as base_url:
        timed_refresh(base_url, args.concurrency)  # warm-up: connections, imports, server caches
        concurrent = [timed_refresh(base_url, args.concurrency) for _ in range(args.runs)]
        sequential = timed_refresh(base_url, 1)
    fast = statistics.median(t for t, _, _ in concurrent)
    slow = sequential[0]
    ratio = slow / fast
    _, companies, phones = concurrent[0]
    print(f"full refresh, {phones} phones in {companies} organisations, {args.latency_ms} ms latency")
    print(f"  one request at a time : {slow:6.2f} s")
    print(
        f"  {f'{args.concurrency} at a time':<22}: {fast:6.2f} s  (median of {args.runs}; "
        f"min {min(t for t, _, _ in concurrent):.2f}, max {max(t for t, _, _ in concurrent):.2f})"
    )
    print(f"  ratio                 : {ratio:6.1f}x  (goal >= {GOAL_RATIO:.0f}x, <= {GOAL_SECONDS} s)")
    met = ratio >= GOAL_RATIO and fast <= GOAL_SECONDS
    print("  budget                : " + ("met" if met else "MISSED"))
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
