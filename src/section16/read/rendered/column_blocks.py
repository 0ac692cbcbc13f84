"""Text a PDF library gives box by box (pdfminer.six's ``extract_text``: each text box a paragraph,
the boxes in an order of its own): what sits side by side on the printed form comes one after the
other, each box whole. Where the form itself says which box is whose, the page's lines are put back
as a laid-out page prints them; otherwise they are left as they are (and the reader says what it
cannot read).

* A signature's date: the form prints the name over its caption "Signature of Reporting Person" and
  the date over its caption "Date" beside it. pdfminer gives the name's box (the name, maybe its
  caption under it), then the date's (the date, maybe "Date" under it): the name's box, its date,
  then the captions. Where the caption stands alone on its line with exactly one date and the
  "Date" caption around it, the date goes back beside the name's last line and "Date" beside the
  caption, as every laid-out text prints them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...model import DerivativeTransaction, Filing, NonDerivativeTransaction
from .cells import TABLE_FIELDS

_CAPTION = "Signature of Reporting Person"
_CAPTION_LINE_RE = re.compile(r"^\W*Signature\s+of\s+Reporting\s+Person\W*$")
_DATE_LINE_RE = re.compile(r"^\s*\d{1,2}/\d{1,2}/\d{4}\s*$")
_DATE_CAPTION_RE = re.compile(r"^\s*Date\s*$")


def signature_dates(text: str) -> str:
    """The page's text with each signature's date put beside its name (see the module's doc); the
    text itself where no caption stands so."""
    if not _caption_alone(text):
        return text
    lines = text.split("\n")
    at = [k for k, ln in enumerate(lines) if _CAPTION in ln and _CAPTION_LINE_RE.match(ln)]
    if not at:
        return text
    changed = False
    for k in at:
        moved = _moved(lines, k)
        if moved is not None and _box_follows_heading(lines, moved[0]):
            name, date, gone = moved
            lines[name] = f"{lines[name].rstrip()}  {lines[date].strip()}"
            lines[k] = f"{lines[k].rstrip()}  Date"
            for j in gone:
                lines[j] = ""
            changed = True
    return "\n".join(lines) if changed else text


def _caption_alone(text: str) -> bool:
    """Does a caption stand alone on its line? (Looked for at the page's few captions: a laid-out
    page prints "Date" beside each, and is not split into lines for nothing.)"""
    at = text.find(_CAPTION)
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        if _CAPTION_LINE_RE.match(text[start : end if end >= 0 else len(text)]):
            return True
        at = text.find(_CAPTION, at + len(_CAPTION))
    return False


_SIGNATURES_RE = re.compile(r"^\W*Signatures\W*$")


def _box_follows_heading(lines: list[str], name: int) -> bool:
    """Does the name's box (its lines up from ``name``, no blank line between) stand right under the
    "Signatures" heading or the captions of the signature before it? Another box between them (an
    owner's title from the owners table, printed beside) would be read as the name's first words."""
    top = name
    while top > 0 and lines[top - 1].strip():
        top -= 1
    above = _filled(lines, top, -1)
    if above is None:
        return False
    line = lines[above]
    return bool(_SIGNATURES_RE.match(line) or _DATE_CAPTION_RE.match(line) or _CAPTION in line)


def _filled(lines: list[str], k: int, step: int) -> int | None:
    """The next line from ``k`` (not ``k`` itself) holding text, going ``step`` (1 down, -1 up)."""
    j = k + step
    while 0 <= j < len(lines):
        if lines[j].strip():
            return j
        j += step
    return None


def _moved(lines: list[str], k: int) -> tuple[int, int, list[int]] | None:
    """For the caption alone on line ``k``: (the name's last line, the date's line, the lines to
    clear: the date's and the "Date" caption's), or None where the lines do not stand so."""
    below = _filled(lines, k, 1)
    if below is None:
        return None
    if _DATE_LINE_RE.match(lines[below]):
        # The name's box, caption under it; then the date's box, "Date" under it.
        after = _filled(lines, below, 1)
        if after is None or not _DATE_CAPTION_RE.match(lines[after]):
            return None
        name = k - 1
        if (
            name < 0
            or not lines[name].strip()
            or _DATE_LINE_RE.match(lines[name])
            or _DATE_CAPTION_RE.match(lines[name])
        ):
            return None  # (no name right above its caption: whose the date is is not shown)
        return name, below, [below, after]
    if _DATE_CAPTION_RE.match(lines[below]):
        # The name's box, then the date's box, then both captions: name / date / caption / "Date".
        date = _filled(lines, k, -1)
        if date is None or not _DATE_LINE_RE.match(lines[date]) or date == k - 1:
            return None
        above = _filled(lines, date, -1)
        if above is None or above != date - 2 or _CAPTION in lines[above] or _DATE_CAPTION_RE.match(lines[above]):
            return None  # (the name's box stands right above the date's, one blank line between)
        return above, date, [date, below]
    return None


# -- A table's one row, its cells given column by column ------------------------------------------
#
# pdfminer gives a table's heading labels one box each, then the cells, each column's top to bottom,
# some columns after the line under the table ("Reminder: ..."). With one row, the cells in that
# order are the row's, left to right: they are cut into the columns by their values' types (as a
# row written as text is: ``flowing_rows.place_flowing``), and read only where exactly one cut makes
# a row the form can print. With more rows, which cell is whose is not shown: not read.

_TITLE_RES = {
    1: re.compile(r"^\W*Table\s+I\s*-\s*Non-Derivative"),
    2: re.compile(r"^\W*Table\s+II\s*-\s*Derivative"),
}
#: Where a table's part of the page ends: the next table's title, the owners table, the notes.
_REGION_END_RE = re.compile(
    r"^\W*(?:Table\s+II\s*-|Reporting\s+Owners|Signatures\b|Explanation\s+of\s+Responses|Remarks\s*:)"
)
#: The form's own lines around the tables (no cell of a row).
_FORM_TEXT_RE = re.compile(
    r"^\W*(?:Reminder\s*:|Persons\s+who\s+respond|this\s+form\s+are\s+not|currently\s+valid|form\s+displays|"
    r"SEC\s+\d{4}|\(e\.\s*g\.|Table\s+II?\s*-)",
    re.IGNORECASE,
)
#: The heading's labels ("2A. Deemed"), notes ("(Instr. 3)", "(Month/Day/Year)") and words.
_LABEL_RE = re.compile(r"^\d{1,2}[A-Z]?\.(?!\d)|\(Instr\.|\(Month/Day/Year\)|Month/Day/Year")
_HEADING_WORDS = frozenset((
    "title", "of", "security", "transaction", "date", "deemed", "execution", "if", "any", "code", "securities",
    "acquired", "(a)", "or", "disposed", "(d)", "amount", "beneficially", "owned", "following", "reported",
    "transaction(s)", "ownership", "form:", "form", "direct", "indirect", "(i)", "nature", "beneficial", "price",
    "v", "derivative", "conversion", "exercise", "exercisable", "expiration", "underlying", "number", "shares",
    "and", "instr.", "3)", "4)", "5)", "8)", "3,", "4,", "(instr.", "(month/day/year)", "day/year)",
    "(month/day/year", "security:",
))  # fmt: skip


#: A column's numbered label where it opens a line or follows white space ("2A. Deemed").
_LABEL_AT_RE = re.compile(r"(?:^|\s)\d{1,2}[A-Z]?\s*\.\s*[A-Z]")
#: A table's first column label, which opens its heading (group 1: Table II's "Derivative").
_FIRST_LABELS_RE = re.compile(r"^\s*1\s*\.\s*Title\s+of\s+(?:Security|(Derivative))")


def is_heading(box: list[str]) -> bool:
    """A box of the heading: every line a label, a note or the heading's words (no value)."""
    for line in box:
        s = line.strip()
        if _LABEL_RE.search(s):
            continue
        words = [w.strip(",;") for w in s.lower().split()]
        if not words or any(w not in _HEADING_WORDS for w in words):
            return False
    return True


def _boxes(lines: list[str]) -> list[list[str]]:
    """The lines parted into boxes by blank lines."""
    out: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            out[-1].append(line)
        elif out[-1]:
            out.append([])
    return [b for b in out if b]


def one_row(text: str, table: int, form: str) -> list[str] | None:
    """The cells of ``table``'s one row where the page gives its cells column by column (see above),
    one per column; None where they cannot be told so (no value, a value before the heading, a box
    neither the heading's nor a value's, more than one row's values, or a cut not settled)."""
    from .flowing_rows import place_flowing  # (the row rules import the table rules: import late)
    from .tables import columns

    lines = text.split("\n")
    start = next((k for k, ln in enumerate(lines) if _TITLE_RES[table].match(ln)), None)
    if start is None:
        return None
    end = next((k for k in range(start + 1, len(lines)) if _REGION_END_RE.match(lines[k])), len(lines))
    if any(len(_LABEL_AT_RE.findall(ln)) > 1 for ln in lines[start + 1 : end]):
        return None  # (labels side by side on a line: a laid-out page, not one box a label)
    heading_seen = False
    values: list[str] = []
    for box in _boxes(lines[start + 1 : end]):
        if _FORM_TEXT_RE.match(box[0]):
            continue
        first = _FIRST_LABELS_RE.match(" ".join(ln.strip() for ln in box))
        if first is not None and (first.group(1) is None) != (table == 1):
            return None  # (the other table's heading: its boxes and this one's are mixed)
        if [ln.strip() for ln in box] == ["V"]:
            return None  # (a "V" alone: the heading's, over the code, or a row's value? not shown)
        if is_heading(box):
            heading_seen = heading_seen or first is not None
            continue
        if not heading_seen or any(_FORM_TEXT_RE.match(ln) or _LABEL_RE.search(ln) for ln in box):
            return None  # (a value above the heading, or a box mixing the heading's words with values)
        values.append(" ".join(ln.strip() for ln in box))
    words = [v for v in values if len(v) > 2 and not any(ch.isdigit() for ch in v)]
    if not values or len(set(words)) < len(words):
        return None  # (nothing shown, or words twice: a title of another row)
    cut = place_flowing([" ".join(values)], columns(form, table))
    if cut is None or len(cut) != 1:
        return None
    return cut[0]


def fill_unread(
    filing: Filing, text: str, unread: list[tuple[int, int, str]], skip: set[int]
) -> tuple[Filing, set[int]]:
    """The filing with each table the laid-out reader left unread (``unread``: table, line, why) read
    as one row given column by column, where :func:`one_row` reads it; those tables are taken out of
    ``unread`` and returned. ``skip``: tables read otherwise (rows tied two ways), left as they are."""
    from .tables import RowError, read_table

    form = (filing.document_type or "").split("/")[0]
    done: set[int] = set()
    for table, _line, _why in unread:
        fields = TABLE_FIELDS[table]
        if table in skip or form not in ("3", "4", "5") or any(m.startswith(fields) for m in filing.missing):
            continue
        cells = one_row(text, table, form)
        if cells is None:
            continue
        try:
            rows = read_table([cells], form, table)
        except RowError:
            continue
        made = (NonDerivativeTransaction, DerivativeTransaction)
        filing = replace(
            filing,
            **{
                fields[0]: tuple(r for r in rows if isinstance(r, made)),
                fields[1]: tuple(r for r in rows if not isinstance(r, made)),
            },  # type: ignore[arg-type]
        )
        done.add(table)
    unread[:] = [u for u in unread if u[0] not in done]
    return filing, done
