"""What PDF-to-Markdown converters (pymupdf4llm, OCR and vision models) do to the printed form, undone
where the page still shows how: the Markdown front end's passes for pages made from a PDF.

Such a converter draws pipe tables from the PDF's rules and text, not from the form's boxes and
columns: bold runs lose the spaces around them, footnote numbers are bold and centred on their text
(or run on after a footnote the paper's edge cut), a table's title is cut by cell boundaries, box 1's
captions and values share cells with other boxes, the signature block comes apart. Each pass below
either restores what the page shows or leaves a part out (listed missing by the form reader), never
guesses. The table rows themselves are placed by :mod:`.markdown_rows`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .cells import CLIPPED, UNSETTLED, Doc

_TAG_RE = re.compile(r"</?[A-Za-z][^>]*>")


#: A footnote's number in bold ("**(2)**", as a PDF-to-Markdown converter prints the page's marks)
#: standing after other text on its line (the converter ran two footnotes together), or glued to
#: the text that follows it ("**(7)**<sup>Shares").
_MID_MARK_RE = re.compile(r"(?<=[^\s*-])[ \t]*(?=\*\*\(\d{1,3}\)\*\*)")
_GLUED_MARK_RE = re.compile(r"(\*\*\(\d{1,3}\)\*\*)(?=[^\s*])")
#: The end of a footnote's last sentence, before a run-on mark: without it the text was cut.
_SENTENCE_END_RE = re.compile(r"[.!?;:)\"'\u201d]\W*$")
#: Put after the text before a run-on mark when it does not end a sentence; becomes CLIPPED.
CUT = "\uf8fe"
_FN_NUMBER_RE = re.compile(r"^\(\d{1,3}\)\s")
_LONE_NUMBER_RE = re.compile(r"^\(\d{1,3}\)$")
#: A note's text (after its number, if on its row) opening with a small letter.
_MID_SENTENCE_RE = re.compile(r"^(?:\(\d{1,3}\)\s+)?[a-z]")
#: A note shorter than this fits a printed line (a PDF's are about 300 characters wide): not cut at the
#: paper's edge, nor parted from its other lines, whether or not it ends a sentence ("(1) IRA").
_SHORT_NOTE = 120
#: Where the footnotes end: the remarks, the form's closing notes.
_NOTES_END_RE = re.compile(r"^\W*(?:Remarks|Note\s*:\s*File|Reminder|Potential\s+persons|Persons\s+who)", re.IGNORECASE)
_REMARKS_HEAD_RE = re.compile(r"^\W*Remarks\s*:?\W*$", re.IGNORECASE)
_FN_HEAD_RE = re.compile(r"^\((\d{1,3})\)\s+(?=[a-z])")
_STAR_NOTE_RE = re.compile(r"^\W*(?:If the form is filed|Intentional misstatements)", re.IGNORECASE)


def part_run_on_marks(lines: list[str], at: Iterable[int] | None = None) -> list[str]:
    """Lines with a bold footnote number after other text split there, each footnote a paragraph of
    its own. A PDF-to-Markdown converter runs two footnotes into one line where the first one's last
    line was cut at the paper's edge: text before such a number that does not end a sentence is
    marked cut (not whole), not read as the footnote's whole text. ``at``: the lines holding "**(",
    when the caller knows them (every line is looked at otherwise). The list itself is returned when
    no line changes."""
    changed: list[tuple[int, list[str]]] = []
    for k in range(len(lines)) if at is None else at:
        line = lines[k]
        if "**(" not in line or "|" in line:
            continue
        glued = _GLUED_MARK_RE.sub(r"\1 ", line)
        parts = _MID_MARK_RE.split(glued)
        if len(parts) == 1:
            if glued != line:
                changed.append((k, [glued]))
            continue
        new: list[str] = []
        for j, part in enumerate(parts):
            if j + 1 < len(parts) and not _SENTENCE_END_RE.search(_TAG_RE.sub("", part).rstrip(" *_")):
                part += CUT
            new.extend((part, ""))
        changed.append((k, new))
    return _replaced(lines, changed)


def _replaced(lines: list[str], changed: list[tuple[int, list[str]]]) -> list[str]:
    """The lines with each line changed (its index, ascending) replaced by its new lines; the list
    itself when none is."""
    if not changed:
        return lines
    out: list[str] = []
    last = 0
    for k, new in changed:
        out.extend(lines[last:k])
        out.extend(new)
        last = k + 1
    out.extend(lines[last:])
    return out


#: A section's bold heading standing inside a paragraph: a PDF converter ran the section into the one
#: above (the owners table's words, then "**Signatures** /s/ ...").
_INLINE_SECTION_RE = re.compile(r"(?<=\S)\s*(\*\*(?:Signatures?|Explanation of Responses:?|Remarks:?)\*\*)\s*")
_CAPTION_LINE_RE = re.compile(r"^\W*Signature\s+of\s+Reporting\s+Person\W*$", re.IGNORECASE)
_DATE_LINE_RE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")
_SIG_HEAD_LINE_RE = re.compile(r"^\s*Signatures\s*$", re.MULTILINE)
#: The "Signatures" heading in a cell with other lines, as the page's Markdown writes it: the heading
#: before a line break ("Signatures** <br"), or after one ("<br /> **Signatures"), looked for back
#: from each "Signatures" (a pattern opening with "<br" would be tried at each of the page's many).
_SIG_HEADING_BEFORE_BR_RE = re.compile(r"Signatures\**\s*<br")


def sig_heading_in_cell(text: str) -> bool:
    """Does the page's Markdown hold the "Signatures" heading in a cell with other lines?"""
    at = text.find("Signatures")
    if at < 0:
        return False
    if _SIG_HEADING_BEFORE_BR_RE.search(text, at) is not None:
        return True
    while at >= 0:
        if _after_line_break(text, at):
            return True
        at = text.find("Signatures", at + 1)
    return False


