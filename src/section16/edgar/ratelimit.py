"""One request limiter for the whole process: EDGAR's fair-access limit is per user, not per connection.

The SEC counts requests *where they arrive*, over short windows. Pacing sends ``1/rate`` apart is not
enough for that: a request delayed on its way (a busy machine, a slow network) lands closer to the next
one, and a window at the server sees one too many. So the limiter also remembers, for each request,
when its answer began to come back, a moment after the server saw it. A request may leave only one
second after the answer to the request ``capacity`` places before it began (``capacity`` = the rate
rounded down), so no window of one second at the server can hold more than ``capacity`` requests,
whatever the delays. Sends are also spaced ``1/rate`` apart, so there are no bursts. (A fractional
rate counts in whole requests a second, 3.5 as 3; below one, 0.5 is one request every two seconds.)

Use: ``permit = bucket.acquire()`` before sending, ``bucket.release(permit)`` once the response's
status line has arrived (or the request failed). A 403 "undeclared automated tool" block stops every
thread: :meth:`TokenBucket.pause` holds all permits back until the block is over.

The clock and the sleep are injectable so the limiter can be tested without waiting.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

from ..errors import ConfigError

#: The SEC's published limit, requests per second, for all of a user's machines together.
SEC_MAX_RATE = 10.0
#: The window the limit is counted over, in seconds.
WINDOW = 1.0

Clock = Callable[[], float]
Sleep = Callable[[float], None]


class Permit:
    """One request's place in the window: when it may leave, and when its answer came (None: in flight)."""

    __slots__ = ("done_at", "send_at")

    def __init__(self, send_at: float) -> None:
        self.send_at = send_at
        self.done_at: float | None = None


class TokenBucket:
    """Thread-safe limiter: at most ``rate`` requests (rounded down) in any window of one second at the
    server, sent no closer than ``1/rate`` seconds apart.

    Permits are handed out in order: each is reserved under the lock, then its thread sleeps outside
    the lock until its time, so waiting threads are served first come, first served.
    """

    def __init__(self, rate: float = SEC_MAX_RATE, *, clock: Clock = time.monotonic, sleep: Sleep = time.sleep) -> None:
        self._cond = threading.Condition()
        self._clock = clock
        self._sleep = sleep
        self._recent: deque[Permit] = deque()
        self._next = float("-inf")
        self._paused_until = float("-inf")
        self.granted = 0
        self.set_rate(rate)

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def capacity(self) -> int:
        """Requests allowed in one window."""
        return self._capacity

    @property
    def interval(self) -> float:
        """Least seconds between two sends."""
        return self._interval

    def set_rate(self, rate: float) -> None:
        if not rate > 0:
            raise ConfigError(f"request rate must be a positive number of requests per second, not {rate}")
        with self._cond:
            self._rate = float(rate)
            self._capacity = max(1, math.floor(rate * WINDOW))
            self._interval = 1.0 / self._rate

    def acquire(self) -> Permit:
        """Block until this thread may send one request; returns the permit to :meth:`release`."""
        while True:
            permit = self._reserve()
            now = self._clock()
            if permit.send_at > now:
                self._sleep(permit.send_at - now)
            with self._cond:
                if self._clock() >= self._paused_until:
                    self.granted += 1
                    return permit
                # A pause began while this thread slept: its slot is void. Counting the unsent permit as
                # answered now only makes later requests wait a little longer; then queue again.
                permit.done_at = self._clock()
                self._cond.notify_all()

    def _reserve(self) -> Permit:
        with self._cond:
            while True:
                start = max(self._clock(), self._next, self._paused_until)
                if len(self._recent) >= self._capacity:
                    oldest = self._recent[-self._capacity]
                    if oldest.done_at is None:
                        # Still in flight: the server may see it at any moment until its answer comes.
                        self._cond.wait(timeout=0.05)
                        continue
                    start = max(start, oldest.done_at + WINDOW)
                permit = Permit(start)
                self._recent.append(permit)
                while len(self._recent) > self._capacity:
                    self._recent.popleft()
                self._next = start + self._interval
                return permit

    def release(self, permit: Permit) -> None:
        """The answer to ``permit``'s request has begun (or the request failed). Idempotent."""
        with self._cond:
            if permit.done_at is None:
                permit.done_at = max(self._clock(), permit.send_at)
                self._cond.notify_all()

    def pause(self, seconds: float) -> None:
        """Hand out no permit for ``seconds`` from now (every thread waits), then resume the pace."""
        with self._cond:
            until = self._clock() + seconds
            if until > self._paused_until:
                self._paused_until = until
            self._next = max(self._next, self._paused_until)

    def paused_for(self) -> float:
        """Seconds left of the current pause (0 when not paused)."""
        with self._cond:
            return max(0.0, self._paused_until - self._clock())


_process_bucket: TokenBucket | None = None
_process_lock = threading.Lock()


def process_bucket(rate: float | None = None) -> TokenBucket:
    """The limiter every EDGAR client of this process shares; ``rate`` (when given) sets its pace.

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
