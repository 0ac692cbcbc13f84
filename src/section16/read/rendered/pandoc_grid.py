"""pandoc's own Markdown (``pandoc -t markdown``, also ``-t rst``'s grid tables): grid tables -> cells.

pandoc draws a table it cannot write as a pipe table (the SEC page's layout table, whose cells hold
tables of their own) as a *grid table*: ``+---+`` borders, ``|`` between cells, each cell's text
wrapped to the cell's width, nested tables drawn inside the cell. This front end takes the grid apart
by its borders, joins each cell's lines (those pandoc cut to fit: :mod:`.pandoc_unchop`), and hands
each cell's Markdown and the text around the grids to the Markdown front end, so the printed form is
read by the same rules as every other page. Cells of one grid row that each hold one piece of text
stay one row; a cell holding more (a nested table, several paragraphs) gives its own rows, in order.

A nested table whose cut lines, or a word whose cut pieces, cannot be joined with certainty is refused
(:class:`ParseError`): a table's rows would be lost or mixed, a box's value would be a guess.
"""

from __future__ import annotations

import itertools
import re

from ...errors import ParseError
from .cells import Doc
from .markdown import markdown_to_doc
from .pandoc_unchop import is_rule, rule_pieces, touches_edge, unchop_table
from .pandoc_words import cut_reading, vocabulary

_BORDER_RE = re.compile(r"^\+(?:[-=:]+\+)+$")
_FENCE_RE = re.compile(r"^ {0,3}:{3,}(?:\s*\{[^}]*\}|\s*[\w-]+)?\s*$")
_ESCAPE_RE = re.compile(r"\\[.$\[\]()*_]")
_CUT_PIECE_RE = re.compile(r"^\|(?: \|)* -[- ]*- \|", re.MULTILINE)
_GRID_LINE_RE = re.compile(r"^\+-{3,}[-+]*\+\s*$", re.MULTILINE)


def has_cut_table(text: str) -> bool:
    """A grid cell holding a piece of a cut dash rule: dashes from the cell's first column to its last
    (pandoc indents a rule that fits by two blanks). pandoc's plain text, wrapped at its default 72
    columns, cuts the SEC page's nested tables so: the laid-out text reader cannot read them."""
    # (Tried only from the start of each line holding a "| -": a match is one line, opening with it.)
    at = text.find("| -")
    while at >= 0:
        if _CUT_PIECE_RE.match(text, text.rfind("\n", 0, at) + 1):
            return True
        eol = text.find("\n", at)
        if eol < 0:
            return False
        at = text.find("| -", eol)
    return False


def looks_like_pandoc_markdown(text: str) -> bool:
    """Grid tables written in Markdown (escapes, links, fenced divs), not pandoc's plain text (which has
    none of these; its footnote marks ** are no proof)."""
    return _GRID_LINE_RE.search(text) is not None and _has_marks(text)


def _has_marks(text: str) -> bool:
    """A link to a note ("](#"), a Markdown escape or a fenced div (":::" opening a line). (Looked for
    apart: one pattern of the three, opened by no one literal, was tried at every position of the page.)"""
    return "](#" in text or _ESCAPE_RE.search(text) is not None or text.startswith(":::") or "\n:::" in text


def pandoc_markdown_to_doc(data: bytes | str, source: str | None = None) -> Doc:
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [ln for ln in lines if not _FENCE_RE.match(ln)]
    # (Markdown marks a hard line break, "\\"; pandoc's plain text does not: its lines may end one unseen.)
    return _blocks_doc(lines, None, source, vocabulary(lines), _has_marks(text))


def _refuse(what: str, source: str | None) -> ParseError:
    return ParseError(
        f"pandoc cut {what} to fit a grid-table cell; the pieces cannot be joined with certainty "
        "(convert with a wider --columns, --wrap=none, or to gfm)",
        source=source or "<bytes>",
        # (The word's cell is one of the grid table pandoc draws for the page's layout table.)
        where="Table nested in a grid-table cell" if what.startswith("the lines") else "Table of the page's layout",
    )


