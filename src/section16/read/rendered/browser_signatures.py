"""Signatures a text browser wrapped over two lines or more on its grid of characters.

The signature block is a table: each signature's name in a wide cell, its date in the next, the
captions ("Signature of Reporting Person", "Date") on the row below. A name longer than its cell
wraps; the browser centres the one-line date on the row's lines rounding down, so the date stands on
the name's first line and the name's further lines stand alone under it, down to the caption ("... By:
/s/  06/12/2020" / "Andrew K. Schinder, Attorney-in-Fact" / "Signature of Reporting Person  Date").
Read line by line, each further line is a signature of no date, and the block's count no longer
matches its captions. Such lines are joined to the name above them (:func:`join_wrapped_signatures`).
"""

from __future__ import annotations

import re

from .cells import Doc

_CAPTION_RE = re.compile(r"Signature\s+of\s+Reporting\s+Person", re.IGNORECASE)
_DATE_RE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")


def join_wrapped_signatures(doc: Doc) -> Doc:
    """The page's rows with each run of one-cell rows standing between a signature's row (its name,
    then its date) and the caption under it joined to that name."""
    out: Doc = []
    k = 0
    while k < len(doc):
        row = doc[k]
        if len(row) == 2 and _DATE_RE.match(row[1].strip()) and row[0].strip():
            j = k + 1
            while j < len(doc) and len(doc[j]) == 1 and not _CAPTION_RE.search(doc[j][0]):
                j += 1
            if k + 1 < j < len(doc) and _CAPTION_RE.search(doc[j][0]):
                out.append([" ".join([row[0], *(doc[i][0] for i in range(k + 1, j))]), row[1]])
                k = j
                continue
        out.append(row)
        k += 1
    return out


__all__ = ["join_wrapped_signatures"]
