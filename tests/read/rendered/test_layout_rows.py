"""Rows of a laid-out table printed without blank lines between them (layout_rows.py): which lines
make which row, from the cells' centring on their row's middle line."""

from __future__ import annotations

import pytest

from section16 import parse
from section16.read.rendered import layout, layout_rows
from section16.read.rendered.layout_ties import TIED

from .conftest import PAGES, at, misses, reference, shown


def runs(lines: list[str]) -> dict[int, list[layout.Tok]]:
    return {i: [layout.Tok(i, m.start(), m.end(), m.group(0)) for m in layout._CHUNK_RE.finditer(ln)]
            for i, ln in enumerate(lines)}  # fmt: skip


def test_three_line_rows_back_to_back() -> None:
    # Two rows of three lines each (a title and an underlying title wrapped around the row's middle),
    # the lone footnote marks of the date columns risen a line above it. The cut between them is
    # where each row is centred on its own D; "(2)" over "(3)" would stack two marks in one cell.
    row = [
        at((0, "Restricted"), (107, "{m}"), (119, "{m}"), (128, "Common")),
        at(
            (19, "(1)"),
            (33, "09/29/2019"),
            (72, "A"),
            (83, "45,700"),
            (133, "45,700.00"),
            (150, "$0"),
            (163, "45,700"),
            (179, "D"),
        ),
        at((0, "Stock Unit"), (128, "Stock")),
    ]
    lines = [ln.format(m="(2)") for ln in row] + [ln.format(m="(3)") for ln in row]
    data = list(range(6))
    assert layout_rows.bands(data, [1, 4], runs(lines)) == {0: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1}


def test_a_footnote_mark_ends_its_cell() -> None:
    # "By LLC (8)" is the first row's whole nature of ownership; "By Trust" over the second row's
    # "(9)" starts the next (pdftotext put the superscript on the row's own line).
    lines = [
        at((0, "Common Stock"), (130, "307,500"), (170, "I"), (183, "By LLC (8)")),
        at((183, "By Trust")),
        at((0, "Common Stock"), (130, "7,286"), (170, "I"), (183, "(9)")),
    ]
    assert layout_rows.bands([0, 1, 2], [0, 2], runs(lines)) == {0: 0, 1: 1, 2: 1}


def test_a_blank_line_between_anchors_parts_the_rows() -> None:
    # The price's "$" above and its mark below: the blank line says which row the mark is in.
    lines = [
        at((118, "$")),
        at(
            (0, "Common Stock"),
            (44, "05/06/2026"),
            (90, "S"),
            (103, "28,031 D"),
            (118, "183.903"),
            (130, "825,014"),
            (170, "I"),
        ),
        at((118, "(1)")),
        "",
        at((118, "$")),
        at(
            (0, "Common Stock"),
            (44, "05/06/2026"),
            (90, "S"),
            (103, "88,921 D"),
            (118, "184.6701"),
            (130, "736,093"),
            (170, "I"),
        ),
        at((118, "(3)")),
    ]
    data = [0, 1, 2, 4, 5, 6]
    assert layout_rows.bands(data, [1, 5], runs(lines)) == {0: 0, 1: 0, 2: 0, 4: 1, 5: 1, 6: 1}


def test_lines_that_fit_two_rows_alike_are_not_assigned() -> None:
    # A word line exactly between two single-line rows, centred on neither: no cut is better.
    lines = [
        at((0, "Common Stock"), (130, "100"), (170, "D")),
        at((60, "stray")),
        at((0, "Common Stock"), (130, "200"), (170, "D")),
    ]
    assert layout_rows.bands([0, 1, 2], [0, 2], runs(lines)) is None


def test_middle_line_is_the_fuller_line_beside_a_lone_anchor() -> None:
    lines = [
        at((0, "Common Stock"), (44, "05/12/2023"), (90, "P"), (103, "84,602 A"), (123, "(1)")),
        at((180, "I")),
    ]
    assert layout_rows.middle_line(1, runs(lines)) == 0


def test_middle_line_two_lines_above_the_amount_and_its_d() -> None:
    # pdftotext dropped the amount owned and its D two lines below the rest of the row.
    lines = [
        at((0, "Common Stock (2)"), (49, "10/01/2019"), (95, "F"), (111, "61,754 D")),
        at((128, "224.59")),
        at((135, "175,763"), (185, "D")),
    ]
    assert layout_rows.middle_line(2, runs(lines), {2}) == 0
    # Never another row's anchor line.
    assert layout_rows.middle_line(2, runs(lines), {0, 2}) == 2


