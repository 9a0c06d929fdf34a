"""Requests per second the simulator serves to 8 concurrent clients on loopback.

    .venv/bin/python benchmarks/sim_throughput.py [--clients 8] [--seconds 5]

Each client keeps one connection and cycles through the calls a refresh makes (a company's phones,
one phone, its status). Goal (issue 3): at least 300 requests/s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import threading
import time

import httpx

from compass_desk.sim import DEMO_PASSWORD, SimConfig, Simulator

ACCEPT = "application/vnd.iperity.compass.v3+json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    with Simulator(SimConfig(seed=1)) as sim:
        headers = {"Accept": ACCEPT}
        with httpx.Client(base_url=sim.base_url, auth=("demo", DEMO_PASSWORD), headers=headers) as client:
            me = client.get("/user", headers={"X-No-Redirect": "true"}).json()
            reseller = client.get(f"/user/{me['entityId']}/rights").json()[0]["target"]
            companies = client.get(f"{reseller}/entitiesFiltered", params={"filter": "company"}).json()
            phones = [p["self"] for c in companies for p in client.get(f"{c['self']}/phones").json()]
        urls = [c["self"] + "/phones" for c in companies] + phones + [p + "/phoneStatus" for p in phones]
        counts = [0] * args.clients
        errors = [0] * args.clients
        deadline = time.perf_counter() + args.seconds

        def work(index: int) -> None:
            with httpx.Client(auth=("demo", DEMO_PASSWORD), headers=headers) as client:
                n = index
                while time.perf_counter() < deadline:
                    response = client.get(urls[n % len(urls)])
                    if response.status_code != 200:
                        errors[index] += 1
                    counts[index] += 1
                    n += args.clients

        started = time.perf_counter()
        threads = [threading.Thread(target=work, args=(i,)) for i in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    total = sum(counts)
    print(
        f"{total} requests in {elapsed:.1f} s with {args.clients} clients: {total / elapsed:.0f} requests/s"
        f" ({sum(errors)} errors)"
    )
    return 0 if sum(errors) == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
