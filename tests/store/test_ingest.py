"""Planning inputs (folders, zips, data-set zips) and loading them with and without a process pool."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from section16.model import Filing
from section16.read import parse_bytes
from section16.store import open_store
from section16.store.base import LoadResult
from section16.store.duck import DuckDBStore
from section16.store.ingest import _read_file, is_dataset_zip, load_items, load_paths, plan
from section16.store.rows import COLUMNS
from section16.write.sec_tsv import write_sec_tsv

from .conftest import STORE_FIXTURES, store_fixture_paths


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    for p in store_fixture_paths()[:4]:
        shutil.copy(p, root / p.name)
    with zipfile.ZipFile(root / "sub" / "more.zip", "w") as z:
        for p in store_fixture_paths()[4:8]:
            z.write(p, f"x/{p.name}")
        z.writestr("x/README.md", "not a filing")
    (root / "notes.md").write_text("not a filing either", encoding="utf-8")
    return root


def test_plan_expands_folders_and_zips(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    p = plan([root, tmp_path / "missing.xml"])
    names = sorted(Path(n.split("!")[-1]).name for n, _ in p.items)
    assert names == sorted(x.name for x in store_fixture_paths()[:8])
    assert p.datasets == []
    assert p.missing == [f"{tmp_path / 'missing.xml'}: no such file or folder"]
    zipped = [src for n, src in p.items if "!" in n]
    # Zip members are named, not read: the worker that parses one reads it.
    assert len(zipped) == 4 and all(isinstance(s, tuple) and s[0].endswith("more.zip") for s in zipped)


def test_dataset_zip_recognised(tmp_path: Path, fixture_filings: list[Filing]) -> None:
    write_sec_tsv(fixture_filings[:3], tmp_path / "tsv")
    z = tmp_path / "2024q1_form345.zip"
    with zipfile.ZipFile(z, "w") as out:
        for f in (tmp_path / "tsv").iterdir():
            out.write(f, f"2024q1/{f.name}")
    assert is_dataset_zip(z)
    assert plan([z]).datasets == [z]
    assert not is_dataset_zip(STORE_FIXTURES / "0000002488-24-000005.xml")


def test_pool_and_single_process_store_the_same(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    tables = ("filings", "reporting_owners", "nonderiv_transactions", "deriv_transactions", "footnotes")
    contents = []
    for workers in (1, 2):
        with open_store(tmp_path / f"w{workers}.duckdb") as store:
            r = load_paths(store, [root], workers=workers)
            assert (r.inserted, r.failed) == (8, [])
            contents.append(
                {t: store.query(f"SELECT * EXCLUDE (loaded_at) FROM {t} ORDER BY ALL").to_pylist()
                 if t == "filings" else store.query(f"SELECT * FROM {t} ORDER BY ALL").to_pylist() for t in tables}
            )  # fmt: skip
    assert contents[0] == contents[1]


def test_pool_of_several_tasks_stores_what_one_process_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Three files per task: the chunks cross from the workers as IPC streams, the parent appends them."""
    root = _tree(tmp_path)
    contents = []
    for workers in (1, 2):
        monkeypatch.setattr("section16.store.ingest.CHUNK", 3 if workers == 2 else 256)
        with open_store(tmp_path / f"t{workers}.duckdb") as store:
            r = load_paths(store, [root], workers=workers)
            assert (r.inserted, r.failed) == (8, [])
            contents.append({
                t: store.query(f"SELECT * EXCLUDE (loaded_at) FROM {t} ORDER BY ALL" if t == "filings"
                               else f"SELECT * FROM {t} ORDER BY ALL").to_pylist()
                for t in COLUMNS
            })  # fmt: skip
    assert contents[0] == contents[1]
    assert all(contents[0][t] for t in ("filings", "footnotes", "field_footnotes", "signatures"))


