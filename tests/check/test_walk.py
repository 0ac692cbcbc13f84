"""Row paths and footnote references as the rules see them."""

from __future__ import annotations

from dataclasses import replace

from section16.check.walk import footnote_refs, row_cites_any_footnote, rows_at
from section16.model import Coding

from .builders import D, form3, form4, sale, v


def test_rows_are_numbered_per_element_name() -> None:
    assert [r.where for r in rows_at(form4())] == [
        "nonDerivativeTransaction[1]",
        "nonDerivativeTransaction[2]",
        "derivativeTransaction[1]",
    ]
    r = rows_at(form3())
    assert [(x.where, x.derivative, x.transaction) for x in r] == [
        ("nonDerivativeHolding[1]", False, False),
        ("derivativeHolding[1]", True, False),
    ]
    assert r[1].at("exercise_date") == "derivativeHolding[1].exerciseDate"


def test_footnote_refs_cover_values_and_coding() -> None:
    row = sale(price_per_share=v(D("1"), "F1", "F2"), coding=Coding("4", "J", False, ("F3",)))
    refs = list(
        footnote_refs(rows_at(replace(form4(), non_derivative_transactions=(row,), derivative_transactions=())))
    )
    assert refs == [
        ("nonDerivativeTransaction[1].transactionPricePerShare", ("F1", "F2")),
        ("nonDerivativeTransaction[1].transactionCoding", ("F3",)),
    ]
    assert row_cites_any_footnote(row) and not row_cites_any_footnote(sale())