def _after_line_break(text: str, at: int) -> bool:
    r"""Does ``<br\s*/?>\s*\**`` end right before ``at``? (Read backwards: the stars, the white space,
    then ">", maybe "/", white space and "<br".)"""
    k = at
    while k > 0 and text[k - 1] == "*":
        k -= 1
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k == 0 or text[k - 1] != ">":
        return False
    k -= 1
    if k > 0 and text[k - 1] == "/":
        k -= 1
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return text.endswith("<br", 0, k)


_CAPTION_END_RE = re.compile(r"Signature\s+of\s+Reporting\s+Person\W*$", re.IGNORECASE)


def part_inline_sections(lines: list[str], at: Iterable[int] | None = None) -> list[str]:
    """Lines holding a section's bold heading after other text split there. ``at``: the lines holding
    "**Signature", "**Explanation" or "**Remarks", when the caller knows them (every line is looked at
    otherwise). The list itself is returned when no line changes."""
    changed: list[tuple[int, list[str]]] = []
    for k in range(len(lines)) if at is None else at:
        line = lines[k]
        m = _INLINE_SECTION_RE.search(line) if "**" in line and "|" not in line else None
        if m and line[: m.start()].strip(" #*->"):  # (a Markdown heading's own "### " is not text)
            new: list[str] = []
            for part in _INLINE_SECTION_RE.split(line):  # (the heading, kept by the split's group)
                if part.strip():
                    new.extend((part, ""))
            changed.append((k, new))
    return _replaced(lines, changed)


def _part_signature_heading(doc: Doc) -> Doc:
    """A cell holding the "Signatures" heading among other lines (a PDF converter drew the section
    into the owners table): the heading as a row of its own, the lines before and after it apart."""
    out: Doc = []
    for row in doc:
        k = next((k for k, c in enumerate(row) if "Signatures" in c and _SIG_HEAD_LINE_RE.search(c)), None)
        if k is None:
            out.append(row)
            continue
        lines = row[k].split("\n")
        at = next(j for j, ln in enumerate(lines) if _SIG_HEAD_LINE_RE.fullmatch(ln))
        before, after = "\n".join(lines[:at]), [ln.strip() for ln in lines[at + 1 :] if ln.strip()]
        if len(row) == 1:
            out.extend(([before],) if before.strip() else ())
            out.append(["Signatures"])
            out.extend([ln] for ln in after)
        elif not after:
            out.extend(([*row[:k], before, *row[k + 1 :]], ["Signatures"]))
        elif not before.strip():
            out.extend((["Signatures"], [*row[:k], "\n".join(after), *row[k + 1 :]]))
        else:
            out.append(row)  # lines of another section on both sides: left as it is
    return out


