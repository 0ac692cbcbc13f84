"""Checks on a whole reading for what a broken page (a line, a box or a number lost) leaves behind,
applied to every rendered format's reading (``bench/rendered_damage.py`` damages pages so).

A footnote mark whose footnote was not read: EDGAR takes no filing whose marks name a footnote it does
not hold, so the page lost that footnote's number (or its lines). Its text may then have run on into
the footnote printed before it (a footnote's lines are read up to the next number), so that one is
not read either, nor the remarks (where the page's lines moved the footnote after them): all are
listed missing rather than one given with the other's words.

A text holding a table's rule (runs of dashes parted by spaces, as pandoc's plain text rules its
tables): a line that ended the text (a caption, a heading) was lost and the text ran on into the
rule. No filer's text in the corpus holds a run of six dashes; the text is listed missing.

A signature holding a city line's "ST 12345" (no signature of the corpus does): the owners table's
last line ran into it where a line moved; the name is listed missing.

A co-owner whose name is an owner's address line ("320 PARK AVENUE", "C/O NEWLIGHT PARTNERS LP"), or
reads as one (no filer's name in the corpus opens with "C/O" or a street number and a street word): the
owners table's lines were dealt to the wrong owners (its heading lost a label, a line of it moved), so
no co-owner is read (box 1's owner, read from the boxes, stays).

A row whose nature of ownership is a lone "D" or "I" and whose ownership form (D or I) is empty: an
empty cell came in before the ownership form's column and moved the row's last cells one column
right (no nature in the corpus is so short). The table's rows are not given, and said missing.

A footnote named by no mark read (and no table or row cell said missing), and a table read with no
row: the rows that carried its mark were lost (trafilatura drops a table's rows as boilerplate and
keeps its headings and the notes); the empty table is said missing, not given as empty.

A transaction's amount owned read as a value ("$66.35") with no price or no code read: the row lost
a cell or gained one, and the price's "$" (or the price) stands in the amount owned's column; the
amount owned and the price are said missing (a value owned on a transaction is all but unknown).

The "Explanation of Responses" heading not found (every SEC page prints it after the tables): the page
lost blocks of the printed form, so a table read with no row may have lost its rows, and a Form 3's
"No securities are beneficially owned" (printed under that heading) may be lost: both said missing.
"""

from __future__ import annotations

import dataclasses
import re

from ...model import Filing, Note, ReportingOwner, Value
from .cells import ROW_FIELDS

#: A table's rule: runs of dashes parted by spaces ("------- ---- -----"), or one long run.
_RULE_RE = re.compile(r"-{5,}\s+-{2,}|-{20,}")


_NAMES: dict[type, tuple[str, ...]] = {}  # a row class's field names, found once


def _names(cls: type) -> tuple[str, ...]:
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _marks(filing: Filing) -> set[str]:
    """Every footnote id the rows' values and codings carry (the page prints marks in the tables)."""
    out: set[str] = set()
    for kind in ROW_FIELDS:
        for row in getattr(filing, kind):
            for name in _names(type(row)):
                ids = getattr(getattr(row, name), "footnote_ids", None)
                if ids:
                    out.update(ids)
    return out


def _number(fid: str) -> int | None:
    return int(fid[1:]) if fid[:1] == "F" and fid[1:].isdigit() else None


