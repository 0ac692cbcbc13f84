"""Checks on a laid-out page's reading that turn what the page cannot show surely into "missing".

A text browser's dump (``lynx -dump``, ``w3m -dump``) lays a table out by its own rules: a cell may
stand under the wrong heading, or a row's cells may run together. Where the page itself says so (two
places of the form that must agree do not), the values are listed missing, with why, not guessed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import replace

from ...model import Filing, Note, Relationship
from . import blocks
from .box_one import US_STATES
from .cells import Doc
from .flowing_rows import holds_row_values
from .text_find import find_by

#: A relationship in box 5 as a text page prints it: "__X__ Director", "_____ 10% Owner".
_BOX5_MARK_RE = re.compile(r"_{2}(X?)_{2,3}\s*(Director|10\s*%\s*Owner|Officer|Other)\b")
_OWNERS_END_RE = re.compile(r"^\W*(?:Signatures?|Explanation\s+of\s+Responses|Remarks)\b", re.IGNORECASE)


def box5_marks(text: str) -> dict[str, bool] | None:
    """Box 5's four marks as the page prints them (each "__X__" or "_____" before its label), or None
    when not all four are printed so."""
    head = text.split("Table I", 1)[0]
    marks: dict[str, bool] = {}
    for m in _BOX5_MARK_RE.finditer(head):
        key = {"D": "director", "1": "ten", "O": "officer" if m.group(2) == "Officer" else "other"}[m.group(2)[0]]
        if key in marks:
            return None  # printed twice: not the one box
        marks[key] = bool(m.group(1))
    return marks if len(marks) == 4 else None


def _table_marks(rel: Relationship) -> dict[str, bool]:
    return {"director": rel.is_director, "ten": rel.is_ten_percent_owner,
            "officer": rel.is_officer, "other": rel.is_other}  # fmt: skip


def owner_table_rows(doc: Doc) -> list[list[str]]:
    """The Reporting Owners table's rows in the page's rows of cells."""
    start = next((k for k, r in enumerate(doc) if r == ["Reporting Owners"]), None)
    if start is None:
        return []
    out: list[list[str]] = []
    for row in doc[start + 1 :]:
        if len(row) == 1 and _OWNERS_END_RE.match(row[0]):
            break
        out.append(row)
    return out


def check_owner_marks(filing: Filing, doc: Doc, text: str) -> Filing:
    """The first owner's marks stand twice on the page: in box 5 and in the owners table's first row.
    Where the two disagree, the table's marks do not stand under their headings (a text browser may
    shift a row's cells by a column), so no other owner's marks can be placed surely: their
    relationships are listed missing, not read."""
    if len(filing.reporting_owners) < 2:
        return filing
    box = box5_marks(text)
    table = blocks.read_owner_rows(owner_table_rows(doc))
    if box is None or not table or _table_marks(table[0][0].relationship) == box:
        return filing
    why = "the owners table's marks disagree with box 5 for the first owner: not placed under their headings"
    owners = [filing.reporting_owners[0]]
    missing = list(filing.missing)
    notes = list(filing.notes)
    for i, o in enumerate(filing.reporting_owners[1:], 1):
        owners.append(replace(o, relationship=Relationship()))
        missing.append(f"reporting_owners[{i}].relationship")
        notes.append(Note(f"reporting_owners[{i}].relationship", why))
    return replace(filing, reporting_owners=tuple(owners), missing=tuple(dict.fromkeys(missing)), notes=tuple(notes))


_REMARKS_RE = re.compile(r"^\s*Remarks\s*:", re.IGNORECASE)
_REMARKS_END_RE = re.compile(
    r"^\s*(?:Note:\s*File|Reminder:|Potential\s+persons|Persons\s+who\s+respond|Signatures?\s*$)"
)


def check_cut_remarks(filing: Filing, text: str) -> Filing:
    """A text browser may cut a long line of free text at a fixed width, inside a word ("transactions t"
    over "hat occurred", lynx): joined with a space, the remarks would read a word that is not there.
    Such lines are the page's widest (the browser wraps other text at words, inside that width). Where
    one ends in a letter or digit and the next line starts with one, the break may be inside a word:
    the remarks are listed missing, not read."""
    if filing.remarks is None:
        return filing
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").split("\n")]
    start = next((i for i, ln in enumerate(lines) if _REMARKS_RE.match(ln)), None)
    if start is None:
        return filing
    end = next((i for i in range(start + 1, len(lines)) if _REMARKS_END_RE.match(lines[i])), len(lines))
    region = lines[start + 1 : end]
    widest = max((len(ln) for ln in region), default=0)
    elsewhere = max((len(ln) for ln in lines[:start] + lines[end:]), default=0)
    if widest < elsewhere:
        return filing
    cut = any(len(a) == widest and a[-1:].isalnum() and b.lstrip()[:1].isalnum() for a, b in itertools.pairwise(region))
    if not cut:
        return filing
    note = Note("remarks", f"lines cut at {widest} characters, inside words: where a word was cut is not shown")
    return replace(
        filing, remarks=None, missing=tuple(dict.fromkeys([*filing.missing, "remarks"])), notes=(*filing.notes, note)
    )


#: A word a PDF library split where the font kerns or joins its letters: a space before a comma or a
#: full stop ("Robert F . Probst", "Donna Hammer , Attorney"), a word parted at its "ff" ("Kate
#: DeHof f", "Jef frey", "Of ficer"; not "of", "if" or "Chief" before a word in f), a company's form
#: parted after its kerned first letter ("PTE. L TD.", "L LC", "I NC"). No signature of the corpus's
#: is written so.
_SPLIT_WORD_RE = re.compile(
    r"\w [,.](?=\s|$)|\b(?!(?:of|if|Chief|chief)\b)[A-Za-z]*f f[a-z]*\b"
    r"|\b(?:L [Tt][Dd]|L [Ll][Cc]|L [Ll][Pp]|I [Nn][Cc]|C [Oo][Rr][Pp]|P [Ll][Cc])\b"
)
#: Box 1's city line ending in a state code parted into its letters ("WILLIAMSPORT, P A").
_SPLIT_STATE_RE = re.compile(r",\s*[A-Z] [A-Z]$")
#: A US postal code parted into two runs of digits ("641 17", "021 16").
_SPLIT_ZIP_RE = re.compile(r"^\d+ \d+$")


def _page_words(filing: Filing) -> frozenset[str]:
    """The words (four letters or more, lower-cased) of the names and free text the page shows."""
    texts = [o.name or "" for o in filing.reporting_owners]
    texts += [s.name or "" for s in filing.signatures]
    texts += [f.text for f in filing.footnotes]
    texts.append(filing.remarks or "")
    return frozenset(w.lower() for t in texts for w in _WORD_RE.findall(t) if len(w) >= 4)


def _parted_word(text: str, known: frozenset[str]) -> bool:
    """A word the converter parted before or after one or two of its letters ("MARC LASR Y", pypdf's
    text of a kerned "RY"): the two runs joined make a word the page prints elsewhere whole ("Marc
    Lasry"), while an initial beside a name ("MARC A LASRY") joins into none."""
    words = text.split()
    return any(
        (len(a) <= 2 or len(b) <= 2) and a.isalpha() and b.isalpha() and (a + b).lower() in known
        for a, b in itertools.pairwise(words)
    )


_WORD_RE = re.compile(r"[A-Za-z]+")


def check_split_words(filing: Filing) -> Filing:
    """Values holding a word the converter split (a PDF library's text: its glyphs placed apart, the
    parts read as two words) are listed missing, not read: where the word was parted, and whether it
    was one word, the text does not show."""
    missing = list(filing.missing)
    notes = list(filing.notes)
    changed = False
    signatures = list(filing.signatures)
    known = _page_words(filing)
    for i, s in enumerate(signatures):
        if s.name and (_SPLIT_WORD_RE.search(s.name) or _parted_word(s.name, known)):
            missing.append(f"signatures[{i}].name")
            notes.append(Note(f"signatures[{i}].name", "a word split apart in the name; not read", s.name))
            signatures[i], changed = replace(s, name=None), True
    owners = list(filing.reporting_owners)
    for i, o in enumerate(owners):
        # (Owners' names and box 5's titles: none of the corpus's holds such a split either.)
        if o.name and _SPLIT_WORD_RE.search(o.name):
            missing.append(f"reporting_owners[{i}].name")
            notes.append(Note(f"reporting_owners[{i}].name", "a word split apart in the name; not read", o.name))
            owners[i], changed = replace(o, name=None), True
        rel = owners[i].relationship
        for key in ("officer_title", "other_text"):
            title = getattr(rel, key) if rel is not None else None
            if rel is not None and title and _SPLIT_WORD_RE.search(title):
                missing.append(f"reporting_owners[{i}].relationship.{key}")
                notes.append(Note(f"reporting_owners[{i}].relationship.{key}", "a word split apart; not read", title))
                rel = replace(rel, officer_title=None) if key == "officer_title" else replace(rel, other_text=None)
                owners[i], changed = replace(owners[i], relationship=rel), True
    remarks = filing.remarks
    if remarks and _SPLIT_WORD_RE.search(remarks):
        missing.append("remarks")
        notes.append(Note("remarks", "a word split apart in the remarks; not read", remarks[:80]))
        remarks, changed = None, True
    a = owners[0].address if owners else None
    split_state = None
    if a is not None and a.city and a.state is None and (m := _SPLIT_STATE_RE.search(a.city)):
        split_state = m.group(0)[-3] + m.group(0)[-1]
        missing.extend(f"reporting_owners[0].address.{k}" for k in ("city", "state"))
        notes.append(Note("reporting_owners[0].address", "a state code split apart on the city line; not read", a.city))
        a = replace(a, city=None)
        owners[0], changed = replace(owners[0], address=a), True
    # (A US state's postal code is digits alone, never parted: also where the state was split apart
    # itself, "HARRISBURG, P A 171 12".)
    us = a is not None and (a.state in US_STATES or split_state in US_STATES)
    if a is not None and us and a.zip_code and _SPLIT_ZIP_RE.match(a.zip_code):
        missing.append("reporting_owners[0].address.zip_code")
        notes.append(Note("reporting_owners[0].address.zip_code", "a postal code split apart; not read", a.zip_code))
        owners[0], changed = replace(owners[0], address=replace(a, zip_code=None)), True
    if not changed:
        return filing
    return replace(
        filing,
        signatures=tuple(signatures),
        reporting_owners=tuple(owners),
        remarks=remarks,
        missing=tuple(dict.fromkeys(missing)),
        notes=tuple(notes),
    )


def check_name_prints(filing: Filing, text: str) -> Filing:
    """An owner's name printed twice with a word parted in one print only ("KIRKMAN ROBER T L" in box
    1, "KIRKMAN ROBERT L" in the owners table: a PDF library parts a word where the font kerns a pair
    of letters, as the tables' other font does not): which print spaces the name right, the text does
    not show; the name is listed missing. (The form prints each owner's name in the owners table,
    the first owner's in box 1 too, from the one name: every page printed from HTML shows it alike.)"""
    missing = list(filing.missing)
    notes = list(filing.notes)
    owners = list(filing.reporting_owners)
    # (The form's own prints only, above the signatures: a filer's notes may spell a name otherwise.)
    ends = [at for at in (text.find("Signature"), text.find("Explanation of Responses")) if at >= 0]
    text = text[: min(ends)] if ends else text
    joined: str | None = None
    for i, o in enumerate(owners):
        if not o.name or " " not in o.name.strip():
            continue
        letters = o.name.replace(" ", "")
        if len(letters) < 6 or len(letters) > 80:
            continue
        # (Looked for at C speed first: a print spaced otherwise holds the name's first or last
        # letters more often than the name is printed; only then is each print weighed.)
        exact = text.count(o.name)
        if text.count(letters[:3]) <= exact and text.count(letters[-3:]) <= exact:
            continue
        if joined is None:
            joined = text.replace(" ", "")  # (once a page: a laid-out page is mostly spaces)
        if _spaced_prints(letters, joined) <= exact:
            continue  # (each run of the letters is an exact print's: no print spaced otherwise)
        # (the pattern opens with a letter, found at C speed; a print inside a longer word is not one)
        spaced = re.compile(" ?".join(map(re.escape, letters)) + "(?!\\w)")
        prints = (m.group() for m in spaced.finditer(text) if not text[m.start() - 1 : m.start()].isalnum())
        if any(p != o.name for p in prints):
            missing.append(f"reporting_owners[{i}].name")
            why = "the name printed twice, spaced two ways; not read"
            notes.append(Note(f"reporting_owners[{i}].name", why, o.name))
            owners[i] = replace(o, name=None)
    if len(missing) == len(filing.missing):
        return filing
    return replace(filing, reporting_owners=tuple(owners), missing=tuple(dict.fromkeys(missing)), notes=tuple(notes))


def _spaced_prints(letters: str, joined: str) -> int:
    """How many times the letters stand in a row in ``joined``, the text with its spaces taken out
    (overlapping runs counted too).

    Every print the pattern below finds (the letters, a space or none between two) is such a run,
    and each exact print is one; no two prints make the same run (the same letters at the same
    places, from the first to the last, are the same piece of the page). So where there are no
    more runs than exact prints (``text.count``), every print is exact, and the pattern need not be
    made (0.1 to 0.3 ms for each page's name) nor tried (it opens with a single letter: a look at
    each of its places in the page, some 5 % of a laid-out page's reading)."""
    n, at = 0, joined.find(letters)
    while at >= 0:
        n += 1
        at = joined.find(letters, at + 1)
    return n


def _side_by_side(text: str, first: str, second: str) -> bool:
    """Does the page print ``first``, two or more spaces, ``second``, then two or more spaces or the
    line's end? (What the pattern ``first {2,}second(?: {2,}|$)`` finds, without compiling a pattern for
    each page's street: each place of ``first`` is looked at, the run of spaces after it taken whole,
    since ``second`` opens with no space; a street with spaces at an end is left to the pattern.)"""
    if first.strip(" ") != first or second.strip(" ") != second or not first or not second:
        gap = re.compile(rf"{re.escape(first)} {{2,}}{re.escape(second)}(?: {{2,}}|$)", re.MULTILINE)
        return gap.search(text) is not None
    at = text.find(first)
    while at >= 0:
        spaces = _SPACES_RE.match(text, at + len(first))
        if spaces is not None and text.startswith(second, spaces.end()):
            end = spaces.end() + len(second)
            if end == len(text) or text[end] == "\n" or text.startswith("  ", end):
                return True
        at = text.find(first, at + 1)
    return False


_SPACES_RE = re.compile(r" {2,}")


def check_street_spacing(filing: Filing, text: str) -> Filing:
    """Box 1's two street lines read from one line of the page, parted by a run of spaces ("1 NORTH
    WAUKEGAN  ROAD": a PDF library's layout spaces words by where their glyphs stand): one street line
    with a wide gap, or two lines side by side? The page does not show; the street is listed missing.
    (A page printed from HTML puts each street line of box 1 on a line of its own.)"""
    owners = filing.reporting_owners
    a = owners[0].address if owners else None
    if a is None or not a.street1 or not a.street2:
        return filing
    if not _side_by_side(text, a.street1, a.street2):
        return filing
    note = Note("reporting_owners[0].address", "the street's two lines stand on one line of the page; not read")
    first = replace(owners[0], address=replace(a, street1=None, street2=None))
    missing = [*filing.missing, "reporting_owners[0].address.street1", "reporting_owners[0].address.street2"]
    return replace(
        filing,
        reporting_owners=(first, *owners[1:]),
        missing=tuple(dict.fromkeys(missing)),
        notes=(*filing.notes, note),
    )


#: The form's own words, which no filer's signature, note or remark holds (none of the corpus's):
#: the owners table's headings, the signature block's captions and dates ("03/07/2025 Date").
_FORM_WORDS_RE = re.compile(
    r"\b(?:Relationships|Director\s+10\s*%\s*Owner|10\s*%\s*Owner\s+Officer|Reporting\s+Owner\s+Name|"
    r"Explanation\s+of\s+Responses|Signature\s+of\s+Reporting)\b"
    # The tables' captions ("(Instr. 3 and 4)"), drawn after the signature by pdftotext without -layout
    # ("/s/ Kate DeHoff, Attorney-in-Fact for Reid Hoffman 7. Title and Amount ... (Instr. 3 and 4)");
    # no filer's text of the corpus holds one.
    r"|\(Instr\.\s*\d|\bAmount\s+or\s+Number\s+of\s+Shares\b"  # (Table II's sub-heading too)
)
#: The boxes' own labels, which no officer's title or other relationship holds: box 6's "(Check
#: Applicable Line)", box 5's "(give title below)", "(specify below)", "(Check all applicable)".
_BOX_LABEL_WORDS_RE = re.compile(
    r"\bApplicable\s+Line\)|(?<![\w(])below\)|\(give\s+title|\(specify\s+below|\bCheck\s+all\s+applicable"
    r"|\[[A-Z0-9][A-Z0-9.\-]*\]",  # box 2's trading symbol ("VP [2330.TW]": flowing text ran box 2 on)
    re.IGNORECASE,
)
_CAPTION_DATE_RE = re.compile(
    r"\d{1,2}/\d{1,2}/\d{4}\s+Date\b|\bDate\s+\d{1,2}/\d{1,2}/\d{4}|^\W*(?:\d{1,2}/\d{1,2}/\d{4}|Date)\W*$"
)


def _has_form_words(text: str) -> bool:
    # (Each of the form's words holds one of these: most texts skip the pattern.)
    return (
        "Relationships" in text
        or "Owner" in text
        or "Responses" in text
        or "Signature" in text
        or "Instr" in text
        or "Amount or" in text
    ) and (_FORM_WORDS_RE.search(text) is not None)


def check_form_words(filing: Filing) -> Filing:
    """A signature, footnote or the remarks holding the form's own words (a flowing text ran the owners
    table's headings into the signature, or the signature block's dates into a note), or a box 5 title
    holding the boxes' labels: not the filer's text alone; listed missing, not read."""
    missing = list(filing.missing)
    notes = list(filing.notes)
    why = "the form's own words run into it; not read"
    signatures = list(filing.signatures)
    for i, sig in enumerate(signatures):
        if sig.name and _has_form_words(sig.name):
            missing.append(f"signatures[{i}].name")
            notes.append(Note(f"signatures[{i}].name", why, sig.name))
            signatures[i] = replace(sig, name=None)
    footnotes = []
    for fn in filing.footnotes:
        if _has_form_words(fn.text) or (("Date" in fn.text or len(fn.text) < 16) and _CAPTION_DATE_RE.search(fn.text)):
            missing.append(f"footnotes[{fn.id}]")
            notes.append(Note(f"footnotes[{fn.id}]", why, fn.text[:80]))
        else:
            footnotes.append(fn)
    owners = list(filing.reporting_owners)
    for i, o in enumerate(owners):
        rel = o.relationship
        for key in ("officer_title", "other_text"):
            title = getattr(rel, key) if rel is not None else None
            if rel is not None and title and _BOX_LABEL_WORDS_RE.search(title):
                # (a text browser set box 6's label one space after box 5's "Other (specify below)":
                # the run is read as the title's)
                missing.append(f"reporting_owners[{i}].relationship.{key}")
                notes.append(Note(f"reporting_owners[{i}].relationship.{key}", why, title))
                rel = replace(rel, officer_title=None) if key == "officer_title" else replace(rel, other_text=None)
                owners[i] = replace(o, relationship=rel)
    remarks = filing.remarks
    if remarks and _has_form_words(remarks):
        missing.append("remarks")
        notes.append(Note("remarks", why, remarks[:80]))
        remarks = None
    if len(notes) == len(filing.notes):
        return filing
    return replace(
        filing,
        signatures=tuple(signatures),
        footnotes=tuple(footnotes),
        reporting_owners=tuple(owners),
        remarks=remarks,
        missing=tuple(dict.fromkeys(missing)),
        notes=tuple(notes),
    )


# (\b(\d{1,2})/(\d{1,2})/(\d{4})\b, opened by its first digit and the boundary looked behind after it:
# a pattern opened by \b is tried at every position of the text, 2 to 3 ms over a pandoc page's boxes.)
_DATE_RE = re.compile(r"(\d(?<!\w\d)\d?)/(\d{1,2})/(\d{4})\b")
_TABLE_ONE_RE = re.compile(r"Table\s+I\s*-", re.IGNORECASE)
_SLASH_DATE_RE = re.compile(r"/\d{1,2}/\d{4}\b")


def _dates(text: str) -> Iterator[re.Match[str]]:
    """The dates in the text, as ``_DATE_RE.finditer`` finds them: found from the "/day/year" after
    each month (a pattern opened by a literal "/", which the regex engine skips to at C speed; one
    opened by a digit is tried at every character, 0.06 ms over a pandoc page's boxes), the month
    then matched from the one or two characters before that "/"."""
    pos = 0
    m = _SLASH_DATE_RE.search(text)
    while m is not None:
        at = m.start()
        # (A month starts one or two characters before its "/", not before the last date's end.)
        found = next((d for d in (_DATE_RE.match(text, p) for p in (at - 2, at - 1) if p >= pos) if d), None)
        if found is None:
            m = _SLASH_DATE_RE.search(text, at + 1)
            continue
        yield found
        pos = found.end()
        m = _SLASH_DATE_RE.search(text, pos)


def check_amendment_date(filing: Filing, text: str) -> Filing:
    """Box 4's date (an amendment's original filing date) not read, though the boxes above Table I
    print a date besides box 3's: a flowing text may have run it into another box ("03/20/2020 _X_
    Form filed by One Reporting Person"). Whether the page is an amendment is then not settled: the
    form type and box 4's date are listed missing. (Only boxes 3 and 4 print dates above Table I; with
    box 3's date not read, any date there may be box 4's.)"""
    if filing.date_of_original_submission is not None:
        return filing
    at = find_by(text, "Table I", 0)  # (the title as every design prints it; else the pattern, case-blind)
    head = text[:at] if at >= 0 else _TABLE_ONE_RE.split(text, maxsplit=1)[0]
    period = filing.period_of_report
    for m in _dates(head):
        month, day, year = (int(g) for g in m.groups())
        # (Box 3's date not read either: any date there may be box 4's.)
        if period is None or (year, month, day) != (period.year, period.month, period.day):
            missing = [*filing.missing, "document_type", "date_of_original_submission"]
            note = Note("date_of_original_submission", "a date besides box 3's above Table I: box 4's?", m.group(0))
            return replace(filing, missing=tuple(dict.fromkeys(missing)), notes=(*filing.notes, note))
    return filing


_NOTES_HEAD_RE = re.compile(r"^\s*Explanation\s+of\s+Responses", re.IGNORECASE | re.MULTILINE)
_NOTES_STOP_RE = re.compile(r"^\s*(?:Remarks\s*:|Note\s*:\s*File|Reminder\s*:|Potential\s+persons)", re.I | re.M)
_NOTE_NUMBER_RE = re.compile(r"^\s*\((\d{1,3})\)(?=\s|$)", re.MULTILINE)


#: What ends the footnotes, as the form prints it, each with where its rarest letter stands.
_NOTES_ENDS = (("Remarks:", 7), ("Note: File", 4), ("Reminder:", 8), ("Potential persons", 0))


def _note_numbers(region: str) -> Iterator[str]:
    """The numbers ``_NOTE_NUMBER_RE.finditer(region)`` finds, in order: each line's whose first
    character but white space is "(" (where any match's "(" stands: the pattern, tried at each
    position of the region, is tried at those lines alone; a match whose blanks run over blank lines
    holds the number of the line it ends on)."""
    for line in region.split("\n"):
        bare = line.lstrip()
        if bare[:1] == "(":
            m = _NOTE_NUMBER_RE.match(bare)
            if m is not None:
                yield m.group(1)


def check_unread_notes(filing: Filing, text: str) -> Filing:
    """Footnotes whose number the page prints at a line's start under "Explanation of Responses" but
    that were not read (their text run among the signature block's lines by a flowing text): listed
    missing, not left out unsaid."""
    # (The headings as the form prints them, found at C speed; the patterns only for other spellings:
    # a pattern opened by ^ is tried at every position of a wide page.)
    # (Each word looked for by a rare letter of its own, text_find; the ends only before the earliest
    # found so far: the same places as str.find.)
    at = find_by(text, "Explanation of Responses", 1)
    if at < 0:
        head = _NOTES_HEAD_RE.search(text) if "XPLANATION" in text or "xplanation of r" in text else None
        if head is None:
            return filing
        at = head.start()
    stop = -1
    for word, rare in _NOTES_ENDS:
        k = find_by(text, word, rare, at, None if stop < 0 else stop + len(word))
        stop = k if k >= 0 and (stop < 0 or k < stop) else stop
    if stop < 0:
        found = _NOTES_STOP_RE.search(text, at)
        stop = found.start() if found else len(text)
    region = text[at:stop]
    read = {fn.id for fn in filing.footnotes}
    lost = [
        f"footnotes[F{n}]"
        for n in dict.fromkeys(_note_numbers(region))
        if f"F{n}" not in read and f"footnotes[F{n}]" not in filing.missing and "footnotes" not in filing.missing
    ]
    if not lost:
        return filing
    notes = [
        *filing.notes,
        *(Note(w, "its number is printed under the notes' heading, its text was not read") for w in lost),
    ]
    return replace(filing, missing=tuple(dict.fromkeys([*filing.missing, *lost])), notes=tuple(notes))


_NOTE_ID_RE = re.compile(r"^F(\d{1,3})$")
_MISSING_NOTE_RE = re.compile(r"^footnotes\[F(\d{1,3})\]$")


def check_note_gaps(filing: Filing) -> Filing:
    """Footnotes numbered below one read or listed missing, neither read nor listed missing
    themselves: the page numbers its notes 1, 2, 3 ... and prints each, so such a note was lost
    where the flowing text set it (pdftotext without -layout: notes 7 and 11 of 21 dropped with
    the lines drawn around them); listed missing, not left out unsaid."""
    if "footnotes" in filing.missing:
        return filing
    read = {int(m.group(1)) for fn in filing.footnotes if (m := _NOTE_ID_RE.match(fn.id))}
    said = {int(m.group(1)) for p in filing.missing if (m := _MISSING_NOTE_RE.match(p))}
    if not said:
        return filing  # (every note read, or none shown: no gap a reading left)
    lost = [f"footnotes[F{n}]" for n in range(1, max(read | said)) if n not in read and n not in said]
    if not lost:
        return filing
    notes = [*filing.notes, *(Note(w, "a note numbered between those shown, not read") for w in lost)]
    return replace(filing, missing=tuple(dict.fromkeys([*filing.missing, *lost])), notes=tuple(notes))


_T1_TITLE_RE = re.compile(r"Table\s+I\s*-\s*Non-Derivative")
_T1_END_RE = re.compile(r"^\W*(?:Reminder\s*:|Table\s+II\b|Persons\s+who\s+respond|Explanation\s+of)", re.MULTILINE)
_T1_FIELDS = ("non_derivative_transactions", "non_derivative_holdings")


def check_unread_rows(filing: Filing, text: str) -> Filing:
    """Table I read with no row, and not listed missing, though a line under its title holds a row's
    values ("Common Stock 0 D": a flowing text's line the boxes' strips took in): its rows are listed
    missing, not left out unsaid."""
    if filing.non_derivative_transactions or filing.non_derivative_holdings:
        return filing
    if any(m.startswith(_T1_FIELDS) for m in filing.missing):
        return filing
    titles = list(_T1_TITLE_RE.finditer(text))
    if not titles:
        return filing
    start = text.find("\n", titles[-1].end())
    if start < 0:
        return filing
    end = _T1_END_RE.search(text, start)
    shown = next((ln.strip() for ln in text[start : end.start() if end else len(text)].split("\n")
                  if holds_row_values(ln.strip())), None)  # fmt: skip
    if shown is None:
        return filing
    note = Note("Table I", "a line under the title holds a row's values, but no row was read", shown[:80])
    missing = tuple(dict.fromkeys([*filing.missing, *_T1_FIELDS]))
    return replace(filing, missing=missing, notes=(*filing.notes, note))


#: A US state's code as EDGAR gives it (two letters; other countries' codes hold a digit: "X0", "F5").
_US_STATE_RE = re.compile(r"^[A-Z]{2}$")


def check_unsaid_box_fields(filing: Filing) -> Filing:
    """Box 5's officer checked with no title read, or box 1's city read with no state (or with a US
    state and no postal code): the page shows
    a title under "Officer (give title below)" and a state beside the city (a state's name,
    "CALIFORNIA", on the form with a country), which flowing text may set where no box's reading finds
    it (pdftotext without -layout: "Chief Executive Officer" after the city). Left out unsaid, the
    field read as blank; it is listed missing. (Where the filing has none, nothing is lost: a blank
    read is right.)"""
    missing = list(filing.missing)
    notes = list(filing.notes)
    for i, o in enumerate(filing.reporting_owners):
        where = f"reporting_owners[{i}].relationship.officer_title"
        rel = o.relationship
        if rel is not None and rel.is_officer and not rel.officer_title and where not in missing:
            missing.append(where)
            notes.append(Note(where, "box 5's officer checked, no title read; not settled"))
        a = o.address
        where = f"reporting_owners[{i}].address.state"
        if a is not None and a.city and a.state is None and where not in missing:
            missing.append(where)
            notes.append(Note(where, "a city read with no state; not settled"))
        where = f"reporting_owners[{i}].address.zip_code"
        us = a is not None and a.city and a.state and _US_STATE_RE.match(a.state)
        if us and a is not None and not a.zip_code and where not in missing:
            # A US address prints its postal code beside the state (every one of the corpus's
            # 1,044 does): flowing text may set it apart or join its wrapped pieces ("980526399").
            missing.append(where)
            notes.append(Note(where, "a US city and state read with no postal code; not settled"))
    if len(missing) == len(filing.missing):
        return filing
    return replace(filing, missing=tuple(missing), notes=tuple(notes))
