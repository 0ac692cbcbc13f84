"""The token bucket, on an injected clock (no waiting), and its thread safety on the real clock."""

from __future__ import annotations

import math
import threading
import time

import pytest

from section16.edgar.ratelimit import SEC_MAX_RATE, TokenBucket, process_bucket
from section16.errors import ConfigError


class FakeClock:
    """A clock that only moves when somebody sleeps (or the test advances it)."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        self.sleeps.append(seconds)
        self.now += seconds


def max_in_window(times: list[float], window: float = 1.0) -> int:
    times = sorted(times)
    best = lo = 0
    for hi, t in enumerate(times):
        while times[lo] <= t - window:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


def bucket(rate: float, clock: FakeClock, guard: float = 0.02) -> TokenBucket:
    return TokenBucket(rate, guard=guard, clock=clock, sleep=clock.sleep)


@pytest.mark.parametrize("rate", [1, 3.5, 10, 50])
def test_never_more_than_rate_in_any_second(rate: float) -> None:
    clock = FakeClock()
    b = bucket(rate, clock)
    grants = [b.acquire() for _ in range(int(rate * 5) + 7)]
    # A fractional rate is an average: a window of one second holds at most its ceiling.
    assert max_in_window(grants) <= math.ceil(rate)
    # ...and it does not dawdle: the pace is the rate, less the guard.
    span = grants[-1] - grants[0]
    assert span == pytest.approx((len(grants) - 1) * 1.02 / rate)


def test_first_token_is_immediate_and_tokens_do_not_pile_up_while_idle() -> None:
    clock = FakeClock()
    b = bucket(10, clock)
    assert b.acquire() == 1000.0
    assert clock.sleeps == []
    clock.now += 60  # idle for a minute: no burst afterwards
    t1, t2, t3 = b.acquire(), b.acquire(), b.acquire()
    assert t2 - t1 == pytest.approx(0.102)
    assert t3 - t2 == pytest.approx(0.102)


def test_pause_holds_every_token_back() -> None:
    clock = FakeClock()
    b = bucket(10, clock)
    b.acquire()
    b.pause(600)
    assert b.paused_for() == pytest.approx(600)
    t = b.acquire()
    assert t >= 1000.0 + 600
    assert b.paused_for() == 0
    # After the pause the pace resumes, without a burst.
    assert b.acquire() - t == pytest.approx(0.102)


def test_a_pause_that_starts_while_a_thread_waits_voids_its_slot() -> None:
    clock = FakeClock()
    b = TokenBucket(10, clock=clock, sleep=clock.sleep)
    b.acquire()
    # The next slot is 0.102 s away; while the caller sleeps towards it, somebody else gets a 403.
    real_sleep = clock.sleep

    def sleep_then_block(seconds: float) -> None:
        real_sleep(seconds)
        if len(clock.sleeps) == 1:
            b.pause(30)

    b._sleep = sleep_then_block
    t = b.acquire()
    assert t >= 1000.102 + 30


def test_lowering_the_rate_slows_the_pace() -> None:
    clock = FakeClock()
    b = bucket(10, clock, guard=0)
    b.acquire()
    b.acquire()
    b.set_rate(2)
    t1 = b.acquire()
    t2 = b.acquire()
    assert t2 - t1 == pytest.approx(0.5)


@pytest.mark.parametrize("rate", [0, -1])
def test_rate_must_be_positive(rate: float) -> None:
    with pytest.raises(ConfigError, match="positive"):
        TokenBucket(rate)


def test_threads_share_one_pace() -> None:
    # Real clock, real threads: 8 threads x 12 tokens at 40/s. Threads wake a few ms late now and then;
    # the guard (20 ms a second) must absorb that so no one-second window sees more than 40.
    b = TokenBucket(40)
    grants: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(12):
            t = b.acquire()
            with lock:
                grants.append(t)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    grants.sort()
    assert len(grants) == 96 and b.granted == 96
    assert grants[0] >= start
    assert max_in_window(grants) <= 40
    assert grants[-1] - grants[0] >= 95 * b.interval - 0.02


def test_process_bucket_is_one_and_keeps_the_lowest_rate() -> None:
    a = process_bucket()
    assert process_bucket() is a
    assert a.rate <= SEC_MAX_RATE
    before = a.rate
    process_bucket(before + 5)  # a faster wish does not speed up the others
    assert a.rate == before
