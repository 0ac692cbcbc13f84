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
import operator
import re
from dataclasses import dataclass

from .cells import CLIPPED, runs_on
from .pdf_cells import LINE_TOLERANCE
from .ruled import TOP_X0, X0, Page, Word

_GLUED_RE = re.compile(r"^(\(\d{1,3}\))(\S.*)$")
_NO_SECURITIES_RE = re.compile(r"^No securities are beneficially owned", re.IGNORECASE)
_MARK_RE = re.compile(r"^(?:\(\d{1,3}\)|\*{1,2})$")
#: The number stands at the notes' left edge: within this many points of the leftmost word.
MARK_REACH = 3.0
#: The page's foot stands at most this share of a line below the lowest word of the pages.
FOOT_SHARE = 1.5
#: A run of lines is centred on its number when the middles differ by less than this share of a line.
CENTRE_SHARE = 0.3
#: Two notes stand at least this share of a line further apart than a note's own lines (the padding of
#: the notes' cells).
PAD_SHARE = 0.15
#: A note cut by the page break with its number on its first line runs down to within this many lines
#: of the page's foot.
TOP_REACH = 2.0


_TOP, _BOTTOM, _TEXT = operator.attrgetter("top"), operator.attrgetter("bottom"), operator.attrgetter("text")


@dataclass(frozen=True, slots=True)
class _Line:
    page: int
    top: float
    bottom: float
    text: str


def word_lines(words: list[Word]) -> list[list[Word]]:
    """The words in printed lines (tops within :data:`LINE_TOLERANCE` of the line's first), each
    line left to right."""
    rows: list[list[Word]] = []
    for w in sorted(words, key=TOP_X0):
        if rows and abs(rows[-1][0].top - w.top) < LINE_TOLERANCE:
            rows[-1].append(w)
        else:
            rows.append([w])
    return [sorted(r, key=X0) for r in rows]


def _lines(words: list[Word], page: int) -> list[_Line]:
    return [_Line(page, min(map(_TOP, r)), max(map(_BOTTOM, r)), " ".join(map(_TEXT, r))) for r in word_lines(words)]


def _part_glued(w: Word) -> tuple[Word, ...]:
    """A number at the notes' left edge set right against its text ("(4)372,546": the text's cell
    starts where the number's ends) as the number and the text."""
    m = _GLUED_RE.match(w.text)
    if m is None:
        return (w,)
    cut = w.x0 + (w.x1 - w.x0) * len(m.group(1)) / len(w.text)
    return Word(m.group(1), w.x0, cut, w.top, w.bottom), Word(m.group(2), cut, w.x1, w.top, w.bottom)


def _joined(texts: list[str]) -> str:
    """A note's lines as one text; a line ending in a word's hyphen ("worst-" over "performing") goes
    on without a space (a browser breaks a line after a hyphen the text holds; it does not hyphenate)."""
    out = ""
    for t in texts:
        out = f"{out}{t}" if runs_on(out, t) else f"{out} {t}" if out else t
    return out


def footnote_rows(regions: list[tuple[Page, float, float]], pages: list[Page] | None = None) -> list[list[str]] | None:
    """The notes in the given (page, top, bottom) regions as rows of one cell ("(1) text", "* text"),
    or None when some number has no run of lines centred on it. ``pages``: every page of the document
    (where its foot is found; the regions' pages when not given)."""
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
        ws = [part for w in ws for part in (_part_glued(w) if w.x0 <= left + MARK_REACH else (w,))]
        is_mark = [w for w in ws if w.x0 <= left + MARK_REACH and _MARK_RE.match(w.text)]
        marks.extend((k, (w.top + w.bottom) / 2, w.text) for w in sorted(is_mark, key=lambda w: w.top))
        lines.extend(_lines([w for w in ws if w not in is_mark], k))
    # The form's own statement of a Form 3 with no holdings stands above the notes, with no number.
    lead = [[ln.text] for ln in itertools.takewhile(lambda ln: _NO_SECURITIES_RE.match(ln.text), lines)]
    lines = lines[len(lead) :]
    if not marks or not lines:
        return None
    # The page's foot: no word stands lower on any page (a full page's last line is within a line of it).
    every = itertools.chain.from_iterable(page.words for page in (pages or [pg for pg, _y0, _y1 in regions]))
    foot = max(map(_BOTTOM, every))
    ends = _deal(lines, marks, foot + FOOT_SHARE * (lines[0].bottom - lines[0].top))
    if ends is None:
        return None
    starts = [0, *(e + 1 for e in ends[:-1])]
    return lead + [
        [f"{mark} {_joined([ln.text for ln in lines[a : b + 1]])}"]
        for (_pg, _mid, mark), a, b in zip(marks, starts, ends, strict=True)
    ]


