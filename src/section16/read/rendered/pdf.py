"""PDF front end: the page printed to PDF -> words with their positions -> text laid out in columns.

Words are placed on a character grid in proportion to their true x position (one grid column per
:data:`POINTS_PER_COLUMN` points), so headings and values keep their real left edges whatever the
font size; the text front end then finds the boxes, columns and rows. Where the PDF draws the table
cells' borders, Table I and Table II are read from those rules instead (:mod:`.ruled`): each row and
column exactly, whatever the wrapping. PDFium (:mod:`.pdf_pdfium`, the default) or pdfplumber
(pdfminer.six, about eight times slower) gives the words and rules, the same for both.
"""

from __future__ import annotations

import bisect
import io
import itertools
import operator
import os
import re
from dataclasses import dataclass

from ...errors import ParseError
from . import pdf_cells, pdf_notes, pdf_owners, pdf_pdfium, ruled
from .cells import CLIPPED, LITERAL, Doc
from .pdf_pdfium import Sheet
from .ruled import Page, Word
from .text import text_to_doc
from .text_notes import _SENTENCE_STOPS

#: Width of one grid column: small enough that neighbouring words never collide.
POINTS_PER_COLUMN = 3.0
#: Words whose tops differ by less than this (points) stand on one line.
LINE_TOLERANCE = 2.5
#: Points a word may reach past the printable edge (frame or mirrored margin) before it counts as clipped.
#: Chromium clips at its frame's outer edge and still draws a letter that starts inside it: the last
#: letter of a cut line reaches 0.5 to 2 points past; a whole word ends inside (PDFium places words up to
#: 0.4 point left of pdfminer on a long line, so 1.5 let some cut lines through as whole).
CLIP_TOLERANCE = 0.3
#: On a page with clipped text, a line ending this close to the edge (points) counts as clipped too.
OVERFLOW_REACH = 30.0
#: A line of free text ending closer to the edge than this share of its font's size (a space, in the
#: fonts printers use: a quarter to a third of the size) and not ending a sentence was cut there.
EDGE_SPACE_SHARE = 0.4
#: A rule is at most this thick (points); thicker shapes are fills, not borders.
RULE_WIDTH = 2.0


@dataclass(frozen=True, slots=True)
class _Placed:
    """Where a page's grid lines start in the text, and how many points one grid line is."""

    page: Page
    first_line: int
    step: float
    tops: list[float]  # where each of the page's text lines stands (points from the top)


_X = operator.itemgetter(0)  # a rule's x
_X0, _X1, _TOP, _BOTTOM, _TEXT = (operator.attrgetter(a) for a in ("x0", "x1", "top", "bottom", "text"))


