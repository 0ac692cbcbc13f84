"""Reading EDGAR's index files: the real sample heads, and indexes the fake EDGAR writes from real headers."""

from __future__ import annotations

from datetime import date

import pytest

from section16.edgar.indexes import (
    daily_index_path,
    dedupe,
    fetch_daily_index,
    fetch_full_index,
    forms_wanted,
    full_index_path,
    parse_index,
)
from section16.errors import ParseError

from .conftest import EDGAR_SAMPLES, make_client
from .fake_edgar import FakeEdgar


def test_real_daily_form_index_head() -> None:
    data = (EDGAR_SAMPLES / "index_files_form.20200318.head40.idx").read_bytes()
    entries = parse_index(data, "form", "form.20200318.idx")
    assert len(entries) == 30  # 40 lines less the 10 of the header
    first = entries[0]
    assert (first.form_type, first.company_name, first.cik) == ("1-A", "DLP Positive Note Fund LLC", "1806014")
    assert first.date_filed == date(2020, 3, 18)
    assert first.accession == "0001140361-20-006155"
    assert {e.form_type for e in entries} >= {"1-A POS", "10-12B/A", "10-K"}  # form types with spaces and slashes


def test_real_daily_company_index_head_with_its_wrapped_column_header() -> None:
    data = (EDGAR_SAMPLES / "index_files_company.20221003.head30.idx").read_bytes()
    entries = parse_index(data, "company", "company.20221003.idx")
    assert len(entries) == 19
    abernathy = next(e for e in entries if e.company_name == "ABERNATHY ROBERT E")
    assert (abernathy.form_type, abernathy.cik, abernathy.accession) == ("4", "1222888", "0001127602-22-023172")
    assert next(e for e in entries if e.company_name.startswith("36Kr")).form_type == "SC 13D/A"


def test_bad_line_names_file_and_line() -> None:
    data = (EDGAR_SAMPLES / "index_files_form.20200318.head40.idx").read_bytes()
    lines = data.split(b"\n")
    lines[14] = b"10-K        garbage without the rest"
    with pytest.raises(ParseError) as e:
        parse_index(b"\n".join(lines), "form", "form.20200318.idx")
    assert e.value.source == "form.20200318.idx" and e.value.line == 15


def test_not_an_index() -> None:
    with pytest.raises(ParseError, match="no rule of dashes"):
        parse_index(b"<html>hello</html>\n", "master", "x.idx")


def test_paths() -> None:
    assert daily_index_path(date(2020, 3, 18)) == "Archives/edgar/daily-index/2020/QTR1/form.20200318.idx"
    assert daily_index_path(date(2024, 11, 5), "master") == "Archives/edgar/daily-index/2024/QTR4/master.20241105.idx"
    assert full_index_path(2021, 2, "company") == "Archives/edgar/full-index/2021/QTR2/company.idx"


def test_forms_wanted() -> None:
    assert forms_wanted(["4"]) == {"4", "4/A"}
    assert forms_wanted(["3", "5/A"]) == {"3", "3/A", "5/A"}
    with pytest.raises(ValueError, match="not a Section 16 form"):
        forms_wanted(["10-K"])


@pytest.mark.parametrize("kind", ["form", "company", "master"])
def test_three_layouts_agree_and_dedupe_by_accession(fake: FakeEdgar, kind: str) -> None:
    client = make_client(fake)
    entries = fetch_daily_index(client, date(2020, 2, 11), kind)  # type: ignore[arg-type]
    assert entries is not None
    # 0001104659-20-016112 is a joint filing: listed under the issuer and each of its two owners.
    joint = [e for e in entries if e.accession == "0001104659-20-016112"]
    assert len(joint) == 3
    listings = dedupe(entries, forms_wanted(["3", "4", "5"]))
    accessions = [x.accession for x in listings]
    assert len(accessions) == len(set(accessions))
    expected = {f.accession for f in fake.filings if f.filed == date(2020, 2, 11)}
    assert set(accessions) == expected
    assert len(next(x for x in listings if x.accession == "0001104659-20-016112").ciks) == 3
    assert all(not x.accession.startswith("0009") for x in listings)  # the 8-K noise line is filtered out


def test_missing_daily_index_is_no_data(fake: FakeEdgar) -> None:
    client = make_client(fake)
    assert fetch_daily_index(client, date(2020, 2, 15)) is None  # a Saturday
    assert fetch_daily_index(client, date(2031, 1, 6)) is None  # not published yet
    assert client.stats.missing == 2
    assert [r.status for r in fake.log] == [403, 403]


def test_full_index_lists_the_quarter(fake: FakeEdgar) -> None:
    client = make_client(fake)
    listings = dedupe(fetch_full_index(client, 2020, 1), forms_wanted(["3", "4", "5"]))
    expected = {f.accession for f in fake.filings if date(2020, 1, 1) <= f.filed <= date(2020, 3, 31)}
    assert {x.accession for x in listings} == expected and len(listings) == len(expected)
