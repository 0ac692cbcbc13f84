"""One row of a laid-out table cut into the table's cells: its words, kept in their left-to-right
order, go to the columns by the cut that fits every column's type (a date, a number, a code...) and
lies nearest the columns' ranges (a small dynamic programme); or, where the words stand too far off
their headings, by the one cut their types and order allow. Used by :mod:`.layout`, which finds the
columns' ranges and the rows' lines."""

from __future__ import annotations

import bisect
import functools
import os
from typing import Any

from . import tables

# Read by .layout, .layout_fit and .flowing_rows from here too, where they lived before.
from .layout_units import _LONE_VALUE_RE as _LONE_VALUE_RE
from .layout_units import _cell as _cell
from .layout_units import _dist as _dist
from .layout_units import _join as _join
from .layout_units import _left_aligned, _mark_before_value, _traits
from .layout_units import _mark_apart as _mark_apart
from .layout_units import _ranges as _ranges
from .layout_units import _units as _units
from .layout_words import _MARK_RE, _MARKS_RE, Tok

#: Columns that hold free text: any words, any number of them.
_TEXT = frozenset(("title", "nature", "utitle"))
#: Columns no printed row leaves empty.
_REQUIRED = frozenset(("title", "di"))
#: A typed cell is a few words at most (a value, "$", footnote marks).
_MAX_TYPED_WORDS = 6
_LONE_VALUE_COST = 40.0
#: A row of more words, or of more units (words that must share a cell), than these is no row the
#: form prints (the corpus's longest: 348 words in 24 units, a long nature of ownership): it is not
#: cut (left unplaced, so its table is said missing), and a hostile page cannot make the searches,
#: quadratic and cubic in the units, run for minutes.
MAX_ROW_WORDS = 1000
MAX_ROW_UNITS = 100
#: A word this many characters outside a column's range is not in that column.
_FAR = 10.0

# The row search by position compiled (``_layout_cells_c``, built from a .pyx at install when a C
# compiler is there) gives exactly the cuts the Python search below gives. Without it, or with
# SECTION16_PURE_PYTHON=1 in the environment, the Python search runs.
_search_c: Any = None
if not os.environ.get("SECTION16_PURE_PYTHON"):
    try:
        from . import _layout_cells_c
    except ImportError:  # not built here
        pass
    else:
        _search_c = _layout_cells_c
COMPILED = _search_c is not None


def assign(
    toks: list[Tok], starts: list[float], cols: tuple[str, ...], by_order: bool = False, margin: float | None = None
) -> list[str] | None:
    """The row's words cut into one cell per column: every cell reads as its column's type, the words
    keep their left-to-right order, and the total distance of words from their columns is least.

    ``by_order``: positions left aside (a layout program moved the row's cells far off their
    headings); the cells are given only when types and order alone allow one cut, never a guess.
    With ``margin``, where types and order allow several cuts, the one nearest the columns is given
    when every other cut lies at least ``margin`` characters farther off (no word is too far off)."""
    return _assign(toks, starts, cols, by_order, margin)[0]


def assign_placed(
    toks: list[Tok], starts: list[float], cols: tuple[str, ...], by_order: bool = False, margin: float | None = None
) -> tuple[list[str], list[list[Tok]]] | None:
    """As ``assign``, with each cell's words too (where they stand tells where the page prints its
    columns)."""
    cells, placed = _assign(toks, starts, cols, by_order, margin)
    return (cells, placed) if cells is not None and placed is not None else None


