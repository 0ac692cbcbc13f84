"""Footnote rules: ids, duplicates, every footnote cited and every citation resolving (tech spec §4.3.5-6)."""

from __future__ import annotations

import re

from ..model import Filing
from .findings import Finding, finding
from .walk import RowAt, footnote_refs

_FID_RE = re.compile(r"F[1-9][0-9]?")
MAX_FOOTNOTES = 99


def check_footnotes(filing: Filing, rows: list[RowAt]) -> list[Finding]:
    out: list[Finding] = []
    defined: dict[str, int] = {}
    for i, fn in enumerate(filing.footnotes, 1):
        where = f"footnotes.footnote[{i}]"
        if not _FID_RE.fullmatch(fn.id):
            out.append(finding("S16-E020", where, f"footnote id '{fn.id}' is not F1..F99 (capital F, no leading 0)"))
        if fn.id in defined:
            out.append(finding("S16-E021", where, f"footnote id {fn.id} is already footnote[{defined[fn.id]}]"))
        else:
            defined[fn.id] = i
    if len(filing.footnotes) > MAX_FOOTNOTES:
        out.append(
            finding("S16-E025", "footnotes", f"{len(filing.footnotes)} footnotes; at most {MAX_FOOTNOTES} are allowed")
        )

    cited: set[str] = set()
    for where, ids in footnote_refs(rows):
        if len(set(ids)) != len(ids):
            twice = sorted({x for x in ids if ids.count(x) > 1})
            out.append(finding("S16-E024", where, f"cites {', '.join(twice)} more than once"))
        for fid in ids:
            cited.add(fid)
            if fid not in defined:
                out.append(finding("S16-E023", where, f"cites footnote {fid}, which the filing does not define"))
    for fid, i in defined.items():
        if fid not in cited:
            out.append(finding("S16-E022", f"footnotes.footnote[{i}]", f"footnote {fid} is never referenced"))
    return out
