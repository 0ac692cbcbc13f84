"""Table texts a page spells with different spacing (spacing_guards.py): pymupdf4llm rebuilds a PDF's
words from the gaps between letters and drops a narrow space in some rows ("By Fund" over "ByFund"):
which spelling was filed the page does not settle, so every one of them is listed missing."""

from __future__ import annotations

import dataclasses

from section16 import parse
from section16.model import NonDerivativeHolding, Value
from section16.read.rendered.spacing_guards import check_spacing

from .conftest import PAGES, misses, reference


def test_natures_spelt_with_and_without_a_space_are_said_missing() -> None:
    name = "0001209191-21-017168"
    page = (PAGES / f"{name}.pymupdf4llm.md").read_text()
    assert "|By Fund<br>(1)|" in page and "|ByFund<br>(2)|" in page
    got = parse(PAGES / f"{name}.pymupdf4llm.md")
    expected = reference(name)
    assert len(got.non_derivative_holdings) == len(expected.non_derivative_holdings) == 10
    for i, row in enumerate(got.non_derivative_holdings):
        assert row.nature_of_ownership.value is None
        assert f"non_derivative_holdings[{i}].nature_of_ownership" in got.missing
    # The rows' amounts and D/I are read: only the texts whose spacing the page leaves open are not.
    assert [r.shares_owned_after for r in got.non_derivative_holdings] == [
        r.shares_owned_after for r in expected.non_derivative_holdings
    ]
    assert misses(expected, got) == []


def _holding(title: str, nature: str) -> NonDerivativeHolding:
    return NonDerivativeHolding(security_title=Value(title), nature_of_ownership=Value(nature, ("F1",)))


def test_only_texts_of_the_same_letters_are_touched() -> None:
    rows = (
        _holding("Non-voting common stock", "By Trust"),
        _holding("Non-votingcommon stock", "By  Trust"),  # (runs of spaces are one space: same spelling)
        _holding("Common Stock", "By LLC"),
    )
    filing = dataclasses.replace(reference("0001209191-21-017168"), non_derivative_holdings=rows, missing=())
    got = check_spacing(filing)
    assert [r.security_title.value for r in got.non_derivative_holdings] == [None, None, "Common Stock"]
    assert [r.nature_of_ownership.value for r in got.non_derivative_holdings] == ["By Trust", "By  Trust", "By LLC"]
    assert got.non_derivative_holdings[0].nature_of_ownership.footnote_ids == ("F1",)
    assert got.missing == ("non_derivative_holdings[0].security_title", "non_derivative_holdings[1].security_title")
    unchanged = dataclasses.replace(filing, non_derivative_holdings=rows[2:])
    assert check_spacing(unchanged) is unchanged


def test_a_space_beside_punctuation_leaves_both_spellings_read() -> None:
    # A filer's own spellings (0001062993-20-000814 files both): no converter's dropped space between words.
    rows = (
        _holding("Call Option(Right to Buy)", "By Trust"),
        _holding("Call Option (Right to Buy)", "By Trust"),
        _holding("Call Option (Rightto Buy)", "By LLC"),
    )
    filing = dataclasses.replace(reference("0001209191-21-017168"), non_derivative_holdings=rows, missing=())
    got = check_spacing(filing)
    # The third joins "Right" and "to", which the others part: all three are unsettled.
    assert [r.security_title.value for r in got.non_derivative_holdings] == [None, None, None]
    two = dataclasses.replace(filing, non_derivative_holdings=rows[:2])
    assert check_spacing(two) is two
