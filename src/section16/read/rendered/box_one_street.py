"""Box 1 as the header gives it: its street lines settled against the Reporting Owners table (a
converter may wrap, join or run together what the filer typed as one or two lines), and the first
owner built from the boxes. What is unsure is said so (the caller lists the street missing)."""

from __future__ import annotations

import itertools
import re

from ...model import Address, Relationship, ReportingOwner
from . import box_one, boxes, owners_joined
from .cells import Row

_OWNER_HEAD_RE = re.compile(r"^\W*(?:Reporting Owner Name|Director|Relationships)", re.IGNORECASE)


def street_lines(
    street: list[str], fmt: str, own_rows: list[Row] | None, comma_joined: bool = False, nbsp_kept: bool = False
) -> tuple[list[str], str | None]:
    """Box 1's street lines, split or unwrapped as the Reporting Owners table (``own_rows``, None when
    the page has none) prints them; or, where that cannot be settled, why (the street is then missing).
    ``comma_joined``: the page's design joins box 1's street lines with ",&nbsp;" (not a line break);
    ``nbsp_kept``: and the page shows that join apart from a filer's ", " (its lines are already split)."""
    if fmt in LAID_OUT and (len(street) > 1 or (own_rows is not None and street and ", " in street[0])):
        lines = owner_cell_lines(own_rows) if own_rows is not None else []
        got = unwrap_street(street, lines)
        if got is None and len(street) == 1:
            got = split_street(street[0], lines)
        return (got, None) if got is not None else ([], "street lines may be wrapped by the layout; not split")
    if own_rows is not None and len(street) > 1:
        # Box 1's street lines are the owners table's too: a line that table does not print is some
        # other box's text moved under box 1's captions (a broken page), not a street.
        table = " ".join(" ".join(owner_cell_lines(own_rows)).split())
        if table and any(" ".join(s.split()) not in table for s in street):
            return [], "a street line of box 1 is not in the Reporting Owners table"
    if own_rows is not None and len(street) == 1:
        first_lines = owner_cell_lines(own_rows)
        if street[0].endswith(","):
            # The older designs print "street1,&nbsp;street2": with a blank second line (and the
            # &nbsp; made a space) the first line ends in the join's comma -- or in the filer's own.
            # The owners table prints the line as filed.
            bare = street[0][:-1].rstrip()
            if bare in first_lines and street[0] not in first_lines:
                return [bare], None
            if owners_joined.runs_on(first_lines, bare) and not owners_joined.runs_on(first_lines, street[0]):
                return [bare], None  # (its lines run together, the table still shows no comma after it)
            if street[0] not in first_lines:
                return [], "a comma ends the street: the filer's, or the join of an empty second line?"
            return street, None
        if nbsp_kept:  # every comma left inside the line is the filer's: it is one line
            return street, None
        if len(first_lines) < 3 or _inside_a_line(street[0], first_lines):
            # The page's converter ran the lines of a table cell together (the owners table prints
            # name, street and city apart; or the street stands inside a longer line of that cell,
            # where a converter ran some lines together and kept the source's line breaks between
            # others, as trafilatura does): box 1's street may be two lines run together -- unless the
            # design joins them with a comma, and there is none.
            if comma_joined and "," not in street[0]:
                return street, None
            ran = split_run_together(street[0], first_lines, comma_joined)
            return (ran, None) if ran is not None else ([], "cell lines run together; street lines not split")
        if ", " in street[0]:
            split = split_street(street[0], first_lines)
            return (split, None) if split is not None else ([], "one street line or two joined by a comma?")
    if own_rows is None and len(street) == 1:
        # No owners table (cut off the page, or lost; every design prints one): nothing tells
        # "street1, street2" from one line holding a comma, nor (but in HTML, which keeps the line
        # breaks) two lines a converter ran together from one, nor the join's comma before an empty
        # second line from the filer's, so the line is no street1.
        joined = not nbsp_kept and (fmt != "html" or (comma_joined and ", " in street[0]))
        # (Another box's label is no street at all: box_one.checked says so.)
        if (joined or street[0].endswith(",")) and not box_one.NOT_A_STREET_RE.search(street[0]):
            return [], "one street line or two run together? (no Reporting Owners table to tell)"
    return street, None


def owner_cell_lines(rows: list[Row]) -> list[str]:
    """The lines of the first owner's name/address cell in the Reporting Owners table: a converter
    may put its lines on rows of their own above the row that holds the relationship marks."""
    out: list[str] = []
    for row in rows:
        if not any(row) or _OWNER_HEAD_RE.match(row[0]):  # (markdownify opens the table with an empty row)
            continue
        out.extend(ln for ln in row[0].split("\n") if ln.strip())
        if len(row) > 1:  # the row with the marks ends the first owner's cell
            break
    return out


def _inside_a_line(line: str, owner_lines: list[str]) -> bool:
    """Whether ``line`` is no line of the owners table's cell but stands inside a longer one."""
    want = " ".join(line.split())
    lines = [" ".join(f.split()) for f in owner_lines]
    return want not in lines and any(want in f for f in lines)


def split_street(line: str, owner_lines: list[str]) -> list[str] | None:
    """The box-1 street as its printed lines. The older stylesheets join street lines with ",&nbsp;";
    a converter that turns that into a plain space leaves "street1, street2" indistinguishable from a
    street1 holding a comma. The Reporting Owners table prints each street line on a line of its own:
    when two consecutive lines there join to this line, that is where it splits; when one line there
    is this line, it stays; otherwise that table cannot tell (None)."""
    want = " ".join(line.split())
    lines = [" ".join(f.split()) for f in owner_lines]
    for a, b in itertools.pairwise(lines):
        if f"{a}, {b}" == want:
            return [a, b]
    return [line] if want in lines else None