def _layout(words: list[Word]) -> tuple[list[str], float, list[float]]:
    """The page's words as text lines, one grid column per :data:`POINTS_PER_COLUMN` points; with the
    points per grid line and where each text line stands (its top, in points). (Compiled in
    ``_pdf_runs_c.layout`` where that is built: the same steps.)"""
    if pdf_pdfium._runs_c is not None:
        return pdf_pdfium._runs_c.layout(words, LINE_TOLERANCE, POINTS_PER_COLUMN)  # type: ignore[no-any-return]
    # Words by (top to 0.1 point, x0): the keys made and compared in C (a page has hundreds of words),
    # each top rounded once (a line's words share it; rounding to a decimal is slow).
    rounded = {t: round(t, 1) for t in set(map(_TOP, words))}
    keys = list(zip(map(rounded.__getitem__, map(_TOP, words)), map(_X0, words), strict=True))
    lines: list[list[Word]] = []
    for i in sorted(range(len(words)), key=keys.__getitem__):
        w = words[i]
        if lines and abs(lines[-1][0].top - w.top) < LINE_TOLERANCE:
            lines[-1].append(w)
        else:
            lines.append([w])
    # One text line per half line of height: a cell centred between two rows stays nearer its own row.
    heights = sorted([w.bottom - w.top for w in words]) or [10.0]
    step = max(heights[len(heights) // 2] / 2, 1.0)
    out: list[str] = []
    tops: list[float] = []
    for ws in lines:
        row = round(ws[0].top / step)
        n = len(out)  # (as many tops as lines)
        while n < row:
            out.append("")
            at = n * step
            tops.append(at if not n else max(tops[-1], at))
            n += 1
        buf = ""
        last_x1 = 0.0
        for text, x0, x1, top, bottom in sorted(ws, key=_X0):
            height = bottom - top
            if buf and x0 - last_x1 < 0.45 * (1.0 if height < 1.0 else height):
                buf += " " + text  # the next word of one phrase
            else:
                col = max(int(x0 / POINTS_PER_COLUMN), len(buf) + 2 if buf else 0)
                buf = buf.ljust(col) + text
            last_x1 = x1
        out.append(buf)  # two word lines may fall on one grid line: both are kept, in order
        tops.append(ws[0].top)
    return out, step, tops


def _kept_past_edge(sheet: Sheet) -> bool:
    """A word stands wholly past the paper's right edge: the producer (weasyprint) wrote the lines laid
    out wider than the paper into the file whole, so nothing was cut (the paper hides their ends, the
    text keeps them)."""
    return any(map(operator.ge, map(_X0, sheet.page.words), itertools.repeat(sheet.width)))  # (x0 >= width, in C)


def _edge(sheet: Sheet, left: float | None) -> float:
    """Where the printed page ends on the right: a margin as wide as the left one, or the frame the
    tables draw if that reaches further."""
    page, words = sheet.page, sheet.page.words
    margin = left if left is not None else min(w.x0 for w in words)
    edge = sheet.width - margin
    if page.v:  # a frame drawn a little past the mirrored margin is on the page too
        edge = max(edge, max(map(_X, page.v)))
    return edge + CLIP_TOLERANCE


def _overflows(sheet: Sheet, left: float | None) -> bool:
    """Some word of the sheet was cut at the paper's right edge."""
    words = sheet.page.words
    if not words or _kept_past_edge(sheet):
        return False
    edge = _edge(sheet, left)
    return any(map(operator.gt, map(_X1, words), itertools.repeat(edge)))  # (x1 > edge, in C)


def _outside_tables(page: Page, w: Word) -> bool:
    """The word stands outside the ruled tables (two rules at most cross its line's middle)."""
    mid = (w.top + w.bottom) / 2
    return sum(1 for _x, a, b in page.v if a <= mid <= b) <= 2


def _stops_at_edge(page: Page, edge: float, w: Word) -> bool:
    """The word ends a footnote of one line a space or less short of the paper's edge, mid-sentence:
    the next word started past the edge, and chromium drew none of it (a letter starting inside the
    frame is drawn, one starting outside is not). A page laid out in wider letters (DejaVu, where
    Liberation is missing) may cut its notes so on every page, no word reaching past the edge."""
    return (
        w.x1 > edge - EDGE_SPACE_SHARE * (w.bottom - w.top)
        and w.text[-1] not in _SENTENCE_STOPS
        and _outside_tables(page, w)
        and _note_on_one_line(page, w)
    )


#: A footnote's number, as it opens a note's first line.
_NOTE_NUMBER_RE = re.compile(r"^\(\d{1,3}\)")


def _note_on_one_line(page: Page, w: Word) -> bool:
    """``w`` ends a footnote of one line: its line opens with the note's number and the line below
    (within a line's height) with the next note's, or there is none. A note the page wrapped would
    go on below; where numbers stand beside their notes' middle lines (a note of many lines), a
    line may end a note or go on into the next line's: neither is told, so neither is taken."""
    size = w.bottom - w.top
    line = [u for u in page.words if abs(u.top - w.top) < size / 2 and u.x1 <= w.x1]
    if _NOTE_NUMBER_RE.match(min(line, key=_X0).text) is None:
        return False
    below = [u for u in page.words if w.bottom < u.top + size / 2 and u.top < w.bottom + size]
    return not below or _NOTE_NUMBER_RE.match(min(below, key=_X0).text) is not None


def _stopped_at_edge(sheet: Sheet, left: float | None) -> bool:
    """Some line of the sheet's free text stops at the paper's edge (:func:`_stops_at_edge`)."""
    words = sheet.page.words
    if not words or _kept_past_edge(sheet):
        return False
    edge = _edge(sheet, left)
    return any(_stops_at_edge(sheet.page, edge, w) for w in words if w.x1 > edge - 20)


def _clip(sheet: Sheet, left: float | None, overflow: bool) -> Page:
    """The sheet's page with each word the printer cut at the paper's right edge marked :data:`CLIPPED`.
    ``overflow``: some page of the document was laid out wider than the paper (one layout is cut
    into pages, so a page whose cut fell between two words shows no cut word of its own)."""
    page, words = sheet.page, sheet.page.words
    if not words or _kept_past_edge(sheet):
        return page
    # A word reaching beyond the edge was clipped there, with the rest of its line.
    edge = _edge(sheet, left)

    def clipped(w: Word) -> bool:
        if w.x1 > edge or _stops_at_edge(page, edge, w):
            return True
        # The document is laid out wider than the paper: a line of text outside the ruled tables
        # that ends near the edge may have lost the words past it, cut whole.
        if not overflow or w.x1 <= edge - OVERFLOW_REACH:
            return False
        return _outside_tables(page, w)

    page.words = [Word(w.text + CLIPPED, w.x0, w.x1, w.top, w.bottom) if clipped(w) else w for w in words]
    return page


def _plumber_sheet(p: object) -> Sheet:
    words = [
        Word(str(w["text"]), float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]))
        for w in p.extract_words(keep_blank_chars=False, use_text_flow=False)  # type: ignore[attr-defined]
    ]
    page = Page(words)
    for e in p.edges:  # type: ignore[attr-defined]
        x0, x1, top, bottom = float(e["x0"]), float(e["x1"]), float(e["top"]), float(e["bottom"])
        if e["orientation"] == "h" and bottom - top <= RULE_WIDTH:
            page.h.append(((top + bottom) / 2, x0, x1))
        elif e["orientation"] == "v" and x1 - x0 <= RULE_WIDTH:
            page.v.append(((x0 + x1) / 2, top, bottom))
    for c in [*p.curves, *p.rects]:  # type: ignore[attr-defined]
        x0, x1, top, bottom = float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"])
        if x1 - x0 <= pdf_pdfium.SMALL_SHAPE and bottom - top <= pdf_pdfium.SMALL_SHAPE:
            page.small.append((x0, top, x1, bottom))
    chars = p.chars  # type: ignore[attr-defined]
    left = min((float(c["x0"]) for c in chars), default=None)
    return Sheet(page, float(p.width), left)  # type: ignore[attr-defined]


