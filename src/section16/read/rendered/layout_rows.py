"""Which lines of a laid-out table make which row, when the rows are printed without blank lines
between them (``pdftotext -layout`` of a printed page).

A printed table row is as tall as its tallest cell, and every cell is centred in its row, so a
row's cells stand around one middle line; the next row starts below the lowest line of this one.
Each row has exactly one D or I (its Ownership Form), which anchors it. The lines between two anchors
are cut once: the lines above the cut end the upper row, the rest begin the lower one. The cut is
chosen so that

* each row's cells (words standing one over the other) are centred on the row's middle line;
* no cell holds two values stacked one over the other (a cell has one value: those are two rows),
  an amount printed one space before its (A) or (D) ("1,000,000 A") being such a value, and two
  prices ("$ 6.455" over "$", each price's "$" over its number) two values;
* a footnote mark, or a parenthesis that closes one opened on a line above ("(right to" / "buy)"),
  ends its cell's text: text under it starts the next row's cell;
* the band of lines a row takes is itself centred on that middle line (the tallest cell fills it);
* a blank line between two anchors is where the rows part, when there is one;
* a parenthesis a cell opens closes in that cell ("(Right to" / "buy)" are one title's lines);
* no cell's lines stand on both sides of a blank line (a cell's lines follow each other).

A layout program does not keep every line of a row in place (a superscript footnote mark rises to
a line of its own, a short cell may sit a line off), so these are costs, and the cut with the least
total wins. When two different cuts cost the same, the page does not say which row the lines belong
to, and nothing is chosen.
"""

from __future__ import annotations

import bisect
import functools
import operator
import os
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, Protocol

#: A value that fills a cell on its own: a number, a date, a dollar amount, a lone footnote mark.
_VALUE_RUN_RE = re.compile(
    r"^(?:\$\s?)?-?\d[\d,]*(?:\.\d+)?(?:\s?\(\d{1,3}\))*$|^\d{1,2}/\d{1,2}/\d{2,4}(?:\s?\(\d{1,3}\))*$"
)
_MARKS_ONLY_RE = re.compile(r"^(?:\(\d{1,3}\)\s?)+$")
#: An amount run on into its (A) or (D) one space after it ("1,000,000 A"): two such stacked in one
#: spot are two rows' amounts, as two values are (but what stands under it is weighed as under text).
_AD_AMOUNT_RE = re.compile(r"^-?\d[\d,]*(?:\.\d+)?(?:\s?\(\d{1,3}\))* [AD]$")
#: Cost of a band that stacks two values in one spot (a cell holds one value: never one row).
STACKED = 1000.0
#: Cost of cutting two rows elsewhere than at the blank line that stands between their anchors.
_OFF_BLANK = 1.5
#: A lone footnote mark rises off its line (a superscript), so its place says less.
_MARK_WEIGHT = 0.25
#: A footnote mark alone in a cell: most marks follow a value or a word of their own cell.
_LONE_MARK = 0.5
#: Text under a line that ends with a footnote mark: a mark ends its cell's text. So does a parenthesis
#: that closes one opened on a line above ("Stock Options" / "(right to" / "buy)"): no security's
#: title goes on past it (natures' do, "By 401(k)" / "Plan", but close what they open on one line).
_AFTER_MARK = 3.0
#: Text starting "By ..." under other text: a nature of ownership ("By Trust") starts its cell; but
#: not under a line ending "held" or "owned", whose phrase it goes on ("shares held" / "by Rankin").
_BY_START = 2.0
_BY_RE = re.compile(r"^[Bb]y(?:\s|$)")
_HELD_RE = re.compile(r"(?:^|\s)(?:held|owned)$", re.IGNORECASE)
#: A cell whose words open a parenthesis they do not close, or close one they did not open ("(Right
#: to" / "buy)" parted between two rows): a cut that parts a cell's lines between two rows.
_UNBALANCED = 2.0
_ENDS_WITH_MARK_RE = re.compile(r"\S\s?\(\d{1,3}\)$")
#: Footnote marks under a line of two marks or more that starts where they start (within this
#: many characters) go on that cell's list of marks ("See Footnotes" / "(4) (5) (6)" / "(7) (9)
#: (10)" / "(13)"): not two cells' marks stacked, as a lone mark over another is.
_WRAPPED_MARKS = 1
#: A cell whose lines stand on both sides of a blank line is two rows' cells: a cell's lines follow
#: each other one line apart (other cells' lines may come between them, as ``pdftotext`` interleaves
#: a row's baselines), and a blank line is a gap no line of the row fills.
GAPPED = STACKED


