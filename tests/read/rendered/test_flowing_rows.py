"""Table rows written as flowing text (flowing_rows), and the lists html-to-markdown makes of the
form's layout tables (markdown.py): real pages of html-to-markdown (held out), whose rows are list
items with their cells run together. Such rows are read by their values' types and order where one
cut alone fits, and otherwise said missing with a note, never read as empty tables or guessed; the
boxes, owners and signatures around them are read."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered.compare import _is_missing, compare
from section16.read.rendered.flowing_rows import holds_row_values, is_lone_value, place_flowing
from section16.read.rendered.markdown_rows import place_tables
from section16.read.rendered.tables import RUN_TOGETHER, T1_F4, T2_F4, UNSURE, UNSURE_MARKS

from .conftest import PAGES, misses, reference


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


def _given_right(name: str, converter: str = "html-to-markdown") -> tuple[int, list[tuple[str, object, object]]]:
    """How many fields the reading gives, and those it gives wrong (not listed missing)."""
    got = parse(PAGES / f"{name}.{converter}.md")
    fields = compare(reference(name), got)
    given = [f for f in fields if not _is_missing(f[0], got.missing)]
    return len(given), [f for f in given if f[1] != f[2]]


def test_rows_written_as_list_items_are_read_by_their_values() -> None:
    name = "0000002488-24-000005"
    got = parse(PAGES / f"{name}.html-to-markdown.md")
    ref = reference(name)
    # Table I: each row one list item (the price broken off at its "$"), cut by its values' types.
    assert len(got.non_derivative_transactions) == len(ref.non_derivative_transactions) == 2
    table_one = [m for m in misses(ref, got) if m[0].startswith("non_derivative_transactions")]
    assert table_one == []  # (compare leaves out what no page shows: a row's form type)
    assert "non_derivative_transactions" not in got.missing
    # Table II: "... M 472 (3) (3) Common Stock 472 $ 0 473 D": 472 could be under (A) or (D), and
    # "(2)" the title's mark or the conversion price's: the row is read with the cells every cut
    # agrees on, the others' fields emptied and said missing with why (Table II's title's note on a
    # line of its own above the heading is no stray line of the table's).
    (row,) = got.derivative_transactions
    (want,) = ref.derivative_transactions
    assert row.transaction_date == want.transaction_date and row.coding is not None and row.coding.code == "M"
    assert (row.underlying_title, row.underlying_shares) == (want.underlying_title, want.underlying_shares)
    assert (row.shares_owned_after, row.direct_indirect) == (want.shares_owned_after, want.direct_indirect)
    for field in ("conversion_or_exercise_price", "shares", "acquired_disposed"):
        assert f"derivative_transactions[0].{field}" in got.missing
        assert not getattr(row, field).value and not getattr(row, field).footnote_ids
        assert any(n.where == f"derivative_transactions[0].{field}" and "several ways" in n.message for n in got.notes)
    # The title's words every cut reads alike: read; whose "(2)" is, not: its marks said missing.
    assert row.security_title.value == "Restricted Stock Units" and row.security_title.footnote_ids == ()
    assert "derivative_transactions[0].security_title.footnotes" in got.missing
    assert "derivative_transactions[0].security_title" not in got.missing
    assert "derivative_transactions" not in got.missing
    # The boxes around the tables are read: the owner's "Other" title under its list item.
    owner = got.reporting_owners[0]
    assert owner.relationship.is_other and owner.relationship.other_text == "Chief Accounting Officer"
    assert owner.relationship.officer_title is None
    assert got.issuer.trading_symbol == "AMD" and len(got.footnotes) == 3
    given, wrong = _given_right(name)
    assert given >= 38 and wrong == []


def test_table_ii_values_that_fit_two_ways_are_not_placed() -> None:
    line = "Restricted Stock Units (2) 01/15/2024 M 472 (3) (3) Common Stock 472 $"
    assert place_flowing([line, "0 473 D"], T2_F4) is None
    # Asked for, the cells every cut agrees on, the others marked unsure.
    (row,) = place_flowing([line, "0 473 D"], T2_F4, unsure=True) or [[]]
    assert dict(zip(T2_F4, row, strict=True)) == {
        "title": "Restricted Stock Units" + UNSURE_MARKS, "conv": UNSURE, "date": "01/15/2024", "deemed": "",
        "code": "M", "v": "", "a": UNSURE,
        "d": UNSURE, "exer": UNSURE, "exp": UNSURE, "utitle": "Common Stock", "ushares": "472", "price": "$ 0",
        "after": "473", "di": "D", "nature": "",
    }  # fmt: skip
    # Cuts reading the row as a transaction one way and a holding the other: even its place is unsure.
    assert place_flowing(["Common Stock 3 736 I 401K Plan (2)"], T1_F4, unsure=True) is None
    # Table I's row, its price on the line after its "$", is placed.
    rows = place_flowing(["Common Stock 01/15/2024 F 189 (1) D $", "146.56 5,887 D"], T1_F4)
    assert rows == [["Common Stock", "01/15/2024", "", "F", "", "189 (1)", "D", "$ 146.56", "5,887", "D", ""]]


def test_a_mark_between_two_cells_is_not_given_to_either() -> None:
    # html-to-markdown, 0000320193-19-000123: the price shown by its mark alone ("A (1) 30,010"): the
    # mark could be the (A)/(D) cell's or the price's.
    assert place_flowing(["Common Stock 11/13/2019 M 14,370 A (1) 30,010 (2) D"], T1_F4) is None
    # 0001179110-20-001219: a Form 4 holding printing its form type "3" in the code column, or a
    # title "Common Stock 3"? Not shown.
    assert place_flowing(["Common Stock 3 736 I 401K Plan (2)"], T1_F4) is None
    # Where the mark can only be its value's, the row is read.
    assert place_flowing(["Common Stock 736 (2) I 401K Plan"], T1_F4) == [
        ["Common Stock", "", "", "", "", "", "", "", "736 (2)", "I", "401K Plan"]
    ]


def test_lines_joined_as_a_paragraph_are_not_placed() -> None:
    # markitdown's text of a PDF (0001179110-20-005830): "$", the row, "(1)" and "By" on lines of
    # their own, joined as one paragraph: the "$" and the mark stand out of their places.
    doc = [
        ["FORM 4"],
        ["Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned"],
        ["$ Common Stock, $0.01 par value 05/12/2020 S 23,024 D 90.0022 52,760 D (1) By"],
    ]
    assert place_tables(doc)[2][1] == RUN_TOGETHER
    # The same words as one list item are in the page's order: read.
    placed = place_tables([*doc[:2], ["Common Stock 05/12/2020 S 23,024 D $ 90.0022 (1) 52,760 D"]], {id(doc[0])})
    assert placed[2][1] == RUN_TOGETHER  # (not marked in order: not read)
    item = ["Common Stock 05/12/2020 S 23,024 D $ 90.0022 (1) 52,760 D"]
    placed = place_tables([*doc[:2], item], {id(item)})
    assert placed[2] == ["Common Stock", "05/12/2020", "", "S", "", "23,024", "D", "$ 90.0022 (1)", "52,760", "D", ""]


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


def test_a_rows_values_each_on_a_line_of_its_own_are_said_missing_where_no_title_opens_them() -> None:
    # trafilatura (held out), 0000796343-26-000107: every cell a paragraph ("Common Stock",
    # "04/30/2026", "S", "755", "D", "$ 246.245", "3,521.156", "D"): no row is whole on a line. The
    # row its title opens is read (paragraph_rows); with the title gone, its values are whose row's?
    # They are said missing.
    name = "0000796343-26-000107"
    page = (PAGES / f"{name}.trafilatura.md").read_text()
    got = parse(page.encode())
    assert len(got.non_derivative_transactions) == 1 and "non_derivative_transactions" not in got.missing
    untitled = parse(page.replace("\n\nCommon Stock\n\n04/30/2026", "\n\n04/30/2026").encode())
    assert untitled.non_derivative_transactions == ()
    assert "non_derivative_transactions" in untitled.missing and "non_derivative_holdings" in untitled.missing
    assert any(n.where == "Table I" and "values alone" in n.message for n in untitled.notes)
    assert is_lone_value("04/30/2026") and is_lone_value("$ 246.245") and is_lone_value("D")
    assert not is_lone_value("V") and not is_lone_value("Common Stock") and not is_lone_value("(A) or (D)")
    # Box 1's two street lines, which trafilatura runs into one, stand inside a longer line of the
    # owners table ("Forusz Jillian ADOBE INC. 345 PARK AVENUE SAN JOSE"): one line or two is not
    # settled, so the street is said missing (box_one_street).
    assert "reporting_owners[0].address.street1" in got.missing and got.reporting_owners[0].address is not None
    assert got.reporting_owners[0].address.street1 is None
    assert _given_right(name, "trafilatura")[1] == []


def test_box_ones_country_caption_past_table_ones_title_is_no_row_of_it() -> None:
    # html-to-markdown, 0000796343-26-000107 (the 2026 design): "- UNITED STATES **Table I - ...**" then
    # "- (Country)", box 1's last caption, above the heading: not a stray line of the table (which
    # would leave its rows unread), so the row is read.
    name = "0000796343-26-000107"
    page = (PAGES / f"{name}.html-to-markdown.md").read_text()
    assert "\n- (Country)\n" in page
    got = parse(page.encode())
    assert len(got.non_derivative_transactions) == 1 and "non_derivative_transactions" not in got.missing
    assert [m for m in misses(reference(name), got) if m[0].startswith("non_derivative")] == []
    # Another parenthesised line there (a title's piece, "(right to buy)") is still a stray line.
    cut = page.replace("\n- (Country)\n", "\n- (right to buy)\n")
    assert "non_derivative_transactions" in parse(cut.encode()).missing


def test_a_page_without_table_ii_title_says_its_rows_missing() -> None:
    # trafilatura, 0001078782-20-000479: its extraction drops Table II with its title; the Form 3's
    # option is not on the page, so Table II's rows are listed missing, not read as none.
    name = "0001078782-20-000479"
    got = parse(PAGES / f"{name}.trafilatura.md")
    assert got.derivative_holdings == () and len(reference(name).derivative_holdings) == 1
    assert "derivative_holdings" in got.missing and "derivative_transactions" in got.missing
    assert _given_right(name, "trafilatura")[1] == []