def _plumber_sheets(data: bytes) -> list[Sheet]:
    """Each page's words (points from the top left) and the rules it draws, read by pdfplumber."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [_plumber_sheet(p) for p in pdf.pages]


#: The ways to read a PDF's words and rules: PDFium (fast, C) and pdfplumber (pdfminer.six, Python).
BACKENDS = {"pdfium": pdf_pdfium.read_sheets, "pdfplumber": _plumber_sheets}
#: The backend used when none is named; ``SECTION16_PDF_BACKEND`` in the environment overrides it.
DEFAULT_BACKEND = "pdfium"


def _read_pages(data: bytes, backend: str | None = None) -> list[Page]:
    name = backend or os.environ.get("SECTION16_PDF_BACKEND") or DEFAULT_BACKEND
    if name not in BACKENDS:
        raise ValueError(f"unknown PDF backend {name!r}; choose one of {', '.join(BACKENDS)}")
    sheets = BACKENDS[name](data)
    lefts = [s.left for s in sheets if s.left is not None]
    left = min(lefts, default=None)  # the same margin on every page
    overflow = any(_overflows(s, left) for s in sheets) or any(_stopped_at_edge(s, left) for s in sheets)
    # Where no page was cut at the edge, no word is marked clipped: the pages are as read.
    pages = [_clip(s, left, overflow) for s in sheets] if overflow else [s.page for s in sheets]
    return _literal_marks([_check_boxes(p) for p in pages])


#: A check box is a square this many points wide at least, and at most :data:`~.pdf_pdfium.SMALL_SHAPE`
#: (chromium's is about 9.5 points at full scale, 6.3 where the page is printed smaller).
BOX_SIDE = 4.5
#: A page drawing more boxes than this is not the form's check boxes (a hostile page is not searched).
CHECK_BOXES = 16
#: Its tick stands inside it, at least this share of its side smaller.
TICK_SHARE = 0.8


#: How the form's check boxes' labels begin.
_BOX_LABEL_RE = re.compile(r"^(?:Check this box\b|Form [345] (?:Holdings|Transactions)\b)")


def _line_from(words: list[Word], first: Word) -> str:
    """The text of ``first``'s line from ``first`` on (its first words, enough to know a label)."""
    mid = (first.top + first.bottom) / 2
    on = [w for w in words if first.x0 <= w.x0 <= first.x0 + 120 and w.top <= mid <= w.bottom]
    return " ".join(w.text for w in sorted(on, key=lambda w: w.x0))