def signature_rows(doc: Doc, heading_in_cell: bool = True) -> Doc:
    """The signature block as the page prints it (the name and its date side by side, the captions
    "Signature of Reporting Person" and "Date" under them), where a PDF converter gave it otherwise:
    each value over its caption in one cell (| name / caption | date / Date |), or the date and its
    caption as paragraphs after the name's caption."""
    out: Doc = []
    i = 0
    if heading_in_cell:  # (the page holds "Signatures" beside a line break: see sig_heading_in_cell)
        doc = _part_signature_heading(doc)
    # Only the rows next to a caption (the caption ends a row's first cell) are looked at.
    caps = [
        k
        for k, r in enumerate(doc)
        if r
        and (
            ("ignature" in r[0] and _CAPTION_END_RE.search(r[0]))
            or (not r[0].strip() and any("ignature" in c for c in r) and _is_caption_row(r))
        )
    ]
    near = {j for k in caps for j in range(k - 1, k + 2)}
    while i < len(doc):
        row = doc[i]
        if i not in near:
            out.append(row)
            i += 1
            continue
        if i + 1 < len(doc) and sum(1 for c in row if c.strip()) > 2 and _is_caption_row(doc[i + 1]):
            # The name above the caption cut across cells ("/s/ Linda Lam by Power of Attorney fo" |
            # "r Darla Smi" | "th"): where its words part cannot be told. Not read (the reader then
            # lists the signatures missing).
            i += 1
            continue
        if (
            len(row) == 2
            and "\n" in row[0]
            and _DATE_LINE_RE.match(row[1].strip())
            and i + 1 < len(doc)
            and doc[i + 1]
            and _CAPTION_LINE_RE.match(doc[i + 1][0])
        ):
            # A name over its caption, its date beside it: one signature, its lines wrapped by the PDF.
            out.append([" ".join(row[0].split()), row[1]])
            i += 1
            continue
        if len(row) == 2 and "\n" in row[0] and "\n" in row[1]:
            name, _, cap = row[0].rpartition("\n")
            date, _, dcap = row[1].rpartition("\n")
            if _CAPTION_LINE_RE.match(cap) and dcap.strip() == "Date" and _DATE_LINE_RE.match(date.strip()):
                out.extend(([name, date.strip()], [cap, dcap]))
                i += 1
                continue
        if (
            len(row) == 1
            and _CAPTION_LINE_RE.match(row[0])
            and i + 1 < len(doc)
            and len(doc[i + 1]) == 1
            and out
            and len(out[-1]) == 1
        ):
            date_row = doc[i + 1][0]
            date = date_row.removesuffix("Date").strip()
            if _DATE_LINE_RE.match(date):
                out[-1] = [out[-1][0], date]
                out.append([row[0], "Date"])
                skip = 2 if date_row.endswith("Date") else (3 if i + 2 < len(doc) and doc[i + 2] == ["Date"] else 2)
                i += skip
                continue
        out.append(row)
        i += 1
    return out


def _is_caption_row(row: list[str]) -> bool:
    """Is the row the name's caption (and the date's): in its first cell, or cut across cells from
    an empty one on ("" | "*" | "*Signature of Reporting Person" | "" | "Date")?"""
    if not row:
        return False
    if _CAPTION_LINE_RE.match(row[0]):
        return True
    cells = [c.strip() for c in row if c.strip()]
    if cells and cells[-1] == "Date":
        cells.pop()
    return bool(cells) and not row[0].strip() and _CAPTION_LINE_RE.match(" ".join(cells)) is not None


