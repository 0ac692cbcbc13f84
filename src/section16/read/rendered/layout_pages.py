"""Tables that run over several pages of laid-out text: ``pdftotext -layout`` lays each page out on
its own grid of characters, so a table's rows on a later page (and a heading the page break cut in
two) stand elsewhere than the heading's columns, and not by one stretch. Each later page is mapped
to the heading page's grid piecewise-linearly, by landmarks its rows share with the heading page's
rows: their dates, a transaction's date, the amount owned just before the D or I, and the column of
D's and I's."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import tables
from .layout_grid import with_row_landmarks
from .layout_words import _MARK_RE, _MARKS_RE, _NUMBER_TOKEN_RE, _WORD_RE, Tok, _is_heading_line, _tokens


def _heading_on_one_grid(head: list[str], pages: Sequence[int]) -> list[str]:
    """A heading the page break cut in two, its upper lines laid out again on the grid of its lower
    page (where the sub-headings and the rows are). The heading lines end with the words of the
    last column (Nature of Ownership): where they end on each page gives the stretch."""
    last = pages[-1]

    def nature_x(p: int) -> float | None:
        # Where the heading's lines end: its last column's words, left-aligned there, are much
        # alike in length ("Beneficial", "Ownership", "(Instr. 4)").
        xs = [float(len(ln.rstrip())) for ln, q in zip(head, pages, strict=True) if q == p and ln.strip()]
        return max(xs) if xs else None

    ref = nature_x(last)
    out = []
    for ln, p in zip(head, pages, strict=True):
        here = nature_x(p) if p != last else None
        if ref is None or not here or abs(ref / here - 1) <= 0.02:
            out.append(ln)
            continue
        laid = ""
        for m in _WORD_RE.finditer(ln):  # word by word: a single space may part two columns' words
            x = round(m.start() * ref / here)
            laid = laid.ljust(max(x, len(laid) + 1 if laid else 0)) + m.group(0)
        out.append(laid)
    return out


def _scaled(toks: list[Tok], scale: tuple[tuple[float, float], ...] | None) -> list[Tok]:
    """The words moved by a page's piecewise-linear map (``(from, to)`` knots, increasing)."""
    if not scale:
        return toks

    def move(x: float) -> int:
        for (a0, b0), (a1, b1) in itertools.pairwise(scale):
            if x <= a1:
                return round(b0 + (x - a0) * (b1 - b0) / (a1 - a0))
        a_last, b_last = scale[-1]
        return round(x - a_last + b_last)

    out: list[Tok] = []
    for t in toks:
        prev = out[-1] if out else None
        if prev is not None and prev.line == t.line and _MARK_RE.match(t.text) and t.x0 - toks[len(out) - 1].x1 <= 1:
            # A footnote mark one space after its value stays one space after it.
            x0 = prev.x1 + (t.x0 - toks[len(out) - 1].x1)
            out.append(Tok(t.line, x0, x0 + (t.x1 - t.x0), t.text))
        else:
            out.append(Tok(t.line, move(t.x0), move(t.x0) + (t.x1 - t.x0), t.text))
    return out


_CODE_TOKEN_RE = re.compile(r"^[A-Z](?:\(\d{1,3}\))*$")
_DATE_TOKEN_RE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}")
#: A word of letters (a nature's or a title's, not a number or a footnote mark).
_WORD_ONLY_RE = re.compile(r"^[A-Za-z][A-Za-z.,&'-]*$")


@dataclass(frozen=True, slots=True)
class _Marks:
    """Where a page prints its rows' dates (by how many dates a row has: the k-th date of such rows
    is the same column on every page) and their D or I."""

    dates: dict[int, list[float]]
    di: float | None
    #: The transaction's date: a date followed by a transaction code.
    tx_date: float | None = None
    #: The amount owned after: the number just before the row's D or I.
    after: float | None = None
    #: The nature of ownership: the words just after the row's D or I.
    nature: float | None = None


