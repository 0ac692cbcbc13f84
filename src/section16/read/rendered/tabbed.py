"""Text whose table cells are parted by tabs: what a browser gives for "select all, copy" (the page's
``innerText``). Each line is a row, each tab parts two cells; the printed form is then read from
those rows like any other page's (:mod:`.form`).

Such text is not laid out: its columns do not line up, so the laid-out text reader (which places
words by where they stand) would put one box's value under another's label. A cell's own line breaks
print as lines of their own, as Markdown's hard breaks do, which the form reader allows for; inside
Table I and Table II, where a cell holds a block (a value over its footnote), the break parts a row's
cells over several lines: they are joined again by counting the row's tabs, one fewer than the
table's columns.
"""

from __future__ import annotations

import re

from . import tables
from .boxes import read_form_type
from .cells import Doc, normalize

#: A page is tab-parted when at least this share of its lines with text holds a tab ...
TABBED_SHARE = 0.05
#: ... and at least this many lines do (a stray tab in laid-out text is not a table).
TABBED_LINES = 8
#: A table row broken over lines is looked for over at most this many (a cell's blocks: a value, its
#: footnote marks; a hostile page of lines never coming to the count costs no more than this each).
ROW_LINES = 24

_TABLE_RE = re.compile(r"^\s*Table\s+(I{1,2})\s*-", re.IGNORECASE)
_TABLE_END_RE = re.compile(
    r"^\s*(?:Reminder:|Explanation\s+of\s+Responses|Reporting\s+Owners|Signatures?\s*$|Remarks:|Table\s+II\s*-)",
    re.IGNORECASE,
)


def is_tabbed(text: str) -> bool:
    """Does the page part its cells with tabs rather than lay them out in columns?"""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    tabbed = sum(1 for ln in lines if "\t" in ln)
    laid_out = sum(1 for ln in lines if "   " in ln.strip("\t "))  # runs of spaces part columns
    return tabbed >= TABBED_LINES and tabbed >= TABBED_SHARE * len(lines) and laid_out < tabbed


def tabbed_to_doc(text: str) -> Doc:
    """Each line a row of its tab-parted cells (a line of blanks alone is no row); a table row the
    page broke over several lines joined first."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    form = read_form_type(text) or "4"
    return [[normalize(c) for c in row.split("\t")] for row in _rows(lines, form) if row.strip()]


def _rows(lines: list[str], form: str) -> list[str]:
    """The lines, each table row's pieces joined: in a table, a line starting a row's title (text
    before its first tab) takes the lines after it until the row holds one tab fewer than the
    table's columns. Where the pieces never come to that count, the lines stay as they were."""
    out: list[str] = []
    tabs = 0  # the tabs of a row of the table the lines are in (0: not in a table)
    i = 0
    while i < len(lines):
        ln = lines[i]
        m = _TABLE_RE.match(ln)
        if m:
            tabs = len(tables.columns(form, len(m.group(1)))) - 1
        elif tabs and _TABLE_END_RE.match(ln):
            tabs = 0
        if tabs and ln.count("\t") < tabs and ln.split("\t", 1)[0].strip() and "\t" in ln:
            parts, count, j = [ln], ln.count("\t"), i + 1
            while count < tabs and j < min(len(lines), i + ROW_LINES) and not _TABLE_END_RE.match(lines[j]):
                parts.append(lines[j])
                count += lines[j].count("\t")
                j += 1
            if count == tabs:
                out.append("\n".join(parts))
                i = j
                continue
        out.append(ln)
        i += 1
    return out
