"""Footnotes read from where a PDF prints them (pdf_notes.py), and the PDF words they are read from."""

from __future__ import annotations

from section16.read.rendered import pdf, pdf_notes
from section16.read.rendered.cells import CLIPPED
from section16.read.rendered.pdf_pdfium import Sheet
from section16.read.rendered.ruled import Page, Word

PITCH = 14.0


def note(page: Page, mark: str, first: float, lines: list[str]) -> None:
    """A note: its lines one pitch apart from ``first``, its number centred on them."""
    for k, text in enumerate(lines):
        page.words.append(Word(text, 60, 60 + 5 * len(text), first + k * PITCH, first + k * PITCH + 12))
    mid = first + ((len(lines) - 1) * PITCH + 12) / 2
    page.words.append(Word(mark, 30, 45, mid - 6, mid + 6))


def test_each_note_is_the_run_of_lines_centred_on_its_number() -> None:
    page = Page([])
    note(page, "*", 100, ["If the form is filed by more than one reporting person"])
    note(page, "**", 117, ["Intentional misstatements", "78ff(a)."])  # the form's own note wrapped
    note(page, "(1)", 148, ["One, whose", "text runs over", "three lines."])  # no space between notes
    note(page, "(2)", 190, ["Two."])
    assert pdf_notes.footnote_rows([(page, 90.0, 300.0)]) == [
        ["* If the form is filed by more than one reporting person"],
        ["** Intentional misstatements 78ff(a)."],
        ["(1) One, whose text runs over three lines."],
        ["(2) Two."],
    ]


def test_a_note_cut_by_the_page_break() -> None:
    # The number is centred on the part of the note on its page, which runs down to the page's foot.
    first, second = Page([]), Page([])
    note(first, "(1)", 100, ["One."])
    note(first, "(2)", 117, ["Two, on this page", "and on", "the next page."])
    first.words = [w for w in first.words if w.top < 140]  # the last line went over to the next page
    second.words.append(Word("the next page.", 60, 130, 20, 32))
    note(second, "(3)", 37, ["Three."])
    assert pdf_notes.footnote_rows([(first, 90.0, 1e9), (second, -1e9, 100.0)]) == [
        ["(1) One."],
        ["(2) Two, on this page and on the next page."],
        ["(3) Three."],
    ]
    # The break at the top of a note: its number at the foot of the page, all its lines on the next.
    first, second = Page([]), Page([])
    note(first, "(1)", 100, ["One."])
    first.words.append(Word("(2)", 30, 45, 117, 129))
    for k, text in enumerate(("Two, on", "the next page.")):
        second.words.append(Word(text, 60, 130, 20 + k * PITCH, 32 + k * PITCH))
    note(second, "(3)", 20 + 2 * PITCH + 3, ["Three,", "in two lines."])
    assert pdf_notes.footnote_rows([(first, 90.0, 1e9), (second, -1e9, 200.0)]) == [
        ["(1) One."],
        ["(2) Two, on the next page."],
        ["(3) Three, in two lines."],
    ]


def test_a_number_set_against_a_line_of_digits() -> None:
    page = Page([])
    note(page, "(1)", 100, ["One."])
    note(page, "(2)", 117, ["Two, in", "372,546 shares", "of stock."])
    page.words = [w for w in page.words if w.text not in ("(2)", "372,546 shares")]
    page.words.append(Word("(2)372,546 shares", 30, 130, 131, 143))  # the number's cell runs into the text's
    assert pdf_notes.footnote_rows([(page, 90.0, 300.0)]) == [["(1) One."], ["(2) Two, in 372,546 shares of stock."]]


def test_a_form_3_without_holdings_says_so_above_the_notes() -> None:
    page = Page([Word("No securities are beneficially owned", 30, 200, 70, 82)])
    note(page, "*", 100, ["If the form is filed by more than one reporting person"])
    assert pdf_notes.footnote_rows([(page, 60.0, 300.0)]) == [
        ["No securities are beneficially owned"],
        ["* If the form is filed by more than one reporting person"],
    ]


def test_a_number_below_its_page_foot_is_no_note_cut_by_the_break() -> None:
    # A stray line above "*" leaves the number below the middle of the lines: it would be a note cut by
    # the page break only if the page's foot (twice as far down) stood no lower than the pages' words.
    first, second = Page([Word("Stray", 60, 90, 60, 72)]), Page([])
    note(first, "*", 100, ["If the form is filed by more than one reporting person"])
    note(second, "**", 20, ["Intentional misstatements"])
    assert pdf_notes.footnote_rows([(first, 50.0, 1e9), (second, -1e9, 100.0)]) is None


def test_lines_no_number_is_centred_on_are_left_to_the_laid_out_text() -> None:
    page = Page([])
    note(page, "(1)", 100, ["One."])
    page.words.append(Word("stray", 60, 90, 117, 129))
    assert pdf_notes.footnote_rows([(page, 90.0, 300.0)]) is None


def test_a_line_ending_in_a_hyphen_goes_on_without_a_space() -> None:
    page = Page([])
    note(page, "(1)", 100, ["the worst-", "performing basket"])
    assert pdf_notes.footnote_rows([(page, 90.0, 300.0)]) == [["(1) the worst-performing basket"]]


def test_a_number_set_against_its_text_is_two_words() -> None:
    words = pdf._part_marks([Word("(1)stock.", 30, 75, 100, 112), Word("$0(2)", 100, 125, 100, 112)])
    assert [w.text for w in words] == ["(1)", "stock.", "$0(2)"]
    assert words[0].x1 == words[1].x0 == 45.0