def test_a_two_line_value_puts_its_rows_middle_half_a_line_down() -> None:
    # pdftotext, 0001127602-20-005231 (a later page, squeezed): the second row's price "$0" over its
    # "(1)" is centred half a line below the row's one-line cells, and so is its ten-line nature of
    # ownership. Centred on the line of the D or I, "L.P." (the first row's nature's last line)
    # would fit either row alike.
    lines = [
        "                                                                    Proportionate",
        "                                                                    limited",
        "                                                                    partnership",
        "                                                  $0                interest in",
        "Class A Common Stock   12/05/2019   G   222   A         9,451   I",
        "                                                  (1)               shares held",
        "                                                                    by Rankin",
        "                                                                    Associates II,",
        "                                                                    L.P.",
        "                                                                    Minor child?",
        "                                                                    s trust?s",
        "                                                                    proportionate",
        "                                                                    LP interests",
        "Class A Common Stock   12/05/2019   G   111   A   $0    1,094   I   in shares",
        "                                                  (1)",
        "                                                                    held by",
        "                                                                    Rankin",
        "                                                                    Associates II,",
        "                                                                    L.P. (2)",
    ]
    got = layout_rows.bands(list(range(len(lines))), [4, 13], runs(lines))
    assert got is not None
    assert [i for i, r in got.items() if r == 0] == list(range(9))  # "L.P." (line 8) ends the first row
    assert layout_rows.half_line(13, runs(lines), {4, 13}) == 13.5
    assert layout_rows.half_line(4, runs(lines), {4, 13}) == 4.0  # its price "$0" a line over, "(1)" a line under


def _pages(lines: list[str], first_of_next: int) -> dict[int, int]:
    return {i: int(i >= first_of_next) for i in range(len(lines))}


def test_a_row_a_page_break_cut_starts_its_cells_on_its_first_line() -> None:
    # pdftotext, 0001127602-20-005231 (Table I, the foot of a page): the last row's nature of
    # ownership starts on its one-line cells' line and runs on past the break ("partnership" ...
    # on the next page). Centred, "James T." / "Rankin" would fit either row alike; cut by the
    # break, the row under them starts on its own line, so they end the row above.
    lines = _trustee_rows()
    data, anchors = list(range(len(lines))), [4, 9]
    assert layout_rows.bands(data, anchors, runs(lines)) is None  # one grid: the page does not say
    plain, _early, _late = layout_rows.cuts(data, anchors, runs(lines), _pages(lines, 12))
    assert plain == {i: int(i >= 9) for i in data}


