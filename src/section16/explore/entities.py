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
        SELECT CAST(? AS TEXT) AS issuer_cik, company, ticker, filings, first_filed, last_filed,
               (SELECT COUNT(*) FROM explore_owner_issuers o WHERE o.issuer_cik = ?) AS insiders,
               bought_value, sold_value
        FROM explore_issuers
        WHERE issuer_cik = ?
        """,
        [cik, cik, cik],
    )


def issuer_insiders(store: QueryRunner, issuer: str, limit: int = 500, offset: int = 0) -> pa.Table:
    """The issuer's insiders, latest filer first (``limit`` of them from ``offset``): roles and title
    from their latest filing, open-market shares bought and sold, and the shares owned after their latest
    reported non-derivative direct row. Trades of a joint filing count for its first owner here (as on
    EDGAR's own pages, which show the first owner)."""
    cik = _cik(issuer, "issuer")
    return _query(
        store,
        f"""
        SELECT owner_cik AS insider_cik, owner_name AS insider, relationship, title, {ROLES_SQL} AS roles,
               filings, last_filed, shares_bought, shares_sold, value_bought, value_sold, direct_shares_owned
        FROM explore_owner_issuers
        WHERE issuer_cik = ?
        ORDER BY last_filed DESC NULLS LAST, owner_name, owner_cik
        LIMIT ? OFFSET ?
        """,
        [cik, limit, offset],
    )


def issuer_activity(store: QueryRunner, issuer: str) -> pa.Table:
    """Open-market shares bought (P) and sold (S) per month of trade date, with the running net."""
    cik = _cik(issuer, "issuer")
    return _query(
        store,
        """
        SELECT month, bought, sold,
               SUM(bought - sold) OVER (ORDER BY month ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS net
        FROM explore_issuer_months
        WHERE issuer_cik = ?
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
        WITH o AS (SELECT issuer_cik, owner_name, filings, first_filed, last_filed
                   FROM explore_owner_issuers WHERE owner_cik = ?)
        SELECT CAST(? AS TEXT) AS insider_cik,
               (SELECT owner_name FROM o ORDER BY last_filed DESC NULLS LAST, issuer_cik LIMIT 1) AS insider,
               COUNT(*) AS issuers, SUM(filings) AS filings, MIN(first_filed) AS first_filed,
               MAX(last_filed) AS last_filed
        FROM o
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
        FROM explore_owner_issuers
        WHERE owner_cik = ?
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