def split_run_together(line: str, owner_lines: list[str], comma_joined: bool) -> list[str] | None:
    """Box 1's street "street1, street2" (the page's design joins its two lines with ", ") where the
    owners table ran its cell's lines together with spaces ("Talley Darrin L C/O EXXON MOBIL
    CORPORATION 22777 SPRINGWOODS ..."): the table keeps a filer's own commas and loses the join's, so
    the one ", " of box 1 the table prints as a space, every other comma kept, is where the street
    splits; where the table prints the whole line, commas and all, each comma is the filer's and the
    line is one (``comma_joined``: where the design joins by ", "; else a space may have joined the
    lines). None where that does not settle it."""
    table = f" {' '.join(' '.join(owner_lines).split())} "
    want = " ".join(line.split())
    parts = want.split(", ")
    cuts = [
        [", ".join(parts[:k]), ", ".join(parts[k:])]
        for k in range(1, len(parts))
        if f" {', '.join(parts[:k])} {', '.join(parts[k:])} " in table
    ]
    if f" {want} " in table:
        return [want] if comma_joined and not cuts else None
    return cuts[0] if len(cuts) == 1 else None


#: Formats whose line breaks may be the layout's (a line too long for its box wraps), not the filer's.
LAID_OUT = frozenset(("pdf", "text"))


def unwrap_street(box: list[str], owner_lines: list[str]) -> list[str] | None:
    """The box-1 street as its printed lines, when the page's layout may have wrapped them. A real
    line break (street 1 | street 2) is printed both in box 1 and in the Reporting Owners table, or as
    the older stylesheets' ", " join in box 1; a wrap falls where each column's width puts it. So the
    street lines part where the owners table breaks too; None when that table cannot tell."""
    words = " ".join(box).split()
    box_breaks: set[int] = set()
    n = 0
    for ln in box[:-1]:
        n += len(ln.split())
        box_breaks.add(n - 1)  # a line ends after word n-1
    owners = "\n".join(" ".join(ln.split()) for ln in owner_lines)
    m = find_street(words, owners)
    if m is None:
        return None
    start, seps, end = m
    cuts = []
    for k, (sep, sep_end) in enumerate(seps):
        if "\n" not in sep:
            continue
        old_join = sep == "\n" and words[k].endswith(",")  # box: "street1, street2"; owners: apart
        if k in box_breaks or old_join:
            cuts.append((k, sep_end))
    if not cuts:
        return [" ".join(owners[start:end].split())]
    if len(cuts) > 1:
        return None
    k, at = cuts[0]
    return [" ".join(owners[start : seps[k][1]].split()), " ".join(owners[at:end].split())]


def find_street(words: list[str], owners: str) -> tuple[int, list[tuple[str, int]], int] | None:
    """The first place the street's words stand in the owners table's lines, each followed by a
    space or a line break (a word ending in "," by ", ", ",\n" or a break without its comma), the
    last at a line's end: where it starts, each word's separator and where that ends, and where the
    street ends; None when they stand nowhere so. (Matched word by word: a pattern made for each
    page's street cost more to compile, about 0.3 ms, than the rest of box 1.)"""
    if not words:
        return None
    first = words[0][:-1] if len(words) > 1 and words[0].endswith(",") else words[0]
    p = owners.find(first)
    while p != -1:
        got = _street_at(words, owners, p)
        if got is not None:
            return p, *got
        p = owners.find(first, p + 1)
    return None


def _street_at(words: list[str], owners: str, p: int) -> tuple[list[tuple[str, int]], int] | None:
    """:func:`find_street`'s match starting at ``p`` (each step has one way to go on, so one try)."""
    n = len(owners)
    seps: list[tuple[str, int]] = []
    for w in words[:-1]:
        comma = w.endswith(",")
        base = w[:-1] if comma else w
        if not owners.startswith(base, p):
            return None
        p += len(base)
        if comma and owners.startswith(",", p) and p + 1 < n and owners[p + 1] in " \n":
            sep = owners[p : p + 2]
        elif p < n and (owners[p] == "\n" or (not comma and owners[p] == " ")):
            sep = owners[p]
        else:
            return None
        p += len(sep)
        seps.append((sep, p))
    last = words[-1]
    if not owners.startswith(last, p):
        return None
    p += len(last)
    return (seps, p) if p == n or owners[p] == "\n" else None


def first_owner(h: boxes.Header) -> ReportingOwner:
    city, state, zip_code, _unsure = boxes.split_city_line(h.city_line)
    address = None
    if h.street or h.city_line:
        address = Address(
            street1=h.street[0] if h.street else None,
            street2=" ".join(h.street[1:]) or None,
            city=city,
            state=state,
            zip_code=zip_code,
        )
    rel = Relationship()
    if h.rel is not None:
        title = h.title_text
        officer_title = other_text = None
        if title:
            if h.rel["officer"] and h.rel["other"] and " / " in title:
                officer_title, other_text = (t.strip() for t in title.split(" / ", 1))
            elif h.rel["other"] and not h.rel["officer"]:
                other_text = title
            else:
                officer_title = title
        rel = Relationship(
            is_director=h.rel["director"],
            is_officer=h.rel["officer"],
            is_ten_percent_owner=h.rel["ten"],
            is_other=h.rel["other"],
            officer_title=officer_title,
            other_text=other_text,
        )
    return ReportingOwner(cik=None, name=h.name, address=address, relationship=rel)
