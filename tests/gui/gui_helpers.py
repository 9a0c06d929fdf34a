"""Small helpers shared by the GUI tests."""

from __future__ import annotations

from compass_desk.gui.phone_model import ROW_ROLE


def shown_rows(window):
    proxy = window.proxy
    return [proxy.index(r, 0).data(ROW_ROLE) for r in range(proxy.rowCount())]


def select_phone(qtbot, window, row):
    """Click the table row of *row* (a PhoneRow) like a user would."""
    from PySide6.QtCore import Qt

    source = window.model.index(window.model.row_for_url(row.url), 0)
    index = window.proxy.mapFromSource(source)
    assert index.isValid(), "phone not shown in the table"
    window.table.scrollTo(index)
    rect = window.table.visualRect(index)
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.details.row is not None and window.details.row.url == row.url)


def wait_loaded(qtbot, window, timeout=20_000):
    """Until the window shows its first refresh, online, with no work left."""
    qtbot.waitUntil(lambda: window.model.rowCount() > 0 and not window.browser.refreshing
                    and window.browser.mode.value == "online" and not window.worker.jobs(), timeout=timeout)
