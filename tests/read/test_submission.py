"""section16.read.submission: full EDGAR submissions (.txt, the feed's .nc) read into the same Filing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import section16
from section16.errors import ParseError
from tests.conftest import FIXTURE_TXT, FIXTURE_XML, FIXTURES, fixture_txt_files

NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize("path", fixture_txt_files(), ids=lambda p: p.name)
def test_submission_gives_the_same_filing_as_its_bare_xml_twin(path: Path) -> None:
    twin = FIXTURE_XML / (path.stem + ".xml")
    assert twin.exists(), "every committed submission has its bare-XML twin committed too"
    sub = section16.parse(path)
    bare = section16.parse(twin)
    assert sub.submission is not None and bare.submission is None
    assert replace(sub, submission=None) == bare
    assert sub.submission.accession_number == path.stem == bare.accession_number


def test_twins_over_the_corpus(corpus: Path) -> None:
    pairs = [(t, corpus / "xml" / (t.stem + ".xml")) for t in sorted((corpus / "txt").glob("*.txt"))]
    pairs = [(t, x) for t, x in pairs if x.exists()]
    assert len(pairs) > 400
    differ = [t.name for t, x in pairs if replace(section16.parse(t), submission=None) != section16.parse(x)]
    assert differ == []


def test_header_of_a_4a() -> None:
    # Checked by hand against the SGML header of 0001179110-20-004036.txt (AbbVie, Brian L. Durkin).
    s = section16.parse(FIXTURE_TXT / "0001179110-20-004036.txt").submission
    assert s is not None
    assert s.accession_number == "0001179110-20-004036" and s.submission_type == "4/A"
    assert s.filing_date == date(2020, 3, 20) and s.period_of_report == date(2020, 3, 18)
    assert s.acceptance_datetime == datetime(2020, 3, 20, 17, 34, 31, tzinfo=NEW_YORK)
    assert s.document_count == 1
    (owner,) = s.reporting_owner_filers
    assert (owner.cik, owner.name, owner.file_number, owner.form_type) == (
        "0001756865",
        "Durkin Brian L",
        "001-35565",
        "4/A",
    )
    assert owner.mail_address is not None and owner.mail_address.city == "NORTH CHICAGO"
    issuer = s.issuer_filer
    assert issuer is not None
    assert (issuer.cik, issuer.name, issuer.sic, issuer.state_of_incorporation, issuer.fiscal_year_end) == (
        "0001551152",
        "AbbVie Inc.",
        "2834",
        "DE",
        "1231",
    )
    assert issuer.business_address is not None and issuer.business_address.phone == "(847) 932-7900"
    (doc,) = s.documents
    assert (doc.type, doc.sequence, doc.filename) == ("4/A", 1, "edgar.xml")


def test_pem_wrapped_2006_submission_with_former_names() -> None:
    s = section16.parse(FIXTURE_TXT / "0000019446-06-000081.txt").submission
    assert s is not None and s.acceptance_datetime == datetime(2006, 10, 19, 12, 34, 47, tzinfo=NEW_YORK)
    issuer = s.issuer_filer
    assert issuer is not None and issuer.name == "CANTEL MEDICAL CORP"
    assert (issuer.former_names[0].name, issuer.former_names[0].changed) == ("CANTEL INDUSTRIES INC", date(1992, 7, 3))


def test_joint_filing_header_and_exhibit() -> None:
    s = section16.parse(FIXTURE_TXT / "0001193805-20-000323.txt").submission
    assert s is not None
    assert len(s.reporting_owner_filers) == 6
    assert {f.file_number for f in s.reporting_owner_filers} == {"001-39248"}
    assert [d.type for d in s.documents] == ["3", "EX-99"]


def test_feed_nc_file() -> None:
    # The dissemination feed's tag-style header (edgar-samples/sgml_0001127602-25-004598.nc).
    f = section16.parse(FIXTURES / "nc" / "0001127602-25-004598.nc")
    s = f.submission
    assert s is not None and s.accession_number == "0001127602-25-004598" and s.filing_date == date(2025, 2, 13)
    (owner,) = s.reporting_owner_filers
    assert (owner.name, owner.cik, owner.file_number) == ("Jean-Claude Carine Lamercie", "0001870985", "001-04482")
    issuer = s.issuer_filer
    assert issuer is not None and issuer.sic == "5065" and len(issuer.former_names) == 2
    assert replace(f, submission=None) == section16.parse(FIXTURE_XML / "0001127602-25-004598.xml")


def test_broken_submissions_are_errors_with_a_place() -> None:
    data = (FIXTURE_TXT / "0000320193-20-000011.txt").read_bytes()
    cut = data.replace(b"</issuerName>", b"</issuerNme>", 1)
    with pytest.raises(ParseError) as e:
        section16.parse_bytes(cut, "cut.txt")
    assert e.value.source == "cut.txt" and e.value.line == cut[: cut.find(b"</issuerNme>")].count(b"\n") + 1
    no_xml = data[: data.find(b"<XML>")]
    with pytest.raises(ParseError, match="ownership XML"):
        section16.parse_bytes(no_xml, "noxml.txt")
    with pytest.raises(ParseError, match="header"):
        section16.parse_bytes(b"<SEC-DOCUMENT>x\n<SEC-HEADER>never closed", "h.txt")


@pytest.mark.parametrize("path", fixture_txt_files()[::5], ids=lambda p: p.name)
@pytest.mark.parametrize("newline", [b"\r\n", b"\r", b"\x0c\n"], ids=["crlf", "cr", "formfeed"])
def test_header_reads_alike_whatever_ends_its_lines(path: Path, newline: bytes) -> None:
    """The header's lines are cut as str.splitlines cuts them: CRLF, a lone CR, a form feed too."""
    data = path.read_bytes()
    end = data.find(b"</SEC-HEADER>")
    assert end > 0
    changed = data[:end].replace(b"\n", newline) + data[end:]
    assert section16.parse_bytes(changed, "x.txt").submission == section16.parse_bytes(data, "x.txt").submission


def test_a_header_indented_as_a_whole_reads_as_one_that_is_not() -> None:
    """0001790565-23-000009.txt has every line of its header (and its XML) indented by eight spaces:
    the blocks open at the first key's indent, and the indented <ACCEPTANCE-DATETIME> still counts."""
    sub = section16.parse(FIXTURE_TXT / "0001790565-23-000009.txt").submission
    assert sub is not None
    assert sub.acceptance_datetime == datetime(2023, 7, 31, 19, 21, 15, tzinfo=ZoneInfo("America/New_York"))
    owner, issuer = sub.filers
    assert (owner.role, owner.cik, owner.name, owner.file_number) == (
        "reporting-owner",
        "0001790565",
        "Baglino Andrew D",
        "001-34756",
    )
    assert owner.mail_address is not None and owner.mail_address.city == "FREMONT"
    assert (issuer.role, issuer.cik, issuer.name, issuer.sic) == ("issuer", "0001318605", "Tesla, Inc.", "3711")
    assert [n.name for n in issuer.former_names] == ["TESLA MOTORS INC"]
