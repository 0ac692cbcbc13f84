"""Free text cut at the paper's edge, on laid-out text: a printer cuts a line wider than its paper, so
a footnote's or the remarks' line that stops there is not whole. Each such line is marked
(:data:`.cells.CLIPPED`) so the notes reader lists the note missing rather than giving it cut. The
form's own wide lines (its "**" note) tell a page printed narrower than the paper."""

from __future__ import annotations

import re

from .cells import CLIPPED
from .text_find import find_by
from .text_lines import _is_rule
from .text_notes import _SENTENCE_STOPS

#: The headings that open the page's sections below the tables (a section ends the free text above it).
_SECTION_RE = re.compile(
    r"^\s*(?:Reporting\s+Owners\s*$|Signatures?\s*$|Explanation\s+of\s+Responses|Remarks\s*:|Reminder:|"
    r"Note:\s*File|Persons\s+who\s+respond|Potential\s+persons)",
    re.IGNORECASE,
)

#: Characters across the widest line a printed page of the form holds (``pdftotext -layout`` of the
#: page printed on A4 landscape: the tables and boxes reach about 230). Text laid out wider than that
#: was wider than the paper, and the printer cut it at the edge.
PAPER_WIDTH = 260
#: A line of free text longer than a page holds when printed at its own width.
_FULL_LINE = 200
#: Characters across the widest lines of any printed page of the form (its tables' rows and boxes).
_FORM_LINE = 100
#: Characters a line of the printed form's free text holds at most (a PDF's text of chromium's A4
#: landscape print: about 300 across the paper).
_PAPER_LINE = 360
#: A line within 1/30 of the paper's edge (in characters) reaches it: a text's columns place letters
#: of unequal widths (about 10 characters across a 300-character line).
_EDGE_SLACK = 30
#: Characters across a line of free text no page laid out within the paper holds, in any face: the
#: notes wrap at their cell's width (at most about 217 in Liberation's print, 212 in DejaVu's); a page
#: laid wider than the paper runs them to its edge (233 and more in DejaVu's print, whose wider letters
#: set the form's widest lines under :data:`PAPER_WIDTH`, 251 to 259 characters).
_WIDE_FREE = 225
#: A footnote's number opening a line of its text: the line before it ended the note above. (A number
#: alone on its line may stand beside its note's middle line: that line may go on into it.)
_NOTE_START_RE = re.compile(r"^\s*\(\d{1,3}\)\s+\S")
_FREE_TEXT_RE = re.compile(r"^\s*(?:Explanation\s+of\s+Responses|Remarks\s*:)", re.IGNORECASE)
#: The first letters of the free text's headings and of any section's (looked at before the
#: patterns, which most lines need not be tried on).
_HEADING_FIRST = frozenset("ERer")
_SECTION_FIRST = frozenset("RSENPrsenp")


def _first_free_words(page: str, count: int) -> int:
    """The first of the page's ``count`` lines that may be a heading of free text (found in the page's
    text at C speed: most lines need no look), or ``count``."""
    at = -1
    for word, rare in _FREE_WORDS:  # (each looked for by a rare letter, only before the earliest found)
        found = find_by(page, word, rare, 0, None if at < 0 else at + len(word))
        at = found if found >= 0 and (at < 0 or found < at) else at
    return count if at < 0 else page.count("\n", 0, at)


#: The free text's headings' words as :func:`_first_free_words` looks for them, each with where its
#: rarest letter stands.
_FREE_WORDS = (("xplanation", 0), ("emarks", 4), ("XPLANATION", 0), ("EMARKS", 4))


def _numbers_lead(lines: list[str], start: int) -> bool:
    """The footnotes from line ``start`` on open each with their number (the form's own "*" notes
    aside): no note's text stands above its number, as it does where numbers are centred beside
    their notes."""
    first = next((ln for ln in lines[start:] if ln.strip() and not ln.lstrip().startswith("*")), "")
    return _NOTE_START_RE.match(first) is not None


def _starts_note(line: str, above: str) -> bool:
    """The line opens the next footnote: its number first, not left of the line above (laid-out text
    puts a number left of its note's lines)."""
    return _NOTE_START_RE.match(line) is not None and len(line) - len(line.lstrip()) >= len(above) - len(above.lstrip())


