"""The boxes above Table I: their labels found as the printed forms of every era spell them."""

from __future__ import annotations

import pytest

from section16 import parse
from section16.read.rendered import boxes
from section16.read.rendered.boxes import _LABEL_RE, LABELS, _labels, read_form_type, segments

from .conftest import PAGES

#: Each label as the forms print it (SEC stylesheets, older EDGAR pages, pre-2003 text).
PRINTED = {
    "name": ["1. Name and Address of Reporting Person *"],
    "issuer": ["2. Issuer Name and Ticker or Trading Symbol", "2. Issuer Name Ticker"],
    "foreign": ["2a. Foreign Trading Symbol", "FOREIGN TRADING SYMBOL"],
    "irs": ["3. I.R.S. Identification Number of Reporting Person, if an entity (voluntary)",
            "IRS Identification Number"],
    "period": ["3. Date of Earliest Transaction (Month/Day/Year)", "Statement for Issuer's Fiscal Year Ended",
               "2. Date of Event Requiring Statement", "4. Statement for Month/Year"],
    "amend": ["4. If Amendment, Date Original Filed", "If Amendment, Date of Original (Month/Year)"],
    "rel": ["5. Relationship of Reporting Person(s) to Issuer", "RELATIONSHIP OF REPORTING PERSON TO ISSUER"],
    "joint": ["6. Individual or Joint/Group Filing", "Individual or Joint/Group Reporting"],
    "last": ["(Last)"],
    "street": ["(Street)"],
    "city": ["(City)"],
    "country": ["(Country)"],
}  # fmt: skip


def test_every_label_is_found_in_each_printed_spelling() -> None:
    assert set(PRINTED) == set(LABELS)
    for key, spellings in PRINTED.items():
        for text in spellings:
            for variant in (text, text.upper(), text.lower()):
                assert key in segments(f"x\n{variant}\nvalue\n"), variant


def test_labels_as_the_case_insensitive_pattern_finds_them() -> None:
    # Lower-cased text and str.find starts must give exactly the matches of _LABEL_RE, overlaps included
    # (the I.R.S. label runs to the end of its line and hides a label printed after it there).
    text = "\n".join(s for spellings in PRINTED.values() for s in spellings)
    text += "\nI.R.S. Identification Number (voluntary) 4. Statement for Month/Year"
    text += "\nNAME AND ADDRESS of reporting person"
    want = [(m.start(), m.end(), m.lastgroup) for m in _LABEL_RE.finditer(text)]
    assert [(m.start(), m.end(), m.lastgroup) for m in _labels(text)] == want
    assert len(want) > len(PRINTED)
    # A letter only the regex engine folds to ASCII ("ſ" is "s" to IGNORECASE, not to str.lower).
    folded = text.replace("Issuer Name", "Iſſuer Name")
    assert [m.lastgroup for m in _labels(folded)] == [m.lastgroup for m in _LABEL_RE.finditer(folded)]
    assert "issuer" in segments("2. Iſſuer Name and Ticker or Trading Symbol\nACME [ACM]\n")


def test_an_issuer_box_without_its_ticker_brackets_is_not_read() -> None:
    # Every design prints "NAME [TICKER]": without it the box's text ran into others' (lynx -dump).
    h = boxes.read_header(
        "2. Issuer Name and Ticker or Trading Symbol\nADVANCED MICRO DEVICES INC 2485 AUGUSTINE DRIVE 01/15/2024"
    )
    assert h.issuer_name is None and h.ticker is None
    assert [w for w, _m, _t in h.notes] == ["issuer"]
    h = boxes.read_header("2. Issuer Name and Ticker or Trading Symbol\nADVANCED MICRO DEVICES INC [AMD]")
    assert (h.issuer_name, h.ticker) == ("ADVANCED MICRO DEVICES INC", "AMD")


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP", "5"),
        ("Annual\x1cStatement of changes in\tbeneficial\n\nOWNERSHIP OF SECURITIES", "5"),
        ("INITIAL STATEMENT OF\r\nBENEFICIAL OWNERSHIP", "3"),
        ("STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES", "4"),
        ("Statement of Changes in Beneficial Ownership \u2013 Form 4", "4"),  # (not ASCII: the slow path)
        ("STATEMENT OF\u2003CHANGES IN BENEFICIAL OWNERSHIP", "4"),  # an em space is white space too
        ("SEC FORM 5 / A", "5"),
        ("form 3", "3"),
        ("STATEMENTOF CHANGES IN BENEFICIAL OWNERSHIP", None),
        ("no title here", None),
    ],
)
def test_read_form_type_by_title_or_number(text: str, form: str | None) -> None:
    assert read_form_type(text) == form


@pytest.mark.parametrize(
    "chunk",
    [
        "ONE COCA-COLA PLAZA3.",
        "NEW YORK\n4 .  ",
        "Director 12a.\n",
        "x 123.",
        "(Street)\n5.",
        "7.",
        " 3.",
        "MAIN ST.",
        "a\u20032.",
    ],
)
def test_next_box_number_cut_from_a_segments_end(chunk: str) -> None:
    # The pattern tried only near the final dot cuts what it cuts tried from the start.
    assert boxes._without_next_number(chunk) == boxes._NUMBER_PREFIX_RE.sub("", chunk)


