"""Names of logged-in users: read once per user, bounded, and a user the account may not read is no error."""

from __future__ import annotations

import httpx
import pytest
from svc_connect import CountingTransport, make_session

from compass_desk.api import errors
from compass_desk.services.cancel import CancelToken


@pytest.fixture
def sessions(simulator):
    made = []

    def make(**kwargs):
        made.append(make_session(simulator, **kwargs))
        return made[-1]

    yield make
    for s in made:
        s.client.close()


def sim_name(simulator, user_url):
    """The name the simulator holds for the user at *user_url* (its entity id is the last segment)."""
    return simulator.engine.state.data.users[user_url.rsplit("/", 1)[-1]].name


def test_names_of_logged_in_users_read_once(simulator, sessions):
    transport = CountingTransport()
    with httpx.Client(transport=transport) as http:
        session = sessions(http_client=http)
        phones = session.refresh().phones
        with_user = [p for p in phones if p.logged_in_user]
        assert with_user and len(with_user) < len(phones)
        before = transport.count
        names = session.user_names(phones)
        # One request per logged-in user, none for phones nobody is logged in on.
        assert transport.count - before == len({p.logged_in_user for p in with_user})
        assert set(names) == {p.logged_in_user for p in with_user}
        assert all(name and name == sim_name(simulator, url) for url, name in names.items())
        assert session.known_user_names() == names
        before = transport.count
        assert session.user_names(phones) == names
        assert transport.count == before  # cached: no second read


def test_reads_are_bounded(simulator, sessions):
    simulator.set_faults(latency_ms=40)
    transport = CountingTransport()
    with httpx.Client(transport=transport) as http:
        session = sessions(http_client=http)
        phones = session.refresh(concurrency=4).phones
        transport.peak = 0
        names = session.user_names(phones, concurrency=3)
    assert len(names) > 10
    assert 2 <= transport.peak <= 3


@pytest.mark.parametrize("status", [403, 404])
def test_unreadable_user_is_no_error_and_not_asked_again(simulator, sessions, status):
    session = sessions()
    phones = session.refresh().phones
    refused = sorted({p.logged_in_user for p in phones if p.logged_in_user})[0]
    transport = CountingTransport(fail={refused: status})
    with httpx.Client(transport=transport) as http:
        session = sessions(http_client=http)
        session.refresh()
        names = session.user_names(phones)
        assert names[refused] == ""  # the caller shows the id instead
        assert all(name for url, name in names.items() if url != refused)
        before = transport.count
        assert session.user_names(phones)[refused] == ""
        assert transport.count == before


def test_a_passing_failure_is_left_out_and_tried_again(simulator, sessions):
    session = sessions()
    phones = session.refresh().phones
    flaky = sorted({p.logged_in_user for p in phones if p.logged_in_user})[0]
    transport = CountingTransport(fail={flaky: 503})
    with httpx.Client(transport=transport) as http:
        session = sessions(http_client=http)
        session.refresh()
        assert flaky not in session.user_names(phones)
        transport.fail.clear()
        assert session.user_names(phones)[flaky] == sim_name(simulator, flaky)


def test_signed_out_stops_the_reads(simulator, sessions):
    session = sessions()
    phones = session.refresh().phones
    users = sorted({p.logged_in_user for p in phones if p.logged_in_user})
    transport = CountingTransport(fail=dict.fromkeys(users, 401))
    with httpx.Client(transport=transport) as http:
        session = sessions(http_client=http)
        with pytest.raises(errors.AuthenticationError):
            session.user_names(phones)


def test_cancelled_before_start_reads_nothing(simulator, sessions):
    session = sessions()
    phones = session.refresh().phones
    token = CancelToken()
    token.cancel()
    assert session.user_names(phones, cancel=token) == {}
    assert session.known_user_names() == {}


def test_client_reads_a_user_and_words_its_failure_in_dutch(simulator, sessions):
    session = sessions()
    phone = next(p for p in session.refresh().phones if p.logged_in_user)
    user = session.client.user(phone.logged_in_user)
    assert (user.url, user.name) == (phone.logged_in_user, sim_name(simulator, phone.logged_in_user))
    assert user.username
    with pytest.raises(errors.NotFoundError) as caught:
        session.client.user(phone.logged_in_user + "-gone")
    assert "read the user" in str(caught.value)
    assert "de gebruiker te lezen" in caught.value.text.nl
