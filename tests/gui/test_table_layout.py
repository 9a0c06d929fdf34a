"""What the user sees of the main window at 1280x800 and 1024x700, in English and Dutch: the phone
table's essential columns without scrolling sideways, the header menu that shows/hides columns (kept
after a restart), the details panel without a horizontal scrollbar, the summary of several selected
phones, and a status bar that forgets the last search. Screenshots: /tmp/{en,nl}-table-*.png."""

from __future__ import annotations

import pytest
from dutch_check import english_left, looks_english
from gui_helpers import select_phone
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu, QScrollArea

from compass_desk.domain.models import ProvisioningState
from compass_desk.gui.phone_model import Column
from compass_desk.gui.phone_table import ESSENTIAL, HIDDEN
from compass_desk.gui.style import state_text

SIZES = ((1280, 800), (1024, 700))
FIRST = [Column.NAME, Column.ORGANISATION, Column.MAC, Column.STATE, Column.DEADLINE]
CELL_MARGIN = 8  # what Qt's cell needs besides the text


@pytest.fixture(params=["en", "nl"])
def language(request):
    if request.param == "nl":
        request.getfixturevalue("dutch")
    return request.param


def _resize(qtbot, window, width, height):
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height)
    QApplication.processEvents()


def _assert_columns_fit(window):
    table, header = window.table, window.table.horizontalHeader()
    viewport = table.viewport().width()
    assert [header.logicalIndex(v) for v in range(len(FIRST))] == FIRST
    assert table.horizontalScrollBar().value() == 0
    for column in ESSENTIAL:
        assert not header.isSectionHidden(column), column.name
        left = header.sectionViewportPosition(column)
        assert left >= 0 and left + header.sectionSize(column) <= viewport, (column.name, viewport)
    metrics = table.fontMetrics()
    # Provisioning state, MAC and deadline are read whole (not "Active: wac"): their widest cell fits.
    widest_state = max(metrics.horizontalAdvance(state_text(s)) for s in ProvisioningState)
    assert widest_state + 16 + CELL_MARGIN <= header.sectionSize(Column.STATE)
    proxy = window.proxy
    for column in (Column.MAC, Column.DEADLINE):
        widest = max(metrics.horizontalAdvance(proxy.index(r, column).data() or "")
                     for r in range(proxy.rowCount()))
        assert widest + CELL_MARGIN <= header.sectionSize(column), column.name


def _assert_details_fit(window):
    scroll = window.details.parentWidget().parentWidget().parentWidget()
    assert isinstance(scroll, QScrollArea)
    assert not scroll.horizontalScrollBar().isVisible()
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()
    for button in window.details.buttons.values():
        if button.isVisible():
            right = button.mapTo(scroll.viewport(), QPoint(button.width(), 0)).x()
            assert right <= scroll.viewport().width(), button.text()


def test_table_and_details_fit_both_window_sizes(language, qtbot, make_context, make_window):
    window = make_window(make_context())
    rows = window.model.rows()
    active = next(r for r in rows if r.phone.provisioning == ProvisioningState.ACTIVE)
    header = window.table.horizontalHeader()
    assert all(header.isSectionHidden(c) for c in HIDDEN)
    for width, height in SIZES:
        _resize(qtbot, window, width, height)
        window.table.clearSelection()
        select_phone(qtbot, window, active)
        qtbot.wait(50)  # the layout settles after the details changed
        window.grab().save(f"/tmp/{language}-table-{width}.png")
        _assert_columns_fit(window)
        for state in ProvisioningState:  # every state's explanation, at both sizes
            window.details.show_row(next(r for r in rows if r.phone.provisioning == state))
            QApplication.processEvents()
            _assert_details_fit(window)
            if language == "nl":
                assert english_left(window.details) == [], state
        # The search hint is short enough to read whole; the full text is the tooltip.
        search = window.search
        assert search.fontMetrics().horizontalAdvance(search.placeholderText()) + 30 <= search.width()
        assert "MAC" in search.toolTip() and len(search.toolTip()) > len(search.placeholderText())
    if language == "nl":
        assert english_left(window.details) == []
        assert header.model().headerData(Column.ORGANISATION, Qt.Orientation.Horizontal) == "Organisatie"


