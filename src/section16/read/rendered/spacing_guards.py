"""Table texts a page spells with different spacing, checked after the form is read.

A converter that rebuilds a PDF's words from the gaps between letters (pymupdf4llm, MarkItDown)
drops a space where the gap is narrow and may add one at a kerned pair: one table prints "By Fund"
in one row and "ByFund" in the next, "Non-voting common stock" over "Non-votingcommon stock". Where
two of a filing's titles or natures hold the same letters spaced differently, the page shows its
spaces are not to be trusted, and which spelling was filed it does not settle: every one of them is
listed missing, not read. (A filer writes the same words the same way: one filing of the corpus's
903 holds two such spellings among its titles and natures, "Call Option(Right to Buy)" beside "Call
Option (Right to Buy)"; read from Markdown, those are said missing too.)
"""

from __future__ import annotations

import dataclasses

from ...model import Filing, Note, Value

_ROWS = ("non_derivative_transactions", "non_derivative_holdings", "derivative_transactions", "derivative_holdings")
_TEXTS = ("security_title", "underlying_title", "nature_of_ownership")
_WHY = "the page spells these words spaced otherwise elsewhere ('By Fund', 'ByFund'): its spaces not settled; not read"


def _letters(text: str) -> str:
    return "".join(text.split())


def _spellings(filing: Filing) -> dict[str, set[str]]:
    """Each table text's letters (spaces taken out) -> the spellings the filing holds of them."""
    seen: dict[str, set[str]] = {}
    for kind in _ROWS:
        for row in getattr(filing, kind):
            for name in _TEXTS:
                v = getattr(row, name, None)
                if isinstance(v, Value) and isinstance(v.value, str) and v.value.strip():
                    seen.setdefault(_letters(v.value), set()).add(" ".join(v.value.split()))
    return seen


def check_spacing(filing: Filing) -> Filing:
    """The filing with each title or nature whose letters another one holds spaced otherwise listed
    missing (and emptied) instead of read."""
    unsettled = {letters for letters, spelt in _spellings(filing).items() if len(spelt) > 1}
    if not unsettled:
        return filing
    missing: list[str] = []
    notes: list[Note] = []
    rows: dict[str, tuple[object, ...]] = {}
    for kind in _ROWS:
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
