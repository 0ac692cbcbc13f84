"""A data-set zip (or folder of the eight TSVs) into a store."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import ParseError
from ..model import Filing
from ..store.base import LoadResult, Store
from .read import DatasetReader


def import_dataset(
    store: Store,
    path: str | os.PathLike[str],
    *,
    replace: bool = False,
    progress: Callable[[int, LoadResult], None] | None = None,
) -> LoadResult:
    """Load every filing of one quarter's data set. A filing already stored from a richer source (its
    XML or submission) is kept; one that cannot be read fails alone, with the file, line and column."""
    p = Path(path)
    reader = DatasetReader.from_dir(p) if p.is_dir() else DatasetReader.from_zip(p)
    failed: list[tuple[str, str]] = reader.orphans()

    def filings() -> Iterator[Filing]:
        for item in reader.filings():
            if isinstance(item, ParseError):
                failed.append((item.source, str(item)))
            else:
                yield item

    result = LoadResult()
    batch: list[Filing] = []
    done = 0
    for f in filings():
        batch.append(f)
        if len(batch) >= 2000:
            result += store.load(batch, replace=replace)
            done += len(batch)
            batch = []
            if progress:
                progress(done, result)
    if batch:
        result += store.load(batch, replace=replace)
        done += len(batch)
    result.failed.extend(failed)
    if progress:
        progress(done + len(failed), result)
    return result
