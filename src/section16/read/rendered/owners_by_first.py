"""The other owners' marks in the Reporting Owners table placed by the first owner's, where a text
browser set the table's marks off their headings (``lynx -dump``: a 10% owner's "X" under
"Director").

Where box 5 and the table's first row disagree, the headings do not tell which column a mark stands
in (``text_guards.check_owner_marks`` lists the other owners' relationships missing). The page still
shows one thing surely: every owner's row is printed the same way, so a mark standing at the very
character the first owner's mark stands at is in the same column, and box 5 says which column the
first owner's marks are in. An owner whose every mark stands where one of the first owner's stands,
with nothing else beside its address (no officer's title, no other text), is read so; any other
owner stays said missing.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...model import Filing, Relationship

#: The guard's note on an owner whose marks it did not place (``text_guards.check_owner_marks``).
_UNPLACED = "the owners table's marks disagree with box 5 for the first owner"
_OWNERS_RE = re.compile(r"^\s*Reporting\s+Owners\s*$", re.IGNORECASE)
_END_RE = re.compile(r"^\s*(?:Signatures?|Explanation\s+of\s+Responses|Remarks\s*:)", re.IGNORECASE)
#: A run of text two blanks or more from the text before it: a cell of the laid-out line.
_RUN_RE = re.compile(r"(?:^|(?<=\s\s))\S+(?: \S+)*")


def place_by_first(filing: Filing, text: str) -> Filing:
    """The filing with each owner the guard left unplaced read from where its marks stand, where
    they stand where the first owner's do (see the module's note); the rest as they were."""
    # (An owner another reader also left unplaced, for its own reason, stays so.)
    other = {n.where for n in filing.notes if not n.message.startswith(_UNPLACED)}
    unplaced = {n.where for n in filing.notes if n.message.startswith(_UNPLACED)} - other
    if not unplaced:
        return filing
    first = filing.reporting_owners[0].relationship
    if first.is_officer or first.is_other:
        return filing  # (an officer's title or other text: its place is not one mark's)
    checked = [k for k, on in (("director", first.is_director), ("ten", first.is_ten_percent_owner)) if on]
    blocks = _owner_blocks(filing, text)
    if blocks is None or not checked:
        return filing
    marks0 = blocks[0]
    if marks0 is None or len(marks0) != len(checked):
        return filing
    column = dict(zip(sorted(marks0), checked, strict=True))
    owners = list(filing.reporting_owners)
    placed: set[str] = set()
    for k in range(1, len(owners)):
        where = f"reporting_owners[{k}].relationship"
        marks = blocks[k]
        if where not in unplaced or not marks or any(x not in column for x in marks):
            continue
        cols = {column[x] for x in marks}
        owners[k] = replace(
            owners[k], relationship=Relationship(is_director="director" in cols, is_ten_percent_owner="ten" in cols)
        )
        placed.add(where)
    if not placed:
        return filing
    return replace(
        filing,
        reporting_owners=tuple(owners),
        missing=tuple(m for m in filing.missing if m not in placed),
        notes=tuple(n for n in filing.notes if not (n.where in placed and n.message.startswith(_UNPLACED))),
    )


def _owner_blocks(filing: Filing, text: str) -> list[set[int] | None] | None:
    """Each owner's marks in the owners table: where each "X" beside its name and address lines
    starts (None for an owner with other text beside them, or whose lines are not found)."""
    lines = text.replace("\r\n", "\n").split("\n")
    start = next((i for i, ln in enumerate(lines) if _OWNERS_RE.match(ln)), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if _END_RE.match(lines[i])), len(lines))
    names = [o.name or "" for o in filing.reporting_owners]
    # Each owner's lines open with its name, in the table's order.
    at: list[int] = []
    i = start + 1
    for name in names:
        found = next((j for j in range(i, end) if name and lines[j].strip() == name), None)
        if found is None:
            return None
        at.append(found)
        i = found + 1
    out: list[set[int] | None] = []
    for k, first in enumerate(at):
        last = at[k + 1] if k + 1 < len(at) else end
        marks: set[int] | None = set()
        for ln in lines[first:last]:
            runs = list(_RUN_RE.finditer(ln.rstrip()))
            for m in runs[1:]:  # (the first run: the name or address line)
                if m.group(0) != "X" or marks is None:
                    marks = None
                    break
                marks.add(m.start())
        out.append(marks)
    return out
