"""Screens: questions people ask of insider data, as functions over a store returning Arrow tables.

Each takes the store and a filter model (or the same filters as keyword arguments) and returns a
``pyarrow.Table`` (``.to_pandas()``, ``polars.from_arrow(...)``). Trade rows always carry the same
columns (:data:`TRADE_COLUMNS`): the filing link, acceptance time, trade date, ticker, company, insider,
relationship and title, code, shares, price, value, owned after, change in holdings, and the
data-quality flags. Amended rows replace the originals and a joint filing's row counts once, because the
screens read ``explore_trades`` (see :mod:`.prepare`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

import pyarrow as pa
from pydantic import BaseModel

from . import prepare
from .filters import (
    SORT_COLUMNS,
    ClusterFilters,
    FilingFilters,
    TopFilters,
    TradeFilters,
    filing_where,
    trade_where,
)
from .prepare import QueryRunner
from .roles import OFFICER_ROLES, ROLE_LABELS, role_mask

F = TypeVar("F", bound=BaseModel)

EDGAR_ARCHIVES = "https://www.sec.gov/Archives/edgar/data/"

ROLES_SQL = (
    "concat_ws(', ', "
    + ", ".join(f"CASE WHEN (roles & {int(role)}) <> 0 THEN '{label}' END" for role, label in ROLE_LABELS.items())
    + ")"
)


def filing_url_sql(alias: str = "") -> str:
    """SQL for the filing's index page on EDGAR (the folder is named by the issuer's CIK)."""
    a = f"{alias}." if alias else ""
    return (
        f"'{EDGAR_ARCHIVES}' || {a}issuer_cik || '/' || replace({a}accession, '-', '') || '/' || {a}accession"
        " || '-index.htm'"
    )


def trade_columns(alias: str = "") -> str:
    """The columns of every trade screen, in order, read from ``explore_trades`` (as ``alias``)."""
    a = f"{alias}." if alias else ""
    names = (
        "accession, accepted_at, filed_day, trade_date, ticker, issuer_cik, issuer_name AS company,"
        " owner_names AS insider, owner_cik AS insider_cik, owner_count, relationship, title, {roles} AS roles,"
        " code, acquired_disposed, security_title, shares, price, value, owned_after, change_pct, delay_bd,"
        " amended, derivative, weighted_avg, late, plan, is_derivative, row_no"
    )
    cols = []
    for part in names.split(","):
        part = part.strip()
        cols.append(part.replace("{roles}", ROLES_SQL.replace("roles &", f"{a}roles &")) if "{roles}" in part
                    else a + part)  # fmt: skip
    return f"{filing_url_sql(alias)} AS filing_url, " + ", ".join(cols)


TRADE_COLUMNS = trade_columns()

FILING_COLUMNS = f"""
    {filing_url_sql()} AS filing_url, accession, document_type, accepted_at, filed_day, period_of_report,
    ticker, issuer_cik, issuer_name AS company, owner_names AS insider, owner_cik AS insider_cik, owner_count,
    relationship, title, {ROLES_SQL} AS roles, n_trades, codes, buy_value, sell_value, amends,
    is_amendment AS amended, derivative, weighted_avg, late, plan
