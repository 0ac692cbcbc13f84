"""Which lines of a laid-out table make which row, besides the cut of back-to-back rows
(``layout_rows.py``): rows parted by blank lines (and by a page break where the next page starts
with a value), the first row's nature of ownership standing above its values under the heading,
rows read as centred that stand over a page break, and a cell run on past a break."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from . import layout_rows
from .layout_units import _word_kind
from .layout_words import Tok


def _group_by_blank(data: list[int], anchors: list[int], parted: Collection[int] = ()) -> dict[int, int] | None:
    """Row of each line when blank lines separate the rows (one anchor per group), else None. A line
    of ``parted`` starts a group as a blank line before it would."""
    groups: list[list[int]] = []
    for i in data:
        if groups and i == groups[-1][-1] + 1 and i not in parted:
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


def _valued_page_tops(data: list[int], toks_by_line: dict[int, list[Tok]], pages: Sequence[int] | None) -> set[int]:
    """The first lines of pages (``pdftotext`` prints no blank line at a page break) that hold a
    value (an amount, a price, a date): what a row the break cut runs on with holds none, so such
    a line starts a row as a blank line before it would."""
    if not pages:
        return set()
    return {
        i
        for i in data
        if i > 0
        and pages[i] != pages[i - 1]
        and any(layout_rows._TYPED_VALUE_RE.match(t.text) for t in toks_by_line[i])
    }


def _straddles(rows_of: dict[int, int], pages: Sequence[int]) -> bool:
    """Does a row take lines of two pages?"""
    seen: dict[int, int] = {}
    return any(seen.setdefault(r, pages[i]) != pages[i] for i, r in rows_of.items())


def _natures_above(toks_by_line: dict[int, list[Tok]], start: int, stop: int, nature: float) -> set[int]:
    """The lines above the first row's values that hold words in the nature of ownership's column
    and no word left of it (a "$" or a number at most), below the line that ends that column's
    heading ("(Instr. 4)"): the first row's nature ("Shares" / "owned" / "of" / "record" / "by
    ..."), centred on its row, starts above the row's values, and its words may read as heading
    words."""
    edge = nature - 2
    ends = [
        i
        for i in range(start, stop)
        if any(t.text.startswith("(Instr") and t.x0 >= edge for t in toks_by_line.get(i, ()))
    ]
    if not ends:
        return set()
    return {
        i
        for i in range(ends[-1] + 1, stop)
        if any(t.x0 >= edge for t in toks_by_line.get(i, ()))
        and not any(c.isalpha() for t in toks_by_line[i] if t.x0 < edge for c in t.text)
    }


def _run_on(toks: list[Tok], pages: Sequence[int], placed: set[int]) -> list[Tok]:
    """A row's words past a page break on a page holding no row of its own: nothing there shows
    where that page prints the columns. They continue the one cell that reaches the foot of the
    row's own page (the break cut it), left-aligned as its lines above: moved under it. Where more
    than one cell reaches the foot, or the words past the break are not one left-aligned run, they
    stay where they are."""
    if not toks:
        return toks
    own = pages[min(t.line for t in toks)]
    later = [t for t in toks if pages[t.line] != own and pages[t.line] not in placed]
    if not later:
        return toks
    foot = max(t.line for t in toks if pages[t.line] == own)
    last = [t for t in toks if t.line == foot]
    lefts = {t.line: t.x0 for t in sorted(later, key=lambda t: -t.x0)}  # each line's first word
    if len(last) != 1 or max(lefts.values()) - min(lefts.values()) > 1:
        return toks
    if _word_kind(last[0].text) == "w" and {_word_kind(t.text) for t in later} == {"v", "m"}:
        return toks  # (a value with its "$" or marks, "$" / "305.62" / "(1)", goes on no title or nature)
    shift = last[0].x0 - min(lefts.values())
    return [Tok(t.line, t.x0 + shift, t.x1 + shift, t.text) if t in later else t for t in toks]


#: Why a table was not read when a row's nature of ownership holds two that run together (after the
#: nature, quoted: the row's own lines, so the other table stands).
NATURES_JOINED = "holds two natures of ownership, each starting 'By': two rows' lines cut into one"


def _natures_joined(placed: Sequence[list[list[Tok]]], nature: int) -> str | None:
    """A row's nature of ownership whose first line starts "By" and a later line starts "By" again
    ("By Philip" / ... / "24, 2015" / "By Philip" / "Singleton"): a nature is one phrase starting
    so, and the second is the next row's first lines, cut into this row (back-to-back rows whose
    natures are their tallest cells). The nature's words, or None."""
    for cut in placed:
        toks = cut[nature]
        firsts = [
            min((t for t in toks if t.line == i), key=lambda t: t.x0).text for i in sorted({t.line for t in toks})
        ]
        if len(firsts) > 1 and firsts[0] == "By" and "By" in firsts[1:]:
            return " ".join(t.text for t in sorted(toks, key=lambda t: (t.line, t.x0)))
    return None