def join_footnote_heads(doc: Doc) -> Doc:
    """A footnote whose number a PDF printed beside the middle of its text: the lines above the number
    come first, as a paragraph of their own, and the text after the number goes on mid-sentence
    (lower case). The paragraph is joined to that footnote where its sentence runs on into it (it
    does not end a sentence); the first footnote's also where it follows the form's own notes."""
    start = next((i for i, r in enumerate(doc) if len(r) == 1 and r[0].startswith("Explanation of Resp")), None)
    if start is None:
        return doc
    out = doc[: start + 1]
    notes_only = True  # only the form's own notes since the heading
    for row in doc[start + 1 :]:
        m = _FN_HEAD_RE.match(row[0]) if len(row) == 1 else None
        prev = out[-1] if len(out) > start + 1 else None
        if m and prev is not None and len(prev) == 1 and prev[0][:1] != "(" and not _STAR_NOTE_RE.match(prev[0]):
            runs_on = not _SENTENCE_END_RE.search(prev[0])
            if runs_on or (notes_only and m.group(1) == "1"):
                out[-1] = [f"({m.group(1)}) {prev[0]} {row[0][m.end() :]}"]
                notes_only = False
                continue
        if notes_only and prev is not None and not (len(prev) == 1 and _STAR_NOTE_RE.match(prev[0])):
            notes_only = False
        out.append(row)
    return out[: start + 1] + _settle_notes(_part_closing_note(out[start + 1 :]))


#: The form's closing note run on after other text on its line ("... because the SEC Note: File three
#: copies of this Form ...": a PDF converter joined the remarks' last line, cut at the paper's edge).
_RUN_ON_CLOSING_RE = re.compile(r"(?<=\S)\s+(?=Note\s*:\s*File\s+three\s+copies)")


def _part_closing_note(rows: Doc) -> Doc:
    """Rows with the form's closing note parted from the text before it on its line; that text, where
    it does not end a sentence, was cut (CLIPPED: the reader lists it missing)."""
    out: Doc = []
    for row in rows:
        parts = _RUN_ON_CLOSING_RE.split(row[0], maxsplit=1) if len(row) == 1 and "Note" in row[0] else []
        if len(parts) != 2:
            out.append(row)
            continue
        before, note = parts
        out.extend(([before if _NOTE_END_RE.search(before) else before + CLIPPED], [note]))
    return out


def _settle_notes(rows: Doc) -> Doc:
    """The footnotes' rows with UNSETTLED after each note whose end, or whose start, the paragraphs do
    not settle: a note that does not end a sentence (``_NOTE_END_RE``), the one after it, and the two
    notes around a paragraph of no number (a note's first lines printed above its centred number, not
    joined to it by :func:`join_footnote_heads`: whose they are is not shown)."""
    notes = list(rows)
    heads = []  # the rows that open a note
    text_of: dict[int, int] = {}  # a number alone on its row: the row of its text, the next one
    for k, row in enumerate(notes):
        if len(row) != 1 or _NOTES_END_RE.match(row[0]):
            break
        if k - 1 in text_of:
            continue  # (the text of the number alone above it)
        if _FN_NUMBER_RE.match(row[0]):
            heads.append(k)
        elif _LONE_NUMBER_RE.match(row[0]) and k + 1 < len(notes) and len(notes[k + 1]) == 1:
            # A number alone, its text the next paragraph (pymupdf4llm's "**(2)**" over its note):
            # one note, so a paragraph of no number above it is not taken for its text.
            heads.append(k)
            text_of[k] = k + 1
        elif not _STAR_NOTE_RE.match(row[0]) and row[0].strip("* "):
            heads.append(-k - 1)  # a paragraph of no number (not the form's own notes)
    unsettled: set[int] = set()
    for n, k in enumerate(heads):
        if k < 0:
            unsettled.update(h for h in heads[max(n - 1, 0) : n + 2] if h >= 0)
            continue
        last = notes[heads[n + 1] - 1 if n + 1 < len(heads) and heads[n + 1] >= 0 else k][0]
        if CLIPPED not in last and not _NOTE_END_RE.search(last) and len(last) >= _SHORT_NOTE:
            unsettled.update(h for h in heads[n : n + 2] if h >= 0)
        if _MID_SENTENCE_RE.match(notes[text_of.get(k, k)][0]):
            # A note opening mid-sentence ("(1) undertakes to provide ..."): its first lines were
            # drawn elsewhere (pymupdf4llm ran them into the form's "**" note above its centred
            # number). No note of the corpus's 3,826 opens with a small letter.
            unsettled.add(k)
    for k in unsettled:
        k = text_of.get(k, k)  # (a number alone: its text is marked, the number stays as printed)
        notes[k] = [notes[k][0] + UNSETTLED]
    _clip_remarks(notes, bool(unsettled) or any(CLIPPED in notes[k][0] for k in heads if k >= 0))
    return notes


