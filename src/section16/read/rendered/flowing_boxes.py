"""The boxes above Table I on a text page that a converter did not lay out (``lynx -dump``): the form's
cells written one after another as flowing text, a cell's last line and the next cell's label run
together on one line ("ADVANCED MICRO DEVICES INC [AMD] 5. Relationship of Reporting Person(s) to
Issuer", "2485 AUGUSTINE DRIVE 3. Date of Earliest Transaction (Month/Day/Year)").

No box stands in a strip of its own, so the strips the laid-out reader cuts by position mix the
boxes. Written as flowing text, each piece follows its own box's label or caption: the text after a
box's label is that box's until the next label, and box 1's captions ("(Last)", "(Street)",
"(City)"...) reopen box 1, whose name, street and city lines the page prints between its captions
(the issuer's name after box 2's label and before box 5's, the street before box 3's label, the city
line before box 4's). The pieces are given box by box, each box's label first, as the laid-out
reader gives its strips.
"""

from __future__ import annotations

import re

from .text_lines import box_labels, chunks, table_one_title

#: Box 1's captions under its name and address lines: each says the text around it is box 1's.
_CAPTION_RE = re.compile(r"^(?:\((?:Last|First|Middle|Street|City|State|Zip|Zip/Postal Code|Country)\)\s*)+$")


def runs_together(lines: list[str]) -> bool:
    """Do boxes' labels follow a box's value one space apart, on two lines or more (a cell's last
    line and the next cell's label run together), as no laid-out page prints them? (A laid-out page
    may set labels, or a caption and a label, one space apart: "(Middle) 3. Date of Earliest".)"""
    found = 0
    for ln in lines:
        labels = box_labels(ln)
        if len(labels) != 1:
            continue
        before = ln[: labels[0][0]]
        value = before.strip()
        if value and before.endswith(" ") and not before.endswith("  ") and not _CAPTIONS_RE.search(value):
            found += 1
    return found >= 1


#: A caption of box 1 anywhere in a text.
_CAPTIONS_RE = re.compile(r"\((?:Last|First|Middle|Street|City|State|Zip|Zip/Postal Code|Country)\)")


def flowing_boxes(lines: list[str], start: int, end: int) -> list[list[str]] | None:
    """The boxes in lines [start, end) as rows of one cell, box by box (each box's label, then its
    pieces in the page's order), when the page runs its boxes together as flowing text; else None."""
    if not runs_together(lines[start:end]):
        return None
    boxes: dict[str, list[str]] = {}
    current: str | None = None
    for i in range(start, end):
        ln = lines[i]
        if table_one_title(ln):
            # Table I's title ends the boxes; below it only its heading stands, and box 1's last
            # caption a page may run past the title ("(Country)").
            rest = [lines[j].strip() for j in range(i + 1, end) if lines[j].strip()]
            if not all(_CAPTION_RE.match(text) for text in rest) or (rest and "name" not in boxes):
                return None
            boxes.get("name", []).extend(rest)
            break
        cuts = [*box_labels(ln), (len(ln), "")]
        at = 0
        for cut, role in cuts:
            for c in chunks(ln[at:cut], i):
                text = c.text.strip()
                if _CAPTION_RE.match(text):
                    current = "name"
                if current is None:
                    return None  # text before any box's label: whose box it is is not shown
                boxes.setdefault(current, []).append(text)
            if role:
                if role in boxes:
                    return None  # a box's label printed twice: not the form's boxes
                current = role
                boxes[role] = []
                at = cut
    return [[text] for pieces in boxes.values() for text in pieces]