def test_a_tables_searches_share_their_bands_costs(monkeypatch: pytest.MonkeyPatch) -> None:
    # The same lines searched with and without their page break (and again by the layout reader
    # with other anchors): a band on one page costs the same in every search, so it is weighed once
    # for all of them, and the cuts are those each search finds on its own.
    lines = _trustee_rows()
    data, anchors, words, pages = list(range(len(lines))), [4, 9], runs(lines), _pages(lines, 12)
    alone = [layout_rows.cuts(data, anchors, words, pages), layout_rows.cuts(data, anchors, words)]
    weighed: list[tuple[int, int]] = []
    band_cost = layout_rows.band_cost

    def counted(band: list[int], middle: float, *rest: object) -> float:
        weighed.append((band[0], band[-1]))
        return band_cost(band, middle, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(layout_rows, "band_cost", counted)
    memo: layout_rows.BandCosts = {}
    assert layout_rows.cuts(data, anchors, words, pages, memo) == alone[0]
    first = len(weighed)
    assert memo and first > len(memo)  # (the bands over the break are weighed as cut, not kept)
    for (s, b, middle), cost in memo.items():
        assert cost == band_cost([i for i in data if s <= i < b], middle, words)
    assert layout_rows.cuts(data, anchors, words, None, memo) == alone[1]
    assert len(weighed) == first  # every band of the search on one grid was weighed before


def _trustee_rows() -> list[str]:
    return [
        at((69, "Reporting")),
        at((69, "Person")),
        at((69, "serves as")),
        at((69, "Trustee of a")),
        at((0, "Class A Common Stock"), (56, "15,768"), (65, "I")),
        at((69, "Trust for the")),
        at((69, "benefit of")),
        at((69, "James T.")),
        at((69, "Rankin")),
        at((0, "Class A Common Stock"), (56, "862"), (65, "I"), (69, "Spouse's")),
        at((69, "proportionate")),
        at((69, "limited")),
        at((69, "partnership")),  # the next page
        at((69, "interest in")),
        at((69, "L.P. (2)")),
    ]


def test_a_row_that_does_not_start_its_cells_on_its_first_line_was_not_cut_by_the_break() -> None:
    # A centred row (its title over and under its one-line cells) is not a row the break cut: its
    # band may not run on past the break, whatever that would save the row below.
    lines = [
        at((0, "Employee")),
        at((0, "Stock"), (50, "06/01/2016"), (70, "5,713"), (90, "D")),
        at((0, "Option")),
        at((0, "(right to")),  # the next page
        at((0, "buy)")),
    ]
    band = list(range(5))
    assert layout_rows.band_cost(band, 1.0, runs(lines), _pages(lines, 3)) == layout_rows.STACKED
    # No value runs on past a break (a value is printed on one line), and the row's cells must all
    # start on its first line.
    top = [at((0, "Class A Common Stock"), (50, "862"), (60, "I"), (70, "Spouse's")), at((70, "limited"))]
    assert layout_rows.band_cost([0, 1, 2], 0.0, runs([*top, at((70, "2,000"))]), {0: 0, 1: 0, 2: 1}) >= 1000
    assert layout_rows.band_cost([0, 1, 2], 0.0, runs([*top, at((70, "partnership"))]), {0: 0, 1: 0, 2: 1}) < 1


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        # The "$" of a price, first line of the next page, fits the rows over and under the break
        # alike on one grid: a centred row does not straddle the break (and a holding's amount
        # owned, on the page moved to the heading's grid, under the price column is cut by type).
        ("0001628280-21-024522", 18),
        ("0001628280-22-000351", 9),
        ("0001628280-24-020385", 3),
        # Read as centred rows, a row took the next page's "$ 976.443": rows do not straddle a break.
        ("0000899243-21-048679", 30),
    ],
)
def test_pdftotext_tables_over_a_page_break_read_right(name: str, rows: int) -> None:
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert len(got.non_derivative_transactions) + len(got.non_derivative_holdings) == rows
    assert not any(n.where.startswith("Table") for n in got.notes)
    assert shown(expected, got) > 40
    assert misses(expected, got) == []


def test_a_cell_never_spans_a_blank_line() -> None:
    # pdftotext, 0001567619-20-006874 (a Form 3 printing each row's amount a line under its title):
    # Table II's rows are parted by blank lines but where the page breaks. "Common" over "Stock"
    # after the last blank line fits the row above as well as its own by centring alone; but the
    # row above's "Common" / "Stock" would then stand over a blank line and go on under it, and a
    # cell's lines follow each other: the rows are cut at the blank line and the table is read.
    # Each exercise date prints its mark and then, a space on, "(6)" beside an empty expiration
    # date: whose "(6)" is cannot be told, so only the two dates' footnotes are said missing.
    name = "0001567619-20-006874"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert [h.exercise_date.value for h in got.derivative_holdings] == [
        h.exercise_date.value for h in expected.derivative_holdings
    ]
    assert len(got.derivative_holdings) == 4
    assert [p for p in got.missing if p.startswith("derivative_holdings")] == [
        f"derivative_holdings[{k}].{f}_date.footnotes" for f in ("exercise", "expiration") for k in range(4)
    ]
    assert not any(TIED in n.message for n in got.notes)
    assert shown(expected, got) > 40
    assert misses(expected, got) == []


@pytest.mark.parametrize("compiled", [True, False])
def test_a_band_whose_cell_stands_over_a_blank_line_is_no_row(monkeypatch: pytest.MonkeyPatch, compiled: bool) -> None:
    # Two rows parted by a blank line: a band that takes the second row's "Common" into the first
    # (its "Common" / "Stock" over the blank line and on under it) is not a row, in C and in Python;
    # the same band's words without the blank line between them cost what centring says.
    if not compiled:
        monkeypatch.setattr(layout_rows, "_band_c", None)
    row = [at((90, "Common")), at((0, "Restricted Stock Units (1)"), (90, "Stock")), at((100, "3,362"), (130, "D"))]
    parted = runs([*row, "", row[0]])
    assert layout_rows.band_cost([0, 1, 2, 4], 2.0, parted) >= layout_rows.STACKED
    assert layout_rows.band_cost([0, 1, 2], 1.0, parted) < layout_rows.STACKED
    assert layout_rows.band_cost([0, 1, 2, 3], 2.0, runs([*row, row[0]])) < layout_rows.STACKED
    lines = [*row, "", *row]
    assert layout_rows.bands([0, 1, 2, 4, 5, 6], [2, 6], runs(lines)) == {0: 0, 1: 0, 2: 0, 4: 1, 5: 1, 6: 1}


