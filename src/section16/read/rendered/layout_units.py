"""A laid-out table row's words grouped into units that must share a cell (a cell's wrapped lines, a
footnote mark beside or under its value), a cell's text joined from its words, and the traits the row
search (:mod:`.layout_cells`) asks of each word, worked out once per spelling."""

from __future__ import annotations

import functools
import itertools
import operator
import os
import re
from typing import Any

from .cells import normalize, runs_on
from .layout_words import _MARK_RE, _NUMBER_TOKEN_RE, Tok

_LONE_VALUE_RE = re.compile(r"^(?:\$?-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|\$?-?\d+\.\d+|\$\d+|\d{1,2}/\d{1,2}/\d{4})$")
_DATE_RE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}(?:\(\d{1,3}\))*$")
_GROUPED_RE = re.compile(r"^\$?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_MARK_IN_RE = re.compile(r"\((\d{1,3})\)|([¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
_BARE_NUMBER_RE = re.compile(r"^\d+$")


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
    if len(toks) == 1:
        return toks[0].text  # (most cells are one word)
    out = ""
    last_line = None
    for t in sorted(toks, key=_LINE_X):
        if not out:
            out = t.text
        # A word goes on at the next line's start without a space where the page broke it: after its
        # hyphen or after a "?" between letters (cells.runs_on), or at a "/" ("08/26/" over "1998",
        # "08/26" over "/1998").
        elif t.line != last_line and (
            runs_on(out, t.text)
            or (out[-2:-1].isalnum() and out[-1] == "/")
            or (t.text[:1] == "/" and out[-1:].isalnum())
        ):
            out += t.text
        else:
            out += " " + t.text
        last_line = t.line
    return out


_LINE_X = operator.attrgetter("line", "x0")  # (a sort key made in C)

# The units worked out in C (``_layout_cells_c.units``, where it is built; not with
# SECTION16_PURE_PYTHON=1): the same rules in the same order, so the same units (a test groups every
# committed page's rows and random rows both ways).
_units_c: Any = None
if not os.environ.get("SECTION16_PURE_PYTHON"):
    try:
        from . import _layout_cells_c as _units_c
    except ImportError:  # not built here
        pass


def _units(toks: list[Tok], one_value: bool = False) -> list[list[Tok]]:
    """Words that must share a cell: words of different lines standing one over the other (a cell's
    wrapped lines, a footnote mark under its value), and a footnote mark printed one space after a
    word. Ordered left to right. ``one_value``: a footnote mark or "$" touching two values goes with
    the first only (for rows cut by their words' types, off their headings' grid)."""
    if _units_c is not None:
        return _units_c.units(toks, one_value, _word_kind, _MARK_RE.match)  # type: ignore[no-any-return]
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
    valued = [k == "v" for k in kinds]  # each group's: does it hold a value?
    worded = _marks_after_words(toks, kinds)
    for p, a in enumerate(order):
        ta = toks[a]
        for b in order[p + 1 :]:
            tb = toks[b]
            if tb.x0 > ta.x1 + 1:
                break
            if ta.line != tb.line:
                joined = tb.x0 <= ta.x1  # touching counts: a layout moves words
                if not joined and abs(ta.line - tb.line) == 1 and kinds[a] == "v" and _MARK_RE.match(tb.text):
                    # A footnote mark raised a line above or below, one space after its value
                    # ("04/08/2018" and its "(2)"): the value's (a mark follows its value), unless
                    # it stands over or under another word (that word's: "(1)" over "8,549").
                    joined = tb.x0 - ta.x1 <= 1 and not any(
                        u.line != tb.line and u.x0 <= tb.x1 and tb.x0 <= u.x1 for u in toks
                    )
                # A value is printed on one line: a word over or under it belongs to another cell
                # (only its "$" and footnote marks may stand apart). A footnote mark or "$" on a
                # line of its own goes with a value or a mark, not with words: it would bridge a
                # value to the words of the cell beside it.
                ka, kb = kinds[a], kinds[b]
                if ka != kb and "w" in (ka, kb):
                    joined = False
                # A footnote mark one space after a word of its line is that word's ("Stock (3)"):
                # it does not also take a value over or under it (another cell's, "1,412,997"),
                # which would run the two cells into one.
                if (worded[a] and kb == "v") or (worded[b] and ka == "v"):
                    joined = False
            else:
                left, right = (ta, tb) if ta.x0 < tb.x0 else (tb, ta)
                joined = right.x0 - left.x1 <= 1 and bool(_MARK_RE.match(right.text))
            ra, rb = root(a), root(b)
            if (
                one_value
                and joined
                and ra != rb
                and valued[ra]
                and valued[rb]
                and (kinds[a], kinds[b]) != ("v", "v")
                and ta.line != tb.line
            ):
                # A footnote mark or "$" over one value and under another would bridge them: one
                # cell holds one value, so it goes with the value it reached first, not both (two
                # values standing one over the other are still joined: two rows' lines taken as one
                # row's, refused).
                joined = False
            if joined:
                parent[rb] = ra
                valued[ra] = valued[ra] or valued[rb]
    groups: dict[int, list[Tok]] = {}
    for k, t in enumerate(toks):
        groups.setdefault(root(k), []).append(t)
    return sorted(groups.values(), key=lambda u: min(t.x0 for t in u))


def _marks_after_words(toks: list[Tok], kinds: list[str]) -> list[bool]:
    """Which words are footnote marks printed one space after a word of their line."""
    out = [False] * len(toks)
    for k, t in enumerate(toks):
        if kinds[k] == "m" and t.text != "$":
            out[k] = any(kinds[j] == "w" and u.line == t.line and 0 < t.x0 - u.x1 <= 1 for j, u in enumerate(toks))
    return out


_NUMBER_OR_DATE_RE = re.compile(r"^\$?\d[\d,]*(?:\.\d+)?$|^\d{1,2}/\d{1,2}/\d{4}")


def _mark_before_value(toks: list[Tok]) -> bool:
    """A footnote mark printed left of another word of its line (a mark follows its value or text,
    so the mark is the cell's before: a price's "(1)" beside the next column's number), or a "$"
    right of a number (a "$" leads its value: it is the next cell's)."""
    for m in toks:
        if _MARK_RE.match(m.text):
            if any(v.line == m.line and v.x0 > m.x0 and not _MARK_RE.match(v.text) for v in toks):
                return True
            # Nor does a mark raised above a value stand clear left of it ("(12)" three spaces
            # up-left of "04/04/2022": the exercise date's mark, shown alone, beside the expiration
            # date; a superscript risen off its line may drift a space or two left).
            if any(v.line > m.line and v.x0 - m.x1 > 2 and _NUMBER_OR_DATE_RE.match(v.text) for v in toks):
                return True
        elif m.text == "$":
            if any(v.line == m.line and v.x0 < m.x0 and _NUMBER_TOKEN_RE.match(v.text) for v in toks):
                return True
    return False


#: A footnote mark follows its value one space after it (two where a layout rounds): one standing
#: farther right of the word before it on its line is another cell's.
_MARK_GAP = 4


def _mark_apart(toks: list[Tok]) -> bool:
    """Does a footnote mark stand more than :data:`_MARK_GAP` characters right of the word before it
    on its line ("1,429.00" ... "(1)": the mark is the next column's, a price shown by its mark)? Or,
    alone on its line and under or over none of the cell's words, more than :data:`_RAISED_GAP`
    right of every word of the cell (on the lines beside it): a mark a line off its value stands a
    few characters right of it at most (the next column's "(2)" 10 characters right of the
    underlying amount a line above)."""
    for m in toks:
        if _MARK_RE.match(m.text):
            before = [v.x1 for v in toks if v.line == m.line and v.x1 <= m.x0]
            if before:
                if m.x0 - max(before) > _MARK_GAP:
                    return True
                continue
            words = [v for v in toks if v.line != m.line and not _MARK_RE.match(v.text)]
            if words and all(abs(v.line - m.line) == 1 and m.x0 - v.x1 > _RAISED_GAP for v in words):
                return True
    return False


#: How far right of its value a footnote mark raised (or lowered) a line may stand (a layout sets a
#: superscript a few characters off: pypdf up to six).
_RAISED_GAP = 8


def raised_apart(toks: list[Tok]) -> list[Tok]:
    """The footnote marks that make a cell's marks apart (:func:`_mark_apart`) only by standing alone
    on their line, a line off the cell's words and farther right of them than :data:`_RAISED_GAP`;
    empty where a mark is apart otherwise (or none is). Such a mark may be the cell's own raised
    farther (pypdf sets a title's "(1)" ten characters past "Common Stock") or another cell's."""
    if not _mark_apart(toks):
        return []
    raised = []
    for m in toks:
        if _MARK_RE.match(m.text) and not any(v.line == m.line and v is not m for v in toks):
            words = [v for v in toks if v.line != m.line and not _MARK_RE.match(v.text)]
            if words and all(abs(v.line - m.line) == 1 and m.x0 - v.x1 > _RAISED_GAP for v in words):
                raised.append(m)
    rest = [t for t in toks if t not in raised]
    return raised if raised and not _mark_apart(rest) else []


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


@functools.lru_cache(maxsize=1 << 14)
def _traits(text: str) -> tuple[bool, bool, bool, bool, bool, tuple[tuple[str, str], ...]]:
    """What the row's search asks of a word, worked out once per spelling (words recur: "D", "(1)",
    "$", the same values): a lone value, "$", footnote marks alone, grouped in thousands, a date,
    and the footnote marks it holds."""
    return (
        bool(_LONE_VALUE_RE.match(text)),
        text == "$",
        bool(_MARK_RE.match(text)),
        bool(_GROUPED_RE.match(text)),
        bool(_DATE_RE.match(text)),
        tuple(_MARK_IN_RE.findall(text)),
    )


@functools.lru_cache(maxsize=1 << 14)
def _word_kind(text: str) -> str:
    """v: a lone value, m: footnote marks or "$", w: a word. A bare number ("500") is a value here:
    a footnote mark under it is its own (a title's or a nature's numbers stand among their words)."""
    if _LONE_VALUE_RE.match(text) or _BARE_NUMBER_RE.match(text):
        return "v"
    return "m" if text == "$" or _MARK_RE.match(text) else "w"
