"""Box 1 (the first owner's name and address) checked after it is read: where a converter ran the
boxes' texts together (a text browser's dump, a PDF library's flowing text), another box's words fill
its fields, or its lines went elsewhere. What cannot be box 1's is left out and listed missing."""

from __future__ import annotations

import dataclasses
import re

from ...codes import STATE_CODES
from ...model import Note, ReportingOwner

#: The US states and territories (EDGAR's two-letter codes; the others are countries and provinces).
US_STATES = frozenset(k for k in STATE_CODES if k.isalpha() and k != "XX")
#: A postal code: letters and digits (a space or hyphen between), at least one digit.
ZIP_RE = re.compile(r"^(?=.*\d)[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)?$")
#: What box 1's name never holds: a ticker's bracket, a check box's underscores, another box's label.
NOT_A_NAME_RE = re.compile(
    r"[\[\]]|___|\b(?:Director|10% Owner|Ticker|Trading Symbol)\b"
    r"|,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?$"  # the city line run onto it ("Musk Elon PALO ALTO, CA 94304")
    r"|(?:^|\s)\d{1,2}/\d{1,2}/\d{4}(?:\s|$)"  # box 2's or 3's date run onto it ("Futch Clarke 11/17/2020")
    r"|\bP\.?\s?O\.?\s+BOX\b"  # the street's post office box run onto it ("Zapolsky David P.O. BOX 81226")
    # Form 3's box 2 label's wrapped end run onto it, a space apart in a wider face ("... LLC Statement")
    r"|\sStatement(?:\s+\(Month/Day/Year\))?$|\(Month/Day/Year\)"
)


#: What box 1's street never holds: the labels of the boxes beside it, or a date alone (box 3's or 4's).
NOT_A_STREET_RE = re.compile(
    r"\bOMB\s+(?:APPROVAL|Number)|\(Street\)|\bIssuer\s+Name\b|Trading\s+Symbol|^\s*\d{1,2}/\d{1,2}/\d{4}\s*$"
    r"|\(Month/|Day/Year\)"  # (a box label's wrapped end beside it: "Statement (Month/Day/Year)")
    r"|__|\(give\s+title|\(specify\s+below"  # (box 5's check lines: "_____ Officer (give title below)")
    r"|\s\d{1,2}/\d{1,2}/\d{4}$",  # box 3's date run onto it ("1400 SMITH STREET 05/06/2026")
    re.I,
)
#: What box 5's officer title or other text never holds: another box's numbered label ("CEO 4. If
#: Amendment, Date Original Filed", its words split by a PDF library: "Amen dment", "Origina l").
NOT_A_TITLE_RE = re.compile(
    r"(?:^|\s)\d{1,2}[ab]?\.\s+[A-Z][a-z]|\bAmen\s*dment\b|\bOrigina\s*l\s+Filed\b"
    r"|(?:^|\s)\d{1,2}/\d{1,2}/\d{2,4}(?:\s|$)"  # a date (another box's, or a trust's name's: "12/21/04 FBO")
    r"|_X_|\bForm\s+filed\s+by\b"  # (box 6's check lines)
)
#: What box 1's city line never holds: box 5's check boxes and labels, the labels of the boxes beside it.
NOT_A_CITY_RE = re.compile(
    r"__|_X_|_ _|\b(?:Director|10% Owner|Officer \(give|Other \(specify|Reporting Person)"
    r"|\bOMB\s+(?:APPROVAL|Number)|\((?:Street|Zip)\)"
    r"|\bApplicable\s+Line\b|(?<!\w)below\)|\bFiled\b"  # box 6's label, box 5's "(give title below)", box 4's
    r"|\b(?:Common|Preferred|Ordinary|Class\s+[A-Z])\s+(?:Stock|Shares)\b"  # Table I's titles
    r"|^[^A-Za-z]*$"  # no letter: a postal code's part the layout set apart ("10001-" over "2192")
    r"|(?<![\w/])\d{1,2}/\d{1,2}/\d{4}(?![\w/])"  # box 3's date, a line moved before the city's
    r"|^\w+\)$"  # a caption's last word ("Line)": box 6's label, the city line lost)
    r"|,\s*[A-Z]{2}\s+\d{3}"  # the state and postal code in it: the line's cells not parted ("SAN JUAN, PR 00919-51")
    # A postal code's piece ending it: its cells run together and the code wrapped or split ("REDMOND
    # WASHINGTON 98052-" over "6399", pypdf's "WESTBURY, NY 1" of "11590"); no corpus city ends so.
    r"|\s\d{1,5}-?$"
)


