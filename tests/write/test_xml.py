"""The XML writer: both modes on real filings, the v5.5 schemas, NA elements, escaping, edge values."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

import section16
from section16.errors import WriteError
from section16.model import (
    Address,
    Coding,
    DerivativeTransaction,
    Filing,
    Footnote,
    Issuer,
    NonDerivativeTransaction,
    Relationship,
    ReportingOwner,
    Signature,
    Value,
)
from section16.write.xml import for_current, format_decimal, schema_errors, to_xml
from tests.conftest import FIXTURE_TXT, FIXTURE_XML, FIXTURES, corpus_dir

WRITE_FIXTURES = FIXTURES / "write"

#: Real filings EDGAR accepted under older rules that lack a value the v5.5 schema demands; their
#: current-schema XML cannot validate (the check module reports why). Each must still fail, so the
#: list cannot go stale.
MISSING_MANDATORY = {
    "form4_aapl_f91bf13b.xml": "a derivative transaction without an exercise date",
    "form4_sample_161c5367.xml": "a holding without an amount; shares and total value on one derivative",
    "xml_no_footnotes_251e4207.xml": "a derivative transaction without an exercise date",
}


def _fixture_files() -> list[Path]:
    files = sorted(WRITE_FIXTURES.glob("*.xml"))
    files += sorted(FIXTURE_XML.glob("*.xml")) if FIXTURE_XML.is_dir() else []
    files += sorted(FIXTURE_TXT.glob("*.txt")) if FIXTURE_TXT.is_dir() else []
    return files


def _corpus_files() -> list[Path]:
    c = corpus_dir()
    return sorted((c / "xml").glob("*.xml")) + sorted((c / "txt").glob("*.txt")) if c else []


def _without_lines(f: Filing) -> Filing:
    # Where an unknown element stood in the source file is not content; everything else is compared.
    return dataclasses.replace(f, unknown=tuple(dataclasses.replace(u, line=None) for u in f.unknown))


def _own_round_trip(path: Path) -> None:
    f = section16.parse(path)
    again = section16.parse(to_xml(f, mode="own"))
    # A full submission's header (accession, filer blocks) is the envelope's, not the form's.
    assert _without_lines(again) == _without_lines(dataclasses.replace(f, submission=None)), path.name


def _current_round_trip(path: Path) -> None:
    f = section16.parse(path)
    xml = to_xml(f)
    assert section16.parse(xml) == for_current(f), path.name
    errors = schema_errors(xml)
    if path.name in MISSING_MANDATORY:
        assert errors, f"{path.name} now validates: drop it from MISSING_MANDATORY"
    else:
        assert errors == [], (path.name, errors[:3])


@pytest.mark.parametrize("path", _fixture_files(), ids=lambda p: p.name)
def test_own_mode_round_trip_on_fixtures(path: Path) -> None:
    _own_round_trip(path)


@pytest.mark.parametrize("path", _fixture_files(), ids=lambda p: p.name)
def test_current_mode_round_trip_and_schema_on_fixtures(path: Path) -> None:
    _current_round_trip(path)


def test_round_trips_over_the_whole_corpus() -> None:
    files = _corpus_files()
    if not files:
        pytest.skip("../shared/corpus is not present")
    for p in files:
        _own_round_trip(p)
        _current_round_trip(p)


def test_fixtures_cover_the_hard_cases() -> None:
    filings = {p.name: section16.parse(p) for p in WRITE_FIXTURES.glob("*.xml")}
    assert any(f.unknown for f in filings.values()), "an unknown element to put back"
    assert any(f.form == "5" for f in filings.values())
    assert any(f.is_amendment for f in filings.values())
    assert any(len(f.reporting_owners) >= 5 for f in filings.values())
    assert any(f.schema_version == "X0609" for f in filings.values())
    assert any(f.schema_version and f.schema_version < "X0300" for f in filings.values())


def test_current_mode_leaves_out_na_elements() -> None:
    f = section16.parse(WRITE_FIXTURES / "0000899243-20-011293.xml")  # a joint Form 3 as disseminated
    assert f.schema_version and f.issuer.name and f.reporting_owners[0].name
    own = to_xml(f, mode="own")
    cur = to_xml(f)
    for tag in (b"<schemaVersion>", b"<issuerName>", b"<rptOwnerName>", b"<noSecuritiesOwned>"):
        assert tag in own
        assert tag not in cur
    assert b"<rptOwnerStateDescription" not in cur
    assert b"<rptOwnerGoodAddress" not in cur


def test_current_mode_writes_no_empty_element() -> None:
    for p in _fixture_files():
        root = etree.fromstring(to_xml(section16.parse(p)))
        for el in root.iter():
            if el.tag in ("footnoteId", "footnotes", "reportingOwnerRelationship"):
                continue
            has_text = bool((el.text or "").strip())
            assert has_text or len(el), f"{p.name}: empty <{el.tag}>"


def _filing(**kw: object) -> Filing:
    base: dict[str, object] = dict(
        document_type="4",
        period_of_report=date(2026, 3, 2),
        issuer=Issuer(cik="320193", name="Apple Inc.", trading_symbol="AAPL"),
        reporting_owners=(
            ReportingOwner(
                cik="1214128",
                name="Doe Jane",
                relationship=Relationship(is_officer=True, officer_title="CFO"),
            ),
        ),
        aff10b5one=False,
        non_derivative_transactions=(
            NonDerivativeTransaction(
                security_title=Value("Common Stock"),
                transaction_date=Value(date(2026, 3, 2)),
                coding=Coding("4", "S", False),
                shares=Value(Decimal("1000")),
                price_per_share=Value(Decimal("180.25"), ("F1",)),
                acquired_disposed=Value("D"),
                shares_owned_after=Value(Decimal("5000")),
                direct_indirect=Value("D"),
            ),
        ),
        footnotes=(Footnote("F1", "Weighted average price."),),
        signatures=(Signature("/s/ Jane Doe", date(2026, 3, 3)),),
    )
    base.update(kw)
    return Filing(**base)  # type: ignore[arg-type]


def test_hostile_text_is_escaped_and_comes_back_as_text() -> None:
    evil = 'Price <script>alert("x")</script> & <b>bold</b> ]]> "q"'
    f = _filing(footnotes=(Footnote("F1", evil),), remarks="<!-- not a comment --> & <x/>")
    xml = to_xml(f)
    assert b"<script>" not in xml and b"<b>" not in xml and b"<!--" not in xml
    assert schema_errors(xml) == []
    back = section16.parse(xml)
    assert back.footnotes[0].text == evil
    assert back.remarks == "<!-- not a comment --> & <x/>"


def test_non_ascii_text_is_written_as_character_references() -> None:
    f = _filing(remarks="Müller — 株式")
    xml = to_xml(f)
    xml.decode("ascii")  # the file itself is plain ASCII
    assert section16.parse(xml).remarks == "Müller — 株式"


def test_control_characters_are_refused_with_the_place() -> None:
    with pytest.raises(WriteError, match="remarks"):
        to_xml(_filing(remarks="bad \x07 bell"))


def test_decimals_never_use_exponents() -> None:
    assert format_decimal(Decimal("1E+3")) == "1000"
    assert format_decimal(Decimal("0.000010")) == "0.00001"
    assert format_decimal(Decimal("12.50")) == "12.50"
    row = _filing().non_derivative_transactions[0]
    f = _filing(non_derivative_transactions=(dataclasses.replace(row, shares=Value(Decimal("2.5E+4"))),))
    assert b"<value>25000</value>" in to_xml(f)


def test_current_mode_fills_schema_mandated_defaults() -> None:
    row = dataclasses.replace(_filing().non_derivative_transactions[0], coding=Coding(code="S"))
    f = _filing(aff10b5one=None, non_derivative_transactions=(row,))
    xml = to_xml(f)
    assert schema_errors(xml) == []
    back = section16.parse(xml)
    assert back.aff10b5one is False
    assert back.non_derivative_transactions[0].coding == Coding("4", "S", False)


def test_foreign_state_code_moves_to_country() -> None:
    owner = dataclasses.replace(
        _filing().reporting_owners[0], address=Address(street1="1 Rue X", city="PARIS", state="I0", zip_code="75001")
    )
    xml = to_xml(_filing(reporting_owners=(owner,)))
    assert schema_errors(xml) == []
    a = section16.parse(xml).reporting_owners[0].address
    assert a is not None and a.non_us is True and a.country == "I0" and a.state is None


def test_derivative_ad_footnote_moves_to_the_amount() -> None:
    d = DerivativeTransaction(
        security_title=Value("Stock Option (right to buy)"),
        conversion_or_exercise_price=Value(Decimal("10")),
        transaction_date=Value(date(2026, 3, 2)),
        coding=Coding("4", "M", False),
        shares=Value(Decimal("100")),
        price_per_share=Value(Decimal("0")),
        acquired_disposed=Value("D", ("F1",)),
        exercise_date=Value(None, ("F1",)),
        expiration_date=Value(date(2030, 1, 1)),
        underlying_title=Value("Common Stock"),
        underlying_shares=Value(Decimal("100")),
        shares_owned_after=Value(Decimal("0")),
        direct_indirect=Value("D"),
    )
    xml = to_xml(_filing(derivative_transactions=(d,)))
    assert schema_errors(xml) == []
    back = section16.parse(xml).derivative_transactions[0]
    assert back.acquired_disposed == Value("D")
    assert back.shares == Value(Decimal("100"), ("F1",))


def test_amendment_keeps_its_original_date_and_order_is_the_schema_order() -> None:
    f = _filing(document_type="4/A", date_of_original_submission=date(2026, 3, 3), not_subject_to_section16=True)
    xml = to_xml(f)
    assert schema_errors(xml) == []
    root = etree.fromstring(xml)
    assert [c.tag for c in root][:5] == [
        "documentType",
        "periodOfReport",
        "dateOfOriginalSubmission",
        "notSubjectToSection16",
        "issuer",
    ]


def test_unknown_document_type_is_a_write_error() -> None:
    with pytest.raises(WriteError, match="document type"):
        to_xml(_filing(document_type="10-K"))


def test_current_mode_writes_the_document_type_as_the_schema_spells_it() -> None:
    xml = to_xml(_filing(document_type=" 4/a ", date_of_original_submission=date(2026, 3, 3)))
    assert b"<documentType>4/A</documentType>" in xml
    assert schema_errors(xml) == []
