"""Check boxes a text browser prints without their state.

The form's boxes ("Check this box if no longer subject to Section 16", the 10b5-1 box, a Form 5's
"Form 3 Holdings Reported" and "Form 4 Transactions Reported") are ``<input type="checkbox">``
controls. ELinks and Links 2 dump a control as its place only: every box is "[ ]", checked or not
(lynx prints a checked box "[X]", w3m "[*]"). Their dumps lay the box's table out as the page does,
the box in a cell of its own and its label wrapped in the next, one space after it, so the label's
further lines stand four characters right of the box ("[ ] Check this box if no" / "    longer
subject to Section"): w3m sets its label two spaces after the box, lynx runs it on along the line.
On such a page an empty box says nothing of the filing, and the boxes are listed missing; a page
that shows a box checked shows the browser prints their state.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...model import Filing, Note

#: An empty box one space before its label, whose next line stands four characters right of it.
_BOX_BESIDE_LABEL_RE = re.compile(r"^( *)\[[ \xa0]\] (?:Check this box|Form [345] )[^\n]*\n\1    \S", re.MULTILINE)
#: A box printed checked, however the browser spells it.
_CHECKED_RE = re.compile(r"\[[Xx*]\]")
#: The Filing's fields read from the form's check boxes.
BOX_FIELDS = ("not_subject_to_section16", "form3_holdings_reported", "form4_transactions_reported", "aff10b5one")
#: Why they are not given.
STATELESS = "a text browser's dump that prints every check box empty, checked or not: the box says nothing"


def boxes_stateless(text: str) -> bool:
    """Does the page print its check boxes as a browser that shows no box's state does?"""
    return _box_beside_label(text) and _CHECKED_RE.search(text) is None


def _box_beside_label(text: str) -> bool:
    """``_BOX_BESIDE_LABEL_RE.search(text) is not None``, the pattern tried only from the start of
    each line whose first character after its spaces is a "[" (where every match starts: the
    pattern opens with a line's start and spaces; tried at each place of the page, it took a tenth
    of a millisecond or so, some 2 % of a laid-out page's reading)."""
    at = text.find("[")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        if text.count(" ", start, at) == at - start and _BOX_BESIDE_LABEL_RE.match(text, start):
            return True
        at = text.find("[", at + 1)
    return False


def clear_boxes(filing: Filing) -> Filing:
    """The Filing with the boxes it read listed missing, with why (a box the form does not print, as
    a Form 4's "Form 3 Holdings Reported", stays as it was: nothing)."""
    read = [f for f in BOX_FIELDS if getattr(filing, f) is not None]
    if not read:
        return filing
    return replace(
        filing,
        **dict.fromkeys(read),  # type: ignore[arg-type]
        missing=tuple(dict.fromkeys([*filing.missing, *read])),
        notes=(*filing.notes, *(Note(f, STATELESS) for f in read)),
    )


__all__ = ["BOX_FIELDS", "STATELESS", "boxes_stateless", "clear_boxes"]
