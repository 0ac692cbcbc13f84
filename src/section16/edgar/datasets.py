"""The fast backfill: download the SEC's quarterly Insider Transactions Data Sets and import them.

One zip per quarter (2006Q1 onwards, ``files/structureddata/data/insider-transactions-data-sets/
{YYYY}q{n}_form345.zip``) holds every Form 3/4/5 of the quarter as eight TSVs: about 80 downloads
instead of millions of requests. This module only fetches, through the fair-access client, and keeps
the zips (``<archive>/datasets/``); the import is :func:`section16.datasets.import_dataset`'s.

A quarter imported is remembered in the store's state (``edgar.datasets.{YYYY}q{n}``), so a backfill
run again skips it; an import cut short by a kill is run again (it is idempotent by accession). A
quarter whose zip is not published yet (the current one) is skipped with a message. The data sets
lack what only the full submission has (the SGML header, the document list), and a filing accepted
after 5:30 pm on a quarter's last business day is in the next quarter's zip; the sync that follows a
backfill reads each quarter's index and fetches whatever the data sets did not have.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .client import EdgarClient
from .indexes import quarter_of
from .sync import Events, QuietEvents

if TYPE_CHECKING:
    from ..store.base import Store

FIRST_QUARTER = (2006, 1)
STATE_DATASET = "edgar.datasets."


def dataset_path(year: int, quarter: int) -> str:
    return f"files/structureddata/data/insider-transactions-data-sets/{year}q{quarter}_form345.zip"


def dataset_quarters(since: date, until: date, today: date) -> list[tuple[int, int]]:
    """The quarters overlapping ``[since, until]`` that are over (their data set can exist), from 2006Q1."""
    out = []
    y, q = max((since.year, quarter_of(since)), FIRST_QUARTER)
    while (y, q) <= (until.year, quarter_of(until)):
        ends = date(y + 1, 1, 1) if q == 4 else date(y, 3 * q + 1, 1)
        if ends <= today:
            out.append((y, q))
        y, q = (y + 1, 1) if q == 4 else (y, q + 1)
    return out


def _is_zip(data: bytes) -> bool:
    return zipfile.is_zipfile(io.BytesIO(data))  # checks the central directory at the end: a cut zip fails


def fetch_dataset(client: EdgarClient, year: int, quarter: int, folder: Path) -> Path | None:
    """The quarter's zip in ``folder`` (downloaded unless already there), or None when not published."""
    target = folder / f"{year}q{quarter}_form345.zip"
    if target.is_file() and zipfile.is_zipfile(target):
        return target
    data = client.get(client.www(dataset_path(year, quarter)), missing_ok=True, validate=_is_zip)
    if data is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


@dataclass
class BackfillReport:
    imported: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    unpublished: list[str] = field(default_factory=list)
    stored: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


def backfill(
    client: EdgarClient,
    store: Store,
    folder: Path,
    since: date,
    until: date,
    *,
    today: date | None = None,
    events: Events | None = None,
) -> BackfillReport:
    """Download and import the data sets of the quarters of ``[since, until]`` not imported yet."""
    from ..datasets import import_dataset  # the store engineer's importer: called, not reimplemented

    ev = events or QuietEvents()
    report = BackfillReport()
    for year, q in dataset_quarters(since, until, today or date.today()):
        name = f"{year}q{q}"
        if store.get_state(STATE_DATASET + name) is not None:
            report.skipped.append(name)
            continue
        path = fetch_dataset(client, year, q, folder)
        if path is None:
            report.unpublished.append(name)
            ev.message(f"the {name} insider data set is not published yet; the sync reads that quarter instead")
            continue
        ev.message(f"importing the {name} insider data set ({path.stat().st_size:,} bytes)")
        result = import_dataset(store, path)
        report.imported.append(name)
        report.stored += result.stored
        report.failed.extend(result.failed)
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        record = {"sha256": sha, "stored": result.stored, "skipped": result.skipped, "failed": len(result.failed)}
        store.set_state(STATE_DATASET + name, json.dumps(record))
    return report
