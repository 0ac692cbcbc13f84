"""Where laid-out text's footnotes end when the heading after them is lost (a broken page).

The footnotes stand under "Explanation of Responses:" up to the next heading ("Remarks:", "Note:
File three copies ..."). Each note is a block of lines holding its number "(1)" at its left (on its
first line, or alone beside its middle line); the blocks part at blank lines. A last block holding
no note's number, after a note that ends a sentence, and opening one, is no note's: the form prints
nothing there but a Form 3's "No securities are beneficially owned" and its own "*" notes, so the
heading before it was lost (the remarks, under a "Remarks:" line the page no longer shows). The
reader would take it for the last note's last lines: that note's end is not settled, and it is said
missing. A block after a note that does not end a sentence, or opening in a small letter, is the
note's, gone on past a page's gap (pdfplumber's layout: "... any security holder of" / gap /
"regarding the number"); a block ending in a number alone sets notes apart from their numbers
(pdfminer's text, pdftotext's without -layout: the note's text is in the block after its number),
and there the rule is not applied. No undamaged page of 18 text converters (pdftotext -layout,
pandoc plain, the text browsers, the PDF libraries' text; every 10th filing from 0, 1, 3, 5, 7, 9)
ends its notes with such a block.
"""

from __future__ import annotations

import re

from .cells import UNSETTLED, Doc
from .text_lines import _is_rule

#: A note's number opening a line (the text reader's anchors: "(1)", "1.", "(1) text").
_NUMBER_RE = re.compile(r"^\(?\d{1,3}\)?[.:]?(?:\s|$)")
#: A line ending a sentence.
_ENDS_RE = re.compile(r"[.!?\"'”)]$")
#: A note's number alone on its line.
_ALONE_RE = re.compile(r"^\(?\d{1,3}\)?[.:]?$")
#: What the form itself prints among the notes: its own "*" and "**" notes, a Form 3's statement.
_FORM_OWN_RE = re.compile(r"^\*|No\s+securities\s+are\s+beneficially\s+owned", re.IGNORECASE)


def _blocks(lines: list[str], begin: int, end: int) -> list[tuple[int, int]]:
    """Runs of lines holding text between blank lines (a rule or a form feed parts them too), as
    (first, end), the form's own lines left out."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    for i in range(begin, end + 1):
        ln = lines[i] if i < end else ""
        bare = ln.strip()
        filled = bool(bare) and not _is_rule(ln) and not bare.startswith("\f") and not _FORM_OWN_RE.search(bare)
        if filled and start is None:
            start = i
        elif not filled and start is not None:
            out.append((start, i))
            start = None
    return out


def stray_after_notes(lines: list[str], begin: int, end: int) -> int | None:
    """The first line of a last block of the notes' lines ``[begin, end)`` that holds no note's number
    while a block before it does (the heading after the notes lost), or None."""
    blocks = _blocks(lines, begin, end)
    numbered = [any(_NUMBER_RE.match(lines[i].strip()) for i in range(a, b)) for a, b in blocks]
    if len(blocks) < 2 or numbered[-1] or not numbered[-2]:
        return None
    if any(_ALONE_RE.match(lines[b - 1].strip()) for a, b in blocks):
        return None  # (a number set apart, its text in the block after it: flowing text's notes)
    ended = lines[blocks[-2][1] - 1].rstrip()
    opens = lines[blocks[-1][0]].strip()
    if not _ENDS_RE.search(ended) or not opens[:1].isupper():
        return None  # (a note going on past a page's gap: a sentence not ended, one going on)
    return blocks[-1][0]


def unsettle_last_note(rows: Doc) -> Doc:
    """The notes' rows with the last numbered note marked as not settled (listed missing)."""
    last = next((k for k in range(len(rows) - 1, -1, -1) if rows[k] and _NUMBER_RE.match(rows[k][0])), None)
    if last is None or rows[last][-1].endswith(UNSETTLED):
        return rows
    return [*rows[:last], [*rows[last][:-1], rows[last][-1] + UNSETTLED], *rows[last + 1 :]]


__all__ = ["stray_after_notes", "unsettle_last_note"]
