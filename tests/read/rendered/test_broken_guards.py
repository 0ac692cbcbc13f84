"""Checks on a whole reading for what a broken page leaves behind (broken_guards), on real pages
damaged as bench/rendered_damage.py damages them."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from section16 import parse
from section16.model import Footnote
from section16.read.rendered.broken_guards import (
    check_lost_notes,
    check_owner_lines,
    check_ruled_texts,
    check_shifted_rows,
    check_signature_cities,
    check_unended_tables,
)
from section16.read.rendered.compare import _is_missing

from .conftest import PAGES, html_of, misses, reference


def test_a_footnote_whose_number_is_lost_takes_the_one_before_it_along() -> None:
    # The HTML page with footnote (3)'s number gone: its text reads as the end of footnote 2's, so the
    # mark (3) names a footnote the page no longer holds; both are said missing.
    html = html_of("0000002488-24-000005")
    number = '<b>(<a name="#F3"></a>3)</b>'
    assert number in html
    whole = parse(html.encode())
    assert {fn.id for fn in whole.footnotes} >= {"F2", "F3"}
    got = parse(html.replace(number, "").encode())
    assert {"footnotes[F2]", "footnotes[F3]"} <= set(got.missing)
    assert not {fn.id for fn in got.footnotes} & {"F2", "F3"}
    assert {fn.id: fn.text for fn in got.footnotes}["F1"] == {fn.id: fn.text for fn in whole.footnotes}["F1"]


def test_footnotes_all_read_are_left_alone() -> None:
    got = parse((PAGES / "0000002488-24-000005.html2text.md").read_bytes())
    assert check_lost_notes(got) is got
    # One taken away by hand: it and the one before are listed.
    fewer = dataclasses.replace(got, footnotes=tuple(fn for fn in got.footnotes if fn.id != "F2"))
    checked = check_lost_notes(fewer)
    assert {"footnotes[F1]", "footnotes[F2]"} <= set(checked.missing)
    assert [fn.id for fn in checked.footnotes] == [fn.id for fn in got.footnotes if fn.id not in ("F1", "F2")]


def test_a_text_run_on_into_a_tables_rule_is_not_read() -> None:
    # pandoc plain with box 1's label line gone: the signature and box 5's title ran on into the rules
    # of pandoc's tables ("------- -- ------ /s/ ..."); they are said missing, not read with the rule.
    page = (PAGES / "0000080424-26-000034.pandoc-plain.txt").read_text()
    lines = page.split("\n")
    k = next(i for i, ln in enumerate(lines) if "1. Name and Address of Reporting" in ln)
    got = parse("\n".join(lines[:k] + lines[k + 1 :]).encode())
    assert got.signatures[0].name is None and "signatures[0].name" in got.missing
    assert got.reporting_owners[0].relationship.officer_title is None
    assert "reporting_owners[0].relationship.officer_title" in got.missing
    assert parse(page.encode()).signatures[0].name == "/s/ Wednesday Shipp, attorney-in-fact for Robert Portman"


def test_a_rule_in_a_footnote_empties_it() -> None:
    got = parse((PAGES / "0000002488-24-000005.html2text.md").read_bytes())
    assert check_ruled_texts(got) is got
    ruled = dataclasses.replace(got, footnotes=(Footnote("F1", "Each RSU ------ ---- -----"), *got.footnotes[1:]))
    checked = check_ruled_texts(ruled)
    assert "footnotes[F1]" in checked.missing and "F1" not in {fn.id for fn in checked.footnotes}


def _td_before_first_d(html: str) -> str:
    """The HTML page with an empty cell inserted before Table I's first D (of the ownership form)."""
    t1 = html.index("Table I -")
    leaf = re.compile(r"<td\b[^>]*>((?:(?!<td\b|<table\b|<tr\b).)*?)</td>", re.S)
    cell = next(m for m in leaf.finditer(html, t1) if re.sub(r"<[^>]+>", "", m.group(1)).strip() == "D")
    return html[: cell.start()] + "<td></td>" + html[cell.start() :]


def test_a_row_whose_d_stands_in_its_nature_column_leaves_its_table_unread() -> None:
    # An empty cell before the ownership form moves the D into the nature column: every cell still
    # reads as its column's type, but no nature is a lone D, and the form column is empty.
    html = html_of("0000002488-24-000005")
    whole = parse(html.encode())
    assert whole.non_derivative_transactions[0].direct_indirect.value == "D"
    got = parse(_td_before_first_d(html).encode())
    assert got.non_derivative_transactions == () and got.non_derivative_holdings == ()
    assert {"non_derivative_transactions", "non_derivative_holdings"} <= set(got.missing)
    assert got.derivative_transactions == whole.derivative_transactions  # Table II is read as before
    assert check_shifted_rows(whole) is whole


