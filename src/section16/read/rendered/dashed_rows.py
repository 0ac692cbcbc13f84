"""Tables whose columns a line of dashes marks (pandoc's plain text and Markdown "multiline" and
"simple" tables): each column is a run of dashes above and below the table, every word stands inside
its column's run, and rows are parted by blank lines. Where the page draws that rule, a table's cells
are read straight off it, with no search for where its words go (:mod:`.layout` is for text laid
out without such a rule); where anything does not fit the rule, the laid-out reader takes the table.

    -------------- ------------ ------
    1.Title of     2. Trans-    ...
    Security       action Date

    Common Stock   02/21/2013   ...
    -------------- ------------ ------
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable

from . import tables

#: A run of dashes marking a column (two or more: a lone "-" is a value, "no price").
_DASHES_RE = re.compile(r"-{2,}")
#: A column rule: runs of dashes apart by blanks, inside the frame of a grid cell ("|   --- --- |").
_RULE_RE = re.compile(r"^[ |]*-{2,}(?: +-{2,})+[ |]*$")
#: How many lines above the table's heading line its top rule may stand.
_RULE_ABOVE = 3


def _spans(line: str) -> list[tuple[int, int]] | None:
    """The columns a rule line marks, as (start, end) character positions; None if it is no rule."""
    if "--" not in line or not _RULE_RE.match(line):
        return None
    return [(m.start(), m.end()) for m in _DASHES_RE.finditer(line)]


def _fits(line: str, spans: list[tuple[int, int]]) -> bool:
    """Every character of the line but blanks stands inside a column, or is the grid cell's frame
    ("|" before the first column or after the last)."""
    last = 0
    for a, b in spans:
        gap = line[last:a]
        if gap.strip(" |" if last == 0 else " "):
            return False
        last = b
    return not line[last:].strip(" |")


class _Columns:
    """A rule's columns, each line of the table cut by them at C speed: the characters between the
    columns taken all at once (they must be blanks) and each column's text likewise (``operator.
    itemgetter`` of positions and of slices), the line padded with blanks to the rule's width first.
    The same cells as slicing column by column; a line holding a "|" (a grid cell's frame, allowed
    only outside the columns) is cut column by column by :func:`_fits`."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.width = spans[-1][1]
        gaps = [x for (_a, b), (c, _d) in zip([(0, 0), *spans], spans, strict=False) for x in range(b, c)]
        self.blanks = len(gaps)
        self.gaps: Callable[[str], tuple[str, ...]] = _getter(gaps)
        self.texts: Callable[[str], tuple[str, ...]] = _getter([slice(a, b) for a, b in spans])

    def cells(self, line: str) -> list[str] | None:
        """The line's text in each column, stripped; None where a character stands between columns."""
        if "|" in line:
            return [line[a:b].strip() for a, b in self.spans] if _fits(line, self.spans) else None
        padded = line if len(line) >= self.width else line.ljust(self.width)
        if self.gaps(padded).count(" ") != self.blanks or padded[self.width :].strip(" "):
            return None
        return list(map(str.strip, self.texts(padded)))


def _getter(keys: list[int] | list[slice]) -> Callable[[str], tuple[str, ...]]:
    """``operator.itemgetter`` of the keys, always giving a tuple (of one item or none, too)."""
    if len(keys) > 1:
        return operator.itemgetter(*keys)
    if not keys:
        return lambda _line: ()
    one = operator.itemgetter(keys[0])
    return lambda line: (one(line),)


def dashed_table_rows(lines: list[str], start: int, end: int, cols: tuple[str, ...]) -> list[list[str]] | None:
    """Rows of cells (one per column of ``cols``) of the table whose heading starts at line ``start``
    and which ends before line ``end``, read off the column rule drawn above and below it; None where
    there is no such rule with one column per column of ``cols``, or a line does not fit it (a word
    across two columns, text outside the rule): the table is then laid-out text to be searched."""
    n = len(cols)
    top = next((k for k in range(start - 1, max(start - 1 - _RULE_ABOVE, -1), -1) if "--" in lines[k]), None)
    spans = _spans(lines[top]) if top is not None else None
    if top is None or spans is None or len(spans) != n:
        return None
    if any(lines[k].strip(" |") for k in range(top + 1, start)):
        return None  # (text between the rule and the heading line: not a table the rule bounds)
    # (A bottom rule the same as the top one has dashes where the first column starts: looked at there.)
    first = spans[0][0]
    bottom = next(
        (k for k in range(start, end) if lines[k].startswith("--", first) and _spans(lines[k]) == spans), None
    )
    if bottom is None or any(lines[k].strip(" |+-=") for k in range(bottom + 1, end)):
        return None  # (words after the rule, before the table's end: not all of it inside the rule)
    columns = _Columns(spans)
    blocks: list[list[list[str]]] = []  # each row's lines, each line's text in each column
    fresh = True
    for k in range(top + 1, bottom):
        line = lines[k]
        if not line.strip(" |"):
            fresh = True
            continue
        texts = columns.cells(line)
        if texts is None:
            return None
        if fresh:
            blocks.append([])
            fresh = False
        blocks[-1].append(texts)
    rows: list[list[str]] = []
    heading = False
    for block in blocks:
        # (A row of one line, most rows: its texts are its cells.)
        cells = block[0] if len(block) == 1 else ["\n".join(p for p in col if p) for col in zip(*block, strict=True)]
        if tables.is_heading_row(cells):
            heading = True
            continue
        rows.append(cells)
    return rows if heading else None
