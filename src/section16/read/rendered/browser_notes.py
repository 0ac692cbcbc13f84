"""Footnotes a text browser laid on its grid of characters (``elinks -dump``, ``links2 -dump``): which
lines are which note's.

The form prints its notes as a table, each note's number in a cell beside its text's. The browser
wraps the text in its column, filling each line with as many words as the column's width holds, and
centres the number on the note's lines rounding down: on the first of two lines, the second of three
or four ("Each share of ..." / "(3) Issuer's convertible ..." / "conversion thereof ..."). No blank
line parts the notes. So the lines between two numbers are cut once, and a cut is one the browser
could have printed only where

* each note's number stands ``(h - 1) // 2`` lines below its first line, for its ``h`` lines;
* no line of a note but its last would have held the next line's first word: the column is at least
  as wide as its widest line, and a line shorter by more than that word was its note's last.

Where more than one cut is such, the notes whose lines differ between them are not settled.
"""

from __future__ import annotations

#: Each body line's note (by its index in the numbers' order), and the notes no cut settles.
NoteLines = tuple[dict[int, int], set[int]]


def grid_notes(lines: list[str], body: list[int], idx: list[int]) -> NoteLines | None:
    """Each of ``body``'s lines (the notes' lines, numbers' lines included, in order) given to its
    note, ``idx`` being the numbers' lines; None where the lines are not one block (a blank or other
    line between them) or no cut lays the notes as the browser does."""
    rows = sorted({*body, *idx})
    if not rows or rows[-1] - rows[0] + 1 != len(rows) or rows[0] > idx[0]:
        return None
    first, last = rows[0], rows[-1]
    col = _text_column(lines, rows, idx)
    if col is None:
        return None
    ends = {i: len(lines[i].rstrip()) - col for i in rows}
    width = max(ends.values())

    def full(i: int) -> bool:
        # (the line could not have taken the next line's first word)
        words = lines[i + 1][col:].split(None, 1)
        return not words or ends[i] + 1 + len(words[0]) > width

    def fits(k: int, s: int, e: int) -> bool:
        return idx[k] - s == (e - s) // 2 and all(full(i) for i in range(s, e))

    n = len(idx)
    # reach[k]: the lines past which note k may end (cuts of notes 0..k that fit); back: the starts.
    reach: list[dict[int, set[int]]] = [{} for _ in range(n)]
    for k in range(n):
        starts = [first] if k == 0 else [e + 1 for e in reach[k - 1]]
        for s in starts:
            if s > idx[k]:
                continue
            stop = last if k == n - 1 else idx[k + 1] - 1
            for e in range(idx[k], stop + 1):
                if fits(k, s, e):
                    reach[k].setdefault(e, set()).add(s)
    if last not in reach[n - 1]:
        return None
    # Walk back from the last line: the notes' bands in every cut that fits.
    bands: list[set[tuple[int, int]]] = [set() for _ in range(n)]
    ends_k = {last}
    for k in range(n - 1, -1, -1):
        prev: set[int] = set()
        for e in ends_k:
            for s in reach[k].get(e, ()):
                bands[k].add((s, e))
                prev.add(s - 1)
        ends_k = prev
    of_line: dict[int, int] = {}
    unsettled: set[int] = set()
    for k in range(n):
        if len(bands[k]) > 1:
            unsettled.add(k)
        s, _e = min(bands[k])
        for i in range(s, max(e for _s, e in bands[k]) + 1):
            of_line.setdefault(i, k)
    return {i: k for i, k in of_line.items() if i in body}, unsettled


def _text_column(lines: list[str], rows: list[int], idx: list[int]) -> int | None:
    """Where the notes' text column starts: where every line but the numbers' starts (each number's
    line holds its text from there too)."""
    starts = {len(lines[i]) - len(lines[i].lstrip()) for i in rows if i not in idx}
    if len(starts) > 1:
        return None
    if not starts:  # (every note on one line: after its number)
        return None
    col = starts.pop()
    if any(lines[i][:col].strip() == "" or lines[i][col - 1 : col] != " " for i in idx):
        return None
    return col


__all__ = ["NoteLines", "grid_notes"]
