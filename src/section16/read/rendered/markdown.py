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
from .cells import CHECKED, CLIPPED, MEMO, UNCHECKED, Doc, normalize
from .html import _bare_mark, html_to_doc
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
_EMPH_RE = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_PRIVATE_RE = re.compile("[\ue000-\ue0ff]")
_DELIM_CELL_RE = re.compile(r"^\s*:?-{2,}:?\s*$")
_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+")
_RULE_RE = re.compile(r"^\s*(?:[-=_*]\s*){3,}$")
_BULLET_RE = re.compile(r"^\s*[-*+]\s+(?!\[[ xX]\])")
_TASK_RE = re.compile(r"^\s*[-*+]\s+\[([ xX])\]\s+")
_PIPE_RE = re.compile(r"(?<!\\)\|")
_TABLE_TAG_RE = re.compile(r"<(/?)table", re.IGNORECASE)
_GLUED_NUMBER_RE = re.compile(r"(?<=\d)(?=\d\\\.\s)")
# pandoc's simple and multiline tables: an indented rule of dash groups.
_DASH_RULE_RE = re.compile(r"^ {1,3}-{2,}(?: +-+)*\s*$")
_DASH_GROUP_RE = re.compile(r"-+")


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


#: A footnote's number in bold ("**(2)**"), as a PDF-to-Markdown converter prints the page's marks.
_BOLD_MARK_RE = re.compile(r"\*\*\((\d{1,3})\)\*\*")
#: ... standing after other text on its line (the converter ran two footnotes together), or glued to
#: the text that follows it ("**(7)**<sup>Shares").
_MID_MARK_RE = re.compile(r"(?<=[^\s*-])[ \t]*(?=\*\*\(\d{1,3}\)\*\*)")
_GLUED_MARK_RE = re.compile(r"(\*\*\(\d{1,3}\)\*\*)(?=[^\s*])")
#: The end of a footnote's last sentence, before a run-on mark: without it the text was cut.
_SENTENCE_END_RE = re.compile(r"[.!?;:)\"'\u201d]\W*$")
#: Put after the text before a run-on mark when it does not end a sentence; becomes CLIPPED.
_CUT = "\uf8fe"
_FN_HEAD_RE = re.compile(r"^\((\d{1,3})\)\s+(?=[a-z])")
_STAR_NOTE_RE = re.compile(r"^\W*(?:If the form is filed|Intentional misstatements)", re.IGNORECASE)


def _part_run_on_marks(lines: list[str]) -> list[str]:
    """Lines with a bold footnote number after other text split there, each footnote a paragraph of
    its own. A PDF-to-Markdown converter runs two footnotes into one line where the first one's last
    line was cut at the paper's edge: text before such a number that does not end a sentence is
    marked cut (not whole), not read as the footnote's whole text."""
    out: list[str] = []
    for line in lines:
        if "**(" not in line or "|" in line:
            out.append(line)
            continue
        line = _GLUED_MARK_RE.sub(r"\1 ", line)
        parts = _MID_MARK_RE.split(line)
        if len(parts) == 1:
            out.append(line)
            continue
        for k, part in enumerate(parts):
            if k + 1 < len(parts) and not _SENTENCE_END_RE.search(_TAG_RE.sub("", part).rstrip(" *_")):
                part += _CUT
            out.extend((part, ""))
    return out


#: A section's bold heading standing inside a paragraph: a PDF converter ran the section into the one
#: above (the owners table's words, then "**Signatures** /s/ ...").
_INLINE_SECTION_RE = re.compile(r"(?<=\S)\s*(\*\*(?:Signatures?|Explanation of Responses:?|Remarks:?)\*\*)\s*")
_CAPTION_LINE_RE = re.compile(r"^\W*Signature\s+of\s+Reporting\s+Person\W*$", re.IGNORECASE)
_DATE_LINE_RE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")
_SIG_HEAD_LINE_RE = re.compile(r"^\s*Signatures\s*$", re.MULTILINE)


