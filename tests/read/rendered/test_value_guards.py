"""Values a page shows cut short (value_guards.py; tables.LOST, set by the Markdown front end): a
converter that dropped a cell's next line, or a remark cut at the paper's edge, leaves a value that is
listed missing, never read as the whole. Pages of PDF-to-Markdown converters (held out: pymupdf4llm)."""

from __future__ import annotations

from section16 import parse
from section16.model import Filing, Footnote, NonDerivativeHolding, Value
from section16.read.rendered.markdown import markdown_to_doc
from section16.read.rendered.tables import LOST
from section16.read.rendered.value_guards import blank_lost_rows, check_dangling, dangles

from .conftest import PAGES, misses, reference


def test_dangling_words() -> None:
    for cut in ("by", "BY", 'Newlight Harbour Point SPV ("SPV") an', "Due to a 30 line item limitation in", "FBO"):
        assert dangles(cut), cut
    # Texts the corpus holds that end otherwise: a name's initial, a class letter, a closing word.
    for whole in ("by Trust", "BELL JAMES A", "Common Stock Class A", "Exhibit 24 - Power of Attorney", "", None):
        assert not dangles(whole), whole


def test_a_nature_whose_cell_lost_its_line_is_said_missing() -> None:
    # pymupdf4llm draws the last row's nature as "by<br>" and puts its "ESOP" into the "Reminder:"
    # row under the table: the row was read with the nature "by". The row is listed missing (its
    # cell's next line stands apart); the rows above are read.
    name = "0001123292-20-000425"
    page = (PAGES / f"{name}.pymupdf4llm.md").read_text()
    assert "|by<br>|" in page
    got = parse(PAGES / f"{name}.pymupdf4llm.md")
    expected = reference(name)
    assert "non_derivative_holdings[0]" in got.missing
    assert got.non_derivative_holdings[0].nature_of_ownership == Value()
    assert any("stands apart" in n.message for n in got.notes)
    shares = [r.shares for r in got.non_derivative_transactions]
    assert shares == [r.shares for r in expected.non_derivative_transactions]
    assert misses(expected, got) == []


def test_a_price_whose_mark_went_below_the_table_is_said_missing() -> None:
    # The 30th row's price "$ 1,162.888<br>" lost its "(32)" to the "Reminder:" row: its mark was read
    # as none. That row is listed missing; the 29 rows above stay read, marks and all.
    name = "0000899243-21-045947"
    got = parse(PAGES / f"{name}.pymupdf4llm.md")
    expected = reference(name)
    assert "non_derivative_transactions[29]" in got.missing
    assert got.non_derivative_transactions[29].price_per_share == Value()
    prices = [r.price_per_share for r in got.non_derivative_transactions[:29]]
    assert prices == [r.price_per_share for r in expected.non_derivative_transactions[:29]]
    assert misses(expected, got) == []


def test_a_cell_ending_in_a_break_inside_the_table_is_kept() -> None:
    # A cell ending in a line break whose row is followed by another row of the table is not marked:
    # only a line that left the table is lost.
    page = (PAGES / "0001123292-20-000425.pymupdf4llm.md").read_text()
    # (The cell keeps its "ESOP", which then no longer stands at the end of the "Reminder:" row.)
    kept = page.replace("|by<br>|", "|by<br>ESOP|").replace("|ESOP<br>1474 (9-02)|", "|1474 (9-02)|")
    assert kept.count("ESOP") == page.count("ESOP")
    assert not any(LOST in c for row in markdown_to_doc(kept) for c in row)
    marked = [c for row in markdown_to_doc(page) for c in row if LOST in c]
    assert len(marked) == 1


def test_remarks_cut_after_an_article_are_said_missing() -> None:
    # The remarks' line runs past the paper and pymupdf4llm keeps what the paper shows: "... controls
    # Newlight Harbour Point SPV ("SPV") an". No page note is cut here to tell the paper's edge, but no
    # text ends in "an": the remarks are listed missing, not read.
    name = "0000899243-20-021530"
    got = parse(PAGES / f"{name}.pymupdf4llm.md")
    assert got.remarks is None and "remarks" in got.missing
    assert misses(reference(name), got) == []


