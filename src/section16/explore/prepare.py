"""The explore tables: the store's rows joined once into the shape every screen reads.

A screen must answer in well under 200 ms on tens of millions of rows, so the joins (filing, owners,
amendment families, footnote flags, business days) are done once, here, into ``explore_*`` tables kept
in the same database, and rebuilt when the store changes (a fingerprint of ``filings`` says so). They are
derived data: dropping them loses nothing. Only the store's documented tables and views are read; the
store's own files are never touched.

Tables (columns in docs/explore.md):

* ``explore_calendar``  business days (see :mod:`.calendar`);
* ``explore_titles``    every officer title / other text in the store, with its role bit mask;
* ``explore_owners``    one row per (filing, reporting owner) with the owner's roles;
* ``explore_filings``   one row per filing: who, what, when, how much;
* ``explore_trades``    one row per effective transaction (amended rows replaced, a joint filing's row
  once), with value, change in holdings, delay in business days and the data-quality flags.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable, Sequence
from typing import Any, Literal, Protocol, TypeVar

import pyarrow as pa

# The auxiliary tables, read as prepare.AUX_TABLES and prepare.TOP_VALUES by the screens and tests.
from .aux_tables import AUX_INDEXES as AUX_INDEXES
from .aux_tables import AUX_POSTGRES_INDEXES as AUX_POSTGRES_INDEXES
from .aux_tables import AUX_TABLES as AUX_TABLES
from .aux_tables import OWNER_TRADE_COLUMNS as OWNER_TRADE_COLUMNS
from .aux_tables import TOP_VALUES as TOP_VALUES
from .aux_tables import _aux_indexes, _create_missing_aux
from .calendar import FIRST_DAY, LAST_DAY, calendar_rows
from .roles import Role, roles_from_title

T = TypeVar("T")

#: Bump when the tables' shape or meaning changes: stores built by an older version are rebuilt.
EXPLORE_VERSION = "6"

#: Transaction codes tied to a derivative security even when reported in Table I.
DERIVATIVE_CODES = ("M", "X", "O", "C", "E", "H")


class QueryRunner(Protocol):
    """What explore needs from a store: ``query(sql, params) -> pyarrow.Table`` with ``?`` placeholders."""

    @property
    def dialect(self) -> str: ...  # (read only: a store's is a Literal of its dialects)

    def query(self, sql: str, params: Sequence[Any] = ..., *, as_: Literal["arrow"] = ...) -> Any: ...


_NY = "'America/New_York'"
_ACCEPTED_ET = f"(f.acceptance_datetime AT TIME ZONE {_NY})"

# Footnotes that tell a price is a weighted average, or that a trade was made under a Rule 10b5-1 plan.
# Dashes vary ("10b5-1", "10b5–1", "10b-5-1"); a footnote that says the trade was *not* under a plan is
# not a plan footnote.
_FOOTNOTE_FLAGS = """
CREATE TABLE explore_footnote_flags AS
SELECT accession, footnote_id,
       (n LIKE '%weighted%average%' OR n LIKE '%weighted-average%') AS is_wavg,
       ((n LIKE '%10b5-1%' OR n LIKE '%10b-5-1%' OR n LIKE '%10b5 1%' OR n LIKE '%10b5-l%')
        AND NOT (n LIKE '%not%pursuant to%10b%' OR n LIKE '%not%under%10b%' OR n LIKE '%not%made%10b%')) AS is_plan
FROM (
    SELECT accession, footnote_id,
           replace(replace(replace(lower(text), chr(8211), '-'), chr(8209), '-'), chr(8212), '-') AS n
    FROM footnotes
    WHERE text IS NOT NULL
) x
WHERE n LIKE '%weight%' OR n LIKE '%10b%'
"""

_OWNERS = f"""
CREATE TABLE explore_owners AS
SELECT accession, position, owner_cik, owner_name, issuer_cik, officer_title, other_text, relationship,
       CASE
           WHEN named = 0 AND (is_officer OR is_other OR NOT (is_director OR is_ten_percent_owner))
           THEN named | {int(Role.OTHER)}
           ELSE named
       END
       | CASE WHEN is_director THEN {int(Role.DIRECTOR)} ELSE 0 END
       | CASE WHEN is_ten_percent_owner THEN {int(Role.TEN_PERCENT_OWNER)} ELSE 0 END AS roles