def test_a_value_printed_one_space_after_the_cell_before_it_still_hangs_its_mark_below() -> None:
    # pdftotext, 0001062993-21-008859: "V 1,309" (the V column's mark one space before the amount)
    # over the amount's "(1)": the amount and its mark are one cell centred half a line lower, so
    # the row's middle is half a line down, and the nature "Estate" / "Planning" / "Vehicle" (its
    # lines around that half line) stays whole, not "Vehicle" given to the next row's "Sequoia ...".
    name = "0001062993-21-008859"
    lines = (PAGES / f"{name}.pdftotext-layout.txt").read_text().split("\n")[36:39]
    assert layout_rows.half_line(1, runs(lines)) == 1.5
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert [t.nature_of_ownership.value for t in got.non_derivative_transactions][1] == "Estate Planning Vehicle"
    assert got.non_derivative_holdings[0].nature_of_ownership.value == "Sequoia Grove II, LLC"
    assert shown(expected, got) > 40
    assert misses(expected, got) == []


@pytest.mark.parametrize("compiled", [True, False])
def test_a_cells_list_of_marks_wraps_on_under_its_first_line(monkeypatch: pytest.MonkeyPatch, compiled: bool) -> None:
    # pdftotext, 0001638599-20-000500: natures "See" / "Footnotes" / "(4) (5) (6)" / "(7) (9) (10)" /
    # "(11) (12)" / "(13)": the marks under a line of marks that starts where they start are that
    # cell's list wrapped, not two rows' marks stacked (as a lone "(3)" over them is), so the
    # natures are cut whole; before, every cut stacked marks and the fewest stacks won.
    if not compiled:
        monkeypatch.setattr(layout_rows, "_band_c", None)
    wrapped = runs(
        [at((0, "See")), at((0, "Footnotes")), at((0, "(4) (5) (6)")), at((0, "(7) (9) (10)")), at((0, "(13)"))]
    )
    assert layout_rows.band_cost([0, 1, 2, 3, 4], 2.0, wrapped) < layout_rows.STACKED
    lone = runs([at((0, "(3)")), at((0, "(4)"))])
    assert layout_rows.band_cost([0, 1], 0.5, lone) >= layout_rows.STACKED
    apart = runs([at((0, "(4) (5) (6)")), at((4, "(7)"))])
    assert layout_rows.band_cost([0, 1], 0.5, apart) >= layout_rows.STACKED
    # The page's Table I, its title, D or I and nature columns as printed (two holdings over
    # three holdings and four transactions; the rest of the page is not committed: a footnote's
    # words are read wrong there, which is no row's cut).
    natures = [["See", "Footnote", "(3)"]] + [
        ["See", "Footnotes", "(4) (5) (6)", f"({m}) (9) (10)", "(11) (12)", "(13)"] for m in (7, 8, 7, 8)
    ]
    lines = [at((0, "Common Stock"), (74, "D"))] * 2
    want = [0, 1]
    for k, nature in enumerate(natures, start=2):
        middle = len(nature) // 2 if len(nature) == 3 else 3
        for j, word in enumerate(nature):
            lines.append(at((0, "Common Stock"), (74, "I"), (86, word)) if j == middle else at((86, word)))
            want.append(k)
    anchors = [i for i, ln in enumerate(lines) if ln.startswith("Common")]
    cut = layout_rows.bands(list(range(len(lines))), anchors, runs(lines))
    assert cut == dict(enumerate(want))


