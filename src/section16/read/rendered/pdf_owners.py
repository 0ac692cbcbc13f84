"""The Reporting Owners table read from where a PDF prints it, where no rules part its rows.

chromium draws that table with its frame only: the owners stand apart by their cells' padding, a
little more than a line's pitch, the same evidence the footnotes are parted by (:mod:`.pdf_notes`).
Each owner has a relationship (an X under Director or 10% Owner, a title under Officer or Other),
which tells an owner the page break cut in two, and an owner's lines spaced unevenly (the later
design) from two owners.
"""

from __future__ import annotations

import itertools

from .pdf_cells import LINE_TOLERANCE
from .pdf_notes import PAD_SHARE, word_lines
from .ruled import Page, Word

#: More owners than a filing has (the corpus has at most 31): the table is not read here.
MAX_OWNERS = 200
#: Two words this share of a line's height apart or closer are one phrase (a space is about a third).
PHRASE_GAP = 0.6


_OWNER_LABELS = ("Director", "Officer", "Other")


def owner_rows(regions: list[tuple[Page, float, float]]) -> list[list[str]] | None:
    """The Reporting Owners table from where a page prints it, for a table drawn without rules
    between its rows (chromium draws the table's frame only): rows (name and address; Director,
    10% Owner, Officer, Other). The owners stand apart by their cells' padding, more than a line's
    pitch; None when the page does not show that (one spacing only, an owner cut by the page break,
    no column headings, a part without a relationship: the later design spaces an owner's lines
    unevenly)."""
    inside = [
        (k, [w for w in page.words if y0 < (w.top + w.bottom) / 2 < y1]) for k, (page, y0, y1) in enumerate(regions)
    ]
    lines = [(k, ln) for k, ws in inside for ln in word_lines(ws)]
    head = next(
        (i for i, (_k, ln) in enumerate(lines) if all(any(w.text == t for w in ln) for t in _OWNER_LABELS)), None
    )
    if head is None:
        return None
    label = {w.text: w for w in lines[head][1]}
    ten = next((w for w in lines[head][1] if w.text.startswith("10")), None)
    owner_word = next((w for w in lines[head][1] if w.text == "Owner"), None)
    if ten is None or owner_word is None:
        return None
    spans = [
        (label["Director"].x0, label["Director"].x1),
        (ten.x0, owner_word.x1),
        (label["Officer"].x0, label["Officer"].x1),
        (label["Other"].x0, label["Other"].x1),
    ]
    if [a for a, _b in spans] != sorted(a for a, _b in spans):
        return None
    left = spans[0][0] - (spans[1][0] - spans[0][1]) / 2  # the names' column ends before Director's
    centres = [(a + b) / 2 for a, b in spans]
    names: list[tuple[int, list[Word]]] = []  # (region, a line's words in the names' column)
    marks: list[tuple[int, float, int, str]] = []  # (region, middle, column, text)
    for k, ln in lines[head + 1 :]:
        if any(w.x0 < left < w.x1 for w in ln):
            return None  # a word across the names' edge
        if name := [w for w in ln if w.x1 <= left]:
            names.append((k, name))
        for chunk in _phrases([w for w in ln if w.x1 > left]):
            # A title's words go together ("Vice Executive Chairman" runs on under Other's heading):
            # the phrase goes to the heading nearest its middle. The form prints a lone X under
            # Director or 10% Owner only.
            text = " ".join(w.text for w in chunk)
            mid = (chunk[0].x0 + chunk[-1].x1) / 2
            fits = range(2) if text == "X" else range(4)
            col = min(fits, key=lambda c: abs(centres[c] - mid))
            marks.append((k, (chunk[0].top + chunk[0].bottom) / 2, col, text))
    gaps = [b[1][0].top - a[1][0].top for a, b in itertools.pairwise(names) if a[0] == b[0]]
    if not gaps:
        return None
    cut = (1 + PAD_SHARE) * min(gaps)
    if max(gaps) <= cut:
        return None  # one spacing only: the owners are not parted by it
    blocks: list[list[tuple[int, list[Word]]]] = []
    for i, (k, ln) in enumerate(names):
        if i and names[i - 1][0] == k and ln[0].top - names[i - 1][1][0].top <= cut:
            blocks[-1].append((k, ln))
        else:
            blocks.append([(k, ln)])
    if len(blocks) > MAX_OWNERS:
        return None  # more than a filing has: not read here (and a hostile page is not searched)
    cells: list[list[list[str]]] = [[[], [], [], []] for _ in blocks]
    for k, mid, col, text in marks:
        tol = LINE_TOLERANCE
        at = [
            j
            for j, bl in enumerate(blocks)
            if bl[0][0] == k and min(w.top for w in bl[0][1]) - tol <= mid <= max(w.bottom for w in bl[-1][1]) + tol
        ]
        if len(at) != 1:
            return None  # a mark beside no owner's lines, or beside two
        cells[at[0]][col].append(text)
    rows: list[list[str]] = []
    for j, bl in enumerate(blocks):
        row = ["\n".join(" ".join(w.text for w in ln) for _k, ln in bl), *(" ".join(m) for m in cells[j])]
        if rows and bl[0][0] != blocks[j - 1][-1][0] and (not any(row[1:]) or not any(rows[-1][1:])):
            # The page break cut an owner in two: every owner has a relationship, so the part
            # without one goes on with the part beside it.
            rows[-1] = [
                f"{a}\n{b}".strip("\n") if i == 0 else f"{a} {b}".strip()
                for i, (a, b) in enumerate(zip(rows[-1], row, strict=True))
            ]
            continue
        rows.append(row)
    if any(not any(r[1:]) for r in rows):
        return None  # every owner has a relationship: a part without one is not an owner
    return rows


def _phrases(words: list[Word]) -> list[list[Word]]:
    """A line's words in runs set a space apart (further apart: two cells)."""
    out: list[list[Word]] = []
    for w in words:
        if out and w.x0 - out[-1][-1].x1 <= PHRASE_GAP * (w.bottom - w.top):
            out[-1].append(w)
        else:
            out.append([w])
    return out
