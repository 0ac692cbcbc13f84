"""The signals as written for speed answer what their plain definitions answer: on the real fixture
filings (DuckDB and PostgreSQL) and on a small synthetic store from bench/synth.py (DuckDB), whose
40,000 rows have sales, late filings, joint filings and amendments of every kind."""

from __future__ import annotations

import dataclasses
import importlib.util
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from section16.explore import prepare, signals
from section16.explore.screens import trade_columns
from section16.store import Store, open_store

from .conftest import ABBV_CLUSTER, filings
from .test_prepare import Recorder

ROOT = Path(__file__).resolve().parents[2]

# The plain definitions: one aggregate per issuer (or insider and issuer) over explore_trades.
PLAIN_NPR = """
SELECT issuer_cik, MIN(ticker) AS ticker, MIN(issuer_name) AS company,
       SUM(CASE WHEN code = 'P' THEN CAST(shares AS DOUBLE PRECISION) ELSE 0 END) AS shares_bought,
       SUM(CASE WHEN code = 'S' THEN CAST(shares AS DOUBLE PRECISION) ELSE 0 END) AS shares_sold,
       (SUM(CASE WHEN code = 'P' THEN CAST(shares AS DOUBLE PRECISION) ELSE 0 END)
        - SUM(CASE WHEN code = 'S' THEN CAST(shares AS DOUBLE PRECISION) ELSE 0 END))
       / NULLIF(SUM(CAST(shares AS DOUBLE PRECISION)), 0) AS npr,
       SUM(CASE WHEN code = 'P' THEN 1 ELSE 0 END) AS purchases,
       SUM(CASE WHEN code = 'S' THEN 1 ELSE 0 END) AS sales,
       (SUM(CASE WHEN code = 'P' THEN 1.0 ELSE 0 END) - SUM(CASE WHEN code = 'S' THEN 1.0 ELSE 0 END))
       / COUNT(*) AS npr_trades,
       COUNT(DISTINCT CASE WHEN code = 'P' THEN owner_key END) AS insiders_buying,
       COUNT(DISTINCT CASE WHEN code = 'S' THEN owner_key END) AS insiders_selling,
       CAST(? AS DATE) AS window_start, CAST(? AS DATE) AS window_end
FROM explore_trades
WHERE code IN ('P', 'S') AND trade_date > ? AND trade_date <= ?{who} AND (filed_day > ? OR filed_day IS NULL)
GROUP BY issuer_cik
HAVING COUNT(*) >= ?
ORDER BY npr DESC NULLS LAST, (SUM(CAST(shares AS DOUBLE PRECISION))) DESC, issuer_cik
LIMIT ? OFFSET ?
"""

PLAIN_LATE = """
SELECT owner_cik AS insider_cik, MIN(owner_name) AS insider, issuer_cik, MIN(ticker) AS ticker,
       COUNT(*) AS transactions, SUM(CASE WHEN late THEN 1 ELSE 0 END) AS late,
       SUM(CASE WHEN late THEN 1.0 ELSE 0 END) / COUNT(*) AS late_share,
       AVG(delay_bd) AS mean_delay_bd, MAX(delay_bd) AS max_delay_bd
FROM explore_trades
WHERE form = '4'{who}{dates}
GROUP BY owner_cik, issuer_cik
ORDER BY SUM(CASE WHEN late THEN 1 ELSE 0 END) DESC, MAX(delay_bd) DESC NULLS LAST, owner_cik, issuer_cik
LIMIT ? OFFSET ?
"""

PLAIN_FIRST = """
SELECT {columns}, pp.previous_purchase
FROM explore_trades t
JOIN explore_purchase_prev pp
  ON pp.accession = t.accession AND pp.is_derivative = t.is_derivative AND pp.row_no = t.row_no
WHERE t.code = 'P'{dates}
  AND (pp.previous_purchase IS NULL OR t.trade_date - pp.previous_purchase > ?)
ORDER BY t.accepted_at DESC NULLS LAST, t.accession DESC, t.is_derivative, t.row_no
LIMIT ? OFFSET ?
"""


def plain_first(store: Store, years: int = 2, filed_since: date | None = None, limit: int = 100,
                offset: int = 0) -> list[dict[str, Any]]:  # fmt: skip
    dates = " AND t.filed_day >= ?" if filed_since else ""
    sql = PLAIN_FIRST.format(columns=trade_columns("t"), dates=dates)
    params = [*([filed_since] if filed_since else []), years * 365, limit, offset]
    rows: list[dict[str, Any]] = store.query(sql, params).to_pylist()
    return rows


