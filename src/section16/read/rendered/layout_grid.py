"""More landmarks for mapping a later page of a laid-out table onto its heading page's grid: the
typed values of rows that print alike on both pages.

``pdftotext -layout`` lays each page out on its own grid of characters and closes up empty space
unevenly (a column of short values shrinks more than the title's), so a page mapped by its dates and
its column of D's and I's alone (:mod:`.layout_pages`) may still put a code under the deemed date's
heading, or a Form 3's exercise date inside the title. A row's line of values reads the same on every
page: the same kinds of value in the same order ("Preferred  (1)  02/21/2013  C  12,584  12,584  $0
0  I": a footnote mark, a date, a code, numbers, a D or I). So a line whose *signature* (the kinds
of its values, in order) is also a line's on the heading page shows where each of those columns
moved: the k-th value of such lines is the same column on both pages.

Only what cannot mislead is kept: a kind of value that stands in the same place (within
:data:`_SPREAD` characters) on every such line of both pages (rows of one signature may hold their
amount under (A) on one row and (D) on the next: that value shows no column and is left aside), and
only knots that keep the order of the knots already found (a page's knots never cross)."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence

from .layout_words import _MARK_RE, _NUMBER_TOKEN_RE, Tok, _is_heading_line, _tokens

_DATE_RE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}")
#: A transaction code, a D or I, an A or D (a capital letter, its footnote marks after it).
_LETTER_RE = re.compile(r"^[A-Z](?:\(\d{1,3}\))*$")
#: How far apart the lines of one signature may print one of its values and still show its column.
_SPREAD = 4.0
#: A line shows a signature of at least this many values (one value alone says nothing of its column).
_LEAST = 2
#: Signatures weighed at most, of each kind (a page prints a few dozen rows; a hostile page of
#: thousands of different lines would weigh each against all the knots found).
_MOST = 64

Knots = list[tuple[float, float]]


@functools.lru_cache(maxsize=1 << 14)
def _kind(text: str) -> str | None:
    """The kind of value a word is (d: a date, $: a lone dollar sign, n: a number, L: a code or a D
    or I, m: footnote marks), or None for a word of text (titles, natures wrap differently on
    different pages, so they are no landmark)."""
    if _DATE_RE.match(text):
        return "d"
    if text == "$":
        return "$"
    if _NUMBER_TOKEN_RE.match(text):
        return "n"
    if _LETTER_RE.match(text):
        return "L"
    if _MARK_RE.match(text):
        return "m"
    return None


@functools.lru_cache(maxsize=4096)
def _signature(line: str) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """A line's values: their kinds in order and where each stands (its middle). A footnote mark
    one space after a word is that word's (a title's "Stock (2)"), not a cell of its own."""
    # (A table's lines are weighed again for each way it is read: each line once, by its text.)
    kinds: list[str] = []
    xs: list[float] = []
    prev: Tok | None = None
    for t in _tokens(line, 0):
        k = _kind(t.text)
        after_word = prev is not None and t.x0 - prev.x1 <= 1
        prev = t
        if k is None or (k == "m" and after_word):
            continue
        kinds.append(k)
        xs.append(t.mid)
    return tuple(kinds), tuple(xs)


def _signatures(
    lines: list[str], numbers: Sequence[int], marks: bool = True
) -> dict[tuple[str, ...], list[tuple[float, ...]]]:
    """The lines' signatures, each with where each of its lines prints its values. ``marks=False``:
    their values only, footnote marks left out (a superscript rises to the line above on one page
    and not on another: "(1)  (1)" over a row's values, or among them)."""
    out: dict[tuple[str, ...], list[tuple[float, ...]]] = {}
    for i in numbers:
        kinds, xs = _signature(lines[i])
        if not marks and "m" in kinds:
            kept = [(k, x) for k, x in zip(kinds, xs, strict=True) if k != "m"]
            kinds, xs = tuple(k for k, _x in kept), tuple(x for _k, x in kept)
        if len(kinds) >= _LEAST and not _is_heading_line(lines[i], i):
            out.setdefault(kinds, []).append(xs)
    return out


def _places(rows: list[tuple[float, ...]]) -> list[float | None]:
    """Where lines of one signature print each of its values (their middle place), or None for a
    value they print in different places (more than :data:`_SPREAD` characters apart)."""
    out: list[float | None] = []
    for k in range(len(rows[0])):
        xs = sorted(r[k] for r in rows)
        out.append(xs[len(xs) // 2] if xs[-1] - xs[0] <= _SPREAD else None)
    return out


def _in_order(knots: Knots) -> bool:
    return all(a1 > a0 and b1 > b0 for (a0, b0), (a1, b1) in itertools.pairwise(knots))


def with_row_landmarks(knots: Knots, lines: list[str], ref_numbers: Sequence[int], numbers: Sequence[int]) -> Knots:
    """``knots`` (``(from, to)``, increasing: a later page's map to the heading page's grid) with the
    values of lines that print alike on both pages added: ``numbers`` are the later page's lines of
    the table, ``ref_numbers`` the heading page's. Signatures with more values are weighed first
    (they place more columns at once); a signature whose knots would cross those found so far is
    left aside."""
    if not ref_numbers:
        return knots
    out = list(knots)
    # Whole lines first, then their values alone (where marks moved to a line of their own).
    for marks in (True, False):
        ref = _signatures(lines, ref_numbers, marks)
        if not ref:
            return out
        here = _signatures(lines, numbers, marks)
        common = sorted((s for s in here if s in ref), key=lambda s: (-len(s), -(len(here[s]) + len(ref[s])), s))
        for s in common[:_MOST]:
            pairs: Knots = []
            for a, b in zip(_places(here[s]), _places(ref[s]), strict=True):
                if a is not None and b is not None:
                    pairs.append((a, b))
            trial = sorted(set(out) | set(pairs))
            if pairs and _in_order(trial):
                out = trial
    return out
