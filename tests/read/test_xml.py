"""section16.read.xml: every committed fixture reads; hostile XML is refused; odd real filings read right."""

from __future__ import annotations

import base64
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import section16
from section16.errors import ParseError
from section16.read.xml import parse_ownership_xml
from tests.conftest import FIXTURE_XML, corpus_dir, fixture_txt_files, fixture_xml_files


@pytest.mark.parametrize("path", fixture_xml_files() + fixture_txt_files(), ids=lambda p: p.name)
def test_every_fixture_parses(path: Path) -> None:
    f = section16.parse(path)
    assert f.document_type in ("3", "3/A", "4", "4/A", "5", "5/A")
    assert f.issuer.cik
    assert f.reporting_owners
    assert f.source.path == str(path)
    assert f.source.format == ("submission" if path.suffix == ".txt" else "xml")


def test_fixtures_cover_forms_and_schema_versions() -> None:
    filings = [section16.parse(p) for p in fixture_xml_files()]
    assert {f.document_type for f in filings} >= {"3", "4", "4/A", "5"}
    versions = {f.schema_version for f in filings}
    assert versions >= {
        "X0202",
        "X0203",
        "X0204",
        "X0206",
        "X0303",
        "X0304",
        "X0305",
        "X0306",
        "X0407",
        "X0508",
        "X0609",
    }
    assert max(len(f.reporting_owners) for f in filings) == 10


def test_whole_corpus_parses(corpus: Path) -> None:
    files = sorted((corpus / "xml").glob("*.xml")) + sorted((corpus / "txt").glob("*.txt"))
    assert len(files) > 1300
    for p in files:
        section16.parse(p)


# -- hostile XML --------------------------------------------------------------------------------------------

_HOSTILE = {
    "xxe-file": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b"<ownershipDocument><documentType>4</documentType><remarks>&x;</remarks></ownershipDocument>",
    "xxe-http": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>'
    b"<ownershipDocument><documentType>&x;</documentType></ownershipDocument>",
    "billion-laughs": b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
    b"<ownershipDocument><documentType>4</documentType><remarks>&d;</remarks></ownershipDocument>",
    "parameter-entity": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd">%p;]>'
    b"<ownershipDocument><documentType>4</documentType></ownershipDocument>",
    "external-dtd": b'<?xml version="1.0"?><!DOCTYPE ownershipDocument SYSTEM "http://127.0.0.1:9/o.dtd">'
    b"<ownershipDocument><documentType>4</documentType></ownershipDocument>",
    "doctype-late": b"<ownershipDocument><documentType>4</documentType></ownershipDocument>\n"
    b'<!DOCTYPE x [<!ENTITY y "z">]>',
    "xinclude": b'<ownershipDocument xmlns:xi="http://www.w3.org/2001/XInclude"><documentType>4</documentType>'
    b'<remarks><xi:include href="file:///etc/passwd" parse="text"/></remarks></ownershipDocument>',
}


@pytest.mark.parametrize("name", sorted(_HOSTILE))
def test_hostile_xml_is_refused_or_inert(name: str) -> None:
    data = _HOSTILE[name]
    if name == "xinclude":
        # No DTD here: it reads, and XInclude is never processed (the file's text does not appear).
        f = section16.parse_bytes(data, "hostile.xml")
        assert "root:" not in (f.remarks or "")
        return
    with pytest.raises(ParseError) as e:
        section16.parse_bytes(data, "hostile.xml")
    assert "hostile.xml" in str(e.value)
    assert "entit" in str(e.value) or "DTD" in str(e.value) or "document type" in str(e.value)


def test_malformed_xml_names_file_and_line() -> None:
    data = (FIXTURE_XML / "0000320193-20-000011.xml").read_bytes().replace(b"</issuerName>", b"</issuerNam>", 1)
    with pytest.raises(ParseError) as e:
        section16.parse_bytes(data, "broken.xml")
    assert e.value.source == "broken.xml"
    assert e.value.line == data[: data.find(b"</issuerNam>")].count(b"\n") + 1
    assert str(e.value).startswith(f"broken.xml:{e.value.line}: ")


def test_not_a_form() -> None:
    with pytest.raises(ParseError, match="not <ownershipDocument>"):
        parse_ownership_xml(b"<?xml version='1.0'?><catalog><book/></catalog>", "c.xml")
    with pytest.raises(ParseError, match="documentType"):
        parse_ownership_xml(b"<ownershipDocument><issuer><issuerCik>1</issuerCik></issuer></ownershipDocument>")


# -- real oddities ---------------------------------------------------------------------------------------------


def test_injected_script_is_kept_aside() -> None:
    # Saved through a browser that injected <script> as the first child of ownershipDocument.
    f = section16.parse(FIXTURE_XML / "xml_deriv_and_nonderiv_b4b66eac.xml")
    (u,) = f.unknown
    assert u.where == "script" and u.xml.startswith("<script>") and u.line == 3
    assert f.document_type == "4" and f.period_of_report == date(2022, 1, 11)
    assert len(f.non_derivative_transactions) == 2 and len(f.derivative_transactions) == 1


