"""Many clients at once; injected latency on one request does not hold up another."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from .helpers import all_phones, make_client


def test_a_slow_request_does_not_block_others(make_sim):
    sim = make_sim()
    with make_client(sim) as slow, make_client(sim) as fast:
        phone = all_phones(fast)[0]
        sim.set_faults(latency_ms=800)
        result = {}

        def slow_call():
            started = time.monotonic()
            result["status"] = slow.get(phone["self"]).status_code
            result["took"] = time.monotonic() - started

        thread = threading.Thread(target=slow_call)
        thread.start()
        time.sleep(0.05)  # the slow request is now waiting inside the server
        sim.set_faults(latency_ms=0)
        assert fast.get(phone["self"]).status_code == 200
        slow_still_waiting = thread.is_alive()
        thread.join()
    assert result["status"] == 200 and result["took"] >= 0.7
    assert slow_still_waiting  # the fast answer came while the slow request was still held


def test_parallel_clients_with_latency_overlap(make_sim):
    sim = make_sim()
    opened = [make_client(sim) for _ in range(8)]
    try:
        for client in opened:  # connect first, so only the injected latency is timed
            assert client.get("/user").status_code == 303
        sim.set_faults(latency_ms=1000)
        started = time.monotonic()
        with ThreadPoolExecutor(len(opened)) as pool:
            codes = list(pool.map(lambda client: client.get("/user").status_code, opened))
        elapsed = time.monotonic() - started
    finally:
        for client in opened:
            client.close()
    assert codes == [303] * 8
    # 8 x 1 s one after the other would take 8 s; overlapping, about 1 s (room for a loaded machine).
    assert 1.0 <= elapsed < 4.0


def test_concurrent_writes_keep_the_state_consistent(make_sim):
    sim = make_sim()
    with make_client(sim) as client:
        company = client.get("/company", headers={"X-No-Redirect": "true"}).json()

        def add(n):
            with make_client(sim) as own:
                body = {"name": f"T{n}", "model": "snom-d717", "macAddress": "000413a6%04x" % (n % 3)}
                return own.post(f"{company['self']}/phones", json=body).status_code

        with ThreadPoolExecutor(8) as pool:
            codes = list(pool.map(add, range(24)))
    assert sorted(codes) == [201] * 3 + [409] * 21


def test_stop_with_open_keep_alive_connections_is_clean(make_sim):
    sim = make_sim()
    client = make_client(sim)
    try:
        assert client.get("/user").status_code == 303
        started = time.monotonic()
        sim.stop()
        assert time.monotonic() - started < 2
    finally:
        client.close()
    assert not [t for t in threading.enumerate() if t.name.startswith("compass-sim")]
