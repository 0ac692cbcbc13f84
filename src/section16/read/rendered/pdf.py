"""PDF front end: the page printed to PDF -> words with their positions -> text laid out in columns.

Words are placed on a character grid in proportion to their true x position (one grid column per
:data:`POINTS_PER_COLUMN` points), so headings and values keep their real left edges whatever the
font size; the text front end then finds the boxes, columns and rows. Where the PDF draws the table
cells' borders, Table I and Table II are read from those rules instead (:mod:`.ruled`): each row and
column exactly, whatever the wrapping. pdfplumber (pdfminer.six) gives the words and rules; without
it, pypdf's layout extraction is used.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from ...errors import ParseError
from . import ruled
from .cells import CLIPPED, Doc
from .ruled import Page, Word
from .text import text_to_doc

#: Width of one grid column: small enough that neighbouring words never collide.
POINTS_PER_COLUMN = 3.0
#: Words whose tops differ by less than this (points) stand on one line.
LINE_TOLERANCE = 2.5
#: Points a word may reach past the printable edge (frame or mirrored margin) before it counts as clipped.
CLIP_TOLERANCE = 1.5
#: On a page with clipped text, a line ending this close to the edge (points) counts as clipped too.
OVERFLOW_REACH = 30.0
#: A rule is at most this thick (points); thicker shapes are fills, not borders.
RULE_WIDTH = 2.0


@dataclass(frozen=True, slots=True)
class _Placed:
    """Where a page's grid lines start in the text, and how many points one grid line is."""

    page: Page
    first_line: int
    step: float


def _layout(words: list[Word]) -> tuple[list[str], float]:
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (round(w.top, 1), w.x0)):
        if lines and abs(lines[-1][0].top - w.top) < LINE_TOLERANCE:
            lines[-1].append(w)
        else:
            lines.append([w])
    # One text line per half line of height: a cell centred between two rows stays nearer its own row.
    heights = sorted(w.bottom - w.top for w in words) or [10.0]
    step = max(heights[len(heights) // 2] / 2, 1.0)
    out: list[str] = []
    for ws in lines:
        row = round(ws[0].top / step)
        while len(out) < row:
            out.append("")
        buf = ""
        last_x1 = None
        for w in sorted(ws, key=lambda w: w.x0):
            gap = w.x0 - last_x1 if last_x1 is not None else 99.0
            if buf and gap < 0.45 * max(w.bottom - w.top, 1.0):
                buf += " " + w.text  # the next word of one phrase
            else:
                col = max(int(w.x0 / POINTS_PER_COLUMN), len(buf) + 2 if buf else 0)
                buf = buf.ljust(col) + w.text
            last_x1 = w.x1
        out.append(buf)  # two word lines may fall on one grid line: both are kept, in order
    return out, step


def _page(p: object, left: float | None = None) -> Page:
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
    if words:
        # The printed page ends at its right margin: a margin as wide as the left one, or the frame
        # the tables draw if that reaches further. A word reaching beyond was clipped there, with the
        # rest of its line.
        margin = left if left is not None else min(w.x0 for w in words)
        edge = float(p.width) - margin  # type: ignore[attr-defined]
        if page.v:  # a frame drawn a little past the mirrored margin is on the page too
            edge = max(edge, max(x for x, _a, _b in page.v))
        edge += CLIP_TOLERANCE
        overflow = any(w.x1 > edge for w in words)

        def clipped(w: Word) -> bool:
            if w.x1 > edge:
                return True
            # Something on this page is laid out wider than the paper: a line of text outside the
            # ruled tables that ends near the edge may have lost the words past it, cut whole.
            mid = (w.top + w.bottom) / 2
            ruled_here = sum(1 for _x, a, b in page.v if a <= mid <= b) > 2
            return overflow and not ruled_here and w.x1 > edge - OVERFLOW_REACH

        page.words = [Word(w.text + CLIPPED, w.x0, w.x1, w.top, w.bottom) if clipped(w) else w for w in words]
    return page


def _read_pages(data: bytes) -> list[Page]:
    """Each page's words (points from the top left) and the rules it draws."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = [c for p in pdf.pages for c in p.chars]
        left = min((float(c["x0"]) for c in chars), default=None)  # the same margin on every page
        return [_page(p, left) for p in pdf.pages]


def _pypdf_text(data: bytes, source: str | None) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n\n".join(p.extract_text(extraction_mode="layout") for p in reader.pages)
    except Exception as e:
        raise ParseError(f"not a readable PDF: {type(e).__name__}: {e}", source=source or "<bytes>") from None


def _place(pages: list[Page]) -> tuple[list[str], list[_Placed]]:
    lines: list[str] = []
    placed: list[_Placed] = []
    for page in pages:
        if lines:
            lines.append("")
        text, step = _layout(page.words)
        placed.append(_Placed(page, len(lines), step))
        lines.extend(text)
    return lines, placed


def _regions(placed: list[_Placed], start: int, end: int) -> list[tuple[Page, float, float]]:
    """Grid lines [start, end) as (page, top, bottom) regions in points."""
    out = []
    for k, pl in enumerate(placed):
        last = placed[k + 1].first_line if k + 1 < len(placed) else 10**9
        a, b = max(start, pl.first_line), min(end, last)
        if a < b:  # a region running on from the page before, or on to the next, takes the page's edge
            top = (a - pl.first_line - 1) * pl.step if a > pl.first_line else -1e9
            bottom = (b - pl.first_line) * pl.step if b < last else 1e9
            out.append((pl.page, top, bottom))
    return out


def pdf_to_text(data: bytes, source: str | None = None) -> str:
    return "\n".join(_place(_pages(data, source))[0])


def _pages(data: bytes, source: str | None) -> list[Page]:
    try:
        return _read_pages(data)
    except Exception as e:  # pdfminer raises many types on damaged files
        raise ParseError(f"not a readable PDF: {type(e).__name__}: {e}", source=source or "<bytes>") from None


def pdf_to_doc(data: bytes, source: str | None = None) -> Doc:
    try:
        import pdfplumber  # noqa: F401
    except ImportError:  # pragma: no cover - pdfplumber is a dependency; pypdf is the fallback
        return text_to_doc(_pypdf_text(data, source), source)
    lines, placed = _place(_pages(data, source))

    def table_rows(start: int, end: int, cols: tuple[str, ...]) -> list[list[str]] | None:
        return ruled.table_rows(_regions(placed, start, end), cols)

    def owners(start: int, end: int) -> list[list[str]] | None:
        return ruled.owner_rows(_regions(placed, start, end))

    return text_to_doc("\n".join(lines), source, table_rows=table_rows, owner_rows=owners)