def _prepared(
    toks: list[Tok], starts: list[float], cols: tuple[str, ...], by_order: bool
) -> tuple[list[list[Tok]], list[list[float]], list[list[bool]], list[list[bool]]]:
    """The row's units, each unit's distance from each column and whether it is too far off for it,
    and which runs of units hold a footnote mark twice."""
    units = _units(toks, one_value=by_order)
    rngs = _ranges(starts)
    n, c_n = len(units), len(cols)
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
        if len(ms) == 1:  # (most units are one word: its distance without the loop over words)
            m = ms[0]
            for c in near:
                lo, hi = rngs[c]
                e = lo - 1 - m if m < lo - 1 else (m - hi - 1 if m >= hi + 1 else 0.0)
                dist[c][k] = 0.0 + e
                far[c][k] = e > far_off
            continue
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
    # So is a value with its "$" and footnote marks stacked around it ("$" / "48.8935" / "(1)").
    # A number grouped in thousands is never a word of free text, nor a date of a title: such a word
    # would be another cell's or row's value taken in (a nature of ownership may hold a date: "Trust
    # dtd 02/23/2016"). (Each unit's words are weighed once for all free-text columns.)
    free = [c for c, kind in enumerate(cols) if kind in _TEXT]
    weighed, dup = _unit_traits(units)
    for k, (lone, grouped, dated) in enumerate(weighed):
        if not free:
            break
        for c in free:
            if lone:
                dist[c][k] += _LONE_VALUE_COST  # "$" starts a value; free text spells "$5"
            if grouped or (dated and cols[c] != "nature"):
                far[c][k] = True
    return units, dist, far, dup if dup is not None else [[False] * n] * n


def _unit_traits(units: list[list[Tok]]) -> tuple[list[tuple[bool, bool, bool]], list[list[bool]] | None]:
    """Each unit's (a value standing alone, a number grouped in thousands, a date), as the free-text
    columns weigh them; and ``dup[j][i]``: units j..i hold some footnote mark twice (None: no run
    does, as in most rows, which hold no mark twice at all)."""
    traits = [[_traits(t.text) for t in u] for u in units]
    weighed: list[tuple[bool, bool, bool]] = []
    for ws in traits:
        if len(ws) == 1:  # (most units are one word: the tests below for one word)
            w = ws[0]
            weighed.append((w[0] or w[1], w[3], w[4]))
        else:
            lone = all(w[0] or w[1] for w in ws) or (any(w[0] for w in ws) and all(w[0] or w[1] or w[2] for w in ws))
            weighed.append((lone, any(w[3] for w in ws), any(w[4] for w in ws)))
    marks = [[mark for w in ws for mark in w[5]] for ws in traits]
    every = [mark for ms in marks for mark in ms]
    if len(set(every)) == len(every):
        return weighed, None
    n = len(units)
    dup = [[False] * n for _ in range(n)]
    for j in range(n):
        seen: set[tuple[str, str]] = set()
        bad = False
        for i in range(j, n):
            for mark in marks[i]:
                bad = bad or mark in seen
                seen.add(mark)
            dup[j][i] = bad
    return weighed, dup


