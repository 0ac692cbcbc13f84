"""Which of a lynx row's cuts the blanks before its Table II amount allow (flowing_blanks): an empty
V, (A) or (D) cell prints a no-break space, a blank of its own, so the blanks before the amount tell
(A) from (D) where the words alone do not."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered import tables
from section16.read.rendered.compare import _is_missing
from section16.read.rendered.flowing_blanks import by_blanks
from section16.read.rendered.flowing_rows import cut_flowing

from .conftest import PAGES, misses, reference


def test_the_blanks_before_a_table_two_amount_tell_a_from_d() -> None:
    # lynx writes cells one blank apart; an empty V, (A) or (D) cell prints a no-break space (every SEC
    # stylesheet), a blank more each: "M     472" is V and (A) empty (472 under (D)), "M   472" V empty.
    cols = tables.T2_F4
    for line, side in (("M     472", "d"), ("M   472", "a"), ("M V   472", "d"), ("M V 472", "a")):
        text = f"Options $ 10 01/15/2024   {line} 01/15/2025 01/15/2030 Common Stock 472 $ 0 0 D"
        cuts = cut_flowing(text, cols)
        assert {cols[k] for cut in cuts for k in (6, 7) if cut[k]} == {"a", "d"}  # (the words alone: both)
        kept = by_blanks(text, cuts, cols)
        assert {cols[k] for cut in kept for k in (6, 7) if cut[k]} == {side}, line
    # Blanks no reading's count gives (a converter setting its own): every cut kept, none guessed.
    text = "Options $ 10 01/15/2024   M  472 01/15/2025 01/15/2030 Common Stock 472 $ 0 0 D"
    assert by_blanks(text, cut_flowing(text, cols), cols) == cut_flowing(text, cols)


def test_a_lynx_page_reads_its_amounts_side() -> None:
    # 0000002488-24-000005: "Restricted Stock Units ^(2) 01/15/2024   M     472   ^(3)   ^(3) ...":
    # 472 under (D), as the XML has it; nothing read wrong.
    name = "0000002488-24-000005"
    got = parse(PAGES / f"{name}.lynx-dump.txt")
    assert got.derivative_transactions[0].acquired_disposed.value == "D"
    assert [m for m in misses(reference(name), got) if not _is_missing(m[0], got.missing)] == []
