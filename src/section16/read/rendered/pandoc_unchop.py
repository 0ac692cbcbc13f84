"""Lines pandoc's own Markdown cut to fit a grid-table cell, joined again (or reported unsure).

``pandoc -t markdown`` draws the SEC page's layout table as a grid table (``+---+`` borders) and puts
the tables nested in it inside its cells. A nested simple or multiline table is laid out first, at its
own width; a line of it wider than the cell is then cut *from the right* into pieces of exactly the
cell's width (the first piece holds what is left over) and each piece is printed on a line of its own,
padded. Nothing in the output marks the cuts, so they are found from evidence:

* a nested table whose dash rule runs on over several lines was cut; its rule gives the columns;
* every piece after the first fills the cell (a line's own trailing blanks, from a centred cell, may
  end the last piece, so that it need not touch the cell's right edge);
* the first piece's own trailing blanks cannot be told from the cell's padding: every length is tried,
  and a joining is kept only if each joined line leaves the blank columns between the rule's dash
  groups blank, as every line of a pandoc table does;
* a line is exactly as long as its cells make it: pandoc pads every cell but the last to its
  column's width and the last as its alignment fills it, so a line ends where its last cell's text
  ends (left-aligned), at the table's edge (right-aligned), after half the free width and the text
  (centred), or where the last column starts (empty). That length sets how many pieces the line was
  cut into and how long the first is. The alignment is not shown; each is tried;
* a cell's text sits at its column's start, its end, or centred, the same way on every line of
  the column, and its words are parted by single blanks;
* a cut between two letters is one word or two as the page's words say (:mod:`.pandoc_words`).

When more than one joining fits and they read differently, or none fits, the table is not whole:
:func:`unchop_table` says so and the caller refuses the page (never a guessed value).
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Literal

from .pandoc_words import cut_reading, splits_label

_DASHES_RE = re.compile(r"^ *-+(?: +-+)* *$")
_GROUP_RE = re.compile(r"-+")
Spans = tuple[tuple[int, int], ...]
#: How many ways to join one table are followed before it is called ambiguous (each cut line
#: multiplies them; a page's tables need a handful).
MAX_READINGS = 8


def is_rule(line: str) -> bool:
    return bool(line.strip()) and _DASHES_RE.match(line) is not None


def touches_edge(line: str, width: int) -> bool:
    """The line's last character sits in the cell's last column (a piece of a cut line does)."""
    return len(line) >= width and not line[width - 1].isspace()


def rule_pieces(lines: list[str], start: int, width: int) -> int:
    """How many lines the dash rule starting at ``lines[start]`` was cut into (1: not cut)."""
    n = 1
    while start + n < len(lines) and _rule_piece(lines[start + n], width):
        # (A piece ends in a blank where the cut falls on the blank between two dash groups; it
        # is not the rule's last piece then, which ends in a dash.)
        if not touches_edge(lines[start + n], width) and not (
            start + n + 1 < len(lines) and _rule_piece(lines[start + n + 1], width)
        ):
            break
        n += 1
    return n


def _rule_piece(line: str, width: int) -> bool:
    return len(line) >= width and is_rule(line)


def _mask(text: str) -> int:
    """The columns of ``text`` that hold a character, as bits."""
    m = 0
    for k, ch in enumerate(text):
        if ch != " ":
            m |= 1 << k
    return m


def _gaps(rule: str) -> tuple[int, Spans]:
    """The blank columns between a rule's dash groups (and its indent) as bits, and the groups."""
    spans = tuple(m.span() for m in _GROUP_RE.finditer(rule))
    blank = (1 << spans[0][0]) - 1
    for (_, b), (a, _) in itertools.pairwise(spans):
        blank |= ((1 << (a - b)) - 1) << b
    return blank, spans


Reading = tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]  # (joined lines, their cells)


Align = Literal["left", "right", "center"]
ALIGNS: tuple[Align, ...] = ("left", "right", "center")


