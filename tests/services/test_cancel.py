"""Cancel tokens: a combined token raises when either of its tokens is cancelled."""

from __future__ import annotations

import time

import pytest

from compass_desk.services.cancel import Cancelled, CancelToken, EitherToken


@pytest.mark.parametrize("which", [0, 1])
def test_either_token_raises_when_either_is_cancelled(which):
    tokens = (CancelToken(), CancelToken())
    either = EitherToken(*tokens)
    either.raise_if_cancelled()  # nothing cancelled yet
    tokens[which].cancel()
    assert either.cancelled
    with pytest.raises(Cancelled):
        either.raise_if_cancelled()


def test_either_token_wait_wakes_on_the_second_token():
    first, second = CancelToken(), CancelToken()
    second.cancel()
    started = time.monotonic()
    assert EitherToken(first, second).wait(30) is True
    assert time.monotonic() - started < 20  # woke on the cancel, long before the 30 s were up


def test_cancelling_the_combined_token_cancels_the_first():
    first, second = CancelToken(), CancelToken()
    EitherToken(first, second).cancel()
    assert first.cancelled and not second.cancelled