FROM (
    SELECT o.accession, o.position, o.cik AS owner_cik, o.name AS owner_name, f.issuer_cik,
           o.officer_title, o.other_text, o.is_director, o.is_officer, o.is_ten_percent_owner, o.is_other,
           concat_ws(', ',
               CASE WHEN o.is_director THEN 'Director' END,
               CASE WHEN o.is_officer THEN 'Officer' END,
               CASE WHEN o.is_ten_percent_owner THEN '10% Owner' END,
               CASE WHEN o.is_other THEN 'Other' END) AS relationship,
           COALESCE(t1.roles, 0) | COALESCE(t2.roles, 0) AS named
    FROM reporting_owners o
    JOIN filings f ON f.accession = o.accession
    LEFT JOIN explore_titles t1 ON t1.title = o.officer_title
    LEFT JOIN explore_titles t2 ON t2.title = o.other_text
) x
"""

_OWNER_SUMMARY = """
    SELECT accession,
           bit_or(roles) AS roles,
           MIN(CASE WHEN position = 1 THEN owner_cik END) AS owner_cik,
           MIN(CASE WHEN position = 1 THEN owner_name END) AS owner_name,
           string_agg(COALESCE(owner_name, owner_cik, '?'), '; ' ORDER BY position) AS owner_names,
           MIN(CASE WHEN position = 1 THEN relationship END) AS relationship,
           MIN(CASE WHEN position = 1 THEN COALESCE(officer_title, other_text) END) AS title
    FROM explore_owners GROUP BY accession
"""

# One row per filing with everything a trade row needs from its filing, so that building the trades
# table is one join of narrow-enough rows (profiling showed wide multi-way joins dominating the build).
_FILING_BASE = f"""
CREATE TABLE explore_filing_base AS
WITH own AS ({_OWNER_SUMMARY}),
amended AS (SELECT DISTINCT amends AS accession FROM filings WHERE amends IS NOT NULL),
f2 AS (
    SELECT f.*, COALESCE(CAST({_ACCEPTED_ET} AS DATE), f.filing_date) AS filed_day,
           COALESCE(EXTRACT(HOUR FROM {_ACCEPTED_ET}) >= 22, FALSE) AS after_hours
    FROM filings f
)
SELECT f.accession, f.document_type, f.form, f.is_amendment, f.issuer_cik,
       upper(trim(f.issuer_ticker)) AS ticker, f.issuer_name, f.acceptance_datetime AS accepted_at,
       f.filing_date, f.filed_day, f.period_of_report, f.owner_ciks AS owner_key, f.owner_count,
       o.owner_cik, o.owner_name, o.owner_names, o.relationship, o.title, COALESCE(o.roles, 0) AS roles,
       f.aff10b5one, f.amends, (f.is_amendment OR a.accession IS NOT NULL) AS amended,
       -- EDGAR deems a filing made on a weekend or holiday, or after 10 pm ET, on the next business day.
       c.bd_n + CASE WHEN NOT c.is_business OR f.after_hours THEN 1 ELSE 0 END AS filed_bd