def _assign(
    toks: list[Tok], starts: list[float], cols: tuple[str, ...], by_order: bool, margin: float | None
) -> tuple[list[str] | None, list[list[Tok]] | None]:
    if len(toks) > MAX_ROW_WORDS:
        return None, None
    if not by_order and _search_c is not None:
        return _assign_compiled(toks, starts, cols)
    units, dist, far, dup = _prepared(toks, starts, cols, by_order)
    if len(units) > MAX_ROW_UNITS:
        return None, None
    n, c_n = len(units), len(cols)
    inf = float("inf")
    if by_order:
        fits = _Fits(units)  # (asked by both searches: each run weighed once)
        only = _only_cut(units, cols, far, dup, fits)
        if only[0] is not None or margin is None:
            return only
        return _nearest_cut(units, cols, dist, far, dup, margin, fits)
    best = [[inf] * (n + 1) for _ in range(c_n + 1)]
    back = [[0] * (n + 1) for _ in range(c_n + 1)]
    best[0][0] = 0.0
    # What is asked of the words j..i as one cell is the same for every column: each answer is
    # worked out once, when first asked (the cell's text; whether its footnote marks and "$" stand
    # where a cell's may; whether its lines are left-aligned). Only a unit holding a mark or "$"
    # can put a mark or "$" out of place, so a run without one needs no look at its words.
    flagged = [any(t.text == "$" or _MARK_RE.match(t.text) for t in u) for u in units]
    texts: dict[tuple[int, int], str] = {}
    marks_ok: dict[tuple[int, int], bool] = {}
    aligned: dict[tuple[int, int], bool] = {}
    for c, kind in enumerate(cols):
        row, nxt, nback, d, f = best[c], best[c + 1], back[c + 1], dist[c], far[c]
        text = kind in _TEXT
        longest = n if text else _MAX_TYPED_WORDS
        optional = kind not in _REQUIRED
        for j in [j for j in range(n + 1) if row[j] != inf]:  # (the runs the columns so far can end at)
            base = row[j]
            if optional and base < nxt[j]:
                nxt[j], nback[j] = base, j
            acc = base
            dup_j = dup[j] if j < n else ()
            for i in range(j + 1, min(n, j + longest) + 1):
                if f[i - 1]:
                    break
                acc += d[i - 1]
                if acc >= nxt[i] or dup_j[i - 1]:
                    continue  # (a cell has each footnote mark once: j..i holds two cells' marks)
                key = (j, i)
                if not text:
                    cell = texts.get(key)
                    if cell is None:
                        cell = texts[key] = _cell([t for u in units[j:i] for t in u])
                    if not _check_cell(kind, cell):
                        continue
                ok = marks_ok.get(key)
                if ok is None:
                    ok = marks_ok[key] = not any(flagged[j:i]) or not _marks_astray([t for u in units[j:i] for t in u])
                if not ok:
                    continue
                if text:
                    la = aligned.get(key)
                    if la is None:
                        la = aligned[key] = _left_aligned([t for u in units[j:i] for t in u])
                    if not la:
                        continue
                nxt[i], nback[i] = acc, j
    if best[c_n][n] == inf:
        return None, None
    return _traced(back, units, c_n, n)


#: What a column is to the compiled search: a typed column (0; 3: no row leaves it empty, D or I),
#: free text (1; 2: no row leaves it empty, the title; 4: the nature of ownership).
_KIND_CODES = {"title": 2, "nature": 4, "utitle": 1, "di": 3}


def _assign_compiled(
    toks: list[Tok], starts: list[float], cols: tuple[str, ...]
) -> tuple[list[str] | None, list[list[Tok]] | None]:
    """``_assign`` by position with its search compiled (``_layout_cells_c.search``): the same units,
    traits and checks, the distances and the table of best cuts worked out in C."""
    units = _units(toks)
    if len(units) > MAX_ROW_UNITS:
        return None, None
    weighed, dup = _unit_traits(units)
    flagged = [any(t.text == "$" or _MARK_RE.match(t.text) for t in u) for u in units]
    texts: dict[tuple[int, int], str] = {}
    marks_ok: dict[tuple[int, int], bool] = {}
    aligned: dict[tuple[int, int], bool] = {}

    def check(c: int, j: int, i: int) -> bool:
        # (the checks of the Python search's inner loop, each answer worked out once per run j..i)
        key = (j, i)
        kind = cols[c]
        text = kind in _TEXT
        if not text:
            cell = texts.get(key)
            if cell is None:
                cell = texts[key] = _cell([t for u in units[j:i] for t in u])
            if not _check_cell(kind, cell):
                return False
        ok = marks_ok.get(key)
        if ok is None:
            ok = marks_ok[key] = not any(flagged[j:i]) or not _marks_astray([t for u in units[j:i] for t in u])
        if not ok:
            return False
        if text:
            la = aligned.get(key)
            if la is None:
                la = aligned[key] = _left_aligned([t for u in units[j:i] for t in u])
            return la
        return True

    got = _search_c.search(
        [[(t.x0 + t.x1) / 2 for t in u] for u in units],
        starts,
        [_KIND_CODES.get(kind, 0) for kind in cols],
        cols.index("di") if "di" in cols else -1,
        [len(u) == 1 and _lone_di(u[0].text) for u in units],
        [w[0] for w in weighed],
        [1 if w[1] else 2 if w[2] else 0 for w in weighed],
        dup,
        _FAR,
        _FAR * 1.5,
        _LONE_VALUE_COST,
        _MAX_TYPED_WORDS,
        check,
        *_char_bans(units, cols),
    )
    if got is None:
        return None, None
    placed = [[t for u in units[j:i] for t in u] for j, i in got]
    return [_join(p) for p in placed], placed


