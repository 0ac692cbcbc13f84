"""Filings -> a :class:`~section16.store.chunks.Chunk`, built column by column: the load's fast path.

:func:`~section16.store.rows.filing_rows` builds a tuple per row and :func:`~section16.store.chunks.to_chunk`
transposes them; here every column is one list comprehension over all the rows of the chunk, which costs a
fraction as much per cell. The chunk is the same, cell for cell and in the same order (tests/store/test_columns.py
compares the two paths). Anything this path cannot convert raises; the caller then falls back to the row path,
which leaves out the one filing at fault and says why.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from operator import attrgetter, itemgetter
from typing import Any

import pyarrow as pa

from ..model import Filing
from .chunks import SCHEMAS, Chunk, supersedes, to_chunk_isolating
from .rows import (
    _ROW_FIELDS,
    FILING_TABLES,
    ROW_TABLES,
    FilingRows,
    _decimal_text,
    extras_json,
    filing_rows,
    normalize_cik,
    plain,
)

#: The message of a filing without an accession number (the row path's ValueError says the same).
NO_ACCESSION = "the filing has no accession number (neither a submission header nor a file name with one)"

_Exact = dict[str, str]
# What building a chunk column by column raises when a value does not fit its column.
_UNFIT = (pa.ArrowException, TypeError, ValueError, AttributeError, OverflowError)
# Per filing of the chunk: its field_footnotes rows.
_Links = list[tuple[str, str, int, str, str]]

_TABLE_NO = {t: i for i, t in enumerate(ROW_TABLES)}
# Where a cell's exact note goes in the row path's order: (table, field position, value 0 / footnotes 1).
_EXACT_ORDER: dict[str, dict[str, tuple[int, int, int]]] = {
    t: {
        key: (_TABLE_NO[t], k, sub) for k, (name, _) in enumerate(fields) for key, sub in ((name, 0), (f"{name}_fn", 1))
    }
    for t, fields in _ROW_FIELDS.items()
}
_ADDRESS = ("street1", "street2", "city", "state", "zip_code", "state_description", "non_us",
            "non_us_state_territory", "country", "good_address")  # fmt: skip
_RELATIONSHIP = ("is_director", "is_officer", "is_ten_percent_owner", "is_other", "officer_title", "other_text")


class _Column:
    """A column none of whose cells has a value: Arrow makes it without a Python list."""

    __slots__ = ("n",)

    def __init__(self, n: int) -> None:
        self.n = n


def _optional(objs: list[Any], name: str) -> list[Any]:
    """``obj.name`` of each object, None where the object is None."""
    get = attrgetter(name)
    return [None if o is None else get(o) for o in objs]


def _decimals(values: list[Any], table: str, name: str, rows: _Rows, exact: list[_Exact]) -> list[Any]:
    """Decimal values as the exact text the column takes (see ``rows._decimal_text``)."""
    texts = [None if d is None else str(d) for d in values]
    present = [s for s in texts if s is not None]
    if not present:
        return texts
    # Every text at most 13 characters and in plain notation: within 26 integer digits and 12 places, so
    # each is its own text for the column (the common case, checked for the whole column at once).
    if max(map(len, present)) <= 13:
        joined = "".join(present)
        if "E" not in joined and "N" not in joined and "I" not in joined:
            return texts
    return [
        None if d is None else _decimal_text(d, f"{table}/{rows.row_no[i]}/{name}", exact[rows.filing[i]])
        for i, d in enumerate(values)
    ]


class _Rows:
    """The rows of one table over the whole chunk: each row's accession, number and filing (index)."""

    __slots__ = ("accession", "filing", "items", "row_no")

    def __init__(self, accessions: list[str], groups: list[Sequence[Any]]) -> None:
        self.items: list[Any] = []
        self.accession: list[str] = []
        self.row_no: list[int] = []
        self.filing: list[int] = []
        for fi, (acc, group) in enumerate(zip(accessions, groups, strict=True)):
            n = len(group)
            if n:
                self.items.extend(group)
                self.accession.extend([acc] * n)
                self.row_no.extend(range(1, n + 1))
                self.filing.extend([fi] * n)


def _footnote_ids(
    cells: list[Any],
    hit: list[int],
    rows: _Rows,
    table: str,
    exact_key: str,
    link_field: str,
    exact: list[_Exact],
    cited: list[tuple[int, str, tuple[str, ...]]],
) -> list[str | None] | _Column:
    """The comma-list column of the footnote ids of ``cells`` (Values or Codings), of which those at
    ``hit`` have ids; each such cell is noted in ``cited`` as (row, field, ids)."""
    if not hit:
        return _Column(len(cells))
    out: list[str | None] = [None] * len(cells)
    for i in hit:
        x = cells[i].footnote_ids
        joined = out[i] = ",".join(x)
        if joined.count(",") != len(x) - 1:  # an id with a comma: a comma list cannot hold it
            exact[rows.filing[i]][f"{table}/{rows.row_no[i]}/{exact_key}"] = json.dumps(list(x))
        cited.append((i, link_field, x))
    return out


