"""Rows of a table a text browser laid on its grid of characters (ELinks, Links 2): each cell centred
in its row rounding down, so a band of lines is a row only where every cell stands so."""

from __future__ import annotations

from decimal import Decimal

from section16 import parse
from section16.read.rendered import layout_browser_rows
from section16.read.rendered.layout_browser_rows import grid_band_cost, grid_cuts, laid_by_browser
from section16.read.rendered.layout_rows import STACKED
from section16.read.rendered.layout_words import _CHUNK_RE, Tok

from .conftest import PAGES, at, misses, reference


def runs_of(lines: list[str]) -> dict[int, list[Tok]]:
    return {i: [Tok(i, m.start(), m.end(), m.group(0)) for m in _CHUNK_RE.finditer(ln)] for i, ln in enumerate(lines)}


def test_a_two_line_row_prints_its_one_line_cells_on_its_first_line() -> None:
    lines = [at((3, "Series C-1"), (30, "4,025,764"), (50, "D")), at((3, "Preferred Stock"))]
    runs = runs_of(lines)
    assert grid_band_cost([0, 1], runs) == 0.0
    # (on its second line, the row is not one the browser prints: a cell of one line stands on the
    # first of two)
    lower = [at((3, "Preferred Stock")), at((3, "Series C-1"), (30, "4,025,764"), (50, "D"))]
    assert grid_band_cost([0, 1], runs_of(lower)) >= STACKED


def test_a_line_whose_next_lines_first_word_would_have_fitted_ends_its_cell() -> None:
    # "Common" / "Stock" cannot be one cell's lines where the column is as wide as "Option to
    # Purchase": the browser would have set "Stock" on "Common"'s line.
    lines = [
        at((3, "Option to Purchase"), (30, "8,646"), (50, "D")),
        at((3, "Common")),
        at((3, "Stock"), (30, "2,436"), (50, "D")),
    ]
    runs = runs_of(lines)
    words = layout_browser_rows.text_runs(runs)
    assert grid_band_cost([1, 2], runs, words) >= STACKED
    assert grid_band_cost([0, 1], runs, words) == 0.0


def test_lines_that_fit_two_cuts_alike_leave_the_cut_unsettled() -> None:
    # A row of one line over one of three prints as two rows of two lines: the line between may
    # be either row's, and the earliest and latest cuts say so.
    lines = [
        at((3, "Series C-1"), (30, "4,025,764"), (50, "D")),
        at((3, "Preferred Stock")),
        at((3, "Series C-2"), (30, "6,502,796"), (50, "D")),
        at((3, "Preferred Stock")),
    ]
    plain, early, late = grid_cuts([0, 1, 2, 3], [0, 2], runs_of(lines))
    assert plain is None
    assert early is not None and late is not None
    assert (early[1], late[1]) == (0, 1)


def test_only_a_text_browsers_dump_is_read_on_its_grid() -> None:
    assert laid_by_browser((PAGES / "0000950170-24-012830.elinks-dump.txt").read_text())
    assert not laid_by_browser((PAGES / "0001065280-19-000262.pdftotext-layout.txt").read_text())


def test_two_line_titles_are_never_read_by_their_first_line() -> None:
    # ELinks: "Series C-1 ... 4,025,764 ... D" over "Preferred Stock", five such rows back to back.
    # Read as centred rows, the first row's title was "Series C-1" (wrong) and the others missing;
    # on the grid the last two rows are settled by their natures' marks ("See footnote" over
    # "(3)"), the first three are said missing, every value read.
    name = "0000950170-24-012830"
    got = parse((PAGES / f"{name}.elinks-dump.txt").read_bytes())
    expected = reference(name)
    assert [r.security_title.value for r in got.derivative_transactions] == [
        None,
        None,
        None,
        "Series E Preferred Stock",
        "Series F Preferred Stock",
    ]
    assert "derivative_transactions[0].security_title" in got.missing
    assert [r.shares.value for r in got.derivative_transactions] == [
        Decimal("4025764"),
        Decimal("6502796"),
        Decimal("545450"),
        Decimal("373021"),
        Decimal("1598225"),
    ]
    assert [m for m in misses(expected, got) if m[0] not in got.missing] == []


def test_three_line_titles_are_settled_by_how_the_browser_fills_a_line() -> None:
    name = "doc4_ec3115af"
    got = parse((PAGES / f"{name}.elinks-dump.txt").read_bytes())
    expected = reference(name)
    assert [h.security_title.value for h in got.derivative_holdings][:2] == [
        "Option to Purchase Class A Common Stock",
        "Option to Purchase Class A Common Stock",
    ]
    assert misses(expected, got) == [m for m in misses(expected, got) if m[0] in got.missing]


