"""Words found in a page's text by one rare letter of theirs: what ``str.find`` finds, faster.

``str.find`` of a needle longer than one character walks the text at about a nanosecond a character
(a page of pandoc's plain text is 28,000 characters: 20 to 25 us a search, and a reading made some
twenty of them), while a search for one character runs at memory speed (2 us over the same page).
So a needle is looked for by one of its letters that a page holds a few times at most ("x" of
"Explanation", ":" of "Remarks:"), each place checked for the whole needle with ``str.startswith``;
a page holding that letter more often than a bound is searched the plain way from there on.
"""

from __future__ import annotations

from collections.abc import Iterator

#: How many places of the rare letter are looked at before the rest of the text is searched whole.
_TRIES = 64


def find_by(text: str, needle: str, anchor: int, start: int = 0, end: int | None = None) -> int:
    """``text.find(needle, start, end)``, the needle looked for by its character at ``anchor``."""
    stop = len(text) if end is None else min(end, len(text))
    letter = needle[anchor]
    at = text.find(letter, start + anchor, stop)
    for _ in range(_TRIES):
        if at < 0:
            return -1
        if text.startswith(needle, at - anchor, stop):
            return at - anchor
        at = text.find(letter, at + 1, stop)
    return text.find(needle, max(start, at - anchor), stop) if at >= 0 else -1


def places_of(text: str, letters: str, start: int = 0) -> Iterator[int]:
    """Where any of ``letters`` (a few rare characters) stands in the text from ``start`` on, in order."""
    found = sorted(at for letter in letters for at in _all(text, letter, start))
    yield from found


def _all(text: str, letter: str, start: int) -> Iterator[int]:
    at = text.find(letter, start)
    while at >= 0:
        yield at
        at = text.find(letter, at + 1)
