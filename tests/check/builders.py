"""Small valid filings built in code; the rule tests break them one way at a time."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from section16.model import (
    Coding,
    DerivativeHolding,
    DerivativeTransaction,
    Filer,
    Filing,
    Footnote,
    Issuer,
    NonDerivativeHolding,
    NonDerivativeTransaction,
    Relationship,
    ReportingOwner,
    Signature,
    Submission,
    Value,
)

D = Decimal


def v(value: Any = None, *fns: str) -> Value[Any]:
    return Value(value, tuple(fns))


def owner(cik: str = "0001234567", **rel: Any) -> ReportingOwner:
    relationship = Relationship(**rel) if rel else Relationship(is_director=True)
    return ReportingOwner(cik=cik, name="DOE JANE", relationship=relationship)


def sale(
    day: date = date(2024, 3, 4), shares: str = "1000", after: str = "9000", **kw: Any
) -> NonDerivativeTransaction:
    row = NonDerivativeTransaction(
        security_title=v("Common Stock"),
        transaction_date=v(day),
        coding=Coding("4", "S", False),
        shares=v(D(shares)),
        price_per_share=v(D("12.50")),
        acquired_disposed=v("D"),
        shares_owned_after=v(D(after)),
        direct_indirect=v("D"),
    )
    return replace(row, **kw)


def option_exercise(day: date = date(2024, 3, 4), **kw: Any) -> DerivativeTransaction:
    row = DerivativeTransaction(
        security_title=v("Stock Option (right to buy)"),
        conversion_or_exercise_price=v(D("5.00")),
        transaction_date=v(day),
        coding=Coding("4", "M", False),
        shares=v(D("1000")),
        price_per_share=v(D("0")),
        acquired_disposed=v("D"),
        exercise_date=v(date(2020, 1, 1)),
        expiration_date=v(date(2030, 1, 1)),
        underlying_title=v("Common Stock"),
        underlying_shares=v(D("1000")),
        shares_owned_after=v(D("4000")),
        direct_indirect=v("D"),
    )
    return replace(row, **kw)


def form4(**kw: Any) -> Filing:
    """A Form 4 with two sales on 2024-03-04 (rolling 10000 -> 9000 -> 8000) and an option exercise,
    filed on time on 2024-03-06."""
    f = Filing(
        document_type="4",
        period_of_report=date(2024, 3, 4),
        issuer=Issuer(cik="0000320193", name="EXAMPLE CORP", trading_symbol="EXMP"),
        reporting_owners=(owner(),),
        schema_version="X0609",
        aff10b5one=False,
        non_derivative_transactions=(
            sale(price_per_share=v(D("12.50"), "F1")),
            sale(shares="1000", after="8000", price_per_share=v(D("12.60"), "F1")),
        ),
        derivative_transactions=(option_exercise(),),
        footnotes=(Footnote("F1", "Weighted average price; range $12.40 to $12.70."),),
        signatures=(Signature("/s/ Jane Doe", date(2024, 3, 5)),),
        submission=Submission(accession_number="0000000000-24-000001", filing_date=date(2024, 3, 6)),
    )
    return replace(f, **kw)


def form3(**kw: Any) -> Filing:
    f = Filing(
        document_type="3",
        period_of_report=date(2024, 3, 1),
        issuer=Issuer(cik="320193", trading_symbol="EXMP"),
        reporting_owners=(owner(is_officer=True, officer_title="Chief Executive Officer"),),
        schema_version="X0206",
        non_derivative_holdings=(
            NonDerivativeHolding(
                security_title=v("Common Stock"), shares_owned_after=v(D("500")), direct_indirect=v("D")
            ),
        ),
        derivative_holdings=(
            DerivativeHolding(
                security_title=v("Stock Option (right to buy)"),
                conversion_or_exercise_price=v(D("5")),
                exercise_date=v(None, "F1"),
                expiration_date=v(date(2030, 1, 1)),
                underlying_title=v("Common Stock"),
                underlying_shares=v(D("1000")),
                direct_indirect=v("D"),
            ),
        ),
        footnotes=(Footnote("F1", "Vests in four equal annual installments."),),
        signatures=(Signature("/s/ Jane Doe", date(2024, 3, 5)),),
        submission=Submission(accession_number="0000000000-24-000002", filing_date=date(2024, 3, 8)),
    )
    return replace(f, **kw)


def form5(**kw: Any) -> Filing:
    f = Filing(
        document_type="5",
        period_of_report=date(2023, 12, 31),
        issuer=Issuer(cik="320193", trading_symbol="EXMP"),
        reporting_owners=(owner(),),
        schema_version="X0508",
        aff10b5one=False,
        non_derivative_transactions=(
            sale(
                day=date(2023, 6, 1),
                coding=Coding("5", "G", False),
                price_per_share=v(D("0")),
                acquired_disposed=v("D"),
            ),
        ),
        signatures=(Signature("/s/ Jane Doe", date(2024, 2, 1)),),
        submission=Submission(
            accession_number="0000000000-24-000003",
            filing_date=date(2024, 2, 1),
            filers=(Filer(role="issuer", cik="320193", fiscal_year_end="1231"),),
        ),
    )
    return replace(f, **kw)
