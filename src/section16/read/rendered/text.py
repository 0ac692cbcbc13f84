"""Plain-text front end: a page as text laid out in columns (``pdftotext -layout``, pandoc's plain
text, a browser's "save as text"), and the text of a PDF.

Text has no cells, only characters at positions. Three things are recovered from positions:

* the boxes above Table I stand side by side; each box's label ("1. Name and Address...", "2. Issuer
  Name...", "5. Relationship...") starts a vertical strip, and the strips are read one after another;
* a table's columns start where their printed headings start (a rule of dashes above the heading,
  as pandoc draws it, gives them exactly); a sub-heading ("Code", "V", "Price"...) is centred over its
  column, so a boundary between two sub-columns lies half-way between their sub-headings;
* a table row may span several lines (wrapped titles, a footnote mark below its number, cells
  centred vertically); every row has exactly one D or I in its "Ownership Form" column, so those
  lines anchor the rows, and each line of the table goes to the row whose anchor is nearest (or to
  the anchor of its blank-line-separated group, where rows are separated by blank lines).

The result is rows of cells, the same shape the HTML and Markdown front ends give.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from ...errors import ParseError
from . import layout, tables
from .boxes import _LABEL_RE, read_form_type
from .cells import Doc, normalize

# Only ASCII spaces part cells: a no-break space belongs to the text it stands in.
_CHUNK_RE = re.compile(r"[^ \n]+(?: [^ \n]+)*")
_RULE_RE = re.compile(r"^\s*-{3,}(?:\s+-+)*\s*$")
_WORD_RE = re.compile(r"[^ \n]+")
_DASHES_RE = re.compile(r"^[-=_]{3,}(?:\s+[-=_]+)*$")
# Grid tables (pandoc draws them with + - | borders): the borders are not text.
_GRID_LINE_RE = re.compile(r"^\s*[|+]")
_GRID_BORDER_RE = re.compile(r"\+[-=+:]*\+?|\|")
_T1_RE = re.compile(r"Table\s+I\s*[-–—:]", re.IGNORECASE)
_T2_RE = re.compile(r"Table\s+II\b", re.IGNORECASE)
_HEAD_RE = re.compile(r"^\s*1\s*\.\s*Title\s+of", re.IGNORECASE)
_BOX_LABELS = ("name", "issuer", "period", "amend", "rel", "joint")
_SECTION_RE = re.compile(
    r"^\s*(?:Reporting\s+Owners\s*$|Signatures?\s*$|Explanation\s+of\s+Responses|Remarks\s*:|Reminder:|"
    r"Note:\s*File|Persons\s+who\s+respond|Potential\s+persons)",
    re.IGNORECASE,
)
_HEADERISH_RE = re.compile(
    r"\(Instr|Month/Day/Year|\bCode\b|Exercisable|Expiration|Number\s+of|\bShares\)?$|^\(A\)|^\(D\)|\(I\)$|"
    r"\bPrice\b|^Amount|Title\s+of|Transaction\(s\)|Beneficially|Ownership|Following|Reported|^Title$|^V$",
    re.IGNORECASE,
)
_FN_ANCHOR_RE = re.compile(r"^\(?(\d{1,3})\)?[.:]?$|^\((\d{1,3})\)\s+\S")


@dataclass(frozen=True, slots=True)
class Chunk:
    line: int
    x: int
    text: str

    @property
    def end(self) -> int:
        return self.x + len(self.text)


def chunks(line: str, number: int) -> list[Chunk]:
    """Runs of text separated by two or more spaces: the cells of a laid-out line (rules left out)."""
    return [Chunk(number, m.start(), m.group(0)) for m in _CHUNK_RE.finditer(line) if not _DASHES_RE.match(m.group(0))]


# Column headings per leaf column: (numbered label, sub-heading) and the group a sub-column is in.
_SUB = {
    "code": r"\bCode\b", "code5": r"\bCode\b", "v": r"(?<![\w(])V(?![\w)])", "amount": r"\bAmount(?!\s+or\s+Number)",
    "ad": r"\(A\)", "price": r"\bPrice\b", "a": r"\(A\)(?!\s*or)", "d": r"(?<!or )\(D\)",
    "exer": r"Date\s+Exer|Exercisable", "exp": r"Expiration", "utitle": r"(?<![\w.] )\bTitle\b(?!\s+of)",
    "ushares": r"\bAmount\b|\bNumber\b",
}  # fmt: skip


def _labels(form: str, table: int) -> list[tuple[str, str | None, str | None]]:
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


def _label_x(head: list[str], num: str) -> int | None:
    rx = re.compile(rf"(?<![\w.]){re.escape(num)}\s*\.(?!\d)")
    xs = [m.start() for ln in head for m in rx.finditer(ln)]
    return min(xs) if xs else None


def _sub_span(head: list[str], kind: str, after: int, before: int) -> tuple[int, int] | None:
    rx = re.compile(_SUB[kind], re.IGNORECASE)
    for ln in reversed(head):  # sub-headings sit on the lowest heading lines
        for m in rx.finditer(ln):
            if after - 2 <= m.start() < before:
                return m.start(), m.end()
    return None


def column_starts(head: list[str], form: str, table: int) -> list[int] | None:
    """Start position of each leaf column, from a dash rule or from the headings."""
    n = len(tables.columns(form, table))
    for ln in head[:3]:
        if _RULE_RE.match(ln):
            dashes = [m.start() for m in re.finditer(r"-+", ln)]
            if len(dashes) == n:
                return dashes
    starts: list[int] = []
    prev_sub: tuple[int, int] | None = None
    labels = _labels(form, table)
    for k, (col, num, group) in enumerate(labels):
        if num is not None:
            x = _label_x(head, num)
            if x is None:
                return None
            starts.append(x)
            prev_sub = None
            continue
        gx = _label_x(head, group or "")
        floor = starts[-1] + 1 if starts else 0
        nxt = next((n for _c, n, _g in labels[k + 1 :] if n is not None), None)
        before = (_label_x(head, nxt) if nxt else None) or 10**6
        span = _sub_span(head, col, max(floor, gx or 0), before)
        if span is None:
            return None
        if prev_sub is None:
            starts.append(gx if gx is not None else span[0])
        else:
            starts.append((prev_sub[1] + span[0] + 1) // 2)
        prev_sub = span
    return starts if all(b > a for a, b in itertools.pairwise(starts)) else None


def _column_of(x: int, starts: list[int]) -> int:
    col = 0
    for i, s in enumerate(starts):
        if x >= s - 1:
            col = i
    return col


def read_table(lines: list[str], start: int, end: int, form: str, table: int) -> tuple[list[list[str]], str | None]:
    """Rows of cells for the table whose heading starts at line ``start``; or an explanation why not."""
    head_end = start
    cols = tables.columns(form, table)
    # The heading runs until the lowest line of heading words above the first data line.
    body = list(range(start, end))
    rule = [lines[start - 1]] if start > 0 and _RULE_RE.match(lines[start - 1]) else []
    starts = None
    k = 0
    filled = 0
    for k in range(1, len(body) + 1):  # the shortest heading that names every column
        if not lines[start + k - 1].strip():
            continue
        filled += 1
        if filled > 30:  # no heading runs this long: the column headings are not on the page
            break
        starts = column_starts(rule + lines[start : start + k], form, table)
        if starts is not None:
            break
    if starts is None:
        return [], "the table's column headings were not found"
    di = cols.index("di")
    anchors: list[int] = []
    cells_by_line: dict[int, list[Chunk]] = {}
    first_data = None
    for i in body:
        if _RULE_RE.match(lines[i]):
            continue
        cs = chunks(lines[i], i)
        if not cs:
            continue
        cells_by_line[i] = cs
        for c in cs:
            if _column_of(c.x, starts) == di and re.sub(r"\(\d+\)|\s", "", c.text) in ("D", "I"):
                anchors.append(i)
                if first_data is None:
                    first_data = i
                break
    if not anchors:
        # Values below the heading but no row with its D or I: the page is cut off or unreadable.
        if any(_VALUE_RE.search(lines[i]) for i in range(start + k, end) if not _RULE_RE.match(lines[i])):
            return [], "values under the heading, but no row shows its Ownership Form (D or I): cut off?"
        return [], None
    assert first_data is not None
    # Heading lines: everything down to the last heading-looking line above the first anchor.
    for i in range(start, first_data):
        cs = cells_by_line.get(i, [])
        if cs and (all(_is_heading(c.text) for c in cs) or any(_NUM_LABEL_RE.match(c.text) for c in cs)):
            head_end = i + 1
    data = [i for i in sorted(cells_by_line) if i >= head_end]
    groups = _group_by_blank(data, anchors)
    rows: list[list[list[Chunk]]] = [[[] for _ in cols] for _ in anchors]
    for i in data:
        r = groups[i] if groups is not None else _nearest(i, anchors)
        for c in cells_by_line[i]:
            # Word by word: tight columns leave a single space between neighbouring cells.
            for w in _WORD_RE.finditer(c.text):
                rows[r][_column_of(c.x + w.start(), starts)].append(Chunk(i, c.x + w.start(), w.group(0)))
    for row in rows:
        _repair(row, cols)
    out = [[" ".join(c.text for c in sorted(cell, key=lambda c: (c.line, c.x))) for cell in row] for row in rows]
    return out, None


def _text(cell: list[Chunk]) -> str:
    return " ".join(c.text for c in sorted(cell, key=lambda c: (c.line, c.x)))


def _repair(row: list[list[Chunk]], cols: tuple[str, ...]) -> None:
    """Laid-out text puts neighbouring cells a character or two off their headings: where a cell does
    not read as its column's type, try giving its first or last word to the neighbour that is empty."""
    for i, cell in enumerate(row):
        if len(cell) < 2 or tables.check_cell(cols[i], _text(cell)):
            continue
        for j, pick in ((i + 1, max(cell, key=lambda c: c.x)), (i - 1, min(cell, key=lambda c: c.x))):
            if not 0 <= j < len(row) or row[j]:
                continue
            rest = [c for c in cell if c is not pick]
            if tables.check_cell(cols[i], _text(rest)) and tables.check_cell(cols[j], pick.text):
                row[i][:] = rest
                row[j].append(pick)
                break