def test_check_dangling_lists_each_field() -> None:
    row = NonDerivativeHolding(
        security_title=Value("Common Stock"),
        coding=None,
        shares_owned_after=Value(None),
        value_owned_after=Value(None),
        direct_indirect=Value("I"),
        nature_of_ownership=Value("by", ("F1",)),
    )
    filing = Filing(
        document_type="3",
        period_of_report=None,
        issuer=reference("0001123292-20-000425").issuer,
        reporting_owners=(),
        non_derivative_holdings=(row,),
        footnotes=(Footnote("F1", "Held in a trust for the benefit of"), Footnote("F2", "Held by the ESOP.")),
        remarks="See Exhibit 24.",
    )
    got = check_dangling(filing)
    assert got.non_derivative_holdings[0].nature_of_ownership == Value(None, ("F1",))
    assert [f.id for f in got.footnotes] == ["F2"]
    assert got.remarks == "See Exhibit 24."
    assert set(got.missing) == {"non_derivative_holdings[0].nature_of_ownership", "footnotes[F1]"}
    assert check_dangling(got) is got  # (nothing left to say: the same filing)
    assert blank_lost_rows(filing, []) is filing


def test_dangles_is_the_pattern_searched_at_the_end() -> None:
    # dangles matches the last word whole (not the pattern searched for at every white space of a
    # long footnote): the same answer as that search, Unicode white space and case folds included.
    import random
    import re

    searched = re.compile(
        r"(?:^|\s)(?:by|of|for|through|and|or|the|an|to|in|via|with|FBO|f/b/o|at|from|under)\s*$", re.IGNORECASE
    )
    pieces = [*"abyofrthinwvFBOND/ .,x\t\n\r\x0b\x0c\x1c\x85\xa0\u2003\u3000İıſK", "by", "Of", "FBO", "f/b/o", "under"]
    rng = random.Random(16)
    for _ in range(50_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert dangles(text) == (searched.search(text) is not None), repr(text)


def test_a_footnote_number_without_brackets_after_a_nature_is_said_missing() -> None:
    # pymupdf4llm prints one row's nature "Trust<br>15": the mark's brackets dropped, "15" read as
    # the nature's words ("Trust 15") and its mark lost. A title or nature ending in a footnote's
    # number alone is listed missing; a number that is no footnote's stays text.
    def holding(nature: str) -> NonDerivativeHolding:
        return NonDerivativeHolding(
            security_title=Value("Class A Common Stock"),
            coding=None,
            shares_owned_after=Value(None),
            value_owned_after=Value(None),
            direct_indirect=Value("I"),
            nature_of_ownership=Value(nature),
        )

    notes = tuple(Footnote(f"F{k}", "The shares are held by a trust.") for k in range(1, 16))
    filing = Filing(
        document_type="4",
        period_of_report=None,
        issuer=reference("0001123292-20-000425").issuer,
        reporting_owners=(),
        non_derivative_holdings=(holding("Trust 15"), holding("Trust 16"), holding("Trust")),
        footnotes=notes,
    )
    got = check_dangling(filing)
    assert [h.nature_of_ownership.value for h in got.non_derivative_holdings] == [None, "Trust 16", "Trust"]
    assert got.missing == ("non_derivative_holdings[0].nature_of_ownership",)
    assert "brackets" in got.notes[0].message


def test_an_amount_run_into_the_next_word_is_said_missing() -> None:
    # pymupdf4llm dropped the space in two of three rows: "Common Stock, $0.0001par value".
    got = parse(PAGES / "0000921895-20-001838.pymupdf4llm.md")
    titles = [h.security_title.value for h in got.non_derivative_holdings]
    assert titles == ["Common Stock, $0.0001 par value", None, None]
    assert {"non_derivative_holdings[1].security_title", "non_derivative_holdings[2].security_title"} <= set(
        got.missing
    )


def test_a_title_opening_with_a_natures_words_is_said_missing_with_the_nature() -> None:
    # pymupdf4llm ran the nature's first line into the title's cell: "By Estate Class A Common Stock"
    # beside the nature "Planning Vehicles". No title of the corpus opens with "By" or "Held by".
    name = "0001441816-24-000128"
    got = parse(PAGES / f"{name}.pymupdf4llm.md")
    holding = got.non_derivative_holdings[0]
    assert holding.security_title.value is None and holding.nature_of_ownership.value is None
    assert {"non_derivative_holdings[0].security_title", "non_derivative_holdings[0].nature_of_ownership"} <= set(
        got.missing
    )
    wrong = [m for m in misses(reference(name), got) if m[0].startswith("non_derivative") and m[0] not in got.missing]
    assert not [m for m in wrong if "title" in m[0] or "nature" in m[0]], wrong