"""


def _filters(cls: type[F], filters: F | None, kw: dict[str, Any]) -> F:
    if filters is None:
        return cls.model_validate(kw)
    if kw:
        return cls.model_validate({**filters.model_dump(), **kw})
    return filters


def _order(f: TradeFilters) -> str:
    col = SORT_COLUMNS[f.sort]
    direction = "DESC" if f.order == "desc" else "ASC"
    # Ties broken by a unique key so pages never overlap or skip rows.
    return f"{col} {direction} NULLS LAST, accepted_at DESC NULLS LAST, accession DESC, is_derivative, row_no"


#: Filters a page of the largest trades by value can carry and still be read from explore_top_values.
_TOP_VALUE_FILTERS = {"code", "min_value", "sort", "order", "limit", "offset"}


def _top_value_page(store: QueryRunner, f: TradeFilters, codes: tuple[str, ...] | None) -> pa.Table | None:
    """A page sorted by value, largest first, from the largest trades of each code (explore_top_values),
    or None when that table cannot tell the exact answer.

    The table holds, per code, every trade ranked within the first ``TOP_VALUES`` by value. A page
    ending within that rank holds only such trades, provided the answer has that many valued rows: so
    the page is exact when it comes back full, or when ``min_value`` keeps out the unvalued rows (then
    every code's rows above the minimum are all in the table, or the page would have come back full).
    """
    if f.sort != "value" or f.order != "desc" or f.offset + f.limit > prepare.TOP_VALUES:
        return None
    if set(f.model_dump(exclude_defaults=True)) - _TOP_VALUE_FILTERS:
        return None
    wanted = set(codes) if codes is not None else None
    if f.code:
        wanted = set(f.code) if wanted is None else wanted & set(f.code)
    where: list[str] = []
    params: list[Any] = []
    if wanted is not None:
        if not wanted:
            return None
        where.append(f"t.code IN ({', '.join('?' for _ in wanted)})")
        params.extend(sorted(wanted))
    if f.min_value is not None:
        where.append("t.value >= ?")
        params.append(f.min_value)
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    sql = f"SELECT {TRADE_COLUMNS} FROM explore_top_values t{cond} ORDER BY {_order(f)} LIMIT ? OFFSET ?"
    page: pa.Table = store.query(sql, [*params, f.limit, f.offset])
    return page if page.num_rows == f.limit or f.min_value is not None else None


def _select_trades(
    store: QueryRunner, f: TradeFilters, extra: list[str], params: list[Any], codes: tuple[str, ...] | None = None
) -> pa.Table:
    """A page of trades. ``extra`` conditions (with ``params``) come from the screen; ``codes`` says
    when they only restrict the transaction code (to these)."""
    prepare.ensure(store)
    if not f.insider and (codes is not None or not extra):
        top = _top_value_page(store, f, codes)
        if top is not None:
            return top
    table = "explore_trades"
    if f.insider:
        # One insider's trades: from the owner-ordered copy, where they sit together (see prepare).
        table = "explore_owner_trades"
        extra, params = [*extra, "t.member_cik = ?"], [*params, f.insider]
        f = f.with_(insider=None)
    where, p = trade_where(f)
    where = [*extra, *where]
    return _trade_page(store, f, table, where, [*params, *p])


def _trade_page(store: QueryRunner, f: TradeFilters, table: str, where: list[str], p: list[Any]) -> pa.Table:
    """One page of trades from ``table`` (as ``t``) under the ``where`` conditions (``p`` their values)."""
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    if store.dialect == "duckdb":
        # Two steps: find the page's row ids by the sort key alone, then fetch and dress only those rows.
        # Sorting millions of wide rows (or computing the display columns for all of them) is what made
        # a "sales by value" screen take seconds.
        # Within a filing, rowid is table order (the table is stored in filing order).
        col = SORT_COLUMNS[f.sort]
        direction = "DESC" if f.order == "desc" else "ASC"
        keys = f"{col} {direction} NULLS LAST" + ("" if f.sort == "filed" else ", accepted_at DESC NULLS LAST")
        if f.sort in ("value", "shares", "price", "change", "delay"):
            # Sorting millions of rows by a number: first find the key of the last row of the page (a
            # top-N over one column), then keep only rows at or beyond it, which leaves about a page.
            bound_sql = (
                f"SELECT {col} AS k FROM {table} t{cond}{' AND' if cond else ' WHERE'} {col} IS NOT NULL"
                f" ORDER BY {col} {direction} LIMIT 1 OFFSET ?"
            )
            got = store.query(bound_sql, [*p, f.limit + f.offset - 1]).column(0).to_pylist()
            # Rows without the key sort last: a page that holds only keyed rows never reaches them.
            if got:
                cmp = ">=" if direction == "DESC" else "<="
                cond = f"{cond}{' AND' if cond else ' WHERE'} {col} {cmp} ?"
                p = [*p, got[0]]
        sql = (
            f"WITH page AS (SELECT t.rowid AS rid FROM {table} t{cond}"
            f" ORDER BY {keys}, t.accession DESC, t.rowid LIMIT ? OFFSET ?)"
            f" SELECT {TRADE_COLUMNS} FROM {table} WHERE rowid IN (SELECT rid FROM page)"
            f" ORDER BY {keys}, accession DESC, rowid"
        )
    else:
        sql = f"SELECT {TRADE_COLUMNS} FROM {table} t{cond} ORDER BY {_order(f)} LIMIT ? OFFSET ?"
    result: pa.Table = store.query(sql, [*p, f.limit, f.offset])
    return result


def trades(store: QueryRunner, filters: TradeFilters | None = None, **kw: Any) -> pa.Table:
    """Every effective transaction (any code, both tables) matching the filters."""
    return _select_trades(store, _filters(TradeFilters, filters, kw), [], [])


def purchases(store: QueryRunner, filters: TradeFilters | None = None, **kw: Any) -> pa.Table:
    """Open-market or private purchases (code P)."""
    return _select_trades(store, _filters(TradeFilters, filters, kw), ["t.code = 'P'"], [], ("P",))


def sales(store: QueryRunner, filters: TradeFilters | None = None, **kw: Any) -> pa.Table:
    """Open-market or private sales (code S)."""
    return _select_trades(store, _filters(TradeFilters, filters, kw), ["t.code = 'S'"], [], ("S",))


def officer_purchases(store: QueryRunner, filters: TradeFilters | None = None, **kw: Any) -> pa.Table:
    """Purchases by officers (CEO, CFO, chairman, president, COO, general counsel, VP)."""
    return _select_trades(
        store, _filters(TradeFilters, filters, kw), ["t.code = 'P'", "(t.roles & ?) <> 0"], [int(OFFICER_ROLES)]
    )


PERIOD_DAYS = {"day": 1, "week": 7, "month": 30}
#: Cluster buys without a date filter look this far back from the latest filing day.
CLUSTER_LOOKBACK_DAYS = 365


def latest_day(store: QueryRunner) -> date | None:
    """The latest filing day in the store: the anchor of "today", "this week" and "this month"."""

    def compute() -> date | None:
        t: pa.Table = store.query("SELECT MAX(filed_day) AS d FROM explore_trades")
        d = t.column("d")[0].as_py()
        return d if isinstance(d, date) else None

    return prepare.derived(store, "latest_day", compute)


def _top(store: QueryRunner, code: str, f: TopFilters) -> pa.Table:
    anchor = f.as_of or latest_day(store)
    if anchor is None:
        return _select_trades(store, f, [f"t.code = '{code}'"], [])
    start = anchor - timedelta(days=PERIOD_DAYS[f.period] - 1)
    return _select_trades(store, f, [f"t.code = '{code}'", "t.filed_day BETWEEN ? AND ?"], [start, anchor])


def top_purchases(store: QueryRunner, filters: TopFilters | None = None, **kw: Any) -> pa.Table:
    """The largest purchases filed in the day, week (7 days) or month (30 days) up to ``as_of``."""
    return _top(store, "P", _filters(TopFilters, filters, kw))


def top_sales(store: QueryRunner, filters: TopFilters | None = None, **kw: Any) -> pa.Table:
    """The largest sales filed in the day, week or month up to ``as_of``."""
    return _top(store, "S", _filters(TopFilters, filters, kw))


def latest_filings(store: QueryRunner, filters: FilingFilters | None = None, **kw: Any) -> pa.Table:
    """Filings, newest first (by EDGAR acceptance time), one row per filing."""
    f = _filters(FilingFilters, filters, kw)
    prepare.ensure(store)
    where, params = filing_where(f)
    order = "accepted_at DESC NULLS LAST, filed_day DESC NULLS LAST, accession DESC"

    cond = (" WHERE " + " AND ".join(where)) if where else ""
    if store.dialect == "duckdb":
        # As for trades: find the page's rows by the sort key alone, then fetch only those.
        sql = (
            f"WITH page AS (SELECT x.rowid AS rid FROM explore_filings x{cond} ORDER BY {order} LIMIT ? OFFSET ?)"
            f" SELECT {FILING_COLUMNS} FROM explore_filings WHERE rowid IN (SELECT rid FROM page) ORDER BY {order}"
        )
    else:
        sql = f"SELECT {FILING_COLUMNS} FROM explore_filings x{cond} ORDER BY {order} LIMIT ? OFFSET ?"
    result: pa.Table = store.query(sql, [*params, f.limit, f.offset])
    return result


_CLUSTER_ORDER = {
    "value": "total_value",
    "ticker": "ticker",
    "trade_date": "last_trade",
    "filed": "last_filed",
}


def cluster_buys(store: QueryRunner, filters: ClusterFilters | None = None, **kw: Any) -> pa.Table:
    """Clusters: at least ``min_insiders`` distinct insiders of one issuer buying (code P) with trade
    dates at most ``window_days`` apart, each insider's purchases of a day worth at least ``min_value``.

    Overlapping qualifying windows merge into one cluster. A joint filing's owners count as one insider
    (its owner key), so a fund and its general partner filing together are not a cluster of two.
    """
    f = _filters(ClusterFilters, filters, kw)
    prepare.ensure(store)
    if f.since is None and f.until is None and f.filed_since is None and f.filed_until is None:
        # Without dates, the last year up to the latest filing day: clusters are news, and a year of
        # purchases answers in milliseconds where all history would take seconds.
        latest = latest_day(store)
        if latest is not None:
            f = f.with_(since=latest - timedelta(days=CLUSTER_LOOKBACK_DAYS))
    value_filter = f.min_value
    w = f.window_days
    simple = {"ticker", "issuer", "insider", "role", "since", "until", "min_value", "code"}
    set_filters = {k for k, v in f.model_dump(exclude_defaults=True).items() if v not in (None, [])}
    set_filters -= {"limit", "offset", "sort", "order", "min_insiders", "window_days"}
    if set_filters <= simple and set(f.code) <= {"P"}:
        # The purchase days are precomputed (explore_purchase_days): filter them directly.
        where: list[str] = []
        params: list[Any] = []
        for cond, value in (("ticker = ?", f.ticker), ("issuer_cik = ?", f.issuer), ("trade_date >= ?", f.since),
                            ("trade_date <= ?", f.until)):  # fmt: skip
            if value is not None:
                where.append(cond)
                params.append(value)
        if f.insider:
            where.append("strpos(',' || owner_key || ',', ',' || CAST(? AS TEXT) || ',') > 0")
            params.append(f.insider)
        if f.role:
            where.append("(roles & ?) <> 0")
            params.append(role_mask(f.role))
        p_sql = f"""
        SELECT issuer_cik, owner_key, trade_date, ticker, company, insider, roles, value, shares, accepted_at,
               CAST(FLOOR((trade_date - DATE '1970-01-01') / CAST(? AS DOUBLE PRECISION)) AS INTEGER) AS bucket
        FROM explore_purchase_days
        WHERE COALESCE(value, 0) >= ?{"".join(" AND " + c for c in where)}
        """
        p_params = [w, value_filter or 0, *params]
    else:
        where, params = trade_where(f.with_(min_value=None, max_value=None))
        where = ["t.code = 'P'", *where]
        p_sql = f"""
        SELECT issuer_cik, owner_key, trade_date, MIN(ticker) AS ticker, MIN(issuer_name) AS company,
               MIN(owner_names) AS insider, bit_or(roles) AS roles, SUM(value) AS value,
               SUM(CAST(shares AS DOUBLE PRECISION)) AS shares, MAX(accepted_at) AS accepted_at,
               CAST(FLOOR((trade_date - DATE '1970-01-01') / CAST(? AS DOUBLE PRECISION)) AS INTEGER) AS bucket
        FROM explore_trades t
        WHERE {" AND ".join(where)} AND trade_date IS NOT NULL
        GROUP BY issuer_cik, owner_key, trade_date
        HAVING COALESCE(SUM(value), 0) >= ?
        """
        p_params = [w, *params, value_filter or 0]
    sql = f"""
    WITH p AS ({p_sql}),
    anchors AS (
        SELECT a.issuer_cik, a.trade_date AS start_day
        FROM p a
        CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1) k
        JOIN p b ON b.issuer_cik = a.issuer_cik AND b.bucket = a.bucket + k.k
        WHERE b.trade_date >= a.trade_date AND b.trade_date - a.trade_date <= ?
        GROUP BY a.issuer_cik, a.trade_date
        HAVING COUNT(DISTINCT b.owner_key) >= ?
    ),
    marked AS (
        SELECT issuer_cik, start_day, start_day + ? AS end_day,
               MAX(start_day + ?) OVER (PARTITION BY issuer_cik ORDER BY start_day
                                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
        FROM anchors
    ),
    islands AS (
        SELECT issuer_cik, start_day, end_day,
               SUM(CASE WHEN prev_end IS NOT NULL AND start_day <= prev_end THEN 0 ELSE 1 END)
                   OVER (PARTITION BY issuer_cik ORDER BY start_day) AS cluster_no
        FROM marked
    ),
    clusters AS (
        SELECT issuer_cik, cluster_no, MIN(start_day) AS first_day, MAX(end_day) AS last_day
        FROM islands GROUP BY issuer_cik, cluster_no
    )
    SELECT c.issuer_cik, MIN(p.ticker) AS ticker, MIN(p.company) AS company,
           MIN(p.trade_date) AS first_trade, MAX(p.trade_date) AS last_trade,
           COUNT(DISTINCT p.owner_key) AS insiders, COUNT(*) AS insider_days,
           SUM(p.value) AS total_value, SUM(p.shares) AS total_shares, MAX(p.accepted_at) AS last_filed,
           string_agg(DISTINCT p.insider, '; ') AS names, bit_or(p.roles) AS role_mask
    FROM clusters c
    JOIN p ON p.issuer_cik = c.issuer_cik AND p.trade_date BETWEEN c.first_day AND c.last_day
    GROUP BY c.issuer_cik, c.cluster_no
    """
    direction = "ASC" if f.order == "asc" else "DESC"
    order = _CLUSTER_ORDER.get(f.sort, "last_filed")
    outer = (
        f"SELECT issuer_cik, ticker, company, first_trade, last_trade, insiders, insider_days, total_value,"
        f" total_shares, last_filed, names, {ROLES_SQL.replace('roles &', 'role_mask &')} AS roles"
        f" FROM ({sql}) q ORDER BY {order} {direction} NULLS LAST, issuer_cik, first_trade LIMIT ? OFFSET ?"
    )
    all_params = [*p_params, w, f.min_insiders, w, w, f.limit, f.offset]
    result: pa.Table = store.query(outer, all_params)
    return result


def issuer_history(store: QueryRunner, issuer: str, filters: TradeFilters | None = None, **kw: Any) -> pa.Table:
    """Every trade reported for one issuer (by CIK)."""
    f = _filters(TradeFilters, filters, {**kw, "issuer": issuer})
    return _select_trades(store, f, [], [])


def insider_history(store: QueryRunner, insider: str, filters: TradeFilters | None = None, **kw: Any) -> pa.Table:
    """Every trade reported by one insider (by CIK), in every issuer, including joint filings."""
    f = _filters(TradeFilters, filters, {**kw, "insider": insider})
    return _select_trades(store, f, [], [])


def filing_trades(store: QueryRunner, accession: str) -> pa.Table:
    """The effective transactions of one filing, in table order (empty when an amendment replaced them)."""
    prepare.ensure(store)
    sql = f"SELECT {TRADE_COLUMNS} FROM explore_trades WHERE accession = ? ORDER BY is_derivative, row_no"
    result: pa.Table = store.query(sql, [accession])
    return result


def holdings_over_time(store: QueryRunner, insider: str, issuer: str) -> pa.Table:
    """Shares owned after each reported non-derivative row of one insider in one issuer, oldest first:
    transactions (``owned_after``) and holdings lines, per security, direct or indirect."""
    prepare.ensure(store)
    ids = TradeFilters.model_validate({"insider": insider, "issuer": issuer})
    sql = """
    SELECT * FROM (
        SELECT t.trade_date AS as_of, t.accepted_at, t.accession, t.security_title, t.direct_indirect,
               t.nature_of_ownership, t.owned_after AS shares_owned, t.code, 'transaction' AS source, t.row_no
        FROM explore_member_balances t
        WHERE t.issuer_cik = ? AND t.member_cik = ?
        UNION ALL
        SELECT COALESCE(x.period_of_report, x.filed_day) AS as_of, x.accepted_at, h.accession, h.security_title,
               h.direct_indirect, h.nature_of_ownership, h.shares_owned_after AS shares_owned, NULL AS code,
               'holding' AS source, h.row_no
        FROM nonderiv_holdings h JOIN explore_filings x ON x.accession = h.accession
        WHERE h.accession IN (SELECT o.accession FROM explore_owners o WHERE o.owner_cik = ? AND o.issuer_cik = ?)
    ) u
    ORDER BY as_of NULLS LAST, accepted_at NULLS LAST, accession, source DESC, row_no
    """
    result: pa.Table = store.query(sql, [ids.issuer, ids.insider, ids.insider, ids.issuer])
    return result


@dataclass(frozen=True, slots=True)
class Screen:
    """A named screen: what the CLI's ``section16 screen NAME``, the API and the web pages list."""

    name: str
    title: str
    description: str
    filters: type[BaseModel]
    run: Callable[..., pa.Table]
    #: ``trades``, ``filings`` or ``clusters``: which columns the rows have.
    kind: str


SCREENS: dict[str, Screen] = {
    s.name: s
    for s in (
        Screen("latest-filings", "Latest filings", "Every filing, newest first.", FilingFilters,
               latest_filings, "filings"),
        Screen("purchases", "Open-market purchases", "Purchases (code P) with value, price, role and other"
               " filters.", TradeFilters, purchases, "trades"),
        Screen("sales", "Open-market sales", "Sales (code S) with the same filters.", TradeFilters, sales, "trades"),
        Screen("top-purchases", "Top purchases", "The largest purchases filed in the latest day, week or month.",
               TopFilters, top_purchases, "trades"),
        Screen("top-sales", "Top sales", "The largest sales filed in the latest day, week or month.", TopFilters,
               top_sales, "trades"),
        Screen("officer-purchases", "Officer purchases", "Purchases by a CEO, CFO, chairman, president, COO,"
               " general counsel or VP.", TradeFilters, officer_purchases, "trades"),
        Screen("cluster-buys", "Cluster buys", "Several insiders of one company buying within a few days.",
               ClusterFilters, cluster_buys, "clusters"),
        Screen("trades", "All transactions", "Every transaction, any code, with every filter.", TradeFilters,
               trades, "trades"),
    )
}  # fmt: skip


def run_screen(store: QueryRunner, name: str, params: dict[str, Any] | BaseModel | None = None) -> pa.Table:
    """Run a screen by name with filters given as a dict (validated) or a filter model."""
    screen = SCREENS.get(name)
    if screen is None:
        raise KeyError(f"no screen named {name!r}; screens: {', '.join(SCREENS)}")
    f = params if isinstance(params, BaseModel) else screen.filters.model_validate(params or {})
    return screen.run(store, f)