def _part_inline_sections(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        m = _INLINE_SECTION_RE.search(line) if "**" in line and "|" not in line else None
        if m and line[: m.start()].strip(" #*->"):  # (a Markdown heading's own "### " is not text)
            for part in _INLINE_SECTION_RE.split(line):  # (the heading, kept by the split's group)
                if part.strip():
                    out.extend((part, ""))
        else:
            out.append(line)
    return out


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


def _signature_rows(doc: Doc) -> Doc:
    """The signature block as the page prints it (the name and its date side by side, the captions
    "Signature of Reporting Person" and "Date" under them), where a PDF converter gave it otherwise:
    each value over its caption in one cell (| name / caption | date / Date |), or the date and its
    caption as paragraphs after the name's caption."""
    out: Doc = []
    i = 0
    doc = _part_signature_heading(doc)
    while i < len(doc):
        row = doc[i]
        if (
            i + 1 < len(doc)
            and doc[i + 1]
            and _CAPTION_LINE_RE.match(doc[i + 1][0])
            and sum(1 for c in row if c.strip()) > 2
        ):
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


def _join_footnote_heads(doc: Doc) -> Doc:
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
    return out


#: Box 1's captions under its lines, as the printed form shows them.
_CAPTION_RE = re.compile(r"^\((?:Last|First|Middle|Street|City|State|Zip[^)]*|Country)\)$")
_BOX1_LABEL_RE = re.compile(r"^\s*1\s*\.\s*Name\s+and\s+Address", re.IGNORECASE)
_BOX_LABEL_RE = re.compile(r"^\s*\d{1,2}[a-z]?\s*\.\s*[A-Z]")
_TABLE_ONE_RE = re.compile(r"^\W*Table\s+I\b", re.IGNORECASE)


def _drop_unplaced_box1(doc: Doc) -> Doc:
    """Box 1 (name and address) left out where the page's table put its captions and values in a cell
    apart from box 1's label ("(Last)\\n(First)\\n1400 SMITH STREET"): a converter that drew the table from a PDF's
    lines, not the form's boxes, so which line is the name, a street or the city cannot be told,
    nor which cell's words belong to box 1. The form reader then lists the name and address missing."""
    end = next((i for i, r in enumerate(doc) if any(_TABLE_ONE_RE.match(c) for c in r)), len(doc))
    mixed = False
    for row in doc[:end]:
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
_TITLES = tuple(
    re.sub("[^a-z]", "", t.lower())
    for t in (
        "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned",
        "Table I - Non-Derivative Securities Beneficially Owned",
        "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned",
        "Table II - Derivative Securities Beneficially Owned",
    )
)
_TITLE_TAIL = "egputscallswarrantsoptionsconvertiblesecurities"
_LETTERS_RE = re.compile("[^a-z]")


def _title_row(row: list[str]) -> list[list[str]] | None:
    """A row whose cells, from one on, are a table's title cut by cell boundaries: the cells before
    it (another box's last line) as a row, and the title as one cell; None for any other row."""
    for k, cell in enumerate(row):
        if not cell.lstrip(" *").startswith("Tab"):
            continue
        joined = "".join(row[k:])
        letters = _LETTERS_RE.sub("", joined.lower())
        for title in _TITLES:
            if letters.startswith(title) and _TITLE_TAIL.startswith(letters[len(title) :]):
                before = row[:k]
                return [before, [" ".join(joined.split())]] if any(c.strip() for c in before) else [[joined]]
        return None
    return None


def markdown_to_doc(data: bytes | str, source: str | None = None) -> Doc:
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    bold_marks = "**(" in text
    if bold_marks:
        lines = _part_run_on_marks(lines)
    if "**Signature" in text or "**Explanation" in text or "**Remarks" in text:
        lines = _part_inline_sections(lines)
    # How each line changes the depth of HTML tables (opened less closed), for the lines holding a
    # table tag, in order; found when the first HTML table is met, by one scan of the page (lowering
    # the page, or scanning it line by line, costs several times as much).
    nets: dict[int, int] | None = None
    table_lines: list[int] = []
    blocks: list[tuple[int, str]] = []  # each HTML table block: where its rows go, and its HTML
    doc: Doc = []
    para: list[str] = []

    def flush() -> None:
        if para:
            joined = _inline(" ".join(para))
            if joined:
                doc.append([joined])
            para.clear()

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
            cells = _split_pipes(stripped)
            kept = [c for c in cells if "--" not in c or not _DELIM_CELL_RE.match(c)] if "--" in stripped else cells
            if not kept or (all(not c.strip() for c in kept) and len(kept) == len(cells) == 0):
                continue
            if len(kept) == len(cells) or any(c.strip() for c in kept):
                # (A table's many empty cells are not worth a call each.)
                row = [_inline(c) if c and not c.isspace() else "" for c in kept]
                split = _title_row(row) if len(row) > 1 and "Tab" in stripped else None
                doc.extend(split if split is not None else [row])
            continue
        if _RULE_RE.match(stripped):
            flush()
            continue
        m = _TASK_RE.match(line)
        if m:
            flush()
            box = CHECKED if m.group(1) in "xX" else UNCHECKED
            para.append(f"{box} {line[m.end() :]}")
            flush()
            continue
        if _HEADING_RE.match(line) or _BULLET_RE.match(line):
            flush()
            para.append(_BULLET_RE.sub("", _HEADING_RE.sub("", line)))
            flush()
            continue
        hard_break = line.endswith("  ") or (line.endswith("\\") and not line.endswith("\\\\"))
        if line.endswith("\\") and not line.endswith("\\\\"):
            stripped = stripped[:-1].rstrip()  # a backslash at the end of a line is a line break, not text
        if "\\." in stripped:
            # A converter escapes "3." only where it starts a line of its own: glued to the digits of
            # the line above ("PO BOX 89993\. Date of Earliest Transaction"), it is a box's number.
            # ("12\. x" opening the line is a number the converter escaped, not one glued on.)
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
    if "(Last)" in text:
        doc = _drop_unplaced_box1(doc)
    doc = place_tables(doc)
    if "ignature" in text:
        doc = _signature_rows(doc)
    if bold_marks:
        doc = _join_footnote_heads([[c.replace(_CUT, CLIPPED) if _CUT in c else c for c in row] for row in doc])
    return doc


#: Between HTML blocks read in one parse: a paragraph holding only this character, read as a row of
#: its own, tells where one block's rows end.
#: (Not from the walk's own range, U+E0xx: a page holding one of those is checked the slow way.)
_BETWEEN = "\uf8e9"
_BETWEEN_REF_RE = re.compile(r"&#(?:[xX]0*[fF]8[eE]9|0*63721)(?![0-9])")
#: What could make blocks read together differ from blocks read alone: markup that hides or moves
#: text (comments, CDATA, processing instructions, a document's own html/head/body). Looked for with
#: str.find on the lower-cased blocks (a case-blind regex would scan them at a tenth of the speed).
_UNSAFE_TO_JOIN = ("<!", "<?", "<html", "<head", "<body")
_UNSAFE_TO_JOIN_LOW = tuple(u.encode() for u in _UNSAFE_TO_JOIN)


def _read_blocks(htmls: list[str], source: str | None) -> list[Doc]:
    """The rows of each HTML block. A page of pandoc's (gfm, commonmark) holds several: they are read
    in one parse when that is sure to give each block's rows as reading it alone would (lxml and the
    walk cost about 0.06 ms a call before any of the page is read); otherwise one by one."""
    if len(htmls) > 1:
        joined = f"\n<p>{_BETWEEN}</p>\n".join(htmls)
        raw = joined.encode("utf-8", "surrogatepass")
        low = raw.lower()  # (bytes: see markdown_to_doc)
        # (A "(2)" outside <sup> changes how a block's marks are read when another block has <sup>;
        # looked for on the blocks joined: the 5 bytes before a block's start are the separator's
        # "</p>\n", never "<sup>", as before a block read alone there are none.)
        if (
            joined.count(_BETWEEN) == len(htmls) - 1  # no block holds the separator's character
            and not _BETWEEN_REF_RE.search(joined)
            and not any(u in low for u in _UNSAFE_TO_JOIN_LOW)
            and not _bare_mark(raw)
        ):
            try:
                rows = html_to_doc(joined, None)
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
