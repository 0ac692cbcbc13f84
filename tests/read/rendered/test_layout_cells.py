"""One laid-out row cut into cells (layout_cells.py) where its words stand far off their headings: the
cut its words' types and order allow, or, of several, one far nearer the columns than any other."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from section16 import parse
from section16.read.rendered import layout_cells, tables
from section16.read.rendered.layout_words import Tok

from .conftest import PAGES, at, misses, reference, shown, toks

COLS_T1 = tables.columns("4", 1)
# Table I's column starts as a heading gives them: title, date, deemed, code, V, amount, (A)/(D),
# price, after, D/I, nature.
STARTS = [0.0, 44.0, 61.0, 80.0, 92.0, 99.0, 108.0, 117.0, 126.0, 180.0, 192.0]
# A row of a later page mapped onto the heading's grid by its date and D or I only: the cells between
# stand up to 15 characters off their columns (too far for the cut by positions).
ROW = at((0, "Class A Common Stock"), (44, "02/28/2019"), (84, "C"), (101, "92,481"), (130, "A"), (142, "$ 0"),
         (153, "92,481"), (179, "I"), (184, "By Sequoia Capital"))  # fmt: skip


def test_a_row_far_off_its_headings_is_not_cut_by_positions() -> None:
    assert layout_cells.assign(toks(ROW), STARTS, COLS_T1) is None
    # Types and order alone allow two cuts: the one date is the transaction's or the deemed one.
    assert layout_cells.assign(toks(ROW), STARTS, COLS_T1, by_order=True) is None


def test_of_several_cuts_by_type_the_one_far_nearer_the_columns_is_taken() -> None:
    got = layout_cells.assign_placed(toks(ROW), STARTS, COLS_T1, by_order=True, margin=6.0)
    assert got is not None
    cells, placed = got
    row = dict(zip(COLS_T1, cells, strict=True))
    assert (row["date"], row["deemed"], row["code"], row["amount"], row["ad"], row["price"], row["after"]) == (
        "02/28/2019", "", "C", "92,481", "A", "$ 0", "92,481"
    )  # fmt: skip
    assert (row["di"], row["nature"]) == ("I", "By Sequoia Capital")
    # Each cell's words come with it (where the page prints its columns).
    assert [t.text for t in placed[COLS_T1.index("price")]] == ["$", "0"]


def test_a_lone_date_of_a_transaction_is_its_date_whatever_its_position() -> None:
    # The date at 64, in the deemed date's column (61-80): a row with a deemed date has its
    # transaction's date too, so a lone date is the transaction's.
    row = at((0, "Class A Common Stock"), (64, "02/28/2019"), (84, "C"), (101, "92,481"), (130, "A"), (142, "$ 0"),
             (153, "92,481"), (179, "I"))  # fmt: skip
    got = layout_cells.assign_placed(toks(row), STARTS, COLS_T1, by_order=True, margin=6.0)
    assert got is not None
    assert got[0][1:3] == ["02/28/2019", ""]


def test_a_lone_number_of_a_holding_is_the_amount_owned() -> None:
    # A holding (no date, no code) shows no amount acquired or disposed and no price: its one
    # number, wherever the page prints it, is the amount owned.
    row = at((0, "Class A Common Stock"), (100, "5,900,504"), (179, "D"))
    got = layout_cells.assign_placed(toks(row), STARTS, COLS_T1, by_order=True, margin=6.0)
    assert got is not None
    cells = dict(zip(COLS_T1, got[0], strict=True))
    assert (cells["amount"], cells["price"], cells["after"], cells["di"]) == ("", "", "5,900,504", "D")


def test_two_cuts_about_as_near_are_not_guessed() -> None:
    # Table II: a number on the line between the (A) and (D) columns (acquired or disposed?).
    cols = tables.columns("4", 2)
    starts = [0.0, 14.0, 26.0, 43.0, 62.0, 69.0, 73.0, 85.0, 95.0, 104.0, 120.0, 131.0, 141.0, 152.0, 170.0, 182.0]

    def row(x: int) -> list[Tok]:
        return toks(at((0, "Stock Option"), (16, "$ 46.92"), (30, "07/10/2020"), (62, "A"), (x, "643"),
                       (108, "07/09/2030"), (120, "Common Stock"), (136, "643"), (141, "$0"), (152, "643"),
                       (172, "D")))  # fmt: skip

    assert layout_cells.assign_placed(row(83), starts, cols, by_order=True, margin=5.0) is None
    # Well inside the (A) column, it is acquired: the nearest other cut is 5 to 6 characters farther.
    got = layout_cells.assign_placed(row(74), starts, cols, by_order=True, margin=5.0)
    assert got is not None
    assert dict(zip(cols, got[0], strict=True))["a"] == "643"
    assert layout_cells.assign_placed(row(74), starts, cols, by_order=True, margin=6.0) is None


def test_a_value_with_its_dollar_and_mark_stacked_is_not_a_titles_words() -> None:
    # pdftotext prints Table II's conversion price ("$" / "48.8935" / "(1)") between the lines of the
    # title ("2.0% / Convertible / Senior / Notes due / 2027"), in the title's column: the value is the
    # price's, not the title's words.
    got = parse(PAGES / "0001062993-22-021877.pdftotext-layout.txt")
    expected = reference("0001062993-22-021877")
    assert got.derivative_transactions[0].security_title.value == "2.0% Convertible Senior Notes due 2027"
    assert got.derivative_transactions[0].conversion_or_exercise_price.value == Decimal("48.8935")
    assert misses(expected, got) == []
    assert shown(expected, got) > 30


def test_a_mark_touching_two_values_goes_with_one() -> None:
    # pdftotext prints a price's "$" over its value and its "(5)" on the next page's first line,
    # where it touches both the price and the amount owned beside it: cut by types, the mark goes
    # with the value it reaches first (one cell holds one value), not bridging the two.
    lines = [
        at((0, "Common Stock"), (44, "05/07/2018"), (88, "P"), (102, "739"), (111, "A"), (120, "$"),
           (128, "33,651,930"), (180, "I")),
        at((118, "299.252")),
        at((125, "(5)")),
    ]  # fmt: skip
    words = [t for i, ln in enumerate(lines) for t in toks(ln, i)]
    units = [" ".join(t.text for t in u) for u in layout_cells._units(words, True)]
    assert units[-3:] == ["$ 299.252 (5)", "33,651,930", "I"]
    # By positions the two values stay joined (a row whose lines fit no cut is refused, not guessed).
    assert "$ 33,651,930 299.252 (5)" in [" ".join(t.text for t in u) for u in layout_cells._units(words)]


def test_a_row_whose_marks_touch_two_values_is_read_on_a_page_off_its_grid() -> None:
    got = parse(PAGES / "0001494730-18-000002.pdftotext-layout.txt")
    expected = reference("0001494730-18-000002")
    assert len(got.non_derivative_transactions) == len(expected.non_derivative_transactions) > 5
    assert got.non_derivative_transactions[4].price_per_share.value == Decimal("299.252")
    assert [m for m in misses(expected, got) if m[0].startswith("non_derivative")] == []


def test_a_cell_broken_at_a_slash_is_joined_without_a_space() -> None:
    # w3m breaks a cell's line at a "/" ("... Dtd 08/26/" over "1998 FBO", or "08/26" over "/1998").
    after = [*toks("Trust U/A Dtd 08/26/", 0), *toks("1998 FBO of", 1)]
    before = [*toks("Trust U/A Dtd 08/26", 0), *toks("/1998 FBO of", 1)]
    assert layout_cells._join(after) == layout_cells._join(before) == "Trust U/A Dtd 08/26/1998 FBO of"
    # A slash standing apart keeps its spaces.
    assert layout_cells._join([*toks("Officer /", 0), *toks("Other", 1)]) == "Officer / Other"


def test_a_footnote_mark_under_a_bare_number_is_its_own() -> None:
    # pdftotext, 0001628280-24-020385 (a later page moved to the heading's grid): the amount "500"
    # (no thousands to group) has its "(1)" on the line under it, and the (A)/(D) "D" stands right
    # of both. The mark is the amount's, not the D's.
    row = [
        Tok(0, 0, 20, "Class A Common Stock"), Tok(0, 44, 54, "05/01/2024"), Tok(0, 91, 92, "S"),
        Tok(0, 106, 109, "500"), Tok(0, 116, 117, "D"), Tok(1, 106, 109, "(1)"),
        Tok(0, 127, 128, "$"), Tok(1, 127, 134, "33.478"), Tok(1, 135, 141, "60,000"), Tok(1, 180, 181, "D"),
    ]  # fmt: skip
    got = layout_cells.assign(row, STARTS, COLS_T1)
    assert got is not None
    cells = dict(zip(COLS_T1, got, strict=True))
    assert (cells["amount"], cells["ad"], cells["price"], cells["after"]) == ("500 (1)", "D", "$ 33.478", "60,000")


def test_a_word_broken_after_a_question_mark_is_joined() -> None:
    # pdftotext, 0001127602-20-005231: the filer's "child?s" (an apostrophe lost) broken by the
    # browser after its "?"; a "?" before a lower-case word is no filing's free text.
    cell = [Tok(0, 68, 80, "Minor child?"), Tok(1, 68, 77, "s trust?s"), Tok(2, 68, 81, "proportionate")]
    assert layout_cells._join(cell) == "Minor child?s trust?s proportionate"
    assert layout_cells._join([Tok(0, 0, 9, "Held by A?"), Tok(1, 0, 8, "Trust B")]) == "Held by A? Trust B"


def test_a_mark_standing_apart_from_the_value_before_it_is_the_next_cells() -> None:
    # "1,429.00" ends at 148 and "(1)" stands at 162, under the price's heading a character off it:
    # a footnote mark follows its value one space after, so that "(1)" is the price's (a price
    # shown by its mark alone), not the amount of underlying shares'.
    assert layout_cells._mark_apart([Tok(1, 140, 148, "1,429.00"), Tok(1, 162, 165, "(1)")])
    assert not layout_cells._mark_apart([Tok(1, 140, 148, "1,429.00"), Tok(1, 149, 152, "(1)")])
    # A mark raised a line off the values is not weighed so: a layout sets a superscript up to six
    # characters off its value (pypdf: "17,130,000" and its "(2)" up-right); farther than 8, it is
    # not that value's either (test_layout_units.py).
    assert not layout_cells._mark_apart([Tok(1, 140, 148, "1,429.00"), Tok(2, 154, 157, "(1)")])
    name = "0000320193-20-000018"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    assert misses(reference(name), got) == []
    row = got.derivative_transactions[0]
    assert (row.underlying_shares.footnote_ids, row.price_per_share.footnote_ids) == ((), ("F1",))


def test_a_mark_a_line_above_one_space_after_a_value_joins_it() -> None:
    words = [Tok(1, 98, 101, "(2)"), Tok(2, 87, 97, "04/08/2018"), Tok(2, 102, 112, "04/08/2026")]
    units = [sorted(t.text for t in u) for u in layout_cells._units(words)]
    assert units == [["(2)", "04/08/2018"], ["04/08/2026"]]
    # Over another word, it is that word's: "(1)" over the start of "8,549", one space after "217.4669".
    words = [Tok(1, 128, 131, "(1)"), Tok(2, 119, 127, "217.4669"), Tok(2, 128, 133, "8,549")]
    units = [sorted(t.text for t in u) for u in layout_cells._units(words)]
    assert units == [["217.4669"], ["(1)", "8,549"]]


def test_a_mark_raised_wholly_left_of_a_value_is_not_its_cells() -> None:
    # "(12)" a line above and left of "04/04/2022": a mark follows its value, so it is the cell
    # before's (the exercise date, shown by its mark alone), not the expiration date's.
    assert layout_cells._mark_before_value([Tok(1, 74, 78, "(12)"), Tok(2, 81, 91, "04/04/2022")])
    assert not layout_cells._mark_before_value([Tok(1, 88, 92, "(12)"), Tok(2, 81, 91, "04/04/2022")])
    name = "doc4_ec3115af"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    assert misses(reference(name), got) == []
    for row in got.derivative_holdings:
        assert (row.exercise_date.footnote_ids, row.expiration_date.footnote_ids) == (("F12",), ())


def test_a_row_longer_than_any_the_form_prints_is_not_cut() -> None:
    # 150 values apart (the corpus's longest row: 348 words in 24 units): no cut is searched for, so
    # a hostile page cannot keep the cubic searches busy, and its table is said missing.
    row = at(*[(k * 12, f"{k + 1:,}") for k in range(150)])
    assert len(layout_cells._units(toks(row))) > layout_cells.MAX_ROW_UNITS
    assert layout_cells.assign(toks(row), STARTS, COLS_T1) is None
    assert layout_cells.assign(toks(row), STARTS, COLS_T1, by_order=True) is None
    assert layout_cells.typed_cuts(toks(row), STARTS, COLS_T1) is None
    words = " ".join(["Stock"] * (layout_cells.MAX_ROW_WORDS + 1))
    assert layout_cells.assign(toks(words), STARTS, COLS_T1) is None


def test_a_page_with_a_hostile_row_says_its_table_missing_and_reads_the_rest() -> None:
    name = "0000034088-26-000049"
    page = (PAGES / f"{name}.pdftotext-layout.txt").read_text()
    lines = page.split("\n")
    first_row = next(k for k, ln in enumerate(lines) if "Common Stock" in ln and "/" in ln)
    lines.insert(first_row, "Common Stock  D  " * 400)  # ran for minutes: its cuts were searched
    got = parse("\n".join(lines).encode())
    assert [m for m in misses(reference(name), got) if m[2] is not None] == []  # nothing read wrong
    assert got.issuer.name == reference(name).issuer.name


def _cuts_walked(
    toks_: list[Tok], starts: list[float], cols: tuple[str, ...], by_order: bool
) -> list[tuple[float, list[list[str]]]] | None:
    """The cuts by type as the first search found them: every cut whose cells fit walked in
    order, None past ``_MAX_CUTS`` of them (the table ``_typed_cuts`` counts them with instead)."""
    units, dist, far, dup = layout_cells._prepared(toks_, starts, cols, by_order)
    n, c_n = len(units), len(cols)
    found: list[tuple[float, list[int]]] = []
    ends: list[int] = []
    tried = 0

    def walk(c: int, j: int, cost: float) -> bool:
        nonlocal tried
        if c == c_n:
            if j < n:
                return True
            tried += 1
            filled = [e > b for b, e in zip([0, *ends[:-1]], ends, strict=True)]
            if "date" in cols:  # (a transaction's date cell of footnote marks alone shows no date)
                on = cols.index("date")
                start = ends[on - 1] if on else 0
                date_words = [t for u in units[start : ends[on]] for t in u]
                filled[on] = any(not layout_cells._MARK_RE.match(t.text) for t in date_words)
            if layout_cells._a_row(cols, filled):
                found.append((cost, list(ends)))
            return tried <= layout_cells._MAX_CUTS
        kind = cols[c]
        longest = n if kind in layout_cells._TEXT else layout_cells._MAX_TYPED_WORDS
        options = [j] if kind not in layout_cells._REQUIRED else []
        for i in range(j + 1, min(n, j + longest) + 1):
            if far[c][i - 1]:
                break
            if not dup[j][i - 1] and layout_cells._fits(kind, [t for u in units[j:i] for t in u]):
                options.append(i)
        for i in options:
            ends.append(i)
            going = walk(c + 1, i, cost + sum(dist[c][j:i]))
            ends.pop()
            if not going:
                return False
        return True

    if not walk(0, 0, 0.0):
        return None
    found.sort(key=lambda e: e[0])
    return [
        (cost, [[t.text for u in units[j:i] for t in u] for j, i in zip([0, *cut[:-1]], cut, strict=True)])
        for cost, cut in found
    ]


def test_cuts_by_type_are_every_cut_walked(monkeypatch: pytest.MonkeyPatch) -> None:
    # The search weighs a cell only where the rest of the row can follow it, asks each run of words
    # once per kind of column and counts the cuts before walking them: the same cuts, in the same
    # order, with the same distances as walking every cut (random rows of a Table I's words, by
    # position and by order; a small bound on the cuts so that rows over it are weighed too).
    rng = random.Random(3)
    # Each column's likely words (a row's cells in order, some left out, marks and "$" beside them).
    cells = [["Common Stock", "Class A Common Stock", "Stock (1)"], ["02/28/2019", "12/01/2020 (2)"],
             ["02/28/2019", ""], ["C", "S (1)", "P", "M"], ["V", ""], ["92,481", "1,000", "0 (2)"],
             ["A", "D"], ["$ 25.10", "$ 0", "(1)", "25.10 (2)"], ["92,481", "1,000", "0"], ["D", "I"],
             ["By Trust", "See footnote (1)", "(2)"]]  # fmt: skip
    monkeypatch.setattr(layout_cells, "_MAX_CUTS", 6)
    seen = {"none": 0, "many": 0}
    for _ in range(300):
        placed = []
        x = 0
        for options in cells:
            if rng.random() < 0.7:
                for word in rng.choice(options).split():
                    placed.append((x, word))
                    x += len(word) + rng.randint(1, 9)
            x += rng.randint(0, 9)
        row = toks(at(*placed))
        for by_order in (True, False):
            want = _cuts_walked(row, STARTS, COLS_T1, by_order)
            got = (layout_cells.typed_cuts if by_order else layout_cells.position_cuts)(row, STARTS, COLS_T1)
            assert (None if got is None else [(d, [[t.text for t in c] for c in cut]) for d, cut in got]) == want
            seen["none"] += want is None
            seen["many"] += want is not None and len(want) > 1
    assert seen["none"] > 20 and seen["many"] > 20  # (both bounds of the search are weighed)


def _only_cut_plain(
    units: list[list[Tok]], cols: tuple[str, ...], far: list[list[bool]], dup: list[list[bool]]
) -> list[list[str]] | None:
    """The one cut by type as first searched: every run of words asked ``_fits`` for every column."""
    n, c_n = len(units), len(cols)
    ways = [[0] * (n + 1) for _ in range(c_n + 1)]
    back = [[0] * (n + 1) for _ in range(c_n + 1)]
    ways[0][0] = 1
    for c, kind in enumerate(cols):
        longest = n if kind in layout_cells._TEXT else layout_cells._MAX_TYPED_WORDS
        for j in range(n + 1):
            w = ways[c][j]
            if not w:
                continue
            if kind not in layout_cells._REQUIRED:
                ways[c + 1][j] = min(2, ways[c + 1][j] + w)
                back[c + 1][j] = j
            for i in range(j + 1, min(n, j + longest) + 1):
                if far[c][i - 1]:
                    break
                if dup[j][i - 1] or not layout_cells._fits(kind, [t for u in units[j:i] for t in u]):
                    continue
                ways[c + 1][i] = min(2, ways[c + 1][i] + w)
                back[c + 1][i] = j
    if ways[c_n][n] != 1:
        return None
    return layout_cells._traced(back, units, c_n, n)[0]


def test_the_only_cut_is_the_one_every_run_asked_finds() -> None:
    # _only_cut asks a run once per kind of column, not past a character the column never holds, and
    # keeps what it found for _typed_cuts: the same answer as asking every run for every column.
    rng = random.Random(7)
    cells = [["Common Stock", "Class A Common Stock", "Stock (1)"], ["02/28/2019", "12/01/2020 (2)"],
             ["02/28/2019", ""], ["C", "S (1)", "P", "M"], ["V", ""], ["92,481", "1,000", "0 (2)"],
             ["A", "D"], ["$ 25.10", "$ 0", "(1)", "25.10 (2)"], ["92,481", "1,000", "0"], ["D", "I"],
             ["By Trust", "See footnote (1)", "(2)"]]  # fmt: skip
    seen = {"one": 0, "none": 0}
    for _ in range(1200):
        words = [w for options in cells if rng.random() < 0.7 for w in rng.choice(options).split()]
        row = toks(at(*[(8 * k, w) for k, w in enumerate(words)]))
        units, _dist, far, dup = layout_cells._prepared(row, STARTS, COLS_T1, True)
        want = _only_cut_plain(units, COLS_T1, far, dup)
        assert layout_cells._only_cut(units, COLS_T1, far, dup)[0] == want
        seen["one" if want is not None else "none"] += 1
    assert seen["one"] > 30 and seen["none"] > 30  # (both ways met)


def test_cells_are_checked_alike_under_every_column_of_one_kind() -> None:
    # _Fits checks a number column's cell as an amount's and a date column's as a date's (one memo
    # entry whichever column asks): check_cell reads them alike.
    texts = ["92,481", "$ 25.10", "0 (2)", "(1)", "", "02/28/2019", "12/01/2020 (2)", "A", "1.5.2", "-", "$",
             "2019-02-28", "1,000.00 (1)(2)", "Common Stock", "12/1/20", "0.00", "(3) 5"]  # fmt: skip
    for kind, checked_as in layout_cells._CHECKED_AS.items():
        for text in texts:
            assert tables.check_cell(kind, text) == tables.check_cell(checked_as, text), (kind, text)