FROM f2 f
LEFT JOIN own o ON o.accession = f.accession
LEFT JOIN amended a ON a.accession = f.accession
LEFT JOIN explore_calendar c ON c.day = f.filed_day
"""

_TRADES = f"""
CREATE TABLE explore_trades AS
WITH rowfn AS (
    SELECT ff.accession, ff.table_name = 'deriv_transactions' AS is_derivative, ff.row_no,
           bool_or(ff.field = 'price_per_share' AND fl.is_wavg) AS wavg,
           bool_or(fl.is_plan) AS plan
    FROM field_footnotes ff
    JOIN explore_footnote_flags fl ON fl.accession = ff.accession AND fl.footnote_id = ff.footnote_id
    WHERE ff.table_name IN ('nonderiv_transactions', 'deriv_transactions')
    GROUP BY ff.accession, ff.table_name, ff.row_no
),
plan_filings AS (SELECT DISTINCT accession FROM rowfn WHERE plan),
timed AS (
    SELECT t.accession, t.family, t.is_derivative, t.row_no,
           b.document_type, b.form, b.issuer_cik, b.ticker, b.issuer_name, b.accepted_at, b.filing_date,
           b.filed_day, b.owner_key, b.owner_count, b.owner_cik, b.owner_name, b.owner_names, b.relationship,
           b.title, b.roles, b.aff10b5one, b.is_amendment, b.amended,
           t.security_title, t.transaction_date AS trade_date, t.deemed_execution_date,
           t.transaction_form_type, t.transaction_code AS code, t.timeliness, t.acquired_disposed,
           t.shares, t.price_per_share AS price, t.shares_owned_after AS owned_after,
           t.direct_indirect, t.nature_of_ownership,
           CASE WHEN t.acquired_disposed = 'D' THEN -1 ELSE 1 END AS sign,
           b.filed_bd - ct.bd_n AS delay_bd,
           COALESCE(r.wavg, FALSE) AS weighted_avg,
           COALESCE(r.plan, FALSE) AS row_plan,
           pf.accession IS NOT NULL AS filing_has_plan_note
    FROM effective_transactions t
    JOIN explore_filing_base b ON b.accession = t.accession
    LEFT JOIN rowfn r ON r.accession = t.accession AND r.row_no = t.row_no AND r.is_derivative = t.is_derivative
    LEFT JOIN plan_filings pf ON pf.accession = t.accession
    LEFT JOIN explore_calendar ct ON ct.day = COALESCE(t.deemed_execution_date, t.transaction_date)
)
SELECT accession, family, is_derivative, row_no, document_type, form, issuer_cik, ticker, issuer_name,
       accepted_at, filing_date, filed_day, owner_key, owner_count, owner_cik, owner_name, owner_names,
       relationship, title, roles, security_title, trade_date, deemed_execution_date, code, acquired_disposed,
       shares, price, owned_after, direct_indirect, nature_of_ownership, timeliness,
       CAST(sign AS DOUBLE PRECISION) * CAST(shares AS DOUBLE PRECISION) AS signed_shares,
       CAST(shares AS DOUBLE PRECISION) * CAST(price AS DOUBLE PRECISION) AS value,
       CASE WHEN CAST(owned_after AS DOUBLE PRECISION) - sign * CAST(shares AS DOUBLE PRECISION) > 0
            THEN 100.0 * sign * CAST(shares AS DOUBLE PRECISION)
                 / (CAST(owned_after AS DOUBLE PRECISION) - sign * CAST(shares AS DOUBLE PRECISION))
       END AS change_pct,
       delay_bd,
       amended,
       (is_derivative OR code IN {DERIVATIVE_CODES!r}) AS derivative,
       weighted_avg,
       (COALESCE(timeliness = 'L', FALSE)
        OR COALESCE(form = '4' AND NOT is_amendment AND COALESCE(transaction_form_type, '4') = '4'
                    AND delay_bd > 2, FALSE)) AS late,
       (row_plan OR (COALESCE(aff10b5one, FALSE) AND NOT filing_has_plan_note AND code IN ('P', 'S'))) AS plan
FROM timed
ORDER BY filed_day, accepted_at, accession, is_derivative, row_no
"""

_FILINGS = """
CREATE TABLE explore_filings AS
WITH agg AS (
    SELECT accession, COUNT(*) AS n_trades,
           SUM(CASE WHEN code = 'P' THEN value END) AS buy_value,
           SUM(CASE WHEN code = 'S' THEN value END) AS sell_value,
           string_agg(DISTINCT code, '' ORDER BY code) AS codes,
           bool_or(late) AS late, bool_or(plan) AS plan, bool_or(weighted_avg) AS weighted_avg,
           bool_or(derivative) AS derivative
    FROM explore_trades GROUP BY accession
)
SELECT b.accession, b.document_type, b.form, b.is_amendment, b.issuer_cik, b.ticker, b.issuer_name,
       b.accepted_at, b.filing_date, b.filed_day, b.period_of_report, b.owner_key, b.owner_count, b.owner_cik,
       b.owner_name, b.owner_names, b.relationship, b.title, b.roles, b.aff10b5one, b.amends,
       COALESCE(a.n_trades, 0) AS n_trades, a.buy_value, a.sell_value, a.codes,
       COALESCE(a.late, FALSE) AS late, COALESCE(a.plan, FALSE) AS plan,
       COALESCE(a.weighted_avg, FALSE) AS weighted_avg, COALESCE(a.derivative, FALSE) AS derivative
