"""Table rows laid out on a grid of their own: each row one line, its cells parted by runs of two
or more blanks, in the columns' order, but not under the headings (inscriptis lays out each HTML
table row by row, the heading's cells in its first columns whatever they span:
``Common Stock   01/15/2024   M   472   A   $ 0   6,076  D`` stands under "1.Title", "2. Transaction
Date", "3. Transaction Code" ... by its cells' count, not by their meaning).

Where the laid-out reader (:mod:`.layout`) finds no row under its heading, each line is read by
itself: its cells (whole runs of words, two blanks apart) are given to the columns in order, each
to a column whose values it reads as (a date, a code letter, "V", an amount, "A"/"D", a price, "D"/"I",
text), so that the row is one the form can print. A line read exactly one way is a row. A line read
several ways (a lone footnote mark "(3)" may stand under any number's or date's column; a number
under "(A)" or under "(D)") is settled by where its cells stand: a column's cells share a left or a
right edge on the lines read one way; the one way whose every disputed cell does so is taken. Any
line still unsettled, or a line that is not a whole row (a cell's words wrapped to a line of their
own), and the table is not read at all: which value is whose is not shown there.

Where the laid-out reader did find rows, they are kept only where the table's lines, read so,
give the same rows (:func:`settle`): a page whose rows stand on a grid of their own is placed by
its headings wrongly, and a page laid out under its headings (pdftotext) reads alike both ways.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from . import tables
from .cells import MEMO
from .flowing_rows import is_lone_value
from .spaced_grid import fits, label_grid

#: A cell: a run of words one blank apart, with where it starts and ends on its line.
_CELL_RE = re.compile(r"\S+(?: \S+)*")
#: A cell that is only footnote marks.
_MARKS_ONLY_RE = re.compile(r"^(?:\(\d{1,3}\)\s*)+$")
#: A date as a cell prints it, marks aside.
_DATE_RE = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4}$")
#: A text ending in a number standing apart ("Common Stock 3": a title run into a form-type cell).
_ENDS_IN_NUMBER_RE = re.compile(r"(?<!\S)\$?\d[\d,.]*$")
#: Columns whose cells hold free text.
_TEXT = frozenset(("title", "utitle", "nature"))
#: Columns a footnote mark alone may stand in (a value shown only by its note: a price, a
#: conversion price, a date exercisable). Not the amounts: a row's number there is its value.
_MARK_ALONE = frozenset(("price", "conv", "exer", "exp", "deemed"))
#: More readings of one line than are worth weighing (the line is then not a row).
_MAX_WAYS = 64

Cell = tuple[int, int, str]

#: Why a table whose lines are rows of cells two blanks apart is not read: the layout reader's
#: rows are not theirs.
UNPLACED = (
    "a row's words do not fit the columns as placed under the headings: its cells, two blanks apart, "
    "read otherwise on a grid of their own"
)
#: Why a table whose every line is a row of cells two blanks apart is not read.
UNSETTLED = (
    "a row's words do not fit the columns one way only: its cells, two blanks apart, stand on a grid "
    "of their own, and where they stand does not settle which column is whose"
)


def line_cells(line: str) -> list[Cell]:
    """The line's cells: runs of words one blank apart, with their start and end columns."""
    return [(m.start(), m.end(), m.group(0)) for m in _CELL_RE.finditer(line)]


@functools.lru_cache(maxsize=MEMO)
def _fits(kind: str, text: str) -> bool:
    """Can this whole cell stand in a column of this kind? (Memoised: a table's lines are weighed
    against every column, and titles, codes and dates recur line after line.)"""
    bare = tables._unmarked(text)  # (split_marks(text)[0], once a text: every kind of column asks)
    if not bare:  # footnote marks alone
        return kind in _MARK_ALONE
    if kind in _TEXT:
        # Free text, but not a value standing alone, nor one run on after one blank ("Common Stock 3").
        return not is_lone_value(text) and not _ENDS_IN_NUMBER_RE.search(bare)
    if kind in ("v", "ad", "di", "code", "code5"):
        return tables.check_cell(kind, text) and bare != ""
    return tables.check_cell(kind, text)


def _printable(cols: tuple[str, ...], texts: dict[int, str]) -> bool:
    """A row the form prints: its title and D or I shown (its amount owned after too, where the table
    has the column); a transaction shows its date and its code, a holding neither nor any of a
    transaction's cells; a deemed date only beside a transaction date."""
    kinds = {cols[c]: t for c, t in texts.items()}
    if "title" not in kinds or "di" not in kinds or ("after" in cols and "after" not in kinds):
        return False
    date = _DATE_RE.match(tables._unmarked(kinds.get("date", ""))) is not None
    code = "code" in kinds or "code5" in kinds
    if "date" in cols and date != code:
        return False
    if "deemed" in kinds and not date:
        return False
    if "date" in cols and not code:
        return not any(k in kinds for k in ("deemed", "v", "amount", "ad", "price", "a", "d"))
    return True


