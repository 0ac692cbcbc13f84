"""Which of a flowing row's cuts the blanks before its Table II amount allow (``lynx -dump``).

lynx writes a table row as its cells' words one blank apart, whitespace collapsed, so an empty cell
leaves nothing but what the stylesheet prints in it. Every SEC stylesheet (4_X06 to 5_X09) prints a
no-break space in an empty (A) and an empty (D) cell of a transaction row, and in Form 4's V cell
when it holds neither "V" nor a footnote mark; lynx prints that space as a blank. So between the
transaction code (or V's mark) and the amount stand one blank, and two more for each of those cells
left empty between them: "M     472" (V and (A) empty: 472 is under (D)) against "M   472" (V empty:
under (A)). A cut whose amount stands under (A) or (D) with another count of blanks before it is not
the row's. Only that stretch is weighed: other cells print their empty state differently (a
conversion price shown by its mark alone prints no space), so their blanks settle nothing here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_WORD_RE = re.compile(r"\S+")
#: The cells between which the blanks are counted: the code (or Form 4's V) before, (A) or (D) after.
_BEFORE = frozenset(("code", "code5", "v"))
_AMOUNT = frozenset(("a", "d"))
#: The cells that print a no-break space when empty (between the code and the amount).
_SPACED = frozenset(("v", "a"))


def by_blanks(text: str, cuts: tuple[tuple[str, ...], ...], cols: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The cuts of ``text`` (one line as lynx wrote it, marks respelt but its blanks kept) whose blanks
    before the amount under (A) or (D) are as many as its empty cells there print; all of them where
    that leaves none, or where a cut's cells are not the line's words in order."""
    words = [(m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    kept = tuple(c for c in cuts if _fits(c, cols, words, text) is not False)
    return kept or cuts


def _fits(cut: Sequence[str], cols: tuple[str, ...], words: list[tuple[int, int]], text: str) -> bool | None:
    """Do the blanks before the cut's amount match its empty cells (None: nothing to weigh)?"""
    if " ".join(c for c in cut if c).split() != text.split():
        return None  # (the cut's words are not the line's, one for one: no place to count from)
    first: list[int] = []  # each cell's first word's index (-1: empty)
    at = 0
    for cell in cut:
        n = len(cell.split())
        first.append(at if n else -1)
        at += n
    amount = next((k for k, kind in enumerate(cols) if kind in _AMOUNT and cut[k]), None)
    if amount is None:
        return None
    before = max((k for k in range(amount) if cut[k]), default=None)
    if before is None or cols[before] not in _BEFORE:
        return None
    between = range(before + 1, amount)
    if any(cols[k] not in _SPACED for k in between):
        return None
    last_word = first[amount] - 1  # (the word before the amount's: the last of the cell before)
    blanks = words[first[amount]][0] - words[last_word][1]
    return blanks == 1 + 2 * len(between)