def _middle(xs: list[float]) -> float:
    return sorted(xs)[len(xs) // 2]


def _landmarks(lines: list[str], numbers: list[int]) -> _Marks:
    """Where the rows on these lines print their dates (the k-th of rows with as many), their
    transaction's date and their D or I; the middle place of each. The Ownership Form's D or I is
    the rightmost column of lone D's and I's (the (A)/(D) and Code columns hold some too)."""
    dates: dict[int, list[list[float]]] = {}
    lone: list[float] = []
    tx: list[float] = []
    before: list[tuple[float, float]] = []  # (number's x0, its D or I's middle)
    behind: list[tuple[float, float]] = []  # (the words' x0 after a D or I, its D or I's middle)
    for i in numbers:
        ts = _tokens(lines[i], i)
        if len(ts) < 2 or _is_heading_line(lines[i], i):
            continue
        # (A D or I one space after a word ends that word's cell, not the Ownership Form column:
        # a nature's "Trust I" on a line of its own.)
        lone.extend(
            v.mid
            for u, v in itertools.pairwise(ts)
            if _MARKS_RE.sub("", v.text) in ("D", "I") and not (v.x0 - u.x1 < 2 and _WORD_ONLY_RE.match(u.text))
        )
        plain = [t for t in ts if not _MARK_RE.match(t.text)]
        before.extend(
            (float(u.x0), v.mid)
            for u, v in itertools.pairwise(plain)
            if _NUMBER_TOKEN_RE.match(u.text) and _MARKS_RE.sub("", v.text) in ("D", "I")
        )
        behind.extend(
            (float(v.x0), u.mid)
            for u, v in itertools.pairwise(plain)
            if _MARKS_RE.sub("", u.text) in ("D", "I") and v.x0 - u.x1 >= 2 and not _NUMBER_TOKEN_RE.match(v.text)
        )
        if len(ts) < 3:
            continue
        xs = [float(u.x0) for u in ts[1:] if _DATE_TOKEN_RE.match(u.text)]
        if xs:
            dates.setdefault(len(xs), []).append(xs)
        pairs = itertools.pairwise(ts)
        tx.extend(float(u.x0) for u, v in pairs if _DATE_TOKEN_RE.match(u.text) and _CODE_TOKEN_RE.match(v.text))
    di = _rightmost_column(lone)
    after = [x for x, d in before if di is not None and abs(d - di) <= 4]
    nature = [x for x, d in behind if di is not None and abs(d - di) <= 4]
    return _Marks(
        {n: [_middle([r[k] for r in rows]) for k in range(n)] for n, rows in dates.items()},
        di,
        _middle(tx) if tx else None,
        _middle(after) if after else None,
        _middle(nature) if nature else None,
    )


def _rightmost_column(xs: list[float]) -> float | None:
    """The middle of the rightmost cluster of places (within 4 characters of each other) that holds
    at least a third as many as the largest one."""
    if not xs:
        return None
    groups: list[list[float]] = []
    for x in sorted(xs):
        if groups and x - groups[-1][-1] <= 4:
            groups[-1].append(x)
        else:
            groups.append([x])
    big = max(len(g) for g in groups)
    return _middle(next(g for g in reversed(groups) if 3 * len(g) >= big))


Knots = tuple[tuple[float, float], ...]


def _page_scales(
    lines: list[str],
    first: int,
    end: int,
    pages: Sequence[int],
    table: int,
    starts: list[float],
    head_page: int | None = None,
) -> dict[int, Knots]:
    """How to move the words of each later page of a table to where the heading's page prints them.
    A layout program places each page on its own grid of characters (``pdftotext -layout`` fits each
    page to its widest lines), so rows that run on to the next page stand at other character positions
    than their headings, and not by one stretch. The table's left edge stays put; the rows' dates
    and their D or I on each page show where the rest moved (a piecewise-linear map)."""
    by_page: dict[int, list[int]] = {}
    for i in range(first, end):
        by_page.setdefault(pages[i], []).append(i)
    # (``head_page``: the grid the heading's columns were found on, where a page break cut it and
    # its upper lines were kept as printed; by default the page of its last line.)
    head_page = pages[first - 1] if head_page is None else head_page
    if all(p == head_page for p in by_page):
        return {}  # the table does not run on to another page: nothing to move
    ref = _landmarks(lines, by_page.get(head_page, []))
    if ref.di is None:
        # No rows on the heading's page: its headings show where (a D or I stands a little right of
        # its label; in Table I, a transaction's one date at its own).
        cols = tables.columns("4", table)
        tx_date = starts[cols.index("date")] if len(starts) == len(cols) else None
        ref = _Marks({}, starts[len(starts) - 2] + 2, tx_date)
    assert ref.di is not None
    out: dict[int, Knots] = {}
    for p, numbers in by_page.items():
        if p == head_page:
            continue
        here = _landmarks(lines, numbers)
        if here.di is None:
            continue
        knots: list[tuple[float, float]] = [(0.0, 0.0)]
        common = [n for n in here.dates if n in ref.dates]
        if common:
            n = max(common, key=lambda n: (len(here.dates[n]), n))
            knots.extend(zip(here.dates[n], ref.dates[n], strict=True))
        elif here.tx_date is not None and ref.tx_date is not None:
            knots.append((here.tx_date, ref.tx_date))
        elif table == 1 and here.after is not None and ref.after is not None:
            # Table I holdings only: the amount owned, just before its D or I, goes by its column.
            knots.append((here.after, ref.after))
        knots.append((here.di, ref.di))
        # Only knots that keep the order of both pages (a stray date is not a landmark).
        kept = [knots[0]]
        for a, b in knots[1:]:
            if a > kept[-1][0] and b > kept[-1][1]:
                kept.append((a, b))
        kept = with_row_landmarks(kept, lines, by_page.get(head_page, []), numbers)
        # The left edge and the D or I alone do not place the columns between them (a page's
        # title column may shrink more than the rest): a page without a date to go by is not moved.
        if len(kept) > 2 and any(abs(a - b) > 1 for a, b in kept):
            nature = (here.nature, ref.nature)
            if nature[0] is not None and nature[1] is not None and nature[0] > kept[-1][0] and nature[1] > kept[-1][1]:
                # The nature of ownership's words start where that column does, a page's own gap
                # right of the D or I (a mark on a line of its own there is the nature's).
                kept.append((nature[0], nature[1]))
            out[p] = tuple(kept)
    return out


#: The form's number ending the line that ends Table I ("Reminder: ...  1474"), printed at the foot of
#: the form's first page as "SEC" over "1474" over "(9-02)".
_FORM_NUMBER_RE = re.compile(r"\b14\d\d\s*$")


def before_form_number(lines: Sequence[str], start: int, end: int) -> int:
    """Where the table from line ``start`` ends: at ``end`` (the line of the next section), or, where
    that line ends with the form's number and the table's last line holds only "SEC" (the number
    centred on the section's line, its "SEC" a line above it), at that "SEC", which no row holds."""
    if end >= len(lines) or not _FORM_NUMBER_RE.search(lines[end]):
        return end
    j = end - 1
    while j > start and not lines[j].strip():
        j -= 1
    return j if j > start and lines[j].strip() == "SEC" else end