def row_ways(cells: Sequence[Cell], cols: tuple[str, ...]) -> list[tuple[int, ...]]:
    """Every way of giving the line's cells, in order, one column each, that the form can print:
    each way the column of each cell (at most ``_MAX_WAYS``; more: none)."""
    n, k = len(cols), len(cells)
    ways: list[tuple[int, ...]] = []
    if not k or k > n:
        return ways
    fit = [[_fits(kind, cell[2]) for kind in cols] for cell in cells]

    def walk(i: int, first: int, got: tuple[int, ...]) -> bool:
        if i == k:
            if _printable(cols, {c: cells[j][2] for j, c in enumerate(got)}):
                ways.append(got)
            return len(ways) <= _MAX_WAYS
        last = n - (k - i)  # (room left for the cells after this one)
        for c in range(first, last + 1):
            if i == 0 and c > 0:
                break  # the title opens every row
            if fit[i][c] and not walk(i + 1, c + 1, (*got, c)):
                return False
        return True

    if not walk(0, 0, ()):
        return []
    return ways


def read_spaced(
    lines: Sequence[str], start: int, end: int, cols: tuple[str, ...], pages: Sequence[int]
) -> tuple[list[list[list[str]]], list[list[str]] | None] | None:
    """The table whose heading starts at line ``start`` (its lines up to ``end``) read line by line,
    each a row of cells parted by two or more blanks: every line's readings (each a row of cells),
    and the rows when each line's reading is settled (see the module's doc), else None. None where
    any line is neither the heading's nor a row the form can print, or the table runs over a page
    break (a page laid out on a grid of its own: its lines are the layout reader's)."""
    got = _read_spaced(lines, start, end, cols, pages)
    return None if got is None else got[:2]


def _read_spaced(
    lines: Sequence[str], start: int, end: int, cols: tuple[str, ...], pages: Sequence[int]
) -> tuple[list[list[list[str]]], list[list[str]] | None, bool] | None:
    """``read_spaced``, and whether the rows were settled by the grid the heading's labels draw
    (:mod:`.spaced_grid`: every row's cells each inside its column's grid column)."""
    if len(set(pages[start:end])) > 1:
        return None
    heading = True
    heads: list[list[Cell]] = []
    rows: list[tuple[list[Cell], list[tuple[int, ...]]]] = []
    for ln in lines[start:end]:
        if not ln.strip():
            continue
        cells = line_cells(ln)
        texts = [c[2] for c in cells]
        if heading and tables.is_heading_row(texts):
            heads.append(cells)
            continue
        heading = False
        ways = row_ways(cells, cols)
        if not ways:
            return None
        rows.append((cells, ways))
    if not rows:
        return None
    readings = [[_row(cells, way, len(cols)) for way in ways] for cells, ways in rows]
    gridded = _on_grid(rows, heads, cols)
    chosen = gridded if gridded is not None else _settled(rows, len(cols))
    if chosen is None:
        return readings, None, False
    settled = [_row(cells, way, len(cols)) for (cells, _w), way in zip(rows, chosen, strict=True)]
    return readings, settled, gridded is not None


def _on_grid(
    rows: list[tuple[list[Cell], list[tuple[int, ...]]]], heads: list[list[Cell]], cols: tuple[str, ...]
) -> list[tuple[int, ...]] | None:
    """Each row's one way whose cells stand each inside its column's grid column, where the heading's
    labels draw a grid and every row has exactly one such way; else None."""
    lefts = {cells[0][0] for cells, _ways in rows}
    grid = label_grid(heads, cols, min(lefts)) if len(lefts) == 1 else None
    if grid is None:
        return None
    chosen = []
    for cells, ways in rows:
        placed = [w for w in ways if fits(cells, w, grid)]
        if len(placed) != 1:
            return None
        chosen.append(placed[0])
    return chosen


def _row(cells: Sequence[Cell], way: tuple[int, ...], n: int) -> list[str]:
    row = [""] * n
    for cell, c in zip(cells, way, strict=True):
        row[c] = cell[2]
    return row


