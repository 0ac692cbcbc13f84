"""Broken renderings: a clear error, or a Filing that says what is missing; never a wrong value."""

from __future__ import annotations

import pytest

from section16 import parse
from section16.errors import ParseError, UnsupportedFormatError
from section16.read.sniff import sniff

from .conftest import PAGES, SEED


def test_box_missing_is_reported() -> None:
    text = SEED.read_text().replace("1. Name and Address of Reporting Person*", "")
    got = parse(text.encode())
    assert got.reporting_owners[0].name is None
    assert "reporting_owners[0].name" in got.missing


def test_page_cut_before_table_one_is_an_error() -> None:
    text = SEED.read_text()
    cut = text[: text.index("**Table I")]
    with pytest.raises(ParseError, match="Table I"):
        parse(cut.encode())


def test_row_cut_short_says_so() -> None:
    text = SEED.read_text()
    row = next(ln for ln in text.splitlines() if ln.startswith("| Common Stock"))
    cut = row[: row.index("| 104,141")]  # the last three cells are gone
    got = parse(text.replace(row, cut).encode())
    t = got.non_derivative_transactions[0]
    assert t.shares_owned_after.value is None
    assert any("taken as empty" in (n.text or "") for n in got.notes)


def test_row_with_values_in_the_wrong_columns_leaves_its_table_unread() -> None:
    # Never a shifted value: the table's rows are not given, and the Filing says so and why; the
    # rest of the page (boxes, footnotes, signature) is read.
    text = SEED.read_text()
    row = next(ln for ln in text.splitlines() if ln.startswith("| Common Stock"))
    cells = row.split("|")
    cells[2], cells[4] = cells[4], cells[2]  # date and code change places
    got = parse(text.replace(row, "|".join(cells)).encode())
    assert got.non_derivative_transactions == () and got.non_derivative_holdings == ()
    assert {"non_derivative_transactions", "non_derivative_holdings"} <= set(got.missing)
    assert any(n.where == "Table I" and "column" in n.message for n in got.notes)
    assert got.issuer.trading_symbol == "QLYS" and len(got.footnotes) == 2 and len(got.signatures) == 1


def test_text_that_is_not_a_form() -> None:
    assert sniff(b"just some words\nabout nothing\n") == "text"
    with pytest.raises(ParseError):
        parse(b"just some words\nabout nothing\n")


def test_unknown_bytes_are_not_guessed() -> None:
    with pytest.raises((ParseError, UnsupportedFormatError)):
        parse(b"\x00\x01\x02 binary")


def test_issuer_box_found_empty_is_reported() -> None:
    # The label is there but its value is not where the reader looks (a converter laid it elsewhere):
    # every filing names its issuer, so the name and ticker are listed missing, not left silently empty.
    text = SEED.read_text().replace("<br><u>QUALYS, INC. [ QLYS ]</u>", "")
    got = parse(text.encode())
    assert got.issuer.name is None and got.issuer.trading_symbol is None
    assert {"issuer.name", "issuer.trading_symbol"} <= set(got.missing)


def test_the_forms_note_moved_among_the_remarks_is_not_read_as_theirs() -> None:
    # w3m's page with the "** Intentional misstatements ..." line and "Remarks:" swapped: the note's
    # "**", a cell apart from its words, was read as the remarks' first word.
    page = (PAGES / "0000899243-20-021530.w3m-dump.txt").read_text()
    lines = page.split("\n")
    a = next(i for i, ln in enumerate(lines) if ln.startswith("**") and "Intentional" in ln)
    b = next(i for i, ln in enumerate(lines) if ln.startswith("Remarks:"))
    lines[a], lines[b] = lines[b], lines[a]
    got = parse("\n".join(lines).encode())
    assert got.remarks is not None and got.remarks.startswith("Exhibit 24 - Power of Attorney")
    assert got.remarks == parse(page.encode()).remarks