def test_a_lost_footnote_takes_the_remarks_along() -> None:
    # The remarks follow the footnotes: a footnote's line moved after "Remarks:" runs on into them.
    got = parse((PAGES / "0000002488-24-000005.html2text.md").read_bytes())
    fewer = dataclasses.replace(got, remarks="Exhibit 24", footnotes=got.footnotes[:-1])
    checked = check_lost_notes(fewer)
    assert checked.remarks is None and "remarks" in checked.missing


def test_a_signature_holding_a_city_line_is_not_read() -> None:
    # w3m with the owners table's last line moved under "Signatures" (two lines swapped):
    # "WILLIAMSPORT PA 17701 /s/ Kimberly R. Yale, Attorney in Fact".
    got = parse((PAGES / "0000080424-26-000034.w3m-dump.txt").read_bytes())
    assert check_signature_cities(got) is got
    sig = got.signatures[0]
    moved = dataclasses.replace(got, signatures=(dataclasses.replace(sig, name=f"CINCINNATI OH 45202 {sig.name}"),))
    checked = check_signature_cities(moved)
    assert checked.signatures[0].name is None and checked.signatures[0].date == sig.date
    assert "signatures[0].name" in checked.missing


def test_co_owners_named_by_address_lines_are_not_read() -> None:
    # pandoc plain with "Officer" gone from the owners table's heading (a cell's words lost): the
    # table's lines are dealt line by line and co-owners are named "320 PARK AVENUE", "C/O NEWLIGHT
    # PARTNERS LP"; no co-owner is read, box 1's owner is.
    page = (PAGES / "0000899243-20-021530.pandoc-plain.txt").read_text()
    heading = next(ln for ln in page.split("\n") if "10% Owner" in ln and "Officer" in ln and "Director" in ln)
    whole = parse(page.encode())
    assert [o.name for o in whole.reporting_owners][:2] == ["Newlight Partners LP", "Newlight Harbour Point SPV LLC"]
    got = parse(page.replace(heading, heading.replace("Officer", "       ")).encode())
    assert got.reporting_owners[0].name == "Newlight Partners LP"
    assert all(o.name is None for o in got.reporting_owners[1:])
    assert {f"reporting_owners[{i}]" for i in range(1, len(got.reporting_owners))} <= set(got.missing)
    assert check_owner_lines(whole) is whole


def test_a_table_read_empty_while_a_note_has_no_mark_is_said_missing() -> None:
    # html2text's page with Table II's one row taken out (as trafilatura drops a table's rows as
    # boilerplate, keeping its headings and the notes): notes (2) and (3) are named by no mark left, so
    # Table II, read with no row, is said missing rather than given as empty.
    lines = (PAGES / "0000002488-24-000005.html2text.md").read_text().split("\n")
    row = next(i for i, ln in enumerate(lines) if ln.startswith("Restricted Stock Units  |  (2)"))
    whole = parse("\n".join(lines).encode())
    assert len(whole.derivative_transactions) == 1 and "derivative_transactions" not in whole.missing
    del lines[row]
    got = parse("\n".join(lines).encode())
    assert got.derivative_transactions == () and got.derivative_holdings == ()
    assert {"derivative_transactions", "derivative_holdings"} <= set(got.missing)
    assert any(n.where == "Table II" and "F2, F3" in n.message for n in got.notes)
    # Table I, read with its rows, is given as read.
    assert got.non_derivative_transactions == whole.non_derivative_transactions
    assert "non_derivative_transactions" not in got.missing


def _wrong(name: str, converter: str) -> list[tuple[str, object, object]]:
    """The fields the page's reading gives (not listed missing) and gives wrong."""
    got = parse((PAGES / f"{name}.{converter}.md").read_bytes())
    return [m for m in misses(reference(name), got) if not _is_missing(m[0], got.missing)]