def plain_npr(store: Store, as_of: date, months: int = 6, issuer: str | None = None, min_trades: int = 1,
              limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:  # fmt: skip
    start = as_of - timedelta(days=round(months * 30.4375))
    who = " AND issuer_cik = ?" if issuer else ""
    params = [start, as_of, start, as_of, *([issuer] if issuer else []), start, min_trades, limit, offset]
    rows: list[dict[str, Any]] = store.query(PLAIN_NPR.format(who=who), params).to_pylist()
    return rows


def plain_late(store: Store, since: date | None = None, until: date | None = None, insider: str | None = None,
               limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:  # fmt: skip
    who = " AND owner_cik = ?" if insider else ""
    dates = (" AND trade_date >= ? AND (filed_day >= ? OR filed_day IS NULL)" if since else "") + (
        " AND trade_date <= ?" if until else ""
    )
    params = [*([insider] if insider else []), *([since, since] if since else []), *([until] if until else []),
              limit, offset]  # fmt: skip
    rows: list[dict[str, Any]] = store.query(PLAIN_LATE.format(who=who, dates=dates), params).to_pylist()
    return rows


def same(got: list[dict[str, Any]], want: list[dict[str, Any]]) -> None:
    """Equal rows; floating-point sums may differ in their last digits (the order of addition)."""
    assert [list(r) for r in got] == [list(r) for r in want]
    for g, w in zip(got, want, strict=True):
        for k, v in w.items():
            if isinstance(v, float):
                assert g[k] == pytest.approx(v, rel=1e-12), k
            else:
                assert g[k] == v and type(g[k]) is type(v), (k, g[k], v)
    assert len(got) == len(want)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    spec = importlib.util.spec_from_file_location("synth", ROOT / "bench" / "synth.py")
    assert spec is not None and spec.loader is not None
    synth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synth)
    path = tmp_path_factory.mktemp("synthetic") / "synthetic.duckdb"
    synth.generate(path, 40_000)
    with open_store(path) as store:
        prepare.ensure(store)
        yield store


def check_all(store: Store, days: list[date]) -> int:
    """Compare every signal written for speed with its plain definition; the rows compared."""
    compared = 0
    for d in days:
        for kw in ({}, {"months": 12}, {"months": 120, "min_trades": 3}, {"months": 120, "limit": 5, "offset": 5}):
            want = plain_npr(store, d, **kw)
            same(signals.net_purchase_ratio(store, as_of=d, **kw).to_pylist(), want)
            compared += len(want)
        since = d - timedelta(days=365 * 5)
        for kw2 in ({}, {"since": since}, {"since": since, "until": d}, {"limit": 7, "offset": 3}):
            want = plain_late(store, **kw2)
            same(signals.late_filings(store, **kw2).to_pylist(), want)
            compared += len(want)
        for kw3 in ({}, {"years": 1, "filed_since": since}, {"years": 5, "limit": 4, "offset": 2}):
            want = plain_first(store, **kw3)
            same(signals.first_purchases(store, **kw3).to_pylist(), want)
            compared += len(want)
    return compared


def test_signals_match_their_plain_definitions_on_real_filings(main_store: Store) -> None:
    prepare.ensure(main_store)
    assert check_all(main_store, [date(2019, 9, 30), date(2020, 12, 31)]) > 0
    issuer = "1551152"
    same(signals.net_purchase_ratio(main_store, as_of=date(2019, 9, 30), issuer=issuer).to_pylist(),
         plain_npr(main_store, date(2019, 9, 30), issuer=issuer))  # fmt: skip
    same(signals.late_filings(main_store, insider="1061632").to_pylist(), plain_late(main_store, insider="1061632"))


def test_signals_match_their_plain_definitions_on_a_synthetic_store(synthetic: Store) -> None:
    late = synthetic.query("SELECT COUNT(*) FROM explore_trades WHERE late AND form = '4'").column(0)[0].as_py()
    nulls = synthetic.query("SELECT COUNT(*) FROM explore_trades WHERE delay_bd IS NULL").column(0)[0].as_py()
    assert late > 100 and nulls >= 0
    assert check_all(synthetic, [date(2010, 6, 30), date(2025, 12, 31)]) > 500
    owner = synthetic.query("SELECT owner_cik FROM explore_trades WHERE late LIMIT 1").column(0)[0].as_py()
    same(signals.late_filings(synthetic, insider=owner).to_pylist(), plain_late(synthetic, insider=owner))


def test_late_filings_ranked_from_the_late_rows_match_the_plain_definition(main_store: Store) -> None:
    """Copies of three real Form 4s accepted 40 days late: their pairs rank first, found from the late
    rows alone, with their rows on time counted too (on both databases)."""
    late = []
    for i, accession in enumerate((ABBV_CLUSTER[0], ABBV_CLUSTER[1], ABBV_CLUSTER[2])):
        f = filings(accession)[0]
        assert f.submission is not None and f.submission.acceptance_datetime is not None
        accepted = f.submission.acceptance_datetime + timedelta(days=40)
        number = f"0009999999-19-00010{i}"
        sub = dataclasses.replace(f.submission, accession_number=number, acceptance_datetime=accepted)
        late.append(dataclasses.replace(f, submission=sub))
    assert not main_store.load(late).failed
    prepare.ensure(main_store)
    for kw in ({"limit": 1}, {"limit": 2}, {"limit": 1, "offset": 1}, {"limit": 3}, {"limit": 5}, {}):
        rec = Recorder(main_store)
        got = signals.late_filings(rec, **kw).to_pylist()
        assert got == plain_late(main_store, **kw), kw
        ranked_from_late_rows = any("HAVING COUNT(*) >= ?" in q for q in rec.sql)
        assert ranked_from_late_rows == (kw.get("limit", 100) + kw.get("offset", 0) <= 2), kw
    top = signals.late_filings(main_store, limit=2).to_pylist()
    # Austin: the late copies of her filings of one row and of two, and the three rows of the originals;
    # Gosebruch: one late row and its original.
    assert [(r["insider_cik"], r["late"], r["transactions"]) for r in top] == [("1061632", 3, 6), ("1659625", 1, 2)]
