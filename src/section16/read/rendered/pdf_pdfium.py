"""PDF words and rules read with PDFium (pypdfium2): the same :class:`~.ruled.Page` as pdfplumber gives.

pdfplumber builds words from pdfminer's characters, laid out in Python; PDFium lays out the page in
C. The words follow pdfplumber's rules exactly, so both backends feed the same reader:

* a character's box is its advance width from its origin (``FPDFText_GetLooseCharBox``), from its
  font's descent up one font size (``FPDFText_GetFontSize`` times the character's matrix): pdfminer's box;
* characters whose tops lie within :data:`Y_TOLERANCE` (chained) stand on one line; on a line, a word
  ends at a space the PDF draws, or where the next character starts more than :data:`X_TOLERANCE`
  points after the last one ends (or before it starts). The spaces and line breaks PDFium adds
  between text objects by its own judgement (``FPDFText_IsGenerated``) do not end a word: the gap does.

Speed comes from few ctypes calls: the page's text in one call, one box per character drawn, and
characters grouped first into runs (consecutive in drawing order, one top, touching) so the Python
work is per run, not per character. Rules are the thin rectangles and lines among the page's path
objects (their bounds, one call each); a rectangle contributes its four edges, as in pdfplumber.
"""

from __future__ import annotations

import ctypes
import functools
import operator
import os
import re
from dataclasses import dataclass
from typing import Any

from .ruled import Page, Word

#: Characters whose tops differ by at most this much (points, chained) stand on one line (pdfplumber's y_tolerance).
Y_TOLERANCE = 3.0
#: A gap wider than this (points) between two characters of a line starts a new word (pdfplumber's x_tolerance).
X_TOLERANCE = 3.0
#: Letters drawn one after the other touch (within rounding); a gap wider than this (points) between
#: two of them on one top is a space PDFium left out of its text (drawn spaces are >= 1 point wide).
HIDDEN_SPACE = 0.5
#: ... or this share of the font's size where that is more: DejaVu (chromium's face where the page's
#: Liberation fonts are missing) sets some letters of a word 0.65 points apart at 7 points ("ther eof");
#: a space is a quarter of the size or more.
HIDDEN_SPACE_SHARE = 0.12
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_PATH, _TEXT, _FORM = 2, 1, 5  # FPDF_PAGEOBJ_*
_SEG_LINETO, _SEG_MOVETO = 0, 2

# The character loop compiled (``_pdf_runs_c``, built from a .pyx at install when a C compiler is
# there) gives exactly the runs the Python loop below gives, calling PDFium without ctypes per
# character. Without it, or with SECTION16_PURE_PYTHON=1 in the environment, the Python loop runs.
_runs_c: Any = None
if not os.environ.get("SECTION16_PURE_PYTHON"):
    try:
        from . import _pdf_runs_c
    except ImportError:  # not built here
        pass
    else:
        _runs_c = _pdf_runs_c
COMPILED = _runs_c is not None


@dataclass(frozen=True, slots=True)
class Sheet:
    """One printed page: its words and rules (a :class:`~.ruled.Page`) and its width in points."""

    page: Page
    width: float
    left: float | None  # the leftmost character's x0 (None: no text)


@dataclass(slots=True)
class _Run:
    """Characters drawn one after another on one top, touching: part of one word (or one space)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    last_x0: float  # the last character's x0: pdfplumber compares the next character with it
    space_before: bool  # a space stands just before (after) it: a word ends there
    space_after: bool = False


def _runs(tp: object, height: float) -> list[_Run]:
    units = _units(tp)
    if not units:
        return []
    if _runs_c is not None:
        return [_Run(*r) for r in _runs_c.runs(_address(tp), *_fn_addresses(*_RUN_FNS), units, height, *_C_ARGS)]
    return _runs_py(tp, units, height)


def _units(tp: object) -> str:
    """The text page's characters, one per PDFium character index."""
    import pypdfium2.raw as R

    n = R.FPDFText_CountChars(tp)
    if n <= 0:
        return ""
    buf = (ctypes.c_ushort * (n + 1))()
    got = R.FPDFText_GetText(tp, 0, n, buf)
    units = bytes(buf)[: 2 * max(got - 1, 0)].decode("utf-16-le", errors="surrogatepass")
    if len(units) != n or (not units.isascii() and _SURROGATE_RE.search(units)):
        # A character outside the BMP takes two UTF-16 units: fetch them one by one to keep indexes.
        units = "".join(chr(R.FPDFText_GetUnicode(tp, i)) for i in range(n))
    return units


