"""PDF front end: the page printed to PDF -> words with their positions -> text laid out in columns.

Words are placed on a character grid in proportion to their true x position (one grid column per
:data:`POINTS_PER_COLUMN` points), so headings and values keep their real left edges whatever the
font size; the text front end then finds the boxes, columns and rows. pdfplumber (pdfminer.six) gives
the words; without it, pypdf's layout extraction is used.
"""

from __future__ import annotations

import io
from typing import Any

from ...errors import ParseError
from .cells import Doc
from .text import text_to_doc

#: Width of one grid column: small enough that neighbouring words never collide.
POINTS_PER_COLUMN = 3.0
#: Words whose tops differ by less than this (points) stand on one line.
LINE_TOLERANCE = 2.5


def _layout(words: list[dict[str, Any]]) -> list[str]:
    lines: list[list[dict[str, Any]]] = []
    for w in sorted(words, key=lambda w: (round(float(w["top"]), 1), float(w["x0"]))):
        if lines and abs(float(lines[-1][0]["top"]) - float(w["top"])) < LINE_TOLERANCE:
            lines[-1].append(w)
        else:
            lines.append([w])
    # One text line per half line of height: a cell centred between two rows stays nearer its own row.
    heights = sorted(float(w["bottom"]) - float(w["top"]) for w in words) or [10.0]
    step = max(heights[len(heights) // 2] / 2, 1.0)
    out: list[str] = []
    for ws in lines:
        row = round(float(ws[0]["top"]) / step)
        while len(out) < row:
            out.append("")
        buf = ""
        last_x1 = None
        for w in sorted(ws, key=lambda w: float(w["x0"])):
            gap = float(w["x0"]) - last_x1 if last_x1 is not None else 99.0
            if buf and gap < 0.45 * float(w.get("size", 8) or 8):
                buf += " " + str(w["text"])  # the next word of one phrase
            else:
                col = max(int(float(w["x0"]) / POINTS_PER_COLUMN), len(buf) + 2 if buf else 0)
                buf = buf.ljust(col) + str(w["text"])
            last_x1 = float(w["x1"])
        if len(out) > row:  # two word lines fell on one grid line: keep both, in order
            out.append(buf)
        else:
            out.append(buf)
    return out


def pdf_to_text(data: bytes, source: str | None = None) -> str:
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - pdfplumber is a dependency; pypdf is the fallback
        return _pypdf_text(data, source)
    try:
        pages = []
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                words = page.extract_words(keep_blank_chars=False, use_text_flow=False, extra_attrs=["size"])
                pages.append("\n".join(_layout(words)))
        return "\n\n".join(pages)
    except Exception as e:  # pdfminer raises many types on damaged files
        raise ParseError(f"not a readable PDF: {type(e).__name__}: {e}", source=source or "<bytes>") from None


def _pypdf_text(data: bytes, source: str | None) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n\n".join(p.extract_text(extraction_mode="layout") for p in reader.pages)
    except Exception as e:
        raise ParseError(f"not a readable PDF: {type(e).__name__}: {e}", source=source or "<bytes>") from None


def pdf_to_doc(data: bytes, source: str | None = None) -> Doc:
    return text_to_doc(pdf_to_text(data, source), source)
