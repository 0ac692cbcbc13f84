"""Table I and Table II laid out as text (``pdftotext -layout``, a PDF without cell borders, pandoc's
plain text): which word belongs to which column, and which line to which row.

Text has no cells, only words at character positions, and a layout program moves them: a row may sit
a few characters left or right of its heading, and one line of a row differently from the next. So
positions are used only as far as they can be trusted:

* each column's *range* comes from its printed heading: a numbered label ("4.", "2A.") starts a
  column or a group; a sub-heading ("Code", "V", "Price", "(A)"...) is centred over its sub-column.
  A label that cannot be found is placed between its neighbours;
* every row has exactly one "D" or "I" in its Ownership Form column, so those words anchor the rows;
  the lines of a row are its blank-line-separated group, or else the lines nearest its anchor;
* within a row the words keep their left-to-right order, and each cell must read as its column's
  type (a date, a number, a code...). The words are cut into cells in that order by the assignment
  that fits every type and lies nearest the columns' ranges (a small dynamic programme), so a cell a
  few characters off its heading still lands in its own column, and two cells printed one space
  apart are still told apart.

A row no assignment fits is an error, never a guess.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence

from . import layout_rows, tables
from .cells import HYPHEN_END_RE as _HYPHEN_END_RE
from .cells import normalize
from .layout_pages import _heading_on_one_grid, _page_scales, _scaled
from .layout_words import _CHUNK_RE, _MARK_RE, _MARKS_RE, _NUMBER_TOKEN_RE, Tok, _is_heading_line, _tokens

_RULE_RE = re.compile(r"^\s*-{3,}(?:\s+-+)*\s*$")
_VALUE_RE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}|\d{1,3}(?:,\d{3})+|\$\s*\d|[⁽(]\d{1,3}[⁾)]|[¹²³⁴⁵⁶⁷⁸⁹]")

# Sub-headings of the leaf columns that share a numbered group.
_SUB = {
    "code": r"\bCode\b", "code5": r"\bCode\b", "v": r"(?<![\w(])V(?![\w)])", "amount": r"\bAmount(?!\s+or\s+Number)",
    "ad": r"\(A\)\s*or", "price": r"\bPrice\b", "a": r"\(A\)(?!\s*or)", "d": r"(?<!or )\(D\)",
    "exer": r"Date\s+Exer|Exercisable", "exp": r"Expiration", "utitle": r"(?<![\w.] )\bTitle\b(?!\s+of|\s+and)",
    "ushares": r"\bAmount\s+or|\bNumber\s+of\s+Shares|\bAmount\b",
}  # fmt: skip
_SUB_RE = {kind: re.compile(rx, re.IGNORECASE) for kind, rx in _SUB.items()}
#: Columns that hold free text: any words, any number of them.
_TEXT = frozenset(("title", "nature", "utitle"))
#: Columns no printed row leaves empty.
_REQUIRED = frozenset(("title", "di"))
#: A typed cell is a few words at most (a value, "$", footnote marks).
_MAX_TYPED_WORDS = 6
_LONE_VALUE_RE = re.compile(r"^(?:\$?-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|\$?-?\d+\.\d+|\$\d+|\d{1,2}/\d{1,2}/\d{4})$")
_LONE_VALUE_COST = 40.0
_DATE_RE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}(?:\(\d{1,3}\))*$")
_GROUPED_RE = re.compile(r"^\$?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_MARK_IN_RE = re.compile(r"\((\d{1,3})\)|([¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
#: A word this many characters outside a column's range is not in that column.
_FAR = 10.0


def labels(form: str, table: int) -> list[tuple[str, str | None, str | None]]:
    """(column, its own numbered label, the numbered label of its group) for each leaf column."""
    cols = tables.columns(form, table)
    if table == 1 and form == "3":
        nums = {"title": "1", "after": "2", "di": "3", "nature": "4"}
        return [(c, nums[c], None) for c in cols]
    if table == 2 and form == "3":
        nums = {"title": "1", "conv": "4", "di": "5", "nature": "6"}
        group = {"exer": "2", "exp": "2", "utitle": "3", "ushares": "3"}
        return [(c, nums.get(c), group.get(c)) for c in cols]
    if table == 1:
        nums = {"title": "1", "date": "2", "deemed": "2A", "after": "5", "di": "6", "nature": "7"}
        group = {"code": "3", "code5": "3", "v": "3", "amount": "4", "ad": "4", "price": "4"}
        if form == "5":
            nums["code5"] = "3"
            group.pop("code5")
        return [(c, nums.get(c), group.get(c)) for c in cols]
    nums = {"title": "1", "conv": "2", "date": "3", "deemed": "3A", "price": "8", "after": "9", "di": "10",
            "nature": "11"}  # fmt: skip
    group = {"code": "4", "code5": "4", "v": "4", "a": "5", "d": "5", "exer": "6", "exp": "6", "utitle": "7",
             "ushares": "7"}  # fmt: skip
    if form == "5":
        nums["code5"] = "4"
        group.pop("code5")
    return [(c, nums.get(c), group.get(c)) for c in cols]


_LABEL_NUM_RE = re.compile(r"(?<![\w.])(\d{1,2}A?)\s*\.(?!\d)")


def _label_xs(head: list[str]) -> dict[str, int]:
    """Where each numbered label ("4.", "2A.") first stands across the heading's lines (one pass)."""
    found: dict[str, int] = {}
    for ln in head:
        for m in _LABEL_NUM_RE.finditer(ln):
            num = m.group(1)
            if num not in found or m.start() < found[num]:
                found[num] = m.start()
    return found


