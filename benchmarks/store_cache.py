"""Time saving and loading a cache snapshot of 10,000 phones (budget: well under a second).

.venv/bin/python benchmarks/store_cache.py [--phones N] [--rounds R]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from compass_desk.domain.models import Access, Company, Encryption, Phone, PhoneStatus, ProvisioningState
from compass_desk.store.cache import Cache


def make_data(phones: int, companies: int) -> tuple[list[Company], list[Phone], dict[str, PhoneStatus]]:
    base = "https://rest.example.com"
    orgs = [
        Company(f"{base}/company/{i}", str(i), f"Organisation {i}", f"org{i}", Access.WRITE)
        for i in range(companies)
    ]
    states = list(ProvisioningState)
    amsterdam = timezone(timedelta(hours=1))
    rows: list[Phone] = []
    statuses: dict[str, PhoneStatus] = {}
    for i in range(phones):
        url = f"{base}/phone/{i}"
        rows.append(
            Phone(
                url=url,
                resource_id=str(i),
                name=f"Reception desk {i}",
                mac=f"000413{i:06x}",
                model="snom-d785",
                company_url=orgs[i % companies].url,
                provisioning=states[i % len(states)],
                activated_at=datetime(2026, 11, 25, 9, 30, tzinfo=amsterdam) if i % 4 == 0 else None,
                firmware="10.1.159.12" if i % 3 else None,
                vlan_id=20 if i % 5 == 0 else None,
                encryption=Encryption.OPTIONAL,
                expansion_pads=i % 3,
                logged_in_user=f"{base}/user/{i}" if i % 2 else None,
            )
        )
        statuses[url] = PhoneStatus(
            online=bool(i % 2),
            private_ip=f"10.0.{i // 256 % 256}.{i % 256}",
            public_ip="203.0.113.7:5060",
            user_agent="snomD785/10.1.159.12",
            firmware_version="10.1.159.12",
            registered_at=datetime(2026, 11, 28, 8, 0, tzinfo=UTC),
            last_provisioned_at=datetime(2026, 11, 28, 7, 59, tzinfo=UTC),
        )
    return orgs, rows, statuses


BUDGET_S = 1.0  # save + load of one snapshot, medians ("well under a second")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=10_000)
    parser.add_argument("--companies", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    companies, phones, statuses = make_data(args.phones, args.companies)
    saves: list[float] = []
    loads: list[float] = []
    updates: list[float] = []
    with tempfile.TemporaryDirectory() as folder, Cache(Path(folder) / "cache.sqlite3") as cache:
        for _ in range(args.rounds):
            start = time.perf_counter()
            cache.save_snapshot("production", companies, phones, statuses, datetime.now(UTC))
            saves.append(time.perf_counter() - start)
            start = time.perf_counter()
            snapshot = cache.load_snapshot("production")
            loads.append(time.perf_counter() - start)
            assert snapshot is not None and snapshot.phones == phones and snapshot.statuses == statuses
        for phone in phones[:: max(1, len(phones) // 50)]:  # single-row updates after an action
            start = time.perf_counter()
            cache.update_phone("production", phone)
            updates.append(time.perf_counter() - start)
    save, load = statistics.median(saves), statistics.median(loads)
    print(
        f"store cache: {args.phones} phones with statuses in {args.companies} organisations,"
        f" medians of {args.rounds} rounds"
    )
    print(f"  save snapshot  : median {save * 1000:7.1f} ms   worst {max(saves) * 1000:7.1f} ms")
    print(f"  load snapshot  : median {load * 1000:7.1f} ms   worst {max(loads) * 1000:7.1f} ms")
    print(f"  update one row : median {statistics.median(updates) * 1000:7.2f} ms")
    met = save + load < BUDGET_S
    print(
        f"  save + load    : {(save + load) * 1000:7.1f} ms  (goal < {BUDGET_S * 1000:.0f} ms): "
        + ("met" if met else "MISSED")
    )
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
