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
* a cut between two letters is one word or two as the page's words say (:mod:`.pandoc_words`).

When more than one joining fits and they read differently, or none fits, the table is not whole:
:func:`unchop_table` says so and the caller refuses the page (never a guessed value).
"""

from __future__ import annotations

import functools
import itertools
import re

from .pandoc_words import cut_reading

_DASHES_RE = re.compile(r"^ *-+(?: +-+)* *$")
_GROUP_RE = re.compile(r"-+")
Spans = tuple[tuple[int, int], ...]
#: How many ways to join one table are followed before it is called ambiguous (each cut line
#: multiplies them; a page's tables need a handful).
MAX_READINGS = 2


def is_rule(line: str) -> bool:
    return bool(line.strip()) and _DASHES_RE.match(line) is not None


def touches_edge(line: str, width: int) -> bool:
    """The line's last character sits in the cell's last column (a piece of a cut line does)."""
    return len(line) >= width and not line[width - 1].isspace()


def rule_pieces(lines: list[str], start: int, width: int) -> int:
    """How many lines the dash rule starting at ``lines[start]`` was cut into (1: not cut)."""
    n = 1
    while start + n < len(lines) and is_rule(lines[start + n]) and touches_edge(lines[start + n], width):
        n += 1
    return n


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


def _joinings(lines: list[str], width: int, gaps: int, spans: Spans, vocab: frozenset[str]) -> list[Reading]:
    """The ways (up to MAX_READINGS that read differently) to join ``lines`` into the table's lines."""
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
    def from_(i: int) -> tuple[Reading, ...]:
        if i == n:
            return (((), ()),)
        out: dict[tuple[tuple[str, ...], ...], Reading] = {}
        head = stripped[i]
        for k in range(1, max_pieces + 1):
            if i + k > n:
                break
            if k == 1:
                found = [head] if len(head) <= total and not masks[i] & gaps else []
            else:
                if not all(full[i + 1 : i + k]):
                    continue
                tail_mask = 0
                for q in range(i + k - 1, i, -1):
                    tail_mask = (tail_mask << width) | masks[q]
                tail = "".join(ln[:width] for ln in lines[i + 1 : i + k])
                # The first piece's own blanks are unknown (the cell pads it): each length is tried.
                found = [
                    head.ljust(r) + tail
                    for r in range(len(head), width + 1)
                    if r + len(tail) <= total and not (masks[i] | tail_mask << r) & gaps
                ]
                found = _settle_cut(found, head, tail, vocab)
            for joined in found:
                key = cells(joined)
                for rest_lines, rest_cells in from_(i + k):
                    out.setdefault((key, *rest_cells), ((joined, *rest_lines), (key, *rest_cells)))
                    if len(out) > MAX_READINGS:
                        return tuple(out.values())
        return tuple(out.values())

    return list(from_(0))


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
    for r in (len(head), len(head) + 1):
        rule = head.ljust(r) + tail
        if not is_rule(rule):
            continue
        gaps, spans = _gaps(rule)
        for joined, cells in _joinings(lines[pieces:], width, gaps, spans, vocab):
            readings.setdefault(_key(cells), [rule, *joined])
        if len(readings) > 1:
            break
    if len(readings) != 1:
        return [ln.rstrip() for ln in lines], False
    return next(iter(readings.values())), True
