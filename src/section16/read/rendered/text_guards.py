"""Checks on a laid-out page's reading that turn what the page cannot show surely into "missing".

A text browser's dump (``lynx -dump``, ``w3m -dump``) lays a table out by its own rules: a cell may
stand under the wrong heading, or a row's cells may run together. Where the page itself says so (two
places of the form that must agree do not), the values are listed missing, with why, not guessed.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from ...model import Filing, Note, Relationship
from . import blocks
from .cells import Doc

#: A relationship in box 5 as a text page prints it: "__X__ Director", "_____ 10% Owner".
_BOX5_MARK_RE = re.compile(r"_{2}(X?)_{2,3}\s*(Director|10\s*%\s*Owner|Officer|Other)\b")
_OWNERS_END_RE = re.compile(r"^\W*(?:Signatures?|Explanation\s+of\s+Responses|Remarks)\b", re.IGNORECASE)


def box5_marks(text: str) -> dict[str, bool] | None:
    """Box 5's four marks as the page prints them (each "__X__" or "_____" before its label), or None
    when not all four are printed so."""
    head = text.split("Table I", 1)[0]
    marks: dict[str, bool] = {}
    for m in _BOX5_MARK_RE.finditer(head):
        key = {"D": "director", "1": "ten", "O": "officer" if m.group(2) == "Officer" else "other"}[m.group(2)[0]]
        if key in marks:
            return None  # printed twice: not the one box
        marks[key] = bool(m.group(1))
    return marks if len(marks) == 4 else None


def _table_marks(rel: Relationship) -> dict[str, bool]:
    return {"director": rel.is_director, "ten": rel.is_ten_percent_owner,
            "officer": rel.is_officer, "other": rel.is_other}  # fmt: skip


def owner_table_rows(doc: Doc) -> list[list[str]]:
    """The Reporting Owners table's rows in the page's rows of cells."""
    start = next((k for k, r in enumerate(doc) if r == ["Reporting Owners"]), None)
    if start is None:
        return []
    out: list[list[str]] = []
    for row in doc[start + 1 :]:
        if len(row) == 1 and _OWNERS_END_RE.match(row[0]):
            break
        out.append(row)
    return out


def check_owner_marks(filing: Filing, doc: Doc, text: str) -> Filing:
    """The first owner's marks stand twice on the page: in box 5 and in the owners table's first row.
    Where the two disagree, the table's marks do not stand under their headings (a text browser may
    shift a row's cells by a column), so no other owner's marks can be placed surely: their
    relationships are listed missing, not read."""
    if len(filing.reporting_owners) < 2:
        return filing
    box = box5_marks(text)
    table = blocks.read_owner_rows(owner_table_rows(doc))
    if box is None or not table or _table_marks(table[0][0].relationship) == box:
        return filing
    why = "the owners table's marks disagree with box 5 for the first owner: not placed under their headings"
    owners = [filing.reporting_owners[0]]
    missing = list(filing.missing)
    notes = list(filing.notes)
    for i, o in enumerate(filing.reporting_owners[1:], 1):
        owners.append(replace(o, relationship=Relationship()))
        missing.append(f"reporting_owners[{i}].relationship")
        notes.append(Note(f"reporting_owners[{i}].relationship", why))
    return replace(filing, reporting_owners=tuple(owners), missing=tuple(dict.fromkeys(missing)), notes=tuple(notes))


_REMARKS_RE = re.compile(r"^\s*Remarks\s*:", re.IGNORECASE)
_REMARKS_END_RE = re.compile(
    r"^\s*(?:Note:\s*File|Reminder:|Potential\s+persons|Persons\s+who\s+respond|Signatures?\s*$)"
)


def check_cut_remarks(filing: Filing, text: str) -> Filing:
    """A text browser may cut a long line of free text at a fixed width, inside a word ("transactions t"
    over "hat occurred", lynx): joined with a space, the remarks would read a word that is not there.
    Such lines are the page's widest (the browser wraps other text at words, inside that width). Where
    one ends in a letter or digit and the next line starts with one, the break may be inside a word:
    the remarks are listed missing, not read."""
    if filing.remarks is None:
        return filing
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").split("\n")]
    start = next((i for i, ln in enumerate(lines) if _REMARKS_RE.match(ln)), None)
    if start is None:
        return filing
    end = next((i for i in range(start + 1, len(lines)) if _REMARKS_END_RE.match(lines[i])), len(lines))
    region = lines[start + 1 : end]
    widest = max((len(ln) for ln in region), default=0)
    elsewhere = max((len(ln) for ln in lines[:start] + lines[end:]), default=0)
    if widest < elsewhere:
        return filing
    cut = any(len(a) == widest and a[-1:].isalnum() and b.lstrip()[:1].isalnum() for a, b in itertools.pairwise(region))
    if not cut:
        return filing
    note = Note("remarks", f"lines cut at {widest} characters, inside words: where a word was cut is not shown")
    return replace(
        filing, remarks=None, missing=tuple(dict.fromkeys([*filing.missing, "remarks"])), notes=(*filing.notes, note)
    )