def _row_table(
    table: str, attr: str, filings: list[Filing], accessions: list[str], exact: list[_Exact], links: list[_Links]
) -> list[Any]:
    rows = _Rows(accessions, [getattr(f, attr) for f in filings])
    items = rows.items
    cited: list[tuple[int, str, tuple[str, ...]]] = []
    cols: list[Any] = [rows.accession, rows.row_no]
    for name, kind in _ROW_FIELDS[table]:
        if name == "coding":
            cs = [r.coding for r in items]
            cols.append([c is not None for c in cs])
            cols.append(_optional(cs, "form_type"))
            cols.append(_optional(cs, "code"))
            cols.append(_optional(cs, "equity_swap_involved"))
            hit = [i for i, c in enumerate(cs) if c is not None and c.footnote_ids]
            cols.append(_footnote_ids(cs, hit, rows, table, name, "transaction_coding", exact, cited))
            continue
        vs = list(map(attrgetter(name), items))
        values = [v.value for v in vs]
        if kind == "decimal":
            values = _decimals(values, table, name, rows, exact)
        cols.append(values)
        hit = [i for i, v in enumerate(vs) if v.footnote_ids]
        cols.append(_footnote_ids(vs, hit, rows, table, f"{name}_fn", name, exact, cited))
    # field_footnotes rows in the row path's order: by filing, then table, row, field (a stable sort by
    # row keeps the fields in order) and id.
    cited.sort(key=itemgetter(0))
    accs, nos, fis = rows.accession, rows.row_no, rows.filing
    for i, field, x in cited:
        add = links[fis[i]].append
        acc, n = accs[i], nos[i]
        for fid in x:
            add((acc, table, n, field, fid))
    return cols


def _exact_in_row_order(exact: _Exact) -> _Exact:
    """The exact notes ordered as the row path writes them (by table, row, field), so the JSON is the same."""

    def key(where: str) -> tuple[int, int, int, int]:
        table, row_no, field = where.split("/")
        t, k, sub = _EXACT_ORDER[table][field]
        return t, int(row_no), k, sub

    return {w: exact[w] for w in sorted(exact, key=key)}


