"""The auxiliary explore tables: copies of ``explore_trades`` ordered or cut for particular screens.

They are derived from the tables :mod:`.prepare` builds, created when missing (so a store built by an
earlier section16 gains them without a full rebuild) and rebuilt with everything else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .prepare import QueryRunner

#: The columns of explore_trades copied into explore_owner_trades: all the trade screens read.
OWNER_TRADE_COLUMNS = (
    "accession", "is_derivative", "row_no", "issuer_cik", "ticker", "issuer_name", "accepted_at", "filed_day",
    "owner_key", "owner_count", "owner_cik", "owner_name", "owner_names", "relationship", "title", "roles",
    "security_title", "trade_date", "code", "acquired_disposed", "shares", "price", "owned_after", "value",
    "change_pct", "delay_bd", "amended", "derivative", "weighted_avg", "late", "plan",
)  # fmt: skip

#: How many of the largest trades by value explore_top_values keeps per transaction code.
TOP_VALUES = 5000

# Derived from the tables above; created when missing (so a store built by an earlier section16 gains
# them without a full rebuild) and rebuilt with everything else.
AUX_TABLES: dict[str, str] = {
    # The non-derivative rows of explore_trades once per reporting owner of their filing (member_cik),
    # ordered by issuer and owner, with only the columns of an insider's holdings over time:
    # explore_trades is ordered by filing day, so one issuer's rows are spread over every row group,
    # while here the zonemaps of issuer_cik skip all but the issuer's few row groups, and within them the
    # plain test of member_cik skips the other owners' stretches. (It replaces explore_issuer_balances,
    # one row per trade tested with the owner key, which stores built before still hold until rebuilt.)
    "explore_member_balances": """
CREATE TABLE explore_member_balances AS
SELECT t.issuer_cik, m.member_cik, t.trade_date, t.accepted_at, t.accession, t.security_title, t.direct_indirect,
       t.nature_of_ownership, t.owned_after, t.code, t.row_no
FROM explore_trades t
JOIN (SELECT DISTINCT accession, owner_cik AS member_cik FROM explore_owners WHERE owner_cik IS NOT NULL) m
  ON m.accession = t.accession
WHERE NOT t.is_derivative
ORDER BY t.issuer_cik, m.member_cik, t.trade_date, t.accepted_at, t.accession, t.row_no
""",
    # Every trade once per reporting owner of its filing (member_cik), ordered by owner: an insider's
    # history reads one owner's few row groups instead of testing every row of explore_trades (where
    # one insider's rows are spread over all of history). The columns are those the trade screens
    # filter, sort and show, so a page is read from here alone.
    "explore_owner_trades": f"""
CREATE TABLE explore_owner_trades AS
SELECT m.member_cik, {", ".join("t." + c for c in OWNER_TRADE_COLUMNS)}
FROM explore_trades t
JOIN (SELECT DISTINCT accession, owner_cik AS member_cik FROM explore_owners WHERE owner_cik IS NOT NULL) m
  ON m.accession = t.accession
ORDER BY m.member_cik, t.filed_day, t.accepted_at, t.accession, t.is_derivative, t.row_no
""",
    # The largest trades by value of each transaction code (every row tied with the last one too): the
    # first pages of a screen sorted by value, which would otherwise read every row of history, since
    # large trades are spread over all of it. See screens._top_value_page for when they answer.
    "explore_top_values": f"""
CREATE TABLE explore_top_values AS
WITH ranked AS (
    SELECT accession, is_derivative, row_no,
           RANK() OVER (PARTITION BY code ORDER BY value DESC) AS value_rank
    FROM explore_trades WHERE value IS NOT NULL
)
SELECT {", ".join("t." + c for c in OWNER_TRADE_COLUMNS)}
FROM explore_trades t
JOIN ranked r ON r.accession = t.accession AND r.is_derivative = t.is_derivative AND r.row_no = t.row_no
WHERE r.value_rank <= {TOP_VALUES}
ORDER BY t.code, t.value DESC
""",
    # The purchases (code P) with the day of the same owner key's previous purchase in the issuer, in
    # filing order: "first purchase in N years" over the latest days reads only their few row groups.
    "explore_purchases": f"""