def _char_bans(units: list[list[Tok]], cols: tuple[str, ...]) -> tuple[list[int] | None, list[int] | None]:
    """For the compiled search: the ASCII characters each unit's words hold (one bit each), and those
    no cell of each typed column holds (``_BANNED_CHARS``); (None, None) for a row holding a
    character past ASCII (its cells' text is normalised, which may take characters out)."""
    chars = []
    for u in units:
        bits = 0
        for t in u:
            b = _char_bits(t.text)
            if b < 0:
                return None, None
            bits |= b
        chars.append(bits)
    return chars, [_BANNED_CHARS.get(kind, 0) for kind in cols]


@functools.lru_cache(maxsize=1 << 14)
def _char_bits(text: str) -> int:
    """The ASCII characters of a word, one bit each (bit n: the character n); -1 past ASCII."""
    if not text.isascii():
        return -1
    bits = 0
    for ch in set(text):
        bits |= 1 << ord(ch)
    return bits


def _banned(allowed: str) -> int:
    """The ASCII characters not in ``allowed``, one bit each."""
    return ((1 << 128) - 1) & ~_char_bits(allowed)


# What a typed column's cell can hold, read off tables.check_cell: the cell's text is its words
# joined by spaces (an ASCII cell is not normalised); check_cell takes away its white space, its
# footnote marks ("(", digits, ")") and the commas and semicolons at its ends, and reads the rest by
# the column's pattern. A cell holding any other character is refused whatever its order: the
# compiled search asks no check of it (a test holds this to check_cell on every committed page's
# cells and on random strings).
_AROUND = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f,;()0123456789"
_BANNED_CHARS: dict[str, int] = {
    **{kind: _banned(_AROUND + "$-.") for kind in tables._NUMBER_KINDS},
    **{kind: _banned(_AROUND + "/-+:Z") for kind in tables._DATE_KINDS},
    "code": _banned(_AROUND + "ABCDEFGHIJKLMNOPQRSTUVWXYZ/"),
    "code5": _banned(_AROUND + "ABCDEFGHIJKLMNOPQRSTUVWXYZ/"),
    "v": _banned(_AROUND + "V"),
    "ad": _banned(_AROUND + "AD"),
    "di": _banned(_AROUND + "DI"),
}


@functools.lru_cache(maxsize=4096)
def _lone_di(text: str) -> bool:
    """A word that is a D or an I, its footnote marks aside."""
    return ("D" in text or "I" in text) and _MARKS_RE.sub("", text) in ("D", "I")


def _marks_astray(toks: list[Tok]) -> bool:
    """A footnote mark or "$" that cannot be the cell's own where it stands (``_mark_before_value``,
    ``_mark_apart``)."""
    return _mark_before_value(toks) or _mark_apart(toks)


def _traced(back: list[list[int]], units: list[list[Tok]], c_n: int, n: int) -> tuple[list[str], list[list[Tok]]]:
    """The cells of the cut the search chose, and each cell's words, followed back from its end
    (``back[c][i]``: where column ``c``'s cell begins when it ends before unit ``i``)."""
    cells: list[str] = [""] * c_n
    placed: list[list[Tok]] = [[] for _ in range(c_n)]
    i = n
    for c in range(c_n, 0, -1):
        j = back[c][i]
        placed[c - 1] = [t for u in units[j:i] for t in u]
        cells[c - 1] = _join(placed[c - 1])
        i = j
    return cells, placed