def test_a_cell_run_on_to_a_page_without_rows_goes_under_its_lines() -> None:
    # pdftotext, 0001179110-20-002137: Table I's last row (a holding) starts on its one-line cells'
    # line at the foot of a page; its nature of ownership runs on at the top of the next page
    # ("Declaration" / "of Trust (5)"), which holds no row of its own and so is laid out 8
    # characters left of the page above. It is that nature's rest: the row is read whole.
    name = "0001179110-20-002137"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert [h.nature_of_ownership.value for h in got.non_derivative_holdings] == [
        "Maria Cristina Alban 2007 Declaration of Trust"
    ]
    assert not any(n.where == "Table I" for n in got.notes)
    assert shown(expected, got) > 40
    assert misses(expected, got) == []


def test_a_parenthesis_a_cell_opens_closes_in_the_same_cell(monkeypatch: pytest.MonkeyPatch) -> None:
    # A band that ends a row's title on "(Right" (the next row's starting with "to Buy)") parts one
    # cell's words: it costs more than centring alone says; the band that keeps them does not.
    lines = [
        at((0, "Stock")),
        at((0, "Option"), (84, "12/13/2016"), (155, "40,000"), (172, "D")),
        at((0, "(Right")),
        at((0, "to Buy)")),
    ]
    whole, parted = ([0, 1, 2, 3], 1.5), ([0, 1, 2], 1.0)
    costs = [layout_rows.band_cost(band, middle, runs(lines)) for band, middle in (whole, parted)]
    monkeypatch.setattr(layout_rows, "_UNBALANCED", 0.0)
    centring = [layout_rows.band_cost(band, middle, runs(lines)) for band, middle in (whole, parted)]
    assert costs[0] == centring[0]
    assert costs[1] == centring[1] + 2.0


def test_rows_whose_titles_wrap_in_parentheses_are_cut_where_the_parentheses_close() -> None:
    # 0001628280-20-004909 (Form 5): six back-to-back "Stock / Option / (Right / to Buy)" rows under a
    # heading the page break cut in two. The first row's values stand a line below its middle, and
    # its lines fit two cuts alike by centring alone; only one keeps each "(Right" with its "to Buy)".
    got = parse(PAGES / "0001628280-20-004909.pdftotext-layout.txt")
    expected = reference("0001628280-20-004909")
    assert len(got.derivative_holdings) == len(expected.derivative_holdings) == 6
    assert [m for m in misses(expected, got) if m[0].startswith(("derivative", "non_derivative"))] == []
    assert {t.security_title.value for t in got.derivative_holdings} == {"Stock Option (Right to Buy)"}
    assert not any(n.where.startswith("Table") for n in got.notes)


@pytest.mark.parametrize("name", ["0001127602-20-005554", "0001179110-20-002131"])
def test_rows_read_as_centred_over_a_page_break_are_read_again_with_the_break_weighed(name: str) -> None:
    # Table I's last row starts at the foot of a page (its nature "Proportionate limited
    # partnership" / "By Spouse" on its first lines) and its nature runs on at the top of the next
    # page ("interest in shares held by ..." / "(6)"). Read as centred rows, the lines fit a cut
    # that gives the run-on lines to the next row (a holding shown without a nature) and part the
    # natures wrongly; a centred row never stands over a break, so the rows are read with the
    # break weighed, which reads them as the page shows them.
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    assert [m for m in misses(reference(name), got) if m[0].startswith("non_derivative")] == []
    assert not any(n.where == "Table I" for n in got.notes)


@pytest.mark.parametrize("compiled", [True, False])
def test_amounts_run_on_into_their_a_or_d_stack_as_values(monkeypatch: pytest.MonkeyPatch, compiled: bool) -> None:
    # pdftotext prints a Table I amount one space before its (A) or (D) ("1,000,000 A"): two such
    # runs one over the other are two rows' amounts, as two values are (in C and in Python); what
    # stands under one is weighed as under text (a mark over "10,000 D" is still the row above's).
    if not compiled:
        monkeypatch.setattr(layout_rows, "_band_c", None)
    two = runs([at((115, "1,000,000 A")), at((0, "Class A Common Stock"), (115, "6,883,086 A"))])
    assert layout_rows.band_cost([0, 1], 0.5, two) >= layout_rows.STACKED
    marked = runs([at((98, "(3)")), at((98, "10,000 D"))])
    assert layout_rows.band_cost([0, 1], 0.5, marked) == layout_rows._AFTER_MARK  # (the cell and band centred)


