"""Was a word cut, or were two words parted? Evidence from the page's own uncut text.

When pandoc cuts a line to fit a grid cell (:mod:`.pandoc_unchop`), a cut that falls between two
letters is ambiguous: "C" + "hief" is "Chief" if the first piece ended there, "C hief" if it ended in a
blank the cell's padding hides. The page itself often settles it: the text outside the grid (Table II,
the Reporting Owners table, the footnotes) is never cut, and it repeats most words of the form's
labels and many of the filing's (the owner's name and title, the security's title). Numbers and dates
settle it by their shape. Anything else stays undecided, and the caller does not guess.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Literal

_TOKEN_STRIP = "\\*_`[](){}^#:;,.!?\"'|<>"
_NUMBER_RE = re.compile(r"^\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
_DATE_RE = re.compile(r"^\d{2}/\d{2}/\d{4}$")
_MARK_RE = re.compile(r"^\(\d{1,3}\)$")
#: A footnote mark as pandoc's Markdown links it, "[^(1)^](#F1)" (pandoc escapes a blank inside it).
_NOTE_LINK_RE = re.compile(r"^(?:\[\^?\(\d{1,3}\)\^?\]\(#F\d{1,3}\))+[,.;]?$")  # (marks may stand together)
_MARKS = frozenset({"$", "*", "**", "-", "&", "%"})
_BLANK_RE = re.compile(r"^(?:\\?_|X)+$")


def norm(token: str) -> str:
    return token.strip(_TOKEN_STRIP).lower()


#: The SEC stylesheets: their text is the printed form's own words (labels, headings, instructions).
XSL_DIR = Path(__file__).resolve().parents[2] / "data" / "xsl"


@functools.cache
def form_words() -> frozenset[str]:
    """Every word the printed form itself prints, from the stylesheets that print it (read once)."""
    from lxml import etree

    words: set[str] = set()
    for path in sorted(XSL_DIR.glob("*.xsl")):
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
        for text in tree.iter():
            for part in (text.text, text.tail):
                if part and part.strip():
                    words.update(norm(w) for w in part.split())
    words.discard("")
    return frozenset(words)


@functools.cache
def form_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The printed form's labels of three words or more ("1. Name and Address of Reporting Person"),
    each one text of the stylesheets, as normalised words, by their first word. The SEC page prints
    each in one cell."""
    from lxml import etree

    phrases: set[tuple[str, ...]] = set()
    for path in sorted(XSL_DIR.glob("*.xsl")):
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
        for text in tree.iter():
            for part in (text.text, text.tail):
                words = tuple(w for w in (norm(t) for t in (part or "").split()) if w)
                if len(words) >= 3:
                    phrases.add(words)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(phrases):
        by_first.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in by_first.items()}


def splits_label(cells: tuple[str, ...]) -> bool:
    """Do the cells of one line part a label of the printed form between two of them?"""
    phrases = form_phrases()
    words = [(w, c) for c, text in enumerate(cells) for t in text.split() if (w := norm(t.replace("\\", "")))]
    for i, (w, c) in enumerate(words):
        for phrase in phrases.get(w, ()):
            got = words[i : i + len(phrase)]
            if len(got) == len(phrase) and all(g == p for (g, _), p in zip(got, phrase, strict=True)):
                if got[-1][1] != c:
                    return True
    return False


def vocabulary(lines: list[str]) -> frozenset[str]:
    """The form's own words and those of the page's lines outside grid tables (never cut)."""
    words: set[str] = set(form_words())
    for ln in lines:
        s = ln.lstrip()
        if s.startswith(("|", "+")):
            continue
        words.update(norm(w.replace("\\", "")) for w in s.split())  # (as _known reads a token: unescaped)
    words.discard("")
    return frozenset(words)


def _numeric(token: str) -> bool:
    return bool(_NUMBER_RE.match(token.replace("\\", "")))


def _known(token: str, vocab: frozenset[str]) -> bool:
    t = token.replace("\\", "")
    if _numeric(t) or _DATE_RE.match(t) or _MARK_RE.match(t) or _NOTE_LINK_RE.match(t):
        return True
    n = norm(t)
    if not n:  # punctuation alone: a mark ("$", "*") is a token; an opening "(" is not
        return t in _MARKS
    parts = _parts(vocab)
    return n in vocab or all(norm(p) in parts for p in _PARTS_RE.split(n) if norm(p))


_PARTS_RE = re.compile(r"[/()-]")


@functools.cache
def _parts(vocab: frozenset[str]) -> frozenset[str]:
    """The words and the parts of the words joined by "/", "-" or parentheses ("(Month/Day/Year)":
    "month", "day", "year"), so that "Filed(Month/Day/Year)" is known from its parts."""
    return vocab | frozenset(q for w in vocab for p in _PARTS_RE.split(w) if (q := norm(p)))


def cut_reading(left: str, right: str, vocab: frozenset[str]) -> Literal["joined", "split"] | None:
    """``left`` ends the first piece and ``right`` starts the next, both without blanks at the cut:
    one word, or two? None when the page does not tell."""
    if _BLANK_RE.match(left) and _BLANK_RE.match(right):
        return "joined"  # a check box's line ("_____", "__X__") is one mark, never two
    form = form_words()
    if _known(left + right, form) and not (_known(left, form) and _known(right, form)):
        # One of the form's own words whose pieces are not both words of the form: the form's label
        # ("N" + "on-Derivative": "Non-Derivative"; the page's "353 N." is no evidence against it).
        return "joined"
    joined = _known(left + right, vocab)
    split = _known(left, vocab) and _known(right, vocab) and not (_numeric(left) and _numeric(right))
    if joined and not split:
        return "joined"
    if split and not joined:
        return "split"
    return None
