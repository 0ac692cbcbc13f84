"""The parts below the tables: Explanation of Responses, Remarks, signatures, Reporting Owners."""

from __future__ import annotations

import itertools
import re
from datetime import date

from ...model import Address, Footnote, Relationship, ReportingOwner, Signature
from .boxes import _state_code, split_city_line
from .cells import UNSETTLED, Row, flat, run_on
from .values import BadValue, parse_date, strip_stars

_FN_ID_RE = re.compile(r"^\s*(?:\((\d{1,3})\)|(\d{1,3})\s*[.):]|F(\d{1,3})[.:]?)(?=\s|$)\s*")
_STAR_NOTE_RE = re.compile(
    r"^\s*\*{1,2}\s*(?:If the form is filed|Intentional misstatements)|^If the form is filed by more than one"
    r"|^Intentional misstatements",
    re.IGNORECASE,
)
_NOT_A_NOTE_RE = re.compile(r"^No securities are beneficially owned", re.IGNORECASE)
_DATE = r"\d{1,2}/\d{1,2}(?:[-+]\d{2}:\d{2}|Z)?/\d{4}|\d{4}-\d{2}-\d{2}"
#: A row that is no footnote of its own: a bare date or the signature block's labels (a PDF's flowing
#: text puts the signatures' dates and "Date" captions under "Explanation of Responses").
_NOT_A_NOTE_TEXT_RE = re.compile(rf"^(?:{_DATE}|Date|\**\s*Signature of Reporting Person)$", re.IGNORECASE)
_DATE_END_RE = re.compile(rf"^(.*?)[\s|]*({_DATE})$")
_DATE_ONLY_RE = re.compile(rf"^({_DATE})$")


def read_footnotes(rows: list[Row]) -> tuple[list[Footnote], bool]:
    """Footnotes, and whether their ids were printed (False: numbered by order, as in a bullet list)."""
    items: list[tuple[str | None, str]] = []
    in_star_note = False  # the rows after the form's own "* If the form is filed..." note
    for row in rows:
        cells = [f for f in map(flat, row) if f]
        if not cells:
            continue
        text = " ".join(cells)
        if _STAR_NOTE_RE.match(text) or text in ("*", "**") or _NOT_A_NOTE_RE.match(text):
            in_star_note = not _NOT_A_NOTE_RE.match(text)
            continue
        m = _FN_ID_RE.match(text)
        if in_star_note and not m:
            # The form's notes close the list: a line after one is its text wrapped by the converter
            # (html2text: "Instruction 4(b)(v)."), not a footnote nor part of the one before.
            continue
        in_star_note = False
        if m:
            fid = m.group(1) or m.group(2) or m.group(3)
            items.append((fid, text[m.end() :].strip()))
        elif items:
            prev_id, prev = items[-1]
            if prev_id is None:
                if not _NOT_A_NOTE_TEXT_RE.match(text):
                    items.append((None, text))  # unnumbered list: each row is a footnote
            else:
                items[-1] = (prev_id, run_on(prev, text).strip())
        elif not _NOT_A_NOTE_TEXT_RE.match(text):
            items.append((None, text))
    numbered = any(fid is not None for fid, _ in items)
    notes: list[Footnote] = []
    for i, (fid, text) in enumerate(items, 1):
        if numbered and fid is None:
            continue
        notes.append(Footnote(f"F{fid if numbered else i}", text))
    return notes, numbered or not items


def unsure_breaks(footnotes: list[Footnote]) -> list[str]:
    """The ids of footnotes whose bounds the page does not settle: a note that starts in a small letter
    began inside the one before (a flowing text that prints a note's number beside its middle line,
    as pdftotext without -layout does, runs the end of one note into the next). No footnote of the
    corpus's 3,044 that follow another starts in a small letter. Both notes are unsure."""
    out = [f.id for f in footnotes if UNSETTLED in f.text]  # (a front end saw the page not settle it)
    for before, note in itertools.pairwise(footnotes):
        if note.text[:1].islower():
            out.extend(f.id for f in (before, note) if f.id not in out)
    return out


def split_signatures(frags: list[str]) -> tuple[list[str], list[Signature]]:
    """Split the lines before "Signature of Reporting Person" into remarks and signatures (name, date)."""
    sigs: list[Signature] = []
    i = len(frags)
    pending_date: date | None = None
    while i > 0:
        text = frags[i - 1].strip(" |")
        if text.lower() in ("date", "signatures", "signature") or not text.strip("* "):
            i -= 1
            continue
        if _DATE_ONLY_RE.match(text) and pending_date is None:
            pending_date = _date(text)
            i -= 1
            continue
        m = _DATE_END_RE.match(text)
        if m and pending_date is None and m.group(1).strip(" |"):
            sigs.append(Signature(m.group(1).strip(" |"), _date(m.group(2))))
        elif pending_date is not None:
            sigs.append(Signature(text, pending_date))
            pending_date = None
        else:
            break
        i -= 1
    return frags[:i], list(reversed(sigs))


_CAPTION_WORDS = ("date", "signature", "signatures")


