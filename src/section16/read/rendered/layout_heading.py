"""Where Table I's and Table II's columns start in a laid-out heading (``pdftotext -layout``, pandoc's
plain text, a PDF without cell borders): a numbered label ("4.", "2A.") starts a column or a group, a
sub-heading ("Code", "V", "Price", "(A)"...) is centred over its sub-column, and a label that cannot
be found is placed between its neighbours (see :mod:`.layout`, which cuts the rows on these ranges)."""

from __future__ import annotations

import functools
import itertools
import re

from . import tables
from .boxes import FOLDING
from .layout_words import _is_heading_line

#: A line of dashes (pandoc's table rules): no heading word stands on it.
RULE_RE = re.compile(r"^\s*-{3,}(?:\s+-+)*\s*$")

# Sub-headings of the leaf columns that share a numbered group.
_SUB = {
    "code": r"\bCode\b", "code5": r"\bCode\b", "v": r"(?<![\w(])V(?![\w)])", "amount": r"\bAmount(?!\s+or\s+Number)",
    "ad": r"\(A\)\s*or", "price": r"\bPrice\b", "a": r"\(A\)(?!\s*or)", "d": r"(?<!or )\(D\)",
    "exer": r"Date\s+Exer|Exercisable", "exp": r"Expiration", "utitle": r"(?<![\w.] )\bTitle\b(?!\s+of|\s+and)",
    "ushares": r"\bAmount\s+or|\bNumber\s+of\s+Shares|\bAmount\b",
}  # fmt: skip
_SUB_RE = {kind: re.compile(rx, re.IGNORECASE) for kind, rx in _SUB.items()}
#: A word each sub-heading's pattern cannot match without (lower-cased): a heading line without it is
#: not searched. Only "İ", "ı" and "ſ" match other letters than their own ignoring case, or lower-case
#: to more than one: a line holding one is searched whatever it holds.
_SUB_WORDS = {
    "code": ("code",), "code5": ("code",), "v": ("v",), "amount": ("amount",), "ad": ("(a)",), "price": ("price",),
    "a": ("(a)",), "d": ("(d)",), "exer": ("exer",), "exp": ("expiration",), "utitle": ("title",),
    "ushares": ("amount", "number"),
}  # fmt: skip


def labels(form: str, table: int) -> list[tuple[str, str | None, str | None]]:
    """(column, its own numbered label, the numbered label of its group) for each leaf column."""
    cols = tables.columns(form, table)
    if table == 1 and form == "3":
        nums = {"title": "1", "after": "2", "di": "3", "nature": "4"}
        return [(c, nums[c], None) for c in cols]
    if table == 2 and form == "3":
        nums = {"title": "1", "conv": "4", "di": "5", "nature": "6"}
        group = {"exer": "2", "exp": "2", "utitle": "3", "ushares": "3"}
        return [(c, nums.get(c), group.get(c)) for c in cols]
    if table == 1:
        nums = {"title": "1", "date": "2", "deemed": "2A", "after": "5", "di": "6", "nature": "7"}
        group = {"code": "3", "code5": "3", "v": "3", "amount": "4", "ad": "4", "price": "4"}
        if form == "5":
            nums["code5"] = "3"
            group.pop("code5")
        return [(c, nums.get(c), group.get(c)) for c in cols]
    nums = {"title": "1", "conv": "2", "date": "3", "deemed": "3A", "price": "8", "after": "9", "di": "10",
            "nature": "11"}  # fmt: skip
    group = {"code": "4", "code5": "4", "v": "4", "a": "5", "d": "5", "exer": "6", "exp": "6", "utitle": "7",
             "ushares": "7"}  # fmt: skip
    if form == "5":
        nums["code5"] = "4"
        group.pop("code5")
    return [(c, nums.get(c), group.get(c)) for c in cols]


# (Opened by its first digit, the look-behind after it: a pattern opened by a look-behind is tried at
# every position of the heading's lines.)
_LABEL_NUM_RE = re.compile(r"(\d(?<![\w.]\d)\d?A?)\s*\.(?!\d)")


def _label_xs(head: list[str]) -> dict[str, int]:
    """Where each numbered label ("4.", "2A.") first stands across the heading's lines (one pass)."""
    found: dict[str, int] = {}
    for ln in head:
        for m in _LABEL_NUM_RE.finditer(ln):
            num = m.group(1)
            if num not in found or m.start() < found[num]:
                found[num] = m.start()
    return found


#: A heading line lower-cased (each is asked for each sub-heading's words).
_lower = functools.lru_cache(maxsize=256)(str.lower)


def _sub_span(head: list[str], kind: str, lo: float, hi: float) -> tuple[int, int] | None:
    for ln in reversed(head):  # sub-headings sit on the lowest heading lines
        for start, end in _line_subs(ln, kind):
            if lo <= start < hi:
                return start, end
    return None


