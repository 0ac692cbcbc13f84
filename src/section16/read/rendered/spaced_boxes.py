"""Boxes 2 and 5 of a text page laid out row by row on grids of their own (inscriptis: each HTML
table row's cells two blanks apart, not under the labels above them):

    (Print or Type Responses)1. Name and Address of Reporting Person *  2. Issuer Name and ...
    SMITH DARLA M                 ADVANCED MICRO DEVICES INC [AMD]      (Check all applicable)_____ Director
                                                                        _____ Officer (give title below)
                                                                          Chief Accounting Officer

The boxes' strips are cut at their labels' columns, so box 2's value (left of its label) falls in box
3's strip, and box 5's labels and marks in other boxes' strips: the reading lists both missing. What
the page does show, read here where the reading found neither:

* box 2 (Form 3's box 3): the line right under the line of labels opens with box 1's name (as read),
  and its cell in the place of the issuer's label among the labels (a row's cells) is one cell
  "NAME [TICKER]" (the form prints no other bracketed ticker): the issuer's name and ticker; so is
  Form 3's box 2 date, a date alone in the place of its label;
* box 5: each of its four labels once in the boxes, each in one cell with its mark of underscores
  ("__X__ Director", "_____ 10% Owner"); the title on the lines right under them, in box 5's column
  where it stands right of other boxes' text, up to a blank line (a checked Officer or Other box whose
  title is not found so: the boxes are read, the title is listed missing).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...model import Filing, Issuer
from . import boxes
from .box_one_street import first_owner
from .spaced_rows import line_cells
from .text_lines import box_labels
from .values import parse_date

_ISSUER_LABEL_RE = re.compile(r"\d\.\s*Issuer\s+Name\s+and\s+Ticker", re.IGNORECASE)
_NAME_LABEL_RE = re.compile(r"1\.\s*Name\s+and\s+Address\s+of\s+Reporting", re.IGNORECASE)
_EVENT_LABEL_RE = re.compile(r"\d\.\s*Date\s+of\s+Event\s+Requiring", re.IGNORECASE)
_LONE_DATE_RE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")
_ISSUER_CELL_RE = re.compile(r"^([^\[\]]*?\S)\s*\[\s*([^\[\]]*?)\s*\]$")
_TABLE_ONE_RE = re.compile(r"^\s*Table\s+I\s*-", re.IGNORECASE)
#: A box-5 label in a cell of its own with its mark before it (underscores, an X among them).
_REL_CELL_RE = re.compile(
    r"^(?:\(Check\s+all\s+applicable\)\s*)?(_+X?_+)\s*"
    r"(Director|10\s*%\s*Owner|Officer\s*\(give\s+title\s+below\)|Other\s*\(specify\s+below\))$",
    re.IGNORECASE,
)
_REL_KEYS = ("director", "ten", "officer", "other")
_DATE_RE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}")
_CAPTION_RE = re.compile(r"\((?:Last|First|Middle|Street|City|State|Zip)\)", re.IGNORECASE)


def _box_lines(text: str) -> list[str] | None:
    """The page's lines from box 1's label to Table I's title; None without both."""
    lines = text.replace("\r\n", "\n").split("\n")
    start = next((i for i, ln in enumerate(lines) if _NAME_LABEL_RE.search(ln)), None)
    if start is None:
        return None
    end = next((i for i in range(start, len(lines)) if _TABLE_ONE_RE.search(lines[i]) or "Table I -" in lines[i]), None)
    return None if end is None else lines[start : end + 1]


def read_off_grid_boxes(filing: Filing, text: str) -> Filing:
    """The filing with box 2 (Form 3: its date and box 3) and box 5 read where the reading listed them
    missing and the page shows them as the module's doc says; else as it was."""
    want_issuer = "issuer.name" in filing.missing and filing.issuer.name is None
    want_period = "period_of_report" in filing.missing and filing.period_of_report is None
    want_rel = "reporting_owners[0].relationship" in filing.missing and bool(filing.reporting_owners)
    if not (want_issuer or want_period or want_rel):
        return filing
    lines = _box_lines(text)
    if lines is None:
        return filing
    if want_issuer or want_period:
        filing = _under_labels(filing, lines, want_issuer, want_period)
    if want_rel:
        filing = _relationship(filing, lines)
    return filing