def check_lost_notes(filing: Filing) -> Filing:
    """The reading with each footnote a mark names but that was not read (nor said missing) listed
    missing, and the footnote read just before it (which may hold its text) emptied and listed too."""
    if "footnotes" in filing.missing:
        return filing
    used = _marks(filing)
    read = {fn.id for fn in filing.footnotes}
    lost = sorted(
        (f for f in used - read if f"footnotes[{f}]" not in filing.missing and _number(f) is not None),
        key=lambda f: _number(f) or 0,
    )
    if not lost:
        return filing
    missing = [f"footnotes[{f}]" for f in lost]
    notes = [Note(f"footnotes[{f}]", "a mark names it but the page's footnotes do not hold it") for f in lost]
    before: set[str] = set()
    for f in lost:
        n = _number(f) or 0
        earlier = [fn.id for fn in filing.footnotes if (_number(fn.id) or n) < n]
        if earlier:
            before.add(max(earlier, key=lambda g: _number(g) or 0))
    for f in sorted(before):
        missing.append(f"footnotes[{f}]")
        notes.append(Note(f"footnotes[{f}]", "the footnote after it is lost: its text may run on into this one"))
    after: set[str] = set()
    if filing.source.format == "text":
        # Laid-out text sets a note's number beside its lines' middle, and the reader takes the lines
        # around each number: a lost number's lines are dealt to the notes after it too, each giving
        # its first lines to the one before (pdftotext -layout: "(1)" and its first line dropped), up
        # to a note the reader found unsettled itself (the lines after it are dealt from there).
        numbered = {_number(fn.id) or 0: fn.id for fn in filing.footnotes}
        for n in range(min(_number(f) or 0 for f in lost) + 1, max(numbered, default=0) + 1):
            if f"footnotes[F{n}]" in filing.missing:
                break
            if n in numbered and numbered[n] not in before:
                after.add(numbered[n])
        for f in sorted(after, key=lambda g: _number(g) or 0):
            missing.append(f"footnotes[{f}]")
            notes.append(Note(f"footnotes[{f}]", "a footnote before it is lost: its lines may be dealt to this one"))
    before |= after
    remarks = filing.remarks
    if remarks is not None:  # (or into the remarks, where the page's lines moved it after them)
        missing.append("remarks")
        notes.append(Note("remarks", "a footnote is lost: its text may run on into the remarks"))
        remarks = None
    return dataclasses.replace(
        filing,
        remarks=remarks,
        footnotes=tuple(fn for fn in filing.footnotes if fn.id not in before),
        missing=tuple(dict.fromkeys([*filing.missing, *missing])),
        notes=(*filing.notes, *notes),
    )


def _ruled(obj: object, path: str, missing: list[str]) -> object:
    """``obj`` with every text holding a table's rule emptied, its path added to ``missing``."""
    if isinstance(obj, str):
        if _RULE_RE.search(obj):
            missing.append(path)
            return None
        return obj
    if isinstance(obj, tuple):
        return tuple(_ruled(x, f"{path}[{i}]", missing) for i, x in enumerate(obj))
    if isinstance(obj, Value):
        if isinstance(obj.value, str) and _RULE_RE.search(obj.value):
            missing.append(path)
            return dataclasses.replace(obj, value=None, footnote_ids=())
        return obj
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {}
        for f in dataclasses.fields(obj):
            old = getattr(obj, f.name)
            new = _ruled(old, f"{path}.{f.name}" if path else f.name, missing)
            if new is not old:
                changes[f.name] = new
        return dataclasses.replace(obj, **changes) if changes else obj
    return obj


_RULE_WHY = "a table's rule in the text: it ran on past its end; not read"
_NOT_WALKED = ("footnotes", "notes", "missing", "source", "unknown")


def _texts(filing: Filing) -> list[str]:
    """The reading's free texts (where a text ran on into a rule), found at once before the walk."""
    out = [filing.remarks or "", filing.issuer.name or "", *(fn.text for fn in filing.footnotes)]
    out.extend(s.name or "" for s in filing.signatures)
    for o in filing.reporting_owners:
        out.append(o.name or "")
        if o.address is not None:
            out.extend((o.address.street1 or "", o.address.street2 or "", o.address.city or ""))
        if o.relationship is not None:
            out.extend((o.relationship.officer_title or "", o.relationship.other_text or ""))
    for kind in ROW_FIELDS:
        for row in getattr(filing, kind):
            for name in ("security_title", "underlying_title", "nature_of_ownership"):
                v = getattr(row, name, None)
                if v is not None and isinstance(v.value, str):
                    out.append(v.value)
    return out


def check_ruled_texts(filing: Filing) -> Filing:
    """The reading with each text that holds a table's rule listed missing and emptied."""
    if "-----" not in "\n".join(_texts(filing)):  # (the walk below only where a rule may be)
        return filing
    missing: list[str] = []
    changes = {
        f.name: _ruled(getattr(filing, f.name), f.name, missing)
        for f in dataclasses.fields(filing)
        if f.name not in _NOT_WALKED
    }
    lost = [fn.id for fn in filing.footnotes if _RULE_RE.search(fn.text)]
    missing.extend(f"footnotes[{f}]" for f in lost)
    if not missing:
        return filing
    return dataclasses.replace(
        filing,
        **{k: v for k, v in changes.items() if v is not getattr(filing, k)},  # type: ignore[arg-type]
        footnotes=tuple(fn for fn in filing.footnotes if fn.id not in lost),
        missing=tuple(dict.fromkeys([*filing.missing, *missing])),
        notes=(*filing.notes, *(Note(m, _RULE_WHY) for m in missing)),
    )