def settle(
    lines: Sequence[str],
    start: int,
    end: int,
    cols: tuple[str, ...],
    pages: Sequence[int],
    rows: list[list[str]],
    why: str | None,
) -> tuple[list[list[str]], str | None]:
    """The layout reader's rows of a table (or its why not) weighed against the table's lines read as
    rows on a grid of their own: where the layout reader found no rows, these rows if settled; where
    it did, its rows only if they are these (a row whose cells stand apart from its headings is
    placed by them wrongly: "Restricted Stock Units (RSUs)   $ 0" run into one title by a conversion
    price standing under the title's heading; and a number under (A) or (D) is placed by headings
    that say nothing of it). Else why not."""
    got = _read_spaced(lines, start, end, cols, pages)
    if got is None:
        return rows, why
    settled = got[1]
    if why:
        return (_marks_unsure(settled, cols), None) if settled is not None else (rows, UNSETTLED)
    flat = [[" ".join(c.split()) for c in row] for row in rows]
    if settled is not None and flat == settled:
        return rows, why
    if settled is not None and got[2]:
        # Every row stands on the grid the heading's labels draw, a cell in its own column's: the
        # layout reader placed them under headings that do not stand over them.
        return _marks_unsure(settled, cols), None
    return [], UNPLACED if settled is not None else UNSETTLED


#: A text ending in a footnote mark standing apart: "Class B Common Stock (2)".
_TEXT_MARK_RE = re.compile(r"\s\(\d{1,3}\)$")


def _marks_unsure(rows: list[list[str]], cols: tuple[str, ...]) -> list[list[str]]:
    """The rows with each text cell (a title, an underlying title, a nature) that ends in a footnote
    mark standing apart marked unsure (:data:`~.tables.UNSURE`: its fields said missing). A page
    printing its marks as plain text, as these pages do ("(2)", neither raised nor linked), prints a
    filer's own "(2)" ending a title ("Class B Common Stock (2)") alike: the title, and its marks, are
    not settled."""
    out = []
    for row in rows:
        out.append(
            [c + tables.UNSURE if k in _TEXT and _TEXT_MARK_RE.search(c) else c for k, c in zip(cols, row, strict=True)]
        )
    return out


def _settled(rows: list[tuple[list[Cell], list[tuple[int, ...]]]], n: int) -> list[tuple[int, ...]] | None:
    """Each row's one way: the only one, or, of several, the only one whose disputed cells each share
    a left or right edge with the cells of their column on the rows already settled (repeated while
    that settles more); None while any row stays unsettled."""
    chosen: list[tuple[int, ...] | None] = [ways[0] if len(ways) == 1 else None for _cells, ways in rows]
    while None in chosen:
        lefts: list[set[int]] = [set() for _ in range(n)]
        rights: list[set[int]] = [set() for _ in range(n)]
        for (cells, _ways), way in zip(rows, chosen, strict=True):
            if way is not None:
                for (x0, x1, _t), c in zip(cells, way, strict=True):
                    lefts[c].add(x0)
                    rights[c].add(x1)
        progress = False
        for r, ((cells, ways), way) in enumerate(zip(rows, chosen, strict=True)):
            if way is not None:
                continue
            disputed = [j for j in range(len(cells)) if len({w[j] for w in ways}) > 1]
            backed = [
                w for w in ways if all(cells[j][0] in lefts[w[j]] or cells[j][1] in rights[w[j]] for j in disputed)
            ]
            if len(backed) == 1:
                chosen[r] = backed[0]
                progress = True
        if not progress:
            return None
    return [w for w in chosen if w is not None]


#: Table II's title's second line run into its heading's first ("(e.g., puts, calls, warrants,
#: options, convertible securities)1. Title of Derivative Security  2. Conversion ...").
_GLUED_RE = re.compile(r"^(\s*\(e\.\s*g\.[^)]*\))(?=\s*1\s*\.\s*Title\s+of)", re.IGNORECASE)
#: Table II's whole title run into its heading's first line ("Table II - Derivative Securities
#: Beneficially Owned (e.g., ... securities)1. Title of Derivative Security  2. Date ...").
_TITLED_RE = re.compile(r"^(\s*Table\s+II\b[^\n]*?\))(?=\s*1\s*\.\s*Title\s+of)", re.IGNORECASE)


def unglue_heading(line: str) -> str:
    """The line with the title's words run into the heading's "1. Title of" blanked (same length:
    every word keeps its place), so the heading opens the line as a heading does."""
    m = _GLUED_RE.match(line)
    return line if m is None else " " * m.end(1) + line[m.end(1) :]


def unglue_headings(lines: list[str], paged: bool) -> list[str]:
    """The lines with Table II's title run into its heading parted from it: its second line's words
    blanked (``unglue_heading``), or, where the whole title runs into the heading, the title on a
    line of its own above the heading's (each word in its place). Not on a page laid out page by
    page (``paged``: each line's page is counted before), where the title keeps its line."""
    out: list[str] = []
    for ln in lines:
        m = _TITLED_RE.match(ln) if not paged and "Table" in ln else None
        if m is not None:
            out.extend((ln[: m.end(1)], " " * m.end(1) + ln[m.end(1) :]))
        else:
            out.append(unglue_heading(ln))
    return out