def _page_words(tp: object, height: float) -> tuple[list[Word], float | None]:
    """The text page's words (:func:`_words` of :func:`_runs`) and its leftmost character's x0 (None:
    no text). Compiled, the runs go from one loop to the next as tuples, without a :class:`_Run` each."""
    if _runs_c is None:
        runs = _runs(tp, height)
        if any(r.text in _LIGATURE_LETTERS for r in runs):
            runs = [_Run(*t) for t in join_ligatures([_astuple(r) for r in runs])]
        return _words(runs), min((r.x0 for r in runs), default=None)
    units = _units(tp)
    if not units:
        return [], None
    tuples = join_ligatures(_runs_c.runs(_address(tp), *_fn_addresses(*_RUN_FNS), units, height, *_C_ARGS))
    words = list(map(Word._make, _runs_c.words(tuples, Y_TOLERANCE, X_TOLERANCE)))
    return words, min(map(_X0, tuples), default=None)


#: The letters PDFium gives for one ligature glyph (the font's "ff", "fi", "fl", "ffi", "ffl", "st").
_LIGATURE_LETTERS = frozenset({"ff", "fi", "fl", "ffi", "ffl", "ft", "st"})
#: A ligature's baseline stands above its neighbours' run bottoms (the font's descent line) by more
#: than none and less than this share of the size; the gap to a neighbour is its side bearing, less
#: than this share of the size (a space is a quarter of the size or more in the fonts printers use).
_DESCENT_SHARE, _BEARING_SHARE = 0.4, 0.2

_RunTuple = tuple[str, float, float, float, float, float, bool, bool]


def _astuple(r: _Run) -> _RunTuple:
    return (r.text, r.x0, r.x1, r.top, r.bottom, r.last_x0, r.space_before, r.space_after)


def _beside(lig: _RunTuple, other: _RunTuple) -> bool:
    """Whether ``other`` (a neighbour in the text's order) is the word a ligature's letters were cut
    from: the same size, its bottom (the descent line) below the ligature's (the baseline) by less
    than the descent, and no wider apart than a side bearing."""
    size = other[4] - other[3]
    if abs((lig[4] - lig[3]) - size) > 0.01 or not 0 < other[4] - lig[4] < _DESCENT_SHARE * size:
        return False
    gap = other[1] - lig[2] if other[1] >= lig[1] else lig[1] - other[2]
    return gap <= _BEARING_SHARE * size


def join_ligatures(runs: list[_RunTuple]) -> list[_RunTuple]:
    """The runs with each ligature's letters joined to the word they stand in.

    A font that joins letters into one glyph (DejaVu's "ffi" in "Officer", "fi" in "beneficially")
    comes out of PDFium as its letters, each with a third of the glyph's drawn box: from the baseline
    up, not the font's box every other character gets, and narrower than the glyph's advance. The
    letters then made a run of their own, a descent higher than the word's, and the words broke there
    ("Offi cer") or the letters went to another line ("beneficially" read as "bene", "fi", "cially").
    Chromium prints in such a font on a machine without the page's Arial and Times (Liberation)."""
    if not any(r[0] in _LIGATURE_LETTERS for r in runs):
        return runs
    out: list[_RunTuple] = []
    k, n = 0, len(runs)
    while k < n:
        r = runs[k]
        if r[0] not in _LIGATURE_LETTERS:
            out.append(r)
            k += 1
            continue
        prev = out[-1] if out and not out[-1][7] and not r[6] and _beside(r, out[-1]) else None
        nxt = runs[k + 1] if k + 1 < n and not r[7] and not runs[k + 1][6] and _beside(r, runs[k + 1]) else None
        if prev is None and nxt is None:
            out.append(r)
            k += 1
            continue
        base = prev if prev is not None else nxt
        assert base is not None
        text, x0, x1 = r[0], r[1], r[2]
        space_before, space_after, last_x0 = r[6], r[7], r[5]
        if prev is not None:
            out.pop()
            text, x0, x1, space_before = prev[0] + text, prev[1], max(prev[2], x1), prev[6]
        if nxt is not None:
            text, x1, last_x0, space_after = text + nxt[0], max(x1, nxt[2]), nxt[5], nxt[7]
            k += 1
        out.append((text, x0, x1, base[3], base[4], last_x0, space_before, space_after))
        k += 1
    return out


