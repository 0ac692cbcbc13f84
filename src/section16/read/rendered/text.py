"""Plain-text front end: a page as text laid out in columns (``pdftotext -layout``, pandoc's plain
text, a browser's "save as text"), and the text of a PDF.

Text has no cells, only characters at positions. Three things are recovered from positions:

* the boxes above Table I stand side by side; each box's label ("1. Name and Address...", "2. Issuer
  Name...", "5. Relationship...") starts a vertical strip, and the strips are read one after another
  (:mod:`.text_boxes`);
* the tables are read by :mod:`.layout` (columns from the headings, rows anchored on their D or I,
  each row's words cut into cells by type and position), or, for a PDF that draws its cell borders,
  by :mod:`.ruled`;
* footnotes: the number "(1)" is centred beside its text, so each footnote is the run of lines
  centred on its number; the Reporting Owners table: an owner's marks stand beside its name.

The result is rows of cells, the same shape the HTML and Markdown front ends give.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import replace

from ...codes import STATE_CODES
from ...errors import ParseError
from ...model import Filing, Note, Relationship
from . import layout, tables
from .boxes import read_form_type
from .browser_boxes import boxes_stateless, clear_boxes
from .browser_signatures import join_wrapped_signatures
from .cells import TABLE_FIELDS, Doc, normalize
from .column_blocks import fill_unread, signature_dates
from .dashed_rows import dashed_table_rows
from .flowing_boxes import flowing_boxes
from .flowing_table import Unsettled, page_lines, read_flowing_table
from .layout_browser_rows import laid_by_browser
from .layout_heading import heading_top
from .layout_rounded import ROUND_TIED
from .layout_ties import AD_TIED, CODE_TIED, GRID_TIED, MARK_TIED, RAISED_TIED, TIED, TITLE_TIED, read_both_ways
from .owners_by_first import place_by_first
from .spaced_boxes import read_off_grid_boxes
from .spaced_owners import off_grid_owner_rows
from .spaced_rows import settle, unglue_headings
from .text_boxes import _header_rows
from .text_clipped import _FREE_WORDS as _FREE_WORDS  # (also read by the tests of text_find)
from .text_clipped import _SECTION_RE
from .text_clipped import PAPER_WIDTH as PAPER_WIDTH
from .text_clipped import mark_clipped as mark_clipped  # (also read by .markdown_lines)
from .text_guards import (
    check_amendment_date,
    check_cut_remarks,
    check_form_words,
    check_name_prints,
    check_note_gaps,
    check_owner_marks,
    check_split_words,
    check_street_spacing,
    check_unread_notes,
    check_unread_rows,
    check_unsaid_box_fields,
)
from .text_lines import _T1_RE, box_labels, chunks, count_captions, table_one_title, table_two_title
from .text_normal import normalize_layout
from .text_note_end import stray_after_notes, unsettle_last_note
from .text_notes import _footnote_rows as _footnote_rows  # (also read by .markdown_lines)

# Grid tables (pandoc draws them with + - | borders): the borders are not text.
_GRID_STARTS = ("|", "+")  # what a grid table's line opens with, after blanks
_GRID_BORDER_RE = re.compile(r"\+[-=+:]*\+?|\|")
_HEAD_RE = re.compile(r"^\s*1\s*\.\s*Title\s+of", re.IGNORECASE)
_NAME_RE = re.compile(r"Name\s+and\s+Address\s+of")
_OWNERS_RE = re.compile(r"^\s*Reporting\s+Owners\s*$", re.IGNORECASE)
_NOTES_RE = re.compile(r"^\s*Explanation\s+of\s+Responses", re.IGNORECASE)
#: The form's own "*" and "**" notes, printed right before the footnotes (form.py's block start where
#: the heading is lost).
_FORM_NOTE_RE = re.compile(
    r"^\W*(?:If\s+the\s+form\s+is\s+filed\s+by\s+more\s+than\s+one|Intentional\s+misstatements\s+or\s+omissions)",
    re.IGNORECASE,
)


def _grid_line(line: str) -> str:
    """The line with each border of a grid table (``_GRID_BORDER_RE``) a space: a line without a
    "+" has only "|" borders, replaced without the pattern."""
    return _GRID_BORDER_RE.sub(" ", line) if "+" in line else line.replace("|", " ")


@functools.lru_cache(maxsize=4096)
def _ends_table(line: str) -> bool:
    """A section's heading or Table II's title: where a table's lines end (asked of a line once)."""
    return _is_section(line) or table_two_title(line)


