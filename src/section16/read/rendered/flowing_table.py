"""A table of a text page that a converter did not lay out (``lynx -dump``): its heading's labels run
together as a paragraph ("(Instr. 3) 2. Transaction Date (Month/Day/Year) 2A. Deemed ..."), and each
row is one line of its cells' words run together with spaces
(``Class A Common Stock 08/25/2022   A   57,755 ^(1) A $ 0 76,176 D``).

No column stands at a position, so the layout reader finds no heading to place the words under. Each
row is cut into cells by its words' types alone (:func:`.flowing_rows.cut_flowing`: a date, a code
letter, an amount with its marks, (A)/(D), a "$" price, the amount owned after, D/I, the nature). A
row that several cuts read alike (an empty cell that could be either of two columns, a mark that
could be a value's or the next cell's) is given once, marked :data:`~.tables.LOST`: the form reader
lists its fields missing instead of guessing; a line of the table that is no row at all, or
ambiguous rows of different kinds (a transaction or a holding), leave the whole table unread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace

from ...model import Coding, Filing, Note, Value
from . import tables
from .cells import LITERAL
from .flowing_blanks import by_blanks
from .flowing_rows import agreed_cell, cut_flowing, holds_row_values
from .layout_words import _heading_line
from .values import BadValue

#: A heading's last words, then the next column's numbered label, one space apart on one line: the
#: heading run together as a paragraph, not laid out in columns (which stack each label's words).
_RUN_HEADING_RE = re.compile(r"(?:\(Month/Day/Year\)|\(Instr\.[^)\n]*\)) \d{1,2}[A-Z]?\. [A-Z]")
#: A line going on from the row above: it opens with a footnote mark (a nature's mark wrapped).
_GOES_ON_RE = re.compile(r"^\s*(?:\^?\(\d{1,3}\)\s*)+$")
#: A text browser's raised footnote mark: touching the word before it, it is that word's
#: ("S^(1)": the code's own mark), else it stands apart ("189 ^(1)", the amount's or the next cell's).
_TOUCHING_MARK_RE = re.compile(r"(?<=\S)\^\((\d{1,3})\)")
_CARET_MARK_RE = re.compile(r"\^\((\d{1,3})\)")
_BARE_MARK_RE = re.compile(r"(?<!\^)\((\d{1,3})\)")
_LONE_DI_RE = re.compile(r"^[DI](?:\s*\^?\(\d{1,3}\))*$")
#: A line of amounts alone (each maybe with its "$" and its marks): a row's cells set on a line apart.
_AMOUNTS_RE = re.compile(r"^(?:\$?\s?\d[\d,]*(?:\.\d+)?(?:\s*\^?\(\d{1,3}\))*\s*)+$")
#: A D or I standing alone among a row's words (its Ownership Form, or Table I's (A)/(D)).
_SOME_DI_RE = re.compile(r"(?<!\S)[DI](?!\S)|(?<!\S)[DI](?=\^?\()")


def _no_di(row: str) -> bool:
    """Does the row's text show no D or I standing alone yet (its Ownership Form still to come)?"""
    return _SOME_DI_RE.search(row) is None


def runs_together(heading: list[str]) -> bool:
    """Is this table heading's text run together as a paragraph (labels following each other's words
    on one line), not laid out in columns?"""
    return any(_RUN_HEADING_RE.search(ln) for ln in heading)


#: Why a flowing table's rows are not read: one row's words, not the table's lines (its other rows,
#: and the other table, are not in doubt; the words "a row's words do not fit" say so to text.py).
NOT_CUT = "a row's words do not fit the columns one way alone (its cells run together as text): not placed"
#: Why, when a line inside the table is no row and goes on from none.
STRAY_LINE = "a row's words do not fit: a line inside the table is no row (its cells run together as text)"


