"""Table texts a page spells with different spacing, checked after the form is read.

A converter that rebuilds a PDF's words from the gaps between letters (pymupdf4llm, MarkItDown)
drops a space where the gap is narrow and may add one at a kerned pair: one table prints "By Fund"
in one row and "ByFund" in the next, "Non-voting common stock" over "Non-votingcommon stock". Where
two of a filing's titles or natures hold the same letters spaced differently, the page shows its
spaces are not to be trusted, and which spelling was filed it does not settle: every one of them is
listed missing, not read. Only a space between two letters or digits counts: that is where such a
converter drops or adds one. A filer writes the same words the same way but may space punctuation
either way: one filing of the corpus's 903 holds "Call Option(Right to Buy)" beside "Call Option (Right
to Buy)", which a Markdown made from the HTML prints as filed, so a space before or after punctuation
leaves both spellings read.
"""

from __future__ import annotations

import dataclasses
import itertools

from ...model import Filing, Note, Value
from .cells import ROW_FIELDS

_TEXTS = ("security_title", "underlying_title", "nature_of_ownership")
_WHY = "the page spells these words spaced otherwise elsewhere ('By Fund', 'ByFund'): its spaces not settled; not read"


def _letters(text: str) -> str:
    return "".join(text.split())


def _spellings(filing: Filing) -> dict[str, set[str]]:
    """Each table text's letters (spaces taken out) -> the spellings the filing holds of them."""
    seen: dict[str, set[str]] = {}
    for kind in ROW_FIELDS:
        for row in getattr(filing, kind):
            for name in _TEXTS:
                v = getattr(row, name, None)
                if isinstance(v, Value) and isinstance(v.value, str) and v.value.strip():
                    seen.setdefault(_letters(v.value), set()).add(" ".join(v.value.split()))
    return seen


def _word_gaps(spelling: str) -> frozenset[int]:
    """Where in the spelling's letters (spaces taken out) a space stands between two letters or digits."""
    gaps: set[int] = set()
    at = 0
    words = spelling.split(" ")
    for prev, word in itertools.pairwise(words):
        at += len(prev)
        if prev[-1:].isalnum() and word[:1].isalnum():
            gaps.add(at)
    return frozenset(gaps)


def _unsettled(spellings: set[str]) -> bool:
    """Two spellings of the same letters that part or join two words differently."""
    return len({_word_gaps(s) for s in spellings}) > 1


def check_spacing(filing: Filing) -> Filing:
    """The filing with each title or nature whose letters another one holds spaced otherwise between
    two words listed missing (and emptied) instead of read."""
    unsettled = {letters for letters, spelt in _spellings(filing).items() if len(spelt) > 1 and _unsettled(spelt)}
    if not unsettled:
        return filing
    missing: list[str] = []
    notes: list[Note] = []
    rows: dict[str, tuple[object, ...]] = {}
    for kind in ROW_FIELDS:
        got = []
        for i, row in enumerate(getattr(filing, kind)):
            changes: dict[str, Value[str]] = {}
            for name in _TEXTS:
                v = getattr(row, name, None)
                if isinstance(v, Value) and isinstance(v.value, str) and _letters(v.value) in unsettled:
                    changes[name] = Value(None, v.footnote_ids)
                    missing.append(f"{kind}[{i}].{name}")
                    notes.append(Note(f"{kind}[{i}].{name}", _WHY, v.value))
            got.append(dataclasses.replace(row, **changes) if changes else row)
        rows[kind] = tuple(got)
    return dataclasses.replace(
        filing,
        **rows,  # type: ignore[arg-type]
        missing=tuple(dict.fromkeys([*filing.missing, *missing])),
        notes=(*filing.notes, *notes),
    )