def test_a_values_marks_wrapped_under_it_stay_in_its_row() -> None:
    # Links: "2,728" / "^(1)" / "^(2)" in a narrow column, the row's other cells on its middle line;
    # centred, the "(2)" went to the next row's amount.
    name = "0001819848-22-000105"
    got = parse((PAGES / f"{name}.links-dump.txt").read_bytes())
    rows = got.non_derivative_transactions
    assert (rows[0].shares.footnote_ids, rows[1].shares.footnote_ids) == (("F1", "F2"), ())
    assert [m for m in misses(reference(name), got) if m[0] not in got.missing] == []


def test_marks_a_space_after_an_amount_beside_an_empty_exercise_date_are_either_cells() -> None:
    # ELinks: "2,105,171 ^(31)^(32)  08/13/2022": the exercise date is given by its marks alone,
    # centred in its column one space after the amount. Read as the amount's before; now both
    # cells' footnotes are said missing, the amount and the dates read.
    name = "0000899243-21-049477"
    got = parse((PAGES / f"{name}.elinks-dump.txt").read_bytes())
    row = got.derivative_transactions[0]
    assert reference(name).derivative_transactions[0].exercise_date.footnote_ids == ("F31", "F32")
    assert row.shares.value == Decimal("2105171") and row.shares.footnote_ids == ()
    assert {"derivative_transactions[0].shares.footnotes", "derivative_transactions[0].exercise_date.footnotes"} <= set(
        got.missing
    )
    assert [m for m in misses(reference(name), got) if m[0] not in got.missing] == []


def test_a_mark_left_of_every_word_of_its_cell_is_the_cell_befores() -> None:
    # "Class B Common" / "Stock (3)  (4)" beside "12,681,798": on the grid a cell's lines stand under
    # its value, so the "(4)" a line below the amount and left of it is the title's.
    upper = [Tok(0, 80, 94, "Class B Common"), Tok(0, 97, 107, "12,681,798")]
    lower = [Tok(1, 80, 85, "Stock"), Tok(1, 86, 89, "(3)"), Tok(1, 91, 94, "(4)")]
    cut = [[upper[0], *lower[:2]], [upper[1], lower[2]]]
    moved = layout_browser_rows.marks_to_their_line(cut)
    assert moved is not None
    assert [t.text for t in moved[0]] == ["Class B Common", "Stock", "(3)", "(4)"]
    assert [t.text for t in moved[1]] == ["12,681,798"]
    # (a mark under its value stays)
    assert layout_browser_rows.marks_to_their_line([[upper[0]], [upper[1], Tok(1, 100, 103, "(4)")]]) is None


def test_a_cell_whose_lines_skip_one_is_two_cells() -> None:
    # "Employee Stock" / "Option (right ... Stock" / "to buy)" / "Employee Stock": a fourth line would
    # give the row's underlying title "Common" / "Stock" / (nothing) / "Common", two rows' words.
    lines = [
        at((3, "Employee Stock"), (40, "Common")),
        at((3, "Option (right"), (20, "$ 59.77"), (40, "Stock"), (50, "1,700"), (60, "D")),
        at((3, "to buy)")),
        at((3, "Employee Stock"), (40, "Common")),
    ]
    runs = runs_of(lines)
    assert grid_band_cost([0, 1, 2, 3], runs) >= STACKED
    assert grid_band_cost([0, 1, 2], runs) == 0.0


def test_a_runs_words_before_another_cells_value_show_its_columns_width() -> None:
    # "Common Stock, $1 2/3 Par 08/07/2019" (the title and the date one space apart) shows the title's
    # column at least as wide as "Common Stock, $1": so "Value" / "Common ..." cannot be one cell's lines.
    lines = [
        at((3, "Common Stock, $1 2/3 Par 08/07/2019"), (40, "2,475"), (60, "I")),
        at((3, "Value")),
        at((3, "Common Stock, $1 2/3 Par 08/07/2019"), (40, "2,475"), (60, "D")),
        at((3, "Value")),
    ]
    runs = runs_of(lines)
    words = layout_browser_rows.text_runs(runs)
    assert [w.text for w in words if w.line == 0] == ["Common Stock, $1"]
    assert grid_band_cost([1, 2, 3], runs, words) >= STACKED
    plain, _early, _late = grid_cuts([0, 1, 2, 3], [0, 2], runs)
    assert plain == {0: 0, 1: 0, 2: 1, 3: 1}