def _address(obj: Any) -> int:
    """The C address of a PDFium handle or function pypdfium2 holds (what the compiled loops take)."""
    return ctypes.cast(obj, ctypes.c_void_p).value or 0


@functools.cache
def _fn_addresses(*names: str) -> tuple[int, ...]:
    """The addresses of these PDFium functions, looked up once."""
    import pypdfium2.raw as R

    return tuple(_address(getattr(R, n)) for n in names)


_X0 = operator.itemgetter(1)  # a run tuple's x0
_RUN_FNS = ("FPDFText_GetLooseCharBox", "FPDFText_GetMatrix", "FPDFText_GetFontSize")
_C_ARGS = (X_TOLERANCE, HIDDEN_SPACE, HIDDEN_SPACE_SHARE)


def _runs_py(tp: object, units: str, height: float) -> list[_Run]:
    """The character loop in Python (and ctypes): what ``_pdf_runs_c.runs`` does in C."""
    import pypdfium2.raw as R

    rect = R.FS_RECTF()
    ref = ctypes.byref(rect)
    box = R.FPDFText_GetLooseCharBox
    matrix = R.FS_MATRIX()
    mref = ctypes.byref(matrix)
    get_matrix, font_size = R.FPDFText_GetMatrix, R.FPDFText_GetFontSize
    cur_loose = 0.0
    runs: list[_Run] = []
    cur: _Run | None = None
    space = False
    for i, ch in enumerate(units):
        if ch in "\r\n\x00":
            continue  # PDFium's own line break (or nothing): the tops and the gap decide instead
        if ch.isspace():
            # PDFium draws no box for a space and marks even the spaces the PDF draws as its own
            # (IsGenerated): every space ends a word, as a drawn space does in pdfplumber.
            if cur is not None:
                cur.space_after = True
            cur = None
            space = True
            continue
        if not box(tp, i, ref):
            continue
        x0, x1, bottom, loose = rect.left, rect.right, height - rect.bottom, rect.top
        same_font = cur is not None and bottom == cur.bottom and loose == cur_loose
        if cur is not None and same_font and cur.last_x0 <= x0 <= cur.x1 + X_TOLERANCE:
            if x0 <= cur.x1 + max(HIDDEN_SPACE, HIDDEN_SPACE_SHARE * (cur.bottom - cur.top)):
                cur.text += "-" if ch == "\ufffe" else ch
                cur.x1 = x1 if x1 > cur.x1 else cur.x1
                cur.last_x0 = x0
                continue
            # Letters of one text run never stand apart: a space was drawn here that PDFium dropped
            # (it overlapped the letter before it).
            cur.space_after = space = True
        # pdfminer's character is one font size tall, up from the bottom PDFium gives too (the
        # descent); PDFium's own box reaches the font's ascent instead. One size per run: its
        # characters share the loose box, so the font and size.
        get_matrix(tp, i, mref)
        size = font_size(tp, i) * (matrix.c * matrix.c + matrix.d * matrix.d) ** 0.5
        cur_loose = loose
        cur = _Run("-" if ch == "\ufffe" else ch, x0, x1, bottom - size, bottom, x0, space)
        space = False
        runs.append(cur)
    return runs


def _words(runs: list[_Run]) -> list[Word]:
    """pdfplumber's words from the runs: lines by chained tops, words split at spaces and gaps."""
    words: list[Word] = []
    tops = sorted({r.top for r in runs})
    line_of: dict[float, int] = {}
    k = 0
    for j, t in enumerate(tops):
        if j and t > tops[j - 1] + Y_TOLERANCE:
            k += 1
        line_of[t] = k
    lines: list[list[_Run]] = [[] for _ in range(k + 1)] if tops else []
    for r in runs:
        lines[line_of[r.top]].append(r)
    for line in lines:
        line.sort(key=lambda r: (r.x0, r.x1))
        cur: _Open | None = None
        for r in line:
            if cur is not None and not (
                cur.space_after
                or r.space_before
                or r.x0 < cur.last_x0
                or r.x0 > cur.x1 + X_TOLERANCE
                or abs(r.top - cur.last_top) > Y_TOLERANCE
            ):
                cur = _merge(cur, r)
                continue
            if cur is not None:
                words.append(Word(cur.text, cur.x0, cur.x1, cur.top, cur.bottom))
            cur = _Open(r)
        if cur is not None:
            words.append(Word(cur.text, cur.x0, cur.x1, cur.top, cur.bottom))
    return words