#: Cells' texts recur (the same words tried against each column, the same values on every page).
_check_cell = functools.lru_cache(maxsize=1 << 14)(tables.check_cell)


def _fits(kind: str, toks: list[Tok]) -> bool:
    """Can these words (in order) be one cell of this column?"""
    if kind not in _TEXT and not _check_cell(kind, _cell(toks)):
        return False
    if _mark_before_value(toks):
        return False
    return kind not in _TEXT or _left_aligned(toks)


class _Fits:
    """``_fits`` of a row's runs of units (words j..i), each answer worked out once: whether a run
    fits is the same for every column of one kind (``_FIT_CLASS``), and what it asks of the run (its
    words, its text, a mark before a value, its lines' alignment) is the same for every kind, so it
    is asked once a run. Shared by ``_only_cut`` and ``_typed_cuts`` of one row."""

    __slots__ = ("by_kind", "runs", "units")

    def __init__(self, units: list[list[Tok]]) -> None:
        self.units = units
        self.by_kind: dict[tuple[str, int, int], bool] = {}
        # (j, i) -> [words, text (None: not asked yet), mark before a value, left-aligned]
        self.runs: dict[tuple[int, int], list[Any]] = {}

    def __call__(self, kind: str, key_kind: str, j: int, i: int) -> bool:
        key = (key_kind, j, i)
        ok = self.by_kind.get(key)
        if ok is None:
            ok = self.by_kind[key] = self._fits(kind, j, i)
        return ok

    def _fits(self, kind: str, j: int, i: int) -> bool:
        # (``_fits``, its steps in its order, each step's answer kept for the run)
        run = self.runs.get((j, i))
        if run is None:
            run = self.runs[(j, i)] = [[t for u in self.units[j:i] for t in u], None, None, None]
        text = kind in _TEXT
        if not text:
            cell = run[1]
            if cell is None:
                cell = run[1] = _cell(run[0])
            if not _check_cell(_CHECKED_AS.get(kind, kind), cell):
                return False
        before = run[2]
        if before is None:
            before = run[2] = _mark_before_value(run[0])
        if before:
            return False
        if not text:
            return True
        aligned = run[3]
        if aligned is None:
            aligned = run[3] = _left_aligned(run[0])
        return bool(aligned)


def _only_cut(
    units: list[list[Tok]],
    cols: tuple[str, ...],
    far: list[list[bool]],
    dup: list[list[bool]],
    fits: _Fits | None = None,
) -> tuple[list[str] | None, list[list[Tok]] | None]:
    """The row's cells when exactly one cut of its words (in order) reads as the columns' types;
    None when none does or several do. Whether a run fits is asked as ``_typed_cuts`` asks it: once
    for every column of one kind (``fits``, kept for it where the row goes on to be weighed by
    distance), and not for a run holding a character the column's cells never hold, nor any longer one."""
    n, c_n = len(units), len(cols)
    ways = [[0] * (n + 1) for _ in range(c_n + 1)]  # how many cuts put units[:i] in cols[:c] (2: many)
    back = [[0] * (n + 1) for _ in range(c_n + 1)]
    ways[0][0] = 1
    fits = _Fits(units) if fits is None else fits
    chars, bans = _char_bans(units, cols)
    for c, kind in enumerate(cols):
        longest = n if kind in _TEXT else _MAX_TYPED_WORDS
        key_kind = _FIT_CLASS.get(kind, kind)
        ban = bans[c] if chars is not None and bans is not None else 0
        for j in range(n + 1):
            w = ways[c][j]
            if not w:
                continue
            if kind not in _REQUIRED:
                ways[c + 1][j] = min(2, ways[c + 1][j] + w)
                back[c + 1][j] = j
            held = 0
            for i in range(j + 1, min(n, j + longest) + 1):
                if far[c][i - 1]:
                    break
                if ban:
                    held |= chars[i - 1]  # type: ignore[index]
                    if held & ban:
                        break
                if dup[j][i - 1] or not fits(kind, key_kind, j, i):
                    continue
                ways[c + 1][i] = min(2, ways[c + 1][i] + w)
                back[c + 1][i] = j
    if ways[c_n][n] != 1:
        return None, None
    return _traced(back, units, c_n, n)


