"""Research signals from the literature, over the store. Definitions and sources: docs/signals.md.

Every signal reads open-market trades (codes P and S) from ``explore_trades``, where amended rows have
replaced the originals and a joint filing's row counts once. Where a signal has an event, its time is
``accepted_at``, EDGAR's acceptance time: the moment the market could know, never the trade or
signature date.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pyarrow as pa

from . import prepare
from .filters import TradeFilters
from .prepare import QueryRunner
from .screens import latest_day, trade_columns


def _ids(issuer: str | None, insider: str | None) -> TradeFilters:
    return TradeFilters.model_validate({"issuer": issuer, "insider": insider})


def _run(store: QueryRunner, sql: str, params: list[Any]) -> pa.Table:
    prepare.ensure(store)
    result: pa.Table = store.query(sql, params)
    return result


def _who(ids: TradeFilters, alias: str = "") -> tuple[str, list[Any]]:
    a = f"{alias}." if alias else ""
    conds, params = [], []
    if ids.issuer:
        conds.append(f"{a}issuer_cik = ?")
        params.append(ids.issuer)
    if ids.insider:
        conds.append(f"{a}owner_cik = ?")
        params.append(ids.insider)
    return "".join(f" AND {c}" for c in conds), params


def routine_opportunistic(
    store: QueryRunner,
    *,
    issuer: str | None = None,
    insider: str | None = None,
    year: int | None = None,
    limit: int = 1000,
    offset: int = 0,
) -> pa.Table:
    """Cohen, Malloy and Pomorski (2012): each insider-issuer-year with open-market trades is
    ``routine`` when the insider traded in the same calendar month in each of the three prior years,
    ``opportunistic`` when they traded in each of the three prior years but not so, and
    ``unclassified`` without three prior years of trades. ``routine_month`` names the month."""
    ids = _ids(issuer, insider)
    who, params = _who(ids)
    who = who.replace("owner_cik", "insider_cik")
    year_cond = " AND year = ?" if year is not None else ""
    sql = f"""
    SELECT insider_cik, insider, issuer_cik, ticker, year, classification, routine_month, trades, purchases,
           sales, value
    FROM explore_routine
    WHERE TRUE{who}{year_cond}
    ORDER BY year DESC, value DESC NULLS LAST, insider_cik, issuer_cik
    LIMIT ? OFFSET ?
    """
    return _run(store, sql, [*params, *([year] if year is not None else []), limit, offset])


def net_purchase_ratio(
    store: QueryRunner,
    *,
    as_of: date | None = None,
    months: int = 6,
    issuer: str | None = None,
    min_trades: int = 1,
    limit: int = 100,
    offset: int = 0,
) -> pa.Table:
    """Lakonishok and Lee (2001): per issuer over the ``months`` months (default six) of trade dates
    up to ``as_of``, NPR = (shares bought - shares sold) / (shares bought + shares sold) in open-market
    trades; ``npr_trades`` is the same ratio over the number of trades. From -1 (only sales) to +1."""
    if not 1 <= months <= 120:
        raise ValueError(f"months must be from 1 to 120, got {months}")
    anchor = as_of or latest_day(store) or date.today()
    start = anchor - timedelta(days=round(months * 30.4375))
    who, params = _who(_ids(issuer, None))
    # Two steps: per issuer, owner key and code first (which counts each insider once without a
    # COUNT(DISTINCT ...), the slow part at millions of rows), then per issuer. Shares are summed as
    # exact decimals and made floating-point at the end.
    sql = f"""
    WITH k AS (
        SELECT issuer_cik, owner_key, code, MIN(ticker) AS ticker, MIN(issuer_name) AS company,
               SUM(shares) AS shares, CAST(COUNT(*) AS INTEGER) AS n
        FROM explore_trades
        WHERE code IN ('P', 'S') AND trade_date > ? AND trade_date <= ?{who}
          -- A trade is filed on or after its trade date: this lets the scan skip older parts of the table.
          AND (filed_day > ? OR filed_day IS NULL)
        GROUP BY issuer_cik, owner_key, code
    ),
    i AS (
        SELECT issuer_cik, MIN(ticker) AS ticker, MIN(company) AS company,
               SUM(CASE WHEN code = 'P' THEN shares ELSE 0 END) AS bought,
               SUM(CASE WHEN code = 'S' THEN shares ELSE 0 END) AS sold,
               SUM(shares) AS total,
               SUM(CASE WHEN code = 'P' THEN n ELSE 0 END) AS purchases,
               SUM(CASE WHEN code = 'S' THEN n ELSE 0 END) AS sales,
               SUM(n) AS trades,
               COUNT(CASE WHEN code = 'P' THEN owner_key END) AS insiders_buying,
               COUNT(CASE WHEN code = 'S' THEN owner_key END) AS insiders_selling
        FROM k GROUP BY issuer_cik
    )
    SELECT issuer_cik, ticker, company,
           CAST(bought AS DOUBLE PRECISION) AS shares_bought, CAST(sold AS DOUBLE PRECISION) AS shares_sold,
           CAST(bought - sold AS DOUBLE PRECISION) / NULLIF(CAST(total AS DOUBLE PRECISION), 0) AS npr,
           purchases, sales, (purchases - sales) * 1.0 / trades AS npr_trades,
           insiders_buying, insiders_selling, CAST(? AS DATE) AS window_start, CAST(? AS DATE) AS window_end
    FROM i
    WHERE trades >= ?
    ORDER BY npr DESC NULLS LAST, total DESC, issuer_cik
    LIMIT ? OFFSET ?
    """
    return _run(store, sql, [start, anchor, *params, start, start, anchor, min_trades, limit, offset])


def plan_share(
    store: QueryRunner,
    *,
    issuer: str | None = None,
    insider: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 100,
    offset: int = 0,
) -> pa.Table:
    """The share of open-market sales made under Rule 10b5-1 plans, per issuer: by count and by value.
    A sale counts as a plan sale when a footnote on its row names Rule 10b5-1, or when the filing's
    10b5-1 box is ticked and no row footnote names a plan (see the ``plan`` flag in docs/explore.md)."""
    ids = _ids(issuer, insider)
    who, params = _who(ids)
    dates, dparams = "", []
    if since:
        dates += " AND trade_date >= ? AND (filed_day >= ? OR filed_day IS NULL)"
        dparams.extend([since, since])
    if until:
        dates += " AND trade_date <= ?"
        dparams.append(until)
    sql = f"""
    SELECT issuer_cik, MIN(ticker) AS ticker, MIN(issuer_name) AS company, COUNT(*) AS sales,
           SUM(CASE WHEN plan THEN 1 ELSE 0 END) AS plan_sales,
           SUM(CASE WHEN plan THEN 1.0 ELSE 0 END) / COUNT(*) AS plan_share,
           SUM(value) AS sales_value, SUM(CASE WHEN plan THEN value ELSE 0 END) AS plan_value,
           SUM(CASE WHEN plan THEN value ELSE 0 END) / NULLIF(SUM(value), 0) AS plan_value_share
    FROM explore_trades
    WHERE code = 'S'{who}{dates}
    GROUP BY issuer_cik
    ORDER BY COUNT(*) DESC, issuer_cik
    LIMIT ? OFFSET ?
    """
    return _run(store, sql, [*params, *dparams, limit, offset])


def late_filings(
    store: QueryRunner,
    *,
    issuer: str | None = None,
    insider: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 100,
    offset: int = 0,
) -> pa.Table:
    """Per insider and issuer: Form 4 transactions, how many were filed late (more than two business
    days from execution to EDGAR acceptance, or marked late by the filer), and the delays."""
    ids = _ids(issuer, insider)
    who, params = _who(ids)
    dates, dparams = "", []
    if since:
        dates += " AND trade_date >= ? AND (filed_day >= ? OR filed_day IS NULL)"
        dparams.extend([since, since])
    if until:
        dates += " AND trade_date <= ?"
        dparams.append(until)
    rows, rparams = f"FROM explore_trades WHERE form = '4'{who}{dates}", [*params, *dparams]
    # The page ranks pairs by their late rows first. When at least offset + limit pairs have late rows,
    # the page holds only pairs with at least as many late rows as the last of those: found from the
    # late rows alone (a few percent), so only those pairs' rows are aggregated, not every pair's.
    # CIKs are digits, so an empty text stands in for a missing one and a pair matches itself.
    least = store.query(
        f"SELECT COUNT(*) AS n {rows} AND late GROUP BY owner_cik, issuer_cik ORDER BY n DESC LIMIT 1 OFFSET ?",
        [*rparams, offset + limit - 1],
    ).column(0).to_pylist()  # fmt: skip
    pairs = ""
    if least:
        pairs = f"""
        AND (COALESCE(owner_cik, ''), COALESCE(issuer_cik, '')) IN (
            SELECT COALESCE(owner_cik, ''), COALESCE(issuer_cik, '') {rows} AND late
            GROUP BY owner_cik, issuer_cik HAVING COUNT(*) >= ?
        )"""
        rparams = [*rparams, *rparams, least[0]]
    sql = f"""
    SELECT owner_cik AS insider_cik, MIN(owner_name) AS insider, issuer_cik, MIN(ticker) AS ticker,
           COUNT(*) AS transactions, SUM(CASE WHEN late THEN 1 ELSE 0 END) AS late,
           SUM(CASE WHEN late THEN 1.0 ELSE 0 END) / COUNT(*) AS late_share,
           AVG(delay_bd) AS mean_delay_bd, MAX(delay_bd) AS max_delay_bd
    {rows}{pairs}
    GROUP BY owner_cik, issuer_cik
    ORDER BY SUM(CASE WHEN late THEN 1 ELSE 0 END) DESC, MAX(delay_bd) DESC NULLS LAST, owner_cik, issuer_cik
    LIMIT ? OFFSET ?
    """
    return _run(store, sql, [*rparams, limit, offset])


def first_purchases(
    store: QueryRunner,
    *,
    years: int = 2,
    issuer: str | None = None,
    insider: str | None = None,
    filed_since: date | None = None,
    filed_until: date | None = None,
    limit: int = 100,
    offset: int = 0,
) -> pa.Table:
    """Purchases that are an insider's first in the issuer for at least ``years`` years: no earlier
    purchase by the same owner key within ``years`` x 365 days before the trade date (``previous_purchase``
    is NULL when the store holds none at all, which may only mean the store starts later)."""
    if not 1 <= years <= 50:
        raise ValueError(f"years must be from 1 to 50, got {years}")
    ids = _ids(issuer, insider)
    who, params = _who(ids, "t")
    dates, dparams = "", []
    if filed_since:
        dates += " AND t.filed_day >= ?"
        dparams.append(filed_since)
    if filed_until:
        dates += " AND t.filed_day <= ?"
        dparams.append(filed_until)
    sql = f"""
    SELECT {trade_columns("t")}, t.previous_purchase
    FROM explore_purchases t
    WHERE TRUE{who}{dates}
      AND (t.previous_purchase IS NULL OR t.trade_date - t.previous_purchase > ?)
    ORDER BY t.accepted_at DESC NULLS LAST, t.accession DESC, t.is_derivative, t.row_no
    LIMIT ? OFFSET ?
    """
    return _run(store, sql, [*params, *dparams, years * 365, limit, offset])


#: The signals by name, for the CLI, the API and the web page.
SIGNALS = {
    "routine": routine_opportunistic,
    "net-purchase-ratio": net_purchase_ratio,
    "plan-share": plan_share,
    "late-filings": late_filings,
    "first-purchases": first_purchases,
}