def _blocks_doc(lines: list[str], width: int | None, source: str | None, vocab: frozenset[str], marked: bool) -> Doc:
    """Markdown lines (a page, or a cell ``width`` wide whose lines may have been cut) -> rows."""
    doc: Doc = []
    plain: list[str] = []

    def flush() -> None:
        if plain:
            # (A cell's padding is not Markdown's two-space line break.)
            doc.extend(markdown_to_doc("\n".join(ln.rstrip() for ln in plain), source))
            plain.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if _BORDER_RE.match(line.rstrip()):
            flush()
            rows, i = _grid(lines, i, source, vocab, marked)
            doc.extend(rows)
            continue
        if width is not None and is_rule(line):
            end = _table_end(lines, i, width)
            start = i
            if len(line) - len(line.lstrip(" ")) < 2 and touches_edge(line, width) and plain and not plain[-1].strip():
                # pandoc indents a table by two blanks: a rule's piece filling the cell with fewer
                # is no first piece; the blank line before it is, the rest of the indent.
                plain.pop()
                start = i - 1
            joined, sure = unchop_table(lines[start:end], width, vocab)
            if not sure:  # its rows cannot be told apart: reading on would lose or mix them unsaid
                raise _refuse("the lines of a nested table", source)
            flush()
            doc.extend(markdown_to_doc("\n".join(joined), source))
            i = end
            continue
        if width is not None and plain and plain[-1].strip() and _cut_word_tail(line, width):
            # A word longer than the cell, cut: its last piece fills the cell, its first piece (the
            # previous line) is a line of its own. Sure only when that first piece could have stood
            # on the line before had it been a word of its own (pandoc fills lines), and nothing
            # follows the last piece that could be a further piece. Else the page is refused: a box's
            # value holding a guessed join would be a wrong value presented as right.
            before = plain[-2].rstrip() if len(plain) > 1 else ""
            word = plain[-1].strip()
            after = lines[i + 1] if i + 1 < len(lines) else ""
            if " " in word:
                # A long word stands on a line of its own (pandoc breaks the line before and after
                # it): the line before holding more than one word is no first piece, and this line
                # is a word exactly the cell's width (or the first piece of a longer one).
                plain.append(line)
                i += 1
                continue
            if after.strip() and _cut_word_tail(after, width):
                # (A further line that could be one more piece, or a word exactly the cell's width.)
                raise _refuse("a word", source)
            if not marked or not before or before.endswith("\\") or len(before) + 1 + len(word) > width:
                # (After a hard line break a word starts a line whatever its width: Markdown marks
                # one, "\\"; pandoc's plain text does not, so there the line before is no evidence.)
                # The first piece could be a word of its own, put on a line of its own because it
                # did not fit after the line before: the page's words may settle it ("(Mon" +
                # "th/Day/Year)": one word, the form's "(Month/Day/Year)").
                reading = cut_reading(word.split()[-1], line.split()[0], vocab)
                if reading is None:
                    raise _refuse("a word", source)
                if reading == "split":
                    plain.append(line)
                    i += 1
                    continue
            plain[-1] = plain[-1].rstrip() + line.rstrip()
            i += 1
            continue
        plain.append(line)
        i += 1
    flush()
    return doc


def _cut_word_tail(line: str, width: int) -> bool:
    return touches_edge(line, width) and " " not in line[:width] and not line.startswith("+")


def _table_end(lines: list[str], start: int, width: int) -> int:
    """The line after a nested table starting with the rule at ``start``: after the first later rule
    followed by a blank line or the cell's end (a table's closing rule), else at the first blank line
    after a header's rule."""
    i = start + rule_pieces(lines, start, width)
    while i < len(lines):
        if is_rule(lines[i]):
            i += rule_pieces(lines, i, width)
            if i >= len(lines) or not lines[i].strip():
                return i
            continue
        i += 1
    return i


def _grid(lines: list[str], start: int, source: str | None, vocab: frozenset[str], marked: bool) -> tuple[Doc, int]:
    """A grid table starting at its top border ``lines[start]``: its rows, and the line after it."""
    doc: Doc = []
    border = lines[start].rstrip()
    i = start + 1
    while i < len(lines):
        cols = [k for k, ch in enumerate(border) if ch == "+"]
        block: list[str] = []
        while i < len(lines) and lines[i].startswith("|"):
            block.append(lines[i])
            i += 1
        if block:
            doc.extend(_grid_row(block, cols, source, vocab, marked))
        if i < len(lines) and _BORDER_RE.match(lines[i].rstrip()):
            border = lines[i].rstrip()
            i += 1
            if i < len(lines) and lines[i].startswith("|"):
                continue
        break
    return doc, i


def _grid_row(block: list[str], cols: list[int], source: str | None, vocab: frozenset[str], marked: bool) -> Doc:
    cells: list[Doc] = []
    for a, b in itertools.pairwise(cols):
        width = b - a - 3
        content = [ln[a + 2 : b - 1].ljust(width) if len(ln) > a + 2 else " " * width for ln in block]
        while content and not content[-1].strip():
            content.pop()
        cells.append(_blocks_doc(content, width, source, vocab, marked) if content else [])
    if all(len(c) <= 1 and all(len(r) == 1 for r in c) for c in cells):
        row = [c[0][0] if c else "" for c in cells]
        return [row] if any(row) else []
    return [r for c in cells for r in c]