class Run(Protocol):
    """A run of words on one line (text separated by single spaces), at character positions."""

    @property
    def line(self) -> int: ...
    @property
    def x0(self) -> int: ...
    @property
    def x1(self) -> int: ...
    @property
    def text(self) -> str: ...


def middle_line(anchor: int, runs: Mapping[int, Sequence[Run]], others: Collection[int] = ()) -> int:
    """The row's middle line: its anchor's line, or a fuller line up to two lines off (a layout
    program may drop a lone "D" or "I", or the amount and its D, a line or two below the other
    single-line cells of its row); never another row's anchor line."""
    best, most = anchor, len(runs.get(anchor, ()))
    for i in (anchor - 1, anchor + 1, anchor - 2, anchor + 2):
        if i in others or (abs(i - anchor) == 2 and (anchor + i) // 2 in others):
            continue
        if len(runs.get(i, ())) > max(most, len(runs.get(anchor, ()))) + 1:
            best, most = i, len(runs[i])
    return best


def half_line(middle: int, runs: Mapping[int, Sequence[Run]], others: Collection[int] = ()) -> float:
    """The row's middle to half a line: a layout program puts a row's one-line cells on the line
    nearest the row's middle, but a cell of two lines (a value over its footnote mark, "$" over its
    price) is centred on the half line between them. Where the row's two-line values all stand on
    the middle line and the one below (or above), the middle is half a line down (or up)."""
    offsets: set[int] = set()
    for a in runs.get(middle, ()):
        x0 = a.x0
        if not (_kind(a.text)[0] or a.text == "$"):
            # (a run's last word a value: one space after the cell before it, "V 1,309")
            last = a.text.rsplit(" ", 1)[-1]
            if last == a.text or not _kind(last)[0]:
                continue
            x0 = a.x1 - len(last)
        for off in (-1, 1):
            if middle + off in others:
                continue
            for b in runs.get(middle + off, ()):
                # A cell wraps down: its mark under its value, its "$" over it (a mark over a
                # value is the row above's, wrapped under its own value).
                if b.x0 <= a.x1 and x0 <= b.x1 and ((off > 0 and _kind(b.text)[1]) or (off < 0 and b.text == "$")):
                    offsets.add(off)
    if len(offsets) == 1:
        return middle + 0.5 * offsets.pop()
    return float(middle)


@functools.lru_cache(maxsize=4096)
def _kind(text: str) -> tuple[bool, bool, bool, bool, int, bool, bool, bool, bool]:
    """(a value, footnote marks only, ends its cell's text (with a footnote mark, or closing a
    parenthesis opened above it), starts "By", parentheses opened less those closed, ends "held" or
    "owned", two footnote marks or more only, an amount with its (A) or (D), starts with "$")."""
    marks = bool(_MARKS_ONLY_RE.match(text))
    balance = text.count("(") - text.count(")")
    return (
        bool(_VALUE_RUN_RE.match(text)),
        marks,
        marks or bool(_ENDS_WITH_MARK_RE.search(text)) or (balance < 0 and text.endswith(")")),
        bool(_BY_RE.match(text)),
        balance,
        bool(_HELD_RE.search(text)),
        marks and text.count("(") > 1,
        bool(_AD_AMOUNT_RE.match(text)),
        text.startswith("$"),
    )


_X0 = operator.attrgetter("x0")  # (a sort key made in C)

# A band's cost on one page worked out in C (``_layout_cells_c.band_cost``, where it is built; not
# with SECTION16_PURE_PYTHON=1): the same runs, kinds and double operations in the same order as the
# Python below, so the same cost (a test weighs every band of the committed pages both ways).
_band_c: Any = None
if not os.environ.get("SECTION16_PURE_PYTHON"):
    try:
        from . import _layout_cells_c as _band_c
    except ImportError:  # not built here
        pass


def _pair_cost(
    ta: Run,
    ka: tuple[bool, bool, bool, bool, int, bool, bool, bool, bool],
    tb: Run,
    kb: tuple[bool, bool, bool, bool, int, bool, bool, bool, bool],
) -> float:
    """What two runs of different lines standing one over the other say against one cell."""
    cost = 0.0
    (upper, ku), (lower, kl) = ((ta, ka), (tb, kb)) if ta.line < tb.line else ((tb, kb), (ta, ka))
    # A value with its footnote mark under it is one cell; two values, two prices' "$", or two
    # marks, are two (but a cell's list of marks wraps on under its own first line: see _WRAPPED_MARKS).
    if (
        ((ka[0] or ka[7]) and (kb[0] or kb[7]))
        or (ka[8] and kb[8])
        or (ka[1] and kb[1] and not (ku[6] and abs(upper.x0 - lower.x0) <= _WRAPPED_MARKS))
    ):
        cost += STACKED
    if ku[2] and not kl[0] and not kl[1]:
        cost += _AFTER_MARK
    if kl[3] and not ku[0] and not ku[5] and lower.line - upper.line == 1:
        cost += _BY_START
    return cost


def band_cost(
    band: list[int],
    middle: float,
    runs: Mapping[int, Sequence[Run]],
    pages: Mapping[int, int] | None = None,
    anchored: Collection[int] = (),
    gapped: float = GAPPED,
) -> float:
    """How far the band's cells and the band itself are from being centred on the middle line,
    plus a prohibitive cost for two values stacked in one spot. A band that runs on past a page
    break (``pages``: each line's page; ``anchored``: the pages that hold rows' anchors) is a row
    the break cut: see :func:`_split_cost`."""
    if not band:
        return STACKED
    if pages is not None and pages.get(band[0], 0) != pages.get(band[-1], 0):
        return _split_cost(band, middle, runs, pages, anchored)
    if _band_c is not None:
        return _band_c.band_cost(  # type: ignore[no-any-return]
            band,
            middle,
            runs,
            _kind,
            _X0,
            STACKED,
            _AFTER_MARK,
            _BY_START,
            _UNBALANCED,
            _LONE_MARK,
            _MARK_WEIGHT,
            gapped,
            _WRAPPED_MARKS,
        )
    items = sorted((t for i in band for t in runs[i]), key=_X0)
    kinds = [_kind(t.text) for t in items]
    m = len(items)
    parent = list(range(m))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    cost = 0.0
    joined = False
    for a, ta in enumerate(items):
        # Sorted by their left ends, the runs over or under this one follow it until one starts
        # past its right end.
        right, line = ta.x1, ta.line
        for b in range(a + 1, m):
            tb = items[b]
            if tb.x0 > right:
                break
            if line == tb.line:
                continue
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[rb] = ra
            joined = True
            # (_pair_cost, its terms added one by one: each a whole number, so the sum is the same)
            ka, kb = kinds[a], kinds[b]
            ku, kl, gap = (ka, kb, tb.line - line) if line < tb.line else (kb, ka, line - tb.line)
            if (
                ((ka[0] or ka[7]) and (kb[0] or kb[7]))
                or (ka[8] and kb[8])
                or (ka[1] and kb[1] and not (ku[6] and abs(ta.x0 - tb.x0) <= _WRAPPED_MARKS))
            ):
                cost += STACKED
            if ku[2] and not kl[0] and not kl[1]:
                cost += _AFTER_MARK
            if kl[3] and not ku[0] and not ku[5] and gap == 1:
                cost += _BY_START
    if not joined:
        # (no run stands over another: each is a cell of its own, weighed in the same order)
        for t, kt in zip(items, kinds, strict=True):
            if kt[4]:
                cost += _UNBALANCED
            if kt[1]:
                cost += _LONE_MARK + _MARK_WEIGHT * abs((t.line + t.line) / 2 - middle)
            else:
                cost += abs((t.line + t.line) / 2 - middle)
        return cost + abs((band[0] + band[-1]) / 2 - middle)
    cells: dict[int, list[int]] = {}
    for k in range(m):
        cells.setdefault(root(k), []).append(k)
    for ks in cells.values():
        if sum(kinds[k][4] for k in ks):  # (parentheses a cell opens and does not close)
            cost += _UNBALANCED
        if sum(kinds[k][3] for k in ks) > 1:
            cost += STACKED  # (two lines starting "By": two natures of ownership, two rows')
        ls = [items[k].line for k in ks]
        lo, hi = min(ls), max(ls)
        if bisect.bisect_right(band, hi) - bisect.bisect_left(band, lo) < hi - lo + 1:
            cost += gapped  # (a line between its first and last that holds no word: a blank line)
        if all(kinds[k][1] for k in ks):
            cost += _LONE_MARK + _MARK_WEIGHT * abs((min(ls) + max(ls)) / 2 - middle)
        else:
            cost += abs((min(ls) + max(ls)) / 2 - middle)
    cost += abs((band[0] + band[-1]) / 2 - middle)
    return cost


def _balance(texts: Iterable[str]) -> int:
    """Parentheses opened less those closed, over a cell's words."""
    return sum(t.count("(") - t.count(")") for t in texts)


def stacked_cells(items: Sequence[Run], across_lines: bool = False) -> list[list[Run]]:
    """``items`` (sorted by their left ends) grouped into cells: runs standing one over another, joined
    through each other (``across_lines``: only runs of different lines join directly)."""
    parent = list(range(len(items)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, ta in enumerate(items):
        for b in range(a + 1, len(items)):
            tb = items[b]
            if tb.x0 > ta.x1:
                break
            if not across_lines or tb.line != ta.line:
                parent[root(b)] = root(a)
    cells: dict[int, list[Run]] = {}
    for k, t in enumerate(items):
        cells.setdefault(root(k), []).append(t)
    return list(cells.values())


def _unbalanced(items: list[Run]) -> int:
    """How many cells (runs standing one over another, ``items`` sorted by their left ends) open a
    parenthesis they do not close or close one they did not open."""
    return sum(1 for cell in stacked_cells(items) if _balance(t.text for t in cell))


#: A value no words spell ("2010 Partners Fund" may run on past a break): an amount, a price, a date.
_TYPED_VALUE_RE = re.compile(r"^\$|^-?\d{1,3}(?:,\d{3})+|^-?\d*\.\d+|^\d{1,2}/\d{1,2}/\d{2,4}")
#: How far a cell's words running on past a page break may stand from its words above the break.
_NEAR = 4
#: Cuts of a table with a row a page break cut that cost this little more than the best fit as well.
_SPLIT_TIE = 1.0
#: A row cut by a page break costs a little more than one that is not, all else alike (most rows
#: stand whole on one page).
_SPLIT = 0.5


def _split_cost(
    band: list[int],
    middle: float,
    runs: Mapping[int, Sequence[Run]],
    pages: Mapping[int, int],
    anchored: Collection[int],
) -> float:
    """A row a page break cut in two is not centred: the browser starts each of its cells at the
    row's top (its one-line cells on its first line, a tall cell running down from there), and what
    does not fit continues at the top of the next page. So the part on the row's own page must stand
    so: its middle line (where its one-line cells are) is its first line, and every cell starts
    there (a footnote mark alone may stand a line off, as superscripts do); anything else is not a
    row the break cut (``STACKED``). What stands past the break continues the cells that reach the
    page's last line: words of a title or a nature, a value's footnote marks, but no value (a value
    is printed on one line). A cell of words that ended with a footnote mark has ended, and a
    nature of ownership starts with "By": such a continuation costs as it would on one page. Where
    the next page holds rows of its own, its words stand on the grid of this one (the reader moved
    them there), so what continues a cell stands under it."""
    page = pages.get(round(middle), pages.get(band[0], 0))
    here = [i for i in band if pages.get(i, 0) == page]
    later = [i for i in band if pages.get(i, 0) != page]
    top = band[0]
    if not here or here[0] != top or abs(middle - top) > 0.5 or not later or later[0] < here[-1]:
        return STACKED
    cost = _SPLIT
    for part in (here, later):
        items = sorted((t for i in part for t in runs[i]), key=lambda t: t.x0)
        kinds = [_kind(t.text) for t in items]
        parent = list(range(len(items)))
        for a, ta in enumerate(items):
            for b in range(a + 1, len(items)):
                tb = items[b]
                if tb.x0 > ta.x1:
                    break
                if ta.line != tb.line:
                    parent[b] = parent[a]  # (sorted by left ends: one pass joins a cell's runs)
                    cost += _pair_cost(ta, kinds[a], tb, kinds[b])
        if part is here:
            tops: dict[int, int] = {}
            for k, t in enumerate(items):
                if not kinds[k][1]:
                    tops[parent[k]] = min(tops.get(parent[k], t.line), t.line)
            if any(line != top for line in tops.values()):
                return STACKED
    if any(_TYPED_VALUE_RE.match(t.text) for i in later for t in runs[i]):
        return STACKED
    if pages.get(later[0], 0) in anchored and any(
        not any(t.x0 <= u.x1 + _NEAR and u.x0 <= t.x1 + _NEAR for u in runs[here[-1]]) for t in runs[later[0]]
    ):
        return STACKED
    cost += _UNBALANCED * _unbalanced(sorted((t for i in band for t in runs[i]), key=lambda t: t.x0))
    last = [_kind(t.text) for t in runs[here[-1]] if t.text != "$"]
    for t in runs[later[0]]:
        kt = _kind(t.text)
        if not kt[1] and all(kb[2] or kb[0] for kb in last):
            cost += _AFTER_MARK
        if kt[3]:
            cost += _BY_START
    return cost


def bands(
    data: list[int], anchors: list[int], runs: Mapping[int, Sequence[Run]], tie: str | None = None
) -> dict[int, int] | None:
    """Row of each line in ``data`` (the table's lines with words, in order), given each row's anchor
    line; None when two different cuts fit equally well. ``tie`` ("early" or "late"): of cuts that
    fit equally well, the one that starts each row earliest (or latest) instead; the two bracket
    every such cut."""
    plain, early, late = cuts(data, anchors, runs)
    return plain if tie is None else early if tie == "early" else late


Cut = dict[int, int]


#: The costs of bands that stand on one page, by (first line, line past the last, middle line): a
#: band's cost is the same whatever the anchors and the page breaks, so the searches of one table's
#: lines (with and without its breaks, with other anchors) weigh each such band once.
BandCosts = dict[tuple[int, int, float], float]


def cuts(
    data: list[int],
    anchors: list[int],
    runs: Mapping[int, Sequence[Run]],
    pages: Mapping[int, int] | None = None,
    memo: BandCosts | None = None,
    gapped: float = GAPPED,
) -> tuple[Cut | None, Cut | None, Cut | None]:
    """The rows' cut as ``bands`` gives it, and the earliest and the latest of the cuts that fit
    equally well (the same search: only which of equal starts is kept differs). ``pages``: each
    line's page, where the text was printed page by page (a row a page break cut runs on to the
    top of the next page). ``memo``: costs of bands of these same lines and words weighed before
    (filled as bands are weighed; only ever shared between searches of the same ``data`` and
    ``runs``). ``gapped``: the cost of a cell whose lines stand on both sides of a blank line (nothing
    where the text's grid is finer than its lines, as the PDF front end's own text is)."""
    if memo is None:
        memo = {}
    if pages is None or len({pages.get(i, 0) for i in data}) < 2:
        return _cuts(data, anchors, runs, None, memo, gapped)
    again = _cuts(data, anchors, runs, pages, memo, gapped)
    if again[0] is None:
        return again
    alone = _cuts(data, anchors, runs, None, memo, gapped)
    early, late = alone[1], alone[2]
    if alone[0] is not None or early is None or late is None:
        return again  # (read as centred rows, the table did not read: a row straddled a break)
    # The rows' lines fit two cuts alike on one grid: the page break settles which only where the
    # lines in doubt lie between a row on one page and a row on the next, or next to a row the
    # break cut (it starts on its one-line cells' line).
    cut_rows: dict[int, set[int]] = {}
    for i, k in again[0].items():
        cut_rows.setdefault(k, set()).add(pages.get(i, 0))

    def settled(i: int) -> bool:
        a, b = early[i], late[i]
        return pages.get(anchors[a], 0) != pages.get(anchors[b], 0) or any(len(cut_rows[k]) > 1 for k in (a, b))

    return again if all(settled(i) for i in data if early[i] != late[i]) else alone


def _cuts(
    data: list[int],
    anchors: list[int],
    runs: Mapping[int, Sequence[Run]],
    pages: Mapping[int, int] | None,
    memo: BandCosts,
    gapped: float = GAPPED,
) -> tuple[Cut | None, Cut | None, Cut | None]:
    n = len(anchors)
    middles = [half_line(middle_line(a, runs, set(anchors)), runs, set(anchors)) for a in anchors]
    pos = {i: k for k, i in enumerate(data)}
    # Possible first lines of row k (k >= 1): after the previous anchor, up to its own.
    starts = [[data[0]]] + [[i for i in data if anchors[k - 1] < i <= anchors[k]] for k in range(1, n)]
    last = data[-1] + 1

    def blank_before(i: int) -> bool:
        p = pos.get(i)
        return p is not None and p > 0 and data[p - 1] < i - 1

    anchored = {pages.get(a, 0) for a in anchors} if pages is not None else set()
    has_blank = [False] + [any(blank_before(i) for i in starts[k]) for k in range(1, n)]
    inf = float("inf")
    best: list[dict[int, float]] = [{} for _ in range(n)]
    back: list[dict[int, int]] = [{} for _ in range(n)]  # (the starts are tried in order: the earliest)
    back_late: list[dict[int, int]] = [{} for _ in range(n)]
    tied: list[dict[int, bool]] = [{} for _ in range(n)]
    split: list[dict[int, bool]] = [{} for _ in range(n)]  # the best cut so far has a row a break cut

    def band(lo: int, hi: int) -> list[int]:
        # (``lo`` is a line of the table, ``hi`` one or one past its last: a slice of ``data``)
        return data[pos[lo] : pos[hi] if hi in pos else len(data)]

    def crosses(lo: int, hi: int) -> bool:
        # (``hi`` is a row's first line or one past the table's last: the line before it in ``data``)
        return pages is not None and pages.get(lo, 0) != pages.get(data[pos[hi] - 1] if hi in pos else data[-1], 0)

    for k in range(n):
        nexts = starts[k + 1] if k + 1 < n else [last]
        for b in nexts:
            for s in starts[k]:
                prev = 0.0 if k == 0 else best[k - 1].get(s, inf)
                if prev == inf or s >= b:
                    continue
                off = _OFF_BLANK if has_blank[k] and not blank_before(s) else 0.0
                lines = band(s, b)
                was = best[k].get(b, inf)
                cut = crosses(s, b) or (k > 0 and split[k - 1].get(s, False))
                # Where a row a page break cut is weighed, what runs on past the break is not
                # centred, so its lines say less: cuts that close count as equal.
                near = _SPLIT_TIE if cut or split[k].get(b, False) else 1e-9
                one_page = bool(lines) and (pages is None or pages.get(lines[0], 0) == pages.get(lines[-1], 0))
                if one_page and prev + off + abs((lines[0] + lines[-1]) / 2 - middles[k]) - was > near:
                    # A band on one page costs at least its distance from the middle line (its
                    # last term; the others are not negative): one that far off the best so far
                    # neither beats it nor ties it, and is not weighed.
                    continue
                if one_page:
                    # (weighed once for all the searches of these lines: see BandCosts)
                    key = (s, b, middles[k])
                    cost = memo.get(key)
                    if cost is None:
                        cost = memo[key] = band_cost(lines, middles[k], runs, None, (), gapped)
                else:
                    cost = band_cost(lines, middles[k], runs, pages, anchored, gapped)
                c = prev + off + cost
                if c < was - near:
                    best[k][b], back[k][b], back_late[k][b] = c, s, s
                    tied[k][b] = k > 0 and tied[k - 1].get(s, False)
                    split[k][b] = cut
                elif c < was - 1e-9 and c < STACKED:
                    best[k][b], back_late[k][b] = c, s  # (the earlier start stays the earliest)
                    tied[k][b] = True
                    split[k][b] = True
                elif abs(c - was) <= near and c < STACKED:
                    tied[k][b] = True
                    back_late[k][b] = s
    if last not in best[n - 1]:
        return None, None, None

    def traced(back: list[dict[int, int]]) -> Cut:
        out: Cut = {}
        b = last
        for k in range(n - 1, -1, -1):
            s = back[k][b]
            for i in band(s, b):
                out[i] = k
            b = s
        return out

    early = traced(back)
    return (None if tied[n - 1].get(last, False) else early), early, traced(back_late)


__all__ = ["GAPPED", "STACKED", "BandCosts", "band_cost", "bands", "cuts", "half_line", "middle_line"]
