"""Table rows a converter wrote a cell a line: each cell a paragraph of its own, the empty cells gone
(trafilatura: "Common Stock" / "03/15/2024" / "M" / "424" / "A" / "$" / "67.37" / "776" / "D").

No line marks where a row ends, and the empty cells are not there to count, so a row is found by what
only its first cell is: a security's title, words (not a value), followed by the row's first value (a
transaction's date, a holding's amount). Words right after a row's D or I, and followed by the next
title or the table's end, are its nature of ownership. Words that are neither, or a row whose values
cut into the table's cells more than one way (``flowing_rows.cut_flowing``: which value is whose is
not shown), leave the whole table unread (None), never guessed.
"""

from __future__ import annotations

import re

from . import tables
from .flowing_rows import cut_flowing
from .flowing_table import _built

#: A footnote mark (or several) alone on its line: it goes with the cell before it.
_MARKS_RE = re.compile(r"^(?:\(\d{1,3}\)\s*)+$")
#: A row's first value after its title: a date, or an amount (maybe with its marks).
_FIRST_VALUE_RE = re.compile(r"^(?:\d{1,2}/\d{1,2}/\d{4}|\d[\d,]*(?:\.\d+)?)(?:\s*\(\d{1,3}\))*$")
#: A value alone: a date, a number (maybe with its "$"), a "$" alone (its number on the next line), a
#: code letter, (A) or (D), D or I, each maybe with its marks.
_VALUE_RE = re.compile(r"^(?:\$|\$?\s?\d[\d,]*(?:\.\d+)?|\d{1,2}/\d{1,2}/\d{4}|[A-Z]|\([AD]\))(?:\s*\(\d{1,3}\))*$")
#: The row's Ownership Form (D or I), which a nature of ownership follows.
_DI_RE = re.compile(r"^[DI](?:\s*\(\d{1,3}\))*$")


def place_paragraph_rows(lines: list[str], form: str, table: int) -> list[object] | None:
    """The rows (transactions or holdings of the table's model) whose cells stand a line each in
    ``lines`` (the table's lines after its heading, in the page's order); None where any line or row
    does not settle (see the module's notes)."""
    cells: list[str] = []
    for line in (" ".join(ln.split()) for ln in lines):
        if not line:
            continue
        if _MARKS_RE.match(line) and cells:
            cells[-1] += " " + line  # (a mark follows the cell it marks)
        else:
            cells.append(line)
    rows: list[list[str]] = []
    for k, cell in enumerate(cells):
        if _VALUE_RE.match(cell):
            if not rows:
                return None  # (a value before any title)
            rows[-1].append(cell)
            continue
        after = cells[k + 1] if k + 1 < len(cells) else None
        if after is not None and _FIRST_VALUE_RE.match(after):
            rows.append([cell])  # a title: the next row opens
        elif rows and _DI_RE.match(rows[-1][-1]) and (after is None or not _VALUE_RE.match(after)):
            rows[-1].append(cell)  # its nature of ownership
        else:
            return None
    cols = tables.columns(form, table)
    out: list[object] = []
    for row in rows:
        cuts = tuple(c for c in cut_flowing(" ".join(row), cols) if c[0])
        if len(cuts) != 1:
            return None
        built = _built(cuts[0], cols, form, table)
        if built is None:
            return None
        out.append(built)
    return out


__all__ = ["place_paragraph_rows"]
