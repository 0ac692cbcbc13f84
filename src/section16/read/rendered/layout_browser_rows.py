"""Which lines of a table make which row, when a text browser laid the table out on its grid of
characters (``elinks -dump``, ``links2 -dump``, ``w3m -dump``) with no blank line between its rows.

A browser centres each cell in its row as a printed page does, but on whole lines: a cell of ``h``
lines in a row of ``H`` lines (its tallest cell's) starts ``(H - h) // 2`` lines below the row's top,
the odd line left below it (a row of two lines prints its one-line values on its first line: "Series
C-1 ... 4,025,764 ... D" over "Preferred Stock"). That is exact, so a band of lines is a row only
where every cell in it stands so and one cell fills it; the chromium-centred costs of
:mod:`.layout_rows` (a cell's distance from the row's middle) would read such rows as centred on
their first line and give the second line to the next row.

Where the lines fit more than one cut exactly (a row of one line over one of three, "Series C-1" /
"Preferred Stock" / "Series C-2 ..." / "Preferred Stock", prints as two rows of two lines do), the
page does not tell which row a line belongs to. Every cut of least cost is weighed (by the cheapest
cut up to each row and from it on), not one traced: each line is given to the earliest row it
belongs to in any of them ("early") and to the latest ("late"), and a line that can be either row's
makes the cut unsettled (the caller reads both and lists what differs missing).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import TypeVar

from .layout_rows import _AFTER_MARK, _BY_START, _UNBALANCED, STACKED, Cut, Run, _kind
from .layout_words import Tok

#: The page's marks of a text browser's dump: a superscript printed after a caret ("Reporting Person
#: ^*", "^(1)"); pandoc's plain text prints its own marks as "⁽¹⁾" and "^(*)", and lays rows apart.
BROWSER_MARKS = ("^*", "^(1", "^(2", "^(3", "^(4", "^(5", "^(6", "^(7", "^(8", "^(9")


def laid_by_browser(text: str) -> bool:
    """Is the page a text browser's dump (its superscripts printed after a caret), laid on one grid
    of characters (no page breaks)?"""
    return "^" in text and "\f" not in text and any(m in text for m in BROWSER_MARKS)


def grid_band_cost(band: Sequence[int], runs: Mapping[int, Sequence[Run]], words: Sequence[Run] = ()) -> float:
    """What the band's words say against one row laid on the grid: ``STACKED`` where a cell does not
    start where the browser centres it or no cell fills the band, or a cell's line is followed by one
    whose first word would have fitted on it (``words``: the table's runs of words alone, whose
    lengths show how wide their columns are at least); else what its cells' words say against each
    being one cell (two values stacked, text under a footnote mark that ends its cell, a nature's
    "By" under other words, a parenthesis opened and not closed). A cell whose lines skip one (a
    blank line, or a line it leaves empty) is two cells' words: ``STACKED``."""
    if not band:
        return STACKED
    lo, hi = band[0], band[-1]
    height = hi - lo + 1
    items = sorted((t for i in band for t in runs.get(i, ())), key=lambda t: t.x0)
    kinds = [_kind(t.text) for t in items]
    parent = list(range(len(items)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    cost = 0.0
    for a, ta in enumerate(items):
        for b in range(a + 1, len(items)):
            tb = items[b]
            if tb.x0 > ta.x1:
                break
            if ta.line == tb.line:
                continue
            parent[root(b)] = root(a)
            ka, kb = kinds[a], kinds[b]
            ku, kl = (ka, kb) if ta.line < tb.line else (kb, ka)
            # (A value's footnote marks wrap one under another in a narrow column: a lone mark over
            # a mark is one cell's here, not two rows' as on a printed page; two values never are,
            # nor a value under a value of a run of two cells, "2,105,171 A" over "6,400".)
            if (ka[0] and kb[0]) or _values_stacked(ta, tb):
                cost += STACKED
            if ku[2] and not kl[0] and not kl[1]:
                cost += _AFTER_MARK
            if kl[3] and not ku[0] and not ku[5] and abs(ta.line - tb.line) == 1:
                cost += _BY_START
            if abs(ta.line - tb.line) == 1 and _wraps_short(*((ta, tb) if ta.line < tb.line else (tb, ta)), words):
                return STACKED
    cells: dict[int, list[int]] = {}
    for k in range(len(items)):
        cells.setdefault(root(k), []).append(k)
    tallest = 0
    for ks in cells.values():
        ls = [items[k].line for k in ks]
        top, bottom = min(ls), max(ls)
        h = bottom - top + 1
        tallest = max(tallest, h)
        if top != lo + (height - h) // 2:
            return STACKED
        if sum(kinds[k][4] for k in ks):
            cost += _UNBALANCED
        # A footnote mark follows its value or words (over them it is another row's), and a price's
        # "$" stands over its number (at a cell's foot it is the next row's price).
        if any(kinds[k][1] and any(items[j].line > items[k].line and not kinds[j][1] for j in ks) for k in ks):
            return STACKED
        if any(items[k].text == "$" and items[k].line == bottom for k in ks):
            return STACKED
        if len(set(ls)) != h:
            # A cell's text fills its lines one after another: words over and under a line the
            # cell leaves empty are two cells' (two rows' titles), or a blank line parts them.
            return STACKED
    if tallest != height:
        return STACKED
    return cost


#: A word that is a value on its own: a number, a price, a date.
_VALUE_WORD_RE = re.compile(r"^-?\d[\d,]*(?:\.\d+)?$|^\d{1,2}/\d{1,2}/\d{2,4}$")


@functools.lru_cache(maxsize=4096)
def _value_spans(x: int, text: str) -> tuple[tuple[int, int], ...]:
    """Where the words that are values of a run at column ``x`` stand (a run is a cell's words, or two
    cells' printed a space apart)."""
    return tuple((x + m.start(), x + m.end()) for m in re.finditer(r"\S+", text) if _VALUE_WORD_RE.match(m[0]))


def _values_stacked(a: Run, b: Run) -> bool:
    """Does a value of one run stand over a value of the other?"""
    return any(x0 < y1 and y0 < x1 for x0, x1 in _value_spans(a.x0, a.text) for y0, y1 in _value_spans(b.x0, b.text))


#: A run that may be two cells printed a space apart: a word that is a value, a footnote mark, a
#: lone capital (a code, a D or I).
_CELLS_JOINED_RE = re.compile(r"(?:^| )(?:\$|-?\d[\d,./]*|\(\d{1,3}\)|[A-Z])(?= |$)")


def text_runs(runs: Mapping[int, Sequence[Run]]) -> list[Run]:
    """Each run's words up to the first that may start another cell (a value, a mark, a lone capital:
    "Common Stock, $1 2/3 Par 08/07/2019" gives "Common Stock,"): one cell's words, from where the run
    starts, so their lengths are widths their columns have at least."""
    out: list[Run] = []
    for ts in runs.values():
        for t in ts:
            m = _CELLS_JOINED_RE.search(t.text)
            words = t.text if m is None else t.text[: m.start()].rstrip()
            if words:
                out.append(Tok(t.line, t.x0, t.x0 + len(words), words))
    return out


def _wraps_short(upper: Run, lower: Run, words: Sequence[Run]) -> bool:
    """Would the first word of ``lower`` have fitted on ``upper``'s line, were they one cell's lines?
    A browser fills a cell's line with as many words as its column's width holds, and the column is
    at least as wide as the widest run of words alone standing in it (over or under ``upper``)."""
    first = lower.text.split(" ", 1)[0]
    if _CELLS_JOINED_RE.search(upper.text) or _CELLS_JOINED_RE.match(first):
        return False  # (a footnote mark may wrap where it would fit: its caret is not printed so)
    return len(upper.text) + 1 + len(first) <= _width(upper.x0, upper.x1, words)


def _width(x0: int, x1: int, words: Sequence[Run]) -> int:
    """The longest of ``words`` standing over or under columns ``x0`` to ``x1`` (asked of each pair of
    lines a band weighs: the table's runs are few, and a page's tables are read more than once)."""
    key = (x0, x1, id(words))
    got = _WIDTHS.get(key)
    if got is None or got[0] is not words:
        if len(_WIDTHS) >= 4096:
            _WIDTHS.clear()
        got = _WIDTHS[key] = (words, max((len(t.text) for t in words if t.x0 < x1 and x0 < t.x1), default=0))
    return got[1]


#: Columns' least widths by the columns and the table's runs (kept with them: an id is reused).
_WIDTHS: dict[tuple[int, int, int], tuple[Sequence[Run], int]] = {}


def grid_cuts(
    data: list[int], anchors: list[int], runs: Mapping[int, Sequence[Run]]
) -> tuple[Cut | None, Cut | None, Cut | None]:
    """The rows' cut (None when the lines fit two cuts alike), the cut giving each line to the
    earliest row it may belong to, and to the latest; (None, None, None) when no cut lays every row
    as the browser does."""
    n = len(anchors)
    last = data[-1] + 1
    pos = {i: k for k, i in enumerate(data)}
    # Possible first lines of row k: the table's first line for the first; else after the previous
    # anchor, up to its own. ``ends[k]``: the line past row k's last (the next row's first).
    starts = [[data[0]]] + [[i for i in data if anchors[k - 1] < i <= anchors[k]] for k in range(1, n)]
    ends = [starts[k + 1] if k + 1 < n else [last] for k in range(n)]
    memo: dict[tuple[int, int], float] = {}
    if len(data) == n:
        # (every line holds a row's D or I: each row is its one line, where it lays as the browser does)
        cut = {i: k for k, i in enumerate(data)}
        ok = all(grid_band_cost([i], runs) < STACKED for i in data)
        return (cut, cut, cut) if ok else (None, None, None)
    words = text_runs(runs)

    def cost(s: int, b: int) -> float:
        got = memo.get((s, b))
        if got is None:
            band = data[pos[s] : pos[b] if b in pos else len(data)]
            got = memo[(s, b)] = grid_band_cost(band, runs, words)
        return got

    inf = float("inf")
    # fore[k][b]: the least cost of rows 0..k, row k ending before b; aft[k][s]: of rows k..n-1, row
    # k starting at s.
    fore: list[dict[int, float]] = [{} for _ in range(n)]
    for k in range(n):
        for s in starts[k]:
            before = 0.0 if k == 0 else fore[k - 1].get(s, inf)
            if before >= STACKED:
                continue
            for b in ends[k]:
                if b <= s:
                    continue
                c = before + cost(s, b)
                if c < STACKED and c < fore[k].get(b, inf):
                    fore[k][b] = c
    total = fore[n - 1].get(last, inf)
    if total >= STACKED:
        return None, None, None
    aft: list[dict[int, float]] = [{} for _ in range(n)]
    for k in range(n - 1, -1, -1):
        for s in starts[k]:
            for b in ends[k]:
                if b <= s:
                    continue
                after = 0.0 if k == n - 1 else aft[k + 1].get(b, inf)
                c = cost(s, b) + after
                if c < aft[k].get(s, inf):
                    aft[k][s] = c
    rows_of: dict[int, set[int]] = {}
    for k in range(n):
        for s in starts[k]:
            before = 0.0 if k == 0 else fore[k - 1].get(s, inf)
            for b in ends[k]:
                if b <= s or before == inf:
                    continue
                after = 0.0 if k == n - 1 else aft[k + 1].get(b, inf)
                if abs(before + cost(s, b) + after - total) < 1e-9:
                    for i in data[pos[s] : pos[b] if b in pos else len(data)]:
                        rows_of.setdefault(i, set()).add(k)
    early: Cut = {i: min(ks) for i, ks in rows_of.items()}
    late: Cut = {i: max(ks) for i, ks in rows_of.items()}
    return (early if early == late else None), early, late


_R = TypeVar("_R", bound=Run)
#: A footnote mark, as the layout reader spells it.
_MARK_RE = re.compile(r"^\(\d{1,3}\)$")


def marks_to_their_line(cut: Sequence[Sequence[_R]]) -> list[list[_R]] | None:
    """A row's cells (words, column by column) with each footnote mark a cell took from a line its
    value is not on, standing under none of its words, given to the cell before, whose words it
    follows on that line ("Class B Common" / "Stock ^(3) ^(4)" beside "12,681,798": the "(4)" is
    the title's, not the amount's). On the grid a cell's lines stand within its column, under its
    value; a mark left of every word of the cell is not that cell's. None where no mark moves."""
    out = [list(cell) for cell in cut]
    moved = False
    for c in range(1, len(out)):
        words = [t for t in out[c] if not _MARK_RE.match(t.text)]
        if not words:
            continue
        lines = {t.line for t in words}
        for t in [t for t in out[c] if _MARK_RE.match(t.text) and t.line not in lines]:
            if any(u.x0 < t.x1 and t.x0 < u.x1 for u in words) or t.x0 >= min(u.x0 for u in words):
                continue
            if not any(u.line == t.line and u.x1 < t.x0 for u in out[c - 1]):
                continue
            out[c].remove(t)
            out[c - 1].append(t)
            moved = True
    return out if moved else None


__all__ = ["BROWSER_MARKS", "grid_band_cost", "grid_cuts", "laid_by_browser", "marks_to_their_line"]
