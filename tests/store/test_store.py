"""The store on DuckDB and PostgreSQL alike: loading, idempotence, joint filings, amendments, queries."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from section16 import parse
from section16.errors import StoreError
from section16.model import Filing, Value
from section16.store import Store, open_store
from section16.store.rows import COLUMNS, FilingRows, filing_rows

from .conftest import STORE_FIXTURES


def _by_acc(filings: list[Filing], acc: str, fmt: str = "submission") -> Filing:
    return next(f for f in filings if f.accession_number == acc and f.source.format == fmt)


def test_schema_columns_are_the_loader_columns(store: Store) -> None:
    for table, cols in COLUMNS.items():
        got = store.query(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table],
        ).column("column_name")
        assert got.to_pylist() == [c for c, _ in cols], table


def test_load_counts_and_rows(store: Store, fixture_filings: list[Filing]) -> None:
    result = store.load(fixture_filings)
    # One XML file is the twin of a submission: the same accession, stored once.
    accessions = {f.accession_number for f in fixture_filings}
    assert result.inserted == len(accessions) and result.failed == []
    assert result.inserted + result.skipped + result.replaced == len(fixture_filings)
    assert store.count() == len(accessions)
    assert store.accessions() == accessions
    stored = {f.accession_number: f for f in fixture_filings if f.source.format == "submission"}
    stored |= {f.accession_number: f for f in fixture_filings if f.accession_number not in stored}
    assert store.count("nonderiv_transactions") == sum(len(f.non_derivative_transactions) for f in stored.values())
    assert store.count("deriv_holdings") == sum(len(f.derivative_holdings) for f in stored.values())
    assert store.count("footnotes") == sum(len(f.footnotes) for f in stored.values())
    assert store.count("reporting_owners") == sum(len(f.reporting_owners) for f in stored.values())
    assert store.count("signatures") == sum(len(f.signatures) for f in stored.values())
    links = sum(
        len(v.footnote_ids)
        for f in stored.values()
        for row in f.rows
        for v in [getattr(row, fld.name) for fld in dataclasses.fields(row)]
        if isinstance(v, Value)
    ) + sum(len(r.coding.footnote_ids) for f in stored.values() for r in f.rows if r.coding)
    assert store.count("field_footnotes") == links


def test_load_is_idempotent(store: Store, fixture_filings: list[Filing]) -> None:
    store.load(fixture_filings)
    before = {t: store.count(t) for t in COLUMNS}
    again = store.load(fixture_filings)
    assert again.inserted == 0 and again.replaced == 0 and again.skipped == len(fixture_filings)
    assert {t: store.count(t) for t in COLUMNS} == before


def test_richer_source_replaces_poorer(store: Store, fixture_filings: list[Filing]) -> None:
    acc = "0001179110-20-005836"
    xml = _by_acc(fixture_filings, acc, "xml")
    sub = _by_acc(fixture_filings, acc, "submission")
    assert store.load([xml]).inserted == 1
    assert store.query("SELECT filing_date FROM filings").column(0).to_pylist() == [None]
    r = store.load([sub])
    assert (r.inserted, r.replaced) == (0, 1)
    assert store.query("SELECT filing_date, source_format FROM filings").to_pylist() == [
        {"filing_date": date(2020, 5, 12), "source_format": "submission"}
    ]
    assert store.count("nonderiv_transactions") == len(sub.non_derivative_transactions)
    # The poorer copy does not replace the richer one; replace=True forces it.
    assert store.load([xml]).skipped == 1
    assert store.load([xml], replace=True).replaced == 1
    assert store.query("SELECT source_format FROM filings").column(0).to_pylist() == ["xml"]


def test_joint_filing_stored_once_with_every_owner(store: Store, fixture_filings: list[Filing]) -> None:
    joint = _by_acc(fixture_filings, "0000769993-19-000383", "xml")
    assert len(joint.reporting_owners) == 9
    store.load([joint])
    assert store.count() == 1
    assert store.count("reporting_owners") == 9
    assert store.count("nonderiv_transactions") == len(joint.non_derivative_transactions)
    owners = store.query("SELECT cik, cik_filed, name FROM reporting_owners ORDER BY position").to_pylist()
    assert [o["name"] for o in owners] == [o.name for o in joint.reporting_owners]
    for o, m in zip(owners, joint.reporting_owners, strict=True):
        assert o["cik_filed"] == m.cik and o["cik"] == (m.cik or "").lstrip("0")
    trades = store.trades().to_pylist()
    assert len(trades) == len(joint.non_derivative_transactions) + len(joint.derivative_transactions)
    assert all(t["owner"].count("; ") == 8 for t in trades)


def test_ciks_normalised_and_kept_as_filed(store: Store, fixture_filings: list[Filing]) -> None:
    store.load(fixture_filings)
    rows = store.query("SELECT issuer_cik, issuer_cik_filed FROM filings").to_pylist()
    assert all(r["issuer_cik"] == r["issuer_cik_filed"].strip().lstrip("0") for r in rows)
    assert any(r["issuer_cik_filed"].startswith("0") for r in rows)
    amd = store.filings(issuer="0000002488").to_pylist()
    assert [r["accession"] for r in amd] == ["0000002488-24-000005"]


def test_amendment_linked_either_order(store: Store, fixture_filings: list[Filing]) -> None:
    original = _by_acc(fixture_filings, "0001179110-20-005836")
    amendment = _by_acc(fixture_filings, "0001179110-20-006518")
    assert amendment.date_of_original_submission == original.submission.filing_date  # type: ignore[union-attr]
    store.load([amendment])
    assert store.query("SELECT amends FROM filings").column(0).to_pylist() == [None]
    store.load([original])
    got = store.query("SELECT accession, amends FROM filings ORDER BY accession").to_pylist()
    assert got == [
        {"accession": "0001179110-20-005836", "amends": None},
        {"accession": "0001179110-20-006518", "amends": "0001179110-20-005836"},
    ]


def test_effective_transactions_apply_amendments(store: Store, fixture_filings: list[Filing]) -> None:
    store.load(fixture_filings)
    original = _by_acc(fixture_filings, "0001179110-20-005836")
    amendment = _by_acc(fixture_filings, "0001179110-20-006518")
    eff = store.query(
        "SELECT accession, family FROM effective_transactions WHERE family = ?", [original.accession_number]
    ).to_pylist()
    # The 4/A restates both Table I rows (same title, date and code), so its rows replace the original's.
    assert len(amendment.non_derivative_transactions) == len(original.non_derivative_transactions) == 2
    assert {r["accession"] for r in eff} == {amendment.accession_number}
    assert len(eff) == len(amendment.non_derivative_transactions) + len(amendment.derivative_transactions)
    # Two 4/As of one original that is not stored: one family. The second corrects only the 2020-03-20
    # purchases (two rows become one), so the first's 2020-03-18 purchase stays in effect.
    orphans = store.query(
        "SELECT accession, transaction_date, shares FROM effective_transactions WHERE family = ?"
        " ORDER BY transaction_date",
        ["0001179110-20-004036"],
    ).to_pylist()
    assert [(r["accession"], r["transaction_date"].isoformat(), int(r["shares"])) for r in orphans] == [
        ("0001179110-20-004036", "2020-03-18", 2200),
        ("0001179110-20-005097", "2020-03-20", 1550),
    ]
    # Everything else is in effect as filed: 2 original rows and 2 first-amendment rows are replaced.
    total = store.count("nonderiv_transactions") + store.count("deriv_transactions")
    assert store.query("SELECT COUNT(*) FROM effective_transactions").column(0)[0].as_py() == total - 4


def test_state_round_trip(store: Store) -> None:
    assert store.get_state("sync:daily") is None
    store.set_state("sync:daily", "2024-01-02")
    store.set_state("sync:daily", "2024-01-03")
    assert store.get_state("sync:daily") == "2024-01-03"
    store.set_state("sync:daily", None)
    assert store.get_state("sync:daily") is None


def test_state_survives_reopen(db_url: str) -> None:
    with open_store(db_url) as s:
        s.set_state("cursor", "x")
    with open_store(db_url) as s:
        assert s.get_state("cursor") == "x"
        assert s.count() == 0  # reopening does not recreate or wipe anything


def test_query_placeholders_and_percent(store: Store, fixture_filings: list[Filing]) -> None:
    store.load(fixture_filings)
    n = store.query(
        "SELECT COUNT(*) AS n FROM filings WHERE issuer_name LIKE 'A%' AND form = ? AND owner_count >= ?", ["4", 1]
    ).to_pylist()[0]["n"]
    expected = sum(
        1
        for a in store.accessions()
        for f in [next(x for x in fixture_filings if x.accession_number == a)]
        if (f.issuer.name or "").startswith("A") and f.form == "4"
    )
    assert n == expected > 0
    # A question mark inside a literal is not a parameter.
    assert store.query("SELECT '?' AS q").to_pylist() == [{"q": "?"}]
    with pytest.raises(StoreError):
        store.query("SELECT * FROM no_such_table")


def test_trades_filters(store: Store, fixture_filings: list[Filing]) -> None:
    store.load(fixture_filings)
    ko = store.trades(ticker="ko").to_pylist()
    assert ko and {t["ticker"] for t in ko} == {"KO"}
    owner = ko[0]["owner_ciks"]
    assert {t["owner_ciks"] for t in store.trades(owner="000" + owner).to_pylist()} == {owner}
    since = store.trades(since="2024-01-01").to_pylist()
    assert since and all(t["transaction_date"] >= date(2024, 1, 1) for t in since)
    codes = store.trades(codes=["m"]).to_pylist()
    assert codes and {t["code"] for t in codes} == {"M"}
    dates = [t["transaction_date"] for t in store.trades().to_pylist() if t["transaction_date"]]
    assert dates == sorted(dates, reverse=True)
    assert len(store.trades(limit=2).to_pylist()) == 2


def test_dataframes(store: Store, fixture_filings: list[Filing]) -> None:
    store.load(fixture_filings)
    pdf = store.trades(as_="pandas")
    pl = store.trades(as_="polars")
    assert len(pdf) == pl.height == store.trades().num_rows > 0


def test_exact_decimals_kept(store: Store, fixture_filings: list[Filing]) -> None:
    f = _by_acc(fixture_filings, "0000002488-24-000005", "xml")
    t0 = f.non_derivative_transactions[0]
    long = Decimal("1.12345678901234567")
    odd = dataclasses.replace(
        f,
        non_derivative_transactions=(
            dataclasses.replace(t0, price_per_share=Value(long)),
            *f.non_derivative_transactions[1:],
        ),
    )
    store.load([odd])
    extras = store.query("SELECT CAST(extras AS TEXT) AS e FROM filings").column(0)[0].as_py()
    assert json.loads(extras)["exact"]["nonderiv_transactions/1/price_per_share"] == str(long)
    price = store.query("SELECT price_per_share FROM nonderiv_transactions WHERE row_no = 1").column(0)[0].as_py()
    assert abs(price - long) < Decimal("1e-12")


def test_failures_are_reported_not_dropped(store: Store, fixture_filings: list[Filing]) -> None:
    good = fixture_filings[0]
    nameless = dataclasses.replace(_by_acc(fixture_filings, "0000002488-24-000005", "xml"))
    object.__setattr__(nameless, "source", dataclasses.replace(nameless.source, path="form4.xml"))
    r = store.load([good, nameless])
    assert r.inserted == 1
    assert len(r.failed) == 1 and r.failed[0][0] == "form4.xml"
    assert "no accession number" in r.failed[0][1]


def test_bad_row_fails_alone(store: Store, fixture_filings: list[Filing]) -> None:
    now = datetime.now(UTC)
    rows = [filing_rows(f, loaded_at=now) for f in fixture_filings[:3]]
    bad = rows[1]
    broken = dict(bad.tables)
    broken["footnotes"] = [(bad.accession, "not a number", "F1", "x")]
    rows[1] = FilingRows(bad.accession, bad.source_format, bad.parser_version, broken)
    r = store.load_rows(rows)
    assert r.inserted == 2 and [a for a, _ in r.failed] == [bad.accession]
    assert not store.has(bad.accession)
    assert store.has(rows[0].accession) and store.has(rows[2].accession)


def test_findings_kept(store: Store, fixture_filings: list[Filing]) -> None:
    f = fixture_filings[0]
    store.load([f], findings={f.accession_number or "": [{"code": "E1", "message": "late"}]})
    got = store.query("SELECT CAST(findings AS TEXT) AS j FROM filings").column(0)[0].as_py()
    assert json.loads(got) == [{"code": "E1", "message": "late"}]


def test_fixture_folder_present() -> None:
    assert len(list(STORE_FIXTURES.glob("*.txt"))) >= 8
    assert parse(next(STORE_FIXTURES.glob("*.txt"))).submission is not None


def test_filings_read_back_equal(store: Store, fixture_filings: list[Filing]) -> None:
    store.load(fixture_filings)
    back = {f.accession_number: f for f in store.iter_filings()}
    assert set(back) == store.accessions()
    for f in fixture_filings:
        stored = back[f.accession_number]
        if stored.source.format == f.source.format:
            assert stored == f, f.accession_number
            assert stored.source == f.source
    assert store.filing("0000000000-00-000000") is None


def test_check_findings_kept(store: Store, fixture_filings: list[Filing]) -> None:
    from section16 import check

    f = dataclasses.replace(_by_acc(fixture_filings, "0001179110-20-006518"), signatures=())
    found = check(f, xsd=False)
    assert found  # an unsigned filing has at least that finding
    store.load([f], findings={f.accession_number or "": found})
    got = json.loads(store.query("SELECT CAST(findings AS TEXT) FROM filings").column(0)[0].as_py())
    assert [(g["code"], g["severity"], g["where"]) for g in got] == [
        (x.code, str(getattr(x.severity, "value", x.severity)), x.where) for x in found
    ]


def test_many_openers_at_once(pg_server: str) -> None:
    """PostgreSQL takes many processes opening one new database at once (DuckDB has one writer)."""
    from concurrent.futures import ThreadPoolExecutor

    from .pg import fresh_database

    url = fresh_database(pg_server, "section16_test_openers")

    def open_and_count(_: int) -> int:
        with open_store(url) as s:
            return s.count()

    with ThreadPoolExecutor(6) as pool:
        assert list(pool.map(open_and_count, range(6))) == [0] * 6


def test_whole_restatement_correcting_a_date(store: Store, fixture_filings: list[Filing]) -> None:
    # 0001179110-20-004036 restates its Form 4 to correct one date (its footnote F2 says so). Its
    # original is not in the fixtures: built here from it, third row on the wrong day, filed the same day.
    amendment = _by_acc(fixture_filings, "0001179110-20-004036")
    assert amendment.submission is not None
    rows = list(amendment.non_derivative_transactions)
    wrong_day = dataclasses.replace(rows[2].transaction_date, value=date(2020, 3, 19))
    original = dataclasses.replace(
        amendment,
        document_type="4",
        date_of_original_submission=None,
        non_derivative_transactions=(rows[0], rows[1], dataclasses.replace(rows[2], transaction_date=wrong_day)),
        submission=dataclasses.replace(amendment.submission, accession_number="0001179110-20-003999"),
    )
    store.load([amendment, original])
    assert store.query("SELECT amends FROM filings WHERE is_amendment").column(0).to_pylist() == [
        "0001179110-20-003999"
    ]
    got = store.query("SELECT accession, transaction_date FROM effective_transactions ORDER BY row_no").to_pylist()
    assert got == [{"accession": "0001179110-20-004036", "transaction_date": r.transaction_date.value} for r in rows]