#: The form's own second footnote, printed on every page, and how it ends: laid out wider than the
#: paper, the page shows it without its end.
_FORM_NOTE_RE = re.compile(r"^\s*\*\*\s+Intentional\s+misstatements\b")
_FORM_NOTE_END = "78ff(a)"


def _form_note(lines: list[str], start: int) -> tuple[int, bool]:
    """The characters across the form's own "**" note's first line, and whether the note reaches the
    paper's edge: the edge cut it (it stops short of its known end, and no line of it goes on below),
    or it stands whole on one line; (0, False) where not shown."""
    for i in range(start, min(len(lines), start + 8)):
        if _FORM_NOTE_RE.match(lines[i]):
            text = lines[i].rstrip()
            nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
            wrapped = nxt and not nxt.startswith(("(", "*")) and _FORM_NOTE_END in nxt
            return len(text), not wrapped
    return 0, False


#: A line ending in a capital letter alone after a comma ("... Deerfield Special Situations Fund, L."):
#: a company's form cut after its first letter ("L.P.", "L.L.C."), no sentence's end.
_CUT_INITIAL_RE = re.compile(r",\s[A-Z]\.$")


def _free_text_width(lines: list[str], start: int) -> int:
    """Characters across the longest line of the footnotes and remarks from line ``start`` (a free
    text heading) to the next section's heading."""
    longest = 0
    free = False
    for ln in lines[start:]:
        first = ln[:200].lstrip()[:1]
        if first in _SECTION_FIRST and _SECTION_RE.search(ln):
            free = bool(_FREE_TEXT_RE.match(ln))
            continue
        if free:
            longest = max(longest, len(ln.rstrip()))
    return longest


def _cut_initial(text: str) -> bool:
    return text[-1] == "." and _CUT_INITIAL_RE.search(text, len(text) - 4) is not None


def _cut_apostrophe(text: str) -> bool:
    """A line ending in an apostrophe right after a letter ("... because the SEC'"): a word cut after
    its apostrophe ("SEC's"), no sentence's end (a closing quote ends one after its stop)."""
    return text[-1] in "'’" and text[-2:-1].isalpha()