class _Open:
    """A word being built: its box so far and its last character's x0 and top."""

    __slots__ = ("bottom", "last_top", "last_x0", "space_after", "text", "top", "x0", "x1")

    def __init__(self, r: _Run) -> None:
        self.text, self.x0, self.x1, self.top, self.bottom = r.text, r.x0, r.x1, r.top, r.bottom
        self.last_x0, self.last_top, self.space_after = r.last_x0, r.top, r.space_after


def _merge(w: _Open, r: _Run) -> _Open:
    w.text += r.text
    w.x1 = max(w.x1, r.x1)
    w.top = min(w.top, r.top)
    w.bottom = max(w.bottom, r.bottom)
    w.last_x0, w.last_top, w.space_after = r.last_x0, r.top, r.space_after
    return w


#: A shape this many points wide and tall or less is a small one (a check box is about 9 or 10).
SMALL_SHAPE = 14.0


def _rules(page_raw: Any, height: float, page: Page) -> None:
    """The page's straight lines and rectangles' sides, as pdfplumber's ``edges``.

    A filled rectangle or line (chromium's cell borders: ``re f``) is read from its bounds, one call;
    anything else (a stroked box, whose bounds take in half the pen's width; weasyprint's borders, an
    outer and an inner rectangle in one path) from its points, each straight axis-parallel side an edge."""
    import pypdfium2.raw as R

    if _runs_c is not None:  # the same loop, compiled (below: with ctypes)
        h, v, small = _runs_c.rules(_address(page_raw), _path_fns(R), _side_fns(), height, SMALL_SHAPE)
        page.h.extend(h)
        page.v.extend(v)
        page.small.extend(small)
        return
    records = _path_records(page_raw, R)
    for addr, segments, stroke, bounded, left, bottom, right, top, is_rect in records:
        x0, x1, y0, y1 = left, right, height - top, height - bottom
        if bounded and x1 - x0 <= SMALL_SHAPE and y1 - y0 <= SMALL_SHAPE:  # a check box's parts, its tick
            # A stroked shape's bounds take in its pen (a tick's is broad): its points', as pdfplumber's.
            page.small.append(_points_box(_obj(addr, R), R, height) if stroke else (x0, y0, x1, y1))
        if segments in (2, 5) and not stroke and bounded:
            if segments == 2:  # a line
                if y1 - y0 <= x1 - x0:
                    page.h.append(((y0 + y1) / 2, x0, x1))
                else:
                    page.v.append(((x0 + x1) / 2, y0, y1))
            elif is_rect:
                page.h.extend(((y0, x0, x1), (y1, x0, x1)))
                page.v.extend(((x0, y0, y1), (x1, y0, y1)))
                continue
            else:
                _sides(_obj(addr, R), R, height, page)
        elif segments:
            _sides(_obj(addr, R), R, height, page)


def _obj(address: int, R: Any) -> object:
    """The page object at this address, as pypdfium2's ctypes functions take it."""
    return ctypes.cast(address, R.FPDF_PAGEOBJECT)


def _side_fns() -> tuple[int, ...]:
    """The addresses of the further PDFium functions ``_pdf_runs_c.rules`` calls, in its order."""
    return _fn_addresses("FPDFPageObj_GetMatrix", "FPDFPathSegment_GetPoint", "FPDFPathSegment_GetClose")


_Record = tuple[int, int, bool, bool, float, float, float, float, bool]


def _path_fns(R: Any) -> tuple[int, ...]:
    """The addresses of the PDFium functions ``_pdf_runs_c.paths`` calls, in its order."""
    return _fn_addresses(
        "FPDFPage_CountObjects", "FPDFPage_GetObject", "FPDFPageObj_GetType", "FPDFFormObj_CountObjects",
        "FPDFFormObj_GetObject", "FPDFPath_CountSegments", "FPDFPath_GetDrawMode", "FPDFPageObj_GetBounds",
        "FPDFPath_GetPathSegment", "FPDFPathSegment_GetType",
    )  # fmt: skip


