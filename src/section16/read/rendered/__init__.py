"""Rendered filings (HTML, Markdown, plain text, PDF, pre-2003 text) -> the same :class:`Filing`.

Each front end turns its format into rows of cells (:mod:`.cells`); :mod:`.form` reads the printed
form from those, so the meaning of the form's boxes and tables is written once.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...model import Filing
from . import _compiled  # noqa: F401  (first: the compiled modules below are imported where fresh)
from .broken_guards import check_broken
from .cells import LITERAL
from .form import read_doc
from .html import html_to_doc
from .ligatures import fold_ligatures
from .markdown import markdown_to_doc
from .pandoc_grid import has_cut_table, looks_like_pandoc_markdown, pandoc_markdown_to_doc
from .pdf import pdf_to_doc
from .spacing_guards import check_spacing
from .tabbed import is_tabbed, tabbed_to_doc
from .text import read_text
from .text_find import places_of
from .text_guards import check_amendment_date, check_unsaid_box_fields


def parse_html(data: bytes, source: str | None = None) -> Filing:
    return read_doc(html_to_doc(data, source), source, "html")


def parse_markdown(data: bytes, source: str | None = None) -> Filing:
    data = fold_ligatures(data)  # (a PDF's text: "ﬁled" is "filed")
    if b"](#F" in data:
        text = data.decode("utf-8", errors="replace")
        if _LINK_MARK_RE.search(text):  # marks are links ([(1)](#F1), markdownify): a bare (2) is text
            data = _in_tables(text, _BARE_MARK_MD_RE, lambda m: f"({LITERAL}{m.group(1)})").encode()
    filing = read_doc(markdown_to_doc(data, source), source, "markdown")
    if filing.date_of_original_submission is None:
        # Box 4's date not read: a Markdown made from a PDF's text (MarkItDown) may set it in a table
        # of its own, apart from its label; then whether the page amends a filing is not known.
        filing = check_amendment_date(filing, data.decode("utf-8", errors="replace"))
    # Box 5's officer checked with no title read, a city with no state, a US state with no zip: a
    # Markdown made from a PDF's text (MarkItDown, pymupdf4llm) sets those cells where no box takes
    # them, and the blank read is listed missing, as the text front end lists it.
    filing = check_unsaid_box_fields(filing)
    # A Markdown made from a PDF's words (pymupdf4llm) spells one title "By Fund" in a row and "ByFund"
    # in the next: which spacing was filed the page does not settle.
    return check_spacing(filing)


#: A footnote mark written as a link to its note, as markdownify writes the SEC page's.
_LINK_MARK_RE = re.compile(r"\[\(\d{1,3}\)\]\(#F\d{1,3}\)")
#: A "(2)" that is no link's text: on a page whose marks are links, the filer's own ("Stock (2)").
_BARE_MARK_MD_RE = re.compile(r"\((?<![\[\w(]\()(\d{1,3})\)(?!\]\()")
#: A "(2)" in plain type on a page whose marks are superscripts (pandoc plain: "⁽²⁵⁾"), with a space
#: after it taken so the line keeps its width (the columns stand where they stood).
_BARE_MARK_TEXT_RE = re.compile(r"\((?<![\w(⁽]\()(\d{1,3})\)(?: (?= )|$)", re.MULTILINE)
# (Each mark pattern opens with its "(" and looks behind it after: a pattern opened by a look-behind
# is tried at every position of the page, one opened by a literal only where the literal stands.)
_TABLES_START_RE = re.compile(r"Table\s+I\s*-")
_TABLES_END_RE = re.compile(r"^\W*Explanation\s+of\s+Responses", re.MULTILINE | re.IGNORECASE)


def _in_tables(text: str, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]) -> str:
    """The text with ``pattern`` replaced between Table I's title and the footnotes (whose own
    numbers are printed bare), where the filer's values stand."""
    title = _TABLES_START_RE.search(text)
    if title is None:
        return text
    begin = text.rfind("\n", 0, title.start()) + 1  # the title's line
    line_end = text.find("\n", title.start())
    line_end = len(text) if line_end < 0 else line_end
    last = title  # the footnotes are looked for after the line's last title
    for m in _TABLES_START_RE.finditer(text, title.end(), line_end):  # (the line alone is scanned)
        last = m
    # A title opening on the line may go on past its end (its blanks a line break): then it is the
    # line's last "Table" (no other fits inside its blanks), matched without the line's bound.
    tail = text.rfind("Table", last.end(), line_end)
    straddling = _TABLES_START_RE.match(text, tail) if tail >= 0 else None
    last = straddling or last
    stop = _notes_start(text, last.end())
    return text[:begin] + pattern.sub(repl, text[begin:stop]) + text[stop:]