def _fits(line: str, spans: Spans, align: Align) -> bool:
    """Could ``line``, exactly as long as it is, be a line of a pandoc table whose last column is
    aligned so? pandoc pads every cell but the last to its column's width; the last is left as its
    alignment fills it: a left-aligned cell's text ends the line, a right-aligned one fills the
    column, a centred one has half the free width before it; an empty cell ends the line where the
    column starts. (A rule is as wide as the table; a line between rows is empty.)"""
    size = len(line)
    start, end = spans[-1]
    if size == 0:
        return True
    if size < start or size > end:
        return False
    if is_rule(line):
        return size == end
    if not all(_placed(line[a:b]) for a, b in spans[:-1]):
        return False
    if size == start:
        return True
    if align == "right":
        return size == end
    cell = line[start:]
    text = cell.lstrip(" ")
    if not text:  # a blank line inside the cell: a centred cell fills half the column
        return align == "center" and size == start + (end - start) // 2
    if cell[-1] == " " or "  " in text:
        return False
    if align == "left":
        return cell[0] != " "
    return len(cell) - len(text) == (end - start - len(text)) // 2


def _placed(cell: str) -> bool:
    """A padded cell's text sits as one of pandoc's alignments puts it: at its column's start, at
    its end, or centred (half the free width before it, rounded down)."""
    text = cell.strip(" ")
    if not text:
        return True
    if "  " in text:  # (words in a cell are parted by one breaking space each)
        return False
    lead = len(cell) - len(cell.lstrip(" "))
    return lead == 0 or lead + len(text) == len(cell) or lead == (len(cell) - len(text)) // 2