def mark_clipped(lines: list[str], paged: bool = True, page: str | None = None) -> list[str]:
    """On a page laid out wider than the paper, the footnotes and remarks run past the paper's edge
    and lose their ends. Such a line (longer than a page holds, not ending a sentence) is marked
    cut, so the form reader lists that footnote or the remarks as missing instead of reading a part
    as the whole. ``page``: the lines joined by line breaks, where the caller has it."""
    # Laid out wider than the paper: every long line of free text may be cut. Otherwise (a PDF's
    # flowing text, its lines as the PDF drew them) only a paragraph's last line tells: one that runs
    # the paper's width and stops mid-sentence lost its end at the edge (the page wraps its text
    # only wider than the paper, so nothing follows it on the next line).
    out = list(lines)
    # (The free text starts at its heading: the lines above it are not looked at.)
    top = _first_free_words(page if page is not None else "\n".join(lines), len(lines))
    start = next((i for i in range(top, len(lines)) if _FREE_TEXT_RE.match(lines[i])), None)
    if start is None:
        return out
    widest = max((len(ln.rstrip()) for ln in lines), default=0) if paged else 0  # (told only of paged text)
    wide = paged and widest >= PAPER_WIDTH
    if (
        paged
        and not wide
        and widest >= _WIDE_FREE
        and _free_text_width(lines, start) >= _WIDE_FREE
        and max((len(ln.rstrip()) for ln in lines[:start]), default=0) >= _WIDE_FREE
    ):
        # The notes or remarks run wider than any page laid within the paper sets them, under the
        # form's tables and boxes laid as wide (not a PDF's flowing text, its lines as drawn): the page
        # was laid wider than the paper in a wide face (DejaVu's), its widest lines in fewer characters.
        wide = True
    full = _FULL_LINE
    if paged and _FORM_LINE <= widest < _FULL_LINE:
        # Laid out narrower (weasyprint's print): the form's own note tells the paper. Cut by the
        # edge, or whole on one line as wide as the page's widest lines, the notes reach the edge:
        # every long line of free text not ending a sentence ran past it (wrapped lines too: the
        # notes wrap at least that wide; capitals set fewer characters to the edge than small
        # letters).
        across, at_edge = _form_note(lines, start + 1)
        if at_edge and across >= widest - 12:
            wide, full = True, across * 3 // 5
    free = lead = False
    edge = 0  # where the lines shown cut stop (the paper's edge, in characters)
    unsure: list[int] = []  # long lines stopping mid-sentence with text under them
    # Lines that end their paragraph mid-sentence, longer than the form's own lines but within a
    # page's width: cut too where the page's other free text shows it ran past the paper's edge (a
    # remark set in another size reaches the edge at fewer characters than the footnotes do).
    short: list[int] = []
    # Lines longer than a printed line holds, in text not laid out (a PDF's flowing text joins a
    # note's printed lines into one: "... 1/10 of the total number of sh measured market ..."). Not
    # cut where nothing shows the free text ran past the paper (text never printed, an HTML page's).
    joined: list[int] = []
    least = min(full, _FORM_LINE)
    for i in range(start, len(lines)):
        ln = lines[i]
        first = ln[:200].lstrip()[:1]  # (a heading is not indented further; the slice bounds the copy)
        if first in _HEADING_FIRST and _FREE_TEXT_RE.match(ln):
            free, lead = True, _numbers_lead(lines, i + 1)
        elif free and first in _SECTION_FIRST and _SECTION_RE.search(ln):
            free = bool(_FREE_TEXT_RE.match(ln))
            lead = free and _numbers_lead(lines, i + 1)
        if not free or len(ln) <= least:
            continue
        text = ln.rstrip()
        # (``text`` is stripped: it ends a sentence where its last letter is a stop, _ENDS_SENTENCE_RE's
        # answer without trying the pattern at each stop of the line; and its blanks joined are no longer.)
        if len(text) <= least or _is_rule(text):
            continue
        if not paged and len(text) > _PAPER_LINE and len(" ".join(text.split())) > _PAPER_LINE:
            joined.append(i)  # (longer than a printed line: several joined, or text never printed)
            continue
        if text[-1] in _SENTENCE_STOPS and not _cut_initial(text) and not _cut_apostrophe(text):
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if len(text) <= full:
            if paged and (not nxt.strip() or _SECTION_RE.search(nxt)):
                short.append(i)
            continue
        if wide or not nxt.strip() or _SECTION_RE.search(nxt) or (lead and _starts_note(nxt, text)):
            out[i] = text + CLIPPED
            if nxt.strip():  # (a blank line under it may be a page break's, not the note's end)
                edge = max(edge, len(text))
        else:
            unsure.append(i)
    if edge and unsure:
        # A line that reaches the paper's edge, where a line shown cut above or below stops, and
        # stops mid-sentence was cut there too, whatever follows it (the next note's first line,
        # its number centred below: "... Exchange Co" / "Effective August 13, ..." / "(31)"). The
        # text's columns only approximate where its letters stood: within a few characters. (The
        # edge is told only by a line the next note's number or a section follows: blank lines
        # under one may be a page break's, in text whose pages are joined without form feeds.)
        near = edge - edge // _EDGE_SLACK
        for i in unsure:
            text = lines[i].rstrip()
            if len(text) >= near:
                out[i] = text + CLIPPED
    if edge and joined:
        # Where the page shows a line of free text cut at the paper's edge, the free text's box was
        # wider than the paper: each of its printed lines but a paragraph's last ran past the edge
        # and lost its end, so a line joining several printed lines holds a cut one, wherever it
        # ends (its last words may be whole: "... Deerfield Private Design Fun is the investment
        # manager of the Funds. ... Deerfield Mgmt IV, L.P.").
        for i in joined:
            out[i] = lines[i].rstrip() + CLIPPED
    if short and any(ln.endswith(CLIPPED) for ln in out[start:]):
        for i in short:
            out[i] = lines[i].rstrip() + CLIPPED
    return out
