"""One word cut, or two words parted? Decided from the page's uncut words and the form's own."""

from __future__ import annotations

from section16.read.rendered.pandoc_words import cut_reading, form_words, vocabulary


def test_form_words_come_from_the_stylesheets() -> None:
    words = form_words()
    assert {"last", "first", "middle", "director", "issuer", "transaction"} <= words
    assert "qualys" not in words  # a filing's words are not the form's


def test_vocabulary_leaves_out_grid_lines() -> None:
    v = vocabulary(["Reporting Owner Name / Address", "| | hief Accounti |", "+-----+", "  Chief Accounting"])
    assert {"name", "address", "chief", "accounting"} <= v
    assert "hief" not in v and "accounti" not in v


def test_cut_reading() -> None:
    v = vocabulary(["Chief Accounting Officer", "Common Stock"])
    assert cut_reading("C", "hief", v) == "joined"  # "Chief" is a word of the page, "hief" is none
    assert cut_reading("Common", "Stock", v) == "split"  # two words of the page, "CommonStock" none
    assert cut_reading("(", "Last)", v) == "joined"  # a lone "(" is no word
    assert cut_reading("\\_\\_\\_\\_", "\\_", v) == "joined"  # a check box's line is one mark
    assert cut_reading("01/1", "5/2024", v) == "joined"  # a date by its shape
    assert cut_reading("47", "2", v) == "joined"  # two numbers in one cell: never
    assert cut_reading("\\$", "146.56", v) is None  # "$146.56" or "$ 146.56": the page does not say
    assert cut_reading("Xy", "zzy", v) is None  # unknown either way: not guessed


def test_a_word_of_the_form_outweighs_a_letter_of_the_page() -> None:
    # pandoc's plain text, box "Table I - Non-Derivative ...": "N" + "on-Derivative". The page's
    # "353 N. CLARK STREET" makes "n" a word of the page, but "Non-Derivative" is the form's label and
    # "N" none of the form's words: one word.
    v = vocabulary(["  353 N. CLARK STREET"])
    assert "n" in v
    assert cut_reading("N", "on-Derivative", v) == "joined"
    # Pieces that are both the form's words stay undecided ("Common" + "Stock" is two, by the page).
    assert cut_reading("In", "direct", form_words()) is None


def test_parts_of_a_word_joined_by_marks() -> None:
    # "Filed(Mon" + "th/Day/Year)": the form prints "Filed" and "(Month/Day/Year)" apart; joined, each
    # part is a word of the form.
    assert cut_reading("Filed(Mon", "th/Day/Year)\\", form_words()) == "joined"


def test_a_footnote_link_cut_is_one() -> None:
    # pandoc's Markdown links a footnote mark "[^(1)^](#F1)" and escapes any blank inside it: cut
    # after "[^", it is one. Two marks side by side may be one token or two: undecided.
    assert cut_reading("[^", "(1)^](#F1)", form_words()) == "joined"
    assert cut_reading("[^(1)^](#F1)", "[^(2)^](#F2)", form_words()) is None
