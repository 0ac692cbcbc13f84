"""The Reporting Owners table of a text page laid out row by row on grids of their own (inscriptis):
its relationship headings stand on a line of their own over the names' column, not over the marks::

    Reporting Owner Name / Address  Relationships
    Director                        10% Owner      Officer  Other
    Newlight Partners LP
    320 PARK AVENUE                                   X
    NEW YORK, NY 10022

Placed by those headings, every name and address line would be a mark. The names and addresses are
what stands at the table's left edge, a line each (so box 1's street can be parted by them); the
marks beside them stand under no heading of theirs, so which relationship each "X" or title marks is
not shown: every owner's table marks are left out, and the owners after the first (whose
relationships only the table shows; the first's are box 5's) are listed as not placed.
"""

from __future__ import annotations

from collections.abc import Callable

from .cells import Doc
from .spaced_rows import line_cells

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
    rows: Doc = []
    for part in parts(lines, filled, left + 1):
        names = [cells[0][2] for cells in (line_cells(lines[i]) for i in part) if cells and cells[0][0] == left]
        if names:
            rows.append(["\n".join(names), "", "", "", ""])
    if unplaced is not None:
        unplaced.extend((k, OFF_GRID) for k in range(1, len(rows)))
    return rows
