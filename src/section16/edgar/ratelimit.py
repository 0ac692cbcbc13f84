"""One token bucket for the whole process: EDGAR's fair-access limit is per user, not per connection.

The SEC counts requests at its end over short windows, so the bucket hands out tokens no closer than
``(1 + guard) / rate`` seconds apart, with no burst: in any window of one second at most ``rate``
requests leave, and ``guard`` seconds of slack per window absorb network jitter between here and the
server (two requests sent 100 ms apart may arrive 99 ms apart). A fractional rate holds on average
(3.5 a second is at most 4 in any one second). A 403 "undeclared automated tool"
block stops every thread: :meth:`TokenBucket.pause` holds all tokens back until the block is over.

The clock and the sleep are injectable so the bucket can be tested without waiting.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from ..errors import ConfigError

#: The SEC's published limit, requests per second, for all of a user's machines together.
SEC_MAX_RATE = 10.0

Clock = Callable[[], float]
Sleep = Callable[[float], None]


class TokenBucket:
    """Thread-safe pacing of requests: at most ``rate`` per second, never in bursts.

    :meth:`acquire` reserves the next free slot under a lock and sleeps outside it, so waiting
    threads are served in order and none holds the lock while asleep.
    """

    def __init__(
        self,
        rate: float = SEC_MAX_RATE,
        *,
        guard: float = 0.02,
        clock: Clock = time.monotonic,
        sleep: Sleep = time.sleep,
    ) -> None:
        self._lock = threading.Lock()
        self._clock = clock
        self._sleep = sleep
        self._guard = guard
        self._interval = 0.0
        self._next = float("-inf")
        self._paused_until = float("-inf")
        self.granted = 0
        self.set_rate(rate)

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def interval(self) -> float:
        """Seconds between two tokens."""
        return self._interval

    def set_rate(self, rate: float) -> None:
        if not rate > 0:
            raise ConfigError(f"request rate must be a positive number of requests per second, not {rate}")
        with self._lock:
            self._rate = float(rate)
            self._interval = (1.0 + self._guard) / self._rate

    def acquire(self) -> float:
        """Block until this thread may send one request; returns the clock time of the grant."""
        while True:
            with self._lock:
                now = self._clock()
                slot = max(now, self._next, self._paused_until)
                self._next = slot + self._interval
            if slot > now:
                self._sleep(slot - now)
            with self._lock:
                now = self._clock()
                # A pause that began while this thread slept voids its slot: queue again after it.
                if now >= self._paused_until:
                    self.granted += 1
                    return now

    def pause(self, seconds: float) -> None:
        """Hand out no token for ``seconds`` from now (every thread waits), then resume the pace."""
        with self._lock:
            until = self._clock() + seconds
            if until > self._paused_until:
                self._paused_until = until
            self._next = max(self._next, self._paused_until)

    def paused_for(self) -> float:
        """Seconds left of the current pause (0 when not paused)."""
        with self._lock:
            return max(0.0, self._paused_until - self._clock())


_process_bucket: TokenBucket | None = None
_process_lock = threading.Lock()


def process_bucket(rate: float | None = None) -> TokenBucket:
    """The bucket every EDGAR client of this process shares; ``rate`` (when given) sets its pace.

    When two clients of one process ask for different rates, the lower one wins: the limit is on the
    user, so the slowest promise must hold for everybody.
    """
    global _process_bucket
    with _process_lock:
        if _process_bucket is None:
            _process_bucket = TokenBucket(rate or SEC_MAX_RATE)
        elif rate is not None and rate < _process_bucket.rate:
            _process_bucket.set_rate(rate)
        return _process_bucket
