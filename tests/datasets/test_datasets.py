"""SEC data sets: export -> import -> export is identical; importing equals loading the filings."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from section16.datasets import DatasetReader, export_sec_tsv, import_dataset
from section16.model import Filing
from section16.sec_dataset import TABLES
from section16.store import Store, open_store
from section16.write.sec_tsv import write_sec_tsv
from tests.store.pg import fresh_database


@pytest.fixture
def other_url(db_url: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A second empty database of the same kind as ``db_url``."""
    if db_url.startswith("postgresql://"):
        return fresh_database(request.getfixturevalue("pg_server"), db_url.rsplit("/", 1)[1] + "_other")
    return str(tmp_path / "other.duckdb")


def _zip_of(dir_: Path, name: str) -> Path:
    z = dir_ / name
    with zipfile.ZipFile(z, "w") as out:
        for t in TABLES:
            out.write(dir_ / f"{t}.tsv", f"{t}.tsv")
    return z


def test_export_import_export_identical(
    store: Store, fixture_filings: list[Filing], tmp_path: Path, other_url: str
) -> None:
    store.load(fixture_filings)
    first = tmp_path / "first"
    counts = export_sec_tsv(store, first, zip_name="2020q1_form345.zip")
    assert counts["SUBMISSION"] == store.count()
    assert counts["NONDERIV_TRANS"] == store.count("nonderiv_transactions")
    for t, cols in TABLES.items():
        assert (first / f"{t}.tsv").read_text(encoding="utf-8").split("\n", 1)[0] == "\t".join(cols)
    with open_store(other_url) as other:
        r = import_dataset(other, first / "2020q1_form345.zip")
        assert (r.inserted, r.failed) == (store.count(), [])
        second = tmp_path / "second"
        export_sec_tsv(other, second)
    for t in TABLES:
        a = (first / f"{t}.tsv").read_bytes()
        assert a == (second / f"{t}.tsv").read_bytes(), t


# The columns a data set carries, per store table; the rest (addresses' non-US fields, schema version,
# acceptance time ...) the SEC files do not have.
_COMPARABLE = {
    "filings": "accession, document_type, period_of_report, date_of_original_submission, filing_date, issuer_cik,"
    " issuer_name, issuer_ticker, no_securities_owned, not_subject_to_section16, form3_holdings_reported,"
    " form4_transactions_reported, aff10b5one, remarks, owner_ciks, amends",
    "reporting_owners": "accession, position, cik, name, street1, street2, city, state, zip_code, state_description,"
    " is_director, is_officer, is_ten_percent_owner, is_other, officer_title, other_text, file_number",
    "nonderiv_transactions": "*",
    "deriv_transactions": "*",
    "nonderiv_holdings": "accession, row_no, security_title, security_title_fn, transaction_form_type,"
    " transaction_coding_fn, shares_owned_after, shares_owned_after_fn, value_owned_after, direct_indirect,"
    " nature_of_ownership",
    "deriv_holdings": "accession, row_no, security_title, conversion_or_exercise_price, transaction_form_type,"
    " exercise_date, exercise_date_fn, expiration_date, underlying_title, underlying_shares, shares_owned_after,"
    " direct_indirect, nature_of_ownership",
    "footnotes": "*",
    "field_footnotes": "*",
    "signatures": "*",
}

_ORDER = {
    "filings": "accession",
    "reporting_owners": "accession, position",
    "footnotes": "accession, position",
    "signatures": "accession, position",
    "field_footnotes": "accession, table_name, row_no, field, footnote_id",
}


def test_import_equals_direct_load(store: Store, fixture_filings: list[Filing], tmp_path: Path, other_url: str) -> None:
    # Only submissions: a data set carries the filing date, which a bare XML file does not have.
    subs = [f for f in fixture_filings if f.source.format == "submission"]
    store.load(subs)
    write_sec_tsv(subs, tmp_path)
    with open_store(other_url) as imported:
        r = import_dataset(imported, _zip_of(tmp_path, "q.zip"))
        assert r.inserted == len(subs) and not r.failed
        for table, cols in _COMPARABLE.items():
            sql = f"SELECT {cols} FROM {table} ORDER BY {_ORDER.get(table, 'accession, row_no')}"
            want = store.query(sql).to_pylist()
            got = imported.query(sql).to_pylist()
            assert got == want, table


