"""What request rate does ``section16 sync`` hold against EDGAR, next to the limit it is given?

Runs real syncs (indexes, submissions, archive, DuckDB) against the fake EDGAR on 127.0.0.1 and measures
at the server: the rate held over the run, and the most requests that arrived in any one second (which
must never pass the limit). The baseline, measured in the same run, is what the server serves to one
plain client with no limiter (so the limit, not the server, is what paces the sync).

    python bench/sync.py                     # tests/fixtures/edgar (43 submissions)
    python bench/sync.py --corpus            # ../shared/corpus/txt (431 submissions), when present
    python bench/sync.py --rates 10 --latency 0.05

Cases: each rate of ``--rates`` with answers as fast as the local server gives them, then each with
``--latency`` seconds added to every answer (the SEC is tens of milliseconds away; the limiter counts a
request until its answer begins, so latency costs a little rate).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.edgar.fake_edgar import FakeEdgar, Fault  # noqa: E402

from section16.edgar.archive import Archive  # noqa: E402
from section16.edgar.client import EdgarClient  # noqa: E402
from section16.edgar.config import load_config  # noqa: E402
from section16.edgar.indexes import forms_wanted, submission_path  # noqa: E402
from section16.edgar.ratelimit import TokenBucket  # noqa: E402
from section16.edgar.sync import SyncOptions, sync  # noqa: E402
from section16.read.submission import read_envelope  # noqa: E402
from section16.store import open_store  # noqa: E402

UA = "section16 bench bench@example.com"


def files(use_corpus: bool) -> list[Path]:
    corpus = (ROOT / ".." / "shared" / "corpus" / "txt").resolve()
    if use_corpus:
        if not corpus.is_dir():
            sys.exit(f"{corpus} is not there")
        # Only what EDGAR would list and section16 reads: the XML era (the three PEM-wrapped pre-2001 files
        # have no ownership XML) with filer blocks in the header (one copy has an indented header).
        keep = []
        for p in sorted(corpus.glob("*.txt")):
            data = p.read_bytes()
            if b"<XML>" in data and read_envelope(data, str(p))[0].filers:
                keep.append(p)
        return keep
    return sorted((ROOT / "tests" / "fixtures" / "edgar" / "submissions").glob("*.txt"))


def baseline(fake: FakeEdgar, n: int = 200) -> float:
    """Requests a second one plain httpx client gets from the server, no limiter."""
    paths = [submission_path(f.filers[0][0], f.accession) for f in fake.filings]
    with httpx.Client(headers={"User-Agent": UA}) as c:
        t = time.perf_counter()
        for i in range(n):
            c.get(f"{fake.url}/{paths[i % len(paths)]}").raise_for_status()
        return n / (time.perf_counter() - t)


def one_sync(paths: list[Path], rate: float, latency: float, workers: int) -> tuple[int, float, int, float]:
    faults = [Fault("slow", times=-1, delay=latency)] if latency > 0 else []
    with FakeEdgar(paths, faults=faults) as fake, tempfile.TemporaryDirectory() as tmp:
        cfg = replace(load_config(user_agent=UA, edgar_url=fake.url, rate=rate, env={}), timeout=30)
        client = EdgarClient(cfg, bucket=TokenBucket(rate))
        since = min(f.filed for f in fake.filings)
        until = max(f.filed for f in fake.filings)
        store = open_store(Path(tmp) / "bench.duckdb")
        try:
            t = time.perf_counter()
            report = sync(
                client,
                store,
                Archive(Path(tmp) / "archive"),
                SyncOptions(forms_wanted(["3", "4", "5"]), since, until, today=date.today(), workers=workers),
            )
            wall = time.perf_counter() - t
        finally:
            store.close()
        n = len(fake.log)
        span = fake.log[-1].t - fake.log[0].t if n > 1 else 0.0
        held = (n - 1) / span if span > 0 else 0.0
        assert report.ok and report.stored == len(fake.filings), report
        return n, held, fake.max_in_window(1.0), wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--corpus", action="store_true", help="serve ../shared/corpus/txt instead of the fixtures")
    ap.add_argument("--rates", default="10,50", help="limits to run at, requests a second (default 10,50)")
    ap.add_argument("--latency", type=float, default=0.05, help="seconds added to each answer in the second pass")
    ap.add_argument("--workers", type=int, default=4)
    args = ap.parse_args()
    paths = files(args.corpus)
    with FakeEdgar(paths) as fake:
        base = baseline(fake)
    print(f"{len(paths)} submissions; baseline: the server answers one plain client at {base:,.0f} req/s")
    print(f"{'limit':>6} {'latency':>8} {'requests':>9} {'held req/s':>11} {'held/limit':>11} {'max in 1 s':>11} "
          f"{'limit/baseline':>15} {'wall s':>7}")  # fmt: skip
    for latency in (0.0, args.latency):
        for rate in (float(r) for r in args.rates.split(",")):
            n, held, peak, wall = one_sync(paths, rate, latency, args.workers)
            flag = "" if peak <= rate else "  OVER THE LIMIT"
            print(
                f"{rate:>6g} {latency * 1000:>6.0f}ms {n:>9} {held:>11.2f} {held / rate:>11.3f} {peak:>11} "
                f"{rate / base:>15.4f} {wall:>7.1f}{flag}"
            )


if __name__ == "__main__":
    main()
