"""A laid-out page's text spelt one way before its positions are read: tabs, page breaks, pandoc's
Markdown escapes and a text browser's marks and boxes, each replaced so the columns stay where they were."""

from __future__ import annotations

import re


def normalize_layout(text: str) -> str:
    """Tabs to spaces, form feeds (page breaks) out: a page break is not a blank line between rows.
    Text written as Markdown that laid its tables out in columns (pandoc's own Markdown: "1\\. Name")
    loses its escapes, line-break backslashes and empty spans; each is replaced by as many spaces, so
    the columns stay where they were."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\f", "")
    if "\t" in text:  # (expandtabs copies the page even when it holds no tab)
        text = text.expandtabs(8)
    if "^" in text:
        # A text browser's superscript mark ("^(1)", w3m) spelt as the layout reader knows marks, a
        # space before it so the line keeps its width; a "^" a narrow cell broke off its "(1)" (on
        # the next line) is a space.
        text = _caret_marks(text)
        text = _LONE_CARET_RE.sub(" ", text)
    if _find(text, "[*]") >= 0:  # w3m's checked box: as the form reader spells one (the same width)
        text = _STAR_BOX_RE.sub("[X]", text)
    if _find(text, "\\.") >= 0 and _MD_ESCAPED_LABEL_RE.search(text):  # (the pattern's one literal, first)
        text = _MD_SPAN_RE.sub(lambda m: m.group(1).ljust(len(m.group(0))), text)
        text = _MD_ESCAPE_RE.sub(r"\1", text)
        text = _MD_BREAK_RE.sub(" ", text)
    return text


def _caret_marks(text: str) -> str:
    """``_CARET_MARK_RE`` replaced on the lines holding a "^(", found by str.find: the pattern, which
    no literal opens, is not run over the whole page (none of its matches spans a line)."""
    out: list[str] = []
    done = 0
    at = _find(text, "^(")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        out.append(text[done:start])
        out.append(_CARET_MARK_RE.sub(_caret_mark, text[start:end]))
        done = end
        at = _find(text, "^(", end)
    out.append(text[done:])
    return "".join(out)


def _find(text: str, needle: str, start: int = 0) -> int:
    """``text.find(needle, start)``, by the needle's first character: a page holding one character past
    Latin-1 (pandoc's superscript marks) is searched for a longer needle ten to fifty times slower than
    for one character, and the needles here start with a character a page holds a few times at most."""
    first, rest = needle[0], needle[1:]
    at = text.find(first, start)
    for _ in range(64):  # (a page holding the first character more often is searched as a whole)
        if at < 0 or text.startswith(rest, at + 1):
            return at
        at = text.find(first, at + 1)
    return text.find(needle, at)


def _caret_mark(m: re.Match[str]) -> str:
    return f"{m[1]} ({m[2]})" if m[1] else f"({m[2]}) "


_LONE_CARET_RE = re.compile(r"\^(?= |$)", re.MULTILINE)
_STAR_BOX_RE = re.compile(r"(?<!\S)\[\*\](?= )")
#: "^(1)" touching its value ("$ 5.00^(1)"; group 1) or standing apart (" ^(1)", a cell of its own or
#: a space after its value: it keeps where it starts).
_CARET_MARK_RE = re.compile(r"(\S?)\^\((\d{1,3})\)")
_MD_ESCAPED_LABEL_RE = re.compile(r"^\s*\d{1,2}\\\.\s", re.MULTILINE)
_MD_SPAN_RE = re.compile(r"\[([^\]\n]*)\]\{[^}\n]*\}")
_MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$|<>~\"'&])")
_MD_BREAK_RE = re.compile(r"\\(?=\n|$)")
