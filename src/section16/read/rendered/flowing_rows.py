"""Table rows a converter wrote as flowing text: each row a list item or paragraph, its cells run
together with spaces (html-to-markdown turns the form's tables into bulleted lists:
``- Common Stock 01/15/2024 F 189 [(1)](#F1) D $`` then ``146.56 5,887 D``).

Where one cell ends and the next begins is not on the page any more: "D" may be the row's
(A)/(D) or its Ownership Form, a title may end in a number, a nature of ownership runs into the
next row's title. Read by position such a line is no row at all (one cell where the table has
eleven), and passed over as a wrapped heading its values would be silently lost. So a line inside a
table that holds what only a row holds (a date, or a D or I standing alone beside a number) marks its
table's rows as not placed: the table is listed missing with a note, never guessed.
"""

from __future__ import annotations

import functools
import re

from .cells import MEMO

#: A date as the form prints it (Month/Day/Year), standing alone.
_DATE_RE = re.compile(r"(?<![\w/])\d{1,2}/\d{1,2}/\d{4}(?![\w/])")
#: An Ownership Form (D or I) standing alone, maybe with its footnote marks.
_DI_RE = re.compile(r"(?<![\w(])[DI](?:\s*\(\d{1,3}\))*(?![\w)])")
#: A number as a row prints it: an amount, a price (digits, maybe grouped, maybe with decimals).
_NUMBER_RE = re.compile(r"(?<![\w(./-])\$?\s?\d[\d,]*(?:\.\d+)?(?![\w)/-])")
#: The heading's notes and numbers, which are not a row's values ("(Instr. 3)", "2A.", "(9-02)").
_HEADING_RE = re.compile(r"\(Instr\.[^)]*\)|\(Month/Day/Year\)|\(\d{1,2}-\d{2}\)|(?<!\S)\d{1,2}[A-Z]?\.(?!\d)")


@functools.lru_cache(maxsize=MEMO)
def holds_row_values(text: str) -> bool:
    """Does this line (one cell: a list item, a paragraph) hold a table row's values run together?"""
    if not any(ch.isdigit() for ch in text):
        return False
    text = _HEADING_RE.sub(" ", text)
    if _DATE_RE.search(text):
        return True
    return _DI_RE.search(text) is not None and _NUMBER_RE.search(text) is not None
