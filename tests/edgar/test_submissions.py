"""The submissions JSON: the real TSLA sample, and older pages from the fake EDGAR."""

from __future__ import annotations

from datetime import date

import pytest

from section16.edgar.submissions import fetch_submissions, parse_submissions, parse_submissions_page, submissions_path
from section16.errors import ParseError

from .conftest import EDGAR_SAMPLES, make_client, submission_files
from .fake_edgar import FakeEdgar


def test_real_sample() -> None:
    s = parse_submissions((EDGAR_SAMPLES / "company_submission_TSLA_truncated5.json").read_bytes())
    assert (s.cik, s.name, s.tickers) == ("1318605", "Tesla, Inc.", ("TSLA",))
    assert len(s.filings) == 5
    first = s.filings[0]
    assert first.accession == "0001790565-22-000015"
    assert (first.form, first.filing_date, first.report_date) == ("4", date(2022, 11, 30), date(2022, 11, 28))
    assert first.primary_document == "xslF345X03/edgardoc.xml"
    assert first.xml_document == "edgardoc.xml"  # the raw XML, not the rendered page
    assert s.older_pages == ("CIK0001318605-submissions-001.json",)


def test_arrays_of_unequal_length_are_an_error() -> None:
    page = b'{"accessionNumber": ["a", "b"], "form": ["4"]}'
    with pytest.raises(ParseError, match="form is not an array as long"):
        parse_submissions_page(page, "1", "page.json")
    with pytest.raises(ParseError, match="not JSON"):
        parse_submissions(b'{"cik": "1", "filings": {"recent"', "cut.json")


def test_path() -> None:
    assert submissions_path("320193") == "submissions/CIK0000320193.json"


def test_older_pages_are_fetched_and_folded_in() -> None:
    with FakeEdgar(submission_files(), page_size=1) as fake:
        client = make_client(fake)
        s = fetch_submissions(client, "320193")  # Apple: three Form 4s among the fixtures
        expected = {f.accession for f in fake.filings if any(c == "320193" for c, _ in f.filers)}
        assert len(expected) == 3
        assert {r.accession for r in s.filings} == expected and len(s.filings) == len(expected)
        assert len(s.older_pages) == 2
        assert len(fake.requests_for("/submissions/")) == 1 + len(s.older_pages)
        dates = [r.filing_date for r in s.filings]
        assert dates == sorted(dates, reverse=True)  # newest first, across pages
        assert fetch_submissions(client, "320193", older=False).filings == s.filings[:1]
        assert fetch_submissions(client, "320193", forms=["5"]).filings == ()
