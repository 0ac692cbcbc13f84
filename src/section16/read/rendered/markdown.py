"""Markdown front end: converter output (markdownify, html2text, pandoc) or an OCR/vision model's page.

Pipe-table lines become rows of cells; HTML left inside the Markdown (``<br>``, ``<sup>``, check boxes,
whole ``<table>`` blocks that pandoc keeps for merged cells) is read by the HTML front end's rules;
other lines become one-cell rows, with soft-wrapped paragraph lines joined.
"""

from __future__ import annotations

import bisect
import functools
import html as htmllib
import re

from ...errors import ParseError
from .cells import CHECKED, CLIPPED, MEMO, UNCHECKED, Doc, normalize, run_on
from .html import _bare_mark, html_to_doc
from .markdown_lines import part_sections, runs_together
from .markdown_pdf import (
    CUT,
    drop_cut_issuer_box,
    drop_cut_owners_table,
    drop_unplaced_box1,
    join_footnote_heads,
    part_inline_sections,
    part_run_on_marks,
    part_table_titles,
    sig_heading_in_cell,
    signature_rows,
    title_row,
)
from .markdown_rows import place_tables

_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$|<>~\"'&])")
_SPAN_RE = re.compile(r"\[([^\]]*)\]\{[^}]*\}")  # pandoc's spans: []{#F1}, [text]{.class}
_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
_INPUT_RE = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
_TAG_RE = re.compile(r"</?[A-Za-z][^>]*>")
_BOLD_RE = re.compile(r"\*\*")
_STRIKE_RE = re.compile(r"~~([^~\n]*)~~")
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
_SPLIT_CAPTION_RE = re.compile(r"(?<![A-Za-z])S\s+ignature(?=\s+of\s+Reporting)")
_GLUED_BOLD_RE = re.compile(r"(?<=[A-Za-z])\*\*([A-Za-z][^*\n]*?)\*\*(?=[A-Za-z])")
# (The look-behind after the "*": a pattern opening with a look-behind is tried at every character.)
_EMPH_RE = re.compile(r"\*(?<![\w*]\*)(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_PRIVATE_RE = re.compile("[\ue000-\ue0ff]")
_DELIM_CELL_RE = re.compile(r"^\s*:?-{2,}:?\s*$")
_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+")
_HEADING_ATTRS_RE = re.compile(r"\s*\{[#.][^{}]*\}\s*$")
_RULE_RE = re.compile(r"^\s*(?:[-=_*]\s*){3,}$")
_BULLET_RE = re.compile(r"^\s*[-*+]\s+(?!\[[ xX]\])")
_TASK_RE = re.compile(r"^\s*[-*+]\s+\[([ xX])\]\s+")
_PIPE_RE = re.compile(r"(?<!\\)\|")
_BULLET_PIPE_RE = re.compile(r"^[-*+] +\|")
_TABLE_TAG_RE = re.compile(r"<(/?)table", re.IGNORECASE)
#: A bold footnote number ("**(", group 1) or a bold section heading (what markdown_pdf parts).
_BOLD_LEAD_RE = re.compile(r"\*\*(?:(\()|Signature|Explanation|Remarks)")
_GLUED_NUMBER_RE = re.compile(r"(?<=\d)(?=\d\\\.\s)")
# pandoc's simple and multiline tables: an indented rule of dash groups.
_DASH_RULE_RE = re.compile(r"^ {1,3}-{2,}(?: +-+)*\s*$")
_DASH_GROUP_RE = re.compile(r"-+")
# Box 1's caption with a value after it in the same cell: what drop_unplaced_box1 looks for.
_CAPTION_THEN_VALUE_RE = re.compile(
    r"\((?:Last|First|Middle|Street|City|State|Zip[^)]*|Country)\)\s*<br\s*/?>\s*[^(<\s|]"
)


@functools.lru_cache(maxsize=MEMO)
def _inline(text: str) -> str:
    """Markdown and inline HTML of one cell or line -> plain text with the shared marks."""
    if not text or text.isspace():  # the many empty cells of a table: nothing to read
        return ""
    if "<" in text:
        if "<!--" in text:  # a converter's own notes ("<!-- Start of picture text -->"): not the page's
            text = _COMMENT_RE.sub("", text)
        text = _BR_RE.sub("\n", text)
        text = _INPUT_RE.sub(lambda m: f" {CHECKED if 'checked' in m.group(0).lower() else UNCHECKED} ", text)
        text = _TAG_RE.sub("", text)
    if "[" in text:
        text = _SPAN_RE.sub(r"\1", text)
        text = _LINK_RE.sub(r"\1", text)
    if "\\" in text:  # escaped characters are literal: keep them out of the emphasis rules
        text = _ESCAPE_RE.sub(lambda m: chr(0xE000 + ord(m.group(1))), text)
    if "~~" in text:  # strikethrough: a PDF converter's reading of a mark drawn over a letter
        text = _STRIKE_RE.sub(r"\1", text)
    if "ignature" in text:
        # The caption's first letter set apart from the rest ("S ignature of Reporting Person"):
        # a PDF converter's reading of the caption's "**" marks standing close before it.
        text = _SPLIT_CAPTION_RE.sub("Signature", text)
    if "*" in text or "_" in text:
        if "**" in text:
            # Bold glued to the words on both sides ("Issuer Name**and**Ticker"): a PDF converter
            # that wraps a bold run in ** drops the spaces around it; a space stands for each.
            text = _GLUED_BOLD_RE.sub(r" \1 ", text)
        text = _BOLD_RE.sub("", text)
        text = _EMPH_RE.sub(r"\1", text)
    if not text.isascii():  # (isascii is a flag look-up: most cells skip the scan)
        text = _PRIVATE_RE.sub(lambda m: chr(ord(m.group(0)) - 0xE000), text)
    if "&" in text:
        text = htmllib.unescape(text)
    return normalize(text)


def _break_after(lead: int, m: re.Match[str]) -> str:
    """A line break before a glued box number, unless the number is in the digits opening the line."""
    return "" if m.start() <= lead else "<br>"


def _split_pipes(line: str) -> list[str]:
    s = line.strip()
    cells = s.split("|")
    if "\\|" in s:  # an escaped pipe is text: join it back (str.split, then this, beats a regex split)
        parts, cells = cells, [cells[0]]
        for part in parts[1:]:
            if cells[-1].endswith("\\"):
                cells[-1] += "|" + part
            else:
                cells.append(part)
    if s.startswith("|"):
        cells = cells[1:]
        if s.endswith("|") and not s.endswith("\\|") and cells:
            cells = cells[:-1]
    # (A row written without its outer pipes, as html2text writes them, that ends in a pipe ends in an
    # empty cell: "A | | X | " is the owner, Director, 10% Owner, Officer and an empty Other.)
    return cells


#: A pipe table's cell ending in a line break, nothing after it ("by<br>|", "$ 1,162.888<br>|").
_OPEN_CELL_RE = re.compile(r"<br\s*/?>\s*\|", re.IGNORECASE)


def _left_table(lines: list[str], i: int) -> bool:
    """Is the next line holding text after line ``i - 1`` no row of its table: not a pipe row, or
    the form's "Reminder:" under Table I (a PDF-to-Markdown converter draws it as a row)?"""
    for line in lines[i : i + 8]:
        s = line.strip()
        if s:
            return not s.startswith("|") or s[1:].lstrip(" *").startswith("Reminder")
    return True


def _hard_break(text: str) -> str:
    """A line without the backslash that ends it (Markdown's line break)."""
    return text[:-1].rstrip() if text.endswith("\\") and not text.endswith("\\\\") else text


def _dash_table(lines: list[str], start: int) -> tuple[Doc, int]:
    """A table pandoc's own Markdown draws with rules of dashes (simple and multiline tables): the
    dash groups of its rule give the columns; in a multiline table (opened by one long rule) blank
    lines part the rows, otherwise each line is a row. Returns the rows and the line after the table."""
    end = start + 1
    while end < len(lines):
        ln = lines[end]
        if not ln.strip():
            nxt = next((x for x in lines[end + 1 :] if x.strip()), "")
            if not nxt.startswith(" ") or (_DASH_RULE_RE.match(lines[end - 1]) and end - 1 > start):
                break
        elif not ln.startswith(" "):
            break
        end += 1
    block = lines[start:end]
    rules = [ln for ln in block if _DASH_RULE_RE.match(ln)]
    widest = max(rules, key=lambda ln: len(_DASH_GROUP_RE.findall(ln)))
    starts = [m.start() for m in _DASH_GROUP_RE.finditer(widest)]
    # (A multiline table without a header opens with its columns' rule: blank lines part its rows too.)
    multiline = len(starts) > 1 and (len(_DASH_GROUP_RE.findall(block[0])) == 1 or any(not x.strip() for x in block))
    groups: list[list[str]] = [[]]
    for ln in block:
        if _DASH_RULE_RE.match(ln) or (multiline and not ln.strip()):
            if groups[-1]:
                groups.append([])
            continue
        if ln.strip():
            groups[-1].append(ln)
            if not multiline:
                groups.append([])
    rows: Doc = []
    for g in (g for g in groups if g):
        cells = []
        for k, a in enumerate(starts):
            b = starts[k + 1] if k + 1 < len(starts) else None
            # A cell's lines are its text wrapped to the column; only a line ending in a backslash
            # ends a line of the filer's (a box-1 name wrapped is one name, not name and street).
            parts = [p for p in (ln[a:b].strip() for ln in g) if p]
            cells.append("".join(p[:-1].rstrip() + "\n" if _hard_break(p) != p else p + " " for p in parts).strip())
        rows.append([_inline(c.replace("\n", "<br>")) for c in cells])
    return rows, end


def markdown_to_doc(data: bytes | str, source: str | None = None) -> Doc:
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    # The lines holding a bold footnote number ("**(") or a bold section heading, found by one scan of
    # the page (four substring scans cost ten times as much): only those lines are looked at below.
    marks_at: list[int] = []
    sections_at: list[int] = []
    line_no = last = 0
    for bold in _BOLD_LEAD_RE.finditer(text):
        line_no += text.count("\n", last, bold.start())
        last = bold.start()
        found = marks_at if bold.group(1) else sections_at
        if not found or found[-1] != line_no:
            found.append(line_no)
    bold_marks = bool(marks_at)
    # (CUT stands in the doc only where part_run_on_marks or part_sections put it, or the page has it.)
    cut_marked = CUT in text
    if bold_marks:
        parted = part_run_on_marks(lines, marks_at)
        cut_marked = cut_marked or parted is not lines
        if parted is not lines and sections_at:  # (the lines after a parted one moved: all looked at)
            sections_at = list(range(len(parted)))
        lines = parted
    if sections_at:
        lines = part_inline_sections(lines, sections_at)
    lines, pdf_cut = part_sections(lines) if runs_together(text) else (lines, False)
    lines = part_table_titles(text, lines)
    # How each line changes the depth of HTML tables (opened less closed), for the lines holding a
    # table tag, in order; found when the first HTML table is met, by one scan of the page (lowering
    # the page, or scanning it line by line, costs several times as much).
    nets: dict[int, int] | None = None
    table_lines: list[int] = []
    blocks: list[tuple[int, str]] = []  # each HTML table block: where its rows go, and its HTML
    doc: Doc = []
    para: list[str] = []

    # The rows of a list item or of a paragraph of one line: their words surely in the page's order
    # (a paragraph of several lines may be a PDF's text, a "$" or a mark stacked on a line apart).
    in_order: set[int] = set()
    # The table rows with a cell ending in a line break whose next line is no row of the table (the
    # text below it, or the form's "Reminder:" row): that line, a mark or words, went elsewhere.
    lost: set[int] = set()
    item = False  # the paragraph being read is a list item

    def flush() -> None:
        nonlocal item
        if para:
            # (Lines run on after a word's hyphen without a space: only a line holding a "-" can end
            # in one, and most paragraphs are one line.)
            if len(para) == 1:
                lines_run = para[0]
            elif any("-" in p for p in para[:-1]):
                lines_run = functools.reduce(run_on, para, "")
            else:
                lines_run = " ".join(para)
            joined = _inline(lines_run)
            if joined:
                doc.append([joined])
                if item or len(para) == 1:
                    in_order.add(id(doc[-1]))
            para.clear()
        item = False

    cut_title = False
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped[:1] == "<" and stripped[:6].lower() == "<table":
            flush()
            if nets is None:
                nets = {}
                at = last = 0
                for tag in _TABLE_TAG_RE.finditer(text):
                    at += text.count("\n", last, tag.start())
                    last = tag.start()
                    nets[at] = nets.get(at, 0) + (-1 if tag.group(1) else 1)
                table_lines = list(nets)
            # The block ends with the first line after which its tables are all closed; only lines
            # holding a table tag change the depth, so only those are looked at (most of a block's
            # lines are its rows and cells).
            j = len(lines)
            depth = 0
            for k in table_lines[bisect.bisect_left(table_lines, i) :]:
                depth += nets[k]
                if depth <= 0:
                    j = k + 1
                    break
            blocks.append((len(doc), "\n".join(lines[i:j])))  # read below, all in one parse
            i = j
            continue
        if line[:1] == " " and _DASH_RULE_RE.match(line):
            flush()
            rows, i = _dash_table(lines, i)
            doc.extend(rows)
            continue
        i += 1
        if not stripped:
            flush()
            continue
        if "|" in stripped and not stripped.startswith("\\|"):
            flush()
            if stripped[:1] in "-*+" and _BULLET_PIPE_RE.match(stripped):
                # A table row as a list item ("- | (Last) | (First) |": html-to-markdown lists a
                # layout table's cells): the bullet is no cell of the row.
                stripped = stripped[2:].lstrip()
            cells = _split_pipes(stripped)
            kept = [c for c in cells if "--" not in c or not _DELIM_CELL_RE.match(c)] if "--" in stripped else cells
            if not kept:  # (a delimiter row)
                continue
            if len(kept) == len(cells) or any(c.strip() for c in kept):
                row = list(map(_inline, kept))  # (an empty cell reads "": memoised, as any cell)
                split = title_row(row) if len(row) > 1 and "Tab" in stripped else None
                # (A title the cells cut: the converter's cells are not the form's, on the whole page.)
                cut_title = cut_title or (split is not None and sum(1 for c in row if c.strip()) - len(split[0]) > 1)
                doc.extend(split if split is not None else [row])
                if split is None and "<br" in stripped and _OPEN_CELL_RE.search(stripped) and _left_table(lines, i):
                    lost.add(id(row))
            continue
        # (Each pattern below opens with white space, then one of a few characters: the line's first
        # one, looked at first, spares most lines the patterns.)
        first = stripped[0]
        if first in "-=_*" and _RULE_RE.match(stripped):
            flush()
            continue
        m = _TASK_RE.match(line) if first in "-*+" else None
        if m:
            flush()
            box = CHECKED if m.group(1) in "xX" else UNCHECKED
            para.append(f"{box} {line[m.end() :]}")
            flush()
            continue
        if first == "#" and _HEADING_RE.match(line):
            flush()
            # (Without a trailing attribute block: "## Explanation of Responses: {#explanation-...}",
            # as Markdown Extra, pandoc's Markdown and kramdown give a heading its id.)
            para.append(_HEADING_ATTRS_RE.sub("", _HEADING_RE.sub("", line)))
            flush()
            continue
        if first in "-*+" and _BULLET_RE.match(line):
            # A list item opens a paragraph of its own; the lines right under it (no blank line
            # between: Markdown's lazy continuation) are its own too (html-to-markdown lists a
            # signature's lines as one item: "- AVENUE CAPITAL ..., L.P." / "By: ... 06/12/2020").
            flush()
            item = True
            line = _BULLET_RE.sub("", line)
            stripped = line.strip()
        hard_break = line.endswith("  ") or (line.endswith("\\") and not line.endswith("\\\\"))
        if line.endswith("\\") and not line.endswith("\\\\"):
            stripped = stripped[:-1].rstrip()  # a backslash at the end of a line is a line break, not text
        if "\\." in stripped:
            # A converter escapes "3." only where it starts a line of its own: glued to the digits of
            # the line above ("PO BOX 89993\. Date of Earliest Transaction"), it is a box's number.
            # ("12\. x" opening the line is a number the converter escaped, not one glued on.)
            if _GLUED_NUMBER_RE.search(stripped):
                lead = len(stripped) - len(stripped.lstrip("0123456789"))  # (the digits opening the line)
                stripped = _GLUED_NUMBER_RE.sub(functools.partial(_break_after, lead), stripped)
        if stripped:
            para.append(stripped)
        if hard_break or "<br" in line[-8:].lower():
            flush()
    flush()
    if blocks:
        read = _read_blocks([html for _at, html in blocks], source)
        out: Doc = []
        last = 0
        for (at, _html), rows in zip(blocks, read, strict=True):
            out.extend(doc[last:at])
            out.extend(rows)
            last = at
        out.extend(doc[last:])
        doc = out
    if cut_title or ("(Last)" in text and _CAPTION_THEN_VALUE_RE.search(text)):
        doc = drop_unplaced_box1(doc, cut_title)
    doc = place_tables(doc, in_order, lost)
    if "Owner" in text:
        doc = drop_cut_owners_table(doc, cut_title)
    if "Issuer Name" in text:
        doc = drop_cut_issuer_box(doc)
    if "ignature" in text:
        doc = signature_rows(doc, sig_heading_in_cell(text))
    if bold_marks or pdf_cut:
        if cut_marked or pdf_cut:
            doc = [[c.replace(CUT, CLIPPED) if CUT in c else c for c in row] for row in doc]
        doc = join_footnote_heads(doc)
    return doc


#: Between HTML blocks read in one parse: a paragraph holding only this character, read as a row of
#: its own, tells where one block's rows end.
#: (Not from the walk's own range, U+E0xx: a page holding one of those is checked the slow way.)
_BETWEEN = "\uf8e9"
_SEPARATOR = f"\n<p>{_BETWEEN}</p>\n".encode()
_BETWEEN_REF_RE = re.compile(rb"&#(?:[xX]0*[fF]8[eE]9|0*63721)(?![0-9])")
#: What could make blocks read together differ from blocks read alone: markup that hides or moves
#: text (comments, CDATA, processing instructions: "<!", "<?"; a document's own html/head/body tags).
#: The tags in any case, by one regex over the bytes (the page lower-cased and searched for each tag
#: costs twice as much: a search for a few bytes is slow where "<" is as common as in HTML).
_DOCUMENT_TAG_RE = re.compile(rb"<(?:[hH](?:[tT][mM][lL]|[eE][aA][dD])|[bB][oO][dD][yY])")


def _unsafe_to_join(raw: bytes) -> bool:
    """Does the blocks' markup hold "<!", "<?" or an html, head or body tag? ("!" and "?" are looked
    for alone first: a search for one byte is memchr.)"""
    if (b"!" in raw and b"<!" in raw) or (b"?" in raw and b"<?" in raw):
        return True
    return _DOCUMENT_TAG_RE.search(raw) is not None


def _read_blocks(htmls: list[str], source: str | None) -> list[Doc]:
    """The rows of each HTML block. A page of pandoc's (gfm, commonmark) holds several: they are read
    in one parse when that is sure to give each block's rows as reading it alone would (lxml and the
    walk cost about 0.06 ms a call before any of the page is read); otherwise one by one."""
    # (The separator's character in no block: a block with it is read alone, as are all then.)
    if len(htmls) > 1 and not any(_BETWEEN in h for h in htmls):
        try:
            # (Each block encoded, then the bytes joined: the separator's character, joined to the
            # blocks' text, would widen it all to two bytes a character, and its encoding is slower.)
            raw = _SEPARATOR.join([h.encode() for h in htmls])
        except UnicodeEncodeError:  # a lone surrogate: each block read alone says what is wrong
            raw = b""
        # (A "(2)" outside <sup> changes how a block's marks are read when another block has <sup>;
        # looked for on the blocks joined: the 5 bytes before a block's start are the separator's
        # "</p>\n", never "<sup>", as before a block read alone there are none.)
        if raw and not _BETWEEN_REF_RE.search(raw) and not _unsafe_to_join(raw) and not _bare_mark(raw):
            try:
                rows = html_to_doc(raw, None, bare_marks=False, utf8_known=True)
            except ParseError:
                rows = []
            parts: list[Doc] = [[]]
            for row in rows:
                if row == [_BETWEEN]:
                    parts.append([])
                else:
                    parts[-1].append(row)
            if len(parts) == len(htmls):  # every separator found as a row of its own
                return parts
    return [html_to_doc(h, source) for h in htmls]
