"""The boxes above Table I read cell by cell from the borders a PDF draws.

The SEC page draws each box of the form (1. Name and Address, 2. Issuer Name, 3. Date of Earliest
Transaction, ... 6. Individual or Joint/Group Filing) as a bordered cell. Read from laid-out text lines,
boxes standing side by side interleave when their labels wrap differently (a PDF producer with wider
fonts wraps "2. Issuer Name and Ticker or Trading" / "Symbol" while box 1 holds the owner's name on the
same line), and the words of a tall table heading printed low in its cells run into the boxes above.
Each word belongs to the cell whose four borders enclose it, so a box's label and value are its own
whatever the wrapping: the boxes come out as the text reader gives them, one strip of boxes after
another (box 1's cells; boxes 2, 3, 4; boxes 5, 6), each line of a cell cut where a wide gap parts it
(the check boxes of box 5 stand two to a line).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .cells import runs_on
from .ruled import RULE_MERGE, TOP_X0, X0, Page, Word

#: Words whose tops differ by less than this (points) stand on one line of a cell.
LINE_TOLERANCE = 2.5
#: A word whose top stands this share of the height from a line's stands on it (a raised mark).
RAISED_SHARE = 0.4
#: Phrases whose tops stand less than this share of the line's height apart are one row of a cell.
ROW_SHARE = 0.75
#: A phrase's next line stands at most this share of the line's height below it.
NEXT_LINE = 1.5
#: A phrase stands half way between two lines when it is less than this share of a line off.
CENTRED_SHARE = 0.25
#: A gap between two words wider than this share of their height parts two phrases (as in the laid-out
#: text, where such a gap is two or more spaces).
PHRASE_GAP = 0.45
#: A cell edge and a rule this close (points) are one.
EDGE_SLACK = 1.0

#: A horizontal rule covering this share of a cell's width is its border (not an underline).
BORDER_SHARE = 0.8

_Cell = tuple[float, float, float, float]  # left, right, top, bottom (points)


class _Borders:
    """The rules around a region's words, looked up fast: the upright rules beside each line of words
    (sorted by x) and the borders across each column span (sorted by y), each found once (the words of
    a line, of a box, share them; the tables below the boxes draw hundreds of rules)."""

    __slots__ = ("across", "beside", "h", "v")

    def __init__(self, h: list[tuple[float, float, float]], v: list[tuple[float, float, float]]) -> None:
        self.h, self.v = h, v
        self.beside: dict[float, list[float]] = {}
        self.across: dict[tuple[float, float], list[float]] = {}

    def beside_line(self, cy: float) -> list[float]:
        xs = self.beside.get(cy)
        if xs is None:
            xs = self.beside[cy] = sorted(x for x, a, b in self.v if a - RULE_MERGE <= cy <= b + RULE_MERGE)
        return xs

    def across_span(self, left: float, right: float) -> list[float]:
        ys = self.across.get((left, right))
        if ys is None:
            need = BORDER_SHARE * (right - left)
            # (min(b, right) - max(a, left), written out: this runs over every rule of the page)
            ys = self.across[(left, right)] = sorted(
                y for y, a, b in self.h if (right if right < b else b) - (left if left > a else a) >= need
            )
        return ys


def _enclosing(borders: _Borders, w: Word, open_top: bool = False, open_bottom: bool = False) -> _Cell | None:
    """The cell whose borders enclose the word: the nearest rules left, right, above and below it
    that reach past the word; None when a side has no rule (the word is not in a bordered box) or a
    rule runs through it. ``open_top``/``open_bottom``: the region runs on from the page before / on
    to the next, so a box the page break cuts has no border there (the paper's edge closes it)."""
    xs = borders.beside_line((w.top + w.bottom) / 2)  # the rules beside the word, by x
    lo, hi = w.x0 + EDGE_SLACK, w.x1 - EDGE_SLACK
    i = bisect.bisect_right(xs, lo)  # the first rule right of the word's left edge
    if i < len(xs) and xs[i] < hi:
        return None  # text running over a border (a long name overflowing its box): no cell holds it
    j = bisect.bisect_left(xs, hi)
    if i == 0 or j == len(xs):
        return None
    left, right = xs[i - 1], xs[j]
    # A border above or below runs along the cell's width; a short rule is a link's underline.
    ys = borders.across_span(left, right)
    k = bisect.bisect_right(ys, w.top + EDGE_SLACK)
    m = bisect.bisect_left(ys, w.bottom - EDGE_SLACK)
    top = ys[k - 1] if k else (-1e9 if open_top else None)
    bottom = ys[m] if m < len(ys) else (1e9 if open_bottom else None)
    if top is None or bottom is None:
        return None
    return left, right, top, bottom


def _phrases(words: list[Word]) -> list[tuple[float, float, str]]:
    """One printed line's words as phrases (x0, x1, text): a wide gap parts two phrases."""
    out: list[tuple[float, float, str]] = []
    for w in sorted(words, key=X0):
        # A check box drawn as underscores ("_____ Other") starts its label, however near the last.
        if out and w.x0 - out[-1][1] < PHRASE_GAP * max(w.bottom - w.top, 1.0) and not w.text.startswith("__"):
            x0, _x1, text = out[-1]
            out[-1] = (x0, w.x1, f"{text} {w.text}")
        else:
            out.append((w.x0, w.x1, w.text))
    return out


def _same_line(top: float, tallest: float, w: Word) -> bool:
    """The word stands on the line whose first word's top is ``top`` and whose tallest word is
    ``tallest`` high: its top is the line's, or near it for its height (a raised mark such as the "*"
    after "Reporting Person" stands a little higher than its line, far less than the distance to the
    next line)."""
    h = w.bottom - w.top
    height = tallest if tallest > h else h
    return abs(top - w.top) < max(LINE_TOLERANCE, RAISED_SHARE * height)


#: The check boxes' labels of the relationship box, as printed whole.
_CHECK_LABELS = ("Director", "10% Owner", "Officer (give title below)", "Other (specify below)")
_CHECK_MARK_RE = re.compile(r"^_+(?:X_+)?\s*")


def _open(text: str) -> bool:
    """The phrase goes on below: it leaves a parenthesis open ("Officer (give" over "title below)"), or
    it is a check box whose label is not whole yet ("_____ 10%" over "Owner")."""
    if text.count("(") > text.count(")"):
        return True
    m = _CHECK_MARK_RE.match(text)
    if m is None:
        return False
    label = " ".join(text[m.end() :].split())
    return any(full != label and full.startswith(label) for full in _CHECK_LABELS)


@dataclass(slots=True)
class _Item:
    x0: float
    x1: float
    top: float
    last: float  # the top of the last line it takes
    text: str


def _centred_beside(items: list[_Item], it: _Item, top: float, height: float) -> bool:
    """A one-line phrase beside ``it`` stands half way between its last line and the line at ``top``:
    the two lines are one nested cell wrapped, centred beside ("NORTH" over "CAROLINA" beside the
    city and the ZIP code)."""
    mid = (it.last + top) / 2
    return any(
        o is not it
        and o.last == o.top
        and (o.x1 <= it.x0 or o.x0 >= it.x1)
        and abs(o.top - mid) < CENTRED_SHARE * height
        for o in items
    )


def _cell_phrases(words: list[Word]) -> list[str]:
    """A cell's phrases line by line, left to right. A phrase that is not whole (see :func:`_open`)
    goes on in the phrase below it, on the next line. Phrases standing less than a line apart are
    one row (a nested table's cells centred in a row: a one-line label beside a two-line one)."""
    lines: list[list[Word]] = []
    tallest = 0.0  # the height of the last line's tallest word
    for w in sorted(words, key=TOP_X0):
        h = w.bottom - w.top
        if lines and _same_line(lines[-1][0].top, tallest, w):
            lines[-1].append(w)
            tallest = h if h > tallest else tallest
        else:
            lines.append([w])
            tallest = h
    height = max(w.bottom - w.top for w in words) if words else 0.0
    items: list[_Item] = []
    for ln in lines:
        top = min(w.top for w in ln)
        for x0, x1, text in _phrases(ln):
            above = next(
                (
                    it
                    for it in items
                    if 0 < top - it.last <= NEXT_LINE * height and it.x0 - EDGE_SLACK <= x0 < it.x1
                    and not text.startswith("__") and (_open(it.text) or _centred_beside(items, it, top, height))
                ),
                None,
            )  # fmt: skip
            if above is not None:
                # A line ending in a word's hyphen ("98052-" over "6399") goes on without a space.
                sep = "" if runs_on(above.text, text) else " "
                above.text, above.x1, above.last = f"{above.text}{sep}{text}", max(above.x1, x1), top
            else:
                items.append(_Item(x0, x1, top, top, text))
    if not items:
        return []
    # Rows: phrases side by side (no two overlapping across) whose tops stand less than a line apart.
    rows: list[list[_Item]] = []
    for it in sorted(items, key=lambda it: (it.top, it.x0)):
        last = rows[-1] if rows else None
        if (
            last is not None
            and it.top - last[0].top < ROW_SHARE * height
            and all(it.x1 <= o.x0 or it.x0 >= o.x1 for o in last)
        ):
            last.append(it)
        else:
            rows.append([it])
    return [it.text for row in rows for it in sorted(row, key=lambda it: it.x0)]


def header_rows(regions: list[tuple[Page, float, float]], stop: str) -> list[list[str]] | None:
    """The boxes in the given (page, top, bottom) regions as rows of one cell, strip by strip: the
    cells standing above the cell whose text starts with ``stop`` (Table I's title, printed in the
    last band of the boxes) and not below it. None when a word there lies outside every bordered cell
    (the laid-out text is read then)."""
    cells: dict[tuple[int, _Cell], list[Word]] = {}
    for k, (page, y0, y1) in enumerate(regions):
        words = [w for w in page.words if y0 < (w.top + w.bottom) / 2 < y1]
        if not words:
            continue
        # Only the upright rules beside the boxes' words (each word is tested against every one: the
        # tables below draw hundreds); the borders above and below are found once per column span.
        lo, hi = min(w.top for w in words) - RULE_MERGE, max(w.bottom for w in words) + RULE_MERGE
        borders = _Borders(page.h, [r for r in page.v if r[1] <= hi and r[2] >= lo])
        for w in words:
            cell = _enclosing(borders, w, open_top=y0 < -1e8, open_bottom=y1 > 1e8)
            if cell is None:
                return None
            cells.setdefault((k, cell), []).append(w)
    texts = {c: _cell_phrases(ws) for c, ws in cells.items()}
    title = next((c for c, t in texts.items() if t and t[0].startswith(stop)), None)
    if title is None:
        return None
    # Table I's heading cells stand below its title (on its page, or after it): not boxes.
    boxes = [c for c in cells if c != title and (c[0], c[1][2]) < (title[0], title[1][3] - RULE_MERGE)]
    # Strips: cells sharing a left edge, left to right; in each, top to bottom (a box the page break
    # cut goes on at the top of the next page, in its strip).
    lefts: list[float] = []
    for c in sorted(boxes, key=lambda c: c[1][0]):
        if not lefts or c[1][0] - lefts[-1] > RULE_MERGE:
            lefts.append(c[1][0])
    if not boxes:
        return None
    strip = {c: max(k for k, x in enumerate(lefts) if x <= c[1][0] + RULE_MERGE) for c in boxes}
    return [[t] for c in sorted(boxes, key=lambda c: (strip[c], c[0], c[1][2])) for t in texts[c]]