#: A paragraph ending in a capital letter alone after a comma ("... Situations Fund, L."): a company's
#: form cut after its first letter ("L.P."), no sentence's end (as ``text_clipped`` reads it too).
_CUT_INITIAL_RE = re.compile(r",\s[A-Z]\.$")


def _clip_remarks(rows: Doc, cuts_shown: bool) -> None:
    """On a page whose notes show the paper's cuts or unsettled bounds (``cuts_shown``: a PDF's
    text), the remarks' last paragraph, where it is longer than a printed line holds whole and stops
    mid-sentence, ran past the paper's edge too: marked CLIPPED (the reader lists the remarks
    missing). On any page, a paragraph that long ending in a company's form cut after its first
    letter (", L.") was cut so."""
    at = next((k for k, r in enumerate(rows) if len(r) == 1 and _REMARKS_HEAD_RE.match(r[0])), None)
    if at is None:
        return
    last = None
    for k in range(at + 1, len(rows)):
        if len(rows[k]) != 1 or _NOTES_END_RE.match(rows[k][0]):
            break
        last = k
    if last is not None:
        text = rows[last][0]
        cut = _CUT_INITIAL_RE.search(text.rstrip(" *_")) is not None
        open_end = _NOTE_END_RE.search(text) is None
        if CLIPPED not in text and len(text) >= _SHORT_NOTE and (cut or (cuts_shown and open_end)):
            rows[last] = [text + CLIPPED]


#: How a footnote's text ends: a sentence's stop, and the quotes or brackets closing it. (53 of the
#: corpus's 3,826 notes end otherwise: "... L.P. (STP XII),", "N/A", "Held in IRA".) A note written
#: as a paragraph of a PDF's text that ends otherwise ran past the paper's edge, or the paragraph
#: ends inside the note and the rest went to the next (a number centred beside its note's lines):
#: where it ends, and where the next starts, are not settled (UNSETTLED).
_NOTE_END_RE = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s*$")


#: Box 1's captions under its lines, as the printed form shows them.
_CAPTION_RE = re.compile(r"^\((?:Last|First|Middle|Street|City|State|Zip[^)]*|Country)\)$")
_BOX1_LABEL_RE = re.compile(r"^\s*1\s*\.\s*Name\s+and\s+Address", re.IGNORECASE)
_BOX_LABEL_RE = re.compile(r"^\s*\d{1,2}[a-z]?\s*\.\s*[A-Z]")
_TABLE_ONE_RE = re.compile(r"^\W*Table\s+I\b", re.IGNORECASE)


def drop_unplaced_box1(doc: Doc, force: bool = False) -> Doc:
    """Box 1 (name and address) left out where the page's table put its captions and values in a cell
    apart from box 1's label ("(Last)\\n(First)\\n1400 SMITH STREET"): a converter that drew the table from a PDF's
    lines, not the form's boxes, so which line is the name, a street or the city cannot be told,
    nor which cell's words belong to box 1. The form reader then lists the name and address missing."""
    end = next((i for i, r in enumerate(doc) if any(_TABLE_ONE_RE.match(c) for c in r)), len(doc))
    mixed = force  # ``force``: the page's cells are known not to be the form's (a table title was cut)
    for row in doc[:end] if not force else ():
        for cell in row:
            lines = [ln.strip() for ln in cell.split("\n") if ln.strip()]
            # (A cell holding box 1 whole -- its label, lines and captions -- is the box as printed.)
            if (
                any(_CAPTION_RE.match(ln) for ln in lines)
                and any(not _CAPTION_RE.match(ln) and not _BOX_LABEL_RE.match(ln) for ln in lines)
                and not any(_BOX1_LABEL_RE.match(ln) for ln in lines)
            ):
                mixed = True
    if not mixed:
        return doc
    out: Doc = []
    for row in doc[:end]:
        cells = []
        for cell in row:
            lines = cell.split("\n")
            if any(_CAPTION_RE.match(ln.strip()) for ln in lines):
                cell = "\n".join(ln for ln in lines if _BOX_LABEL_RE.match(ln.strip()))
            elif any(_BOX1_LABEL_RE.match(ln) for ln in lines):
                k = next(i for i, ln in enumerate(lines) if _BOX1_LABEL_RE.match(ln))
                rest = next((i for i in range(k + 1, len(lines)) if _BOX_LABEL_RE.match(lines[i])), len(lines))
                cell = "\n".join(lines[:k] + lines[rest:])
            cells.append(cell)
        out.append(cells)
    return out + doc[end:]


