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
from typing import Any

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


_MARK_APART_RE = re.compile(r" (\(\d{1,3}\))")
_ENDS_IN_NUMBER_RE = re.compile(r"(?<!\S)\d[\d,.]*$")
_DI_CELL_RE = re.compile(r"^[DI](?:\s*\(\d{1,3}\))*$")
#: A line that goes on the row above: it opens with a value, a "$" or a footnote mark, never with a
#: title (html-to-markdown breaks a cell at its "$": "... A $" then "0 6,076 D").
_GOES_ON_RE = re.compile(r"^\s*(?:[\d$]|\(\d{1,3}\))")


def place_flowing(lines: list[str], cols: tuple[str, ...], unsure: bool = False) -> list[list[str]] | None:
    """Rows written as text, one or more lines each, cut into the table's cells: each row's words, in
    order, by the one cut whose cells read as the columns' types and make a row the form can print
    (``layout_cells.typed_cuts``, positions left aside). None when any row cannot be cut so, or can
    several ways: which value is whose is then not shown (a number under (A) or under (D), a mark of
    the title's or of the price's), and none of the table's rows is given. With ``unsure``, a row
    several cuts fit is given with the cells they all agree on, the others marked
    :data:`~.tables.UNSURE` (read empty, their fields listed missing), where every cut, and the row
    so emptied, are the same kind of row (a transaction, or a holding; else its place is unsure too)."""
    rows: list[list[str]] = []
    for line in lines:
        if rows and _GOES_ON_RE.match(line):
            rows[-1].append(line)
        else:
            rows.append([line])
    out: list[list[str]] = []
    for parts in rows:
        found = cut_flowing(" ".join(" ".join(parts).split()), cols)
        cells = list(found[0]) if len(found) == 1 else _agreed(found, cols) if unsure and found else None
        if cells is None:
            return None
        out.append(cells)
    return out


def _agreed(cuts: tuple[tuple[str, ...], ...], cols: tuple[str, ...]) -> list[str] | None:
    """The cells all ``cuts`` read alike, the others marked UNSURE (and empty); None where the cuts,
    or the row so emptied, are not all one kind of row, or a cut's row does not build."""
    from .tables import UNSURE, UNSURE_MARKS, columns, derivative, non_derivative  # (they import this module)

    form, table = next((f, t) for f in ("4", "5", "3") for t in (1, 2) if columns(f, t) == cols)
    agreed = [agreed_cell([cut[j] for cut in cuts], UNSURE, UNSURE_MARKS) for j in range(len(cols))]
    kinds = set()
    for cells in (*cuts, tuple(c.replace(UNSURE, "").replace(UNSURE_MARKS, "") for c in agreed)):
        by_col = dict(zip(cols, cells, strict=True))
        try:
            kinds.add(type(non_derivative(by_col, form) if table == 1 else derivative(by_col, form)))
        except ValueError:  # (tables.RowError, values.BadValue)
            return None
    return agreed if len(kinds) == 1 else None


def agreed_cell(cells: list[str], unsure: str = "", marks_unsure: str = "") -> str:
    """The cell every cut reads alike; else its value marked ``marks_unsure`` where the cuts read the
    same value with other footnote marks ("472" and "472 (3)"); else ``unsure``."""
    from .values import split_marks

    if all(c == cells[0] for c in cells):
        return cells[0]
    bare = {split_marks(c)[0].strip() for c in cells}
    value = bare.pop() if len(bare) == 1 else ""
    return value + marks_unsure if value and "(" not in value else unsure


