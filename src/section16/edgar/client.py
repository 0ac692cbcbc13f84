"""The fair-access EDGAR client: declared User-Agent, one process-wide pace, retries, block pauses.

Every request takes a token from the shared :class:`~.ratelimit.TokenBucket` first, retries included.
What each answer means:

* 200 - the body, unless ``validate`` says it is incomplete (then it is retried like a broken response);
* 429, 5xx, timeouts, cut-off bodies - retried with exponential backoff and jitter (a 429 holds back
  every thread for the wait, since it is about the whole client's pace);
* 403 with the "Undeclared Automated Tool" page - the SEC has blocked us: *all* requests stop for
  ``block_pause`` seconds (about ten minutes by default), then the same request is tried again;
* 403 with an S3 ``AccessDenied`` body or 404 where ``missing_ok`` - the document does not exist (a daily
  index for a weekend, a holiday or a day not yet published): ``None``, not an error;
* anything else - :class:`~section16.errors.EdgarError` naming the URL and the status.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import EdgarError
from .config import EdgarConfig
from .ratelimit import Sleep, TokenBucket, process_bucket
from .transport import HttpxTransport, Response, Transport, TransportError

log = logging.getLogger("section16.edgar")

#: Words of the page EDGAR serves to a client it has blocked.
BLOCK_MARKER = b"undeclared automated tool"
#: An S3 error body: what EDGAR serves for a daily index that does not exist.
MISSING_MARKER = b"<code>accessdenied</code>"
#: Blocks in a row for one request after which retrying is pointless (the User-Agent is refused).
MAX_BLOCKS = 3

Validator = Callable[[bytes], bool]
Listener = Callable[[str], None]


@dataclass(slots=True)
class ClientStats:
    requests: int = 0
    retries: int = 0
    blocks: int = 0
    missing: int = 0
    bytes: int = 0


class EdgarClient:
    """GET from EDGAR within the fair-access rules. Thread-safe: threads share the pace and the pause."""

    def __init__(
        self,
        config: EdgarConfig,
        *,
        transport: Transport | None = None,
        bucket: TokenBucket | None = None,
        sleep: Sleep = time.sleep,
        rng: random.Random | None = None,
        listener: Listener | None = None,
    ) -> None:
        self.config = config
        self._transport = transport or HttpxTransport(timeout=config.timeout)
        self._bucket = bucket or process_bucket(config.rate)
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._listener = listener
        self._stats_lock = threading.Lock()
        self.stats = ClientStats()
        self._headers = {
            "User-Agent": config.user_agent,
            "Accept-Encoding": "gzip, deflate",
        }

    # -- URLs ----------------------------------------------------------------------------------------

    def www(self, path: str) -> str:
        """URL of a www.sec.gov-style path (``Archives/edgar/...``)."""
        return f"{self.config.www_url}/{path.lstrip('/')}"

    def data(self, path: str) -> str:
        """URL of a data.sec.gov-style path (``submissions/CIK##########.json``)."""
        return f"{self.config.data_url}/{path.lstrip('/')}"

    # -- requests ------------------------------------------------------------------------------------

    def get(self, url: str, *, missing_ok: bool = False, validate: Validator | None = None) -> bytes | None:
        """The body at ``url``; ``None`` when ``missing_ok`` and EDGAR says the document does not exist."""
        failures = 0
        blocks = 0
        last = ""
        while True:
            resp = self._send(url)
            if isinstance(resp, TransportError):
                last = resp.reason
            else:
                self._count(bytes=len(resp.content))
                if resp.status == 200:
                    if validate is None or validate(resp.content):
                        return resp.content
                    last = f"incomplete body ({len(resp.content)} bytes)"
                elif resp.status == 403 and BLOCK_MARKER in resp.content.lower():
                    blocks += 1
                    self._count(blocks=1)
                    if blocks > MAX_BLOCKS:
                        raise EdgarError(
                            f"{url}: EDGAR blocked this client {blocks} times in a row as an undeclared automated "
                            f"tool; check the User-Agent ({self.config.user_agent!r}) and the request rate"
                        )
                    self._notify(
                        f"EDGAR answered 403 'undeclared automated tool' for {url}; "
                        f"pausing all requests for {self.config.block_pause:g} s"
                    )
                    self._bucket.pause(self.config.block_pause)
                    continue  # a block is not the request's fault: it does not use up an attempt
                elif missing_ok and self._is_missing(resp):
                    self._count(missing=1)
                    return None
                elif resp.status == 429 or resp.status >= 500:
                    last = f"HTTP {resp.status}"
                    if resp.status == 429:
                        delay = self._delay(failures, resp)
                        self._bucket.pause(delay)
                else:
                    raise EdgarError(f"{url}: HTTP {resp.status}{_snippet(resp.content)}")
            failures += 1
            if failures >= self.config.attempts:
                raise EdgarError(f"{url}: gave up after {failures} attempts ({last})")
            self._count(retries=1)
            delay = self._delay(failures - 1, None)
            log.info("retrying %s in %.1f s (%s)", url, delay, last)
            self._sleep(delay)

    def _send(self, url: str) -> Response | TransportError:
        """One request under the limiter; the permit is released when the answer begins, or on failure."""
        permit = self._bucket.acquire()
        self._count(requests=1)
        try:
            return self._transport.get(url, self._headers, lambda: self._bucket.release(permit))
        except TransportError as e:
            return e
        finally:
            self._bucket.release(permit)  # a no-op when the answer already released it

    def close(self) -> None:
        self._transport.close()

    def __enter__(self) -> EdgarClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- helpers -------------------------------------------------------------------------------------

    @staticmethod
    def _is_missing(resp: Response) -> bool:
        if resp.status == 404:
            return True
        return resp.status == 403 and MISSING_MARKER in resp.content.lower().replace(b" ", b"")

    def _delay(self, failures: int, resp: Response | None) -> float:
        """Exponential backoff with full jitter, or the server's Retry-After when it gives one."""
        cfg = self.config
        if resp is not None:
            after = resp.headers.get("retry-after") or resp.headers.get("Retry-After")
            if after and after.strip().isdigit():
                return min(float(after), cfg.max_backoff)
        base = min(cfg.backoff * 2.0**failures, cfg.max_backoff)
        return base / 2 + self._rng.uniform(0, base / 2)

    def _count(self, **deltas: int) -> None:
        with self._stats_lock:
            for k, v in deltas.items():
                setattr(self.stats, k, getattr(self.stats, k) + v)

    def _notify(self, message: str) -> None:
        log.warning("%s", message)
        if self._listener is not None:
            self._listener(message)


def _snippet(content: bytes) -> str:
    text = content[:200].decode("utf-8", "replace").strip()
    return f": {' '.join(text.split())}" if text else ""