def test_many_small_transactions_store_what_one_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One file per task and four filings per transaction: the parent writes batches while the workers
    parse, and the last tasks' wait is spent writing what is already here; the store is the same."""
    root = tmp_path / "in"
    root.mkdir()
    for p in store_fixture_paths():
        shutil.copy(p, root / p.name)
    n = len(store_fixture_paths())
    contents = []
    results = []
    for workers, chunk, batch in ((1, 256, 4000), (2, 1, 4)):
        monkeypatch.setattr("section16.store.ingest.CHUNK", chunk)
        seen: list[int] = []
        with open_store(tmp_path / f"s{workers}.duckdb") as store:
            r = load_items(store, plan([root]).items, workers=workers, batch_size=batch, progress=_noting(seen))
            results.append((r.inserted, r.skipped, r.failed))
            contents.append({
                t: store.query(f"SELECT * EXCLUDE (loaded_at) FROM {t} ORDER BY ALL" if t == "filings"
                               else f"SELECT * FROM {t} ORDER BY ALL").to_pylist()
                for t in COLUMNS
            })  # fmt: skip
            if workers == 2:
                # Several transactions: each one's filings share a loaded_at.
                assert store.query("SELECT count(DISTINCT loaded_at) AS n FROM filings").to_pylist()[0]["n"] >= n // 4
        assert seen[-1] == n
    assert results[0] == results[1] and results[0][0] >= n - 1  # a txt and its xml twin: one filing
    assert contents[0] == contents[1]


def _noting(seen: list[int]) -> Callable[[int, LoadResult], None]:
    return lambda done, _: seen.append(done)


def test_duckdb_appends_on_one_thread_beside_the_pool(tmp_path: Path) -> None:
    def threads(store: DuckDBStore) -> int:
        return int(store.connection.execute("SELECT current_setting('threads')").fetchall()[0][0])

    with open_store(tmp_path / "t.duckdb") as store:
        assert isinstance(store, DuckDBStore)
        store.connection.execute("SET threads = 3")
        with store.beside_workers():
            assert threads(store) == 1
        assert threads(store) == 3
        with pytest.raises(KeyError), store.beside_workers():
            raise KeyError("a failed load")
        assert threads(store) == 3


def test_a_reader_bug_fails_that_file_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _tree(tmp_path)
    victim = store_fixture_paths()[1].name

    def buggy(data: bytes, name: str) -> Filing:
        if name.endswith(victim):
            raise KeyError("top")
        return parse_bytes(data, name)

    monkeypatch.setattr("section16.store.ingest.parse_bytes", buggy)
    with open_store(tmp_path / "bug.duckdb") as store:
        r = load_paths(store, [root], workers=1)
    assert r.inserted == 7
    assert [(Path(n).name, "KeyError" in why and "'top'" in why) for n, why in r.failed] == [(victim, True)]


def test_files_read_whole(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    data = bytes(range(256)) * (5 * 4096 + 7)  # over 5 MB: several reads
    big.write_bytes(data)
    (tmp_path / "empty.xml").write_bytes(b"")
    assert _read_file(str(big)) == data
    assert _read_file(str(tmp_path / "empty.xml")) == b""
    with pytest.raises(FileNotFoundError):
        _read_file(str(tmp_path / "gone.xml"))


def test_workers_keep_numpy_and_pandas_out(tmp_path: Path) -> None:
    """The fork server imports section16.load_worker: its workers refuse numpy and pandas (pyarrow would
    import them, ~0.2 s and 1-2 s, for nothing), and this process keeps what it has."""
    import importlib
    import importlib.util
    import sys

    from section16.store.ingest import pool

    with pool(1) as executor:
        for name in ("numpy", "pandas"):
            with pytest.raises(ModuleNotFoundError, match="kept out"):
                executor.submit(importlib.import_module, name).result()
        assert executor.submit(importlib.util.find_spec, "lxml.etree").result() is not None
    assert "numpy" in sys.modules  # this process imported pyarrow with numpy, and keeps it


def test_a_chunk_built_without_numpy_is_the_same(tmp_path: Path) -> None:
    """Arrow tables built in a process without numpy and pandas (as the workers are) equal those built here."""
    import pickle
    import subprocess
    import sys
    from datetime import UTC, datetime

    from section16.store.ingest import chunk_for_items

    items = [(str(p), str(p)) for p in store_fixture_paths()]
    at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    code = (
        "import pickle, sys\n"
        "import section16.load_worker\n"
        "from section16.store.ingest import chunk_for_items\n"
        "items, at = pickle.loads(sys.stdin.buffer.read())\n"
        "chunk, failed = chunk_for_items(items, at)\n"
        "assert 'numpy' not in sys.modules and 'pandas' not in sys.modules\n"
        "sys.stdout.buffer.write(pickle.dumps((chunk, failed)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], input=pickle.dumps((items, at)), capture_output=True, check=True)
    there, failed = pickle.loads(out.stdout)
    here, failed_here = chunk_for_items(items, at)
    assert failed == failed_here == []
    assert there.meta == here.meta and len(here) >= 10
    for table, tb in here.tables.items():
        assert there.tables[table].equals(tb), table