def test_issuer_lines_that_may_start_with_box_one_name_are_not_read_as_the_issuer() -> None:
    # pdftotext without -layout prints box 1's and box 2's captions, then "SOLOMON DAVID M", then
    # "GOLDMAN SACHS GROUP INC" / "[GS]": the issuer read "SOLOMON DAVID M GOLDMAN SACHS GROUP INC".
    # With box 1's name not under its caption, the issuer's lines may start with it: not read, said
    # so; the ticker, which stands in its brackets, is.
    got = parse(PAGES / "0001693709-26-000009.pdftotext-raw.txt")
    assert got.issuer.name is None and got.issuer.trading_symbol == "GS"
    assert "issuer.name" in got.missing and "issuer.trading_symbol" not in got.missing
    assert any(n.where == "issuer" and "box 1's name" in n.message for n in got.notes)


# Broken pages (bench/rendered_damage.py): a box whose text is not ended by what ends it is not read.


def test_box_fives_title_with_no_last_caption_after_it_is_not_read() -> None:
    # html2text with box 1's "(Last) (First) (Middle)" caption row gone: box 5's title would run on
    # into the street ("Executive Vice President 100 ABBOTT PARK ROAD").
    page = (PAGES / "0001179110-20-002915.html2text.md").read_text()
    caption = "| (Last) | (First) | (Middle)  \n---|---|---  \n"
    assert parse(page.encode()).reporting_owners[0].relationship.officer_title == "Executive Vice President"
    got = parse(page.replace(caption, "").encode())
    assert got.reporting_owners[0].relationship.officer_title is None
    assert "reporting_owners[0].relationship.officer_title" in got.missing


def test_box_ones_name_with_no_last_caption_under_it_is_not_read() -> None:
    # w3m: the caption line under the name gone, the name's lines run on into the street's.
    page = (PAGES / "0000080424-26-000034.w3m-dump.txt").read_text()
    lines = page.split("\n")
    k = next(i for i, ln in enumerate(lines) if "(Last)" in ln)
    assert parse(page.encode()).reporting_owners[0].name == "Portman Robert Jones"
    got = parse("\n".join(lines[:k] + lines[k + 1 :]).encode())
    assert got.reporting_owners[0].name is None and "reporting_owners[0].name" in got.missing


def test_box_fives_marks_in_the_issuers_name_leave_it_unread() -> None:
    # html2text with box 5's first line of marks moved above the issuer's line (two lines swapped).
    page = (PAGES / "0000002488-24-000005.html2text.md").read_text()
    lines = page.split("\n")
    k = next(i for i, ln in enumerate(lines) if ln.startswith("ADVANCED MICRO DEVICES INC [AMD]"))
    assert lines[k + 1].startswith("(Check all applicable)")
    lines[k], lines[k + 1] = lines[k + 1], lines[k]
    assert parse(page.encode()).issuer.name == "ADVANCED MICRO DEVICES INC"
    got = parse("\n".join(lines).encode())
    assert got.issuer.name is None and "issuer.name" in got.missing and got.issuer.trading_symbol == "AMD"


def test_a_title_holding_officer_moved_above_box_fives_marks_leaves_them_unread() -> None:
    # "Officer" in a title moved above the marks' line (two lines swapped) would be taken for box 5's
    # label, and the Officer's mark for Other's: the box is said unreadable instead.
    page = (PAGES / "0001179110-20-002915.html2text.md").read_text()
    page = page.replace("Executive Vice President", "Chief Officer")
    marks, title = "__X__ Officer (give title below) | _____ Other (specify below)  \n", "Chief Officer  \n"
    assert boxes.read_relationship("_____ Director _____ 10% Owner Chief Officer " + marks) == (None, None)
    assert parse(page.encode()).reporting_owners[0].relationship.is_officer is True
    got = parse(page.replace(marks + title, title + marks).encode())
    assert got.reporting_owners[0].relationship.is_other is False
    assert "reporting_owners[0].relationship" in got.missing


def test_the_form_told_by_its_date_box_where_no_name_or_title_says_it() -> None:
    # trafilatura (held out) drops the form's name and title as page furniture: the date box only one
    # form prints tells it (box 3 of Form 4 and 5, box 2 of Form 3).
    assert boxes.form_by_date_box("3. Date of Earliest Transaction (Month/Day/Year) 05/12/2023") == "4"
    assert boxes.form_by_date_box("3. Statement for Issuer's Fiscal Year Ended (Month/Day/Year)") == "5"
    assert boxes.form_by_date_box("2. Date of Event Requiring Statement (Month/Day/Year)") == "3"
    assert boxes.form_by_date_box("4. If Amendment, Date Original Filed") is None
    both = "Date of Earliest Transaction ... Date of Event Requiring Statement"
    assert boxes.form_by_date_box(both) is None
    # No date box either (trafilatura dropped the boxes): the form's SEC number under Table I.
    assert boxes.form_by_date_box("Reminder: Report on a separate line ...\nSEC 1474 (9-02)") == "4"
    assert boxes.form_by_date_box("SEC 1473 (7-02)") == "3" and boxes.form_by_date_box("SEC 2270 (9-02)") == "5"
    assert boxes.form_by_date_box("SEC 1474 (9-02) SEC 2270 (9-02)") is None
    assert boxes.form_by_date_box("3. Date of Event Requiring Statement SEC 1474 (9-02)") == "3"  # (the box first)
    # The check box Form 4 and Form 5 both print names no form.
    assert read_form_type("Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations") is None
    assert read_form_type("FORM 4\nCheck this box if no longer subject to Section 16. Form 4 or Form 5") == "4"
    for name, form in (("0000320121-23-000040", "4"), ("0001209191-20-009703", "5")):
        page = (PAGES / f"{name}.trafilatura.md").read_text()
        assert read_form_type(page.split("Table I")[0]) is None
        got = parse(page.encode())
        assert got.document_type == form
