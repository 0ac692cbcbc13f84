"""The shape every front end hands to the form reader: rows of cells, in reading order.

A *row* is a list of cell texts; text outside tables is a row of one cell. A cell keeps its line
breaks as ``\\n``. Front ends normalise the marks the printed form uses so the form reader sees one
spelling: footnote references as ``(1)``, a ticked box as ``[X]`` and an empty box as ``[ ]``.
"""

from __future__ import annotations

import functools
import re

#: The Filing's fields that hold the rows of Table I (1) and Table II (2), and all four in order.
TABLE_FIELDS: dict[int, tuple[str, str]] = {
    1: ("non_derivative_transactions", "non_derivative_holdings"),
    2: ("derivative_transactions", "derivative_holdings"),
}
ROW_FIELDS: tuple[str, ...] = (*TABLE_FIELDS[1], *TABLE_FIELDS[2])

Row = list[str]
Doc = list[Row]

CHECKED = "[X]"
UNCHECKED = "[ ]"
#: Written after the "(" of a "(2)" the page prints as plain text, not as a footnote mark (a front end
#: that can tell them apart puts it there); the reader removes it from every value it returns.
LITERAL = "\u2060"
#: Written after a word that runs past the page's printable edge (a PDF clips the rest of its line):
#: text holding it is not whole, and the reader says so instead of returning it.
CLIPPED = "\ue0fe"
#: Written after a footnote's text where the page does not settle where the note starts or ends (a
#: number that may stand beside the middle of its note): the reader lists that note missing.
UNSETTLED = "\uf8fd"
#: A line ending in a word's hyphen: the word goes on at the start of the next line (no space between).
HYPHEN_END_RE = re.compile(r"[A-Za-z0-9]-$")


def runs_on(text: str, line: str) -> bool:
    """The line break between ``text`` and its next ``line`` falls inside a word: after a word's hyphen
    ("Rule 10b5-" over "1", "worst-" over "performing"), or after a "?" between letters ("child?" over
    "s trust?s", where a filer's curly apostrophe became "?"). Browsers break lines there without a
    space; in the corpus's text a word's hyphen is followed by a space 3 times in 7,304, and a "?"
    between letters never. So after a "/" inside a word ("f/k/" over "a", "12/31/" over "2019"): in
    the corpus a "/" after a word's letter is followed by a space 8 times in 920 but where it closes
    a token that opens with one ("/s/ Name", "CORP /DE/"), which a line may end with."""
    if HYPHEN_END_RE.search(text):
        return True
    if text[-1:] == "/" and line[:1].isalnum():
        if text[-2:-1].isalnum():
            return not text[text.rfind(" ") + 1 :].startswith("/")
        # A line broken inside the state EDGAR appends to a name ("INC /" over "VA/": "/VA/").
        return text[-2:-1] in ("", " ") and _STATE_TAIL_RE.match(line) is not None
    if text[-2:] == "$." and line[:1].isdigit():
        return True  # a price of cents broken after its point ("par value $." over "0001"; weasyprint)
    return text[-1:] == "?" and text[-2:-1].isalpha() and line[:1].islower()


#: The rest of a name's "/ST/" suffix after its first "/" ("VA/", "NEW/", "DE/ By: ...").
_STATE_TAIL_RE = re.compile(r"[A-Z]{2,4}/(?:\s|$)")


def run_on(text: str, line: str) -> str:
    """``text`` with its next printed ``line``: apart by a space, or by nothing where the break falls
    inside a word (:func:`runs_on`)."""
    if not text:
        return line
    if line.strip() and runs_on(text.rstrip(), line.lstrip()):
        return f"{text.rstrip()}{line.lstrip()}"
    return f"{text} {line}"


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾", "0123456789()")
_SUP_RUN_RE = re.compile(r"[⁽]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+[⁾]?")
_CARET_MARK_RE = re.compile(r"\^\(?(\d{1,3}|\*{1,2})\)?\^?")
_BOX_RE = re.compile(r"[☒☑✓✔✗✘■]|\[[xX✓✔]\]")
_EMPTY_BOX_RE = re.compile(r"[☐□]|\[ \]")
_NBSP_JOIN_RE = re.compile(r",\u00a0+")
_SPECIAL_RE = re.compile("[\u00a0\u2002-\u200b\u3000\r^\u2070-\u209f\u00b9\u00b2\u00b3☐□☒☑✓✔✗✘■\\[]")
_SUP_ANY_RE = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]")
_BOX_ANY_RE = re.compile(r"[☒☑✓✔✗✘■☐□\[]")
_SPACE_RE = re.compile(r"[ \t\u00a0\u2002-\u200b\u3000]+")


