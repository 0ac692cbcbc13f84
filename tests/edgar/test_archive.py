"""The raw archive: content-addressed gzip blobs, a manifest that survives being cut mid-line, damage found."""

from __future__ import annotations

import gzip
import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from section16.edgar.archive import Archive
from section16.errors import EdgarError

from .conftest import submission_files

URL = "http://127.0.0.1/Archives/edgar/data/1/000000000120000001/0000000001-20-000001.txt"


def test_put_then_read_back(tmp_path: Path) -> None:
    data = submission_files()[0].read_bytes()
    a = Archive(tmp_path)
    when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    e = a.put(data, accession="0000000001-20-000001", url=URL, fetched_at=when)
    assert e.sha256 == hashlib.sha256(data).hexdigest() and e.size == len(data)
    blob = a.blob_path(e.sha256)
    assert blob.parent.name == e.sha256[:2] and blob.name.endswith(".gz")
    assert gzip.decompress(blob.read_bytes()) == data  # plain gzip: zcat opens it
    assert blob.stat().st_size < len(data) / 2
    assert a.read(e.sha256) == data
    # A new Archive over the same folder sees the same entry, fetch time and URL included.
    b = Archive(tmp_path)
    assert b.entries() == [e] and "0000000001-20-000001" in b
    assert b.read_accession("0000000001-20-000001") == data


def test_equal_content_is_kept_once_and_the_latest_fetch_wins(tmp_path: Path) -> None:
    data = submission_files()[1].read_bytes()
    a = Archive(tmp_path)
    first = a.put(data, accession="A", url=URL, fetched_at=datetime(2026, 1, 1, tzinfo=UTC))
    second = a.put(data, accession="A", url=URL + "?again", fetched_at=datetime(2026, 1, 2, tzinfo=UTC))
    assert first.sha256 == second.sha256
    assert len(list(a.objects.rglob("*.gz"))) == 1
    assert Archive(tmp_path).entries() == [second]
    # Same bytes give the same blob bytes (the gzip header's time is zeroed).
    assert gzip.compress(data, 6, mtime=0) == a.blob_path(first.sha256).read_bytes()


def test_a_manifest_line_cut_by_a_kill_is_dropped_and_appends_go_on(tmp_path: Path) -> None:
    files = submission_files()
    a = Archive(tmp_path)
    a.put(files[0].read_bytes(), accession="A", url=URL)
    with open(a.manifest_path, "ab") as fh:
        fh.write(b'{"accession":"B","sha256":"ab')  # the kill hit mid-write
    b = Archive(tmp_path)
    assert [e.accession for e in b.entries()] == ["A"]
    b.put(files[1].read_bytes(), accession="C", url=URL)
    assert [e.accession for e in Archive(tmp_path).entries()] == ["A", "C"]
    assert a.manifest_path.read_bytes().count(b"\n") == 2


def test_damaged_blob_and_manifest_are_reported(tmp_path: Path) -> None:
    a = Archive(tmp_path)
    e = a.put(submission_files()[0].read_bytes(), accession="A", url=URL)
    a.blob_path(e.sha256).write_bytes(gzip.compress(b"something else"))
    with pytest.raises(EdgarError, match="does not match its sha256"):
        a.read(e.sha256)
    a.blob_path(e.sha256).write_bytes(b"not gzip")
    with pytest.raises(EdgarError, match="cannot read the archived submission"):
        a.read(e.sha256)
    with pytest.raises(EdgarError, match="not archived"):
        a.read_accession("Z")
    a.manifest_path.write_text("this is not json\n")
    with pytest.raises(EdgarError, match=r"manifest.jsonl:1: not a manifest entry"):
        Archive(tmp_path)


def test_no_temporary_files_left_behind(tmp_path: Path) -> None:
    a = Archive(tmp_path)
    for i, f in enumerate(submission_files()[:5]):
        a.put(f.read_bytes(), accession=str(i), url=URL)
    assert not [p for p in tmp_path.rglob(".tmp-*")]
    assert len(a) == 5


def test_an_archive_that_cannot_be_written_is_an_error(tmp_path: Path) -> None:
    a = Archive(tmp_path)
    a.manifest_path.mkdir()  # the manifest's place is taken: appending fails
    with pytest.raises(EdgarError, match="cannot write to the archive"):
        a.put(submission_files()[0].read_bytes(), accession="A", url=URL)
    with pytest.raises(EdgarError, match="cannot read the archive's manifest"):
        Archive(tmp_path)
