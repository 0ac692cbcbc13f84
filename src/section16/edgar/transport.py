"""The one HTTP seam: every byte section16 gets from EDGAR comes through :class:`Transport`.

The client above it decides about retries, pauses and pacing; the transport only sends one GET and
returns the status, headers and the whole body, or raises :class:`TransportError` when no complete
response arrived (refused or reset connection, timeout, a body cut short of its Content-Length).
Tests point the real transport at a local server; nothing else in section16 opens a socket to EDGAR.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

import httpx


class TransportError(Exception):
    """No complete HTTP response: the request may be retried."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}")


@dataclass(frozen=True, slots=True)
class Response:
    url: str
    status: int
    content: bytes
    headers: Mapping[str, str] = field(default_factory=dict)


class Transport(Protocol):
    def get(self, url: str, headers: Mapping[str, str], on_response: Callable[[], None] | None = None) -> Response:
        """GET ``url``; call ``on_response`` as soon as the status line and headers have arrived (the
        rate limiter learns from it that the server has seen the request)."""
        ...

    def close(self) -> None: ...


class HttpxTransport:
    """:class:`Transport` over one pooled ``httpx.Client`` (thread-safe; keeps connections alive)."""

    def __init__(self, *, timeout: float = 30.0, max_connections: int = 8) -> None:
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections),
            follow_redirects=True,
            # EDGAR redirects nothing we need across hosts; HTTP/1.1 keeps the seam simple and observable.
            http2=False,
        )

    def get(self, url: str, headers: Mapping[str, str], on_response: Callable[[], None] | None = None) -> Response:
        try:
            with self._client.stream("GET", url, headers=dict(headers)) as r:
                if on_response is not None:
                    on_response()
                content = r.read()  # the whole body; a short one raises RemoteProtocolError here
        except httpx.TimeoutException as e:
            raise TransportError(url, f"timed out ({type(e).__name__})") from None
        except httpx.RequestError as e:  # reset, refused, short body, undecodable gzip
            raise TransportError(url, f"{type(e).__name__}: {e}") from None
        return Response(url=str(r.url), status=r.status_code, content=content, headers=dict(r.headers))

    def close(self) -> None:
        self._client.close()
