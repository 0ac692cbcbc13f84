"""The words of a laid-out table (``pdftotext -layout``, a PDF without cell borders, pandoc's plain
text): each word at its character positions, and which lines are the tables' column headings."""

from __future__ import annotations

import functools
import os
import re
from typing import Any, NamedTuple

_WORD_RE = re.compile(r"[^ \n]+")
_DASHES_RE = re.compile(r"^[-=_]{3,}$")
_NUM_LABEL_RE = re.compile(r"^\d{1,2}[A-Z]?\.\s*\D")
_CHUNK_RE = re.compile(r"[^ \n]+(?: [^ \n]+)*")
_MARKS_RE = re.compile(r"\(\d+\)|\s")
_MARK_RE = re.compile(r"^(?:\(\d{1,3}\)|[⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹]+)+$")
_HEADERISH_RE = re.compile(
    r"\(Instr|Month/Day/Year|\bCode\b|Exercisable|Expiration|Number\s+of|\bShares\)?$|^\(A\)|^\(D\)|\(I\)$|"
    r"\bPrice\b|^Amount|Title\s+of|Transaction\(s\)|Beneficially|Ownership|Following|Reported|^Title$|^V$",
    re.IGNORECASE,
)
_NUMBER_TOKEN_RE = re.compile(r"^\$?\d[\d,]*(?:\.\d+)?$")


class Tok(NamedTuple):
    """A word at its characters' positions on its line. (A named tuple: the readers make and compare
    thousands a page, and a tuple is made, hashed and compared in C.)"""

    line: int
    x0: int
    x1: int
    text: str

    @property
    def mid(self) -> float:
        return (self.x0 + self.x1) / 2


def _tokens(line: str, number: int) -> list[Tok]:
    return list(_line_tokens(line, number))


@functools.lru_cache(maxsize=4096)
def _line_tokens(line: str, number: int) -> tuple[Tok, ...]:
    # A table's lines are taken apart more than once (its rows, then each later page's landmarks).
    if _scan_c is not None:
        return _scan_c.line_tokens(line, number, Tok, _DASHES_RE.match)  # type: ignore[no-any-return]
    out = []
    for m in _WORD_RE.finditer(line):
        w = m.group(0)
        if w.isspace() or (w[0] in "-=_" and _DASHES_RE.match(w)):
            continue
        x0, x1 = m.span()
        out.append(_new(Tok, (number, x0, x1, w)))
    return tuple(out)


_new = tuple.__new__  # (a named tuple made without its Python-level __new__)

# The line's words found by one compiled scan of its characters (``_layout_cells_c.line_tokens``,
# where it is built; not with SECTION16_PURE_PYTHON=1): the same words, a fifth of the time.
_scan_c: Any = None
if not os.environ.get("SECTION16_PURE_PYTHON"):
    try:
        from . import _layout_cells_c as _scan_c
    except ImportError:  # not built here
        pass


def _is_heading(text: str) -> bool:
    return bool(_HEADERISH_RE.search(text) or re.match(r"^\d{1,2}[A-Z]?\.(?!\d)", text))


# Every word the printed headings of Table I and II use (any form, any era), letters and digits only.
_HEADING_WORDS = frozenset(
    [
        "title",
        "of",
        "security",
        "instr",
        "1title",
        "transaction",
        "date",
        "monthdayyear",
        "deemed",
        "execution",
        "if",
        "any",
        "code",
        "securities",
        "acquired",
        "a",
        "or",
        "disposed",
        "d",
        "and",
        "amount",
        "beneficially",
        "owned",
        "following",
        "reported",
        "transactions",
        "ownership",
        "form",
        "direct",
        "indirect",
        "i",
        "nature",
        "beneficial",
        "v",
        "price",
        "derivative",
        "conversion",
        "exercise",
        "number",
        "exercisable",
        "expiration",
        "underlying",
        "shares",
        "at",
        "end",
        "issuers",
        "fiscal",
        "year",
        "2a",
        "3a",
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
        "10",
        "11",
    ]
)
_NOT_WORD_RE = re.compile(r"[^a-z0-9\s]")


def _is_heading_line(line: str, i: int) -> bool:
    """A line of the column headings: only heading words (one of them a real word, so a line of
    footnote marks or a lone "D" is not one), or a numbered label."""
    return _heading_line(line)


@functools.lru_cache(maxsize=4096)
def _heading_line(line: str) -> bool:
    # Asked of the same lines several times (where the heading stops, where the rows start).
    if _scan_c is not None:
        # (an ASCII line read by one compiled scan: the same answer, a third of the time)
        got: bool | None = _scan_c.heading_line(line, _HEADING_WORDS, _is_heading)
        if got is not None:
            return got
    cs = _CHUNK_RE.findall(line)
    if not cs:
        return False
    if any(_NUM_LABEL_RE.match(c) for c in cs):
        return True
    # Each word's letters and digits: the line's other characters (but its spaces) taken out at
    # once, then split (the same words as word by word: spaces stay, nothing else is one).
    words = _NOT_WORD_RE.sub("", line.lower()).split()
    return (
        bool(words) and _HEADING_WORDS.issuperset(words) and any(len(w) > 1 and not w.isdigit() for w in words)
    ) or all(_is_heading(c) for c in cs)