@dataclass
class Unsettled:
    """A page's flowing rows whose cut is not settled: how many rows of each kind its flowing tables
    gave (their rows' places in the Filing), and the fields whose cells the cuts do not agree on."""

    counts: dict[str, int] = field(default_factory=dict)
    paths: list[str] = field(default_factory=list)

    def declared(self, filing: Filing) -> Filing:
        """The filing with those fields listed missing (their cells were left empty), with why."""
        if not self.paths:
            return filing
        missing = tuple(dict.fromkeys([*filing.missing, *self.paths]))
        notes = (*filing.notes, *(Note(p, _UNSETTLED_WHY) for p in self.paths))
        return replace(filing, missing=missing, notes=notes)


_UNSETTLED_WHY = "a row's words run together fit two cuts into cells: the cells they do not agree on are not read"
#: Each kind of row (its model class's name) and the Filing's field holding it.
_LISTS = {
    "NonDerivativeTransaction": "non_derivative_transactions",
    "NonDerivativeHolding": "non_derivative_holdings",
    "DerivativeTransaction": "derivative_transactions",
    "DerivativeHolding": "derivative_holdings",
}


def read_flowing_table(
    lines: list[str],
    raw: list[str],
    start: int,
    end: int,
    form: str,
    table: int,
    unsettled: Unsettled | None = None,
) -> list[list[str]] | str | None:
    """The rows of the table whose heading starts at line ``start`` (lines up to ``end``), each cut into
    the table's cells, when the heading runs together and every line after it is a row (or a
    footnote mark going on from the row above); why not, where the heading runs together but a row
    cannot be placed; None where the heading does not run together. ``raw``: the page's lines as
    the converter wrote them (marks not yet respelt), one for each of ``lines``. A row that several
    cuts fit: given ``unsettled``, its cells the cuts agree on are read, the others left empty and
    their fields put in ``unsettled``; else the row is marked :data:`~.tables.LOST` (read, then
    listed missing whole)."""
    cols = tables.columns(form, table)
    # The heading: its lines all of the heading's words; the first other line opens the rows.
    first = next((i for i in range(start, end) if lines[i].strip() and not _heading_line(lines[i])), end)
    if not runs_together(lines[start:first]):
        return None
    rows: list[str] = []
    whole: list[bool] = []  # each row's: does its text hold what only a row holds (a date, a D or I)?
    single: list[bool] = []  # each row's: all on one line (its blanks the converter's)?
    apart = False  # the last row's D or I came on a line apart, and nothing after it yet
    filled = [i for i in range(first, end) if raw[i].strip()]
    for n, i in enumerate(filled):
        text = raw[i].strip()
        # A line of footnote marks goes on from the row above (a nature's marks wrapped), and so does
        # a D or I alone under a row that has none yet (a holding's Ownership Form set on a line apart)
        # and, after such a D or I, a line of words holding no row's values (its nature, the next
        # cell, set apart the same way: "Class A Common Stock 5,685,761" / "I" / "Sequoia Grove II, LLC")
        # unless a D or I alone follows it (then it opens the next row, whose D or I that is:
        # "Class A Common Stock 3,257,826" / "D" / "Class A Common Stock 641,400" / "I"). Amounts alone
        # go on a row showing no D or I yet (cells set on lines apart: "... 06/01/2023 Common Stock" /
        # "1,700" / "1,700" / "D"), and so does its D or I then.
        lone_di = _LONE_DI_RE.match(text) is not None
        if rows and (_GOES_ON_RE.match(text) or (lone_di and (not whole[-1] or _no_di(rows[-1])))):
            apart = lone_di
            rows[-1] += " " + text
            single[-1] = False
            whole[-1] = holds_row_values(rows[-1])
        elif rows and _AMOUNTS_RE.match(text) and _no_di(rows[-1]):
            apart = False
            rows[-1] += " " + text
            single[-1] = False
            whole[-1] = holds_row_values(rows[-1])
        elif (
            rows
            and apart
            and not holds_row_values(lines[i].strip())
            and not (n + 1 < len(filled) and _LONE_DI_RE.match(raw[filled[n + 1]].strip()))
        ):
            apart = False
            rows[-1] += " " + text
            single[-1] = False
        else:
            apart = False
            rows.append(text)
            whole.append(holds_row_values(lines[i].strip()))
            single.append(True)
    if not all(whole):
        return STRAY_LINE  # a line of the table's that no row holds: which row's it is is not shown
    out: list[list[str]] = []
    counts: dict[str, int] = dict(unsettled.counts) if unsettled is not None else {}
    paths: list[str] = []
    # A page printing its footnote marks raised ("^(1)") prints a bare "(2)" as the filer's text
    # ("Class B Common Stock (2)"): kept as text, not read as a mark.
    carets = any("^(" in ln for ln in raw)
    for text, one_line in zip(rows, single, strict=True):
        if carets and "(" in text:
            text = _BARE_MARK_RE.sub(f"({LITERAL}\\1)", text)
        text = _CARET_MARK_RE.sub(r"(\1)", _TOUCHING_MARK_RE.sub(r"(\1)", text))
        cuts = cut_flowing(text, cols)
        cuts = tuple(c for c in cuts if c[0])  # (every row prints its security's title)
        if len(cuts) > 1 and one_line:
            cuts = by_blanks(text, cuts, cols)
        built = [_built(c, cols, form, table) for c in cuts]
        kinds = {type(b).__name__ for b in built}
        if not cuts or len(kinds) > 1 or None in built:
            return NOT_CUT  # (read one way a transaction, the other a holding: even the row's place is unsure)
        kind = kinds.pop()
        at = counts.get(kind, 0)
        counts[kind] = at + 1
        row = list(cuts[0])
        if len(cuts) > 1:
            # The cells every cut agrees on are read; the others are left empty (or, where the cuts
            # differ only in a cell's footnote marks, its value alone), their fields said missing.
            agreed = [agreed_cell([cut[j] for cut in cuts]) for j in range(len(row))]
            blank = _built(tuple(agreed), cols, form, table)
            if unsettled is not None and blank is not None and type(blank).__name__ == kind:
                row = agreed
                unsure = _differing([*built, blank])
                paths.extend(f"{_LISTS[kind]}[{at}].{f}" for f in unsure)
            else:
                k = max((j for j, c in enumerate(row) if c.strip()), default=len(row) - 1)
                row[k] += tables.LOST  # read, then listed missing (its cells are not settled)
        out.append(row)
    if unsettled is not None:
        unsettled.counts.update(counts)
        unsettled.paths.extend(paths)
    return out