CREATE TABLE explore_purchases AS
SELECT {", ".join("t." + c for c in OWNER_TRADE_COLUMNS)}, pp.previous_purchase
FROM explore_trades t
JOIN explore_purchase_prev pp
  ON pp.accession = t.accession AND pp.is_derivative = t.is_derivative AND pp.row_no = t.row_no
WHERE t.code = 'P'
ORDER BY t.filed_day, t.accepted_at, t.accession, t.is_derivative, t.row_no
""",
    # Each issuer once: its latest name and ticker, filings, first and last filing day, open-market
    # totals (the issuer page's summary, which would otherwise read all of a large issuer's filings).
    "explore_issuers": """
CREATE TABLE explore_issuers AS
WITH latest AS (
    SELECT issuer_cik, issuer_name, ticker FROM (
        SELECT issuer_cik, issuer_name, ticker,
               ROW_NUMBER() OVER (PARTITION BY issuer_cik ORDER BY filed_day DESC NULLS LAST, accession DESC) AS rn
        FROM explore_filings WHERE issuer_cik IS NOT NULL
    ) r WHERE rn = 1
)
SELECT f.issuer_cik, MIN(l.issuer_name) AS company, MIN(l.ticker) AS ticker, COUNT(*) AS filings,
       MIN(f.filed_day) AS first_filed, MAX(f.filed_day) AS last_filed, SUM(f.buy_value) AS bought_value,
       SUM(f.sell_value) AS sold_value
FROM explore_filings f JOIN latest l ON l.issuer_cik = f.issuer_cik
GROUP BY f.issuer_cik
ORDER BY f.issuer_cik
""",
    # Names for search: every issuer and insider once, with their latest name and their filing count.
    "explore_names": """
CREATE TABLE explore_names AS
SELECT 'issuer' AS kind, issuer_cik AS cik, MAX(issuer_name) AS name, MAX(ticker) AS ticker, COUNT(*) AS n
FROM explore_filings WHERE issuer_cik IS NOT NULL GROUP BY issuer_cik
UNION ALL
SELECT 'insider' AS kind, owner_cik AS cik, MAX(owner_name) AS name, NULL AS ticker, COUNT(*) AS n
FROM explore_owners WHERE owner_cik IS NOT NULL GROUP BY owner_cik
""",
    # Open-market shares bought and sold per issuer and month of trade date (the issuer chart).
    "explore_issuer_months": """
CREATE TABLE explore_issuer_months AS
SELECT issuer_cik, CAST(date_trunc('month', trade_date) AS DATE) AS month,
       SUM(CASE WHEN code = 'P' THEN CAST(shares AS DOUBLE PRECISION) ELSE 0 END) AS bought,
       SUM(CASE WHEN code = 'S' THEN CAST(shares AS DOUBLE PRECISION) ELSE 0 END) AS sold
FROM explore_trades
WHERE code IN ('P', 'S') AND trade_date IS NOT NULL AND issuer_cik IS NOT NULL
GROUP BY 1, 2
ORDER BY 1, 2
""",
    # Each insider at each issuer: latest name, roles and title, filings, open-market totals (a joint
    # filing's shares count for its first owner) and the latest direct holding.
    "explore_owner_issuers": """
