"""The column-by-column chunk builder gives the row path's chunk, cell for cell, on real filings and on
the odd values the row path treats specially; a value that fits no column fails its filing alone."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from section16 import parse
from section16.model import Coding, Filing, Value
from section16.store.chunks import Chunk, to_chunk
from section16.store.columns import NO_ACCESSION, build_chunk, filings_chunk
from section16.store.rows import filing_rows

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def _row_path(filings: list[Filing], findings: list[object] | None = None) -> Chunk:
    found = findings or [None] * len(filings)
    return to_chunk([filing_rows(f, loaded_at=NOW, findings=x) for f, x in zip(filings, found, strict=True)])  # type: ignore[arg-type]


def _assert_same(got: Chunk, want: Chunk) -> None:
    assert got.meta == want.meta
    assert got.duplicates == want.duplicates
    assert list(got.tables) == list(want.tables)
    for t, tb in want.tables.items():
        assert got.tables[t].schema == tb.schema, t
        assert got.tables[t].to_pylist() == tb.to_pylist(), t


def _with(f: Filing, acc: str, **changes: object) -> Filing:
    """The filing under another accession (its XML file name carries it) with some fields changed."""
    moved = dataclasses.replace(f, submission=None, **changes)  # type: ignore[arg-type]
    object.__setattr__(moved, "source", dataclasses.replace(f.source, path=f"{acc}.xml"))
    return moved


def test_same_chunk_as_the_row_path(fixture_filings: list[Filing]) -> None:
    # The fixtures hold a submission and its XML twin (one accession twice: the better copy is kept).
    assert len({f.accession_number for f in fixture_filings}) < len(fixture_filings)
    findings = [[{"code": "E1", "where": "x"}] if i % 3 == 0 else None for i in range(len(fixture_filings))]
    got = build_chunk(fixture_filings, NOW, findings)
    assert got.duplicates > 0 and got.tables["field_footnotes"].num_rows > 0
    _assert_same(got, _row_path(fixture_filings, findings))  # type: ignore[arg-type]
    _assert_same(build_chunk([], NOW), _row_path([]))


def test_odd_values_noted_exactly_as_the_row_path_does(fixture_filings: list[Filing]) -> None:
    base = next(f for f in fixture_filings if len(f.non_derivative_transactions) >= 2)
    t0, t1 = base.non_derivative_transactions[:2]
    odd = [
        _with(base, "0009999999-26-000001", non_derivative_transactions=(
            dataclasses.replace(t0, price_per_share=Value(Decimal("1.12345678901234567"), ("F1",)),
                                shares=Value(Decimal("1E+3")), shares_owned_after=Value(Decimal("NaN"))),
            dataclasses.replace(t1, value_owned_after=Value(Decimal("123456789012345678901234567890")),
                                coding=Coding("4", "P", False, ("F,1", "F2")),
                                security_title=Value("Common", ("A,B",))),
        )),
        _with(base, "0009999999-26-000002", non_derivative_transactions=(
            dataclasses.replace(t0, shares=Value(Decimal("-12345678901234.5"))),  # long, yet plain and exact
        )),
    ]  # fmt: skip
    got = build_chunk(odd, NOW)
    _assert_same(got, _row_path(odd))
    exact = json.loads(got.tables["filings"].column("extras")[0].as_py())["exact"]
    # 1E+3 is exactly 1000 (no note); the others cannot be held by their column: noted in field order.
    assert list(exact) == [
        "nonderiv_transactions/1/price_per_share",
        "nonderiv_transactions/1/shares_owned_after",
        "nonderiv_transactions/2/security_title_fn",
        "nonderiv_transactions/2/coding",
        "nonderiv_transactions/2/value_owned_after",
    ]
    assert exact["nonderiv_transactions/2/coding"] == '["F,1", "F2"]'
    links = got.tables["field_footnotes"].to_pylist()
    assert {"accession": "0009999999-26-000001", "table_name": "nonderiv_transactions", "row_no": 2,
            "field": "transaction_coding", "footnote_id": "F,1"} in links  # fmt: skip


def test_a_value_that_fits_no_column_fails_its_filing_alone(fixture_filings: list[Filing]) -> None:
    good = fixture_filings[:3]
    base = next(f for f in fixture_filings if f.non_derivative_transactions)
    t0 = base.non_derivative_transactions[0]
    not_a_date: Value[Any] = Value("not a date")
    bad = _with(base, "0009999999-26-000003",
                non_derivative_transactions=(dataclasses.replace(t0, transaction_date=not_a_date),))  # fmt: skip
    with pytest.raises((pa.ArrowException, TypeError, ValueError)):
        build_chunk([*good, bad], NOW)
    chunk, failed = filings_chunk([(f.source.path or "", f, None) for f in [*good, bad]], NOW)
    assert [a for a, _ in failed] == ["0009999999-26-000003"]
    assert {m[0] for m in chunk.meta} == {f.accession_number for f in good}


def test_no_accession_is_refused(fixture_filings: list[Filing]) -> None:
    nameless = dataclasses.replace(fixture_filings[0], submission=None)
    object.__setattr__(nameless, "source", dataclasses.replace(nameless.source, path="form4.xml"))
    with pytest.raises(ValueError, match="no accession number") as e:
        build_chunk([nameless], NOW)
    assert str(e.value) == NO_ACCESSION


def test_same_chunk_over_the_corpus(corpus: Path) -> None:
    paths = sorted((corpus / "txt").glob("*.txt")) + sorted((corpus / "xml").glob("*.xml"))
    filings = [f for f in (parse(p) for p in paths) if f.accession_number]
    for i in range(0, len(filings), 256):
        part = filings[i : i + 256]
        _assert_same(build_chunk(part, NOW), _row_path(part))