def test_misplaced_elements_are_kept_aside_not_lost() -> None:
    # Address elements filed inside reportingOwnerId, and <sharesOwned> instead of the schema's name.
    f = section16.parse(FIXTURE_XML / "form4_sample_161c5367.xml")
    wheres = {u.where for u in f.unknown}
    assert "reportingOwner[1].reportingOwnerId.rptOwnerStreet1" in wheres
    assert "nonDerivativeHolding[1].sharesOwned" in wheres
    assert f.reporting_owners[0].address is None
    assert f.reporting_owners[0].relationship.officer_title == "Chief Executive Officer"


def test_booleans_as_words_or_digits() -> None:
    words = section16.parse(FIXTURE_XML / "form4_sample_161c5367.xml")
    assert words.not_subject_to_section16 is False
    assert words.reporting_owners[0].relationship.is_director is True
    digits = section16.parse(FIXTURE_XML / "0000320193-20-000011.xml")
    assert digits.not_subject_to_section16 is False
    assert digits.reporting_owners[0].relationship.is_director is True


def test_footnote_only_values() -> None:
    # 0001179110-20-011380: 26 option exercises whose exercise date is only a footnote (F1, "fully
    # vested and may be exercised at any time"), checked by hand against the XML.
    f = section16.parse(FIXTURE_XML / "0001179110-20-011380.xml")
    assert len(f.derivative_transactions) == 26
    r = f.derivative_transactions[0]
    assert r.exercise_date.value is None and r.exercise_date.footnote_ids == ("F1",)
    assert r.exercise_date.present
    assert r.expiration_date.value == date(2025, 11, 12) and r.conversion_or_exercise_price.value == Decimal("9.97")
    assert all(
        t.exercise_date.footnote_ids == ("F1",) and t.exercise_date.value is None for t in f.derivative_transactions
    )


def test_edgar_submission_wrapper(tmp_path: Path) -> None:
    inner = (FIXTURE_XML / "0000320193-20-000011.xml").read_bytes()
    cover = base64.b64encode(b"cover letter").decode()
    wrapped = (
        "<?xml version='1.0'?><edgarSubmission><submissionType>4</submissionType><testOrLive>TEST</testOrLive>"
        "<edgarDocument><documentName>cover.txt</documentName><documentType>COVER</documentType>"
        f"<documentMimeBlock>{cover}</documentMimeBlock></edgarDocument>"
        "<edgarDocument><documentName>doc4.xml</documentName><documentType>4</documentType>"
        f"<documentDescription>Primary</documentDescription><documentMimeBlock>\n{base64.encodebytes(inner).decode()}"
        "</documentMimeBlock></edgarDocument></edgarSubmission>"
    ).encode()
    f = section16.parse_bytes(wrapped, "filing4.xml")
    bare = section16.parse(FIXTURE_XML / "0000320193-20-000011.xml")
    assert f.submission is not None and f.submission.submission_type == "4"
    assert [d.filename for d in f.submission.documents] == ["cover.txt", "doc4.xml"]
    from dataclasses import replace

    assert replace(f, submission=None) == bare
    with pytest.raises(ParseError, match="base64"):
        section16.parse_bytes(wrapped.replace(b"<documentMimeBlock>\n", b"<documentMimeBlock>!!", 1), "bad.xml")


def test_sec_v55_samples_are_read_or_refused_clearly() -> None:
    shared = corpus_dir()
    if shared is None:
        pytest.skip("../shared is not present")
    for p in sorted((shared.parent / "spec" / "samples-v5.5").glob("*.xml")):
        # The SEC's own samples misspell a closing tag (<rptOwnerCounrty>...</rptOwnerState>): a clear error.
        with pytest.raises(ParseError) as e:
            section16.parse(p)
        assert e.value.line is not None and "mismatch" in e.value.message


def test_weighted_average_price_and_exact_decimals() -> None:
    f = section16.parse(FIXTURE_XML / "0000320121-23-000040.xml")
    fn = f.footnote_text
    priced = [r for r in f.non_derivative_transactions if r.price_per_share.footnote_ids]
    assert priced
    for r in priced:
        texts = " ".join(fn[i] for i in r.price_per_share.footnote_ids).lower()
        assert "weighted average" in texts
        assert isinstance(r.price_per_share.value, Decimal)


def test_white_space_between_inner_elements_of_a_footnote_is_kept() -> None:
    # The reader first parses without the indentation between elements; mixed content must not lose
    # the spaces that separate its inner elements.
    data = (FIXTURE_XML / "0000320193-20-000011.xml").read_bytes()
    data = data.replace(
        b"<footnotes></footnotes>",
        b'<footnotes><footnote id="F1"><b>one</b> <i>two</i>\n<u>three</u></footnote></footnotes>',
    )
    data = data.replace(b"<remarks></remarks>", b"<remarks><b>a</b> <b>b</b></remarks>")
    f = section16.parse_bytes(data, "mixed.xml")
    assert f.footnotes[0].text == "one two\nthree"
    assert f.remarks == "a b"


def test_kept_aside_xml_is_as_filed() -> None:
    f = section16.parse(FIXTURE_XML / "form4_sample_161c5367.xml")
    shares = next(u for u in f.unknown if u.where == "nonDerivativeHolding[1].sharesOwned")
    assert shares.xml == "<sharesOwned>\n                <value>3425000</value>\n            </sharesOwned>"