def test_same_named_phones_are_told_apart_by_organisation(qtbot, make_context, make_window):
    window = make_window(make_context())
    _resize(qtbot, window, 1024, 700)
    assert window.current_company() is None  # "All organisations"
    by_name: dict[str, set[str]] = {}
    for row in window.model.rows():
        by_name.setdefault(row.phone.name, set()).add(row.company_name)
    twins = [name for name, companies in by_name.items() if len(companies) > 1]
    assert twins, "the demo has same-named phones in different organisations"
    proxy = window.proxy
    shown = {proxy.index(r, Column.ORGANISATION).data() for r in range(proxy.rowCount())
             if proxy.index(r, Column.NAME).data() == twins[0]}
    assert shown == by_name[twins[0]]
    _assert_columns_fit(window)


def test_organisation_list_keeps_counts_and_tooltips(qtbot, make_context, make_window):
    window = make_window(make_context())
    _resize(qtbot, window, 1024, 700)
    view = window.organisation_list
    assert view.textElideMode() == Qt.TextElideMode.ElideMiddle  # "Administratie…oeven (19)"
    model = view.model()
    for r in range(1, model.rowCount()):
        text = model.index(r, 0).data()
        assert text.endswith(")") and text in model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole)


def _header_menu(qtbot, window) -> QMenu:
    header = window.table.horizontalHeader()
    header.customContextMenuRequested.emit(QPoint(10, header.height() // 2))
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert menu.objectName() == "columnsMenu"
    return menu


def test_header_menu_hides_and_shows_columns_after_a_restart(language, qtbot, make_context, make_window):
    context = make_context()
    window = make_window(context)
    header = window.table.horizontalHeader()
    menu = _header_menu(qtbot, window)
    actions = {a.objectName(): a for a in menu.actions() if a.objectName()}
    assert [a.text() for a in menu.actions() if a.isCheckable()][:2] == [
        header.model().headerData(c, Qt.Orientation.Horizontal) for c in FIRST[:2]]
    if language == "nl":
        assert not [a.text() for a in menu.actions() if looks_english(a.text())]
    actions["columnModel"].trigger()  # hide
    actions["columnIp"].trigger()  # show
    menu.close()
    assert header.isSectionHidden(Column.MODEL) and not header.isSectionHidden(Column.IP)
    assert header.sectionSize(Column.IP) > 40
    _assert_columns_fit(window)
    window.close()  # saves the layout, as quitting does

    from compass_desk.gui.main_window import MainWindow

    again = MainWindow(context)
    qtbot.addWidget(again, before_close_func=lambda w: w.shutdown())
    header = again.table.horizontalHeader()
    assert header.isSectionHidden(Column.MODEL) and not header.isSectionHidden(Column.IP)
    menu = again.columns.menu()
    model_entry = next(a for a in menu.actions() if a.objectName() == "columnModel")
    assert not model_entry.isChecked()
    next(a for a in menu.actions() if a.objectName() == "defaultColumns").trigger()
    assert not header.isSectionHidden(Column.MODEL) and header.isSectionHidden(Column.IP)


def test_the_last_shown_column_cannot_be_hidden(qtbot, make_context, make_window):
    window = make_window(make_context())
    for column in Column:
        if column != Column.NAME:
            window.columns.set_visible(column, False)
    entry = next(a for a in window.columns.menu().actions() if a.objectName() == "columnName")
    assert entry.isChecked() and not entry.isEnabled()


def test_dragged_widths_are_kept_and_the_menu_fits_again(qtbot, make_context, make_window):
    window = make_window(make_context())
    header = window.table.horizontalHeader()
    header.resizeSection(Column.NAME, 400)  # as a user's drag does
    _resize(qtbot, window, 1024, 700)
    assert header.sectionSize(Column.NAME) == 400  # the user's choice, even if it no longer fits
    next(a for a in window.columns.menu().actions() if a.objectName() == "fitColumns").trigger()
    _assert_columns_fit(window)


def _select_three(qtbot, window):
    proxy = window.proxy
    rows = [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(proxy.rowCount())]
    # One of each of the first states found, so the summary has several lines.
    picked, seen = [], set()
    for row in rows:
        if row.phone.provisioning not in seen:
            picked.append(row)
            seen.add(row.phone.provisioning)
        if len(picked) == 3:
            break
    select_phone(qtbot, window, picked[0])
    for row in picked[1:]:
        index = proxy.mapFromSource(window.model.index(window.model.row_for_url(row.url), 0))
        window.table.scrollTo(index)
        qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.ControlModifier, window.table.visualRect(index).center())
    assert len(window.selected_rows()) == 3
    return picked


def test_several_selected_phones_are_summed_up(language, qtbot, make_context, make_window):
    window = make_window(make_context())
    _resize(qtbot, window, 1024, 700)
    picked = _select_three(qtbot, window)
    details = window.details
    assert details.title.text() == ("3 telefoons geselecteerd" if language == "nl" else "3 phones selected")
    summary = details.subtitle.text()
    for row in picked:
        assert f"1 × {state_text(row.phone.provisioning)}" in summary
    assert not details.state_box.isVisible() and not details.static_box.isVisible()
    for key in ("activate", "reboot", "provision", "provisioning", "firmware", "troubleshoot"):
        assert not details.buttons[key].isEnabled(), key
    qtbot.waitUntil(lambda: details.buttons["move"].isVisible())
    assert details.buttons["move"].isEnabled()
    qtbot.wait(50)
    window.grab().save(f"/tmp/{language}-table-selected3.png")
    _assert_details_fit(window)
    if language == "nl":
        assert english_left(details) == []
    select_phone(qtbot, window, picked[0])  # one again: its details are back
    assert details.row is not None and details.row.url == picked[0].url and details.state_box.isVisible()


def test_details_button_names_the_provision_wizard_like_the_menu(language, make_context, make_window):
    window = make_window(make_context())
    button = window.details.buttons["provision"].text()
    assert button == ("Deze telefoon provisionen…" if language == "nl" else "Provision this phone…")
    assert window.menus.actions["provision"].text().replace("&", "") == button


def test_a_new_search_clears_the_no_such_mac_message(qtbot, make_context, make_window, monkeypatch):
    monkeypatch.setattr("compass_desk.gui.launchers.offer_provisioning", lambda *_args: False)
    window = make_window(make_context())
    window.search.setText("00:04:13:99:99:99")
    window.search.returnPressed.emit()
    assert window.status.message.text().startswith("No phone with MAC 00:04:13:99:99:99")
    window.search.setText("Bakkerij")
    window.search.returnPressed.emit()
    assert "No phone with MAC" not in window.status.message.text()
    # Other news in the status bar is left alone by a search.
    window.status.say("Reboot Balie 1: done.")
    window.search.setText("Balie")
    assert window.status.message.text() == "Reboot Balie 1: done."


def test_panes_follow_the_window_until_the_user_drags_them(qtbot, make_context, make_window):
    context = make_context()
    window = make_window(context)
    splitter = window.splitter
    _resize(qtbot, window, 1024, 700)
    narrow = splitter.sizes()
    _resize(qtbot, window, 1280, 800)
    wide = splitter.sizes()
    assert wide[1] > narrow[1] and wide[2] >= narrow[2]  # the panes share the extra width
    handle = splitter.handle(2)  # between the phones and the details
    middle = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mouseMove(handle, middle - QPoint(80, 0))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=middle - QPoint(80, 0))
    dragged = splitter.sizes()
    assert dragged[2] > wide[2] and window.panes.custom
    window.close()

    from compass_desk.gui.main_window import MainWindow

    again = MainWindow(context)
    qtbot.addWidget(again, before_close_func=lambda w: w.shutdown())
    again.resize(window.size())
    again.show()
    qtbot.waitUntil(lambda: again.splitter.sizes()[2] == dragged[2])
    assert again.panes.custom


@pytest.mark.parametrize("width", [1024, 1280, 1440, 1680])
def test_a_column_is_on_screen_whole_or_not_at_all(qtbot, make_context, make_window, width):
    """No "Onl…" at the table's edge: the columns past the essential ones come in whole, in order."""
    window = make_window(make_context())
    _resize(qtbot, window, width, 860)
    table, header = window.table, window.table.horizontalHeader()
    viewport = table.viewport().width()
    shown = [header.logicalIndex(v) for v in range(header.count())
             if not header.isSectionHidden(header.logicalIndex(v))]
    edges = [(header.sectionViewportPosition(c), header.sectionViewportPosition(c) + header.sectionSize(c))
             for c in shown]
    cut = [Column(c).name for c, (left, right) in zip(shown, edges, strict=True) if left < viewport < right]
    assert not cut, (cut, viewport)
    if width >= 1440:  # room enough: the online state is shown beside the essentials
        assert edges[shown.index(Column.ONLINE)][1] <= viewport
