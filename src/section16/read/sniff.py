"""Which format is this? Decided from the content, never from the file name."""

from __future__ import annotations

import re
from typing import Literal

Format = Literal["xml", "submission", "html", "pdf", "markdown", "text", "legacy-text"]

_SGML_RE = re.compile(rb"^<(?:SEC-DOCUMENT|SEC-HEADER|IMS-HEADER)>", re.MULTILINE)
_HTML_RE = re.compile(rb"<(!doctype\s+html|html|body|table|div|head|meta|p)[\s>/]", re.IGNORECASE)
# (Blanks, not \s, and each run of blanks or dashes taken whole: a long run is not tried again at
# every split of it, which made a hostile page's 8 KB head take seconds.)
_MD_TABLE_RE = re.compile(rb"^[ \t]*+\|?[ \t]*+:?-{3,}+:?[ \t]*+\|[ \t]*+:?-{3,}", re.MULTILINE)
_GRID_RE = re.compile(rb"^\s*(?:\|\s*)*\+-{3,}[-+]*\+", re.MULTILINE)
_TAG_RE = re.compile(rb"</?(?:table|tr|td|div|p|br|span|font|b)\b", re.IGNORECASE)
_PAGE_RE = re.compile(rb"<(?:!doctype|html|body)[\s>]", re.IGNORECASE)
_MD_ESCAPE_RE = re.compile(rb"^(?:\d{1,2}[A-Z]?\\\.|\\_)", re.MULTILINE)  # "3\." "\_X\_" opening a line
# A paragraph in Markdown's bold, or a pipe-table row: a line of Markdown between the tags pandoc keeps.
_MD_LINE_RE = re.compile(rb"^\*\*[^*\s]|^\|.*\|[ \t]*\r?$", re.MULTILINE)
_MD_RE = re.compile(rb"^\s*\|.*\|\s*$|^#{1,6} \S|\*\*[^*\n]+\*\*|<br\s*/?>|\]\(#", re.MULTILINE)


#: ``_MD_RE``'s branches one by one (:func:`_md_marks`); the first on one line: a pipe row, blanks around it.
_PIPE_ROW_RE = re.compile(rb"\s*\|.*\|\s*$")
_HASH_HEADING_RE = re.compile(rb"^#{1,6} \S", re.MULTILINE)
_BOLD_RE = re.compile(rb"\*\*[^*\n]+\*\*")
_BR_RE = re.compile(rb"<br\s*/?>")


def _md_marks(head: bytes) -> bool:
    r"""``_MD_RE.search(head) is not None``, branch by branch, each tried only where the text it needs
    stands (a laid-out page holds a few, and the whole pattern, which no literal opens, was tried
    at each of the head's 8,192 places: a tenth of a millisecond, some 3 % of a text page's reading).

    The pipe row (``^\s*\|.*\|\s*$``) is tried on the lines holding a bar, from their start: a match
    that opens lines above (its ``\s*`` taking in blank lines) holds one from the start of the line
    of its first bar too, and ``.`` and ``\s*$`` keep the rest on that line (``\s*`` stops at the
    first character that is no blank, and ``$`` needs a line's end there)."""
    if b"|" in head:
        for line in head.split(b"\n"):
            if b"|" in line and _PIPE_ROW_RE.match(line):
                return True
    if (head.startswith(b"#") or b"\n#" in head) and _HASH_HEADING_RE.search(head):
        return True
    if b"**" in head and _BOLD_RE.search(head):
        return True
    return (b"<br" in head and _BR_RE.search(head) is not None) or b"](#" in head


def _grid_line(head: bytes) -> bool:
    """``_GRID_RE.search(head)``, tried only from the start of each line holding a "+---" (a match
    is blanks and bars, then such a border: from its own line's start it matches too)."""
    at = head.find(b"+---")
    while at >= 0:
        if _GRID_RE.match(head, head.rfind(b"\n", 0, at) + 1):
            return True
        eol = head.find(b"\n", at)
        if eol < 0:
            return False
        at = head.find(b"+---", eol)
    return False


def sniff(data: bytes) -> Format:
    """Name the format of ``data``: ownership XML, an EDGAR submission, a rendered page or PDF."""
    head = data[:8192].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-"):
        return "pdf"
    # XML first: it is what is read most, and a submission never starts with <?xml.
    if head.startswith(b"<?xml") or head.startswith(b"<ownershipDocument") or head.startswith(b"<edgarSubmission"):
        # An XHTML page also starts with <?xml; tell them apart by what follows.
        if b"<ownershipDocument" in head or b"<edgarSubmission" in head or not _HTML_RE.search(head):
            return "xml"
    # The SGML envelope's tags stand at the start of a line; prose that merely names them does not.
    # (Each pattern below is tried only when the text it needs is there: a multi-line pattern scans
    # every line of the 8 KB head, a third of the time it takes to read a rendered page.)
    if (
        head.startswith(b"-----BEGIN PRIVACY-ENHANCED MESSAGE-----")
        or head.startswith(b"<SUBMISSION>")
        or ((b"<SEC-" in head or b"<IMS-" in head) and _SGML_RE.search(head))
    ):
        return "submission"
    if b"+---" in head and _grid_line(head):  # grid tables (+---+ borders): text laid out in columns
        return "text"
    if b"---" in head and _MD_TABLE_RE.search(head):  # a pipe table's delimiter row: no HTML page has one
        return "markdown"
    if head.startswith(b"<") and _HTML_RE.search(head):
        # pandoc's commonmark and gfm open with the HTML they keep (a <div>, a <table>) yet are Markdown:
        # no <html> or <body>, and Markdown's escapes, bold paragraphs or pipe rows between the tags.
        # (Read as HTML, gfm's Markdown lines became text and its Table II was lost.)
        escaped = b"\\" in head and _MD_ESCAPE_RE.search(head)
        if not _PAGE_RE.search(head) and (escaped or ((b"\n**" in head or b"|" in head) and _MD_LINE_RE.search(head))):
            return "markdown"
        return "html"
    # Markdown may carry HTML inside (pandoc keeps tables with merged cells as <table>): a page that
    # does not open with a tag but has Markdown's marks is Markdown.
    if _md_marks(head):
        return "markdown"
    if len(_TAG_RE.findall(head)) >= 20:
        return "html"
    return "text"
