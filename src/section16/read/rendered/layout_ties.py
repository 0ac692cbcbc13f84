"""A laid-out table whose back-to-back rows fit two cuts alike (:func:`.layout_rows.bands` finds no
single best), read both ways: the cut that starts each row earliest and the one that starts each
row latest bracket every cut that fits as well. Where the two readings differ only in rows' natures
of ownership (a nature's lines between two rows' middles could be either row's: "By estate planning
vehicle" over "Sequoia Capital ..."), everything else the table shows is read, and those natures are
given as unknown and listed missing. A row of a page laid out on another grid whose number stands
between or outside the (A) and (D) columns is read the same way, acquired ("early") and disposed
("late"): only its acquired or disposed is then unknown. Any other difference (a value, a title, a footnote mark on a
value, a row more or less) leaves the table unread, as before. (:func:`marks_out_of_ad`: a lone footnote mark such a
page's map moves into the (A) or (D) column beside the number is a date's, since the form prints neither so.)
(:func:`marks_past_date`: a Table II date followed, a space on, by a footnote mark beside an empty
expiration date, is read with that last mark the exercise date's ("early") and the
expiration date's ("late"): only the two dates' footnotes are then unknown.) Where the readings differ
in a field's footnotes only, only those are unknown: the value both read stands.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace

from ...model import Filing, Value
from . import tables
from .cells import TABLE_FIELDS
from .compare import flatten
from .layout_units import _mark_apart, raised_apart
from .layout_words import _MARK_RE, Tok

#: Why a table was not read when its back-to-back rows fit two cuts alike.
TIED = "rows printed without space between them, and their lines fit two rows alike"
#: Why a table was read both ways when a text browser laid it on its grid of characters and its lines
#: fit two cuts alike (:mod:`.layout_browser_rows`): a title's or a nature's line may be either row's.
GRID_TIED = "rows a text browser laid on its grid fit two cuts alike: a title's line may be either row's"
#: Why a table was read both ways when a row of a page laid out on another grid stands between or
#: outside its (A) and (D) columns (after the row's number, quoted: a row's own words, so the other
#: table stands).
AD_TIED = (
    "stands between or outside the (A) and (D) columns of a page laid out on another grid: "
    "acquired or disposed cannot be told"
)
#: Why a table was read both ways when a title of three lines or more ends as it starts (after that
#: last line, quoted: the row's own words, so the other table stands).
TITLE_TIED = "ends a title that starts with it: its line may begin the next row's title"
#: Why a table was read both ways when a date cell ends with a footnote mark a space after the one
#: printed with it and the next date's cell is empty (after the date cell, quoted: the row's own words,
#: so the other table stands).
MARK_TIED = "ends with a footnote mark beside an empty expiration date: whose mark it is cannot be told"
#: Why a table was read both ways when a free-text cell's footnote mark stands alone a line off its
#: words and farther right of them than a raised mark stands (:func:`raised_marks`; after the cell,
#: quoted: the row's own words, so the other table stands).
RAISED_TIED = "has a footnote mark a line off, far right of its words: whose mark it is cannot be told"
#: Why a table was read both ways when Table I's (A) or (D) code has a footnote mark alone a line off,
#: starting left of the code, and the amount beside it none (:func:`mark_over_code`; after the code's
#: cell, quoted: the row's own words, so the other table stands).
CODE_TIED = "has a footnote mark a line off, left of its code: the amount's or the code's cannot be told"
#: The fields a tie may leave unknown: a nature of ownership between two rows; a moved row's
#: acquired or disposed (its number between or outside the (A) and (D) columns).
_UNSURE_RE = re.compile(
    r"^(\w+)\[(\d+)\]\.(nature_of_ownership|acquired_disposed|security_title|underlying_title|exercise_date"
    r"|expiration_date|shares)(\.footnotes)?$"
)

#: A reading of the page with ties cut one way ("early" or "late"): the Filing and the tables that
#: were still not read.
Reading = Callable[[str], "tuple[Filing, set[int]]"]


def read_both_ways(
    read: Reading, tied: set[int], fields: Mapping[int, Collection[str]] | None = None
) -> tuple[Filing, list[str]] | None:
    """The page read with the tied tables' rows cut both ways, when the readings differ only in
    natures of ownership of those tables: the earliest cut's reading with those natures unknown,
    and the natures' paths (for ``Filing.missing``). A tied table that neither cut reads (its
    words fit no columns either way) stays unread: its fields are cleared and given whole among
    the paths ("derivative_transactions"), and the other tied table is read all the same (its own
    rows' tie says nothing of the other's words). None when the two readings differ otherwise,
    agree entirely (a tie that changes nothing read says nothing of the rest), or no tied table
    is read either way, or one is read one way only."""
    early, unread_early = read("early")
    if unread_early & tied == tied:
        return None  # (the latest cut is not read: the page is read once more at most)
    late, unread_late = read("late")
    still = unread_early & tied  # (tied tables neither cut reads)
    if unread_late & tied != still:
        return None
    a, b = flatten(early), flatten(late)
    differ = {p for p in a.keys() | b.keys() if a.get(p) != b.get(p)}
    if not differ:
        return None
    tied = tied - still
    # The fields each tied table's two readings may differ in (``fields``; natures by default).
    allowed = {k: set((fields or {}).get(t, ("nature_of_ownership",))) for t in tied for k in TABLE_FIELDS[t]}
    unsure: dict[tuple[str, str], set[int]] = {}
    valued: set[tuple[str, int, str]] = set()  # (the fields whose values differ, not only their marks)
    for p in differ:
        m = _UNSURE_RE.match(p)
        if m is None or m.group(3) not in allowed.get(m.group(1), ()):
            return None
        unsure.setdefault((m.group(1), m.group(3)), set()).add(int(m.group(2)))
        if m.group(4) is None:
            valued.add((m.group(1), int(m.group(2)), m.group(3)))
    cleared: dict[str, tuple[object, ...]] = {}
    for (kind, field), rows in unsure.items():
        got = cleared.get(kind, getattr(early, kind))
        cleared[kind] = tuple(
            replace(row, **{field: Value() if (kind, i, field) in valued else Value(getattr(row, field).value)})
            if i in rows
            else row
            for i, row in enumerate(got)
        )
    paths = [
        f"{kind}[{i}].{field}" + ("" if (kind, i, field) in valued else ".footnotes")
        for (kind, field), rows in sorted(unsure.items())
        for i in sorted(rows)
    ]
    for t in sorted(still):
        for kind in TABLE_FIELDS[t]:
            cleared[kind] = ()
            paths.append(kind)
    return replace(early, **cleared), paths  # type: ignore[arg-type]


#: A date (with the marks printed with it), then a space and one more mark (the last, quoted apart).
_DATE_MARKS_RE = re.compile(r"^(\d{1,2}/\d{1,2}/\d{2,4}(?:\(\d{1,3}\))*(?:\s\(\d{1,3}\))*) (\(\d{1,3}\))$")


def marks_past_date(cells_of: dict[int, list[str]], cols: Sequence[str], tie: str | None) -> None:
    """Table II rows whose exercise date ends with a footnote mark a space after the date or after
    the mark printed with it ("06/03/2013 (3)", "05/06/2020(2) (6)") and whose expiration date's
    cell is empty: the form prints an expiration date it does not give as its mark alone, and a
    layout program may set that mark a space after the cell before it, so the last mark is either
    date's. Untold, the table is refused
    with why (:data:`MARK_TIED`); told ``tie``, the mark is read as the exercise date's ("early") or
    the expiration date's ("late"), and the caller, comparing the two readings, lists only the two
    dates' footnotes missing. (A date with two marks of its own prints them together.)"""
    if "exer" not in cols or "exp" not in cols:
        return
    exer, exp = cols.index("exer"), cols.index("exp")
    for k, cells in cells_of.items():
        m = _DATE_MARKS_RE.match(cells[exer]) if not cells[exp] else None
        if m is None:
            continue
        if tie is None:
            raise tables.RowError(f"{cells[exer]!r} {MARK_TIED}")
        if tie == "late":
            cells = list(cells)  # (a copy: a row's cells are kept for the next reading)
            cells[exer], cells[exp] = m.group(1), m.group(2)
            cells_of[k] = cells


