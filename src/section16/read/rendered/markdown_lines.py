"""Markdown whose text is a PDF's lines one under another, with no blank line between paragraphs
(MarkItDown on a PDF: pdfminer's text, pipe tables only where it finds rules).

Markdown joins lines without a blank between them into one paragraph, so the form's sections run
together: "SPRING, TX 77389 Signatures /s/ Marsha E. ... 03/17/2026 Signature of Reporting Person
Date Explanation of Responses: * If the form is filed ... (1) Each restricted ... (2) ...". The
footnotes then stand inside the form's own "*" note (read as none, though the page shows them) and
the signature takes the owners' last line and the heading. Where the page is so written (a section's
heading with text right above or below it), the sections are parted again by their lines:

* each section heading ("Signatures", "Explanation of Responses:", "Remarks:") a paragraph of its own,
  and the form's closing notes ("Note: File three copies...") too;
* each signature the lines above its caption, joined (a name wrapped over two lines, its date after);
* the footnotes by where their numbers stand, as for a PDF's plain text (the plain-text reader's):
  a number opening its note's first line, or centred beside its lines; a note's last line that runs
  the paper's width and stops mid-sentence was cut at the paper's edge and is marked so (``CUT``).
"""

from __future__ import annotations

import re

from .cells import CLIPPED
from .markdown_pdf import CUT

#: A section's heading alone on its line (bold or not).
_HEADING_RE = re.compile(r"^\W*(Signatures|Explanation\s+of\s+Responses\s*:?|Remarks\s*:?)\W*$", re.IGNORECASE)
#: The headings looked for alone on their lines (found as plain strings: a scan at C speed).
_HEADINGS = ("Signatures", "Explanation of Responses:")
#: The lines after the footnotes and remarks: the form's closing notes.
_CLOSING_RE = re.compile(r"^\W*(?:Note\s*:\s*File|Reminder\s*:|Potential\s+persons|Persons\s+who\s+respond)", re.I)
_CAPTION_RE = re.compile(r"Signature\s+of\s+Reporting\s+Person", re.IGNORECASE)


def runs_together(text: str) -> bool:
    """The page's sections stand without blank lines between them (see the module's doc): a heading
    alone on its line (bold or not) with a line of text (not a table's, not a heading's underline)
    right above or below it."""
    for heading in _HEADINGS:
        at = text.find(heading)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            if not text[start:end].strip(" \t*").removeprefix(heading).strip(" \t*"):
                above = text[text.rfind("\n", 0, max(start - 1, 0)) + 1 : max(start - 1, 0)].strip()
                below_end = text.find("\n", end + 1)
                below = text[end + 1 : below_end if below_end >= 0 else len(text)].strip()
                if any(ln and ln[0] not in "|#=-" for ln in (above, below)):
                    return True
            at = text.find(heading, at + len(heading))
    return False


def part_sections(lines: list[str]) -> tuple[list[str], bool]:
    """The lines with the signatures, footnotes and remarks parted into paragraphs of their own (see
    the module's doc); and whether a footnote or the remarks was marked cut."""
    from .text import _footnote_rows, mark_clipped  # (the plain-text reader's: imported where used)

    out: list[str] = []
    cut = False
    i = 0
    while i < len(lines):
        m = _HEADING_RE.match(lines[i])
        if not m and not _CLOSING_RE.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        out.extend(("", lines[i].strip(), ""))
        # The section's lines: up to the next heading or closing note, or a table's row.
        end = i + 1
        while end < len(lines) and not (
            _HEADING_RE.match(lines[end]) or _CLOSING_RE.match(lines[end]) or "|" in lines[end]
        ):
            end += 1
        body = lines[i + 1 : end]
        head = m.group(1).lower() if m else ""
        if not m or (any(not ln.strip() for ln in body) and head.startswith("remarks")):
            out.extend(body)  # a closing note, or remarks already parted by blank lines: as they are
        elif head.startswith("signature"):
            out.extend(_signature_paragraphs(body))
        elif head.startswith("explanation"):
            marked = mark_clipped(["Explanation of Responses:", *body, ""], paged=False)[1:-1]
            rows = _footnote_rows(marked, 0, len(marked))
            for row in rows:
                text = row[0].replace(CLIPPED, CUT)
                cut = cut or CUT in text
                out.extend((text, ""))
        else:  # the remarks: one paragraph, cut where its last line runs the paper's width
            marked = mark_clipped(["Remarks:", *body, ""], paged=False)[1:-1]
            text = " ".join(ln.strip() for ln in marked if ln.strip()).replace(CLIPPED, CUT)
            cut = cut or CUT in text
            out.extend((text, ""))
        i = end
    return out, cut


def _signature_paragraphs(body: list[str]) -> list[str]:
    """Each signature's lines joined (up to its caption), and each caption, as paragraphs."""
    out: list[str] = []
    group: list[str] = []
    after_caption = False
    for ln in body:
        if _CAPTION_RE.search(ln):
            if group:
                out.extend((" ".join(group), ""))
            out.extend((ln.strip(), ""))
            group = []
            after_caption = True
        elif after_caption and ln.strip() == "Date":
            # The date's caption on the line under the name's ("**Signature of Reporting Person" /
            # "Date"): the caption's, not the next signature's first word.
            out[-2] += " Date"
            after_caption = False
        elif ln.strip():
            after_caption = False
            group.append(ln.strip())
    if group:
        out.extend((" ".join(group), ""))
    return out