def typed_cuts(
    toks: list[Tok], starts: list[float], cols: tuple[str, ...]
) -> list[tuple[float, list[list[Tok]]]] | None:
    """Every cut of the row's words (in order) whose cells read as the columns' types and make a
    row the form can print, with each cut's distance from the columns, nearest first; None when
    there are too many to weigh (or the row is longer than any the form prints)."""
    if len(toks) > MAX_ROW_WORDS:
        return None
    units, dist, far, dup = _prepared(toks, starts, cols, True)
    if len(units) > MAX_ROW_UNITS:
        return None
    return _typed_cuts(units, cols, dist, far, dup)


def position_cuts(
    toks: list[Tok], starts: list[float], cols: tuple[str, ...]
) -> list[tuple[float, list[list[Tok]]]] | None:
    """As ``typed_cuts``, with every word within a cut by position's reach of its column (no word
    too far off its heading): every such cut that makes a row the form can print, nearest first."""
    if len(toks) > MAX_ROW_WORDS:
        return None
    units, dist, far, dup = _prepared(toks, starts, cols, False)
    if len(units) > MAX_ROW_UNITS:
        return None
    return _typed_cuts(units, cols, dist, far, dup)


def _nearest_cut(
    units: list[list[Tok]],
    cols: tuple[str, ...],
    dist: list[list[float]],
    far: list[list[bool]],
    dup: list[list[bool]],
    margin: float,
    fits: _Fits | None = None,
) -> tuple[list[str] | None, list[list[Tok]] | None]:
    """Of the cuts by type (``_typed_cuts``), the only one; or the one nearest the columns, when
    every other lies at least ``margin`` characters farther off; else none."""
    cuts = _typed_cuts(units, cols, dist, far, dup, fits)
    if not cuts or (len(cuts) > 1 and cuts[1][0] - cuts[0][0] < margin):
        return None, None
    return [_join(p) for p in cuts[0][1]], cuts[0][1]


