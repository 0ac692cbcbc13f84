"""Filings per second loaded from local submissions into DuckDB, against baselines from the same run.

    python bench/load.py [--count N] [--workers N] [--naive N] [--runs N]

The input is the corpus's full submissions and XML files (../shared/corpus/txt and xml, else the
committed fixtures), copied into a temporary folder ``--count`` times over with fresh accession numbers
(the store is idempotent by accession, so a plain repeat would be skipped), then:

* ``parse only``: ``section16.parse`` of every file in this process: the cost of reading alone;
* ``naive``: parse + one ``INSERT`` per row (executemany per table), single process, on ``--naive``
  files: what a straightforward loader does;
* ``append only``: the store's share alone, rows already built as the workers hand them over;
* ``CPU per filing``: of that load (parent, and the pool: fork server and workers, read from /proc), of
  the whole load in one process, and of each stage (read, parse, rows, append) alone, run per task of
  ``CHUNK`` files as a worker does;
* ``section16 load``: ``section16.store.ingest.load_paths`` (a process pool parsing, Arrow bulk appends,
  one transaction per 4,000 filings) into a fresh DuckDB file.

Each measure of the load runs ``--runs`` times (default 3; each parallel run with a fork server of its
own) and the best is shown: on a shared machine a run is only ever slowed by others. Prints each rate in
filings/s and the ratios. Target (issue 5): at least 3,000 filings/s on 2 cores, i.e. at most 667 µs of
CPU per filing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from section16.read import parse_bytes  # noqa: E402

# The store's modules (pyarrow, numpy) are imported inside the functions: the load's fork server runs
# this file's top level as __main__ first, and a program that imports numpy keeps it in the workers
# (see section16.load_worker), where `section16 load` has none.

_ACC = re.compile(rb"\d{10}-\d{2}-\d{6}")


def sources() -> list[Path]:
    corpus = (ROOT / ".." / "shared" / "corpus").resolve()
    if corpus.is_dir():
        files = sorted((corpus / "txt").glob("*.txt")) + sorted((corpus / "xml").glob("*.xml"))
    else:
        files = sorted((ROOT / "tests" / "fixtures" / "store").iterdir())
    # Only files that carry an accession (in the header or the name) can be stored.
    return [f for f in files if re.match(r"\d{10}-\d{2}-\d{6}", f.name)]


def make_copies(files: list[Path], count: int, out: Path) -> list[Path]:
    """``count`` files cycling through ``files``, each with its own accession number."""
    made = []
    out.mkdir(parents=True, exist_ok=True)
    datas = [(f, f.read_bytes()) for f in files]
    for i in range(count):
        src, data = datas[i % len(datas)]
        acc = f"99{i // 1000000:08d}-{(i // 10000) % 100:02d}-{i % 10000:06d}"
        if src.suffix == ".txt":
            data = _ACC.sub(acc.encode(), data)
        dest = out / f"{acc}{src.suffix}"
        dest.write_bytes(data)
        made.append(dest)
    return made


def parse_only(paths: list[Path]) -> tuple[float, float]:
    """Filings per second of wall time and per CPU second."""
    t0, c0 = time.perf_counter(), time.process_time()
    for p in paths:
        parse_bytes(p.read_bytes(), str(p))
    return len(paths) / (time.perf_counter() - t0), len(paths) / (time.process_time() - c0)


def cpu_per_filing(paths: list[Path], db: Path) -> float:
    """CPU seconds per filing of the whole load (parse, rows, DuckDB, its threads) in one process."""
    from section16.store import open_store
    from section16.store.ingest import load_paths

    store = open_store(db)
    c0 = time.process_time()
    load_paths(store, paths, workers=1)
    store.close()
    return (time.process_time() - c0) / len(paths)


def naive(paths: list[Path], db: Path) -> float:
    from section16.store import open_store
    from section16.store.rows import COLUMNS, FILING_TABLES, filing_rows

    store = open_store(db)
    con = store.connection  # type: ignore[attr-defined]
    inserts = {t: f"INSERT INTO {t} VALUES ({', '.join('?' for _ in COLUMNS[t])})" for t in FILING_TABLES}
    t0 = time.perf_counter()
    now = datetime.now(UTC)
    for p in paths:
        rows = filing_rows(parse_bytes(p.read_bytes(), str(p)), loaded_at=now)
        con.execute("BEGIN")
        for t in FILING_TABLES:
            if rows.tables[t]:
                con.executemany(inserts[t], rows.tables[t])
        con.execute("COMMIT")
    rate = len(paths) / (time.perf_counter() - t0)
    store.close()
    return rate


def append_only(paths: list[Path], db: Path) -> tuple[float, float]:
    """The store's share alone: rows already built (as the workers hand them over), appended in
    transactions of ``BATCH_SIZE`` filings. Filings per second of wall time and per CPU second."""
    from section16.store import open_store
    from section16.store.base import BATCH_SIZE
    from section16.store.ingest import CHUNK, chunk_for_items

    now = datetime.now(UTC)
    chunks = [
        chunk_for_items([(str(p), str(p)) for p in paths[i : i + CHUNK]], now)[0] for i in range(0, len(paths), CHUNK)
    ]
    store = open_store(db)
    per = BATCH_SIZE // CHUNK + 1
    t0, c0 = time.perf_counter(), time.process_time()
    for i in range(0, len(chunks), per):
        store.load_chunks(chunks[i : i + per])
    store.close()
    return len(paths) / (time.perf_counter() - t0), len(paths) / (time.process_time() - c0)


def cpu_split(paths: list[Path], db: Path) -> dict[str, float]:
    """CPU seconds per filing of each stage of the load, as a worker and the parent run them but one
    after the other in this process: per task of ``CHUNK`` files, reading them, parsing, building the
    chunk's Arrow tables (column by column); then appending the chunks in transactions of ``BATCH_SIZE``."""
    from section16.store import open_store
    from section16.store.base import BATCH_SIZE
    from section16.store.columns import filings_chunk
    from section16.store.ingest import CHUNK

    now = datetime.now(UTC)
    out = dict.fromkeys(("read", "parse", "rows", "append"), 0.0)
    chunks = []
    for i in range(0, len(paths), CHUNK):
        c0 = time.process_time()
        datas = [(str(p), p.read_bytes()) for p in paths[i : i + CHUNK]]
        c1 = time.process_time()
        named = [(name, parse_bytes(data, name), None) for name, data in datas]
        c2 = time.process_time()
        chunks.append(filings_chunk(named, now)[0])
        c3 = time.process_time()
        out["read"] += c1 - c0
        out["parse"] += c2 - c1
        out["rows"] += c3 - c2
    store = open_store(db)
    per = BATCH_SIZE // CHUNK + 1
    c0 = time.process_time()
    with store.beside_workers():
        for i in range(0, len(chunks), per):
            store.load_chunks(chunks[i : i + per])
    store.close()
    out["append"] = time.process_time() - c0
    return {k: v / len(paths) for k, v in out.items()}