def date_amid_name(frags: list[str]) -> list[Signature]:
    """One signature whose name a layout wrapped over lines with its date's cell, centred beside
    them, on a line between them ("... for Antonio" / "08/18/2020" / "Gracias, Chief Executive
    Officer"): the name's lines joined, and the date. Nothing unless exactly one line holds a date,
    alone, with the name's lines above and below it, and no other line holds one; nor where a line
    ends in a hyphen (whether the word goes on or a hyphenated word was wrapped, the text does not tell)."""
    lines = [t for t in (f.strip(" |") for f in frags) if t.strip("* ") and t.lower() not in _CAPTION_WORDS]
    dated = [i for i, t in enumerate(lines) if _DATE_END_RE.match(t)]
    if len(dated) != 1 or not 0 < dated[0] < len(lines) - 1 or not _DATE_ONLY_RE.match(lines[dated[0]]):
        return []
    when = _date(lines[dated[0]])
    name = lines[: dated[0]] + lines[dated[0] + 1 :]
    if when is None or any(t.endswith("-") for t in name[:-1]):
        return []  # (a line ending in a hyphen: "Attorney-" / "in-fact" or "FF-" / "IIIP", not told)
    return [Signature(" ".join(name), when)]


def _date(text: str) -> date | None:
    try:
        return parse_date(text)
    except BadValue:
        return None


def parse_owner_cell(cell: str) -> tuple[str | None, Address | None, bool]:
    """Name and address from a Reporting Owners cell; the flag says the lines were run together."""
    lines = [ln.strip() for ln in cell.split("\n") if ln.strip()]
    if not lines:
        return None, None, False
    if len(lines) < 3:
        # Name, street and city are printed on lines of their own; fewer lines means a converter ran
        # them together, and where the name ends cannot be known. The older designs end the cell with
        # "CITY,&nbsp;ST&nbsp;ZIP": where that join was kept apart, state and zip are the last line.
        if len(lines) == 2:
            city, state, zip_code, _u = split_city_line([lines[1]])
            if city is None and state is not None:
                return None, Address(state=state, zip_code=zip_code), True
        return None, None, True
    name, rest = lines[0], lines[1:]
    if rest and not any(ch.isdigit() for ch in rest[-1]) and len(rest) >= 2 and any(ch.isdigit() for ch in rest[-2]):
        rest = rest[:-1]  # the country line
    city = state = zip_code = None
    k = 0
    if rest:
        city, state, zip_code, _u = split_city_line([rest[-1]])
        k = 1 if state else 0
        if k == 1 and city is None and len(rest) >= 2:  # "CITY" / "ST ZIP" on two lines
            k, city = 2, rest[-2]
    if not k and len(rest) >= 3 and _state_code(rest[-2]) and any(ch.isdigit() for ch in rest[-1]):
        k, city, state, zip_code = 3, rest[-3].rstrip(" ,"), _state_code(rest[-2]), rest[-1]
    if not k and len(rest) >= 2 and _state_code(rest[-1]):
        k, city, state, zip_code = 2, rest[-2].rstrip(" ,"), _state_code(rest[-1]), None
    if k:
        streets = rest[:-k]
        return (
            name,
            Address(
                street1=streets[0] if streets else None,
                street2=" ".join(streets[1:]) or None,
                city=city,
                state=state,
                zip_code=zip_code,
            ),
            False,
        )
    return name, Address(street1=rest[0] if rest else None), True


OWNERS_HEAD_RE = re.compile(r"^(Reporting Owner Name|Director|Relationships)", re.IGNORECASE)
_X_RE = re.compile(r"^X\s*")


def read_owner_rows(rows: list[Row], out_cells: list[str] | None = None) -> list[tuple[ReportingOwner, str | None]]:
    """Rows of the Reporting Owners table: name/address cell, then Director, 10% Owner, Officer, Other.
    Each owner comes with why part of it could not be read (None: all read): with no name, the name and
    address are unread; with a name, the address but its first street line. ``out_cells``, if given, gets
    each owner's name/address cell (its lines joined by line breaks)."""
    owners: list[tuple[ReportingOwner, str | None]] = []
    # A converter that writes a cell's line breaks as Markdown's hard breaks (html2text) leaves every
    # line of an owner's name/address cell but the last on a row of its own, above the row that holds
    # that last line and the relationship marks: those lines are the start of the cell.
    above: list[str] = []
    for row in rows:
        cells = list(row)
        while cells and not cells[-1].strip() and len(cells) > 5:
            cells.pop()
        if len(cells) == 1 and cells[0].strip():
            above.extend(ln for ln in cells[0].split("\n") if ln.strip())
            continue
        lead, above = above, []
        if len(cells) != 5 or not cells[0].strip():
            continue
        head = flat(cells[0])
        if OWNERS_HEAD_RE.match(head):
            continue
        cell = "\n".join([*lead, cells[0]])
        name, address, unsure = parse_owner_cell(cell)
        why = None
        if unsure:  # (with a name: its next line is street 1, but which line is the city is unsure)
            why = "name and address run together; not split" if name is None else "address lines not told apart"
        marks = [flat(c) for c in cells[1:]]
        officer_text = _X_RE.sub("", marks[2]).strip() or None
        other_text = _X_RE.sub("", marks[3]).strip() or None
        rel = Relationship(
            is_director=marks[0].startswith("X"),
            is_ten_percent_owner=marks[1].startswith("X"),
            is_officer=bool(marks[2]),
            is_other=bool(marks[3]),
            officer_title=officer_text,
            other_text=other_text,
        )
        owner = ReportingOwner(cik=None, name=strip_stars(name) if name else None, address=address, relationship=rel)
        owners.append((owner, why))
        if out_cells is not None:
            out_cells.append(cell)
    return owners