_TABLES = (
    ("Table I", ("non_derivative_transactions", "non_derivative_holdings")),
    ("Table II", ("derivative_transactions", "derivative_holdings")),
)


def check_shifted_rows(filing: Filing) -> Filing:
    """The reading with a table left unread where a row's D or I stands in its nature column."""
    changes: dict[str, tuple[object, ...]] = {}
    missing: list[str] = []
    notes: list[Note] = []
    for where, kinds in _TABLES:
        rows = [r for k in kinds for r in getattr(filing, k)]
        if any(r.nature_of_ownership.value in ("D", "I") and r.direct_indirect.value is None for r in rows):
            changes.update({k: () for k in kinds})
            missing.extend(kinds)
            notes.append(Note(where, "rows not read: a row's D or I stands in its nature column (columns shifted)"))
    if not changes:
        return filing
    return dataclasses.replace(
        filing,
        **changes,  # type: ignore[arg-type]
        missing=tuple(dict.fromkeys([*filing.missing, *missing])),
        notes=(*filing.notes, *notes),
    )


#: A state code and a postal code, as a city line ends: "WILLIAMSPORT PA 17701".
_CITY_END_RE = re.compile(r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b")


def check_signature_cities(filing: Filing) -> Filing:
    """The reading with each signature name that holds a city line's state and zip listed missing."""
    bad = [i for i, s in enumerate(filing.signatures) if s.name and _CITY_END_RE.search(s.name)]
    if not bad:
        return filing
    return dataclasses.replace(
        filing,
        signatures=tuple(dataclasses.replace(s, name=None) if i in bad else s for i, s in enumerate(filing.signatures)),
        missing=tuple(dict.fromkeys([*filing.missing, *(f"signatures[{i}].name" for i in bad)])),
        notes=(
            *filing.notes,
            *(Note(f"signatures[{i}].name", "a city line's state and zip in it; not read") for i in bad),
        ),
    )


#: A name that is an address line: "C/O ..." or a street number and a street word ("4747 EXECUTIVE DRIVE").
_ADDRESS_LINE_RE = re.compile(
    r"C/O\b|\d+\s.*\b(?:STREET|AVENUE|DRIVE|ROAD|BOULEVARD|BLVD|WAY|LANE|PLAZA|PARKWAY|PKWY|SUITE|FLOOR)\b",
    re.IGNORECASE,
)


def check_owner_lines(filing: Filing) -> Filing:
    """The reading with its co-owners left unread where one's name is an owner's address line."""
    owners = filing.reporting_owners
    lines = {
        " ".join(t.split())
        for o in owners
        if o.address is not None
        for t in (o.address.street1, o.address.street2, o.address.city, f"{o.address.street1} {o.address.street2}")
        if t
    }
    if len(owners) < 2 or not any(
        o.name and (" ".join(o.name.split()) in lines or _ADDRESS_LINE_RE.match(o.name)) for o in owners[1:]
    ):
        return filing
    where = [f"reporting_owners[{i}]" for i in range(1, len(owners))]
    return dataclasses.replace(
        filing,
        reporting_owners=(owners[0], *(ReportingOwner(cik=None) for _ in owners[1:])),
        missing=tuple(dict.fromkeys([*filing.missing, *where])),
        notes=(
            *filing.notes,
            Note("reporting_owners", "a co-owner's name is an address line: the owners table's lines dealt wrong"),
        ),
    )


def check_unmarked_notes(filing: Filing) -> Filing:
    """The reading with each table read empty listed missing where a footnote read is named by no mark
    read and no table or row cell was said missing (which could have carried it): EDGAR's footnotes are
    named by marks in the tables (no filing of the corpus holds one no mark names), so the rows that
    carried its mark were lost (a converter dropped them, keeping the headings: trafilatura), and a
    table that reads as empty may have held them."""
    if not filing.footnotes:
        return filing
    unmarked = {fn.id for fn in filing.footnotes} - _marks(filing)
    if not unmarked or any(m.startswith(ROW_FIELDS) for m in filing.missing):
        return filing  # (a table or a row's cell said missing may be what carried the mark)
    empty = [(where, kinds) for where, kinds in _TABLES if not any(getattr(filing, k) for k in kinds)]
    if not empty:
        return filing
    named = ", ".join(sorted(unmarked, key=lambda f: (_number(f) or 0, f)))
    why = f"no row read; footnote(s) {named} named by no mark read: rows that carried the marks may be lost"
    return dataclasses.replace(
        filing,
        missing=tuple(dict.fromkeys([*filing.missing, *(k for _, kinds in empty for k in kinds)])),
        notes=(*filing.notes, *(Note(where, why) for where, _ in empty)),
    )


def check_unended_tables(filing: Filing) -> Filing:
    """The reading with each table read with no row listed missing, and a Form 3's "no securities"
    statement too, where the "Explanation of Responses" heading was not found (``footnotes`` missing):
    every SEC page prints it after the tables, so its loss means the page lost blocks of the printed
    form (trafilatura drops what it takes for boilerplate: a table's rows, with or without their
    headings), and the statement stands under that heading. A table that reads as empty may then
    have lost its rows; one read with rows keeps them (the other checks weigh those)."""
    if "footnotes" not in filing.missing:
        return filing
    empty = [
        (where, kinds)
        for where, kinds in _TABLES
        if not any(getattr(filing, k) for k in kinds) and not any(k in filing.missing for k in kinds)
    ]
    missing = [k for _, kinds in empty for k in kinds]
    why = "no row read, and the heading after the tables not found: rows may be lost"
    notes = [Note(where, why) for where, _ in empty]
    if (filing.document_type or "").startswith("3") and filing.no_securities_owned is None:
        missing.append("no_securities_owned")
        notes.append(Note("no_securities_owned", "the Explanation of Responses, where it is stated, not found"))
    if not missing:
        return filing
    return dataclasses.replace(
        filing,
        missing=tuple(dict.fromkeys([*filing.missing, *missing])),
        notes=(*filing.notes, *notes),
    )


_VALUED_FIELDS = ("value_owned_after", "shares_owned_after", "price_per_share")
_OWNED_FIELDS = ("value_owned_after", "shares_owned_after")


def check_valued_rows(filing: Filing) -> Filing:
    """The reading with a transaction's amount owned and price said missing where the amount owned
    is read as a value ("$66.35") and no price or no transaction code is read: a cell of the row was
    lost or came in, and the price's "$", or the price itself, stands in the amount owned's column (a
    Form 4 reports a value owned, not shares, almost never: one transaction of the corpus's 903
    filings, priced and coded). And the amount owned said missing where a mark alone stands for it
    (its number lost), read as a value's."""
    changes: dict[str, tuple[object, ...]] = {}
    missing: list[str] = []
    for kind in ("non_derivative_transactions", "derivative_transactions"):
        rows = list(getattr(filing, kind))
        bad = [
            i
            for i, r in enumerate(rows)
            if r.value_owned_after.value is not None and (r.price_per_share.value is None or not r.code)
        ]
        for i in bad:
            rows[i] = dataclasses.replace(rows[i], **{f: Value(None) for f in _VALUED_FIELDS})
            missing.extend(f"{kind}[{i}].{f}" for f in _VALUED_FIELDS)
        # A mark alone where the amount owned stands (its number lost): whose field it is, the
        # shares' or a value's, the page no longer shows (no reading of a whole page marks a value).
        marked = [
            i
            for i, r in enumerate(rows)
            if r.value_owned_after.footnote_ids
            and r.value_owned_after.value is None
            and r.shares_owned_after.value is None
        ]
        for i in marked:
            rows[i] = dataclasses.replace(rows[i], **{f: Value(None) for f in _OWNED_FIELDS})
            missing.extend(f"{kind}[{i}].{f}" for f in _OWNED_FIELDS)
        if bad or marked:
            changes[kind] = tuple(rows)
    if not missing:
        return filing
    why = "a value owned read with no price or code, or a mark alone as the amount owned: cells moved"
    return dataclasses.replace(
        filing,
        **changes,  # type: ignore[arg-type]
        missing=tuple(dict.fromkeys([*filing.missing, *missing])),
        notes=(*filing.notes, *(Note(m, why) for m in missing)),
    )


def check_broken(filing: Filing) -> Filing:
    """Every check of this module."""
    checked = check_valued_rows(check_owner_lines(check_signature_cities(check_ruled_texts(filing))))
    return check_unended_tables(check_unmarked_notes(check_lost_notes(check_shifted_rows(checked))))


__all__ = [
    "check_broken",
    "check_lost_notes",
    "check_owner_lines",
    "check_ruled_texts",
    "check_shifted_rows",
    "check_signature_cities",
    "check_unended_tables",
    "check_unmarked_notes",
    "check_valued_rows",
]