CREATE TABLE explore_owner_issuers AS
WITH latest AS (
    SELECT owner_cik, issuer_cik, owner_name, roles, relationship, title, ticker, company, filings,
           first_filed, last_filed
    FROM (
        SELECT o.owner_cik, o.issuer_cik, o.owner_name, o.roles, o.relationship,
               COALESCE(o.officer_title, o.other_text) AS title, x.ticker, x.issuer_name AS company,
               ROW_NUMBER() OVER (PARTITION BY o.owner_cik, o.issuer_cik ORDER BY x.filed_day DESC NULLS LAST,
                                  x.accepted_at DESC NULLS LAST, o.accession DESC) AS rn,
               COUNT(*) OVER (PARTITION BY o.owner_cik, o.issuer_cik) AS filings,
               MIN(x.filed_day) OVER (PARTITION BY o.owner_cik, o.issuer_cik) AS first_filed,
               MAX(x.filed_day) OVER (PARTITION BY o.owner_cik, o.issuer_cik) AS last_filed
        FROM explore_owners o JOIN explore_filings x ON x.accession = o.accession
        WHERE o.owner_cik IS NOT NULL
    ) r WHERE rn = 1
),
traded AS (
    SELECT owner_cik, issuer_cik,
           SUM(CASE WHEN code = 'P' THEN CAST(shares AS DOUBLE PRECISION) ELSE 0 END) AS shares_bought,
           SUM(CASE WHEN code = 'S' THEN CAST(shares AS DOUBLE PRECISION) ELSE 0 END) AS shares_sold,
           SUM(CASE WHEN code = 'P' THEN value ELSE 0 END) AS value_bought,
           SUM(CASE WHEN code = 'S' THEN value ELSE 0 END) AS value_sold
    FROM explore_trades WHERE code IN ('P', 'S') GROUP BY owner_cik, issuer_cik
),
owned AS (
    SELECT owner_cik, issuer_cik, owned_after FROM (
        SELECT owner_cik, issuer_cik, owned_after,
               ROW_NUMBER() OVER (PARTITION BY owner_cik, issuer_cik ORDER BY trade_date DESC NULLS LAST,
                                  accepted_at DESC NULLS LAST, row_no DESC) AS rn
        FROM explore_trades WHERE NOT is_derivative AND direct_indirect = 'D'
    ) r WHERE rn = 1
)
SELECT l.*, COALESCE(t.shares_bought, 0) AS shares_bought, COALESCE(t.shares_sold, 0) AS shares_sold,
       COALESCE(t.value_bought, 0) AS value_bought, COALESCE(t.value_sold, 0) AS value_sold,
       ow.owned_after AS direct_shares_owned
FROM latest l
LEFT JOIN traded t ON t.owner_cik = l.owner_cik AND t.issuer_cik = l.issuer_cik
LEFT JOIN owned ow ON ow.owner_cik = l.owner_cik AND ow.issuer_cik = l.issuer_cik
ORDER BY l.issuer_cik, l.owner_cik
""",
    # Purchases per issuer, owner key and trade day: what cluster buys count.
    "explore_purchase_days": """
CREATE TABLE explore_purchase_days AS
SELECT issuer_cik, owner_key, trade_date, MIN(ticker) AS ticker, MIN(issuer_name) AS company,
       MIN(owner_names) AS insider, bit_or(roles) AS roles, SUM(value) AS value,
       SUM(CAST(shares AS DOUBLE PRECISION)) AS shares, MAX(accepted_at) AS accepted_at,
       MIN(filed_day) AS first_filed_day, MAX(filed_day) AS filed_day
FROM explore_trades
WHERE code = 'P' AND trade_date IS NOT NULL
GROUP BY issuer_cik, owner_key, trade_date
ORDER BY trade_date
""",
}


#: Point lookups by accession (the filing page) and by CIK; created when missing, like AUX_TABLES.
AUX_INDEXES = (
    "CREATE INDEX IF NOT EXISTS explore_trades_accession ON explore_trades (accession)",
    "CREATE INDEX IF NOT EXISTS explore_filings_accession ON explore_filings (accession)",
    "CREATE INDEX IF NOT EXISTS explore_owners_accession ON explore_owners (accession)",
    "CREATE INDEX IF NOT EXISTS explore_names_cik ON explore_names (cik)",
    "CREATE INDEX IF NOT EXISTS explore_owner_issuers_owner ON explore_owner_issuers (owner_cik)",
)


#: PostgreSQL reads the aux tables through these (DuckDB through their order and zonemaps).
AUX_POSTGRES_INDEXES = (
    "CREATE INDEX IF NOT EXISTS explore_owner_trades_member ON explore_owner_trades (member_cik, accepted_at)",
)


def _aux_indexes(store: QueryRunner) -> tuple[str, ...]:
    return (*AUX_INDEXES, *(AUX_POSTGRES_INDEXES if store.dialect == "postgresql" else ()))


def _create_missing_aux(store: QueryRunner) -> None:
    have = set(store.query("SELECT table_name FROM information_schema.tables").column(0).to_pylist())
    for name, sql in AUX_TABLES.items():
        if name not in have:
            store.query(sql)
    for stmt in _aux_indexes(store):
        store.query(stmt)
