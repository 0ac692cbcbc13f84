"""What the fork server of ``section16 load`` imports before it forks the parsing workers.

The readers and the chunk builder (``section16.store.ingest``), without numpy and pandas (see
:mod:`section16.keep_out`): the server starts in about half the time, and every worker it forks is
without them too. Never imported by the loading process itself, whose user may want both.
"""

from __future__ import annotations

from .keep_out import keep_out

keep_out("numpy", "pandas")

from .store import ingest  # noqa: E402  (imported after the refusal is in place, on purpose)

__all__ = ["ingest"]
