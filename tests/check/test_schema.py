"""XSD validation against the schema of the filing's own form and era (section16.check.schema)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from section16.check import Finding, check, check_xml
from section16.check.schema import plain_message, schema_label, validate_xml, where_from_xpath
from section16.read import parse_bytes
from tests.conftest import FIXTURE_XML

#: A real X0609 Form 4 (one 10b5-1 sale), the base the schema cases break.
BASE = FIXTURE_XML / "0001140361-26-020871.xml"


def _base() -> bytes:
    return BASE.read_bytes()


def _swap(old: bytes, new: bytes) -> bytes:
    data = _base()
    assert old in data
    return data.replace(old, new, 1)


SCHEMA_CASES: list[tuple[str, Callable[[], list[Finding]]]] = [
    # An empty date element is a schema violation (tech spec §3.2).
    ("S16-E001", lambda: validate_xml(_swap(b"<value>2026-05-08</value>", b"<value></value>"))),
    # Elements out of sequence.
    (
        "S16-E001",
        lambda: validate_xml(
            _swap(b"<schemaVersion>X0609</schemaVersion>", b"").replace(
                b"<periodOfReport>", b"<schemaVersion>X0609</schemaVersion><periodOfReport>", 1
            )
        ),
    ),
    # From X0609 a country code belongs in rptOwnerCountry, not rptOwnerState.
    (
        "S16-E001",
        lambda: validate_xml(_swap(b"<rptOwnerState>CA</rptOwnerState>", b"<rptOwnerState>V8</rptOwnerState>")),
    ),
    ("S16-E002", lambda: validate_xml(_base()[:-40])),
    ("S16-E002", lambda: check_xml(b"<!DOCTYPE x [<!ENTITY e 'boom'>]><ownershipDocument>&e;</ownershipDocument>")),
    (
        "S16-E003",
        lambda: validate_xml(
            _swap(b'<?xml version="1.0"?>', b'<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="f4.xsl"?>')
        ),
    ),
]


def test_real_base_is_valid() -> None:
    assert validate_xml(_base()) == []


@pytest.mark.parametrize(("code", "make"), SCHEMA_CASES)
def test_schema_case(code: str, make: Callable[[], list[Finding]]) -> None:
    found = make()
    assert code in {f.code for f in found}, [str(f) for f in found]


def test_schema_errors_name_the_field_and_line() -> None:
    found = validate_xml(_swap(b"<value>1274</value>", b"<value>1,274</value>"))
    assert [f.where for f in found] == ["nonDerivativeTransaction[1].transactionShares"]
    assert "'1,274'" in found[0].message and "line" in found[0].message


@pytest.mark.parametrize(
    ("doc", "version", "label"),
    [
        ("4", "X0609", "v5.5"),
        ("4", None, "v5.5"),
        ("4", "X0508", "v5.5 with the pre-X0609 state list"),
        ("4", "X0306", "X0306"),
        ("4/A", "X0202", "X0306"),
        ("5", "X0306", "v5.5 with aff10b5One optional and the pre-X0609 state list"),
        ("3", "X0206", "v5.5 with aff10b5One optional and the pre-X0609 state list"),
        ("3/A", "X0710", "v5.5"),
    ],
)
def test_schema_chosen_by_form_and_era(doc: str, version: str | None, label: str) -> None:
    assert schema_label(doc, version) == label


@pytest.mark.parametrize(
    "name",
    [
        "0000899243-20-011293.xml",  # X0206 Form 3, owner state V8 (Switzerland) valid in its era
        "0001493152-25-009612.xml",  # X0508 Form 4, owner states M0, X0, Y9
        "0001104659-20-016112.xml",  # X0306 Form 5: no aff10b5One (it did not exist yet), state C5
    ],
)
def test_older_filings_pass_under_their_own_era(name: str) -> None:
    assert validate_xml((FIXTURE_XML / name).read_bytes()) == []


def test_missing_10b5_1_box_is_an_error_from_x0407() -> None:
    data = _swap(b"<aff10b5One>true</aff10b5One>", b"")
    assert [f.code for f in validate_xml(data)] == ["S16-E001"]
    old = data.replace(b"X0609", b"X0306").replace(b"<issuerForeignTradingSymbol></issuerForeignTradingSymbol>", b"")
    old = old.replace(b"<rptOwnerNonUSAddressFlag>false</rptOwnerNonUSAddressFlag>", b"")
    assert validate_xml(old) == []


def test_check_of_a_parsed_filing_rereads_its_source() -> None:
    filing = parse_bytes(_swap(b"<value>290</value>", b"<value>-290</value>"), str(BASE))
    # The Filing says -290, but its source file says 290: the XSD runs on the source as filed.
    assert [f.code for f in check(filing) if f.code == "S16-E001"] == []
    assert "S16-E039" in {f.code for f in check(filing)}


def test_check_xml_of_a_submission_validates_its_form_document() -> None:
    from tests.conftest import fixture_txt_files

    txt = fixture_txt_files()[0]
    found = check_xml(txt.read_bytes(), source=str(txt))
    assert not [f for f in found if f.severity == "error"]
    broken = txt.read_bytes().replace(b"<documentType>", b"<bogus/><documentType>", 1)
    assert "S16-E001" in {f.code for f in check_xml(broken)}


def test_where_from_xpath() -> None:
    path = (
        "/ownershipDocument/nonDerivativeTable/nonDerivativeTransaction[2]/transactionAmounts/transactionShares/value"
    )
    assert where_from_xpath(path) == "nonDerivativeTransaction[2].transactionShares"
    assert where_from_xpath("/ownershipDocument/reportingOwner/reportingOwnerAddress/rptOwnerState") == (
        "reportingOwner[1].reportingOwnerAddress.rptOwnerState"
    )
    assert where_from_xpath(None) == "ownershipDocument"


def test_plain_message_drops_the_long_choice_list() -> None:
    msg = "Element 'rptOwnerState': [facet 'enumeration'] The value 'V8' is not an element of the set {'AL', 'AK'}."
    assert (
        plain_message(msg, 27)
        == "Element 'rptOwnerState': [facet 'enumeration'] The value 'V8' is not in the schema's list. (line 27)"
    )
