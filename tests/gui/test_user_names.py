"""Logged-in users by name in the main window, and searching by user and organisation names (demo)."""

from __future__ import annotations

from datetime import UTC, datetime

from dutch_check import english_left
from gui_helpers import select_phone, shown_rows, wait_loaded

from compass_desk.domain.models import Phone, ProvisioningState
from compass_desk.gui.phone_filter import PhoneFilterModel
from compass_desk.gui.phone_model import Column, PhoneRow, PhoneTableModel, cell_text

PRODUCTION = "Demo production"


def production(demo_servers):
    """The production simulator's data (the names the provisioning files have)."""
    return demo_servers.simulator(PRODUCTION).engine.state.data


def user_of(data, row):
    return data.users[row.phone.logged_in_user.rsplit("/", 1)[-1]]


def named(window):
    return [row for row in window.model.rows() if row.phone.logged_in_user and row.user_name]


def test_details_and_table_show_the_users_name(qtbot, demo_servers, make_context, make_window):
    window = make_window(make_context())
    data = production(demo_servers)
    with_user = [row for row in window.model.rows() if row.phone.logged_in_user]
    assert with_user
    qtbot.waitUntil(lambda: len(named(window)) == len(with_user))
    row = with_user[0]
    name = user_of(data, row).name
    assert row.user_name == name and " " in name
    select_phone(qtbot, window, row)
    label = window.details.static["Logged-in user"]
    assert label.text() == name
    assert label.toolTip() == ""
    assert cell_text(row, Column.USER, window.model.cutoff) == name
    # Nobody logged in: "nobody", not an empty field.
    nobody = next(r for r in window.model.rows() if not r.phone.logged_in_user)
    window.details.show_row(nobody)
    assert label.text() == "nobody"


def test_search_finds_phones_by_user_and_organisation_name(qtbot, demo_servers, make_context, make_window):
    window = make_window(make_context())
    data = production(demo_servers)
    rows = [row for row in window.model.rows() if row.phone.logged_in_user]
    qtbot.waitUntil(lambda: len(named(window)) == len(rows))
    row = rows[0]
    first, last = user_of(data, row).name.split(" ", 1)[0], user_of(data, row).name.rsplit(" ", 1)[-1]
    for typed in (first, last, user_of(data, row).name.upper()):
        window.search.setText(typed)
        shown = shown_rows(window)
        assert row in shown, typed
        # Every phone found has the word somewhere a technician can see it.
        assert all(typed.lower() in f"{r.phone.name} {r.user} {r.company_name}".lower() for r in shown)
    # An organisation's name finds all of its phones (the table lists every organisation).
    window.search.setText("")
    company = row.company_name
    word = company.split(" ", 1)[0]
    window.search.setText(word)
    shown = {r.url for r in shown_rows(window)}
    assert {r.url for r in window.model.rows() if r.company_name == company} <= shown
    window.search.setText(company)
    assert {r.url for r in shown_rows(window)} == {r.url for r in window.model.rows()
                                                   if r.company_name == company}


def test_an_unreadable_user_shows_its_id_without_an_error(qtbot, demo_servers, make_context, make_window):
    data = production(demo_servers)
    own = data.installer_company
    # A user of an organisation the installer may not read is logged in on one of the installer's phones.
    stranger = next(u for u in data.users.values() if u.company_id != own and u.identities)
    phone = next(p for p in data.phones.values() if p.company_id == own and not p.logged_in_user)
    phone.logged_in_user = stranger.entity_id
    window = make_window(make_context(user="installer"))
    qtbot.waitUntil(lambda: not window.worker.jobs())
    row = next(r for r in window.model.rows() if r.phone.logged_in_user
               and r.phone.logged_in_user.endswith("/" + stranger.entity_id))
    others = [r for r in window.model.rows() if r.phone.logged_in_user and r is not row]
    assert all(r.user_name for r in others)  # the readable ones got their names
    assert row.user_name is None
    select_phone(qtbot, window, row)
    label = window.details.static["Logged-in user"]
    assert label.text() == stranger.entity_id  # the end of the user's URL
    assert "not known" in label.toolTip()
    assert window.browser.mode.value == "online" and not window.browser.failures
    assert "could not" not in window.status.message.text().lower()
    assert "error" not in window.status.message.text().lower()
    # Searching the stranger's name finds nothing, and says nothing alarming.
    window.search.setText(stranger.name)
    assert shown_rows(window) == []


def test_names_arriving_while_a_search_is_typed_show_the_match(qapp):
    """The search is typed before the names are read: the phone appears once its user's name arrives."""
    model = PhoneTableModel()
    proxy = PhoneFilterModel()
    proxy.setSourceModel(model)
    phones = [Phone(f"https://c.example/phone/{i}", str(i), f"Balie {i}", f"000413aabb0{i}", "snom-d785",
                    "https://c.example/company/1", ProvisioningState.DISABLED,
                    logged_in_user=f"https://c.example/user/u{i}" if i else None) for i in range(3)]
    model.set_rows([PhoneRow(p, "Bakkerij Vermeulen") for p in phones])
    proxy.set_text("roos")
    assert proxy.rowCount() == 0
    model.update_user_names({"https://c.example/user/u1": "Roos van Vliet", "https://c.example/user/u2": ""})
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Balie 1"]
    assert model.rows()[2].user == "u2"  # not readable: the id stays
    proxy.set_text("vermeulen")
    assert proxy.rowCount() == 3
    # Another user logs in on the phone: the old name goes.
    moved = Phone(phones[1].url, "1", "Balie 1", phones[1].mac, "snom-d785", phones[1].company_url,
                  ProvisioningState.DISABLED, logged_in_user="https://c.example/user/other",
                  activated_at=datetime(2026, 11, 1, tzinfo=UTC))
    model.update_phone(moved)
    assert model.rows()[1].user == "other"


def test_dutch_details_show_the_name(dutch, qtbot, demo_servers, make_context, make_window):
    window = make_window(make_context())
    data = production(demo_servers)
    with_user = [row for row in window.model.rows() if row.phone.logged_in_user]
    qtbot.waitUntil(lambda: len(named(window)) == len(with_user))
    row = with_user[0]
    select_phone(qtbot, window, row)
    assert window.details.static["Logged-in user"].text() == user_of(data, row).name
    assert english_left(window.details, allowed=[user_of(data, row).name]) == []
    qtbot.wait(50)  # the details re-lay out before the picture
    window.grab().save("/tmp/nl-user-names.png")
    window.details.show_row(PhoneRow(row.phone, row.company_name, row.status))  # name not read yet
    tooltip = window.details.static["Logged-in user"].toolTip()
    assert tooltip.startswith("De naam van deze gebruiker")
    assert english_left(window.details) == []
    window.details.grab().save("/tmp/nl-user-id.png")
    wait_loaded(qtbot, window)