_VALUE_RE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}|\d{1,3}(?:,\d{3})+|\$\s*\d|[⁽(]\d{1,3}[⁾)]|[¹²³⁴⁵⁶⁷⁸⁹]")
_NUM_LABEL_RE = re.compile(r"^\d{1,2}[A-Z]?\.\s*\D")


def _is_heading(text: str) -> bool:
    return bool(_HEADERISH_RE.search(text) or re.match(r"^\d{1,2}[A-Z]?\.", text))


def _nearest(i: int, anchors: list[int]) -> int:
    best = 0
    for k, a in enumerate(anchors):
        if abs(a - i) < abs(anchors[best] - i):
            best = k
    return best


def _group_by_blank(data: list[int], anchors: list[int]) -> dict[int, int] | None:
    """Row of each line when blank lines separate the rows (one anchor per group), else None."""
    groups: list[list[int]] = []
    for i in data:
        if groups and i == groups[-1][-1] + 1:
            groups[-1].append(i)
        else:
            groups.append([i])
    out: dict[int, int] = {}
    k = 0
    for g in groups:
        inside = [a for a in anchors if g[0] <= a <= g[-1]]
        if len(inside) != 1:
            return None
        k = anchors.index(inside[0])
        for i in g:
            out[i] = k
    return out


def _header_rows(lines: list[str], begin: int, end: int) -> Doc:
    """The boxes: cut each line into the vertical strips that start at the box labels."""
    xs: list[int] = []
    for ln in lines[begin:end]:
        for m in _LABEL_RE.finditer(ln):
            if m.lastgroup in _BOX_LABELS:
                # The label's number ("2.") stands just before it.
                pre = re.search(r"\d{1,2}\s*\.\s*$", ln[: m.start()])
                xs.append(pre.start() if pre else m.start())
    strips = sorted({x for x in xs})
    merged: list[int] = []
    for x in strips:
        if not merged or x - merged[-1] > 3:
            merged.append(x)
    merged = merged or [0]
    merged[0] = 0
    out: list[list[str]] = [[] for _ in merged]
    for i in range(begin, end):
        t1 = _T1_RE.search(lines[i])
        if _RULE_RE.match(lines[i]) or (t1 and not lines[i][: t1.start()].strip()):
            continue
        for c in chunks(lines[i], i):
            if _T1_RE.match(c.text):
                continue
            out[_column_of(c.x, merged)].append(c.text)
    return [[t] for strip in out for t in strip]


