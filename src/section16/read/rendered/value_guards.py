"""Values a page shows cut short, checked after the form is read: a text ending in a word that never
ends one ("by", "of", "an") lost its next words where the converter dropped a line (a PDF-to-Markdown
converter's cell "by<br>" whose "ESOP" went to the row below, a remark cut at the paper's edge after
"SPV ("SPV") an"). Such a value is listed missing, not read as the whole.

No nature of ownership, title, footnote or remark of the corpus's (903 filings: 3,826 footnotes, 157
remarks) ends in one of these words; an officer's title may ("Executive Officer of", box 5's cell cut
by the SEC page itself), and a name may end in an initial ("BELL JAMES A"), so those are not looked
at. Used for every page but the HTML one, which shows what was filed.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar

from ...model import Filing, Note, Value
from .cells import ROW_FIELDS

#: A word that never ends a text (a preposition, an article or a conjunction): a text ending in one
#: lost its next words.
_DANGLING_WORD_RE = re.compile(
    r"(?:by|of|for|through|and|or|the|an|to|in|via|with|FBO|f/b/o|at|from|under)", re.IGNORECASE
)
_TEXTS = ("security_title", "underlying_title", "nature_of_ownership")
_WHY = "ends in a word that ends no text ('by', 'of', 'an'...): its next words were lost; not read"

_Row = TypeVar("_Row")


def dangles(text: str | None) -> bool:
    """Does the text end in a word that never ends one (its next words lost)?"""
    # Only its last word matched, whole: a pattern ending in "\s*$" searched for would be tried at
    # every white space of a long footnote (0.1 ms for 1,700 characters). (str.rsplit and the regex
    # engine's \s part words at the same characters, Py_UNICODE_ISSPACE.)
    if not text:
        return False
    words = text.rsplit(None, 1)
    return bool(words) and _DANGLING_WORD_RE.fullmatch(words[-1]) is not None


_BARE_WHY = "ends in a footnote's number without its brackets: the mark's, or the text's? Not read"


def _bare_mark(text: str, numbers: frozenset[str]) -> bool:
    """Does the text end in a word that is a footnote's number alone ("Trust 15": a converter dropped
    the mark's brackets)? No title or nature of the corpus's ends in a number of 1 to 3 digits."""
    words = text.rsplit(None, 1)
    return len(words) == 2 and words[1] in numbers


#: An amount run into the word after it ("Common Stock, $0.0001par value"): a PDF converter dropped the
#: space between two runs of text, so which other spaces it dropped is not known either. No title
#: or nature of the corpus's holds a dollar amount or a decimal number followed by a letter.
_GLUED_AMOUNT_RE = re.compile(r"(?:\$\s?\d[\d,]*(?:\.\d+)?|\d\.\d+)[A-Za-z]")
_GLUED_WHY = "an amount runs into the next word: the converter dropped a space; not read"

#: A nature of ownership's first words ("By", "Held by", "Through"), which open no security title of the
#: corpus's: a title opening so took the row's nature's first line (pymupdf4llm's "By Estate Class A
#: Common Stock" beside the nature "Planning Vehicles", "Held by common" beside "LLC").
_NATURE_OPENING_RE = re.compile(r"(?:By|Held\s+by|Through|Via)\b", re.IGNORECASE)
_NATURE_WHY = "opens with a nature of ownership's words: the row's title and nature ran together; not read"


def _row_checked(
    row: _Row, where: str, missing: list[str], notes: list[Note], numbers: frozenset[str] = frozenset()
) -> _Row:
    changes: dict[str, Value[str]] = {}
    title = getattr(row, "security_title", None)
    if isinstance(title, Value) and isinstance(title.value, str) and _NATURE_OPENING_RE.match(title.value):
        for name in ("security_title", "nature_of_ownership"):
            v = getattr(row, name, None)
            if isinstance(v, Value):
                changes[name] = Value(None, v.footnote_ids)
                missing.append(f"{where}.{name}")
                notes.append(Note(f"{where}.{name}", _NATURE_WHY, title.value))
    for name in _TEXTS:
        if name in changes:
            continue
        v = getattr(row, name, None)
        if isinstance(v, Value) and isinstance(v.value, str):
            bare = bool(numbers) and _bare_mark(v.value, numbers)
            glued = not bare and _GLUED_AMOUNT_RE.search(v.value) is not None
            if bare or glued or dangles(v.value):
                changes[name] = Value(None, v.footnote_ids)
                missing.append(f"{where}.{name}")
                notes.append(Note(f"{where}.{name}", _BARE_WHY if bare else _GLUED_WHY if glued else _WHY, v.value))
    return dataclasses.replace(row, **changes) if changes else row  # type: ignore[type-var]


_LOST_WHY = "a line of the row's text stands apart from it (drawn outside the rows): the row is not whole; not read"


def _blank(row: _Row) -> _Row:
    """The row with every value emptied (its kind, transaction or holding, kept: the page shows it)."""
    changes: dict[str, object] = {
        f.name: Value() if isinstance(getattr(row, f.name), Value) else None
        for f in dataclasses.fields(row)  # type: ignore[arg-type]
    }
    return dataclasses.replace(row, **changes)  # type: ignore[type-var]


def blank_lost_rows(filing: Filing, lost: list[object]) -> Filing:
    """The filing with each row of ``lost`` (a front end saw a cell of it lose its next line:
    ``tables.LOST``) emptied and listed missing, row by row."""
    if not lost:
        return filing
    ids = {id(r) for r in lost}
    missing: list[str] = []
    notes: list[Note] = []
    rows = {}
    for kind in ROW_FIELDS:
        got = getattr(filing, kind)
        rows[kind] = tuple(_blank(r) if id(r) in ids else r for r in got)
        for i, r in enumerate(got):
            if id(r) in ids:
                missing.append(f"{kind}[{i}]")
                notes.append(Note(f"{kind}[{i}]", _LOST_WHY))
    return dataclasses.replace(
        filing,
        **rows,  # type: ignore[arg-type]
        missing=tuple(dict.fromkeys([*filing.missing, *missing])),
        notes=(*filing.notes, *notes),
    )


def check_dangling(filing: Filing) -> Filing:
    """The filing with each table text, footnote or the remarks that ends in a dangling word, and
    each table text ending in a footnote's number alone, listed missing (and emptied) instead of
    read."""
    missing: list[str] = []
    notes: list[Note] = []
    numbers = frozenset(fn.id[1:] for fn in filing.footnotes if fn.id[:1] == "F" and fn.id[1:].isdigit())
    rows = {
        kind: tuple(
            _row_checked(r, f"{kind}[{i}]", missing, notes, numbers) for i, r in enumerate(getattr(filing, kind))
        )
        for kind in ROW_FIELDS
    }
    footnotes = []
    for fn in filing.footnotes:
        if dangles(fn.text):
            missing.append(f"footnotes[{fn.id}]")
            notes.append(Note(f"footnotes[{fn.id}]", _WHY, fn.text[-80:]))
        else:
            footnotes.append(fn)
    remarks = filing.remarks
    if dangles(remarks):
        missing.append("remarks")
        notes.append(Note("remarks", _WHY, (remarks or "")[-80:]))
        remarks = None
    if not missing:
        return filing
    return dataclasses.replace(
        filing,
        **rows,  # type: ignore[arg-type]
        footnotes=tuple(footnotes),
        remarks=remarks,
        missing=tuple(dict.fromkeys([*filing.missing, *missing])),
        notes=(*filing.notes, *notes),
    )
