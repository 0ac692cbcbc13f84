"""Issuers and insiders: who they are, who trades, and the activity chart's numbers."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from . import prepare
from .filters import TradeFilters
from .prepare import QueryRunner
from .screens import ROLES_SQL


def _cik(value: str, field: str) -> str:
    """A CIK as stored (digits, no leading zeros); ValueError naming the field otherwise."""
    f = TradeFilters.model_validate({field: value})
    got = getattr(f, field)
    assert isinstance(got, str)
    return got


def _query(store: QueryRunner, sql: str, params: list[Any]) -> pa.Table:
    prepare.ensure(store)
    result: pa.Table = store.query(sql, params)
    return result


def issuer_summary(store: QueryRunner, issuer: str) -> pa.Table:
    """One row: the issuer's latest name and ticker, filings, insiders, first and last filing day,
    and open-market totals. Empty when the store has no filing of this issuer."""
    cik = _cik(issuer, "issuer")
    return _query(
        store,
        """
        WITH x AS (SELECT accession, issuer_name, ticker, filed_day, buy_value, sell_value
                   FROM explore_filings WHERE issuer_cik = ?),
        latest AS (SELECT issuer_name, ticker FROM x ORDER BY filed_day DESC NULLS LAST, accession DESC LIMIT 1)
        SELECT CAST(? AS TEXT) AS issuer_cik, (SELECT issuer_name FROM latest) AS company,
               (SELECT ticker FROM latest) AS ticker, COUNT(*) AS filings, MIN(filed_day) AS first_filed,
               MAX(filed_day) AS last_filed,
               (SELECT COUNT(DISTINCT owner_cik) FROM explore_owners o WHERE o.issuer_cik = ?) AS insiders,
               SUM(buy_value) AS bought_value, SUM(sell_value) AS sold_value
        FROM x
        HAVING COUNT(*) > 0
        """,
        [cik, cik, cik],
    )


def issuer_insiders(store: QueryRunner, issuer: str) -> pa.Table:
    """The issuer's insiders: roles and title from their latest filing, open-market shares bought and
    sold, and the shares owned after their latest reported non-derivative direct row. Trades of a joint
    filing count for its first owner here (as on EDGAR's own pages, which show the first owner)."""
    cik = _cik(issuer, "issuer")
    return _query(
        store,
        f"""
        WITH latest AS (
            SELECT o.owner_cik, o.owner_name, o.roles, o.relationship,
                   COALESCE(o.officer_title, o.other_text) AS title,
                   ROW_NUMBER() OVER (PARTITION BY o.owner_cik ORDER BY x.filed_day DESC NULLS LAST,
                                      x.accepted_at DESC NULLS LAST, o.accession DESC) AS rn,
                   COUNT(*) OVER (PARTITION BY o.owner_cik) AS filings,
                   MAX(x.filed_day) OVER (PARTITION BY o.owner_cik) AS last_filed
            FROM (SELECT * FROM explore_owners WHERE issuer_cik = ?) o
            JOIN (SELECT accession, filed_day, accepted_at FROM explore_filings WHERE issuer_cik = ?) x
              ON x.accession = o.accession
        ),
        t AS (
            SELECT owner_cik, code, CAST(shares AS DOUBLE PRECISION) AS shares, value, owned_after, trade_date,
                   accepted_at, row_no, is_derivative, direct_indirect
            FROM explore_trades WHERE issuer_cik = ?
        ),
        traded AS (
            SELECT owner_cik,
                   SUM(CASE WHEN code = 'P' THEN shares ELSE 0 END) AS shares_bought,
                   SUM(CASE WHEN code = 'S' THEN shares ELSE 0 END) AS shares_sold,
                   SUM(CASE WHEN code = 'P' THEN value ELSE 0 END) AS value_bought,
                   SUM(CASE WHEN code = 'S' THEN value ELSE 0 END) AS value_sold
            FROM t WHERE code IN ('P', 'S') GROUP BY owner_cik
        ),
        owned AS (
            SELECT owner_cik, owned_after FROM (
                SELECT owner_cik, owned_after,
                       ROW_NUMBER() OVER (PARTITION BY owner_cik ORDER BY trade_date DESC NULLS LAST,
                                          accepted_at DESC NULLS LAST, row_no DESC) AS rn
                FROM t WHERE NOT is_derivative AND direct_indirect = 'D'
            ) r WHERE rn = 1
        )
        SELECT l.owner_cik AS insider_cik, l.owner_name AS insider, l.relationship, l.title,
               {ROLES_SQL.replace("roles &", "l.roles &")} AS roles, l.filings, l.last_filed,
               COALESCE(tr.shares_bought, 0) AS shares_bought, COALESCE(tr.shares_sold, 0) AS shares_sold,
               COALESCE(tr.value_bought, 0) AS value_bought, COALESCE(tr.value_sold, 0) AS value_sold,
               ow.owned_after AS direct_shares_owned
        FROM latest l
        LEFT JOIN traded tr ON tr.owner_cik = l.owner_cik
        LEFT JOIN owned ow ON ow.owner_cik = l.owner_cik
        WHERE l.rn = 1
        ORDER BY l.last_filed DESC NULLS LAST, l.owner_name
        LIMIT 500
        """,
        [cik, cik, cik],
    )


def issuer_activity(store: QueryRunner, issuer: str) -> pa.Table:
    """Open-market shares bought (P) and sold (S) per month of trade date, with the running net."""
    cik = _cik(issuer, "issuer")
    return _query(
        store,
        """
        SELECT month, bought, sold,
               SUM(bought - sold) OVER (ORDER BY month ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS net
        FROM (
            SELECT CAST(date_trunc('month', trade_date) AS DATE) AS month,
                   SUM(CASE WHEN code = 'P' THEN CAST(shares AS DOUBLE PRECISION) ELSE 0 END) AS bought,
                   SUM(CASE WHEN code = 'S' THEN CAST(shares AS DOUBLE PRECISION) ELSE 0 END) AS sold
            FROM explore_trades
            WHERE issuer_cik = ? AND code IN ('P', 'S') AND trade_date IS NOT NULL
            GROUP BY 1
        ) m
        ORDER BY month
        """,
        [cik],
    )


def insider_summary(store: QueryRunner, insider: str) -> pa.Table:
    """One row: the insider's latest name, issuers, filings, first and last filing day."""
    cik = _cik(insider, "insider")
    return _query(
        store,
        """
        WITH mine AS (
            SELECT o.owner_name, o.issuer_cik, x.filed_day, o.accession
            FROM (SELECT accession, owner_name, issuer_cik FROM explore_owners WHERE owner_cik = ?) o
            JOIN explore_filings x ON x.accession = o.accession
        )
        SELECT CAST(? AS TEXT) AS insider_cik,
               (SELECT owner_name FROM mine ORDER BY filed_day DESC NULLS LAST, accession DESC LIMIT 1) AS insider,
               COUNT(DISTINCT issuer_cik) AS issuers, COUNT(*) AS filings,
               MIN(filed_day) AS first_filed, MAX(filed_day) AS last_filed
        FROM mine
        HAVING COUNT(*) > 0
        """,
        [cik, cik],
    )


def insider_issuers(store: QueryRunner, insider: str) -> pa.Table:
    """Every issuer the insider filed for, with the latest roles and title there."""
    cik = _cik(insider, "insider")
    return _query(
        store,
        f"""
        SELECT issuer_cik, ticker, company, relationship, title, {ROLES_SQL} AS roles, filings, last_filed
        FROM (
            SELECT o.issuer_cik, x.ticker, x.issuer_name AS company, o.relationship,
                   COALESCE(o.officer_title, o.other_text) AS title, o.roles,
                   COUNT(*) OVER (PARTITION BY o.issuer_cik) AS filings,
                   MAX(x.filed_day) OVER (PARTITION BY o.issuer_cik) AS last_filed,
                   ROW_NUMBER() OVER (PARTITION BY o.issuer_cik ORDER BY x.filed_day DESC NULLS LAST,
                                      o.accession DESC) AS rn
            FROM (SELECT * FROM explore_owners WHERE owner_cik = ?) o
            JOIN (SELECT accession, ticker, issuer_name, filed_day FROM explore_filings) x
              ON x.accession = o.accession
        ) r
        WHERE rn = 1
        ORDER BY last_filed DESC NULLS LAST, issuer_cik
        """,
        [cik],
    )


def search(store: QueryRunner, q: str, limit: int = 20) -> pa.Table:
    """Issuers and insiders whose ticker, CIK or name matches ``q``: ``kind``, ``cik``, ``name``, ``ticker``."""
    q = q.strip()
    if not q:
        return pa.table({"kind": pa.array([], pa.string()), "cik": pa.array([], pa.string()),
                         "name": pa.array([], pa.string()), "ticker": pa.array([], pa.string())})  # fmt: skip
    like = "%" + q.replace("\\", "").replace("%", "").replace("_", "") + "%"
    digits = q.lstrip("0") if q.isdigit() else None
    return _query(
        store,
        """
        SELECT kind, cik, name, ticker FROM explore_names
        WHERE ticker = upper(?) OR name ILIKE ? OR cik = ?
        ORDER BY CASE WHEN ticker = upper(?) THEN 0 WHEN kind = 'issuer' THEN 1 ELSE 2 END, n DESC, name
        LIMIT ?
        """,
        [q, like, digits, q, limit],
    )
