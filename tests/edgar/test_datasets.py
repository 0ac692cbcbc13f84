"""The data-set backfill: quarters downloaded through the client and handed to the importer; the sync
after it fetches only what the data sets lacked."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from section16.edgar.archive import Archive
from section16.edgar.datasets import STATE_DATASET, backfill, dataset_path, dataset_quarters
from section16.edgar.indexes import forms_wanted
from section16.edgar.sync import SyncOptions, sync
from section16.read import parse
from section16.sec_dataset import TABLES
from section16.store import open_store
from section16.store.base import Store
from section16.write.sec_tsv import SecTsvWriter

from .conftest import make_client, submission_files
from .fake_edgar import FakeEdgar, Fault


def dataset_zip(files: list[Path], tmp: Path) -> bytes:
    """A data-set zip of these filings, written by section16's own SEC TSV writer."""
    out = tmp / "tsv"
    with SecTsvWriter(out) as w:
        for f in files:
            w.write(parse(f))
    z = tmp / "2019q4_form345.zip"
    with zipfile.ZipFile(z, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in TABLES:
            zf.write(out / f"{name}.tsv", f"{name}.tsv")
    return z.read_bytes()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "s.duckdb")
    yield s
    s.close()


def test_quarters() -> None:
    assert dataset_quarters(date(2005, 5, 1), date(2006, 8, 1), date(2026, 1, 1)) == [(2006, 1), (2006, 2), (2006, 3)]
    # The current quarter has no data set yet.
    assert dataset_quarters(date(2025, 11, 1), date(2026, 2, 1), date(2026, 2, 1)) == [(2025, 4)]
    assert dataset_path(2023, 1).endswith("insider-transactions-data-sets/2023q1_form345.zip")


def test_backfill_then_sync_fetches_only_what_the_data_sets_lack(store: Store, tmp_path: Path) -> None:
    q4 = [f for f in submission_files() if "-19-" in f.name]
    assert len(q4) == 3
    zipped = dataset_zip(q4[:2], tmp_path)  # the data set misses one filing
    faults = [Fault("truncate", path="insider-transactions-data-sets", times=1)]
    with FakeEdgar(submission_files(), datasets={(2019, 4): zipped}, faults=faults) as fake:
        client = make_client(fake)
        folder = tmp_path / "archive" / "datasets"
        report = backfill(client, store, folder, date(2019, 10, 1), date(2020, 2, 29), today=date(2026, 1, 1))
        assert report.imported == ["2019q4"] and report.unpublished == ["2020q1"] and report.stored == 2
        assert (folder / "2019q4_form345.zip").read_bytes() == zipped  # the cut first download was retried
        assert json.loads(store.get_state(STATE_DATASET + "2019q4") or "")["stored"] == 2
        formats = store.query("SELECT DISTINCT source_format FROM filings").column(0).to_pylist()
        assert formats == ["dataset"]

        n = len(fake.log)
        done = sync(client, store, Archive(tmp_path / "archive"), SyncOptions(forms_wanted(["3", "4", "5"]),
                    date(2019, 10, 1), date(2019, 12, 31)))  # fmt: skip
        assert (done.already, done.fetched) == (2, 1)
        fetched = [r.path for r in fake.log[n:] if "/Archives/edgar/data/" in r.path]
        assert len(fetched) == 1 and q4[2].stem.replace("-", "") in fetched[0]
        assert store.accessions() == {f.stem for f in q4}

        # Run again: the imported quarter is skipped (no download), the unpublished one asked again.
        n = len(fake.log)
        again = backfill(client, store, folder, date(2019, 10, 1), date(2020, 2, 29), today=date(2026, 1, 1))
        assert again.skipped == ["2019q4"] and again.imported == []
        assert [r.path.rsplit("/", 1)[1] for r in fake.log[n:]] == ["2020q1_form345.zip"]