def _sup(m: re.Match[str]) -> str:
    digits = m.group(0).translate(_SUPERSCRIPTS).strip("()")
    return f"({digits})"


_ODD_SPACE_RE = re.compile("[\x0b\x0c\x1c-\x1f]")


def _plain(text: str) -> str:
    if "\n" not in text:
        return " ".join(text.split())
    return "\n".join(ln for ln in (" ".join(x.split()) for x in text.split("\n")) if ln)


#: How many readings of single cells each memo keeps. Two thirds of a page's cells are the printed
#: form's own words (labels, column heads, instructions), the same on every page: read once per
#: process, not once per page. The memos hold pure functions of the cell's text, so a hit is the
#: reading itself; bounded, so memory stays small (some MB) however many pages are read.
MEMO = 1 << 14


@functools.lru_cache(maxsize=MEMO)
def normalize(text: str) -> str:
    """One spelling for marks and white space; line breaks are kept."""
    # Fast path: plain text. (For ASCII text the special characters are "[", "^" and "\r": three scans
    # of a short string cost less than the regex search.)
    if ("[" not in text and "^" not in text and "\r" not in text) if text.isascii() else not _SPECIAL_RE.search(text):
        return _plain(text)
    if not text.strip():  # white space alone (an &nbsp; cell)
        return ""
    if "\u00a0" in text and ",\u00a0" not in text:
        # &nbsp; the only mark (no street join to undo): as plain text, when no white space is left
        # that the rule below keeps but str.split() would take (\v, \f, \x1c-\x1f).
        plain = text.replace("\u00a0", " ")
        if plain.isascii() and "[" not in plain and "^" not in plain and "\r" not in plain:
            if not _ODD_SPACE_RE.search(plain):
                return _plain(plain)
    # The older stylesheets join street lines (and city, state) with ",&nbsp;": that comma is the
    # stylesheet's, not the filer's; keep the parts apart as lines.
    # (Remarks printed with &nbsp; between every word are prose: their commas stay.)
    # (Each rewrite below is guarded by a cheap test: most cells reach here only for an &nbsp;.)
    if "," in text and text.count("\u00a0") <= 4:
        text = _NBSP_JOIN_RE.sub("\n", text)
    if _SUP_ANY_RE.search(text):
        text = _SUP_RUN_RE.sub(_sup, text)
    if "^" in text:
        text = _CARET_MARK_RE.sub(lambda m: f"({m.group(1)})", text)
    if _BOX_ANY_RE.search(text):
        text = _BOX_RE.sub(CHECKED, text)
        text = _EMPTY_BOX_RE.sub(UNCHECKED, text)
    lines = [_SPACE_RE.sub(" ", ln).strip() for ln in text.replace("\r", "").split("\n")]
    return "\n".join(ln for ln in lines if ln)


def flat(text: str) -> str:
    """A cell as one line: its lines apart by a space, or by nothing where a line ends inside a word
    (:func:`runs_on`: a converter of a PDF writes the lines the paper wrapped a cell into, "Venture
    2010-" over "Seed Fund")."""
    if "\n" in text and ("-\n" in text or "/\n" in text or "?\n" in text):
        return functools.reduce(run_on, (" ".join(ln.split()) for ln in text.split("\n") if ln.strip()), "")
    return " ".join(text.split())


def fragments(doc: Doc) -> list[str]:
    """Every non-empty line of every cell, in reading order (the boxes are read from this)."""
    out: list[str] = []
    for row in doc:
        for cell in row:
            out.extend(ln for ln in cell.split("\n") if ln.strip())
    return out