#: The tables' titles, letters only: a title a cell boundary cut ("Tab" | "le I - Non-Deriv") is
#: found by joining the row's cells from where it starts.
_TITLE_TEXTS = (
    "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned",
    "Table I - Non-Derivative Securities Beneficially Owned",
    "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned",
    "Table II - Derivative Securities Beneficially Owned",
)
_TITLES = tuple(re.sub("[^a-z]", "", t.lower()) for t in _TITLE_TEXTS)
_TITLE_TAIL = "egputscallswarrantsoptionsconvertiblesecurities"
_LETTERS_RE = re.compile("[^a-z]")


def title_row(row: list[str]) -> list[list[str]] | None:
    """A row whose cells, from one on, are a table's title cut by cell boundaries: the cells before
    it (another box's last line) as a row, and the title as one cell; None for any other row."""
    for k, cell in enumerate(row):
        if not cell.lstrip(" *").startswith("Tab"):
            continue
        joined = "".join(row[k:])
        letters = _LETTERS_RE.sub("", joined.lower())
        for title, text in zip(_TITLES, _TITLE_TEXTS, strict=True):
            if letters.startswith(title) and _TITLE_TAIL.startswith(letters[len(title) :]):
                # The title as the form prints it: where the cuts fell between words is not shown
                # ("Table" | "I - Non-Derivativ"), and the title is the form's, not the filer's.
                before = row[:k]
                return [before, [text]] if any(c.strip() for c in before) else [[text]]
        return None
    return None


_OWNERS_MARK_RE = re.compile(r"^\W*Reporting\s+Owners\W*$", re.IGNORECASE)
_SECTION_END_RE = re.compile(r"^\W*(?:Signatures?|Explanation\s+of\s+Responses|Remarks)\b", re.IGNORECASE)
#: The owners table's heading words, letters only.
_OWNERS_HEAD_WORDS = ("relationships", "reportingownername")
_NOT_LETTERS_RE = re.compile("[^a-z]")


def drop_cut_owners_table(doc: Doc, force: bool = False) -> Doc:
    """The Reporting Owners table left out where its heading is cut by cell boundaries ("Relatio" |
    "nships"): a table drawn from the PDF's lines, whose owners' names and addresses are cut the same
    way and whose rows do not stand one owner to a row. (The form reader then has the owners of box 1
    only, and says the list is incomplete unless the page marks a filing by one person.)"""
    start = next((i for i, r in enumerate(doc) if len(r) == 1 and _OWNERS_MARK_RE.match(r[0])), None)
    if start is None:
        return doc
    end = next((j for j in range(start + 1, len(doc)) if doc[j] and _SECTION_END_RE.match(doc[j][0])), len(doc))
    if force:  # the page's cells are known not to be the form's (a table title was cut by them)
        return [*doc[: start + 1], *doc[end:]]
    for row in doc[start + 1 : end]:
        if len(row) < 2:
            continue
        cells = [_NOT_LETTERS_RE.sub("", c.lower()) for c in row]
        joined = "".join(cells)
        if any(w in joined and not any(w in c for c in cells) for w in _OWNERS_HEAD_WORDS):
            return [*doc[: start + 1], *doc[end:]]
    return doc


_ISSUER_LABEL = "issuernameandtickerortradingsymbol"
_ISSUER_START_RE = re.compile(r"^\s*\d\s*\.\s*Issuer\s+Name", re.IGNORECASE | re.MULTILINE)