def _arrow(table: str, cols: list[Any]) -> pa.Table:
    schema = SCHEMAS[table]
    arrays = [
        pa.nulls(c.n, f.type) if isinstance(c, _Column) else pa.array(c, type=f.type)
        for c, f in zip(cols, schema, strict=True)
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


def build_chunk(
    filings: Sequence[Filing], loaded_at: datetime, findings: Sequence[Sequence[Any] | None] | None = None
) -> Chunk:
    """The chunk of these filings (``findings[i]``: check findings to keep with filing i, or None).

    Of several copies of one accession the best is kept (:func:`~section16.store.chunks.supersedes`).
    Raises ValueError for a filing without an accession number, and ``pyarrow.ArrowException``,
    TypeError, ValueError or AttributeError when a value does not fit its column.
    """
    best: dict[str, int] = {}
    duplicates = 0
    for i, f in enumerate(filings):
        acc = f.accession_number
        if not acc:
            raise ValueError(NO_ACCESSION)
        j = best.get(acc)
        if j is None:
            best[acc] = i
            continue
        duplicates += 1
        old, new = filings[j].source, f.source
        if supersedes(new.format, new.parser_version, old.format, old.parser_version):
            best[acc] = i
    accs = list(best)
    kept = [filings[i] for i in best.values()]
    found = [findings[i] for i in best.values()] if findings is not None else [None] * len(kept)
    exact: list[_Exact] = [{} for _ in kept]
    links: list[_Links] = [[] for _ in kept]
    tables: dict[str, pa.Table] = {}

    # reporting_owners
    owners = _Rows(accs, [f.reporting_owners for f in kept])
    os_ = owners.items
    ciks = [normalize_cik(o.cik) for o in os_]
    subs = [f.submission for f in kept]
    file_numbers: list[dict[str | None, str | None]] = []
    for s in subs:
        numbers: dict[str | None, str | None] = {}
        if s is not None:
            for filer in s.reporting_owner_filers:
                numbers.setdefault(normalize_cik(filer.cik), filer.file_number)
        file_numbers.append(numbers)
    addresses = [o.address for o in os_]
    relationships = [o.relationship for o in os_]
    tables["reporting_owners"] = _arrow("reporting_owners", [
        owners.accession, owners.row_no, ciks, [o.cik for o in os_], [o.name for o in os_], [o.ccc for o in os_],
        [a is not None for a in addresses], *(_optional(addresses, k) for k in _ADDRESS),
        *([getattr(r, k) for r in relationships] for k in _RELATIONSHIP),
        [file_numbers[fi].get(c) for fi, c in zip(owners.filing, ciks, strict=True)],
    ])  # fmt: skip

    for table, attr in ROW_TABLES.items():
        tables[table] = _arrow(table, _row_table(table, attr, kept, accs, exact, links))

    notes = _Rows(accs, [f.footnotes for f in kept])
    tables["footnotes"] = _arrow("footnotes", [
        notes.accession, notes.row_no, [n.id for n in notes.items], [n.text for n in notes.items]
    ])  # fmt: skip
    link_rows = [row for rows in links for row in rows]
    tables["field_footnotes"] = _arrow("field_footnotes", [list(c) for c in zip(*link_rows, strict=True)]
                                       if link_rows else [[] for _ in range(5)])  # fmt: skip
    sigs = _Rows(accs, [f.signatures for f in kept])
    tables["signatures"] = _arrow("signatures", [
        sigs.accession, sigs.row_no, [s.name for s in sigs.items], [s.date for s in sigs.items]
    ])  # fmt: skip

    # filings: one row each, last because the exact notes of the other tables go into its extras.
    owner_ciks: list[str | None] = []
    start = 0
    for f in kept:
        end = start + len(f.reporting_owners)
        owner_ciks.append(",".join(sorted({c for c in ciks[start:end] if c is not None})) or None)
        start = end
    extras: list[str | None] = []
    for f, s, ex in zip(kept, subs, exact, strict=True):
        e: dict[str, Any] = {}
        if s is not None:
            e["submission"] = s
        for name in ("unknown", "notes", "missing"):
            value = getattr(f, name)
            if value:
                e[name] = value
        if ex:
            e["exact"] = _exact_in_row_order(ex)
        extras.append(extras_json(e) if e else None)
    issuers = [f.issuer for f in kept]
    sources = [f.source for f in kept]
    tables["filings"] = _arrow("filings", [
        accs, [f.document_type for f in kept], [f.form for f in kept], [f.is_amendment for f in kept],
        [f.schema_version for f in kept], [f.period_of_report for f in kept],
        [f.date_of_original_submission for f in kept], _optional(subs, "filing_date"),
        _optional(subs, "acceptance_datetime"), [normalize_cik(i.cik) for i in issuers], [i.cik for i in issuers],
        [i.name for i in issuers], [i.trading_symbol for i in issuers], [i.foreign_trading_symbol for i in issuers],
        [f.no_securities_owned for f in kept], [f.not_subject_to_section16 for f in kept],
        [f.form3_holdings_reported for f in kept], [f.form4_transactions_reported for f in kept],
        [f.aff10b5one for f in kept], [f.remarks for f in kept], [len(f.reporting_owners) for f in kept],
        owner_ciks, _Column(len(kept)), [s.path for s in sources], [s.format for s in sources],
        [s.parser_version for s in sources],
        [json.dumps(plain(list(x))) if x else None for x in found], extras, [loaded_at] * len(kept),
    ])  # fmt: skip
    meta = [(a, s.format, s.parser_version) for a, s in zip(accs, sources, strict=True)]
    return Chunk(meta, {t: tables[t] for t in FILING_TABLES}, duplicates)


def filings_chunk(
    parsed: Sequence[tuple[str, Filing, Sequence[Any] | None]], loaded_at: datetime
) -> tuple[Chunk, list[tuple[str, str]]]:
    """(name, filing, findings) -> one chunk, column by column; when a value does not fit, filing by filing
    through the row path, so only the filings at fault fail, each with its name (or accession) and why."""
    try:
        return build_chunk([f for _, f, _ in parsed], loaded_at, [x for _, _, x in parsed]), []
    except _UNFIT:
        pass
    rows: list[FilingRows] = []
    failed: list[tuple[str, str]] = []
    for name, filing, findings in parsed:
        try:
            rows.append(filing_rows(filing, loaded_at=loaded_at, findings=findings))
        except (ValueError, TypeError, AttributeError) as e:
            failed.append((name, str(e)))
    chunk, unfit = to_chunk_isolating(rows)
    return chunk, failed + unfit