def _typed_cuts(
    units: list[list[Tok]],
    cols: tuple[str, ...],
    dist: list[list[float]],
    far: list[list[bool]],
    dup: list[list[bool]],
    fits: _Fits | None = None,
) -> list[tuple[float, list[list[Tok]]]] | None:
    """The cuts whose cells read as the columns' types (words in order) and make a row the form can
    print (``_a_row``), each with its distance from the columns, nearest first; None when there
    are too many to weigh. (``fits``: what ``_only_cut`` found of the same row's runs.)"""
    n, c_n = len(units), len(cols)
    # Worked out from the last column back: where each column's cell can end when it begins at unit
    # j, among the ends the columns after it can go on from (``ends[c][j]``), and how many cuts of
    # units[j:] into cols[c:] there are (``ways``, counted up to one past _MAX_CUTS). A cell is
    # weighed only where the rest of the row can follow it (a long title's every run of words was
    # weighed before, most of them leaving words no column after it takes), and whether the words
    # j..i fit is asked once for every column of one kind (the free-text columns' test is one).
    # A run holding a character no cell of a typed column holds (``_BANNED_CHARS``) is not asked
    # about, nor is any longer run from the same unit (an ASCII row's only).
    fits = _Fits(units) if fits is None else fits
    chars, bans = _char_bans(units, cols)
    ends: list[list[list[int]]] = [[] for _ in range(c_n)]
    ways = [[0] * (n + 1) for _ in range(c_n + 1)]
    ways[c_n][n] = 1
    for c in range(c_n - 1, -1, -1):
        kind = cols[c]
        text = kind in _TEXT
        key_kind = _FIT_CLASS.get(kind, kind)
        longest = n if text else _MAX_TYPED_WORDS
        optional = kind not in _REQUIRED
        later, f, mine = ways[c + 1], far[c], ways[c]
        ban = bans[c] if chars is not None and bans is not None else 0
        for j in range(n + 1):
            out = [j] if optional and later[j] else []
            total = later[j] if out else 0  # (the cuts of units[j:] into cols[c:] counted as found)
            held = 0
            for i in range(j + 1, min(n, j + longest) + 1):
                if f[i - 1]:
                    break
                if ban:
                    held |= chars[i - 1]  # type: ignore[index]
                    if held & ban:
                        break
                if not later[i] or dup[j][i - 1]:
                    continue
                if fits(kind, key_kind, j, i):
                    out.append(i)
                    total += later[i]
            ends[c].append(out)
            mine[j] = min(_MAX_CUTS + 1, total)
    if not ways[0][0]:
        return []
    if ways[0][0] > _MAX_CUTS:
        return None  # too many cuts to weigh: the page does not tell
    found: list[tuple[float, list[int]]] = []  # (distance, where each column's cell ends)
    path: list[int] = []
    # A transaction's date is a date: its column holding footnote marks alone is no date shown (a
    # title's mark raised a line and set right of its words, pypdf's "(1)" ten characters past
    # "Common Stock", would be read as the date cell and push the date into the deemed date's).
    on = cols.index("date") if "date" in cols else -1
    valued = [any(not _MARK_RE.match(t.text) for t in u) for u in units]

    def walk(c: int, j: int, cost: float) -> None:
        if c == c_n:
            filled = [e > b for b, e in zip([0, *path[:-1]], path, strict=True)]
            if on >= 0 and filled[on]:
                filled[on] = any(valued[(path[on - 1] if on else 0) : path[on]])
            if _a_row(cols, filled):
                found.append((cost, list(path)))
            return
        for i in ends[c][j]:
            path.append(i)
            walk(c + 1, i, cost + sum(dist[c][j:i]))
            path.pop()

    walk(0, 0, 0.0)
    found.sort(key=lambda e: e[0])
    return [
        (cost, [[t for u in units[j:i] for t in u] for j, i in zip([0, *cut[:-1]], cut, strict=True)])
        for cost, cut in found
    ]


#: Columns whose cells fit alike (``_fits``): the free-text columns (no check of their text), and the
#: columns ``tables.check_cell`` reads by one rule (every number, every date; a test holds it).
_FIT_CLASS: dict[str, str] = {
    **{kind: "" for kind in _TEXT},
    **{kind: "number" for kind in tables._NUMBER_KINDS},
    **{kind: "date" for kind in tables._DATE_KINDS},
}

#: The kind a column's cells are checked as (``tables.check_cell`` reads every number column by one
#: rule, every date column by one): one memo entry for a text, whichever column asks.
_CHECKED_AS: dict[str, str] = {
    **{kind: "amount" for kind in tables._NUMBER_KINDS},
    **{kind: "date" for kind in tables._DATE_KINDS},
}

#: More cuts than this that read as the columns' types: the row is not weighed.
_MAX_CUTS = 2000
#: A transaction's cells (Table I's and Table II's): a row with any of them has its date and code.
_TRANSACTION_CELLS = frozenset(("deemed", "v", "amount", "ad", "price", "a", "d"))


def _a_row(cols: tuple[str, ...], filled: list[bool]) -> bool:
    """Can the form print this row? A transaction shows its date and its code; a holding neither,
    nor an amount acquired or disposed, a price, a deemed date. So a lone date next to the
    transaction date's column is that date, and a lone number on a holding's row is the amount
    owned, whatever the page's positions say."""
    if "date" not in cols:
        return True
    has = {c for c, f in zip(cols, filled, strict=True) if f}
    code = "code" in has or "code5" in has
    if ("date" in has) != code:
        return False
    return code or not (has & _TRANSACTION_CELLS)