def drop_cut_issuer_box(doc: Doc) -> Doc:
    """Box 2 (the issuer's name and ticker) left out where a cell boundary cut its label ("2. Issuer
    Name and Ticker or" | "Trading Symbol"): the value is cut the same way ("MICROSOFT CORP [MS" |
    "FT]"), and its pieces may stand in other boxes' cells. The form reader lists it missing."""
    out: Doc = []
    for row in doc:
        k = next((k for k, c in enumerate(row) if "Issuer" in c and _ISSUER_START_RE.search(c)), None)
        if k is None:
            out.append(row)
            continue
        if _ISSUER_LABEL in _NOT_LETTERS_RE.sub("", row[k].lower()):
            return [*out, *doc[len(out) :]]  # the label whole: the box as printed
        out.append([*row[:k], "", *row[k + 1 :]])
        return [*out, *doc[len(out) :]]
    return doc


#: A table's title as the form prints it, its words apart by white space or Markdown's bold and
#: emphasis marks, standing at the end of a line (or of one of its ``<br>`` lines, or before Table
#: II's "(e.g., puts, ...)").
_TITLE_IN_LINE_RE = re.compile(
    r"(?:\*\*|__)?Table\s+II?\s*-\s*(?:Non-)?Derivative\s+Securities\s+(?:Acquired,\s+Disposed\s+of,\s+or\s+)?"
    r"Beneficially\s+Owned(?=[\s*_]*(?:$|<br|\(\s*e\.g\.))"
)
_WORD_RE = re.compile(r"\w")
#: The first line break after a table's title on its line (its "(e.g., puts, ...)" kept with it).
_BR_AFTER_RE = re.compile(r"\s*<br\s*/?>\s*")


def part_table_titles(text: str, lines: list[str]) -> list[str]:
    """Lines with each table's title set at the start of a paragraph of its own, where a PDF's text
    ran it on after other text: after box 1's captions on its line ("(City) (State) (Zip) Table I -
    Non-Derivative Securities ..."), or right under a line of text with no blank line between
    (MarkItDown writes a PDF's lines one under another). The title is the form's marker of its table:
    inside a paragraph it is not found, and the page was refused. The list itself is returned when no
    line changes (as on every page whose titles open paragraphs of their own)."""
    if not _title_run_on(text):
        return lines
    changed: list[tuple[int, list[str]]] = []
    for k, line in enumerate(lines):
        if "Table I" not in line or "|" in line:
            continue
        m = _TITLE_IN_LINE_RE.search(line)
        if m is None:
            continue
        before = line[: m.start()]
        # (The title a paragraph of its own where it ends its line: the lines under it are the
        # table's headings, not the title's.)
        after = [""] if "<br" not in line[m.end() :] else []
        title = line[m.start() :]
        br = _BR_AFTER_RE.search(line, m.end())
        flowed = br is not None and _WORD_RE.search(line, br.end()) is not None
        if br is not None and flowed:
            # The table's headings and rows flowed into the title's paragraph after a line break
            # (pymupdf4llm's "picture text": "Table I - ...<br>1.Title of Security ...<br>Class A
            # Common Stock 75,788 (1) D"): a paragraph apart, so the title's cell holds no row and
            # the table is read from (or said missing for) its own text, not taken as empty.
            title, after = line[m.start() : br.start()], ["", line[br.end() :], ""]
        if _WORD_RE.search(before.rsplit("<br", 1)[-1]):
            # Text before the title on its own line: that text, then the title opening a paragraph.
            changed.append((k, [before.rstrip(), "", title, *after]))
        elif k and lines[k - 1].strip() and "|" not in lines[k - 1] and not _WORD_RE.search(before):
            changed.append((k, ["", title, *after]))
        elif flowed:
            changed.append((k, [before + title, *after]))
    return _replaced(lines, changed)


def _title_run_on(text: str) -> bool:
    """Does a table's title stand after text on its line, or right under a line of text? (Looked for
    by the page's few "Table I" alone: most pages need no line scan.)"""
    at = text.find("Table I")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        line = text[start : end if end >= 0 else len(text)]
        if "|" not in line and _TITLE_IN_LINE_RE.search(line):
            if _WORD_RE.search(text[start:at].rsplit("<br", 1)[-1]):
                return True
            above = text[text.rfind("\n", 0, max(start - 1, 0)) + 1 : max(start - 1, 0)] if start else ""
            if above.strip() and "|" not in above:
                return True
        at = text.find("Table I", at + 7)
    return False
