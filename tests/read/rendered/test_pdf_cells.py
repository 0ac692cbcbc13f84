"""The boxes above Table I read cell by cell from the borders a PDF draws (pdf_cells.py)."""

from __future__ import annotations

from section16.read.rendered import pdf, pdf_cells
from section16.read.rendered.ruled import Page, Word

from .conftest import PAGES


def box(page: Page, left: float, right: float, top: float, bottom: float) -> None:
    page.h.extend([(top, left, right), (bottom, left, right)])
    page.v.extend([(left, top, bottom), (right, top, bottom)])


def line(page: Page, x: float, top: float, text: str, height: float = 10.0) -> None:
    """Words of one printed line from x, 5 points a character, one space between words."""
    for word in text.split(" "):
        page.words.append(Word(word, x, x + 5 * len(word), top, top + height))
        x += 5 * len(word) + 3


def form(page: Page) -> None:
    """Box 1 and box 2 side by side, box 3 under box 2; Table I's title, then its heading below."""
    box(page, 10, 200, 100, 150)
    box(page, 200, 420, 100, 130)
    box(page, 200, 420, 130, 150)
    box(page, 10, 420, 150, 170)
    box(page, 10, 420, 170, 200)
    line(page, 12, 102, "1. Name and Address of Reporting")
    line(page, 12, 114, "Person")  # box 2's label wraps differently: its lines fall between box 1's
    line(page, 12, 128, "Sacks David O")
    line(page, 202, 104, "2. Issuer Name and Ticker or Trading")
    line(page, 202, 116, "Symbol Bird Global, Inc. [BRDS]")
    line(page, 202, 134, "3. Date of Earliest Transaction 02/25/2022")
    line(page, 12, 155, "Table I - Non-Derivative Securities")
    line(page, 12, 180, "1.Title of Security")


def test_each_box_is_read_whole_in_its_strip() -> None:
    page = Page([])
    form(page)
    assert pdf_cells.header_rows([(page, 90.0, 190.0)], "Table I") == [
        ["1. Name and Address of Reporting"],
        ["Person"],
        ["Sacks David O"],
        ["2. Issuer Name and Ticker or Trading"],
        ["Symbol Bird Global, Inc. [BRDS]"],
        ["3. Date of Earliest Transaction 02/25/2022"],
    ]


def test_text_over_a_border_or_outside_every_box_is_left_to_the_laid_out_text() -> None:
    page = Page([])
    form(page)
    line(page, 150, 140, "OVERFLOWING NAME")  # runs over the border at x=200
    assert pdf_cells.header_rows([(page, 90.0, 190.0)], "Table I") is None
    page = Page([])
    form(page)
    line(page, 440, 110, "outside")
    assert pdf_cells.header_rows([(page, 90.0, 190.0)], "Table I") is None


def test_an_underline_is_not_a_border_and_a_raised_mark_stays_on_its_line() -> None:
    page = Page([])
    form(page)
    page.h.append((126.0, 40, 70))  # a link's underline inside box 1
    page.words.append(Word("*", 45, 49, 111, 118))  # the "*" after "Person", raised
    rows = pdf_cells.header_rows([(page, 90.0, 190.0)], "Table I")
    assert rows is not None and rows[:3] == [["1. Name and Address of Reporting"], ["Person *"], ["Sacks David O"]]


def test_check_boxes_two_to_a_line_and_a_label_wrapped_inside_its_parenthesis() -> None:
    page = Page([])
    box(page, 10, 300, 100, 160)
    box(page, 10, 300, 160, 180)
    line(page, 12, 102, "_____ Director")
    line(page, 150, 102, "_____ 10% Owner")
    line(page, 12, 116, "__X__ Officer (give")
    line(page, 106, 116, "_____ Other (specify")  # near the label before it: the underscores part them
    line(page, 12, 130, "title below)")
    line(page, 112, 130, "below)")
    line(page, 12, 144, "CEO")
    line(page, 12, 164, "Table I - Non-Derivative Securities")
    assert pdf_cells.header_rows([(page, 90.0, 185.0)], "Table I") == [
        ["_____ Director"],
        ["_____ 10% Owner"],
        ["__X__ Officer (give title below)"],
        ["_____ Other (specify below)"],
        ["CEO"],
    ]


