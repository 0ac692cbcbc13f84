"""The seed (a Form 4 as an OCR/vision model wrote it in Markdown) reads exactly: the golden test."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from section16 import parse
from section16.model import Filing
from section16.read.sniff import sniff

from .conftest import SEED


@pytest.fixture(scope="module")
def seed() -> Filing:
    return parse(SEED)


def test_seed_is_sniffed_as_markdown() -> None:
    assert sniff(SEED.read_bytes()) == "markdown"


def test_seed_header(seed: Filing) -> None:
    assert seed.source.format == "markdown"
    assert seed.document_type == "4"
    assert seed.period_of_report == date(2023, 11, 28)
    assert seed.issuer.name == "QUALYS, INC."
    assert seed.issuer.trading_symbol == "QLYS"
    assert seed.date_of_original_submission is None
    assert seed.not_subject_to_section16 is False


def test_seed_owner(seed: Filing) -> None:
    assert len(seed.reporting_owners) == 1
    owner = seed.reporting_owners[0]
    assert owner.name == "Kim Joo Mi"
    assert owner.cik is None
    a = owner.address
    assert a is not None
    assert (a.street1, a.street2, a.city, a.state, a.zip_code) == (
        "C/O QUALYS, INC.",
        "919 E. HILLSDALE BLVD.",
        "FOSTER CITY",
        "CA",
        "94404",
    )
    r = owner.relationship
    assert (r.is_director, r.is_officer, r.is_ten_percent_owner, r.is_other) == (False, True, False, False)
    assert r.officer_title == "Chief Financial Officer"
    assert r.other_text is None


def test_seed_table_one(seed: Filing) -> None:
    assert len(seed.non_derivative_transactions) == 1
    assert seed.non_derivative_holdings == ()
    t = seed.non_derivative_transactions[0]
    assert t.security_title.value == "Common Stock"
    assert t.transaction_date.value == date(2023, 11, 28)
    assert t.deemed_execution_date.value is None
    assert t.coding is not None
    assert t.coding.code == "S"
    assert t.coding.footnote_ids == ("F1",)
    assert not t.coding.voluntary
    assert t.coding.equity_swap_involved is None
    assert t.shares.value == Decimal("1598")
    assert t.acquired_disposed.value == "D"
    assert t.price_per_share.value == Decimal("180.4183")
    assert t.price_per_share.footnote_ids == ("F2",)
    assert t.shares_owned_after.value == Decimal("104141")
    assert t.direct_indirect.value == "D"
    assert t.nature_of_ownership.value is None


def test_seed_table_two_empty(seed: Filing) -> None:
    assert seed.derivative_transactions == ()
    assert seed.derivative_holdings == ()


def test_seed_footnotes_remarks_signature(seed: Filing) -> None:
    assert [f.id for f in seed.footnotes] == ["F1", "F2"]
    assert seed.footnotes[0].text == (
        "The sale transaction reported in this Form 4 was effected pursuant to a Rule 10b5-1 trading plan "
        "adopted by the Reporting Person on August 28, 2023."
    )
    assert seed.footnotes[1].text == (
        "The sale price represents the weighted average price of the shares sold ranging from $179.93 to "
        "$180.75 per share. Upon request by the Commission staff, the Issuer or a security holder of the "
        "Issuer, the Reporting Person will provide full information regarding the number of shares sold at "
        "each separate price within the range set forth in this Form 4."
    )
    assert seed.remarks is None
    assert len(seed.signatures) == 1
    assert seed.signatures[0].name == "/s/ Bruce Posey, by power of attorney for Joo Mi Kim"
    assert seed.signatures[0].date == date(2023, 11, 29)


def test_seed_says_what_a_page_cannot_show(seed: Filing) -> None:
    for path in ("issuer.cik", "reporting_owners[*].cik", "schema_version", "rows[*].coding.form_type",
                 "rows[*].timeliness"):  # fmt: skip
        assert path in seed.missing
    assert seed.schema_version is None
    assert seed.issuer.cik == ""
    # The footnote numbers are not printed in the seed's bullet list: the reading says so.
    assert any(n.where == "footnotes" for n in seed.notes)
