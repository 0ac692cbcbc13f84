"""Rows of cells -> Filing: find the parts of the printed form by their labels and read each one.

Every front end (HTML, Markdown, text, PDF) ends here, so what the form *means* is written once.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Callable
from typing import TypeVar

from ...errors import ParseError
from ...model import (
    DerivativeHolding,
    DerivativeTransaction,
    Filing,
    Footnote,
    Issuer,
    NonDerivativeHolding,
    NonDerivativeTransaction,
    Note,
    Relationship,
    ReportingOwner,
    Signature,
    Source,
)
from . import blocks, box_one, box_one_street, boxes, owners_joined, tables, value_guards
from .cells import CLIPPED, LITERAL, TABLE_FIELDS, Doc, Row, flat, run_on
from .flowing_rows import is_lone_value
from .form_index import Item, frags, index_doc, region, regroup, rows_in_title
from .paragraph_rows import place_paragraph_rows
from .unsure_cells import blank_unsure_cells

# (The form's own "*" and "**" notes, and their marks standing alone: a broken page may set them
# among the remarks, "**" a cell apart from its note; no filer's remark holds "*" or "**" alone.)
_SKIP_IN_TEXT = re.compile(r"^\W*(?:If the form is filed|Intentional misstatements)|^\s*\*{1,2}\s*$", re.IGNORECASE)

#: Fields no rendered page shows: they stay empty and are listed in ``Filing.missing``.
ALWAYS_MISSING = (
    "schema_version",
    "issuer.cik",
    "reporting_owners[*].cik",
    "reporting_owners[*].address.state_description",
    "rows[*].timeliness",
)

_T = TypeVar("_T")

#: Formats whose tables are read as the converter drew their cells (Markdown's pipe tables, each
#: table on its own): a table whose cells do not fit its columns leaves its own rows unread, listed
#: missing with why, instead of refusing the page. (Laid-out text decides this in its front end.)
_TABLE_BY_TABLE = frozenset(("markdown",))

#: A signature's name ending in a lone digit (its date's first, split off by the converter).
_SPLIT_DATE_RE = re.compile(r"(?<![\w,.#-])\d$")
_SIG_LABEL_RE = re.compile(r"\**\s*Signature\s+of\s+Reporting\s+Person", re.IGNORECASE)
_NON_WORD_RE = re.compile(r"\W")
#: A line of check box marks alone ("X", "X X"), as the owners table prints them.
_MARK_LINE_RE = re.compile(r"^X(?:\s+X)*$")


def read_doc(doc: Doc, source: str | None, fmt: str) -> Filing:
    """Read the printed form from its rows of cells."""
    src = source or "<bytes>"
    ix = index_doc(doc)
    items = ix.items
    t1 = ix.first.get("t1")
    t2_at = ix.first.get("t2")
    # No Table I title and no box above Table II's (trafilatura drops the form's head as page
    # furniture, Table I with it): the blocks after the tables are read, the rest said missing.
    headless = t1 is None and t2_at is not None and not boxes.segments("\n".join(frags(items[:t2_at])))
    if t1 is None and not headless:
        raise ParseError("no 'Table I' heading: not a Form 3/4/5 page, or the page is cut off", source=src)
    head_text = "\n".join(frags(items[: t1 if t1 is not None else t2_at]))
    h = boxes.read_header(head_text)
    form = h.form
    if form is None:
        raise ParseError("the page does not say which form it is (Form 3, 4 or 5)", source=src)
    notes: list[Note] = [Note(w, m, t) for w, m, t in h.notes]
    missing: list[str] = list(ALWAYS_MISSING)
    if any(w == "issuer" for w, _m, _t in h.notes):
        missing.append("issuer.name")
        if h.ticker is None:
            missing.append("issuer.trading_symbol")
    if form != "5":
        missing.append("rows[*].coding.form_type")
    if "rel" in h.found and h.rel is None:  # the box is there but its four labels could not all be read
        missing.append("reporting_owners[0].relationship")
        notes.append(Note("reporting_owners[0].relationship", "relationship box not readable"))
    missing.extend(h.unsure)
    for key, path in (("name", "reporting_owners[0].name"), ("issuer", "issuer.name"),
                      ("period", "period_of_report"), ("rel", "reporting_owners[0].relationship"),
                      ("street", "reporting_owners[0].address")):  # fmt: skip
        if key not in h.found:
            missing.append(path)
    # Every filing names its issuer and period: a box found empty (its value laid out where the reader
    # did not look) is missing, not an empty value.
    if h.issuer_name is None:
        missing.append("issuer.name")
        if h.ticker is None:  # (one box holds both: its "[TICKER]" may be read where the name is not)
            missing.append("issuer.trading_symbol")
    if h.period is None:
        missing.append("period_of_report")

    t1_items = region(ix, "t1") or []
    if headless:
        # (No box 6 either, to tell whether more than one person files: the owners are unsure too.)
        missing.extend((*TABLE_FIELDS[1], "reporting_owners"))
        notes.append(Note("Table I", "its title not found, nor any box above Table II: not read"))
    t2_items = region(ix, "t2")
    rows1, rows2 = [], []
    lone: list[str] = []
    shifted: list[str] = []  # plain text: a table's row that did not fit its columns, and why
    lost_rows: list[object] = []  # rows a front end saw lose a cell's line (tables.LOST)
    unsure_cells: list[tuple[object, tuple[str, ...]]] = []  # rows with cells read several ways (tables.UNSURE)

    def table_rows(items: list[Item], table: int) -> list[object]:
        where = f"Table {'I' * table}"
        start = len(lone)
        try:
            rows = tables.read_table(regroup(items), form, table, lone, lost_rows, unsure_cells)
        except tables.RowError as e:
            if fmt == "text":
                # Plain text whose table rows do not fit their columns (a converter laying each
                # table out on a grid of its own): both tables, laid out by the same program, are
                # unsure; the boxes, owners and notes around them are read (below).
                shifted.append(f"{where}: {e}")
                return []
            if fmt not in _TABLE_BY_TABLE:
                raise ParseError(str(e), source=src, where=where) from None
            # The table's rows are unread (a row that does not fit may mean its neighbours are
            # shifted too); the rest of the page, read apart, stands.
            missing.extend(TABLE_FIELDS[table])
            notes.append(Note(where, f"rows not read: {e}"))
            return []
        alone = [t for t in lone[start:] if is_lone_value(t)]
        if alone and (placed := place_paragraph_rows(lone[start:], form, table)):
            # Each cell a line of its own, every row found by its title and cut one way only.
            del lone[start:]
            return placed
        if alone:
            # A row's values on lines of their own (a converter writing each cell as a paragraph):
            # they belong to rows that are not read whole, so none of the table's rows is given.
            missing.extend(TABLE_FIELDS[table])
            notes.append(Note(where, "rows not read: values alone on lines inside the table", alone[0]))
            return []
        return rows

    rows1 = table_rows(t1_items, 1)
    if t2_items is None:
        missing.append("derivative_table")
        if fmt != "html":  # its title not found: whatever rows the page prints are unread
            missing.extend(TABLE_FIELDS[2])
    else:
        rows2 = table_rows(t2_items, 2)
        if ix.t2_by_label and not rows2 and not any(k in missing for k in TABLE_FIELDS[2]):
            # Opened by its heading's label, its title lost: the page lost parts, and where its rows
            # stand (a block between them and the heading) is not shown; read empty, it is unread.
            missing.extend(("derivative_table", *TABLE_FIELDS[2]))
            notes.append(Note("Table II", "its title not found (opened by its heading's first label) and no row read"))
    for table, key in ((1, "t1"), (2, "t2")):
        if rows_in_title(ix, key):
            if table == 1:
                rows1 = []
            else:
                rows2 = []
            missing.extend(TABLE_FIELDS[table])
            notes.append(Note(f"Table {'I' * table}", "rows not read: they run on in the table's title, not in cells"))
    if shifted:
        rows1, rows2 = [], []
        missing.extend((*TABLE_FIELDS[1], *TABLE_FIELDS[2]))
        notes.append(Note("tables", f"rows not read: {shifted[0]}"))

    for text in lone:
        notes.append(Note("tables", "text alone on a line inside a table, not read as a row", text))
    # Signatures first: each (or each group) stands above its own caption, and the lines they take
    # are not part of the footnotes or remarks printed before them.
    sig_idxs = [i for i in ix.marked if items[i][2] == "siglabel"]
    signatures: list[Signature] = []
    taken: set[int] = set()
    for idx in sig_idxs:
        k = bisect.bisect_left(ix.marked, idx)
        back = ix.marked[k - 1] + 1 if k else 0  # after the marker before this one
        lead_items = items[back:idx]
        counts = [len([ln for ln in it[1].split("\n") if ln.strip()]) for it in lead_items]
        lead = frags(lead_items)
        label_rest = flat(items[idx][1])
        pre = _SIG_LABEL_RE.split(label_rest)[0]
        in_caption = bool(_NON_WORD_RE.sub("", pre))  # (the name, or its date, stands in the caption's cell)
        if in_caption:
            lead.append(pre.strip(" *\\"))
        rest, sigs = blocks.split_signatures(lead)
        after_sig = back > 0 and items[back - 1][2] in ("siglabel", "sigs")
        if fmt in box_one_street.LAID_OUT and after_sig and rest and len(sigs) == 1 and sigs[0].name:
            # Laid-out text wraps a long signature: between two signature blocks every line is it.
            # (A "Date" there is the caption of the date above, printed on the line before the name.)
            wrapped = [r for r in rest if r.lower() != "date"]
            title = " ".join(h.title_text.split()).casefold() if h.title_text else None
            if any(_MARK_LINE_RE.match(r) or " ".join(r.split()).casefold() == title for r in wrapped):
                # A check box's mark ("X") or box 5's title is no signature's line: text given box
                # by box (pdfminer) put the owners table's marks and officer's title after the
                # heading. The signature's own line stands under them; any other line may be its
                # first line or another box's, so the name is then not read.
                if not all(_MARK_LINE_RE.match(r) for r in wrapped):
                    missing.append(f"signatures[{len(signatures)}].name")
                    notes.append(Note("signatures", "other boxes' lines above the signature's; not read"))
                    sigs = [Signature(None, sigs[0].date)]
                wrapped = []
            if sigs[0].name is not None:
                sigs = [Signature(" ".join([*wrapped, sigs[0].name]), sigs[0].date)]
            rest = []
        elif (
            fmt in _TABLE_BY_TABLE and after_sig and rest and len(sigs) == 1 and sigs[0].name
            and len(lead_items) == 1 and not in_caption
        ):  # fmt: skip
            # One cell holds the name, wrapped over its lines, and the date under it (a PDF-made
            # Markdown's cell over its caption's): every line of the cell but the date is the name.
            sigs = [Signature(" ".join([*rest, sigs[0].name]), sigs[0].date)]
            rest = []
        elif fmt in box_one_street.LAID_OUT and after_sig and rest and not sigs:
            # Its date's cell, centred beside the name's lines, may stand between them ("... for
            # Antonio" / "08/18/2020" / "Gracias, Chief Executive Officer"); not where a line is a
            # check box's mark or box 5's title (other boxes' lines, as above).
            amid = blocks.date_amid_name(rest)
            title = " ".join(h.title_text.split()).casefold() if h.title_text else None
            if amid and not any(_MARK_LINE_RE.match(r) or " ".join(r.split()).casefold() == title for r in rest):
                sigs, rest = amid, []
        signatures.extend(sigs)
        start = 0
        for it, n in zip(lead_items, counts, strict=True):
            if start >= len(rest):
                taken.add(id(it))
            start += n
    if not sig_idxs:
        missing.append("signatures")
    elif fmt in _TABLE_BY_TABLE and len(signatures) < (
        captions := sum(max(1, len(_SIG_LABEL_RE.findall(items[i][1]))) for i in sig_idxs)
    ):
        # Each signature (or group) stands over its own caption: fewer read than captions (a PDF
        # converter cut a name or date, or ran it into other text: two signatures and their
        # captions in one paragraph, "Georgia S Derrico 01/29/2020<br>** S ignature of Reporting
        # Person Date<br>R Roderick Porter ...") and the rest may be paired wrong.
        missing.append("signatures")
        notes.append(Note("signatures", f"{len(signatures)} signatures read under {captions} captions"))
        signatures = []
    if any(CLIPPED in (s.name or "") for s in signatures):
        # A word the paper's edge cut stands among a signature's: where its lines end is unsure too.
        missing.append("signatures")
        notes.append(Note("signatures", "a signature runs past the page edge; not whole"))
        signatures = []
    if fmt != "html" and any(s.date and _SPLIT_DATE_RE.search(s.name or "") for s in signatures):
        # A name ending in a lone digit right before its date: the converter split the date's month
        # ("... Elon Musk 1 1/10/2021", pypdf's layout text), so neither name nor date is sure.
        missing.append("signatures")
        notes.append(Note("signatures", "a digit between a signature's name and its date; not read"))
        signatures = []

    footnotes: list[Footnote] = []
    fn_items = region(ix, "expl")
    if ix.expl_by_notes:
        # The block found by its "*" note, not its heading: the tables end there, but its notes are
        # not read. Text and a PDF's Markdown mark a note cut at the paper's edge, or part notes whose
        # numbers ran together, from the heading on: without it, such notes would be read as whole.
        fn_items = None
    if fn_items is None:
        missing.append("footnotes")
    else:
        fn_items = [it for it in fn_items if id(it) not in taken]
        footnotes, numbered = blocks.read_footnotes(regroup(fn_items))
        if not numbered:
            notes.append(Note("footnotes", "footnote numbers not printed; numbered F1, F2... by order"))
        for fn in [fn for fn in footnotes if CLIPPED in fn.text]:
            footnotes.remove(fn)
            missing.append(f"footnotes[{fn.id}]")
            notes.append(Note(f"footnotes[{fn.id}]", "text runs past the page edge; not whole"))
        unsure_ids = blocks.unsure_breaks(footnotes)
        for fn in [fn for fn in footnotes if fn.id in unsure_ids]:
            footnotes.remove(fn)
            missing.append(f"footnotes[{fn.id}]")
            unsettled = "where it starts or ends is not settled (a note starts in a small letter, or its number"
            notes.append(Note(f"footnotes[{fn.id}]", f"{unsettled} may stand beside its middle line)"))

    remarks_frags: list[str] = []
    rem_items = region(ix, "rem")
    if rem_items is not None:
        remarks_frags = [
            f for f in frags([it for it in rem_items if id(it) not in taken]) if not _SKIP_IN_TEXT.match(f)
        ]
    else:
        missing.append("remarks")

    remarks = functools.reduce(run_on, remarks_frags, "").strip() or None
    if remarks and CLIPPED in remarks:
        remarks = None
        missing.append("remarks")
        notes.append(Note("remarks", "text runs past the page edge; not whole"))
    own_items = region(ix, "owners")
    own_rows = regroup(own_items) if own_items is not None else []
    # The designs without box 2a/3a (Foreign Trading Symbol) and "(Country)" -- the stylesheets before
    # 3_X07, 4_X09 and 5_X09 -- join box 1's street lines with ",&nbsp;"; the later ones with a line break.
    comma_joined = not h.found & {"foreign", "country"}
    # Those designs print box 1's city line as "CITY,&nbsp;ST&nbsp;ZIP": found as two lines, the
    # converter kept the &nbsp; (and so split the join), so a plain ", " on the page is the filer's.
    nbsp_kept = comma_joined and fmt not in box_one_street.LAID_OUT and len(h.city_line) == 2
    if nbsp_kept:
        city, state, _zip, _u = boxes.split_city_line(h.city_line[1:])
        nbsp_kept = city is None and state is not None
    street, unsure = box_one_street.street_lines(
        h.street, fmt, own_rows if own_items is not None else None, comma_joined, nbsp_kept
    )
    if unsure is None:
        h.street = street
    else:
        h.street = []
        missing.extend(("reporting_owners[0].address.street1", "reporting_owners[0].address.street2"))
        notes.append(Note("reporting_owners[0].address", unsure))
    owner = box_one.checked(box_one_street.first_owner(h), missing, notes)
    if fmt != "html":  # (box 1's label not found too: what was not read of it is listed)
        owner = box_one.list_unfound(owner, missing, notes)
    owners = [owner]
    if own_items is not None:
        cells: list[str] = []
        table_owners = owners_joined.settle(blocks.read_owner_rows(own_rows, cells), cells, owner, missing, notes)
        for i, (o, why) in enumerate(table_owners[1:], 1):
            owners.append(o)
            if why is not None:
                where = f"reporting_owners[{i}]"
                if o.name is not None:  # its address lines are not told apart
                    missing.extend(f"{where}.address.{k}" for k in _UNSURE_ADDRESS)
                    where += ".address"
                elif o.address is not None:  # name, streets and city run together; state and zip read
                    missing.extend((f"{where}.name", *(f"{where}.address.{k}" for k in _RUN_TOGETHER)))
                else:
                    missing.append(where)
                notes.append(Note(where, why))
        if fmt == "html":
            _shifted_owner_marks(own_rows, owners, missing, notes)

    if own_items is not None and not own_rows and fmt in _TABLE_BY_TABLE and len(owners) == 1:
        # The owners table is there but no row of it could be read (a Markdown front end left it
        # out): only box 6 can tell that box 1's owner is the only one.
        if not boxes.checkbox(head_text, r"Form\s+filed\s+by\s+One"):
            missing.append("reporting_owners")
            notes.append(Note("reporting_owners", "the Reporting Owners table not read; box 6 not read either"))
    if len(owners) == 1 and boxes.checkbox(head_text, r"Form\s+filed\s+by\s+More\s+than\s+One"):
        # Box 6 says joint filing, but no second owner could be read: the list is incomplete.
        missing.append("reporting_owners")
        notes.append(Note("reporting_owners", "joint filing (box 6), but only the first owner could be read"))
    doc_type = form + ("/A" if h.amend_date else "")
    if "amend" not in h.found:
        # Only box 4's date tells an amendment from an original: without the box (its label lost in a
        # converter's cells), the form's number is all the page says.
        missing.extend(("document_type", "date_of_original_submission"))
        notes.append(
            Note(
                "date_of_original_submission", "box 4 (If Amendment) not found; whether it amends a filing is not known"
            )
        )
    box = _boxes_reader(head_text, missing, unsure=headless)
    filing = Filing(
        document_type=doc_type,
        period_of_report=h.period,
        issuer=Issuer(cik="", name=h.issuer_name, trading_symbol=h.ticker),
        reporting_owners=tuple(owners),
        date_of_original_submission=h.amend_date,
        not_subject_to_section16=box(r"Check\s+this\s+box\s+if\b") if form != "3" else None,
        no_securities_owned=True if ix.no_securities else None,
        form3_holdings_reported=box(r"Form\s+3\s+Holdings\s+Reported") if form == "5" else None,
        form4_transactions_reported=box(r"Form\s+4\s+Transactions\s+Reported") if form == "5" else None,
        aff10b5one=box(r"Check\s+this\s+box\s+to\b"),
        non_derivative_transactions=tuple(r for r in rows1 if isinstance(r, NonDerivativeTransaction)),
        non_derivative_holdings=tuple(r for r in rows1 if isinstance(r, NonDerivativeHolding)),
        derivative_transactions=tuple(r for r in rows2 if isinstance(r, DerivativeTransaction)),
        derivative_holdings=tuple(r for r in rows2 if isinstance(r, DerivativeHolding)),
        footnotes=tuple(footnotes),
        remarks=remarks,
        signatures=tuple(signatures),
        notes=tuple(notes),
        missing=tuple(dict.fromkeys(missing)),
        source=Source(source, fmt),
    )
    if lost_rows:  # (before _unprotect, which makes new rows: they are told by identity)
        filing = value_guards.blank_lost_rows(filing, lost_rows)
    if unsure_cells:  # (so too)
        filing = blank_unsure_cells(filing, unsure_cells)
    if ix.literal:
        filing = _unprotect(filing)
    if fmt != "html":  # (a text cut short where a converter dropped its line: value_guards)
        filing = value_guards.check_dangling(filing)
    return filing


def _shifted_owner_marks(rows: list[Row], owners: list[ReportingOwner], missing: list[str], notes: list[Note]) -> None:
    """The SEC page prints each owners row in five cells: on the HTML page, a co-owner's row with more
    had a cell come in (a broken page), and its marks stand a column off; they are not read."""
    owner_rows = [r for r in rows if len(r) >= 5 and r[0].strip() and not blocks.OWNERS_HEAD_RE.match(flat(r[0]))]
    if len(owner_rows) != len(owners):
        return
    for k, row in enumerate(owner_rows):
        if k and len(row) > 5:
            owners[k] = dataclasses.replace(owners[k], relationship=Relationship())
            missing.append(f"reporting_owners[{k}].relationship")
            notes.append(Note(f"reporting_owners[{k}].relationship", "more than five cells in its row: marks moved"))


def _unprotect(obj: _T) -> _T:
    """The value with every :data:`~.cells.LITERAL` taken out of its strings."""
    if isinstance(obj, str):
        return obj.replace(LITERAL, "")  # type: ignore[return-value]
    if isinstance(obj, tuple):
        return tuple(_unprotect(x) for x in obj)  # type: ignore[return-value]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: _unprotect(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        return dataclasses.replace(obj, **changes)
    return obj


#: An owner's address fields the Reporting Owners table leaves unsure when its city line is not found.
_UNSURE_ADDRESS = ("street2", "city", "state", "zip_code")
#: ... and those it leaves unread when a converter ran the lines of the owner's cell together.
_RUN_TOGETHER = ("street1", "street2", "city")

_FIELD_OF_BOX = {
    "Check\\s+this\\s+box\\s+if": "not_subject_to_section16",
    "Form\\s+3\\s+Holdings": "form3_holdings_reported",
    "Form\\s+4\\s+Transactions": "form4_transactions_reported",
    "Check\\s+this\\s+box\\s+to": "aff10b5one",
}


def _boxes_reader(head_text: str, missing: list[str], unsure: bool = False) -> Callable[[str], bool | None]:
    """Check-box reader for this page. Pages that print relationship marks as ``__X__`` draw the other
    boxes as form inputs; when a converter dropped every input, those boxes cannot be read. With
    ``unsure`` (no box 5 on the page to show how its boxes are drawn), none is read."""
    dropped = unsure or (
        ("_____" in head_text or "__X__" in head_text) and "[X]" not in head_text and "[ ]" not in head_text
    )

    def read(label: str) -> bool | None:
        value = boxes.checkbox(head_text, label)
        if value is not None and dropped:
            missing.append(next((f for k, f in _FIELD_OF_BOX.items() if label.startswith(k)), label))
            return None
        if value is None:  # the box's label is not on the page (or not in one piece)
            missing.append(next((f for k, f in _FIELD_OF_BOX.items() if label.startswith(k)), label))
        return value

    return read
