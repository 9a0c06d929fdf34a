"""Auto-refreshes must not pile up memory: no old rows kept by finished jobs, no growing frozen set."""

from __future__ import annotations

import gc
import sys

from gui_helpers import wait_loaded


def _refresh(qtbot, window):
    with qtbot.waitSignal(window.browser.refresh_finished, timeout=20_000):
        window.refresh_action.trigger()
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: not window.worker.jobs(), timeout=10_000)  # the cache save too
    qtbot.wait(400)  # SAVE_DELAY_MS


def test_repeated_refreshes_keep_memory_flat(qtbot, make_context, make_window):
    window = make_window(make_context())
    _refresh(qtbot, window)
    old = window.model.rows()[0]
    frozen_after_first = gc.get_freeze_count()
    for _ in range(4):
        _refresh(qtbot, window)
    # Each refresh used to add its uncollected leftovers to the frozen set (about 1,000 objects).
    assert gc.get_freeze_count() - frozen_after_first < 800
    # Finished jobs must not keep their rows alive (the thread pool holds on to its runnables): a row
    # of an earlier refresh is referenced by nothing but this test afterwards.
    assert sys.getrefcount(old) == 2, gc.get_referrers(old)