def _footnote_rows(lines: list[str], begin: int, end: int) -> Doc:
    """Footnotes: "(1)" may stand on a line of its own, centred beside the lines of its text."""
    anchors: list[tuple[int, str]] = []
    texts: dict[int, list[str]] = {}
    left = min((len(ln) - len(ln.lstrip()) for ln in lines[begin:end] if ln.strip()), default=0)
    for i in range(begin, end):
        if _RULE_RE.match(lines[i]):
            continue
        cs = chunks(lines[i], i)
        if not cs:
            continue
        m = _FN_ANCHOR_RE.match(cs[0].text)
        if m and cs[0].x <= left + 3:
            anchors.append((i, m.group(1) or m.group(2)))
            rest = cs[0].text[m.end() - 1 :].strip() if m.group(2) else ""
            texts[i] = ([rest] if rest else []) + [c.text for c in cs[1:]]
        else:
            texts[i] = [c.text for c in cs]
    if not anchors:
        return [[" ".join(t)] for _i, t in sorted(texts.items())]
    rows: list[list[str]] = [[f"({fid})"] for _i, fid in anchors]
    lead: list[list[str]] = []
    idx = [a for a, _f in anchors]
    body: list[int] = []
    for i, t in sorted(texts.items()):
        if i < idx[0] and re.match(r"^\*{1,2}(\s|$)|^(?:If the form is filed|Intentional misstatements)", " ".join(t)):
            lead.append([" ".join(t)])
            continue
        if t:
            body.append(i)
    for i, k in _footnote_of_lines(body, idx, {i for i in idx if not texts[i]}).items():
        rows[k].append(" ".join(texts[i]))
    return lead + [[f"{r[0]} {' '.join(r[1:])}"] for r in rows]