def _under_labels(filing: Filing, lines: list[str], want_issuer: bool, want_period: bool) -> Filing:
    """Box 2's issuer, and Form 3's box 2 date, from the cells under the line of labels."""
    owner = filing.reporting_owners[0].name if filing.reporting_owners else None
    at = [i for i, ln in enumerate(lines) if _ISSUER_LABEL_RE.search(ln)]
    if not owner or len(at) != 1:
        return filing
    below = next((ln for ln in lines[at[0] + 1 :] if ln.strip()), "")
    cells = [c[2] for c in line_cells(below)]
    if not cells or " ".join(cells[0].split()) != owner:
        return filing
    # A label's place among its line's cells is its value's among the next line's (a row's cells).
    for k, (_x0, _x1, label) in enumerate(line_cells(lines[at[0]])):
        if not 0 < k < len(cells):
            continue
        if want_issuer and _ISSUER_LABEL_RE.search(label):
            filing = _issuer(filing, cells[k])
        elif want_period and _EVENT_LABEL_RE.search(label) and _LONE_DATE_RE.match(cells[k]):
            filing = replace(
                filing,
                period_of_report=parse_date(cells[k]),
                missing=tuple(p for p in filing.missing if p != "period_of_report"),
            )
    return filing


def _issuer(filing: Filing, cell: str) -> Filing:
    m = _ISSUER_CELL_RE.match(cell)
    if m is None:
        return filing
    name, ticker = m.group(1).strip(), m.group(2).strip() or None
    issuer = Issuer(cik=filing.issuer.cik, name=name, trading_symbol=ticker,
                    foreign_trading_symbol=filing.issuer.foreign_trading_symbol)  # fmt: skip
    drop = {"issuer.name", "issuer.trading_symbol"}
    return replace(
        filing,
        issuer=issuer,
        missing=tuple(p for p in filing.missing if p not in drop),
        notes=tuple(n for n in filing.notes if n.where != "issuer"),
    )


def _relationship(filing: Filing, lines: list[str]) -> Filing:
    found: dict[str, tuple[int, int, bool]] = {}  # key -> (line, start column, checked)
    for i, ln in enumerate(lines):
        if "_" not in ln:
            continue
        for x0, _x1, cell in line_cells(ln):
            m = _REL_CELL_RE.match(cell)
            if m is None:
                continue
            label = m.group(2).lower()
            key = _REL_KEYS[0 if label.startswith("d") else 1 if label.startswith("1") else 2 if "give" in label else 3]
            if key in found:
                return filing  # a label twice: which is box 5's is not shown
            found[key] = (i, x0, "X" in m.group(1).upper())
    if len(found) != 4:
        return filing
    left = min(x0 for _i, x0, _c in found.values())
    last = max(i for i, _x, _c in found.values())
    title_parts: list[str] = []
    # The title stands right under the labels, in box 5's column: read only where box 5 stands right of
    # other boxes' text (a page laid out in columns) and up to a blank line or the next labels.
    for ln in lines[last + 1 :] if left > 0 else ():
        cells = line_cells(ln)
        if not cells or cells[0][0] < left or box_labels(ln) or _CAPTION_RE.search(ln):
            break
        title_parts.extend(cell for _x0, _x1, cell in cells)
    title = " ".join(title_parts) or None
    takes = [k for k in ("officer", "other") if found[k][2]]
    if title and (not takes or _DATE_RE.search(title)):
        return filing  # a title under no box that takes one, or a date: whose it is is not shown
    h = boxes.Header(rel={k: found[k][2] for k in _REL_KEYS}, title_text=title)
    rel = first_owner(h).relationship
    owners = filing.reporting_owners
    where = "reporting_owners[0].relationship"
    # A checked Officer or Other box whose title was not found: the boxes are read, the title is not.
    untitled = [f"{where}.{'officer_title' if k == 'officer' else 'other_text'}" for k in takes] if not title else []
    return replace(
        filing,
        reporting_owners=(replace(owners[0], relationship=rel), *owners[1:]),
        missing=(*(p for p in filing.missing if p != where), *untitled),
        notes=tuple(n for n in filing.notes if n.where != where),
    )
