"""Joint owners whose name/address cell a converter ran together (markdownify writes a cell's line
breaks as spaces: "COLUMN GROUP GP, LP 1700 OWENS STREET SUITE 500 SAN FRANCISCO, CA 94158"), read
where the page itself settles where the name ends.

Box 1 prints the first owner's name apart from its address, and the first row of the Reporting Owners
table prints the same owner as name and address run together the same way as every other row. So that
row, less box 1's name, is the first owner's address as the table prints it; a later row that ends
with exactly that text (and holds more before it) is an owner at the same address, and what comes
before it is the name. Box 1 reads that address into its fields (city, state and zip; its street lines
where they are known); the text between the name and the city is the street, settled as box 1's only
where it could not have been parted differently by another filer (one line, no second-line word).

What the page does not settle stays said missing, with the reason in a note:
- a name holding "c/o" or "Attn" (an owner whose address has a line of its own before the shared
  one: "Yadav Ravi C/O NEWLIGHT PARTNERS LP 320 PARK AVENUE ...");
- the street lines where box 1 prints two (another owner may print the same words as one line:
  "100 CARR 115 UNIT 1900" for box 1's "100 CARR 115" / "UNIT 1900"), or one that a filer could
  have broken in two ("... SUITE 500", "..., FLOOR 2").
"""

from __future__ import annotations

import dataclasses
import re

from ...model import Address, Note, ReportingOwner
from .boxes import _state_code
from .values import strip_stars

#: Why the owners table's rows are passed on unread (blocks.read_owner_rows's words).
RUN_TOGETHER = "name and address run together; not split"
#: Words that open a line of an address before the street (care of, attention): before the shared
#: address they may belong to the owner's address, not its name.
_CARE_OF_RE = re.compile(r"\bc\s*/\s*o\b|\battn\b|\battention\b|\bcare\s+of\b|%", re.IGNORECASE)
#: Words that may open a street's second line: a one-line street holding one may be two lines for
#: another filer at the same address.
_SECOND_LINE_RE = re.compile(
    r",|#|\b(?:suite|ste|unit|floor|fl|flr|apt|room|rm|bldg|building|tower|dept|mail\s*stop|ms|"
    r"p\.?\s*o\.?\s*box|box|c/o|attn|level|lvl|office)\b",
    re.IGNORECASE,
)
_COUNTRY = ["UNITED", "STATES"]  # the later designs end a US owner's cell with it


def _words(text: str | None) -> list[str]:
    return text.split() if text else []


@dataclasses.dataclass(frozen=True, slots=True)
class _Shared:
    """The first owner's address as the owners table prints it, and what box 1 reads it as."""

    text: str  # the first row less box 1's name
    to_city: str | None  # ... up to the city, where a line break (the ",&nbsp;" kept) ends the city
    city: str
    state: str | None
    zip_code: str | None
    street1: str | None  # None: the street is not settled (see the module's notes)
    street2: str | None
    street_why: str | None


def _street(first: ReportingOwner, known: bool) -> tuple[str | None, str | None, str | None]:
    """Box 1's street lines if another owner at the same address must print them the same way, or
    why not (None, None, why)."""
    a = first.address
    if not known or a is None or a.street1 is None:
        return None, None, "box 1's street lines not read"
    if a.street2:
        return None, None, "box 1 prints two street lines: another owner may print them as one"
    if _SECOND_LINE_RE.search(a.street1):
        return None, None, "box 1's street could be two lines for another owner"
    return a.street1, None, None