def test_reader_tolerates_header_case_and_missing_columns(tmp_path: Path) -> None:
    header = [c.lower() for c in TABLES["SUBMISSION"] if c != "AFF10B5ONE"]
    row = ["0000000001-24-000001", "02-Jul-2024", "01-Jul-2024", "", "0", "0", "", "", "4", "0000320193",
           "Apple Inc.", "AAPL", ""]  # fmt: skip
    (tmp_path / "SUBMISSION.tsv").write_text("\t".join(header) + "\n" + "\t".join(row) + "\n", encoding="utf-8")
    reader = DatasetReader.from_dir(tmp_path)
    (f,) = list(reader.filings())
    assert isinstance(f, Filing)
    assert f.issuer.trading_symbol == "AAPL" and f.aff10b5one is None
    assert f.submission is not None and f.submission.filing_date is not None
    assert f.submission.filing_date.isoformat() == "2024-07-02"


def test_bad_value_fails_that_filing_with_its_place(store: Store, tmp_path: Path) -> None:
    cols = TABLES["SUBMISSION"]
    good = ["0000000001-24-000001", "02-Jul-2024", "01-Jul-2024", "", "0", "0", "", "", "4", "320193", "Apple Inc.",
            "AAPL", "", "0"]  # fmt: skip
    bad = ["0000000001-24-000002", "31-Foo-2024", *good[2:]]
    lines = ["\t".join(cols), "\t".join(good), "\t".join(bad)]
    (tmp_path / "SUBMISSION.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = import_dataset(store, tmp_path)
    assert r.inserted == 1 and store.has("0000000001-24-000001")
    assert len(r.failed) == 1
    where, why = r.failed[0]
    assert "SUBMISSION.tsv" in where and ":3" in why and "FILING_DATE" in why


def test_not_a_dataset(tmp_path: Path) -> None:
    from section16.errors import ParseError

    z = tmp_path / "x.zip"
    with zipfile.ZipFile(z, "w") as out:
        out.writestr("README.txt", "hello")
    with pytest.raises(ParseError, match=r"no SUBMISSION\.tsv"):
        DatasetReader.from_zip(z)


def test_rows_without_a_submission_are_reported(store: Store, tmp_path: Path) -> None:
    cols = TABLES["SUBMISSION"]
    good = ["0000000001-24-000001", "02-Jul-2024", "01-Jul-2024", "", "0", "0", "", "", "4", "320193", "Apple Inc.",
            "AAPL", "", "0"]  # fmt: skip
    (tmp_path / "SUBMISSION.tsv").write_text("\t".join(cols) + "\n" + "\t".join(good) + "\n", encoding="utf-8")
    fn = ["0000000001-24-000001\tF1\tA footnote", "broken continuation of a footnote"]
    (tmp_path / "FOOTNOTES.tsv").write_text("\t".join(TABLES["FOOTNOTES"]) + "\n" + "\n".join(fn) + "\n")
    r = import_dataset(store, tmp_path)
    assert r.inserted == 1
    assert store.query("SELECT text FROM footnotes").column(0).to_pylist() == ["A footnote"]
    assert len(r.failed) == 1 and r.failed[0][0].endswith("FOOTNOTES.tsv:3")


def test_import_with_a_pool_equals_in_process(
    fixture_filings: list[Filing], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import section16.datasets.load as dsload

    subs = [f for f in fixture_filings if f.source.format == "submission"]
    write_sec_tsv(subs, tmp_path / "tsv")
    monkeypatch.setattr(dsload, "PART", 3)  # several tasks from the few fixture filings
    got = []
    for workers in (1, 2):
        with open_store(tmp_path / f"w{workers}.duckdb") as s:
            r = import_dataset(s, tmp_path / "tsv", workers=workers)
            assert r.failed == [] and r.inserted == len(subs)
            got.append([s.query(f"SELECT * FROM {t} ORDER BY ALL").to_pylist() for t in ("nonderiv_transactions",
                        "reporting_owners", "footnotes", "signatures")])  # fmt: skip
    assert got[0] == got[1]


def test_duplicate_submission_rows_fail_that_accession(
    store: Store, fixture_filings: list[Filing], tmp_path: Path
) -> None:
    twins = [f for f in fixture_filings if f.accession_number == "0001179110-20-005836"]
    assert len(twins) == 2
    write_sec_tsv([*twins, fixture_filings[0]], tmp_path)
    r = import_dataset(store, tmp_path, workers=1)
    assert r.inserted == 1 and not store.has("0001179110-20-005836")
    assert len(r.failed) == 1 and "has 2 SUBMISSION rows" in r.failed[0][1]
