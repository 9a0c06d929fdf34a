"""Masking for preview, and the bounded runner's guarantees (window, caller thread, errors)."""

from __future__ import annotations

import threading
import time

import pytest

from compass_desk.domain.models import ProvisioningFile
from compass_desk.services.cancel import CancelToken
from compass_desk.services.parallel import run_bounded
from compass_desk.services.preview import mask_by_key_names, preview

YEALINK = "#!version:1.0.0.1\naccount.1.password = Sup3rSecret\naccount.1.user_name = 1001\n"


def test_preview_masks_with_the_provisioning_parser():
    shown = preview(ProvisioningFile("805e0c5a0b6e.cfg", "text/plain", YEALINK))
    assert shown.masked and "Sup3rSecret" not in shown.text and "user_name = 1001" in shown.text
    assert shown.text.count("\n") == YEALINK.count("\n")
    assert preview(ProvisioningFile("x.cfg", "text/plain", YEALINK), reveal_secrets=True).text == YEALINK


def test_unparsable_file_is_still_masked_by_key_names():
    damaged = '\x00garbage <user_pass idx="1">Sup3rSecret</user_pass>\nhttp_pass=hunter22\nname=desk\n'
    shown = preview(ProvisioningFile("broken.xml", "application/xml", damaged))
    assert "Sup3rSecret" not in shown.text and "hunter22" not in shown.text and "name=desk" in shown.text
    assert mask_by_key_names("sip password: abc123") == "sip password: ********"


def test_window_is_bounded_and_results_arrive_on_the_calling_thread():
    lock = threading.Lock()
    running, peak, seen_threads = [0], [0], set()

    def work(n):
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.01)
        with lock:
            running[0] -= 1
        return n * n

    results = {}

    def on_done(item, future):
        seen_threads.add(threading.get_ident())
        results[item] = future.result()

    assert run_bounded(range(40), work, on_done, concurrency=8) is False
    assert results == {n: n * n for n in range(40)}
    assert 2 <= peak[0] <= 8
    assert seen_threads == {threading.get_ident()}


def test_cancel_stops_submitting_and_returns_promptly():
    token = CancelToken()
    started = []

    def work(n):
        started.append(n)
        time.sleep(0.2)

    def on_done(item, future):
        token.cancel()

    began = time.perf_counter()
    assert run_bounded(range(100), work, on_done, concurrency=2, cancel=token) is True
    assert time.perf_counter() - began < 1.0
    assert len(started) <= 4


def test_an_error_in_on_done_propagates():
    def on_done(item, future):
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError, match="stop"):
        run_bounded(range(5), lambda n: n, on_done, concurrency=2)
