"""Auto-refreshes must not pile up memory: no old rows kept by finished jobs, no growing frozen set."""

from __future__ import annotations

import gc

from conftest import wait_loaded

from compass_desk.gui.phone_model import PhoneRow


def _refresh(qtbot, window):
    with qtbot.waitSignal(window.browser.refresh_finished, timeout=20_000):
        window.refresh_action.trigger()
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: not window.worker.jobs(), timeout=10_000)  # the cache save too
    qtbot.wait(400)  # SAVE_DELAY_MS


def test_repeated_refreshes_keep_memory_flat(qtbot, make_context, make_window):
    window = make_window(make_context())
    _refresh(qtbot, window)
    frozen_after_first = gc.get_freeze_count()
    for _ in range(4):
        _refresh(qtbot, window)
    # Each refresh used to add its uncollected leftovers to the frozen set (about 1,000 objects).
    assert gc.get_freeze_count() - frozen_after_first < 800
    # Finished jobs must not keep their rows alive (the thread pool holds on to its runnables).
    gc.unfreeze()
    try:
        gc.collect()
        rows = sum(1 for o in gc.get_objects() if type(o) is PhoneRow)
    finally:
        gc.freeze()
    assert rows <= 2 * window.model.rowCount()
