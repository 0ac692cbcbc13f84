-- section16 store schema, version 1. One file for both databases.
--
-- Three type words are written as placeholders and rendered per database by store/dialect.py:
--   {decimal}      DuckDB DECIMAL(38,12) (exact to 12 places; a value with more places or digits is kept
--                  exactly in filings.extras and the column holds it rounded) | PostgreSQL NUMERIC (exact)
--   {json}         DuckDB JSON | PostgreSQL JSONB
--   {timestamptz}  TIMESTAMPTZ on both
--
-- Conventions
--   * accession is the EDGAR accession number with dashes (0001127602-15-028697); every table has it.
--   * CIKs in keyed columns (filings.issuer_cik, reporting_owners.cik) are normalised: digits without
--     leading zeros ('320193'). The text as filed is in the *_filed column next to it.
--   * row_no is the 1-based position of a row within its table in the filing (the SEC data sets' *_SK).
--   * A field that can carry footnotes has a sibling column <field>_fn holding the footnote ids
--     as a comma list ('F1,F2'); field_footnotes holds the same links one per row, for joins.
--   * Numbers are exact decimals, dates are DATE, flags BOOLEAN; NULL means the filer gave nothing.

CREATE TABLE IF NOT EXISTS schema_info (
    key   TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE IF NOT EXISTS filings (
    accession                   TEXT PRIMARY KEY,
    document_type               TEXT NOT NULL,     -- '4', '4/A', '3', '5/A' ...
    form                        TEXT NOT NULL,     -- the base form: '4' for 4 and 4/A
    is_amendment                BOOLEAN NOT NULL,
    schema_version              TEXT,              -- X0306, X0508 ... (NULL from the SEC data sets)
    period_of_report            DATE,
    date_of_original_submission DATE,
    filing_date                 DATE,              -- from the submission header or the data set
    acceptance_datetime         {timestamptz},     -- from the submission header only
    issuer_cik                  TEXT,              -- normalised
    issuer_cik_filed            TEXT,              -- as filed
    issuer_name                 TEXT,
    issuer_ticker               TEXT,              -- issuerTradingSymbol as filed
    issuer_foreign_ticker       TEXT,
    no_securities_owned         BOOLEAN,
    not_subject_to_section16    BOOLEAN,
    form3_holdings_reported     BOOLEAN,
    form4_transactions_reported BOOLEAN,
    aff10b5one                  BOOLEAN,
    remarks                     TEXT,
    owner_count                 INTEGER NOT NULL,
    owner_ciks                  TEXT,              -- sorted normalised owner CIKs, comma list: the owner key
    amends                      TEXT,              -- for an amendment: the accession of the filing it amends
    source_path                 TEXT,
    source_format               TEXT NOT NULL,     -- xml, submission, html, ..., dataset
    parser_version              TEXT NOT NULL,
    findings                    {json},            -- check findings, as given to Store.load
    extras                      {json},            -- what no column holds: header, unknown elements, notes
    loaded_at                   {timestamptz} NOT NULL
);

CREATE TABLE IF NOT EXISTS reporting_owners (
    accession              TEXT NOT NULL,
    position               INTEGER NOT NULL,       -- 1-based order in the filing
    cik                    TEXT,                   -- normalised
    cik_filed              TEXT,
    name                   TEXT,
    ccc                    TEXT,
    has_address            BOOLEAN NOT NULL,
    street1                TEXT,
    street2                TEXT,
    city                   TEXT,
    state                  TEXT,
    zip_code               TEXT,
    state_description      TEXT,
    non_us                 BOOLEAN,
    non_us_state_territory TEXT,
    country                TEXT,
    good_address           BOOLEAN,
    is_director            BOOLEAN NOT NULL,
    is_officer             BOOLEAN NOT NULL,
    is_ten_percent_owner   BOOLEAN NOT NULL,
    is_other               BOOLEAN NOT NULL,
    officer_title          TEXT,
    other_text             TEXT,
    file_number            TEXT,                   -- SEC file number from the submission header
    PRIMARY KEY (accession, position)
);

CREATE TABLE IF NOT EXISTS nonderiv_transactions (
    accession                  TEXT NOT NULL,
    row_no                     INTEGER NOT NULL,
    security_title             TEXT,
    security_title_fn          TEXT,
    transaction_date           DATE,
    transaction_date_fn        TEXT,
    deemed_execution_date      DATE,
    deemed_execution_date_fn   TEXT,
    has_coding                 BOOLEAN NOT NULL,
    transaction_form_type      TEXT,
    transaction_code           TEXT,
    equity_swap_involved       BOOLEAN,
    transaction_coding_fn      TEXT,
    timeliness                 TEXT,
    timeliness_fn              TEXT,
    shares                     {decimal},
    shares_fn                  TEXT,
    price_per_share            {decimal},
    price_per_share_fn         TEXT,
    acquired_disposed          TEXT,
    acquired_disposed_fn       TEXT,
    shares_owned_after         {decimal},
    shares_owned_after_fn      TEXT,
    value_owned_after          {decimal},
    value_owned_after_fn       TEXT,
    direct_indirect            TEXT,
    direct_indirect_fn         TEXT,
    nature_of_ownership        TEXT,
    nature_of_ownership_fn     TEXT,
    PRIMARY KEY (accession, row_no)
);

CREATE TABLE IF NOT EXISTS nonderiv_holdings (
    accession                  TEXT NOT NULL,
    row_no                     INTEGER NOT NULL,
    security_title             TEXT,
    security_title_fn          TEXT,
    has_coding                 BOOLEAN NOT NULL,
    transaction_form_type      TEXT,
    transaction_code           TEXT,
    equity_swap_involved       BOOLEAN,
    transaction_coding_fn      TEXT,
    shares_owned_after         {decimal},
    shares_owned_after_fn      TEXT,
    value_owned_after          {decimal},
    value_owned_after_fn       TEXT,
    direct_indirect            TEXT,
    direct_indirect_fn         TEXT,
    nature_of_ownership        TEXT,
    nature_of_ownership_fn     TEXT,
    PRIMARY KEY (accession, row_no)
);

CREATE TABLE IF NOT EXISTS deriv_transactions (
    accession                      TEXT NOT NULL,
    row_no                         INTEGER NOT NULL,
    security_title                 TEXT,
    security_title_fn              TEXT,
    conversion_or_exercise_price   {decimal},
    conversion_or_exercise_price_fn TEXT,
    transaction_date               DATE,
    transaction_date_fn            TEXT,
    deemed_execution_date          DATE,
    deemed_execution_date_fn       TEXT,
    has_coding                     BOOLEAN NOT NULL,
    transaction_form_type          TEXT,
    transaction_code               TEXT,
    equity_swap_involved           BOOLEAN,
    transaction_coding_fn          TEXT,
    timeliness                     TEXT,
    timeliness_fn                  TEXT,
    shares                         {decimal},
    shares_fn                      TEXT,
    total_value                    {decimal},
    total_value_fn                 TEXT,
    price_per_share                {decimal},
    price_per_share_fn             TEXT,
    acquired_disposed              TEXT,
    acquired_disposed_fn           TEXT,
    exercise_date                  DATE,
    exercise_date_fn               TEXT,
    expiration_date                DATE,
    expiration_date_fn             TEXT,
    underlying_title               TEXT,
    underlying_title_fn            TEXT,
    underlying_shares              {decimal},
    underlying_shares_fn           TEXT,
    underlying_value               {decimal},
    underlying_value_fn            TEXT,
    shares_owned_after             {decimal},
    shares_owned_after_fn          TEXT,
    value_owned_after              {decimal},
    value_owned_after_fn           TEXT,
    direct_indirect                TEXT,
    direct_indirect_fn             TEXT,
    nature_of_ownership            TEXT,
    nature_of_ownership_fn         TEXT,
    PRIMARY KEY (accession, row_no)
);

CREATE TABLE IF NOT EXISTS deriv_holdings (
    accession                      TEXT NOT NULL,
    row_no                         INTEGER NOT NULL,
    security_title                 TEXT,
    security_title_fn              TEXT,
    conversion_or_exercise_price   {decimal},
    conversion_or_exercise_price_fn TEXT,
    has_coding                     BOOLEAN NOT NULL,
    transaction_form_type          TEXT,
    transaction_code               TEXT,
    equity_swap_involved           BOOLEAN,
    transaction_coding_fn          TEXT,
    exercise_date                  DATE,
    exercise_date_fn               TEXT,
    expiration_date                DATE,
    expiration_date_fn             TEXT,
    underlying_title               TEXT,
    underlying_title_fn            TEXT,
    underlying_shares              {decimal},
    underlying_shares_fn           TEXT,
    underlying_value               {decimal},
    underlying_value_fn            TEXT,
    shares_owned_after             {decimal},
    shares_owned_after_fn          TEXT,
    value_owned_after              {decimal},
    value_owned_after_fn           TEXT,
    direct_indirect                TEXT,
    direct_indirect_fn             TEXT,
    nature_of_ownership            TEXT,
    nature_of_ownership_fn         TEXT,
    PRIMARY KEY (accession, row_no)
);

CREATE TABLE IF NOT EXISTS footnotes (
    accession    TEXT NOT NULL,
    position     INTEGER NOT NULL,                 -- 1-based order in the filing
    footnote_id  TEXT NOT NULL,                    -- 'F1'
    text         TEXT,
    PRIMARY KEY (accession, position)
);

-- One row per footnote cited by a field: table_name is one of the four row tables, field the column
-- name without _fn ('shares', 'transaction_coding', ...).
CREATE TABLE IF NOT EXISTS field_footnotes (
    accession    TEXT NOT NULL,
    table_name   TEXT NOT NULL,
    row_no       INTEGER NOT NULL,
    field        TEXT NOT NULL,
    footnote_id  TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS signatures (
    accession       TEXT NOT NULL,
    position        INTEGER NOT NULL,
    name            TEXT,
    signature_date  DATE,
    PRIMARY KEY (accession, position)
);

-- Small key-value table for sync cursors and other state that must survive a restart.
CREATE TABLE IF NOT EXISTS sync_state (
    key         TEXT PRIMARY KEY,
    value       TEXT,
    updated_at  {timestamptz} NOT NULL
);

CREATE INDEX IF NOT EXISTS filings_issuer_cik ON filings (issuer_cik);
CREATE INDEX IF NOT EXISTS filings_issuer_ticker ON filings (issuer_ticker);
CREATE INDEX IF NOT EXISTS filings_filing_date ON filings (filing_date);
CREATE INDEX IF NOT EXISTS filings_period ON filings (period_of_report);
CREATE INDEX IF NOT EXISTS filings_amends ON filings (amends);
CREATE INDEX IF NOT EXISTS filings_loaded_at ON filings (loaded_at);
CREATE INDEX IF NOT EXISTS reporting_owners_cik ON reporting_owners (cik);
CREATE INDEX IF NOT EXISTS nonderiv_transactions_code ON nonderiv_transactions (transaction_code);
CREATE INDEX IF NOT EXISTS nonderiv_transactions_date ON nonderiv_transactions (transaction_date);
CREATE INDEX IF NOT EXISTS deriv_transactions_code ON deriv_transactions (transaction_code);
CREATE INDEX IF NOT EXISTS deriv_transactions_date ON deriv_transactions (transaction_date);
CREATE INDEX IF NOT EXISTS field_footnotes_accession ON field_footnotes (accession);

-- The effective rows. An amendment is linked to the filing it amends (filings.amends: same form,
-- issuer and owners, filed on the amendment's date of original submission; see docs/store.md). The
-- original and its amendments form a family named by the original's accession. Amendments whose
-- original is not in the store form a family of their own, named by the first of them, when they share
-- form, issuer, owners and date of original submission. seq orders a family: the original first, then
-- the amendments by filing date (unknown first) and accession.
--
-- Rule, per table, for a row of a family member: a later member that reports at least as many rows in
-- the table restates the table whole and replaces the row; a later member with fewer rows restates
-- only the rows it shares the key of (security title, ignoring case and outer spaces; transaction date;
-- transaction code) and replaces those. Rows no later member replaces stay in effect.
CREATE OR REPLACE VIEW filing_families AS
SELECT accession, is_amendment, filing_date, family,
       ROW_NUMBER() OVER (
           PARTITION BY family
           ORDER BY CASE WHEN is_amendment THEN 1 ELSE 0 END, filing_date NULLS FIRST, accession) AS seq,
       COUNT(*) OVER (PARTITION BY family) AS members
FROM (
    SELECT f.accession, f.is_amendment, f.filing_date,
           COALESCE(f.amends,
                    CASE WHEN f.is_amendment THEN MIN(f.accession) OVER (
                        PARTITION BY f.is_amendment, f.amends IS NULL, f.form, f.issuer_cik, f.owner_ciks,
                                     f.date_of_original_submission) END,
                    f.accession) AS family
    FROM filings f
) named;

CREATE OR REPLACE VIEW effective_nonderiv_transactions AS
WITH multi AS (
    SELECT m.accession, m.family, m.seq,
           (SELECT COUNT(*) FROM nonderiv_transactions x WHERE x.accession = m.accession) AS n
    FROM filing_families m
    WHERE m.members > 1
)
-- Most filings are alone in their family: their rows are in effect without a look at other filings.
SELECT r.*, m.family
FROM nonderiv_transactions r
JOIN filing_families m ON m.accession = r.accession
WHERE m.members = 1
UNION ALL
SELECT r.*, m.family
FROM nonderiv_transactions r
JOIN multi m ON m.accession = r.accession
WHERE NOT EXISTS (
    SELECT 1
    FROM multi m2
    WHERE m2.family = m.family AND m2.seq > m.seq AND m2.n > 0
      AND (m2.n >= m.n
           OR EXISTS (
               SELECT 1 FROM nonderiv_transactions r2
               WHERE r2.accession = m2.accession
                 AND UPPER(TRIM(r2.security_title)) IS NOT DISTINCT FROM UPPER(TRIM(r.security_title))
                 AND r2.transaction_date IS NOT DISTINCT FROM r.transaction_date
                 AND r2.transaction_code IS NOT DISTINCT FROM r.transaction_code))
);

CREATE OR REPLACE VIEW effective_deriv_transactions AS
WITH multi AS (
    SELECT m.accession, m.family, m.seq,
           (SELECT COUNT(*) FROM deriv_transactions x WHERE x.accession = m.accession) AS n
    FROM filing_families m
    WHERE m.members > 1
)
-- Most filings are alone in their family: their rows are in effect without a look at other filings.
SELECT r.*, m.family
FROM deriv_transactions r
JOIN filing_families m ON m.accession = r.accession
WHERE m.members = 1
UNION ALL
SELECT r.*, m.family
FROM deriv_transactions r
JOIN multi m ON m.accession = r.accession
WHERE NOT EXISTS (
    SELECT 1
    FROM multi m2
    WHERE m2.family = m.family AND m2.seq > m.seq AND m2.n > 0
      AND (m2.n >= m.n
           OR EXISTS (
               SELECT 1 FROM deriv_transactions r2
               WHERE r2.accession = m2.accession
                 AND UPPER(TRIM(r2.security_title)) IS NOT DISTINCT FROM UPPER(TRIM(r.security_title))
                 AND r2.transaction_date IS NOT DISTINCT FROM r.transaction_date
                 AND r2.transaction_code IS NOT DISTINCT FROM r.transaction_code))
);

-- Both transaction tables in one, with the columns they share and is_derivative.
CREATE OR REPLACE VIEW effective_transactions AS
SELECT accession, family, FALSE AS is_derivative, row_no, security_title, transaction_date,
       deemed_execution_date, transaction_form_type, transaction_code, equity_swap_involved, timeliness,
       shares, price_per_share, acquired_disposed, shares_owned_after, direct_indirect, nature_of_ownership
FROM effective_nonderiv_transactions
UNION ALL
SELECT accession, family, TRUE AS is_derivative, row_no, security_title, transaction_date,
       deemed_execution_date, transaction_form_type, transaction_code, equity_swap_involved, timeliness,
       shares, price_per_share, acquired_disposed, shares_owned_after, direct_indirect, nature_of_ownership
FROM effective_deriv_transactions;
