"""A data-set zip (or folder of the eight TSVs) into a store.

The parent reads the TSVs; building Filings and their rows from them runs in a process pool, a few
hundred filings per task, and the parent appends the rows in bulk, one transaction per 2,000 filings.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Future
from datetime import UTC, datetime
from pathlib import Path

from ..errors import ParseError
from ..store.base import BATCH_SIZE, LoadResult, Store
from ..store.chunks import Chunk, to_chunk_isolating
from ..store.ingest import pool
from ..store.rows import FilingRows, filing_rows
from .read import DatasetReader

#: Filings per worker task.
PART = 500


def chunk_for_part(part: DatasetReader, loaded_at: datetime) -> tuple[Chunk, list[tuple[str, str]]]:
    """Filings of a part of a data set as one chunk of rows; failures as (place, reason)."""
    rows: list[FilingRows] = []
    failed: list[tuple[str, str]] = []
    for item in part.filings():
        if isinstance(item, ParseError):
            failed.append((item.source, str(item)))
            continue
        try:
            rows.append(filing_rows(item, loaded_at=loaded_at))
        except (ValueError, TypeError, AttributeError) as e:
            failed.append((item.source.path or "<data set>", str(e)))
    chunk, unfit = to_chunk_isolating(rows)
    return chunk, failed + unfit


def import_dataset(
    store: Store,
    path: str | os.PathLike[str],
    *,
    replace: bool = False,
    progress: Callable[[int, LoadResult], None] | None = None,
    workers: int | None = None,
) -> LoadResult:
    """Load every filing of one quarter's data set (a zip or a folder of the TSVs).

    A filing already stored from a richer source (its XML or submission) is kept; one that cannot be
    read fails alone, with the file, line and column; lines that belong to no filing are reported.
    ``workers`` processes build the rows (default: one per CPU; 1 = in this process).
    """
    p = Path(path)
    reader = DatasetReader.from_dir(p) if p.is_dir() else DatasetReader.from_zip(p)
    result = LoadResult(failed=reader.orphans())
    accs = reader.accessions()
    parts = [reader.part(accs[i : i + PART]) for i in range(0, len(accs), PART)]
    del reader
    loaded_at = datetime.now(UTC)
    pending: list[Chunk] = []
    pending_n = 0
    done = 0

    def take(chunk: Chunk, failed: list[tuple[str, str]], n: int) -> None:
        nonlocal pending, pending_n, done
        result.failed.extend(failed)
        pending.append(chunk)
        pending_n += len(chunk)
        done += n
        if pending_n >= BATCH_SIZE:
            result.__iadd__(store.load_chunks(pending, replace=replace))
            pending, pending_n = [], 0
        if progress:
            progress(done, result)

    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(parts) <= 1:
        for part in parts:
            take(*chunk_for_part(part, loaded_at), len(part))
    else:
        with pool(workers) as executor:
            window = workers * 3
            futures: list[tuple[Future[tuple[Chunk, list[tuple[str, str]]]], int]] = []
            for part in parts:
                futures.append((executor.submit(chunk_for_part, part, loaded_at), len(part)))
                if len(futures) >= window:
                    fut, n = futures.pop(0)
                    take(*fut.result(), n)
            for fut, n in futures:
                take(*fut.result(), n)
    if pending:
        result += store.load_chunks(pending, replace=replace)
    if progress:
        progress(done, result)
    return result
