"""Back-to-back rows of a laid-out table whose titles wrap over several lines, where the page does not
tell which row a title's first or last line ends (moved out of ``layout.py``, which reads the table)."""

from __future__ import annotations

from . import tables
from .layout_cells import _join
from .layout_ties import TITLE_TIED
from .layout_words import Tok


def titles_run_on(
    placed: dict[int, tuple[int, list[list[Tok]]]],
    cells_of: dict[int, list[str]],
    cols: tuple[str, ...],
    tie: str | None,
) -> None:
    """Back-to-back rows whose titles wrap over several lines: a title of three lines or more whose
    last line starts as its first does ("Restricted" / "Stock" / "Units" / "Restricted") may hold
    the first line of the next row's title, cut between the rows a line late. The page does not
    tell: untold, the table is refused with why (:data:`TITLE_TIED`); told ``tie``, such titles are
    read as cut ("early") and with that line given to the next row ("late"), and the caller,
    comparing the two readings, lists only those titles missing. The table's last row, mirrored:
    a title of three lines or more whose first line is as its last ("Units" / "Restricted Stock" /
    "Units", a text browser putting each row's one-line values on the first of its two lines) may
    start with the end of the row before's title, cut a line early."""
    for c, kind in enumerate(cols):
        if kind not in ("title", "utitle"):
            continue
        cur = {k: list(cut[c]) for k, (_p, cut) in placed.items()}
        for k in sorted(cur):
            toks = cur[k]
            # (the table's last row has no next row: its first line may instead end the row
            # before's title, the rows cut a line early; mirrored, the same tie)
            after = bool(cur.get(k + 1))
            if not after and not cur.get(k - 1):
                continue
            lines = sorted({t.line for t in toks})
            if len(lines) < 3:
                continue
            head = [t for t in toks if t.line == lines[0]]
            last = [t for t in toks if t.line == lines[-1]]
            if min(last, key=lambda t: t.x0).text != min(head, key=lambda t: t.x0).text:
                continue
            if tie is None:
                raise tables.RowError(f"{_join(last if after else head)!r} {TITLE_TIED}")
            if tie == "early" and cur.get(k - 1):
                # (its first line may as well end the row before's title, cut a line early: rows set
                # on whole lines round a 4-line title's middle down, "Series C-" / "1 ... values" /
                # "Preferred" / "Stock" over the next row's "Series C-")
                cur[k] = [t for t in toks if t.line != lines[0]]
                cur[k - 1] = [*cur[k - 1], *head]
                for r in (k - 1, k):
                    cells_of[r] = list(cells_of[r])
                    cells_of[r][c] = _join(cur[r])
            if not after:
                continue
            if tie == "late":
                # (the next row's title, given that line, is weighed in turn: the cut may run late
                # down the table)
                cur[k] = [t for t in toks if t.line != lines[-1]]
                cur[k + 1] = [*last, *cur[k + 1]]
                for r in (k, k + 1):
                    cells_of[r] = list(cells_of[r])
                    cells_of[r][c] = _join(cur[r])