def _deal(lines: list[_Line], marks: list[tuple[int, float, str]], foot: float) -> list[int] | None:
    """The last line of each mark's note, every line dealt out; None when there is no such way. A note
    is taken as cut by the page break only where the page's foot its number puts lies above ``foot``."""

    memo: dict[tuple[int, int], list[int] | None] = {}  # (mark, first line) -> ends: each tried once
    apart = _apart(lines)

    def parts(a: int, b: int) -> bool:
        """Lines a..b can be one note: no gap between them as wide as between two notes. (A gap no
        wider than a line's does not prove one note: some pages print notes without padding.)"""
        return not any(apart[i] for i in range(a, b))

    def solve(k: int, p: int) -> list[int] | None:
        if (k, p) not in memo:
            memo[(k, p)] = deal(k, p)
        return memo[(k, p)]

    def deal(k: int, p: int) -> list[int] | None:
        if k == len(marks):
            return [] if p == len(lines) else None
        page, mid, _mark = marks[k]
        if p >= len(lines) or lines[p].page < page:
            return None
        if lines[p].page == page:
            end = _centred_run(lines, p, mid)
            end = end if end is not None and parts(p, end) else None
            rest = solve(k + 1, end + 1) if end is not None else None
            if end is not None and rest is not None:
                return [end, *rest]
            # Cut by the page break: the number is centred on the note's part on this page, which
            # runs down to the page's foot -- below every line left on it.
            last = max(j for j in range(p, len(lines)) if lines[j].page == page)
            height = lines[p].bottom - lines[p].top
            tol = CENTRE_SHARE * height
            centred = lines[last].bottom - tol <= 2 * mid - lines[p].top <= foot
            # Or the browser set the number on the part's first line (chromium does when the note's
            # row is split: the number is not centred on the whole row), the part reaching the foot.
            on_top = abs(mid - (lines[p].top + lines[p].bottom) / 2) < tol and (
                lines[last].bottom >= foot - (FOOT_SHARE + TOP_REACH) * height
            )
            if last + 1 == len(lines) or not (centred or on_top):
                return None
            start = last
        else:
            # The page break fell at the top of this note: its number is printed at the foot of the
            # page, its lines all on the next.
            start = p
        # Its lines on the next page run up to where the notes after it can be dealt out: one way only.
        found = [
            [end, *rest]
            for end in range(start, len(lines))
            if parts(p, end) and (rest := solve(k + 1, end + 1)) is not None
        ]
        return found[0] if len(found) == 1 else None

    return solve(0, 0)


def _apart(lines: list[_Line]) -> list[bool]:
    """Whether each line and the next stand further apart than a note's own lines (a line's pitch,
    the closest two lines of a page stand): the notes' table pads its cells, so such a gap parts two
    notes. Lines on two pages do not show it."""
    gaps = [b.top - a.top if a.page == b.page else None for a, b in itertools.pairwise(lines)]
    known = [g for g in gaps if g is not None]
    cut = (1 + PAD_SHARE) * min(known) if known else 0.0
    return [g is not None and g > cut for g in gaps]


def _centred_run(lines: list[_Line], p: int, mid: float) -> int | None:
    """The last line of the note whose number stands at ``mid`` and whose text starts at line ``p``:
    the run of lines on p's page whose middle is the number's."""
    first = lines[p]
    tol = CENTRE_SHARE * (first.bottom - first.top)
    for j in range(p, len(lines)):
        if lines[j].page != first.page:
            return None
        centre = (first.top + lines[j].bottom) / 2
        if abs(centre - mid) < tol:
            return j
        if centre > mid + tol:
            return None
    return None


_DATE_RE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")
_SIG_CAPTION_RE = re.compile(r"^\**\s*Signature\s+of\s+Reporting\s+Person$", re.IGNORECASE)


def _unclipped(w: Word) -> Word:
    """A date or the "Date" caption the paper's edge touched is whole all the same (a date's pattern
    has no longer form): the printer's cut mark taken off. Any other word keeps it."""
    if w.text.endswith(CLIPPED):
        text = w.text[: -len(CLIPPED)]
        if _DATE_RE.match(text) or text == "Date":
            return Word(text, w.x0, w.x1, w.top, w.bottom)
    return w


def signature_rows(regions: list[tuple[Page, float, float]]) -> list[list[str]] | None:
    """The signatures in the given (page, top, bottom) regions as rows (name, date) each followed by
    its caption row, as the page prints them: the name's lines on the left (a long name wraps), the
    date on the right centred on them, the caption "**Signature of Reporting Person" / "Date" below.
    None when the page does not part them so (every name one date centred beside it on its page, one
    caption under each)."""
    inside = [
        (k, [_unclipped(w) for w in page.words if y0 < (w.top + w.bottom) / 2 < y1])
        for k, (page, y0, y1) in enumerate(regions)
    ]
    words = [w for _k, ws in inside for w in ws]
    right = [w for w in words if _DATE_RE.match(w.text) or w.text == "Date"]
    if not right:
        return None
    split = min(w.x0 for w in right)
    if any(w.x0 < split < w.x1 for w in words) or any(w.x0 >= split and w not in right for w in words):
        return None  # a word runs over into the dates' column, or something else stands there
    dates = [(k, w) for k, ws in inside for w in ws if _DATE_RE.match(w.text)]
    n_captions = sum(1 for w in right if w.text == "Date")
    left = [ln for k, ws in inside for ln in _lines([w for w in ws if w.x1 <= split], k)]
    rows: list[list[str]] = []
    block: list[_Line] = []
    for ln in left:
        if re.fullmatch(r"\*{1,2}", ln.text):
            continue  # the caption's mark, printed apart
        if not _SIG_CAPTION_RE.match(ln.text):
            block.append(ln)
            continue
        if not block or block[0].page != block[-1].page:
            return None
        page, top, bottom = block[0].page, block[0].top, block[-1].bottom
        beside = [
            d
            for k, d in dates
            if k == page and top - LINE_TOLERANCE <= (d.top + d.bottom) / 2 <= bottom + LINE_TOLERANCE
        ]
        if len(beside) != 1:
            return None
        rows.append([_joined([b.text for b in block]), beside[0].text])
        rows.append(["**Signature of Reporting Person", "Date"])
        block = []
    if block or len(rows) != 2 * len(dates) or n_captions != len(dates):
        return None
    return rows
