"""How fast is a rendered PDF read, with each backend? Median CPU milliseconds per PDF, and where the
time of the PDFium backend goes, against pdfplumber (the baseline, measured in the same run).

    python bench/pdf_backends.py                         # tests/fixtures/rendered/pages/*.pdf
    python bench/pdf_backends.py /tmp/pages/chromium-pdf --step 9 --repeat 3

Each PDF is timed ``--repeat`` times and its fastest run kept (noise only ever adds time); times are CPU
time (``time.process_time``), so other work on a shared machine does not count. Stages of the PDFium
backend (``section16.read.rendered.pdf_pdfium``), each timed on its own:

* open         PDFium parses the file and loads each page (content streams, fonts)
* textpage     PDFium's text page per page (FPDFText_LoadPage: characters and their boxes, in C)
* words        the page's text in one call, one box per character, grouped into runs and runs into
               pdfplumber's words (``_page_words``: compiled where ``_pdf_runs_c`` is built, else ctypes
               and Python)
* rules        path objects -> horizontal and vertical rules (compiled, else ctypes)
* form         words and rules -> Filing: the layout, boxes and tables (the shared reader, Python)
* pdfium       the whole reading, bytes -> Filing, with PDFium (parse_bytes)
* pdfplumber   the whole reading, bytes -> Filing, with pdfplumber: the baseline
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

from section16.errors import ParseError
from section16.read import parse_bytes
from section16.read.rendered import pdf_pdfium
from section16.read.rendered.ruled import Page

ROOT = Path(__file__).resolve().parents[1]


def _best(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best * 1000


def _stages(data: bytes, repeat: int) -> dict[str, float]:
    def opened() -> list[pdfium.PdfPage]:
        doc = pdfium.PdfDocument(data)
        return [doc[k] for k in range(len(doc))]

    pages = opened()
    tps = [p.get_textpage() for p in pages]
    heights = [p.get_height() for p in pages]

    def rules() -> None:
        for p, h in zip(pages, heights, strict=True):
            pdf_pdfium._rules(p.raw, h, Page([]))

    def read(backend: str) -> Callable[[], object]:
        def go() -> object:
            os.environ["SECTION16_PDF_BACKEND"] = backend
            try:
                return parse_bytes(data, "bench.pdf")
            except ParseError as e:  # a page refused is read (and timed) all the same
                return e

        return go

    out = {
        "open": _best(opened, repeat),
        "textpage": _best(lambda: [p.get_textpage() for p in pages], repeat),
        "words": _best(lambda: [pdf_pdfium._page_words(tp.raw, h) for tp, h in zip(tps, heights, strict=True)], repeat),
        "rules": _best(rules, repeat),
        "pdfium": _best(read("pdfium"), repeat),
        "pdfplumber": _best(read("pdfplumber"), max(1, repeat // 3)),
    }
    out["form"] = out["pdfium"] - _best(lambda: pdf_pdfium.read_sheets(data), repeat)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=Path, default=ROOT / "tests" / "fixtures" / "rendered" / "pages")
    ap.add_argument("--step", type=int, default=1, help="every n-th PDF of the folder")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    files = [p for p in sorted(a.folder.iterdir()) if p.read_bytes()[:5] == b"%PDF-"][:: a.step]
    rows = [_stages(p.read_bytes(), a.repeat) for p in files]
    names = ["open", "textpage", "words", "rules", "form", "pdfium", "pdfplumber"]
    base = statistics.median(r["pdfplumber"] for r in rows)
    print(f"{len(rows)} PDFs from {a.folder}; median CPU ms per PDF (fastest of {a.repeat} runs)")
    for n in names:
        med = statistics.median(r[n] for r in rows)
        print(f"  {n:<11} {med:8.2f} ms   {med / base:7.3f} x pdfplumber")
    print(f"  pdfium is {base / statistics.median(r['pdfium'] for r in rows):.1f} times faster than pdfplumber")
    os.environ.pop("SECTION16_PDF_BACKEND", None)


if __name__ == "__main__":
    main()