def _footnote_of_lines(body: list[int], idx: list[int], alone: set[int]) -> dict[int, int]:
    """Which footnote each text line belongs to. A page printed from HTML centres the number "(1)"
    beside its text (lines above the first number, or a number on a line of its own, show it): then
    each footnote is the run of lines whose middle is its number. Otherwise the number stands on the
    first line of its footnote, and a line belongs to the number above it."""
    centred = any(i < idx[0] for i in body) or any(
        a in alone and any(i < a for i in body) and any(i > a for i in body) for a in idx
    )
    if not centred:
        return {i: max(0, sum(1 for a in idx if a <= i) - 1) for i in body}
    out: dict[int, int] = {}
    p = 0
    for k, a in enumerate(idx):
        if p >= len(body):
            break
        if k == len(idx) - 1:
            end = len(body) - 1
        else:
            nxt, start = idx[k + 1], body[p]
            end = p
            best = None
            for j in range(p, len(body)):
                if body[j] >= nxt:
                    break
                if body[j] < a:
                    continue
                d = abs((start + body[j]) / 2 - a)
                if best is None or d < best - 1e-9:
                    best, end = d, j
        for j in range(p, end + 1):
            out[body[j]] = k
        p = end + 1
    return out


_REL_HEAD_RE = re.compile(r"Director\s+10\s*%\s*Owner\s+Officer\s+Other")