#: An amount, then a space and footnote marks (quoted apart).
_AMOUNT_MARKS_RE = re.compile(r"^(\d{1,3}(?:,\d{3})*(?:\.\d+)?) (\(\d{1,3}\)(?:\s?\(\d{1,3}\))*)$")


def marks_past_amount(cells_of: dict[int, list[str]], cols: Sequence[str], tie: str | None) -> None:
    """Table II rows whose (A) or (D) amount is followed, a space on, by footnote marks and whose
    exercise date's cell is empty, on a text browser's grid: the form prints an exercise date it does
    not give as its marks alone, centred in its column, and a browser sets a cell one space after the
    one before it ("2,105,171 ^(31)^(32)  08/13/2022"), so the marks are either cell's. Untold, the
    table is refused with why (:data:`MARK_TIED`); told ``tie``, the marks are read as the amount's
    ("early") or the exercise date's ("late"), and the caller lists only their footnotes missing."""
    if "exer" not in cols or "a" not in cols:
        return
    exer = cols.index("exer")
    for k, cells in cells_of.items():
        if cells[exer]:
            continue
        for c in (cols.index("a"), cols.index("d")):
            m = _AMOUNT_MARKS_RE.match(cells[c])
            if m is None:
                continue
            if tie is None:
                raise tables.RowError(f"{cells[c]!r} {MARK_TIED}")
            if tie == "late":
                cells = list(cells)  # (a copy: a row's cells are kept for the next reading)
                cells[c], cells[exer] = m.group(1), m.group(2)
                cells_of[k] = cells


