"""Tables read from the rules a PDF draws: cell borders give each row and column exactly.

A page printed to PDF draws the borders of its table cells (as thin rectangles or lines). Between two
horizontal rules that run across the whole table lies one printed row; the vertical rules crossing
that row part its cells. A word belongs to the cell its centre falls in, so a cell whose text wraps
over several lines, or is centred vertically in a tall row, is still read whole and in its own row.

Only a row whose rules part exactly the table's columns is taken; if any row with text under the
heading does not, the caller falls back to reading the table from word positions alone.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from . import tables
from .cells import runs_on

#: Rules closer than this (points) are one rule: a border drawn as a thin filled rectangle has two
#: edges (chromium: under 1 point apart; weasyprint fills a cell's 1.5-pixel border between its outer
#: and inner rectangles: 2.3 points).
RULE_MERGE = 3.0
#: An empty cell this narrow (points) between two cells is the spacing between their borders (a table
#: drawn with cell spacing, as weasyprint prints the SEC page), not a column: the narrowest column of
#: the form (Table I's "V") is over 15 points wide.
SPACING_GAP = 5.0
#: A horizontal rule covering this share of the widest rule in the table region ends a row.
ROW_RULE_SHARE = 0.8
#: Empty cells this narrow at a row's ends lie between the table's border and an outer frame.
FRAME_GAP = 10.0


class Word(NamedTuple):
    """A printed word and its box (points from the page's top left). A named tuple, not a dataclass:
    a PDF page has hundreds of words, and a tuple is made several times faster (a frozen dataclass
    sets each field through ``object.__setattr__``)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


#: A word's (top, x0) and its x0, as sort keys (made in C).
TOP_X0, X0 = operator.attrgetter("top", "x0"), operator.attrgetter("x0")
_TOP, _BOTTOM = operator.attrgetter("top"), operator.attrgetter("bottom")


@dataclass(slots=True)
class Page:
    """One page: its words and the rules it draws (``h``: (y, x0, x1); ``v``: (x, y0, y1)); ``small``:
    the boxes (x0, top, x1, bottom) of the small shapes it draws (a form's check boxes and ticks)."""

    words: list[Word]
    h: list[tuple[float, float, float]] = field(default_factory=list)
    v: list[tuple[float, float, float]] = field(default_factory=list)
    small: list[tuple[float, float, float, float]] = field(default_factory=list)


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for x in sorted(values):
        if out and x - out[-1] <= RULE_MERGE:
            continue
        out.append(x)
    return out


def _union(spans: list[tuple[float, float]]) -> float:
    total = 0.0
    end = None
    start = 0.0
    for a, b in sorted(spans):
        if end is None or a > end + RULE_MERGE:
            if end is not None:
                total += end - start
            start, end = a, b
        else:
            end = b if b > end else end  # (max(end, b))
    if end is not None:
        total += end - start
    return total


def _row_rules(
    page: Page, y0: float, y1: float, memo: dict[tuple[int, float, float], list[float]] | None = None
) -> list[float]:
    """The y of each horizontal rule in [y0, y1] that runs across the table. ``memo``: the rules found
    so far by (the page's rules, y0, y1), for one table's reading (its regions' pages stay alive)."""
    key = (id(page.h), y0, y1)
    if memo is not None and key in memo:
        return memo[key]
    found = _find_row_rules(page, y0, y1)
    if memo is not None:
        memo[key] = found
    return found


def _find_row_rules(page: Page, y0: float, y1: float) -> list[float]:
    by_y: dict[float, list[tuple[float, float]]] = {}
    k: float | None = None
    for y, a, b in sorted([r for r in page.h if y0 <= r[0] <= y1]):
        # A rule joins the group of the first rule within RULE_MERGE above it. The rules come by y, so
        # the groups' first rules stand more than RULE_MERGE apart and only the last group can be near.
        if k is None or abs(k - y) > RULE_MERGE:
            k = y
        by_y.setdefault(k, []).append((a, b))
    if not by_y:
        return []
    cover = {k: _union(s) for k, s in by_y.items()}
    widest = max(cover.values())
    return [k for k in sorted(cover) if cover[k] >= ROW_RULE_SHARE * widest]


# What a heading never holds: a date, a number with a thousands separator or decimals, a $ amount.
_VALUE_RE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}|\d,\d{3}|\d\.\d|\$\s*\d")


