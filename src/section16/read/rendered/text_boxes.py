"""The boxes above Table I in laid-out text: each box's label ("1. Name and Address...", "2. Issuer
Name...", "5. Relationship...") starts a vertical strip, and the strips are read one after another
(a label the box wrapped onto two lines, a state wrapped around box 1's city line, a ZIP+4 broken
after its hyphen each made one cell again). Used by :mod:`.text`."""

from __future__ import annotations

import bisect
import functools
import re

from .boxes import LABELS
from .cells import MEMO, Doc
from .text_lines import _T1_RE, Chunk, _is_rule, box_labels, chunks, table_one_title
from .text_notes import _TRAILING_DATE_RE


def _column_of(x: int, starts: list[int]) -> int:
    col = 0
    for i, s in enumerate(starts):
        if x >= s - 1:
            col = i
    return col


def _header_rows(lines: list[str], begin: int, end: int) -> Doc:
    """The boxes: cut each line into the vertical strips that start at the box labels."""
    xs: list[int] = []
    period_xs: list[int] = []
    for ln in lines[begin:end]:
        labels = box_labels(ln)
        for x, box in labels:
            xs.append(x)
            if box == "period":
                period_xs.append(x)
        if "." in ln:
            # A box narrower than its label wraps it ("1. Name and Address of Reporting" over
            # "Person *"): its number and first words still tell where its strip starts.
            xs.extend(_label_starts(ln))
    strips = sorted({x for x in xs})
    merged: list[int] = []
    for x in strips:
        if not merged or x - merged[-1] > 3:
            merged.append(x)
    merged = merged or [0]
    merged[0] = 0
    out: list[list[str]] = [[] for _ in merged]
    # The strip of box 3 (Date of Earliest Transaction) and box 4 below it.
    period = next((_column_of(x, merged) for x in period_xs), None)
    wrapped: dict[int, Chunk] = {}
    by_line: dict[int, list[Chunk]] = {}
    for i in range(begin, end):
        t1 = table_one_title(lines[i])
        if _is_rule(lines[i]) or (t1 and not lines[i][: t1.start()].strip()):
            continue
        by_line[i] = [
            c
            for c in _split_at_labels(chunks(lines[i], i), merged)
            if c.text[0] not in "Tt" or not _T1_RE.match(c.text)
        ]  # (Table I's title opens with its "T", which matches no other letter ignoring case)
    if len(merged) > 1:
        _join_wrapped_state(by_line, merged[1])
    # Each run's strip: the last whose start (less one) it is at or past, found by bisection
    # (the strips' starts ascend, the first is 0). What _column_of gives, without its loop a run.
    edges = [s - 1 for s in merged]
    for cs in by_line.values():
        for c in cs:
            col = bisect.bisect_right(edges, c.x) - 1
            tail = _TRAILING_DATE_RE.match(c.text) if col == 0 and period else None
            if tail and period:
                # A long street line runs up to the date beside it with one space between: box 1
                # holds no dates, so the date is box 3's (or box 4's), in the strip beside it.
                out[0].append(tail.group(1))
                out[period].append(tail.group(2))
                continue
            split_zip = wrapped.get(col)
            if split_zip and _ZIP_TAIL_RE.match(c.text) and c.line - split_zip.line <= 2 and c.x <= split_zip.end:
                # A ZIP+4 wrapped after its hyphen ("98052-" over "6399"), centred on the city
                # line between: one ZIP, after the city and state.
                out[col].remove(split_zip.text)
                out[col].append(split_zip.text + c.text)
                del wrapped[col]
                continue
            if _ZIP_HEAD_RE.match(c.text):
                wrapped[col] = c
            out[col].append(c.text)
    return [[t] for strip in out for t in _join_wrapped_labels(strip)]


#: A state's (or city's) name: words of letters only.
_NAME_WORDS_RE = re.compile(r"^[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*)*$")


def _join_wrapped_state(by_line: dict[int, list[Chunk]], edge: int) -> None:
    """Box 1's city line with its state wrapped around it ("NEW" over "NEW YORK  10017" over
    "YORK", centred on the line between, as a narrow box prints it): the two halves are one cell,
    placed on the city line where they stand (``edge``: where the strip beside box 1 starts)."""
    for i in sorted(by_line):
        above, middle, below = by_line[i], by_line.get(i + 1), by_line.get(i + 2)
        if middle is None or below is None or len([c for c in above if c.x < edge]) != 1:
            continue
        a = next(c for c in above if c.x < edge)
        ours = [c for c in below if c.x < edge]
        b = ours[0] if len(ours) == 1 else None
        if b is None or abs(b.x - a.x) > 1 or not (_NAME_WORDS_RE.match(a.text) and _NAME_WORDS_RE.match(b.text)):
            continue
        left = [c for c in middle if c.x < edge]
        if not any(c.end < a.x for c in left) or any(c.x <= max(a.end, b.end) and c.end >= a.x for c in left):
            continue
        if not any(c.text.startswith("(City)") for k in (i + 3, i + 4) for c in by_line.get(k, ())):
            continue  # (only box 1's city line: the caption "(City)" stands right under it)
        above.remove(a)
        below.remove(b)
        middle.append(Chunk(i + 1, a.x, f"{a.text} {b.text}"))
        middle.sort(key=lambda c: c.x)