def test_a_box_cut_by_the_page_break_goes_on_in_its_strip() -> None:
    first, second = Page([]), Page([])
    # Box 1 runs off the foot of the first page (no border there) and on at the top of the next.
    first.h.append((100, 10, 200))
    first.v.extend([(10, 100, 500), (200, 100, 500)])
    line(first, 12, 102, "1. Name and Address of Reporting Person")
    line(first, 12, 480, "Sacks David O")
    second.h.extend([(30, 10, 400), (50, 10, 400), (80, 10, 400)])
    second.v.extend([(10, 0, 80), (200, 0, 30), (400, 30, 80)])
    line(second, 12, 10, "(Last) (First) (Middle)")
    line(second, 12, 34, "Table I - Non-Derivative Securities")
    line(second, 12, 60, "1.Title of Security")
    assert pdf_cells.header_rows([(first, 90.0, 1e9), (second, -1e9, 75.0)], "Table I") == [
        ["1. Name and Address of Reporting Person"],
        ["Sacks David O"],
        ["(Last) (First) (Middle)"],
    ]


def test_weasyprint_page_boxes() -> None:
    """weasyprint wraps box 2's label as box 1's name stands beside it: read by cell, each is whole."""
    data = (PAGES / "0001861449-22-000013.weasyprint-pdf.pdf").read_bytes()
    doc = pdf.pdf_to_doc(data)
    flat = [row[0] for row in doc]
    name = flat.index("Sacks David O")
    assert flat[name - 2 : name + 1] == ["1. Name and Address of Reporting", "Person *", "Sacks David O"]
    assert flat[flat.index("Symbol") + 1] == "Bird Global, Inc. [BRDS]"
    assert "__X__ Director" in flat


def test_check_boxes_centred_beside_a_wrapped_label_keep_their_order() -> None:
    """Form 3's box 4 (weasyprint): "10% Owner" wraps, so "Director" beside it stands half a line lower."""
    page = Page([])
    box(page, 10, 300, 100, 160)
    box(page, 10, 300, 160, 180)
    line(page, 150, 102, "_____ 10%")
    line(page, 12, 109, "__X__ Director")
    line(page, 150, 116, "Owner")
    line(page, 12, 130, "__X__ Officer")
    line(page, 150, 130, "_____ Other")
    line(page, 12, 144, "(give title below)")
    line(page, 150, 144, "(specify below)")
    line(page, 12, 164, "Table I - Non-Derivative Securities")
    assert pdf_cells.header_rows([(page, 90.0, 185.0)], "Table I") == [
        ["__X__ Director"],
        ["_____ 10% Owner"],
        ["__X__ Officer (give title below)"],
        ["_____ Other (specify below)"],
    ]


def test_small_captions_above_a_value_stay_above_it() -> None:
    """chromium prints "(Last) (First) (Middle)" small, over the street in the same box."""
    page = Page([])
    box(page, 10, 300, 100, 140)
    box(page, 10, 300, 140, 160)
    line(page, 60, 102, "(Last) (First) (Middle)", height=7.5)
    line(page, 12, 110, "2485 AUGUSTINE DRIVE")
    line(page, 12, 144, "Table I - Non-Derivative Securities")
    assert pdf_cells.header_rows([(page, 90.0, 165.0)], "Table I") == [
        ["(Last) (First) (Middle)"],
        ["2485 AUGUSTINE DRIVE"],
    ]


def test_a_wrapped_state_centred_beside_the_city_and_zip_is_one_phrase() -> None:
    page = Page([])
    box(page, 10, 300, 100, 150)
    box(page, 10, 300, 150, 170)
    line(page, 12, 102, "(Street)")
    line(page, 120, 116, "NORTH")
    line(page, 12, 123, "CHARLOTTE")
    line(page, 200, 123, "28255")
    line(page, 120, 130, "CAROLINA")
    line(page, 12, 154, "Table I - Non-Derivative Securities")
    assert pdf_cells.header_rows([(page, 90.0, 175.0)], "Table I") == [
        ["(Street)"],
        ["CHARLOTTE"],
        ["NORTH CAROLINA"],
        ["28255"],
    ]
