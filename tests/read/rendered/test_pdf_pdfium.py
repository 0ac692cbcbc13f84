"""The compiled PDF loops (``section16.read.rendered._pdf_runs_c``) read every page as the ctypes loops do.

The characters' runs (text, boxes, the spaces before and after) and the page's path objects (their
bounds, pen, rectangles) are compared field by field, floats exactly, on every page of the fixture
PDFs (chromium and weasyprint prints) and of the corpus's chromium prints when a cache of them is there.
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as R
import pytest

from section16.read.rendered import pdf_pdfium
from section16.read.rendered.ruled import Page
from tests.conftest import FIXTURES

compiled = pytest.mark.skipif(not pdf_pdfium.COMPILED, reason="section16.read.rendered._pdf_runs_c is not built here")
PDFS = sorted((FIXTURES / "rendered" / "pages").glob("*.pdf"))


def _pages(path: Path) -> Iterator[tuple[pdfium.PdfPage, float]]:
    doc = pdfium.PdfDocument(path.read_bytes())
    try:
        for k in range(len(doc)):
            page = doc[k]
            yield page, page.get_height()
            page.close()
    finally:
        doc.close()


def _address(page: pdfium.PdfPage) -> int:
    return ctypes.cast(page.raw, ctypes.c_void_p).value or 0


def _python(fn: object) -> object:
    """Run ``fn`` with the compiled loops switched off."""
    saved, pdf_pdfium._runs_c = pdf_pdfium._runs_c, None
    try:
        return fn()  # type: ignore[operator]
    finally:
        pdf_pdfium._runs_c = saved


def test_the_compiled_loops_are_in_use_where_they_are_required() -> None:
    if os.environ.get("SECTION16_PURE_PYTHON"):
        assert not pdf_pdfium.COMPILED
    elif os.environ.get("SECTION16_REQUIRE_COMPILED"):
        assert pdf_pdfium.COMPILED, "section16.read.rendered._pdf_runs_c was not built: reinstall with a C compiler"


def test_the_fixtures_hold_both_printers() -> None:
    names = [p.name for p in PDFS]
    assert any("chromium" in n for n in names) and any("weasyprint" in n for n in names)


@compiled
@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_runs_are_the_same(path: Path) -> None:
    total = 0
    for page, height in _pages(path):
        tp = page.get_textpage()
        try:
            fast = pdf_pdfium._runs(tp.raw, height)
            slow = _python(lambda tp=tp, height=height: pdf_pdfium._runs(tp.raw, height))
        finally:
            tp.close()
        assert fast == slow
        total += len(fast)
    assert total > 300  # a real filing's pages, not empty readings


@compiled
@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_path_records_and_rules_are_the_same(path: Path) -> None:
    rules = 0
    for page, height in _pages(path):
        fast_records = pdf_pdfium._runs_c.paths(_address(page), pdf_pdfium._path_fns(R))
        assert fast_records == pdf_pdfium._path_records(page.raw, R)
        fast, slow = Page([]), Page([])
        pdf_pdfium._rules(page.raw, height, fast)
        _python(lambda page=page, height=height, slow=slow: pdf_pdfium._rules(page.raw, height, slow))
        assert (fast.h, fast.v, fast.small) == (slow.h, slow.v, slow.small)
        rules += len(fast.h) + len(fast.v)
    assert rules > 50  # the tables' rules were found


@compiled
def test_a_page_without_text_gives_no_runs() -> None:
    doc = pdfium.PdfDocument.new()
    page = doc.new_page(612, 792)
    tp = page.get_textpage()
    try:
        assert pdf_pdfium._runs(tp.raw, 792) == []
        assert pdf_pdfium._runs_c.paths(_address(page), pdf_pdfium._path_fns(R)) == []
    finally:
        tp.close()
        page.close()
        doc.close()