def test_a_table_read_empty_where_the_explanation_heading_is_lost_is_said_missing() -> None:
    # trafilatura (held out), 0001062993-24-006553: its extraction drops Table II's row (Restricted
    # Stock Units) and the "Explanation of Responses:" heading every SEC page prints after the tables;
    # Table II, read with no row, is said missing rather than given as empty.
    name = "0001062993-24-006553"
    got = parse((PAGES / f"{name}.trafilatura.md").read_bytes())
    assert len(reference(name).derivative_transactions) == 1
    assert got.derivative_transactions == () and "footnotes" in got.missing
    assert {"derivative_transactions", "derivative_holdings"} <= set(got.missing)
    # (Its notes named by no mark read say so first: check_unmarked_notes; without them, this check.)
    assert any(n.where == "Table II" and "rows" in n.message for n in got.notes)
    assert _wrong(name, "trafilatura") == []
    bare = dataclasses.replace(got, missing=tuple(m for m in got.missing if "derivative" not in m))
    assert {"derivative_transactions", "derivative_holdings"} <= set(check_unended_tables(bare).missing)
    # A page that keeps the heading is left alone (its empty table is empty).
    whole = parse((PAGES / "0000002488-24-000005.html2text.md").read_bytes())
    assert check_unended_tables(whole) is whole


def test_a_form_3s_no_securities_statement_is_said_missing_where_its_block_is_lost() -> None:
    # trafilatura, 0001127602-20-009851: a Form 3 that owns no securities; the page kept the boxes and
    # dropped the Explanation of Responses block with its "No securities are beneficially owned".
    name = "0001127602-20-009851"
    assert reference(name).no_securities_owned is True
    got = parse((PAGES / f"{name}.trafilatura.md").read_bytes())
    assert got.document_type == "3" and got.no_securities_owned is None
    assert "no_securities_owned" in got.missing
    assert any(n.where == "Table I" and "heading after the tables not found" in n.message for n in got.notes)
    assert _wrong(name, "trafilatura") == []


def test_a_price_read_as_the_value_owned_is_said_missing() -> None:
    # pdftotext -layout with a sale's amount owned (100,976) blanked: its price, "$" over "402.841",
    # was read as a value owned (a transaction's value owned, with no price: never in the corpus).
    page = (PAGES / "0000950170-25-003585.pdftotext-layout.txt").read_text()
    lines = page.split("\n")
    k = next(i for i, ln in enumerate(lines) if "402.841 100,976" in ln)
    a = lines[k].index("100,976")
    lines[k] = lines[k][:a] + " " * 7 + lines[k][a + 7 :]
    got = parse("\n".join(lines).encode())
    row = got.non_derivative_transactions[1]
    assert row.value_owned_after.value is None and row.price_per_share.value is None
    fields = ("value_owned_after", "shares_owned_after", "price_per_share")
    assert {f"non_derivative_transactions[1].{f}" for f in fields} <= set(got.missing)
    assert row.shares.value == 4424 and parse(page.encode()).non_derivative_transactions[1].price_per_share.value


def test_an_amount_read_as_the_value_owned_on_a_row_without_its_code_is_said_missing() -> None:
    # w3m's page with the sale's code cell taken out (the row's later cells one column left): the
    # price's "$" then stands over the amount owned, 100,976 read as a value owned.
    page = (PAGES / "0000950170-25-003585.w3m-dump.txt").read_text()
    lines = page.split("\n")
    k = next(i for i, ln in enumerate(lines) if "402.841 100,976" in ln)
    a = lines[k].index("S^(1)")
    b = lines[k].index("4,424")
    lines[k] = lines[k][:a] + lines[k][b:]
    got = parse("\n".join(lines).encode())
    row = got.non_derivative_transactions[1]
    assert row.value_owned_after.value is None and row.code is None
    assert "non_derivative_transactions[1].value_owned_after" in got.missing


def test_a_mark_alone_for_the_amount_owned_is_said_missing() -> None:
    # w3m's page with a sale's price and amount owned ("403.707 97,178") blanked: the price's "$"
    # over it and its mark "^(3)" under it were read as a value owned marked (3); whose the mark is,
    # the page no longer shows.
    page = (PAGES / "0000950170-25-003585.w3m-dump.txt").read_text()
    lines = page.split("\n")
    k = next(i for i, ln in enumerate(lines) if "403.707 97,178" in ln)
    a = lines[k].index("403.707 97,178")
    lines[k] = lines[k][:a] + " " * 14 + lines[k][a + 14 :]
    got = parse("\n".join(lines).encode())
    row = got.non_derivative_transactions[2]
    assert row.shares.value == Decimal(3798) and not row.value_owned_after.footnote_ids
    assert {f"non_derivative_transactions[2].{f}" for f in ("value_owned_after", "shares_owned_after")} <= set(
        got.missing
    )
