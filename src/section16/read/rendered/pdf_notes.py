"""Footnotes read from where a PDF prints them: each number centred beside its text.

The SEC page prints the footnotes as a table without borders: the number ("(1)", or "*" and "**" for
the form's own notes) in one cell, the text in the next, the number centred on the text's height. In
laid-out text lines, which lines belong to which number is a guess where notes run one into another
(no blank line between them). In points it is exact: a note's lines run from the first line after
the note before down to the line that puts the middle of the run on its number's middle. So the
lines are dealt out number by number; where any number has no such run (a note cut by the page
break, text that is not the notes'), None: the laid-out text is read instead.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .pdf_cells import LINE_TOLERANCE
from .ruled import Page, Word

_HYPHEN_END_RE = re.compile(r"[A-Za-z0-9]-$")
_MARK_RE = re.compile(r"^(?:\(\d{1,3}\)|\*{1,2})$")
#: The number stands at the notes' left edge: within this many points of the leftmost word.
MARK_REACH = 3.0
#: A run of lines is centred on its number when the middles differ by less than this share of a line.
CENTRE_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class _Line:
    page: int
    top: float
    bottom: float
    text: str


def _lines(words: list[Word], page: int) -> list[_Line]:
    rows: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        if rows and abs(rows[-1][0].top - w.top) < LINE_TOLERANCE:
            rows[-1].append(w)
        else:
            rows.append([w])
    return [
        _Line(
            page,
            min(w.top for w in r),
            max(w.bottom for w in r),
            " ".join(w.text for w in sorted(r, key=lambda w: w.x0)),
        )
        for r in rows
    ]


def _joined(texts: list[str]) -> str:
    """A note's lines as one text; a line ending in a word's hyphen ("worst-" over "performing") goes
    on without a space (a browser breaks a line after a hyphen the text holds; it does not hyphenate)."""
    out = ""
    for t in texts:
        out = f"{out}{t}" if _HYPHEN_END_RE.search(out) else f"{out} {t}" if out else t
    return out


def footnote_rows(regions: list[tuple[Page, float, float]]) -> list[list[str]] | None:
    """The notes in the given (page, top, bottom) regions as rows of one cell ("(1) text", "* text"),
    or None when some number has no run of lines centred on it."""
    inside = [
        (k, [w for w in page.words if y0 < (w.top + w.bottom) / 2 < y1]) for k, (page, y0, y1) in enumerate(regions)
    ]
    words = [w for _k, ws in inside for w in ws]
    if not words:
        return None
    left = min(w.x0 for w in words)
    marks: list[tuple[int, float, str]] = []  # (page, middle, mark)
    lines: list[_Line] = []
    for k, ws in inside:
        is_mark = [w for w in ws if w.x0 <= left + MARK_REACH and _MARK_RE.match(w.text)]
        marks.extend((k, (w.top + w.bottom) / 2, w.text) for w in sorted(is_mark, key=lambda w: w.top))
        lines.extend(_lines([w for w in ws if w not in is_mark], k))
    if not marks or not lines:
        return None
    gaps = sorted(b.top - a.top for a, b in itertools.pairwise(lines) if a.page == b.page and b.top > a.top)
    pitch = gaps[len(gaps) // 2] if gaps else lines[0].bottom - lines[0].top
    ends = _deal(lines, marks, pitch)
    if ends is None:
        return None
    starts = [0, *(e + 1 for e in ends[:-1])]
    return [
        [f"{mark} {_joined([ln.text for ln in lines[a : b + 1]])}"]
        for (_pg, _mid, mark), a, b in zip(marks, starts, ends, strict=True)
    ]


def _deal(lines: list[_Line], marks: list[tuple[int, float, str]], pitch: float) -> list[int] | None:
    """The last line of each mark's note, every line dealt out; None when there is no such way."""

    def solve(k: int, p: int) -> list[int] | None:
        if k == len(marks):
            return [] if p == len(lines) else None
        page, mid, _mark = marks[k]
        if p >= len(lines) or lines[p].page < page:
            return None
        if lines[p].page == page:
            end = _centred_run(lines, p, page, mid, pitch)
            rest = solve(k + 1, end + 1) if end is not None else None
            return [end, *rest] if end is not None and rest is not None else None
        # The page break fell at the top of this note: its number is printed at the foot of the page,
        # its lines on the next, up to where the notes after it can be dealt out -- in one way only.
        found = [[end, *rest] for end in range(p, len(lines)) if (rest := solve(k + 1, end + 1)) is not None]
        return found[0] if len(found) == 1 else None

    return solve(0, 0)


def _centred_run(lines: list[_Line], p: int, page: int, mid: float, pitch: float) -> int | None:
    """The last line of the note whose number stands at ``mid`` on ``page`` and whose text starts at
    line ``p``. A note the page break cuts is printed as if it ran on down its page (its number stays
    centred on the whole note): lines on later pages count one pitch below the mark's page's last line."""
    on_page = [k for k, ln in enumerate(lines) if ln.page == page]
    if not on_page:
        return None
    last = lines[on_page[-1]]

    def top(k: int) -> float:
        ln = lines[k]
        return ln.top if ln.page == page else last.top + (k - on_page[-1]) * pitch

    first = top(p)
    tol = CENTRE_SHARE * (lines[p].bottom - lines[p].top)
    for j in range(p, len(lines)):
        bottom = top(j) + (lines[j].bottom - lines[j].top)
        if abs((first + bottom) / 2 - mid) < tol:
            return j
        if (first + bottom) / 2 > mid + tol:
            return None
    return None