def checked(owner: ReportingOwner, missing: list[str], notes: list[Note]) -> ReportingOwner:
    """Box 1's owner with what cannot be its name or its zip code left out and listed missing: where a
    converter ran the boxes' texts together (a text browser's dump), another box's words fill them."""
    if owner.name and NOT_A_NAME_RE.search(owner.name):
        missing.append("reporting_owners[0].name")
        notes.append(Note("reporting_owners[0].name", "other boxes' words in the name; not read", owner.name))
        owner = dataclasses.replace(owner, name=None)
    rel = owner.relationship
    for key in ("officer_title", "other_text"):
        title = getattr(rel, key) if rel is not None else None
        if title and NOT_A_TITLE_RE.search(title):
            missing.append(f"reporting_owners[0].relationship.{key}")
            notes.append(Note(f"reporting_owners[0].relationship.{key}", "another box's label in it; not read", title))
            cleared = dataclasses.replace(rel, officer_title=None) if key == "officer_title" else None
            owner = dataclasses.replace(owner, relationship=cleared or dataclasses.replace(rel, other_text=None))
            rel = owner.relationship
    a = owner.address
    if a is not None and a.street1 and NOT_A_STREET_RE.search(a.street1):
        missing.extend(f"reporting_owners[0].address.{k}" for k in ("street1", "street2"))
        notes.append(Note("reporting_owners[0].address", "another box's label in the street; not read", a.street1))
        owner = dataclasses.replace(owner, address=dataclasses.replace(a, street1=None, street2=None))
        a = owner.address
    if a is not None and a.city and NOT_A_CITY_RE.search(a.city):
        missing.extend(f"reporting_owners[0].address.{k}" for k in ("city", "state", "zip_code"))
        notes.append(Note("reporting_owners[0].address", "other boxes' words in the city line; not read", a.city))
        owner = dataclasses.replace(owner, address=dataclasses.replace(a, city=None, state=None, zip_code=None))
        a = owner.address
    if a is not None and a.zip_code and not ZIP_RE.match(a.zip_code):
        # Other text stands where the postal code does (a caption or a title run in): the state, read
        # from the words before it on the same lines, is not sure either.
        missing.extend(f"reporting_owners[0].address.{k}" for k in ("state", "zip_code"))
        notes.append(Note("reporting_owners[0].address.zip_code", "not a postal code; not read", a.zip_code))
        owner = dataclasses.replace(owner, address=dataclasses.replace(a, state=None, zip_code=None))
    return owner


_STREETS = ("street1", "street2")


def list_unfound(owner: ReportingOwner, missing: list[str], notes: list[Note]) -> ReportingOwner:
    """On a page that is not the HTML one, box 1 printed without its street, its city line or its
    name: a converter moved those lines elsewhere (an owner's address on the SEC page always has its
    first street line and its city), so they are listed missing. The owner is returned without what
    was read but cannot be box 1's (a city line without state or zip)."""
    a = owner.address
    if a is None or a.street1 is None:
        lost = (
            ("street1", "street2") if a is not None and a.city else ("street1", "street2", "city", "state", "zip_code")
        )
        missing.extend(f"reporting_owners[0].address.{k}" for k in lost)
        notes.append(Note("reporting_owners[0].address", "box 1's street lines not found"))
    elif a.city is None:
        missing.extend(f"reporting_owners[0].address.{k}" for k in ("city", "state", "zip_code"))
        notes.append(Note("reporting_owners[0].address", "box 1's city line not found"))
    elif a.state in US_STATES and a.zip_code is None:
        # A US address is printed with its postal code: one not read beside the state went elsewhere
        # (a PDF's flowing text puts the 2026 design's zip cell after Table I's title).
        missing.append("reporting_owners[0].address.zip_code")
        notes.append(Note("reporting_owners[0].address.zip_code", "no postal code read with the state"))
    if a is not None and a.city and a.state is None and a.zip_code is None:
        # A city read without state or postal code (none of the corpus's 903 first owners' lacks
        # both): they stood elsewhere (the 2026 design's cells, given apart by a PDF's text) and
        # are listed missing. A city holding a comma (the form prints "CITY, ST ZIP") is another
        # box's text (box 5's title "VP, Store Operations" after the "(Street)" caption, where a
        # PDF converter ran the boxes' lines together), or the line lost its end: not read either.
        # So is one whose owner is an officer with no title read: flowing text sets box 5's title
        # right after the city ("ATLANTA" / "Executive Vice President" / "GEORGIA"), and the city
        # may have taken it ("AUSTIN CEO").
        rel = owner.relationship
        titled = rel is not None and rel.is_officer and not rel.officer_title
        cut = "," in a.city or titled
        unread = ("city", "state", "zip_code") if cut else ("state", "zip_code")
        missing.extend(f"reporting_owners[0].address.{k}" for k in unread)
        notes.append(Note("reporting_owners[0].address", "city read without state or zip", a.city))
        if cut:
            owner = dataclasses.replace(owner, address=dataclasses.replace(a, city=None))
    if owner.name is None:
        missing.append("reporting_owners[0].name")
    return owner
