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

import re
from dataclasses import dataclass

from .cells import runs_on
from .ruled import RULE_MERGE, Page, Word

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


def _enclosing(
    page: Page,
    w: Word,
    open_top: bool = False,
    open_bottom: bool = False,
    spans: dict[tuple[float, float], list[float]] | None = None,
) -> _Cell | None:
    """The cell whose borders enclose the word: the nearest rules left, right, above and below it
    that reach past the word; None when a side has no rule (the word is not in a bordered box) or a
    rule runs through it. ``open_top``/``open_bottom``: the region runs on from the page before / on
    to the next, so a box the page break cuts has no border there (the paper's edge closes it).
    ``spans``: the borders across each (left, right) found so far (the words of a box share them)."""
    cy = (w.top + w.bottom) / 2
    crossing_v = [x for x, a, b in page.v if a - RULE_MERGE <= cy <= b + RULE_MERGE]  # rules beside the word
    if any(w.x0 + EDGE_SLACK < x < w.x1 - EDGE_SLACK for x in crossing_v):
        return None  # text running over a border (a long name overflowing its box): no cell holds it
    left = max((x for x in crossing_v if x <= w.x0 + EDGE_SLACK), default=None)
    right = min((x for x in crossing_v if x >= w.x1 - EDGE_SLACK), default=None)
    if left is None or right is None:
        return None
    # A border above or below runs along the cell's width; a short rule is a link's underline.
    across = spans.get((left, right)) if spans is not None else None
    if across is None:
        across = [y for y, a, b in page.h if min(b, right) - max(a, left) >= BORDER_SHARE * (right - left)]
        if spans is not None:
            spans[(left, right)] = across
    top = max((y for y in across if y <= w.top + EDGE_SLACK), default=-1e9 if open_top else None)
    bottom = min((y for y in across if y >= w.bottom - EDGE_SLACK), default=1e9 if open_bottom else None)
    if top is None or bottom is None:
        return None
    return left, right, top, bottom


def _phrases(words: list[Word]) -> list[tuple[float, float, str]]:
    """One printed line's words as phrases (x0, x1, text): a wide gap parts two phrases."""
    out: list[tuple[float, float, str]] = []
    for w in sorted(words, key=lambda w: w.x0):
        # A check box drawn as underscores ("_____ Other") starts its label, however near the last.
        if out and w.x0 - out[-1][1] < PHRASE_GAP * max(w.bottom - w.top, 1.0) and not w.text.startswith("__"):
            x0, _x1, text = out[-1]
            out[-1] = (x0, w.x1, f"{text} {w.text}")
        else:
            out.append((w.x0, w.x1, w.text))
    return out


def _same_line(line: list[Word], w: Word) -> bool:
    """The word stands on this line: its top is the line's, or near it for its height (a raised mark
    such as the "*" after "Reporting Person" stands a little higher than its line, far less than the
    distance to the next line)."""
    height = max(w.bottom - w.top, *(x.bottom - x.top for x in line))
    return abs(line[0].top - w.top) < max(LINE_TOLERANCE, RAISED_SHARE * height)


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
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and _same_line(lines[-1], w):
            lines[-1].append(w)
        else:
            lines.append([w])
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
        near = Page([], page.h, [r for r in page.v if r[1] <= hi and r[2] >= lo])
        spans: dict[tuple[float, float], list[float]] = {}
        for w in words:
            cell = _enclosing(near, w, open_top=y0 < -1e8, open_bottom=y1 > 1e8, spans=spans)
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