def _notes_start(text: str, pos: int) -> int:
    """Where ``_TABLES_END_RE.search(text, pos)`` matches (the end of the text if nowhere). The pattern
    opens with "^\\W*": tried at every position of the tables it would scan them all, so it is tried
    only from the run of non-word characters before each "Explanation" (found by its "x", which
    matches no other character ignoring case and which a page holds a few times, at C speed: a
    pattern opened by "[Ee]" is tried at every "e" of the tables), which is where any match starts."""
    for at in places_of(text, "xX", pos + 1):
        m = _EXPLANATION_RE.match(text, at - 1)
        if m is None:
            continue
        end = _TABLES_END_RE.search(text, _nonword_run_start(text, pos, m.start()), m.end())
        if end is not None:
            return end.start()
    return len(text)


def _nonword_run_start(text: str, pos: int, at: int) -> int:
    """Where the run of non-word characters (``\\W``) ending at ``at`` starts, ``pos`` at the earliest:
    the first word character looked for in the text before ``at`` read backwards."""
    span = 256
    while True:
        lo = max(pos, at - span)
        word = _WORD_RE.search(text[lo:at][::-1])
        if word is not None:
            return at - word.start()
        if lo == pos:
            return pos
        span *= 8


_WORD_RE = re.compile(r"\w")
_EXPLANATION_RE = re.compile(r"[Ee](?i:xplanation\s+of\s+responses)")


def parse_text(data: bytes, source: str | None = None) -> Filing:
    # Grid tables (+---+) are sniffed as laid-out text; written by pandoc's own Markdown (escapes,
    # links, bold around them) they are Markdown, whose cells the grid front end takes apart.
    text: str | None = None  # (the page decoded once, when a test below needs its text)
    data = fold_ligatures(data)  # (a PDF's text: "ﬁled" is "filed")
    if b"+---" in data[:8192]:
        text = data.decode("utf-8", errors="replace")
        if looks_like_pandoc_markdown(text):
            return read_doc(pandoc_markdown_to_doc(text, source), source, "markdown")
        if has_cut_table(text):  # pandoc's plain text at its default width: cells cut, not laid out
            return read_doc(pandoc_markdown_to_doc(text, source), source, "text")
    if b"\t" in data:
        text = data.decode("utf-8", errors="replace") if text is None else text
        if is_tabbed(text):  # a browser's copied text: cells parted by tabs, not laid out
            return read_doc(tabbed_to_doc(text), source, "text")
    if "⁽".encode() in data:  # marks printed as superscripts (pandoc plain): a plain "(2)" is text
        text = data.decode("utf-8", errors="replace") if text is None else text
        text = _in_tables(text, _BARE_MARK_TEXT_RE, lambda m: f"({LITERAL}{m.group(1)})")
    return read_text(data if text is None else text, source)


def parse_pdf(data: bytes, source: str | None = None) -> Filing:
    return read_doc(pdf_to_doc(data, source), source, "pdf")


def _guarded(read: Callable[[bytes, str | None], Filing]) -> Callable[[bytes, str | None], Filing]:
    """The reader with the checks for what a broken page leaves behind (:mod:`.broken_guards`)."""

    def guarded(data: bytes, source: str | None = None) -> Filing:
        return check_broken(read(data, source))

    guarded.__name__ = guarded.__qualname__ = read.__name__
    guarded.__doc__ = read.__doc__
    return guarded


def _register() -> None:
    from .. import register_reader
    from ..submission import register_legacy_reader
    from .legacy import parse_legacy

    register_reader("html", _guarded(parse_html))
    register_reader("markdown", _guarded(parse_markdown))
    register_reader("text", _guarded(parse_text))
    register_reader("pdf", _guarded(parse_pdf))
    register_legacy_reader(parse_legacy)


_register()

__all__ = ["parse_html", "parse_markdown", "parse_pdf", "parse_text", "read_doc"]
