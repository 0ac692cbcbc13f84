"""The Reporting Owners table of a text page laid out row by row on grids of their own (inscriptis):
its relationship headings stand on a line of their own over the names' column, not over the marks::

    Reporting Owner Name / Address  Relationships
    Director                        10% Owner      Officer  Other
    Newlight Partners LP
    320 PARK AVENUE                                   X
    NEW YORK, NY 10022

Placed by those headings, every name and address line would be a mark. The names and addresses are
what stands at the table's left edge, a line each (so box 1's street can be parted by them); the
marks beside them stand under no heading of theirs. They stand on the grid inscriptis lays out by
cell count (:mod:`.spaced_grid`): an owner's row prints five cells (name and address; Director's "X";
10% Owner's "X"; the officer's title; Other's text), and the headings' row four, "Director" in the
names' grid column, "10% Owner" in the Director marks', "Officer" in the 10% Owner marks', "Other"
starting the officer titles'. So an "X" inside the grid column "10% Owner" starts (up to two blanks
before "Officer") is Director's, one inside "Officer"'s a 10% owner's; a text starting where "Other"
does is the officer's title (left-aligned), one starting past "Other" and its gap is Other's text.
An owner with a cell anywhere else has its table marks left out; so, listed as not placed, are the
owners after the first (whose relationships only the table shows; the first's are box 5's).
"""

from __future__ import annotations

from collections.abc import Callable

from .cells import Doc
from .spaced_rows import Cell, line_cells

#: Why the owners' marks are not read.
OFF_GRID = "the owners table's headings stand over the names, on a grid of their own: the marks are not placed"

#: The owners in a run of lines (text._owner_parts: the lines, the run, the marks' left bound).
Parts = Callable[[list[str], list[int], int], list[list[int]]]


def off_grid_owner_rows(
    lines: list[str], head: int, end: int, heading_x: int, parts: Parts, unplaced: list[tuple[int, str]] | None
) -> Doc | None:
    """The table's rows (name and address lines; marks left empty) where its relationship headings
    (``heading_x``: where "Director" starts on line ``head``) stand at or left of the names' column;
    None where they stand right of it (a page laid out under its headings)."""
    filled = [i for i in range(head + 1, end) if lines[i].strip()]
    if not filled:
        return None
    left = min(len(lines[i]) - len(lines[i].lstrip()) for i in filled)
    if heading_x > left:
        return None
    heads = [c for c in line_cells(lines[head]) if c[0] >= heading_x]
    grid = heads if heading_x == left and [" ".join(c[2].split()) for c in heads] == _HEADINGS else None
    rows: Doc = []
    for part in parts(lines, filled, left + 1):
        cells = [line_cells(lines[i]) for i in part]
        names = [cs[0][2] for cs in cells if cs and cs[0][0] == left]
        if not names:
            continue
        marks = _placed([c for cs in cells for c in cs if c[0] > left], grid) if grid else None
        if marks is None and unplaced is not None and rows:
            unplaced.append((len(rows), OFF_GRID))
        rows.append(["\n".join(names), *(marks or ("", "", "", ""))])
    return rows


#: The relationship headings, each a cell of its own on the grid.
_HEADINGS = ["Director", "10% Owner", "Officer", "Other"]


def _placed(cells: list[Cell], heads: list[Cell]) -> list[str] | None:
    """An owner's four relationship cells (Director, 10% Owner, Officer, Other) from the cells right of
    its name and address, each placed by the grid the headings stand on (see the module's doc); None
    where any cell stands elsewhere, or two in one place."""
    _director, ten, officer, other = heads
    out = ["", "", "", ""]
    for x0, x1, text in cells:
        if text == "X" and ten[0] <= x0 and x1 <= officer[0] - 2:
            k = 0
        elif text == "X" and officer[0] <= x0 and x1 <= other[0] - 2:
            k = 1
        elif x0 == other[0]:
            k = 2
        elif x0 >= other[1] + 2:
            k = 3
        else:
            return None
        if out[k]:
            return None
        out[k] = text
    return out
