"""Lines pandoc cut to fit a grid-table cell: joined only where one joining fits the table's columns."""

from __future__ import annotations

from section16.read.rendered.pandoc_unchop import is_rule, rule_pieces, touches_edge, unchop_table
from section16.read.rendered.pandoc_words import form_words, splits_label


def cell(*lines: str, width: int) -> list[str]:
    assert all(len(ln) <= width for ln in lines)
    return [ln.ljust(width) for ln in lines]


# A one-column table 55 wide in a cell 13 wide: each line cut from the right into pieces of 13, the
# first piece holding what is left (for the heading line a lone blank, printed as a blank line).
BOX_1 = cell(
    "  -", "-------------", "-------------", "-------------", "-------------",
    "", " 1\\. Name and", " Address of R", "eporting Pers", "on [^\\*^](#*)",
    "", "SMITH DARLA M",
    "  -", "-------------", "-------------", "-------------", "-------------",
    width=13,
)  # fmt: skip


def test_cut_one_column_table_is_joined() -> None:
    joined, sure = unchop_table(BOX_1, 13)
    assert sure
    assert [ln.strip() for ln in joined if ln.strip() and not is_rule(ln)] == [
        "1\\. Name and Address of Reporting Person [^\\*^](#*)",
        "SMITH DARLA M",
    ]
    assert len(joined[0]) == 55 and is_rule(joined[0])


def test_cut_inside_a_word_of_a_two_column_table_is_unsure() -> None:
    # "  C" + "hief Accounti" + "ng Officer": "Chief" or "C hief"? Both fit the columns.
    lines = cell(
        "  --------", "-------------", "-------------", "----- -------", "-------------", "-------------",
        "  C", "hief Accounti", "ng Officer",
        "  --------", "-------------", "-------------", "----- -------", "-------------", "-------------",
        width=13,
    )  # fmt: skip
    joined, sure = unchop_table(lines, 13)
    assert not sure
    assert joined[6:9] == ["  C", "hief Accounti", "ng Officer"]  # handed back as they were


def test_a_table_that_fits_is_left_alone() -> None:
    lines = cell("  ----- -----", "  a     b", "  ----- -----", width=13)
    assert unchop_table(lines, 13) == (lines, True)


def test_rule_pieces_and_edges() -> None:
    assert rule_pieces(BOX_1, 0, 13) == 5
    assert rule_pieces(cell("  -----", "  a", width=13), 0, 13) == 1
    assert touches_edge("SMITH DARLA M", 13)
    assert not touches_edge("SMITH DARLA  ", 13)
    assert not is_rule("  -- x") and not is_rule("   ") and is_rule("  -- ---")


def test_each_line_is_cut_where_its_length_says() -> None:
    # 0000002488-24-000005, box 5 (pandoc -t markdown, a 13-wide cell): a two-column table 75 wide.
    # pandoc pads every cell but the last, so a line ends where its last cell's text ends (or where
    # that column starts, when empty): "  Chief Accounting Officer" is 42 long, cut 3 + 13 + 13 + 13
    # (the last piece blank), and "  C" is its first piece, "C" + "hief" one word.
    rule = ["  --------", "-------------", "-------------", "----- -------", "-------------", "-------------"]
    lines = cell(
        *rule,
        "  \\_\\_\\_\\_", "\\_ Director", "", "      \\_\\_\\_\\", "_\\_ 10% Owner",
        "  \\_\\_\\_", "\\_\\_ Officer ", "(give title b", "elow)   \\_\\_X", "\\_\\_ Other (s", "pecify below)",
        "  C", "hief Accounti", "ng Officer", "",
        *rule,
        width=13,
    )  # fmt: skip
    joined, sure = unchop_table(lines, 13)
    assert sure
    assert joined[1:4] == [
        "  \\_\\_\\_\\_\\_ Director                     \\_\\_\\_\\_\\_ 10% Owner",
        "  \\_\\_\\_\\_\\_ Officer (give title below)   \\_\\_X\\_\\_ Other (specify below)",
        "  Chief Accounting Officer                ",
    ]


def test_a_cut_at_a_blank_keeps_one_blank() -> None:
    # 0000320193-19-000123, box 1: "  Adams" + " Katherine L.": the first piece's own blanks are hidden
    # by the cell's padding, but words in a cell are parted by one blank, so it had none.
    lines = cell(
        "  -", "-------------", "-------------", "-------------", "-------------",
        "", " 1\\. Name and", " Address of R", "eporting Pers", "on [^\\*^](#*)",
        "  Adams", " Katherine L.",
        "  -", "-------------", "-------------", "-------------", "-------------",
        width=13,
    )  # fmt: skip
    joined, sure = unchop_table(lines, 13)
    assert sure
    assert joined[2] == "  Adams Katherine L."


def test_a_reading_that_parts_a_label_of_the_form_is_none() -> None:
    # 0000002488-24-000005, pandoc -t plain at 72 columns, box 1: the rule's first piece "  -------"
    # may end where a dash group does ("  ------- " + ...): then "1. Name" is a column of its own and
    # "SMITH DARLA M" sits in either. The form prints its label in one cell: one reading is left.
    lines = cell(
        "  -------", "-------------", "-------------", "-------------",
        "  1. Na", "me and Addres", "s of Reportin", "g Person ^(*)",
        "", "SMITH DARLA M",
        "  -------", "-------------", "-------------", "-------------",
        width=13,
    )  # fmt: skip
    joined, sure = unchop_table(lines, 13, form_words())  # ("Na" + "me": the form's "Name")
    assert sure
    assert joined == [
        "  ----------------------------------------------",
        "  1. Name and Address of Reporting Person ^(*)",
        "  SMITH DARLA M",
        "  ----------------------------------------------",
    ]
    assert splits_label(("1. Name", "and Address of Reporting Person ^(*)"))
    assert not splits_label(("1\\. Name and Address of Reporting Person", "SMITH"))