@functools.lru_cache(maxsize=MEMO)
def cut_flowing(text: str, cols: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Every cut of a row's words run together (``text``) into the table's cells that reads as the
    columns' types and makes a row the form can print (none where there are too many to weigh)."""
    from .layout_cells import _cell, typed_cuts  # (layout_cells imports the table rules: import late)
    from .layout_words import _tokens

    # A footnote mark one space after a value is that value's where positions tell (laid-out text);
    # run together, it may as well be the next cell's only text (a price shown by its mark alone:
    # "A (1) 30,010"). Set a space farther off, it is a word of its own, weighed both ways.
    text = " ".join(text.split())
    if _TEXT_ONLY_IN_ONE.issuperset(k for k in cols if k in _TEXT_KINDS) and "after" in cols and "di" in cols:
        text = _words_joined(text, cols)
    toks = _tokens(_MARK_APART_RE.sub(r"  \1", text), 0)
    if not toks:
        return ()
    # One line of words, positions left aside: every column is as near as any other.
    cuts = typed_cuts(toks, [float(k) for k in range(len(cols))], cols)
    if cuts is None:
        return ()
    # The cuts share their cells: each run of words (told by its first word and its length: the
    # cells are runs of the row's words in order) is read into its text once.
    texts: dict[tuple[int, int], str] = {}

    def text_of(cell: list[Any]) -> str:
        key = (id(cell[0]) if cell else 0, len(cell))
        got = texts.get(key)
        if got is None:
            got = texts[key] = _cell([_unjoined(t) for t in cell])
        return got

    found = (tuple(map(text_of, cut)) for _cost, cut in cuts)
    return tuple(dict.fromkeys(cells for cells in found if _printable(cells, cols)))


#: The text columns of Table I (any form): a title and a nature, with the amount owned after and the
#: D or I, which every row prints (``_printable``), between them.
_TEXT_ONLY_IN_ONE = frozenset(("title", "nature"))
_TEXT_KINDS = frozenset(("title", "nature", "utitle"))


def _words_joined(text: str, cols: tuple[str, ...]) -> str:
    """The row's words with each run of words that fit no value column (they go in a title or a
    nature, and a run cannot be parted between the two: the amount owned after and the D or I stand
    between them) joined into one word (by ``_JOINER``, a space again in the cells): the same cuts,
    far fewer to weigh."""
    out: list[str] = []
    last = False
    for word in text.split(" "):
        only = _text_word(word, cols)
        if only and last:
            out[-1] += _JOINER + word
        else:
            out.append(word)
        last = only
    return " ".join(out)


#: What joins a run of words into one for the search (no page's text holds it: a private-use character).
_JOINER = "\ue0f1"


def _unjoined(tok: Any) -> Any:
    """The word as the page spells it (a joined run's words parted by spaces again)."""
    return tok._replace(text=tok.text.replace(_JOINER, " ")) if _JOINER in tok.text else tok


@functools.lru_cache(maxsize=MEMO)
def _text_word(word: str, cols: tuple[str, ...]) -> bool:
    """A word no value column of ``cols`` takes (only a title or a nature can hold it)."""
    from .tables import check_cell

    return not any(check_cell(k, word) for k in cols if k not in _TEXT_KINDS)


_AD_RE = re.compile(r"(?<![\w(])[AD](?![\w)])")


def _given(cells: tuple[str, ...], cols: tuple[str, ...], kind: str) -> bool:
    return kind in cols and bool(cells[cols.index(kind)].strip())


def _printable(cells: tuple[str, ...], cols: tuple[str, ...]) -> bool:
    """What the form prints on every row, beyond the cell types: its D or I in the Ownership Form
    column (not a footnote mark alone); its amount owned after, where the table has the column
    ("Common Stock 100 I" is 100 shares, not a title "Common Stock 100" owning nothing). And a
    title ending in a number is not taken: "Common Stock 3 736 I" may be a holding printing its
    form type "3" in the code column."""
    if "di" in cols and not _DI_CELL_RE.match(cells[cols.index("di")]):
        return False
    if "after" in cols and not cells[cols.index("after")]:
        return False
    # A transaction of Table I (its date or its code given) always prints its (A) or (D): a row
    # whose amount, (A)/(D) and price run into a nature ("$ 0 0 I By Trust") is not a cut.
    if "ad" in cols and (_given(cells, cols, "date") or _given(cells, cols, "code")):
        if not _AD_RE.search(cells[cols.index("ad")]):
            return False
    # A transaction's date is never a footnote mark alone (the form requires its value): "Common
    # Stock (1) 05/04/2022" is a title's mark, not a date column holding "(1)" before a deemed date.
    if "date" in cols and cells[cols.index("date")] and not _DATE_RE.search(cells[cols.index("date")]):
        return False
    return not any(k in cols and _ENDS_IN_NUMBER_RE.search(cells[cols.index(k)]) for k in ("title", "utitle"))


def is_stray(row: list[str]) -> bool:
    """A line inside a table that is neither a row written as text nor the heading's words: a piece
    of a row's cell on a line of its own ("$", "(1)", "By", "in trust"), or other text."""
    cells = [c for c in row if c.strip()]
    if len(cells) != 1 or holds_row_values(cells[0]):
        return False
    from .layout_words import _heading_line

    return not all(_heading_line(ln) for ln in cells[0].split("\n") if ln.strip())


#: A value alone, as a row's cell prints it: a date, a number (maybe with its "$"), a code letter or
#: D or I, each maybe with its footnote marks.
_LONE_VALUE_RE = re.compile(r"^(?:\$\s?)?(?:\d{1,2}/\d{1,2}/\d{4}|\d[\d,]*(?:\.\d+)?|[A-Z])(?:\s*\(\d{1,3}\))*$")


def is_lone_value(text: str) -> bool:
    """Is this text, found alone on a line inside a table, a row's value (a converter that writes
    each cell as a paragraph of its own: trafilatura), or a row's values run together?"""
    t = text.strip()
    return t not in ("V", "A") and (_LONE_VALUE_RE.match(t) is not None or holds_row_values(t))