def _differing(rows: list[object]) -> list[str]:
    """The fields (model attributes) whose values are not the same in all of ``rows``; a field whose
    rows differ only in its footnote marks as its ``.footnotes`` (its value is settled)."""
    names = [f.name for f in fields(rows[0])]  # type: ignore[arg-type]
    out = []
    for n in names:
        got = [getattr(r, n) for r in rows]
        if all(g == got[0] for g in got[1:]):
            continue
        bare = [replace(g, footnote_ids=()) if isinstance(g, (Value, Coding)) else g for g in got]
        out.append(f"{n}.footnotes" if all(b == bare[0] for b in bare[1:]) else n)
    return out


def _built(cells: tuple[str, ...], cols: tuple[str, ...], form: str, table: int) -> object | None:
    """The row its cells make (a transaction or a holding of the table's model), or None where a
    cell does not read."""
    by_col = dict(zip(cols, cells, strict=True))
    try:
        return tables.non_derivative(by_col, form) if table == 1 else tables.derivative(by_col, form)
    except (tables.RowError, BadValue):
        return None


def page_lines(text: str, count: int) -> list[str]:
    """The page's lines as the converter wrote them, one for each of the ``count`` lines the text
    front end reads (its line breaks as it counts them; form feeds out); else blank lines."""
    got = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "").split("\n")
    return got if len(got) == count else [""] * count