def _opens_with(line: str, letter: str) -> bool:
    """The line's first character but blanks is ``letter`` (where a heading pattern opened by
    ``^\\s*`` and that letter can match; ``str.lstrip`` strips what ``\\s`` takes)."""
    return line.lstrip()[:1] == letter


def _is_section(line: str) -> bool:
    """``_SECTION_RE.search(line)`` matches: tried only where the line's first letter but blanks is one a
    section's heading opens with, ignoring case ("ſ" the one other letter the engine folds to one of
    them; ``str.lstrip`` strips what the pattern's blanks take). (The pattern costs a microsecond a
    line, and each table's and section's lines are scanned for their end.)"""
    return line.lstrip()[:1] in _SECTION_OPENERS and _SECTION_RE.search(line) is not None


_SECTION_OPENERS = frozenset("RSENPrsenp\u017f")


_REL_HEAD_RE = re.compile(r"Director\s+10\s*%\s*Owner\s+Officer\s+Other")


def _owner_rows(
    lines: list[str],
    begin: int,
    end: int,
    pages: list[int] | None = None,
    unplaced: list[tuple[int, str]] | None = None,
) -> Doc:
    """The Reporting Owners table: name and address lines on the left, an X (or a title) under
    Director, 10% Owner, Officer or Other; owners are separated by blank lines. ``pages``: each line's
    page; an owner whose marks stand on another page than the first owner's, under a heading no mark
    on that page stands under, or whose "X" may stand under either of two packed headings, has its
    number (in the table's order, as the form reader counts owners) put in ``unplaced``, with why."""
    head = next((i for i in range(begin, end) if _REL_HEAD_RE.search(lines[i])), None)
    if head is None:
        return [[c.text for c in chunks(lines[i], i)] for i in range(begin, end) if lines[i].strip()]
    m = _REL_HEAD_RE.search(lines[head])
    assert m is not None
    off_grid = off_grid_owner_rows(lines, head, end, m.start(), _owner_parts, unplaced)  # (headings over names)
    if off_grid is not None:
        return off_grid
    label = lines[head]
    starts = [
        m.start(),
        label.index("10", m.start()),
        label.index("Officer", m.start()),
        label.index("Other", m.start()),
    ]
    bounds = [starts[0] - 2, *[(a + b) // 2 for a, b in itertools.pairwise(starts)]]
    # A mark is centred under its heading; a layout program may shift it towards the next heading's
    # start, so it goes to the heading whose centre is nearest.
    ends = [
        label.index(w, st) + len(w) for st, w in zip(starts, ("Director", "Owner", "Officer", "Other"), strict=True)
    ]
    centres = [(a + b) / 2 for a, b in zip(starts, ends, strict=True)]
    # "Director 10% Owner" one space apart: a layout giving each character a column of its own while
    # the heading's font is narrower pushes "10% Owner" right of where it stands on paper (pdfplumber:
    # "Director" over 8 columns where the paper spends 5 on it). A word's start is never left of its
    # place on paper, and a word is never wider there than in the text, so an "X" more than a column
    # (rounding) right of Director's printed centre but left of the printed "10%" is not centred under
    # Director, and may be under a pushed 10% Owner: which one is not shown.
    packed = ends[0] + 1 == starts[1]
    unsure_rows: set[int] = set()
    # Each owner's address ends with its city line, which parts the owners whether or not blank
    # lines stand between them (a PDF's line spacing leaves blank lines inside an owner too); where
    # that does not give one line of marks per owner, blank lines part them.
    filled = [i for i in range(head + 1, end) if lines[i].strip()]
    groups: list[list[int]] = _owner_parts(lines, filled, bounds[0]) if filled else []
    marked = sum(1 for i in filled if any(c.x >= bounds[0] for c in chunks(lines[i], i)))
    # One line of marks: one owner, whatever blank lines a PDF's line spacing leaves between its
    # name and address lines (parted there, each line became an owner with no name).
    if len(groups) == 1 and marked > 1:
        groups = []
        for i in filled:
            if groups and i == groups[-1][-1] + 1:
                groups[-1].append(i)
            else:
                groups.append([i])
    rows: list[list[list[str]]] = []
    marks_pages: list[set[int]] = []  # the pages each row's marks stand on
    for g in groups:
        for part in _owner_parts(lines, g, bounds[0]):
            cur: list[list[str]] = [[] for _ in range(5)]
            rows.append(cur)
            if pages is not None:
                marks_pages.append({pages[i] for i in part if any(c.x >= bounds[0] for c in chunks(lines[i], i))})
            for i in part:
                # A name or address line is one line of the cell however widely a layout program
                # spaces its words ("MOUNTAIN  VIEW, CA"): its runs are joined, not each made a line.
                # Not where a lone "X" stands among them: a mark the layout set left of its heading
                # (lynx) is no word of the address; each run stays a line, and the cell reads unsure.
                runs = [c.text for c in chunks(lines[i], i) if c.x < bounds[0]]
                if "X" in runs[1:]:
                    cur[0].extend(runs)
                elif runs:
                    cur[0].append(" ".join(runs))
                for c in chunks(lines[i], i):
                    if c.x >= bounds[0]:
                        mid = c.x + len(c.text) / 2
                        # The form prints a lone "X" under Director or 10% Owner only (Officer and
                        # Other print the title or the text): an "X" goes to the nearer of those two.
                        # A long name beside it pushes a line's marks right, past the headings.
                        fits = range(2) if c.text == "X" else range(4)
                        col = 1 + min(fits, key=lambda k: abs(centres[k] - mid))
                        cur[col].append(c.text)
                        if c.text == "X" and packed and centres[0] + 1 < mid and c.x < starts[1]:
                            unsure_rows.add(len(rows) - 1)
    first = next((p for p in marks_pages if p), set())
    later = [bool(p - first) for p in marks_pages] if pages is not None else [False] * len(rows)
    if unplaced is not None and (any(later) or unsure_rows):
        # A layout program may lay out each page on a grid of its own (pdftotext): marks on another
        # page than the first owner's (which box 5 checks, text_guards.check_owner_marks) may stand
        # elsewhere. Marks there under headings that marks on the first owner's page stand under read
        # alike; others (a grid narrower or wider than that page's) are not known.
        seen = {k for r, lt in zip(rows, later, strict=True) if not lt for k in range(1, 5) if r[k]}
        named = itertools.accumulate(1 if r[0] else 0 for r in rows)
        for j, (r, lt, n) in enumerate(zip(rows, later, named, strict=True)):
            # (the owner's number: rows without a name are not owners)
            if j in unsure_rows:
                unplaced.append((n - 1, _PACKED_X))
            elif lt and not {k for k in range(1, 5) if r[k]} <= seen:
                unplaced.append((n - 1, _LATER_PAGE))
    return [["\n".join(cell) if k == 0 else " ".join(cell) for k, cell in enumerate(row)] for row in rows]


_CITY_LINE_RE = re.compile(r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\s*$|\b\d{5}(?:-\d{4})?\s*$")
#: A city line abroad: "CITY, CODE POSTCODE" with EDGAR's code of a country or province (a letter and a
#: digit, "X0", "Y9", "1A") and the postcode as the country writes it ("W1K 3JP", "105-7537", "KY1-9008").
_ABROAD_CODES = "|".join(sorted(c for c in STATE_CODES if not c.isalpha()))
_ABROAD_CITY_LINE_RE = re.compile(r",\s+(?:" + _ABROAD_CODES + r")(?:\s+[A-Z0-9][A-Z0-9 -]{0,11})?\s*$")
_ZIP_LINE_RE = re.compile(r"^\d{5}(?:-\d{4})?$")
#: Country (and state) names as the later designs print them on a line of their own.
_PLACE_NAMES = frozenset(STATE_CODES.values())


def _marks_on(line: str, i: int, left: int) -> bool:
    """Does the line hold an owner's marks: words under the relationship headings, or a lone "X" the
    layout set left of them, after the name or address (lynx: "SAN FRANCISCO, CA 94103      X")?"""
    cs = chunks(line, i)
    return any(c.x >= left for c in cs) or any(c.text == "X" and c.x < left for c in cs[1:])


def _owner_parts(lines: list[str], group: list[int], left: int) -> list[list[int]]:
    """The owners in a run of lines without a blank between them. Each owner's marks stand on one
    line beside its name and address, and each address ends with its city line ("CITY, ST 12345"):
    the run is cut after each city line when that gives one line of marks per owner; otherwise the
    run stays one owner, whose cell then does not read as a single name and address."""
    marked = [i for i in group if _marks_on(lines[i], i, left)]
    if len(marked) <= 1:
        return [group]

    lefts: dict[int, str] = {}  # (each line's left text, joined once: asked of a line up to five times)

    def left_text(i: int) -> str:
        text = lefts.get(i)
        if text is None:
            text = lefts[i] = " ".join(c.text for c in chunks(lines[i], i) if c.x < left)
        return text

    parts: list[list[int]] = [[]]
    for k, i in enumerate(group):
        parts[-1].append(i)
        # The later designs print the country on a line of its own after the zip ("28255" /
        # "UNITED STATES"): the address ends after it.
        country_next = k + 1 < len(group) and left_text(group[k + 1]).strip() in _PLACE_NAMES
        city = _CITY_LINE_RE.search(left_text(i)) or _ABROAD_CITY_LINE_RE.search(left_text(i))
        if (city and not country_next) or (
            left_text(i).strip() in _PLACE_NAMES and k > 0 and _ZIP_LINE_RE.match(left_text(group[k - 1]).strip())
        ):
            parts.append([])
    parts = [p for p in parts if p]
    if len(parts) == len(marked) and all(sum(1 for i in p if i in marked) == 1 for p in parts):
        return parts
    return [group]


#: Rows of cells for the table in lines [start, end) with these columns, from a better source than the
#: characters' positions (the cell borders a PDF draws); None when that source cannot tell.
TableRows = Callable[[int, int, tuple[str, ...]], "list[list[str]] | None"]


#: The Reporting Owners table's rows in lines [start, end), likewise from a better source.
OwnerRows = Callable[[int, int], "list[list[str]] | None"]


#: The boxes above Table I in lines [start, end) as rows of one cell (strip by strip, as
#: ``_header_rows`` gives them), likewise from a better source (the boxes' borders a PDF draws).
HeaderRows = Callable[[int, int], "list[list[str]] | None"]


def text_to_doc(
    data: bytes | str,
    source: str | None = None,
    table_rows: TableRows | None = None,
    owner_rows: OwnerRows | None = None,
    unread: list[tuple[int, int, str]] | None = None,
    header_rows: HeaderRows | None = None,
    footnote_rows: OwnerRows | None = None,
    tie: str | None = None,
    unplaced: list[tuple[int, str]] | None = None,
    unsettled: Unsettled | None = None,
) -> Doc:
    """The page's rows of cells. A table whose rows cannot be placed refuses the page, or, given
    ``unread``, is left out and listed there as (table number, its heading's line, why). ``tie``:
    see :func:`.layout.read_table`. ``unplaced`` gets the owners whose marks cannot be placed (see
    :func:`_owner_rows`)."""
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    # Each line's page (a form feed starts a page): a layout program may print each page to its own
    # width of a character, so a table running on to the next page is placed page by page.
    text_raw = text
    paged = "\f" in text_raw
    grid = laid_by_browser(text_raw)  # (a text browser's dump: rows centred on whole lines)
    if paged:
        raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        pages = list(itertools.accumulate(ln.count("\f") for ln in raw_lines))
    text = normalize_layout(text)
    lines = text.split("\n")
    if "(e.g" in text:  # (Table II's title run into its heading: blanked, so the heading opens its line)
        lines = unglue_headings(lines, paged)
    if not paged:  # (normalize_layout keeps the lines: as many as the page's own)
        pages = [0] * len(lines)
    if "|" in text or "+" in text:  # (a grid table's borders: a page without either has none)
        lines = [
            _grid_line(ln) if ("|" in ln or "+" in ln) and ln.lstrip()[:1] in _GRID_STARTS else ln for ln in lines
        ]  # (a line is stripped, a copy, only where it holds a border's character)
    # The paper's edge may cut a PDF's lines; text laid out page by page (pdftotext) tells the paper.
    # (The PDF front end, which gives the notes from where their words stand, marks cut words itself.)
    if footnote_rows is None or "\f" in text_raw:
        lines = mark_clipped(lines, paged="\f" in text_raw, page=text)
    doc: Doc = []
    name_i = next((i for i, ln in enumerate(lines) if "Name" in ln and _NAME_RE.search(ln)), None)
    t1_i = next((i for i, ln in enumerate(lines) if table_one_title(ln)), None)
    if name_i is None or t1_i is None:
        return _unlabelled_rows(lines, grid, footnote_rows)
    # Table I's heading stands before Table II's title: a "1. Title of" further on is Table II's.
    t2_i = next((i for i in range(t1_i + 1, len(lines)) if table_two_title(lines[i])), len(lines))
    h1 = next((i for i in range(t1_i, t2_i) if _opens_with(lines[i], "1") and _HEAD_RE.search(lines[i])), None)
    if h1 is not None and table_rows is None:  # (labels wrapped above "1. Title of"; a PDF's own text
        h1 = heading_top(lines, t1_i, h1)  # sets its heading's words by where they stand)
    no_head = "the table's column headings were not found"
    if h1 is None:  # the page prints Table I's heading, rows or none: unfound, its rows are unread
        if unread is None:
            raise ParseError(no_head, source=source or "<bytes>", line=t1_i + 1, where="Table I")
        unread.append((1, t1_i + 1, no_head))
    # The boxes start at the first line with a box label (a grid table may put "2." above "1.").
    first_label = next((i for i in range(t1_i) if box_labels(lines[i])), name_i)
    top_end = min(name_i, t1_i, first_label)
    doc.extend([c.text] for i in range(top_end) for c in chunks(lines[i], i))
    box_end = h1 if h1 is not None else t1_i
    got_boxes = header_rows(top_end, box_end) if header_rows else flowing_boxes(lines, top_end, box_end)
    doc.extend(got_boxes if got_boxes is not None else _header_rows(lines, top_end, box_end))
    form = read_form_type("\n".join(r[0] for r in doc)) or "4"
    doc.append([_T1_RE.search(lines[t1_i]).group(0) + " Non-Derivative Securities"])  # type: ignore[union-attr]
    i = box_end
    table = 1
    t2_row = len(doc)
    t2_head = False
    t2_line = 0
    h2 = -1  # Table II's heading's top
    unheaded = "Explanation" not in text  # (the notes' heading lost)
    while i < len(lines):
        ln = lines[i]
        # (Each heading's pattern is tried only where the line's first letter but blanks is its own.)
        first = ln.lstrip()[:1]
        if (table == 1 and h1 is not None and i == h1) or (
            table == 2 and (i == h2 or (first == "1" and _HEAD_RE.search(ln)))
        ):
            t2_head = t2_head or table == 2
            end = next((j for j in range(i + 1, len(lines)) if _ends_table(lines[j])), len(lines))
            cols = tables.columns(form, table)
            # (The cells a PDF's rules draw, else those a column rule of dashes marks, else a search.)
            got = table_rows(i, end, cols) if table_rows else dashed_table_rows(lines, i, end, cols)
            if got is not None and table == 2:
                # The rules gave the table from the top of its heading's band: heading words a page
                # printed above the "1. Title of" line (a tall heading centred in its cells) are not rows.
                del doc[t2_row:]
            try:
                rows, why = (
                    (got, None)
                    if got is not None
                    else layout.read_table(lines, i, end, form, table, pages, tie, gaps=table_rows is None, grid=grid)
                )
            except tables.RowError as e:
                rows, why = [], str(e)
            if got is None:  # (each line a row of its own grid, cells two blanks apart)
                rows, why = settle(lines, i, end, cols, pages, rows, why)
            if why and got is None:  # (a heading run together as a paragraph: rows cut by their words' types)
                flowing = read_flowing_table(lines, page_lines(text_raw, len(lines)), i, end, form, table, unsettled)
                if flowing is not None:
                    rows, why = ([], flowing) if isinstance(flowing, str) else (flowing, None)
            if why and unread is None:
                raise ParseError(why, source=source or "<bytes>", line=i + 1, where=f"Table {'I' * table}")
            if why and unread is not None:
                unread.append((table, i + 1, why))
                if table == 2:  # (what stands between its title and "1. Title of" is its heading's)
                    del doc[t2_row:]
            else:
                doc.extend(rows)
            i = end
            continue
        if table_two_title(ln):
            table = 2
            doc.append(["Table II - Derivative Securities"])
            t2_row = len(doc)
            t2_line = i
            h2 = next((j for j in range(i + 1, len(lines)) if _HEAD_RE.search(lines[j]) or _ends_table(lines[j])), -1)
            h2 = heading_top(lines, i, h2) if h2 >= 0 and _HEAD_RE.search(lines[h2]) and table_rows is None else -1
            i += 1
            continue
        if first in "Rr" and first and _OWNERS_RE.match(ln):
            end = next((j for j in range(i + 1, len(lines)) if _is_section(lines[j])), len(lines))
            doc.append(["Reporting Owners"])
            got_owners = owner_rows(i + 1, end) if owner_rows else None
            doc.extend(got_owners if got_owners is not None else _owner_rows(lines, i + 1, end, pages, unplaced))
            i = end
            continue
        if first in "Ee" and first and _NOTES_RE.match(ln):
            end = next((j for j in range(i + 1, len(lines)) if _is_section(lines[j])), len(lines))
            doc.append(["Explanation of Responses:"])
            doc.extend(_note_rows(lines, i + 1, end, grid, footnote_rows))
            i = end
            continue
        if unheaded and first in "*Ii" and _FORM_NOTE_RE.match(ln):
            # The heading lost, the form's own "*" note opens the block (form.py reads it from there):
            # the notes read from its lines as under the heading, a number beside its note's middle.
            end = next((j for j in range(i + 1, len(lines)) if _is_section(lines[j])), len(lines))
            doc.extend(_note_rows(lines, i, end, grid, footnote_rows))
            i = end
            unheaded = False
            continue
        cs = chunks(ln, i)
        if cs:
            doc.append([c.text for c in cs])
        i += 1
    if table == 2 and not t2_head:  # Table II's title, and no heading under it: its rows are unread
        if unread is None:
            raise ParseError(no_head, source=source or "<bytes>", line=t2_line + 1, where="Table II")
        unread.append((2, t2_line + 1, no_head))
    if grid:  # (a signature wrapped in its cell: its further lines stand alone under its date)
        doc = join_wrapped_signatures(doc)
    return [[normalize(c) for c in row] for row in doc]


def _note_rows(lines: list[str], begin: int, end: int, grid: bool, footnote_rows: OwnerRows | None) -> Doc:
    """The footnotes' rows, from the lines after "Explanation of Responses:" to the next section."""
    stray = stray_after_notes(lines, begin, end)  # (the heading after the notes lost)
    notes_end = end if stray is None else stray
    got_notes = footnote_rows(begin, notes_end) if footnote_rows else None
    rows = got_notes if got_notes is not None else _footnote_rows(lines, begin, notes_end, grid)
    return rows if stray is None else unsettle_last_note(rows)


def _unlabelled_rows(lines: list[str], grid: bool, footnote_rows: OwnerRows | None) -> Doc:
    """A page whose box 1 label or Table I title was not found (a broken page): each line a row, but
    the footnotes read as notes (a number beside its note's middle line is not read as opening the
    note's last lines)."""
    doc: Doc = []
    i = 0
    unheaded = not any(_NOTES_RE.match(ln) for ln in lines)
    while i < len(lines):
        ln = lines[i]
        if _NOTES_RE.match(ln) or (unheaded and _FORM_NOTE_RE.match(ln)):
            end = next((j for j in range(i + 1, len(lines)) if _is_section(lines[j])), len(lines))
            if unheaded:  # (the heading lost: the form's "*" note opens the block, as form.py reads it)
                doc.extend(_note_rows(lines, i, end, grid, footnote_rows))
                unheaded = False
            else:
                doc.append(["Explanation of Responses:"])
                doc.extend(_note_rows(lines, i + 1, end, grid, footnote_rows))
            i = end
            continue
        if ln.strip():
            doc.append([ln])
        i += 1
    return [[normalize(c) for c in row] for row in doc]


_LATER_PAGE = "the owner's marks stand on a later page than the first owner's, on another grid: not placed"
_PACKED_X = "an 'X' between Director's centre and a '10% Owner' the layout may have pushed right: not placed"


def _unplaced_marks(filing: Filing, unplaced: list[tuple[int, str]]) -> Filing:
    """The owners whose marks do not settle which headings they stand under (on another page than the
    first owner's, or beside packed headings): their relationships are listed missing, not read."""
    # (The first owner's marks are box 5's, read apart from the table.)
    which = dict(kw for kw in unplaced if 0 < kw[0] < len(filing.reporting_owners))
    if not which:
        return filing
    owners = list(filing.reporting_owners)
    for k in which:
        owners[k] = replace(owners[k], relationship=Relationship())
    missing = [*filing.missing, *(f"reporting_owners[{k}].relationship" for k in which)]
    notes = [*filing.notes, *(Note(f"reporting_owners[{k}].relationship", why) for k, why in which.items())]
    return replace(filing, reporting_owners=tuple(owners), missing=tuple(dict.fromkeys(missing)), notes=tuple(notes))


def read_text(data: bytes | str, source: str | None = None) -> Filing:
    """A laid-out page read into a Filing. A table whose rows cannot be placed on its columns (words
    that fit no column, lines that fit two rows alike) does not cost the rest of the page: its rows
    are listed missing, with why, and everything else the page shows is read. Check boxes a text
    browser printed without their state are listed missing (:mod:`.browser_boxes`)."""
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data  # (decoded once)
    filing = _read_text(text, source)
    return clear_boxes(filing) if boxes_stateless(text) else filing


def _read_text(text: str, source: str | None) -> Filing:
    from .form import read_doc  # (form reads every front end's rows; imported here, where it is used)

    text = signature_dates(text)  # (a PDF's text box by box: each date back beside its signature)
    unread: list[tuple[int, int, str]] = []
    unplaced: list[tuple[int, str]] = []
    unsettled = Unsettled()  # (flowing rows' cells that two cuts read apart)
    doc = text_to_doc(text, source, unread=unread, unplaced=unplaced, unsettled=unsettled)
    filing = unsettled.declared(_unplaced_marks(read_doc(doc, source, "text"), unplaced))
    ties = (TIED, GRID_TIED, ROUND_TIED)
    untold = (AD_TIED, TITLE_TIED, MARK_TIED, RAISED_TIED, CODE_TIED)
    tied = {t for t, _l, why in unread if why in ties or why.endswith(untold)}
    unsure: list[str] = []
    if tied:

        def read(tie: str) -> tuple[Filing, set[int]]:
            again: list[tuple[int, int, str]] = []
            return read_doc(text_to_doc(text, source, unread=again, tie=tie), source, "text"), {t for t, *_ in again}

        # Each tied table's readings may differ only where its tie lies: natures between two rows,
        # a moved row's acquired or disposed (also where the rows' lines tie: a tie's readings read
        # a moved page's unsure rows either way), or titles that may run on into the next row's.
        fields = {
            t: ("acquired_disposed",) if why.endswith(AD_TIED)
            else ("security_title", "underlying_title", "nature_of_ownership", "acquired_disposed")
            if why.endswith(TITLE_TIED) and TIED in why else ("security_title", "underlying_title")
            if why.endswith(TITLE_TIED) else ("exercise_date", "expiration_date", "shares") if why.endswith(MARK_TIED)
            else ("security_title", "underlying_title", "nature_of_ownership") if why.endswith(RAISED_TIED)
            else ("shares", "acquired_disposed") if why.endswith(CODE_TIED)
            else ("nature_of_ownership", "security_title", "underlying_title") if why in (GRID_TIED, ROUND_TIED)
            else ("nature_of_ownership", "acquired_disposed")
            for t, _l, why in unread if t in tied
        }  # fmt: skip
        both = read_both_ways(read, tied, fields)
        if both is None:
            tied = set()
        else:
            filing, unsure = both
            # (a tied table neither cut reads is given whole among the paths: not read, as before)
            tied -= {t for t in tied if TABLE_FIELDS[t][0] in unsure}
            unsure = [p for p in unsure if "[" in p]
    filing, by_blocks = fill_unread(filing, text, unread, tied) if unread else (filing, set())
    filing = read_off_grid_boxes(filing, text)  # (boxes 2 and 5 on grids of their own, where unread)
    filing = check_cut_remarks(place_by_first(check_owner_marks(filing, doc, text), text), text)
    filing = check_form_words(check_street_spacing(check_name_prints(check_split_words(filing), text), text))
    filing = check_unread_rows(check_unread_notes(check_amendment_date(filing, text), text), text)
    filing = check_note_gaps(check_unsaid_box_fields(filing))
    missing = [*filing.missing, *unsure]
    notes = [*filing.notes]
    drop: set[str] = set()
    captions = count_captions(text)
    if len(filing.signatures) < captions:
        # Each signature (or group) stands over its own caption: fewer signatures than captions
        # means some were run together or lost (none read: all lost, e.g. a date wrapped over two
        # lines), and the rest may be paired with the wrong lines.
        drop.add("signatures")
        notes.append(Note("signatures", f"{len(filing.signatures)} signatures read under {captions} captions"))
    failed = {t for t, _l, _w in unread}
    for table, line, why in unread:
        if table in tied:
            notes.append(Note(f"Table {'I' * table}", f"rows read (line {line}): {why}; {len(unsure)} natures of "
                              "ownership between two rows, acquired or disposed or titles not given"))  # fmt: skip
            continue
        drop.update(TABLE_FIELDS[table])
        notes.append(Note(f"Table {'I' * table}", f"rows not read (line {line}): {why}"))
    if any(not why.startswith(_ROW_LOCAL) for _t, _l, why in unread):
        # Not one row's words but the table's lines (rows that fit two cuts, no row's D or I): the
        # layout moved whole rows, and the other table's lines were placed by the same layout.
        for table in {1, 2} - failed - by_blocks:  # (a table read from its cells' boxes stands alone)
            drop.update(TABLE_FIELDS[table])
            notes.append(Note(f"Table {'I' * table}", "rows not given: the page's other table could not be read"))
    if not drop:
        return replace(filing, missing=tuple(dict.fromkeys(missing)), notes=tuple(notes)) if tied else filing
    missing.extend(sorted(drop))
    cleared = {f: () for f in drop}
    return replace(filing, **cleared, missing=tuple(dict.fromkeys(missing)), notes=tuple(notes))  # type: ignore[arg-type]


#: Why a table was not read, when only one row's words could not be placed on its columns, or its
#: rows were all found but back-to-back lines fit two of them alike (a tie among its own rows says
#: nothing of the other table's lines).
_ROW_LOCAL = ("a row's words do not fit", "'", TIED, GRID_TIED, ROUND_TIED, "values under the heading, but no row")
