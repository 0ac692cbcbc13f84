"""Synthetic insider filings for benchmarks, written straight into a section16 DuckDB store.

Realistic in shape, not in content: ~6,000 issuers with a skewed number of filings each (a few large
companies file most), about 12 insiders per issuer with real-looking titles and boxes, filings spread in
time order over 2004-2025 with EDGAR acceptance times in the evening, mostly on time (about 4% late),
3% joint filings, 1% amendments linked to an earlier filing, transaction codes in the proportions seen on
EDGAR (S, A, F, M, P ...), lognormal-ish share counts, per-issuer prices, weighted-average price and
Rule 10b5-1 footnotes on part of the sales, and option exercises in Table II.

Every value comes from a hash of the row number, so the same ``rows`` give the same store.

    python bench/synth.py --rows 10000000 --db bench/.data/synthetic.duckdb
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from section16.store import open_store

# Rows of Table I per filing: 1 to 5, about 3 on average (Form 3 filings have none).
MEAN_ROWS_PER_FILING = 3.0
FIRST_DAY = "2004-01-01"
DAYS = 8036  # to 2025-12-31
ISSUERS = 6000
TITLES = (
    "Chief Executive Officer", "CEO", "President and CEO", "Chief Financial Officer", "EVP & CFO",
    "Chairman of the Board", "Executive Chairman", "Chief Operating Officer", "General Counsel",
    "SVP, General Counsel", "Senior Vice President", "Executive Vice President", "VP, Controller",
    "Chief Accounting Officer", "Chief Technology Officer", "President", "SVP, Sales", "VP Finance",
)  # fmt: skip


def _u(expr: str, salt: int) -> str:
    """A uniform number in [0, 1) from a hash of ``expr`` and a salt (deterministic, parallel-safe)."""
    return f"((hash({expr}, {salt}) % 1000003) / 1000003.0)"


def generate(db: str | Path, rows: int) -> dict[str, int]:
    """Create the store at ``db`` (which must not exist) holding about ``rows`` Table I transactions."""
    n_filings = int(rows / MEAN_ROWS_PER_FILING / 0.98)
    titles = "[" + ", ".join(f"'{t}'" for t in TITLES) + "]"
    store = open_store(db)
    con = store.connection  # type: ignore[attr-defined]
    con.execute("SET preserve_insertion_order = false")
    f = "i"
    con.execute(f"""
    CREATE TEMP TABLE g AS
    SELECT i,
           CAST(floor({ISSUERS} * pow({_u(f, 1)}, 2.2)) AS INTEGER) AS issuer_id,
           CAST(floor(12 * {_u(f, 2)}) AS INTEGER) AS owner_slot,
           DATE '{FIRST_DAY}' + CAST(floor(i * {DAYS}.0 / {n_filings}) AS INTEGER) AS day0,
           {_u(f, 3)} AS u_form, {_u(f, 4)} AS u_joint, {_u(f, 5)} AS u_amend, {_u(f, 6)} AS u_code,
           {_u(f, 7)} AS u_rows, {_u(f, 8)} AS u_time, {_u(f, 9)} AS u_plan
    FROM range({n_filings}) t(i)
    """)
    con.execute("""
    CREATE TEMP TABLE gf AS
    SELECT *,
           -- EDGAR takes filings on business days: a weekend day moves to Monday.
           day0 + CASE isodow(day0) WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END AS day,
           CASE WHEN u_form < 0.02 THEN '3' WHEN u_form < 0.05 THEN '5' ELSE '4' END AS form,
           u_amend < 0.01 AND i > 0 AS is_amendment,
           CASE WHEN u_joint < 0.03 THEN 2 + CAST(floor(u_joint * 66) AS INTEGER) % 3 ELSE 1 END AS owner_count,
           CASE WHEN u_code < 0.32 THEN 'S' WHEN u_code < 0.38 THEN 'P' WHEN u_code < 0.56 THEN 'A'
                WHEN u_code < 0.68 THEN 'M' WHEN u_code < 0.82 THEN 'F' WHEN u_code < 0.87 THEN 'G'
                WHEN u_code < 0.90 THEN 'D' WHEN u_code < 0.92 THEN 'J' WHEN u_code < 0.94 THEN 'X'
                WHEN u_code < 0.96 THEN 'C' WHEN u_code < 0.98 THEN 'W' ELSE 'L' END AS code,
           1 + CAST(floor(u_rows * 5) AS INTEGER) AS n_rows
    FROM g
    """)
    con.execute("""
    CREATE TEMP TABLE gfa AS
    SELECT *, printf('%010d-%02d-%06d', 1 + i // 1000000, year(day) % 100, i % 1000000) AS accession,
           CAST(1000000 + issuer_id AS VARCHAR) AS issuer_cik,
           CAST(2000000 + issuer_id * 16 + owner_slot AS VARCHAR) AS owner_cik
    FROM gf
    """)
    loaded = "TIMESTAMPTZ '2026-01-01 00:00:00+00'"
    con.execute(f"""
    INSERT INTO filings (accession, document_type, form, is_amendment, schema_version, period_of_report,
        date_of_original_submission, filing_date, acceptance_datetime, issuer_cik, issuer_cik_filed, issuer_name,
        issuer_ticker, aff10b5one, owner_count, owner_ciks, amends, source_format, parser_version, loaded_at)
    SELECT accession, form || CASE WHEN is_amendment THEN '/A' ELSE '' END, form, is_amendment, 'X0508', day - 1,
           CASE WHEN is_amendment THEN day - 30 END, day,
           CAST(day AS TIMESTAMP) + INTERVAL 20 HOUR + to_seconds(CAST(floor(u_time * 21600) AS BIGINT)),
           issuer_cik, lpad(issuer_cik, 10, '0'), 'Synthetic Issuer ' || issuer_id || ' Inc.',
           chr(65 + issuer_id % 26) || chr(65 + (issuer_id // 26) % 26) || chr(65 + (issuer_id // 676) % 26),
           CASE WHEN day >= DATE '2023-04-01' THEN u_plan < 0.3 END, owner_count,
           owner_cik || CASE WHEN owner_count > 1 THEN ',' || CAST(5000000 + i % 200000 AS VARCHAR) ELSE '' END,
           CASE WHEN is_amendment THEN lag(accession) OVER (ORDER BY i) END, 'xml', '1.0.0', {loaded}
    FROM gfa
    """)
    con.execute(f"""
    INSERT INTO reporting_owners (accession, position, cik, cik_filed, name, has_address, is_director, is_officer,
        is_ten_percent_owner, is_other, officer_title)
    SELECT accession, p, c, lpad(c, 10, '0'), 'Insider ' || c, FALSE,
           p = 1 AND owner_slot < 5, p = 1 AND owner_slot >= 5, p > 1 OR owner_slot = 11, FALSE,
           CASE WHEN p = 1 AND owner_slot >= 5 THEN {titles}[1 + (CAST(owner_cik AS BIGINT) * 7) % {len(TITLES)}] END
    FROM (
        SELECT accession, owner_slot, owner_cik, p,
               CASE WHEN p = 1 THEN owner_cik ELSE CAST(5000000 + (i + p) % 200000 AS VARCHAR) END AS c
        FROM gfa, range(1, 4) r(p) WHERE p <= owner_count
    ) x
    """)
    con.execute(f"""
    CREATE TEMP TABLE gt AS
    SELECT a.accession, a.i, a.issuer_id, a.code, a.day, r.k AS row_no, {_u("a.i * 8 + r.k", 11)} AS u1,
           {_u("a.i * 8 + r.k", 12)} AS u2, {_u("a.i * 8 + r.k", 13)} AS u3, a.u_plan
    FROM gfa a, range(1, 6) r(k)
    WHERE a.form <> '3' AND r.k <= a.n_rows
    """)
    con.execute(f"""
    INSERT INTO nonderiv_transactions (accession, row_no, security_title, transaction_date, has_coding,
        transaction_form_type, transaction_code, equity_swap_involved, transaction_coding_fn, shares,
        price_per_share, price_per_share_fn, acquired_disposed, shares_owned_after, direct_indirect)
    SELECT accession, row_no, 'Common Stock',
           -- Most trades are filed within two business days; about 4% late by up to six weeks.
           day - CASE WHEN u2 < 0.04 THEN 3 + CAST(floor(u3 * 40) AS INTEGER) ELSE CAST(floor(u3 * 3) AS INTEGER) END,
           TRUE, '4', code, FALSE,
           CASE WHEN code = 'S' AND u_plan < 0.4 THEN 'F2' END,
           CAST(round(pow(10, 1 + 4 * u1)) AS DECIMAL(38,12)),
           CASE WHEN code IN ('P', 'S', 'D', 'X', 'M', 'C') OR u2 < 0.2
                THEN CAST(round(pow(10, 0.5 + 2.5 * {_u("issuer_id", 14)}) * (0.9 + 0.2 * u3), 4) AS DECIMAL(38,12))
                ELSE 0 END,
           CASE WHEN code IN ('P', 'S') AND u2 > 0.7 THEN 'F1' END,
           CASE WHEN code IN ('S', 'F', 'G', 'D') OR (code = 'J' AND u2 < 0.5) THEN 'D' ELSE 'A' END,
           CAST(round(pow(10, 1 + 4 * u1) + pow(10, 2 + 4 * u3)) AS DECIMAL(38,12)),
           CASE WHEN u2 < 0.9 THEN 'D' ELSE 'I' END
    FROM gt
    """)
    con.execute("""
    INSERT INTO deriv_transactions (accession, row_no, security_title, conversion_or_exercise_price,
        transaction_date, has_coding, transaction_form_type, transaction_code, equity_swap_involved, shares,
        price_per_share, acquired_disposed, underlying_title, underlying_shares, shares_owned_after, direct_indirect)
    SELECT accession, 1, 'Stock Option (right to buy)', CAST(round(10 + 90 * u1, 2) AS DECIMAL(38,12)), day - 1,
           TRUE, '4', 'M', FALSE, CAST(round(pow(10, 2 + 3 * u1)) AS DECIMAL(38,12)), 0, 'D', 'Common Stock',
           CAST(round(pow(10, 2 + 3 * u1)) AS DECIMAL(38,12)), CAST(round(pow(10, 3 + 2 * u3)) AS DECIMAL(38,12)), 'D'
    FROM gt WHERE code = 'M' AND row_no = 1
    """)
    con.execute("""
    INSERT INTO footnotes (accession, position, footnote_id, text)
    SELECT DISTINCT accession, 1, 'F1', 'The price reported is a weighted average price. These shares were'
           || ' traded in multiple transactions at prices ranging from $10.00 to $10.50, inclusive.'
    FROM nonderiv_transactions WHERE price_per_share_fn = 'F1'
    UNION ALL
    SELECT DISTINCT accession, 2, 'F2', 'The transactions reported were effected pursuant to a Rule 10b5-1'
           || ' trading plan adopted by the reporting person.'
    FROM nonderiv_transactions WHERE transaction_coding_fn = 'F2'
    """)
    con.execute("""
    INSERT INTO field_footnotes (accession, table_name, row_no, field, footnote_id)
    SELECT accession, 'nonderiv_transactions', row_no, 'price_per_share', 'F1'
    FROM nonderiv_transactions WHERE price_per_share_fn = 'F1'
    UNION ALL
    SELECT accession, 'nonderiv_transactions', row_no, 'transaction_coding', 'F2'
    FROM nonderiv_transactions WHERE transaction_coding_fn = 'F2'
    """)
    tables = ("filings", "reporting_owners", "nonderiv_transactions", "deriv_transactions", "footnotes")
    counts = {t: int(con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in tables}
    store.close()
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=10_000_000, help="Table I transactions (about)")
    ap.add_argument("--db", default="bench/.data/synthetic.duckdb")
    args = ap.parse_args()
    path = Path(args.db)
    if path.exists():
        raise SystemExit(f"{path} exists; remove it first")
    t = time.perf_counter()
    counts = generate(path, args.rows)
    print(f"generated in {time.perf_counter() - t:.1f} s: {counts}")


if __name__ == "__main__":
    main()