def _cell_text(words: list[Word]) -> str:
    """Words of one cell as its printed lines; a word broken after its hyphen is joined again."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=TOP_X0):
        if lines and abs(lines[-1][0].top - w.top) < (w.bottom - w.top) / 2:
            lines[-1].append(w)
        else:
            lines.append([w])
    out = ""
    for ln in lines:
        text = " ".join([w.text for w in sorted(ln, key=X0)])
        if not out:
            out = text
        elif runs_on(out, text):
            out += text
        else:
            out += "\n" + text
    return out


def _within(page: Page, y0: float, y1: float) -> Page:
    """The page with only the words whose middle stands between y0 and y1 (a table's region: its
    bands, and so their cells, lie inside it; each band then looks at the region's words only)."""
    return Page([w for w in page.words if y0 < (w.top + w.bottom) / 2 < y1], page.h, page.v, page.small)


def _columns(page: Page, top: float, bottom: float) -> list[float]:
    mid = (top + bottom) / 2
    return _cluster([x for x, a, b in page.v if a <= mid <= b])


def _band_cells(
    page: Page, top: float, bottom: float, xs: list[float], skip: frozenset[float] = frozenset()
) -> list[str]:
    """The band's cells' texts; ``skip``: the heights (to 0.1 point) of words to leave out."""
    cells: list[list[Word]] = [[] for _ in xs[:-1]]
    for w in page.words:
        cy = (w.top + w.bottom) / 2
        if not top < cy < bottom or (skip and round(w.bottom - w.top, 1) in skip):
            continue
        k = bisect.bisect_right(xs, (w.x0 + w.x1) / 2) - 1  # the column between rules xs[k] and xs[k + 1]
        if 0 <= k < len(xs) - 1:
            cells[k].append(w)
    texts = [_cell_text(c) for c in cells]
    widths = [b - a for a, b in itertools.pairwise(xs)]
    while texts and not texts[0] and widths[0] < FRAME_GAP:
        texts.pop(0)
        widths.pop(0)
    while texts and not texts[-1] and widths[-1] < FRAME_GAP:
        texts.pop()
        widths.pop()
    return [t for t, w in zip(texts, widths, strict=True) if t or w >= SPACING_GAP]


def _bands(
    page: Page, y0: float, y1: float, memo: dict[tuple[int, float, float], list[float]] | None = None
) -> list[tuple[float, float, list[float]]] | None:
    """(top, bottom, column rules) of each printed row in [y0, y1]. Where the region runs on from
    the page before (or on to the next), the words beyond the first (last) rule are a row cut by
    the page break: they form a band with the columns of the row beside them."""
    ys = _row_rules(page, y0, y1, memo)
    inside = [w for w in page.words if y0 < (w.top + w.bottom) / 2 < y1]
    if len(ys) == 1 and y0 < -1e8 and inside and all((w.top + w.bottom) / 2 < ys[0] for w in inside):
        # The region's one row the page break cut: its top rule is on the page before.
        top = min(w.top for w in inside)
        return [(-1e9, ys[0], _columns(page, top, ys[0]))]
    if len(ys) == 1 and y1 > 1e8 and inside and all((w.top + w.bottom) / 2 > ys[0] for w in inside):
        # The region's one row the page break cut below its top rule (a heading at the foot of the page).
        return [(ys[0], 1e9, _columns(page, ys[0], max(map(_BOTTOM, inside))))]
    if len(ys) < 2:
        return None
    bands = [(a, b, _columns(page, a, b)) for a, b in itertools.pairwise(ys)]
    # A row the page break cut takes the columns its own cells' rules part (drawn down to the break):
    # the band beside it may be the heading's, whose top cells span two columns each (Table II's
    # "Date Exercisable and Expiration Date"); the band beside it where its rules do not reach it.
    above = [w for w in inside if (w.top + w.bottom) / 2 < ys[0]]
    if y0 < -1e8 and above:
        bands.insert(0, (-1e9, ys[0], _cut_columns(page, min(map(_TOP, above)), ys[0], bands[0][2])))
    below = [w for w in inside if (w.top + w.bottom) / 2 > ys[-1]]
    if y1 > 1e8 and below:
        bands.append((ys[-1], 1e9, _cut_columns(page, ys[-1], max(map(_BOTTOM, below)), bands[-1][2])))
    return bands


def _cut_columns(page: Page, top: float, bottom: float, beside: list[float]) -> list[float]:
    """The column rules of a row the page break cut, between ``top`` and ``bottom`` (its words' reach):
    its own where its cells' rules cross its middle, else ``beside`` (the band next to it)."""
    own = _columns(page, top, bottom)
    return own if len(own) >= 2 else beside


def _band_top(
    page: Page, y0: float, y1: float, memo: dict[tuple[int, float, float], list[float]] | None = None
) -> float:
    """Where the printed row holding ``y0`` begins: the table's heading line may stand low in its band
    (weasyprint centres a tall heading cell's words), and a band read from its middle loses its top."""
    if y0 < -1e8:
        return y0
    ys = _row_rules(page, y0, y1, memo)
    if not ys:
        return y0
    if not any(y0 < (w.top + w.bottom) / 2 < ys[0] for w in page.words):
        return y0  # the heading's words stand below the first rule: the region starts at its band's top
    spans: dict[float, list[tuple[float, float]]] = {}
    for y, a, b in page.h:
        if y < ys[0] - RULE_MERGE:
            spans.setdefault(y, []).append((a, b))
    wide = max(_union(s) for s in [[(a, b) for y, a, b in page.h if abs(y - ys[0]) <= RULE_MERGE]])
    # The lowest rule above running across the table (looked for from the bottom up: the first found).
    need = ROW_RULE_SHARE * wide
    top = next((y for y in sorted(spans, reverse=True) if _union(spans[y]) >= need), None)
    if top is None:
        return y0
    # Only a band with no rule across it between its top and y0: the heading's own band.
    return top - RULE_MERGE / 2 if top < y0 else y0


def _below_sub_labels(page: Page, top: float, bottom: float) -> float | None:
    """Where the heading's last line ends in a band from ``top`` to ``bottom`` that holds the heading's
    rest and the first row: the bottom of the line of its sub-labels "Code", "V", "(A)" and "(D)";
    None where the band holds no such line, or a value stands at or above it."""
    inside = [w for w in page.words if top < (w.top + w.bottom) / 2 < bottom]
    for code in (w for w in inside if w.text == "Code"):
        mid = (code.top + code.bottom) / 2
        line = [w for w in inside if w.top <= mid <= w.bottom]
        texts = {w.text for w in line if w.x0 > code.x1}
        if not {"V", "(A)", "(D)"} <= texts:  # (Table II's sub-labels on one line, as chromium prints them)
            continue
        below = max(w.bottom for w in line)
        if any(_VALUE_RE.search(w.text) for w in inside if (w.top + w.bottom) / 2 <= below):
            return None
        return below
    return None


_SUB_HEADINGS = ("Amount or Number of Shares", "Date Exercisable", "Expiration Date", "(A) or (D)")


def _without_heading_lines(cell: str, before: str = "") -> str:
    """A cell's text without the sub-heading lines that head it ("Code", "(D)", "Amount or Number /
    of Shares"); the cell unchanged if its first lines do not make a whole sub-heading. ``before``:
    the heading's words on the page before the break, which may end in a sub-heading's first words
    ("... Amount or Number"): then the lines that end it ("of Shares") head the cell too."""
    lines = cell.split("\n")
    head = ""
    cut = 0
    low = " ".join(before.split()).lower()
    for k, ln in enumerate(lines):
        head = f"{head} {ln}".strip()
        tail = any(
            h.lower().endswith(" " + head.lower()) and h[: len(h) - len(head)].strip().lower() in low
            for h in _SUB_HEADINGS
        )
        if tables.is_header_cell(head) or tail:
            cut = k + 1
        elif not any(f" {head.lower()}" in f" {h.lower()}" for h in _SUB_HEADINGS):
            break  # (the lines so far begin no sub-heading, nor go on with one)
    return "\n".join(lines[cut:])


def table_rows(pages: list[tuple[Page, float, float]], cols: tuple[str, ...]) -> list[list[str]] | None:
    """Rows of cells (one per column of ``cols``) for a table lying in the given (page, top, bottom)
    regions; None when the rules do not part every row with text into exactly those columns."""
    n, di = len(cols), cols.index("di")
    memo: dict[tuple[int, float, float], list[float]] = {}  # (a region's rules are found once)
    if pages:
        first, y0, y1 = pages[0]
        pages = [(first, _band_top(first, y0, y1, memo), y1), *pages[1:]]
    rows: list[list[str]] = []
    cut: list[bool] = []  # the row touches a page break
    seen_rule = saw_heading = head_at_break = False
    region_words = heading_words = 0
    head_text = ""  # the last heading band's words
    head_sizes: set[float] = set()  # their heights
    for whole, y0, y1 in pages:
        page = _within(whole, y0, y1)
        bands = _bands(page, y0, y1, memo)
        if bands is None:
            text = " ".join(w.text for w in page.words if y0 < (w.top + w.bottom) / 2 < y1)
            if _VALUE_RE.search(text):
                return None  # values the rules do not part into rows (not a heading): not read by them
            continue
        seen_rule = True
        region_words += sum(1 for w in page.words if y0 < (w.top + w.bottom) / 2 < y1)
        kept = []
        for b_i, (top, bottom, xs) in enumerate(bands):
            if len(xs) < 2:
                continue
            cells = _band_cells(page, top, bottom, xs)
            if not any(cells):
                continue
            # The rest of a heading the page break cut (the page before ended in the heading): no
            # title, no value, only the tail of a label such as "Amount or Number | of Shares".
            at_head_break = head_at_break and b_i == 0 and y0 < -1e8
            heading_tail = at_head_break and not cells[0] and not any(_VALUE_RE.search(c) for c in cells)
            if at_head_break and not heading_tail:
                # The heading's rest drawn in one band with the first row, on the page after the break
                # (chromium). Where the page prints its headings smaller than its values, the words of
                # the heading's sizes (none of the values') are the heading's; the rest of its last row
                # (Code, V, (A), (D), Date Exercisable...) heads the cells.
                inside = [w for w in page.words if top < (w.top + w.bottom) / 2 < bottom]
                values = {round(w.bottom - w.top, 1) for w in inside if _VALUE_RE.search(w.text)}
                if values and head_sizes - values:
                    cells = _band_cells(page, top, bottom, xs, frozenset(head_sizes - values))
                cells = [_without_heading_lines(c, head_text) for c in cells]
                if tables.is_heading_row(cells) and (below := _below_sub_labels(page, top, bottom)) is not None:
                    # More of the heading than its last row's sub-labels stands there (the break cut
                    # its upper labels too, "Transaction(s) / (Instr. 4)"): the row is what stands
                    # below the sub-labels' line, where no value stands above it (and values below
                    # it, no heading: else the band is the heading's, as it was).
                    under = _band_cells(page, below, bottom, xs)
                    if any(_VALUE_RE.search(c) for c in under) and not tables.is_heading_row(under):
                        cells = under
            if heading_tail or tables.is_heading_row(cells):
                if any(_VALUE_RE.search(c) for c in cells):
                    return None  # a row drawn inside the heading's band (no rule between them)
                saw_heading = True
                head_text = " ".join(cells)
                head_sizes = {round(w.bottom - w.top, 1) for w in page.words if top < (w.top + w.bottom) / 2 < bottom}
                heading_words += sum(1 for w in page.words if top < (w.top + w.bottom) / 2 < bottom)
                head_at_break = bottom > 1e8
                continue
            head_at_break = False
            if len(cells) != n:
                return None
            kept.append(cells)
        head_at_break = head_at_break or (bool(bands) and not kept and saw_heading and y1 > 1e8)
        for k, cells in enumerate(kept):
            at_break = (k == 0 and y0 < -1e8) or (k == len(kept) - 1 and y1 > 1e8)
            # A row the page break cut in two: every row has one D or I, so the part without it
            # (or without the title) joins the part beside it across the break.
            if (
                at_break
                and k == 0
                and rows
                and cut[-1]
                and not (cells[0] and rows[-1][0] and cells[di] and rows[-1][di])
            ):
                rows[-1] = [f"{a}\n{b}".strip("\n") for a, b in zip(rows[-1], cells, strict=True)]
                cut[-1] = False
                continue
            rows.append(cells)
            cut.append(at_break)
    if seen_rule and not rows and saw_heading and heading_words == region_words:
        return []  # the heading drawn, and no word outside it: an empty table
    return rows if seen_rule and rows else None


_OWNER_HEAD_RE = re.compile(r"Reporting\s+Owner\s+Name|^Relationships$|^Director$|^10\s*%\s*Owner$", re.IGNORECASE)


#: A line of the owners' table's heading, as a cell prints it.
_OWNER_HEAD_LINE_RE = re.compile(
    r"^(?:Reporting\s+Owner\s+Name(?:\s*/\s*Address)?|/?\s*Address|Relationships|Director|10\s*%\s*Owner|Officer|Other)$",
    re.IGNORECASE,
)


def _without_owner_heading(cells: list[str]) -> list[str] | None:
    """An owner's cells drawn in one band with the heading's last row (the page break fell inside the
    heading), without the heading lines that open them; None where no owner is left under them (the
    heading alone) or the owner has no name (its name and its marks are not told apart)."""
    out = []
    for c in cells:
        lines = c.split("\n")
        while lines and _OWNER_HEAD_LINE_RE.match(" ".join(lines[0].split())):
            lines.pop(0)
        out.append("\n".join(lines))
    return out if out and out[0] and not any(_OWNER_HEAD_RE.search(" ".join(c.split())) for c in out if c) else None


def owner_rows(pages: list[tuple[Page, float, float]]) -> list[list[str]] | None:
    """The Reporting Owners table's rows (name and address; Director, 10% Owner, Officer, Other)
    from its cell borders; None when the rules do not part every row into those five cells."""
    rows: list[list[str]] = []
    cut: list[bool] = []
    for k_page, (whole, y0, y1) in enumerate(pages):
        page = _within(whole, y0, y1)
        kept = []
        for top, bottom, xs in _bands(page, y0, y1) or []:
            if len(xs) < 2:
                continue
            cells = _band_cells(page, top, bottom, xs)
            if any(_OWNER_HEAD_RE.search(" ".join(c.split())) for c in cells if c):
                if not (top < -1e8 and k_page > 0):
                    continue
                # The page break cut the table after its heading's first row: the second ("Director",
                # "10% Owner", ...) is drawn in one band with the first owner. That owner is read under it.
                under = _without_owner_heading(cells)
                if under is None:
                    continue
                cells = under
            if not any(cells):
                continue
            while len(cells) > 5 and not cells[-1]:  # an empty column the page draws after "Other"
                cells.pop()
            if len(cells) != 5:
                return None
            kept.append(cells)
        for k, cells in enumerate(kept):
            at_break = (k == 0 and y0 < -1e8) or (k == len(kept) - 1 and y1 > 1e8)
            # An owner the page break cut in two: its marks stand in one part only.
            if at_break and k == 0 and rows and cut[-1] and not (any(cells[1:]) and any(rows[-1][1:])):
                rows[-1] = [f"{a}\n{b}".strip("\n") for a, b in zip(rows[-1], cells, strict=True)]
                cut[-1] = False
                continue
            rows.append(cells)
            cut.append(at_break)
    return rows or None