def best_of(runs: int, measure: Callable[[int], dict[str, float]]) -> dict[str, float]:
    """The least of each figure over ``runs`` runs (``measure(i)``: run i's figures): on a shared
    machine a run is only ever slowed by others, so the least is the closest to the cost itself."""
    best: dict[str, float] = {}
    for i in range(runs):
        for k, v in measure(i).items():
            best[k] = min(best.get(k, v), v)
    return best


def forkserver_cpu() -> float:
    """CPU seconds of the multiprocessing fork server and of the workers it has reaped (the parsing
    pool's processes are its children, not this process's), read from /proc; 0 where there is none."""
    from multiprocessing import forkserver

    pid = getattr(forkserver._forkserver, "_forkserver_pid", None)
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # utime stime cutime cstime


def stop_forkserver() -> None:
    """End the fork server, so that the next load starts its own, as ``section16 load`` does each time."""
    from multiprocessing import forkserver

    stop = getattr(forkserver._forkserver, "_stop", None)
    if stop is not None:
        stop()


def parallel_load(folder: Path, db: Path, workers: int) -> dict[str, float]:
    """``section16 load`` of a folder into a fresh DuckDB file: wall seconds, CPU seconds of this process
    and of the pool (fork server and its workers, start-up included), filings stored, transactions."""
    from section16.store import open_store
    from section16.store.ingest import load_paths

    stop_forkserver()
    store = open_store(db)
    t0, c0, f0 = time.perf_counter(), time.process_time(), forkserver_cpu()
    result = load_paths(store, [folder], workers=workers)
    rows = store.count("nonderiv_transactions") + store.count("deriv_transactions")
    store.close()  # the final checkpoint is part of the load
    secs = time.perf_counter() - t0
    parent_cpu, pool_cpu = time.process_time() - c0, forkserver_cpu() - f0
    if result.failed or result.inserted == 0:
        raise SystemExit(f"the load failed: {result}: {result.failed[:3]}")
    return {"wall": secs, "parent": parent_cpu, "pool": pool_cpu, "stored": result.inserted, "rows": rows}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=12000, help="filings to load (default 12000)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="parsing processes")
    ap.add_argument("--naive", type=int, default=1000, help="filings for the naive baseline (default 1000)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each measure of the load; the best is shown")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="section16-bench-"))
    try:
        files = make_copies(sources(), args.count, tmp / "in")
        print(f"{len(files)} filings ({sum(f.stat().st_size for f in files) / 1e6:.0f} MB) in {tmp / 'in'}")
        p1, p1_cpu = parse_only(files[: min(len(files), 3000)])
        print(f"parse only (1 process):        {p1:9,.0f} filings/s  ({p1_cpu:,.0f} per CPU second)")
        ap_wall, ap_cpu = append_only(files[: min(len(files), 6000)], tmp / "append.duckdb")
        print(f"append only (rows prebuilt):   {ap_wall:9,.0f} filings/s  ({ap_cpu:,.0f} per CPU second)")
        nv = naive(files[: args.naive], tmp / "naive.duckdb")
        print(f"naive row-by-row INSERT:       {nv:9,.0f} filings/s")
        cores = os.cpu_count() or 1
        runs = [parallel_load(tmp / "in", tmp / f"bench{i}.duckdb", args.workers) for i in range(args.runs)]
        fast = min(runs, key=lambda r: r["wall"])
        n = fast["stored"]
        rate = n / fast["wall"]
        each = ", ".join(f"{n / r['wall']:,.0f}" for r in runs)
        print(
            f"section16 load ({args.workers} workers): {rate:9,.0f} filings/s  (best of {args.runs}: {each};"
            f" {n:,.0f} stored, {fast['rows']:,.0f} transactions)"
        )
        print(f"ratio vs naive loader:         {rate / nv:9.1f}x")
        print(f"ratio vs parse only:           {rate / p1:9.2f}x")
        print(f"target 3,000 filings/s:        {'met' if rate >= 3000 else 'NOT met'}")
        if fast["pool"]:
            low = min(runs, key=lambda r: r["parent"] + r["pool"])
            per = (low["parent"] + low["pool"]) / n
            print(
                f"CPU per filing, that load:     {per * 1e6:9,.0f} µs  (least of {args.runs}: parent"
                f" {low['parent'] / n * 1e6:,.0f}, pool {low['pool'] / n * 1e6:,.0f}, pool start-up included;"
                f" so at most {cores / per:,.0f} filings/s on {cores} dedicated cores)"
            )
        part = files[: min(len(files), 3000)]
        cpu = best_of(args.runs, lambda i: {"cpu": cpu_per_filing(part, tmp / f"cpu{i}.duckdb")})["cpu"]
        print(
            f"CPU per filing, whole load:    {cpu * 1e6:9,.0f} µs  (1 process, least of {args.runs}; so at most"
            f" {cores / cpu:,.0f} filings/s on {cores} dedicated cores)"
        )
        split = best_of(args.runs, lambda i: cpu_split(part, tmp / f"split{i}.duckdb"))
        print(
            "CPU per filing, by stage:      "
            + ", ".join(f"{k} {v * 1e6:,.0f} µs" for k, v in split.items())
            + f" (sum {sum(split.values()) * 1e6:,.0f} µs; least of {args.runs} each)"
        )
        print(f"load average now {os.getloadavg()[0]:.1f} on {cores} cores (the machine may be shared)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