def _sub_span(head: list[str], kind: str, lo: float, hi: float) -> tuple[int, int] | None:
    rx = _SUB_RE[kind]
    for ln in reversed(head):  # sub-headings sit on the lowest heading lines
        for m in rx.finditer(ln):
            if lo <= m.start() < hi:
                return m.start(), m.end()
    return None


def column_starts(head: list[str], form: str, table: int, loose: bool = True) -> list[float] | None:
    """Where each leaf column starts, from a dash rule (pandoc) or from the headings; None when too
    few labels are found to place the columns."""
    n = len(tables.columns(form, table))
    for ln in head[:3]:
        if _RULE_RE.match(ln):
            dashes = [float(m.start()) for m in re.finditer(r"-+", ln)]
            if len(dashes) == n:
                return dashes
    cols = labels(form, table)
    order = list(dict.fromkeys(num or group or "" for _c, num, group in cols))
    xs_of = _label_xs(head)
    found = {g: xs_of.get(g) for g in order}
    # Keep only labels in increasing order; the others are placed between their neighbours.
    xs: list[float | None] = []
    last = -1.0
    for g in order:
        x = found[g]
        if x is not None and x > last:
            xs.append(float(x))
            last = x
        else:
            xs.append(None)
    known = [(i, float(x)) for i, x in enumerate(xs) if x is not None]
    # A label missing between two found ones (its words wrapped oddly) is placed between them; the
    # first and last must be on the page (a table cut at the page edge is not extrapolated).
    if xs[0] is None or xs[-1] is None or len(known) < max(2, (3 * len(order)) // 4):
        return None
    for i, maybe in enumerate(xs):
        if maybe is None:
            before = [(k, v) for k, v in known if k < i]
            after = [(k, v) for k, v in known if k > i]
            if before and after:
                (k0, v0), (k1, v1) = before[-1], after[0]
                xs[i] = v0 + (v1 - v0) * (i - k0) / (k1 - k0)
    group_x = dict(zip(order, xs, strict=True))
    starts: list[float] = []
    last_sub_end: float | None = None
    for g, members in itertools.groupby(cols, key=lambda c: c[1] or c[2] or ""):
        subs = [c for c, _n, _g in members]
        gx = group_x[g]
        assert gx is not None
        k = order.index(g)
        nx = group_x[order[k + 1]] if k + 1 < len(order) else gx + 12.0 * len(subs)
        assert nx is not None
        if len(subs) == 1:
            starts.append(gx)
            last_sub_end = None
            continue
        # The sub-headings' line may stand a few characters right of the labels above it.
        lo, hi = (max(gx - 8, last_sub_end or 0.0), nx + 14) if loose else (gx - 8, nx)
        spans = [_sub_span(head, s, lo, hi) for s in subs]
        if all(spans) and all(a[1] <= b[0] for a, b in itertools.pairwise(s for s in spans if s)):
            ss = [s for s in spans if s]
            first = min(gx, float(ss[0][0]))
            if loose and last_sub_end is not None and first < last_sub_end:
                first = (last_sub_end + ss[0][0]) / 2  # the group before ends where its sub-headings do
            starts.append(first)
            starts.extend((a[1] + b[0]) / 2 for a, b in itertools.pairwise(ss))
            last_sub_end = float(ss[-1][1])
        else:
            last_sub_end = None
            width = (nx - gx) / len(subs)
            starts.extend(gx + width * i for i in range(len(subs)))
    if all(b > a for a, b in itertools.pairwise(starts)):
        return starts
    return column_starts(head, form, table, loose=False) if loose else None


def _ranges(starts: list[float]) -> list[tuple[float, float]]:
    return [(s, e) for s, e in itertools.pairwise([*starts, 1e9])]


def _dist(t: Tok, rng: tuple[float, float]) -> float:
    lo, hi = rng
    m = t.mid
    return 0.0 if lo - 1 <= m < hi + 1 else (lo - 1 - m if m < lo - 1 else m - hi - 1)


def _cell(toks: list[Tok]) -> str:
    """A cell's text as the form reader spells it (superscript marks as "(1)", no-break spaces out)."""
    text = _join(toks)
    return text if text.isascii() else normalize(text)


def _join(toks: list[Tok]) -> str:
    out = ""
    last_line = None
    for t in sorted(toks, key=lambda t: (t.line, t.x0)):
        if not out:
            out = t.text
        elif last_line is not None and t.line != last_line and _HYPHEN_END_RE.search(out):
            out += t.text  # a word broken after its hyphen at the end of a line
        else:
            out += " " + t.text
        last_line = t.line
    return out


def _units(toks: list[Tok]) -> list[list[Tok]]:
    """Words that must share a cell: words of different lines standing one over the other (a cell's
    wrapped lines, a footnote mark under its value), and a footnote mark printed one space after a
    word. Ordered left to right."""
    parent = list(range(len(toks)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    # Sorted by their left ends, the words that can join a word follow it until one starts more
    # than a space past its right end.
    order = sorted(range(len(toks)), key=lambda k: toks[k].x0)
    kinds = [_word_kind(t.text) for t in toks]
    for p, a in enumerate(order):
        ta = toks[a]
        for b in order[p + 1 :]:
            tb = toks[b]
            if tb.x0 > ta.x1 + 1:
                break
            if ta.line != tb.line:
                joined = tb.x0 <= ta.x1  # touching counts: a layout moves words
                # A value is printed on one line: a word over or under it belongs to another cell
                # (only its "$" and footnote marks may stand apart). A footnote mark or "$" on a
                # line of its own goes with a value or a mark, not with words: it would bridge a
                # value to the words of the cell beside it.
                ka, kb = kinds[a], kinds[b]
                if ka != kb and "w" in (ka, kb):
                    joined = False
            else:
                left, right = (ta, tb) if ta.x0 < tb.x0 else (tb, ta)
                joined = right.x0 - left.x1 <= 1 and bool(_MARK_RE.match(right.text))
            if joined:
                parent[root(b)] = root(a)
    groups: dict[int, list[Tok]] = {}
    for k, t in enumerate(toks):
        groups.setdefault(root(k), []).append(t)
    return sorted(groups.values(), key=lambda u: min(t.x0 for t in u))


def _mark_before_value(toks: list[Tok]) -> bool:
    """A footnote mark printed left of another word of its line (a mark follows its value or text,
    so the mark is the cell's before: a price's "(1)" beside the next column's number), or a "$"
    right of a number (a "$" leads its value: it is the next cell's)."""
    for m in toks:
        if _MARK_RE.match(m.text):
            if any(v.line == m.line and v.x0 > m.x0 and not _MARK_RE.match(v.text) for v in toks):
                return True
        elif m.text == "$":
            if any(v.line == m.line and v.x0 < m.x0 and _NUMBER_TOKEN_RE.match(v.text) for v in toks):
                return True
    return False


def _left_aligned(toks: list[Tok]) -> bool:
    """Does no line of a free-text cell hold only a number standing right of the cell's other
    lines? A title or nature wraps at its left edge: such a number is another cell's value."""
    lines: dict[int, list[Tok]] = {}
    for t in toks:
        lines.setdefault(t.line, []).append(t)
    if len(lines) < 2:
        return True
    left = min(t.x0 for t in toks)
    return not any(
        all(_NUMBER_TOKEN_RE.match(t.text) for t in ws) and min(t.x0 for t in ws) - left > _ALIGN
        for ws in lines.values()
    )


#: How far a layout program moves the lines of one cell apart.
_ALIGN = 4


def _word_kind(text: str) -> str:
    """v: a lone value, m: footnote marks or "$", w: a word."""
    if _LONE_VALUE_RE.match(text):
        return "v"
    return "m" if text == "$" or _MARK_RE.match(text) else "w"


def assign(toks: list[Tok], starts: list[float], cols: tuple[str, ...], by_order: bool = False) -> list[str] | None:
    """The row's words cut into one cell per column: every cell reads as its column's type, the words
    keep their left-to-right order, and the total distance of words from their columns is least.

    ``by_order``: positions left aside (a layout program moved the row's cells far off their
    headings); the cells are given only when types and order alone allow one cut, never a guess."""
    units = _units(toks)
    rngs = _ranges(starts)
    n, c_n = len(units), len(cols)
    inf = float("inf")
    far_off = float("inf") if by_order else _FAR
    # Each unit's distance from each column's range (the sum over its words, as _dist) and whether
    # a word of it stands too far off: one pass, no call per word (this is the reader's inner loop).
    mids = [[(t.x0 + t.x1) / 2 for t in u] for u in units]
    dist: list[list[float]] = [[0.0] * n for _ in range(c_n)]
    far: list[list[bool]] = [[True] * n for _ in range(c_n)]
    for k, ms in enumerate(mids):
        # Only the columns near the unit can take it (ranges are in order): those are worked out
        # exactly, with a column's margin either side; the rest are far (and their distance unused).
        if by_order:
            near = range(c_n)
        else:
            first = max(0, bisect.bisect_left(starts, max(ms) - far_off - 2) - 2)
            near = range(first, min(c_n, bisect.bisect_right(starts, min(ms) + far_off + 2) + 1))
        for c in near:
            lo, hi = rngs[c]
            a, b = lo - 1, hi + 1
            total = 0.0
            off = False
            for m in ms:
                if m < a:
                    e = a - m
                elif m >= b:
                    e = m - hi - 1
                else:
                    e = 0.0
                total += e
                off = off or e > far_off
            dist[c][k] = total
            far[c][k] = off
    if "di" in cols and not by_order:
        # The row's D or I anchored it from as far as _FAR * 1.5 off its column (a layout program
        # squeezes the right of a row towards its left): its column takes it from as far.
        c = cols.index("di")
        for k, u in enumerate(units):
            if len(u) == 1 and far[c][k] and _MARKS_RE.sub("", u[0].text) in ("D", "I"):
                e = _dist(u[0], rngs[c])
                if e <= _FAR * 1.5:
                    dist[c][k], far[c][k] = e, False
    # A value standing alone (a number, a date) is a typed cell's, not a word of a free-text cell:
    # titles and natures spell their numbers inside words ("Series 2020-1", "401(k)").
    for c, kind in enumerate(cols):
        if kind in _TEXT:
            for k, u in enumerate(units):
                if all(_LONE_VALUE_RE.match(t.text) or t.text == "$" for t in u):
                    dist[c][k] += _LONE_VALUE_COST  # "$" starts a value; free text spells "$5"
    # A number grouped in thousands is never a word of free text, nor a date of a title: such a word
    # would be another cell's or row's value taken in (a nature of ownership may hold a date: "Trust
    # dtd 02/23/2016").
    for c, kind in enumerate(cols):
        if kind in _TEXT:
            for k, u in enumerate(units):
                if any(_GROUPED_RE.match(t.text) or (kind != "nature" and _DATE_RE.match(t.text)) for t in u):
                    far[c][k] = True
    # dup[j][i]: units j..i hold some footnote mark twice.
    marks = [[m for t in u for m in _MARK_IN_RE.findall(t.text)] for u in units]
    dup = [[False] * n for _ in range(n)]
    for j in range(n):
        seen: set[str] = set()
        bad = False
        for i in range(j, n):
            for m in marks[i]:
                bad = bad or m in seen
                seen.add(m)
            dup[j][i] = bad
    if by_order:
        return _only_cut(units, cols, far, dup)
    best = [[inf] * (n + 1) for _ in range(c_n + 1)]
    back = [[0] * (n + 1) for _ in range(c_n + 1)]
    best[0][0] = 0.0
    spans: dict[tuple[int, int], _Span] = {}  # the words j..i as one cell: the same for every column
    for c, kind in enumerate(cols):
        row, nxt, nback, d, f = best[c], best[c + 1], back[c + 1], dist[c], far[c]
        longest = n if kind in _TEXT else _MAX_TYPED_WORDS
        for j in range(n + 1):
            base = row[j]
            if base == inf:
                continue
            if kind not in _REQUIRED and base < nxt[j]:
                nxt[j], nback[j] = base, j
            acc = base
            text = kind in _TEXT
            for i in range(j + 1, min(n, j + longest) + 1):
                if f[i - 1]:
                    break
                acc += d[i - 1]
                if acc >= nxt[i]:
                    continue
                if dup[j][i - 1]:
                    continue  # a cell has each footnote mark once: these are two cells' marks
                span = spans.get((j, i))
                if span is None:
                    span = spans[(j, i)] = _Span([t for u in units[j:i] for t in u])
                if not text and not span.reads_as(kind):
                    continue
                if span.mark_before_value:
                    continue
                if text and not span.left_aligned:
                    continue
                nxt[i], nback[i] = acc, j
    if best[c_n][n] == inf:
        return None
    return _traced(back, units, c_n, n)


def _traced(back: list[list[int]], units: list[list[Tok]], c_n: int, n: int) -> list[str]:
    """The cells of the cut the search chose, followed back from its end (``back[c][i]``: where
    column ``c``'s cell begins when it ends before unit ``i``)."""
    cells: list[str] = [""] * c_n
    i = n
    for c in range(c_n, 0, -1):
        j = back[c][i]
        cells[c - 1] = _join([t for u in units[j:i] for t in u])
        i = j
    return cells


class _Span:
    """Words that may make one cell, with what is asked of them worked out once (lazily)."""

    __slots__ = ("_la", "_mbv", "_text", "toks")

    def __init__(self, toks: list[Tok]) -> None:
        self.toks = toks
        self._text: str | None = None
        self._mbv: bool | None = None
        self._la: bool | None = None

    def reads_as(self, kind: str) -> bool:
        if self._text is None:
            self._text = _cell(self.toks)
        return _check_cell(kind, self._text)

    @property
    def mark_before_value(self) -> bool:
        if self._mbv is None:
            self._mbv = _mark_before_value(self.toks)
        return self._mbv

    @property
    def left_aligned(self) -> bool:
        if self._la is None:
            self._la = _left_aligned(self.toks)
        return self._la


#: Cells' texts recur (the same words tried against each column, the same values on every page).
_check_cell = functools.lru_cache(maxsize=1 << 14)(tables.check_cell)


def _fits(kind: str, toks: list[Tok]) -> bool:
    """Can these words (in order) be one cell of this column?"""
    if kind not in _TEXT and not tables.check_cell(kind, _cell(toks)):
        return False
    if _mark_before_value(toks):
        return False
    return kind not in _TEXT or _left_aligned(toks)


def _only_cut(
    units: list[list[Tok]], cols: tuple[str, ...], far: list[list[bool]], dup: list[list[bool]]
) -> list[str] | None:
    """The row's cells when exactly one cut of its words (in order) reads as the columns' types;
    None when none does or several do."""
    n, c_n = len(units), len(cols)
    ways = [[0] * (n + 1) for _ in range(c_n + 1)]  # how many cuts put units[:i] in cols[:c] (2: many)
    back = [[0] * (n + 1) for _ in range(c_n + 1)]
    ways[0][0] = 1
    for c, kind in enumerate(cols):
        longest = n if kind in _TEXT else _MAX_TYPED_WORDS
        for j in range(n + 1):
            w = ways[c][j]
            if not w:
                continue
            if kind not in _REQUIRED:
                ways[c + 1][j] = min(2, ways[c + 1][j] + w)
                back[c + 1][j] = j
            for i in range(j + 1, min(n, j + longest) + 1):
                if far[c][i - 1]:
                    break
                if dup[j][i - 1] or not _fits(kind, [t for u in units[j:i] for t in u]):
                    continue
                ways[c + 1][i] = min(2, ways[c + 1][i] + w)
                back[c + 1][i] = j
    if ways[c_n][n] != 1:
        return None
    return _traced(back, units, c_n, n)


def _nearest(i: int, anchors: list[int]) -> int:
    best = 0
    for k, a in enumerate(anchors):
        if abs(a - i) < abs(anchors[best] - i):
            best = k
    return best


def _group_by_blank(data: list[int], anchors: list[int]) -> dict[int, int] | None:
    """Row of each line when blank lines separate the rows (one anchor per group), else None."""
    groups: list[list[int]] = []
    for i in data:
        if groups and i == groups[-1][-1] + 1:
            groups[-1].append(i)
        else:
            groups.append([i])
    out: dict[int, int] = {}
    for g in groups:
        inside = [a for a in anchors if g[0] <= a <= g[-1]]
        if len(inside) != 1:
            return None
        k = anchors.index(inside[0])
        for i in g:
            out[i] = k
    return out


def read_table(
    lines: list[str], start: int, end: int, form: str, table: int, pages: Sequence[int] | None = None
) -> tuple[list[list[str]], str | None]:
    """Rows of cells for the table whose heading starts at line ``start``; or an explanation why not.
    ``pages`` gives each line's page, where the text was printed page by page (``pdftotext``)."""
    error: tables.RowError | None = None
    try:
        rows, why = _read_table(lines, start, end, form, table, pages, relay=False)
    except tables.RowError as e:
        rows, why, error = [], str(e), e
    if why and pages and pages[start] != pages[min(end, len(pages)) - 1]:
        # The heading may run across a page break, its upper lines on another grid than the rows.
        try:
            again, why_again = _read_table(lines, start, end, form, table, pages, relay=True)
        except tables.RowError:
            again, why_again = [], "no"
        if not why_again:
            return again, None
    if error is not None:
        raise error
    return rows, why


_NO_ANCHOR = "values under the heading, but no row shows its Ownership Form"


def _read_table(
    lines: list[str], start: int, end: int, form: str, table: int, pages: Sequence[int] | None, relay: bool
) -> tuple[list[list[str]], str | None]:
    cols = tables.columns(form, table)
    rule = [lines[start - 1]] if start > 0 and _RULE_RE.match(lines[start - 1]) else []
    # The heading: the lines from its first label down to the first line that is not heading words.
    head_stop = start + 1
    while head_stop < end and (not lines[head_stop].strip() or _is_heading_line(lines[head_stop], head_stop)):
        head_stop += 1
    head = lines[start:head_stop]
    if relay and pages:
        head = _heading_on_one_grid(head, pages[start:head_stop])
    starts = column_starts(rule + head, form, table)
    if starts is None:
        return [], "the table's column headings were not found"
    rngs = _ranges(starts)
    di = cols.index("di")
    # Columns that could also hold a lone "D" or "I" (a code, the (A)/(D) mark, free text).
    rivals = [i for i, c in enumerate(cols) if tables.check_cell(c, "D") or tables.check_cell(c, "I")]
    rivals = [i for i in rivals if i != di]
    scales = _page_scales(lines, head_stop, end, pages, table, starts) if pages else {}
    anchors: list[int] = []
    toks_by_line: dict[int, list[Tok]] = {}
    for i in range(start, end):
        if _RULE_RE.match(lines[i]):
            continue
        ts = _scaled(_tokens(lines[i], i), scales.get(pages[i]) if pages else None)
        if not ts:
            continue
        toks_by_line[i] = ts
        for t in ts:
            if ("D" in t.text or "I" in t.text) and _MARKS_RE.sub("", t.text) in ("D", "I"):
                # A layout program can print a row's cells well off their headings, so the D or I
                # anchors its row when no other column that could hold it is as near.
                mine = _dist(t, rngs[di])
                if all(mine < _dist(t, rngs[r]) for r in rivals) and mine <= _FAR * 1.5:
                    anchors.append(i)
                    break
    if not anchors and relay:
        # The heading's grid and the rows' differ (a page break inside the heading): a row's D or I
        # is then the last lone D or I of a line that reads as a row (after a value, right of the
        # middle of the table), wherever its column's heading stands.
        anchors = [i for i in range(head_stop, end) if i in toks_by_line and _row_di(toks_by_line[i], starts)]
    if not anchors:
        # Values below the heading but no row with its D or I: the page is cut off or unreadable.
        if any(_VALUE_RE.search(lines[i]) for i in toks_by_line if not _is_heading_line(lines[i], i)):
            return [], f"{_NO_ANCHOR} (D or I): cut off?"
        return [], None
    # Heading lines: everything down to the last heading-looking line above the first anchor.
    head_end = start
    for i in range(start, anchors[0]):
        if i in toks_by_line and _is_heading_line(lines[i], i):
            head_end = i + 1
    anchors = [a for a in anchors if a >= head_end]
    data = [i for i in sorted(toks_by_line) if i >= head_end]
    groups = _group_by_blank(data, anchors)
    row_toks: list[list[Tok]] = [[] for _ in anchors]
    if groups is not None:
        for i in data:
            row_toks[groups[i]].extend(toks_by_line[i])
    else:
        runs = {
            i: _scaled([Tok(i, m.start(), m.end(), m.group(0)) for m in _CHUNK_RE.finditer(lines[i])],
                       scales.get(pages[i]) if pages else None)
            for i in data
        }  # fmt: skip
        rows_of = layout_rows.bands(data, anchors, runs)
        if rows_of is None:
            raise tables.RowError("rows printed without space between them, and their lines fit two rows alike")
        for i, r in rows_of.items():
            row_toks[r].extend(toks_by_line[i])
    out: list[list[str]] = []
    moved = {i for i in toks_by_line if pages and scales.get(pages[i])}
    for toks in row_toks:
        cells = assign(toks, starts, cols)
        if cells is None:
            # Cells printed far off their headings (a later page laid out on its own grid): read
            # where the words' types and order allow one cut only.
            cells = assign(toks, starts, cols, by_order=True)
        if cells is None:
            text = " ".join(t.text for t in sorted(toks, key=lambda t: (t.line, t.x0)))
            raise tables.RowError(f"a row's words do not fit the table's columns in order: {text[:80]!r}")
        if "a" in cols and any(t.line in moved for t in toks):
            _check_acquired_or_disposed(toks, starts, cols, cells)
        out.append(cells)
    return out, None


#: A value on a moved page this near the line between the (A) and (D) columns could be either's.
_AD_MARGIN = 4.0


def _check_acquired_or_disposed(toks: list[Tok], starts: list[float], cols: tuple[str, ...], cells: list[str]) -> None:
    """Table II tells acquired from disposed only by the column a number stands in. On a page moved
    to the heading's grid the columns are placed only as well as the map goes: a number close to the
    line between (A) and (D) could be either, and is not guessed."""
    a, d = cols.index("a"), cols.index("d")
    value = cells[a] or cells[d]
    if not value:
        return
    line = starts[d]
    for t in toks:
        if t.text in value.split() and _LONE_VALUE_RE.match(t.text) and abs(t.mid - line) < _AD_MARGIN:
            raise tables.RowError(
                f"{t.text!r} stands between the (A) and (D) columns of a page laid out on another grid: "
                "acquired or disposed cannot be told"
            )


def _row_di(ts: list[Tok], starts: list[float]) -> Tok | None:
    """The D or I of a line that reads as a row: its last lone D or I, after a number, past the
    middle of the table and a few characters from the Ownership Form column at most."""
    if len(ts) < 3:
        return None
    di = starts[-2]
    for k in range(len(ts) - 1, 0, -1):
        t = ts[k]
        if _MARKS_RE.sub("", t.text) in ("D", "I"):
            if t.mid < starts[-1] / 2 or abs(t.mid - di) > _FAR * 2:
                return None
            return t if any(_NUMBER_TOKEN_RE.match(u.text) for u in ts[:k]) else None
    return None
