"""Table rows a converter drew from a PDF's lines, not the form's columns, placed by what their cells hold.

A PDF-to-Markdown converter (pymupdf4llm, an OCR or vision model) makes a pipe table's columns from
the rules and text it sees: a heading cut in two gives a row an empty cell more than the table has
columns ("22,076 (1) | | D"), two narrow columns side by side share a cell ("A<br>$ 0"), an empty
column is dropped. Such a row does not fit the table cell for cell, and read by position its values
would land in the wrong fields.

The form says what each column can hold (a date, a code, a number, D or I...) and what a row must
show (every row its title and its Ownership Form; a transaction its date, code, amount and (A)/(D); a
holding none of those). Each non-empty cell -- or each of its lines, for a cell two columns share --
is given a column, in order, where it reads as that column's type; the row is placed when exactly one
set of values does so. Otherwise it is left as drawn, and the form reader refuses it as before.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterator

from .boxes import read_form_type
from .cells import MEMO, Row, flat
from .flowing_rows import holds_row_values, is_stray, place_flowing
from .form_index import marker_of
from .tables import LOST, RUN_TOGETHER, UNPLACED, LoneCell, RowError, check_cell, columns, data_cells, fits, split_rows
from .values import split_marks

#: A line that is only footnote marks: it belongs to the value on the line above.
_LEAD_MARKS_RE = re.compile(r"^(?:\(\d{1,3}\)\s*)+")
_LETTER_RE = re.compile(r"[A-Za-z]")
_NOT_LETTERS_RE = re.compile("[^a-z]")
_DIGIT_RE = re.compile(r"\d")
#: Columns holding a number (a price, an amount): a value there shows its digits.
_NUMBERS = frozenset(("amount", "price", "after", "conv", "ushares", "a", "d"))
#: Columns that hold words (a title, a nature of ownership): any text with a letter in it.
_TEXT = frozenset(("title", "utitle", "nature"))
#: What a transaction row shows, and what a holding row leaves empty (the form's own rules).
_TX_SHOWS = {"T1": ("date", "amount", "ad"), "T2": ("date",)}
_HOLDING_EMPTY = frozenset(("date", "deemed", "code", "code5", "v", "amount", "ad", "price", "a", "d"))
#: Enough readings to know a row is ambiguous.
_ENOUGH = 2


def _units(cell: str) -> list[str]:
    """The cell's lines, footnote marks opening a line kept with the line above (a mark follows its
    value: "4,100" / "(2) D" is 4,100 with mark 2, then D)."""
    out: list[str] = []
    for ln in (x.strip() for x in cell.split("\n")):
        m = _LEAD_MARKS_RE.match(ln) if out else None
        if m:
            out[-1] += " " + m.group(0).strip()
            ln = ln[m.end() :].strip()
        if ln:
            out.append(ln)
    return out


def _fits(kind: str, text: str) -> bool:
    if kind in _TEXT:
        return _LETTER_RE.search(text) is not None
    if kind in _NUMBERS and "$" in text and not _DIGIT_RE.search(split_marks(flat(text))[0]):
        return False  # a "$" alone: the number it stood before went elsewhere
    return check_cell(kind, flat(text)) and bool(flat(text))


def _readings(values: list[list[str]], cols: tuple[str, ...]) -> Iterator[dict[str, str]]:
    """Every way to give the values columns in order: each value (a cell whole, or its lines one
    column each) to a column after the previous value's, where it reads as that column's type."""
    n = len(cols)

    def go(i: int, col: int, got: dict[str, str]) -> Iterator[dict[str, str]]:
        if i == len(values):
            yield dict(got)
            return
        units = values[i]
        choices = [["\n".join(units)]]
        if len(units) > 1:
            choices.append(units)
        for parts in choices:
            yield from place(parts, 0, i, col, got)

    def place(parts: list[str], j: int, i: int, col: int, got: dict[str, str]) -> Iterator[dict[str, str]]:
        if j == len(parts):
            yield from go(i + 1, col, got)
            return
        # The lines of one cell stand in columns side by side: the next line goes in the next column.
        stop = col + 1 if j > 0 else n
        for k in range(col, min(stop, n)):
            if _fits(cols[k], parts[j]):
                got[cols[k]] = parts[j]
                yield from place(parts, j + 1, i, k + 1, got)
                del got[cols[k]]

    yield from go(0, 0, {})


def _shown(got: dict[str, str], cols: tuple[str, ...], table: str) -> bool:
    """Does the reading show what the form prints on every row of its kind?"""
    if "title" not in got or "di" not in got:
        return False
    code = "code5" if "code5" in cols else "code"
    if code not in cols:  # Form 3: holdings only
        return True
    if code in got:
        return all(k in got for k in _TX_SHOWS[table]) and (table == "T1" or "a" in got or "d" in got)
    return not any(k in got for k in _HOLDING_EMPTY)


def place_row(row: Row, cols: tuple[str, ...], table: str) -> Row | None:
    """The row as one cell per column, when its cells' values can be placed on the columns one way
    only; None when they cannot, or can several ways (which value is whose is not shown)."""
    values = [u for u in (_units(c) for c in row) if u]
    if not values or len(values) > len(cols) + 4:
        return None
    found: list[dict[str, str]] = []
    for got in _readings(values, cols):
        if not _shown(got, cols, table):
            continue
        if got not in found:
            found.append(got)
            if len(found) >= _ENOUGH:
                return None
    if len(found) != 1:
        return None
    return [found[0].get(k, "") for k in cols]


# A row's markers and whether it is a stray line, memoised by the row: the tables' heading rows are
# the same on page after page, and each cell's look-ups cost more than one. (A small memo: the
# heading rows, met on every page, stay in it; a page's own rows are pushed out by the pages after.)
_ROW_MEMO = 1 << 10


@functools.lru_cache(maxsize=_ROW_MEMO)
def _row_marks(cells: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(m for m in (marker_of(c) for c in cells if c) if m)


@functools.lru_cache(maxsize=_ROW_MEMO)
def _stray(cells: tuple[str, ...]) -> bool:
    return is_stray(list(cells))


@functools.lru_cache(maxsize=MEMO)
def _refused(cells: tuple[str, ...], cols: tuple[str, ...]) -> bool | None:
    """Would the form reader refuse the row (True), read it by position (False), or pass it over as
    a heading or a lone line (None)? A row with more cells than the table has columns, read as one
    row by position, counts as refused: its extra cells shift the values after them. (Memoised: the
    heading's rows are the same on page after page.)"""
    row = list(cells)
    try:
        chunks = split_rows(row, len(cols), [])
    except LoneCell:
        return None
    except RowError:
        return True
    if not chunks:
        return None
    if not all(fits(c, cols) for c in chunks):
        return True
    if len(chunks) > 1 and "di" in cols:
        # Rows run together each show their title (words) and their Ownership Form (D or I): a
        # chunk without ("22,076 (1)" | "" | "D") is the same row's next cells, past empty cells
        # a PDF's table drew.
        di = cols.index("di")
        if not all(_LETTER_RE.search(c[0]) and c[di].strip() for c in chunks):
            return True
    return len(chunks) == 1 and len(data_cells(row)) > len(cols)


#: A caption in brackets alone ("(Country)", "(Zip/Postal Code)"): the 2026 design prints box 1's last
#: captions past Table I's title.
_CAPTION_RE = re.compile(r"^\([^()]*\)$")
#: Table II's title's note, as a converter may mark it up ("( _e.g._ , puts, calls, ...)").
_TITLE_NOTE_RE = re.compile(r"e\.\s*g\.|puts,\s*calls")
#: A line of the form's own above a table's rows, whole: Table II's title's note "(e.g., puts, calls,
#: warrants, options, convertible securities)", or box 1's last caption "(Country)" (the 2026 design
#: prints it past Table I's title).
_TITLED_LINE_RE = re.compile(
    r"^[\W_]*\((?:[\W_]*e\.\s*g\.[\W_]*,?\s*puts,\s*calls,\s*warrants,\s*options,\s*convertible\s+securities"
    r"|\s*Country\s*)[\W_]*\)[\W_]*$"
)


#: Column notes opening a paragraph: "(Instr. 5) ".
_LEADING_NOTES_RE = re.compile(r"^(?:\s*\(Instr\.\s*\d(?:\s*(?:and|,)\s*\d)*\)\s*)+(?=\w)")


def _piece_of_row(text: str) -> bool:
    """Is a paragraph above a table's first row words of a row's cell ("Common" over a row whose
    underlying title "Common Stock" a PDF's table cut): words, none the heading's or the form's?"""
    from .column_blocks import is_heading  # (the heading's words, as a PDF's text boxes give them)

    # (A column's note the paragraph opens with is the heading's last line run into the cell's words:
    # MarkItDown's "(Instr. 5) Sequoia Capital U.S. Growth Fund VII, L.P. (1)" over a row whose
    # nature is blank.)
    text = _LEADING_NOTES_RE.sub("", text)
    lines = [ln for ln in text.split("\n") if ln.strip()]
    return (
        bool(lines)
        and not all(_CAPTION_RE.match(ln.strip()) for ln in lines)  # (box 1's "(Country)" past the title)
        and _LETTER_RE.search(text) is not None
        and not _FORM_TEXT_RE.search(text)
        and not _TITLE_NOTE_RE.search(text)
        and not holds_row_values(text)
        and not is_heading(lines)
    )


#: The form's line under Table I, and the notes printed beside and under it, letters only.
_REMINDER = "reminderreportonaseparatelineforeachclassofsecuritiesbeneficiallyowneddirectlyorindirectly"
_PERSONS = (
    "personswhorespondtothecollectionofinformationcontainedinthisformarenotrequiredtorespondunlesstheform"
    "displaysacurrentlyvalidombcontrolnumber"
)
_FORM_NUMBER_RE = re.compile(r"^(?:SEC)?\s*(?:\d{4}\s*\(\d{1,2}-\d{2}\))?$")


def _words_after_reminder(cells: tuple[str, ...]) -> bool:
    """Is the row the form's "Reminder:" line, drawn over several cells, with text after it that is
    not the form's own (its "Persons who respond ..." note, its number "SEC 1474 (9-02)")?"""
    if sum(1 for c in cells if c.strip()) < 2:
        return False
    seen = ""
    for cell in cells:
        for line in cell.split("\n"):
            letters = _NOT_LETTERS_RE.sub("", line.lower())
            if len(seen) < len(_REMINDER):
                seen += letters
                if not _REMINDER.startswith(seen[: len(_REMINDER)]):
                    return False
                continue
            if not _FORM_NUMBER_RE.match(line.strip()) and not (letters and letters in _PERSONS):
                return True
    return False


#: A column's note in the heading: its instructions or its date's form.
_COLUMN_NOTE_RE = re.compile(r"\(Instr\.|Month/Day/Year")


def _labelled(cells: tuple[str, ...]) -> bool:
    """Does a cell of the row hold a column's note ("(Instr. 4)", "(Month/Day/Year)")?"""
    return any(_COLUMN_NOTE_RE.search(c) for c in cells if c)


@functools.lru_cache(maxsize=_ROW_MEMO)
def _untitled(cells: tuple[str, ...], cols: tuple[str, ...]) -> bool:
    """Does a row read by position show neither its title (words, not only marks) nor its Ownership
    Form (D or I)?"""
    if "di" not in cols:
        return False
    di = cols.index("di")
    try:
        chunks = split_rows(list(cells), len(cols), [])
    except (LoneCell, RowError):
        return False  # (not read by position: the form reader says so)
    return any(not _LETTER_RE.search(split_marks(flat(c[0]))[0]) and not c[di].strip() for c in chunks)


def place_tables(doc: list[Row], in_order: Collection[int] = (), lost: Collection[int] = ()) -> list[Row]:
    """The rows of Table I and Table II that do not fit their table as drawn, placed by their values
    where that is sure; every other row as it was. ``in_order``: the ids of rows whose words are
    surely in the page's order (a list item, a line), the only rows written as text that are read
    (lines joined as one paragraph may be a PDF's, a "$" or a mark stacked out of its place).
    ``lost``: the ids of rows a cell of which lost its next line: inside a table, marked
    :data:`~.tables.LOST` (read, then listed missing)."""
    region: tuple[tuple[str, ...], str] | None = None
    form: str | None = None
    rows_seen = False  # a row of the current table read (headings stand above them)
    out: list[Row] = []
    # Rows written as text (flowing_rows): each run of their lines, kept in ``out`` as a slot filled
    # at the end, when it is known whether its table holds other lines no row took (then none of
    # the table's runs is read: those lines may be its rows' cells, "$" or "(1)" on a line apart).
    flow: list[str] = []
    slots: dict[int, tuple[int, list[str], tuple[str, ...]]] = {}  # id(slot) -> (table, lines, columns)
    stray: set[int] = set()  # the tables (counted) holding a line no row took
    table_no = 0

    def flush_flow() -> None:
        if flow and region is not None:
            slot: Row = []
            slots[id(slot)] = (table_no, list(flow), region[0])
            out.append(slot)
        flow.clear()

    # A table's text a PDF-to-Markdown converter drew outside its rows: a paragraph after the table's
    # last row ("FBO of Jennifer T Jerome." under the table, before "Reminder:"), or a title's piece
    # alone atop the next page's table ("(right to buy)"). Whose line it is (the row above, or the
    # row below) is not shown: those rows are marked LOST (read, then listed missing).
    last_data: int | None = None  # where in ``out`` the current table's last row stands
    orphan_after: int | None = None  # that row, with a paragraph of the table's text after it
    lost_next = False  # the table's next row follows a title's piece alone

    def settle_orphan() -> None:
        nonlocal orphan_after
        if orphan_after is not None:
            out[orphan_after] = _marked_lost(out[orphan_after])
        orphan_after = None

    titled = _rows_saying_table(doc)
    for i, row in enumerate(doc):
        if flow and (len(row) != 1 or region is None or not holds_row_values(row[0])):
            flush_flow()
        if region is None and i not in titled:
            out.append(row)  # outside the tables only a table's title matters
            continue
        key = tuple(row)
        marks = _row_marks(key)
        if marks:
            settle_orphan()
            if marks[0] == "end" and last_data is not None and _words_after_reminder(key):
                # The form's "Reminder:" line drawn as a table row holding other words too ("... |
                # indir | ectly. | | Trust"): a cell's last line of the row above went into it.
                out[last_data] = _marked_lost(out[last_data])
            last_data, lost_next = None, False
            region = None
            rows_seen = False
            table_no += 1
            if marks[0] in ("t1", "t2"):
                # The form's columns, from its name above the tables. A piece of a page (the grid
                # front end reads each cell's Markdown apart) may not show it: nothing is placed then.
                form = form or read_form_type("\n".join(r[0] for r in doc[:i] if r))
                table = 1 if marks[0] == "t1" else 2
                region = (columns(form, table), f"T{table}") if form else None
            out.append(row)
            continue
        if region is not None and (_stray(key) or (len(row) == 1 and id(row) not in in_order)):
            # (Not Table II's title's note on a line of its own above the heading, "(e.g., puts,
            # calls, ...)": the title's, the title set with a line break, as html-to-markdown keeps it;
            # nor box 1's "(Country)" caption the 2026 design prints past Table I's title.)
            if rows_seen or len(row) != 1 or not _TITLED_LINE_RE.match(row[0].strip()):
                stray.add(table_no)
        if region is not None and len(row) == 1 and holds_row_values(row[0]):
            flow.append(row[0])  # a row's cells run together as text: placed with its run below
            continue
        flush_flow()
        if region is not None and not rows_seen and len(row) > 1 and _heading_words(row) and _labelled(key):
            # The heading's words with a column's note ("(Instr. 4)" | "or Indirect (I)"), above the
            # table's first row: read by position, the words after the note would be a row's title.
            continue
        if region is not None and not rows_seen and len(row) == 1 and _piece_of_row(row[0]):
            lost_next = True  # (words over the first row, not the heading's: a piece of its cell)
        refused = _refused(key, region[0]) if region is not None and len(row) > 1 else None
        if region is not None and refused:
            placed = place_row(row, *region)
            if placed is not None:
                if orphan_after is not None:  # (text between the row above and this one: whose?)
                    settle_orphan()
                    lost_next = True
                out.append(_marked_lost(placed) if (lost and id(row) in lost) or lost_next else placed)
                rows_seen, last_data, orphan_after, lost_next = True, len(out) - 1, None, False
                continue
            if not rows_seen and _heading_words(row):
                continue  # the heading's words the converter drew as a row of their own: not a row
            if _untitled(key, region[0]):
                out.append([next(c for c in row if c.strip()), UNPLACED])  # (as below)
                continue
            if rows_seen and last_data is not None and _outside_text(row):
                # One cell of words alone in a row wider than the table (MarkItDown's pipe table
                # holding a nature's wrapped line, "Fund, L.P.", between two rows): a piece of a
                # row's text, not a row (counted one, it shifted every row after it). Whose it is
                # is not shown: the rows above and below are marked, as for the text below.
                out[last_data] = _marked_lost(out[last_data])
                lost_next = True
                continue
            # Left as drawn, the form reader reads it by position: a row of the table all the same
            # (the pieces of text around it are weighed as around any row, below).
            rows_seen = True
            if orphan_after is not None:
                settle_orphan()
                lost_next = True
            if lost_next:
                row, lost_next = _marked_lost(row), False
            out.append(_marked_lost(row) if lost and id(row) in lost else row)
            last_data = len(out) - 1
            continue
        elif refused is False and region is not None and _untitled(key, region[0]):
            # Neither a title nor an Ownership Form, which every row shows ("" | "(1)" | "(1)"): the
            # marks of a row's cells a PDF's table drew on a line of their own. Whose they are is
            # not shown: the table's rows are not read.
            out.append([next(c for c in row if c.strip()), UNPLACED])
            continue
        elif refused is False:
            rows_seen = True
            if orphan_after is not None:
                # A piece of the table's text between the row above and this one ("Stock" under a
                # row, "Common" over the next): whose it is is not shown, both rows are marked.
                settle_orphan()
                lost_next = True
            if lost_next:
                row, lost_next = _marked_lost(row), False
            out.append(_marked_lost(row) if lost and id(row) in lost else row)
            last_data = len(out) - 1
            continue
        elif region is not None and rows_seen and last_data is not None and _outside_text(row):
            if len(row) > 1:
                out[last_data] = _marked_lost(out[last_data])
                lost_next = True
            else:
                orphan_after = last_data
        elif region is not None and refused is None and len(row) > 1 and not _heading_words(row):
            # Read as a heading (a cell holds "(Instr. 4)"...), but values stand in it too: the
            # converter drew the heading's last lines into the table's first row.
            title = next(c for c in row if c.strip())
            out.append([title, UNPLACED])
            continue
        out.append(_marked_lost(row) if region is not None and lost and id(row) in lost else row)
    flush_flow()
    settle_orphan()
    if not slots:
        return out
    filled: list[Row] = []
    for row in out:
        got = slots.get(id(row)) if not row else None
        if got is None:
            filled.append(row)
            continue
        table, lines, cols = got
        cut = place_flowing(lines, cols, unsure=True) if table not in stray else None
        # (A line not placed, or a line no row took: none of the run is read, each line said so.)
        filled.extend(cut if cut is not None else [[ln, RUN_TOGETHER] for ln in lines])
    return filled


#: The form's own words between and under its tables (and the heading's): no row's text.
_FORM_TEXT_RE = re.compile(
    r"Reminder|Persons\s+who|SEC\s+\d|Table\s+I|\(e\.\s*g\.|Instr\.|Month/Day|Explanation|Reporting\s+Owner",
    re.IGNORECASE,
)


def _outside_text(row: Row) -> bool:
    """A row of a table's text alone: one cell of words (no value a row shows), not the form's own
    words, as a paragraph, or as the only filled cell of a row of fewer cells than the table has."""
    filled = [c for c in row if c.strip()]
    if len(filled) != 1 or holds_row_values(filled[0]) or _FORM_TEXT_RE.search(filled[0]):
        return False
    # (Its words may end in the cell's footnote marks: "Declaration of Trust (5)", a nature's last
    # line under the table; the marks are no value.)
    words = _END_MARKS_RE.sub("", filled[0])
    if len(row) == 1 and _WORD_RE.search(words) and not _AMOUNT_OR_DATE_RE.search(words):
        # A paragraph whose number stands among words, no amount, price or date ("2010<br>Seed (3)",
        # the end of the nature "US Venture 2010 Seed" pymupdf4llm drew under the table): a name's,
        # no row's value.
        return True
    return not _VALUE_RE.search(words.replace("\n", " ")) and any(ch.isalpha() for ch in words)


#: A word of three letters or more.
_WORD_RE = re.compile(r"[A-Za-z]{3}")
#: What a row's value shows: an amount with its thousands' comma or decimals, a price, a date.
_AMOUNT_OR_DATE_RE = re.compile(r"\$|\d[,./]\d|\d-\d")


def _marked_lost(row: Row) -> Row:
    """The row with :data:`~.tables.LOST` after its last filled cell (read_table takes it out)."""
    k = max((j for j, c in enumerate(row) if c.strip()), default=len(row) - 1)
    return [c + LOST if j == k else c for j, c in enumerate(row)]


_TABLE_GATE_RE = re.compile("table", re.IGNORECASE)


def _rows_saying_table(doc: list[Row]) -> set[int]:
    """The rows holding "table" in any case (outside the tables only a table's title matters): found
    in the rows joined and lower-cased, by one scan. (Row by row where lower-casing could move the
    text, which "\u0130" alone does, or a cell holds the rows' separator.)"""
    joined = "\x01".join(["\x00".join(row) for row in doc])
    if "\u0130" in joined or joined.count("\x01") != len(doc) - 1:
        return {i for i, row in enumerate(doc) if _TABLE_GATE_RE.search("\x00".join(row))}
    low = joined.lower()
    found: set[int] = set()
    row = last = 0
    at = low.find("table")
    while at >= 0:
        row += low.count("\x01", last, at)
        last = at
        found.add(row)
        at = low.find("table", at + 5)
    return found


# The heading's own words and numbers: its notes ("(Instr. 3)", "(Month/Day/Year)"), its column
# numbers opening a line ("2A."), and the sub-headings "Code" over "V".
_HEADING_NOTES_RE = re.compile(
    r"\(Instr\.[^)\n]*\)|\(Month/Day/Year\)|^[ \t]*\d{1,2}[A-Z]?[ \t]*\.", re.IGNORECASE | re.MULTILINE
)
_CODE_V_RE = re.compile(r"^[ \t]*Code[ \t]*\n[ \t]*V[ \t]*$", re.MULTILINE)
#: A value of any kind a row shows: a number or date (a digit), a code or D/I on a line of its own.
_END_MARKS_RE = re.compile(r"(?:\s*\(\d{1,3}\))+\s*$")
_VALUE_RE = re.compile(r"\d|^[ \t]*[A-Z](?:[ \t]*\(\d+\))*[ \t]*$", re.MULTILINE)


def _heading_words(row: Row) -> bool:
    return _heading_text("\n".join(row))


@functools.lru_cache(maxsize=MEMO)
def _heading_text(joined: str) -> bool:
    """A row of heading words only (above the table's first row): no value of any kind a row shows
    (a date, a number, a code or D/I on its own), only words and the heading's "(Instr. 3)"s."""
    text = _HEADING_NOTES_RE.sub("", joined)
    if "V" in text:
        text = _CODE_V_RE.sub("", text)
    return _VALUE_RE.search(text) is None
