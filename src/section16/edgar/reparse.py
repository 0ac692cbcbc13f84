"""Rebuild a store from the raw archive with the current parser: no network, nothing fetched.

Every archived submission (the latest fetch of each accession) is read again and stored with
``replace=True``, so a filing read by an older parser is replaced whole. A filing that does not read
is recorded in the store's state under ``edgar.failed.<accession>`` (as a sync does); one that failed
before and reads now has that record cleared.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import EdgarError, ParseError
from ..model import Filing
from ..read import parse_bytes
from .archive import Archive
from .sync import STATE_FAILED

if TYPE_CHECKING:
    from ..store.base import Store

OnProgress = Callable[[int, int, int], None]


@dataclass
class ReparseReport:
    read: int = 0
    stored: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


def reparse(
    archive: Archive, store: Store, *, batch_size: int = 500, on_progress: OnProgress | None = None
) -> ReparseReport:
    """Read every archived submission and store it, replacing what the store holds for its accession."""
    report = ReparseReport()
    failed_before = {k.removeprefix(STATE_FAILED) for k in _failed_keys(store)}
    batch: list[Filing] = []

    def flush() -> None:
        result = store.load(batch, replace=True)
        bad = dict(result.failed)
        for f in batch:
            acc = f.accession_number or ""
            reason = bad.get(acc) or bad.get(f.source.path or "")
            if reason is None:
                report.stored += 1
                if acc in failed_before:
                    store.set_state(STATE_FAILED + acc, None)
            else:
                _fail(store, report, acc, reason, f.source.path)
        batch.clear()

    for entry in archive.entries():
        report.read += 1
        try:
            filing = parse_bytes(archive.read(entry.sha256), entry.url)
        except (ParseError, EdgarError) as e:
            _fail(store, report, entry.accession, str(e), entry.url)
        else:
            batch.append(filing)
            if len(batch) >= batch_size:
                flush()
        if on_progress is not None and report.read % 50 == 0:
            on_progress(report.read, report.stored, len(report.failed))
    if batch:
        flush()
    if on_progress is not None:
        on_progress(report.read, report.stored, len(report.failed))
    return report


def _failed_keys(store: Store) -> list[str]:
    table = store.query("SELECT key FROM sync_state WHERE key LIKE ?", [STATE_FAILED + "%"])
    return [str(k) for k in table.column("key").to_pylist()]


def _fail(store: Store, report: ReparseReport, accession: str, reason: str, url: str | None) -> None:
    report.failed.append((accession, reason))
    store.set_state(STATE_FAILED + accession, json.dumps({"error": reason, "url": url}))