def test_text_kept_past_the_paper_is_not_cut() -> None:
    kept = Page([Word("Within", 30, 60, 10, 20), Word("beyond", 900, 930, 10, 20)])
    assert pdf._kept_past_edge(Sheet(kept, 842.0, 30.0))
    assert [w.text for w in pdf._clip(Sheet(kept, 842.0, 30.0), 30.0, False).words] == ["Within", "beyond"]
    cut = Page([Word("Within", 30, 60, 10, 20), Word("edge", 800, 845, 10, 20)])
    assert not pdf._kept_past_edge(Sheet(cut, 842.0, 30.0))


def test_a_wrapped_signature_is_one_name_beside_its_date() -> None:
    page = Page([])

    def put(x: float, top: float, text: str) -> None:
        page.words.append(Word(text, x, x + 5 * len(text), top, top + 12))

    put(30, 100, "BVF Partners L.P., By: /s/ Mark N. Lampert")
    put(400, 100, "06/22/2020")
    put(30, 116, "**Signature of Reporting Person")
    put(400, 116, "Date")
    put(30, 140, "Biotechnology Value Fund, L.P., By: BVF")
    put(400, 147, "06/22/2020")  # centred beside the two lines of the name
    put(30, 154, "Partners L.P., its investment manager")
    put(30, 170, "**")
    put(40, 176, "Signature of Reporting Person")
    put(400, 176, "Date")
    assert pdf_notes.signature_rows([(page, 90.0, 200.0)]) == [
        ["BVF Partners L.P., By: /s/ Mark N. Lampert", "06/22/2020"],
        ["**Signature of Reporting Person", "Date"],
        ["Biotechnology Value Fund, L.P., By: BVF Partners L.P., its investment manager", "06/22/2020"],
        ["**Signature of Reporting Person", "Date"],
    ]
    put(30, 190, "An unsigned line")  # a name without its date and caption: the page does not tell
    assert pdf_notes.signature_rows([(page, 90.0, 210.0)]) is None


def test_a_note_cut_by_the_page_break_with_its_number_on_its_first_line() -> None:
    # chromium does not centre the number of a note whose row the page break splits: it sets it on
    # the note's first line, and the note's part runs down to the page's foot.
    first, second = Page([]), Page([])
    note(first, "(1)", 400, ["One, on this page,"])
    for k, text in enumerate(("which runs", "over the break")):
        first.words.append(Word(text, 60, 130, 400 + (k + 1) * PITCH, 412 + (k + 1) * PITCH))
    for k, text in enumerate(("and on", "the next page.")):
        second.words.append(Word(text, 60, 130, 20 + k * PITCH, 32 + k * PITCH))
    note(second, "(2)", 20 + 2 * PITCH + 5, ["Two."])
    assert pdf_notes.footnote_rows([(first, 390.0, 1e9), (second, -1e9, 200.0)]) == [
        ["(1) One, on this page, which runs over the break and on the next page."],
        ["(2) Two."],
    ]


def test_the_padding_between_notes_parts_them_where_the_centres_fit_two_ways() -> None:
    # Notes of three lines, each number centred on its middle line, the cells padded (5 points more
    # between two notes than between a note's lines), one note cut by the page break with its number
    # on its first line: dealt by centres alone, the lines also fit every note shifted by two lines.
    pad = 5.0
    first, second = Page([]), Page([])
    top = 400.0
    note(first, "(1)", top, ["1a", "1b", "1c"])
    top += 3 * PITCH + pad
    note(first, "(2)", top, ["2a"])
    top += PITCH + pad
    for k, text in enumerate(("3a", "3b")):
        first.words.append(Word(text, 60, 70, top + k * PITCH, top + k * PITCH + 12))
    first.words.append(Word("(3)", 30, 45, top, top + 12))
    top = 20.0
    second.words.append(Word("3c", 60, 70, top, top + 12))
    top += PITCH + pad
    for n in range(4, 9):
        note(second, f"({n})", top, [f"{n}a", f"{n}b", f"{n}c"])
        top += 3 * PITCH + pad
    assert pdf_notes.footnote_rows([(first, 390.0, 1e9), (second, -1e9, 1e9)]) == [
        ["(1) 1a 1b 1c"],
        ["(2) 2a"],
        ["(3) 3a 3b 3c"],
        *([f"({n}) {n}a {n}b {n}c"] for n in range(4, 9)),
    ]


def test_dates_and_captions_the_paper_edge_touched_still_part_the_signatures() -> None:
    # A long signature widens the page: its dates and "Date" captions stand at the paper's edge and
    # are marked cut; whole all the same (a date has no longer form), they still pair each name.
    page = Page([])

    def put(x: float, top: float, text: str) -> None:
        page.words.append(Word(text, x, x + 5 * len(text), top, top + 12))

    put(30, 100, "/s/ Felix J. Baker")
    put(774, 100, "05/18/2020" + CLIPPED)
    put(30, 116, "**Signature of Reporting Person")
    put(789, 116, "Date" + CLIPPED)
    assert pdf_notes.signature_rows([(page, 90.0, 200.0)]) == [
        ["/s/ Felix J. Baker", "05/18/2020"],
        ["**Signature of Reporting Person", "Date"],
    ]
    put(30, 140, "/s/ Julian C. " + CLIPPED)  # a name cut by the edge keeps its mark
    put(774, 140, "05/18/2020")
    put(30, 156, "**Signature of Reporting Person")
    put(789, 156, "Date")
    assert pdf_notes.signature_rows([(page, 90.0, 200.0)])[2][0].endswith(CLIPPED)  # type: ignore[index]