def _join_wrapped_labels(cells: list[str]) -> list[str]:
    """A box narrower than its label wraps it ("1. Name and Address of Reporting" over "Person *",
    "... Ticker or Trading" over "Symbol"): the strip's cell holding the label's start and the next,
    holding its end, are one cell, so the label is found whole and its last words are not a value."""
    out: list[str] = []
    i = 0
    while i < len(cells):
        a = cells[i]
        if i + 1 < len(cells) and len(a) > 8 and _wraps(a, cells[i + 1]):
            out.append(f"{a} {cells[i + 1]}")
            i += 2
            continue
        out.append(a)
        i += 1
    return out


@functools.lru_cache(maxsize=MEMO)
def _wraps(a: str, b: str) -> bool:
    """Does a wrapped label start in cell ``a`` and end in the next cell ``b``? (Memoised: the
    boxes' labels and captions and the lines under them recur from page to page.)"""
    joined = f"{a} {b}"
    return any((m := p.search(joined)) and m.start() < len(a) < m.end() - 1 for p in _patterns_opening_in(a))


def _may_open_label(cell: str) -> bool:
    """Can a label that :func:`_join_wrapped_labels` joins start in the cell? Its first word (each
    label opens with a word of letters, which the space put between two cells cannot be part of)
    must stand in it, ignoring case; a cell holding a letter the patterns' case folding joins to an
    ASCII one (İ ı ſ K) is always tried. (Six patterns searched over each cell were 3 % of a pandoc
    plain page's reading.)"""
    return bool(_patterns_opening_in(cell))


def _patterns_opening_in(cell: str) -> tuple[re.Pattern[str], ...]:
    """The wrapped labels' patterns whose first word stands in the cell, ignoring case (each pattern's
    first match can start in the cell only so): all where the cell holds a letter case folding joins
    to an ASCII one."""
    if not cell.isascii() and any(c in cell for c in _FOLDED):
        return _LABEL_PATTERNS
    low = cell.lower()
    return tuple(p for p, words in _PATTERNS_BY_WORDS if any(w in low for w in words))


#: The letters the regex engine's case folding joins to ASCII ones.
_FOLDED = ("\u0130", "\u0131", "\u017f", "\u212a")


def _label_starts(line: str) -> list[int]:
    """Where ``_LABEL_START_RE`` matches in the line (``finditer``'s starts, in order), tried only at
    the box numbers before each "." (its one literal, found at C speed: the pattern, opened by a
    look-behind, was tried at every position of a wide line)."""
    out: list[int] = []
    at = line.find(".")
    while at >= 0:
        before = line[at - 1 : at] if at >= 1 else ""
        start = at - 1 if before in _BOX_NUMBERS else at - 2 if before in ("a", "b") and at >= 2 else -1
        if start >= 0 and line[start] in _BOX_NUMBERS:
            m = _LABEL_START_RE.match(line, start)
            if m is not None:
                out.append(m.start())
        at = line.find(".", at + 1)
    return out


_BOX_NUMBERS = frozenset("123456")


def _split_at_labels(cs: list[Chunk], strips: list[int]) -> list[Chunk]:
    """A box's numbered label printed one space after the text of the box beside it ("...Trading
    Symbol 5. Relationship of"), where a strip starts, starts that strip: the run is parted there."""
    out: list[Chunk] = []
    for c in cs:
        if ". " not in c.text:  # (what the pattern needs: most runs hold no label)
            out.append(c)
            continue
        start = c.x
        for m in _INNER_LABEL_RE.finditer(c.text):
            x = c.x + m.start(1)
            if any(abs(x - s) <= 3 for s in strips) and c.text[start - c.x : m.start(1)].strip():
                out.append(Chunk(c.line, start, c.text[start - c.x : m.start(1)].rstrip()))
                start = x
        out.append(Chunk(c.line, start, c.text[start - c.x :]) if start != c.x else c)
    return out


_INNER_LABEL_RE = re.compile(r" (\d{1,2}[ab]?\. [A-Z])")
_ZIP_HEAD_RE = re.compile(r"^\d{5}-$")
#: A box label's number and first words (the rest may be wrapped onto the lines below).
_LABEL_START_RE = re.compile(
    r"(?<!\S)[1-6][ab]?\.\s(?=Name\s+and\s+Address|Issuer\s+Name|Date\s+of\s+(?:Earliest|Event)|If\s+Amendment"
    r"|Relationship\s+of|Individual\s+or|Statement\s+for|Foreign\s+Trading|I\.R\.S\.)"
)
#: The numbered boxes' labels a narrow box may wrap.
_WRAPPED_LABELS = frozenset({"name", "issuer", "period", "amend", "rel", "joint"})
#: Each of those labels alone (its words matched across the line its box wrapped it onto).
_LABEL_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for k, p in LABELS.items() if k in _WRAPPED_LABELS)
#: Each of those labels' first words (lower-cased): its pattern's matches open with one of them.
_OPENING_WORDS = {"name": ("name",), "issuer": ("issuer",), "period": ("date", "statement"), "amend": ("if",),
                  "rel": ("relationship",), "joint": ("individual",)}  # fmt: skip
_PATTERNS_BY_WORDS = tuple(
    zip(_LABEL_PATTERNS, (_OPENING_WORDS[k] for k in LABELS if k in _WRAPPED_LABELS), strict=True)
)
_ZIP_TAIL_RE = re.compile(r"^\d{4}$")
