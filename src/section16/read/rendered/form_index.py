"""Where each part of the printed form starts: a page's cells indexed once by the labels that open
the parts (Table I, Table II, the Explanation of Responses, remarks, the owners table, signatures).

:func:`index_doc` finds the labels, and where a converter dropped one (trafilatura drops the notes'
heading and Table II's title) the lines every SEC design prints in its place; :func:`region` gives a
part's cells up to the next label. ``form.read_doc`` reads each part from there.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import operator
import re
from collections.abc import Iterable

from .cells import LITERAL, MEMO, Doc, Row, flat

MARKERS: dict[str, re.Pattern[str]] = {
    "t1": re.compile(r"^\W*Table\s+I(?!I)\b", re.IGNORECASE),
    "t2": re.compile(r"^\W*Table\s+II\b", re.IGNORECASE),
    "expl": re.compile(r"^\W*Explanation\s+of\s+Responses", re.IGNORECASE),
    "rem": re.compile(r"^\W*Remarks\s*:?", re.IGNORECASE),
    "owners": re.compile(r"^\W*Reporting\s+Owners\W*$", re.IGNORECASE),
    "sigs": re.compile(r"^\W*Signatures?\W*$", re.IGNORECASE),
    "siglabel": re.compile(r"Signature\s+of\s+Reporting\s+Person", re.IGNORECASE),
    "end": re.compile(
        r"^\W*(?:Reminder:|Note:\s*File\s+three|Persons\s+who\s+respond|Potential\s+persons|SEC\s+1474|"
        r"\*?\s*Form\s+[345]:\s*SEC)",
        re.IGNORECASE,
    ),
}

Item = tuple[int, str, str | None]  # row index, cell text, marker


# Every marker but "siglabel" is anchored at the start of the cell after non-word characters, so the
# cell's first word (case-folded) decides whether any of them can match; "siglabel" needs "signature"
# somewhere in the cell. This gate is far cheaper than running the patterns on every value cell.
_LEAD_WORDS = frozenset(
    ("table", "explanation", "remarks", "reporting", "signature", "signatures", "reminder", "note", "persons",
     "potential", "sec", "form")
)  # fmt: skip


_MAY_MARK_RE = re.compile(r"\W*(?:" + "|".join(sorted(_LEAD_WORDS)) + r")\b|.*?signature", re.IGNORECASE | re.DOTALL)


def _may_mark(cell: str) -> bool:
    return _MAY_MARK_RE.match(cell) is not None


# The markers as one pattern, tried in their order as the alternatives are: the first that reads wins.
_MARKER_RE = re.compile(
    "|".join(f"(?P<{k}>{'.*?' if k == 'siglabel' else ''}{rx.pattern})" for k, rx in MARKERS.items()),
    re.IGNORECASE | re.DOTALL,
)


@functools.lru_cache(maxsize=MEMO)
def marker_of(cell: str) -> str | None:
    if not _may_mark(cell):
        return None
    m = _MARKER_RE.match(flat(cell))
    return m.lastgroup if m else None


# The gate above, for every cell at once: the cells joined behind a NUL each and lower-cased, so one
# scan (C speed) finds the cells that may hold a marker; only those are read with the patterns.
# Lower-casing matches case-insensitively as the patterns do, except for the letters that match an
# ASCII one only by the regex engine's case folding (İ ı ſ): text with those is gated cell by cell.
# (The lookahead on the words' first letters spares most cells the alternatives: the engine tries
# each in turn, with no common prefix to skip by.)
_LEAD_LETTERS = "".join(sorted({w[0] for w in _LEAD_WORDS}))
_GATE_RE = re.compile(r"\x00[^\w\x00]*(?=[" + _LEAD_LETTERS + "])(?:" + "|".join(sorted(_LEAD_WORDS)) + r")\b")
_FOLDS = ("\u0130", "\u0131", "\u017f")
_NO_SECURITIES_RE = re.compile(r"No\s+securities\s+are\s+beneficially\s+owned", re.IGNORECASE)
# (On the cells joined behind NULs: a NUL there is the line break between two cells.)
_NO_SECURITIES_LOW_RE = re.compile(r"no[\s\x00]+securities[\s\x00]+are[\s\x00]+beneficially[\s\x00]+owned")


@dataclasses.dataclass(slots=True)
class Index:
    """The doc's cells in reading order, indexed once: every other look-up is by position."""

    items: list[Item]
    marked: list[int]  # positions of the cells holding a marker, ascending
    first: dict[str, int]  # marker -> position of its first cell
    no_securities: bool  # "No securities are beneficially owned" anywhere on the page
    literal: bool  # a cell holds :data:`~.cells.LITERAL`
    expl_by_notes: bool = False  # "expl" is the block's "**" note: its heading was not found
    t2_by_label: bool = False  # "t2" is Table II's first heading label: its title was not found


