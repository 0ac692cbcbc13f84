"""The parts below the tables (blocks.py): footnotes whose bounds the page does not settle."""

from __future__ import annotations

from section16 import parse
from section16.model import Footnote
from section16.read.rendered.blocks import date_amid_name, read_footnotes, unsure_breaks
from section16.read.rendered.cells import run_on

from .conftest import PAGES, misses, reference


def test_a_note_starting_in_a_small_letter_and_the_one_before_are_unsure() -> None:
    notes = [Footnote("F1", "Held by the trust. The Reporting Person is"), Footnote("F2", "a trustee of it.")]
    assert unsure_breaks(notes) == ["F1", "F2"]
    assert unsure_breaks([Footnote("F1", "One."), Footnote("F2", "Two."), Footnote("F3", "Three.")]) == []
    assert unsure_breaks([]) == []


def test_flowing_text_notes_numbered_beside_their_middle_line_are_said_missing() -> None:
    # pdftotext without -layout prints a note's number beside its middle line: "(2) a Director of ..."
    # follows the first line of note 2, which the reading would hang on note 1.
    name = "0001209191-18-023842"
    got = parse((PAGES / f"{name}.pdftotext-raw.txt").read_bytes())
    assert "footnotes[F1]" in got.missing and "footnotes[F2]" in got.missing
    assert not got.footnotes
    wrong = [m for m in misses(reference(name), got) if m[0].startswith("footnote") and m[1] is not None]
    assert all(m[2] is None for m in wrong), wrong  # each note is left out, none read wrong


def test_signature_dates_and_captions_are_no_unnumbered_notes() -> None:
    # pdfminer's flowing text puts the five owners' signature dates and "Date" captions under
    # "Explanation of Responses" of a filing that has no footnotes.
    name = "0000899243-20-021530"
    assert not reference(name).footnotes
    got = parse((PAGES / f"{name}.pdfminer-text.txt").read_bytes())
    assert got.footnotes == ()
    notes, numbered = read_footnotes([["08/05/2020"], ["Date"], ["Held in IRA"]])
    assert [n.text for n in notes] == ["Held in IRA"] and not numbered
    notes, numbered = read_footnotes([["(1) Vests on"], ["08/05/2020"]])
    assert [n.text for n in notes] == ["Vests on 08/05/2020"] and numbered


def test_a_line_broken_after_a_words_hyphen_goes_on_without_a_space() -> None:
    assert run_on("a Rule 10b5-", "1 plan") == "a Rule 10b5-1 plan"
    assert run_on("Held by the", "trust") == "Held by the trust"
    assert run_on("pursuant to a -", "plan") == "pursuant to a - plan"  # a dash, not a word's hyphen
    assert run_on("", "alone") == "alone"
    # A "?" between letters (a filer's curly apostrophe) is a break inside the word too.
    assert run_on("Minor child?", "s trust") == "Minor child?s trust"
    assert run_on("Is it held?", "Yes") == "Is it held? Yes"
    notes, _ = read_footnotes([["(1) The worst-"], ["performing stock."]])
    assert [n.text for n in notes] == ["The worst-performing stock."]
    # html2text wraps a note after "Coca-"; pdftotext -layout a remark after "10b5-".
    for page, field in [
        ("0000021344-26-000122.html2text.md", "footnote.F3"),
        ("0001046179-26-000290.html2text.md", "footnote.F4"),  # "worst-" within a paragraph
        ("0001209191-22-024552.pdftotext-layout.txt", "remarks"),
    ]:
        name = page.split(".")[0]
        got = parse((PAGES / page).read_bytes())
        assert not [m for m in misses(reference(name), got) if m[0] == field], page


def test_a_signature_wrapped_round_its_date_is_read_whole() -> None:
    # pdftotext -layout prints a long signature on two lines with its date, centred beside them, on
    # a line between ("... for Antonio" / "08/18/2020" / "Gracias, Chief Executive Officer"): all nine
    # signatures are read, none said missing.
    got = parse(PAGES / "0000899243-20-022867.pdftotext-layout.txt")
    expected = reference("0000899243-20-022867")
    assert len(got.signatures) == 9 and "signatures" not in got.missing
    assert [m for m in misses(expected, got) if m[0].startswith("signatures")] == []
    frags = ["Valor Equity Capital IV LLC, By: ... for Antonio", "08/18/2020", "Gracias, Chief Executive Officer", "**"]
    assert [(s.name, str(s.date)) for s in date_amid_name(frags)] == [
        ("Valor Equity Capital IV LLC, By: ... for Antonio Gracias, Chief Executive Officer", "2020-08-18")
    ]


def test_a_signature_wrapped_round_its_date_at_a_hyphen_is_not_read() -> None:
    # "Attorney-" / "in-fact" (one word) or "FF-" / "IIIP" (a word parted): the text does not tell.
    assert date_amid_name(["By: /s/ Stephanie Wisdo, Attorney-", "08/18/2020", "in-fact for Antonio Gracias"]) == []
    # A date at a line's end beside another, or none alone between the name's lines: not this layout.
    assert date_amid_name(["Jane Roe 08/18/2020", "08/18/2020", "John Roe"]) == []
    assert date_amid_name(["Jane Roe", "John Roe", "08/18/2020"]) == []
