"""The compiled PDF loops (``section16.read.rendered._pdf_runs_c``) read every page as the ctypes loops do.

The characters' runs (text, boxes, the spaces before and after) and the page's path objects (their
bounds, pen, rectangles) are compared field by field, floats exactly, on every page of the fixture
PDFs (chromium and weasyprint prints) and of the corpus's chromium prints when a cache of them is there.
"""

from __future__ import annotations

import ctypes
import os
import random
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pypdfium2 as pdfium
import pypdfium2.raw as R
import pytest

from section16.model import Filing
from section16.read import parse_bytes
from section16.read.rendered import pdf, pdf_pdfium
from section16.read.rendered.ruled import Page, Word
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
def test_words_are_the_same(path: Path) -> None:
    total = 0
    for page, height in _pages(path):
        tp = page.get_textpage()
        try:
            fast = pdf_pdfium._page_words(tp.raw, height)
            slow = _python(lambda tp=tp, height=height: pdf_pdfium._page_words(tp.raw, height))
        finally:
            tp.close()
        assert fast == slow
        total += len(fast[0])
    assert total > 200  # a real filing's words


@compiled
def test_words_are_the_same_on_runs_made_to_tie() -> None:
    """Runs on few tops and x positions (so lines chain, runs touch, overlap and tie in their order),
    with spaces before and after at random: the compiled words are the Python loop's."""
    rng = random.Random(16)
    for _ in range(300):
        runs = []
        for _ in range(rng.randrange(0, 40)):
            x0 = rng.choice([0.0, 1.5, 3.0, 4.5, 6.0, 9.5, 12.0])
            top = rng.choice([0.0, 0.0, 1.0, 2.5, 3.0, 6.5, 7.0, 20.0])
            x1 = x0 + rng.choice([0.0, 1.0, 2.5])
            last = rng.choice([x0, x1])
            runs.append((rng.choice("aXy-"), x0, x1, top, top + rng.choice([5.0, 9.0]), last,
                         rng.random() < 0.2, rng.random() < 0.2))  # fmt: skip
        fast = pdf_pdfium._runs_c.words(runs, pdf_pdfium.Y_TOLERANCE, pdf_pdfium.X_TOLERANCE)
        slow = pdf_pdfium._words([pdf_pdfium._Run(*r) for r in runs])
        assert [Word(*w) for w in fast] == slow


@compiled
@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_layout_is_the_same(path: Path) -> None:
    """The pages' words laid out on the grid (``pdf._layout``): the compiled lines, step and tops are
    the Python loop's, on every page of the fixtures (clipped and check-box words included)."""
    lines = 0
    for page in pdf._read_pages(path.read_bytes()):
        words = list(page.words)
        fast = pdf._layout(words)
        assert fast == _python(lambda words=words: pdf._layout(words))
        lines += len(fast[0])
    assert lines > 100


@compiled
def test_layout_is_the_same_on_words_made_to_tie() -> None:
    """Words on tops a rounding apart, at the line tolerance, touching and far apart, tiny and tall,
    in any order: the compiled layout is the Python loop's."""
    rng = random.Random(3)
    for _ in range(300):
        words = []
        for _ in range(rng.randrange(0, 30)):
            top = rng.choice([0.0, 0.04, 0.05, 0.06, 2.5, 2.49, 7.0, 30.25, 30.35, 100.0])
            x0 = rng.choice([0.0, 1.0, 2.9, 3.0, 6.2, 40.0, 41.5, 300.0])
            words.append(Word(rng.choice(["a", "Bc", "(1)", ""]), x0, x0 + rng.choice([0.0, 1.0, 5.0]),
                              top, top + rng.choice([0.5, 2.0, 9.0, 12.0])))  # fmt: skip
        fast = pdf._layout(words)
        assert fast == _python(lambda words=words: pdf._layout(words))


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


# Pages chromium printed on a machine without Liberation fonts: all of the page in DejaVu Sans, whose
# ligatures ("ffi", "fi", "ff") PDFium gives as their letters with the glyph's drawn box cut in parts.
DEJAVU = FIXTURES / "rendered" / "pages"


def _read(name: str) -> Filing:
    return parse_bytes((DEJAVU / f"{name}.chromium-pdf-dejavu.pdf").read_bytes(), name)


@pytest.mark.parametrize("pure", [False, True], ids=["compiled", "python"])
def test_a_ligature_stays_in_its_word(pure: bool) -> None:
    # "Principal Accounting Officer": the "ffi" letters stood a descent higher than "O" and "cer" and
    # were read "Offi cer"; "No securities are beneficially owned" lost its "fi" to another line.
    def read() -> tuple[Filing, Filing]:
        return _read("0000320193-19-000080"), _read("0000899243-20-021515")

    officer, none_owned = cast(tuple[Filing, Filing], _python(read)) if pure else read()
    assert officer.reporting_owners[0].relationship.officer_title == "Principal Accounting Officer"
    assert officer.signatures[0].name == "/s/ Sam Whittington, Attorney-in-Fact for Chris Kondo"
    assert none_owned.no_securities_owned is True
    assert not none_owned.footnotes


def test_join_ligatures_joins_only_letters_beside_their_word() -> None:
    # (text, x0, x1, top, bottom, last_x0, space_before, space_after); size 8, descent 2.
    word = [("O", 10.0, 15.0, 2.0, 10.0, 10.0, True, False), ("ffi", 15.2, 21.0, 0.0, 8.0, 19.0, False, False),
            ("cer", 21.7, 30.0, 2.0, 10.0, 27.0, False, True)]  # fmt: skip
    assert pdf_pdfium.join_ligatures(word) == [("Officer", 10.0, 30.0, 2.0, 10.0, 27.0, True, True)]
    # A space between them, a font of another size or letters on their own baseline are not joined.
    spaced = [word[0], (*word[1][:6], True, False), word[2]]
    assert pdf_pdfium.join_ligatures(spaced)[1:] == [("ffi" + "cer", 15.2, 30.0, 2.0, 10.0, 27.0, True, True)]
    assert pdf_pdfium.join_ligatures([word[0], ("fi", 15.2, 20.0, 4.0, 8.0, 18.0, False, False)])[1][0] == "fi"
    assert pdf_pdfium.join_ligatures([word[0], ("fi", 15.2, 20.0, 2.0, 10.0, 18.0, False, False)])[1][0] == "fi"


def test_letters_a_little_apart_in_a_small_font_are_one_word() -> None:
    # DejaVu at 7 points sets "r" and "e" of "thereof" 0.65 points apart: not a space PDFium left out.
    note = _read("0001062993-22-021877").footnotes[0].text
    assert "integral multiple thereof)" in note
    assert "ther eof" not in note