FROM explore_filing_base b
LEFT JOIN agg a ON a.accession = b.accession
ORDER BY b.filed_day, b.accepted_at, b.accession
"""

# Cohen, Malloy and Pomorski (2012), precomputed per insider, issuer and year of open-market trades.
_ROUTINE = """
CREATE TABLE explore_routine AS
WITH tr AS (
    SELECT owner_cik, issuer_cik, CAST(EXTRACT(YEAR FROM trade_date) AS INTEGER) AS y,
           CAST(EXTRACT(MONTH FROM trade_date) AS INTEGER) AS m, value, ticker, owner_name, code
    FROM explore_trades
    WHERE code IN ('P', 'S') AND trade_date IS NOT NULL AND owner_cik IS NOT NULL
),
target AS (
    SELECT owner_cik, issuer_cik, y, MIN(owner_name) AS insider, MIN(ticker) AS ticker, COUNT(*) AS trades,
           SUM(CASE WHEN code = 'P' THEN 1 ELSE 0 END) AS purchases,
           SUM(CASE WHEN code = 'S' THEN 1 ELSE 0 END) AS sales, SUM(value) AS value
    FROM tr GROUP BY owner_cik, issuer_cik, y
),
ym AS (SELECT DISTINCT owner_cik, issuer_cik, y, m FROM tr),
prior_years AS (
    SELECT t.owner_cik, t.issuer_cik, t.y, COUNT(*) AS n
    FROM target t JOIN target p ON p.owner_cik = t.owner_cik AND p.issuer_cik = t.issuer_cik
         AND p.y BETWEEN t.y - 3 AND t.y - 1
    GROUP BY t.owner_cik, t.issuer_cik, t.y
),
same_month AS (
    SELECT owner_cik, issuer_cik, y, MIN(m) AS routine_month FROM (
        SELECT t.owner_cik, t.issuer_cik, t.y, p.m
        FROM target t JOIN ym p ON p.owner_cik = t.owner_cik AND p.issuer_cik = t.issuer_cik
             AND p.y BETWEEN t.y - 3 AND t.y - 1
        GROUP BY t.owner_cik, t.issuer_cik, t.y, p.m
        HAVING COUNT(*) = 3
    ) r GROUP BY owner_cik, issuer_cik, y
)
SELECT t.owner_cik AS insider_cik, t.insider, t.issuer_cik, t.ticker, t.y AS year,
       CASE WHEN COALESCE(py.n, 0) < 3 THEN 'unclassified'
            WHEN sm.routine_month IS NOT NULL THEN 'routine'
            ELSE 'opportunistic' END AS classification,
       sm.routine_month, t.trades, t.purchases, t.sales, t.value
FROM target t
LEFT JOIN prior_years py ON py.owner_cik = t.owner_cik AND py.issuer_cik = t.issuer_cik AND py.y = t.y
LEFT JOIN same_month sm ON sm.owner_cik = t.owner_cik AND sm.issuer_cik = t.issuer_cik AND sm.y = t.y
ORDER BY t.y, t.issuer_cik
"""

# For "first purchase in N years": each purchase row's previous purchase day by the same owner key in
# the same issuer (strictly before its trade date).
_PURCHASE_PREV = """
CREATE TABLE explore_purchase_prev AS
SELECT accession, is_derivative, row_no,
       MAX(trade_date) OVER (PARTITION BY issuer_cik, owner_key ORDER BY trade_date
                             RANGE BETWEEN UNBOUNDED PRECEDING AND INTERVAL '1 day' PRECEDING) AS previous_purchase