def _owner_rows(lines: list[str], begin: int, end: int) -> Doc:
    """The Reporting Owners table: name and address lines on the left, an X (or a title) under
    Director, 10% Owner, Officer or Other; owners are separated by blank lines."""
    head = next((i for i in range(begin, end) if _REL_HEAD_RE.search(lines[i])), None)
    if head is None:
        return [[c.text for c in chunks(lines[i], i)] for i in range(begin, end) if lines[i].strip()]
    m = _REL_HEAD_RE.search(lines[head])
    assert m is not None
    label = lines[head]
    starts = [
        m.start(),
        label.index("10", m.start()),
        label.index("Officer", m.start()),
        label.index("Other", m.start()),
    ]
    bounds = [starts[0] - 2, *[(a + b) // 2 for a, b in itertools.pairwise(starts)]]
    # A mark is centred under its heading; a layout program may shift it towards the next heading's
    # start, so it goes to the heading whose centre is nearest.
    ends = [
        label.index(w, st) + len(w) for st, w in zip(starts, ("Director", "Owner", "Officer", "Other"), strict=True)
    ]
    centres = [(a + b) / 2 for a, b in zip(starts, ends, strict=True)]
    groups: list[list[int]] = []
    for i in range(head + 1, end):
        if not lines[i].strip():
            groups.append([])
        elif groups and groups[-1]:
            groups[-1].append(i)
        else:
            groups.append([i])
    rows: list[list[list[str]]] = []
    for g in (g for g in groups if g):
        for part in _owner_parts(lines, g, bounds[0]):
            cur: list[list[str]] = [[] for _ in range(5)]
            rows.append(cur)
            for i in part:
                for c in chunks(lines[i], i):
                    if c.x < bounds[0]:
                        cur[0].append(c.text)
                    else:
                        mid = c.x + len(c.text) / 2
                        col = 1 + min(range(4), key=lambda k: abs(centres[k] - mid))
                        cur[col].append(c.text)
    return [["\n".join(cell) if k == 0 else " ".join(cell) for k, cell in enumerate(row)] for row in rows]


_CITY_LINE_RE = re.compile(r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\s*$|\b\d{5}(?:-\d{4})?\s*$")


def _owner_parts(lines: list[str], group: list[int], left: int) -> list[list[int]]:
    """The owners in a run of lines without a blank between them. Each owner's marks stand on one
    line beside its name and address, and each address ends with its city line ("CITY, ST 12345"):
    the run is cut after each city line when that gives one line of marks per owner; otherwise the
    run stays one owner, whose cell then does not read as a single name and address."""
    marked = [i for i in group if any(c.x >= left for c in chunks(lines[i], i))]
    if len(marked) <= 1:
        return [group]
    parts: list[list[int]] = [[]]
    for i in group:
        parts[-1].append(i)
        left_text = " ".join(c.text for c in chunks(lines[i], i) if c.x < left)
        if _CITY_LINE_RE.search(left_text):
            parts.append([])
    parts = [p for p in parts if p]
    if len(parts) == len(marked) and all(sum(1 for i in p if i in marked) == 1 for p in parts):
        return parts
    return [group]


#: Rows of cells for the table in lines [start, end) with n columns, from a better source than the
#: characters' positions (the cell borders a PDF draws); None when that source cannot tell.
TableRows = Callable[[int, int, int], "list[list[str]] | None"]


def text_to_doc(data: bytes | str, source: str | None = None, table_rows: TableRows | None = None) -> Doc:
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    text = normalize_layout(text)
    lines = [_GRID_BORDER_RE.sub(" ", ln) if _GRID_LINE_RE.match(ln) else ln for ln in text.split("\n")]
    doc: Doc = []
    name_i = next((i for i, ln in enumerate(lines) if re.search(r"Name\s+and\s+Address\s+of", ln)), None)
    t1_i = next((i for i, ln in enumerate(lines) if _T1_RE.search(ln)), None)
    if name_i is None or t1_i is None:
        return [[normalize(ln)] for ln in lines if ln.strip()]
    h1 = next((i for i in range(t1_i, len(lines)) if _HEAD_RE.search(lines[i])), None)
    # The boxes start at the first line with a box label (a grid table may put "2." above "1.").
    first_label = next(
        (i for i in range(t1_i) if any(m.lastgroup in _BOX_LABELS for m in _LABEL_RE.finditer(lines[i]))), name_i
    )
    top_end = min(name_i, t1_i, first_label)
    doc.extend([c.text] for i in range(top_end) for c in chunks(lines[i], i))
    box_end = h1 if h1 is not None else t1_i
    doc.extend(_header_rows(lines, top_end, box_end))
    form = read_form_type("\n".join(r[0] for r in doc)) or "4"
    doc.append([_T1_RE.search(lines[t1_i]).group(0) + " Non-Derivative Securities"])  # type: ignore[union-attr]
    i = box_end
    table = 1
    while i < len(lines):
        ln = lines[i]
        if (table == 1 and h1 is not None and i == h1) or (table == 2 and _HEAD_RE.search(ln)):
            end = next((j for j in range(i + 1, len(lines)) if _SECTION_RE.search(lines[j])
                        or _T2_RE.search(lines[j])), len(lines))  # fmt: skip
            got = table_rows(i, end, len(tables.columns(form, table))) if table_rows else None
            try:
                rows, why = (got, None) if got is not None else layout.read_table(lines, i, end, form, table)
            except tables.RowError as e:
                raise ParseError(str(e), source=source or "<bytes>", line=i + 1, where=f"Table {'I' * table}") from None
            if why:
                raise ParseError(why, source=source or "<bytes>", line=i + 1, where=f"Table {'I' * table}")
            doc.extend(rows)
            i = end
            continue
        if _T2_RE.search(ln):
            table = 2
            doc.append(["Table II - Derivative Securities"])
            i += 1
            continue
        if re.match(r"^\s*Reporting\s+Owners\s*$", ln, re.IGNORECASE):
            end = next((j for j in range(i + 1, len(lines)) if _SECTION_RE.search(lines[j])), len(lines))
            doc.append(["Reporting Owners"])
            doc.extend(_owner_rows(lines, i + 1, end))
            i = end
            continue
        if re.match(r"^\s*Explanation\s+of\s+Responses", ln, re.IGNORECASE):
            end = next((j for j in range(i + 1, len(lines)) if _SECTION_RE.search(lines[j])), len(lines))
            doc.append(["Explanation of Responses:"])
            doc.extend(_footnote_rows(lines, i + 1, end))
            i = end
            continue
        cs = chunks(ln, i)
        if cs:
            doc.append([c.text for c in cs])
        i += 1
    return [[normalize(c) for c in row] for row in doc]


def normalize_layout(text: str) -> str:
    """Tabs to spaces, form feeds (page breaks) out: a page break is not a blank line between rows."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "").expandtabs(8)
