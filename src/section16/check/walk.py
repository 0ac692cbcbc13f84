"""Walking a Filing the way the rules need it: rows with their XML paths, and every footnote reference.

Paths follow the XML (``nonDerivativeTransaction[2].transactionPricePerShare``) with rows numbered from 1
per element name, as the XML reader numbers them, so a finding points at the element a filer edits.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import (
    DerivativeHolding,
    DerivativeTransaction,
    Filing,
    NonDerivativeHolding,
    NonDerivativeTransaction,
    Row,
    Value,
)

#: Model attribute -> XML element name, for the row fields that are Values.
XML_NAME: dict[str, str] = {
    "security_title": "securityTitle",
    "conversion_or_exercise_price": "conversionOrExercisePrice",
    "transaction_date": "transactionDate",
    "deemed_execution_date": "deemedExecutionDate",
    "timeliness": "transactionTimeliness",
    "shares": "transactionShares",
    "total_value": "transactionTotalValue",
    "price_per_share": "transactionPricePerShare",
    "acquired_disposed": "transactionAcquiredDisposedCode",
    "exercise_date": "exerciseDate",
    "expiration_date": "expirationDate",
    "underlying_title": "underlyingSecurityTitle",
    "underlying_shares": "underlyingSecurityShares",
    "underlying_value": "underlyingSecurityValue",
    "shares_owned_after": "sharesOwnedFollowingTransaction",
    "value_owned_after": "valueOwnedFollowingTransaction",
    "direct_indirect": "directOrIndirectOwnership",
    "nature_of_ownership": "natureOfOwnership",
}

#: Row class -> (XML element name, the Value attributes it has, in schema order).
_ROW_KINDS: dict[type, tuple[str, tuple[str, ...]]] = {
    cls: (tag, tuple(a for a in cls.__dataclass_fields__ if a in XML_NAME))
    for cls, tag in (
        (NonDerivativeTransaction, "nonDerivativeTransaction"),
        (NonDerivativeHolding, "nonDerivativeHolding"),
        (DerivativeTransaction, "derivativeTransaction"),
        (DerivativeHolding, "derivativeHolding"),
    )
}


@dataclass(frozen=True, slots=True)
class RowAt:
    """A row with its path (``derivativeTransaction[1]``) and whether it sits in Table II."""

    where: str
    row: Row
    derivative: bool
    transaction: bool

    def at(self, attr: str) -> str:
        return f"{self.where}.{XML_NAME.get(attr, attr)}"


def value_attrs(row: Row) -> tuple[str, ...]:
    return _ROW_KINDS[type(row)][1]


def rows_at(filing: Filing) -> list[RowAt]:
    """Every row with its path: Table I transactions, holdings, then Table II."""
    out: list[RowAt] = []
    groups: tuple[tuple[tuple[Row, ...], str, bool, bool], ...] = (
        (filing.non_derivative_transactions, "nonDerivativeTransaction", False, True),
        (filing.non_derivative_holdings, "nonDerivativeHolding", False, False),
        (filing.derivative_transactions, "derivativeTransaction", True, True),
        (filing.derivative_holdings, "derivativeHolding", True, False),
    )
    for group, tag, deriv, tx in groups:
        for i, row in enumerate(group, 1):
            out.append(RowAt(f"{tag}[{i}]", row, deriv, tx))
    return out


def footnote_refs(rows: list[RowAt]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """``(field path, footnote ids)`` for every field of every row that cites a footnote."""
    for r in rows:
        row = r.row
        for attr in value_attrs(row):
            v: Value[object] = getattr(row, attr)
            if v.footnote_ids:
                yield r.at(attr), v.footnote_ids
        coding = row.coding
        if coding is not None and coding.footnote_ids:
            yield f"{r.where}.transactionCoding", coding.footnote_ids


def row_cites_any_footnote(row: Row) -> bool:
    if row.coding is not None and row.coding.footnote_ids:
        return True
    return any(getattr(row, a).footnote_ids for a in value_attrs(row))