FROM explore_trades
WHERE code = 'P' AND trade_date IS NOT NULL
"""


_DUCKDB_INDEXES = (
    "CREATE INDEX explore_trades_issuer ON explore_trades (issuer_cik)",
    "CREATE INDEX explore_filings_issuer ON explore_filings (issuer_cik)",
    "CREATE INDEX explore_owners_cik ON explore_owners (owner_cik)",
)
_POSTGRES_INDEXES = (
    *_DUCKDB_INDEXES,
    "CREATE INDEX explore_trades_code_day ON explore_trades (code, filed_day)",
    "CREATE INDEX explore_trades_accepted ON explore_trades (accepted_at)",
    "CREATE INDEX explore_filings_accepted ON explore_filings (accepted_at)",
)

TABLES = (
    "explore_trades", "explore_filings", "explore_filing_base", "explore_routine", "explore_purchase_prev",
    "explore_owners", "explore_footnote_flags", "explore_titles", "explore_calendar", "explore_meta",
    "explore_names", "explore_purchase_days", "explore_issuer_months", "explore_owner_issuers",
    "explore_issuer_balances", "explore_owner_trades", "explore_top_values", "explore_purchases",
    "explore_issuers", "explore_member_balances",
)  # fmt: skip

_lock = threading.Lock()


def fingerprint(store: QueryRunner) -> str:
    """What the explore tables were built from: the version, and the filings' count and last load."""
    t: pa.Table = store.query("SELECT COUNT(*) AS n, MAX(loaded_at) AS last, COUNT(amends) AS links FROM filings")
    row = t.to_pylist()[0]
    return f"{EXPLORE_VERSION}|{row['n']}|{row['last']}|{row['links']}"


def _built_fingerprint(store: QueryRunner) -> str | None:
    try:
        t: pa.Table = store.query("SELECT value FROM explore_meta WHERE key = 'fingerprint'")
    except Exception:  # no explore_meta yet: never built
        return None
    rows = t.to_pylist()
    return str(rows[0]["value"]) if rows else None


#: Per store object (held weakly: a closed store's entry goes with it, never mistaken for a new one's):
#: when its tables were last found current, and the fingerprint they had then.
_checked: weakref.WeakKeyDictionary[Any, tuple[float, str]] = weakref.WeakKeyDictionary()


def _seen(store: QueryRunner) -> tuple[float, str] | None:
    try:
        return _checked.get(store)
    except TypeError:  # a store object that cannot be weakly referenced is checked every time
        return None


def _remember(store: QueryRunner, now: float, fp: str) -> None:
    try:
        _checked[store] = (now, fp)
    except TypeError:
        pass


#: Per store object: values computed from the explore tables, each with the fingerprint it was computed at.
_derived: weakref.WeakKeyDictionary[Any, dict[str, tuple[str, Any]]] = weakref.WeakKeyDictionary()


def derived(store: QueryRunner, key: str, compute: Callable[[], T]) -> T:
    """A value computed from the explore tables (``compute()``), kept while they stay as they are: the
    tables change only when rebuilt, and a rebuild changes the fingerprint."""
    ensure(store)
    seen = _seen(store)
    try:
        slot = _derived.setdefault(store, {})
    except TypeError:
        return compute()
    got = slot.get(key)
    if seen is not None and got is not None and got[0] == seen[1]:
        value: T = got[1]
        return value
    value = compute()
    if seen is not None:
        slot[key] = (seen[1], value)
    return value


def ensure(store: QueryRunner) -> bool:
    """Build the explore tables unless they are current. True when they were (re)built.

    A store object may carry ``explore_max_age`` (seconds): then a check younger than that is trusted
    without asking the database again (the web app sets it, since every page runs several screens).
    """
    max_age = float(getattr(store, "explore_max_age", 0.0))
    now = time.monotonic()
    seen = _seen(store)
    if max_age and seen is not None and now - seen[0] < max_age:
        return False
    with _lock:
        current = fingerprint(store)
        if seen is not None and seen[1] == current:
            # Unchanged since this store's last check, which built what was missing: only the
            # fingerprint is read (looking for missing tables and indexes took longer than it).
            _remember(store, now, current)
            return False
        built = _built_fingerprint(store) != current
        if built:
            build(store, current)
        else:
            _create_missing_aux(store)
        _remember(store, now, current)
        return built