def _shared(first: ReportingOwner, cell: str, missing: list[str]) -> _Shared | None:
    """The first owner's address as the table prints it, checked against box 1; None when box 1's
    name does not open the row, or its city, state and zip do not end it."""
    a = first.address
    if first.name is None or a is None or not a.city or "reporting_owners[0].name" in missing:
        return None
    if any(f"reporting_owners[0].address.{k}" in missing for k in ("city", "state", "zip_code")):
        return None
    name = " ".join(first.name.split())
    if not cell.startswith(name + " "):
        return None
    text = cell[len(name) + 1 :]
    words = text.split()  # (the line breaks a converter kept, e.g. the ",&nbsp;" before the state)
    if words[-2:] == _COUNTRY and a.state is not None:
        words = words[:-2]
    zip_words = _words(a.zip_code)
    if zip_words and words[-len(zip_words) :] != zip_words:
        return None
    words = words[: len(words) - len(zip_words)]
    city = _words(a.city)
    for n in (0, 1, 2, 3):  # the state: none, its code, or its name ("NORTH CAROLINA")
        if (n == 0) != (a.state is None) or len(words) < n + len(city):
            continue
        if n and _state_code(" ".join(words[len(words) - n :])) != a.state:
            continue
        rest = words[: len(words) - n]
        if rest[len(rest) - len(city) :] != city:
            continue
        before = rest[: len(rest) - len(city)]
        if not before:
            # No street before the city: an owner whose address has one would end with the same
            # text, its street taken for the end of its name.
            return None
        known = not any(f"reporting_owners[0].address.{k}" in missing for k in ("street1", "street2"))
        if known and a.street1 is not None and _words(a.street1) + _words(a.street2) != before:
            return None  # box 1 and the table's first row disagree: neither is sure
        s1, s2, why = _street(first, known)
        head, nl, _tail = text.partition("\n")
        to_city = head if nl and head.split() == before + city else None
        return _Shared(text, to_city, a.city, a.state, a.zip_code, s1, s2, why)
    return None


def runs_on(lines: list[str], text: str) -> bool:
    """Whether ``text`` stands, as whole words, on one of the lines of a cell a converter ran
    together (the first owner's row of the owners table)."""
    return any(f" {text} " in f" {ln} " for ln in lines)


def _owner_at(o: ReportingOwner, cell: str, shared: _Shared) -> tuple[str, str | None, str | None] | None:
    """Name, state and zip of a joint owner whose cell is a name followed by the shared address; None
    when it is not. The older designs end the cell with "CITY,&nbsp;ST&nbsp;ZIP", which a converter
    may keep as a line of its own after the city ("... NEW YORK" / "NY 10282-2198"): there the city's
    end is marked, so an owner whose state and zip differ (a zip with its +4) is at the same street and
    city, and its own line gives its state and zip."""
    if cell.endswith(" " + shared.text):
        return cell[: len(cell) - len(shared.text)].rstrip(), shared.state, shared.zip_code
    head, nl, tail = cell.partition("\n")
    if shared.to_city is None or not nl or "\n" in tail or not head.endswith(" " + shared.to_city):
        return None
    a = o.address  # (blocks.parse_owner_cell read the state and zip from that line alone)
    if a is None or a.state is None or a.city is not None:
        return None
    return head[: len(head) - len(shared.to_city)].rstrip(), a.state, a.zip_code


def settle(
    owners: list[tuple[ReportingOwner, str | None]],
    cells: list[str],
    first: ReportingOwner,
    missing: list[str],
    notes: list[Note],
) -> list[tuple[ReportingOwner, str | None]]:
    """The owners table's rows (``blocks.read_owner_rows``, with each row's name/address cell in
    ``cells``), with the joint owners whose cell ran together read where box 1 settles it (see the
    module's notes). ``first``: box 1's owner. What is read but the street lines is passed on as read;
    unsettled street lines are added to ``missing`` with a note."""
    if len(owners) < 2 or len(cells) != len(owners) or not any(w == RUN_TOGETHER for _o, w in owners[1:]):
        return owners
    shared = _shared(first, cells[0], missing)
    if shared is None:
        return owners
    out = [owners[0]]
    for i, (o, why) in enumerate(owners[1:], 1):
        at = _owner_at(o, cells[i], shared) if why == RUN_TOGETHER else None
        if at is None or not at[0] or "\n" in at[0] or _CARE_OF_RE.search(at[0]):
            out.append((o, why))
            continue
        name, state, zip_code = at
        address = Address(
            street1=shared.street1, street2=shared.street2, city=shared.city, state=state, zip_code=zip_code
        )
        if shared.street_why is not None:
            missing.extend(f"reporting_owners[{i}].address.{k}" for k in ("street1", "street2"))
            notes.append(Note(f"reporting_owners[{i}].address", f"cell lines run together; {shared.street_why}"))
        out.append((dataclasses.replace(o, name=strip_stars(name), address=address), None))
    return out
