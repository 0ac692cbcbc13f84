"""A laid-out page's lines taken apart for :mod:`.text`: the runs of text on a line (its cells), the
tables' titles, the boxes' labels and the signature captions, each found without running a pattern
over every position of the page: a page of laid-out text is mostly blanks, and a pattern that no
literal opens is tried at each of them (the front end's reading time went there). Each function
gives what the plain pattern gives."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from .boxes import _LABEL_STARTS, _labels
from .text_find import places_of

# Only ASCII spaces part cells: a no-break space belongs to the text it stands in.
_CHUNK_RE = re.compile(r"[^ \n]+(?: [^ \n]+)*")
_DASHES_RE = re.compile(r"^[-=_]{3,}(?:\s+[-=_]+)*$")
_T1_RE = re.compile(r"Table\s+I\s*[-–—:]", re.IGNORECASE)
_T2_RE = re.compile(r"Table\s+II\b", re.IGNORECASE)
_BOX_LABELS = ("name", "issuer", "period", "amend", "rel", "joint")
_LABEL_NUMBER_RE = re.compile(r"\d{1,2}\s*\.\s*$")
_SIG_CAPTION_RE = re.compile(r"Signature\s+of\s+Reporting\s+Person", re.IGNORECASE)


class Chunk(NamedTuple):
    """A run of text on a line: its line, where it starts, its text. (A named tuple: a page's lines
    make hundreds, and a tuple is made in C.)"""

    line: int
    x: int
    text: str

    @property
    def end(self) -> int:
        return self.x + len(self.text)


_new = tuple.__new__  # (a named tuple made without its Python-level __new__)

# A line's runs found by one compiled scan of its characters (``_layout_cells_c.line_chunks``, where
# it is built; not with SECTION16_PURE_PYTHON=1): the same runs, a fourth of the time.
_scan_c: Any = None
if not os.environ.get("SECTION16_PURE_PYTHON"):
    try:
        from . import _layout_cells_c as _scan_c
    except ImportError:  # not built here
        pass


def chunks(line: str, number: int) -> list[Chunk]:
    """Runs of text separated by two or more spaces: the cells of a laid-out line (rules left out)."""
    return list(_line_chunks(line, number))


@functools.lru_cache(maxsize=4096)
def _line_chunks(line: str, number: int) -> tuple[Chunk, ...]:
    # A line is taken apart more than once (the boxes' strips, the owners' lines, the rows).
    if _scan_c is not None:
        return _scan_c.line_chunks(line, number, Chunk, _DASHES_RE.match)  # type: ignore[no-any-return]
    out = []
    for m in _CHUNK_RE.finditer(line):
        text = m.group(0)
        if not (text[0] in "-=_" and _DASHES_RE.match(text)):
            out.append(_new(Chunk, (number, m.start(), text)))
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def table_one_title(line: str) -> re.Match[str] | None:
    """``_T1_RE.search(line)`` (Table I's title), tried only where "table" stands: the letters of
    "Table" match no other characters ignoring case, so a line without it holds no match. (Asked of
    the top lines twice: where Table I's title stands, and which lines are the boxes'.)"""
    return _T1_RE.search(line) if holds_table(line) else None


@functools.lru_cache(maxsize=4096)
def table_two_title(line: str) -> bool:
    """Does ``_T2_RE`` (Table II's title) match in the line? Likewise, and once a line (asked of each
    line below each table's heading)."""
    return holds_table(line) and _T2_RE.search(line) is not None


def holds_table(line: str) -> bool:
    """``"table" in line.lower()``. A line past ASCII (a table's row with pandoc's superscript marks:
    ``str.lower()`` of such a line is ten times slower) is looked at only around its "b"s and "B"s
    (no other character lowers to "b"), each five characters lower-cased: the same answer, since only
    İ lowers to more than one character, and to none of these letters."""
    if line.isascii():
        return "table" in line.lower()
    for letter in "bB":
        at = line.find(letter, 2)
        while at >= 0:
            if line[at - 2 : at + 3].lower() == "table":
                return True
            at = line.find(letter, at + 1)
    return False


@functools.lru_cache(maxsize=4096)
def box_labels(line: str) -> tuple[tuple[int, str], ...]:
    """Where each box label of the line starts (at its number, "2.", standing just before it), and
    whose it is. Asked of the top lines twice (where the boxes start, where their strips stand).
    An ASCII line holding none of the words a label opens with (``boxes._LABEL_STARTS``, lower-cased)
    holds none: the pattern is not tried at each of its positions."""
    if line.isascii() and not any(w in line.lower() for w in _LABEL_STARTS):
        return ()
    out = []
    for m in _labels(line):  # (``_LABEL_RE.finditer``'s matches, the pattern tried where a label can begin)
        if m.lastgroup in _BOX_LABELS:
            pre = _LABEL_NUMBER_RE.search(line[: m.start()])
            out.append((pre.start() if pre else m.start(), m.lastgroup))
    return tuple(out)


def count_captions(text: str) -> int:
    """``len(_SIG_CAPTION_RE.findall(text))``, the pattern tried only where "gnature" stands in the
    lower-cased page (those letters match no other characters ignoring case; "İ", the one character
    whose lower case is longer, sends the page to the plain count)."""
    if "\u0130" in text:
        return len(_SIG_CAPTION_RE.findall(text))
    return sum(1 for at in _gnature(text) if _SIG_CAPTION_RE.match(text, at - 2))


def _gnature(text: str) -> Iterator[int]:
    """Where "gnature" stands in the text, ignoring case (from its third character on). An ASCII page
    is lower-cased whole. A page holding a character past ASCII (pandoc's superscript marks) is
    looked at only where a "g" or "G" stands (a page holds a few dozen, found at C speed), each
    place's seven characters lower-cased: the same places (no character past ASCII lowers to one of
    these letters; only İ, which the caller sends to the plain pattern, lowers to two characters),
    without lower-casing the page (46 us as Latin-1 bytes, five times that as ``str.lower()``)."""
    if text.isascii():
        low = text.lower()
        at = low.find("gnature", 2)
        while at >= 0:
            yield at
            at = low.find("gnature", at + 1)
        return
    for at in places_of(text, "gG", 2):
        if text[at : at + 7].lower() == "gnature":
            yield at


#: A line of dashes (a rule pandoc or a layout draws under a heading or between rows).
_RULE_RE = re.compile(r"^\s*-{3,}(?:\s+-+)*\s*$")


def _is_rule(line: str) -> bool:
    """``_RULE_RE.match(line)``: the line stripped opens with three dashes and holds only dashes and
    white space (``str.strip`` strips what the pattern's white space class takes). (A search for "---"
    walks a wide line at a nanosecond a character.)"""
    bare = line.strip()
    return bare.startswith("---") and not bare.replace("-", "").strip()
