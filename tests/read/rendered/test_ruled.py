"""Tables read from the cell borders a PDF draws (ruled.py), and text a printer clipped at the page edge."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered import ruled, tables
from section16.read.rendered.cells import CLIPPED
from section16.read.rendered.ruled import Page, Word

from .conftest import PAGES, misses, reference, shown

COLS = tables.columns("4", 1)
XS = [10.0 + 60 * k for k in range(len(COLS) + 1)]  # one column rule every 60 points


def grid(page: Page, ys: list[float]) -> None:
    """Rules of a table with these row boundaries and the columns of XS."""
    for y in ys:
        page.h.append((y, XS[0], XS[-1]))
    for x in XS:
        page.v.append((x, ys[0], ys[-1]))


def put(page: Page, col: int, top: float, text: str) -> None:
    page.words.append(Word(text, XS[col] + 2, XS[col] + 2 + 5 * len(text), top, top + 8))


def row(page: Page, top: float, **cells: str) -> None:
    for name, text in cells.items():
        put(page, COLS.index(name), top, text)


def test_each_band_between_rules_is_a_row() -> None:
    page = Page([])
    grid(page, [100, 120, 170])
    row(page, 105, title="Common Stock", date="01/02/2024", code="S", amount="100", ad="D", after="900", di="D")
    # A tall row: the nature of ownership wraps over three lines, centred beside one-line cells.
    row(page, 140, title="Common Stock", after="50", di="I")
    for k, line in enumerate(("By", "spouse, as", "custodian")):
        put(page, COLS.index("nature"), 125 + 14 * k, line)
    rows = ruled.table_rows([(page, 90, 300)], COLS)
    assert rows is not None
    assert [r[COLS.index("di")] for r in rows] == ["D", "I"]
    assert rows[1][COLS.index("nature")] == "By\nspouse, as\ncustodian"


def test_a_row_cut_by_a_page_break_is_joined() -> None:
    one, two = Page([]), Page([])
    grid(one, [100, 120, 200])
    row(one, 105, title="Common Stock", date="01/02/2024", code="S", amount="100", ad="D", after="900", di="D")
    put(one, COLS.index("title"), 185, "Series A Preferred")  # the top of the next row...
    grid(two, [20, 60])
    row(two, 30, title="Stock", after="50", di="I")  # ...and its rest, with its D/I, on the next page
    rows = ruled.table_rows([(one, 90, 1e9), (two, -1e9, 100)], COLS)
    assert rows is not None and len(rows) == 2
    assert rows[1][COLS.index("title")] == "Series A Preferred\nStock"
    assert rows[1][COLS.index("di")] == "I"


def test_a_row_drawn_inside_the_heading_band_is_left_to_word_positions() -> None:
    page = Page([])
    grid(page, [100, 160])
    put(page, 0, 105, "1. Title of Security (Instr. 3)")
    row(page, 140, title="Common Stock", date="01/02/2024", code="S", amount="1,000", ad="D", di="D")
    assert ruled.table_rows([(page, 90, 300)], COLS) is None


def test_rules_that_do_not_part_the_columns_are_not_used() -> None:
    page = Page([])
    page.h.extend([(100, 10, 610), (120, 10, 610)])
    page.v.extend([(10, 100, 120), (310, 100, 120), (610, 100, 120)])  # two cells, not eleven
    page.words.append(Word("Common", 20, 50, 105, 113))
    assert ruled.table_rows([(page, 90, 300)], COLS) is None


def test_pdf_row_cut_across_pages_reads_as_the_xml() -> None:
    # chromium printed this filing's third holding across the page break, and its nature of ownership
    # ("By spouse, as custodian for child") on both pages.
    got = parse(PAGES / "0000320193-20-000023.chromium-pdf.pdf")
    expected = reference("0000320193-20-000023")
    assert len(got.non_derivative_holdings) == len(expected.non_derivative_holdings)
    assert shown(expected, got) > 30
    assert misses(expected, got) == []


def test_clipped_footnote_is_left_out_and_listed_missing() -> None:
    # A printer clips a line laid out wider than the paper; the PDF front end marks the word at the edge.
    text = (PAGES / "0000080424-26-000034.pandoc-plain.txt").read_text()
    got = parse(text.encode())
    assert got.footnotes, "the page has footnotes"
    first = got.footnotes[0]
    words = first.text.split()
    clipped = text.replace(first.text, " ".join(words[: len(words) // 2]) + CLIPPED, 1)
    assert clipped != text
    cut = parse(clipped.encode())
    assert first.id not in {fn.id for fn in cut.footnotes}
    assert f"footnotes[{first.id}]" in cut.missing
    assert any(n.where == f"footnotes[{first.id}]" for n in cut.notes)


def test_the_heading_row_cut_by_the_page_break_and_drawn_with_the_first_row() -> None:
    # chromium (0001104659-26-062860): Table II's heading ends at the foot of page one; its last row
    # (Code, V, (A), (D), ...) is drawn on page two in one band with the first data row.
    one, two = Page([]), Page([])
    grid(one, [400, 570])
    put(one, 0, 405, "1. Title of Security (Instr. 3)")
    put(one, COLS.index("code"), 405, "3. Transaction Code (Instr. 8)")
    grid(two, [20, 80])
    for name, text in (("code", "Code"), ("v", "V"), ("amount", "Amount"), ("ad", "(A) or (D)"), ("price", "Price")):
        put(two, COLS.index(name), 22, text)
    row(two, 50, title="Common Stock", date="05/13/2026", code="M (1)", amount="1,000", ad="A", price="$ 18.44",
        after="19,106", di="D")  # fmt: skip
    rows = ruled.table_rows([(one, 390, 1e9), (two, -1e9, 100)], COLS)
    assert rows is not None and len(rows) == 1
    got = dict(zip(COLS, rows[0], strict=True))
    assert (got["code"], got["amount"], got["ad"], got["price"]) == ("M (1)", "1,000", "A", "$ 18.44")


def test_only_whole_sub_headings_are_taken_off_a_cell() -> None:
    assert ruled._without_heading_lines("Amount or Number\nof Shares\n2,390") == "2,390"
    assert ruled._without_heading_lines("(D)\n1,000") == "1,000"
    assert ruled._without_heading_lines("Amount or Number\n500") == "Amount or Number\n500"  # not whole
    assert ruled._without_heading_lines("Common Stock") == "Common Stock"


def test_a_sub_headings_tail_heads_the_cell_only_after_its_beginning() -> None:
    before = "7. Title and Amount of Underlying Securities Title Amount or Number"
    assert ruled._without_heading_lines("of\nShares\n31,455", before) == "31,455"
    assert ruled._without_heading_lines("Number of Shares\n8,646", "Title Amount or") == "8,646"
    # Without the heading's first words before the break, the same lines are the cell's own.
    assert ruled._without_heading_lines("of\nShares\n31,455", "7. Title and Amount") == "of\nShares\n31,455"
    assert ruled._without_heading_lines("of\nClass A\n31,455", before) == "of\nClass A\n31,455"


def test_a_row_whose_top_rule_is_on_the_page_before_is_read() -> None:
    # The page break fell on a row's top border: on the next page the row has only its bottom rule.
    one, two = Page([]), Page([])
    grid(one, [100, 120, 140])
    row(one, 105, title="Common Stock", date="01/02/2024", code="S", amount="100", ad="D", after="900", di="D")
    for x in XS:
        two.v.append((x, 15, 40))
    two.h.append((40, XS[0], XS[-1]))
    row(two, 20, title="Common Stock", after="1,312,260", di="I", nature="Estate planning")
    rows = ruled.table_rows([(one, 90, 1e9), (two, -1e9, 100)], COLS)
    assert rows is not None and len(rows) == 2
    assert rows[1][COLS.index("after")] == "1,312,260"


def test_values_the_rules_do_not_part_are_not_passed_over() -> None:
    # A region with values but fewer than two rules: not read by the rules (None), never skipped.
    one, two = Page([]), Page([])
    grid(one, [100, 120, 140])
    row(one, 105, title="Common Stock", date="01/02/2024", code="S", amount="100", ad="D", after="900", di="D")
    row(two, 20, title="Common Stock", after="1,312,260", di="I")  # no rule at all
    assert ruled.table_rows([(one, 90, 1e9), (two, -1e9, 100)], COLS) is None


def test_pdf_row_whose_top_rule_ends_the_page_before_reads_as_the_xml() -> None:
    """chromium fitted to the paper (held out): Table I's holding row starts on the next page with
    only its bottom rule; the row was lost without a word."""
    name = "0001415889-24-019064"
    got = parse(PAGES / f"{name}.chromium-pdf-fit.pdf")
    expected = reference(name)
    assert len(got.non_derivative_holdings) == len(expected.non_derivative_holdings) == 1
    assert misses(expected, got) == []


def test_pdf_row_cut_under_the_heading_takes_its_own_columns() -> None:
    """chromium fitted to the paper (held out): Table II's first row starts at the foot of the page
    under the heading and the break cuts it. The heading's top cells span two columns each; read with
    the heading's columns the row had 12 cells, not 16, and the table fell back to word positions,
    where a nature of ownership whose note mark stands above its last line ("Fund (Q), LP(2)") lost
    that line to the next row ("LP By Sequoia ...")."""
    name = "0000899243-17-024633"
    got = parse(PAGES / f"{name}.chromium-pdf-fit.pdf")
    expected = reference(name)
    assert len(got.derivative_transactions) == len(expected.derivative_transactions) == 17
    assert [r.nature_of_ownership for r in got.derivative_transactions] == [
        r.nature_of_ownership for r in expected.derivative_transactions
    ]
    assert misses(expected, got) == []


def test_pdf_owner_under_the_heading_the_page_break_cut_is_read() -> None:
    """chromium fitted to the paper (held out): the page breaks inside the owners' heading; the next
    page draws "Director | 10% Owner | Officer | Other" in one band with the first owner. That band
    was passed over as the heading: the five owners read as four, each after the first one moved up,
    presented as right."""
    name = "0000899243-20-011293"
    got = parse(PAGES / f"{name}.chromium-pdf-fit.pdf")
    expected = reference(name)
    assert [o.name for o in got.reporting_owners] == [o.name for o in expected.reporting_owners]
    assert got.reporting_owners[0].relationship == expected.reporting_owners[0].relationship
    assert misses(expected, got) == []


def test_owner_cells_under_the_heading_lose_the_heading_lines_only() -> None:
    cells = ["Jane Roe\n1 Main St\nTOWN, CA 90000", "Director", "10% Owner\nX", "Officer", "Other"]
    assert ruled._without_owner_heading(cells) == ["Jane Roe\n1 Main St\nTOWN, CA 90000", "", "X", "", ""]
    # The heading alone, or marks with no owner's name: not an owner.
    assert ruled._without_owner_heading(["", "Director", "10% Owner", "Officer", "Other"]) is None
    assert ruled._without_owner_heading(["", "Director", "10% Owner\nX", "Officer", "Other"]) is None


def test_pdf_heading_cut_at_the_foot_of_the_page_reads_by_the_rules() -> None:
    """chromium fitted to the paper (held out): Table II's heading starts at the foot of a page with
    only its top rule there, and runs on to the next page, where its upper labels' ends
    ("Transaction(s) / (Instr. 4)"), its sub-labels ("Code V (A) (D)") and the first row share one
    band. The table was read from word positions, and the underlying title's mark "(2)" given to the
    amount; now the band below the sub-labels' line is the row."""
    name = "0001209191-12-001744"
    got = parse(PAGES / f"{name}.chromium-pdf-fit.pdf")
    expected = reference(name)
    assert got.derivative_transactions[0].underlying_title == expected.derivative_transactions[0].underlying_title
    assert got.derivative_transactions[0].underlying_shares == expected.derivative_transactions[0].underlying_shares
    assert misses(expected, got) == []


def test_one_rule_over_words_at_the_page_foot_is_a_band_cut_by_the_break() -> None:
    page = Page([])
    page.h.append((100.0, XS[0], XS[-1]))
    for x in XS:
        page.v.append((x, 100.0, 130.0))
    put(page, COLS.index("title"), 110, "1. Title of Security")
    ((top, bottom, xs),) = ruled._bands(page, 90, 1e9) or []
    assert (top, bottom) == (100.0, 1e9) and xs == XS
    assert ruled._bands(page, 90, 300) is None  # (not cut by a break: one rule is no row)
