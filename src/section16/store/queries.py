"""Ready-made queries over the store, in SQL both databases run: trades, filings, owners."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from .rows import normalize_cik

if TYPE_CHECKING:
    from .base import As

# Effective transactions (amendments applied) with their filing and owners, one row per table row.
TRADES_SQL = """
SELECT t.transaction_date, f.filing_date, f.issuer_ticker AS ticker, f.issuer_name AS issuer,
       f.issuer_cik, o.owner, o.owner_ciks, o.relationship, o.officer_title,
       t.transaction_code AS code, t.acquired_disposed, t.shares, t.price_per_share AS price,
       CAST(t.shares AS DOUBLE PRECISION) * CAST(t.price_per_share AS DOUBLE PRECISION) AS value,
       t.shares_owned_after, t.direct_indirect, t.is_derivative, t.security_title,
       f.aff10b5one, f.document_type, t.accession, t.row_no
FROM effective_transactions t
JOIN filings f ON f.accession = t.accession
JOIN (
    SELECT accession,
           string_agg(name, '; ' ORDER BY position) AS owner,
           string_agg(cik, ',' ORDER BY position) AS owner_ciks,
           concat_ws(', ',
               CASE WHEN bool_or(is_director) THEN 'Director' END,
               CASE WHEN bool_or(is_officer) THEN 'Officer' END,
               CASE WHEN bool_or(is_ten_percent_owner) THEN 'TenPercentOwner' END,
               CASE WHEN bool_or(is_other) THEN 'Other' END) AS relationship,
           MAX(officer_title) AS officer_title
    FROM reporting_owners
    GROUP BY accession
) o ON o.accession = t.accession
"""


class Queries:
    """Query helpers mixed into :class:`~section16.store.Store`; each returns Arrow, pandas or polars."""

    if TYPE_CHECKING:  # provided by the Store this is mixed into

        def query(self, sql: str, params: Sequence[Any] = (), *, as_: As = "arrow") -> Any: ...

    def trades(
        self,
        *,
        ticker: str | None = None,
        owner: str | None = None,
        issuer: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        codes: Sequence[str] | None = None,
        derivative: bool | None = None,
        limit: int | None = None,
        as_: As = "arrow",
    ) -> Any:
        """Effective transactions (amended rows replace the originals), newest first.

        ``ticker`` matches the issuer's symbol as filed (any case); ``owner`` and ``issuer`` are CIKs
        (leading zeros optional); ``since``/``until`` bound the transaction date (inclusive);
        ``codes`` keeps some transaction codes (``["P", "S"]``); ``derivative`` picks Table I (False)
        or Table II (True).
        """
        where: list[str] = []
        params: list[Any] = []
        if ticker:
            where.append("UPPER(f.issuer_ticker) = ?")
            params.append(ticker.strip().upper())
        if owner:
            where.append("EXISTS (SELECT 1 FROM reporting_owners r WHERE r.accession = t.accession AND r.cik = ?)")
            params.append(normalize_cik(owner))
        if issuer:
            where.append("f.issuer_cik = ?")
            params.append(normalize_cik(issuer))
        if since:
            where.append("t.transaction_date >= ?")
            params.append(_as_date(since))
        if until:
            where.append("t.transaction_date <= ?")
            params.append(_as_date(until))
        if codes:
            where.append(f"t.transaction_code IN ({', '.join('?' for _ in codes)})")
            params.extend(c.strip().upper() for c in codes)
        if derivative is not None:
            where.append("t.is_derivative = ?")
            params.append(derivative)
        sql = TRADES_SQL
        if where:
            sql += "WHERE " + " AND ".join(where) + "\n"
        sql += (
            "ORDER BY t.transaction_date DESC NULLS LAST, f.filing_date DESC NULLS LAST,"
            " t.accession, t.is_derivative, t.row_no"
        )
        if limit is not None:
            sql += f"\nLIMIT {int(limit)}"
        return self.query(sql, params, as_=as_)

    def filings(
        self,
        *,
        ticker: str | None = None,
        owner: str | None = None,
        issuer: str | None = None,
        limit: int | None = None,
        as_: As = "arrow",
    ) -> Any:
        """Stored filings (one row each, newest first), optionally for one ticker, owner or issuer CIK."""
        where: list[str] = []
        params: list[Any] = []
        if ticker:
            where.append("UPPER(f.issuer_ticker) = ?")
            params.append(ticker.strip().upper())
        if owner:
            where.append("EXISTS (SELECT 1 FROM reporting_owners r WHERE r.accession = f.accession AND r.cik = ?)")
            params.append(normalize_cik(owner))
        if issuer:
            where.append("f.issuer_cik = ?")
            params.append(normalize_cik(issuer))
        sql = (
            "SELECT f.accession, f.document_type, f.filing_date, f.period_of_report, f.issuer_cik, f.issuer_name,"
            " f.issuer_ticker, f.owner_count, f.owner_ciks, f.amends, f.source_format FROM filings f"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY f.filing_date DESC NULLS LAST, f.period_of_report DESC NULLS LAST, f.accession DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self.query(sql, params, as_=as_)


def _as_date(d: date | str) -> date:
    return d if isinstance(d, date) else date.fromisoformat(str(d).strip())