def _check_boxes(page: Page) -> Page:
    """The page with a word for each check box it draws: "☒" where a tick stands inside the box,
    "☐" where none does (a browser prints a form's ``<input type="checkbox">`` as shapes, not text:
    the SEC page's boxes "no longer subject to Section 16", the Rule 10b5-1 box, Form 5's two)."""

    def inside(s: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
        return b[0] - 0.5 <= s[0] and s[2] <= b[2] + 0.5 and b[1] - 0.5 <= s[1] and s[3] <= b[3] + 0.5

    squares = [b for b in page.small if b[2] - b[0] >= BOX_SIDE and abs((b[2] - b[0]) - (b[3] - b[1])) <= 1.5]
    boxes: list[tuple[float, float, float, float]] = []
    for b in sorted(squares, key=lambda b: b[2] - b[0], reverse=True):
        # The box's frame and fill are drawn one over another: one box; a square inside it is a tick.
        if not any(inside(b, o) or (abs(b[0] - o[0]) <= 2 and abs(b[1] - o[1]) <= 2) for o in boxes):
            boxes.append(b)
            if len(boxes) > CHECK_BOXES:
                return page  # not a form's few check boxes (the page has four at most): none read
    for box in boxes:
        side = box[2] - box[0]
        ticked = any(inside(s, box) and max(s[2] - s[0], s[3] - s[1]) < TICK_SHARE * side for s in page.small)
        # The box stands beside its label: by its first line (chromium), or centred on its lines
        # (weasyprint). It is set on the line where the nearest of the form's box labels starts,
        # as a typed box mark would be; else on the nearest line to its right.
        mid = (box[1] + box[3]) / 2
        right = [
            w
            for w in page.words
            if box[2] <= w.x0 <= box[2] + 4 * side and abs((w.top + w.bottom) / 2 - mid) <= 6 * side
        ]
        # (a label's line holds only words across its middle: those across the candidates' middles)
        mids = [(w.top + w.bottom) / 2 for w in right[:CHECK_BOXES]]
        lo, hi = min(mids, default=0.0), max(mids, default=0.0)
        lines = [w for w in page.words if w.top <= hi and w.bottom >= lo] if mids else []
        starts = [w for w in right[:CHECK_BOXES] if _BOX_LABEL_RE.match(_line_from(lines, w))]
        near = [w for w in right if abs((w.top + w.bottom) / 2 - mid) <= 2 * side]
        at = min(starts or near, key=lambda w: (abs((w.top + w.bottom) / 2 - mid), w.x0), default=None)
        top, bottom = (at.top, at.bottom) if at is not None else (box[1], box[3])
        page.words.append(Word("☒" if ticked else "☐", box[0], box[2], top, bottom))
    return page


_NUMBER_RE = re.compile(r"^\((\d{1,3})\)$")
#: A "(2)" at least this share of the height of the word beside it is printed at its size.
FULL_SIZE_SHARE = 0.95
#: At most this many full-size "(2)"s on a page are looked at, each against at most this many words
#: near its line (a real page has a few, beside some hundred words).
LITERAL_MARKS, NEAR_WORDS = 200, 2000
#: A mark this share of another's height or less is smaller: the other is not a superscript.
SUPERSCRIPT_SHARE = 0.9


def _literal_marks(pages: list[Page]) -> list[Page]:
    """The pages with each "(2)" inside a ruled table that is printed at the size of the word beside
    it, and larger than the tables' footnote marks (the SEC stylesheets' superscripts), marked
    :data:`~.cells.LITERAL` ("(\u20602)"): a filer's "Class B Common Stock (2)" is the title's own
    text, not footnote 2. Where every mark is printed at one size, nothing tells them apart. (Searches
    are by sorted places, and bounded: a hostile page of marks costs no more than a real one.)"""
    found: list[tuple[Page, int]] = []
    for page in pages:
        starts: list[float] | None = None
        for k, w in enumerate(page.words):
            if w.text[:1] == "(" and _NUMBER_RE.match(w.text):
                if starts is None:  # (the rules' ends sorted once a page has a mark)
                    starts = sorted([a for _x, a, _b in page.v])
                    ends = sorted([b for _x, _a, b in page.v])
                mid = (w.top + w.bottom) / 2  # inside a ruled table: more than two rules cross its line
                if bisect.bisect_right(starts, mid) - bisect.bisect_left(ends, mid) > 2:
                    found.append((page, k))
    if not found:
        return pages
    sup = min(page.words[k].bottom - page.words[k].top for page, k in found)
    by_page: dict[int, list[int]] = {}
    for page, k in found:
        w = page.words[k]
        if w.bottom - w.top >= sup / SUPERSCRIPT_SHARE:  # larger than the smallest marks
            by_page.setdefault(id(page), []).append(k)
    for page in pages:
        ks = by_page.get(id(page), [])[:LITERAL_MARKS]
        if not ks:
            continue
        plain = sorted(
            (((v.top + v.bottom) / 2, v) for v in page.words if not (v.text[:1] == "(" and _NUMBER_RE.match(v.text))),
            key=lambda mv: mv[0],
        )
        mids = [m for m, _v in plain]
        for k in ks:
            w = page.words[k]
            cx, cy, h = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2, w.bottom - w.top
            # The word it stands by (on its line, or above it in its cell): the nearest.
            lo, hi = bisect.bisect_left(mids, cy - 3 * h), bisect.bisect_right(mids, cy + 3 * h)
            near = min(
                (v for _m, v in plain[lo : min(hi, lo + NEAR_WORDS)]),
                key=lambda v: abs((v.x0 + v.x1) / 2 - cx) + abs((v.top + v.bottom) / 2 - cy),
                default=None,
            )
            if near is not None and h >= FULL_SIZE_SHARE * (near.bottom - near.top):
                page.words[k] = Word(f"({LITERAL}{w.text[1:]}", w.x0, w.x1, w.top, w.bottom)
    return pages


_MARK_GLUED_RE = re.compile(r"^(\(\d{1,3}\))([A-Za-z].*)$")
_MAY_BE_GLUED_RE = re.compile(r"(?:^|\x00)\(\d{1,3}\)[A-Za-z]")  # (what a word _MARK_GLUED_RE takes starts with)


def _part_marks(words: list[Word]) -> list[Word]:
    """A footnote's number set right against its text ("(1)stock.": weasyprint prints the number's
    cell with no gap before the text's) as two words, the number and the text; the number's width is
    its share of the characters (the layout needs only where the text starts, roughly)."""
    # (one search of the page's words, each after a NUL, finds any word that may be one: most pages have none)
    if not _MAY_BE_GLUED_RE.search("\x00".join(map(_TEXT, words))):
        return list(words)
    out: list[Word] = []
    for w in words:
        m = _MARK_GLUED_RE.match(w.text)
        if m is None:
            out.append(w)
            continue
        cut = w.x0 + (w.x1 - w.x0) * len(m.group(1)) / len(w.text)
        out.append(Word(m.group(1), w.x0, cut, w.top, w.bottom))
        out.append(Word(m.group(2), cut, w.x1, w.top, w.bottom))
    return out


def _place(pages: list[Page]) -> tuple[list[str], list[_Placed]]:
    lines: list[str] = []
    placed: list[_Placed] = []
    for page in pages:
        if lines:
            lines.append("")
        page.words = _part_marks(page.words)
        text, step, tops = _layout(page.words)
        placed.append(_Placed(page, len(lines), step, tops))
        lines.extend(text)
    return lines, placed


def _regions(placed: list[_Placed], start: int, end: int) -> list[tuple[Page, float, float]]:
    """Grid lines [start, end) as (page, top, bottom) regions in points: from a line above ``start``
    down to the top of line ``end`` (a line holds the words whose tops stand there; a text line two
    word lines share moves the lines after it, so the lines' own tops are used, not the grid)."""
    out = []
    for k, pl in enumerate(placed):
        last = placed[k + 1].first_line if k + 1 < len(placed) else 10**9
        a, b = max(start, pl.first_line), min(end, last)
        if a < b:  # a region running on from the page before, or on to the next, takes the page's edge
            n = len(pl.tops)
            top = pl.tops[min(a - pl.first_line, n - 1)] - pl.step if a > pl.first_line else -1e9
            bottom = pl.tops[b - pl.first_line] + LINE_TOLERANCE / 2 if b - pl.first_line < n else 1e9
            out.append((pl.page, top, bottom))
    return out


def pdf_to_text(data: bytes, source: str | None = None, backend: str | None = None) -> str:
    return "\n".join(_place(_pages(data, source, backend))[0])


def _pages(data: bytes, source: str | None, backend: str | None) -> list[Page]:
    try:
        pages = _read_pages(data, backend)
    except ValueError as e:
        if "unknown PDF backend" in str(e):
            raise
        raise ParseError(f"not a readable PDF: {type(e).__name__}: {e}", source=source or "<bytes>") from None
    except Exception as e:  # pdfminer and PDFium raise many types on damaged files
        if "password" in f"{e} {e!r}".lower():  # PDFium: "Incorrect password error"; pdfminer: PDFPasswordIncorrect
            why = "not a readable PDF: it is encrypted and needs a password"
            raise ParseError(why, source=source or "<bytes>") from None
        raise ParseError(f"not a readable PDF: {type(e).__name__}: {e}", source=source or "<bytes>") from None
    if not pages:
        raise ParseError("not a readable PDF: it has no pages", source=source or "<bytes>")
    for k, page in enumerate(pages, 1):
        if not _within_reach(page.words):
            # The grid would take a line per half line of height and a column per 3 points down and
            # across to it: millions of blank lines, a string of gigabytes (a hostile page).
            why = f"not a readable PDF: page {k} sets text more than {FAR:,.0f} points from its corner"
            raise ParseError(why, source=source or "<bytes>")
    return pages


#: No page is this many points high or wide (PDF's own limit is 14,400: 200 inches).
FAR = 100_000.0


def _within_reach(words: list[Word]) -> bool:
    """Every word's box lies within :data:`FAR` points of the page's corner (a NaN does not)."""
    return all(
        all(map(operator.le, map(abs, map(get, words)), itertools.repeat(FAR))) for get in (_X0, _X1, _TOP, _BOTTOM)
    )


def pdf_to_doc(data: bytes, source: str | None = None, backend: str | None = None) -> Doc:
    lines, placed = _place(_pages(data, source, backend))

    def table_rows(start: int, end: int, cols: tuple[str, ...]) -> list[list[str]] | None:
        return ruled.table_rows(_regions(placed, start, end), cols)

    def owners(start: int, end: int) -> list[list[str]] | None:
        regions = _regions(placed, start, end)
        return ruled.owner_rows(regions) or pdf_owners.owner_rows(regions)

    def boxes(start: int, end: int) -> list[list[str]] | None:
        return pdf_cells.header_rows(_regions(placed, start, end), "Table I")

    def notes(start: int, end: int) -> list[list[str]] | None:
        # From the first line of text: a region from a blank line would reach up to the heading.
        first = next((k for k in range(start, end) if lines[k].strip()), end)
        return (
            pdf_notes.footnote_rows(_regions(placed, first, end), [pl.page for pl in placed]) if first < end else None
        )

    doc = text_to_doc(
        "\n".join(lines), source, table_rows=table_rows, owner_rows=owners, header_rows=boxes, footnote_rows=notes
    )
    return _signatures_by_position(_captions_rejoined(doc), lines, placed)


_CAPTION_HEAD_RE = re.compile(r"^\W*Signature$", re.IGNORECASE)
_CAPTION_REST_RE = re.compile(r"^\s*of\s+Reporting\s+Person\s*$", re.IGNORECASE)


def _captions_rejoined(doc: Doc) -> Doc:
    """The doc with each signature caption its cell wrapped ("**Signature" beside "Date", "of Reporting
    Person" on the line under it: a print in wider letters) on one row again. Left apart, the caption
    was read as the signatures' heading and its rest as the next signature's first line."""
    out: Doc = []
    for row in doc:
        if len(row) == 1 and out and out[-1] and _CAPTION_REST_RE.match(row[0]) and _CAPTION_HEAD_RE.match(out[-1][0]):
            out[-1] = [f"{out[-1][0].rstrip()} {row[0].strip()}", *out[-1][1:]]
            continue
        out.append(row)
    return out


_SIGNATURES_RE = re.compile(r"^\s*Signatures?\s*$", re.IGNORECASE)
_AFTER_SIGNATURES_RE = re.compile(
    r"^\s*(?:Explanation\s+of\s+Responses|Remarks\s*:|Reminder:|Note:\s*File|Persons\s+who\s+respond|Potential\s+persons)",
    re.IGNORECASE,
)


def _signatures_by_position(doc: Doc, lines: list[str], placed: list[_Placed]) -> Doc:
    """The doc with its signature rows read from where the page prints them (:func:`.pdf_notes.signature_rows`:
    a long name wraps, its date centred beside its lines); as it was where that cannot tell."""
    start = next((i for i, ln in enumerate(lines) if _SIGNATURES_RE.match(ln)), None)
    row = next((k for k, r in enumerate(doc) if r and _SIGNATURES_RE.match(r[0])), None)
    if start is None or row is None:
        return doc
    end = next((i for i in range(start + 1, len(lines)) if _AFTER_SIGNATURES_RE.match(lines[i])), len(lines))
    first = next((k for k in range(start + 1, end) if lines[k].strip()), end)
    got = pdf_notes.signature_rows(_regions(placed, first, end)) if first < end else None
    if got is None:
        return doc
    stop = next((k for k in range(row + 1, len(doc)) if doc[k] and _AFTER_SIGNATURES_RE.match(doc[k][0])), len(doc))
    return [*doc[: row + 1], *got, *doc[stop:]]
