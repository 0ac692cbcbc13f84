"""Where a row's cells stand on a table laid out by cell count (inscriptis): the grid its heading's
labels draw.

inscriptis lays out an HTML table by each row's cells in order, whatever they span: a row's k-th cell
stands in the k-th column of a grid, each column as wide as its widest cell in any row, the columns two
blanks apart. The heading's first row has one cell per numbered label ("1. Title of Derivative
Security", "2. Conversion or Exercise Price ...", ... "11. Nature of ..."), printed at its column's
left edge, so the line of those labels shows where the grid's first columns start and end; the data
rows print every column's cell (the SEC stylesheets print an empty cell too), so a data row's k-th
cell, the form's k-th column, stands inside the k-th grid column. On such a page a cell's place
settles which column is whose (Table II's "472" under (A) or (D): the 7th or the 8th grid column),
where the values' types leave two readings.

A page laid out under its headings (pdftotext, w3m: a label spanning its sub-columns) does not fit:
there the cells after a spanning label ("3. Transaction Code" over Code and V) stand a column to the
left of the grid's, so no row of a transaction fits, and nothing is settled by the grid.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import tables
from .tables import T1_F3, T1_F4, T1_F5, T2_F3, T2_F4, T2_F5

#: A cell: (start, end, text) on its line.
Cell = tuple[int, int, str]
#: Where each labelled grid column's label starts and ends on the labels' line.
Grid = tuple[tuple[int, int], ...]

#: How many cells the heading's first row has (its labels; some span several of the data's cells:
#: Table I's "3. Transaction Code" spans Code and V, "4. Securities Acquired" Amount, (A) or (D) and
#: Price), per table's columns.
_LABELS = {T1_F4: 8, T1_F5: 8, T1_F3: 4, T2_F4: 12, T2_F5: 12, T2_F3: 6}
#: A numbered label: "1.Title", "2A. Deemed", "10. Ownership".
_LABEL_RE = re.compile(r"^(\d{1,2})[A-Z]?\s*\.\s*\D")
#: The blanks between two grid columns.
_GAP = 2


def label_grid(line_cells: Sequence[Sequence[Cell]], cols: tuple[str, ...], left: int) -> Grid | None:
    """The grid the heading's labels draw: the first heading line whose every cell is a numbered label,
    when it holds every label of the heading's first row numbered in order from 1 (else None: a
    heading whose labels wrap or stand on several lines draws none). ``line_cells`` are the table's
    lines' cells from the heading's first line; the search stops at the first line no heading's.

    ``left`` is where the rows' titles start, the grid's left edge: the labels' line is moved so that
    "1. Title" starts there. (The table's title's last line runs into the labels' line, "(e.g., puts,
    ... securities)1. Title of Derivative Security": blanked, it moves every label right by its length.)
    """
    want = _LABELS.get(cols)
    for cells in line_cells:
        if not cells:
            continue
        numbers = [m.group(1) for c in cells if (m := _LABEL_RE.match(c[2]))]
        if len(numbers) == len(cells):
            ordered = [int(n) for n in numbers]
            if len(cells) != want or ordered[0] != 1 or ordered != sorted(ordered):
                return None
            shift = cells[0][0] - left
            if shift < 0:  # (the labels start left of the rows' titles: no grid of theirs)
                return None
            return tuple((c[0] - shift, c[1] - shift) for c in cells)
        if not tables.is_heading_row([c[2] for c in cells]):
            return None
    return None


def fits(cells: Sequence[Cell], way: Sequence[int], grid: Grid) -> bool:
    """Does each cell stand inside the grid column of its column's index (``way``: each cell's column
    of the form's, in the data row's order)? A column past the labelled ones starts after the last
    label's text and its gap; the last labelled column's right edge is not shown."""
    last = len(grid) - 1
    for (x0, x1, _text), c in zip(cells, way, strict=True):
        if c <= last:
            if x0 < grid[c][0] or (c < last and x1 > grid[c + 1][0] - _GAP):
                return False
        elif x0 < grid[last][1] + _GAP:
            return False
    return True