@pytest.mark.parametrize("name", ["0000899243-21-032834", "0000899243-21-043382"])
def test_rows_whose_amounts_and_a_stand_above_their_d_or_i_are_cut_apart(name: str) -> None:
    # pdftotext: Table I's rows print their title, date, code and "amount A" a line or two above
    # their I (the cells right of the price stand lower), and the next row's "See" and "6,883,086 A"
    # a line under this row's last one. Centring alone cut those into the row above (its "amount
    # A" over the next's): the table was said missing. Now both tables read whole.
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert len(got.non_derivative_transactions) == len(expected.non_derivative_transactions) >= 2
    assert not any(n.where == "Table I" for n in got.notes)
    assert misses(expected, got) == []


@pytest.mark.parametrize("compiled", [True, False])
def test_a_parenthesis_closed_ends_its_cell(monkeypatch: pytest.MonkeyPatch, compiled: bool) -> None:
    # "(right to" / "buy)" closes the title: text under "buy)" is the next row's (no security's title
    # goes on past it), weighed as text under a footnote mark is, in C and in Python; a nature's
    # "By 401(k)" closes what it opens on its own line, so its "Plan" under it costs nothing more.
    if not compiled:
        monkeypatch.setattr(layout_rows, "_band_c", None)
    closed = runs([at((0, "(right to")), at((0, "buy)")), at((0, "Stock"))])
    plan = runs([at((0, "By 401(k)")), at((0, "Plan"))])
    costs = [layout_rows.band_cost([0, 1, 2], 1.0, closed), layout_rows.band_cost([0, 1], 0.5, plan)]
    monkeypatch.setattr(layout_rows, "_AFTER_MARK", 0.0)
    centring = [layout_rows.band_cost([0, 1, 2], 1.0, closed), layout_rows.band_cost([0, 1], 0.5, plan)]
    assert costs == [centring[0] + 3.0, centring[1]]


def test_four_line_titles_back_to_back_are_cut_after_their_closing_parenthesis() -> None:
    # pdftotext, 0001104659-20-022141: five Table II rows "Stock" / "Options" / "(right to" / "buy)",
    # each row's "Stock" on the line under the row above's "buy)". Centring alone fits "Stock" to
    # either row (a tie: the table was said missing); "buy)" ends the title above.
    name = "0001104659-20-022141"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert {t.security_title.value for t in got.derivative_transactions} == {"Stock Options (right to buy)"}
    assert len(got.derivative_transactions) == len(expected.derivative_transactions) == 5
    assert not any(n.where == "Table II" for n in got.notes)
    assert misses(expected, got) == []


@pytest.mark.parametrize("compiled", [True, False])
def test_two_prices_stacked_are_two_rows(monkeypatch: pytest.MonkeyPatch, compiled: bool) -> None:
    # A cell holds one price: "$ 6.455" over the next row's "$" (whose number stands a line lower)
    # are two rows' prices, in C and in Python; a price's "$" over its own number is one cell.
    if not compiled:
        monkeypatch.setattr(layout_rows, "_band_c", None)
    two = runs([at((122, "$ 6.455")), at((122, "(9)")), at((122, "$"))])
    assert layout_rows.band_cost([0, 1, 2], 1.0, two) >= layout_rows.STACKED
    one = runs([at((122, "$")), at((0, "Common Stock"), (122, "6.4529")), at((122, "(10)"))])
    assert layout_rows.band_cost([0, 1, 2], 1.0, one) < layout_rows.STACKED


@pytest.mark.parametrize("compiled", [True, False])
def test_two_lines_starting_by_in_one_cell_are_two_rows(monkeypatch: pytest.MonkeyPatch, compiled: bool) -> None:
    # A nature of ownership starts "By" once (no nature in the corpus holds "by" twice): a cell with
    # two lines starting so is two rows' natures, in C and in Python, however far apart its lines.
    if not compiled:
        monkeypatch.setattr(layout_rows, "_band_c", None)
    nature = ["By Philip", "Singleton", "Irrevocable", "Trust,", "Dated", "December", "24, 2015"]
    two = runs([at((190, w)) for w in [*nature, "By Philip"]])
    assert layout_rows.band_cost(list(range(8)), 3.5, two) >= layout_rows.STACKED
    one = runs([at((190, w)) for w in nature])
    assert layout_rows.band_cost(list(range(7)), 3.0, one) < layout_rows.STACKED
    held = runs([at((190, "shares held")), at((190, "by Rankin")), at((190, "Associates"))])
    assert layout_rows.band_cost([0, 1, 2], 1.0, held) < layout_rows.STACKED