@functools.lru_cache(maxsize=1024)
def _line_subs(ln: str, kind: str) -> tuple[tuple[int, int], ...]:
    """Where the sub-heading's pattern matches on a heading line (each line is asked for each
    sub-heading, some twice: where a group's first one starts, where its columns start)."""
    low = _lower(ln)
    if not any(w in low for w in _SUB_WORDS[kind]) and not any(c in ln for c in FOLDING):
        return ()
    return tuple(m.span() for m in _SUB_RE[kind].finditer(ln))


def _next_sub(
    head: list[str],
    cols: list[tuple[str, str | None, str | None]],
    order: list[str],
    k: int,
    group_x: dict[str, float | None],
) -> float:
    """Where the first sub-heading of the group after group ``k`` starts (looked for as its own
    group looks), or 0 where that group has none or it is not found."""
    if k + 1 >= len(order):
        return 0.0
    g = order[k + 1]
    subs = [c for c, num, group in cols if (num or group or "") == g]
    gx = group_x[g]
    nx = group_x[order[k + 2]] if k + 2 < len(order) else None
    if len(subs) < 2 or gx is None or nx is None:
        return 0.0
    span = _sub_span(head, subs[0], gx - 8, nx + 14)
    return float(span[0]) if span else 0.0


def column_starts(head: list[str], form: str, table: int, loose: bool = True) -> list[float] | None:
    """Where each leaf column starts, from a dash rule (pandoc) or from the headings; None when too
    few labels are found to place the columns."""
    n = len(tables.columns(form, table))
    for ln in head[:3]:
        if RULE_RE.match(ln):
            dashes = [float(m.start()) for m in re.finditer(r"-+", ln)]
            if len(dashes) == n:
                return dashes
    cols = labels(form, table)
    order = list(dict.fromkeys(num or group or "" for _c, num, group in cols))
    xs_of = _label_xs(head)
    found = {g: xs_of.get(g) for g in order}
    if table == 1 and head and squeezed(head[0]):
        found = _unpushed(head, found, order)
    # Keep only labels in increasing order; the others are placed between their neighbours.
    xs: list[float | None] = []
    last = -1.0
    for g in order:
        x = found[g]
        if x is not None and x > last:
            xs.append(float(x))
            last = x
        else:
            xs.append(None)
    known = [(i, float(x)) for i, x in enumerate(xs) if x is not None]
    # A label missing between two found ones (its words wrapped oddly) is placed between them; the
    # first and last must be on the page (a table cut at the page edge is not extrapolated).
    if xs[0] is None or xs[-1] is None or len(known) < max(2, (3 * len(order)) // 4):
        return None
    for i, maybe in enumerate(xs):
        if maybe is None:
            before = [(k, v) for k, v in known if k < i]
            after = [(k, v) for k, v in known if k > i]
            if before and after:
                (k0, v0), (k1, v1) = before[-1], after[0]
                xs[i] = v0 + (v1 - v0) * (i - k0) / (k1 - k0)
    group_x = dict(zip(order, xs, strict=True))
    starts: list[float] = []
    last_sub_end: float | None = None
    for g, members in itertools.groupby(cols, key=lambda c: c[1] or c[2] or ""):
        subs = [c for c, _n, _g in members]
        gx = group_x[g]
        assert gx is not None
        k = order.index(g)
        nx = group_x[order[k + 1]] if k + 1 < len(order) else gx + 12.0 * len(subs)
        assert nx is not None
        if len(subs) == 1:
            starts.append(gx)
            last_sub_end = None
            continue
        # The sub-headings' line may stand a few characters right of the labels above it (and
        # the farther right, the more: up to where the next group's first sub-heading starts).
        lo, hi = (
            (max(gx - 8, last_sub_end or 0.0), max(nx + 14, _next_sub(head, cols, order, k, group_x)))
            if loose
            else (gx - 8, nx)
        )
        spans = [_sub_span(head, s, lo, hi) for s in subs]
        if all(spans) and all(a[1] <= b[0] for a, b in itertools.pairwise(s for s in spans if s)):
            ss = [s for s in spans if s]
            first = min(gx, float(ss[0][0]))
            if loose and last_sub_end is not None and first < last_sub_end:
                first = (last_sub_end + ss[0][0]) / 2  # the group before ends where its sub-headings do
            starts.append(first)
            starts.extend((a[1] + b[0]) / 2 for a, b in itertools.pairwise(ss))
            last_sub_end = float(ss[-1][1])
        else:
            last_sub_end = None
            width = (nx - gx) / len(subs)
            starts.extend(gx + width * i for i in range(len(subs)))
    if all(b > a for a, b in itertools.pairwise(starts)):
        return starts
    return column_starts(head, form, table, loose=False) if loose else None


def heading_top(lines: list[str], title: int, head: int) -> int:
    """Where a table's heading starts, given its title's line and its "1. Title of" line: a page laid
    out narrow (weasyprint's print) wraps its short columns' labels onto lines above "1. Title of"
    ("3." over "Transaction" beside "2A. Deemed", the heading's cells centred on their row), each a
    line of heading words holding a numbered label or more heading words, up to the title."""
    top = head
    for j in range(head - 1, title, -1):
        ln = lines[j]
        if not ln.strip():
            continue
        if RULE_RE.match(ln) or not _is_heading_line(ln, j):
            break
        top = j
    return top


#: Why a table's rows are not read where the paper's edge cut off its last columns.
CUT_AT_EDGE = "the table's column headings were not found: it runs past the paper's edge, its last columns cut off"


def cut_at_edge(lines: list[str], start: int, end: int, form: str, table: int) -> bool:
    """The table's heading (from line ``start``) shows its first numbered label but not its last, and
    reaches out as far as the page's widest line: the paper's edge cut off its last columns (a print
    wider than its paper). Its rows cannot be read whole; that says nothing of the other table's."""
    head = lines[start : min(end, start + 40)]
    found = _label_xs(head)
    numbered = [num for _c, num, _g in labels(form, table) if num]
    if "1" not in found or numbered[-1] in found:
        return False
    widest = max((len(ln.rstrip()) for ln in lines), default=0)
    return max((len(ln.rstrip()) for ln in head), default=0) >= widest - 3


_TITLE_LABEL_RE = re.compile(r"^\s*1\s*\.\s*Title\s+of", re.IGNORECASE)
#: Why a table is not read whose heading wraps above "1. Title of" and whose rows stand back to back.
PACKED = (
    "rows printed without space between them under a heading wrapped above its first label or squeezed: "
    "their wrapped cells' lines cannot be told apart"
)


def wrapped_above(first: str) -> bool:
    """Does the heading's first line come before its "1. Title of" (:func:`heading_top`)? A page laid
    out that narrow wraps its rows' cells as much: the lines of rows printed back to back (no blank
    line between them, a title of five lines centred beside values of one) are not told apart by
    their places."""
    return _TITLE_LABEL_RE.match(first) is None


def no_rows(lines: list[str], start: int, end: int) -> bool:
    """Does the table from line ``start`` print no row? Every row has a title in the first column (left
    of label "2."), which the paper's edge never cuts: no word there but the heading's own."""
    two = _label_xs(lines[start : min(end, start + 40)]).get("2")
    if two is None:
        return False
    return all(not ln[:two].strip() or _is_heading_line(ln[:two], i) for i, ln in enumerate(lines[start:end], start))


#: A numbered label one space after the word before it ("Deemed 3. Transaction").
_PUSHED_LABEL_RE = re.compile(r"(?<=\S )\d{1,2}A?\.(?=\s)")
#: A word that starts where a layout program set it: at the line's start or two spaces or more after
#: the word before it.
_SET_RE = re.compile(r"(?:^|(?<=\s\s))(\S+)")


def _unpushed(head: list[str], found: dict[str, int | None], order: list[str]) -> dict[str, int | None]:
    """Labels of a line squeezed narrower than its words: each word set one space after the one
    before it stands right of its place (the layout pushed it), so a label there says only where
    its column starts at the latest. Its column's further words, on the heading's lower lines, start
    where the column does, each two spaces or more after the words before it: the first such start
    (but a sub-heading's) past the label before and up to the label is the column's."""
    starts = sorted({m.start() for ln in head[1:] for m in _SET_RE.finditer(ln) if not _is_sub_word(m.group(1))})
    line = head[0]
    out = dict(found)
    last = -1
    for g in order:
        x = found[g]
        if x is None:
            continue
        if x >= 2 and line[x - 1] == " " and line[x - 2] != " ":  # (one space after a word: pushed)
            x = next((t for t in starts if last < t <= x), x)
        out[g] = x
        last = x
    return out


def _is_sub_word(word: str) -> bool:
    return any(rx.match(word) for rx in _SUB_RE.values())


@functools.lru_cache(maxsize=256)
def squeezed(first: str) -> bool:
    """Is the heading's first line squeezed narrower than its words: from one numbered label to the
    line's end, four labels or more each one space after the words before it and never two spaces
    ("2A. Deemed 3. Transaction 4. Securities Acquired (A) 5. Amount ... 6. 7. Nature", pdfplumber's
    layout)? Its rows are squeezed as much: a cell's wrapped lines stand against the next column's,
    and back-to-back rows' lines are not told apart."""
    run, last = 0, -1
    for m in _PUSHED_LABEL_RE.finditer(first):
        run = run + 1 if last >= 0 and "  " not in first[last : m.start()] else 1
        last = m.end()
    return run >= 4 and "  " not in first[last:].rstrip()