def _path_records(page_raw: object, R: Any) -> list[_Record]:
    """Each path object of the page (form XObjects opened) in the order the rules are taken: its
    address, segment count, whether it is stroked, whether it has bounds, the bounds (left, bottom,
    right, top in PDF points) and whether it is a five-point rectangle drawn by ``re``."""
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    refs = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    pending = [R.FPDFPage_GetObject(page_raw, i) for i in range(R.FPDFPage_CountObjects(page_raw))]
    out: list[_Record] = []
    while pending:
        obj = pending.pop()
        kind = R.FPDFPageObj_GetType(obj)
        if kind == _FORM:  # a form XObject: its objects' bounds are on the page already
            pending.extend(R.FPDFFormObj_GetObject(obj, i) for i in range(R.FPDFFormObj_CountObjects(obj)))
            continue
        if kind != _PATH:
            continue
        segments = R.FPDFPath_CountSegments(obj)
        R.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke))
        bounded = bool(R.FPDFPageObj_GetBounds(obj, *refs))
        address = _address(obj)
        rect = segments == 5 and _is_rect(obj, R)
        box = (left.value, bottom.value, right.value, top.value)
        out.append((address, segments, bool(stroke.value), bounded, *box, rect))
    return out


def _points_box(obj: object, R: object, height: float) -> tuple[float, float, float, float]:
    """The box (x0, top, x1, bottom) of a path's points, its matrix applied."""
    x, y = ctypes.c_float(), ctypes.c_float()
    m = R.FS_MATRIX()  # type: ignore[attr-defined]
    R.FPDFPageObj_GetMatrix(obj, ctypes.byref(m))  # type: ignore[attr-defined]
    xs, ys = [], []
    for i in range(R.FPDFPath_CountSegments(obj)):  # type: ignore[attr-defined]
        seg = R.FPDFPath_GetPathSegment(obj, i)  # type: ignore[attr-defined]
        R.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))  # type: ignore[attr-defined]
        xs.append(m.a * x.value + m.c * y.value + m.e)
        ys.append(height - (m.b * x.value + m.d * y.value + m.f))
    if not xs:
        return (0.0, 0.0, 0.0, 0.0)
    return (min(xs), min(ys), max(xs), max(ys))


def _is_rect(obj: object, R: object) -> bool:
    """A five-point path drawn by ``re``: every segment a straight line, the last closing it."""
    seg = R.FPDFPath_GetPathSegment(obj, 2)  # type: ignore[attr-defined]
    return bool(R.FPDFPathSegment_GetType(seg) == _SEG_LINETO)  # type: ignore[attr-defined]


def _sides(obj: object, R: object, height: float, page: Page) -> None:
    """Each straight axis-parallel segment of a path (its matrix applied) as an edge."""
    x, y = ctypes.c_float(), ctypes.c_float()
    m = R.FS_MATRIX()  # type: ignore[attr-defined]
    if not R.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):  # type: ignore[attr-defined]
        return
    start: tuple[float, float] | None = None
    last: tuple[float, float] | None = None
    for i in range(R.FPDFPath_CountSegments(obj)):  # type: ignore[attr-defined]
        seg = R.FPDFPath_GetPathSegment(obj, i)  # type: ignore[attr-defined]
        R.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))  # type: ignore[attr-defined]
        kind = R.FPDFPathSegment_GetType(seg)  # type: ignore[attr-defined]
        pt = (m.a * x.value + m.c * y.value + m.e, height - (m.b * x.value + m.d * y.value + m.f))
        if kind == _SEG_LINETO and last is not None:
            _edge(last, pt, page)
        if kind == _SEG_MOVETO:
            start = pt
        last = pt
        if R.FPDFPathSegment_GetClose(seg) and start is not None and last != start:  # type: ignore[attr-defined]
            _edge(last, start, page)
            last = start


def _edge(a: tuple[float, float], b: tuple[float, float], page: Page) -> None:
    if abs(a[1] - b[1]) < 0.01:
        page.h.append(((a[1] + b[1]) / 2, min(a[0], b[0]), max(a[0], b[0])))
    elif abs(a[0] - b[0]) < 0.01:
        page.v.append(((a[0] + b[0]) / 2, min(a[1], b[1]), max(a[1], b[1])))


def read_sheets(data: bytes) -> list[Sheet]:
    """Each page's words (points from the top left) and rules. Raises on a PDF PDFium cannot open."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        sheets = []
        for k in range(len(doc)):
            pg = doc[k]
            height = pg.get_height()
            tp = pg.get_textpage()
            try:
                words, left = _page_words(tp.raw, height)
            finally:
                tp.close()
            page = Page(words)
            _rules(pg.raw, height, page)
            sheets.append(Sheet(page, pg.get_width(), left))
            pg.close()
        return sheets
    finally:
        doc.close()
