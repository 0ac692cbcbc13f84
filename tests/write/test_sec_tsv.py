"""section16.write.sec_tsv: the eight SEC data-set tables, checked field for field against the XML.

The expected rows come from tests/write/sec_tsv_oracle.py, an independent lxml-XPath reading of the
XML (and a regular-expression reading of a submission's header) that shares no code with section16.
Over the committed fixtures always; over every file of ../shared/corpus when it is present (the
issue's "done means").
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import section16
from section16.model import Filing, Source
from section16.sec_dataset import TABLES, parse_date
from section16.write.sec_tsv import SecTsvWriter, accession_for, filing_dicts, filing_rows, write_sec_tsv
from tests.conftest import FIXTURE_TXT, FIXTURE_XML, corpus_dir, fixture_txt_files, fixture_xml_files
from tests.write.sec_tsv_oracle import (
    expected_tables,
    header_facts,
    load_xml,
    normalise_written,
    xml_of_submission,
)


def _disagreements(path: Path) -> list[str]:
    data = path.read_bytes()
    filing = section16.parse(path)
    got = filing_rows(filing)
    if path.suffix == ".txt":
        h = header_facts(data)
        expected = expected_tables(load_xml(xml_of_submission(data)), h["accession"], h["filed"], h["file_numbers"])
    else:
        expected = expected_tables(load_xml(data), accession_for(filing), None, {})
    problems = []
    for table, columns in TABLES.items():
        rows = [normalise_written(table, columns, r) for r in got[table]]
        want = expected[table]
        if len(rows) != len(want):
            problems.append(f"{path.name} {table}: {len(rows)} rows written, {len(want)} in the XML")
            continue
        for i, (g, w) in enumerate(zip(rows, want, strict=True)):
            for col, a, b in zip(columns, g, w, strict=True):
                if a != b:
                    problems.append(f"{path.name} {table}[{i + 1}].{col}: wrote {a!r}, XML has {b!r}")
    return problems


@pytest.mark.parametrize("path", fixture_xml_files() + fixture_txt_files(), ids=lambda p: p.name)
def test_fixture_tables_agree_with_the_xml(path: Path) -> None:
    assert _disagreements(path) == []


def test_whole_corpus_agrees_with_the_xml(corpus: Path) -> None:
    files = sorted((corpus / "xml").glob("*.xml")) + sorted((corpus / "txt").glob("*.txt"))
    assert len(files) > 1000
    problems = [p for f in files for p in _disagreements(f)]
    assert problems == [], "\n".join(problems[:40])


def test_columns_are_the_sec_ones_in_order(tmp_path: Path) -> None:
    counts = write_sec_tsv([section16.parse(FIXTURE_XML / "0000320193-20-000011.xml")], tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{t}.tsv" for t in TABLES)
    for table, columns in TABLES.items():
        lines = (tmp_path / f"{table}.tsv").read_text(encoding="utf-8").splitlines()
        assert lines[0].split("\t") == list(columns)
        assert len(lines) - 1 == counts[table]
        assert all(len(line.split("\t")) == len(columns) for line in lines)
    assert (tmp_path / "DERIV_TRANS.tsv").read_text().startswith("ACCESSION_NUMBER\tDERIV_TRANS_SK\t")
    assert "EXCERCISE_DATE" in TABLES["DERIV_TRANS"] and "EXERCISE_DATE" in TABLES["DERIV_HOLDING"]


def test_a_known_filing_cell_by_cell() -> None:
    # 0000320193-20-000011 (Apple, Form 4, Albert Gore Jr., 2020-01-27): one option exercise (M) in
    # Table I at 28.8571 and the matching derivative row; values read by hand from the XML.
    f = section16.parse(FIXTURE_TXT / "0000320193-20-000011.txt")
    d = filing_dicts(f)
    sub = d["SUBMISSION"][0]
    assert sub["ACCESSION_NUMBER"] == "0000320193-20-000011"
    assert sub["FILING_DATE"] == "29-Jan-2020"
    assert sub["PERIOD_OF_REPORT"] == "27-Jan-2020"
    assert sub["DOCUMENT_TYPE"] == "4" and sub["ISSUERTRADINGSYMBOL"] == "AAPL"
    assert sub["NOT_SUBJECT_SEC16"] == "0" and sub["AFF10B5ONE"] == ""
    (owner,) = d["REPORTINGOWNER"]
    assert owner["RPTOWNERNAME"] == "GORE ALBERT JR" and owner["RPTOWNER_RELATIONSHIP"] == "Director"
    assert owner["FILE_NUMBER"] == "001-36743"
    (t,) = d["NONDERIV_TRANS"]
    assert (t["NONDERIV_TRANS_SK"], t["TRANS_CODE"], t["TRANS_SHARES"], t["TRANS_PRICEPERSHARE"]) == (
        "1",
        "M",
        "32889",
        "28.8571",
    )
    assert t["TRANS_DATE"] == "27-Jan-2020" and t["EQUITY_SWAP_INVOLVED"] == "0"
    (dt,) = d["DERIV_TRANS"]
    assert dt["DERIV_TRANS_SK"] == "1" and dt["CONV_EXERCISE_PRICE"] == "28.8571"
    assert (dt["EXCERCISE_DATE"], dt["EXPIRATION_DATE"]) == ("25-Feb-2010", "25-Feb-2020")
    assert parse_date(dt["EXPIRATION_DATE"]) == date(2020, 2, 25)


def test_footnote_ids_and_sk_numbering() -> None:
    # 0000899243-21-043382: seven derivative rows and 13 footnotes, several on one field.
    f = section16.parse(FIXTURE_XML / "0000899243-21-043382.xml")
    d = filing_dicts(f)
    assert [r["DERIV_TRANS_SK"] for r in d["DERIV_TRANS"]] == [str(i) for i in range(1, 8)]
    assert [r["NONDERIV_TRANS_SK"] for r in d["NONDERIV_TRANS"]] == ["1", "2", "3"]
    multi = [r for table in d.values() for r in table for k, v in r.items() if k.endswith("_FN") and "," in v]
    assert multi, "some field of this filing carries two footnotes"
    assert all(" " not in v for table in d.values() for r in table for k, v in r.items() if k.endswith("_FN"))


def test_accession_rules() -> None:
    data = (FIXTURE_XML / "0000320193-20-000011.xml").read_bytes()
    named = section16.parse_bytes(data, "some/dir/000032019320000011.xml")
    assert accession_for(named) == "0000320193-20-000011"
    other = section16.parse_bytes(data, "forms/form4_gore.xml")
    assert accession_for(other) == "form4_gore"
    assert filing_rows(other)["SUBMISSION"][0][0] == "form4_gore"
    bare = section16.parse_bytes(data)
    assert accession_for(bare) == ""


def test_text_with_tabs_and_line_breaks_stays_on_one_line() -> None:
    f = section16.parse(FIXTURE_XML / "0000320193-20-000011.xml")
    from dataclasses import replace

    from section16.model import Footnote

    g = replace(f, footnotes=(Footnote("F1", "line one\r\nline\ttwo\nthree"),), remarks="a\tb")
    rows = filing_rows(g)
    assert rows["FOOTNOTES"][0][2] == "line one line two three"
    assert rows["SUBMISSION"][0][12] == "a b"


def test_numbers_are_written_as_filed() -> None:
    f = section16.parse(FIXTURE_XML / "0000899243-21-049992.xml")
    cells = [r["SHRS_OWND_FOLWNG_TRANS"] for r in filing_dicts(f)["NONDERIV_TRANS"]]
    text = (FIXTURE_XML / "0000899243-21-049992.xml").read_text()
    for c in cells:
        assert f"<value>{c}</value>" in text
    from dataclasses import replace

    from section16.model import NonDerivativeTransaction, Value

    tiny = replace(f, non_derivative_transactions=(NonDerivativeTransaction(shares=Value(Decimal("0.0000001"))),))
    assert filing_dicts(tiny)["NONDERIV_TRANS"][0]["TRANS_SHARES"] == "0.0000001"


def test_writer_streams_many_filings_into_one_set(tmp_path: Path) -> None:
    files = fixture_xml_files()[:25]
    with SecTsvWriter(tmp_path) as w:
        for p in files:
            w.write(section16.parse(p))
    subs = (tmp_path / "SUBMISSION.tsv").read_text(encoding="utf-8").splitlines()
    assert len(subs) == 1 + 25 and subs[0].startswith("ACCESSION_NUMBER\t")
    assert w.counts["SUBMISSION"] == 25
    owners = (tmp_path / "REPORTINGOWNER.tsv").read_text(encoding="utf-8").splitlines()
    assert len(owners) - 1 == sum(len(section16.parse(p).reporting_owners) for p in files)


def test_file_number_needs_the_submission() -> None:
    xml = section16.parse(FIXTURE_XML / "0000320193-20-000011.xml")
    assert filing_dicts(xml)["REPORTINGOWNER"][0]["FILE_NUMBER"] == ""
    assert filing_dicts(xml)["SUBMISSION"][0]["FILING_DATE"] == ""


def test_bytes_without_a_name_write_an_empty_accession() -> None:
    issuer = section16.parse(FIXTURE_XML / "form3_0d633559.xml").issuer
    f = Filing(document_type="4", period_of_report=None, issuer=issuer, reporting_owners=(), source=Source(None, "xml"))
    assert filing_rows(f)["SUBMISSION"][0][0] == ""


@pytest.mark.skipif(corpus_dir() is None, reason="../shared/corpus is not present")
def test_cli_writes_the_corpus_as_sec_tsv(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from section16.cli import app

    corpus = corpus_dir()
    assert corpus is not None
    result = CliRunner().invoke(app, ["parse", str(corpus / "txt"), "--to", "sec-tsv", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "SUBMISSION.tsv").read_text(encoding="utf-8").splitlines()
    assert len(lines) - 1 == len(list((corpus / "txt").glob("*.txt")))
