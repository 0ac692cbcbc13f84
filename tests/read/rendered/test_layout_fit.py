"""Which cuts of a laid-out row the form prints and the page shows (layout_fit.py)."""

from __future__ import annotations

from section16.read.rendered import layout_fit, tables
from section16.read.rendered.layout_words import Tok

COLS = tables.columns("4", 2)


def _row(line: int, amount: str, x0: int, column: str) -> list[list[Tok]]:
    cut: list[list[Tok]] = [[] for _ in COLS]
    cut[COLS.index("code")] = [Tok(line, 70, 71, "M")]
    cut[COLS.index(column)] = [Tok(line, x0, x0 + len(amount), amount)]
    return cut


def test_a_moved_number_printed_where_the_unmoved_rows_print_theirs_is_settled() -> None:
    # The heading page's row prints its amount at 87-92 under (D) (3 characters right of the line
    # between (A) and (D)), read there with no map. A moved page's number the map put in that very
    # place (its rows' amounts are the map's landmarks) is that column's too; one 3 characters off,
    # or where an unmoved row prints an (A) nearby, stays unsure.
    placed = {
        0: (0, _row(10, "1,987", 87, "d")),
        1: (1, _row(20, "2,072", 87, "d")),
        2: (1, _row(25, "2,845", 90, "d")),
    }
    unsure: dict[int, str | None] = {1: "2,072", 2: "2,845"}
    layout_fit.settle_where_unmoved_rows_print(unsure, placed, COLS)
    assert unsure == {1: None, 2: "2,845"}
    # An unmoved row printing an (A) amount within 3 characters: the place shows no one column.
    placed[3] = (0, _row(12, "1,500", 84, "a"))
    unsure = {1: "2,072", 2: None}
    layout_fit.settle_where_unmoved_rows_print(unsure, placed, COLS)
    assert unsure == {1: "2,072", 2: None}
    # Nothing unsure, nothing asked (Table I has no (A) and (D) columns).
    layout_fit.settle_where_unmoved_rows_print({}, {}, tables.columns("4", 1))