def _drop_all(store: QueryRunner) -> None:
    for name in TABLES:
        store.query(f"DROP TABLE IF EXISTS {name}")


def _build_calendar(store: QueryRunner) -> None:
    holidays = [d for d, _, business in calendar_rows() if not business and d.weekday() < 5]
    store.query("CREATE TABLE explore_holidays_tmp (day DATE)")
    for i in range(0, len(holidays), 500):
        chunk = holidays[i : i + 500]
        store.query("INSERT INTO explore_holidays_tmp (day) VALUES " + ", ".join("(?)" for _ in chunk), chunk)
    # ISO day of week: 6 Saturday, 7 Sunday on both databases.
    store.query(
        f"""
        CREATE TABLE explore_calendar AS
        SELECT day, CAST(SUM(CASE WHEN is_business THEN 1 ELSE 0 END) OVER (ORDER BY day) AS INTEGER) AS bd_n,
               is_business
        FROM (
            SELECT CAST(g.d AS DATE) AS day,
                   EXTRACT(ISODOW FROM g.d) < 6 AND h.day IS NULL AS is_business
            FROM generate_series(DATE '{FIRST_DAY.isoformat()}', DATE '{LAST_DAY.isoformat()}',
                                 INTERVAL '1 day') AS g(d)
            LEFT JOIN explore_holidays_tmp h ON h.day = CAST(g.d AS DATE)
        ) days
        """
    )
    store.query("DROP TABLE explore_holidays_tmp")


def _build_titles(store: QueryRunner) -> None:
    t: pa.Table = store.query(
        "SELECT DISTINCT title FROM (SELECT officer_title AS title FROM reporting_owners"
        " UNION SELECT other_text FROM reporting_owners) x WHERE title IS NOT NULL"
    )
    store.query("CREATE TABLE explore_titles (title TEXT PRIMARY KEY, roles INTEGER NOT NULL)")
    pairs = [(title, int(roles_from_title(title))) for title in t.column("title").to_pylist()]
    for i in range(0, len(pairs), 400):
        chunk = pairs[i : i + 400]
        params = [v for pair in chunk for v in pair]
        store.query("INSERT INTO explore_titles (title, roles) VALUES " + ", ".join("(?, ?)" for _ in chunk), params)


def build(store: QueryRunner, fp: str | None = None) -> None:
    """Drop and rebuild every explore table from the store's tables."""
    fp = fp or fingerprint(store)
    _drop_all(store)
    _build_calendar(store)
    _build_titles(store)
    store.query(_FOOTNOTE_FLAGS)
    store.query(_OWNERS)
    store.query(_FILING_BASE)
    store.query(_TRADES)
    store.query(_FILINGS)
    store.query("DROP TABLE explore_filing_base")
    store.query(_ROUTINE)
    store.query(_PURCHASE_PREV)
    for sql in AUX_TABLES.values():
        store.query(sql)
    for stmt in _aux_indexes(store):
        store.query(stmt)
    for stmt in _POSTGRES_INDEXES if store.dialect == "postgresql" else _DUCKDB_INDEXES:
        store.query(stmt)
    store.query("CREATE TABLE explore_meta (key TEXT PRIMARY KEY, value TEXT)")
    # Counts for the home page, so that it need not count millions of rows on every visit.
    store.query(
        "INSERT INTO explore_meta (key, value) SELECT 'filings', CAST(COUNT(*) AS TEXT) FROM explore_filings"
        " UNION ALL SELECT 'trades', CAST(COUNT(*) AS TEXT) FROM explore_trades"
        " UNION ALL SELECT 'issuers', CAST(COUNT(DISTINCT issuer_cik) AS TEXT) FROM explore_filings"
        " UNION ALL SELECT 'latest', CAST(MAX(filed_day) AS TEXT) FROM explore_filings"
    )
    store.query("INSERT INTO explore_meta (key, value) VALUES ('fingerprint', ?)", [fp])