def marks_out_of_ad(cut: Sequence[Sequence[Tok]], cols: Sequence[str]) -> list[list[Tok]] | None:
    """A Table II row of a page moved to the heading's grid whose number stands in the (A) or (D)
    column and a lone footnote mark in the other: the form prints the number (with its marks) in
    one of the two and leaves the other empty, so the mark is not theirs. Standing on another line
    than the number, or more than a space right of it (so not the number's own mark, printed one
    space after it or wrapped under it), between the number and the dates, it is the first date's
    (a date column shows only its mark where the date is not given): moved there, the dates' marks
    after it keep their order. The row's cells' words with the mark moved, or None where it cannot
    go (the dates hold two marks already, or a value)."""
    if not mark_beside_ad(cut, cols):
        return None
    a, d = cols.index("a"), cols.index("d")
    dates = [cols.index("exer"), cols.index("exp")]
    one, other = (a, d) if _MARKS_ONLY_RE.match(_text(cut[d])) else (d, a)
    number = cut[one][0]
    if any(t.line == number.line and t.x0 - number.x1 <= 2 for t in cut[other]):
        return None  # (the number's own mark, one space after it)
    if any(t.line != number.line and t.x0 <= number.x1 + 1 for t in cut[other]):
        return None  # (wrapped under the number: its own)
    marks = [cut[other], *(cut[c] for c in dates if cut[c])]
    if len(marks) > len(dates) or not all(_MARKS_ONLY_RE.match(_text(m)) for m in marks):
        return None
    out = [list(c) for c in cut]
    for c in (other, *dates):
        out[c] = []
    for c, m in zip(dates, marks, strict=False):
        out[c] = list(m)
    return out


def _text(cell: Sequence[Tok]) -> str:
    return " ".join(t.text for t in cell)


def mark_beside_ad(cut: Sequence[Sequence[Tok]], cols: Sequence[str]) -> bool:
    """A Table II row cut with a lone footnote mark in the (A) or (D) column and the number in the
    other: the form prints neither so (the number with its marks in one, the other empty)."""
    if "a" not in cols:
        return False
    a, d = (_text(cut[cols.index(c)]) for c in ("a", "d"))
    return bool(a and d) and (
        (_MARKS_ONLY_RE.match(a) is not None and _LONE_NUMBER_RE.match(d) is not None)
        or (_MARKS_ONLY_RE.match(d) is not None and _LONE_NUMBER_RE.match(a) is not None)
    )


def mark_over_code(cut: Sequence[Sequence[Tok]], cols: Sequence[str]) -> Tok | None:
    """Table I's (A) or (D) cell of a row's cut holding its code and one footnote mark alone a line
    off, starting left of the code and within a raised mark's reach of the amount before it, which
    has no mark: that mark (None otherwise). pypdf raises the amount's "(7)" a line above, three
    characters past "3,492" and four left of "D"; a raised mark may drift a space or two left of its
    value, so the mark is either cell's. The caller reads the row both ways."""
    if "ad" not in cols or "amount" not in cols:
        return None
    ad, amount = cut[cols.index("ad")], cut[cols.index("amount")]
    marks = [t for t in ad if _MARK_RE.match(t.text)]
    words = [t for t in ad if not _MARK_RE.match(t.text)]
    if len(marks) != 1 or not words or not amount or any(_MARK_RE.match(t.text) for t in amount):
        return None
    m = marks[0]
    if (
        all(abs(v.line - m.line) == 1 and v.x0 > m.x0 for v in words)
        and 0 <= m.x0 - max(t.x1 for t in amount) <= _RAISED_REACH
    ):
        return m
    return None


#: How far right of its value a raised footnote mark may stand (as :data:`.layout_units._RAISED_GAP`).
_RAISED_REACH = 8


#: A number alone in a cell (an amount), and a cell holding footnote marks only.
_LONE_NUMBER_RE = re.compile(r"^\d{1,3}(?:,\d{3})*(?:\.\d+)?$")
_MARKS_ONLY_RE = re.compile(r"^\(\d{1,3}\)(?:\s?\(\d{1,3}\))*$")


def raised_marks(
    cut: Sequence[Sequence[Tok]], cols: Sequence[str], text: frozenset[str]
) -> dict[int, list[Tok]] | None:
    """A row's cut whose only footnote marks standing apart (:func:`.layout_units._mark_apart`) are
    marks alone on their line, a line off a free-text cell's words (a title, a nature: columns
    ``text``) and farther right of them than a raised mark stands: those cells' such marks (empty
    where no mark stands apart). None where another mark stands apart (the cut is not the page's).
    pypdf sets a title's superscript "(1)" ten characters past "Common Stock" on the line above:
    the title's, or a stray mark of another cell; the caller reads the row with and without it."""
    out: dict[int, list[Tok]] = {}
    for c, cell in enumerate(cut):
        if not _mark_apart(list(cell)):
            continue
        raised = raised_apart(list(cell)) if cols[c] in text else []
        if not raised:
            return None
        out[c] = raised
    return out
