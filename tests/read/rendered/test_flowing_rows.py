"""Table rows written as flowing text (flowing_rows), and the lists html-to-markdown makes of the
form's layout tables (markdown.py): real pages of html-to-markdown (held out), whose rows are list
items with their cells run together. Such rows are said missing with a note, never read as empty
tables or guessed; the boxes, owners and signatures around them are read."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered.compare import _is_missing, compare
from section16.read.rendered.flowing_rows import holds_row_values

from .conftest import PAGES, reference


def test_a_line_holding_a_rows_values() -> None:
    # html-to-markdown, 0000002488-24-000005: a row's list item, and its end after the "$" break.
    assert holds_row_values("Common Stock 01/15/2024 F 189 (1) D $")
    assert holds_row_values("146.56 5,887 D")
    assert holds_row_values("Restricted Stock Units (2) 01/15/2024 M 472 (3) (3) Common Stock 472 $")
    # A holding: no date, its D or I beside its amount.
    assert holds_row_values("Common Stock 83,333 (1) D (2)")


def test_heading_lines_hold_no_rows_values() -> None:
    for line in (
        "1.Title of Security (Instr. 3) 2. Transaction Date (Month/Day/Year) 2A. Deemed Execution Date, if any "
        "(Month/Day/Year) 3. Transaction Code (Instr. 8) 6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)",
        "Code V Amount (A) or (D) Price",
        "Code V (A) (D) Date Exercisable Expiration Date Title Amount or Number of Shares",
        "Reminder: Report on a separate line for each class of securities beneficially owned. SEC 1474 (9-02)",
        "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned",
    ):
        assert not holds_row_values(line), line


def _given_right(name: str) -> tuple[int, list[tuple[str, object, object]]]:
    """How many fields the reading gives, and those it gives wrong (not listed missing)."""
    got = parse(PAGES / f"{name}.html-to-markdown.md")
    fields = compare(reference(name), got)
    given = [f for f in fields if not _is_missing(f[0], got.missing)]
    return len(given), [f for f in given if f[1] != f[2]]


def test_tables_listed_as_text_are_said_missing_not_empty() -> None:
    name = "0000002488-24-000005"
    got = parse(PAGES / f"{name}.html-to-markdown.md")
    assert got.non_derivative_transactions == () and got.derivative_transactions == ()
    for field in ("non_derivative_transactions", "non_derivative_holdings", "derivative_transactions"):
        assert field in got.missing
    assert any(n.where == "Table I" and "run together" in n.message for n in got.notes)
    # The boxes around the tables are read: the owner's "Other" title under its list item.
    owner = got.reporting_owners[0]
    assert owner.relationship.is_other and owner.relationship.other_text == "Chief Accounting Officer"
    assert owner.relationship.officer_title is None
    assert got.issuer.trading_symbol == "AMD" and len(got.footnotes) == 3
    given, wrong = _given_right(name)
    assert given >= 16 and wrong == []


def test_a_list_items_lines_are_one_signature() -> None:
    # 0001140361-20-013703: each signature a list item whose "By: ..." lines follow it unbulleted.
    name = "0001140361-20-013703"
    got = parse(PAGES / f"{name}.html-to-markdown.md")
    ref = reference(name)
    assert len(got.signatures) == len(ref.signatures) == 8
    assert got.signatures[0].name is not None
    assert got.signatures[0].name.startswith("AVENUE CAPITAL MANAGEMENT II, L.P. By: Avenue Capital Management II")
    given, wrong = _given_right(name)
    assert given >= 24 and wrong == []
