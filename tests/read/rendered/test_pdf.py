"""PDF backends (pdf_pdfium.py and pdfplumber in pdf.py): the same words and rules, the same Filing, and a
clear error for every PDF that cannot be read."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from section16.errors import ParseError
from section16.read import parse_bytes
from section16.read.rendered import pdf, pdf_pdfium
from section16.read.rendered.pdf_pdfium import _Run
from section16.read.rendered.ruled import Page, Word

from .conftest import PAGES, misses, reference, shown

PDFS = sorted(p.name for p in PAGES.glob("*.pdf"))
CHROMIUM = PAGES / "0000080424-26-000034.chromium-pdf.pdf"


def _sheets(name: str, backend: str) -> list[pdf_pdfium.Sheet]:
    return pdf.BACKENDS[backend]((PAGES / name).read_bytes())


@pytest.mark.parametrize("name", PDFS)
def test_both_backends_give_the_same_words(name: str) -> None:
    ours, theirs = _sheets(name, "pdfium"), _sheets(name, "pdfplumber")
    assert len(ours) == len(theirs)
    for a, b in zip(ours, theirs, strict=True):
        # Every letter is there, on both.
        assert Counter("".join(w.text for w in a.page.words)) == Counter("".join(w.text for w in b.page.words))
        # Words: the same but where PDFium sees a space pdfplumber does not (two footnote marks
        # "(6)(7)" drawn 3 points apart, "Number: 3235-0287").
        got, want = Counter(w.text for w in a.page.words), Counter(w.text for w in b.page.words)
        # A pdfplumber word PDFium parts at such a space is the same words: each of its parts is one
        # of ours on its line, within its span, and they spell it ("(1)Owned" as "(1)" and "Owned").
        split = sum(1 for v in b.page.words if (want - got)[v.text] and _parted(v, a.page.words))
        assert sum((got & want).values()) + split >= 0.98 * sum(want.values())
        # Placed within a point: the bottoms the same, the tops within the fonts' ascent rounding.
        at: dict[str, list[Word]] = {}
        for v in b.page.words:
            at.setdefault(v.text, []).append(v)
        placed = 0
        for w in a.page.words:
            near = [v for v in at.get(w.text, []) if abs(v.x0 - w.x0) < 1 and abs(v.bottom - w.bottom) < 0.1]
            if near:
                placed += 1
                assert abs(w.x1 - near[0].x1) < 1.0 and abs(w.top - near[0].top) < 1.5
        assert placed + split >= 0.98 * len(b.page.words)
        assert a.width == pytest.approx(b.width, abs=0.01)
        assert a.left == pytest.approx(b.left, abs=0.2)


def _parted(v: Word, ours: list[Word]) -> bool:
    """Does ``v`` (pdfplumber's) stand as two or more of ``ours`` on its line that spell it?"""
    parts = sorted(
        (w for w in ours if abs(w.bottom - v.bottom) < 0.1 and w.x0 >= v.x0 - 1 and w.x1 <= v.x1 + 1),
        key=lambda w: w.x0,
    )
    return len(parts) > 1 and "".join(w.text for w in parts) == v.text


def _near(rules: list[tuple[float, float, float]], others: list[tuple[float, float, float]]) -> list[object]:
    left = list(others)
    unmatched = []
    for r in rules:
        k = next((k for k, o in enumerate(left) if all(abs(x - y) < 0.3 for x, y in zip(r, o, strict=True))), None)
        if k is None:
            unmatched.append(r)
        else:
            left.pop(k)
    return unmatched + left


@pytest.mark.parametrize("name", PDFS)
def test_both_backends_give_the_same_rules(name: str) -> None:
    ours = _sheets(name, "pdfium")
    assert ours[0].page.h and ours[0].page.v
    for a, b in zip(ours, _sheets(name, "pdfplumber"), strict=True):
        # pdfminer also keeps zero-length edges between a check box's rounded corners: no rule.
        h = [r for r in b.page.h if r[2] - r[1] > 0.01]
        v = [r for r in b.page.v if r[2] - r[1] > 0.01]
        assert _near(a.page.h, h) == []
        assert _near(a.page.v, v) == []


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_each_backend_reads_the_pdf_as_the_xml(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECTION16_PDF_BACKEND", backend)
    got = parse_bytes(CHROMIUM.read_bytes(), CHROMIUM.name)
    expected = reference("0000080424-26-000034")
    assert got.source.format == "pdf"
    assert shown(expected, got) > 20
    assert misses(expected, got) == []


def test_pdfium_is_the_default_and_an_unknown_backend_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SECTION16_PDF_BACKEND", raising=False)
    assert pdf.DEFAULT_BACKEND == "pdfium"
    with pytest.raises(ValueError, match="unknown PDF backend 'nope'"):
        pdf.pdf_to_text(CHROMIUM.read_bytes(), "x.pdf", backend="nope")


def _run(text: str, x0: float, top: float, *, before: bool = False, after: bool = False) -> _Run:
    return _Run(text, x0, x0 + 5 * len(text), top, top + 10, x0 + 5 * (len(text) - 1), before, after)


def test_words_follow_pdfplumbers_rules() -> None:
    words = pdf_pdfium._words(
        [
            _run("Common", 10, 100, after=True),
            _run("Stock", 50, 100.5, before=True),  # after a space: a new word, on the same line
            _run("(1)", 75, 98.2),  # a footnote mark raised 2 points, touching: the same word
            _run("S", 200, 100),
            _run("1,000", 208, 100),  # 3 points after "S" ends: still one word (pdfplumber's x_tolerance)
            _run("D", 250, 100),  # 17 points on: a new word
            _run("Director", 10, 104),  # 4 points lower: a line of its own
        ]
    )
    assert [(w.text, w.top) for w in words] == [
        ("Common", 100),
        ("Stock(1)", 98.2),
        ("S1,000", 100),
        ("D", 100),
        ("Director", 104),
    ]


def test_a_space_pdfium_drops_still_parts_the_words() -> None:
    """The street "KATELLA AVE,": chromium pulls the space back over the A before it, PDFium leaves it
    out of its text, and only the 1.7-point gap between the letters (never there inside a word) says
    where one word ends."""
    name = "0001179110-20-000668"
    words = [w.text for w in _sheets(f"{name}.chromium-pdf.pdf", "pdfium")[0].page.words]
    assert "KATELLA" in words and "AVE," in words and "KATELLAAVE," not in words
    got = parse_bytes((PAGES / f"{name}.chromium-pdf.pdf").read_bytes(), name)
    assert misses(reference(name), got) == []


def _blank_pdf(pages: int) -> bytes:
    w = PdfWriter()
    for _ in range(pages):
        w.add_blank_page(612, 792)
    b = io.BytesIO()
    w.write(b)
    return b.getvalue()


def _encrypted(user_password: str) -> bytes:
    w = PdfWriter(clone_from=PdfReader(CHROMIUM))
    w.encrypt(user_password=user_password, owner_password="owner")
    b = io.BytesIO()
    w.write(b)
    return b.getvalue()


HOSTILE = {
    "truncated.pdf": CHROMIUM.read_bytes()[: CHROMIUM.stat().st_size // 2],
    "header-only.pdf": CHROMIUM.read_bytes()[:2000],
    "garbage.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 40,
    "cyclic-pages.pdf": b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[2 0 R]/Count 1>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF",
    "no-pages.pdf": b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF",
}


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_pdf_is_a_parse_error_naming_the_file(
    name: str, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SECTION16_PDF_BACKEND", backend)
    with pytest.raises(ParseError) as e:
        parse_bytes(HOSTILE[name], name)
    assert name in str(e.value) and "PDF" in str(e.value)


def _far_text(matrix: bytes) -> bytes:
    """A one-page PDF with "Form 4" on the page and "far" set by this text matrix (Helvetica 12)."""
    content = b"BT /F1 12 Tf 1 0 0 1 72 700 Tm (Form 4) Tj ET BT /F1 12 Tf " + matrix + b" Tm (far) Tj ET"
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>"
        b"endobj\n4 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n5 0 obj<</Length "
        + str(len(content)).encode()
        + b">>stream\n"
        + content
        + b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF"
    )


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("matrix", [b"1 0 0 1 72 -100000000", b"1 0 0 1 10000000 600", b"1 0 0 1 72 -150000"])
def test_text_set_far_off_the_page_is_a_parse_error(
    matrix: bytes, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word 100 million points below the page (or 10 million right of it) would be laid out on a grid
    of millions of blank lines, or a line of gigabytes: the page is refused at once (it took 33 s with
    PDFium, and pdfplumber's words ran out of time)."""
    monkeypatch.setenv("SECTION16_PDF_BACKEND", backend)
    with pytest.raises(ParseError, match=r"^far\.pdf: not a readable PDF: page 1 sets text more than 100,000 points"):
        parse_bytes(_far_text(matrix), "far.pdf")


def test_text_within_the_page_is_not_refused_for_its_place() -> None:
    with pytest.raises(ParseError) as e:  # (not a form: no Table I)
        parse_bytes(_far_text(b"1 0 0 1 72 100"), "near.pdf")
    assert "Table I" in str(e.value)


@pytest.mark.parametrize("pages", [1, 3])
def test_a_pdf_without_text_is_a_parse_error(pages: int) -> None:
    with pytest.raises(ParseError) as e:
        parse_bytes(_blank_pdf(pages), "blank.pdf")
    assert "blank.pdf" in str(e.value)


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_an_encrypted_pdf_needing_a_password_says_so(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECTION16_PDF_BACKEND", backend)
    with pytest.raises(ParseError, match=r"^encrypted\.pdf: not a readable PDF: it is encrypted and needs a password$"):
        parse_bytes(_encrypted("secret"), "encrypted.pdf")


def test_an_encrypted_pdf_anyone_may_open_is_read() -> None:
    got = parse_bytes(_encrypted(""), "open.pdf")
    assert misses(reference("0000080424-26-000034"), got) == []


def test_fixture_folder_has_pdfs() -> None:
    assert Path(PAGES).is_dir() and len(PDFS) >= 3


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_a_remark_cut_at_the_paper_edge_is_said_missing_not_read_short(
    backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The remark's line runs past the paper: chromium prints its first letters of 'Form' up to the
    clip ('... on this F', the F's box reaching 1.2 points past the tables' frame) and drops the rest."""
    monkeypatch.setenv("SECTION16_PDF_BACKEND", backend)
    name = "0001557979-26-000006"
    got = parse_bytes((PAGES / f"{name}.chromium-pdf.pdf").read_bytes(), name)
    assert got.remarks is None and "remarks" in got.missing
    expected = reference(name)
    assert [m for m in misses(expected, got) if m[2] is not None] == []  # nothing read wrong


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_a_note_cut_between_two_words_on_a_page_without_a_cut_word_is_said_missing(
    backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Note 1's only line ends with a whole word ("AN") 0.4 point inside the tables' frame, and no
    word of that page crosses the edge; the next page's notes do, so the one layout is wider than the
    paper and the rest of that line ("ORDERLY SALE ...") was cut whole."""
    monkeypatch.setenv("SECTION16_PDF_BACKEND", backend)
    name = "0000899243-21-047608"
    got = parse_bytes((PAGES / f"{name}.chromium-pdf.pdf").read_bytes(), name)
    assert "footnotes[F1]" in got.missing
    assert [m for m in misses(reference(name), got) if m[2] is not None] == []  # nothing read wrong


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_a_note_the_page_break_splits_is_read_whole(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Footnote 1 runs from the foot of the third page to the top of the fourth, its number on its
    first line (not centred on the whole note); its last lines were read as footnote 2's."""
    monkeypatch.setenv("SECTION16_PDF_BACKEND", backend)
    name = "0001193125-26-242634"
    got = parse_bytes((PAGES / f"{name}.chromium-pdf.pdf").read_bytes(), name)
    expected = reference(name)
    assert [f.text for f in got.footnotes] == [f.text for f in expected.footnotes]
    assert misses(expected, got) == []


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_a_sub_heading_the_page_break_cuts_is_not_read_into_the_first_row(
    backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Table II's heading ends the page with "Amount / or / Number"; "of / Shares" stands on the next
    page in the first row's band, over its 31,455: the page was refused ('of Shares 31,455')."""
    monkeypatch.setenv("SECTION16_PDF_BACKEND", backend)
    name = "0001403161-26-000081"
    got = parse_bytes((PAGES / f"{name}.chromium-pdf.pdf").read_bytes(), name)
    expected = reference(name)
    assert [r.underlying_shares for r in got.derivative_transactions] == [
        r.underlying_shares for r in expected.derivative_transactions
    ]
    assert misses(expected, got) == []


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_owners_drawn_without_rules_between_them_are_read(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ten reporting owners in a table chromium draws with its frame only, the first cut by the page
    break: each was read as one owner per line ('name and address run together; not split')."""
    monkeypatch.setenv("SECTION16_PDF_BACKEND", backend)
    name = "xml_2_2ad9cca1"
    got = parse_bytes((PAGES / f"{name}.chromium-pdf.pdf").read_bytes(), name)
    expected = reference(name)
    assert [o.name for o in got.reporting_owners] == [o.name for o in expected.reporting_owners]
    assert [o.relationship for o in got.reporting_owners] == [o.relationship for o in expected.reporting_owners]
    assert [m for m in misses(expected, got) if m[2] is not None] == []  # nothing read wrong


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_a_number_in_parentheses_printed_full_size_is_text_not_a_footnote(
    backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The filer wrote "See Footnote (2)" as the nature of ownership: the page prints that "(2)" at the
    cell's size, its footnote marks smaller (superscripts). It was read as footnote 2."""
    monkeypatch.setenv("SECTION16_PDF_BACKEND", backend)
    name = "0001655020-20-000058"
    got = parse_bytes((PAGES / f"{name}.chromium-pdf.pdf").read_bytes(), name)
    expected = reference(name)
    assert got.non_derivative_holdings[0].nature_of_ownership == expected.non_derivative_holdings[0].nature_of_ownership
    assert misses(expected, got) == []


def test_marks_all_printed_at_one_size_are_footnotes() -> None:
    """Where every "(n)" is printed at one size nothing tells a literal one: all are marks. Where some
    are smaller (superscripts), one at the size of the word beside it is the text's own."""
    frame = [(5.0, 0.0, 300.0), (60.0, 0.0, 300.0), (90.0, 0.0, 300.0)]  # inside a ruled table
    page = Page([Word("Stock", 10, 40, 100, 111.6), Word("(1)", 42, 52, 100, 111.6)], v=frame)
    assert [w.text for w in pdf._literal_marks([page])[0].words] == ["Stock", "(1)"]
    words = [Word("Stock", 10, 40, 100, 111.6), Word("(1)", 42, 52, 100, 111.6), Word("(2)", 42, 52, 150, 159.67)]
    page = Page([*words, Word("Common", 10, 40, 150, 161.6)], v=frame)
    assert [w.text for w in pdf._literal_marks([page])[0].words] == ["Stock", "(\u20601)", "(2)", "Common"]


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize(
    ("name", "ticked"),
    [("0001403161-26-000081", True), ("0000080424-26-000034", False), ("0001557979-26-000006", True)],
)
def test_check_boxes_drawn_as_shapes_are_read(
    name: str, ticked: bool, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """chromium prints the Rule 10b5-1 box (an ``<input type="checkbox">``) as shapes: a square, and a
    tick drawn inside it when checked. It was listed missing."""
    monkeypatch.setenv("SECTION16_PDF_BACKEND", backend)
    got = parse_bytes((PAGES / f"{name}.chromium-pdf.pdf").read_bytes(), name)
    assert got.aff10b5one is ticked == reference(name).aff10b5one
    assert "aff10b5one" not in got.missing


def test_a_check_box_is_ticked_only_with_a_tick_inside_it() -> None:
    # Its frame and fill drawn one over another (one box); a tick inside one of two boxes.
    page = Page([], small=[(30, 60, 40, 70), (30.2, 60.2, 39.8, 69.8), (30, 130, 40, 140), (32, 132, 38, 137)])
    words = pdf._check_boxes(page).words
    assert sorted((w.text, w.top) for w in words) == [("☐", 60), ("☒", 130)]
    # A tick beside the box, not inside it, does not tick it.
    page = Page([], small=[(30, 60, 40, 70), (45, 62, 51, 65)])
    assert [w.text for w in pdf._check_boxes(page).words] == ["☐"]


def test_a_check_box_is_set_on_its_labels_first_line() -> None:
    # weasyprint centres the box on its label's three lines: the mark goes on the line where the
    # label starts, where a typed "[X]" stands, not on the line beside the box's middle.
    words = [
        Word("Check", 49, 75, 112, 124),
        Word("this", 77, 90, 112, 124),
        Word("box", 92, 105, 112, 124),
        Word("to", 107, 115, 112, 124),
        Word("made", 49, 75, 126, 138),
        Word("plan", 49, 70, 140, 152),
    ]
    page = Page(words, small=[(33.2, 138.5, 45.9, 151.3), (36.0, 141.3, 43.1, 148.4)])
    mark = pdf._check_boxes(page).words[-1]
    assert (mark.text, mark.top) == ("☒", 112)


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_a_heading_cut_by_the_page_break_and_drawn_with_the_first_row(
    backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Table II's heading runs on to the next page, where its rest ('Derivative Security', 'Code V',
    '(A) or Disposed of (D)'...) shares one band with the first row: told apart by their sizes (the
    page prints its headings smaller than its values). The page was refused."""
    monkeypatch.setenv("SECTION16_PDF_BACKEND", backend)
    name = "0001209191-21-021966"
    got = parse_bytes((PAGES / f"{name}.chromium-pdf.pdf").read_bytes(), name)
    expected = reference(name)
    assert len(got.derivative_transactions) == len(expected.derivative_transactions) == 1
    assert misses(expected, got) == []


def test_full_size_marks_are_looked_at_a_bounded_number_of_times_per_page() -> None:
    """A hostile page of hundreds of full-size "(2)"s beside a superscript one: at most
    LITERAL_MARKS are weighed (each against a bounded number of words), the rest stay marks."""
    frame = [(5.0, 0.0, 9000.0), (60.0, 0.0, 9000.0), (90.0, 0.0, 9000.0)]
    words = [Word("(2)", 42, 52, 20.0 * k, 20.0 * k + 11.6) for k in range(pdf.LITERAL_MARKS + 50)]
    words += [Word("Stock", 10, 40, 20.0 * k, 20.0 * k + 11.6) for k in range(pdf.LITERAL_MARKS + 50)]
    words.append(Word("(1)", 42, 52, 8000, 8009.67))
    page = pdf._literal_marks([Page(words, v=frame)])[0]
    assert sum(w.text.startswith("(\u2060") for w in page.words) == pdf.LITERAL_MARKS


def test_a_page_of_many_small_squares_is_not_read_as_check_boxes() -> None:
    squares = [(30.0 + 12 * k, 60.0, 40.0 + 12 * k, 70.0) for k in range(pdf.CHECK_BOXES + 5)]
    page = pdf._check_boxes(Page([], small=squares))
    assert page.words == []


def test_a_cells_lines_apart_on_the_pdfs_finer_grid_still_make_one_row() -> None:
    # The PDF front end lays its words out on a grid finer than a row's lines, so a title's two lines
    # ("American Depositary Shares" / "(TSM)") stand with a blank line between them. On
    # pdftotext's grid of one line a baseline that would part two rows; here it must not (the page
    # was refused: "'American Depositary Shares' ends a title that starts with it").
    name = "0001046179-26-000288"
    got = parse_bytes((PAGES / f"{name}.chromium-pdf.pdf").read_bytes(), f"{name}.pdf")
    expected = reference(name)
    assert [t.security_title.value for t in got.non_derivative_transactions] == [
        "American Depositary Shares (TSM)",
        "American Depositary Shares (TSM)",
    ]
    assert shown(expected, got) > 40
    # (the page prints box 1's "TAIWAN" under "(State)"; the XML holds it as the country)
    assert [p for p, _e, _g in misses(expected, got)] == ["reporting_owners[0].address.state"]


def test_notes_stopping_a_space_short_of_the_papers_edge_were_cut_there() -> None:
    # Printed in DejaVu (a machine without Liberation), the notes' lines run past the paper, and the
    # edge fell between two words on every page: no word reaches past it, each note's line stops a
    # space short of it ("... provide Tesla, Inc., any security") and the next line opens the next
    # note. They were read as whole notes (31 wrong values); now listed missing.
    name = "0000899243-21-044225"
    got = parse_bytes((PAGES / f"{name}.chromium-pdf-dejavu.pdf").read_bytes(), f"{name}.pdf")
    expected = reference(name)
    assert {"footnotes[F1]", "footnotes[F3]", "footnotes[F31]"} <= set(got.missing)
    assert [(n.id, n.text) for n in got.footnotes] == [
        ("F2", "The Elon Musk Revocable Trust dated July 22, 2003, for which the reporting person is trustee.")
    ]
    assert not [p for p, _e, _g in misses(expected, got)]  # nothing else differs unsaid
    assert shown(expected, got) > 300


def test_a_signature_caption_its_cell_wrapped_is_one_caption() -> None:
    """chromium's print in DejaVu (held out, 0000769993-19-000383): nine signatures, three of whose
    captions wrap ("**Signature" beside "Date", "of Reporting Person" under it). Left apart, the
    caption was taken for the signatures' heading and its rest for the next name's first line ("of
    Reporting Person /s/Jennifer Lee"), and three signatures were lost, presented as right. (The rows
    as that page gives them; the page itself is no fixture: pdfplumber parts its DejaVu marks "(6)"
    into letters, which the backends' test of every fixture PDF would not pass.)"""
    page = [
        ["Signatures"],
        ["/s/Jennifer Lee", "05/23/2019"],
        ["**Signature of Reporting Person", "Date"],
        ["/s/Jennifer Lee", "05/23/2019"],
        ["**Signature", "Date"],
        ["of Reporting Person"],
        ["/s/Jennifer Lee", "05/23/2019"],
        ["**Signature of Reporting Person", "Date"],
        ["Explanation of Responses:"],
    ]
    joined = pdf._captions_rejoined(page)
    assert joined[4] == ["**Signature of Reporting Person", "Date"] and len(joined) == len(page) - 1
    assert joined[5] == ["/s/Jennifer Lee", "05/23/2019"]
    # Only the caption's own rest, under the caption's first line: not a name line, nor a rest alone.
    assert pdf._captions_rejoined([["of Reporting Person"]]) == [["of Reporting Person"]]
    assert pdf._captions_rejoined([["Jane Roe"], ["of Reporting Person"]]) == [["Jane Roe"], ["of Reporting Person"]]