def index_doc(doc: Doc) -> Index:
    cells = list(itertools.chain.from_iterable(doc))
    rows = list(itertools.chain.from_iterable(map(itertools.repeat, range(len(doc)), map(len, doc))))
    joined = "\x00" + "\x00".join(cells)
    marks: list[str | None] = [None] * len(cells)
    candidates: Iterable[int]
    if joined.count("\x00") != len(cells) or any(c in joined for c in _FOLDS):
        # A cell holding a NUL or a folding letter: every cell through the gate, one by one.
        candidates = range(len(cells))
        no_securities = _NO_SECURITIES_RE.search("\n".join(cells)) is not None
    else:
        low = joined.lower()
        hits = [m.start() for m in _GATE_RE.finditer(low)]
        at = low.find("signature")
        while at >= 0:
            hits.append(at)
            at = low.find("signature", at + 9)
        # A hit's cell is the number of NULs before it, less one (counted on from the hit before).
        found: list[int] = []
        cell, last = -1, 0
        for at in sorted(hits):
            cell += low.count("\x00", last, at + 1)
            last = at + 1
            if not found or found[-1] != cell:
                found.append(cell)
        candidates = found
        # (Searched across cells, a NUL between two standing for a line break: the phrase may be spread.)
        no_securities = _NO_SECURITIES_LOW_RE.search(low) is not None
    marked = []
    for i in candidates:
        mark = marks[i] = marker_of(cells[i])
        if mark is not None:
            marked.append(i)
    first: dict[str, int] = {}
    for i in marked:
        first.setdefault(marks[i] or "", i)
    by_notes = False
    if "expl" not in first and ("t1" in first or "t2" in first):
        # The "Explanation of Responses:" heading lost (trafilatura drops it as page furniture): every
        # SEC design prints the block's "** Intentional misstatements ..." note right before the
        # footnotes, so that note starts the block (after the tables), and the reader is told.
        after = first.get("t1", first.get("t2", 0))
        notes_at = next((i for i in range(after, len(cells)) if _NOTES_LINE_RE.match(cells[i])), None)
        while notes_at and rows[notes_at - 1] == rows[notes_at] and not _WORD_RE.search(cells[notes_at - 1]):
            notes_at -= 1  # (the note's "*" or "**" in a cell before it, as a pipe table prints them)
        if notes_at is not None:
            marks[notes_at] = "expl"
            bisect.insort(marked, notes_at)
            first["expl"] = notes_at
            by_notes = True
    by_label = False
    if "t2" not in first and "t1" in first:
        # Table II's title lost (trafilatura drops it): only Table II's heading opens with "1. Title of
        # Derivative Security", so that label starts the table (and ends Table I), before any block after.
        end = first.get("expl", len(cells))
        label_at = next((i for i in range(first["t1"] + 1, end) if _T2_LABEL_RE.match(cells[i])), None)
        if label_at is not None and marks[label_at] is None:
            marks[label_at] = "t2"
            bisect.insort(marked, label_at)
            first["t2"] = label_at
            by_label = True
    items = list(zip(rows, cells, marks, strict=True))
    return Index(items, marked, first, no_securities, LITERAL in joined, by_notes, by_label)


#: The Explanation of Responses' "*" and "**" notes, the lines every SEC design prints (in this order)
#: right before the footnotes, and nowhere else.
_NOTES_LINE_RE = re.compile(
    r"^\W*(?:If\s+the\s+form\s+is\s+filed\s+by\s+more\s+than\s+one|Intentional\s+misstatements\s+or\s+omissions)",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"\w")
#: Table II's first heading label, which Table I's heading does not print.
_T2_LABEL_RE = re.compile(r"^\W*1\s*\.\s*Title\s+of\s+Derivative\s+Security", re.IGNORECASE)


def regroup(items: list[Item]) -> list[Row]:
    """The items as rows again: consecutive items of one row together (grouped at C speed)."""
    return [list(map(CELL_OF, g)) for _r, g in itertools.groupby(items, _ROW_OF)]


_ROW_OF = operator.itemgetter(0)
CELL_OF = operator.itemgetter(1)


def region(ix: Index, key: str) -> list[Item] | None:
    """The cells from the first ``key`` marker up to the next marker of any kind."""
    start = ix.first.get(key)
    if start is None:
        return None
    k = bisect.bisect_right(ix.marked, start)
    end = ix.marked[k] if k < len(ix.marked) else len(ix.items)
    first = ix.items[start]
    # The marker cell may hold more than its label (a converter merged it with the next cell).
    rx = MARKERS[key]
    rest = rx.sub("", flat(first[1]), count=1).strip(" :*") if key not in ("t1", "t2") else ""
    head = [(first[0], rest, None)] if rest else []
    if key == "t2" and ix.t2_by_label:
        head = [(first[0], first[1], None)]  # (the marker is the heading's first label: kept)
    return head + ix.items[start + 1 : end]


#: A transaction's or an exercise's date: a value of a table's row, never of its title or heading.
_ROW_DATE_RE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")


def rows_in_title(ix: Index, key: str) -> bool:
    """The table's title cell runs on into its rows (a converter joined the title, the heading and
    the rows into one paragraph): the rows are in no cell of their own, and are not read."""
    start = ix.first.get(key)
    if start is None:
        return False
    text = flat(ix.items[start][1])
    m = MARKERS[key].search(text)
    return m is not None and _ROW_DATE_RE.search(text, m.end()) is not None


def frags(items: list[Item]) -> list[str]:
    """Every non-blank line of the cells, in reading order."""
    return [ln for ln in "\n".join(map(CELL_OF, items)).split("\n") if ln.strip()]