def _ways(cell: str) -> int:
    """The alignments (bits: left 1, right 2, centre 4) that put a padded cell's text where it is."""
    text = cell.strip(" ")
    if not text:
        return 7
    lead = len(cell) - len(cell.lstrip(" "))
    return (lead == 0) | (lead + len(text) == len(cell)) << 1 | (lead == (len(cell) - len(text)) // 2) << 2


def _narrow(ways: tuple[int, ...], line: str, spans: Spans) -> tuple[int, ...] | None:
    """The alignments each column but the last (tried apart) may still have once ``line`` is one of
    the table's lines; None when one has none left. pandoc aligns a column's every line, its
    heading's too, the same way."""
    if not line or is_rule(line):
        return ways
    out = tuple(w & _ways(line[a:b].ljust(b - a)) for w, (a, b) in zip(ways, spans, strict=False))
    return out if all(out) else None


def _joinings(
    lines: list[str], width: int, gaps: int, spans: Spans, vocab: frozenset[str], align: Align
) -> list[Reading]:
    """The ways (up to MAX_READINGS that read differently) to join ``lines`` into the table's lines,
    the table's last column aligned ``align``."""
    n = len(lines)
    total = spans[-1][1]
    stripped = [ln.rstrip() for ln in lines]
    full = [len(ln) >= width for ln in lines]
    masks = [_mask(ln[:width]) for ln in lines]
    max_pieces = total // width + 2

    def cells(line: str) -> tuple[str, ...]:
        if is_rule(line):  # (a rule's dashes are no text; it is read with the rule tried)
            return ()
        return tuple(line[a:b].strip() for a, b in spans)

    @functools.cache
    def from_(i: int, ways: tuple[int, ...]) -> tuple[Reading, ...]:
        if i == n:
            return (((), ()),)
        out: dict[tuple[tuple[str, ...], ...], Reading] = {}
        head = stripped[i]
        for k in range(1, max_pieces + 1):
            if i + k > n:
                break
            if k == 1:
                # (Its own trailing blanks, up to the cell's width, are hidden by the padding.)
                fit = any(_fits(head.ljust(r), spans, align) for r in range(len(head), width + 1))
                found = [head] if fit and len(head) <= total and not masks[i] & gaps else []
            else:
                if not all(full[i + 1 : i + k]):
                    continue
                tail_mask = 0
                for q in range(i + k - 1, i, -1):
                    tail_mask = (tail_mask << width) | masks[q]
                tail = "".join(ln[:width] for ln in lines[i + 1 : i + k])
                # The first piece's own blanks are unknown (the cell pads it): each length is tried.
                # (A first piece is never empty: chopping from the right leaves it what is over.)
                found = [
                    joined
                    for r in range(max(len(head), 1), width + 1)
                    if r + len(tail) <= total
                    and not (masks[i] | tail_mask << r) & gaps
                    and _fits(joined := head.ljust(r) + tail, spans, align)
                ]
                found = _settle_cut(found, head, tail, vocab)
            for joined in found:
                narrowed = _narrow(ways, joined, spans)
                if narrowed is None:
                    continue
                key = cells(joined)
                for rest_lines, rest_cells in from_(i + k, narrowed):
                    out.setdefault((key, *rest_cells), ((joined, *rest_lines), (key, *rest_cells)))
                    if len(out) > MAX_READINGS:
                        return tuple(out.values())
        return tuple(out.values())

    return list(from_(0, (7,) * (len(spans) - 1)))


def _settle_cut(found: list[str], head: str, tail: str, vocab: frozenset[str]) -> list[str]:
    """Joinings that differ by blanks at a cut between two letters: the page's words may tell one
    word ("C" + "hief": "Chief") from two (:func:`.pandoc_words.cut_reading`); else all are kept."""
    if not head.strip() or head[-1] == " " or not tail.strip() or tail[0] == " ":
        return found
    reading = cut_reading(head.split()[-1], tail.split()[0], vocab)
    if reading is None:
        return found
    # (None kept: the columns tried contradict the words, e.g. a rule read with a blank it has not.)
    return [c for c in found if (c[len(head)] != " ") == (reading == "joined")]


def _key(cells: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """Two joinings that put the same words in the same columns read the same (a line's place
    inside its column is the converter's alignment; a column empty on every line is no column)."""
    rows = [row for row in cells if any(row)]  # (blank lines part rows; how many is no text)
    used = [c for c in range(len(rows[0])) if any(row[c] for row in rows)] if rows else []
    return tuple(tuple(row[c] for c in used) for row in rows)


def unchop_table(lines: list[str], width: int, vocab: frozenset[str] = frozenset()) -> tuple[list[str], bool]:
    """Join a nested table whose lines pandoc cut to ``width``. ``lines[0]`` starts its first rule.

    Returns the table's lines and whether the joining is the only one that fits its columns.
    """
    pieces = rule_pieces(lines, 0, width)
    if pieces == 1:
        return lines, True
    head = lines[0].rstrip()
    tail = "".join(ln[:width] for ln in lines[1:pieces])
    # The rule's first piece may end in the one blank between two dash groups: both readings of the
    # rule are tried, and must read the same.
    readings: dict[tuple[tuple[str, ...], ...], list[str]] = {}
    parted: set[tuple[tuple[str, ...], ...]] = set()  # readings that part a label of the form
    if head:
        firsts: tuple[int, ...] = (len(head), len(head) + 1)
    else:  # a first piece of blanks only: the rest of the two blanks pandoc indents a table by
        lead = len(tail) - len(tail.lstrip(" "))
        firsts = (2 - lead,) if lead < 2 else ()
    for r in firsts:
        rule = head.ljust(r) + tail
        if not is_rule(rule):
            continue
        gaps, spans = _gaps(rule)
        # The last column's alignment sets each line's length, hence where it was cut; it is not
        # known, so each is tried, and every one that joins the whole table must read the same.
        for align in ALIGNS:
            found = _joinings(lines[pieces:], width, gaps, spans, vocab, align)
            if len(found) > MAX_READINGS:  # (not all were followed: the rest may read otherwise)
                return [ln.rstrip() for ln in lines], False
            for joined, cells in found:
                key = _key(cells)
                readings.setdefault(key, [rule, *joined])
                if any(splits_label(row) for row in cells):
                    parted.add(key)
    # The SEC page prints each of the form's labels in one cell: where the rule's first piece
    # leaves "1. Name" a column of its own ("  -------" + ...), a reading that parts "1. Name" from
    # "and Address of Reporting Person" is no reading of the page, when another one is.
    if len(readings) > 1 and len(parted) < len(readings):
        readings = {k: v for k, v in readings.items() if k not in parted}
    if len(readings) != 1:
        return [ln.rstrip() for ln in lines], False
    return next(iter(readings.values())), True
