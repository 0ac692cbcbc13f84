"""The grid a table laid out by cell count stands on (spaced_grid): the heading's labels' line of a
real inscriptis page (held out) draws it, and a row's cells fit it only in their own columns; a page
laid out under its headings (pdftotext) fits it in no row."""

from __future__ import annotations

from section16.read.rendered.spaced_grid import fits, label_grid
from section16.read.rendered.spaced_rows import line_cells, row_ways, unglue_headings
from section16.read.rendered.tables import T1_F4, T2_F4

from .conftest import PAGES, at


def _table_two(name: str, converter: str) -> tuple[list[list[tuple[int, int, str]]], list[tuple[int, int, str]]]:
    """The heading's lines' cells and the first row's cells of Table II."""
    lines = unglue_headings((PAGES / f"{name}.{converter}.txt").read_text().split("\n"), paged=False)
    head = next(i for i, ln in enumerate(lines) if ln.lstrip().startswith("1. Title of Derivative"))
    row = next(i for i in range(head, len(lines)) if lines[i].startswith("Restricted Stock Units"))
    return [line_cells(ln) for ln in lines[head:row]], line_cells(lines[row])


def test_the_labels_line_draws_the_grid_and_the_row_fits_it_one_way() -> None:
    # 0000002488-24-000005 (inscriptis): "Restricted Stock Units  (2)  01/15/2024  M  472  (3)  (3)
    # Common Stock  472  $ 0  473  D": its values fit (A) or (D) for 472; the grid settles (D).
    heads, row = _table_two("0000002488-24-000005", "inscriptis")
    grid = label_grid(heads, T2_F4, row[0][0])
    assert grid is not None and len(grid) == 12
    # (The title's note ran into the labels' line, blanked: the grid starts where the titles do.)
    assert grid[0][0] == row[0][0] == 0
    ways = row_ways(row, T2_F4)
    assert len(ways) >= 2
    placed = [w for w in ways if fits(row, w, grid)]
    assert len(placed) == 1
    assert {T2_F4[c]: cell[2] for cell, c in zip(row, placed[0], strict=True)}["d"] == "472"


def test_a_heading_without_every_label_on_one_line_draws_no_grid() -> None:
    labels = at((0, "1.Title of Security"), (21, "2. Transaction Date"), (42, "2A. Deemed Execution Date"))
    assert label_grid([line_cells(labels)], T1_F4, 0) is None  # (3 of Table I's 8 labels)
    heads, _row = _table_two("0000002488-24-000005", "inscriptis")
    assert label_grid(heads[1:], T2_F4, 0) is None  # (the "(Instr. 3)" line: no label, a heading's)
    assert label_grid(heads, T2_F4, 100) is None  # (labels starting left of the rows' titles)


def test_a_row_laid_out_under_its_headings_does_not_fit() -> None:
    # The same row laid out under its headings as pdftotext lays it: 472 under "5. Number of
    # Derivative Securities ..." (which spans (A) and (D)), the dates under "6." (which spans two):
    # the cells after the spanning labels stand a grid column left of their own, no way fits.
    heads, _row = _table_two("0000002488-24-000005", "inscriptis")
    grid = label_grid(heads, T2_F4, 0)
    assert grid is not None
    x = [g[0] for g in grid]
    line = at((0, "Restricted Stock Units"), (x[1], "(2)"), (x[2], "01/15/2024"), (x[4], "M"), (x[5] + 30, "472"),
              (x[6], "(3)"), (x[6] + 20, "(3)"), (x[7], "Common Stock"), (x[7] + 25, "472"), (x[8], "$ 0"),
              (x[9], "473"), (x[10], "D"))  # fmt: skip
    row = line_cells(line)
    assert row_ways(row, T2_F4) and not [w for w in row_ways(row, T2_F4) if fits(row, w, grid)]
