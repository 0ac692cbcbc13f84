"""The request limiter, on an injected clock (no waiting), and its thread safety on the real clock."""

from __future__ import annotations

import math
import random
import threading
import time

import pytest

from section16.edgar.ratelimit import TokenBucket, process_bucket
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


def bucket(rate: float, clock: FakeClock) -> TokenBucket:
    return TokenBucket(rate, clock=clock, sleep=clock.sleep)


def request(b: TokenBucket, clock: FakeClock, latency: float = 0.0) -> float:
    """One request through the limiter: the time it left; its answer comes ``latency`` later."""
    permit = b.acquire()
    sent = clock.now
    clock.now += latency
    b.release(permit)
    return sent


@pytest.mark.parametrize("rate", [1, 3.5, 10, 50])
def test_never_more_than_rate_in_any_second(rate: float) -> None:
    clock = FakeClock()
    b = bucket(rate, clock)
    sends = [request(b, clock) for _ in range(int(rate * 5) + 7)]
    assert max_in_window(sends) <= math.floor(rate)
    # ...and it does not dawdle: with instant answers the pace is the rate (in whole requests a second).
    assert sends[-1] - sends[0] <= (len(sends) - 1) / math.floor(rate) + 1e-9


def test_server_side_window_holds_whatever_the_delays() -> None:
    # Each request reaches the server somewhere between its send and its answer. Adversarial delays
    # (the first of a window slow, the next fast) must still not put 11 requests in one second.
    clock = FakeClock()
    b = bucket(10, clock)
    rng = random.Random(7)
    arrivals = []
    for i in range(200):
        permit = b.acquire()
        sent = clock.now
        latency = 0.3 if i % 10 == 0 else rng.uniform(0, 0.05)
        clock.now += latency
        b.release(permit)
        # The server saw it at the last possible moment for slow ones, the first for fast ones.
        arrivals.append(sent + latency if i % 10 == 0 else sent)
    assert max_in_window(arrivals) <= 10


def test_first_permit_is_immediate_and_permits_do_not_pile_up_while_idle() -> None:
    clock = FakeClock()
    b = bucket(10, clock)
    assert request(b, clock) == 1000.0
    assert clock.sleeps == []
    clock.now += 60  # idle for a minute: no burst afterwards
    t1, t2, t3 = request(b, clock), request(b, clock), request(b, clock)
    assert t2 - t1 == pytest.approx(0.1)
    assert t3 - t2 == pytest.approx(0.1)


def test_a_slow_answer_holds_back_the_request_a_window_later() -> None:
    clock = FakeClock()
    b = bucket(2, clock)
    t0 = request(b, clock, latency=5.0)  # answered at 1005
    t1 = request(b, clock)
    t2 = request(b, clock)  # two places after the slow one: one second after its answer
    assert (t0, t1) == (1000.0, 1005.0)
    assert t2 == pytest.approx(1006.0)


def test_pause_holds_every_permit_back() -> None:
    clock = FakeClock()
    b = bucket(10, clock)
    request(b, clock)
    b.pause(600)
    assert b.paused_for() == pytest.approx(600)
    t = request(b, clock)
    assert t >= 1000.0 + 600
    assert b.paused_for() == 0
    assert request(b, clock) - t == pytest.approx(0.1)  # then the pace resumes, without a burst


def test_a_pause_that_starts_while_a_thread_waits_voids_its_slot() -> None:
    clock = FakeClock()
    b = bucket(10, clock)
    request(b, clock)
    real_sleep = clock.sleep

    def sleep_then_block(seconds: float) -> None:
        real_sleep(seconds)
        if len(clock.sleeps) == 1:
            b.pause(30)  # somebody else got a 403 while this caller slept towards its slot

    b._sleep = sleep_then_block
    assert request(b, clock) >= 1000.1 + 30


def test_lowering_the_rate_slows_the_pace() -> None:
    clock = FakeClock()
    b = bucket(10, clock)
    request(b, clock)
    request(b, clock)
    b.set_rate(2)
    assert b.capacity == 2
    t1 = request(b, clock)
    t2 = request(b, clock)
    assert t2 - t1 == pytest.approx(0.5)


def test_below_one_a_second_is_one_request_every_1_over_rate_seconds() -> None:
    clock = FakeClock()
    b = bucket(0.5, clock)
    assert [request(b, clock) for _ in range(3)] == [1000.0, 1002.0, 1004.0]


@pytest.mark.parametrize("rate", [0, -1])
def test_rate_must_be_positive(rate: float) -> None:
    with pytest.raises(ConfigError, match="positive"):
        TokenBucket(rate)


def test_threads_share_one_window() -> None:
    # Real clock, real threads: 8 threads x 12 requests at 40/s, each answered after 0-20 ms.
    b = TokenBucket(40)
    sends: list[float] = []
    lock = threading.Lock()

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        for _ in range(12):
            p = b.acquire()
            with lock:
                sends.append(time.monotonic())
            time.sleep(rng.uniform(0, 0.02))
            b.release(p)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(sends) == 96 and b.granted == 96
    assert max_in_window(sends) <= 40
    assert max(sends) - min(sends) >= 95 / 40 - 0.02


def test_process_bucket_is_one_and_keeps_the_lowest_rate() -> None:
    a = process_bucket()
    assert process_bucket() is a
    before = a.rate
    process_bucket(before + 5)  # a faster wish does not speed up the others
    assert a.rate == before
